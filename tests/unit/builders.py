"""Documents built straight from sentences, for tests of the engine's stages that should not depend on segmentation."""

from __future__ import annotations

from readouts.model import Claim, Document, Side


def document(key: str, sentences: list[str]) -> Document:
    """One claim per sentence, each in its own paragraph (so no claim leans on a neighbour)."""
    text = "\n\n".join(sentences)
    claims, start = [], 0
    for i, sentence in enumerate(sentences):
        claims.append(Claim(key, i, start, start + len(sentence), sentence, paragraph=i))
        start += len(sentence) + 2
    return Document(Side(key, text), tuple(claims))
