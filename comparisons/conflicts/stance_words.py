"""The words the ``stance`` kind of conflict reads, English and Russian, and the one way they are searched: each
reading's English and Russian patterns only where their cue words are (the Russian ones only in a text with
Cyrillic letters), as most claims take no stance and a test per cue is far cheaper than a search.

``comparisons.conflicts.statements`` reads a claim's stance with them: agreement and refusal, a condition, a denial,
a negation before an agreement, a point stated as settled or as a demand, proposal or offer.
"""

from __future__ import annotations

import re

__all__ = ["AGREE", "AGREE_RU", "BY_A_THIRD_BODY", "CONDITION", "CONDITION_RU", "CYRILLIC", "DENIAL", "DENIAL_RU",
           "NEGATION", "NEGATION_REACH", "ONCE_IT_ALLOWS", "PROPOSED", "REFUSE", "REFUSE_RU", "SETTLED", "STANCE_WORDS",
           "WILL_NOT_JOIN", "found_in"]

STANCE_WORDS = frozenset(
    "agreed agrees agree accepted accepts endorsed consented approved refused refuses rejected rejects declined "
    "declines disagreed turned ruled dismissed intention only provided condition conditional precondition prerequisite subject "
    "contingent effect force allow allows permit permits "
    "not denied denies groundless baseless unfounded после условии условием если случае силу не беспочвенны "
    "необоснованны лишь только условие согласился согласилась согласились договорились согласие отказался отказалась отказались "
    "отклонил отклонила отклонили отверг отвергла отвергли untrue false absurd fabricated basis foundation come "
    "agenda never нет никогда действительности оснований основания безосновательны безосновательные "
    "безосновательными голословные голословными речи повестке".split())

AGREE = re.compile(r"\b(agreed|agrees|agree|accepted|accepts|endorsed|consented|approved)\b", re.IGNORECASE)
AGREE_RU = re.compile(r"(?<!\w)(согласил(?:ся|ась|ись)|договорил(?:ись|ся|ась)|дал\w*\s+согласие)(?!\w)", re.IGNORECASE)
BY_A_THIRD_BODY = re.compile(r"\s+by\s+(?!both\b|the\s+two\b|all\b|each\b|the\s+(?:sides|parties|leaders)\b)\w",
                              re.IGNORECASE)
"""After an agreement verb, the body that approves ("approved by the Senate", "accepted by parliament"): a third
party's act, or one still wished for, not the sides agreeing with each other ("agreed by both sides" is)."""
REFUSE = re.compile(
    r"\b(refused|refuses|rejected|rejects|declined|declines|disagreed|turned down|ruled out|dismissed)\b", re.IGNORECASE
)
REFUSE_RU = re.compile(r"(?<!\w)(отказал(?:ся|ась|ись)|отклонил[аи]?|отверг(?:ла|ли)?)(?!\w)", re.IGNORECASE)
WILL_NOT_JOIN = re.compile(
    r"\b(?:(?:will|would|shall)\s+not|won't|(?:is|are|was|were)\s+not\s+(?:ready|willing|prepared)\s+to)\s+"
    r"(?:join|take\s+part\s+in|participate\s+in|sign|accept)\b"
    r"|\bha(?:s|ve|d)\s+no\s+intention\s+of\s+(?:joining|taking\s+part\s+in|participating\s+in|signing)\b",
    re.IGNORECASE,
)
"""A side that will not join, take part in, sign or accept something ("will not join any trilateral negotiations"):
a refusal of what the other side says was agreed only when it names the same thing (``refusal_meets``)."""
CONDITION = re.compile(
    r"\b(?:only\s+(?:after|if|once|when|on\s+condition|upon)|provided\s+that|providing\s+that|"
    r"(?<=,\s)provided\s+(?=\w)|"
    r"(?:an?|the|as\s+a)\s+(?:key\s+|necessary\s+|main\s+|essential\s+|major\s+|basic\s+)?(?:pre)?condition\s+for|"
    r"(?:an?|the)\s+(?:key\s+|necessary\s+|essential\s+)?prerequisite\s+(?:for|to)|"
    r"on\s+(?:the\s+)?condition\s+(?:that|of)|conditional\s+(?:on|upon)|contingent\s+(?:on|upon)|"
    r"(?:take|takes|took|come|comes|enter|enters)\s+(?:into\s+)?(?:effect|force)\s+(?:only\s+)?(?:after|once|when|upon)|"
    r"subject\s+to\s+(?:the\s+)?(?:lifting|removal|condition|approval|fulfil\w*))",
    re.IGNORECASE,
)
CONDITION_RU = re.compile(
    r"(?<!\w)(?:(?:только|лишь)\s+(?:после|если|когда|в\s+случае|при\s+условии)|при\s+условии|с\s+условием|"
    r"на\s+условии|(?:ключев|главн|необходим|непременн|обязательн|основн|важнейш)\w*\s+услови(?:ем|е)(?!\w)|"
    r"вступа\w*\s+в\s+силу\s+(?:только\s+|лишь\s+)?после)",
    re.IGNORECASE,
)
"""A point made to hold only once something else happens ("only after", "provided that"), in English and Russian
alike ("лишь после", "при условии", "ключевым условием"). A plain "if" is a warning, not a condition ("sanctions
will follow if troops cross the border"); "conditions for talks" in the plural are circumstances, not a condition."""
ONCE_IT_ALLOWS = re.compile(r"\b(?:once|when|as\s+soon\s+as)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:allows?|permits?)\b",
                             re.IGNORECASE)
"""A condition too: "once the security situation allows", "when conditions permit" (looked for only in a text that
says "allow" or "permit")."""
DENIAL = re.compile(
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
DENIAL_RU = re.compile(
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
CYRILLIC = re.compile(r"[А-Яа-яЁё]").search

_CUES = {
    # pattern: the pieces of lower-case text it needs (a test per piece is far cheaper than the search)
    CONDITION: ("only ", "provided", "providing", "condition", "prerequisite", "contingent", "effect", "force",
                 "subject to"),
    CONDITION_RU: ("только", "лишь", "услови", "силу"),
    DENIAL: ("not", "n't", "never", "deni", "deny", "reject", "dismiss", "groundless", "baseless", "unfounded",
              "false", "absurd", "fabricat", "untrue", "basis", "foundation"),
    DENIAL_RU: ("не ", "нет", "беспочв", "необоснов", "безоснов", "голослов", "лишен", "речи"),
    AGREE: ("agree", "accept", "endors", "consent", "approv"),
    AGREE_RU: ("соглас", "договорил"),
    REFUSE: ("refus", "reject", "declin", "disagree", "turned down", "ruled out", "dismiss"),
    REFUSE_RU: ("отказ", "отклон", "отверг"),
}
"""Each reading's English and Russian patterns, searched only where their cues are: the Russian ones only in a text
with Cyrillic letters."""


def found_in(english: re.Pattern[str], russian: re.Pattern[str], text: str, low: str,
           cyrillic: bool) -> list[re.Match[str]]:
    """The matches of a reading in ``text`` (``low`` its lower case), English first."""
    found = list(english.finditer(text)) if any(cue in low for cue in _CUES[english]) else []
    if cyrillic and any(cue in low for cue in _CUES[russian]):
        found.extend(russian.finditer(text))
    return found


NEGATION_REACH = 120
"""How far before an agreement verb its negation is looked for ("did not, in the end, agree"): two words or so."""
NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno|\bfailed to|\bunable to|(?<!\w)не(?!\s+только)|(?<!\w)так\s+и\s+не)"
                       r"\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


SETTLED = re.compile(
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
PROPOSED = re.compile(
    r"\b(?:press(?:ed|es)?\s+(?:for|to)|call(?:ed|s)?\s+(?:for|on)|urg(?:ed|es|ing)|demand(?:ed|s)?|insist(?:ed|s)?|"
    r"wants?|wanted|propos(?:ed|es|al|als)|suggest(?:ed|s|ion)|offer(?:ed|s)?|idea|initiative|appeal(?:ed|s)?|"
    r"ask(?:ed|s)?\s+(?:for|to|that)|request(?:ed|s)?|has\s+to|have\s+to|must|should|"
    r"push(?:ed|es|ing)?\s+for|seek(?:s|ing)?|sought|work(?:s|ed|ing)?\s+towards?|aim(?:s|ed)?\s+to|hope(?:s|d)?\s+to|"
    r"look(?:s|ed)?\s+forward\s+to)\b"
    r"|(?<!\w)(?:призвал\w*|призыв\w*|предложил\w*|предложени\w*|иде[яюией]\w*|инициатив\w*|настаивал\w*|"
    r"потребовал\w*|требовани\w*|просил\w*|выступил\w*\s+за|добива\w*|стремл\w*|рассчитыва\w*|надее\w*)",
    re.IGNORECASE,
)
"""Words that make a point a demand, proposal or offer rather than a settled one."""
