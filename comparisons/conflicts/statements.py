"""The ``attribution`` and ``stance`` kinds of conflict: read from the claims as statements (who makes the point,
and whether it is agreed or refused), not from details in their text.

- ``speaker_values(claims)``: the speakers the claims give (none when one is ``BOTH``: "the two leaders" agree
  with any single attribution).
- ``names_each_other(speakers, texts, pair)``: whether one side's text names a speaker another side gives; then
  the point is a joint act or an exchange, not a dispute over who said it.
- ``same_statement(words, speakers)``: whether the sides word the point alike once the speakers' names are set
  aside; only then is a different speaker a conflict.
- ``stance_values(claims)``: the stance the claims take on their point, with the words that take it: ``agreed`` or
  ``refused`` (a negated agreement counts as refused, as does "will not join ..."), ``conditional`` (the point holds "only after", "provided
  that", takes effect after something, or something is "a key condition for" it) or ``denied`` (the point "was not raised", claims called "groundless");
  ``STANCE_WORDS`` for a cheap first look.
- ``refusal_meets(stances, words)``: whether a "will not join ..." refusal names what an agreeing side agreed to.
- ``plain_values(claims)``: for a side that states the point without condition or denial, its opening words: what
  a denied point is set against (``conflicts.detect`` decides when).
- ``settled_values(claims)``: the same, only for a side that states the point as settled (agreed, decided, a
  commitment that "will" be kept, done), not as a demand, proposal or offer: what a conditional point is set
  against.
- ``phrase(text, match)``: a cue and the words after it, as a conflict shows a side's wording.

Verdicts on the point (unlawful or lawful, an objection or its dismissal) are read by ``conflicts.verdicts``.

Why conditions and denials: one government often reports as settled what the other makes conditional (an
agreement that takes effect only once sanctions are lifted) or denies outright; a reader must see that the two
readouts do not say the same thing, with each side's wording.

Why a condition counts only against a settled point: a demand, a proposal or an offer answered by the other leader's
conditions ("pressed for a complete ceasefire" / "a ceasefire is possible only after a withdrawal") is two moves of
one exchange, both reported accurately; the readouts disagree on nothing, and GUIDELINES' conflicts are a
disagreement on what was agreed (one says agreed, the other refused). A side that says the point was agreed or
will be done ("The United States will help restore access" / "takes effect only after the sanctions are lifted")
does disagree with the side that makes it conditional. English and Russian are read alike: "only after" and
"лишь после", "provided that" and "при условии", "agreed" and "договорились".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from comparisons.words.stems import stem
from readouts.model import BOTH, Claim, Pair

__all__ = ["STANCE_WORDS", "names_each_other", "phrase", "plain_values", "refusal_meets", "same_statement",
           "settled_values", "speaker_values", "stance_values"]

_WORD = re.compile(r"\w+")

STANCE_WORDS = frozenset(
    "agreed agrees agree accepted accepts endorsed consented approved refused refuses rejected rejects declined "
    "declines disagreed turned ruled dismissed intention only provided condition conditional precondition prerequisite subject "
    "contingent effect force allow allows permit permits "
    "not denied denies groundless baseless unfounded после условии условием если случае силу не беспочвенны "
    "необоснованны лишь только условие согласился согласилась согласились договорились согласие отказался отказалась отказались "
    "отклонил отклонила отклонили отверг отвергла отвергли untrue false absurd fabricated basis foundation come "
    "agenda never нет никогда действительности оснований основания безосновательны безосновательные "
    "безосновательными голословные голословными речи повестке".split())

_AGREE = re.compile(r"\b(agreed|agrees|agree|accepted|accepts|endorsed|consented|approved)\b", re.IGNORECASE)
_AGREE_RU = re.compile(r"(?<!\w)(согласил(?:ся|ась|ись)|договорил(?:ись|ся|ась)|дал\w*\s+согласие)(?!\w)", re.IGNORECASE)
_BY_A_THIRD_BODY = re.compile(r"\s+by\s+(?!both\b|the\s+two\b|all\b|each\b|the\s+(?:sides|parties|leaders)\b)\w",
                              re.IGNORECASE)
"""After an agreement verb, the body that approves ("approved by the Senate", "accepted by parliament"): a third
party's act, or one still wished for, not the sides agreeing with each other ("agreed by both sides" is)."""
_REFUSE = re.compile(
    r"\b(refused|refuses|rejected|rejects|declined|declines|disagreed|turned down|ruled out|dismissed)\b", re.IGNORECASE
)
_REFUSE_RU = re.compile(r"(?<!\w)(отказал(?:ся|ась|ись)|отклонил[аи]?|отверг(?:ла|ли)?)(?!\w)", re.IGNORECASE)
_WILL_NOT_JOIN = re.compile(
    r"\b(?:(?:will|would|shall)\s+not|won't|(?:is|are|was|were)\s+not\s+(?:ready|willing|prepared)\s+to)\s+"
    r"(?:join|take\s+part\s+in|participate\s+in|sign|accept)\b"
    r"|\bha(?:s|ve|d)\s+no\s+intention\s+of\s+(?:joining|taking\s+part\s+in|participating\s+in|signing)\b",
    re.IGNORECASE,
)
"""A side that will not join, take part in, sign or accept something ("will not join any trilateral negotiations"):
a refusal of what the other side says was agreed only when it names the same thing (``refusal_meets``)."""
_CONDITION = re.compile(
    r"\b(?:only\s+(?:after|if|once|when|on\s+condition|upon)|provided\s+that|providing\s+that|"
    r"(?<=,\s)provided\s+(?=\w)|"
    r"(?:an?|the|as\s+a)\s+(?:key\s+|necessary\s+|main\s+|essential\s+|major\s+|basic\s+)?(?:pre)?condition\s+for|"
    r"(?:an?|the)\s+(?:key\s+|necessary\s+|essential\s+)?prerequisite\s+(?:for|to)|"
    r"on\s+(?:the\s+)?condition\s+(?:that|of)|conditional\s+(?:on|upon)|contingent\s+(?:on|upon)|"
    r"(?:take|takes|took|come|comes|enter|enters)\s+(?:into\s+)?(?:effect|force)\s+(?:only\s+)?(?:after|once|when|upon)|"
    r"subject\s+to\s+(?:the\s+)?(?:lifting|removal|condition|approval|fulfil\w*))",
    re.IGNORECASE,
)
_CONDITION_RU = re.compile(
    r"(?<!\w)(?:(?:только|лишь)\s+(?:после|если|когда|в\s+случае|при\s+условии)|при\s+условии|с\s+условием|"
    r"на\s+условии|(?:ключев|главн|необходим|непременн|обязательн|основн|важнейш)\w*\s+услови(?:ем|е)(?!\w)|"
    r"вступа\w*\s+в\s+силу\s+(?:только\s+|лишь\s+)?после)",
    re.IGNORECASE,
)
"""A point made to hold only once something else happens ("only after", "provided that"), in English and Russian
alike ("лишь после", "при условии", "ключевым условием"). A plain "if" is a warning, not a condition ("sanctions
will follow if troops cross the border"); "conditions for talks" in the plural are circumstances, not a condition."""
_ONCE_IT_ALLOWS = re.compile(r"\b(?:once|when|as\s+soon\s+as)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:allows?|permits?)\b",
                             re.IGNORECASE)
"""A condition too: "once the security situation allows", "when conditions permit" (looked for only in a text that
says "allow" or "permit")."""
_DENIAL = re.compile(
    r"\b(?:(?:was|were|has|have|had)\s+not\s+(?:been\s+)?(?:raised|discussed|mentioned|touched\s+upon|considered|"
    r"addressed|brought\s+up|on\s+the\s+agenda)|"
    r"did\s+not\s+(?:raise|discuss|mention|address|bring\s+up|touch\s+(?:up)?on|come\s+up)|(?:didn't|never)\s+came?\s+up|"
    r"(?:denied|denies|deny|rejected|rejects|dismissed)\s+(?:the\s+|any\s+|such\s+|these\s+|those\s+)?"
    r"(?:claims?|allegations?|reports?|accusations?|insinuations?|charges?)|(?:denied|denies|deny)\s+(?:that|having)\b|"
    r"(?:groundless|baseless|unfounded|false|absurd|fabricated)\s+(?:claims?|allegations?|accusations?|reports?|"
    r"insinuations?|charges?)|"
    r"(?:is|are|was|were|remain|remains)\s+(?:\w+ly\s+)?(?:groundless|baseless|unfounded|untrue|false|absurd|fabricated|"
    r"without\s+(?:any\s+)?(?:basis|foundation))\b|"
    r"ha(?:s|ve|d)\s+no\s+(?:\w+\s+)?(?:basis|foundation)\b|"
    r"ha(?:s|ve|d)\s+never\s+(?:provided|supplied|sent|delivered|transferred|sold|exported|shipped|given|"
    r"interfered|meddled)\b)",
    re.IGNORECASE,
)
_DENIAL_RU = re.compile(
    r"(?<!\w)(?:не\s+(?:обсуждал\w*|затрагивал\w*|поднимал\w*|рассматривал\w*)|(?:беспочвенн|необоснованн|безосновательн|"
    r"голословн)\w*|нет\s+(?:\w+\s+)?оснований|не\s+име\w*\s+(?:под\s+собой\s+)?(?:\w+\s+)?(?:оснований|основания)|"
    r"лишен\w*\s+(?:\w+\s+)?(?:оснований|основания)|не\s+соответству\w*\s+действительности|"
    r"речи\s+не\s+(?:шло|было)|не\s+(?:было|стоял\w*)\s+на\s+повестке|"
    r"никогда\s+не\s+(?:поставлял|предоставлял|передавал|продавал|вмешивал)\w*)",
    re.IGNORECASE,
)
"""A side saying the point was not made ("was not raised", "did not come up", "не обсуждался", "речи не шло"), or
calling it false ("groundless accusations", "attempts to blame Russia are groundless", "have no basis", "нет
никаких оснований", "не соответствует действительности"), or denying the act ("has never provided lethal weapons",
"никогда не поставлял"). "Will never allow" is a policy, not a denial, and is not read."""
_CYRILLIC = re.compile(r"[А-Яа-яЁё]").search

_CUES = {
    # pattern: the pieces of lower-case text it needs (a test per piece is far cheaper than the search)
    _CONDITION: ("only ", "provided", "providing", "condition", "prerequisite", "contingent", "effect", "force",
                 "subject to"),
    _CONDITION_RU: ("только", "лишь", "услови", "силу"),
    _DENIAL: ("not", "n't", "never", "deni", "deny", "reject", "dismiss", "groundless", "baseless", "unfounded",
              "false", "absurd", "fabricat", "untrue", "basis", "foundation"),
    _DENIAL_RU: ("не ", "нет", "беспочв", "необоснов", "безоснов", "голослов", "лишен", "речи"),
    _AGREE: ("agree", "accept", "endors", "consent", "approv"),
    _AGREE_RU: ("соглас", "договорил"),
    _REFUSE: ("refus", "reject", "declin", "disagree", "turned down", "ruled out", "dismiss"),
    _REFUSE_RU: ("отказ", "отклон", "отверг"),
}
"""Each reading's English and Russian patterns, searched only where their cues are: the Russian ones only in a text
with Cyrillic letters."""


def _found(english: re.Pattern[str], russian: re.Pattern[str], text: str, low: str,
           cyrillic: bool) -> list[re.Match[str]]:
    """The matches of a reading in ``text`` (``low`` its lower case), English first."""
    found = list(english.finditer(text)) if any(cue in low for cue in _CUES[english]) else []
    if cyrillic and any(cue in low for cue in _CUES[russian]):
        found.extend(russian.finditer(text))
    return found


_NEGATION_REACH = 120
"""How far before an agreement verb its negation is looked for ("did not, in the end, agree"): two words or so."""
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno|\bfailed to|\bunable to|(?<!\w)не(?!\s+только)|(?<!\w)так\s+и\s+не)"
                       r"\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def speaker_values(claims: Iterable[Claim]) -> dict[str, str]:
    claims = list(claims)
    speakers = [c.speaker for c in claims if c.speaker]
    if BOTH in speakers or any(_WE_TALKED.search(c.text) for c in claims):
        return {}  # "the two leaders" (or a speaker's "we talked about") agree with any single attribution
    return {s: s for s in speakers}


_WE_TALKED = re.compile(r"\b[Ww]e\s+(?:also\s+|have\s+|had\s+|then\s+)*(?:talked|discussed|spoke|exchanged|reviewed|"
                        r"touched|went\s+over|agreed)\b")
"""A speaker in a transcript telling what both sides did ("We also talked about the fund"): the point is the
exchange, not theirs alone."""


def names_each_other(speakers: Mapping[str, dict[str, str]], texts: Mapping[str, str], pair: Pair | None) -> bool:
    """Whether one side's text names a speaker another side gives: then the point is a joint act or an exchange
    ("Biden spoke with Putin", "Putin answered Biden's warning"), told from each side's end, not a disagreement
    about who said it."""
    for side, names in speakers.items():
        for other, text in texts.items():
            if other != side and any(_mentions(text, name, pair) for name in names):
                return True
    return False


def same_statement(words: Mapping[str, set[str]], speakers: Mapping[str, dict[str, str]]) -> bool:
    """Whether the sides word the point alike once the speakers' names are set aside.

    Each government reports its own leader's position, so "Biden voiced concern about human rights" against
    "Xi said human rights must not be a pretext" is an exchange, not a dispute over who spoke. It is a conflict
    when the statement itself is the same ("Biden proposed a summit" / "Putin proposed a summit").
    """
    names = {w.lower() for found in speakers.values() for name in found for w in _WORD.findall(name)}
    bags = [{stem(w) for w in side_words if len(w) > 3 and w not in names and w not in _COMMON}
            for side_words in words.values()]
    bags = [bag for bag in bags if bag]
    if len(bags) < 2:
        return False
    return all(len(a & b) >= _SAME_SHARE * min(len(a), len(b)) for i, a in enumerate(bags) for b in bags[i + 1 :])


_SAME_SHARE = 0.6
_COMMON = frozenset(
    "that this with from their they them have were will would also said says noted stressed president prime "
    "minister leader leaders side sides which about other such into over".split()
)


def _mentions(text: str, speaker: str, pair: Pair | None) -> bool:
    forms = {speaker}
    surname = [w for w in speaker.replace(",", " ").split() if w.rstrip(".") not in _SUFFIXES]
    if surname:
        forms.add(surname[-1])
    for participant in (pair.participants if pair is not None else ()):
        if participant.name == speaker:
            forms.update(participant.aliases)
    return any(_whole_word(form).search(text) for form in forms if form)


@lru_cache(maxsize=4096)
def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")


_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def stance_values(claims: Iterable[Claim]) -> dict[str, str]:
    """The claims' stance on their point: ``conditional`` and ``denied`` first (they qualify whatever else the
    claims say), else ``agreed`` or ``refused`` when only one of them is taken."""
    agreed: list[str] = []
    refused: list[str] = []
    conditional: list[str] = []
    denied: list[str] = []
    for claim in claims:
        text = claim.text
        low = text.lower()
        cyrillic = _CYRILLIC(text) is not None
        conditional.extend(phrase(text, m) for m in _found(_CONDITION, _CONDITION_RU, text, low, cyrillic))
        if "allow" in low or "permit" in low:
            conditional.extend(phrase(text, m) for m in _ONCE_IT_ALLOWS.finditer(text))
        denied.extend(phrase(text, m) for m in _found(_DENIAL, _DENIAL_RU, text, low, cyrillic))
        for m in _found(_AGREE, _AGREE_RU, text, low, cyrillic):
            if _BY_A_THIRD_BODY.match(text, m.end()):
                continue
            # The negation sits within two words before the verb: read only the stretch of text just before it.
            window = max(0, m.start() - _NEGATION_REACH)
            negation = _NEGATION.search(text, window, m.start())
            if negation:
                refused.append(text[negation.start() : m.end()].lower())
            else:
                agreed.append(m.group().lower())
        refused.extend(m.group().lower() for m in _found(_REFUSE, _REFUSE_RU, text, low, cyrillic))
        if "not" in low or "won't" in low or "intention" in low:
            refused.extend(phrase(text, m) for m in _WILL_NOT_JOIN.finditer(text))
    if conditional:
        return {"conditional": conditional[0]}
    if denied:
        return {"denied": denied[0]}
    if agreed and not refused:
        return {"agreed": agreed[0]}
    if refused and not agreed:
        return {"refused": refused[0]}
    return {}


_PHRASE_WORDS = 8


def refusal_meets(stances: Mapping[str, dict[str, str]], words: Mapping[str, set[str]]) -> bool:
    """Whether each "will not join ..." refusal names something an agreeing side's words name: "will not join any
    trilateral nuclear disarmament negotiations" answers "agreed to begin discussions on nuclear risks", not "agreed
    on the goal of denuclearization of the peninsula" (another point, linked to it by mistake)."""
    agreeing = [words[side] for side, stance in stances.items() if "agreed" in stance]
    for stance in stances.values():
        refusal = stance.get("refused", "")
        m = _WILL_NOT_JOIN.match(refusal)
        if m is None:
            continue
        wanted = {stem(w) for w in _WORD.findall(refusal[m.end():].lower()) if len(w) > 3 and w not in _COMMON}
        if not all(wanted & {stem(w) for w in side_words} for side_words in agreeing):
            return False
    return True


_CLAUSE_END = re.compile(r"[;!?]|(?<![A-Z])\.(?=\s|$)")
"""Where a clause ends: a semicolon, or a full stop that is no abbreviation's ("U.S. aircraft" goes on)."""


def phrase(text: str, match: re.Match[str]) -> str:
    """The cue and the words after it, to the end of the clause and at most ``_PHRASE_WORDS`` words: "take effect
    after: lifting of the sanctions on ..." shows what the condition is."""
    rest = _CLAUSE_END.split(text[match.end():], maxsplit=1)[0].split()
    words = match.group().split() + rest[:_PHRASE_WORDS]
    return " ".join(words) + (" …" if len(rest) > _PHRASE_WORDS else "")


def plain_values(claims: Iterable[Claim]) -> dict[str, str]:
    """The opening words of claims that state their point as it is: no condition, no denial, no negation.
    Empty when a claim is negated: "did not discuss X" is a stance of its own, not the plain statement."""
    claims = list(claims)
    text = " ".join(c.text for c in claims)
    if not text or _NEGATION_ANYWHERE.search(text):
        return {}
    words = text.split()
    return {"unconditional": " ".join(words[:_PHRASE_WORDS]) + (" …" if len(words) > _PHRASE_WORDS else "")}


def settled_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``plain_values`` of claims that state their point as settled: agreed, decided, signed, in effect, or a
    commitment that will be kept ("The United States will help restore access"), in English or Russian; nothing
    for a demand, a proposal or an offer ("pressed for a complete ceasefire", "welcomed the offer to respect the
    limits"), nor for a point only discussed. A condition the other side sets is no disagreement with those: the
    readouts tell two moves of one exchange."""
    claims = list(claims)
    text = " ".join(c.text for c in claims)
    if not _SETTLED.search(text) or _PROPOSED.search(text):
        return {}
    return plain_values(claims)


_SETTLED = re.compile(
    r"\b(?:will|shall)\s+(?!not\b|never\b|be\s+(?:discussed|considered|studied|explored|examined)\b)"
    r"|\b(?:decided|committed|pledged|signed|(?:took|takes|take)\s+effect|entered\s+into\s+force|in\s+force|"
    r"effective\s+immediately|with\s+immediate\s+effect|"
    r"(?:reached|concluded|struck)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:agreement|deal|understanding|accord))\b"
    r"|(?<!\w)(?:будут?\s+(?!обсужд|рассматрива|изуча)\w+|решил[аи]?|приняли?\s+решение|решение\s+(?:было\s+)?принято|"
    r"подписал[аи]?|вступил[аи]?\s+в\s+силу|(?:достигнут\w*|достигли)\s+(?:\w+\s+)?договорённост\w*|"
    r"договорённост\w*\s+(?:\w+\s+)?достигнут\w*)",
    re.IGNORECASE,
)
"""Words that state a point as settled: a commitment ("will help restore"), a decision, a signed or effective
agreement, a deal reached."""
_PROPOSED = re.compile(
    r"\b(?:press(?:ed|es)?\s+(?:for|to)|call(?:ed|s)?\s+(?:for|on)|urg(?:ed|es|ing)|demand(?:ed|s)?|insist(?:ed|s)?|"
    r"wants?|wanted|propos(?:ed|es|al|als)|suggest(?:ed|s|ion)|offer(?:ed|s)?|idea|initiative|appeal(?:ed|s)?|"
    r"ask(?:ed|s)?\s+(?:for|to|that)|request(?:ed|s)?|has\s+to|have\s+to|must|should)\b"
    r"|(?<!\w)(?:призвал\w*|призыв\w*|предложил\w*|предложени\w*|иде[яюией]\w*|инициатив\w*|настаивал\w*|"
    r"потребовал\w*|требовани\w*|просил\w*|выступил\w*\s+за)",
    re.IGNORECASE,
)
"""Words that make a point a demand, proposal or offer rather than a settled one."""


_NEGATION_ANYWHERE = re.compile(r"\b(?:not|never|no)\b|n't\b|\bне\b|\bнет\b", re.IGNORECASE)
