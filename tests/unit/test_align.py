"""Alignment: which claims of two or more readouts report the same point, and which are left out."""

from __future__ import annotations

import random
from dataclasses import replace

from builders import document
from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons.matching.align import align
from comparisons.params import default_params
from comparisons.matching.similarity import get_scorer
from readouts.model import Document, Side

LONDON = [
    "The Prime Minister spoke to the Chancellor of Austria this afternoon.",
    "He offered his condolences for the victims of the floods in Styria.",
    "The leaders agreed that gas supplies for the winter must be secured through new pipeline links.",
    "The Prime Minister welcomed the plan to open talks on a fisheries agreement in Vienna on 12 March.",
    "He also raised the case of the journalist detained in Minsk.",
]
VIENNA = [
    "Federal Chancellor held a telephone conversation with the British Prime Minister.",
    "Negotiations on fishing rights will begin in Vienna on March 12.",
    "The Chancellor thanked the Prime Minister for his sympathy after the deadly flooding in Styria.",
    "Both sides stressed the importance of energy security and of the pipeline projects.",
    "The Chancellor presented Austria's candidacy for the Security Council.",
]


def texts_of(alignment, documents) -> set[frozenset[str]]:
    by_id = {c.id: c.text for d in documents for c in d.claims}
    return {frozenset(by_id[c] for c in ids) for ids, _ in alignment.links}


def test_the_same_points_are_linked_and_one_sided_points_are_omissions():
    docs = [document("london", LONDON), document("vienna", VIENNA)]
    result = align(docs, {}, get_scorer("lexical"))
    links = {ids for ids, _ in result.links}
    assert ("london:0", "vienna:0") in links
    assert ("london:1", "vienna:2") in links
    assert ("london:2", "vienna:3") in links
    assert ("london:3", "vienna:1") in links
    assert set(result.omitted) == {"london:4", "vienna:4"}


def test_reordering_one_side_finds_the_same_links():
    docs = [document("london", LONDON), document("vienna", VIENNA)]
    before = texts_of(align(docs, {}, "lexical"), docs)
    # A readout opens with the call itself; the points after it come in any order.
    body = VIENNA[1:]
    random.Random(7).shuffle(body)
    shuffled = VIENNA[:1] + body
    assert shuffled != VIENNA
    docs_after = [document("london", LONDON), document("vienna", shuffled)]
    after = texts_of(align(docs_after, {}, "lexical"), docs_after)
    assert before == after


def test_a_point_spread_over_two_sentences_links_to_the_one_sentence_that_compresses_it():
    long_side = document("long", [
        "The President spoke with the King of Jordan.",
        "They discussed the humanitarian corridors for the evacuation of civilians from Gaza.",
        "The President said that aid convoys through the Rafah crossing must reach civilians in Gaza.",
        "The President invited the King to visit Washington in the spring.",
    ])
    short_side = document("short", [
        "The King had a telephone conversation with the President.",
        "They focused on the evacuation of civilians from Gaza and aid convoys through the Rafah crossing.",
    ])
    result = align([long_side, short_side], {}, "lexical")
    links = {ids for ids, _ in result.links}
    assert ("long:1", "long:2", "short:1") in links
    assert "long:3" in result.omitted


def test_three_sides_are_linked_across_all_of_them():
    press = document("press", [
        "Both accounts say the Prime Minister and the Chancellor held a phone call.",
        "Both accounts mention talks on fishing rights in Vienna on 12 March.",
        "Only Vienna mentions the bid for a Security Council seat.",
    ])
    docs = [document("london", LONDON), document("vienna", VIENNA), press]
    result = align(docs, {}, "lexical")
    links = {ids for ids, _ in result.links}
    assert ("london:0", "vienna:0", "press:0") in links
    assert ("london:3", "vienna:1", "press:1") in links
    assert any({"vienna:4", "press:2"} <= set(ids) for ids in links)


def test_every_link_spans_two_sides_and_scores_between_zero_and_one():
    docs = [document("london", LONDON), document("vienna", VIENNA)]
    for ids, score in align(docs, {}, "lexical").links:
        assert len({cid.split(":")[0] for cid in ids}) >= 2
        assert 0.0 <= score <= 1.0


def test_topics_that_disagree_weaken_a_link_but_topics_are_optional():
    docs = [document("london", LONDON), document("vienna", VIENNA)]
    without = align(docs, {}, "lexical")
    agreeing = {"london:2": ("economy",), "vienna:3": ("economy",)}
    disagreeing = {"london:2": ("economy",), "vienna:3": ("humanitarian",)}
    score = lambda result: dict(result.links)[("london:2", "vienna:3")]
    assert score(align(docs, agreeing, "lexical")) >= score(without)
    assert score(align(docs, disagreeing, "lexical")) < score(without)


TOKYO = [
    "The Foreign Minister met her Chinese counterpart in Busan.",
    "She underlined how much a calm and predictable Taiwan Strait matters to the whole region.",
    "She asked for the release of Japanese nationals held in China.",
]
BEIJING = [
    "The Foreign Minister met the Japanese Foreign Minister in Busan.",
    ("He said the Taiwan question concerns the political foundation of bilateral ties and urged Tokyo to act "
     "with prudence."),
    "He called for more flights between the two countries.",
]


def test_two_claims_that_share_only_their_telling_name_link_when_each_is_the_others_best_partner():
    docs = [document("tokyo", TOKYO), document("beijing", BEIJING)]
    on_taiwan = {"tokyo:1": ("taiwan",), "beijing:1": ("taiwan",)}
    result = align(docs, on_taiwan, "lexical")
    links = dict(result.links)
    # Framed in opposite ways, the two sentences share little but "Taiwan": too weak for an ordinary merge.
    assert ("tokyo:1", "beijing:1") in links and links[("tokyo:1", "beijing:1")] < default_params().merge_mean
    assert {"tokyo:2", "beijing:2"} <= set(result.omitted)


WASHINGTON = [
    "The Secretary met the Foreign Minister in Vienna.",
    "He urged an immediate ceasefire.",
    "They also exchanged views on strategic stability, the Middle East and the Korean Peninsula.",
]
MOSCOW = [
    "The Foreign Minister met the Secretary of State in Vienna.",
    "The sides discussed strategic stability and the future of arms control treaties.",
    "The situation in the Middle East was also reviewed, with a focus on Gaza.",
    "On the Korean Peninsula, the minister blamed the drills of the United States for the tensions.",
    "He raised the return of the diplomatic property.",
]
LISTED = {"washington:2": ("arms-control", "regional"), "moscow:1": ("arms-control",), "moscow:2": ("regional",),
          "moscow:3": ("de-escalation", "regional"), "moscow:4": ("bilateral",)}


def test_a_sentence_listing_several_points_links_to_each_point_the_other_side_reports_apart():
    docs = [document("washington", WASHINGTON), document("moscow", MOSCOW)]
    result = align(docs, LISTED, "lexical")
    listing = next(ids for ids, _ in result.links if "washington:2" in ids)
    # "strategic stability" is the list's best partner; the Middle East and Korea sentences report its other items.
    assert set(listing) == {"washington:2", "moscow:1", "moscow:2", "moscow:3"}
    assert result.link_evidence[frozenset(listing)].rule == "enumeration"
    assert "moscow:4" in result.omitted


def test_a_list_of_manners_is_no_enumeration():
    docs = [document("washington", ["The talks were frank, constructive and covered the Middle East."]),
            document("moscow", MOSCOW)]
    result = align(docs, {**LISTED, "washington:0": ("regional",)}, "lexical")
    assert all(rule.rule != "enumeration" for rule in result.link_evidence.values())


def _one_paragraph(key: str, sentences: list[str]) -> Document:
    built = document(key, sentences)
    return replace(built, claims=tuple(replace(c, paragraph=0) for c in built.claims))


EASTLAND = [
    "The President of Eastland held a telephone conversation with the Chancellor.",
    ("A thirty-day halt to the shelling of the river ports was proposed, to let the grain barges sail and the "
     "farmers sell their harvest abroad."),
]


def test_a_claim_that_points_back_joins_the_link_of_the_claim_before_it_on_less():
    def westland(third: str) -> list[str]:
        return ["The Chancellor spoke with the President of Eastland.",
                "The President proposed a thirty-day pause in the shelling of the river ports.", third,
                "The Chancellor raised the trade dispute."]

    pointing = align([_one_paragraph("west", westland(
        "The Chancellor welcomed this initiative and hoped the harvest could be sold.")),
        document("east", EASTLAND)], {}, "lexical")
    # "this initiative" is the proposal before it: the same point, though its own words share little.
    assert ("west:1", "west:2", "east:1") in dict(pointing.links)
    plain = align([_one_paragraph("west", westland(
        "The Chancellor welcomed the good weather and hoped the harvest could be sold.")),
        document("east", EASTLAND)], {}, "lexical")
    assert "west:2" in plain.omitted


def test_a_weak_best_partner_on_another_topic_stays_an_omission():
    docs = [document("tokyo", TOKYO), document("beijing", BEIJING)]
    apart = {"tokyo:1": ("taiwan",), "beijing:1": ("trade",)}
    result = align(docs, apart, "lexical")
    assert {"tokyo:1", "beijing:1"} <= set(result.omitted)


def with_speakers(doc: Document, speakers: dict[int, str]) -> Document:
    claims = tuple(replace(c, speaker=speakers.get(c.index)) for c in doc.claims)
    return Document(doc.side, claims)


def test_claims_attributed_to_different_speakers_score_lower_and_name_forms_do_not_matter():
    docs = [document("london", LONDON), document("vienna", VIENNA)]
    score = lambda result: dict(result.links)[("london:2", "vienna:3")]
    unknown = score(align(docs, {}, "lexical"))
    same = score(align([with_speakers(docs[0], {2: "Keir Starmer"}),
                        with_speakers(docs[1], {3: "Prime Minister Starmer"})], {}, "lexical"))
    other = score(align([with_speakers(docs[0], {2: "Prime Minister Starmer"}),
                         with_speakers(docs[1], {3: "Prime Minister Nehammer"})], {}, "lexical"))
    assert same == unknown
    assert other < unknown


def test_an_aide_answering_for_a_side_is_no_other_speaker_than_the_leaders_it_reports_on():
    """In a briefing every answer is the aide's turn; the aide speaks in the side's name, so a point the other side
    gives its leader is not "another speaker's" point. A participant speaking still is."""
    docs = [document("london", LONDON), document("vienna", VIENNA)]
    score = lambda result: dict(result.links)[("london:2", "vienna:3")]
    voices = ["Keir Starmer", "Karl Nehammer"]
    unknown = score(align(docs, {}, "lexical", voices=voices))
    aide = [with_speakers(docs[0], {2: "Keir Starmer"}), with_speakers(docs[1], {3: "Press Secretary Anna Gruber"})]
    leaders = [with_speakers(docs[0], {2: "Keir Starmer"}), with_speakers(docs[1], {3: "Chancellor Nehammer"})]
    assert score(align(aide, {}, "lexical", voices=voices)) == unknown
    assert score(align(aide, {}, "lexical")) < unknown  # without the participants every speaker counts
    assert score(align(leaders, {}, "lexical", voices=voices)) < unknown


def test_a_side_without_claims_leaves_everything_omitted():
    docs = [document("london", LONDON), Document(Side("empty", ""), ())]
    result = align(docs, {}, "lexical")
    assert result.links == ()
    assert set(result.omitted) == {f"london:{i}" for i in range(len(LONDON))}


WORDS = ("sanctions", "Geneva", "talks", "ceasefire", "grain", "ports", "March 3", "40", "nuclear", "visit",
         "condolences", "tensions", "cyberattacks", "Taiwan", "climate", "prisoners", "the", "leaders", "agreed")
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(lambda ws: " ".join(ws) + ".")
sides = st.lists(sentences, min_size=0, max_size=8)


@settings(max_examples=60, deadline=None)
@given(sides, sides, sides)
def test_every_claim_is_in_exactly_one_link_or_omitted_and_results_repeat(a, b, c):
    docs = [document("a", a), document("b", b), document("c", c)]
    first = align(docs, {}, "lexical")
    placed = [cid for ids, _ in first.links for cid in ids] + list(first.omitted)
    assert sorted(placed) == sorted(claim.id for d in docs for claim in d.claims)
    assert all(len({cid.split(":")[0] for cid in ids}) >= 2 for ids, _ in first.links)
    again = align(list(docs), {}, get_scorer("lexical"))
    assert again == first


def synthetic_pair(sentences_per_side: int, seed: int) -> list[Document]:
    """Readout-like text: a large vocabulary (new words keep appearing as a text grows) and some very common words."""
    rng = random.Random(seed)
    vocabulary = [f"term{i}" for i in range(sentences_per_side * 3)]
    common = ["Russia", "talks", "the", "president", "security"]

    def sentence() -> str:
        words = rng.sample(vocabulary, 6) + rng.sample(common, 2)
        return " ".join(words) + "."

    return [document(side, [sentence() for _ in range(sentences_per_side)]) for side in ("x", "y")]


def test_candidate_generation_grows_far_slower_than_all_pairs():
    small = align(synthetic_pair(150, 1), {}, "lexical").scored_pairs
    large = align(synthetic_pair(600, 1), {}, "lexical").scored_pairs
    assert small > 0
    # All-pairs scoring would grow 16-fold for four times the sentences; blocking keeps it near linear.
    assert large <= 8 * small
    assert large < 600 * 600 / 5


def test_results_do_not_depend_on_the_process_hash_seed():
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from comparisons.matching.align import align\n"
        "from readouts.model import Claim, Document, Side\n"
        "def doc(key, sentences):\n"
        "    claims = tuple(Claim(key, i, 0, len(s), s, paragraph=i) for i, s in enumerate(sentences))\n"
        "    return Document(Side(key, ''), claims)\n"
        f"print(align([doc('london', {LONDON!r}), doc('vienna', {VIENNA!r})], {{}}, 'lexical'))\n"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "london:0" in outputs.pop()


def test_a_russian_readout_links_to_an_english_one_through_dates_numbers_and_concepts():
    english = document("en", [
        "The two sides agreed to halt strikes on energy facilities for 30 days from March 18.",
        "They will work to restore access to world markets for grain and fertilizer exports.",
        "The United States thanked Saudi Arabia for hosting the talks.",
    ])
    russian = document("ru", [
        "Стороны договорились о запрете ударов по объектам энергетики сроком на 30 суток с 18 марта.",
        "США будут способствовать восстановлению доступа экспорта зерна и удобрений на мировой рынок.",
        "Российская сторона подняла вопрос о работе дипломатических представительств.",
    ])
    result = align([english, russian], {}, "lexical")
    links = {ids for ids, _ in result.links}
    assert ("en:0", "ru:0") in links
    assert ("en:1", "ru:1") in links
    assert {"en:2", "ru:2"} <= set(result.omitted)


def test_a_briefing_on_the_front_meets_the_other_sides_battlefield_in_other_words():
    kyiv = document("kyiv", [
        "The President of Ukraine held a phone call with the Prime Minister.",
        "He briefed his counterpart on the latest situation at the front and the enemy's attacks near the river.",
        "The parties also spoke about the reconstruction conference in the autumn.",
    ])
    london = document("london", [
        "The Prime Minister spoke to President Zelenskyy this morning.",
        "The leaders discussed the battlefield situation in detail.",
        "The Prime Minister set out the new package of long-range weapons.",
    ])
    result = align([kyiv, london], {}, "lexical")
    assert ("kyiv:1", "london:1") in {ids for ids, _ in result.links}


def test_a_request_to_use_influence_meets_the_promise_of_a_constructive_role():
    washington = document("washington", [
        "The President spoke with President Xi of China by video.",
        "He urged China to use its influence with Moscow.",
        "The leaders also reviewed the export controls announced in May.",
    ])
    beijing = document("beijing", [
        "President Xi held a video call with the US President.",
        "Xi stressed that China will keep playing a constructive role in its own way.",
        "Xi said the Taiwan question is the first red line that must not be crossed.",
    ])
    result = align([washington, beijing], {}, "lexical")
    assert ("washington:1", "beijing:1") in {ids for ids, _ in result.links}


def test_what_one_side_asks_for_meets_what_the_other_sides_package_holds():
    kyiv = document("kyiv", [
        "President Zelenskyy had a phone conversation with President Biden.",
        "He said that shells and drones are what the defenders need most in the east.",
        "The President also spoke about the return of deported children.",
    ])
    washington = document("washington", [
        "President Biden spoke with President Zelenskyy of Ukraine today.",
        "He described the new package, which includes heavy artillery, ammunition and unmanned aerial systems.",
        "The President reaffirmed support for the country's bid to join the European Union.",
    ])
    result = align([kyiv, washington], {}, "lexical")
    assert ("kyiv:1", "washington:1") in {ids for ids, _ in result.links}


def test_a_call_for_a_level_playing_field_meets_the_promise_of_a_non_discriminatory_environment():
    berlin = document("berlin", [
        "The Chancellor held a video call with President Xi Jinping.",
        "He argued for a level playing field and reciprocal access for German companies.",
        "The Chancellor also raised the situation in Xinjiang.",
    ])
    beijing = document("beijing", [
        "President Xi Jinping held a video call with the German Chancellor.",
        "Xi said China will give German enterprises a fair, just and non-discriminatory environment.",
        "Xi called for closer cooperation on climate and food security.",
    ])
    result = align([berlin, beijing], {}, "lexical")
    assert ("berlin:1", "beijing:1") in {ids for ids, _ in result.links}


class FixedScores:
    """A scorer whose pair scores are given: the aligner's grouping rules tested without any wording."""

    name = "fixed"

    def __init__(self, scores: dict[tuple[str, str], float]):
        self.scores = {frozenset(pair): s for pair, s in scores.items()}

    def prepare(self, documents, params=None):
        return self

    def keys(self, claim_id):
        return frozenset({"subject"})

    def score(self, a, b, *, score_cutoff=0.0):
        return self.scores.get(frozenset((a, b)), 0.0)


def test_one_claim_may_answer_several_but_a_block_of_several_on_each_side_needs_stronger_pairs():
    left = document("left", ["One.", "Two."])
    right = document("right", ["Uno.", "Something else.", "Dos."])
    # left:0 and right:0 are one point and left:1 restates it; right:2 shares only the subject with both.
    scores = FixedScores({("left:0", "right:0"): 0.34, ("left:1", "right:0"): 0.3,
                          ("left:0", "right:2"): 0.25, ("left:1", "right:2"): 0.24})
    alignment = align([left, right], {}, scores)
    assert [ids for ids, _ in alignment.links] == [("left:0", "left:1", "right:0")]
    assert alignment.omitted == ("right:1", "right:2")


def test_two_leftovers_that_share_only_the_countries_the_readouts_are_about_stay_omissions():
    """The openings name the two countries ("spoke with President Putin of Russia"), so any two claims may name
    them too; alone they tell no point from another, however much each claim is the other's best partner."""
    washington = ["President Biden spoke today with President Putin of Russia about the grain deal and the prisoners.",
                  "He raised the case of an American citizen held in custody."]
    moscow = ["Vladimir Putin had a telephone conversation with the President of the United States, at the American "
              "side's initiative, on the Black Sea region, the grain corridor and the exchange of prisoners.",
              "Vladimir Putin expressed condolences over the storms in the southern United States."]
    same_subject = {"white-house:1": ("bilateral",), "kremlin:1": ("bilateral",)}
    result = align([document("white-house", washington), document("kremlin", moscow)], same_subject, "lexical")
    assert ("white-house:0", "kremlin:0") in dict(result.links)
    assert {"white-house:1", "kremlin:1"} <= set(result.omitted)
    # the why of the omission names the condition the weaker rule failed, not just a threshold the score passed
    assert result.omission_evidence["white-house:1"].reason.endswith(
        "does not apply: they share only the countries the readouts are about")
    # (the country alone also weakens the pair's score, sole_unit; kept whole here, so that the why reaches the
    # topics condition)
    whole = default_params().replace(sole_unit=1.0)
    apart = align([document("white-house", washington), document("kremlin", moscow)],
                  {"white-house:1": ("bilateral",), "kremlin:1": ("humanitarian",)}, "lexical", whole)
    assert apart.omission_evidence["white-house:1"].reason.endswith("does not apply: their topics share nothing")
    # a claim with no topic the aligner weighs is said to have none, not to share nothing: the user may see a topic
    # on it that it took from its paragraph
    untagged = align([document("white-house", washington), document("kremlin", moscow)],
                     {"white-house:1": ("bilateral",)}, "lexical", whole)
    assert untagged.omission_evidence["white-house:1"].reason.endswith(
        "does not apply: kremlin:1 has no topic of its own to share (a topic taken from its paragraph is not weighed)")
    # a telling name shared besides the country still links them
    moscow[1] = "Vladimir Putin said the American detained in Tver had been tried."
    washington[1] = "He raised the case of an American citizen held in Tver."
    result = align([document("white-house", washington), document("kremlin", moscow)], same_subject, "lexical")
    assert ("white-house:1", "kremlin:1") in dict(result.links)


def test_a_sentence_every_side_repeats_links_them_all_however_many_sides_there_are():
    """A press review of one call by many outlets: every key of the shared sentence is on more sides than blocking
    reads (``max_posting``), which used to leave the sentence with no candidate, omitted on every side."""
    sides = 2 * default_params().max_posting
    docs = [document(f"outlet{i}", ["The two leaders agreed to talk again soon."]) for i in range(sides)]
    result = align(docs, {}, "lexical")
    assert [len(ids) for ids, _ in result.links] == [sides]
    assert not result.omitted
