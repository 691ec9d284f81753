"""What a claim offers for matching: the signals that let two differently worded readouts meet."""

from __future__ import annotations

from comparisons.matching.features import extract
from comparisons.words.stems import stem
from readouts.model import Claim


def features(text: str, index: int = 5, side: str = "a"):
    return extract(Claim(side, index, 0, len(text), text))


def test_inflections_of_one_word_share_a_stem():
    assert stem("negotiate") == stem("negotiations") == stem("negotiating")
    assert stem("criminal") == stem("criminals")
    assert stem("escalation") == stem("escalating")
    assert stem("sanctions") != stem("sanctuary")


def test_diplomatic_paraphrases_meet_in_one_concept():
    urged = features("The President urged Moscow to de-escalate along the border.")
    tensions = features("The leaders agreed that tensions in the region must be reduced.")
    assert "escalation" in urged.concepts & tensions.concepts

    sympathy = features("She offered her sympathy to the families of the victims.")
    condolences = features("He conveyed condolences for the loss of lives in the earthquake.")
    assert "condolences" in sympathy.concepts & condolences.concepts

    diplomacy = features("He voiced support for diplomacy.")
    rounds = features("Negotiations will open next month.")
    assert "talks" in diplomacy.concepts & rounds.concepts


def test_phone_talks_are_the_call_itself_not_talks_between_officials():
    opener = features("Xi Jinping held phone talks with the Chancellor.", index=0)
    other = features("The Chancellor spoke by phone with President Xi.", index=0)
    assert "call" in opener.concepts & other.concepts
    assert "talks" not in opener.concepts


def test_a_promise_of_further_contact_meets_its_paraphrase_with_a_word_in_between():
    close = features("The two presidents agreed to stay in close contact.")
    touch = features("Both sides said they would keep in regular touch.")
    plain = features("The ministers will remain in touch.")
    assert "future_contacts" in close.concepts & touch.concepts & plain.concepts


def test_calls_for_restraint_and_a_pullback_are_about_escalation():
    restraint = features("The ministers urged all parties to show restraint.")
    pullback = features("He asked Moscow to pull back the forces it had massed on the frontier.")
    tension = features("The sides discussed how to reduce tension along the frontier.")
    assert "escalation" in restraint.concepts & pullback.concepts & tension.concepts


def test_alarm_is_the_other_sides_word_for_escalation():
    buildup = features("The president warned against the military build-up on the frontier.")
    hysteria = features("The minister dismissed the hysteria about an imminent attack.")
    assert "escalation" in buildup.concepts & hysteria.concepts


def test_russian_wording_reaches_the_same_concepts():
    english = features("They discussed the lifting of sanctions on fertilizer exports.")
    russian = features("Обсуждалось снятие санкций с экспорта удобрений.")
    assert {"sanctions", "agriculture", "trade"} <= english.concepts & russian.concepts
    assert russian.cyrillic and not english.cyrillic


def test_a_multiword_name_counts_as_one_entity_not_as_its_words():
    f = features("Talks will continue at the Organization for Security and Cooperation in Europe.")
    assert "osce" in f.entities
    assert "europe" not in f.entities
    assert "cooperation" not in f.concepts
    assert not any(w.startswith("secur") for w in f.words)


def test_spellings_of_one_country_are_one_entity():
    assert "united_states" in features("The U.S. side agreed.").entities
    assert "united_states" in features("Washington agreed.").entities
    assert "united_states" in features("США согласились.").entities


def test_ukrainian_places_are_one_entity_in_their_ukrainian_and_russian_spellings():
    """Kyiv writes Odesa and Kharkiv, the Kremlin Odessa and Kharkov: the spelling follows the government."""
    for kyiv_spelling, moscow_spelling, entity in (("Odesa", "Odessa", "odesa"), ("Kharkiv", "Kharkov", "kharkiv"),
                                                   ("Mykolaiv", "Nikolaev", "mykolaiv"), ("Bakhmut", "Artemovsk", "bakhmut"),
                                                   ("Zaporizhzhia", "Zaporozhye", "zaporizhzhia")):
        assert entity in features(f"The strike on {kyiv_spelling} was condemned.").entities
        assert entity in features(f"The strike in {moscow_spelling} hit military targets.").entities


def test_a_narrower_concept_also_names_the_broader_point_it_is_about():
    plan = features("I spoke about our peace plan and its key points.")
    assert {"peace_plan", "peace"} <= plan.concepts
    assert "peace" in features("He shared his ideas for a just peace.").concepts
    assert "peace_plan" not in features("He shared his ideas for a just peace.").concepts


def test_new_says_nothing_of_which_point_a_claim_reports():
    """"A new round", "the new direction", "new START": the point is what is new, not that it is."""
    assert not any(w.startswith("new") for w in features("They agreed on a new round of talks.").words)


def test_places_of_the_gaza_war_also_name_their_region_and_disputed_islands_have_one_entity():
    named = features("The leaders discussed the conflict between Israel and Hamas.")
    regional = features("They exchanged views on the situation in West Asia.")
    assert "middle_east" in named.entities & regional.entities
    shipping = features("He raised the Houthis' attacks on merchant ships.")
    assert "middle_east" in shipping.entities & features("They discussed the Middle East.").entities
    assert "senkaku" in features("He said the Diaoyu Dao are China's territory.").entities
    assert "senkaku" in features("She raised the situation around the Senkaku Islands.").entities


def test_civilians_are_their_own_concept_not_an_evacuation():
    lives = features("He voiced deep concern at the loss of civilian lives.")
    protect = features("He underscored the need to protect civilians in Gaza.")
    assert "civilians" in lives.concepts & protect.concepts
    assert "evacuation" not in protect.concepts


def test_words_about_the_readouts_themselves_are_not_content():
    f = features("According to the White House account, the readout centres on Ukraine.")
    assert not {"accoun", "readou", "accord"} & f.words


def test_always_is_no_content_word():
    # "has always been consistent" shared only "always" with another sentence of the other side and joined its link
    f = features("China's policy toward the United States has always been consistent.")
    assert not {"alway", "always"} & f.words


def test_dates_are_read_in_both_orders_and_languages():
    assert {"01-09", "01-10"} <= features("The round is set for January 9–10 in Geneva.").dates
    assert "03-18" in features("Мораторий действует с 18 марта.").dates
    assert "03-18" in features("The moratorium runs from 18 March.").dates


def test_numbers_are_kept_and_the_verb_may_is_not_a_month():
    f = features("A pause of 30 days may follow.")
    assert "30" in f.numbers
    assert not f.dates


def test_the_call_itself_is_a_concept_only_in_the_opening_claims():
    assert "call" in features("The President spoke today with the Chancellor.", index=0).concepts
    assert "call" not in features("He also spoke with the Chancellor about energy.", index=6).concepts


def test_reporting_verbs_and_negation_are_kept_apart_from_content():
    f = features("The minister warned that the deal would not survive.")
    assert "warned" in f.verbs
    assert f.negated
    assert not any(w.startswith("warn") for w in f.words)


def test_units_prefix_every_kind():
    units = features("On March 3 the two leaders discussed 40 tankers and Geneva talks.").units()
    kinds = {u.split(":", 1)[0] for u in units}
    assert kinds == {"w", "c", "e", "d", "n"}


def test_editing_a_lexicon_changes_its_fingerprint(monkeypatch):
    from comparisons.matching import concepts

    shipped = concepts.lexicon_fingerprint()
    original = concepts._read
    monkeypatch.setattr(concepts, "_read", lambda name: original(name) + "\nextra: {phrases: [ferry]}\n")
    concepts.lexicon_fingerprint.cache_clear()
    try:
        assert concepts.lexicon_fingerprint() != shipped
    finally:
        monkeypatch.undo()
        concepts.lexicon_fingerprint.cache_clear()
    assert concepts.lexicon_fingerprint() == shipped


def test_a_warning_that_a_step_would_carry_consequences_is_the_threat_of_sanctions():
    warning = features("Any help to the aggressor would carry consequences for Vesk.")
    rebuke = features("Vesk will not accept any threat of sanctions.")
    assert "sanctions" in warning.concepts & rebuke.concepts
    assert "sanctions" not in features("The floods had grave consequences for farmers.").concepts


def test_a_call_to_end_the_shelling_and_a_diplomatic_settlement_meet_their_paraphrases():
    demand = features("He called for an immediate end to the shelling of the towns.")
    cessation = features("The task is to bring about a cessation of hostilities.")
    assert "ceasefire" in demand.concepts & cessation.concepts
    outcome = features("He backed a diplomatic settlement of the dispute.")
    negotiation = features("Both sides should keep up dialogue and negotiation.")
    assert "talks" in outcome.concepts & negotiation.concepts
    assert "talks" not in features("The embassy's diplomatic staff will return.").concepts


def test_names_that_stand_for_a_wider_subject_meet_it():
    principle = features("He urged the other side to abide by the one-China principle.")
    strait = features("She stressed peace across the Taiwan Strait.")
    assert "taiwan" in principle.entities & strait.entities
    shoal = features("Vessels were harassed near Second Thomas Shoal.")
    jiao = features("The Philippines infringed on China's sovereignty at Ren'ai Jiao.")
    assert "second_thomas_shoal" in shoal.entities & jiao.entities
    assert "south_china_sea" in shoal.entities & features("They discussed the South China Sea.").entities
    assert "pla" in features("The People's Liberation Army held drills.").entities & features("PLA drills").entities
    assert "tibet" in features("Matters of Xizang are internal.").entities


def test_peace_and_stability_is_calm_not_the_peace_that_ends_a_war():
    calm = features("He underlined the importance of peace and stability in the strait.")
    settlement = features("China supports peace talks and a political settlement of the war.")
    assert "peace" not in calm.concepts and "stability" in calm.concepts
    assert "peace" in settlement.concepts


def test_talking_again_is_staying_in_contact_and_ports_of_entry_are_not_shipping():
    again = features("The two presidents agreed to talk again soon.")
    touch = features("They agreed to stay in contact on all the issues discussed.")
    assert "future_contacts" in again.concepts & touch.concepts
    entry = features("Students were questioned at ports of entry.")
    assert "maritime" not in entry.concepts and "people_exchanges" in entry.concepts


def test_a_phrase_with_a_gap_matches_across_a_name_in_the_gap():
    # "American" and "Indian" are entities, blanked before concepts are read: the gap must still count.
    named = features("The leaders pledged to strengthen the bonds between the American and Indian people.")
    assert "people_exchanges" in named.concepts
    assert "people_exchanges" in features("They praised the friendship between the two peoples.").concepts


def test_a_number_with_thousands_separators_or_a_decimal_point_is_one_number():
    """Split at its punctuation, "1,200" was the numbers 1 and 200, and "$1.25 billion" shared a "1" with
    "USD 1.5 billion": two amounts that differ looked alike."""
    assert {n for n in features("Each side will free 1,200 prisoners.").numbers} == {"1200"}
    assert "1200" in features("Some 1200 prisoners will be freed.").numbers
    assert features("He announced $1.25 billion in aid.").numbers & features("USD 1.5 billion").numbers == {"1000000000"}
    assert "1.5" in features("Освобождены 1,5 тысячи человек.").numbers
    assert features("On 12 March, 2022, they met.").numbers == {"2022"}
