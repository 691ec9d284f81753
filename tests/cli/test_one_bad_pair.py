"""One pair that trips the engine (as ❶ did, through ``int()`` on a ``str.isdigit()`` token) costs that pair only:
``show`` says so in one line, ``export --all`` exports every other pair and names the bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

import comparisons.engine as engine
from tui.cli import main

NORTH = "Readout of the call\n\nThe two presidents discussed sanctions and talks in Geneva on 10 January.\n"
SOUTH = "Statement\n\nThe presidents discussed possible sanctions and talks in Geneva on 9 January.\n"


@pytest.fixture
def lib(tmp_path: Path, monkeypatch) -> Path:
    for pair_id in ("good", "bad"):
        folder = tmp_path / "lib" / pair_id
        folder.mkdir(parents=True)
        (folder / "pair.yaml").write_text(f"id: {pair_id}\nevent: A call\ndate: 2024-03-04\nsides:\n"
                                          "  - {key: north, file: north.txt}\n  - {key: south, file: south.txt}\n",
                                          encoding="utf-8")
        (folder / "north.txt").write_text(NORTH, encoding="utf-8")
        (folder / "south.txt").write_text(SOUTH, encoding="utf-8")
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
