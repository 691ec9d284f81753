"""The HTML report: one self-contained page per comparison (inline CSS, no script, no request), and the page
environment the library index shares.

- ``render_html(comparison, *, index_href="") -> str``: the report of one pair (``index_href``: the library index
  it links back to).
- ``html_environment()``: the Jinja2 environment for HTML templates, autoescape on for every template.
- ``stylesheet()``: ``report.css``, inlined into every page so a report opens anywhere, offline, as one file.

Layout and wording live in ``templates/report.html.j2`` and ``report.css`` so a maintainer edits those, not
Python. Readout text and pair metadata reach the page only through Jinja2's autoescape; the page also carries a
Content-Security-Policy that forbids scripts and requests, so even a mistake in a template cannot run or fetch
anything.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from comparisons.model import Comparison
from comparisons.reports.fulltext import score_text
from comparisons.reports.view import report_view
from comparisons.reports.view_values import ReportView
from readouts.textshape import RTL_LANGUAGES

__all__ = ["html_environment", "render_html", "render_html_view", "stylesheet"]


@cache
def html_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("comparisons.reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["score"] = lambda value: "" if value is None else score_text(value)
    # Arabic or Hebrew text marked only lang="ar" is still laid out left to right: its sentences start at the
    # wrong edge and their end punctuation lands on the left.
    env.tests["rtl"] = lambda code: str(code).split("-")[0].lower() in RTL_LANGUAGES
    return env


@cache
def stylesheet() -> Markup:
    """Our own file, so it is trusted markup; ``</style`` in it would end the element, so it must never appear."""
    css = resources.files("comparisons.reports").joinpath("report.css").read_text(encoding="utf-8")
    if "</" in css:
        raise ValueError("report.css must not contain '</'")
    return Markup(css)


def render_html(comparison: Comparison, *, index_href: str = "") -> str:
    return render_html_view(report_view(comparison, index_href=index_href))


def render_html_view(view: ReportView) -> str:
    """The report from an already computed view (``export_all`` shares one view with the index)."""
    template = html_environment().get_template("report.html.j2")
    return template.render(r=view, css=stylesheet())
