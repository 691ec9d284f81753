"""``dualread export PAIR_ID|--all --format json|md|html|csv|gold [--output PATH]``: a comparison as a file.

- One pair: JSON is written by ``comparisons.jsonio`` (schema ``dualread/comparison@1``), the other formats by
  ``comparisons.reports.render``. Without ``--output`` the export goes to stdout; with it, the file is written
  atomically (an interrupted export never leaves half a file); a link named by ``--output`` is written through and
  kept, a device or a pipe (``/dev/stdout``, a FIFO) is written into, never replaced. ``--output`` naming a folder (one that exists, or
  any path ending in ``/``) writes ``<folder>/<pair-id>.<ext>`` there. A file named for another format
  (``call.md`` for ``--format html``) is refused before anything is computed (``check_output_name``). A file
  written is named on stderr ("exported PAIR to PATH"), with a note when decisions of the pair's review are stale.
- ``--format gold`` (one pair): the reviewed alignment in the annotation format of ``../shared/eval``
  (``comparisons.review.gold``), so a reviewed pair becomes test data; written as ``<pair-id>.yaml`` into a folder.
- ``--all``: every pair of the library into the folder ``--output``, plus an index, with progress on stderr. A
  broken pair does not stop the others; it is named at the end and the exit code is 1. A pair whose review has
  stale decisions is named in a note.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from readouts.errors import DualreadError

__all__ = ["FORMATS", "add_parser", "run"]

FORMATS = ("json", "md", "html", "csv", "gold")
EXTENSIONS = {"gold": "yaml"}
SUFFIXES = {"html": (".html", ".htm"), "md": (".md", ".markdown"), "csv": (".csv",), "json": (".json",),
            "gold": (".yaml", ".yml")}
"""The file names each format is written under: an ``--output`` named for another format is refused (HTML in
``call.md`` is no report in any viewer); a name of the user's own (``notes.txt``, none) is theirs to choose."""
NAMES = {"html": "an HTML", "md": "a Markdown", "csv": "a CSV", "json": "a JSON", "gold": "a YAML"}


def check_output_name(target: Path, fmt: str) -> None:
    """Refuse ``target`` when its suffix is another format's, before anything is computed or written."""
    suffix = target.suffix.lower()
    named = next((other for other, suffixes in SUFFIXES.items() if suffix in suffixes), None)
    if named is not None and named != fmt:
        wanted = target.with_suffix(SUFFIXES[fmt][0]).name
        raise DualreadError(f"names {NAMES[named]} file, and --format {fmt} writes {NAMES[fmt].split()[1]}: name it "
                            f"{wanted}, or give --format {named}", field="--output", value=str(target))


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "export",
        help="write a comparison (or the whole library) as JSON, Markdown, HTML or CSV; a reviewed pair as gold",
        description="Write the comparison of one pair, or of every pair with --all, as JSON "
        "(schema dualread/comparison@1), Markdown, HTML or CSV.",
        examples="  dualread export 2021-12-30-biden-putin-call --format json\n"
        "  dualread export 2021-12-30-biden-putin-call --format html --output call.html\n"
        "  dualread export --all --format md --output reports/\n"
        "  dualread export 2021-12-30-biden-putin-call --format gold --output gold/\n"
        "      the reviewed links and topics by sentence id, as ../shared/eval annotates\n",
    )
    parser.add_argument("pair_id", nargs="?", metavar="PAIR_ID", help="the pair to export")
    parser.add_argument("--all", action="store_true", help="export every pair of the library (needs --output DIR)")
    parser.add_argument("--format", required=True, choices=FORMATS, help="the export format")
    parser.add_argument("--output", metavar="PATH", help="file to write (default, or '-': stdout), or a folder (an existing one, or "
                        "ending in /) to write PAIR_ID.FORMAT into; with --all, the folder of reports")
    parser.set_defaults(export_parser=parser)
    return parser


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.export_parser
    if args.all and args.pair_id:
        parser.error("give a PAIR_ID or --all, not both")
    if not args.all and not args.pair_id:
        parser.error("give a PAIR_ID, or --all for every pair")
    if args.all and args.format == "gold":
        parser.error("--format gold writes one pair at a time: give a PAIR_ID")
    if args.all:
        if not args.output or args.output == "-":
            parser.error("--all needs --output DIR, the folder to write the reports into")
        return _export_all(args)
    return _export_one(args)


def _export_one(args: argparse.Namespace) -> int:
    from tui.commands.common import comparison_for

    target = None
    if args.output and args.output != "-":  # '-' is stdout, as it is stdin for add
        target = Path(args.output).expanduser()
        # "reports/" names a folder even before it exists (Path() would drop the slash and write a file "reports").
        if target.is_dir() or args.output.endswith(("/", os.sep)):
            target = target / f"{args.pair_id}.{EXTENSIONS.get(args.format, args.format)}"
        check_output_name(target, args.format)
    comparison = comparison_for(args, args.pair_id)
    text = render(comparison, args.format)
    review = comparison.review
    stale = stale_note(args.pair_id, len(review.stale) if review is not None else 0)
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        if stale:
            print(f"dualread: note: {stale.format(whose=f'the review of {args.pair_id}')}", file=sys.stderr)
        return 0
    write_output(target, text)
    said = f"; note: {stale.format(whose='its review')}" if stale else ""
    print(f"exported {args.pair_id} to {target}{said}", file=sys.stderr)
    return 0


def stale_note(pair_id: str, count: int) -> str:
    """What an export says of ``count`` stale decisions in a pair's review (a ``{whose}`` left to fill), ``""`` for
    none: a CSV has no row for a decision whose claims are gone, and a reader of any export should hear that some
    were not applied, as ``dualread review`` lists them."""
    if not count:
        return ""
    decisions = f"{count} decision{'s' if count != 1 else ''} of {{whose}} {'are' if count != 1 else 'is'}"
    return f"{decisions} stale: kept in review.yaml, not applied (see: dualread review {pair_id})"


def render(comparison, fmt: str) -> str:
    """The comparison in ``fmt``: JSON from ``comparisons.jsonio``, the report formats from ``comparisons.reports``."""
    if fmt == "json":
        from comparisons.jsonio import dumps

        return dumps(comparison)
    if fmt == "gold":
        from comparisons.review.gold import gold_text

        return gold_text(comparison)
    from comparisons.reports import render as render_report

    return render_report(comparison, fmt)


def write_output(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically; through a link to its target, into a device or pipe as it is (the
    link, the device stay); a folder that cannot be written is the user's to fix."""
    from comparisons.reports import make_export_folder, write_problem
    from readouts.atomic import write_text_through

    make_export_folder(target.parent, target=target)
    try:
        write_text_through(target, text)
    except OSError as error:
        raise write_problem(error, target) from error


def _export_all(args: argparse.Namespace) -> int:
    from comparisons.reports import export_all
    from tui.commands.common import library_from, options_from

    library = library_from(args)
    out_dir = Path(args.output).expanduser()
    if out_dir.exists() and not out_dir.is_dir():
        raise DualreadError("--all writes a folder of reports; this is a file", file=out_dir, field="--output")
    progress = _Progress(sys.stderr)
    summary = export_all(library, options_from(args, library), args.format, out_dir, progress=progress)
    progress.finish()
    # CSV puts every pair in one file, so count pairs, not files, when the summary says how many.
    pairs = getattr(summary, "exported", len(summary.written))
    print(f"exported {pairs} pair{'s' if pairs != 1 else ''} to {out_dir}; index: {summary.index}", file=sys.stderr)
    for pair_id, count in summary.stale:
        print(f"note: {pair_id}: {stale_note(pair_id, count).format(whose='its review')}", file=sys.stderr)
    for pair_id, problem in summary.failed:
        print(f"dualread: {pair_id}: {problem}", file=sys.stderr)
    return 1 if summary.failed else 0


class _Progress:
    """``progress(done, total, pair_id)`` for ``export_all``: one line redrawn on a terminal, a line per pair else."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.width = 0

    def __call__(self, done: int, total: int, pair_id: str) -> None:
        line = f"[{done}/{total}] {pair_id}"  # neutral: a pair that failed is named as failed at the end
        if self.live:
            pad = max(self.width - len(line), 0)
            self.stream.write("\r" + line + " " * pad)
            self.width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live and self.width:
            self.stream.write("\n")
            self.stream.flush()
