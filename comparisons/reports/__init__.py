"""Reports: one ``Comparison`` rendered as JSON, Markdown, HTML or CSV, and the whole library at once (SPEC §8).

- ``render(comparison, fmt) -> str`` for ``fmt`` in ``FORMATS``: what ``dualread export PAIR`` and the TUI's export
  dialog write.
- ``export_all(library, options, fmt, out_dir, *, progress=None) -> ExportSummary``: every pair of the library
  into ``out_dir`` plus an index (``dualread export --all``). ``progress(done, total, pair_id)`` is called after
  each pair. A pair that cannot be loaded or compared goes into ``ExportSummary.failed``; the others are written.
- ``ExportSummary``: ``written`` (the files written: one per pair, and for CSV also the combined claims, which is
  the index, and ``COVERAGE_CSV``), ``failed`` ((pair id, one-line problem)), ``index`` (the index file),
  ``exported`` (pairs exported).
- ``report_file_name(pair_id, fmt)``: the name a pair's report gets in an export folder.
- ``make_export_folder(folder, *, target=None)``: create the folder an export goes into, or say what stands in the way.
- ``write_problem(error, target) -> DualreadError``: why ``target`` could not be written, in one line; a problem with
  the scratch file an atomic write makes beside it is said of the folder, not blamed on ``target``.

Layout: ``view.py`` decides what a report says (with ``key_points.py``, ``terms.py``, ``fulltext.py`` and
``stamp.py``), ``html.py`` / ``markdown.py`` / ``csv_report.py`` say it from the templates in ``templates/``,
``library_index.py`` builds the index and the library-wide topic coverage matrix. Each page of an HTML or
Markdown library export links back to the index.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from comparisons.model import Comparison, EngineInfo
from readouts.errors import DualreadError

if TYPE_CHECKING:
    from comparisons.options import CompareOptions
    from comparisons.reports.view_values import ReportView
    from readouts.library import Library

__all__ = ["COVERAGE_CSV", "FORMATS", "INDEX_NAMES", "ExportSummary", "export_all", "make_export_folder", "render",
           "report_file_name", "write_problem"]

FORMATS = ("json", "md", "html", "csv")

INDEX_NAMES = {"json": "index.json", "md": "index.md", "html": "index.html", "csv": "all-pairs.csv"}
"""What ``export_all`` calls its index. Pair ids never contain '_', so no pair's report can take these names."""
COVERAGE_CSV = "topic-coverage.csv"
"""With ``--format csv``, the library's topic coverage beside the combined claims file."""

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportSummary:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    index: Path = Path()
    exported: int = 0
    """Pairs exported (for CSV they share the one file in ``written``)."""
    stale: list[tuple[str, int]] = field(default_factory=list)
    """(pair id, how many) for the pairs exported whose review has stale decisions: kept, not applied, and said."""


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise DualreadError(f"unknown export format; choose one of {', '.join(FORMATS)}", field="--format",
                            value=fmt)


def render(comparison: Comparison, fmt: str) -> str:
    """The comparison as one file's text in ``fmt``."""
    _check_format(fmt)
    if fmt == "json":
        from comparisons.jsonio import dumps

        return dumps(comparison)
    if fmt == "html":
        from comparisons.reports.html import render_html

        return render_html(comparison)
    if fmt == "md":
        from comparisons.reports.markdown import render_markdown

        return render_markdown(comparison)
    from comparisons.reports.csv_report import render_csv

    return render_csv(comparison)


def report_file_name(pair_id: str, fmt: str) -> str:
    taken = {INDEX_NAMES[fmt], COVERAGE_CSV}
    stem = f"{pair_id}_pair" if f"{pair_id}.{fmt}" in taken else pair_id
    return f"{stem}.{fmt}"


def _render_view(comparison: Comparison, view: "ReportView", fmt: str) -> str:
    """One pair's file when its view is already computed for the index (JSON needs only the comparison)."""
    if fmt == "json":
        from comparisons.jsonio import dumps

        return dumps(comparison)
    if fmt == "html":
        from comparisons.reports.html import render_html_view

        return render_html_view(view)
    if fmt == "csv":
        from comparisons.reports.csv_report import CLAIM_COLUMNS, claim_rows, render_rows

        return render_rows(claim_rows(view), CLAIM_COLUMNS)
    from comparisons.reports.markdown import render_markdown_view

    return render_markdown_view(view)


def _compare(library: "Library", entry, options: "CompareOptions") -> Comparison:
    from comparisons.review.reviewed import reviewed_compare

    if entry.problem:
        raise DualreadError(entry.problem)
    pair = entry.pair if entry.pair is not None else library.load(entry.id)
    return reviewed_compare(library, pair, options)  # with its review; a review file it cannot use fails the pair


def _topic_order(options: "CompareOptions | None") -> tuple[str, ...]:
    """The taxonomy's topic ids, so the library matrix lists topics in the order every report uses."""
    taxonomy = options.taxonomy if options is not None else None
    if taxonomy is None:
        from comparisons.topics.taxonomy import default_taxonomy

        taxonomy = default_taxonomy()
    return tuple(taxonomy.ids)


def _problem(error: Exception) -> str:
    """One line for the summary: a ``DualreadError`` says what the user can fix; anything else is our bug."""
    if isinstance(error, DualreadError):
        text = str(error)
    else:
        text = f"internal error ({type(error).__name__}: {error})"
    return " ".join(text.split())


def make_export_folder(folder: Path, *, target: Path | None = None) -> None:
    """Create ``folder`` and its parents for an export (of ``target``, the file named in the error).

    A file standing where a folder must be is named: ``mkdir`` would only say "File exists" or "Not a directory".
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocker is None:
            reason = error.strerror or str(error)
        else:
            reason = f"{'it' if blocker == (target or folder) else blocker} is a file, not a folder"
        doing = "cannot write the export" if target is not None else "cannot create the export folder"
        raise DualreadError(f"{doing}: {reason}", file=target or folder) from error


def write_problem(error: OSError, target: Path) -> DualreadError:
    """Why an export to ``target`` failed. An atomic write makes a scratch file beside ``target`` first: when that
    fails, ``target`` itself was never touched, and "/proc/version: No such file or directory" about a file that
    exists would mislead; the folder that took no new file is named instead."""
    reason = error.strerror or str(error)
    if error.filename is not None and Path(os.fsdecode(error.filename)).name != target.name:
        reason = f"no file can be made in {target.parent} to write it ({reason})"
    return DualreadError(f"cannot write the export: {reason}", file=target)


def export_all(library: "Library", options: "CompareOptions", fmt: str, out_dir: Path, *,
               progress: Progress | None = None) -> ExportSummary:
    """Every pair of ``library`` into ``out_dir`` (created if needed), then the index.

    Holds one comparison at a time (the index keeps a digest per pair; CSV keeps its rows). Each file is written
    atomically, so an interrupted export leaves whole files only.
    """
    from comparisons.reports.csv_report import (
        CLAIM_COLUMNS,
        COVERAGE_COLUMNS,
        claim_rows,
        coverage_rows,
        render_rows,
    )
    from comparisons.reports.library_index import digest, render_index
    from comparisons.reports.stamp import make_stamp
    from comparisons.reports.view import report_view
    from readouts.atomic import write_text_through

    _check_format(fmt)
    out_dir = Path(out_dir)
    make_export_folder(out_dir)

    def write(path: Path, text: str) -> None:
        try:
            write_text_through(path, text)  # a report the user linked elsewhere stays a link
        except OSError as error:
            raise write_problem(error, path) from error

    entries = list(library.entries())
    summary = ExportSummary(index=out_dir / INDEX_NAMES[fmt])
    digests = []
    claims: list[dict[str, str]] = []
    coverage: list[dict[str, str]] = []
    engines: dict[str, None] = {}
    for done, entry in enumerate(entries, start=1):
        try:
            comparison = _compare(library, entry, options)
            # Each page links back to the index it is listed in (the CSV files have no links).
            view = report_view(comparison, detail=fmt in ("html", "md"), texts=fmt == "csv",
                               index_href=INDEX_NAMES[fmt] if fmt in ("html", "md") else "")
            name = report_file_name(entry.id, fmt)
            text = _render_view(comparison, view, fmt)
            if fmt == "csv":
                claims.extend(claim_rows(view))
                coverage.extend(coverage_rows(view))
        except Exception as error:  # noqa: BLE001 - one bad pair must not stop the library's export
            summary.failed.append((entry.id, _problem(error)))
        else:
            # Writing is outside the ``try``: a folder we cannot write to is the whole export's problem.
            write(out_dir / name, text)
            summary.written.append(out_dir / name)
            digests.append(digest(view, name))
            engines[comparison.engine.version] = None
            if comparison.review is not None and comparison.review.stale:
                summary.stale.append((entry.id, len(comparison.review.stale)))
        if progress is not None:
            progress(done, len(entries), entry.id)

    if fmt == "csv":
        # The combined files: every pair's claims in one, the library's topic coverage in the other.
        write(summary.index, render_rows(claims, CLAIM_COLUMNS))
        write(out_dir / COVERAGE_CSV, render_rows(coverage, COVERAGE_COLUMNS))
        summary.written.extend([summary.index, out_dir / COVERAGE_CSV])
    else:
        # The index is a file people share: paths in its problems are relative to the library, not the user's home.
        root = str(library.root.resolve()) + os.sep
        shareable = [(pair_id, problem.replace(root, "")) for pair_id, problem in summary.failed]
        stamp = make_stamp(EngineInfo(", ".join(engines) or _engine_version(), {"similarity": options.similarity}))
        write(summary.index, render_index(digests, shareable, fmt, topic_order=_topic_order(options), stamp=stamp))
    return ExportSummary(summary.written, summary.failed, summary.index, len(digests), summary.stale)


def _engine_version() -> str:
    from comparisons.engine import ENGINE_VERSION

    return ENGINE_VERSION
