"""``readouts.adding``: one typed way to add a pair, every argument checked before a source is read."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from readouts import Library, ReadoutError
from readouts.adding import AddResult, add_pair, build_pair, edit_pair
from readouts.library import PairExistsError

NORLAND = "Readout of the call with Prime Minister Vesk\n\nPresident Aldren spoke with Prime Minister Vesk today.\n"
OSTRIA = "Телефонный разговор с Президентом Норландии\n\nПремьер-министр Веск провёл телефонный разговор.\n"


@pytest.fixture
def files(tmp_path):
    norland = tmp_path / "norland.txt"
    norland.write_text(NORLAND, encoding="utf-8")
    ostria = tmp_path / "ostria.txt"
    ostria.write_text(OSTRIA, encoding="utf-8")
    return {"norland": str(norland), "ostria": str(ostria)}


def test_build_pair_reads_each_side_with_its_metadata_and_defaults(files):
    pair = build_pair("aldren-vesk", "Aldren–Vesk call", "2024-03-04", files,
                      publishers={"norland": "Office of the President"}, urls={"ostria": "https://example.org/r"})
    assert pair.id == "aldren-vesk" and pair.date == dt.date(2024, 3, 4) and pair.side_keys == ("norland", "ostria")
    norland, ostria = pair.side("norland"), pair.side("ostria")
    assert norland.text == NORLAND and norland.publisher == "Office of the President"
    assert norland.title == "Readout of the call with Prime Minister Vesk"  # the readout's own title line
    assert norland.url == "" and norland.language == "en" and norland.file == "norland.txt"
    assert ostria.url == "https://example.org/r" and ostria.language == "ru"


def test_a_date_value_and_one_line_fields_without_control_characters(files):
    pair = build_pair("p", "\x1b[1mAldren–Vesk\x1b[0m\n  call\x07", dt.date(2024, 3, 4), files,
                      titles={"ostria": "Talks\twith Aldren"})
    assert pair.event == "Aldren–Vesk call"
    assert pair.side("ostria").title == "Talks with Aldren"
    assert pair.side("ostria").text.startswith("Телефонный разговор")  # a headline already there stays first


def test_stdin_is_read_once_and_before_read_is_told_each_side_in_order(files):
    told = []
    pair = build_pair("p", "E", "2024-03-04", [("a", "-"), ("b", files["norland"])],
                      stdin=io.BytesIO(b"Pasted readout\r\n\r\nThe leaders spoke.\r\n"),
                      before_read=lambda key, source: told.append((key, source)))
    assert pair.side("a").text == "Pasted readout\n\nThe leaders spoke.\n"
    assert told == [("a", "-"), ("b", files["norland"])]


@pytest.mark.parametrize("arguments, field, value, words", [
    ({"pair_id": "Upper"}, "id", "Upper", "not a valid pair id"),
    ({"pair_id": "../out"}, "id", "../out", "not a valid pair id"),
    ({"event": "  "}, "event", "  ", "must not be empty"),
    ({"date": "2024-02-30"}, "date", "2024-02-30", "YYYY-MM-DD"),
    ({"date": "2023-02-29"}, "date", "2023-02-29", "no such day"),  # the right shape, not a day of the calendar
    ({"date": "04/03/2024"}, "date", "04/03/2024", "YYYY-MM-DD"),
    ({"sources": [("a", "a.txt")]}, "sides", 1, "at least two sides"),
    ({"sources": [("a", "a.txt"), ("a", "b.txt")]}, "sides", "a", "given twice"),
    ({"sources": [("a", "a.txt"), ("B", "b.txt")]}, "sides", "B", "not a valid side key"),
    ({"sources": [("a", "a.txt"), ("b", " ")]}, "sides", "b=", "no source"),
    ({"sources": [("a", "-"), ("b", "-")]}, "sides", None, "stdin"),
    ({"publishers": {"c": "Someone"}}, "publisher", "c", "no side 'c'"),
    ({"languages": {"c": "en"}}, "language", "c", "no side 'c'"),
    ({"languages": {"a": "en gb"}}, "language", "a=en gb", "not a language code"),
    # A source's address is a web page: a javascript: or data: URL would become a link in every report.
    ({"urls": {"a": "javascript:alert(1)"}}, "url", "a=javascript:alert(1)", "http(s)"),
    ({"urls": {"a": "JavaScript:alert(1)"}}, "url", "a=JavaScript:alert(1)", "http(s)"),
    ({"urls": {"b": "data:text/html,<script>x</script>"}}, "url", "b=data:text/html,<script>x</script>", "http(s)"),
    ({"urls": {"a": "file:///etc/passwd"}}, "url", "a=file:///etc/passwd", "http(s)"),
    ({"urls": {"a": "https://"}}, "url", "a=https://", "http(s)"),
    # A password in a source's address would be printed in every report made of the pair, and shared with it.
    ({"urls": {"a": "https://ana:s3cret@example.org/r"}}, "url", "a=https://ana:***@example.org/r", "user name or password"),
    ({"urls": {"b": "https://ana@example.org/r"}}, "url", "b=https://ana@example.org/r", "user name or password"),
    ({"event": "Call \udcff"}, "event", "Call \udcff", "not UTF-8"),  # bytes that were not UTF-8 on a command line
    ({"titles": {"b": "\udcff"}}, "title", "b", "not UTF-8"),
])
def test_every_bad_argument_is_refused_by_field_before_any_source_is_read(tmp_path, arguments, field, value, words):
    read = []
    library = Library(tmp_path / "library")
    call = {"pair_id": "p", "event": "E", "date": "2024-03-04",
            # Files that do not exist: a "no such file" error would mean a source was read before the check.
            "sources": [("a", str(tmp_path / "absent-a.txt")), ("b", str(tmp_path / "absent-b.txt"))], **arguments}
    with pytest.raises(ReadoutError) as caught:
        add_pair(library, call.pop("pair_id"), call.pop("event"), call.pop("date"), call.pop("sources"),
                 before_read=lambda key, source: read.append(key), **call)
    error = caught.value
    assert (error.field, error.value, error.file) == (field, value, None)
    assert words in str(error) and "s3cret" not in str(error)
    assert read == [] and not library.root.exists()


def test_add_pair_saves_and_says_so_in_one_line(tmp_path, files):
    library = Library(tmp_path / "library")
    result = add_pair(library, "aldren-vesk", "Aldren–Vesk call", "2024-03-04", files)
    assert isinstance(result, AddResult)
    assert result.folder == library.root / "aldren-vesk" and not result.replaced and not result.hides_sample
    assert library.load("aldren-vesk") == result.pair
    assert result.summary() == f"added aldren-vesk (2 sides: norland, ostria) in {result.folder}"


def test_an_existing_pair_is_refused_before_reading_unless_forced(tmp_path, files):
    library = Library(tmp_path)
    add_pair(library, "p", "First", "2024-03-04", files)
    read = []
    with pytest.raises(PairExistsError, match="already exists.*--force"):
        add_pair(library, "p", "Second", "2024-03-04", files, before_read=lambda key, source: read.append(key))
    assert read == [] and library.load("p").event == "First"
    result = add_pair(library, "p", "Second", "2024-03-04", files, force=True)
    assert result.replaced and result.summary().startswith("replaced p ")
    assert library.load("p").event == "Second"


def test_force_carries_over_participants_and_unknown_keys(tmp_path, files):
    library = Library(tmp_path)
    add_pair(library, "p", "E", "2024-03-04", files)
    pair_yaml = tmp_path / "p" / "pair.yaml"
    text = pair_yaml.read_text(encoding="utf-8").replace(
        "sides:\n", "participants:\n  - name: Mara Aldren\n    aliases: [Aldren]\nsides:\n")
    text = text.replace("    file: ostria.txt\n", "    file: ostria.txt\n    checked: yes\n")
    pair_yaml.write_text(text + "note: compared by hand\n", encoding="utf-8")
    pair = add_pair(library, "p", "E again", "2024-03-04", files, force=True).pair
    assert [p.name for p in pair.participants] == ["Mara Aldren"]
    assert pair.extra == {"note": "compared by hand"} and pair.side("ostria").extra == {"checked": True}
    assert library.load("p").participants == pair.participants


def test_a_side_that_cannot_be_read_names_its_source_and_changes_nothing(tmp_path, files):
    library = Library(tmp_path / "library")
    add_pair(library, "p", "First", "2024-03-04", files)
    before = sorted(p.relative_to(library.root) for p in library.root.rglob("*"))
    missing = str(tmp_path / "gone.txt")
    with pytest.raises(ReadoutError, match="no such file") as caught:
        add_pair(library, "p", "Second", "2024-03-04", {"norland": files["norland"], "ostria": missing}, force=True)
    assert caught.value.file == missing
    assert sorted(p.relative_to(library.root) for p in library.root.rglob("*")) == before
    assert library.load("p").event == "First"


def test_a_samples_id_hides_the_sample_in_this_library(tmp_path, files):
    library = Library(tmp_path)
    sample_id = library.sample_ids()[0]
    result = add_pair(library, sample_id, "My own readouts", "2024-03-04", files)
    assert result.hides_sample and not result.replaced
    assert result.summary().endswith("(it hides the bundled sample with this id)")
    assert library.load(sample_id).event == "My own readouts"


def test_a_readout_that_is_only_a_headline_is_refused_by_its_source(tmp_path, files):
    headline = tmp_path / "headline.txt"
    headline.write_text("Telephone conversation with the Prime Minister of Ostria\n", encoding="utf-8")
    library = Library(tmp_path / "library")
    with pytest.raises(ReadoutError, match="only a title") as caught:
        add_pair(library, "p", "Call", "2024-03-04", {"norland": files["norland"], "ostria": str(headline)})
    assert caught.value.file == str(headline)
    assert not library.has("p")
    # One sentence is a readout, not a headline: it gets the event as its title.
    sentence = tmp_path / "sentence.txt"
    sentence.write_text("The two leaders spoke by phone.\n", encoding="utf-8")
    pair = add_pair(library, "q", "Call", "2024-03-04", {"norland": files["norland"], "ostria": str(sentence)}).pair
    assert pair.side("ostria").text == "Call\n\nThe two leaders spoke by phone.\n"


# --- editing a pair -------------------------------------------------------------------------------------------------

def test_the_comments_that_open_a_pair_yaml_are_kept_by_force_and_by_an_edit(tmp_path, files):
    # A library kept in git is annotated by hand; add --force and the edit form rewrote pair.yaml from its keys
    # and dropped the annotator's header without a word.
    library = Library(tmp_path)
    add_pair(library, "p", "E", "2024-03-04", files)
    pair_yaml = tmp_path / "p" / "pair.yaml"
    header = "# Checked against the PDF on 2024-03-05 by A.N.\n#\n# Ostria's text: our translation\n\n"
    pair_yaml.write_text(header + pair_yaml.read_text(encoding="utf-8"), encoding="utf-8")
    add_pair(library, "p", "E again", "2024-03-04", files, force=True)
    assert pair_yaml.read_text(encoding="utf-8").startswith(header.rstrip("\n") + "\nid: p\n")
    edit_pair(library, "p", "E, renamed", "2024-03-04", [("norland", ""), ("ostria", "")])
    assert pair_yaml.read_text(encoding="utf-8").startswith(header.rstrip("\n") + "\nid: p\n")
    assert library.load("p").event == "E, renamed"


def test_a_header_comment_yaml_could_not_read_is_not_carried_into_the_new_pair_yaml(tmp_path, files):
    library = Library(tmp_path)
    add_pair(library, "p", "E", "2024-03-04", files)
    pair_yaml = tmp_path / "p" / "pair.yaml"
    pair_yaml.write_text("# a bell \x07 in a comment\n" + pair_yaml.read_text(encoding="utf-8"), encoding="utf-8")
    add_pair(library, "p", "E again", "2024-03-04", files, force=True)
    assert pair_yaml.read_text(encoding="utf-8").startswith("id: p\n")
    assert library.load("p").event == "E again"


def test_an_edit_changes_the_metadata_and_keeps_texts_review_cache_key_and_unknown_keys(tmp_path, files):
    from comparisons.cache import cache_key
    from comparisons.options import CompareOptions

    library = Library(tmp_path)
    before = add_pair(library, "p", "First", "2024-03-04", files, publishers={"norland": "Office"}).pair
    pair_yaml = tmp_path / "p" / "pair.yaml"
    pair_yaml.write_text(pair_yaml.read_text(encoding="utf-8") + "note: by hand\n", encoding="utf-8")
    (tmp_path / "p" / "review.yaml").write_text("links: []\n", encoding="utf-8")
    result = edit_pair(library, "p", "The call, renamed", "2024-03-05", [("norland", ""), ("ostria", "")],
                       publishers={"norland": "Office of the President", "ostria": "Government"},
                       titles={"norland": "Readout", "ostria": ""}, urls={"ostria": "https://example.org/o"})
    assert result.summary().startswith("saved p (2 sides: norland, ostria)")
    after = library.load("p")
    assert (after.event, after.date) == ("The call, renamed", dt.date(2024, 3, 5))
    assert after.side("norland").publisher == "Office of the President" and after.side("norland").title == "Readout"
    assert after.side("ostria").title == OSTRIA.split("\n")[0], "an emptied title is the text's title line again"
    assert after.side("ostria").url == "https://example.org/o"
    assert [s.text for s in after.sides] == [s.text for s in before.sides]
    assert cache_key(after, CompareOptions()) == cache_key(before, CompareOptions()), "the comparison stays cached"
    assert after.extra == {"note": "by hand"}
    assert (tmp_path / "p" / "review.yaml").read_text(encoding="utf-8") == "links: []\n"


def test_an_edit_sets_or_keeps_participants_and_reads_a_new_side(tmp_path, files):
    from readouts.model import Participant

    library = Library(tmp_path)
    add_pair(library, "p", "E", "2024-03-04", files, participants=[Participant("Mara Aldren", ("Aldren",))])
    edit_pair(library, "p", "E", "2024-03-04", [("norland", ""), ("ostria", "")])
    assert [p.name for p in library.load("p").participants] == ["Mara Aldren"], "not given: kept"
    third = tmp_path / "press.txt"
    third.write_text("Press summary\n\nThe two leaders talked.\n", encoding="utf-8")
    edit_pair(library, "p", "E", "2024-03-04", [("norland", ""), ("press", str(third))], participants=())
    pair = library.load("p")
    assert pair.side_keys == ("norland", "press") and pair.participants == ()
    assert pair.side("press").text.startswith("Press summary") and not (tmp_path / "p" / "ostria.txt").exists()


def test_an_edit_is_refused_in_one_line_and_changes_nothing(tmp_path, files):
    library = Library(tmp_path)
    add_pair(library, "p", "E", "2024-03-04", files)
    stored = (tmp_path / "p" / "pair.yaml").read_text(encoding="utf-8")
    with pytest.raises(ReadoutError, match="no source given") as error:
        edit_pair(library, "p", "E", "2024-03-04", [("norland", ""), ("newcomer", "")])
    assert error.value.field == "sides" and error.value.value == "newcomer="
    with pytest.raises(ReadoutError, match="YYYY-MM-DD"):
        edit_pair(library, "p", "E", "04/03/2024", [("norland", ""), ("ostria", "")])
    with pytest.raises(ReadoutError, match="at least two sides"):
        edit_pair(library, "p", "E", "2024-03-04", [("norland", "")])
    with pytest.raises(ReadoutError, match="sample is read-only"):
        edit_pair(library, Library.sample_ids()[0], "E", "2024-03-04", [("a", ""), ("b", "")])
    assert (tmp_path / "p" / "pair.yaml").read_text(encoding="utf-8") == stored
