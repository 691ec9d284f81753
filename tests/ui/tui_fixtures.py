"""Hand-built comparisons for the UI tests, written for them in our own words (used by the tests and conftest).

``call_comparison()``: a two-sided call with links (one with a word diff), a conflict (a date), omissions on both
sides and a readout line holding Rich markup and an escape sequence, which must show as typed. ``three_sides()``:
a smaller pair with a third side. ``StubLibrary`` lists them plus a broken pair, so the UI tests need no engine:
the app's store is seeded with the comparisons (``DualreadApp.store``), exactly what it holds after computing them.
``shown(widget)``: the lines a widget paints, as the user reads them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from comparisons.model import Comparison, Conflict, EngineInfo, Link, Omission, Span, TopicSummary
from comparisons.options import CompareOptions
from readouts.errors import ReadoutError
from readouts.model import Claim, Document, Pair, Side

MARKUP_LINE = "The aide wrote [bold red]urgent[/] and \x1b[31mred\x1b[0m in the memo."

WH_TEXT = (
    "Readout of the President's call with the President of Freedonia\n\n"
    "President Carter spoke today with President Ostrov of Freedonia. "
    "The call lasted fifty minutes.\n\n"
    "Carter said that new export controls would follow any move across the border. "
    "He welcomed talks between the two delegations in Vienna on 10 January. "
    f"{MARKUP_LINE}\n\n"
    "The leaders agreed to keep in close touch."
)

KR_TEXT = (
    "Telephone conversation with the President of the United States\n\n"
    "At the request of the American side, Ostrov held a telephone conversation with Carter. "
    "Ostrov warned that export controls would be a grave mistake.\n\n"
    "The presidents welcomed talks between the two delegations in Geneva on 9 January. "
    "Ostrov raised the fate of the fishing fleet held in northern ports.\n\n"
    "The leaders agreed to keep in close touch."
)


def claims_of(side: str, text: str, sentences: list[str]) -> tuple[Claim, ...]:
    out = []
    for index, sentence in enumerate(sentences):
        start = text.index(sentence)
        out.append(Claim(side, index, start, start + len(sentence), sentence, speaker=None))
    return tuple(out)


def word_diff(a: str, b: str) -> tuple[Span, ...]:
    """A word diff that rebuilds both texts (test helper; the engine has its own)."""
    ta, tb = re.findall(r"\S+|\s+", a), re.findall(r"\S+|\s+", b)
    spans: list[Span] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ta, b=tb, autojunk=False).get_opcodes():
        if op == "equal":
            spans.append(Span("equal", "".join(ta[i1:i2])))
        else:
            if i2 > i1:
                spans.append(Span("delete", "".join(ta[i1:i2])))
            if j2 > j1:
                spans.append(Span("insert", "".join(tb[j1:j2])))
    return tuple(spans)


def _summary(topic: str, label: str, claim_topics: dict[str, tuple[str, ...]], keys, links) -> TopicSummary:
    counts = {k: sum(1 for cid, ts in claim_topics.items() if cid.startswith(k + ":") and topic in ts) for k in keys}
    return TopicSummary(topic, label, counts, sum(1 for link in links if topic in link.topics))


LABELS = {
    "leader-contacts": "Leader contacts",
    "sanctions": "Sanctions",
    "talks": "Talks",
    "humanitarian": "Humanitarian",
    "bilateral": "Bilateral",
}


def build(pair: Pair, sentences: dict[str, list[str]], topics: dict[str, tuple[str, ...]],
          links: list[tuple[str, tuple[str, ...], float, tuple[Conflict, ...]]]) -> Comparison:
    documents = tuple(Document(side, claims_of(side.key, side.text, sentences[side.key])) for side in pair.sides)
    by_id = {c.id: c for d in documents for c in d.claims}
    made = []
    for link_id, claim_ids, score, conflicts in links:
        sides = list(dict.fromkeys(cid.split(":")[0] for cid in claim_ids))
        texts = [" ".join(by_id[c].text for c in claim_ids if c.startswith(s + ":")) for s in sides[:2]]
        link_topics = tuple(dict.fromkeys(t for c in claim_ids for t in topics.get(c, ())))
        made.append(Link(link_id, claim_ids, score, link_topics, conflicts, word_diff(*texts)))
    linked = {c for link in made for c in link.claims}
    omissions = tuple(
        Omission(c.id, c.side, topics.get(c.id, ())) for d in documents for c in d.claims if c.id not in linked
    )
    keys = pair.side_keys
    summaries = tuple(_summary(t, LABELS[t], topics, keys, made) for t in LABELS)
    return Comparison(pair, documents, topics, tuple(made), omissions, summaries, EngineInfo("test"))


def call_pair() -> Pair:
    return Pair(
        id="2022-01-05-carter-ostrov-call",
        event="Carter–Ostrov telephone call",
        date=dt.date(2022, 1, 5),
        sides=(
            Side("white-house", WH_TEXT, publisher="The White House",
                 title="Readout of the President's call with the President of Freedonia"),
            Side("kremlin", KR_TEXT, publisher="Freedonian Presidency",
                 title="Telephone conversation with the President of the United States"),
        ),
    )


def call_comparison() -> Comparison:
    pair = call_pair()
    wh = ["President Carter spoke today with President Ostrov of Freedonia.",
          "The call lasted fifty minutes.",
          "Carter said that new export controls would follow any move across the border.",
          "He welcomed talks between the two delegations in Vienna on 10 January.",
          MARKUP_LINE,
          "The leaders agreed to keep in close touch."]
    kr = ["At the request of the American side, Ostrov held a telephone conversation with Carter.",
          "Ostrov warned that export controls would be a grave mistake.",
          "The presidents welcomed talks between the two delegations in Geneva on 9 January.",
          "Ostrov raised the fate of the fishing fleet held in northern ports.",
          "The leaders agreed to keep in close touch."]
    topics = {
        "white-house:0": ("leader-contacts",), "white-house:1": ("leader-contacts",),
        "white-house:2": ("sanctions",), "white-house:3": ("talks",), "white-house:4": ("bilateral",),
        "white-house:5": ("leader-contacts",),
        "kremlin:0": ("leader-contacts",), "kremlin:1": ("sanctions",), "kremlin:2": ("talks",),
        "kremlin:3": ("humanitarian",), "kremlin:4": ("leader-contacts",),
    }
    conflict = (Conflict("date", {"white-house": "10 January", "kremlin": "9 January"}),
                Conflict("place", {"white-house": "Vienna", "kremlin": "Geneva"}))
    links = [
        ("L1", ("white-house:0", "kremlin:0"), 0.62, ()),
        ("L2", ("white-house:2", "kremlin:1"), 0.55, ()),
        ("L3", ("white-house:3", "kremlin:2"), 0.81, conflict),
        ("L4", ("white-house:5", "kremlin:4"), 1.0, ()),
    ]
    return build(pair, {"white-house": wh, "kremlin": kr}, topics, links)


def three_sides() -> Comparison:
    a = "Note A\n\nThe ministers met in Lisbon. They discussed grain shipments."
    b = "Note B\n\nThe ministers met in Lisbon. Fishing quotas were raised."
    c = "Summary\n\nThe ministers met in Lisbon."
    pair = Pair(
        id="2021-06-02-lisbon-meeting", event="Lisbon ministers' meeting", date=dt.date(2021, 6, 2),
        sides=(Side("north", a, publisher="North Ministry"), Side("south", b, publisher="South Ministry"),
               Side("press", c, publisher="Press summary")),
        sample=True,
    )
    topics = {"north:0": ("bilateral",), "south:0": ("bilateral",), "press:0": ("bilateral",),
              "north:1": ("talks",), "south:1": ("humanitarian",)}
    sentences = {"north": ["The ministers met in Lisbon.", "They discussed grain shipments."],
                 "south": ["The ministers met in Lisbon.", "Fishing quotas were raised."],
                 "press": ["The ministers met in Lisbon."]}
    return build(pair, sentences, topics, [("L1", ("north:0", "south:0", "press:0"), 0.97, ())])


@dataclass
class Entry:
    id: str
    path: Path
    pair: Pair | None
    problem: str | None
    sample: bool = False


@dataclass
class StubLibrary:
    """What the UI asks of a library, over fixed pairs and one broken folder."""

    root: Path
    pairs: dict[str, Pair] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @property
    def topics_file(self) -> None:
        return None

    def entries(self) -> list[Entry]:
        good = [Entry(p.id, self.root / p.id, p, None, p.sample) for p in self.pairs.values()]
        bad = [Entry(k, self.root / k, None, v) for k, v in self.broken.items()]
        return sorted(good, key=lambda e: e.pair.date, reverse=True) + bad

    def load(self, pair_id: str) -> Pair:
        if pair_id in self.pairs:
            return self.pairs[pair_id]
        raise ReadoutError(self.broken.get(pair_id, f"no pair '{pair_id}'"), file=self.root / pair_id)

    def has(self, pair_id: str) -> bool:
        """A pair of the library folder (a sample is not: it cannot be edited or deleted)."""
        return pair_id in self.broken or (pair_id in self.pairs and not self.pairs[pair_id].sample)

    @staticmethod
    def sample_ids() -> tuple[str, ...]:
        return ("2021-06-02-lisbon-meeting",)


BROKEN = "pair.yaml: field 'date': not a date (got 'soon')"


def make_app(tmp_path: Path, *, open_pair: str | None = None):
    from tui.app import DualreadApp

    comparisons = [call_comparison(), three_sides()]
    library = StubLibrary(tmp_path, {c.pair.id: c.pair for c in comparisons}, {"zz-broken-pair": BROKEN})
    app = DualreadApp(library, CompareOptions(), open_pair=open_pair, export_folder=tmp_path)
    for comparison in comparisons:
        app.store.remember(comparison)
    return app


def held(app, pair_id: str) -> Comparison:
    """The comparison ``app`` holds for ``pair_id`` as its library has it now."""
    return app.store.held(app.library.load(pair_id))


def slow_comparison(app, pair_id: str, monkeypatch):
    """Make ``app``'s first comparison of ``pair_id`` wait until the returned event is set: the loading state."""
    import threading

    comparison = held(app, pair_id)
    app.store.forget(pair_id)
    release = threading.Event()

    def slow_compare(pair):
        release.wait(120)  # far longer than any test waits for the loading state; the test sets it at once after
        app.store.remember(comparison)
        return comparison

    monkeypatch.setattr(app.store, "compare", slow_compare)
    return release


async def wait_for(pilot, condition, what: str, timeout: float = 60.0) -> None:
    """Let the app run until ``condition()`` holds: for states that follow a timer or another process (a library
    watch, a file written outside), which no number of pauses makes certain. ``timeout`` only ends a test that
    would otherwise hang; it is no promise of speed."""
    import asyncio

    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"never happened: {what}")
        await pilot.pause(0.05)


def still(app):
    """A condition for ``wait_for``: true once the screen shows the same frame twice in a row (each look a round
    later), so whatever a key set going (a resize, a list laid out again for the width a scrollbar left) is done."""
    frames: list[list[str]] = []

    def unchanged() -> bool:
        frames.append(screen_lines(app))
        return len(frames) > 1 and frames[-1] == frames[-2]

    return unchanged


class Notice(str):
    """A notice's message (it compares and searches as the message) and its ``severity``."""

    severity: str = "information"


def descheduled_workers(app) -> list:
    """Every worker the app starts from now on, kept; and each return from ``call_from_thread`` into a worker's
    thread delayed, as a loaded machine does at random: the thread runs again only after the UI moved on."""
    import time

    started: list = []
    add_worker = app.workers.add_worker
    app.workers.add_worker = lambda worker, **kwargs: (started.append(worker), add_worker(worker, **kwargs))[1]
    call_from_thread = app.call_from_thread

    def descheduled(callback, *args, **kwargs):
        result = call_from_thread(callback, *args, **kwargs)
        time.sleep(0.5)
        return result

    app.call_from_thread = descheduled
    return started


def record_notices(app) -> list[Notice]:
    """Every notice the app posts from now on, kept as it is posted: ``app.notify`` only posts a message, so a
    notice reaches ``app._notifications`` when that is handled (on a loaded machine, after the state a test waited
    for), and it leaves that list once its timeout has passed. Called again on the same app, the same list."""
    kept = getattr(app.notify, "notices", None)
    if kept is not None:
        return kept
    said: list[Notice] = []
    post = app.notify

    def recording(message, *args, **kwargs):
        notice = Notice(str(message))
        notice.severity = kwargs.get("severity", "information")
        said.append(notice)
        return post(message, *args, **kwargs)

    recording.notices = said  # type: ignore[attr-defined]
    app.notify = recording
    return said


def screen_lines(app) -> list[str]:
    """The terminal's lines as the user sees them now (every layer composited, as a screenshot is)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False).splitlines()


def shown(widget) -> list[str]:
    """The lines ``widget`` paints, as text (cut and padded as on the terminal)."""
    from textual.geometry import Region

    return [strip.text for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))]


# --- the library and the pair form, as a user drives them -----------------------------------------------------------

def real_app(root: Path, tmp_path: Path, **options):
    """The app over a real library folder ``root`` (the real engine), exporting to ``tmp_path``."""
    from readouts.library import Library
    from tui.app import DualreadApp

    return DualreadApp(Library(root), CompareOptions(), export_folder=tmp_path, **options)


async def cursor_on(pilot, pair_id: str) -> None:
    """The library's cursor on ``pair_id`` (as the arrow keys would put it)."""
    from tui.widgets.library.pair_table import PairTable

    table = pilot.app.screen.query_one(PairTable)
    table.move_to(table.row_ids.index(pair_id))
    await pilot.pause()


async def open_from_library(pilot, pair_id: str) -> None:
    """Enter on ``pair_id`` in the library, then wait until its comparison is shown."""
    from tui.screens.comparison import ComparisonScreen

    await cursor_on(pilot, pair_id)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ComparisonScreen)
                   and pilot.app.screen.comparison is not None, "the comparison is shown")


def form_error(app, name: str) -> str:
    """What the pair form shows under field ``name`` (``id``, ``side-1``, ``form``...), "" when nothing."""
    from textual.widgets import Static

    box = app.screen.query_one(f"#error-{name}", Static)
    return str(box.content) if box.has_class("-shown") else ""


def fill_form(screen, **values: str) -> None:
    """Type ``values`` into the pair form's fields (``key_0="north"`` is the field ``#input-key-0``)."""
    from textual.widgets import Input

    for name, value in values.items():
        screen.query_one(f"#input-{name.replace('_', '-')}", Input).value = value


async def palette_commands(screen) -> list[tuple[str, object, str]]:
    """What the command palette offers on ``screen``: (title, callback, help) per command."""
    from tui.palette import DualreadCommands

    provider = DualreadCommands(screen)
    await provider.startup()
    return provider.commands
