"""A library someone else made (shared through git, a zip, a colleague's folder): its files are untrusted input.

Links that lead out of the library are refused with one line naming the file, and never read; escape sequences
hidden in a hand-edited pair.yaml, a side file or topics.yaml reach no export and no terminal. Each case is one a
careful attacker tried: ``ln -sf /etc/passwd LIB/victim/white-house.txt``, an OSC 52 clipboard write in an event.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pair_folders import NORTH, SOUTH, write_pair_folder
from tui.cli import main

SECRET = "root:x:0:0:SECRET-LINE-FROM-OUTSIDE\n"


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    library = tmp_path / "lib"
    write_pair_folder(library, "good")
    return library


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "passwd"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def dualread(library: Path, *args: str) -> int:
    return main(["--library", str(library), *args])


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def every_file_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file())


# --- side files that hold no readout -------------------------------------------------------------------------------

@pytest.mark.parametrize("title_only", ["Statement on the talks\n", "Statement on the talks\n\n\n"])
def test_a_side_file_of_a_title_alone_is_named_not_compared(lib, capsys, title_only):
    # Its headline was read as the side's one claim: "only South reports: Statement on the talks" (one form),
    # or a side of no claims at all (the other); `add` refuses such a text, in the same words.
    write_pair_folder(lib, "headless", south=title_only)
    assert dualread(lib, "show", "headless") == 1
    out, err = capsys.readouterr()
    line = one_line(err)
    assert out == "" and "south.txt" in line and "only a title line" in line and "Statement on the talks" in line
    assert dualread(lib, "list") == 0
    out, err = capsys.readouterr()
    assert "good" in out and "headless" in err and "only a title line" in err


def test_a_side_file_of_one_sentence_is_a_readout_of_one_claim(lib, capsys):
    write_pair_folder(lib, "short", south="The presidents discussed sanctions and the troop buildup.\n")
    assert dualread(lib, "show", "short") == 0
    assert "sanctions and the troop buildup" in capsys.readouterr().out


# --- links that leave the pair's folder or the library ------------------------------------------------------------

def test_a_side_file_linked_out_of_the_library_is_refused_and_never_shown(lib, secret, tmp_path, capsys):
    folder = write_pair_folder(lib, "victim")
    (folder / "north.txt").unlink()
    (folder / "north.txt").symlink_to(secret)

    assert dualread(lib, "show", "victim") == 1
    out, err = capsys.readouterr()
    line = one_line(err)
    assert str(folder / "north.txt") in line and "link" in line
    assert "SECRET" not in out + err

    assert dualread(lib, "export", "--all", "--format", "json", "--output", str(tmp_path / "out")) == 1
    out, err = capsys.readouterr()
    assert "SECRET" not in every_file_text(tmp_path / "out") + out + err
    assert (tmp_path / "out" / "good.json").is_file() and not (tmp_path / "out" / "victim.json").exists()
    assert "victim" in err


def test_list_calls_a_pair_with_a_link_out_broken(lib, secret, capsys):
    folder = write_pair_folder(lib, "victim")
    (folder / "north.txt").unlink()
    (folder / "north.txt").symlink_to(secret)

    assert dualread(lib, "list") == 0
    out, err = capsys.readouterr()
    assert "victim" not in out and "good" in out
    assert "broken pair victim" in err and "north.txt" in err

    assert dualread(lib, "list", "--json") == 0
    listed = {entry["id"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert "link" in listed["victim"]["problem"] and "problem" not in listed["good"]


def test_a_pair_yaml_linked_out_of_the_pair_is_refused(lib, tmp_path, capsys):
    elsewhere = write_pair_folder(tmp_path / "elsewhere", "victim")
    folder = lib / "victim"
    folder.mkdir()
    (folder / "pair.yaml").symlink_to(elsewhere / "pair.yaml")
    for name in ("north.txt", "south.txt"):
        (folder / name).write_text(NORTH, encoding="utf-8")

    assert dualread(lib, "show", "victim") == 1
    assert "pair.yaml" in one_line(capsys.readouterr().err)


def test_a_pair_folder_linked_out_of_the_library_is_refused(lib, tmp_path, capsys):
    elsewhere = write_pair_folder(tmp_path / "elsewhere", "victim", north=SECRET + "\n" + NORTH)
    (lib / "victim").symlink_to(elsewhere, target_is_directory=True)

    assert dualread(lib, "show", "victim") == 1
    out, err = capsys.readouterr()
    assert "victim" in one_line(err) and "link" in err and "SECRET" not in out + err


def test_a_link_that_stays_inside_the_pair_folder_is_read(lib, capsys):
    folder = write_pair_folder(lib, "victim")
    (folder / "north-v2.txt").write_text(NORTH.replace("Geneva", "Vienna"), encoding="utf-8")
    (folder / "north.txt").unlink()
    (folder / "north.txt").symlink_to("north-v2.txt")

    assert dualread(lib, "show", "victim") == 0
    assert "Vienna" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["topics.yaml", "settings.yaml"])
def test_library_files_linked_out_of_the_library_are_refused(lib, tmp_path, capsys, name):
    outside = tmp_path / "outside.yaml"
    outside.write_text("similarity: lexical\n" if name == "settings.yaml" else
                       "extends: default\ntopics:\n  - {id: secret, label: Secret, description: x, keywords: [x]}\n",
                       encoding="utf-8")
    (lib / name).symlink_to(outside)

    assert dualread(lib, "show", "good") == 1
    line = one_line(capsys.readouterr().err)
    assert str(lib / name) in line and "link" in line


# --- escape sequences in a hand-edited library --------------------------------------------------------------------

ESCAPES = ("\x1b", "\x07", "\x9b", "\x9d")
"""ESC (CSI, OSC ...), BEL (ends an OSC), and the one-byte C1 forms of CSI and OSC."""


@pytest.fixture
def escaped_lib(tmp_path: Path) -> Path:
    library = tmp_path / "lib"
    folder = write_pair_folder(
        library, "escaped",
        north="Readout \x1b]0;OWNED\x07of the call\n\nThe two presidents discussed \x1b[31msanctions\x1b[0m and the "
              "troop buildup near the border. They agreed that talks will take place in Geneva on 10 January.\x9b2J\n",
        south=SOUTH.replace("possible", "possible\x1b]52;c;SGVsbG8=\x07"))
    pair_yaml = (folder / "pair.yaml").read_text(encoding="utf-8")
    pair_yaml = pair_yaml.replace("event: A call", r'event: "\e]0;OWNED\a Call \e]52;c;SGVsbG8=\a"')
    pair_yaml = pair_yaml.replace("publisher: North", r'publisher: "North\e[2J\x9d"')
    (folder / "pair.yaml").write_text(pair_yaml, encoding="utf-8")
    (library / "topics.yaml").write_text(
        'extends: default\ntopics:\n  - {id: sanctions, label: "Sanctions\\e]0;T\\a", description: x, keywords: [sanction*]}\n',
        encoding="utf-8")
    return library


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv"])
def test_no_export_carries_an_escape_sequence(escaped_lib, tmp_path, capsys, fmt):
    one = tmp_path / f"one.{fmt}"
    assert dualread(escaped_lib, "export", "escaped", "--format", fmt, "--output", str(one)) == 0
    assert dualread(escaped_lib, "export", "--all", "--format", fmt, "--output", str(tmp_path / "all")) == 0
    written = one.read_text(encoding="utf-8") + every_file_text(tmp_path / "all")
    assert "OWNED" not in written and "sanctions" in written
    assert fmt == "csv" or "Call" in written  # CSV has no event column
    for char in ESCAPES:
        assert char not in written, (fmt, char)
    out, err = capsys.readouterr()
    assert not any(char in out + err for char in ESCAPES)


@pytest.mark.parametrize("command", [["show", "escaped"], ["list"], ["list", "--json"], ["topics"]])
def test_no_terminal_output_carries_an_escape_sequence(escaped_lib, capsys, command):
    assert dualread(escaped_lib, *command) == 0
    out, err = capsys.readouterr()
    assert out.strip()
    for char in ESCAPES:
        assert char not in out + err, (command, char)


def test_an_escape_in_a_folder_name_is_shown_not_obeyed(lib, capsys):
    write_pair_folder(lib, "bad\x1b]0;OWNED\x07")
    assert dualread(lib, "show", "bad\x1b]0;OWNED\x07") == 1
    assert dualread(lib, "list") == 0
    out, err = capsys.readouterr()
    assert "good" in out
    for char in ESCAPES:
        assert char not in out + err


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides and isolates: each turns the direction of the text after it until its paragraph ends."""


@pytest.mark.parametrize("fmt", ["show", "json", "md", "html", "csv"])
def test_a_right_to_left_override_in_a_readout_turns_no_text_around(lib, tmp_path, capsys, fmt):
    # In a browser the HTML report showed "The sides did \u202enot agree on talks. Biden raised the prisoners." as
    # "The sides did .srenosirp eht desiar nediB .sklat no eerga ton": the override ran on into the next claim.
    folder = write_pair_folder(lib, "reversed", north=NORTH.replace(
        "They agreed", "They \u202edid not agree\u202c and \u2067agreed\u2069"))
    pair_yaml = (folder / "pair.yaml").read_text(encoding="utf-8")
    (folder / "pair.yaml").write_text(pair_yaml.replace("event: A call", 'event: "A \\u202Ecall"'), encoding="utf-8")
    if fmt == "show":
        assert dualread(lib, "show", "reversed") == 0
        written = capsys.readouterr().out
    else:
        out = tmp_path / f"report.{fmt}"
        assert dualread(lib, "export", "reversed", "--format", fmt, "--output", str(out)) == 0
        written = out.read_text(encoding="utf-8")
    assert "did not agree" in written
    assert [char for char in written if char in BIDI] == []


# --- --output through a link ----------------------------------------------------------------------------------------

def test_output_through_a_link_to_a_file_writes_the_file_and_keeps_the_link(lib, tmp_path):
    target = tmp_path / "reports" / "call.md"
    target.parent.mkdir()
    target.write_text("old report\n", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(target)

    assert dualread(lib, "export", "good", "--format", "md", "--output", str(link)) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Geneva" in target.read_text(encoding="utf-8")


def test_output_through_a_link_to_a_device_writes_into_the_device(lib, tmp_path):
    link = tmp_path / "sink"
    link.symlink_to(os.devnull)

    assert dualread(lib, "export", "good", "--format", "md", "--output", str(link)) == 0
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert Path(os.devnull).is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib", "sink"]


def test_output_into_a_pipe_writes_into_it_and_keeps_it_a_pipe(lib, tmp_path):
    import threading

    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        assert dualread(lib, "export", "good", "--format", "md", "--output", str(fifo)) == 0
        thread.join(60)
        assert received and b"Geneva" in received[0]
        assert fifo.is_fifo()
    finally:
        if thread.is_alive():  # unblock the reader if the export never opened the pipe
            with open(fifo, "wb"):
                pass
