"""A person's review of a comparison: decisions kept beside the pair, applied on top of the engine's result.

No aligner is right every time; an analyst who quotes a comparison must be able to check it and correct it, and the
correction must survive a new engine, a changed taxonomy or a re-import of the same texts. The modules:

- ``decisions``: the values (``ClaimRef``, ``Decision``, ``Review``); ``reviewfile``: ``review.yaml`` both ways,
  as untrusted input; ``store``: the file on disk, changed under a lock, written atomically;
- ``resolve``: a decision's claims found again in today's comparison, by text and offsets;
- ``apply``: ``apply_review(comparison, review) -> Comparison``, every invariant kept;
- ``edits``: what each action of the TUI and the command line decides, merged into the file as it is now, with
  undo and redo;
- ``reviewed``: the review of a pair in its library, and the reviewed comparison through the cache;
- ``scoring``: the engine's own result measured against the reviewed one; ``gold``: the reviewed alignment in
  the annotation format of the evaluation corpus (``sentences`` numbers its sentences);
- ``jsonform``: the review's optional fields of the comparison JSON.

Names load their module on first use, as the ``comparisons`` package's do.
"""

from __future__ import annotations

from readouts.lazy import lazy_exports

_EXPORTS = {
    "apply": ("apply_review",),
    "decisions": ("ClaimRef", "Decision", "Review"),
    "edits": ("Change", "decide"),
    "reviewed": ("change_review", "read_review", "reviewed_compare"),
    "reviewfile": ("REVIEW_FILE",),
}
__all__ = sorted(name for names in _EXPORTS.values() for name in names)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
