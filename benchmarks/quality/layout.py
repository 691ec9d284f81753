"""How much the engine's links depend on how a readout's text is laid out (a dev tool).

Run from the project root: ``python benchmarks/quality/layout.py``. It needs the evaluation folder
``../shared/eval`` next to the checkout and does nothing without it; the texts are rewritten in a temporary folder,
never copied into the project.

Why: the same readout reaches a user in several layouts. A government page has paragraphs of one to five sentences;
a repost or a scraper may run the whole body into one paragraph, or break it after every sentence. The engine
reads paragraphs (a claim left alone joins its neighbour's link only within a paragraph; a claim with no topic of
its own takes its paragraph's), so its figures on the pairs kept aside depend on layouts we cannot see. This
measures that dependence on the dev pairs: each layout below keeps every word and every gold sentence (a file
whose gold sentences would change, such as a list whose items end without a full stop, keeps its published
layout, and is counted), only the line breaks move.

- ``published``: the texts as they are (the reference, measured in the same run).
- ``one paragraph``: the body run into one paragraph.
- ``a line per sentence``: each paragraph's sentences on lines of their own (what ``dualread add`` stores as a
  paragraph a line).
- ``a paragraph per sentence``: a blank line after every sentence.

Prints, per layout, the mean link F1 (precision, recall) and omission F1 over the English pairs and over all, the
way ``eval/harness.py`` means them, and the pairs whose link F1 moved.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "benchmarks" / "fit"))

from goldpairs import eval_pairs  # noqa: E402

from comparisons.params import default_params  # noqa: E402

Layout = Callable[[str, ModuleType], str]


def _segmenter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_segment", EVAL / "segment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _title_and_body(text: str) -> tuple[str, str]:
    title, _, body = text.partition("\n\n")
    return title + "\n\n", body


def one_paragraph(text: str, seg: ModuleType) -> str:
    head, body = _title_and_body(text)
    return head + " ".join(body.split()) + "\n"


def line_per_sentence(text: str, seg: ModuleType) -> str:
    head, body = _title_and_body(text)
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    return head + "\n\n".join("\n".join(s["text"] for s in seg.sentences(p)) for p in paragraphs) + "\n"


def paragraph_per_sentence(text: str, seg: ModuleType) -> str:
    head, body = _title_and_body(text)
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    return head + "\n\n".join(s["text"] for p in paragraphs for s in seg.sentences(p)) + "\n"


LAYOUTS: dict[str, Layout | None] = {
    "published": None,
    "one paragraph": one_paragraph,
    "a line per sentence": line_per_sentence,
    "a paragraph per sentence": paragraph_per_sentence,
}


def _same_sentences(a: str, b: str, seg: ModuleType) -> bool:
    def words(text: str) -> list[str]:
        return [" ".join(s["text"].split()) for s in seg.sentences(text)]
    return words(a) == words(b)


def rewrite(dev: Path, target: Path, layout: Layout, seg: ModuleType) -> int:
    """Copy the dev pairs to ``target`` in ``layout``; return how many files kept their published layout."""
    shutil.copytree(dev, target)
    kept = 0
    for path in sorted(target.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        moved = layout(text, seg)
        if _same_sentences(text, moved, seg):
            path.write_text(moved, encoding="utf-8")
        else:
            kept += 1
    return kept


def measure(root: Path) -> dict[str, dict[str, float]]:
    params = default_params()
    return {pair.name: {**pair.score(pair.links(params)), "english": pair.english} for pair in eval_pairs(root)}


def _means(rows: dict[str, dict[str, float]], english_only: bool) -> tuple[int, list[float]]:
    """How many pairs, and their mean link F1, precision, recall and omission F1."""
    chosen = [r for r in rows.values() if r["english"] or not english_only]
    return len(chosen), [sum(r[k] for r in chosen) / len(chosen) for k in ("link_f1", "link_p", "link_r", "omission_f1")]


def main() -> int:
    dev = EVAL / "dev"
    if not dev.is_dir():
        print(f"no evaluation pairs at {dev}: nothing to measure")
        return 0
    seg = _segmenter()
    reference: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, layout in LAYOUTS.items():
            if layout is None:
                rows, kept = measure(dev), 0
                reference = rows
            else:
                target = Path(tmp) / name.replace(" ", "-")
                kept = rewrite(dev, target, layout, seg)
                rows = measure(target)
            for label, english_only in (("english", True), ("all", False)):
                n, (f1, p, r, om) = _means(rows, english_only)
                print(f"{name:26} {label:7} n={n} link F1 {f1:.3f} (P {p:.3f} R {r:.3f})  omission F1 {om:.3f}")
            if kept:
                print(f"{'':26} {kept} file(s) kept their published layout (their gold sentences would change)")
            moved = [(pair, reference[pair]["link_f1"], row["link_f1"]) for pair, row in rows.items()
                     if abs(row["link_f1"] - reference[pair]["link_f1"]) > 1e-9]
            for pair, before, after in moved:
                print(f"{'':26} {pair}: link F1 {before:.3f} -> {after:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
