"""`dualread add --participant NAME[=ALIAS,...]` sets the pair's participants; a replaced pair keeps its own unless
new ones are given; an empty name is one clear line and exit 1 (issue 13, item 4)."""

from __future__ import annotations

from readouts.library import Library
from tui.cli import main


def sources(tmp_path) -> list[str]:
    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    return ["--side", f"north={tmp_path / 'a.txt'}", "--side", f"south={tmp_path / 'b.txt'}"]


def test_participants_are_stored_with_their_aliases_and_kept_on_replace(tmp_path, capsys):
    library = tmp_path / "library"
    base = ["--library", str(library), "add", "p", "--event", "Call", "--date", "2024-05-01", *sources(tmp_path)]
    assert main([*base, "--participant", "Anna Berg=Berg,Minister Berg", "--participant", "Tomas Ek"]) == 0
    pair = Library(library).load("p")
    assert [(p.name, p.aliases) for p in pair.participants] == [("Anna Berg", ("Berg", "Minister Berg")),
                                                                ("Tomas Ek", ())]
    assert main([*base, "--force"]) == 0
    assert [p.name for p in Library(library).load("p").participants] == ["Anna Berg", "Tomas Ek"]


def test_a_participant_without_a_name_is_refused(tmp_path, capsys):
    library = tmp_path / "library"
    code = main(["--library", str(library), "add", "p", "--event", "Call", "--date", "2024-05-01",
                 *sources(tmp_path), "--participant", "=Berg"])
    err = capsys.readouterr().err
    assert code == 1 and "--participant" in err and err.count("\n") == 1
    assert not (library / "p").exists()


def test_a_replace_that_keeps_the_old_participants_says_so_in_its_line(tmp_path, capsys):
    # The kept people decide who speaks in the new texts, which may be of another event: the user must hear of it.
    library = tmp_path / "library"
    base = ["--library", str(library), "add", "p", "--event", "Call", "--date", "2024-05-01", *sources(tmp_path)]
    people = ["Anna Berg=Berg", "Tomas Ek", "Lena Holm", "Ivo Sand", "Pia Dal"]
    assert main([*base, *(arg for name in people for arg in ("--participant", name))]) == 0
    assert "participants kept" not in capsys.readouterr().out, "a new pair keeps nothing"
    assert main([*base, "--force"]) == 0
    line = capsys.readouterr().out
    assert line.count("\n") == 1
    assert "; participants kept from the replaced pair: Anna Berg, Tomas Ek, Lena Holm, Ivo Sand and 1 more" in line
    assert main([*base, "--force", "--participant", "Tomas Ek"]) == 0
    assert "participants kept" not in capsys.readouterr().out, "participants given: nothing kept"
