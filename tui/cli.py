"""The ``dualread`` command line (SPEC §4).

Each subcommand lives in ``tui/commands/<name>.py`` with ``add_parser(subparsers)`` and ``run(args) -> int``.
Textual is imported only by the commands that open the UI, so ``dualread export`` does not pay for it.
A ``DualreadError`` becomes one line on stderr and exit code 1; wrong usage is exit code 2 (argparse).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

__all__ = ["HelpFormatter", "build_parser", "main"]

COMMANDS = ("open", "list", "add", "show", "export", "topics", "review", "link", "unlink", "confirm", "conflict",
            "reset", "score", "search", "stats")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dualread")
    except PackageNotFoundError:
        return "0+unknown"


class _VersionAction(argparse.Action):
    """``--version``, looking the version up only when asked: ``importlib.metadata`` costs every other command
    tens of milliseconds of start-up for nothing."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, default: object = argparse.SUPPRESS,
                 help: str = "show program's version number and exit") -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"dualread {_version()}")
        parser.exit()


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors suggest what was probably meant: ``dualread lst`` names ``list``,
    ``list --jsno`` names ``--json``."""

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        choice = re.match(r"argument COMMAND: invalid choice: '([^']*)'", message)
        if choice:
            close = difflib.get_close_matches(choice.group(1), COMMANDS, n=1)
            message = f"unknown command '{choice.group(1)}'" + (f" (did you mean '{close[0]}'?)" if close else
                                                               f"; the commands are: {', '.join(COMMANDS)}")
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        if unknown:
            options = [o for action in self._actions for o in action.option_strings]
            for word in unknown.group(1).split():
                close = difflib.get_close_matches(word, options, n=1) if word.startswith("-") else []
                if close:
                    message += f" (did you mean {close[0]}?)"
                    break
        super().error(message)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions (one paragraph) wrapped to the terminal like option help; examples (several lines) kept as laid
    out, since their line breaks and backslashes are what a user copies."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text.strip():
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="dualread",
        description="Compare official readouts of the same diplomatic event. "
        "With no command, opens the terminal UI on the library.",
        epilog="examples:\n  dualread                      open the library in the terminal UI\n"
        "  dualread list                 the pairs in the library\n"
        "  dualread show 2021-12-30-biden-putin-call\n"
        "  dualread export 2021-12-30-biden-putin-call --format html --output call.html",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.commands = {}
    for name in COMMANDS:
        module = importlib.import_module(f"tui.commands.{name}")
        parser.commands[name] = module.add_parser(sub)
    return parser


def add_global_options(parser: argparse.ArgumentParser, *, default: object = None) -> None:
    """Options every command understands; kept in one place so ``--library`` means the same everywhere.

    The top-level parser sets real defaults; subcommand parsers repeat the options with ``SUPPRESS`` defaults so
    that ``dualread list --library X`` and ``dualread --library X list`` both work without one undoing the other.
    """
    g = parser.add_argument_group("global options")
    g.add_argument("--library", metavar="DIR", default=default,
                   help="the library folder (default: $DUALREAD_LIBRARY or the user data folder)")
    g.add_argument("--topics", metavar="FILE", default=default,
                   help="a taxonomy YAML file to use instead of the library's topics.yaml")
    g.add_argument("--similarity", choices=("lexical", "semantic"), default=default,
                   help="how claims are compared (default: lexical)")
    g.add_argument("--model", metavar="NAME_OR_PATH", default=default,
                   help="sentence-embedding model for --similarity semantic")


def global_parent() -> argparse.ArgumentParser:
    """A parent parser for subcommands carrying the global options (see ``add_global_options``)."""
    parent = argparse.ArgumentParser(add_help=False)
    add_global_options(parent, default=argparse.SUPPRESS)
    return parent


def _notes_to_stderr() -> None:
    """Send the notes the library code logs (``dualread.*`` at WARNING: a cache entry discarded and recomputed) to
    stderr as plain lines, to whatever ``sys.stderr`` is when one is written (in the TUI, Textual captures it)."""
    import logging

    logger = logging.getLogger("dualread")
    if any(handler.get_name() == "dualread-notes" for handler in logger.handlers):
        return

    class Notes(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            try:
                print(self.format(record), file=sys.stderr)
            except Exception:  # noqa: BLE001 - logging's convention: a broken stream is reported, never raised
                self.handleError(record)

    handler = Notes(logging.WARNING)
    handler.set_name("dualread-notes")
    logger.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    from readouts.errors import DualreadError
    from tui.commands.standard_output import StandardOutput, os_problem

    _notes_to_stderr()
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        # An option the command does not know is the command's error, with its usage (not the top level's).
        parser.commands.get(args.command, parser).error("unrecognized arguments: " + " ".join(extras))
    command = args.command or "open"
    module = importlib.import_module(f"tui.commands.{command}")
    stdout = sys.stdout
    if command != "open":  # the TUI owns the terminal; the other commands write text that may fail to arrive
        sys.stdout = StandardOutput(stdout)  # type: ignore[assignment]  # a TextIO in all but name
    try:
        code = int(module.run(args) or 0)
        sys.stdout.flush()  # a short output still in the buffer fails here, not in the interpreter's exit
        return code
    except DualreadError as error:
        print(f"dualread: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dualread: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        print(f"dualread: {os_problem(error)}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = stdout


if __name__ == "__main__":
    sys.exit(main())
