"""Speaker attribution: who a readout says made each point."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.model import BOTH, Participant
from readouts.people import people
from readouts.segment import segment
from readouts.speakers import attribute

SMITH = Participant("Anna Smith", ("Smith", "President Smith"))
JONES = Participant("Robert Jones", ("Jones", "Prime Minister Jones", "the British side"))


def speakers(text: str, participants=()) -> list[tuple[str, str | None]]:
    segs = segment(text)
    return [(text[s.start : s.end].split()[0], who) for s, who in zip(segs, attribute(text, segs, participants))]


def test_participants_and_aliases_name_the_speaker():
    text = (
        "Readout\n\n"
        "President Smith spoke with Prime Minister Jones on Jan. 5. Jones stressed that trade matters. "
        "The two leaders agreed to meet again. The call lasted an hour."
    )
    # The call itself ("Smith spoke with Jones") is both leaders' act, not a point of Smith's.
    assert [who for _, who in speakers(text, [SMITH, JONES])] == [BOTH, "Robert Jones", BOTH, None]


def test_pronouns_continue_the_last_speaker_and_they_means_both():
    text = (
        "Readout\n\n"
        "Prime Minister Jones welcomed the call. He raised the fishing dispute. "
        "President Smith and Prime Minister Jones discussed energy. They agreed to set up a working group. "
        "She thanked her host."
    )
    got = [who for _, who in speakers(text, [SMITH, JONES])]
    assert got == ["Robert Jones", "Robert Jones", BOTH, BOTH, "Robert Jones"]


def test_introductory_phrases_are_skipped_to_find_the_subject():
    text = (
        "Readout\n\n"
        "On energy, President Smith underscored the need for new pipelines. "
        "In this context, Robert Jones noted the risks. "
        "According to President Smith, the talks went well."
    )
    assert [who for _, who in speakers(text, [SMITH, JONES])] == ["Anna Smith", "Robert Jones", "Anna Smith"]


def test_narrator_sentences_have_no_speaker():
    text = (
        "Readout\n\n"
        "The conversation focused on shipping. It was confirmed that talks would follow. "
        "Smith’s advisers prepared the agenda. Both countries’ ministers will meet in May."
    )
    assert [who for _, who in speakers(text, [SMITH, JONES])] == [None, None, None, None]


def test_subject_is_who_reports_not_who_is_mentioned_later():
    text = "Readout\n\nPrime Minister Jones gave a detailed reply to the concerns raised by President Smith."
    assert [who for _, who in speakers(text, [SMITH, JONES])] == ["Robert Jones"]


def test_someone_who_is_not_a_participant_is_not_a_speaker():
    text = "Readout\n\nMinister Lee Brown will visit the capital next month. President Smith welcomed the plan."
    assert [who for _, who in speakers(text, [SMITH, JONES])] == [None, "Anna Smith"]


def test_sides_and_countries_in_participant_aliases():
    text = "Readout\n\nThe British side proposed a ceasefire. Both sides welcomed the proposal."
    assert [who for _, who in speakers(text, [SMITH, JONES])] == ["Robert Jones", BOTH]


# -- without participants: people come from the text ---------------------------------------------------------

_WITHOUT = (
    "Call between President Maria Lopez of Freedonia and President Ivan Petrov\n\n"
    "President Ivan K. Petrov, Jr. spoke today with President Maria Lopez of Freedonia. "
    "President Petrov urged Freedonia to reduce troops near the border. "
    "He warned of a firm response. "
    "Maria Lopez replied that the troops were on exercises. "
    "The President also raised the fate of detained sailors. "
    "The two presidents agreed that their ministers would meet in Geneva. "
    "The call lasted ninety minutes."
)


def test_people_are_found_and_named_by_the_fullest_name_given():
    assert people(_WITHOUT) == ["Maria Lopez", "Ivan K. Petrov, Jr."]


def test_speakers_without_participants():
    got = [who for _, who in speakers(_WITHOUT)]
    assert got == [
        BOTH,  # the opening reports the call between the two
        "Ivan K. Petrov, Jr.",
        "Ivan K. Petrov, Jr.",
        "Maria Lopez",
        "Ivan K. Petrov, Jr.",  # unqualified "the President": the one the readout does not qualify by country
        BOTH,
        None,
    ]


def test_titles_resolve_by_country_and_sides():
    text = (
        "Talks\n\n"
        "Pavel Orlov had a telephone conversation with President of Freedonia Maria Lopez. "
        "The Freedonian President thanked him. "
        "The President of Freedonia raised the grain deal. "
        "Pavel Orlov, for his part, noted progress. "
        "The leaders agreed to keep in touch."
    )
    got = [who for _, who in speakers(text)]
    assert got == [BOTH, None, "Maria Lopez", "Pavel Orlov", BOTH]


def test_a_side_told_what_it_should_do_is_addressed_not_the_speaker():
    wen = Participant("Li Wen", ("Wen", "President Wen"))
    text = (
        "Readout\n\n"
        "President Wen spoke with Prime Minister Jones. Wen stressed that the island question is a core interest. "
        "The British side should handle it with prudence. The British side must not send the wrong signal. "
        "The British side welcomed the call."
    )
    # Beijing-style "The X side should ..." is the demand of whoever spoke before, not X's own point.
    got = [who for _, who in speakers(text, [wen, JONES])]
    assert got == [BOTH, "Li Wen", "Li Wen", "Li Wen", "Robert Jones"]


def test_prime_ministers_joined_by_and_are_both():
    text = (
        "PM call\n\n"
        "Today, the Prime Minister, Tom Reed, spoke with Ann Gray, Prime Minister of Ruritania. "
        "Prime Minister Reed and Prime Minister Gray expressed condolences. "
        "The prime ministers spoke about the region."
    )
    assert [who for _, who in speakers(text)] == [BOTH, BOTH, BOTH]


def test_russian_names_in_any_case_are_one_person():
    text = (
        "Телефонный разговор с Президентом США Джоном Смитом\n\n"
        "Состоялся телефонный разговор Ивана Петрова с Президентом США Джоном Смитом. "
        "Главы государств обсудили обмен заключёнными. "
        "Президент США заверил, что договорённости будут выполнены. "
        "Иван Петров, со своей стороны, отметил важность диалога. "
        "Он пригласил гостя в Москву. "
        "Иван Петров и Джон Смит договорились продолжить контакты."
    )
    assert set(people(text)) == {"Джон Смит", "Иван Петров"}
    got = [who for _, who in speakers(text)]
    assert got == [None, BOTH, "Джон Смит", "Иван Петров", "Иван Петров", BOTH]


def test_countries_that_agree_together_are_both():
    text = "Outcomes\n\n- Canada and the United States agreed to reopen ports.\n- The United States will help."
    assert [who for _, who in speakers(text)] == [BOTH, None]


def test_one_speaker_per_segment_even_for_empty_input():
    assert attribute("", [], ()) == []
    text = "T\n\nA. B. C."
    assert len(attribute(text, segment(text), ())) == len(segment(text))


def test_a_call_or_meeting_between_two_people_is_both_of_theirs_and_he_is_still_its_subject():
    text = (
        "Readout\n\n"
        "President Smith spoke today with Prime Minister Jones. He raised the fishing dispute. "
        "Prime Minister Jones met with the Foreign Minister of Ruritania. President Smith spoke about energy."
    )
    assert [who for _, who in speakers(text, [SMITH, JONES])] == [BOTH, "Anna Smith", "Robert Jones", "Anna Smith"]


def test_i_in_a_leaders_own_post_is_the_participant_the_post_never_names():
    text = (
        "My day in Ruritania\n\n"
        "Today I am in the capital. I held talks with Prime Minister Jones. I thanked our hosts for the support. "
        "The talks were long."
    )
    # "held talks with" Jones is a meeting of both; the other first-person claims are the author's.
    assert [who for _, who in speakers(text, [SMITH, JONES])] == ["Anna Smith", BOTH, "Anna Smith", None]


def test_i_has_no_speaker_when_the_author_is_not_one_unnamed_participant():
    # A third-person readout names both leaders: an "I" in it is nobody the engine can tell.
    both_named = "Readout\n\nPresident Smith spoke with Prime Minister Jones. I was told the call was long."
    assert [who for _, who in speakers(both_named, [SMITH, JONES])] == [BOTH, None]
    post = "My day\n\nI held talks in the capital."
    assert [who for _, who in speakers(post)] == [None]


def test_time_phrases_and_several_introductory_phrases_are_skipped():
    text = (
        "Readout\n\n"
        "This morning President Smith held a call with Prime Minister Jones. "
        "On the evening of May 2, local time, Prime Minister Jones thanked her. "
        "Talks between Anna Smith and Robert Jones took place in Oslo."
    )
    assert [who for _, who in speakers(text, [SMITH, JONES])] == [BOTH, "Robert Jones", None]


_words = st.sampled_from(
    ["President", "Smith", "Jones", "Anna", "the", "two", "leaders", "He", "They", "said", "and", ",", ".", "of",
     "Russia", "side", "US", "Prime", "Minister", "Jr.", "R.", "Президент", "России", "Путин", "Они", "\n\n",
     "\n- ", "1.", "During", "In", "В", "ходе"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_words, max_size=60).map(" ".join), st.booleans())
def test_every_segment_gets_a_participant_both_or_the_narrator(text, with_participants):
    participants = [SMITH, JONES] if with_participants else []
    segs = segment(text)
    got = attribute(text, segs, participants)
    assert len(got) == len(segs)
    allowed = {None, BOTH, *(p.name for p in participants)} if with_participants else None
    if allowed is not None:
        assert set(got) <= allowed
    else:
        assert set(got) <= {None, BOTH, *people(text)}


def test_prepositional_openings_without_commas():
    text = (
        "Заголовок\n\n"
        "В ходе телефонного разговора Президент России Иван Петров подчеркнул важность диалога. "
        "В ходе беседы были затронуты темы торговли. "
        "Собеседники договорились о новых контактах.\n\n"
        "During the call President Anna Smith stressed trade. "
        "In line with talks between President Anna Smith and President Ivan Petrov, experts met in Oslo."
    )
    assert [who for _, who in speakers(text)] == ["Иван Петров", None, BOTH, "Anna Smith", None]


def test_a_title_line_ending_in_a_name_does_not_swallow_the_name_that_opens_the_text():
    text = ("Telephone conversation with Anna Smith\n\n"
            "Pavel Orlov had a telephone conversation with President Anna Smith. "
            "Orlov warned that new tariffs would be a grave mistake. Smith raised the fishing dispute.")
    whos = [who for _, who in speakers(text)]
    assert whos[-2:] == ["Pavel Orlov", "Anna Smith"]
