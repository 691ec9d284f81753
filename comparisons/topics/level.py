"""Whether an event is the leaders' own or one below them, and what that changes in the topics.

- ``below_leaders(documents) -> bool``: the opening claims of the sides name officials (ministers, secretaries,
  advisers, envoys, delegations) and no leader (president, prime minister, chancellor, king, ...), or officials and
  at most one leader each (an envoy or a secretary received by a president).
- ``as_talks(topics, evidence, taxonomy) -> (topics, evidence)``: for such an event, every ``leader-contacts``
  topic becomes ``talks``, with the reason added to the evidence.

Why: the taxonomy keeps the leaders' own channel (that they spoke, its tone, staying in touch) apart from talks
between governments below the leaders. When two foreign ministers meet, their meeting, its tone and their promise
to stay in touch are that lower channel: the same words that make a leaders' call ``leader-contacts`` make a
ministers' meeting ``talks``. Which one a readout reports is said once, in its opening line, so it is read there
for the whole pair. Two leaders named in one opening, or a leader with no official beside him, keep the default
(most readouts are the leaders'); an envoy or secretary received by a president is below the leaders, since one
side is not there at that level. A taxonomy without both ids is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from comparisons.topics.taxonomy import Taxonomy
from readouts.model import Document

__all__ = ["LEADER_TOPIC", "TALKS_TOPIC", "as_talks", "below_leaders"]

LEADER_TOPIC = "leader-contacts"
TALKS_TOPIC = "talks"

# Titles below the leaders that contain a leader's title: read first and set aside.
_DEPUTY = re.compile(r"\b(?:Deputy|Vice)[\s-]+(?:Prime\s+Minister|President|Chancellor|Premier)\b"
                     r"|\bвице[\s-]*(?:премьер|президент)\w*", re.IGNORECASE)
_LEADER = re.compile(
    r"\b(?:President|Prime\s+Minister|Chancellor|King|Queen|Emir|Crown\s+Prince|Premier|Sultan|Emperor"
    r"|heads?\s+of\s+(?:state|government)|leaders)\b"
    r"|\b(?:президент|премьер|канцлер|глав\w*\s+государств)\w*",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"\b(?:Minister|Secretary|Advis[eo]r|Envoy|Special\s+Representative|Ambassador|Director|Commissioner"
    r"|Deputy|Vice|delegations?|expert\s+groups?|working\s+groups?)\b"
    r"|\b(?:министр|госсекретар|помощник|советник|посол|спецпредставител|делегаци)\w*",
    re.IGNORECASE,
)


def below_leaders(documents: Sequence[Document]) -> bool:
    """Whether the sides' opening claims put the event below the leaders (see the module docstring): they name an
    official and no leader, or an official and one leader at most each (an envoy or a secretary received by a
    president: one side is not there at the leaders' level)."""
    openings = [_DEPUTY.sub(" Deputy ", doc.claims[0].text) for doc in documents if doc.claims]
    if not openings:
        return False
    leaders = [len(_LEADER.findall(text)) for text in openings]
    officials = any(_OFFICIAL.search(_LEADER.sub(" ", text)) for text in openings)
    return officials and max(leaders) <= 1 and (sum(leaders) == 0 or len(openings) > 1)


def as_talks(topics: Mapping[str, tuple[str, ...]], evidence: Mapping[str, Mapping[str, tuple[str, ...]]],
             taxonomy: Taxonomy) -> tuple[dict[str, tuple[str, ...]], dict[str, dict[str, tuple[str, ...]]]]:
    """``topics`` and ``evidence`` with ``leader-contacts`` read as ``talks`` (the claim keeps one ``talks``)."""
    if LEADER_TOPIC not in taxonomy.ids or TALKS_TOPIC not in taxonomy.ids:
        return dict(topics), {cid: dict(why) for cid, why in evidence.items()}
    new_topics: dict[str, tuple[str, ...]] = {}
    new_evidence: dict[str, dict[str, tuple[str, ...]]] = {cid: dict(why) for cid, why in evidence.items()}
    for cid, ids in topics.items():
        if LEADER_TOPIC not in ids:
            new_topics[cid] = ids
            continue
        new_topics[cid] = tuple(dict.fromkeys(TALKS_TOPIC if t == LEADER_TOPIC else t for t in ids))
        why = new_evidence.setdefault(cid, {})
        moved = why.pop(LEADER_TOPIC, ())
        why[TALKS_TOPIC] = why.get(TALKS_TOPIC, ()) + tuple(
            f"{line} (a meeting below the leaders: their channel is talks)" for line in moved
        )
    return new_topics, new_evidence
