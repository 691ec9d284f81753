"""The taxonomy loader: the default topics, user files that extend or replace them, and a clear error per mistake."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from comparisons.errors import ComparisonError
from comparisons.topics.taxonomy import default_taxonomy, load_taxonomy, repeats_a_repeat, taxonomy_for

SPEC_IDS = ("sanctions", "de-escalation", "talks", "security-guarantees", "nato", "ukraine", "arms-control", "cyber",
            "regional", "bilateral", "economy", "humanitarian", "human-rights", "taiwan", "global", "leader-contacts")


def write(tmp_path: Path, text: str, name: str = "topics.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_for(path: Path) -> ComparisonError:
    with pytest.raises(ComparisonError) as caught:
        load_taxonomy(path)
    return caught.value


def test_default_taxonomy_has_every_spec_topic_with_label_description_and_signals():
    taxonomy = default_taxonomy()
    assert set(SPEC_IDS) <= set(taxonomy.ids)
    for topic in taxonomy.topics:
        assert topic.label and topic.description, topic.id
        assert topic.signals, topic.id
    assert taxonomy.label("de-escalation") == "De-escalation"
    assert taxonomy.get("no-such-topic") is None
    assert taxonomy.label("no-such-topic") == "no-such-topic"


def test_without_a_file_the_default_is_in_force():
    assert taxonomy_for(None) is default_taxonomy()


def test_a_file_without_extends_replaces_the_default(tmp_path):
    path = write(tmp_path, """\
        - id: fisheries
          label: Fisheries
          description: Fishing quotas and fleets.
          keywords: [fish*, quota*]
        - id: weather
          label: Weather
          hints: [storm*, flood*]
        """)
    taxonomy = taxonomy_for(path)
    assert taxonomy.ids == ("fisheries", "weather")
    assert taxonomy.source == str(path)
    assert taxonomy.get("weather").keywords[0].weight == 0.5


def test_extends_default_adds_new_topics_after_the_default_ones_and_replaces_by_id_in_place(tmp_path):
    path = write(tmp_path, """\
        extends: default
        topics:
          - id: fisheries
            label: Fisheries
            keywords: [fish*]
          - id: sanctions
            label: Penalties
            keywords: [penalt*]
        """)
    taxonomy = load_taxonomy(path)
    default_ids = default_taxonomy().ids
    assert taxonomy.ids == (*default_ids, "fisheries")
    assert taxonomy.label("sanctions") == "Penalties"
    assert [s.text for s in taxonomy.get("sanctions").keywords] == ["penalt*"]
    assert taxonomy.get("talks") == default_taxonomy().get("talks")


def test_a_signal_can_carry_its_own_weight(tmp_path):
    path = write(tmp_path, """\
        - id: fisheries
          label: Fisheries
          keywords: [fish*, {trawler*: 0.25}]
          patterns: ['\\bcatch(?:es)?\\s+limits?\\b']
        """)
    topic = load_taxonomy(path).get("fisheries")
    assert [(s.text, s.weight) for s in topic.keywords] == [("fish*", 1.0), ("trawler*", 0.25)]
    assert topic.patterns[0].kind == "pattern"


def test_fingerprint_is_stable_for_the_same_content_and_changes_when_a_topic_changes(tmp_path):
    text = """\
        - id: fisheries
          label: Fisheries
          keywords: [fish*]
        """
    first = load_taxonomy(write(tmp_path, text, "a.yaml")).fingerprint()
    assert load_taxonomy(write(tmp_path, text, "b.yaml")).fingerprint() == first
    changed_weight = load_taxonomy(write(tmp_path, text.replace("fish*]", "{fish*: 0.5}]"), "c.yaml"))
    assert changed_weight.fingerprint() != first
    changed_label = load_taxonomy(write(tmp_path, text.replace("label: Fisheries", "label: Fishing"), "d.yaml"))
    assert changed_label.fingerprint() != first
    assert default_taxonomy().fingerprint() != first


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("- id: fisheries\n  label: Fisheries\n- id: fisheries\n  label: Fish again\n", "topics[1].id",
         "duplicate"),
        ("- id: Fisheries!\n  label: Fisheries\n", "topics[0].id", "a-z"),
        ("- label: Fisheries\n", "topics[0].id", "missing"),
        ("- id: fisheries\n  description: no label here\n", "topics[0].label", "missing label"),
        ("- id: fisheries\n  label: [not, text]\n", "topics[0].label", "non-empty text"),
        ("- id: fisheries\n  label: Fisheries\n  keywords: fish\n", "topics[0].keywords", "expected a list"),
        ("- id: fisheries\n  label: Fisheries\n  keywords: [fish, 42]\n", "topics[0].keywords[1]", "non-empty text"),
        ("- id: fisheries\n  label: Fisheries\n  keywords: [{fish: heavy}]\n", "topics[0].keywords[0]", "weight"),
        ("- id: fisheries\n  label: Fisheries\n  patterns: ['(unclosed']\n", "topics[0].patterns[0]",
         "regular expression"),
        ("- id: fisheries\n  label: Fisheries\n  patterns: ['x*']\n", "topics[0].patterns[0]", "empty text"),
        ("- id: fisheries\n  label: Fisheries\n  exclude: ['[a-']\n", "topics[0].exclude[0]", "regular expression"),
        # A library's taxonomy is untrusted: a pattern that backtracks for ever would hang every command on it.
        ("- id: fisheries\n  label: Fisheries\n  patterns: ['(\\w+\\s?)+x$']\n", "topics[0].patterns[0]",
         "take forever"),
        ("- id: fisheries\n  label: Fisheries\n  exclude: ['(?:a*b)+c']\n", "topics[0].exclude[0]", "take forever"),
        ("- id: fisheries\n  label: Fisheries\n  keyword: [fish]\n", "topics[0].keyword", "unknown field"),
        ("- just a string\n", "topics[0]", "expected a topic"),
        ("extends: everything\ntopics: []\n", "extends", "only be 'default'"),
        ("extends: default\n", "topics", "missing"),
        ("topics: {id: fisheries}\n", "topics", "expected a list"),
        ("[]\n", "topics", "at least one topic"),
    ],
)
def test_each_mistake_is_named_by_file_field_and_value(tmp_path, text, field, words):
    path = write(tmp_path, text)
    error = error_for(path)
    message = str(error)
    assert error.file == str(path)
    assert error.field == field
    assert words in message
    assert str(path) in message and field in message
    assert "\n" not in message


def test_the_wrong_value_is_quoted_in_the_message(tmp_path):
    path = write(tmp_path, "- id: fisheries\n  label: Fisheries\n  patterns: ['(?P<x']\n")
    assert "'(?P<x'" in str(error_for(path))
    path = write(tmp_path, "- id: Fish Stocks\n  label: Fisheries\n")
    assert "'Fish Stocks'" in str(error_for(path))


def test_unreadable_files_are_refused_with_the_file_named(tmp_path):
    from readouts.errors import DualreadError

    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(DualreadError) as caught:
        load_taxonomy(missing)
    assert str(missing) in str(caught.value)
    broken = write(tmp_path, "- id: fisheries\n  label: [unclosed\n", "broken.yaml")
    with pytest.raises(DualreadError) as caught:
        load_taxonomy(broken)
    assert str(broken) in str(caught.value)


FAMILIES = """\
    - id: fisheries
      label: Fisheries
      keywords: [fish*]
      families:
        - name: fleets
          why: Boats that fish, named as such.
          example: [The trawler fleet stayed in port., Рыболовный флот остался в порту.]
          keywords: [trawler*, рыболовн* флот*]
          patterns: ['\\bfleets?\\s+of\\s+trawlers\\b']
        - name: quotas
          why: Limits on the catch.
          example: Both sides set quotas for the catch of cod.
          hints: [quota*, catch]
          context: [limits]
    """


def test_signals_grouped_in_families_count_as_a_topics_own_and_keep_their_family(tmp_path):
    topic = load_taxonomy(write(tmp_path, FAMILIES)).get("fisheries")
    assert [(s.text, s.weight, s.family) for s in topic.keywords] == [
        ("fish*", 1.0, ""), ("trawler*", 1.0, "fleets"), ("рыболовн* флот*", 1.0, "fleets"),
        ("quota*", 0.5, "quotas"), ("catch", 0.5, "quotas")]
    assert [(s.kind, s.family) for s in topic.patterns] == [("pattern", "fleets")]
    assert [(s.text, s.family) for s in topic.context] == [("limits", "quotas")]
    assert [f.name for f in topic.families] == ["fleets", "quotas"]
    fleets = topic.family("fleets")
    assert fleets.why == "Boats that fish, named as such."
    assert fleets.example == ("The trawler fleet stayed in port.", "Рыболовный флот остался в порту.")
    assert topic.family("quotas").example == ("Both sides set quotas for the catch of cod.",)


def test_renaming_a_family_changes_the_fingerprint_but_its_why_does_not(tmp_path):
    first = load_taxonomy(write(tmp_path, FAMILIES, "a.yaml")).fingerprint()
    renamed = FAMILIES.replace("name: quotas", "name: catch-limits")
    assert load_taxonomy(write(tmp_path, renamed, "b.yaml")).fingerprint() != first
    reworded = FAMILIES.replace("Limits on the catch.", "How much may be caught.")
    assert load_taxonomy(write(tmp_path, reworded, "c.yaml")).fingerprint() == first


@pytest.mark.parametrize(
    ("family", "field", "words"),
    [
        ("- keywords: [fish]", "topics[0].families[0].name", "missing family name"),
        ("- name: Big Fleets\n      keywords: [fish]", "topics[0].families[0].name", "a-z"),
        ("- name: fleets\n      keyword: [fish]", "topics[0].families[0].keyword", "unknown field"),
        ("- name: fleets\n      example: {a: b}", "topics[0].families[0].example", "a sentence"),
        ("- name: fleets\n      why: [a, b]", "topics[0].families[0].why", "a text"),
        ("- name: fleets\n      patterns: ['(x']", "topics[0].families[0].patterns[0]", "regular expression"),
        ("- name: fleets\n    - name: fleets", "topics[0].families[1].name", "duplicate family"),
        ("- just words", "topics[0].families[0]", "expected a family"),
    ],
)
def test_each_mistake_in_a_family_is_named_by_its_field(tmp_path, family, field, words):
    text = f"- id: fisheries\n  label: Fisheries\n  families:\n    {family}\n"
    error = error_for(write(tmp_path, text))
    assert error.field == field
    assert words in str(error)


def test_every_default_signal_belongs_to_a_family_with_a_why_and_an_example():
    for topic in default_taxonomy().topics:
        families = {f.name: f for f in topic.families}
        for signal in (*topic.signals, *topic.context):
            assert signal.family in families, (topic.id, signal.text)
        for family in topic.families:
            assert len(family.why.split()) >= 5, (topic.id, family.name)
            assert family.example, (topic.id, family.name)


def test_every_default_example_fires_its_family_and_gives_its_topic():
    from comparisons.topics.examples import example_problems

    assert example_problems(default_taxonomy()) == []


def test_an_example_that_its_family_does_not_fire_is_named(tmp_path):
    from comparisons.topics.examples import check_examples, example_problems

    path = write(tmp_path, """\
        - id: fisheries
          label: Fisheries
          families:
            - name: fleets
              why: Boats that fish.
              example: The weather was fine.
              keywords: [trawler*]
            - name: quotas
              why: Limits on the catch.
              example: They set a quota.
              hints: [quota*, catch]
        """)
    taxonomy = load_taxonomy(path)
    problems = example_problems(taxonomy)
    assert [(p.family, p.example) for p in problems] == [("fleets", "The weather was fine."),
                                                          ("quotas", "They set a quota.")]
    assert "do not find" in problems[0].problem
    assert "0.5 of the 1" in problems[1].problem
    with pytest.raises(ComparisonError) as caught:
        check_examples(taxonomy, file=path)
    assert caught.value.field == "topics[fisheries].families[fleets].example"
    assert "The weather was fine." in str(caught.value) and "1 more" in str(caught.value)


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(?:\w+\s*)*end", r"(?:x*y){2,}", r"((a+)b)+"])
def test_a_group_repeated_around_a_repeat_is_read_as_backtracking(pattern):
    assert repeats_a_repeat(pattern)


@pytest.mark.parametrize("pattern", [r"\b(?:\w+\s+){0,3}talks", r"(?:ab)+", r"(a|b)*c", r"\(a+\)+", r"[(+]+x"])
def test_bounded_or_simple_repeats_are_allowed(pattern):
    assert not repeats_a_repeat(pattern)
