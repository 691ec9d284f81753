"""What a readout may be: how large, how many claims, how long one claim. Past these it is refused in one line.

- ``MAX_READOUT_BYTES``: 1 MB of text per side (UTF-8, as stored).
- ``MAX_CLAIMS``: 10,000 claims per side.
- ``MAX_CLAIM_CHARS``: 5,000 characters in one claim (a sentence with no end in sight).
- ``check_readout(text, *, source, claims=True)``: raise ``ReadoutError`` naming ``source`` and the limit when
  ``text`` breaks one; ``claims=False`` checks the size only (what loading a library can afford for every pair).

Why these numbers: the real readouts we measure with are at most 7 kB, 34 claims and 1,015 characters in their
longest sentence; a four-hour press conference transcript is about 300 kB. The limits leave room for all of that
many times over, and bound what a comparison costs: its time grows with the text (about 10 s per MB on this
machine: ``benchmarks/bench_large.py``), and faster than that with the length of the longest linked claims, so a
20 kB "sentence" (a page with no full stops) is refused rather than compared for minutes. Raw sources may be larger
(``readouts.importing.MAX_SOURCE_BYTES``): a web page is mostly markup around its article.
"""

from __future__ import annotations

from readouts.errors import ReadoutError

__all__ = ["MAX_CLAIMS", "MAX_CLAIM_CHARS", "MAX_READOUT_BYTES", "check_readout"]

MAX_READOUT_BYTES = 1024 * 1024
MAX_CLAIMS = 10_000
MAX_CLAIM_CHARS = 5_000


def check_readout(text: str, *, source: object, claims: bool = True) -> None:
    """Refuse ``text`` as a readout when it is larger than the limits above (one ``ReadoutError`` line)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_READOUT_BYTES:
        raise ReadoutError(f"too large to be a readout: {size:,} bytes of text, the limit is "
                           f"{MAX_READOUT_BYTES // (1024 * 1024)} MB per side", file=source)
    if not claims:
        return
    from readouts.segment import segment

    spans = segment(text)
    if len(spans) > MAX_CLAIMS:
        raise ReadoutError(f"too many claims to be a readout: {len(spans):,}, the limit is {MAX_CLAIMS:,} per side",
                           file=source)
    longest = max(spans, key=lambda s: s.end - s.start, default=None)
    if longest is not None and longest.end - longest.start > MAX_CLAIM_CHARS:
        start = text[longest.start:longest.start + 40]
        raise ReadoutError(f"a sentence too long to be a claim: {longest.end - longest.start:,} characters without a "
                           f"sentence end, the limit is {MAX_CLAIM_CHARS:,}", file=source,
                           value=" ".join(start.split()) + "…")
