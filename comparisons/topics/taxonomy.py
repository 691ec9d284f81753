"""Topics and the taxonomy that holds them: the default one shipped with dualread, or a user's YAML file.

- ``Signal``: one piece of evidence for a topic, a keyword/phrase or a regular expression, with a weight and the
  name of the family it belongs to (empty for a signal written outside any family).
- ``Family``: a named family of expressions of one topic (``name``, ``why``: what the expressions stand for and why
  they mean the topic, ``example``: sentences that show it). Evidence names the family, not each string.
- ``Topic``: ``id``, ``label``, ``description`` and its signals: ``keywords`` (weight 1 each by default),
  ``hints`` (weight 0.5: two of them, or one with context, make the topic), ``patterns`` (regular expressions,
  weight 1), ``context`` (count only in a readout that already names the topic elsewhere) and ``exclude``
  (regular expressions whose matches never count for the topic, such as an airline named after a country).
  Signals are written either flat on the topic (the first format, still read) or in ``families``, each family a
  mapping with ``name``, ``why``, ``example`` and its own ``keywords``/``hints``/``patterns``/``context``.
- ``Taxonomy(topics, source)``: the topics in display order; ``.ids``, ``.get(id)``, ``.label(id)`` and
  ``.fingerprint()``, a stable hash of the content that keys the comparison cache.
- ``default_taxonomy()``: ``default_topics.yaml`` beside this module, loaded once.
- ``load_taxonomy(path)``: a user's file. ``extends: default`` adds its topics to the default ones (a topic with
  a default id replaces that topic in place); without it the file replaces the default taxonomy.
- ``taxonomy_for(path or None)``: the file if given, else the default.

Every problem in a file raises ``ComparisonError`` naming the file, the field (``topics[3].id``) and the value.
The tagging itself lives in ``comparisons.topics.tagging``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from comparisons.errors import ComparisonError

__all__ = [
    "DEFAULT_SOURCE",
    "FAMILY_NAME_PATTERN",
    "TOPIC_ID_PATTERN",
    "Family",
    "Signal",
    "Taxonomy",
    "Topic",
    "default_taxonomy",
    "load_taxonomy",
    "parse_taxonomy",
    "taxonomy_for",
]

DEFAULT_SOURCE = "default"
TOPIC_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
"""A topic id is what exports and gold files carry: lowercase a-z, 0-9 and '-', 1..40 characters."""
FAMILY_NAME_PATTERN = TOPIC_ID_PATTERN
"""A family's name is shown as evidence beside the matched text: the same shape as a topic id."""

SignalKind = Literal["keyword", "pattern"]

# Field name -> (kind of signal, default weight). ``context`` signals are keywords that only count once the
# topic is named elsewhere in the same readout, so a vague word ("settlement") is read in its readout's light.
_SIGNAL_FIELDS: dict[str, tuple[SignalKind, float]] = {
    "keywords": ("keyword", 1.0),
    "hints": ("keyword", 0.5),
    "patterns": ("pattern", 1.0),
    "context": ("keyword", 1.0),
}
_TOPIC_FIELDS = {"id", "label", "description", "exclude", "families", *_SIGNAL_FIELDS}
_FAMILY_FIELDS = {"name", "why", "example", *_SIGNAL_FIELDS}
_FILE_FIELDS = {"extends", "topics"}
_MAX_WEIGHT = 5.0


@dataclass(frozen=True)
class Signal:
    """``text`` is the keyword as written (``sanction*``) or the regular expression; ``weight`` adds to the
    topic's score for a claim, which must reach 1 for the claim to carry the topic."""

    text: str
    weight: float
    kind: SignalKind = "keyword"
    family: str = ""


@dataclass(frozen=True)
class Family:
    """A family of expressions that stand for a topic: what a user sees as the evidence for it. ``why`` says what the
    family covers and why it means the topic; ``example`` holds sentences (our own words) that fire it."""

    name: str
    why: str = ""
    example: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    description: str = ""
    keywords: tuple[Signal, ...] = ()
    patterns: tuple[Signal, ...] = ()
    context: tuple[Signal, ...] = ()
    exclude: tuple[str, ...] = ()
    families: tuple[Family, ...] = ()

    def family(self, name: str) -> Family | None:
        return next((f for f in self.families if f.name == name), None)

    @property
    def signals(self) -> tuple[Signal, ...]:
        """The signals that count in any readout (``context`` ones are kept apart)."""
        return self.keywords + self.patterns


@dataclass(frozen=True)
class Taxonomy:
    """The topics in force, in the order the UI and exports list them; ``source`` says where they came from."""

    topics: tuple[Topic, ...]
    source: str = DEFAULT_SOURCE

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)

    def get(self, topic_id: str) -> Topic | None:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        return None

    def label(self, topic_id: str) -> str:
        """The topic's label, or its id for a topic this taxonomy does not know (an old cached comparison)."""
        topic = self.get(topic_id)
        return topic.label if topic else topic_id

    def fingerprint(self) -> str:
        """A hash of everything that changes tagging or its evidence (family names included, a family's ``why``
        and ``example`` not), and nothing else: the same file moved elsewhere keeps its fingerprint, one edited
        weight changes it. Computed once per taxonomy: every comparison asks for it."""
        cached = self.__dict__.get("_fingerprint")
        if cached is None:
            cached = self._content_hash()
            object.__setattr__(self, "_fingerprint", cached)
        return cached

    def _content_hash(self) -> str:
        content = [
            [t.id, t.label, t.description,
             [[s.kind, s.text, s.weight, s.family] for s in t.keywords],
             [[s.kind, s.text, s.weight, s.family] for s in t.patterns],
             [[s.kind, s.text, s.weight, s.family] for s in t.context],
             list(t.exclude)]
            for t in self.topics
        ]
        blob = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped with dualread; SPEC §5 names the ids it must carry."""
    import yaml

    path = Path(__file__).with_name("default_topics.yaml")
    # Our own file, so the fast C loader is safe to use; it keeps `dualread` quick to start.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    return parse_taxonomy(data, source=DEFAULT_SOURCE, file=path)


def load_taxonomy(path: str | Path) -> Taxonomy:
    """A taxonomy file: a list of topics, or a mapping with ``topics`` and optionally ``extends: default``."""
    path = Path(path)
    return parse_taxonomy(_read_yaml(path), source=str(path), file=path)


def taxonomy_for(path: str | Path | None) -> Taxonomy:
    """The taxonomy in force: the given file when there is one (and it exists), else the default."""
    if path is None:
        return default_taxonomy()
    path = Path(path)
    return load_taxonomy(path)


def parse_taxonomy(data: Any, *, source: str, file: object = None) -> Taxonomy:
    """Validate already-parsed YAML; ``file`` is only used to name the file in errors."""
    extends = None
    if isinstance(data, dict):
        for key in data:
            if key not in _FILE_FIELDS:
                raise ComparisonError("unknown key; expected 'topics' and optionally 'extends'",
                                      file=file, field=str(key), value=key)
        extends = data.get("extends")
        if extends is not None and extends != DEFAULT_SOURCE:
            raise ComparisonError("'extends' can only be 'default'", file=file, field="extends", value=extends)
        if "topics" not in data:
            raise ComparisonError("missing the list of topics", file=file, field="topics")
        raw_topics = data["topics"]
    else:
        raw_topics = data
    if not isinstance(raw_topics, list):
        raise ComparisonError("expected a list of topics", file=file, field="topics", value=_kind(raw_topics))
    if not raw_topics and extends is None:
        raise ComparisonError("a taxonomy needs at least one topic", file=file, field="topics")
    topics = [_parse_topic(item, i, file) for i, item in enumerate(raw_topics)]
    seen: dict[str, int] = {}
    for i, topic in enumerate(topics):
        if topic.id in seen:
            raise ComparisonError(f"duplicate topic id (first at topics[{seen[topic.id]}])",
                                  file=file, field=f"topics[{i}].id", value=topic.id)
        seen[topic.id] = i
    if extends is None:
        return Taxonomy(tuple(topics), source)
    merged = list(default_taxonomy().topics)
    for topic in topics:
        at = next((j for j, t in enumerate(merged) if t.id == topic.id), None)
        if at is None:
            merged.append(topic)
        else:
            merged[at] = topic
    return Taxonomy(tuple(merged), source)


def _parse_topic(item: Any, i: int, file: object) -> Topic:
    where = f"topics[{i}]"
    if not isinstance(item, dict):
        raise ComparisonError("expected a topic (a mapping with id, label, ...)", file=file, field=where,
                              value=_kind(item))
    _check_fields(item, _TOPIC_FIELDS, where, file)
    topic_id = _name(item, "id", "topic id", where, file)
    label = item.get("label")
    if label is None:
        raise ComparisonError("missing label", file=file, field=f"{where}.label")
    if not isinstance(label, str) or not label.strip():
        raise ComparisonError("a label is a non-empty text", file=file, field=f"{where}.label", value=label)
    description = item.get("description", "")
    if description is None:
        description = ""
    if not isinstance(description, str):
        raise ComparisonError("a description is a text", file=file, field=f"{where}.description",
                              value=_kind(description))
    signals = _parse_signals(item, where, "", file)
    families: list[Family] = []
    for j, entry in enumerate(_list_field(item, "families", where, file)):
        family, found = _parse_family(entry, f"{where}.families[{j}]", file)
        if any(f.name == family.name for f in families):
            raise ComparisonError("duplicate family name in this topic", file=file,
                                  field=f"{where}.families[{j}].name", value=family.name)
        families.append(family)
        for name, more in found.items():
            signals[name].extend(more)
    exclude = []
    for j, entry in enumerate(_list_field(item, "exclude", where, file)):
        field = f"{where}.exclude[{j}]"
        if not isinstance(entry, str) or not entry:
            raise ComparisonError("an exclude entry is a regular expression", file=file, field=field,
                                  value=_kind(entry))
        _check_regex(entry, file, field)
        exclude.append(entry)
    return Topic(
        id=topic_id,
        label=label.strip(),
        description=" ".join(description.split()),
        keywords=tuple(signals["keywords"] + signals["hints"]),
        patterns=tuple(signals["patterns"]),
        context=tuple(signals["context"]),
        exclude=tuple(exclude),
        families=tuple(families),
    )


def _parse_signals(item: dict, where: str, family: str, file: object) -> dict[str, list[Signal]]:
    """The signal lists of a topic or of one of its families, each signal tagged with the family's name."""
    return {
        name: [_parse_signal(entry, kind, default_weight, file, f"{where}.{name}[{j}]", family)
               for j, entry in enumerate(_list_field(item, name, where, file))]
        for name, (kind, default_weight) in _SIGNAL_FIELDS.items()
    }


def _parse_family(entry: Any, where: str, file: object) -> tuple[Family, dict[str, list[Signal]]]:
    """One family: its name, why and example, and its signals (which count exactly as a topic's own do)."""
    if not isinstance(entry, dict):
        raise ComparisonError("expected a family (a mapping with name, why, example and signals)", file=file,
                              field=where, value=_kind(entry))
    _check_fields(entry, _FAMILY_FIELDS, where, file)
    name = _name(entry, "name", "family name", where, file)
    why = entry.get("why") or ""
    if not isinstance(why, str):
        raise ComparisonError("'why' is a text", file=file, field=f"{where}.why", value=_kind(why))
    example = entry.get("example")
    examples = [] if example is None else [example] if isinstance(example, str) else example
    if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
        raise ComparisonError("an example is a sentence, or a list of sentences", file=file,
                              field=f"{where}.example", value=_kind(example))
    signals = _parse_signals(entry, where, name, file)
    return Family(name, " ".join(why.split()), tuple(" ".join(e.split()) for e in examples)), signals


def _check_fields(item: dict, known: set[str], where: str, file: object) -> None:
    for key in item:
        if key not in known:
            raise ComparisonError(f"unknown field (known: {', '.join(sorted(known))})", file=file,
                                  field=f"{where}.{key}", value=key)


def _name(item: dict, key: str, what: str, where: str, file: object) -> str:
    """A topic's id or a family's name: what exports and evidence carry, so of one safe shape."""
    value = item.get(key)
    if value is None:
        raise ComparisonError(f"missing {what}", file=file, field=f"{where}.{key}")
    if not isinstance(value, str) or not TOPIC_ID_PATTERN.fullmatch(value):
        raise ComparisonError(f"a {what} is 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit",
                              file=file, field=f"{where}.{key}", value=value)
    return value


def _list_field(item: dict, name: str, where: str, file: object) -> list:
    value = item.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ComparisonError("expected a list", file=file, field=f"{where}.{name}", value=_kind(value))
    return value


def _parse_signal(entry: Any, kind: SignalKind, weight: float, file: object, field: str, family: str = "") -> Signal:
    """A signal is written as a text, or as ``{text: weight}`` to give it its own weight."""
    if isinstance(entry, dict):
        if len(entry) != 1:
            raise ComparisonError("a weighted signal is one 'text: weight' pair", file=file, field=field,
                                  value=_kind(entry))
        (text, weight), = entry.items()
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= _MAX_WEIGHT:
            raise ComparisonError(f"a weight is a number above 0 and at most {_MAX_WEIGHT:g}", file=file,
                                  field=field, value=weight)
    else:
        text = entry
    if not isinstance(text, str) or not text.strip():
        raise ComparisonError("a signal is a non-empty text", file=file, field=field, value=_kind(text))
    if kind == "pattern":
        _check_regex(text, file, field)
    elif not re.search(r"\w", text):
        raise ComparisonError("a keyword needs at least one letter or digit", file=file, field=field, value=text)
    return Signal(text.strip() if kind == "keyword" else text, float(weight), kind, family)


def _check_regex(text: str, file: object, field: str) -> None:
    try:
        compiled = re.compile(text)
    except re.error as error:
        raise ComparisonError(f"not a valid regular expression: {error}", file=file, field=field,
                              value=text) from None
    if compiled.match(""):
        raise ComparisonError("this regular expression matches empty text, so it would match everywhere",
                              file=file, field=field, value=text)
    if file != _DEFAULT_FILE and repeats_a_repeat(text):
        raise ComparisonError("this regular expression repeats a group that itself repeats without bound (like "
                              "'(\\w+\\s?)+'), which can take forever on some text; bound the inner repeat "
                              "({0,3}) or drop the outer one", file=file, field=field, value=text)


_DEFAULT_FILE = Path(__file__).with_name("default_topics.yaml")
"""Our own taxonomy: its patterns are reviewed and tested, so only other files get the backtracking check."""

_OPEN_REPEAT = re.compile(r"[*+]|\{\d*,\}")


def repeats_a_repeat(text: str) -> bool:
    """Whether a pattern repeats without bound a group that holds an unbounded repeat ("(a+)+", "(\\w+\\s?)*",
    "(?:x*y){2,}"): the shape that makes a regular expression backtrack for ever on text that nearly matches.

    A taxonomy may come with a library someone else shares, so its patterns are untrusted: one such pattern would
    hang every command that opens the library. Read from the text alone (no private ``re`` internals); it may refuse
    a pattern that would in fact be safe, and says so in its message."""
    inside: list[bool] = [False]  # per open group: whether it holds an unbounded repeat
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            repeat_of = False
        elif char == "[":
            i += 1
            if i < n and text[i] == "^":
                i += 1
            if i < n and text[i] == "]":
                i += 1
            while i < n and text[i] != "]":
                i += 2 if text[i] == "\\" else 1
            i += 1
            repeat_of = False
        elif char == "(":
            inside.append(False)
            i += 1
            continue
        elif char == ")" and len(inside) > 1:
            repeat_of = inside.pop()
            i += 1
        else:
            i += 1
            repeat_of = False
        repeat = _OPEN_REPEAT.match(text, i)
        if repeat:
            if repeat_of:
                return True
            inside[-1] = True
            i = repeat.end()
        elif repeat_of:
            inside[-1] = True
    return False


def _read_yaml(path: Path) -> Any:
    """Through the project's safe YAML reader, so a taxonomy file gets the same guards as pair.yaml."""
    from readouts.yamlio import load_yaml

    return load_yaml(path)


def _kind(value: Any) -> str:
    """How a wrong value is shown in an error: its type, not a dump of a possibly huge structure."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value if isinstance(value, str) else repr(value)
    return type(value).__name__
