"""Bad input (SPEC §9): one line on stderr naming what is wrong, exit 1, no traceback, the library unchanged."""

from __future__ import annotations

import socket

import pytest

from readouts.importing import MAX_SOURCE_BYTES

GOOD = "Readout of the call\n\nThe President spoke with the Prime Minister about the floods.\n"


@pytest.fixture
def files(tmp_path):
    made = {}

    def make(name, data):
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        made[name] = path
        return path

    make("good-a.txt", GOOD)
    make("good-b.txt", GOOD.replace("President", "Prime Minister"))
    make("latin1.txt", "Readout\n\nNiinist\xf6 spoke with Putin.\n".encode("latin-1"))
    make("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    make("empty.txt", b"")
    make("blank.txt", "  \n\n\t \n")
    make("scripts.html", "<html><head><script>var readout = 'SCRIPT';</script></head>"
                         "<body><script>document.write('Readout of the call')</script></body></html>")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: the size is there, the 50 MB are not written
        handle.truncate(MAX_SOURCE_BYTES + 1)
    made["huge.txt"] = huge
    return made


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_refused(result, *expected):
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dualread: ")
    assert "Traceback" not in result.stderr and result.stdout == ""
    for part in expected:
        assert part in lines[0], (part, lines[0])


def add(run_dualread, pair_id, *sides, extra=(), input=None, date="2024-03-04"):
    args = ["add", pair_id, "--event", "Aldren–Vesk call", "--date", date]
    for side in sides:
        args += ["--side", side]
    return run_dualread(*args, *extra, input=input)


@pytest.mark.parametrize("bad, expected", [
    ("latin1.txt", ["latin1.txt", "not UTF-8"]),
    ("binary.txt", ["binary.txt", "binary"]),
    ("empty.txt", ["empty.txt", "empty"]),
    ("blank.txt", ["blank.txt", "empty"]),
    ("huge.txt", ["huge.txt", "too large"]),
    ("absent.txt", ["absent.txt", "no such file"]),
    ("scripts.html", ["scripts.html", "no article"]),
])
def test_bad_side_files(run_dualread, library_dir, library_snapshot, files, tmp_path, bad, expected):
    before = library_snapshot(library_dir)
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={tmp_path / bad}")
    assert_refused(result, *expected)
    assert library_snapshot(library_dir) == before



def test_a_web_page_without_an_article(run_dualread, library_dir, fixtures_dir, files):
    page = fixtures_dir / "no-article-page.html"
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={page}")
    assert_refused(result, str(page), "no article found")
    assert not library_dir.exists()

@pytest.mark.parametrize("pair_id", ["a/b", "..", "../escape", "Biden-Putin", "UPPER"])
def test_bad_pair_ids(run_dualread, library_dir, files, pair_id):
    result = add(run_dualread, pair_id, f"a={files['good-a.txt']}", f"b={files['good-b.txt']}")
    assert_refused(result, "not a valid pair id", repr(pair_id))
    assert not library_dir.exists() and not (library_dir.parent / "escape").exists()


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "04/03/2024", "yesterday", "2024-3-4"])
def test_bad_dates(run_dualread, library_dir, files, date):
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}", date=date)
    assert_refused(result, "--date", date)
    assert not library_dir.exists()


def test_a_single_side(run_dualread, library_dir, files):
    assert_refused(add(run_dualread, "p", f"a={files['good-a.txt']}"), "at least two sides")
    assert not library_dir.exists()


def test_two_sides_with_one_key(run_dualread, library_dir, files):
    assert_refused(add(run_dualread, "p", f"a={files['good-a.txt']}", f"a={files['good-b.txt']}"), "'a'", "twice")
    assert not library_dir.exists()


@pytest.mark.parametrize("side, expected", [("Kremlin=x.txt", "not a valid side key"),
                                            ("b=", "no source"),
                                            ("con=x.txt", "Windows reserves")])
def test_malformed_side_options(run_dualread, library_dir, files, side, expected):
    assert_refused(add(run_dualread, "p", f"a={files['good-a.txt']}", side), expected)
    assert not library_dir.exists()


@pytest.mark.parametrize("option", ["--side", "--publisher", "--title", "--url", "--language"])
def test_an_option_without_its_equals_sign_is_a_usage_error(run_dualread, library_dir, files, option):
    extra = (option, "no-equals-sign") if option != "--side" else ("--side", "no-equals-sign")
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}", extra=extra)
    assert result.returncode == 2, result.stderr
    assert "usage:" in result.stderr and "expected KEY=" in result.stderr and "'no-equals-sign'" in result.stderr
    assert "Traceback" not in result.stderr and not library_dir.exists()


@pytest.mark.parametrize("pair_id", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_ids_windows_reserves_for_devices_are_refused(run_dualread, library_dir, files, pair_id):
    result = add(run_dualread, pair_id, f"a={files['good-a.txt']}", f"b={files['good-b.txt']}")
    assert_refused(result, "Windows reserves", repr(pair_id))
    assert not library_dir.exists()


def test_metadata_for_an_unknown_side_key(run_dualread, library_dir, files):
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}",
                 extra=["--publisher", "c=Someone"])
    assert_refused(result, "--publisher", "no side 'c'")
    assert not library_dir.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/readout"])
def test_a_source_address_that_is_not_a_web_page(run_dualread, library_dir, files, url):
    # --url becomes a link in every report: only an http(s) page may be a source's address.
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}", extra=["--url", f"b={url}"])
    assert_refused(result, "--url", "http(s)")
    assert not library_dir.exists()


def test_an_unreachable_url(run_dualread, library_dir, files):
    result = add(run_dualread, "p", f"a={files['good-a.txt']}", f"b=http://127.0.0.1:{closed_port()}/readout")
    assert_refused(result, "127.0.0.1", "unreachable")
    assert not library_dir.exists()



@pytest.mark.parametrize("url, expected", [("http://[unclosed/readout", "not a valid URL"),
                                           ("https:///no-host", "no host"),
                                           ("http://127.0.0.1:http/readout", "not a valid URL"),
                                           ("http://example .org/readout", "space")])
def test_a_malformed_url(run_dualread, library_dir, files, url, expected):
    assert_refused(add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={url}"), url, expected)
    assert not library_dir.exists()


def test_a_library_that_is_a_file(run_dualread, files, tmp_path):
    not_a_folder = tmp_path / "library.txt"
    not_a_folder.write_text("notes\n", encoding="utf-8")
    result = run_dualread("--library", not_a_folder, "add", "p", "--event", "E", "--date", "2024-03-04",
                          "--side", f"a={files['good-a.txt']}", "--side", f"b={files['good-b.txt']}")
    assert_refused(result, str(not_a_folder), "not a folder")
    assert not_a_folder.read_text(encoding="utf-8") == "notes\n"

def test_two_sides_from_stdin(run_dualread, library_dir):
    assert_refused(add(run_dualread, "p", "a=-", "b=-", input=GOOD), "stdin")
    assert not library_dir.exists()


def test_an_existing_pair_without_force(run_dualread, library_dir, library_snapshot, files):
    assert add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}").returncode == 0
    before = library_snapshot(library_dir)
    result = add(run_dualread, "p", f"a={files['good-b.txt']}", f"b={files['good-a.txt']}")
    assert_refused(result, "already exists", "--force")
    assert library_snapshot(library_dir) == before


def test_a_failing_force_leaves_the_old_pair_intact(run_dualread, library_dir, library_snapshot, files):
    assert add(run_dualread, "p", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}").returncode == 0
    before = library_snapshot(library_dir)
    result = add(run_dualread, "p", f"a={files['good-b.txt']}", f"b={files['latin1.txt']}", extra=["--force"])
    assert_refused(result, "latin1.txt", "not UTF-8")
    assert library_snapshot(library_dir) == before


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefghijk", "bcdefghijkl"))


@pytest.mark.parametrize("yaml_text, expected", [
    ("id: broken\nevent: [unclosed\n", "not valid YAML"),
    (BOMB, "alias"),
    ("id: broken\nevent: E\ndate: 2024-03-04\nsides: {a: b}\n", "field 'sides'"),
])
def test_commands_on_a_broken_pair_fail_cleanly_while_list_works(run_dualread, library_dir, library_snapshot,
                                                                  files, yaml_text, expected):
    assert add(run_dualread, "fine", f"a={files['good-a.txt']}", f"b={files['good-b.txt']}").returncode == 0
    broken = library_dir / "broken"
    broken.mkdir()
    (broken / "pair.yaml").write_text(yaml_text, encoding="utf-8")

    listed = run_dualread("list")
    assert listed.returncode == 0 and "fine" in listed.stdout
    assert "broken" in listed.stderr and expected in listed.stderr
    before = library_snapshot(library_dir)  # after the listing, which writes the catalog in .cache

    assert_refused(run_dualread("show", "broken"), "broken", expected)
    assert_refused(run_dualread("export", "broken", "--format", "json"), "broken", expected)
    assert library_snapshot(library_dir) == before


def test_an_unknown_pair(run_dualread):
    assert_refused(run_dualread("show", "no-such-pair"), "no pair 'no-such-pair'")


@pytest.mark.parametrize("command", [(), ("open", "2021-12-30-biden-putin-call")], ids=["library", "open"])
def test_the_ui_on_a_library_that_is_a_file_is_one_line(run_dualread, tmp_path, command):
    # `dualread --library ~/readouts.txt`: the UI started and ended in a traceback ("the library is not a folder").
    not_a_folder = tmp_path / "readouts.txt"
    not_a_folder.write_text("notes\n", encoding="utf-8")
    assert_refused(run_dualread("--library", str(not_a_folder), *command), "the library is not a folder",
                   str(not_a_folder))
