"""The Markdown report: headings, tables and quotes that read well as plain text and when rendered.

- ``render_markdown(comparison) -> str``: the report of one pair.
- ``markdown_environment()``: the Jinja2 environment for Markdown templates (shared with the library index).
- ``md_escape(text)``: readout text made inert in Markdown; ``md_cell(text)``: the same for a table cell.
- ``MdSafe``: a string the templates may emit as is (our own Markdown, already escaped pieces).

Escaping is the default, as autoescape is for HTML: the environment's ``finalize`` escapes every ``{{ value }}``
that is not ``MdSafe``, so a template cannot forget it. Text is flattened to one line (a newline in a readout
would end a table row or a quote) and stripped of the characters that could start a heading, list, quote, link,
image, emphasis, code span, table cell or raw HTML.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from comparisons.model import Comparison
from comparisons.reports.view import report_view
from comparisons.reports.view_values import ReportView

__all__ = ["MdSafe", "markdown_environment", "md_cell", "md_escape", "md_link", "render_markdown", "render_markdown_view"]


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


def md_escape(value: Any) -> str:
    """One line of plain text, inert in CommonMark and GitHub Markdown whatever it contains."""
    if isinstance(value, MdSafe):
        return value
    return MdSafe(_line_start(_inline(" ".join(str(value).split()))))


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
    env.filters["score"] = lambda value: "" if value is None else MdSafe(f"{value:.2f}")
    env.filters["md"] = md_escape
    env.filters["diffmd"] = _diff_markdown
    env.filters["joinmd"] = lambda values, sep=", ": MdSafe(sep.join(md_escape(v) for v in values))
    return env


def _diff_markdown(cell: Any) -> MdSafe:
    """A cell's words with those only its side uses in bold; the plain text reads the same without the marks."""
    out = []
    for piece in cell.pieces:
        core = _inline(" ".join(piece.text.split()))
        # Emphasis must hug the words, so the spaces around a piece stay outside its asterisks.
        lead = " " if piece.text[:1].isspace() else ""
        tail = " " if piece.text[-1:].isspace() else ""
        out.append(f"{lead}**{core}**{tail}" if piece.only_here and core else f"{lead}{core}{tail}")
    return MdSafe(_line_start(" ".join("".join(out).split())))


def render_markdown(comparison: Comparison) -> str:
    return render_markdown_view(report_view(comparison))


def render_markdown_view(view: ReportView) -> str:
    """The report from an already computed view (``export_all`` shares one view with the index)."""
    template = markdown_environment().get_template("report.md.j2")
    return template.render(r=view)
