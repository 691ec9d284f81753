"""One pair that trips the engine (as ❶ did, through ``int()`` on a ``str.isdigit()`` token) costs that pair only:
``show`` says so in one line, ``export --all`` exports every other pair and names the bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

import comparisons.engine as engine
from pair_folders import write_pair_folder
from tui.cli import main

@pytest.fixture
def lib(tmp_path: Path, monkeypatch) -> Path:
    for pair_id in ("good", "bad"):
        write_pair_folder(tmp_path / "lib", pair_id)
    real = engine.compare

    def fragile(pair, options=None):
        if pair.id == "bad":
            raise ValueError("invalid literal for int() with base 10: '❶'")
        return real(pair, options)

    monkeypatch.setattr(engine, "compare", fragile)
    return tmp_path / "lib"


def test_show_of_the_bad_pair_is_one_line_naming_it(lib, capsys):
    assert main(["--library", str(lib), "show", "bad"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert "pair 'bad'" in err and "engine failed" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_export_all_exports_every_other_pair(lib, tmp_path, capsys, fmt):
    out_dir = tmp_path / "out"
    assert main(["--library", str(lib), "export", "--all", "--format", fmt, "--output", str(out_dir)]) == 1
    err = capsys.readouterr().err
    written = sorted(p.stem for p in out_dir.glob(f"*.{fmt}") if not p.stem.startswith("index"))
    assert "good" in written and "bad" not in written and len(written) >= 5  # the samples too
    assert "dualread: bad:" in err and "engine failed" in err and "internal error" not in err
