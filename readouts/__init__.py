"""readouts — the documents layer of dualread: pairs, the library on disk, and importing readouts.

- ``model``: ``Pair``, ``Side``, ``Participant``, ``Claim``, ``Aside``, ``Document`` and the id/key patterns.
- ``errors``: ``DualreadError`` (every layer's base) and ``ReadoutError`` (this layer's).
- ``yamlio``: ``load_yaml``, ``loads_yaml``, ``dump_yaml`` (safe loading; alias bombs refused).
- ``atomic``: ``write_text_atomic``, ``staging_dir``, ``replace_dir_atomic``.
- ``library``: ``Library``, ``LibraryEntry``, ``default_library_path`` and the naming rules.
- ``importing``: ``read_source`` and the normalisation every imported readout goes through.
- ``segment``: ``segment``, ``Segment``: paragraphs, then sentences, with exact offsets.
- ``speakers``: ``attribute``: who each claim attributes its point to.
- ``documents``: ``split_document``: a side split into claims with speakers.
- ``adding``: ``add_pair``, ``build_pair``, ``AddResult``: a new pair from its sources, every rule checked in one place.

This package knows nothing of comparisons or Textual. Heavy helpers (trafilatura, markdown-it) are imported only
when a readout of that kind is imported. The names below are importable from the package itself
(``from readouts import Library``), but each module is imported only when one of its names is first used: every
``dualread`` command imports ``readouts.errors``, and most need neither YAML nor the segmenter.
"""

from __future__ import annotations

# ``segment`` is both a submodule and its function: imported eagerly (it is small and needs nothing) so that the
# package attribute is the function, as it always was, whoever imports the submodule first.
from readouts.lazy import lazy_exports
from readouts.segment import Segment, segment

_EXPORTS = {
    "adding": ("AddResult", "add_pair", "build_pair"),
    "documents": ("split_document",),
    "speakers": ("attribute",),
    "atomic": ("replace_dir_atomic", "staging_dir", "write_text_atomic"),
    "errors": ("DualreadError", "ReadoutError"),
    "importing": ("MAX_SOURCE_BYTES", "ensure_title", "guess_language", "normalise_text", "read_source",
                  "strip_controls"),
    "library": ("Library", "LibraryEntry", "PairExistsError", "check_pair_id", "check_side_key",
                "default_library_path", "parse_date"),
    "model": ("ASIDE_KINDS", "Aside", "BOTH", "NARRATOR", "PAIR_ID_PATTERN", "SIDE_KEY_PATTERN", "Claim", "Document", "Pair", "Participant",
              "Side"),
    "yamlio": ("dump_yaml", "load_yaml", "loads_yaml"),
}
__all__ = [
    "AddResult", "PairExistsError", "add_pair", "build_pair", "strip_controls",
    "BOTH", "MAX_SOURCE_BYTES", "NARRATOR", "PAIR_ID_PATTERN", "SIDE_KEY_PATTERN", "Claim", "Document", "DualreadError",
    "Library", "LibraryEntry", "Pair", "Participant", "ReadoutError", "Segment", "Side", "attribute", "check_pair_id",
    "check_side_key", "default_library_path", "dump_yaml", "ensure_title", "guess_language", "load_yaml",
    "loads_yaml", "normalise_text", "parse_date", "read_source", "replace_dir_atomic", "segment", "split_document",
    "staging_dir", "write_text_atomic",
]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
