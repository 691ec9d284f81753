"""What several commands share: making a subcommand parser, finding the library, the options of a comparison.

Kept free of Textual so that non-UI commands stay fast to start.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.model import Comparison
    from comparisons.options import CompareOptions
    from readouts.library import Library

__all__ = ["add_command", "library_from", "options_from", "comparison_for"]


def add_command(sub: argparse._SubParsersAction, name: str, *, help: str, description: str, examples: str) -> argparse.ArgumentParser:
    """A subcommand parser with the global options and an examples epilog, formatted as written."""
    from tui.cli import HelpFormatter, global_parent

    return sub.add_parser(
        name,
        help=help,
        description=description,
        epilog="examples:\n" + examples.rstrip(),
        parents=[global_parent()],
        formatter_class=HelpFormatter,
    )


def library_from(args: argparse.Namespace) -> "Library":
    """``--library``, else ``$DUALREAD_LIBRARY``, else the user data folder."""
    from readouts.library import Library, default_library_path

    root = getattr(args, "library", None) or os.environ.get("DUALREAD_LIBRARY") or default_library_path()
    return Library(Path(root).expanduser())


def options_from(args: argparse.Namespace, library: "Library", *, comparing: bool = True) -> "CompareOptions":
    """The comparison settings: options given on the command line, else the library's topics.yaml and
    settings.yaml, else the defaults (the default taxonomy, lexical similarity). ``comparing=False`` for a command
    that compares nothing (``topics``): then the semantic extra need not be installed for a semantic setting."""
    from comparisons.options import SIMILARITIES, CompareOptions
    from comparisons.topics.taxonomy import taxonomy_for
    from readouts.errors import ReadoutError

    topics = getattr(args, "topics", None)
    taxonomy = taxonomy_for(Path(topics) if topics else library.topics_file)
    settings = library.settings()
    similarity = getattr(args, "similarity", None) or settings.get("similarity") or "lexical"
    if similarity not in SIMILARITIES:
        raise ReadoutError("must be lexical or semantic", file=library.settings_file, field="similarity", value=similarity)
    if similarity == "semantic" and comparing:
        _need_the_semantic_extra(given=bool(getattr(args, "similarity", None)), settings_file=library.settings_file)
    model = getattr(args, "model", None) or settings.get("model")
    return CompareOptions(similarity=similarity, model=model, taxonomy=taxonomy)


def _need_the_semantic_extra(*, given: bool, settings_file: Path) -> None:
    """Semantic similarity asked for (on the command line, or by the library's settings.yaml) without the extra
    installed is the setting's fault, said once: not one failure per pair (``export --all``), an empty ``stats``,
    or a UI listing every pair as broken."""
    from comparisons.matching.semantic import INSTALL_HINT, semantic_available
    from readouts.errors import ReadoutError

    if not semantic_available():
        raise ReadoutError(INSTALL_HINT, file=None if given else settings_file,
                           field="--similarity" if given else "similarity", value="semantic")


def comparison_for(args: argparse.Namespace, pair_id: str) -> "Comparison":
    """Load one pair and compare it, through the library's cache, with its review applied (a review file that
    cannot be used is an error: commands on that pair exit 1)."""
    from comparisons.review.reviewed import reviewed_compare

    library = library_from(args)
    pair = library.load(pair_id)
    return reviewed_compare(library, pair, options_from(args, library))
