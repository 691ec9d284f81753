"""Lexicon matching reads every text through ``normalise``: case, punctuation and diacritics never matter."""

from __future__ import annotations

import re

import pytest

from comparisons.matching.concepts import concept_lexicon, entity_lexicon, normalise


def _by_regex(text: str) -> str:
    return " " + re.sub(r"[^\w]+", " ", text.lower()).strip() + " "


def test_plain_text_normalises_to_lowercase_words_between_single_spaces():
    for text in ("U.S.-Russia talks (Geneva), 9-10 January!", "  tabs\tand\nnew_lines\x1f", "", "...", "A1 b2_c3"):
        assert normalise(text) == _by_regex(text)
    assert normalise("The U.S.-Russia talks.") == " the u s russia talks "


def test_diacritics_and_russian_letters_are_folded():
    assert normalise("Niinistö, Ёлка; Й") == " niinisto елка и "


def test_a_phrase_is_found_only_from_its_opening_word():
    lexicon = concept_lexicon()
    assert "tone" in lexicon.find(normalise("They had a frank exchange."))
    assert "tone" in lexicon.find(normalise("They spoke frankly."))
    assert "tone" not in lexicon.find(normalise("They spoke of Franco and a fran."))
    assert entity_lexicon().find(normalise("")) == frozenset()


def test_a_promise_to_keep_talking_is_the_same_point_as_staying_in_contact():
    lexicon = concept_lexicon()
    for text in ("The two leaders valued continuing to talk directly at their level.",
                 "Both presidents told their teams to follow up.",
                 "The leaders agreed to stay in touch."):
        assert "future_contacts" in lexicon.find(normalise(text)), text
    # Another person's readiness to talk, or talks continuing, is not a promise of the leaders' next contact.
    assert "future_contacts" not in lexicon.find(normalise("He relayed Zelensky's readiness to talk directly."))
    assert "future_contacts" not in lexicon.find(normalise("The talks will continue in Geneva."))


def test_offering_to_host_a_leader_is_a_visit_but_bases_hosting_forces_are_not():
    lexicon = concept_lexicon()
    assert "trip" in lexicon.find(normalise("He would be pleased to host the President in the coming months."))
    assert "trip" not in lexicon.find(normalise("the airstrike on Iraqi bases hosting Coalition forces"))


def test_keeping_competition_from_veering_into_conflict_is_the_no_new_cold_war_point():
    lexicon = concept_lexicon()
    for text in ("Competition must not veer into conflict.", "The United States does not seek a new Cold War.",
                 "Washington does not seek conflict with Beijing."):
        assert "confrontation" in lexicon.find(normalise(text)), text
    assert "confrontation" not in lexicon.find(normalise("The conflict in Ukraine must end."))


def test_leaders_handing_work_to_their_teams_is_one_point_however_worded():
    lexicon = concept_lexicon()
    for text in ("The presidents agreed to instruct their representatives to hold consultations.",
                 "Both presidents instructed their teams to follow up.",
                 "They tasked their teams to discuss the principles further.",
                 "The leaders agreed to empower key senior officials to maintain communication."):
        assert "tasking" in lexicon.find(normalise(text)), text
    assert "tasking" not in lexicon.find(normalise("The teams met in Geneva."))


def test_prisoners_are_one_point_whether_named_as_people_or_as_prisons():
    lexicon = concept_lexicon()
    for text in ("The presidents discussed citizens serving sentences in each other's prisons.",
                 "The leaders noted progress toward a prisoner exchange.",
                 "He raised the case of an American incarcerated abroad."):
        assert "detainees" in lexicon.find(normalise(text)), text
    assert "detainees" not in lexicon.find(normalise("The sides agreed on a mutual exchange of views."))


def test_drug_control_and_fentanyl_are_one_point():
    lexicon = concept_lexicon()
    for text in ("China has always taken drug control seriously.",
                 "The leaders reviewed efforts to stop the flow of fentanyl precursors.",
                 "They discussed the opioid crisis."):
        assert "drugs" in lexicon.find(normalise(text)), text


def test_export_controls_and_investment_curbs_are_about_technology():
    """A Chinese readout objects to 'export controls and investment restrictions'; the American one speaks of
    keeping advanced technologies from rivals: both are the technology-controls point."""
    lexicon = concept_lexicon()
    for text in ("Ever-longer lists of export controls and investment restrictions hurt cooperation.",
                 "The United States will keep advanced technologies from being used against it."):
        assert "technology" in lexicon.find(normalise(text)), text


def test_contacts_kept_up_in_the_passive_are_future_contacts():
    lexicon = concept_lexicon()
    for text in ("It was agreed that contacts would be maintained at all levels.",
                 "Contacts will continue at various levels.",
                 "Both sides agreed to keep this strategic channel open."):
        assert "future_contacts" in lexicon.find(normalise(text)), text


def test_proposals_and_the_answers_to_them_are_one_point():
    """One side 'put concrete ideas on the table', the other 'will examine the considerations' or 'has received
    no substantive answer': the exchange of proposals is the point both report."""
    lexicon = concept_lexicon()
    for text in ("He pointed to the concrete ideas the United States has put on the table.",
                 "The Russian side will carefully examine the considerations set out by the American President.",
                 "Russia has still not received a substantive answer.",
                 "The written responses delivered last week set out a serious diplomatic path."):
        assert "proposals" in lexicon.find(normalise(text)), text


def test_a_warning_of_costs_or_a_firm_answer_is_the_sanctions_point_however_padded():
    lexicon = concept_lexicon()
    for text in ("The United States will impose severe economic costs on Russia.",
                 "The Allies will respond swiftly and decisively.",
                 "They will answer firmly and make Russia pay.",
                 "Such a step would carry serious and lasting consequences."):
        assert "sanctions" in lexicon.find(normalise(text)), text


def test_disputed_islands_are_one_place_under_each_sides_name():
    entities = entity_lexicon()
    for one, other, key in (("the Senkaku Islands", "the Diaoyu Dao", "senkaku"),
                            ("the Spratly Islands", "the Nansha Islands", "spratly"),
                            ("Scarborough Shoal", "Huangyan Island", "scarborough")):
        assert key in entities.find(normalise(one)) and key in entities.find(normalise(other)), key


def test_drills_and_military_exercises_are_one_point_but_exercising_restraint_is_not():
    lexicon = concept_lexicon()
    for text in ("He expressed concern about the large-scale drills in Belarus.",
                 "The joint exercises now under way are purely defensive."):
        assert "exercises" in lexicon.find(normalise(text)), text
    assert "exercises" not in lexicon.find(normalise("He urged both sides to exercise restraint."))


def test_every_concept_says_why_and_its_example_is_found_by_its_own_phrases():
    from comparisons.matching.concepts import _load

    data = _load("lexicon.yaml")
    lexicon = concept_lexicon()
    assert set(data) == set(lexicon.patterns)
    for key, entry in data.items():
        assert len(str(entry.get("why", "")).split()) >= 5, key
        example = entry.get("example")
        assert isinstance(example, str) and example.strip(), key
        assert key in lexicon.find(normalise(example)), (key, example)


def test_a_state_securing_itself_at_anothers_expense_is_the_indivisible_security_point():
    lexicon = concept_lexicon()
    assert "security_guarantees" in lexicon.find(normalise(
        "No state should strengthen itself at the expense of the security of others."))
    assert "security_guarantees" not in lexicon.find(normalise("They met at the expense of the host."))


def test_connectivity_and_the_transport_corridors_it_names_are_one_point():
    # A list sentence's "connectivity" is the other side's transport corridor or rail link.
    lexicon = concept_lexicon()
    for text in ("They discussed trade, energy and connectivity.",
                 "Work on the North-South transport corridor will speed up.",
                 "A new rail link and better logistics were agreed."):
        assert "transport" in lexicon.find(normalise(text)), text


def test_personnel_exchanges_and_visa_free_travel_are_exchanges_between_peoples():
    lexicon = concept_lexicon()
    for text in ("Both sides will expand personnel exchanges.", "China extended visa-free entry for British citizens."):
        assert "people_exchanges" in lexicon.find(normalise(text)), text



# Wordings seen unlinked on fresh own-words pairs: each names the concept beside it, so the two sides' different
# words for one point meet (a short name, an idiom, an accusation and its denial, each side's name for a thing).
ONE_POINT_UNDER_EACH_SIDES_NAME = [
    ("military_communication", "The two militaries should maintain communication on the basis of equality."),
    ("military_communication", "Telephone calls between theater commanders will resume."),
    ("military_communication", "Their defense chiefs will hold a video call in the coming weeks."),
    ("military_communication", "Both sides value keeping military channels open."),
    ("energy", "Purchases of American LNG keep growing."),
    ("energy", "Liquefied natural gas offers great potential."),
    ("ceasefire", "He wants the guns to fall silent before the summer."),
    ("weapons_supplies", "He raised the support for Russia's defense industrial base."),
    ("weapons_supplies", "China has never provided lethal weapons to any party."),
    ("engagement", "Contacts at the expert level will continue."),
    ("engagement", "Their technical teams will keep working."),
    ("security_guarantees", "We are not against guarantees as such."),
    ("sanctions", "The two leaders addressed the CAATSA issue."),
    ("sanctions", "Beijing will resume issuing general licences for exports of rare earth magnets."),
    ("sanctions", "China has approved compliant export applications for the relevant items."),
    ("peace_plan", "They presented the updated twenty-point framework."),
    ("peace_plan", "Our guests brought the latest version of the peace plan."),
    ("mediation", "The president offered to help settle the disputes that remain."),
    ("mediation", "India does not accept mediation by any third party."),
    ("military_incidents", "He raised unsafe and unprofessional intercepts of patrol aircraft."),
    ("military_incidents", "The root cause lies in close-in reconnaissance near the coast."),
    ("call_length", "The meeting has just ended; it lasted almost three hours."),
    ("call_length", "The envoys met the president for more than four hours."),
    ("call_length", "The call lasted about ninety minutes."),
    ("drones", "He was concerned about the repeated drone overflights."),
    ("drones", "Incidents involving unmanned aerial vehicles over several states were raised."),
    ("drones", "Components found in Russian UAVs were discussed."),
    # money to keep a government running, announced by one side and thanked for by the other
    ("financial_aid", "The administration disbursed another $4.5 billion in direct budget support."),
    ("financial_aid", "I thanked him for the new tranche of financial assistance, which pays salaries and pensions."),
    ("financial_aid", "They discussed macroeconomic support for the country."),
    # the power system named by its parts
    ("energy", "The generators and transformers will help engineers bring the grid back."),
    ("energy", "He asked for help in restoring the power system before winter."),
    ("agriculture", "The corridor keeps wheat moving to the countries most at risk of famine."),
    ("sanctions", "They discussed further pressure on the aggressor, in particular a price cap on oil."),
    ("defense_spending", "She explained the plan to reach the target level of defense-related expenditures."),
    ("defense_spending", "He welcomed the plan to raise defence spending to 2 percent of GDP by March."),
    ("air_defense", "The United States will deliver two more NASAMS."),
    ("air_defense", "Air defense is our top priority."),
    ("air_defense", "He thanked him for the Patriot systems."),
    # "extended a warm welcome" shared only "extend" with "agreed to extend the tariff cut" and joined its link
    ("greetings", "The president extended a warm welcome to his guest."),
    # the standard notions of a call between two militaries or two leaders, each side in its own words
    ("ceasefire", "He pressed for a halt to hostilities along the whole front."),
    ("tone", "It was professional."),
    ("tone", "The conversation was held in a businesslike manner."),
    ("future_contacts", "It is worth having this kind of line open."),
    ("future_contacts", "Both sides will keep up high-level interactions."),
    ("weapons_supplies", "I thanked him for the new defence package."),
    ("talks", "We will only sit down at the table once the troops have left."),
    ("nuclear_safety", "The situation at the Zaporozhye nuclear power station was discussed."),
    ("initiative", "The Secretary asked for this call."),
    ("initiative", "The conversation took place at the initiative of the American side."),
    ("initiative", "Разговор состоялся по инициативе американской стороны."),
    # measures named with words between ("economic and other measures" is the other side's "restrictive measures")
    ("sanctions", "He warned of economic and other measures if the troops move."),
    ("sanctions", "The allies prepared restrictive and punitive measures."),
    # weapons named with words between ("deliveries of Western arms" is the other side's "security assistance")
    ("weapons_supplies", "He raised the growing deliveries of Western arms to the region."),
    # making those responsible answer for what they did, however phrased
    ("accountability", "The leaders agreed to hold Russia to account."),
    ("accountability", "Those who gave the orders will answer for them."),
    ("accountability", "They discussed a special tribunal and an end to impunity."),
    ("accountability", "Виновные будут привлечены к ответственности."),
    # the state of the fighting, wherever a side says it stands
    ("battlefield", "The leaders discussed the situation on the battlefield."),
    ("battlefield", "He informed the President of the latest developments on the frontline."),
    ("battlefield", "Президент рассказал о ситуации на фронте."),
    # a request to use one's sway and the answer that one will play a constructive role
    ("influence", "He urged Beijing to use its considerable influence with Moscow."),
    ("influence", "China will continue to play a constructive role in its own way."),
    ("influence", "Он призвал использовать влияние на Тегеран."),
    ("influence", "He called on Beijing to bring its influence to bear on Moscow."),
    # the standard other names of a point already in the lexicon
    ("climate", "They agreed to cooperate in the fight against global warming."),
    ("health", "China has coordinated its epidemic response with development."),
    ("humanitarian", "He thanked the country for taking in families forced to leave their homes."),
    ("humanitarian", "The program will admit Ukrainians fleeing the war."),
    ("drones", "The package includes unmanned aerial systems."),
    # the arms a side asks for and a package lists
    ("munitions", "Guns and shells are what our defenders need right now."),
    ("munitions", "The package includes heavy artillery and 144,000 rounds of ammunition."),
    ("munitions", "Он попросил снаряды и боеприпасы."),
    ("military_action", "Any further incursion would be met with a swift response."),
    ("sanctions", "They discussed the arms embargo."),
    ("tone", "The conversation was held in a cordial atmosphere."),
    # the US idiom for more sanctions pressure
    ("sanctions", "Washington will keep working to raise the costs of the war for Moscow."),
    # fair terms for each other's companies, asked for and promised
    ("fair_terms", "The Chancellor argued for a level playing field and reciprocal market access."),
    ("fair_terms", "China will provide a fair, just and non-discriminatory environment for foreign firms."),
]

# Near misses: the same words in another sense must not name the concept.
NOT_THAT_POINT = [
    ("military_communication", "The military situation was discussed."),
    ("ceasefire", "Once the guns fall silent, security must be guaranteed."),  # a date for what follows
    ("peace_plan", "Both sides spoke of a lasting peace."),
    ("greetings", "The leaders agreed to extend the tariff cut for a year."),
    ("financial_aid", "The banks reported strong financial results."),
    ("sanctions", "The pressure of the election campaign was felt."),
    ("air_defense", "He spoke like a true patriot."),
    # who raised a case during the call is not who asked for the call
    ("initiative", "At the request of the President, the case of a detained citizen was touched upon."),
    ("future_contacts", "They discussed the front line in the east."),
    ("sanctions", "They agreed on measures to deepen economic ties."),
    ("accountability", "He gave an account of the talks in Geneva."),
    # a line to cease fire along, or the facts on the ground, is not a report on the fighting
    ("battlefield", "They proposed a ceasefire along the current front line."),
    ("battlefield", "Any settlement must reflect the realities on the ground."),
    # sway named, but nobody is asked to use it
    ("influence", "The suffering has a strong influence on public opinion."),
    ("munitions", "They discussed shell companies used to evade the restrictions."),
    ("fair_terms", "The elections were held in a fair environment."),
    ("countering", "Those responsible must be brought to justice."),
]


@pytest.mark.parametrize(("concept", "text"), ONE_POINT_UNDER_EACH_SIDES_NAME)
def test_one_point_under_each_sides_name(concept, text):
    assert concept in concept_lexicon().find(normalise(text))


@pytest.mark.parametrize(("concept", "text"), NOT_THAT_POINT)
def test_the_same_words_in_another_sense_are_not_the_point(concept, text):
    assert concept not in concept_lexicon().find(normalise(text))
