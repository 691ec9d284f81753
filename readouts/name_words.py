"""The words ``readouts.people`` reads names by, as plain data: titles, countries, and words that are not names.

- ``TITLES``, ``RU_TITLE_STEMS``: titles that may stand before a name (English, and Russian stems that take any
  case ending).
- ``PARTICLES``, ``SUFFIXES``: the small words inside ("bin", "van") and after ("Jr") a name.
- ``STOP``, ``NOT_NAMES``: capitalised words that start sentences or name places and bodies, never people.
- ``COUNTRIES``, ``RU_COUNTRIES``, ``RU_STATES``: how readouts name countries, each to a short code.
- ``RU_ENDINGS``: Russian case endings set aside when comparing name forms.

Kept apart from the code so that a missing title or country is a one-line data change.
"""

from __future__ import annotations

__all__ = ["COUNTRIES", "NOT_NAMES", "PARTICLES", "RU_COUNTRIES", "RU_ENDINGS", "RU_STATES", "RU_TITLE_STEMS", "STOP",
           "SUFFIXES", "TITLES"]

TITLES = (
    "vice president", "president", "prime minister", "premier", "chancellor", "crown prince", "prince", "king",
    "queen", "emperor", "general secretary", "secretary-general", "secretary general", "secretary of state",
    "press secretary", "secretary", "foreign minister", "minister", "ambassador", "special envoy", "envoy",
    "senator", "governor", "chairman", "leader", "pm", "taoiseach", "mr", "mrs", "ms", "dr", "sir",
)
RU_TITLE_STEMS = ("президент", "премьер-министр", "канцлер", "председател", "министр", "госсекретар", "лидер")
PARTICLES = {"bin", "ibn", "al", "van", "von", "de", "der", "da", "la", "le", "el"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
STOP = frozenset(
    """the a an this that these those it its he she they we our their his her and or but of in on at to for with
    by from as after before during following today also both each all however overall finally earlier later
    readout statement telephone call meeting conversation january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday
    и в на с по о об""".split()
)
NOT_NAMES = frozenset(
    """united states america american russia russian federation china chinese prc dprk kingdom britain british
    republic union european nations un nato osce security council house white kremlin ministry department
    government administration office sea strait peninsula summit organization organisation treaty agreement
    dialogue group groups talks forces coalition state states north south east west black saudi arabia
    pacific indo-pacific middle commission assembly general national international strategic stability new year
    communiques assurances act relations day week war""".split()
)
COUNTRIES = {
    "us": "us", "u.s.": "us", "usa": "us", "american": "us", "america": "us", "united states": "us",
    "united states of america": "us", "russia": "ru", "russian": "ru", "russian federation": "ru",
    "china": "cn", "chinese": "cn", "prc": "cn", "people’s republic of china": "cn", "people's republic of china": "cn",
    "ukraine": "ua", "ukrainian": "ua", "finland": "fi", "finnish": "fi", "republic of finland": "fi",
    "united kingdom": "uk", "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk", "canada": "ca",
    "canadian": "ca", "france": "fr", "french": "fr", "germany": "de", "german": "de", "japan": "jp",
    "japanese": "jp", "india": "in", "indian": "in", "turkey": "tr", "turkish": "tr", "israel": "il",
    "israeli": "il", "iran": "ir", "iranian": "ir", "saudi arabia": "sa", "saudi": "sa",
}
RU_COUNTRIES = (
    ("сша", "us"), ("соедин", "us"), ("америк", "us"), ("американ", "us"), ("росси", "ru"), ("российск", "ru"),
    ("китай", "cn"), ("кнр", "cn"), ("украин", "ua"), ("финлянд", "fi"), ("финск", "fi"),
    ("великобритан", "uk"), ("британ", "uk"), ("канад", "ca"), ("франц", "fr"), ("германи", "de"),
)
RU_STATES = {"соединённых", "соединенных", "штатов", "америки", "федерации"}
RU_ENDINGS = (
    "ого", "его", "ому", "ему", "ыми", "ими", "ом", "ем", "ой", "ым", "им", "ая", "ую", "а", "у", "е", "ы", "я", "ю",
)
