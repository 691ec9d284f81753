"""The library's topics.yaml or settings.yaml edited while the UI runs (issue 13, item 1's leftover), or the taxonomy
file given with ``--topics``: comparisons follow the new taxonomy without a restart, a file that cannot be used is said once and changes nothing, and the
full-text view open over a pair replaced on disk shows the new pair. Real library, real engine."""

from __future__ import annotations

import argparse

import pytest
from tui_fixtures import open_from_library, real_app, record_notices, shown, wait_for

from readouts.adding import add_pair
from readouts.library import Library
from tui.commands.common import options_from
from tui.screens.fulltext import FullTextScreen
from tui.widgets.comparison.topic_list import TopicList
from tui.widgets.fulltext.readout_pane import ReadoutPane
from tui.widgets.library.pair_table import PairTable

PAIR = "2024-03-04-harbour-call"
TEXTS = {
    "north": "North readout\n\nThe leaders spoke about the fishing fleet and the trawlers in the harbour. "
             "They agreed to meet again in April.\n",
    "south": "South readout\n\nThe presidents discussed the fishing fleet held in the harbour. "
             "A new meeting will follow in May.\n",
}
FISHERIES = """\
- id: fisheries
  label: Fisheries
  description: Fishing quotas, fleets and licences.
  keywords: [fish*, trawler*, fleet*]
"""


def sources(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    for key, text in texts.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
        found.append((key, str(folder / f"{key}.txt")))
    return found


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "library"
    add_pair(Library(root), PAIR, "Harbour call", "2024-03-04", sources(tmp_path / "src", TEXTS))
    return root


def app_on(root, tmp_path):
    """The app as ``dualread`` starts it: options from the library's files, made again when they change."""
    library = Library(root)
    args = argparse.Namespace()
    app = real_app(root, tmp_path, reread_options=lambda: options_from(args, library))
    app.WATCH_SECONDS = 0.2
    return app


def topic_labels(app) -> list[str]:
    comparison = app.screen.comparison
    return [comparison.topic_label(t.id) for t in comparison.topics] if comparison else []


async def test_a_taxonomy_written_while_the_ui_runs_is_followed_by_the_open_comparison(root, tmp_path, settle):
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_from_library(pilot, PAIR)
        assert "Fisheries" not in topic_labels(app)
        said = record_notices(app)
        (root / "topics.yaml").write_text(FISHERIES, encoding="utf-8")
        await wait_for(pilot, lambda: "Fisheries" in topic_labels(app), "the comparison uses the new taxonomy")
        assert "Fisheries" in " ".join(shown(app.screen.query_one(TopicList))), "the topic list on screen"
        assert any("topics.yaml" in message for message in said)
        assert any("compared again" in message for message in said), said
        assert not any("changed on disk" in message for message in said), "the pair itself did not change"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.query_one(PairTable).cell(PAIR, "claims").plain.strip() != "…",
                       "the library row's figures, computed with the new taxonomy")


async def test_the_taxonomy_file_given_with_topics_is_followed_like_the_librarys(root, tmp_path, settle):
    # `dualread --topics ~/my-topics.yaml`: editing that file while the UI ran changed nothing until a restart,
    # where the same edit in the library's topics.yaml is followed.
    mine = tmp_path / "elsewhere" / "my-topics.yaml"
    mine.parent.mkdir()
    mine.write_text(FISHERIES.replace("Fisheries", "Fishing").replace("fisheries", "fishing")
                    .replace("fish*, trawler*, fleet*", "angler*"), encoding="utf-8")
    args = argparse.Namespace(topics=str(mine))
    library = Library(root)
    app = real_app(root, tmp_path, reread_options=lambda: options_from(args, library), options_files=(mine,))
    app.options = app.store.options = options_from(args, library)
    app.WATCH_SECONDS = 0.2
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_from_library(pilot, PAIR)
        assert "Fisheries" not in topic_labels(app)
        said = record_notices(app)
        mine.write_text(FISHERIES, encoding="utf-8")
        await wait_for(pilot, lambda: "Fisheries" in topic_labels(app), "the comparison uses the edited taxonomy")
        assert any(str(mine) in message for message in said), said


async def test_a_taxonomy_that_cannot_be_used_is_said_once_and_changes_nothing(root, tmp_path, settle):
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_from_library(pilot, PAIR)
        before = topic_labels(app)
        said = record_notices(app)
        (root / "topics.yaml").write_text("- id: Not An Id\n  label: 5\n", encoding="utf-8")
        await wait_for(pilot, lambda: any("topics.yaml" in message for message in said), "the problem is said")
        checks = []
        told = app.library_changed_on_disk
        app.library_changed_on_disk = lambda: (checks.append(1), told())
        (root / "topics.yaml").write_text("- id: Not An Id\n  label: 5\n\n", encoding="utf-8")  # the same problem
        await wait_for(pilot, lambda: checks, "the watch has seen the file written again")
        await settle(pilot)
        warnings = [message for message in said if "topics.yaml" in message]
        assert len(warnings) == 1 and warnings[0].severity == "warning", "said once, not at every check"
        assert topic_labels(app) == before


async def test_the_full_text_view_follows_a_pair_replaced_on_disk(root, tmp_path, settle):
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_from_library(pilot, PAIR)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FullTextScreen)
        add_pair(Library(root), PAIR, "Harbour call", "2024-03-04",
                 sources(tmp_path / "second", {"north": "North readout, revised\n\nThe olive harvest was discussed.\n",
                                               "west": "West readout\n\nThe olive harvest and its exports.\n"}),
                 force=True)

        def texts() -> str:
            return " ".join(pane.document.text for pane in app.screen.query(ReadoutPane).results(ReadoutPane))

        await wait_for(pilot, lambda: "olive harvest" in texts(), "the full text of the new pair")
        assert isinstance(app.screen, FullTextScreen)
        assert [p.document.key for p in app.screen.query(ReadoutPane).results(ReadoutPane)] == ["north", "west"]
        assert "fishing fleet" not in texts()
