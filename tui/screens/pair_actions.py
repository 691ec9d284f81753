"""``PairActions``: what the library screen does to the pair under its cursor besides opening it: edit it (the
add form, filled) and delete it (after a confirmation whose safe answer has the focus).

A mixin, so the library screen only binds keys to it: ``E`` edits, ``d`` deletes. Both work on the library's own
pairs; a bundled sample is read-only and says so. A delete runs in a worker (``Library.remove``: renamed aside,
then removed, never half a pair), then the library is listed again, the cursor on the next pair.
"""

from __future__ import annotations

from textual import work

from readouts.errors import DualreadError
from readouts.textshape import one_line

__all__ = ["PairActions"]

READ_ONLY = ("{id} is a bundled sample: it is read-only. To change it, add a pair with its id (a): yours then "
             "shows in its place in this library.")


class PairActions:
    """Mixin for ``LibraryScreen`` (it provides ``current``, ``app``, ``select_added`` and ``reload``)."""

    def action_edit_pair(self) -> None:
        listing = self.current
        if listing is None:
            return
        if listing.broken or listing.pair is None:
            self.app.notify(f"{listing.id} cannot be read, so it cannot be edited here: {listing.problem}",
                            severity="warning", markup=False)
            return
        if not self.app.library.has(listing.id):
            self.app.notify(READ_ONLY.format(id=listing.id), severity="warning", markup=False)
            return
        try:
            pair = self.app.library.load(listing.id)  # as it is on disk now, not as it was listed
        except DualreadError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        self.app.add_pair(then=self.select_added, editing=pair)

    def action_delete_pair(self) -> None:
        from tui.screens.confirm import ConfirmModal

        listing = self.current
        if listing is None:
            return
        if not self.app.library.has(listing.id):
            self.app.notify(READ_ONLY.format(id=listing.id), severity="warning", markup=False)
            return
        folder = self.app.library.root / listing.id
        hides = listing.id in self.app.library.sample_ids()
        message = (f"{one_line(listing.event) or listing.id}\n\nIts folder {folder} goes from the library, with its "
                   "texts and its review. This cannot be undone."
                   + ("\n\nThe bundled sample with this id shows again." if hides else ""))
        self.app.push_screen(ConfirmModal(f"Delete the pair {listing.id}?", message, "Delete"),
                             callback=lambda go: self.delete_pair(listing.id) if go else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="delete", name="delete the pair")
    def delete_pair(self, pair_id: str) -> None:
        folder = self.app.library.remove(pair_id)
        self.app.call_from_thread(self.deleted, pair_id, str(folder))

    def deleted(self, pair_id: str, folder: str) -> None:
        self.app.notify(f"deleted {pair_id} ({folder})", title="Pair deleted", markup=False)
        self.reload()
