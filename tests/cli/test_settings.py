"""A library's settings.yaml sets how it compares; the command line wins; a bad setting is one clear line."""

from __future__ import annotations

import json

import pytest

from comparisons.matching.semantic import semantic_available

PAIR = "2021-12-30-biden-putin-call"


def test_a_bad_similarity_in_settings_names_the_file_the_field_and_the_value(run_dualread, library_dir):
    library_dir.mkdir(parents=True, exist_ok=True)
    (library_dir / "settings.yaml").write_text("similarity: fuzzy\n", encoding="utf-8")
    done = run_dualread("export", PAIR, "--format", "json")
    assert done.returncode == 1
    line = done.stderr.strip()
    assert "\n" not in line and "settings.yaml" in line and "similarity" in line and "fuzzy" in line


def test_the_command_line_overrides_the_library_setting(run_dualread, library_dir):
    library_dir.mkdir(parents=True, exist_ok=True)
    (library_dir / "settings.yaml").write_text("similarity: fuzzy\n", encoding="utf-8")
    done = run_dualread("--similarity", "lexical", "export", PAIR, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["engine"]["settings"]["similarity"] == "lexical"


@pytest.mark.skipif(semantic_available(), reason="the semantic extra is installed here")
def test_a_library_set_to_semantic_says_how_to_install_the_extra(run_dualread, library_dir):
    library_dir.mkdir(parents=True, exist_ok=True)
    (library_dir / "settings.yaml").write_text("similarity: semantic\n", encoding="utf-8")
    done = run_dualread("export", PAIR, "--format", "json")
    assert done.returncode == 1 and "pip install" in done.stderr


@pytest.mark.skipif(semantic_available(), reason="the semantic extra is installed here")
@pytest.mark.parametrize("command", [
    ("export", "--all", "--format", "md", "--output", "reports"),
    ("search", "sanctions"),
    ("stats",),
    (),  # the UI: it listed every pair as broken, each offering Delete, while the pairs were fine
], ids=["export --all", "search", "stats", "ui"])
def test_a_library_set_to_semantic_without_the_extra_is_one_line_for_every_command(run_dualread, library_dir,
                                                                                   command):
    # `export --all` printed a failure per pair and "exported 0 pairs", `stats` said "No claims counted" and
    # exited 0: the setting was at fault, not each pair.
    library_dir.mkdir(parents=True, exist_ok=True)
    (library_dir / "settings.yaml").write_text("similarity: semantic\n", encoding="utf-8")
    done = run_dualread(*command)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "settings.yaml" in lines[0] and "pip install" in lines[0], done.stderr
    assert done.stdout == ""
    topics = run_dualread("topics")  # compares nothing: the taxonomy is listed whatever the similarity
    assert topics.returncode == 0 and "sanctions" in topics.stdout, topics.stderr
