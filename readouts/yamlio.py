"""Safe YAML in and out, for pair.yaml and taxonomy files.

- ``load_yaml(path, *, max_bytes=...)``: parse a YAML file with a safe loader; every problem is a ``ReadoutError``
  naming the file.
- ``loads_yaml(text, *, source)``: the same for text already in memory (``source`` names it in errors).
- ``dump_yaml(data) -> str``: block-style YAML that keeps key order and unicode and never writes anchors.
- ``MAX_YAML_BYTES``, ``MAX_EXPANDED_NODES``: the limits that keep hostile files harmless.

Texts come back without terminal escape sequences or control characters (a tab becomes a space, line breaks ``\\n``):
YAML can carry them in quoted escapes (``"\\e]52;c;..."``), and what a pair.yaml or topics.yaml says ends up in
reports and on terminals.

Only plain data comes back (mappings, lists, strings, numbers, booleans, dates): the loader is a ``SafeLoader``
subclass (libyaml's ``CSafeLoader`` when PyYAML has it), so no tag can build an object. Anchors and aliases are
allowed in moderation, but a document whose aliases would expand to more than ``MAX_EXPANDED_NODES`` nodes (a
"billion laughs" bomb), or that refers to itself, is refused right after parsing — before anything walks the shared
structure and pays for the expansion. Flow collections nested deeper than ``MAX_FLOW_DEPTH`` are refused before
parsing: YAML parsers spend time proportional to the depth on every token, so deep ``[[[[...`` is a slow-down attack.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from readouts.errors import ReadoutError
from readouts.safefiles import read_regular
from readouts.textshape import clean_text

__all__ = ["MAX_EXPANDED_NODES", "MAX_YAML_BYTES", "dump_yaml", "load_yaml", "loads_yaml"]

MAX_YAML_BYTES = 2 * 1024 * 1024
"""pair.yaml and topics.yaml are small (the default taxonomy is ~30 kB); a bigger file is a mistake or an attack."""

MAX_EXPANDED_NODES = 200_000
"""How many nodes a document may hold once every alias is expanded: generous for taxonomies, tiny for bombs."""

MAX_FLOW_DEPTH = 64
"""How deeply ``[...]`` and ``{...}`` may nest; real files use two or three levels."""

# Brackets outside quoted scalars and comments. A quote opens a scalar only where a token can start, so the
# apostrophe in "Russia's" is text; the scan is approximate by design (it only has to see absurd depth).
_FLOW_TOKENS = re.compile(
    r"""(?:^|(?<=[\s\[{,:]))(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"""  # a quoted scalar
    r"""|(?:^|(?<=\s))\#[^\n]*"""  # a comment
    r"""|([\[\]{}])""",  # a bracket
    re.MULTILINE,
)


class _Refused(Exception):
    """Raised inside the loader; turned into a ``ReadoutError`` that names the file."""


_SafeBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """The safe loader, with impossible dates ("2021-02-30") reported where they are like any other YAML error."""

    def construct_yaml_timestamp(self, node):  # noqa: ANN001, ANN201 - PyYAML's constructor signature
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a date in the calendar ({error})", node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


class _GuardedLoader(_Loader):
    """A safe loader that measures what its aliases would expand to before constructing anything."""

    def get_single_node(self) -> Node | None:
        node = super().get_single_node()
        if node is not None:
            _check_expansion(node)
        return node


def _check_flow_depth(text: str) -> None:
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return  # too few brackets to nest that deep: skip the scan (every pair.yaml is read when the library opens)
    depth = 0
    for match in _FLOW_TOKENS.finditer(text):
        bracket = match.group(1)
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                raise _Refused(f"brackets nested more than {MAX_FLOW_DEPTH} deep")
        elif bracket:
            depth = max(depth - 1, 0)


def _check_expansion(root: Node) -> None:
    """Count the nodes of ``root`` as if every alias were copied out; refuse cycles and bombs.

    Each distinct node is sized once (memoised by identity), so the check costs the size of the file, not of the
    expansion; an iterative walk keeps deep nesting from exhausting Python's stack.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            if total > MAX_EXPANDED_NODES:
                raise _Refused(f"more than {MAX_EXPANDED_NODES:,} values once aliases are expanded (an alias bomb?)")
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise _Refused("an alias refers to the node that contains it")
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in on_path:
                raise _Refused("an alias refers to the node that contains it")
            if id(child) not in sizes:
                stack.append((child, False))


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


_MAY_HOLD_CONTROLS = re.compile(r"[\\\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""YAML lets control characters in only through escapes in quoted text (``"\\e]0;title\\a"``) or as raw tabs and
NEL: a file without a backslash or such a character has none to remove."""


def _without_controls(data: Any) -> Any:
    """``data`` with terminal escape sequences and control characters taken out of every text, keys included.

    A hand-edited pair.yaml or topics.yaml is untrusted: an OSC 52 sequence in an event would otherwise travel into
    every report and set a reader's clipboard when they ``cat`` it. Shared nodes (aliases) are cleaned once."""
    done: dict[int, Any] = {}

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return clean_text(value)
        if not isinstance(value, (dict, list)):
            return value
        known = done.get(id(value))
        if known is not None:
            return known
        if isinstance(value, dict):
            result: Any = {}
            done[id(value)] = result
            for key, item in value.items():
                result[clean(key)] = clean(item)
        else:
            result = []
            done[id(value)] = result
            result.extend(clean(item) for item in value)
        return result

    return clean(data)


def loads_yaml(text: str, *, source: object = "<yaml>") -> Any:
    """Parse one YAML document from ``text``; an empty document is ``None``."""
    try:
        _check_flow_depth(text)
        # An alias is written "*name": a text without "*" has none, so its node count is bounded by its size and
        # the expansion walk (a third of the cost of reading a small pair.yaml) can be skipped.
        loader = _GuardedLoader if "*" in text else _Loader
        data = yaml.load(text, Loader=loader)  # noqa: S506 - both are SafeLoaders
        return _without_controls(data) if _MAY_HOLD_CONTROLS.search(text) else data
    except _Refused as refused:
        raise ReadoutError(f"refused: {refused}", file=source) from None
    except yaml.YAMLError as error:
        merge = _MERGE_MARKER.search(text)
        if merge is None:
            _not_valid(error, source)
        line = text.count("\n", 0, merge.start()) + 1
        raise ReadoutError(f"an unfinished git merge: conflict markers at line {line} ({merge.group(0).strip()!r}); "
                           "keep what each side wrote between them, then delete the marker lines",
                           file=source) from None
    except RecursionError:
        raise ReadoutError("not valid YAML: nested too deeply", file=source) from None


_MERGE_MARKER = re.compile(r"^(?:<{7}|>{7})(?: [^\n]*)?$", re.MULTILINE)
"""The lines git writes around both sides of a conflict; a library shared through git gets them in a review.yaml
that two people changed, and "not valid YAML at line 96: could not find expected ':'" did not say what to do."""


def _not_valid(error: yaml.YAMLError, source: object) -> NoReturn:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = error.problem or error.context or "malformed YAML"
        raise ReadoutError(f"not valid YAML{where}: {problem}", file=source) from None
    raise ReadoutError(f"not valid YAML: {str(error).splitlines()[0] if str(error) else 'malformed'}",
                       file=source) from None


def load_yaml(path: str | Path, *, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """Read and parse a UTF-8 YAML file that is at most ``max_bytes`` long.

    Only a regular file is read (``--topics`` naming a FIFO or ``/dev/zero`` is refused at once, not waited on or
    read without end), and the limit holds while reading, whatever size the file claims."""
    path = Path(path)
    raw = read_regular(path, limit=max_bytes, what="YAML file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadoutError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                           file=path) from None
    return loads_yaml(text, source=path)


_NO_FOLDING = 1 << 30
"""Long titles and URLs stay on one line: easier to read and to grep than folded scalars."""


class _Dumper(yaml.SafeDumper):
    """Block style, no anchors: a pair.yaml a person can read and edit."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("sides:\n  - key: ...") as people write it by hand.
        super().increase_indent(flow, False)


def _plain(data: Any) -> Any:
    """Turn read-only mappings and tuples (the model's frozen values) into what the dumper knows."""
    if isinstance(data, Mapping):
        return {str(key): _plain(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(item) for item in data]
    return data


def dump_yaml(data: Any) -> str:
    """YAML text for ``data``: keys in the given order, unicode as is, dates as ``YYYY-MM-DD``."""
    return yaml.dump(_plain(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=_NO_FOLDING)

