"""Topic tagging: what a reader would tag each claim with, sentence by sentence and in context.

The sentences are written for these tests, in the register of official readouts.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from comparisons.topics.taxonomy import default_taxonomy, load_taxonomy
from comparisons.topics.tagging import score_text, tag_document
from readouts.model import Claim, Document, Side


def document(*sentences: str, key: str = "norland", one_paragraph: bool = False) -> Document:
    """One side whose claims are the given sentences, with exact offsets into the joined text: each sentence a
    paragraph of its own, or all of them one paragraph."""
    text, claims = "", []
    for index, sentence in enumerate(sentences):
        start = len(text)
        text += sentence + " "
        claims.append(Claim(key, index, start, start + len(sentence), sentence, paragraph=0 if one_paragraph else index))
    return Document(Side(key, text.rstrip()), tuple(claims))


def tags(*sentences: str, taxonomy=None, one_paragraph: bool = False) -> list[tuple[str, ...]]:
    doc = document(*sentences, one_paragraph=one_paragraph)
    result = tag_document(doc, taxonomy or default_taxonomy())
    assert set(result) == {c.id for c in doc.claims}
    return [result[c.id] for c in doc.claims]


def test_a_sanctions_sentence_is_about_sanctions():
    (topics,) = tags("The President warned that Washington was ready to impose sweeping economic measures, "
                     "export controls among them, should the crisis deepen.")
    assert "sanctions" in topics


def test_a_threat_of_a_decisive_response_counts_as_sanctions():
    (topics,) = tags("She made plain that the alliance would respond firmly and impose heavy costs on Moscow.")
    assert "sanctions" in topics


def test_a_follow_up_that_points_back_inherits_the_main_topic_of_the_claim_before():
    first, second = tags(
        "The Chancellor raised the prospect of new sanctions if the border crisis escalated.",
        "The President replied that this would be a serious mistake with lasting damage to relations.",
    )
    assert first[:1] == ("sanctions",)
    assert "sanctions" in second
    # Only the main point travels: the second sentence is not made about escalation by its neighbour.
    assert "de-escalation" not in second


def test_a_follow_up_with_no_topic_of_its_own_continues_the_previous_one():
    first, second = tags(
        "The ministers reviewed trade and investment between the two economies.",
        "They also praised the progress made since the spring.",
    )
    assert first == ("economy",)
    assert second == ("economy",)


# A claim that names no topic of its own, in the paragraph of a claim that does: it goes on with that point,
# whatever its first words. (previous claim, follow-up, the topic the follow-up takes)
SAME_PARAGRAPH_FOLLOW_UPS = [
    ("The delegations reviewed the draft text of the agreement on navigation.",
     "We went through it point by point.", "talks"),
    ("The Secretary raised the drone incursions over the airfields near the border.",
     "In response, it was said that the accusations were groundless.", "de-escalation"),
    ("Both sides discussed the sanctions imposed on the two banks last spring.",
     "The Russian side described them as unlawful and counterproductive.", "sanctions"),
    ("He described the situation on the front line in the east.",
     "Separately, we spoke about the coalition for our pilots.", "de-escalation"),
]


@pytest.mark.parametrize(("first", "follow_up", "topic"), SAME_PARAGRAPH_FOLLOW_UPS)
def test_a_claim_with_no_topic_of_its_own_goes_on_with_its_paragraphs_point(first, follow_up, topic):
    before, after = tags(first, follow_up, one_paragraph=True)
    assert topic in before
    assert after == (topic,)
    # Near miss: the same sentence opening a new paragraph starts a point of its own, with nothing to name it.
    assert tags(first, follow_up)[1] == ()


def test_a_claim_with_a_topic_of_its_own_in_the_same_paragraph_keeps_only_its_own():
    _, second = tags("The ministers discussed the sanctions on the two banks.",
                     "The trade in grain through the Black Sea ports was also reviewed.", one_paragraph=True)
    assert "sanctions" not in second and "economy" in second


def test_a_follow_up_continues_only_the_main_point_of_a_claim_on_two_subjects():
    # The thanks are for the sanctions, the claim's main point: its passing mention of the talks does not carry on.
    first, second = tags(
        "The Prime Minister announced sanctions on three banks and an asset freeze on their owners; she also "
        "touched on the talks in Geneva.",
        "She also thanked the partners who had joined them.",
    )
    assert first == ("sanctions", "talks")
    assert second == ("sanctions",)


def test_a_follow_up_with_its_own_strong_topic_keeps_only_its_own():
    _, second = tags(
        "The two leaders discussed the naval standoff in the Taiwan Strait.",
        "They also agreed on the need to fight ransomware gangs.",
    )
    assert second == ("cyber",)


def test_a_talks_sentence_with_a_venue_and_a_date_is_about_talks():
    (topics,) = tags("The delegations will meet in Vienna on 14 February for a second round of consultations.")
    assert topics == ("talks",)


def test_a_sentence_with_no_topic_gets_none():
    assert tags("The weather in the capital was mild for the season.") == [()]


def test_the_first_sentence_that_reports_the_call_is_about_leader_contacts():
    (topics,) = tags("President Aldren spoke today with Prime Minister Vesk of Ostria.")
    assert topics == ("leader-contacts",)


def test_allies_are_nato_but_a_bare_mention_of_russia_is_not_ukraine():
    ally, russia = tags(
        "He stressed that the United States and its allies stand united.",
        "The President also noted Russia's growing trade with the region's economies.",
    )
    assert "nato" in ally
    assert "ukraine" not in russia


def test_an_airline_named_after_a_country_is_not_that_country():
    (topics,) = tags("He offered condolences for the passengers of the Ukraine International Airlines flight.")
    assert "humanitarian" in topics
    assert "ukraine" not in topics


def test_the_law_of_armed_conflict_is_not_humanitarian_aid():
    (law,) = tags("Strikes hit only military targets, in full compliance with international humanitarian law.")
    assert "humanitarian" not in law
    (victims,) = tags("The strikes killed civilians in breach of international humanitarian law.")
    assert "humanitarian" in victims


def test_a_wars_own_terms_are_about_ukraine_in_a_readout_that_names_ukraine():
    named, territory, roots = tags("The leaders discussed the war in Ukraine.",
                                   "Any settlement will have to address the territorial question.",
                                   "Moscow insists on removing the root causes of the conflict.")
    assert "ukraine" in territory and "ukraine" in roots
    # Alone, the same words say nothing of which war.
    (alone,) = tags("Any settlement will have to address the territorial question.")
    assert "ukraine" not in alone


def test_drones_and_sabotage_are_military_activity_and_infrastructure_alone_is_not_cyber():
    (drones,) = tags("He raised the drone overflights and acts of sabotage against critical infrastructure.")
    assert "de-escalation" in drones and "cyber" not in drones
    (uav,) = tags("They discussed incidents involving unmanned aerial vehicles over the airports.")
    assert "de-escalation" in uav
    # In a readout about cyberattacks, critical infrastructure is the cyber target it names.
    _, target = tags("The leaders discussed ransomware attacks.", "He pledged to defend critical infrastructure.")
    assert "cyber" in target


@pytest.mark.parametrize("sentence", [
    "He urged the release of Norland nationals held in Southland detention.",
    "He raised the safe return of Norland nationals serving in Southland's army.",
])
def test_nationals_held_or_serving_abroad_are_a_humanitarian_point(sentence):
    assert "humanitarian" in tags(sentence)[0]


def test_patriot_systems_are_arms_sent_into_a_war_and_metaphors_are_not_humanitarian():
    (patriots,) = tags("The United States will send three more Patriot systems.")
    assert "de-escalation" in patriots
    (hostage,) = tags("Trade should not be held hostage to other questions.")
    assert "humanitarian" not in hostage
    (spirit,) = tags("China has acted in a humanitarian spirit.")
    assert "humanitarian" not in spirit
    (hostages,) = tags("Two hostages were freed.")
    assert "humanitarian" in hostages


def test_a_gap_of_words_may_hold_a_possessive():
    # "each other's" is two words of the gap, as "each other" is
    (topics,) = tags("Both sides should stop striking each other's energy infrastructure.")
    assert "de-escalation" in topics


@pytest.mark.parametrize("sentence", [
    "The two presidents agreed that their teams would stay in contact in the days ahead.",
    "The leaders agreed that their advisers would remain in close touch.",
])
def test_teams_or_aides_staying_in_touch_are_talks_not_the_leaders_channel(sentence):
    (topics,) = tags(sentence)
    assert "talks" in topics and "leader-contacts" not in topics


@pytest.mark.parametrize("sentence", [
    "The two ministers agreed to stay in touch.",
    "The foreign ministers agreed to speak again.",
])
def test_ministers_staying_in_touch_are_talks(sentence):
    # Left out of the leaders' channel, they must not be left with no topic at all.
    assert "talks" in tags(sentence)[0]


def test_the_arrest_of_nationals_is_a_humanitarian_point():
    assert "humanitarian" in tags("He raised the arrest of the fishermen held in Eastland.")[0]


def test_nuclear_disarmament_and_nuclear_forces_are_arms_control():
    (topics,) = tags("Eastland will keep its nuclear forces small and join no nuclear disarmament negotiations.")
    assert "arms-control" in topics


def test_swift_in_lower_case_is_not_the_payment_network():
    assert "sanctions" not in tags("The leaders called for swift action to restore the power grid.")[0]
    assert "sanctions" in tags("Both sides discussed reconnecting the bank to SWIFT.")[0]


def test_topics_come_in_taxonomy_order():
    (topics,) = tags("Talks on Ukraine and on new sanctions will resume in Geneva next week.")
    order = default_taxonomy().ids
    assert list(topics) == sorted(topics, key=order.index)
    assert {"sanctions", "talks", "ukraine"} <= set(topics)


def test_russian_readouts_are_tagged_too():
    first, second = tags("Стороны обсудили снятие санкций с банков.",
                         "Переговоры продолжатся в Стамбуле.")
    assert "sanctions" in first
    assert "talks" in second


def test_a_numbered_list_marker_does_not_inherit_anything():
    _, marker, _ = tags("The delegations agreed on a prisoner exchange.", "2.", "Both sides welcomed the ceasefire.")
    assert marker == ()


def test_hyphens_and_spaces_are_interchangeable_in_keywords():
    assert "de-escalation" in tags("The leaders called for urgent deescalation on all sides.")[0]
    assert "de-escalation" in tags("The leaders called for a cease fire.")[0]


def test_user_topics_with_context_signals_and_exclusions(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(textwrap.dedent("""\
        - id: fisheries
          label: Fisheries
          keywords: [fish*, trawler*]
          context: [quota*]
          exclude: ['Fisher\\s+Street']
        - id: weather
          label: Weather
          hints: [storm*, flood*]
        """), encoding="utf-8")
    taxonomy = load_taxonomy(path)
    # "quotas" counts for fisheries only in a readout that is about fisheries elsewhere.
    assert tags("The quotas were discussed.", taxonomy=taxonomy) == [()]
    assert tags("Trawlers were seized.", "The quotas were discussed at length, with figures.",
                taxonomy=taxonomy) == [("fisheries",), ("fisheries",)]
    assert tags("The office on Fisher Street was closed.", taxonomy=taxonomy) == [()]
    # One hint is not enough; two are.
    assert tags("A storm was forecast.", taxonomy=taxonomy) == [()]
    assert tags("A storm and floods were forecast.", taxonomy=taxonomy) == [("weather",)]


def test_score_text_shows_the_evidence_per_topic():
    scores = score_text("The ministers discussed ransomware and cyberattacks on hospitals.", default_taxonomy())
    assert scores["cyber"] >= 2
    assert "taiwan" not in scores


def test_an_empty_document_has_no_tags():
    assert tag_document(Document(Side("norland", ""), ()), default_taxonomy()) == {}


def test_a_linking_phrase_borrows_a_topic_only_for_a_claim_without_one():
    _, own, borrowed = tags(
        "The ministers agreed to resume negotiations in Oslo next month.",
        "In this context, the President stressed his support for Ostria's sovereignty over its coastal islands "
        "and raised the fate of jailed journalists.",
        "To that end, the two sides will meet again soon.",
    )
    assert own == ("human-rights",)
    assert borrowed == ("human-rights",)


def test_a_chain_of_pointers_back_keeps_following_the_same_topic():
    _, second, third = tags(
        "The leaders discussed ransomware attacks on hospitals.",
        "Given the scale of the challenges in this area, the two countries must cooperate closely.",
        "This must be done through specialised channels.",
    )
    assert "cyber" in second
    assert "cyber" in third


def test_keyword_forms_short_stems_capitals_phrases_and_punctuation(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(textwrap.dedent("""\
        - id: tech
          label: Technology
          keywords: [ai*, chip export*, U.S.-China tech]
        - id: un
          label: United Nations
          keywords: [UN*]
        """), encoding="utf-8")
    taxonomy = load_taxonomy(path)
    assert tags("Aid and AI were discussed.", taxonomy=taxonomy) == [("tech",)]
    assert tags("The chip exports were curbed.", "Chip-exports again.", "Chip and exports.",
                taxonomy=taxonomy) == [("tech",), ("tech",), ()]
    assert tags("They discussed U.S.-China tech rivalry.", taxonomy=taxonomy) == [("tech",)]
    assert tags("The UNGA debated it.", "The un-named envoy left.", taxonomy=taxonomy) == [("un",), ()]


def test_a_pattern_whose_literals_cannot_be_read_still_tags_the_same(monkeypatch):
    """The literals that let a pattern skip most claims are read by our own reader of the regex syntax; a pattern
    it cannot follow runs on every claim, and the topics stay the same."""
    from comparisons.topics import regex_literals
    from comparisons.topics import signals

    sentences = ("The leaders discussed the sanctions imposed last year and the talks planned in Geneva.",
                 "He suggested that this would be a grave error.",
                 "They agreed to keep in touch on arms control and strategic stability.")
    before = tags(*sentences)

    def unknown(pattern: str) -> list:
        raise regex_literals._Unknown(pattern)

    monkeypatch.setattr(regex_literals, "_read", unknown)
    monkeypatch.setattr(signals, "_COMPILED", {})
    assert regex_literals.pattern_needles(r"\b(?:spoke|talked)\s") == ()
    assert regex_literals.required_literals(r"ties\s+(?:relations|links)") == ()
    assert tags(*sentences) == before
    assert any(before), "the sentences carry topics, so the comparison means something"


def test_pattern_literals_are_read_off_the_pattern():
    from comparisons.topics.regex_literals import pattern_needles, required_literals

    assert pattern_needles(r"\b(?:spoke|talked)\s+with") == ("spoke", "talked")
    assert ("links", "relations") in required_literals(r"\w+\s+(?:relations|links)")
    assert pattern_needles(r"(?<![\w.])(?:Jan|Feb)\.?\s+\d") == ("feb", "jan")
    assert pattern_needles(r"\b(?:un)?friendly\b") == ()  # an optional start: no needle is certain
    assert required_literals(r"\bimpose\w*\s+(?:\w+\s+){0,4}costs\b") == (("impose",), ("costs",))
    assert pattern_needles(r"(?i)spoke") == ()  # a flag for the whole pattern is not followed: tried everywhere
    assert pattern_needles(r"\bcooperation\s+with\s+(?-i:[A-Z])\w+") == ("cooperation",)


def test_every_match_of_every_default_pattern_holds_the_literals_it_is_filtered_by():
    """The literals decide where a pattern is tried: one that a real match lacks would lose a topic silently. On
    every example sentence of the default taxonomy, each match begins with a needle and holds a text of each
    required group."""
    import re

    from comparisons.topics.regex_literals import pattern_needles, required_literals
    from comparisons.topics.taxonomy import default_taxonomy

    taxonomy = default_taxonomy()
    root = Path(__file__).resolve().parents[2]
    texts = [e for topic in taxonomy.topics for family in topic.families for e in family.example]
    texts += [p.read_text(encoding="utf-8") for folder in ("readouts/samples", "benchmarks/quality/pairs")
              for p in sorted((root / folder).rglob("*.txt"))]
    patterns = [s.text for topic in taxonomy.topics for s in topic.patterns] + [x for t in taxonomy.topics
                                                                                 for x in t.exclude]
    assert len(texts) > 50 and len(patterns) > 50
    checked = 0
    for pattern in patterns:
        needles, required = pattern_needles(pattern), required_literals(pattern)
        for text in texts:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                found = match.group().lower()
                checked += 1
                assert not needles or found.startswith(needles), (pattern, found)
                assert all(any(lit in found for lit in group) for group in required), (pattern, found)
    assert checked > 200, "the texts exercise the patterns"


def test_a_sentence_opening_with_following_the_call_does_not_inherit_the_previous_topics():
    # "Following the conversation" is a time, not a continuation: the list it introduces has its own topics.
    before, lead_in = tags("The leaders discussed trade and energy projects.",
                           "Following the conversation, the following steps were agreed upon:")
    assert "economy" in before
    assert lead_in == ()


def test_both_leaders_opening_a_claim_is_a_new_subject_not_a_continuation():
    journalist, meeting = tags("She raised the case of the detained journalist and press freedom.",
                               "Both leaders agreed to meet in Berlin next month.")
    assert "human-rights" in journalist
    assert meeting == ("leader-contacts",)


def test_the_leaders_next_meeting_is_a_leader_contact_but_officials_meeting_is_talks():
    (leaders,), (officials,) = tags("The leaders will meet in London in April."), \
        tags("Senior officials will meet in Geneva on 10 January.")
    assert leaders == ("leader-contacts",)
    assert "leader-contacts" not in officials


def test_contacts_kept_up_in_the_passive_are_contacts_and_at_all_levels_also_talks():
    (passive,) = tags("It was agreed that contacts would be maintained at all levels.")
    assert "leader-contacts" in passive and "talks" in passive
    (active,) = tags("The two presidents agreed to stay in contact.")
    assert "leader-contacts" in active


def test_disputed_islands_are_regional_under_either_sides_name():
    """Japan says Senkaku, China says Diaoyu; the Philippines and China say Spratly and Nansha: one subject."""
    for sentence in ("Wang Yi said that the Diaoyu Dao are China's inherent territory.",
                     "The minister raised the situation around the Senkaku Islands.",
                     "China's activities around the Nansha Islands were discussed."):
        (topics,) = tags(sentence)
        assert "regional" in topics, sentence


def test_calls_between_commanders_are_talks_not_the_leaders_channel():
    (commanders,) = tags("Both sides are also resuming telephone conversations between theater commanders.")
    assert "talks" in commanders and "leader-contacts" not in commanders
    (leaders,) = tags("The presidents had a telephone conversation.")
    assert leaders == ("leader-contacts",)


def test_the_indo_pacific_is_a_regional_subject():
    (topics,) = tags("The President underscored support for a free and open Indo-Pacific.")
    assert "regional" in topics


def test_paraphrases_of_the_core_topics_found_in_us_china_and_us_russia_readouts():
    cases = {
        "The task is to bring about a cessation of hostilities at an early date.": "de-escalation",
        "He called for an immediate end to the bombardment of Ukrainian towns.": "de-escalation",
        "He raised the large-scale drills held in Belarus alongside the forces massed on the border.": "de-escalation",
        "President Biden underscored his support for a diplomatic outcome.": "talks",
        "National Security Advisor Jake Sullivan met Foreign Minister Wang Yi in Bangkok.": "talks",
        "He raised the cases of citizens barred from leaving the country.": "humanitarian",
        "President Biden and President Xi spoke by video today.": "leader-contacts",
    }
    for sentence, topic in cases.items():
        (topics,) = tags(sentence)
        assert topic in topics, (sentence, topics)
    (restraint,) = tags("He urged all sides to exercise restraint.")
    assert "talks" not in restraint and "de-escalation" in restraint


def test_ministers_meeting_and_envoys_working_are_talks_below_the_leaders():
    for sentence in ("Minister of Foreign Affairs Sergey Lavrov had a telephone conversation with US Secretary of State "
                     "Antony Blinken.",
                     "Today I met the Minister of Commerce for the first in-person meeting of trade ministers in years.",
                     "The leaders welcomed the work of their special envoys for climate."):
        (topics,) = tags(sentence)
        assert "talks" in topics, (sentence, topics)


def test_economic_pressure_named_by_the_side_under_it_is_sanctions():
    for sentence in ("He urged the United States to stop stretching the concept of national security to suppress "
                     "Chinese companies.",
                     "Trade and technology wars and efforts to decouple run against the trend of the times.",
                     "They discussed using the proceeds of frozen Russian assets for Ukraine."):
        (topics,) = tags(sentence)
        assert "sanctions" in topics, (sentence, topics)


def test_a_humanitarian_pause_and_a_flow_of_weapons_are_de_escalation():
    for sentence in ("Both called for a humanitarian pause in Gaza.",
                     "He drew attention to the growing flow of Western weapons to Kyiv."):
        (topics,) = tags(sentence)
        assert "de-escalation" in topics, (sentence, topics)


def test_the_world_situation_and_multilateral_fora_point_to_global_issues():
    (topics,) = tags("The leaders exchanged views on the international situation and on global developments.")
    assert "global" in topics
    (topics,) = tags("They agreed to coordinate closely in multilateral fora, including the G20.")
    assert "global" in topics


def test_any_two_countries_relations_and_a_strategic_partnership_are_bilateral():
    for sentence in ("During the call, the two leaders discussed Türkiye-Russia relations.",
                     "He noted that the question bears on the political foundation of China–Japan relations.",
                     "The leaders reviewed progress in the Comprehensive Strategic Partnership."):
        (topics,) = tags(sentence)
        assert "bilateral" in topics, (sentence, topics)


def test_enduring_a_war_is_not_a_call_to_end_it():
    (endure,) = tags("Their help lets the country endure this long war.")
    assert "de-escalation" not in endure
    (end,) = tags("The leaders called for ending the war without delay.")
    assert "de-escalation" in end


def test_standing_channels_texts_under_negotiation_and_replies_awaited_are_talks():
    talks = tags(
        "The ministers agreed to keep the channels of communication open.",
        "The joint economic commission will meet again before the end of the year.",
        "Both sides welcomed progress towards a free trade agreement.",
        "The Norland side will study the written considerations and will respond in due course.",
        "The Chancellor signed the visa agreement at the ceremony.",
    )
    assert all("talks" in topics for topics in talks[:4]), talks
    assert "talks" not in talks[4]  # an agreement signed is a result, not text still being negotiated


def test_keeping_in_touch_with_a_word_between_is_the_leaders_channel_and_two_states_the_middle_east():
    (touch,) = tags("The presidents agreed to keep in regular touch over the coming weeks.")
    assert touch == ("leader-contacts",)
    (states,) = tags("The chancellor restated her support for a two-state solution.")
    assert states == ("regional",)


def test_the_leaders_own_meeting_called_talks_is_their_channel_and_talks_elsewhere_stay_talks():
    held, after, later = tags(
        "Talks between the President of Norland and the Prime Minister of Vesk took place in the capital.",
        "After the talks, the President spoke to the press.",
        "After the talks in Geneva, the delegations will report back to their capitals.",
    )
    assert held == ("leader-contacts",)
    assert "talks" not in after
    assert "talks" in later


def test_keeping_a_rivalry_from_turning_into_conflict_is_de_escalation():
    for sentence in ("He stressed that the rivalry between the two countries must not veer into conflict.",
                     "Both sides must keep their competition from sliding into open confrontation.",
                     "They warned that the clashes could escalate into a wider regional war."):
        (topics,) = tags(sentence)
        assert "de-escalation" in topics, (sentence, topics)
    (turned,) = tags("The minister turned his attention to the conference on trade.")
    assert "de-escalation" not in turned


def test_the_leaders_channel_said_in_other_words_the_tone_the_end_of_the_call_and_their_next_meeting():
    for sentence in ("Both sides felt that the conversation was candid and in-depth.",
                     "The President described the meeting as constructive and free of hostility.",
                     "The conversation between the two presidents has just ended.",
                     "The President and the Chancellor will meet again in the capital next week.",
                     "The Prime Minister invited the President to take part in the forum next year.",
                     "He added that his country would be pleased to host President Ortega in the spring.",
                     "The ministers agreed to work toward holding the trilateral summit at an early date."):
        (topics,) = tags(sentence)
        assert "leader-contacts" in topics, (sentence, topics)
    officials_talks, venue = tags("The talks between the delegations were constructive.", "The meeting was held in Geneva.")
    assert "leader-contacts" not in officials_talks
    assert "leader-contacts" not in venue


def test_hunger_and_the_global_economy_are_global_issues():
    for sentence in ("He warned of famine and hunger in the poorest countries.",
                     "The leaders discussed rising food prices.",
                     "The largest economies must steer the global economic recovery."):
        (topics,) = tags(sentence)
        assert "global" in topics, (sentence, topics)


def test_companies_their_business_environment_and_freight_corridors_are_the_economy():
    for sentence in ("He asked for a fair business environment for Norland's companies.",
                     "Questions of competitiveness and the capital markets union were also discussed.",
                     "The sides will step up rail freight along the new transport corridor."):
        (topics,) = tags(sentence)
        assert "economy" in topics, (sentence, topics)
    (one_hint,) = tags("The companies named in the report were closed.")
    assert "economy" not in one_hint


def test_avoiding_miscalculation_is_de_escalation_but_a_strategic_misjudgment_is_not():
    (risk,) = tags("Both militaries should keep talking to avoid miscalculation.")
    assert "de-escalation" in risk
    (policy,) = tags("He called the decision a strategic misjudgment.")
    assert "de-escalation" not in policy


def test_sanctions_relief_named_by_what_it_gives_back_but_not_trade_barriers():
    for sentence in ("Norland will help restore Vesk's access to world markets for its grain exports.",
                     "He asked for the removal of obstacles to Vesk's agricultural and fertiliser exports."):
        (topics,) = tags(sentence)
        assert "sanctions" in topics, (sentence, topics)
    for sentence in ("The union will work on removing barriers to mutual trade.",
                     "Both sides want to improve access to each other's markets."):
        (topics,) = tags(sentence)
        assert "sanctions" not in topics, (sentence, topics)


def test_drills_by_name_supplies_to_a_war_machine_shoals_and_custody():
    drills, supply, shoal, custody = tags(
        "He voiced concern over the recent PLA drills around the island.",
        "She pressed Vesk to stop supplying the aggressor's war machine.",
        "He raised the harassment of Philippine vessels near Second Thomas Shoal.",
        "Both sides agreed that the citizens held in custody would be released.",
    )
    assert "de-escalation" in drills and "de-escalation" in supply
    assert "regional" in shoal
    assert "humanitarian" in custody


def test_ties_between_peoples_export_licensing_chiefs_calls_and_legitimate_security_interests():
    bonds, licensing, controls, chiefs, interests = tags(
        "They pledged to strengthen the bonds between the Norlandic and Veskian people.",
        "Vesk has introduced export licensing for rare earths.",
        "Vesk strictly controls the export of dual-use items.",
        "The leaders agreed that their defense chiefs will hold a video call next week.",
        "A settlement must take into account Vesk's legitimate security interests.",
    )
    assert "bilateral" in bonds
    assert "sanctions" in licensing and "sanctions" in controls
    assert "leader-contacts" not in chiefs
    assert "security-guarantees" in interests


def test_the_fight_against_fentanyl_and_illicit_drugs_is_a_global_issue():
    (fentanyl,) = tags("He pressed Vesk to stop the shipments of fentanyl precursor chemicals.")
    (control,) = tags("On drug control, the minister described the steps already taken.")
    assert "global" in fentanyl and "global" in control


def test_leaders_agreeing_to_continue_contacts_or_teams_preparing_their_meeting_is_their_channel_not_talks():
    """The guidelines' leader-contacts: future leader calls or summits, agreement to stay in contact. Aides who prepare
    the leaders' next meeting or visit serve that channel; they are not negotiating."""
    agreed, prepare, visit, expert = tags(
        "It was agreed to continue contacts, including a possible visit to the capital.",
        "The presidents agreed that their aides would work on the possibility of a personal meeting.",
        "The leaders tasked their teams with preparing for the chancellor's upcoming visit.",
        "The experts will resume contacts on cybersecurity next month.",
    )
    assert agreed == ("leader-contacts",)
    assert prepare == ("leader-contacts",)
    assert visit == ("leader-contacts",)
    assert "talks" in expert


def test_the_leaders_next_contact_said_with_a_pronoun_their_own_trip_and_a_bare_dialogue_are_their_channel():
    """The guidelines' leader-contacts: future leader calls, visits or meetings, agreement to stay in contact. "They"
    after a sentence on sanctions are the leaders, and their next meeting is a point of its own: it no longer goes on
    with the sanctions of its paragraph."""
    _, riga = tags("The President said the sanctions would remain in place.", "They will meet in Riga in April.",
                   one_paragraph=True)
    assert riga == ("leader-contacts",)
    channel = tags(
        "They agreed to speak again soon.",
        "President Novak said he looks forward to visiting Norland in the spring.",
        "The presidents agreed to continue the dialogue.",
        "They also discussed the value of meeting in person and agreed that their teams would look for a suitable "
        "time.",
        "The two presidents tasked their teams with exploring the possibility of a face-to-face meeting.",
    )
    for topics in channel:
        assert "leader-contacts" in topics and "talks" not in topics, topics
    # Near misses: a dialogue on a subject, negotiators meeting again and teams looking for a compromise are talks.
    subject, negotiators, compromise = tags(
        "The presidents agreed to continue the dialogue on information security.",
        "The negotiators will meet again in Geneva next week.",
        "Their teams will look for a compromise on the tariffs.",
    )
    assert "talks" in subject
    assert "talks" in negotiators and "leader-contacts" not in negotiators
    assert "talks" in compromise and "leader-contacts" not in compromise


def test_export_licensing_and_dual_use_exports_are_export_controls_hence_sanctions():
    """The guidelines count export controls as sanctions; readouts name them by how they are applied."""
    for sentence in ("He welcomed the decision to resume issuing general licences for exports of rare earth magnets.",
                     "The ministry has approved compliant export applications for the relevant items.",
                     "The country manages the export of dual-use items strictly under its laws."):
        (topics,) = tags(sentence)
        assert "sanctions" in topics, (sentence, topics)
    (plain,) = tags("Exports of grain rose sharply this year.")
    assert "sanctions" not in plain


def test_ending_the_war_as_the_aim_of_talks_is_its_settlement_while_stopping_the_fighting_is_de_escalation():
    settlement, halt = tags("The delegations reviewed the framework for ending the war.",
                            "The leaders called for the fighting to end and for an immediate halt to the shelling.")
    assert "de-escalation" not in settlement
    assert "de-escalation" in halt


def test_lng_caatsa_and_the_guns_falling_silent_name_their_topics():
    energy, caatsa, silent, once = tags(
        "He added that energy, including LNG and nuclear power, offers great potential.",
        "The two leaders also addressed the CAATSA issue.",
        "The envoy made clear that the president wants the guns to fall silent before the summer.",
        "Once the guns fall silent, the country's security will have to be guaranteed.",
    )
    assert "economy" in energy
    assert "sanctions" in caatsa
    assert "de-escalation" in silent
    assert "de-escalation" not in once


def test_encounters_between_two_militaries_are_de_escalation_under_either_sides_wording():
    unsafe, reconnaissance = tags("He raised concerns about unsafe and unprofessional intercepts of patrol aircraft.",
                                  "The root cause lies in close-in reconnaissance by foreign ships near the coast.")
    assert "de-escalation" in unsafe
    assert "de-escalation" in reconnaissance
    (data,) = tags("The satellite took reconnaissance images of the harvest.")
    assert "de-escalation" not in data


def test_the_dialogue_between_the_leaders_is_their_channel_and_between_ministries_it_is_talks():
    leaders, ministries = tags(
        "He said that the sincere dialogue between the two leaders gave the relationship new momentum.",
        "The dialogue between the two foreign ministries will continue in the autumn.",
    )
    assert "leader-contacts" in leaders and "talks" not in leaders
    assert "talks" in ministries


def test_a_peace_plan_worked_through_and_progress_made_on_an_agreement_are_talks():
    plan, points, progress = tags(
        "Our guests brought the latest version of the peace plan.",
        "The delegations refined the twenty-point framework in Geneva.",
        "The leaders welcomed the progress made on the first tranche of a trade agreement.",
    )
    assert "talks" in plan
    assert "talks" in points
    assert "talks" in progress


def test_channels_between_two_militaries_are_de_escalation_as_well_as_talks():
    commanders, safety = tags(
        "He called for regular talks between theater commanders to resume.",
        "The next round of maritime safety talks will be held in the autumn.",
    )
    assert "de-escalation" in commanders and "talks" in commanders
    assert "de-escalation" in safety and "talks" in safety


def test_a_nuclear_plant_at_war_named_with_its_situation_or_its_inspectors_is_de_escalation():
    situation, inspectors, iran = tags(
        "The situation at the nuclear power plant near the front was discussed.",
        "He urged that IAEA inspectors be given full access to the nuclear power plant.",
        "He called on Tehran to resume full cooperation with the IAEA.",
    )
    assert "de-escalation" in situation
    assert "de-escalation" in inspectors
    assert "de-escalation" not in iran


# The wordings of acts of war, military channels and pressure that each side uses for the core topics: one row a
# wording (the first sentence of a row names the family), then the near misses that must not name the topic.
TOPIC_UNDER_EACH_SIDES_WORDING = [
    # an air campaign and the strikes it delivers, as either side says it
    ("de-escalation", "The President said that the air campaign must concentrate on the terrorist groups."),
    ("de-escalation", "He described the operation of the Aerospace Forces, which are delivering strikes at the "
                      "government's request."),
    ("de-escalation", "The Russian side stressed that the strikes are directed exclusively against terrorist "
                      "organisations."),
    ("de-escalation", "Their terror against our energy infrastructure is meant to leave families in the cold."),
    ("de-escalation", "Russia was prepared to keep its forces from hitting the energy facilities for thirty more days."),
    # the channels between two militaries, which are also talks (below)
    ("de-escalation", "He welcomed the technical discussions between our militaries on flight safety over the region."),
    ("de-escalation", "The two heads of state agreed that the two militaries should maintain communication."),
    ("de-escalation", "The United States is ready to keep the channels between the two militaries open."),
    ("talks", "He welcomed the technical discussions between our militaries on flight safety over the region."),
    ("talks", "The memorandum being prepared by the defence ministries is expected to be signed within days."),
    # what is sent into a war, a freeze of it, and a pause refused as a chance to rearm
    ("de-escalation", "I thanked the President for the decision to provide three more NASAMS."),
    ("de-escalation", "He thanked the partners who finance the purchase of American weapons for the country."),
    ("de-escalation", "He stressed the importance of a complete pullback of heavy weapons from the line of contact."),
    ("de-escalation", 'Ukraine will not accept any "freeze" of the war that would let the invader regroup.'),
    ("de-escalation", "A pause that would let the other army regroup and rearm is not what we are looking for."),
    # more pressure on the side at war
    ("sanctions", "The President stressed that pressure on Russia must grow."),
    ("sanctions", "We also discussed a price cap on the aggressor's oil."),
    # soldiers and pilots trained for the war, fighter jets sent to it
    ("de-escalation", "The first pilots have begun their training abroad, and the jets will follow in the spring."),
    ("de-escalation", "The allies will continue the training of the country's soldiers and its new brigades."),
    ("de-escalation", "He asked the partners for more fighter jets to protect the skies over the capital."),
    # talks below the leaders that a leader mentions stay talks (near misses of the leaders' own meeting)
    ("talks", "The Foreign Minister held talks with the Secretary of State on the draft treaty."),
    ("talks", "The presidents welcomed the talks between their delegations in the neutral capital."),
    ("talks", "The leaders agreed that talks with the other side's negotiators would resume next week."),
    # a threatened, further or deterred aggression is still the topic (near misses of the war called by its name)
    ("de-escalation", "He warned that any further Russian aggression would meet a firm and united answer."),
    ("de-escalation", "The new aid will help deter Russian aggression against its neighbours."),
    # military aid named as a package ("the new defence package", "a weapons package")
    ("de-escalation", "I thanked the Chancellor for the new defence package, the largest so far."),
    ("de-escalation", "The next weapons package will be announced on Monday."),
    # a named peace plan and its summit, and taking a seat at the table, are what negotiations are about
    ("talks", "I presented our peace formula and invited the partners to join its implementation."),
    ("talks", "Now it is important to move towards a global peace summit."),
    ("talks", "We will only sit down at the table once the occupying troops have left."),
    ("talks", "He urged both sides to come back to the table without preconditions."),
    # relief named by what is still barred
    ("sanctions", "Obstacles still remain to Russian exports of fertiliser, the minister said."),
    # strikes named by their target, their weapon or their side
    ("de-escalation", "The enemy is deliberately striking our river ports to cut off the grain trade."),
    ("de-escalation", "They honoured the victims of the enemy strike on the capital last week."),
    ("de-escalation", "Every night their drones hit the places where people get heat and light."),
    # military support to a side at war named by what it does for that side's defence
    ("de-escalation", "The Prime Minister set out our work to bolster Norland's defences this winter."),
    ("de-escalation", "The cooperation contributes to strengthening the capabilities of the Armed Forces of Norland."),
    ("de-escalation", "Our partners will keep supporting Norland politically, financially and militarily."),
    ("de-escalation", "We are going to keep getting our partner what it needs to defend itself."),
    ("de-escalation", "The first light anti-tank weapons were delivered last week."),
    ("de-escalation", "He welcomed the decision to finance the production of long-range drones in the country."),
    ("de-escalation", "She outlined the extension of the military training mission for another three years."),
    # the fighting named: an incursion, the front, combat operations, attacks by their civilian target
    ("de-escalation", "He said that any incursion across the border would be a strategic error."),
    ("de-escalation", "The parties discussed the situation at the front."),
    ("de-escalation", "Thousands of foreign soldiers are already involved in combat operations in the north."),
    ("de-escalation", "He drew attention to the continuing attacks by the other side, with outside help, on civilian "
                      "targets in the border regions."),
]

NOT_THAT_TOPIC = [
    ("de-escalation", "The dock workers' strikes were called off after the new contract."),
    ("de-escalation", "The freeze of the harbour kept the fishing fleet in port."),
    ("de-escalation", "The fund will finance the purchase of new school buses."),
    ("sanctions", "The pressure of the election campaign was felt by both candidates."),
    ("de-escalation", "He praised the training of young diplomats at the academy."),
    ("de-escalation", "The national team's players resumed training after the break."),
    # the war called by its name once it is under way, in a sentence about a visit, aid or a court
    ("de-escalation", "It was the prime minister's first visit to the capital since the war of aggression began."),
    ("de-escalation", "The president thanked his host for the aid to the towns affected by the Russian aggression."),
    ("de-escalation", "A special court for the crime of aggression is also part of the plan."),
    ("de-escalation", "We reaffirmed our support for the country and our condemnation of Russia's illegal and immoral "
                      "invasion."),
    ("de-escalation", "I thanked him for the new aid package for the flooded regions."),
    ("talks", "The guests sat down at the table for a working dinner."),
    ("sanctions", "The ministries will meet soon to remove the obstacles to the work of the embassies."),
    ("de-escalation", "The dock workers' strike at the port ended on Monday."),
    # a country standing apart, a company in court, a factory's output: the same words without a war
    ("de-escalation", "The country has stayed militarily non-aligned for decades."),
    ("de-escalation", "The company has all it needs to defend itself in court."),
    ("de-escalation", "The plant will double its production of school buses."),
    ("de-escalation", "The ministers described the situation on the economic front."),
    ("de-escalation", "The situation on the front page of the morning papers worried the spokesman."),
]


@pytest.mark.parametrize(("topic", "sentence"), TOPIC_UNDER_EACH_SIDES_WORDING)
def test_each_sides_wording_names_its_core_topic(topic, sentence):
    (topics,) = tags(sentence)
    assert topic in topics, topics


@pytest.mark.parametrize(("topic", "sentence"), NOT_THAT_TOPIC)
def test_the_same_words_in_another_sense_do_not_name_the_topic(topic, sentence):
    (topics,) = tags(sentence)
    assert topic not in topics, topics


@pytest.mark.parametrize("sentence", [
    "The ministers agreed on next year's catch quotas under the fisheries agreement.",
    "The fishing fleets of both countries met at sea.",
    "Стороны обсудили рыболовство в северных водах.",
])
def test_fishing_and_its_quotas_are_the_economy(sentence):
    (topics,) = tags(sentence)
    assert "economy" in topics, topics


def test_quotas_for_anything_else_are_not_the_economy():
    (topics,) = tags("The country raised its quotas for refugees from the region.")
    assert "economy" not in topics, topics


@pytest.mark.parametrize("sentence", [
    "I held talks with President Varga in his residence and then in an extended format with our teams.",
    "Our talks with President Varga today were held in a friendly spirit.",
    "The one-on-one meeting was followed by talks between the delegations.",
    "We spoke in private first and then continued in the expanded format.",
    "The two leaders held long talks, followed by a working dinner with their delegations.",
    "Several advisers of both presidents were also present at the talks.",
])
def test_talks_held_by_or_with_a_leader_are_the_leaders_own_meeting_not_talks(sentence):
    (topics,) = tags(sentence)
    assert "talks" not in topics and "leader-contacts" in topics, topics
