"""``--version`` and ``--help``: every command explains itself with examples; wrong usage is exit code 2."""

from __future__ import annotations

import re

import pytest

from tui.cli import COMMANDS


def test_version(run_dualread):
    from importlib.metadata import version

    result = run_dualread("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dualread {version('dualread')}"
    assert re.fullmatch(r"dualread \d+\.\d+\.\d+\S*", result.stdout.strip())


def test_top_level_help_names_every_command(run_dualread):
    result = run_dualread("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "examples:" in result.stdout and "--library" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(run_dualread, command):
    result = run_dualread(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: dualread {command}")
    examples = result.stdout.split("examples:", 1)
    assert len(examples) == 2, f"{command} --help has no examples"
    assert f"dualread {command}" in examples[1] or command == "open"
    assert "--library" in result.stdout


def test_add_help_documents_the_contract_options(run_dualread):
    out = run_dualread("add", "--help").stdout
    for option in ("--event", "--date", "--side", "--publisher", "--title", "--url", "--language", "--force"):
        assert option in out


def test_missing_required_options_are_usage_errors(run_dualread, library_dir):
    result = run_dualread("add", "p", "--event", "E")
    assert result.returncode == 2
    assert "usage: dualread add" in result.stderr and "--date" in result.stderr
    assert not library_dir.exists()


def test_an_unknown_command_is_a_usage_error(run_dualread):
    result = run_dualread("frobnicate")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_fits_an_80_column_terminal(run_dualread, command):
    result = run_dualread(*([command] if command else []), "--help", env={"COLUMNS": "80"})
    assert result.returncode == 0
    long = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert not long, long
