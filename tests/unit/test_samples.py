"""The bundled sample pairs (SPEC §3): they load, they are what the spec promises, and they are our own words.

A newcomer's first look at dualread is the samples on an empty library, so these tests check what that user sees:
every sample loads and is marked as a sample, the 30 December 2021 call has three sides, one pair is not about
Russia, the texts are clean plain text with a title line, and pair.yaml names the official sources. The last
tests guard the project's rule that samples restate the public record in new sentences: no sample may share a
run of 12 words with the real readouts kept for measurement in ../shared/eval.
"""

from __future__ import annotations

import re
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from readouts.library import Library

SAMPLES_DIR = Path(str(files("readouts") / "samples"))
SAMPLE_DIRS = sorted(p for p in SAMPLES_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
SAMPLE_IDS = [p.name for p in SAMPLE_DIRS]
EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

SHARED_RUN = 12
"""Twelve words in a row is more than any stock phrase of diplomatic prose ("a nuclear war should never be fought
and can never be won" is eleven) yet far less than a copied sentence."""

RUSSIA_WORDS = re.compile(r"\b(Russia|Russian|Putin|Kremlin|Moscow)\b", re.IGNORECASE)
MARKDOWN = re.compile(r"^(#|[-*+] |\d+\. |>)|\*\*|__|`|\]\(", re.MULTILINE)


def side_files() -> list[tuple[str, str, Path]]:
    """(pair id, side key, path) of every side file that a sample's pair.yaml names."""
    found = []
    for folder in SAMPLE_DIRS:
        meta = yaml.safe_load((folder / "pair.yaml").read_text(encoding="utf-8"))
        for side in meta["sides"]:
            found.append((folder.name, side["key"], folder / side["file"]))
    return found


SIDE_FILES = side_files()


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """An empty user library: what a newcomer has on a fresh machine, with the samples beside it."""
    return Library(tmp_path / "library")


# --- what the library shows -------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair_id", SAMPLE_IDS)
def test_every_sample_loads_as_a_sample_under_its_folder_name(library: Library, pair_id: str) -> None:
    pair = library.load(pair_id)
    assert pair.id == pair_id
    assert pair.sample is True
    assert len(pair.sides) >= 2
    for side in pair.sides:
        assert side.text.strip(), f"{pair_id}/{side.file} loaded empty"


def test_empty_library_lists_every_sample(library: Library) -> None:
    entries = {entry.id: entry for entry in library.entries()}
    assert set(SAMPLE_IDS) <= set(entries)
    assert all(entries[pair_id].sample for pair_id in SAMPLE_IDS)


def test_samples_cover_what_the_spec_promises(library: Library) -> None:
    pairs = [library.load(pair_id) for pair_id in SAMPLE_IDS]
    assert len(pairs) >= 3

    call = library.load("2021-12-30-biden-putin-call")
    assert set(call.side_keys) == {"white-house", "kremlin", "press"}

    not_russia = [p for p in pairs if not RUSSIA_WORDS.search(p.event) and "kremlin" not in p.side_keys]
    assert not_russia, "every sample's event is about Russia"


@pytest.mark.parametrize("pair_id", SAMPLE_IDS)
def test_sample_names_its_sources_and_says_it_is_our_own_words(library: Library, pair_id: str) -> None:
    pair = library.load(pair_id)
    assert "own words" in str(pair.extra.get("note", "")), "pair.yaml lacks the note that the texts are ours"
    for side in pair.sides:
        assert side.publisher and side.title
        if side.key != "press":
            assert re.match(r"https?://[^/\s]+\.[a-z]+/", side.url), f"{pair_id}/{side.key}: no source url"


@pytest.mark.parametrize("pair_id", SAMPLE_IDS)
def test_every_participant_is_named_in_every_official_side(library: Library, pair_id: str) -> None:
    # Attribution relies on the names pair.yaml gives; a sample whose text never uses them teaches nothing.
    pair = library.load(pair_id)
    assert len(pair.participants) >= 2
    for side in pair.sides:
        for person in pair.participants:
            assert any(name in side.text for name in person.names()), f"{person.name} absent from {side.key}"


# --- the files themselves ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("pair_id", "key", "path"), SIDE_FILES, ids=[f"{p}/{k}" for p, k, _ in SIDE_FILES])
def test_side_file_is_clean_plain_text_with_a_title_line(pair_id: str, key: str, path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert text == unicodedata.normalize("NFC", text)
    assert "\r" not in text and "\t" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    blocks = text.rstrip("\n").split("\n\n")
    title, paragraphs = blocks[0], blocks[1:]
    assert "\n" not in title and not title.endswith("."), "first line is not a headline"
    assert len(paragraphs) >= 3
    for paragraph in paragraphs:
        assert paragraph.strip() == paragraph and "\n" not in paragraph
        assert paragraph.endswith((".", "”", '"')), f"unfinished paragraph: {paragraph[-40:]!r}"
    assert not MARKDOWN.search(text), "readout text should be plain, not Markdown"
    meta = yaml.safe_load((path.parent / "pair.yaml").read_text(encoding="utf-8"))
    assert title == next(s["title"] for s in meta["sides"] if s["key"] == key), "headline differs from pair.yaml"


# --- our own words ----------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.findall(r"\w+(?:'\w+)?", text.lower())


def runs(text: str, n: int = SHARED_RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def body(text: str) -> str:
    """The text after the title line. Titles are excluded: a sample's headline is the official title, on purpose,
    because it names the source in pair.yaml as a citation does."""
    return text.split("\n\n", 1)[1] if "\n\n" in text else text


def real_readouts() -> dict[str, set[tuple[str, ...]]]:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"no real readouts to compare with: {EVAL_DIR} is absent (it sits beside the repository)")
    found = {str(p.relative_to(EVAL_DIR)): runs(body(p.read_text(encoding="utf-8"))) for p in EVAL_DIR.rglob("*.txt")}
    assert found, f"{EVAL_DIR} exists but holds no .txt readouts"
    return found


@pytest.mark.parametrize(("pair_id", "key", "path"), SIDE_FILES, ids=[f"{p}/{k}" for p, k, _ in SIDE_FILES])
def test_sample_shares_no_12_word_run_with_any_real_readout(pair_id: str, key: str, path: Path) -> None:
    ours = runs(body(path.read_text(encoding="utf-8")))
    copied = {name: sorted(ours & theirs)[:1] for name, theirs in real_readouts().items() if ours & theirs}
    assert not copied, f"{pair_id}/{key} repeats real text: {copied}"


def test_the_copy_check_catches_a_copied_sentence() -> None:
    # Guard against a check that can never fail: one real sentence pasted into our prose must be found.
    real = real_readouts()
    source = next(p for p in sorted(EVAL_DIR.rglob("*.txt")) if len(words(body(p.read_text(encoding="utf-8")))) > 40)
    pasted = " ".join(words(body(source.read_text(encoding="utf-8")))[5:25])
    ours = runs(f"Our own opening words. {pasted}. Our own closing words.")
    assert ours & real[str(source.relative_to(EVAL_DIR))]
