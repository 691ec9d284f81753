"""Files that never end or never start: a FIFO in a library, ``--topics /dev/zero``. Only regular files are read,
and the size limit holds while reading; each case answers with one line at once instead of waiting or eating memory.

Each command runs in a subprocess with a timeout (so that a regression fails instead of hanging the test run) and
an address-space cap (so that reading ``/dev/zero`` without end fails fast with a ``MemoryError``, not the machine).
"""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

import pytest

from pair_folders import SOUTH, dualread_command, write_pair_folder

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")

MEMORY_CAP = 1 << 30


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(library: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*dualread_command(), "--library", str(library), *map(str, args)], capture_output=True,
                          text=True, timeout=60, env=env, preexec_fn=_capped, stdin=subprocess.DEVNULL)


def assert_one_line(result: subprocess.CompletedProcess, *parts: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("dualread: "), result.stderr
    for part in parts:
        assert part in lines[0], (part, lines[0])


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    write_pair_folder(tmp_path / "lib", "call")
    return tmp_path / "lib"


def test_a_fifo_as_a_side_file_is_refused_at_once(lib):
    side = lib / "call" / "north.txt"
    side.unlink()
    os.mkfifo(side)
    assert_one_line(run(lib, "show", "call"), str(side), "FIFO")
    listed = run(lib, "list")
    assert listed.returncode == 0 and "broken pair call" in listed.stderr and "FIFO" in listed.stderr


def test_a_fifo_as_pair_yaml_is_refused_at_once(lib):
    pair_yaml = lib / "call" / "pair.yaml"
    pair_yaml.unlink()
    os.mkfifo(pair_yaml)
    assert_one_line(run(lib, "show", "call"), str(pair_yaml), "FIFO")


@pytest.mark.parametrize("name", ["topics.yaml", "settings.yaml"])
def test_a_fifo_as_a_library_file_is_refused_at_once(lib, name):
    os.mkfifo(lib / name)
    assert_one_line(run(lib, "show", "call"), str(lib / name), "FIFO")


def test_a_fifo_as_topics_is_refused_at_once(lib, tmp_path):
    fifo = tmp_path / "topics.fifo"
    os.mkfifo(fifo)
    assert_one_line(run(lib, "--topics", fifo, "show", "call"), str(fifo), "FIFO")
    assert_one_line(run(lib, "topics", "--check", fifo), str(fifo), "FIFO")


@pytest.mark.skipif(not Path("/dev/zero").is_char_device(), reason="needs /dev/zero")
def test_dev_zero_as_topics_is_refused_not_read_without_end(lib):
    assert_one_line(run(lib, "--topics", "/dev/zero", "show", "call"), "/dev/zero", "device")
    assert_one_line(run(lib, "topics", "--check", "/dev/zero"), "/dev/zero", "device")


def test_a_fifo_as_a_source_for_add_is_refused_with_what_to_do_instead(lib, tmp_path):
    fifo = tmp_path / "paste.fifo"
    os.mkfifo(fifo)
    (tmp_path / "south.txt").write_text(SOUTH, encoding="utf-8")
    result = run(lib, "add", "new-call", "--event", "A call", "--date", "2024-03-05",
                 "--side", f"north={fifo}", "--side", f"south={tmp_path / 'south.txt'}")
    assert_one_line(result, str(fifo), "FIFO", "'-'")
    assert not (lib / "new-call").exists()
