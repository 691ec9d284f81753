"""Where the output goes can fail too: a full disk, a closed terminal. The user gets one line saying so and exit
code 1, never a traceback (SPEC §4, §9)."""

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
