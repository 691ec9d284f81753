"""Where the output goes can fail too: a full disk, no terminal at all. The user gets one line saying so and exit
code 1, never a traceback or a process that never ends (SPEC §4, §9)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from pair_folders import dualread_command

SAMPLE = "2021-12-30-biden-putin-call"

needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(),
                                    reason="/dev/full, a device that is always full, is Linux's")


@needs_dev_full
@pytest.mark.parametrize("args", [
    ("list",),
    ("list", "--json"),
    ("show", SAMPLE),
    ("export", SAMPLE, "--format", "md"),
    ("topics",),
    ("review", SAMPLE),
], ids=lambda args: " ".join(args[:3]))
def test_standard_output_on_a_full_disk_is_one_line_and_exit_1(args, library_dir, tmp_path):
    # `dualread export PAIR --format md > report.md` on a disk that is full.
    env = dict(os.environ, DUALREAD_LIBRARY=str(library_dir), NO_COLOR="1", PYTHONIOENCODING="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*dualread_command(), *args], stdout=full, stderr=subprocess.PIPE, env=env,
                              cwd=tmp_path, timeout=120)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode == 1, err
    assert err.splitlines() == ["dualread: standard output: cannot write: No space left on device"], err


@pytest.mark.parametrize("args", [(), ("open", SAMPLE)], ids=["library", "open"])
def test_the_ui_without_a_terminal_says_so_and_ends(args, library_dir, tmp_path):
    # From cron, a script or `ssh host dualread` without -t: the UI started anyway, drew into the pipe and spun
    # (measured: 7.8 s of CPU in 10 s, 6 MB of escape sequences in 15 s) and never ended.
    env = dict(os.environ, DUALREAD_LIBRARY=str(library_dir), NO_COLOR="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([*dualread_command(), *args], stdin=subprocess.DEVNULL, capture_output=True, env=env,
                          cwd=tmp_path, timeout=60)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert proc.returncode == 1, err[-300:]
    assert len(err.splitlines()) == 1 and err.startswith("dualread: ") and "terminal" in err, err[-300:]
    assert "dualread show" in err  # what works without one
    assert proc.stdout == b""


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="/proc, a folder that takes no new file, is Linux's")
def test_a_file_that_exists_but_cannot_be_replaced_is_not_said_to_be_missing(run_dualread):
    # `export --output /proc/version` said "/proc/version: ... No such file or directory" of a file that is there:
    # the scratch file beside it, which an atomic write needs, is what could not be made.
    result = run_dualread("export", SAMPLE, "--format", "md", "--output", "/proc/version")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "dualread: /proc/version: cannot write the export: no file can be made in /proc to write it "
        "(No such file or directory)"], result.stderr
