"""Transcripts: a briefing's questions are not the side's claims, labels are not words of a claim, answers know
their question; lines about the readout itself are not claims."""

from __future__ import annotations

import datetime as dt

import pytest

from comparisons.engine import compare
from readouts.documents import split_document
from readouts.model import Pair, Participant, Side
from readouts.turns import find_turns, is_procedural

BRIEFING = (
    "Briefing by the presidential aide after the call\n\n"
    "Presidential Aide Oleg Markov: Good afternoon. The conversation has just ended. It lasted an hour.\n\n"
    "The overview of the talk is as follows.\n\n"
    "Question: Did the presidents discuss the grain corridor?\n\n"
    "Oleg Markov: Yes. They agreed that the ships will sail again from Monday.\n\n"
    "The presidents also spoke about the Arctic.\n\n"
    "Q    Were sanctions raised?\n\n"
    "MR. MARKOV: Not in any detail. Our view of such restrictions is well known.\n"
)
READOUT = (
    "Readout of the President's call\n\n"
    "President Hale spoke today with President Sorin for an hour.\n\n"
    "The leaders agreed that grain shipments will resume on Monday.\n\n"
    "President Hale said that sanctions will remain in force.\n"
)
PEOPLE = (Participant("Amanda Hale", ("Hale", "President Hale")), Participant("Ion Sorin", ("Sorin",)))


def test_lines_opened_by_a_name_or_a_question_are_turns():
    turns = find_turns(BRIEFING)
    assert [(t.speaker, t.question) for t in turns] == [
        ("Oleg Markov", False), (None, True), ("Oleg Markov", False), (None, True), ("Markov", False)]
    first = turns[0]
    assert BRIEFING[first.body:].startswith("Good afternoon.")


@pytest.mark.parametrize("text", [
    "Readout\n\nNote: the call was requested by the Finnish side.\n\nThe leaders discussed trade.\n",
    "Readout\n\nThe President said: we will act. He added: the talks go on.\n",
    "Readout\n\nMoscow, 30 December: the presidents spoke.\n\nThe agenda: trade and energy.\n",
])
def test_an_ordinary_readout_has_no_turns(text):
    assert find_turns(text) == []


def test_questions_are_asides_and_labels_belong_to_no_claim():
    doc = split_document(Side("kremlin", BRIEFING), PEOPLE)
    questions = [a.text for a in doc.asides if a.kind == "question"]
    assert questions == ["Did the presidents discuss the grain corridor?", "Were sanctions raised?"]
    texts = [c.text for c in doc.claims]
    assert not any("Markov:" in t or "MARKOV" in t or t.startswith("Question") for t in texts)
    assert "Did the presidents discuss the grain corridor?" not in texts


def test_greetings_and_the_overview_line_are_procedural_asides():
    doc = split_document(Side("kremlin", BRIEFING), PEOPLE)
    procedural = [a.text for a in doc.asides if a.kind == "procedure"]
    assert procedural == ["Good afternoon.", "The overview of the talk is as follows."]


def test_marks_with_no_word_are_asides_not_points_only_one_side_made():
    text = ("Readout of the call\n\nPresident Hale spoke today with President Sorin.\n\n<…>\n\n"
            "The leaders agreed to stay in touch.\n\n###\n")
    doc = split_document(Side("white-house", text), PEOPLE)
    assert [c.text for c in doc.claims] == ["President Hale spoke today with President Sorin.",
                                           "The leaders agreed to stay in touch."]
    assert [(a.text, a.kind) for a in doc.asides] == [("<…>", "procedure"), ("###", "procedure")]


def test_an_answer_knows_its_question_and_a_bare_yes_opens_its_point():
    doc = split_document(Side("kremlin", BRIEFING), PEOPLE)
    ships = next(c for c in doc.claims if "ships" in c.text)
    assert ships.text == "Yes. They agreed that the ships will sail again from Monday."
    assert ships.answers == "Did the presidents discuss the grain corridor?"
    # The turn's next paragraph moves on to another point: it answers nothing.
    arctic = next(c for c in doc.claims if "Arctic" in c.text)
    assert arctic.answers is None


def test_a_claim_without_a_speaker_of_its_own_is_the_turns_speaker():
    doc = split_document(Side("kremlin", BRIEFING), PEOPLE)
    ended = next(c for c in doc.claims if "just ended" in c.text)
    assert ended.speaker == "Oleg Markov"


def test_i_in_a_turn_is_the_turns_speaker_not_the_leader_the_briefing_never_names():
    # The aide's briefing names the guest (Sorin) but never its own president by name: "I" is still the aide's.
    briefing = (
        "Briefing by the presidential aide\n\n"
        "Oleg Markov: The President spoke with President Sorin for an hour. I would add that the tone was good.\n\n"
        "Question: Was a meeting discussed?\n\n"
        "Oleg Markov: I cannot say more today.\n"
    )
    doc = split_document(Side("kremlin", briefing), PEOPLE)
    speakers = {c.text: c.speaker for c in doc.claims}
    assert speakers["I would add that the tone was good."] == "Oleg Markov"
    assert speakers["I cannot say more today."] == "Oleg Markov"


def test_an_answer_links_on_its_questions_words_and_a_question_never_links():
    pair = Pair("t", "Call", dt.date(2025, 1, 1), (Side("white-house", READOUT), Side("kremlin", BRIEFING)), PEOPLE)
    comp = compare(pair)
    kremlin = {c.id: c for c in comp.documents[1].claims}
    linked = {c for link in comp.links for c in link.claims}
    # "Not in any detail" says nothing of sanctions; the question it answers does.
    detail = next(cid for cid, c in kremlin.items() if c.text.startswith("Not in any detail"))
    sanctions = next(l for l in comp.links if detail in l.claims)
    assert any("sanctions will remain" in comp.claim(c).text for c in sanctions.claims)
    assert all("?" not in comp.claim(c).text for c in linked)


def test_an_answer_with_no_topic_of_its_own_is_about_what_its_question_asked():
    comp = compare(Pair("t", "Call", dt.date(2025, 1, 1),
                        (Side("white-house", READOUT), Side("kremlin", BRIEFING)), PEOPLE))
    kremlin = {c.text: c.id for c in comp.documents[1].claims}
    detail = kremlin["Not in any detail."]
    # A reader browsing the sanctions topic must find the aide's answer on sanctions.
    assert "sanctions" in comp.claim_topics[detail]
    why = comp.topic_evidence[detail]["sanctions"]
    assert why == ('answers the question "Were sanctions raised?"',)
    # An answer that names its own subject keeps its own topics.
    ships = kremlin["Yes. They agreed that the ships will sail again from Monday."]
    assert "sanctions" not in comp.claim_topics[ships]


@pytest.mark.parametrize("sentence, procedural", [
    ("The overview of the talk is as follows.", True),
    ("Below is the full text:", True),
    ("The following was discussed:", True),
    ("Thank you very much.", True),
    # a spoken greeting opens a transcript's first turn; read as a claim it became the side's opening point
    ("Well, good afternoon, everyone.", True),
    ("Okay, thank you all for coming.", True),
    ("Good morning, ladies and gentlemen.", True),
    ("So, the presidents agreed to meet again.", False),
    # a State Department readout's line naming whose words follow is not a point of the side
    ("The below is attributable to Spokesperson Anna Reyes:", True),
    ("The following is attributable to NSC Spokesperson Tom Hale:", True),
    ("The claims attributable to the militia were discussed.", False),
    ("The presidents discussed the following issues: trade, energy and climate.", False),
    ("The summary of the talks will be published on Monday in Geneva by both delegations after they meet.", False),
    # marks with no word: a press release's end, a transcript's elision, a break between parts
    ("###", True),
    ("<…>", True),
    ("[...]", True),
    ("* * *", True),
    ("Point 3.", False),
    ("2.", False),
    # the web page a readout was copied from
    ("Related: President's remarks at the summit\nShare this: https://example.org/x\nPhoto: Ivan Petrov", True),
    ("Tags: Russia, USA", True),
    ("https://www.example.org/readout", True),
    ("© 2026 Ministry of Foreign Affairs", True),
    ("Photo opportunities were discussed: the leaders will meet the press.", False),
    ("Related issues of trade were also raised.", False),
    ("Related: President's remarks\nThe leaders agreed to meet again in May.", False),
])
def test_procedural_lines_are_told_from_points(sentence, procedural):
    assert is_procedural(sentence) is procedural
