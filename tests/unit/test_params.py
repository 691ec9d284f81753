"""The engine's numbers: one documented value, fingerprinted into every result and cache key."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
import yaml

from comparisons.cache import cache_key
from comparisons.engine import compare
from comparisons.options import CompareOptions
from comparisons.params import EngineParams, default_params, load_params
from readouts.library import Library

PARAMS_FILE = Path(__file__).resolve().parents[2] / "comparisons" / "params.yaml"


def test_every_number_is_documented_where_it_is_declared():
    source = (PARAMS_FILE.parent / "params.py").read_text(encoding="utf-8")
    body = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "EngineParams").body
    documented = {
        stmt.target.id for stmt, after in zip(body, body[1:])
        if isinstance(stmt, ast.AnnAssign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
    }
    assert documented == {f.name for f in dataclasses.fields(EngineParams)}


def test_the_shipped_file_sets_every_number_and_starts_the_fit_from_known_ones():
    data = yaml.safe_load(PARAMS_FILE.read_text(encoding="utf-8"))
    assert load_params(data["values"]) == default_params()
    assert set(data["start"]) <= {f.name for f in dataclasses.fields(EngineParams)}
    assert "leave-one-pair-out" in data["provenance"]["figures"]


def test_a_missing_or_unknown_number_is_refused():
    values = default_params().as_dict()
    with pytest.raises(ValueError, match="missing"):
        load_params({k: v for k, v in values.items() if k != "merge_mean"})
    with pytest.raises(ValueError, match="unknown"):
        load_params({**values, "merge_meen": 0.2})
    with pytest.raises(TypeError):
        default_params().replace(merge_meen=0.2)


def test_other_numbers_give_another_fingerprint_cache_key_and_recorded_setting(tmp_path):
    pair = Library(tmp_path / "library").load("2021-12-30-biden-putin-call")
    shipped, varied = default_params(), default_params().replace(merge_mean=0.3)
    assert shipped.fingerprint() != varied.fingerprint()
    assert cache_key(pair, CompareOptions()) != cache_key(pair, CompareOptions(params=varied))
    comparison = compare(pair, CompareOptions(params=varied))
    assert comparison.engine.settings["params"] == varied.fingerprint()


def test_the_numbers_change_what_is_linked(tmp_path):
    pair = Library(tmp_path / "library").load("2021-12-30-biden-putin-call")
    strict = compare(pair, CompareOptions(params=default_params().replace(merge_mean=0.9, mutual_min=0.9,
                                                                          neighbour_mean=0.9)))
    assert len(strict.links) < len(compare(pair).links)
