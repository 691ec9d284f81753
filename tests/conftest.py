"""Fixtures shared by every test folder.

- ``library_dir``: a fresh, not yet created library folder (``tmp_path / "library"``).
- ``run_dualread(*args, input=None, env=None)``: run the installed ``dualread`` console script in a subprocess,
  with ``DUALREAD_LIBRARY`` pointing at ``library_dir``; returns the ``subprocess.CompletedProcess`` with
  ``stdout``/``stderr`` as text. ``input`` may be text or bytes (fed to stdin); ``env`` adds or overrides
  environment variables.
- ``fixtures_dir``: ``tests/fixtures``, the readouts written for the tests.
- ``library_snapshot(path)``: every file under a folder with its bytes, to prove a failed command changed nothing.
- ``write_pair_folder``: ``tests/pair_folders.write_pair_folder`` as a fixture, a pair folder written by hand.

The command line is run the way a user runs it (the console script, or ``python -m tui.cli`` when the script is not
on PATH), so tests see exactly what a user sees: exit code, stdout, stderr.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pair_folders import dualread_command, write_pair_folder

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _user_cache_of_the_run(tmp_path_factory: pytest.TempPathFactory):
    """The user cache folder of this test run (cache secret, embeddings), never the real one of whoever runs it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DUALREAD_CACHE_DIR", str(tmp_path_factory.mktemp("user-cache")))
        yield


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def run_dualread(library_dir: Path, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
        full_env = dict(os.environ)
        full_env.update({
            "DUALREAD_LIBRARY": str(library_dir),
            "NO_COLOR": "1",
            "COLUMNS": "120",
            "PYTHONIOENCODING": "utf-8",
            # Local test servers must be reached directly, whatever proxy the machine uses.
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
        })
        full_env.update(env or {})
        data = input.encode("utf-8") if isinstance(input, str) else input
        proc = subprocess.run([*dualread_command(), *map(str, args)], input=data, capture_output=True,
                              env=full_env, cwd=tmp_path, timeout=timeout)
        return subprocess.CompletedProcess(proc.args, proc.returncode,
                                           proc.stdout.decode("utf-8", errors="replace"),
                                           proc.stderr.decode("utf-8", errors="replace"))

    return run


def library_snapshot(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` (relative name -> bytes); an absent folder is an empty snapshot."""
    if not path.exists():
        return {}
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(name="library_snapshot")
def library_snapshot_fixture() -> Callable[[Path], dict[str, bytes]]:
    return library_snapshot


@pytest.fixture(name="write_pair_folder")
def write_pair_folder_fixture() -> Callable[..., Path]:
    return write_pair_folder
