"""readouts — the documents layer of dualread: pairs, the library on disk, and importing readouts.

- ``model``: ``Pair``, ``Side``, ``Participant``, ``Claim``, ``Document`` and the id/key patterns.
- ``errors``: ``DualreadError`` (every layer's base) and ``ReadoutError`` (this layer's).
- ``yamlio``: ``load_yaml``, ``loads_yaml``, ``dump_yaml`` (safe loading; alias bombs refused).
- ``atomic``: ``write_text_atomic``, ``staging_dir``, ``replace_dir_atomic``.
- ``library``: ``Library``, ``LibraryEntry``, ``default_library_path`` and the naming rules.
- ``importing``: ``read_source`` and the normalisation every imported readout goes through.
- ``segment``: ``segment``, ``Segment``: paragraphs, then sentences, with exact offsets.
- ``speakers``: ``attribute``: who each claim attributes its point to.
- ``documents``: ``split_document``: a side split into claims with speakers.

This package knows nothing of comparisons or Textual. Heavy helpers (trafilatura, markdown-it) are imported only
when a readout of that kind is imported.
"""

from __future__ import annotations

from readouts.documents import split_document
from readouts.segment import Segment, segment
from readouts.speakers import attribute
from readouts.atomic import replace_dir_atomic, staging_dir, write_text_atomic
from readouts.errors import DualreadError, ReadoutError
from readouts.importing import (
    MAX_SOURCE_BYTES,
    ensure_title,
    guess_language,
    normalise_text,
    read_source,
)
from readouts.library import (
    Library,
    LibraryEntry,
    check_pair_id,
    check_side_key,
    default_library_path,
    parse_date,
)
from readouts.model import (
    BOTH,
    NARRATOR,
    PAIR_ID_PATTERN,
    SIDE_KEY_PATTERN,
    Claim,
    Document,
    Pair,
    Participant,
    Side,
)
from readouts.yamlio import dump_yaml, load_yaml, loads_yaml

__all__ = [
    "BOTH",
    "MAX_SOURCE_BYTES",
    "NARRATOR",
    "PAIR_ID_PATTERN",
    "SIDE_KEY_PATTERN",
    "Claim",
    "Document",
    "DualreadError",
    "Library",
    "LibraryEntry",
    "Pair",
    "Participant",
    "ReadoutError",
    "Segment",
    "Side",
    "attribute",
    "check_pair_id",
    "check_side_key",
    "default_library_path",
    "dump_yaml",
    "ensure_title",
    "guess_language",
    "load_yaml",
    "loads_yaml",
    "normalise_text",
    "parse_date",
    "read_source",
    "replace_dir_atomic",
    "segment",
    "split_document",
    "staging_dir",
    "write_text_atomic",
]
