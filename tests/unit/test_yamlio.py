"""Safe YAML: plain data only, hostile files refused with a line naming the file, key order kept on output."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from readouts import ReadoutError, dump_yaml, load_yaml, loads_yaml
from readouts.yamlio import MAX_EXPANDED_NODES

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(11)]
)


def test_plain_data_loads():
    data = loads_yaml("id: x\ndate: 2021-12-30\nsides: [a, b]\n")
    assert data == {"id": "x", "date": dt.date(2021, 12, 30), "sides": ["a", "b"]}


def test_python_tags_are_refused_not_executed(tmp_path):
    path = tmp_path / "pair.yaml"
    path.write_text("x: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    with pytest.raises(ReadoutError) as info:
        load_yaml(path)
    assert str(path) in str(info.value)
    assert not (tmp_path / "pwned").exists()


def test_alias_bomb_is_refused(tmp_path):
    # 9**12 nodes once expanded: a loader that expanded it would never return.
    path = tmp_path / "pair.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(ReadoutError, match="alias"):
        load_yaml(path)


def test_a_few_aliases_are_fine():
    data = loads_yaml("base: &b {language: en}\none: *b\ntwo: *b\n")
    assert data["one"] == data["two"] == {"language": "en"}


def test_expansion_limit_counts_aliases_not_text():
    wide = "a: &a [" + ", ".join(["1"] * 1000) + "]\nb: [" + ", ".join(["*a"] * (MAX_EXPANDED_NODES // 1000 + 1)) + "]"
    with pytest.raises(ReadoutError, match="alias"):
        loads_yaml(wide)


def test_self_referring_alias_is_refused():
    with pytest.raises(ReadoutError, match="refers to"):
        loads_yaml("&a [1, *a]")


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "pair.yaml"
    path.write_text("id: x\nsides: [a, b\nevent: y\n", encoding="utf-8")
    with pytest.raises(ReadoutError) as info:
        load_yaml(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "line" in message and "\n" not in message


def test_many_deeply_nested_brackets_are_refused_before_parsing():
    # Parsers pay the nesting depth on every token: thousands of 100-deep lists would take minutes to load.
    hostile = "[" + ("[" * 100 + "]" * 100 + ", ") * 5000 + "1]"
    with pytest.raises(ReadoutError, match="nested more than"):
        loads_yaml(hostile)


def test_brackets_and_apostrophes_in_text_do_not_count_as_nesting():
    text = ("event: \"Biden's call [" + "[" * 80 + "]\"\n"
            "note: Russia's '[' and {curly} words\n"
            "# a comment with " + "[" * 80 + "\n"
            "sides: [[a, b], {key: c}]\n")
    data = loads_yaml(text)
    assert data["event"].startswith("Biden's call [[[") and data["sides"] == [["a", "b"], {"key": "c"}]


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(ReadoutError):
        loads_yaml("[" * 5000)
    with pytest.raises(ReadoutError):
        loads_yaml("- " * 5000 + "x")


def test_non_utf8_and_oversized_files_are_refused(tmp_path):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("event: Niinist\xf6\n".encode("latin-1"))
    with pytest.raises(ReadoutError, match="UTF-8"):
        load_yaml(latin)
    big = tmp_path / "big.yaml"
    big.write_text("x: " + "y" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(ReadoutError, match="too large"):
        load_yaml(big, max_bytes=1000)
    with pytest.raises(ReadoutError, match="no such file"):
        load_yaml(tmp_path / "absent.yaml")


def test_dump_keeps_order_and_unicode_and_round_trips():
    shared = {"language": "en"}
    data = {"id": "p", "event": "Biden–Putin call — «talks»", "date": dt.date(2021, 12, 30),
            "sides": [shared, shared], "extra": MappingProxyType({"z": 1, "a": 2}), "language": "no"}
    text = dump_yaml(data)
    assert text.index("id:") < text.index("event:") < text.index("date:") < text.index("sides:")
    assert "Biden–Putin call — «talks»" in text
    assert "date: 2021-12-30" in text
    assert "&" not in text and "*" not in text
    assert text.index("\n  z: 1") < text.index("\n  a: 2")
    back = loads_yaml(text)
    assert back["language"] == "no" and back["extra"] == {"z": 1, "a": 2} and back["sides"][1] == shared


def test_libyaml_parses_when_pyyaml_has_it_and_the_guards_still_hold():
    """The fast C loader is used where PyYAML was built with libyaml; the alias-bomb guard sits on top of it."""
    import yaml

    from readouts import yamlio

    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(yamlio._GuardedLoader, yaml.CSafeLoader)
    with pytest.raises(ReadoutError, match="alias"):
        loads_yaml(BILLION_LAUGHS)


def test_the_readouts_package_loads_yaml_only_when_asked():
    """Every command imports ``readouts.errors``; only those that read YAML should pay for PyYAML."""
    import subprocess
    import sys

    code = ("import sys, readouts.errors, readouts.model\n"
            "assert 'yaml' not in sys.modules and 'readouts.library' not in sys.modules, sorted(sys.modules)\n"
            "from readouts import load_yaml, Library, segment\n"
            "assert 'yaml' in sys.modules and callable(segment)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_date_that_is_not_in_the_calendar_is_named_with_its_line():
    with pytest.raises(ReadoutError) as raised:
        loads_yaml("id: x\ndate: 2021-02-30\n", source="pair.yaml")
    message = str(raised.value)
    assert message.startswith("pair.yaml") and "line 2" in message and "2021-02-30" in message
    assert loads_yaml("a: &d 2024-02-29\nb: *d\n") == {"a": dt.date(2024, 2, 29), "b": dt.date(2024, 2, 29)}
