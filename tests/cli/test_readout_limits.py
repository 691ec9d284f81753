"""What is too large to be a readout is refused in one line (readouts.limits): more than 1 MB of text per side,
more than 10,000 claims, a "sentence" of more than 5,000 characters. By ``add`` before anything is written, and on
a library's hand-placed side file before the engine spends minutes on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pair_folders import SOUTH, write_pair_folder
from readouts.limits import MAX_CLAIM_CHARS, MAX_CLAIMS, MAX_READOUT_BYTES
from tui.cli import main

WORDS = "the leaders discussed grain exports through the ports and the border talks ".split()


def sentence_of(chars: int) -> str:
    words, size = [], 0
    while size < chars:
        word = WORDS[len(words) % len(WORDS)]
        words.append(word)
        size += len(word) + 1
    return " ".join(words).capitalize() + "."


TOO_LARGE = "Readout\n\n" + "\n\n".join(sentence_of(200) for _ in range(MAX_READOUT_BYTES // 200 + 100)) + "\n"
TOO_MANY = "Readout\n\n" + "\n\n".join("Talks went on." for _ in range(MAX_CLAIMS + 50)) + "\n"
TOO_LONG = "Readout\n\n" + sentence_of(MAX_CLAIM_CHARS * 4) + "\n"
CASES = {"size": (TOO_LARGE, "too large to be a readout"), "claims": (TOO_MANY, "too many claims"),
         "sentence": (TOO_LONG, "sentence too long")}


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_add_refuses_what_is_too_large_to_be_a_readout(tmp_path: Path, capsys, case):
    text, message = CASES[case]
    (tmp_path / "north.txt").write_text(text, encoding="utf-8")
    (tmp_path / "south.txt").write_text(SOUTH, encoding="utf-8")
    code = main(["--library", str(tmp_path / "lib"), "add", "big", "--event", "A call", "--date", "2024-03-04",
                 "--side", f"north={tmp_path / 'north.txt'}", "--side", f"south={tmp_path / 'south.txt'}"])
    line = one_line(capsys.readouterr().err)
    assert code == 1 and message in line and str(tmp_path / "north.txt") in line
    assert not (tmp_path / "lib").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hand_placed_side_file_too_large_to_be_a_readout_is_refused_in_one_line(tmp_path: Path, capsys, case):
    text, message = CASES[case]
    folder = write_pair_folder(tmp_path / "lib", "big", north=text)
    assert main(["--library", str(tmp_path / "lib"), "show", "big"]) == 1
    line = one_line(capsys.readouterr().err)
    assert "too large" in line or message in line
    assert "north.txt" in line
    if case == "size":  # the size is checked as the library is read: the pair is listed as broken
        assert main(["--library", str(tmp_path / "lib"), "list"]) == 0
        assert f"broken pair big: {folder / 'north.txt'}" in capsys.readouterr().err
