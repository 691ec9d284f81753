"""``dualread topics [--check FILE]`` as a user runs it: the taxonomy in force, and clear verdicts on files."""

from __future__ import annotations

import textwrap

import pytest

FISHERIES = textwrap.dedent("""\
    extends: default
    topics:
      - id: fisheries
        label: Fisheries
        description: Fishing quotas, fleets and licences.
        keywords: [fish*, trawler*]
      - id: sanctions
        label: Penalties
        description: Our own reading of sanctions.
        keywords: [sanction*, penalt*]
    """)


@pytest.fixture
def fisheries_file(tmp_path):
    path = tmp_path / "fisheries.yaml"
    path.write_text(FISHERIES, encoding="utf-8")
    return path


def test_topics_lists_the_default_taxonomy_with_ids_labels_and_descriptions(run_dualread):
    result = run_dualread("topics")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert "16 topics from the default taxonomy" in lines[0]
    sanctions = next(line for line in lines if line.startswith("sanctions "))
    assert "Sanctions" in sanctions and "export controls" in sanctions
    listed = [line.split()[0] for line in lines[3:] if line and not line.startswith(" ")]
    assert listed[:3] == ["sanctions", "de-escalation", "talks"]
    assert "leader-contacts" in listed


def test_topics_shows_the_file_given_with_topics(run_dualread, fisheries_file):
    result = run_dualread("--topics", fisheries_file, "topics")
    assert result.returncode == 0, result.stderr
    assert str(fisheries_file) in result.stdout.splitlines()[0]
    assert any(line.startswith("fisheries ") and "Fishing quotas" in line for line in result.stdout.splitlines())
    assert any(line.startswith("sanctions ") and "Penalties" in line for line in result.stdout.splitlines())


def test_topics_uses_the_library_taxonomy_when_there_is_one(run_dualread, library_dir):
    library_dir.mkdir(parents=True)
    (library_dir / "topics.yaml").write_text("- id: weather\n  label: Weather\n  keywords: [storm*]\n",
                                             encoding="utf-8")
    result = run_dualread("topics")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("1 topic from")
    assert "weather" in result.stdout and "sanctions" not in result.stdout


def test_check_accepts_a_good_file_and_says_how_it_differs_from_the_default(run_dualread, fisheries_file):
    result = run_dualread("topics", "--check", fisheries_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"{fisheries_file}: ok, 17 topics (1 new, 1 changed from the default, "
                                     "0 of the default's 16 left out)")


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("- id: fish\n  label: Fish\n- id: fish\n  label: Fish again\n", "topics[1].id", "'fish'"),
        ("- id: Fish Stocks\n  label: Fish\n", "topics[0].id", "'Fish Stocks'"),
        ("- id: fish\n  label: Fish\n  patterns: ['(unclosed']\n", "topics[0].patterns[0]", "'(unclosed'"),
        ("- id: fish\n  keywords: [fish]\n", "topics[0].label", "missing label"),
    ],
)
def test_check_names_the_file_field_and_value_in_one_line_and_exits_1(run_dualread, tmp_path, text, field, value):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_dualread("topics", "--check", path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dualread: ")
    assert str(path) in lines[0] and field in lines[0] and value in lines[0]
    assert "Traceback" not in result.stderr


def test_check_on_a_missing_or_non_yaml_file_is_one_clear_line(run_dualread, tmp_path):
    missing = run_dualread("topics", "--check", tmp_path / "nowhere.yaml")
    assert missing.returncode == 1
    assert "nowhere.yaml" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: fish\n  label: [unclosed\n", encoding="utf-8")
    result = run_dualread("topics", "--check", broken)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "broken.yaml" in result.stderr


def test_a_broken_topics_option_stops_the_listing_with_the_problem(run_dualread, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- id: fish\n  label: Fish\n  hints: [{fish: -1}]\n", encoding="utf-8")
    result = run_dualread("--topics", path, "topics")
    assert result.returncode == 1
    assert "topics[0].hints[0]" in result.stderr and "-1" in result.stderr


def test_control_characters_in_a_users_file_are_taken_out_not_obeyed(run_dualread, tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text('- id: odd\n  label: "Odd \\e[31m label"\n', encoding="utf-8")
    result = run_dualread("--topics", path, "topics")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "[31m" not in result.stdout
    assert "Odd  label" in result.stdout


def test_check_refuses_an_alias_bomb_in_one_line(run_dualread, tmp_path):
    levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for prev, name in zip("abcdef", "bcdefg"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")
    result = run_dualread("topics", "--check", path, timeout=60)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "bomb.yaml" in result.stderr


def test_check_accepts_families_and_flat_topics_in_one_file(run_dualread, fixtures_dir):
    path = fixtures_dir / "fisheries-families.yaml"
    result = run_dualread("topics", "--check", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: ok, 2 topics (2 new, 0 changed from the default, 16 of the default's 16 left out)"


def test_check_names_a_family_whose_example_does_not_fire_it(run_dualread, tmp_path, fixtures_dir):
    path = tmp_path / "families.yaml"
    families = (fixtures_dir / "fisheries-families.yaml").read_text(encoding="utf-8")
    path.write_text(families.replace("example: The trawler fleet stayed in port.", "example: The boats stayed in port."),
                    encoding="utf-8")
    result = run_dualread("topics", "--check", path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and "topics[fisheries].families[fleets].example" in lines[0]
    assert "'The boats stayed in port.'" in lines[0]
    # the file still works for comparisons: only --check holds examples to their word
    assert run_dualread("--topics", path, "topics").returncode == 0


def test_a_copy_of_the_default_taxonomy_passes_the_check_as_the_start_of_a_users_own(run_dualread, tmp_path):
    """Copying the shipped taxonomy is how a user begins their own; the check that refuses patterns which can
    backtrack for ever must not refuse ours."""
    from importlib import resources

    path = tmp_path / "my-topics.yaml"
    path.write_text(resources.files("comparisons.topics").joinpath("default_topics.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    result = run_dualread("topics", "--check", path)
    assert result.returncode == 0, result.stderr
    assert "ok, 16 topics (0 new, 0 changed from the default" in result.stdout


def test_checks_verdict_wraps_at_the_terminals_width(tmp_path, monkeypatch, capsys):
    # "FILE: ok, 17 topics (1 new, ...)" was one line of 81 cells and more: at 80 columns the terminal broke it
    # at its first column, mid-word. On a terminal it now wraps between words, indented; in a pipe it stays whole.
    import sys

    from rich.cells import cell_len

    from tui.cli import main

    path = tmp_path / "fisheries.yaml"
    path.write_text(FISHERIES, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--library", str(tmp_path / "lib"), "topics", "--check", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    assert " ".join(" ".join(lines).split()) == (f"{path}: ok, 17 topics (1 new, 1 changed from the default, "
                                                 "0 of the default's 16 left out)")
    assert all(line.startswith("  ") for line in lines[1:]) and len(lines) > 1
