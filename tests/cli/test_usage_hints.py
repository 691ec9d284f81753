"""Wrong usage says what was meant: a misspelt command names the command, an unknown option of a command is that
command's error with its own usage; the examples of `open --help` name a pair that exists (issue 13, item 15)."""

from __future__ import annotations

import re

import pytest

from readouts.library import Library
from tui.cli import main


def test_a_misspelt_command_suggests_the_command(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["lst"])
    assert stop.value.code == 2
    assert "did you mean 'list'?" in capsys.readouterr().err


def test_an_unknown_option_of_list_prints_lists_usage_and_the_option_meant(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["--library", str(tmp_path), "list", "--jsno"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: dualread list") and "--json" in err.splitlines()[-1]


def test_the_examples_of_open_name_pairs_that_exist(capsys):
    with pytest.raises(SystemExit):
        main(["open", "--help"])
    out = capsys.readouterr().out
    named = set(re.findall(r"open (\S+)", out.split("examples:")[1]))
    assert named and named <= set(Library.sample_ids()), named
