"""The library's catalog for a command line command: opened, brought in step with the folders, progress shown.

- ``open_catalog(args, *, texts=True) -> Catalog``: the catalog of the library the command's options name,
  refreshed (``texts=False``: only what a listing needs, see ``Catalog.refresh``). Reading many folders shows a
  progress line on stderr; a catalog found damaged is rebuilt from the folders, and stderr says so in one line.
- ``open_claim_index(args) -> ClaimIndex``: the same, with every pair's claims indexed (``search``, ``stats``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from comparisons.claim_index import ClaimIndex
    from readouts.catalog import Catalog

__all__ = ["PARALLEL_FROM", "open_catalog", "open_claim_index"]

PARALLEL_FROM = 64
"""Pairs to index from which the command line compares them in one process per core."""


def open_catalog(args: argparse.Namespace, *, texts: bool = True) -> "Catalog":
    from readouts.catalog import Catalog
    from tui.commands.common import library_from
    from tui.commands.progress import Progress

    catalog = Catalog(library_from(args))
    progress = Progress("reading the library into its catalog")
    try:
        result = catalog.refresh(progress, texts=texts)
    except BaseException:
        catalog.close()
        raise
    finally:
        progress.finish()
    if result.rebuilt:
        print(f"dualread: the catalog {catalog.path} was damaged; rebuilt it from the library's folders",
              file=sys.stderr)
    return catalog


def open_claim_index(args: argparse.Namespace,
                     check: "Callable[[ClaimIndex], None] | None" = None) -> "ClaimIndex":
    """The claim index of the library the options name, every pair's claims indexed first (a pair not compared
    before is compared now, with a progress line); ``index.catalog`` is the refreshed catalog, to close after.
    ``check(index)`` runs before the indexing: a typo in an option is reported before minutes of comparing."""
    from comparisons.claim_index import ClaimIndex
    from tui.commands.common import options_from
    from tui.commands.progress import Progress

    catalog = open_catalog(args)
    try:
        index = ClaimIndex(catalog, options_from(args, catalog.library), catalog.library.cache_dir)
        if check is not None:
            check(index)
        progress = Progress("comparing and indexing claims")
        stale = len(index.stale())
        # Many pairs to compare (a library never opened): one process per core; a few: not worth starting them.
        workers = min(os.cpu_count() or 1, 8) if stale >= PARALLEL_FROM else 1
        try:
            index.index(progress=progress, workers=workers)
        finally:
            progress.finish()
    except BaseException:
        catalog.close()
        raise
    return index
