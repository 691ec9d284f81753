"""Reviewing on the comparison screen: see why a row is what it is, and correct it (docs/review.md).

``REVIEW_BINDINGS`` are the keys, ``REVIEW_LINKING`` Esc and Enter while a link is being made, ``ReviewActions`` the
actions, mixed into ``ComparisonScreen``, which provides
``comparison``, ``show_comparison(comparison, keep=)`` and the ``AlignedRows``.

- ``w`` why: a pane with the engine's evidence for the selected row (``WhyPane``), following the cursor;
- ``v`` confirm; ``b`` split (one claim out, or all apart); ``l`` link (``l`` marks the row, the cursor moves on as a
  second cursor, ``l`` or Enter links the two rows' claims, Esc cancels); ``x`` not the same point; ``!`` a conflict
  with a note, or the engine's conflict cleared;
- ``u`` / ``U`` undo / redo the changes made to this pair while the app runs;
- ``r`` only the rows still to review (a ``RowFilter`` like the screen's other filters: Esc clears it).

Every change goes to the pair's review.yaml at once, under its lock and merged with what is there
(``comparisons.review``); the comparison shown is then the engine's result with the new review applied, and the
cursor stays on the row the change was about. A review file that cannot be used is said once when the pair opens
(the engine's result is shown) and every change is refused until it is fixed: it is never overwritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from textual.binding import Binding

from tui.widgets.review.marks import WORDS, review_notice, status_of

if TYPE_CHECKING:
    from comparisons.model import Comparison, Row
    from comparisons.review.decisions import ClaimRef, Decision, Review
    from comparisons.review.edits import Change
    from comparisons.review.reviewed import ReviewChange
    from readouts.model import Claim

    Said = str | Callable[[Comparison], str]
    """What the screen says after a change: a sentence, or one made from the comparison as it now is."""

__all__ = ["REVIEW_ACTIONS", "REVIEW_BINDINGS", "REVIEW_LINKING", "ReviewActions"]

REVIEW_BINDINGS = [
    Binding("w", "why", "Why", id="review.why",
            tooltip="Why: the engine's evidence for the selected row, and who decided it (again: close)"),
    Binding("v", "confirm", "Confirm", id="review.confirm",
            tooltip="Confirm: the link (or the omission) is right as it is"),
    Binding("b", "split", "Split", id="review.split", show=False,
            tooltip="Split: take one claim out of the link, or take it all apart"),
    Binding("l", "link", "Link", id="review.link", show=False,
            tooltip="Link: l marks this row, move to another, l (or Enter) makes their claims one link; Esc cancels"),
    Binding("x", "not_same", "Not the same", id="review.not-same", show=False,
            tooltip="Not the same point: the link's claims (or one of them) report different points"),
    Binding("exclamation_mark", "conflict", "Conflict note", id="review.conflict", show=False,
            tooltip="Conflict: mark the link in conflict with a note, or clear the engine's conflict"),
    Binding("u", "undo", "Undo", id="review.undo", show=False, tooltip="Undo the last review change"),
    Binding("U", "redo", "Redo", id="review.redo", show=False, tooltip="Redo the review change undone last"),
    Binding("r", "to_review", "To review", id="review.to-review", show=False,
            tooltip="To review: only the rows no review decision covers yet (again: every row)"),
]

REVIEW_LINKING = [
    Binding("escape", "cancel_link", "Cancel link", priority=True),
    Binding("enter", "link_here", "Link here", priority=True),
]
"""Only while a link is being made (the key bar shows them then): ``priority`` puts them before the screen's Esc
(back) and Enter (detail), which run as usual otherwise. Listed after the screen's own, so those keep their place."""

REVIEW_ACTIONS = {"why", "confirm", "split", "link", "not_same", "conflict", "undo", "redo", "to_review"}
LINKING_ONLY = {"cancel_link", "link_here"}


class ReviewActions:
    """Review actions for ``ComparisonScreen``."""

    _linking_from: tuple[str, ...] = ()
    """The claim ids of the row a link is being made from (empty: none)."""
    _engine_result: "tuple[str, Comparison] | None" = None
    _noticed: object = None

    # --- state -------------------------------------------------------------------------------------------------

    @property
    def linking(self) -> bool:
        return bool(self._linking_from)

    def _stacks(self) -> tuple[list["Change"], list["Change"]]:
        """The pair's changes to undo and to redo, kept by the app while it runs (a screen lasts one visit)."""
        return self.app.review_history.setdefault(self.pair_id, ([], []))

    def check_review_action(self, action: str) -> bool | None:
        """For the screen's ``check_action``: Esc/Enter as "cancel link"/"link here" only while a link is being
        made (hidden otherwise, so they run as the screen's back and detail); the review keys dimmed while the
        comparison loads."""
        if action in LINKING_ONLY:
            return self.linking
        if action in REVIEW_ACTIONS and self.comparison is None:
            return None
        return True

    # --- what the screen shows -----------------------------------------------------------------------------------

    def review_row_highlighted(self) -> None:
        """Keep the why pane on the selected row, and say once what is wrong with this pair's review."""
        comparison = self.comparison
        if comparison is None:
            return
        pane = self._why_pane()
        if pane is not None and pane.open:
            pane.show(comparison, self._current())
        self._update_linking_status()
        notice = review_notice(comparison)
        if notice and self._noticed != (comparison.pair.id, notice):
            self._noticed = (comparison.pair.id, notice)
            problem = comparison.review is not None and comparison.review.problem is not None
            self.notify(notice, title="Review", severity="error" if problem else "warning",
                        timeout=12 if problem else 8, markup=False)

    def _current(self) -> "Row | None":
        from tui.widgets.comparison.aligned_rows import AlignedRows

        return self.query_one(AlignedRows).current

    def _above_detail(self, kind: type, name: str, create: bool):
        """The screen's ``kind`` widget, mounted above the row's detail the first time ``create`` asks for it (most
        visits never review): ``None`` until then."""
        from tui.widgets.comparison.row_detail import RowDetail

        found = self.query(kind)
        if found:
            return found.first(kind)
        if not create:
            return None
        widget = kind(id=name)
        self.mount(widget, before=self.query_one(RowDetail))
        return widget

    def _why_pane(self, *, create: bool = False):
        from tui.widgets.review.why_pane import WhyPane

        return self._above_detail(WhyPane, "why", create)

    def _status_line(self, *, create: bool = False):
        from tui.widgets.review.status import ReviewStatus

        return self._above_detail(ReviewStatus, "review-status", create)

    def _update_linking_status(self) -> None:
        line = self._status_line(create=self.linking)
        if line is None:
            return
        if not self.linking:
            line.say(None)
            return
        anchor = self._row_with(self._linking_from[0])
        name = anchor.link.id if anchor is not None and anchor.link is not None else self._linking_from[0]
        line.say(f"Linking {name} ⇢ with the row you move to: l or Enter links, Esc cancels.")

    def action_why(self) -> None:
        pane = self._why_pane(create=True)
        pane.set_class(not pane.open, "-open")
        self.set_class(pane.open, "-why-open")
        if pane.open and self.comparison is not None:
            pane.show(self.comparison, self._current())

    # --- changing the review -------------------------------------------------------------------------------------

    def _usable(self) -> bool:
        comparison = self.comparison
        if comparison is None:
            return False
        if comparison.review is not None and comparison.review.problem is not None:
            self.notify(f"Fix the review file first: {comparison.review.problem}", title="Review",
                        severity="error", timeout=8, markup=False)
            return False
        return True

    def _decide(self, decisions: Sequence["Decision"], keep: str | None, said: Said) -> None:
        """Record ``decisions``, show the comparison with them, the cursor on the row holding claim ``keep``."""
        from comparisons.review.edits import decide

        made: dict[str, Change] = {}

        def edit(review: "Review") -> "Review":
            new, made["change"] = decide(review, decisions)
            return new

        result = self._change(edit)
        if result is None:
            return
        change = made["change"]
        if not change:
            self.notify("Already decided so: nothing changed.", title="Review", timeout=3)
            return
        undo, redo = self._stacks()
        undo.append(change)
        redo.clear()
        self._show_reviewed(result, keep, said)

    def _change(self, edit: Callable[["Review"], "Review"]) -> "ReviewChange | None":
        from comparisons.review.reviewed import change_review
        from readouts.errors import DualreadError

        try:
            result = change_review(self.app.library, self.comparison.pair, edit)
        except DualreadError as error:
            self.notify(str(error), title="Review not saved", severity="error", timeout=10, markup=False)
            return None
        if result.copied:
            self.notify(f"{result.pair.id} is a bundled sample: it was copied into your library to keep its review.",
                        title="Review", timeout=8, markup=False)
        return result

    def _engine(self, pair) -> "Comparison":
        """The engine's own result for ``pair`` (from the disk cache, where opening the pair put it), kept while
        the pair's texts and settings are the same."""
        from comparisons.cache import cache_key, cached_compare

        key = cache_key(pair, self.app.options)
        if self._engine_result is None or self._engine_result[0] != key:
            self._engine_result = (key, cached_compare(pair, self.app.options, self.app.library.cache_dir))
        return self._engine_result[1]

    def _show_reviewed(self, result: "ReviewChange", keep: str | None, said: Said) -> None:
        from comparisons.review.apply import apply_review
        from tui.comparison_store import rebind
        from tui.widgets.comparison.aligned_rows import row_key

        comparison = rebind(apply_review(self._engine(result.pair), result.review), result.pair)
        self.app.store.remember(comparison)
        row = _row_holding(comparison, keep) if keep else None
        self.show_comparison(comparison, keep=row_key(row) if row is not None else None)
        if said:
            self.notify(said(comparison) if callable(said) else said, title="Review", timeout=4, markup=False)

    # --- the actions -------------------------------------------------------------------------------------------

    def action_confirm(self) -> None:
        from comparisons.review.edits import confirm

        row = self._current()
        if row is None or not self._usable():
            return
        claims = _claims(row)
        self._decide(confirm(row), claims[0].id, f"Confirmed {_name(row)}.")

    def _link_row(self, refusal: str) -> "Row | None":
        """The selected row if it is a link and the review can be changed; else says ``refusal`` (or why not)."""
        row = self._current()
        if row is None or not self._usable():
            return None
        if row.link is None:
            self.notify(refusal, title="Review", timeout=4)
            return None
        return row

    def action_split(self) -> None:
        from comparisons.review.edits import unlink
        from tui.screens.review_dialogs import ALL_APART, ClaimChooser

        row = self._link_row("An omission is in no link: nothing to split.")
        if row is None:
            return
        claims = _claims(row)
        if len(claims) == 2:
            self._decide(unlink(claims), claims[0].id, f"Split {row.link.id}: both claims are omissions now.")
            return

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            apart = choice == ALL_APART.value
            out = claims if apart else [c for c in claims if c.id == choice]
            said = f"Split {row.link.id} all apart." if apart else f"Took {choice} out of {row.link.id}."
            keep = claims[0].id if apart else next((c.id for c in claims if c.id != choice), claims[0].id)
            self._decide(unlink(out), keep, said)

        self.app.push_screen(ClaimChooser(f"Split {row.link.id}: take which claim out?", claims, self.comparison,
                                          all_apart=True), callback=chosen)

    def action_link(self) -> None:
        row = self._current()
        if row is None or not self._usable():
            return
        if self.linking:
            self.action_link_here()
            return
        self._linking_from = tuple(c.id for c in _claims(row))
        self._repaint_rows()
        self.refresh_bindings()

    def action_link_here(self) -> None:
        from comparisons.review.edits import link

        target = self._current()
        anchor = self._row_with(self._linking_from[0]) if self.linking else None
        if target is None or anchor is None:
            self.action_cancel_link()
            return
        if target is anchor:
            self.notify("Move to another row first (the row marked ⇢ is the one you link from).", title="Review",
                        timeout=4)
            return
        claims = list({c.id: c for c in _claims(anchor) + _claims(target)}.values())
        if len({c.side for c in claims}) < 2:
            self.notify("Both rows are on one side: a link joins claims of two sides or more.", title="Review",
                        severity="warning", timeout=5)
            return
        self._linking_from = ()
        self._repaint_rows()
        self.refresh_bindings()

        def said(comparison: "Comparison") -> str:
            row = _row_holding(comparison, claims[0].id)
            return f"Linked: {_name(row)} ({_words(row)})." if row is not None else "Linked."

        self._decide(link(claims), claims[0].id, said)

    def action_cancel_link(self) -> None:
        self._linking_from = ()
        self._repaint_rows()
        self.refresh_bindings()

    def action_not_same(self) -> None:
        from comparisons.review.edits import not_same
        from tui.screens.review_dialogs import ClaimChooser

        row = self._link_row("An omission is in no link: nothing is said to be the same point.")
        if row is None:
            return
        claims = _claims(row)

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            odd = next(c for c in claims if c.id == choice)
            others = [c for c in claims if c.side != odd.side]
            keep = others[0].id if others else odd.id
            self._decide(not_same(odd, others), keep, f"{choice} is not the same point as the rest of {row.link.id}.")

        if len(claims) == 2:
            chosen(claims[0].id)
            return
        self.app.push_screen(ClaimChooser(f"Not the same point: which claim of {row.link.id} does not belong?",
                                          claims, self.comparison), callback=chosen)

    def action_conflict(self) -> None:
        from comparisons.review.apply import REVIEW_CONFLICT
        from comparisons.review.edits import clear_conflict, mark_conflict
        from tui.screens.review_dialogs import ConflictNote

        row = self._link_row("A conflict is between the claims of a link; this row is an omission.")
        if row is None:
            return
        mark = status_of(row)
        engine_conflict = any(c.kind != REVIEW_CONFLICT for c in row.link.conflicts) or (
            mark is not None and mark.conflict == "cleared")
        keep = row.link.claims[0]

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            action, note = answer
            if action == "conflict":
                self._decide(mark_conflict(row, note), keep, f"{row.link.id} marked in conflict.")
            else:
                self._decide(clear_conflict(row, note), keep, f"{row.link.id}: conflict cleared.")

        self.app.push_screen(ConflictNote(row.link.id, engine_conflict, mark.note if mark else "",
                                          clearable=bool(row.link.conflicts)), callback=chosen)

    def action_to_review(self) -> None:
        from dataclasses import replace

        self.set_filter(replace(self.row_filter, to_review=not self.row_filter.to_review))

    def action_undo(self) -> None:
        self._step(back=True)

    def action_redo(self) -> None:
        self._step(back=False)

    def _step(self, *, back: bool) -> None:
        if not self._usable():
            return
        undo, redo = self._stacks()
        source, target = (undo, redo) if back else (redo, undo)
        if not source:
            self.notify("Nothing to undo." if back else "Nothing to redo.", title="Review", timeout=3)
            return
        change = source.pop()
        result = self._change(change.undo if back else change.redo)
        if result is None:
            source.append(change)
            return
        target.append(change)
        refs = [ref for d in (*change.added, *change.removed) for ref in d.claims]
        keep = _claim_at(self.comparison, refs[0]) if refs else None
        said = f"{'Undone' if back else 'Redone'}: {_change_words(change, self.comparison)}."
        self._show_reviewed(result, keep, said)

    # --- helpers ---------------------------------------------------------------------------------------------------

    def _row_with(self, claim_id: str) -> "Row | None":
        return _row_holding(self.comparison, claim_id) if self.comparison is not None else None

    def _repaint_rows(self) -> None:
        from tui.widgets.comparison.aligned_rows import AlignedRows, row_key

        anchor = self._row_with(self._linking_from[0]) if self.linking else None
        self.query_one(AlignedRows).mark_linking(row_key(anchor) if anchor is not None else None)
        self._update_linking_status()


def _claims(row: "Row") -> list["Claim"]:
    return [c for claims in row.claims.values() for c in claims]


def _row_holding(comparison: "Comparison", claim_id: str) -> "Row | None":
    return next((r for r in comparison.rows if any(c.id == claim_id for c in _claims(r))), None)


_ACTION_WORDS = {"confirm": "confirm", "link": "link", "unlink": "split", "distinct": "not the same point",
                 "conflict": "conflict marked", "clear-conflict": "conflict cleared"}
"""Each action of a review in the words of the key that makes it (``v confirm``, ``b split``, ...)."""


def _change_words(change: "Change", comparison: "Comparison | None") -> str:
    """What a change decided, for the line that says it was undone or redone: "split (white-house:1, kremlin:1)";
    after several presses of ``u`` a bare "Undone." told a reviewer nothing of which decision went."""
    decisions = change.added or change.removed
    actions = " and ".join(dict.fromkeys(_ACTION_WORDS.get(d.action, d.action) for d in decisions))
    claims = dict.fromkeys(_claim_at(comparison, ref) or f"{ref.side}@{ref.start}-{ref.end}"
                           for d in decisions for ref in d.claims)
    return f"{actions} ({', '.join(claims)})"


def _claim_at(comparison: "Comparison | None", ref: "ClaimRef") -> str | None:
    if comparison is None:
        return None
    for document in comparison.documents:
        for claim in document.claims:
            if (claim.side, claim.start, claim.end) == (ref.side, ref.start, ref.end):
                return claim.id
    return None


def _name(row: "Row | None") -> str:
    if row is None:
        return "the row"
    return row.link.id if row.link is not None else f"omission {row.omission.claim}"


def _words(row: "Row") -> str:
    mark = status_of(row)
    return WORDS.get(mark.status, mark.status) if mark is not None else "as the engine has it"
