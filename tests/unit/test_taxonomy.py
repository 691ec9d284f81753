"""The taxonomy loader: the default topics, user files that extend or replace them, and a clear error per mistake."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from comparisons.errors import ComparisonError
from comparisons.topics.taxonomy import default_taxonomy, load_taxonomy, taxonomy_for

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
