"""The library on disk: pairs round-trip, unknown keys survive, broken folders are named, samples stay read-only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from readouts import Library, Pair, Participant, ReadoutError, Side, default_library_path, dump_yaml
from readouts.library import PairExistsError

GOOD_YAML = """\
id: {id}
event: Aldren–Vesk telephone call
date: {date}
participants:
  - name: Mara Aldren
    aliases: [Aldren, the President of Norland]
  - Tomas Vesk
sides:
  - key: norland
    publisher: Office of the President of Norland
    title: Readout of the call
    url: https://example.org/readout
    language: en
    file: norland.txt
    archived_at: https://archive.example.org/1
  - key: ostria
    file: ostria.txt
reviewed_by: analyst-7
"""


def write_pair(root: Path, pair_id: str, *, date: str = "2024-03-04", yaml_text: str | None = None,
               texts: dict[str, bytes] | None = None) -> Path:
    folder = root / pair_id
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(yaml_text if yaml_text is not None else GOOD_YAML.format(id=pair_id, date=date),
                                      encoding="utf-8")
    for name, data in (texts if texts is not None else {
        "norland.txt": b"Readout of the call\n\nThe President spoke with the Prime Minister.\n",
        "ostria.txt": b"Telephone talks\n\nThe Prime Minister spoke with the President.\n",
    }).items():
        (folder / name).write_bytes(data)
    return folder


def make_pair(pair_id: str = "aldren-vesk", **changes) -> Pair:
    pair = Pair(id=pair_id, event="Aldren–Vesk call", date=dt.date(2024, 3, 4),
                sides=(Side(key="norland", text="Title\n\nOne.\n", publisher="Norland"),
                       Side(key="ostria", text="Title\n\nTwo.\n")))
    return dataclasses.replace(pair, **changes)


def user_entries(library: Library):
    return [e for e in library.entries() if not e.sample]


def test_load_reads_every_field(tmp_path):
    write_pair(tmp_path, "aldren-vesk")
    pair = Library(tmp_path).load("aldren-vesk")
    assert pair.event == "Aldren–Vesk telephone call" and pair.date == dt.date(2024, 3, 4)
    assert pair.participants == (Participant("Mara Aldren", ("Aldren", "the President of Norland")),
                                 Participant("Tomas Vesk"))
    norland = pair.side("norland")
    assert (norland.publisher, norland.title, norland.url, norland.language) == (
        "Office of the President of Norland", "Readout of the call", "https://example.org/readout", "en")
    assert norland.text.startswith("Readout of the call\n\n")
    assert pair.side("ostria").language == "en" and not pair.sample


def test_unknown_keys_survive_a_rewrite(tmp_path):
    write_pair(tmp_path, "aldren-vesk")
    library = Library(tmp_path)
    pair = library.load("aldren-vesk")
    library.save(dataclasses.replace(pair, event="Renamed call"), force=True)
    text = (tmp_path / "aldren-vesk" / "pair.yaml").read_text(encoding="utf-8")
    assert "reviewed_by: analyst-7" in text and "archived_at: https://archive.example.org/1" in text
    again = library.load("aldren-vesk")
    assert again.event == "Renamed call"
    assert again.extra == {"reviewed_by": "analyst-7"}
    assert again.side("norland").extra == {"archived_at": "https://archive.example.org/1"}


def test_save_then_load_round_trips_and_leaves_no_scratch(tmp_path):
    library = Library(tmp_path / "not-yet")
    folder = library.save(make_pair())
    assert folder == tmp_path / "not-yet" / "aldren-vesk"
    assert sorted(p.name for p in folder.iterdir()) == ["norland.txt", "ostria.txt", "pair.yaml"]
    assert library.load("aldren-vesk") == make_pair()
    assert [p.name for p in library.root.iterdir()] == ["aldren-vesk"]


def test_existing_pair_needs_force_and_force_replaces(tmp_path):
    library = Library(tmp_path)
    library.save(make_pair())
    with pytest.raises(ReadoutError, match="already exists.*--force"):
        library.save(make_pair(event="Second"))
    assert library.load("aldren-vesk").event == "Aldren–Vesk call"
    library.save(make_pair(event="Second"), force=True)
    assert library.load("aldren-vesk").event == "Second"
    assert [p.name for p in tmp_path.iterdir()] == ["aldren-vesk"]


@pytest.mark.parametrize("bad_id", ["a/b", "..", "../escape", "Capital-Letters", "", "-leading-dash", "a" * 81,
                                    "with space", "dot.name"])
def test_invalid_pair_ids_are_refused_for_save_and_load(tmp_path, bad_id):
    library = Library(tmp_path)
    with pytest.raises(ReadoutError, match="not a valid pair id"):
        library.save(make_pair(bad_id))
    with pytest.raises(ReadoutError, match="not a valid pair id"):
        library.load(bad_id)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sides, message", [
    ((Side(key="a", text="T\n\nx\n"),), "at least two sides"),
    ((Side(key="a", text="T\n\nx\n"), Side(key="a", text="T\n\ny\n")), "same key"),
    ((Side(key="a", text="T\n\nx\n"), Side(key="B", text="T\n\ny\n")), "not a valid side key"),
    ((Side(key="a", text="T\n\nx\n"), Side(key="b", text="  \n")), "empty"),
    ((Side(key="a", text="T\n\nx\n"), Side(key="b", text="T\n\ny\n", file="../b.txt")), "plain file name"),
])
def test_save_validates_sides(tmp_path, sides, message):
    with pytest.raises(ReadoutError, match=message):
        Library(tmp_path).save(make_pair(sides=sides))
    assert list(tmp_path.iterdir()) == []


def test_entries_are_newest_first_and_skip_hidden_folders(tmp_path):
    write_pair(tmp_path, "older", date="2020-01-08")
    write_pair(tmp_path, "newer", date="2025-03-25")
    write_pair(tmp_path, "middle", date="2021-12-30")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".dualread-x.new").mkdir()
    (tmp_path / "topics.yaml").write_text("[]\n", encoding="utf-8")
    ids = [e.id for e in user_entries(Library(tmp_path))]
    assert ids == ["newer", "middle", "older"]
    dates = [e.pair.date for e in Library(tmp_path).entries() if e.pair]
    assert dates == sorted(dates, reverse=True)


BROKEN = {
    "bad-yaml": dict(yaml_text="id: bad-yaml\nsides: [\n"),
    "alias-bomb": dict(yaml_text="a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefghijk", "bcdefghijkl"))),
    "not-a-mapping": dict(yaml_text="- just\n- a list\n"),
    "bad-date": dict(yaml_text=GOOD_YAML.format(id="bad-date", date="next tuesday")),
    "wrong-type": dict(yaml_text=GOOD_YAML.format(id="wrong-type", date="2024-03-04").replace(
        "event: Aldren–Vesk telephone call", "event: [not, text]")),
    "one-side": dict(yaml_text="id: one-side\nevent: x\ndate: 2024-01-01\nsides:\n  - key: norland\n"),
    "id-mismatch": dict(yaml_text=GOOD_YAML.format(id="other-name", date="2024-03-04")),
    "missing-text": dict(texts={"norland.txt": b"Title\n\nText.\n"}),
    "latin1-text": dict(texts={"norland.txt": b"Title\n\nText.\n", "ostria.txt": "Niinist\xf6".encode("latin-1")}),
    "empty-text": dict(texts={"norland.txt": b"Title\n\nText.\n", "ostria.txt": b"\n  \n"}),
    "binary-text": dict(texts={"norland.txt": b"Title\n\nText.\n", "ostria.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}),
    "one-file-twice": dict(yaml_text=GOOD_YAML.format(id="one-file-twice", date="2024-03-04").replace(
        "file: ostria.txt", "file: norland.txt")),
    "device-file": dict(yaml_text=GOOD_YAML.format(id="device-file", date="2024-03-04").replace(
        "file: ostria.txt", "file: nul.txt")),
    "escaping-file": dict(yaml_text=GOOD_YAML.format(id="escaping-file", date="2024-03-04").replace(
        "file: ostria.txt", "file: ../../outside.txt")),
    "com1": dict(),
}


def test_broken_folders_are_entries_with_a_problem_and_do_not_hide_the_others(tmp_path):
    write_pair(tmp_path, "fine")
    for pair_id, kwargs in BROKEN.items():
        write_pair(tmp_path, pair_id, **kwargs)
    (tmp_path / "no-yaml-here").mkdir()
    (tmp_path / "Not A Pair").mkdir()
    entries = {e.id: e for e in user_entries(Library(tmp_path))}
    assert entries["fine"].ok and entries["fine"].pair is not None
    broken = set(BROKEN) | {"no-yaml-here", "Not A Pair"}
    assert {i for i, e in entries.items() if not e.ok} == broken
    for pair_id in broken:
        problem = entries[pair_id].problem
        assert problem and "\n" not in problem and pair_id in problem
        assert entries[pair_id].pair is None


@pytest.mark.parametrize("pair_id, expected", [
    ("bad-yaml", "not valid YAML"), ("alias-bomb", "alias"), ("bad-date", "next tuesday"),
    ("wrong-type", "field 'event'"), ("one-side", "at least two sides"), ("id-mismatch", "folder name"),
    ("missing-text", "ostria.txt: missing"), ("latin1-text", "not UTF-8"), ("empty-text", "empty"),
    ("binary-text", "binary"), ("escaping-file", "plain file name"), ("one-file-twice", "two sides use the same file"),
    ("device-file", "Windows reserves"), ("com1", "Windows reserves"),
])
def test_loading_a_broken_pair_raises_a_readable_error(tmp_path, pair_id, expected):
    write_pair(tmp_path, pair_id, **BROKEN[pair_id])
    with pytest.raises(ReadoutError, match=expected):
        Library(tmp_path).load(pair_id)


def test_unreadable_files_are_problems_not_crashes(tmp_path, monkeypatch):
    write_pair(tmp_path, "locked")
    write_pair(tmp_path, "huge-yaml", yaml_text="x: " + "y" * (3 * 1024 * 1024) + "\n")
    locked = tmp_path / "locked" / "ostria.txt"
    real_open = os.open

    def open_file(path, flags, *args, **kwargs):
        if Path(path) == locked.resolve():  # what a file without read permission does (tests may run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_file)
    entries = {e.id: e for e in user_entries(Library(tmp_path))}
    assert entries["locked"].problem == f"{locked}: cannot read: Permission denied"
    assert "too large" in entries["huge-yaml"].problem
    with pytest.raises(ReadoutError, match="Permission denied"):
        Library(tmp_path).load("locked")


def test_unknown_pair_is_an_error_that_suggests_list(tmp_path):
    with pytest.raises(ReadoutError, match="no pair 'nowhere'.*dualread list"):
        Library(tmp_path).load("nowhere")


def test_samples_are_listed_marked_loadable_and_never_written(tmp_path):
    library = Library(tmp_path / "empty")
    samples = [e for e in library.entries() if e.sample]
    assert len(samples) >= 3 and all(e.ok for e in samples), [e.problem for e in samples]
    assert set(library.sample_ids()) == {e.id for e in samples}
    first = samples[0].id
    sample = library.load(first)
    assert sample.sample
    bundled = {p.name: p.read_bytes() for p in samples[0].path.iterdir()}

    folder = library.save(dataclasses.replace(sample, event="Mine now"))
    assert folder == library.root / first
    assert {p.name: p.read_bytes() for p in samples[0].path.iterdir()} == bundled
    mine = library.load(first)
    assert mine.event == "Mine now" and not mine.sample
    assert [(e.sample, e.pair.event) for e in library.entries() if e.id == first] == [(False, "Mine now")]
    assert Library(tmp_path / "another").load(first).event == sample.event


def test_samples_sit_beside_user_pairs(tmp_path):
    write_pair(tmp_path, "fine")
    entries = Library(tmp_path).entries()
    assert {e.id for e in entries if not e.sample} == {"fine"}
    assert any(e.sample for e in entries)


def test_a_copied_sample_in_the_user_library_is_the_users(tmp_path):
    library = Library(tmp_path)
    sample_id = library.sample_ids()[0]
    sample = library.load(sample_id)
    folder = tmp_path / sample_id
    folder.mkdir()
    for side in sample.sides:
        (folder / side.file).write_text(side.text, encoding="utf-8")
    (folder / "pair.yaml").write_text(dump_yaml({"id": sample_id, "event": "My copy", "date": sample.date,
                                                 "sides": [{"key": s.key, "file": s.file} for s in sample.sides],
                                                 "sample": True}), encoding="utf-8")
    copy = library.load(sample_id)
    assert copy.event == "My copy" and not copy.sample
    assert [e.sample for e in library.entries() if e.id == sample_id] == [False]


def test_topics_file_and_cache_dir(tmp_path):
    library = Library(tmp_path)
    assert library.topics_file is None
    (tmp_path / "topics.yaml").write_text("extends: default\n", encoding="utf-8")
    assert library.topics_file == tmp_path / "topics.yaml"
    assert library.cache_dir == tmp_path / ".cache"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is how Linux names the user data folder")
def test_default_library_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_library_path() == tmp_path / "data" / "dualread"


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_an_interrupted_save_leaves_the_library_as_it_was(tmp_path, monkeypatch, failure):
    import readouts.library as library_module

    library = Library(tmp_path)
    library.save(make_pair())
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    real_write = library_module.write_text_atomic
    written = []

    def interrupted(path, text):
        written.append(path)
        if len(written) == 2:  # one side file is already in the scratch folder
            raise failure("stopped half-way")
        real_write(path, text)

    monkeypatch.setattr(library_module, "write_text_atomic", interrupted)
    with pytest.raises((KeyboardInterrupt, ReadoutError)):
        library.save(make_pair(event="Half-written replacement"), force=True)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir()] == ["aldren-vesk"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is how POSIX kills a process without cleanup")
def test_a_save_removes_what_a_killed_save_left_behind(tmp_path, monkeypatch):
    import readouts.library as library_module

    # A real hard kill: no ``finally`` runs, so the scratch folder of the save in progress stays on disk.
    script = ("import os, signal, sys\n"
              "from readouts.atomic import staging_dir\n"
              "with staging_dir(sys.argv[1], 'aldren-vesk') as scratch:\n"
              "    (scratch / 'norland.txt').write_text('half a pair', encoding='utf-8')\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n")
    killed = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    (left,) = tmp_path.iterdir()
    library = Library(tmp_path)
    assert user_entries(library) == []  # never mistaken for a pair

    library.save(make_pair("first"))
    assert left.exists()  # young enough to be a save still running elsewhere: kept
    later = time.time() + library_module.STALE_SCRATCH_SECONDS + 1  # an hour on, as the library's clock sees it
    monkeypatch.setattr("readouts.atomic.time", types.SimpleNamespace(time=lambda: later))
    library.save(make_pair("second"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "second"]


def test_pair_yaml_converts_both_ways_without_a_folder():
    from readouts.pairfile import pair_from_yaml, pair_to_yaml

    pair = make_pair(participants=(Participant("Mara Aldren", ("Aldren",)),), extra={"reviewed_by": "analyst-7"})
    texts = {side.file: side.text for side in pair.sides}
    data = pair_to_yaml(pair)
    assert list(data) == ["id", "event", "date", "participants", "sides", "reviewed_by"]
    again = pair_from_yaml(data, pair.id, texts.__getitem__, "memory")
    assert again == pair and again.extra == {"reviewed_by": "analyst-7"}
    with pytest.raises(ReadoutError, match="memory: field 'id': does not match the folder name 'elsewhere'"):
        pair_from_yaml(data, "elsewhere", texts.__getitem__, "memory")


KILL_BETWEEN_RENAMES = """\
import os, signal, sys
import readouts.atomic as atomic
from readouts.library import Library
from test_library import make_pair

real_rename = os.rename

def rename(src, dst):
    real_rename(src, dst)
    if str(dst).endswith(".old"):  # the old pair is set aside; the new one is not in place yet
        os.kill(os.getpid(), signal.SIGKILL)

atomic.os.rename = rename
Library(sys.argv[1]).save(make_pair(event="The replacement"), force=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is how POSIX kills a process without cleanup")
@pytest.mark.parametrize("next_start", ["list", "load", "add without force"])
def test_a_kill_between_the_two_renames_of_a_forced_save_is_undone_on_the_next_start(tmp_path, next_start):
    Library(tmp_path).save(make_pair(event="The original"))
    killed = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(tmp_path)], capture_output=True,
                            cwd=Path(__file__).parent, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not (tmp_path / "aldren-vesk").exists(), "the kill fell between the renames"
    assert any(p.name.endswith(".old") for p in tmp_path.iterdir())

    library = Library(tmp_path)
    if next_start == "list":
        assert [e.pair.event for e in user_entries(library)] == ["The original"]
    elif next_start == "load":
        assert library.load("aldren-vesk").event == "The original"
    else:
        with pytest.raises(PairExistsError):
            library.save(make_pair(event="Someone else's pair"))
        assert library.load("aldren-vesk").event == "The original"
    assert not any(p.name.endswith(".old") for p in tmp_path.iterdir())


# --- removing a pair ----------------------------------------------------------------------------------------------

def test_remove_deletes_the_pair_and_its_review_and_leaves_no_scratch(tmp_path):
    library = Library(tmp_path)
    folder = library.save(make_pair())
    (folder / "review.yaml").write_text("links: []\n", encoding="utf-8")
    library.save(make_pair("kept-pair"))
    assert library.remove("aldren-vesk") == folder
    assert not folder.exists()
    assert [e.id for e in library.entries() if not e.sample] == ["kept-pair"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept-pair"], "no scratch left behind"


def test_remove_refuses_a_sample_and_an_unknown_pair_in_one_line(tmp_path):
    library = Library(tmp_path)
    sample = Library.sample_ids()[0]
    with pytest.raises(ReadoutError, match="bundled sample .* cannot be deleted"):
        library.remove(sample)
    with pytest.raises(ReadoutError, match="no pair 'nothing-here'"):
        library.remove("nothing-here")
    with pytest.raises(ReadoutError, match="not a valid pair id"):
        library.remove("../outside")


def test_removing_a_pair_that_hides_a_sample_shows_the_sample_again(tmp_path):
    library = Library(tmp_path)
    sample = Library.sample_ids()[0]
    library.save(make_pair(sample, event="My own version"))
    assert library.load(sample).event == "My own version"
    library.remove(sample)
    assert library.load(sample).sample and library.load(sample).event != "My own version"


def test_a_pair_folder_that_is_a_link_is_unlinked_and_its_target_kept(tmp_path):
    outside = write_pair(tmp_path / "elsewhere", "aldren-vesk")
    root = tmp_path / "lib"
    root.mkdir()
    (root / "aldren-vesk").symlink_to(outside, target_is_directory=True)
    Library(root).remove("aldren-vesk")
    assert not os.path.lexists(root / "aldren-vesk")
    assert (outside / "pair.yaml").is_file() and (outside / "norland.txt").is_file()


def test_a_removal_cut_short_never_leaves_half_a_pair_under_its_name(tmp_path, monkeypatch):
    """The process dies while the files are being deleted (after one file is gone): the pair is simply not
    listed (no broken entry, nothing put back), and a later save clears what is left once it is stale."""
    import readouts.atomic as atomic
    from readouts.atomic import remove_stale_scratch

    library = Library(tmp_path)
    library.save(make_pair())

    def killed_midway(path, ignore_errors=False):
        next(Path(path).glob("*.txt")).unlink()
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.shutil, "rmtree", killed_midway)
    with pytest.raises(KeyboardInterrupt):
        library.remove("aldren-vesk")
    monkeypatch.undo()
    assert [e.id for e in Library(tmp_path).entries() if not e.sample] == []
    assert not Library(tmp_path).has("aldren-vesk"), "what was being removed is never put back"
    left = [p for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].name.startswith(".dualread-aldren-vesk.")
    assert remove_stale_scratch(tmp_path, older_than=0, now=time.time() + 10) == left
    assert list(tmp_path.iterdir()) == []
