"""review.yaml: written readable, read back the same, and every bad file refused in one line naming file, field and
value (a library may come from someone else)."""

from __future__ import annotations

import pytest

from comparisons.errors import ComparisonError
from comparisons.review.decisions import ClaimRef, Decision, Review
from comparisons.review.reviewfile import review_from_text, review_to_text
from readouts.library import Library

from review_fixtures import PAIR_ID

PAIR = Library("/nonexistent").load(PAIR_ID)
WH, KR = PAIR.side("white-house").text, PAIR.side("kremlin").text


def ref(side: str, text: str) -> ClaimRef:
    full = PAIR.side(side).text
    start = full.index(text)
    return ClaimRef(side, start, start + len(text), text)


A = ref("white-house", "The conversation lasted about two hours.")
B = ref("kremlin", "The conversation lasted a little over two hours.")


def test_a_review_written_reads_back_the_same_and_says_what_it_is():
    review = Review((
        Decision("confirm", (A, B), by="ana", at="2024-05-01T10:00:00Z"),
        Decision("conflict", (A, B), note="two hours vs a little over: [bold]not markup[/]", by="ana",
                 at="2024-05-01T10:01:00Z"),
    ), PAIR_ID)
    text = review_to_text(review, PAIR_ID)
    assert text.startswith("# dualread review of " + PAIR_ID)
    assert "docs/review.md" in text
    assert "action: confirm" in text and "side: white-house" in text and "The conversation lasted" in text
    assert review_from_text(text, PAIR, "review.yaml") == review


def test_an_empty_file_is_an_empty_review():
    assert review_from_text("", PAIR, "r.yaml").decisions == ()
    assert review_from_text("decisions: []\n", PAIR, "r.yaml").decisions == ()


def claim_yaml(side="white-house", start=A.start, end=A.end, text=A.text) -> str:
    return f"      - {{side: {side}, start: {start}, end: {end}, text: {text!r}}}\n"


def doc(*decisions: str) -> str:
    return "schema: dualread/review@1\npair: " + PAIR_ID + "\ndecisions:\n" + "".join(decisions)


def decision(action: str, *claims: str, extra: str = "") -> str:
    return f"  - action: {action}\n{extra}    claims:\n" + "".join(claims)


A_YAML = claim_yaml()
B_YAML = claim_yaml("kremlin", B.start, B.end, B.text)

BAD = {
    "not YAML": ("decisions: [unclosed\n", None, None),
    "a list": ("- 1\n- 2\n", None, "list"),
    "unknown top key": ("decisons: []\n", "decisons", None),
    "other schema": ("schema: dualread/review@9\n", "schema", "dualread/review@9"),
    "other pair": ("pair: 2020-01-01-another\n", "pair", "2020-01-01-another"),
    "decisions not a list": ("decisions: {a: 1}\n", "decisions", "dict"),
    "unknown action": (doc(decision("merge", A_YAML, B_YAML)), "decisions[0].action", "merge"),
    "no claims": (doc("  - action: confirm\n"), "decisions[0].claims", None),
    "side no longer in the pair": (doc(decision("unlink", claim_yaml("press"))), "decisions[0].claims[0].side", "press"),
    "offsets not the text's": (doc(decision("unlink", claim_yaml(end=A.end + 5))), "decisions[0].claims[0].end",
                               A.end + 5),
    "negative start": (doc(decision("unlink", claim_yaml(start=-1))), "decisions[0].claims[0].start", -1),
    "empty text": (doc(decision("unlink", claim_yaml(start=0, end=0, text=""))), "decisions[0].claims[0].text", ""),
    "claim named twice in one decision": (doc(decision("link", A_YAML, B_YAML, A_YAML)), "decisions[0].claims[2]",
                                          A.place),
    "claim named by two decisions": (doc(decision("confirm", A_YAML, B_YAML), decision("unlink", A_YAML)),
                                     "decisions[1].claims[0]", A.place),
    "link of one side": (doc(decision("link", A_YAML, claim_yaml(start=0, end=len(WH.split("\n")[0]),
                                                                 text=WH.split("\n")[0]))),
                         "decisions[0].claims", "white-house"),
    "distinct of one claim": (doc(decision("distinct", A_YAML)), "decisions[0].claims", 1),
    "same distinct twice": (doc(decision("distinct", A_YAML, B_YAML), decision("distinct", B_YAML, A_YAML)),
                            "decisions[1].claims", None),
    "unknown decision key": (doc(decision("unlink", A_YAML, extra="    notes: typo\n")), "decisions[0].notes", None),
    "note not text": (doc(decision("conflict", A_YAML, B_YAML, extra="    note: [1, 2]\n")), "decisions[0].note",
                      None),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_review_file_is_one_line_naming_file_field_and_value(case):
    text, field, value = BAD[case]
    with pytest.raises(ComparisonError) as caught:
        review_from_text(text, PAIR, "lib/pair/review.yaml")
    error = caught.value
    line = str(error)
    assert "\n" not in line
    assert error.file == "lib/pair/review.yaml" and line.startswith("lib/pair/review.yaml")
    if field is not None:
        assert error.field == field and f"field '{field}'" in line
    if value is not None:
        assert str(value) in line


def test_a_hand_typed_timestamp_reads_as_text():
    text = doc(decision("unlink", A_YAML, extra="    at: 2024-05-01 10:00:00\n    by: ana\n"))
    (only,) = review_from_text(text, PAIR, "r.yaml").decisions
    assert only.at.startswith("2024-05-01") and only.by == "ana"
