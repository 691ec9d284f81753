"""How fast segmentation (and attribution) runs on long readouts, against plain passes over the same text.

Run: ``python benchmarks/bench_segment.py``. Prints, for readouts of 1,000 / 10,000 / 100,000 sentences, the
time of ``segment`` and, measured in the same run over the same text, a ``re.finditer`` pass that only finds
candidate sentence ends and a ``str.split`` pass: the floor any segmenter stands on. The per-sentence cost of
``segment`` should stay flat as the text grows (linear time). ``attribute`` is timed once at 10,000 sentences.
"""

from __future__ import annotations

import re
import time

from readouts.segment import segment
from readouts.speakers import attribute

# Sentences written for this benchmark: abbreviations, initials, quotes, numbers, lists and Cyrillic, so that
# every rule of the segmenter is exercised, not only the fast path.
_SENTENCES = (
    "President Anna Smith spoke with Prime Minister Robert Jones on Jan. 5 about the U.S. trade deal.",
    "He stressed that the two countries had agreed on 2.5 percent tariffs, e.g. on steel.",
    "The leaders noted “real progress.”",
    "Joseph K. Brown, Jr. of the U.K. delegation joined the talks in Washington, D.C.",
    "Did the sides agree on a date?",
    "Стороны обсудили т.е. вопросы торговли, им. Ленина и т.д.",
    "«Мы готовы к диалогу», — отметил Президент.",
    "They agreed to meet again... in the spring!",
)


def _readout(sentences: int) -> str:
    body = []
    for n in range(sentences):
        body.append(_SENTENCES[n % len(_SENTENCES)])
        if n % 5 == 4:
            body.append("\n\n- " if n % 20 == 19 else "\n\n")
        else:
            body.append(" ")
    return "Readout of a long call\n\n" + "".join(body[:-1])


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ends = re.compile(r"[.!?…]+[\"”’»)\]]*\s+")
    print(f"{'sentences':>10} {'chars':>10} {'segment':>10} {'finditer':>10} {'str.split':>10} {'claims':>8} {'µs/sent':>8}")
    for sentences in (1_000, 10_000, 100_000):
        text = _readout(sentences)
        t_segment = _best(lambda text=text: segment(text))
        t_finditer = _best(lambda text=text: sum(1 for _ in ends.finditer(text)))
        t_split = _best(lambda text=text: len(text.split()))
        claims = len(segment(text))
        print(
            f"{sentences:>10,} {len(text):>10,} {t_segment:>9.3f}s {t_finditer:>9.3f}s {t_split:>9.3f}s "
            f"{claims:>8,} {t_segment / sentences * 1e6:>8.2f}"
        )
    text = _readout(10_000)
    segs = segment(text)
    t_attr = _best(lambda: attribute(text, segs, ()), repeat=1)
    print(f"attribute, 10,000 sentences, no participants: {t_attr:.3f}s")


if __name__ == "__main__":
    main()
