"""Conflicts: a reader is told only about details both sides state and state differently."""

from __future__ import annotations

import datetime as dt

import pytest

from comparisons.conflicts.detect import find_conflicts
from readouts.model import BOTH, Claim, Pair, Participant, Side

PAIR = Pair(
    id="conflict-pair", event="A call", date=dt.date(2022, 1, 1),
    sides=(Side("alpha", "x"), Side("beta", "x")),
    participants=(Participant("Ada Lind", ("Lind",)), Participant("Boris Marr", ("Marr",))),
)


def claim(side: str, text: str, speaker: str | None = None, index: int = 0) -> Claim:
    return Claim(side, index, 0, len(text), text, 0, speaker)


def conflicts(a: str, b: str, *, speaker_a=None, speaker_b=None):
    found = find_conflicts({"alpha": [claim("alpha", a, speaker_a)], "beta": [claim("beta", b, speaker_b)]}, PAIR)
    return {c.kind: dict(c.values) for c in found}


def test_date_range_against_single_day():
    found = conflicts("Delegations will meet on January 10 in Geneva.",
                      "The delegations are to meet in Geneva on January 9–10.")
    assert found == {"date": {"alpha": "January 10", "beta": "January 9–10"}}


@pytest.mark.parametrize("other", ["on Jan. 10", "on 10 January", "on January 10th", "on the 10th of January"])
def test_same_date_written_differently_is_not_a_conflict(other):
    assert "date" not in conflicts("Talks resume on January 10.", f"Talks resume {other}.")


def test_a_day_apart_is_one_moment_when_a_side_dates_by_its_own_clock():
    washington = "President Biden met virtually with President Xi on November 15."
    assert "date" not in conflicts(washington, "On the morning of November 16, Beijing time, the two presidents met.")
    assert "date" not in conflicts("The leaders spoke on October 31.", "They spoke on November 1, Moscow time.")
    assert conflicts(washington, "On November 16 the two presidents met.")["date"] == {
        "alpha": "November 15", "beta": "November 16"}
    assert conflicts(washington, "On the morning of November 18, Beijing time, they met.")["date"] == {
        "alpha": "November 15", "beta": "November 18"}


def test_different_months_and_weekdays():
    assert conflicts("The summit is planned for June.", "The summit is planned for September.")["date"] == {
        "alpha": "June", "beta": "September"}
    assert conflicts("They will speak again on Tuesday.", "They will speak again on Thursday.")["date"] == {
        "alpha": "Tuesday", "beta": "Thursday"}


def test_relative_dates_differ():
    assert conflicts("Experts will meet next week.", "Experts will meet next month.")["date"] == {
        "alpha": "next week", "beta": "next month"}
    assert conflicts("Experts will meet this week.", "Experts will meet next week.")["date"] == {
        "alpha": "this week", "beta": "next week"}
    assert conflicts("Experts will meet early next month.", "Experts will meet late next month.")["date"] == {
        "alpha": "early next month", "beta": "late next month"}


@pytest.mark.parametrize(("a", "b"), [
    # a window ("in the coming weeks") sets no date: it holds "next month" as well as "next week"
    ("The teams will meet next month to settle the quotas.", "The teams will meet in the coming weeks on quotas."),
    ("Experts will meet next week.", "Experts will meet in the coming weeks."),
    ("A visit is planned in the coming months.", "A visit is planned for next year."),
    # a part of a week or month is in it
    ("Experts will meet early next month.", "Experts will meet next month."),
    ("They will speak again later this week.", "They agreed to speak again this week."),
])
def test_two_relative_times_that_can_both_be_true_are_no_date_conflict(a, b):
    assert "date" not in conflicts(a, b)


@pytest.mark.parametrize(("a", "b", "values"), [
    ("The first two systems will be delivered in the coming weeks.", "Biden said the first systems would arrive within days.",
     ("in the coming weeks", "within days")),
    ("Experts will meet in the coming days.", "Experts will meet over the next few months.",
     ("in the coming days", "over the next few months")),
    ("The exchange will take place in a matter of hours.", "The exchange will take place in the days ahead.",
     ("in a matter of hours", "the days ahead")),
    ("The grain will be shipped within weeks.", "Зерно будет отправлено в ближайшие дни.", ("within weeks", "в ближайшие дни")),
    ("Обмен состоится в течение нескольких месяцев.", "The exchange will take place within days.",
     ("в течение нескольких месяцев", "within days")),
    # a counted period against a scale that cannot hold it
    ("The vessels will be withdrawn within days.", "The vessels will be pulled back within two months.",
     ("within days", "within two months")),
    ("A decision is expected over the next six months.", "A decision is expected in the coming weeks.",
     ("over the next six months", "in the coming weeks")),
])
def test_a_period_ahead_counted_in_other_units_is_a_date_conflict(a, b, values):
    # no date on either side, yet a reader checks which: days against weeks is how soon, disputed
    assert conflicts(a, b) == {"date": {"alpha": values[0], "beta": values[1]}}


@pytest.mark.parametrize(("a", "b"), [
    # one side's periods hold the other's
    ("Aid will arrive in the coming days and weeks.", "Aid will arrive within days."),
    ("Talks will go on in the weeks and months ahead.", "Talks will go on over the coming months."),
    ("Aid will arrive in a few days.", "Aid will arrive in the coming days."),
    # a period behind, counted from an event, a duration, with a number or with no unit: not read
    ("Aid arrived within hours of the strike.", "Aid will arrive in the coming days."),
    ("Aid has arrived in recent weeks.", "Aid will arrive within days."),
    ("It was their first call in years.", "They will speak again in the coming months."),
    ("The partnership will last for years to come.", "The partnership will be renewed within months."),
    # a counted period its scale holds; two counted periods are compared as numbers, never as dates
    ("Aid will arrive within two weeks.", "Aid will arrive within days."),
    ("Aid will arrive within 10 days.", "Aid will arrive in the coming weeks."),
    ("The exchange will take place in the next 48 hours.", "The exchange will take place within days."),
    ("Aid will arrive within two months.", "Aid will arrive within three months."),
    ("Aid will arrive soon.", "Aid will arrive within days."),
    ("The summit will take place in the near future.", "The summit will take place in the coming months."),
])
def test_periods_that_can_both_be_true_or_are_no_period_ahead_are_no_date_conflict(a, b):
    assert "date" not in conflicts(a, b)


def test_the_end_of_the_year_is_december_against_another_month():
    found = conflicts("The leaders aim to sign the first part of the trade deal in September.",
                      "They told their teams to conclude the first part of the deal by the end of the year.")
    assert found == {"date": {"alpha": "September", "beta": "the end of the year"}}
    russian = conflicts("They aim to sign the deal in September.", "Соглашение планируется подписать до конца года.")
    assert russian == {"date": {"alpha": "September", "beta": "до конца года"}}
    assert conflicts("They aim to sign it in December.", "They aim to conclude it by the end of the year.") == {}
    assert conflicts("They aim to sign it this year.", "They aim to conclude it by the end of the year.") == {}


def test_a_season_is_its_months_against_a_month():
    found = conflicts("The President said he looks forward to visiting Norland in the spring.",
                      "The Prime Minister looks forward to welcoming the President in February next year.")
    assert found == {"date": {"alpha": "in the spring", "beta": "February"}}
    assert conflicts("He will visit in the spring.", "The visit is planned for April.") == {}
    assert conflicts("The next round will be held in the autumn.", "Следующий раунд пройдёт осенью.") == {}
    assert conflicts("The next round will be held in September.", "Следующий раунд пройдёт весной.")["date"] == {
        "alpha": "September", "beta": "весной"}


def test_a_russian_day_in_words_is_read_as_the_same_day_in_digits():
    found = conflicts("The exchange will take place on November 24.", "Обмен состоится двадцать пятого ноября.")
    assert found == {"date": {"alpha": "November 24", "beta": "November 25"}}
    assert conflicts("The talks will be held on March 31.", "Переговоры пройдут тридцать первого марта.") == {}
    assert conflicts("The talks will be held on March 3.", "Переговоры пройдут третьего марта.") == {}


def test_a_part_of_a_month_against_another_part_is_a_date_conflict():
    found = conflicts("The next session of the dialogue will be held in Geneva in mid-January.",
                      "The next round of consultations will take place in Geneva in late January.")
    assert found == {"date": {"alpha": "mid-January", "beta": "late January"}}
    assert conflicts("It will be held in mid-January.", "Раунд пройдёт в конце января.")["date"] == {
        "alpha": "mid-January", "beta": "в конце января"}
    assert conflicts("It will be held in the second half of January.", "It will take place in late January.") == {}
    assert conflicts("It will be held in January.", "It will take place in late January.") == {}


def test_a_date_on_one_side_only_is_not_a_conflict():
    assert conflicts("Talks open on January 10.", "Talks will open soon.") == {}


def test_one_side_giving_more_dates_is_not_a_conflict():
    assert "date" not in conflicts("Rounds on January 10 and on February 3.", "A round on January 10.")


def test_numbers_of_the_same_thing():
    found = conflicts("The leaders talked for 50 minutes.", "The conversation lasted ninety minutes.")
    assert found["number"] == {"alpha": "50 minutes", "beta": "ninety minutes"}


def test_number_words_equal_numerals():
    assert conflicts("They freed three prisoners.", "They freed 3 prisoners.") == {}


def test_numbers_of_different_things_do_not_conflict():
    assert "number" not in conflicts("The two presidents spoke.", "They held three rounds of talks.")


def test_money_with_a_currency_code_is_the_same_unit_as_its_sign():
    found = conflicts("The United States will provide $1.25 billion in economic assistance.",
                      "I am grateful for another tranche of budget support of USD 1.5 billion.")
    assert found == {"number": {"alpha": "$1.25 billion", "beta": "USD 1.5 billion"}}
    assert conflicts("The aid is worth $500 million.", "The aid is worth 500 million USD.") == {}


def test_a_death_toll_is_one_count_however_the_dead_are_named():
    found = conflicts("He paid tribute to the victims of the strike on the city, which killed 18 civilians.",
                      "They honoured the memory of the victims of the strike, which killed 23 people.")
    assert found == {"number": {"alpha": "18 civilians", "beta": "23 people"}}
    assert conflicts("The strike killed 18 people.", "В результате удара погибли 23 человека.")["number"] == {
        "alpha": "18 people", "beta": "23 человека"}
    assert conflicts("The strike killed at least 18 people.", "The strike killed 23 people.") == {}
    assert conflicts("The strike killed 18 civilians.", "The strike killed 23 civilians.") == {
        "number": {"alpha": "18 civilians", "beta": "23 civilians"}}


def test_percent_and_money():
    assert conflicts("Tariffs fall by 10 percent.", "Tariffs fall by 15%.")["number"] == {
        "alpha": "10 percent", "beta": "15%"}
    assert conflicts("Aid of $2 billion was pledged.", "Aid of $3 billion was pledged.")["number"] == {
        "alpha": "$2 billion", "beta": "$3 billion"}
    assert "number" not in conflicts("Aid of $2 billion.", "Aid of $2,000 million.")


def test_years_are_dates_not_counts():
    found = conflicts("The treaty of 2010 was extended.", "The treaty of 2011 was extended.")
    assert found == {"date": {"alpha": "2010", "beta": "2011"}}


def test_venue_differs():
    found = conflicts("Negotiators will gather in Geneva.", "Negotiators will gather in Brussels.")
    assert found == {"place": {"alpha": "Geneva", "beta": "Brussels"}}


def test_a_length_with_a_half_counts():
    # A call's length is the number two readouts most often both give; "and a half" was not read at all.
    found = conflicts("The call lasted about two and a half hours.", "The presidents spoke for nearly two hours.")
    assert found == {"number": {"alpha": "two and a half hours", "beta": "nearly two hours"}}


def test_lengths_in_hours_and_minutes_are_one_measure():
    assert conflicts("The call lasted 90 minutes.", "They spoke for two hours.")["number"] == {
        "alpha": "90 minutes", "beta": "two hours"}
    assert conflicts("The call lasted 90 minutes.", "They spoke for an hour and a half.") == {}
    assert conflicts("The call lasted half an hour.", "They spoke for about an hour.")["number"] == {
        "alpha": "half an hour", "beta": "an hour"}


def test_a_bound_the_other_side_meets_is_no_conflict():
    assert conflicts("More than 200 prisoners were exchanged.", "They exchanged 250 prisoners.") == {}
    assert conflicts("The talks lasted over two hours.", "The talks took two and a half hours.") == {}
    found = conflicts("Nearly 200 prisoners were exchanged.", "They exchanged 250 prisoners.")
    assert found == {"number": {"alpha": "Nearly 200 prisoners", "beta": "250 prisoners"}}


def test_a_lower_and_an_upper_bound_that_can_both_be_true_are_no_conflict():
    # "more than 2.7 billion" and "almost three billion" both hold for 2.8 billion (pairs7's Berlin pair)
    assert conflicts("Germany pledged more than 2.7 billion euros in aid.",
                     "Germany is providing almost three billion euros in aid.") == {}
    found = conflicts("Germany pledged more than 3 billion euros in aid.",
                      "Germany is providing almost 2.7 billion euros in aid.")
    assert found == {"number": {"alpha": "more than 3 billion euros", "beta": "almost 2.7 billion euros"}}


def test_the_venue_of_a_meeting_to_come_is_read_even_when_no_gazetteer_knows_it():
    found = conflicts("He called for the next round of the maritime talks to be held in Hawaii in October.",
                      "The sides agreed that the next maritime meeting will be held in Qingdao.")
    assert found == {"place": {"alpha": "Hawaii", "beta": "Qingdao"}}
    assert conflicts("The talks will meet again in Tromsø.", "The delegations will meet in Tromsø next week.") == {}
    hosts = conflicts("I look forward to welcoming Prime Minister Hale to Brisbane in July for our annual meeting.",
                      "Prime Minister Hale will host Prime Minister Dunn in Wellington in July for the annual meeting.")
    assert hosts == {"place": {"alpha": "Brisbane", "beta": "Wellington"}}
    assert "place" not in conflicts("We look forward to welcoming Norland to NATO.", "Hale will host Dunn in Wellington.")


@pytest.mark.parametrize("a, b, values", [
    ("Minister Lind proposed that the two coast guards meet in Tromsø on March 4.",
     "The coast guards of the two countries are to meet in Bergen.", ("Tromsø", "Bergen")),
    ("He suggested holding the next round of consultations in Hawaii.", "The next round will take place in Qingdao.",
     ("Hawaii", "Qingdao")),
    ("The ministers agreed that the working group be held in Tromsø.", "The working group will convene in Bergen.",
     ("Tromsø", "Bergen")),
])
def test_the_venue_of_a_meeting_proposed_or_agreed_is_read_as_a_meeting_to_come(a, b, values):
    # the sides disagree on where the meeting is to be, even when the gazetteer knows neither place
    assert conflicts(a, b) == {"place": {"alpha": values[0], "beta": values[1]}}


@pytest.mark.parametrize("a, b", [
    # a country, or a month, is no venue here
    ("The talks will be held in China.", "The talks will be held in Qingdao."),
    ("She looks forward to welcoming the President to Japan in February.", "He will host the summit in Tokyo."),
    ("The summit will be held in Azerbaijan.", "The leaders will meet in Baku."),
    ("The talks will be held in September.", "The talks will be held in Qingdao."),
    # a meeting that has been held is background, often another meeting than the other side's
    ("They reviewed the steps since the leaders met in Woodside.", "The working group will meet in Tromsø."),
])
def test_no_venue_conflict_for_a_country_a_month_or_a_past_meeting(a, b):
    assert "place" not in conflicts(a, b)


def test_venue_spelled_two_ways_is_one_place():
    assert conflicts("Envoys met in Kyiv.", "Envoys met in Kiev.") == {}


def test_a_city_as_a_government_name_is_not_a_venue():
    assert "place" not in conflicts("Moscow rejects the claim.", "Washington's claim is rejected by Russia.")


def test_organisation_differs():
    found = conflicts("The issue will be taken up at the OSCE.", "The issue will be taken up at the United Nations.")
    assert found == {"entity": {"alpha": "OSCE", "beta": "United Nations"}}


def test_organisation_aliases_match():
    assert "entity" not in conflicts("Talks at the NATO-Russia Council.", "Talks in the Russia-NATO Council format.")


def test_titled_official_differs():
    found = conflicts("Secretary Hale will lead the delegation.", "Deputy Minister Orlov will lead the delegation.")
    assert found["entity"] == {"alpha": "Secretary Hale", "beta": "Deputy Minister Orlov"}


@pytest.mark.parametrize("full, short", [
    ("Secretary of State Ann J. Hale spoke with the minister.", "The minister spoke with Secretary Hale."),
    ("Prime Minister Shri Arun Mehta received the call.", "The President called Prime Minister Arun Mehta."),
    ("Foreign Minister Zhao Lin met the envoy.", "Minister Zhao received the envoy."),  # surname first
    ("Prime Minister Mehta's visit was discussed.", "They discussed a visit by Prime Minister Arun Mehta."),
])
def test_one_official_written_two_ways_is_no_conflict(full, short):
    # An initial, an honorific or a surname-first name made the opening line of real-looking pairs say
    # "conflict: entity" for one and the same minister.
    assert "entity" not in conflicts(full, short)


def test_an_official_the_other_side_names_without_a_title_is_no_entity_conflict():
    assert conflicts("Special Envoy Hale will brief the President on his return.",
                     "Special Envoy Roman Vask attended for our side, and Mr Hale will report to the President.") == {}
    assert conflicts("Special Envoy Hale will brief the President.", "Special Envoy Roman Vask will brief the President.")[
        "entity"] == {"alpha": "Special Envoy Hale", "beta": "Special Envoy Roman Vask"}


def test_officials_with_accented_names_still_differ():
    found = conflicts("Foreign Minister Emre Çelik led the delegation.", "Minister Öztürk led the delegation.")
    assert found["entity"] == {"alpha": "Foreign Minister Emre Çelik", "beta": "Minister Öztürk"}


def test_attribution_by_speaker():
    found = conflicts("Lind raised the grain deal.", "Marr raised the grain deal.",
                      speaker_a="Ada Lind", speaker_b="Boris Marr")
    assert found == {"attribution": {"alpha": "Ada Lind", "beta": "Boris Marr"}}


def test_both_leaders_or_narrator_is_no_attribution_conflict():
    assert conflicts("The leaders discussed grain.", "Marr raised grain.", speaker_a=BOTH, speaker_b="Boris Marr") == {}
    assert conflicts("Grain was discussed.", "Marr raised grain.", speaker_b="Boris Marr") == {}


def test_stance_agreed_versus_refused():
    found = conflicts("The sides agreed to extend the truce.", "Moscow refused to extend the truce.")
    assert found == {"stance": {"alpha": "agreed", "beta": "refused"}}


def test_negated_agreement_counts_as_refusal():
    found = conflicts("They agreed on a ceasefire.", "They did not agree on a ceasefire.")
    assert found["stance"] == {"alpha": "agreed", "beta": "not agree"}


def test_identical_details_give_no_conflicts():
    text = "On Tuesday, January 10, 2022, three experts agreed in Geneva at the OSCE, Secretary Hale said."
    assert conflicts(text, text, speaker_a="Ada Lind", speaker_b="Ada Lind") == {}


def test_three_sides_values_only_from_sides_that_state_them():
    found = find_conflicts({
        "alpha": [claim("alpha", "Talks on March 3.")],
        "beta": [claim("beta", "Talks on March 4.")],
        "press": [claim("press", "Talks soon.")],
    }, PAIR)
    assert [(c.kind, dict(c.values)) for c in found] == [("date", {"alpha": "March 3", "beta": "March 4"})]


def test_a_single_side_has_no_conflicts():
    assert find_conflicts({"alpha": [claim("alpha", "On May 1.")], "beta": []}, PAIR) == ()


def test_each_side_making_its_own_leader_the_subject_of_the_call_is_no_conflict():
    found = conflicts("President Lind spoke today with President Marr.",
                      "Boris Marr had a telephone conversation with Ada Lind.",
                      speaker_a="Ada Lind", speaker_b="Boris Marr")
    assert "attribution" not in found


def test_an_answer_to_the_other_leaders_remark_is_no_attribution_conflict():
    found = conflicts("Lind warned of a strong response.", "Marr replied in detail to the warning Lind had raised.",
                      speaker_a="Ada Lind", speaker_b="Boris Marr")
    assert "attribution" not in found


def test_each_side_giving_its_own_leaders_position_is_an_exchange_not_a_conflict():
    found = conflicts("Lind voiced concern about the treatment of reporters in the north.",
                      "Marr said reporting on the north must not be used to interfere in internal affairs.",
                      speaker_a="Ada Lind", speaker_b="Boris Marr")
    assert "attribution" not in found


def test_clock_times_compare_across_notations():
    assert conflicts("The call began at 3:35 p.m.", "The call began at 15:35.") == {}
    found = conflicts("The call began at 3:35 p.m.", "The call began at 4 p.m.")
    assert found == {"date": {"alpha": "3:35 p.m.", "beta": "4 p.m."}}


def test_clock_times_in_different_zones_are_not_compared():
    assert "date" not in conflicts("The call began at 10:00 local time.", "The call began at 18:00 Moscow time.")


def test_ordinals_of_the_same_thing():
    found = conflicts("It was their second call this year.", "It was their third call this year.")
    assert found == {"number": {"alpha": "second call", "beta": "third call"}}
    assert conflicts("First, the leaders spoke.", "The leaders spoke in a second round.") == {}


def test_a_point_one_side_makes_conditional_is_a_stance_conflict_with_each_sides_words():
    found = conflicts("The United States will help restore access to the grain market.",
                      "Points 1 and 2 take effect only after the sanctions on the farm bank are lifted.")
    assert set(found) == {"stance"}
    assert found["stance"]["alpha"].startswith("The United States will help restore")
    assert found["stance"]["beta"].startswith("take effect only after the sanctions on the farm bank")


@pytest.mark.parametrize("conditional, words", [
    ("The pause on strikes will last thirty days, provided the other side does likewise.",
     "provided the other side does likewise"),
    ("Ending arms deliveries must be a key condition for the pause on strikes.", "a key condition for the pause on strikes"),
    ("A full withdrawal is a necessary prerequisite for the pause on strikes.", "a necessary prerequisite for the pause"),
])
def test_a_condition_said_as_provided_or_as_a_condition_for_is_a_stance(conditional, words):
    found = conflicts("The leaders agreed on a pause on strikes of thirty days.", conditional)
    assert found["stance"]["beta"].startswith(words)


@pytest.mark.parametrize("settled, conditional", [
    # a commitment one side states plainly, the other only once something else happens
    ("Norland will open the grain corridor next month.",
     "Коридор будет открыт только в случае снятия санкций с сельскохозяйственного банка."),
    # agreed in Russian, conditional in English
    ("Стороны договорились о паузе в ударах на тридцать дней.",
     "The pause on strikes will hold only if Southland observes it in full."),
    ("The two leaders reached an agreement on a thirty-day pause on strikes.",
     "Марр согласился на паузу с условием, что другая сторона поступит так же."),
    ("Президенты договорились об обмене пленными.",
     "The exchange will take place on condition that the lists are agreed first."),
])
def test_a_condition_against_a_point_stated_as_settled_is_a_stance_conflict_in_english_and_russian(settled, conditional):
    found = conflicts(settled, conditional)
    assert set(found["stance"]) == {"alpha", "beta"}
    assert any(cue in found["stance"]["beta"] for cue in ("только в случае", "only if", "с условием", "on condition"))


@pytest.mark.parametrize("asked, conditional", [
    # a demand answered by the other leader's conditions: two moves of one exchange, both reported accurately
    ("President Lind pressed for a complete truce along the front before the winter.",
     "Marr stressed that a truce would be possible only after Southland's units leave the valley."),
    ("Lind told Marr that the shelling has to stop and called for an immediate truce.",
     "Марр подчеркнул, что прекращение огня возможно лишь после отвода войск Южной страны из долины."),
    # an offer the other side reports with its terms: the offer is no agreement
    ("Lind welcomed Marr's offer to keep within the missile limits for one more year.",
     "Марр напомнил, что его страна готова ещё год соблюдать ограничения при условии, что другая сторона "
     "будет действовать так же."),
    # a point only discussed: saying less is no contradiction
    ("The leaders discussed a truce.", "Ending arms deliveries must be a key condition for any truce."),
    # "will" about what a side seeks is no settled point
    ("Norland will keep pushing for a complete truce along the front.",
     "Marr said a truce would be possible only after Southland's units leave the valley."),
    ("The two leaders will work towards a truce before the winter.",
     "A truce is possible only if the arms deliveries stop."),
])
def test_a_demand_or_offer_answered_by_a_condition_is_no_stance_conflict(asked, conditional):
    assert "stance" not in conflicts(asked, conditional)


def test_agreement_and_refusal_read_alike_in_russian():
    assert conflicts("Стороны договорились о встрече министров.", "Marr refused to meet the ministers.")[
        "stance"] == {"alpha": "договорились", "beta": "refused"}
    assert conflicts("The leaders agreed on a meeting of ministers.", "Марр отказался от встречи министров.")[
        "stance"] == {"alpha": "agreed", "beta": "отказался"}
    assert conflicts("The leaders agreed on a meeting of ministers.", "Марр не согласился на встречу министров.")[
        "stance"] == {"alpha": "agreed", "beta": "не согласился"}


def test_provided_as_a_verb_is_no_condition():
    assert "stance" not in conflicts("The aid provided the army with shells.", "The aid gave the army shells.")


def test_a_denial_stands_against_a_plain_statement():
    found = conflicts("The President raised the detained journalists.",
                      "The question of journalists was not raised during the call.")
    assert found["stance"] == {"alpha": "The President raised the detained journalists.",
                               "beta": "was not raised during the call"}


@pytest.mark.parametrize("denial, words", [
    ("No, that topic did not come up today.", "did not come up today"),
    ("Eastland has never provided lethal weapons to any party to the war.", "has never provided lethal weapons to any party"),
    ("Attempts to blame Eastland for the flights over the airports are groundless.", "are groundless"),
    ("Such claims have no basis in fact.", "have no basis in fact"),
    ("Для подобных обвинений нет никаких оснований.", "нет никаких оснований"),
    ("Эти сообщения не соответствуют действительности.", "не соответствуют действительности"),
    ("Восточная страна никогда не поставляла оружие ни одной из сторон.", "никогда не поставляла оружие"),
    ("Об этом речи не шло.", "речи не шло"),
])
def test_a_denial_of_what_the_other_side_reports_is_a_stance_conflict_in_english_and_russian(denial, words):
    found = conflicts("The Chancellor raised Eastland's arms supplies and the flights over the airports.", denial)
    assert found["stance"]["alpha"].startswith("The Chancellor raised Eastland's arms supplies")
    assert found["stance"]["beta"].startswith(words)


@pytest.mark.parametrize("a, b", [
    # a policy said with "never" denies nothing the other side reports
    ("He raised the separatist groups.", "Eastland will never allow any separatist attempt to succeed."),
    ("He warned of further sanctions.", "The sanctions policy has never achieved its aims."),
])
def test_never_as_a_policy_or_a_verdict_is_no_denial(a, b):
    assert "stance" not in conflicts(a, b)


def test_an_act_one_side_calls_unlawful_and_the_other_lawful_is_a_stance_conflict():
    found = conflicts("He said the deployment is a violation of Norland's sovereignty.",
                      "Southland is acting in full accordance with international law.")
    assert found["stance"] == {"alpha": "violation of Norland's sovereignty",
                               "beta": "in full accordance with international law"}
    russian = conflicts("The blockade is illegal.", "Меры приняты в полном соответствии с нормами международного права.")
    assert set(russian["stance"]) == {"alpha", "beta"}


def test_a_concern_one_side_raises_and_the_other_calls_an_internal_affair_is_a_stance_conflict():
    found = conflicts("The Chancellor raised concerns about the detention of journalists in Eastland.",
                      "Matters concerning the journalists are Eastland's internal affairs and brook no interference.")
    assert found["stance"] == {"alpha": "raised concerns about the detention of journalists in Eastland",
                               "beta": "internal affairs and brook no interference"}
    drills = conflicts("He voiced concern over the scale of the naval drills.",
                       "The drills are a legitimate measure to defend the country's sovereignty.")
    assert drills["stance"]["beta"].startswith("legitimate measure to defend")
    owned = conflicts("He also set out Northland's concerns about the camps.", "The camps are an internal affair.")
    assert owned["stance"]["alpha"] == "set out Northland's concerns about the camps"


@pytest.mark.parametrize("a, b", [
    # both object: they agree
    ("He raised concerns about the drills.", "She expressed serious concern over the drills."),
    # a subject of shared concern is no objection
    ("They discussed issues of shared concern.", "Such questions are internal affairs."),
    # one side objects, the other says nothing of it
    ("He condemned the strikes.", "The leaders discussed the strikes."),
])
def test_no_objection_conflict_unless_one_side_objects_and_the_other_dismisses(a, b):
    assert "stance" not in conflicts(a, b)


@pytest.mark.parametrize("a, b", [
    # both sides call it unlawful: they agree
    ("The strikes violate international law.", "The attacks are illegal."),
    # one side judges, the other does not: saying less is no contradiction
    ("The annexation is illegal.", "The leaders discussed the peninsula."),
    # an unlawful-looking word inside another ("unlawfully" is not "lawful"), and "legitimate interests" is no verdict
    ("Detainees are held unlawfully.", "Russia defends its legitimate interests."),
])
def test_no_legality_conflict_unless_one_side_says_unlawful_and_the_other_lawful(a, b):
    assert "stance" not in conflicts(a, b)


@pytest.mark.parametrize("a, b", [
    # both sides make it conditional: they agree on the condition
    ("Aid resumes only after the ceasefire holds.", "Aid will resume only after the ceasefire holds for a week."),
    # the other side says less, negated: a stance of its own, not a plain statement to set against
    ("Sanctions were not discussed.", "The sides did not touch on sanctions in detail."),
    # a threat with a plain "if" is a warning, not a condition on a settled point
    ("Sanctions will follow if troops cross the border.", "Biden mentioned sanctions."),
])
def test_no_stance_conflict_when_the_sides_do_not_set_a_condition_or_denial_against_a_plain_point(a, b):
    assert "stance" not in conflicts(a, b)


def test_the_briefing_pair_flags_the_sanctions_answer_as_denied(tmp_path):
    from pathlib import Path

    from comparisons.engine import compare
    from readouts.library import Library

    root = Path(__file__).resolve().parents[2] / "benchmarks" / "quality" / "pairs"
    comp = compare(Library(root).load("2025-03-18-trump-putin-call-briefing"))
    stance = [c for link in comp.links for c in link.conflicts if c.kind == "stance"]
    assert [dict(c.values)["kremlin"] for c in stance] == ["was not raised in any detail"]


@pytest.mark.parametrize("objects, holds, words", [
    # an objection answered by "not on the table" or "not up for negotiation": the point is held against it
    ("Eastland firmly opposes the abuse of export controls and hopes the restrictions will be removed.",
     "The President said the limits on selling advanced chips protect national security and are not on the table.",
     "not on the table"),
    ("Eastland asked the other side to lift its unreasonable restrictions on Eastland's companies.",
     "He made clear that the export controls protect national security and are not up for negotiation.",
     "not up for negotiation"),
    # a condemnation answered by "in compliance with the norms of international humanitarian law"
    ("The Chancellor condemned the continued air strikes on the cities of Norland.",
     "The President stressed that the armed forces strike only military targets, acting in full compliance with the "
     "norms of international humanitarian law.",
     "in full compliance with the norms of international humanitarian law"),
    # a concern answered by "should not be politicized"
    ("The Minister expressed concern over the platforms Eastland has installed in the joint fishing zone.",
     "The Minister said the platforms stand in Eastland's own waters and the matter should not be politicized.",
     "should not be politicized"),
])
def test_an_objection_the_other_side_answers_as_non_negotiable_or_lawful_is_a_stance_conflict(objects, holds, words):
    found = conflicts(objects, holds)
    assert set(found) == {"stance"}
    assert found["stance"]["beta"].startswith(words)
    assert found["stance"]["alpha"]


@pytest.mark.parametrize("a, b", [
    # both sides hold the point: no objection to answer
    ("The tariffs are not up for negotiation.", "The leaders discussed the tariffs, which are not on the table."),
    # a side that opposes something and another that says nothing firm of it
    ("Eastland firmly opposes the sanctions.", "The leaders discussed the sanctions."),
    # "lawful" without an objection on the other side is no stance
    ("The strikes were in full compliance with international law.", "The sides discussed the strikes."),
])
def test_no_stance_conflict_without_an_objection_against_a_firm_answer(a, b):
    assert "stance" not in conflicts(a, b)


def test_opposing_interference_answers_an_objection_and_does_not_raise_one():
    found = conflicts("The President voiced concern over the camps in the northern province.",
                      "Eastland opposes using human rights as a pretext to interfere in its internal affairs.")
    assert found["stance"]["beta"] == "as a pretext to interfere in its internal affairs"


def test_who_asked_for_the_call_differs_is_an_attribution_conflict_with_each_sides_words():
    found = conflicts("The call took place at the request of the German side.",
                      "The conversation was held at the initiative of the French side.")
    assert found == {"attribution": {"alpha": "at the request of the German side",
                                     "beta": "at the initiative of the French side"}}
    # a participant named as the one who asked, against the other country's side
    pair = Pair(id="p", event="A meeting", date=dt.date(2022, 1, 1), sides=(Side("alpha", "x"), Side("beta", "x")),
                participants=(Participant("Ada Lind", ("Lind", "President Lind", "the President of Finland")),
                              Participant("Boris Marr", ("Marr",))))
    found = find_conflicts({"alpha": [claim("alpha", "The meeting was held at President Lind's request.")],
                            "beta": [claim("beta", "The meeting took place at the invitation of the American side.")]},
                           pair)
    assert {c.kind: dict(c.values) for c in found} == {
        "attribution": {"alpha": "at President Lind's request", "beta": "at the invitation of the American side"}}
    # the contact told as "spoke with", against the Russian wording
    found = find_conflicts(
        {"alpha": [claim("alpha", "President Marr spoke today with President Lind at President Lind's request.")],
         "beta": [claim("beta", "Разговор, прошедший по инициативе американской стороны, продолжался час.")]}, pair)
    assert {c.kind: dict(c.values) for c in found}["attribution"] == {
        "alpha": "at President Lind's request", "beta": "по инициативе американской стороны"}


@pytest.mark.parametrize("a, b", [
    # one initiator written two ways
    ("The call took place at the American side's initiative.", "The call was held at the request of the U.S. side."),
    ("The talks were held at the invitation of Finland.", "The talks took place at the initiative of the Finnish side."),
    # a request about another point than the call itself
    ("At the request of the German side, the detainee will be pardoned.",
     "The call took place at the initiative of the French side."),
    # one side says who asked, the other does not
    ("The call took place at the request of the German side.", "The two leaders spoke by telephone."),
    # someone not known to be of either country
    ("The call was held at the latter's request.", "The call took place at the initiative of the French side."),
])
def test_no_initiator_conflict_unless_both_sides_name_different_initiators_of_the_contact(a, b):
    assert "attribution" not in conflicts(a, b)


def test_we_talked_in_a_transcript_is_the_exchange_not_one_speakers_point():
    found = conflicts("We also talked about the rebuilding fund, which is already paying for its first projects.",
                      "Boris Marr stressed the rebuilding fund, which is already paying for its first projects.",
                      speaker_a="Ada Lind", speaker_b="Boris Marr")
    assert "attribution" not in found
    said = conflicts("Ada Lind stressed the rebuilding fund, which is already paying for its first projects.",
                     "Boris Marr stressed the rebuilding fund, which is already paying for its first projects.",
                     speaker_a="Ada Lind", speaker_b="Boris Marr")
    assert said["attribution"] == {"alpha": "Ada Lind", "beta": "Boris Marr"}


@pytest.mark.parametrize("approved", [
    "The guarantees will be strong, and the President wants them to be approved by the Senate.",
    "The guarantees will be strong once they are approved by parliament.",
])
def test_approval_by_a_third_body_is_no_agreement_of_the_sides(approved):
    assert "stance" not in conflicts(approved, "The President declined to discuss the guarantees.")
    assert conflicts("The sides approved the guarantees.", "The President declined to discuss the guarantees.")[
        "stance"] == {"alpha": "approved", "beta": "declined"}


def test_once_the_situation_allows_is_a_condition_as_only_after_is():
    assert "stance" not in conflicts("Elections will be held once the security situation allows.",
                                     "Elections can be held only after a ceasefire takes effect.")


def test_a_count_per_side_said_without_a_noun_is_compared_per_side():
    found = conflicts("The President welcomed the agreement to exchange 1,200 prisoners on each side.",
                      'It was noted that the parties had agreed on an exchange on a "900 for 900" basis.')
    assert found == {"number": {"alpha": "1,200 prisoners on each side", "beta": "900 for 900"}}
    more = conflicts("He welcomed the agreement to swap 250 more on each side.",
                     "Northland and Southland would exchange 175 prisoners for 175, and hand over the wounded.")
    assert more == {"number": {"alpha": "250 more on each side", "beta": "175 prisoners for 175"}}


@pytest.mark.parametrize("a, b", [
    ("The sides will exchange 300 prisoners on each side.", "A 300-for-300 exchange was agreed."),
    ("The sides agreed a 300 for 300 exchange.", "The sides will exchange 300 servicemen each."),
    # a count per side against a total is not the same figure: left alone
    ("The sides will exchange 300 prisoners on each side.", "The leaders spoke of the exchange."),
    # "each" of people who each act is no count per side
    ("The two leaders each spoke of the exchange.", "The sides agreed a 300 for 300 exchange."),
    # unequal figures are no count per side
    ("The vote was 12 for 3 in the council.", "The vote in the council went the other way, 9 for 6."),
])
def test_no_per_side_conflict_when_the_sides_give_one_figure_or_only_one_gives_it(a, b):
    assert "number" not in conflicts(a, b)


def test_russian_lengths_of_time_in_words_compare_with_english_figures():
    found = conflicts("The call lasted about ninety minutes.", "Разговор продолжался более двух с половиной часов.")
    assert found == {"number": {"alpha": "ninety minutes", "beta": "более двух с половиной часов"}}
    year = conflicts("Norland will keep to the limits for one more year.",
                     "Северная страна будет соблюдать ограничения ещё в течение полугода.")
    assert year["number"] == {"alpha": "one more year", "beta": "полугода"}


@pytest.mark.parametrize("a, b", [
    ("The call lasted more than an hour.", "Разговор продолжался около полутора часов."),
    ("Norland will keep to the limits for one more year.", "Россия готова ещё в течение одного года соблюдать ограничения."),
    ("The pause will last thirty days.", "Пауза продлится тридцать дней."),
    ("The pause will last two weeks.", "Пауза продлится 14 дней."),
    # a year is a date, not a length
    ("The talks lasted three years.", "Переговоры идут с 2024 года."),
])
def test_one_length_of_time_in_english_and_russian_is_no_conflict(a, b):
    assert "number" not in conflicts(a, b)


def test_a_count_per_side_in_russian_words_compares_with_the_english_figure():
    found = conflicts("The leaders welcomed the swap in which each side will free 500 people this weekend.",
                      "Президенты приветствовали договорённость об обмене в формате «тысяча на тысячу».")
    assert found["number"] == {"alpha": "each side will free 500", "beta": "тысяча на тысячу"}
    assert "number" not in conflicts("They will exchange 175 servicemen each.",
                                     "Стороны обменяются по 175 военнопленных.")
    assert conflicts("They agreed to swap 250 prisoners on each side.",
                     "Стороны передадут по двести человек с каждой стороны.")["number"] == {
        "alpha": "250 prisoners on each side", "beta": "по двести"}


@pytest.mark.parametrize("odd", ["Пауза продлится ² дня.", "Обмен ❶ на ❶.", "Разговор продолжался ³ часа."])
def test_digits_that_are_no_numbers_are_read_as_words_in_russian(odd):
    assert "number" not in conflicts("The pause will last two days.", odd)


def test_the_unit_of_a_count_per_side_is_one_in_both_readers():
    from comparisons.conflicts import numbers, numbers_ru

    assert numbers_ru.PER_SIDE == numbers.PER_SIDE


def test_a_count_per_side_with_its_noun_on_both_sides_is_told_once():
    found = find_conflicts({"alpha": [claim("alpha", "They agreed that 150 prisoners from each side would be freed.")],
                            "beta": [claim("beta", "The sides agreed to exchange 175 prisoners on each side.")]}, PAIR)
    assert [(c.kind, dict(c.values)) for c in found] == [
        ("number", {"alpha": "150 prisoners", "beta": "175 prisoners"})]


def test_lengths_of_time_in_years_months_weeks_and_days_compare_in_one_measure():
    found = conflicts("The leaders agreed to extend the lower tariffs for one more year.",
                      "The teams agreed to extend the pause on the extra tariffs by six months.")
    assert found == {"number": {"alpha": "one more year", "beta": "six months"}}
    assert conflicts("The pause was extended by two weeks.", "The pause was extended by ten days.")["number"] == {
        "alpha": "two weeks", "beta": "ten days"}


@pytest.mark.parametrize("a, b", [
    ("The pause was extended for another year.", "The pause was extended by twelve months."),
    ("The pause was extended by two weeks.", "The pause was extended by 14 days."),
    ("The pause was extended by half a year.", "The pause was extended by six months."),
    # months and days are not one measure (a month is no fixed number of days): left alone
    ("The pause was extended by one month.", "The pause was extended by 31 days."),
])
def test_one_length_of_time_said_in_two_units_is_no_conflict(a, b):
    assert "number" not in conflicts(a, b)


@pytest.mark.parametrize("refusal, words", [
    ("Eastland will not join any three-way nuclear disarmament negotiations.",
     "will not join any three-way nuclear disarmament negotiations"),
    ("Eastland is not prepared to take part in such negotiations at this stage.",
     "is not prepared to take part in such negotiations at this stage"),
    ("Eastland has no intention of joining such negotiations.", "has no intention of joining such negotiations"),
])
def test_a_side_that_will_not_join_what_the_other_says_was_agreed_is_a_stance_conflict(refusal, words):
    found = conflicts("The two leaders agreed to begin negotiations on reducing nuclear risks.", refusal)
    assert found["stance"] == {"alpha": "agreed", "beta": words}


def test_a_side_that_will_not_join_something_else_than_what_was_agreed_is_no_conflict():
    assert "stance" not in conflicts("The leaders agreed on the goal of a peninsula free of atomic arms.",
                                     "Eastland will not join any three-way nuclear disarmament negotiations.")


@pytest.mark.parametrize("unset, words", [
    ("Specific dates have not yet been discussed.", "Specific dates have not yet been discussed"),
    ("The dates of the visit will be agreed through diplomatic channels.",
     "dates of the visit will be agreed through diplomatic channels"),
    ("No date has been set for the summit.", "No date has been set"),
    ("Конкретные сроки пока не обсуждались.", "Конкретные сроки пока не обсуждались"),
])
def test_a_date_against_a_side_that_says_no_date_is_set_is_a_date_conflict(unset, words):
    found = conflicts("The leaders agreed to prepare a summit, which could take place as early as July.", unset)
    assert found == {"date": {"alpha": "July", "beta": words}}


@pytest.mark.parametrize("a, b", [
    # both sides say no date is set
    ("No date has been set for the summit.", "Specific dates have not yet been discussed."),
    # the other side gives no date at all: saying less is no contradiction
    ("The leaders agreed to prepare a summit.", "Specific dates have not yet been discussed."),
    # a year alone is no date set
    ("The summit could take place in 2027.", "Specific dates have not yet been discussed."),
])
def test_no_unset_date_conflict_unless_the_other_side_gives_a_date(a, b):
    assert "date" not in conflicts(a, b)


def test_talks_one_side_places_in_one_city_and_the_other_in_another_are_a_place_conflict():
    found = conflicts("Our teams will meet again in Geneva in about ten days.",
                      "The work of the delegations will continue in the coming days in Miami.")
    assert found["place"] == {"alpha": "Geneva", "beta": "Miami"}


def test_an_objection_answered_as_a_pretext_is_a_stance_conflict():
    found = conflicts("He raised concerns about the coast guard's dangerous actions against the fishing boats.",
                      "Eastland said the other side should not use a treaty as a pretext to harm its sovereignty.")
    assert found["stance"] == {"alpha": "raised concerns about the coast guard's dangerous actions against the …",
                               "beta": "as a pretext to harm its sovereignty"}


def test_an_encounter_one_side_calls_unsafe_and_the_other_professional_is_a_stance_conflict():
    found = conflicts("He raised concerns about unsafe and unprofessional intercepts of U.S. aircraft over the strait.",
                      "Eastland's pilots handled the encounter in a professional and restrained manner.")
    assert found["stance"] == {"alpha": "unsafe and unprofessional intercepts of U.S. aircraft over the …",
                               "beta": "in a professional and restrained manner"}
    russian = conflicts("The intercept was unsafe.", "Лётчики действовали профессионально и в соответствии с правилами.")
    assert set(russian["stance"]) == {"alpha", "beta"}
    assert "stance" not in conflicts("The intercept was unsafe.", "The ministers discussed the intercept.")
    assert "stance" not in conflicts("He raised unprofessional conduct.", "Its conduct was unsafe and reckless.")


def test_a_measure_one_side_says_lifted_and_the_other_suspended_is_a_stance_conflict():
    found = conflicts("He welcomed the lifting of the anti-dumping duties on Norland's cheese.",
                      "Eastland has decided to suspend the anti-dumping measures on cheese for six months.")
    assert found["stance"] == {"alpha": "lifting of the anti-dumping duties on Norland's cheese",
                               "beta": "suspend the anti-dumping measures on cheese for six months"}
    assert "stance" not in conflicts("The tariffs were removed.", "The tariffs have been lifted for good.")
    assert "stance" not in conflicts("The tariffs were suspended.", "The leaders discussed the tariffs.")
    # a lifting asked for is a demand, not a measure lifted
    for demand in ("The other side should honour its commitments, lift the unreasonable restrictions on our firms.",
                   "He hopes the U.S. side will remove its unreasonable restrictions on Eastland's companies.",
                   "He proposed lifting all the restrictions on the diplomats."):
        assert "stance" not in conflicts(demand, "Norland has decided to suspend the restrictions for six months.")


def test_a_citizen_one_side_calls_wrongfully_detained_and_the_other_convicted_is_a_stance_conflict():
    found = conflicts("The President raised the case of Ann Dale, a Norland teacher wrongfully detained since 2024.",
                      "A decision was taken to pardon Ann Dale, who had been sentenced for smuggling.")
    assert found["stance"] == {"alpha": "wrongfully detained since 2024",
                               "beta": "had been sentenced for smuggling"}
    assert "stance" not in conflicts("Ann Dale was wrongfully detained.", "The leaders discussed Ann Dale.")
    assert "stance" not in conflicts("Relations should not be held hostage to the dispute.",
                                     "Ann Dale had been sentenced for smuggling.")


def test_a_release_asked_for_against_no_interference_is_a_stance_conflict():
    found = conflicts("The Prime Minister raised the case of Ian Moor and asked that he be released on humanitarian "
                      "grounds.", "Matters in the province brook no interference by any external force.")
    assert found["stance"]["alpha"].startswith("raised the case of Ian Moor")
    assert found["stance"]["beta"].startswith("brook no interference")


def test_a_denial_stands_against_a_side_that_objects_even_with_a_negation_elsewhere():
    found = conflicts("The Chancellor expressed his serious concern about the drone flights over the airports and "
                      "warned that such attacks would not remain without consequences.",
                      "Attempts to blame Eastland for these incidents are groundless.")
    assert found["stance"]["alpha"].startswith("expressed his serious concern about the drone flights")
    assert found["stance"]["beta"] == "are groundless"


def test_territorial_integrity_against_the_realities_on_the_ground_is_a_stance_conflict():
    found = conflicts("A lasting peace must respect Norland's sovereignty and territorial integrity.",
                      "A lasting settlement must take into account the realities on the ground.")
    assert found["stance"] == {"alpha": "sovereignty and territorial integrity",
                               "beta": "realities on the ground"}


@pytest.mark.parametrize("a, b", [
    # both sides speak of territorial integrity: they agree
    ("The leaders reaffirmed Norland's territorial integrity.", "Any settlement must respect territorial integrity."),
    # one side says it, the other says nothing of it
    ("A lasting peace must respect Norland's territorial integrity.", "The leaders discussed a lasting settlement."),
])
def test_no_territory_conflict_unless_one_side_holds_to_integrity_and_the_other_to_realities(a, b):
    assert "stance" not in conflicts(a, b)


def test_a_demand_to_stop_answered_by_holding_the_point_is_a_stance_conflict():
    found = conflicts("The Secretary pressed Eastland to stop supplying the machine tools that keep the war going.",
                      "The other side should stop smearing Eastland.")
    assert found["stance"] == {"alpha": "pressed Eastland to stop supplying the machine tools that keep the war …",
                               "beta": "stop smearing Eastland"}
    # a denial of the supplies answers the demand first: it is what the reader must see
    denied = conflicts("The Secretary pressed Eastland to stop supplying the machine tools that keep the war going.",
                       "Eastland has never provided weapons to either party, and the other side should stop smearing it.")
    assert denied["stance"] == {"alpha": "The Secretary pressed Eastland to stop supplying the …",
                                "beta": "has never provided weapons to either party, and the other side …"}
    assert "stance" not in conflicts("The Secretary pressed Eastland to stop supplying the machine tools.",
                                     "The ministers discussed the machine tools.")


@pytest.mark.parametrize(("a", "b"), [
    ("He said the sanctions on Eastland's banks would remain in place until the dispute is settled.",
     "Marr said the sanctions on the banks were illegitimate and should be lifted."),
    ("The Prime Minister made clear that the restrictions will stay in force.",
     "The President called for the lifting of the restrictions on Eastland's exports."),
    ("Norland will maintain its sanctions against Eastland's shipping companies.",
     "Marr urged Norland to lift the sanctions against the shipping companies without delay."),
    ("The duties on steel will not be lifted.", "The duties on steel must be removed, the President insisted."),
    ("He said the export controls remain in effect.", "The export controls were lifted last week."),
    ("Норландия сохранит санкции против банков Истланда.", "The sanctions on the banks should be lifted, Marr said."),
    ("The sanctions will remain in place.", "Президент призвал отменить санкции против банков."),
])
def test_a_measure_one_side_keeps_and_the_other_wants_lifted_is_a_stance_conflict(a, b):
    found = conflicts(a, b)
    assert set(found["stance"]) == {"alpha", "beta"}, found


@pytest.mark.parametrize(("a", "b"), [
    # both keep, or both want it lifted
    ("The sanctions will remain in place.", "Norland will maintain its sanctions."),
    ("The sanctions should be lifted.", "Marr called for the lifting of the sanctions."),
    # one side says nothing of keeping or lifting
    ("The sanctions should be lifted.", "The ministers discussed the sanctions on the banks."),
    ("The sanctions will remain in place.", "The ministers discussed the sanctions on the banks."),
    # a lifting on a condition is no lifting asked for: it keeps the measure until then
    ("The sanctions will stay in force.", "The sanctions could be eased if the talks succeed."),
    ("Norland will maintain its sanctions.", "Marr said the sanctions would be lifted when the dispute is settled."),
    # ... nor is it a condition set against a settled point: both say the measure stays until then
    ("The sanctions will remain in place.", "The sanctions will be lifted only once the dispute is settled."),
    ("Norland will keep its sanctions on the banks.",
     "The sanctions on the banks will be lifted only after Eastland withdraws its troops."),
    ("The sanctions will remain in place.", "The sanctions will be lifted provided that Eastland withdraws."),
])
def test_no_stance_conflict_unless_one_side_keeps_a_measure_and_the_other_wants_it_lifted(a, b):
    assert "stance" not in conflicts(a, b)


@pytest.mark.parametrize(("a", "b"), [
    # a lifting stated as settled against the same lifting on a condition: the condition rule still holds
    ("The sanctions will be lifted.", "The sanctions will be lifted only once the dispute is settled."),
    ("The agreement will take effect on Monday.", "The agreement will take effect only after the sanctions are lifted."),
])
def test_a_settled_lifting_or_agreement_against_a_condition_is_still_a_stance_conflict(a, b):
    assert set(conflicts(a, b)["stance"]) == {"alpha", "beta"}
