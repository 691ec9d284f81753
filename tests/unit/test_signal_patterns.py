"""A pattern signal is found exactly where a plain regular-expression search finds it, however it is sped up."""

from __future__ import annotations

import re
from pathlib import Path

from comparisons.topics.signals import Matcher
from comparisons.topics.taxonomy import default_taxonomy
from readouts.segment import segment

SAMPLES = Path(__file__).resolve().parents[2] / "readouts" / "samples"


def sample_sentences() -> list[str]:
    out = []
    for path in sorted(SAMPLES.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(text[s.start:s.end] for s in segment(text))
    # and a few written for this test: a needle inside a longer word, twice in a sentence, in capitals
    out += ["The talks on talking points: they spoke at length with the press and spoke with him.",
            "HE SPOKE WITH THE PRESIDENT AT THE REQUEST OF THE PRIME MINISTER.",
            "Washington welcomed the minister to Washington; the spokesman spoke to reporters."]
    return out


def test_every_default_pattern_finds_the_first_match_a_plain_search_finds():
    matcher = Matcher(default_taxonomy())
    patterns = {p.source: p for group in matcher.patterns_by_prefix.values() for p in group}
    patterns.update({p.source: p for p in matcher.patterns})
    sentences = sample_sentences()
    assert len(sentences) > 100 and len(patterns) > 50
    found = 0
    for pattern in patterns.values():
        plain = re.compile(pattern.source, pattern.flags)
        for sentence in sentences:
            lowered = sentence.lower()
            expected = plain.search(sentence)
            if not pattern.may_match(lowered):
                assert expected is None, (pattern.source, sentence)
                continue
            assert pattern.find(sentence, lowered) == (expected.span() if expected else None), (pattern.source,
                                                                                                sentence)
            found += expected is not None
    assert found > 50, "the sentences exercise the patterns"
