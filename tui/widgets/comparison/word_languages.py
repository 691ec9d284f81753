"""Whether a link's word diff compares two languages: then every word differs, and colouring them all says nothing
(a Russian and an English sentence share no word), so the UI says "different languages" instead, as the HTML
report leaves such a diff unmarked.

- ``diff_languages(comparison, row) -> tuple[str, str] | None``: the languages of the two sides a link's word diff
  compares, when they differ: by the sides' declared languages (pair.yaml ``language``, its first subtag) or, when
  those agree, by the script of the claims themselves (``readouts.textshape.guess_language``).
"""

from __future__ import annotations

from comparisons.model import Comparison, Row
from readouts.textshape import guess_language

__all__ = ["diff_languages"]


def _declared(comparison: Comparison, key: str) -> str:
    return (comparison.pair.side(key).language or "").split("-")[0].strip().lower()


def diff_languages(comparison: Comparison, row: Row) -> tuple[str, str] | None:
    link = row.link
    if link is None or not link.diff:
        return None
    sides: list[str] = []
    for claim_id in link.claims:
        side = claim_id.rsplit(":", 1)[0]
        if side not in sides:
            sides.append(side)
    if len(sides) < 2 or not all(side in comparison.side_keys for side in sides[:2]):
        return None
    first, second = sides[:2]
    declared = (_declared(comparison, first), _declared(comparison, second))
    if all(declared) and declared[0] != declared[1]:
        return declared
    written = tuple(guess_language(" ".join(c.text for c in row.claims.get(k, ()))) for k in (first, second))
    return written if written[0] != written[1] else None
