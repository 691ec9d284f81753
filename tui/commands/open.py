"""``dualread`` (no command) and ``dualread open PAIR_ID``: the terminal UI, on the library or on one comparison.

Textual is imported inside ``run`` only, so building the parser (every command does) stays cheap. The pair given
to ``open`` is loaded before the UI starts: an unknown or broken pair is the usual one-line error and exit 1, and
so are a library that is a file, not a folder, and a start without a terminal.
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "open",
        help="open the terminal UI straight on one pair's comparison",
        description="Open the terminal UI on one pair's comparison (Back leads to the library). "
        "Run dualread with no command to start on the library.",
        examples="  dualread open 2021-12-30-biden-putin-call\n"
        "  dualread --library ~/readouts open 2022-11-14-biden-xi-bali-meeting\n",
    )
    parser.add_argument("pair_id", metavar="PAIR_ID", help="the pair to open (see: dualread list)")
    return parser


def run(args: argparse.Namespace) -> int:
    from tui.commands.common import library_from, options_from

    library = library_from(args)
    if library.root.exists() and not library.root.is_dir():
        from readouts.errors import ReadoutError

        raise ReadoutError("the library is not a folder", file=library.root)
    options = options_from(args, library)
    pair_id = getattr(args, "pair_id", None)
    if pair_id:
        library.load(pair_id)
    _need_a_terminal()

    from tui.app import DualreadApp
    from tui.user_settings import default_settings_file

    topics = getattr(args, "topics", None)
    DualreadApp(library, options, open_pair=pair_id, settings_file=default_settings_file(),
                reread_options=lambda: options_from(args, library),
                options_files=(Path(topics),) if topics else ()).run()
    return 0


def _need_a_terminal() -> None:
    """Refuse to start the UI without a terminal to read keys from and draw on (Textual draws on standard error, on
    Windows on standard output): from cron, a script or ``ssh host dualread`` without ``-t`` it would draw into a
    pipe and spin forever. A driver chosen through ``TEXTUAL_DRIVER`` (``textual serve``: a browser) brings its own."""
    import os
    import sys

    from readouts.errors import DualreadError

    if os.environ.get("TEXTUAL_DRIVER"):
        return
    screen = ("standard output", sys.__stdout__) if sys.platform == "win32" else ("standard error", sys.__stderr__)
    streams = dict([("standard input", sys.stdin), screen])
    missing = [name for name, stream in streams.items() if stream is None or not stream.isatty()]
    if missing:
        raise DualreadError(f"the terminal UI needs a terminal, and {' and '.join(missing)} "
                            f"{'is' if len(missing) == 1 else 'are'} not one; without one, use dualread list, "
                            "dualread show PAIR_ID or dualread export")
