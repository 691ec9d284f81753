"""The Markdown report: headings, tables and quotes that read well as plain text and when rendered.

- ``render_markdown(comparison, *, index_href="") -> str``: the report of one pair.
- ``markdown_environment()``: the Jinja2 environment for Markdown templates (shared with the library index).
- ``md_escape(text)``: readout text made inert in Markdown; ``md_cell(text)``: the same for a table cell.
- ``MdSafe``: a string the templates may emit as is (our own Markdown, already escaped pieces).

Escaping is the default, as autoescape is for HTML: the environment's ``finalize`` escapes every ``{{ value }}``
that is not ``MdSafe``, so a template cannot forget it. Text is flattened to one line (a newline in a readout
would end a table row or a quote) and stripped of the characters that could start a heading, list, quote, link,
image, emphasis, code span, table cell or raw HTML; ``{{`` and ``{%`` become entities so that a static-site
generator's template language does not run readout text.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from comparisons.model import Comparison
from comparisons.reports.fulltext import score_text
from comparisons.reports.view import report_view
from comparisons.reports.view_values import ReportView

__all__ = ["MdSafe", "markdown_environment", "md_cell", "md_escape", "md_link", "render_markdown",
           "render_markdown_view"]


class MdSafe(str):
    """Markdown the templates emit unchanged: built by this module from escaped pieces."""


_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"})
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)(#|[-+=](?=\s|$)|\d+(?=[.)](?:\s|$)))")


def _inline(text: str) -> str:
    text = text.translate(_INLINE)
    return _ENTITY.sub(r"\\&", text) if "&" in text else text


def _line_start(text: str) -> str:
    """A heading, list item or setext underline starts only at a line's start: escape its marker there."""
    match = _LINE_START.match(text)
    if not match:
        return text
    marker = match.group(2)
    if marker.isdigit():
        return f"{match.group(1)}{marker}\\{text[match.end():]}"
    return f"{match.group(1)}\\{marker}{text[match.end():]}"


_TEMPLATE_OPEN = re.compile(r"\{(?=[{%#])")
_TEMPLATE_CLOSE = re.compile(r"(?<=[}%#])\}")


def _braces(text: str) -> str:
    """``{{``, ``{%`` and ``{#`` (and their closing pairs) as HTML entities: static-site generators (Jekyll's
    Liquid, Hugo's shortcodes, Eleventy's Nunjucks) run them as template code before the Markdown is rendered, and a
    backslash does not stop them; an entity does, and renders as the brace."""
    if "{" not in text and "}" not in text:
        return text
    return _TEMPLATE_CLOSE.sub("&#125;", _TEMPLATE_OPEN.sub("&#123;", text))


def md_escape(value: Any) -> str:
    """One line of plain text, inert in CommonMark and GitHub Markdown (and in the template languages of static-site
    generators) whatever it contains."""
    if isinstance(value, MdSafe):
        return value
    return MdSafe(_braces(_line_start(_inline(" ".join(str(value).split())))))


def md_cell(value: Any) -> MdSafe:
    """A table cell: escaped like any text (``|`` included), never empty so the row keeps its columns."""
    return MdSafe(md_escape(value) or " ")


def md_link(text: Any, url: str) -> MdSafe:
    """``[text](<url>)`` for a web URL (see ``view.safe_url``); the angle brackets keep spaces and parentheses in
    the URL from ending it early, and the characters that could close them are percent-encoded."""
    label = md_escape(text)
    if not url:
        return MdSafe(label)
    target = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return MdSafe(f"[{label}](<{target}>)")


def _finalize(value: Any) -> Any:
    if isinstance(value, (MdSafe, int, float)) or value is None:
        return "" if value is None else value
    return md_escape(value)


@cache
def markdown_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("comparisons.reports", "templates"),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = md_cell
    env.filters["link"] = md_link
    env.filters["score"] = lambda value: "" if value is None else MdSafe(score_text(value))
    env.filters["md"] = md_escape
    env.filters["diffmd"] = _diff_markdown
    env.filters["markedmd"] = _marked_markdown
    env.filters["spaced"] = _spaced
    env.filters["thousands"] = lambda n: MdSafe(f"{n:,}")
    env.filters["joinmd"] = lambda values, sep=", ": MdSafe(sep.join(md_escape(v) for v in values))
    return env


def _spaced(text: str) -> MdSafe:
    """Text between two claims of a full text, escaped, keeping a space at an edge that had whitespace (escaping
    alone would drop the space between two sentences)."""
    core = md_escape(text)
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and core else ""
    return MdSafe(lead + core + trail)


def _diff_markdown(cell: Any) -> MdSafe:
    """A cell's words with those only its side uses marked: **bold** on the first side of the word diff (``del``),
    *italic* on the second (``ins``), so the two are told apart without colour; the plain text reads the same
    without the marks."""
    return _marked_markdown(cell.pieces, "*" if cell.mark == "ins" else "**")


def _marked_markdown(pieces: Any, marker: str = "**") -> MdSafe:
    """Pieces with the ``only_here`` ones wrapped in ``marker`` where CommonMark lets it emphasise."""
    runs: list[list[Any]] = []  # [text, only_here], neighbours with the same flag merged into one run
    for piece in pieces:
        if runs and runs[-1][1] == piece.only_here:
            runs[-1][0] += piece.text
        else:
            runs.append([piece.text, piece.only_here])
    raw = "".join(text for text, _ in runs)
    out = []
    start = 0
    for text, only_here in runs:
        end = start + len(text)
        if only_here:
            core_start, core_end = _emphasis_bounds(raw, start, end)
            if core_start < core_end:
                out.append(_inline(raw[start:core_start]) + marker + _inline(raw[core_start:core_end]) + marker
                           + _inline(raw[core_end:end]))
            else:
                out.append(_inline(text))
        else:
            out.append(_inline(text))
        start = end
    return MdSafe(_braces(_line_start(" ".join("".join(out).split()))))


def _punct_loose(ch: str) -> bool:
    return unicodedata.category(ch).startswith(("P", "S"))


def _punct_strict(ch: str) -> bool:
    return ch in string.punctuation or unicodedata.category(ch).startswith("P")


def _emphasis_bounds(raw: str, start: int, end: int) -> tuple[int, int]:
    """The part of ``raw[start:end]`` that ``**`` can wrap as emphasis, by CommonMark's flanking rules.

    ``**`` opens only before a non-space, and before punctuation only if a space or punctuation precedes it; it
    closes symmetrically. So ``mistake**, one**`` and ``January **9–**10`` render with literal asterisks: edge
    spaces and punctuation that break the rule are left outside the marks (unmarked, which loses nothing that
    reads). Punctuation is judged by both the current spec (P and S categories) and the older one GitHub's
    renderer follows (P and ASCII punctuation), so the marks work in either.
    """
    def space(i: int) -> bool:
        return i < 0 or i >= len(raw) or raw[i].isspace()

    def flanks(inner: int, outer: int) -> bool:
        if space(inner):
            return False
        return all(not punct(raw[inner]) or space(outer) or punct(raw[outer])
                   for punct in (_punct_loose, _punct_strict))

    while start < end and not flanks(start, start - 1):
        start += 1
    while end > start and not flanks(end - 1, end):
        end -= 1
    return start, end


def render_markdown(comparison: Comparison, *, index_href: str = "") -> str:
    return render_markdown_view(report_view(comparison, index_href=index_href))


def render_markdown_view(view: ReportView) -> str:
    """The report from an already computed view (``export_all`` shares one view with the index)."""
    template = markdown_environment().get_template("report.md.j2")
    return template.render(r=view)
