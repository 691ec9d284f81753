"""The one line people are written on (``dualread add --participant`` and the pair form's People field): a name
or alias holding ``,`` ``;`` or ``=`` is quoted, so every person reads back as written; values written before
quoting existed read as they always did."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.errors import DualreadError
from readouts.model import Participant
from tui.commands.add import parse_participants
from tui.commands.people_syntax import read_person, split_people, write_people

_PART = st.text(alphabet=st.sampled_from(list('ab ,;="')), min_size=1, max_size=12).map(
    lambda text: " ".join(text.split())).filter(bool)


@given(st.lists(st.tuples(_PART, st.lists(_PART, max_size=3, unique=True)), min_size=1, max_size=4))
def test_any_people_read_back_as_written(people):
    participants = [Participant(name, tuple(a for a in aliases if a != name)) for name, aliases in people]
    text = write_people(participants)
    assert parse_participants(split_people(text)) == participants


@pytest.mark.parametrize("text, people", [
    ("Anna Berg=Berg, Minister Berg; Tomas Ek", [("Anna Berg", ("Berg", "Minister Berg")), ("Tomas Ek", ())]),
    ("Biden, Jr.=Biden", [("Biden, Jr.", ("Biden",))]),  # a comma in a name never ended it
    ('Dwayne "The Rock" Johnson=Johnson', [('Dwayne "The Rock" Johnson', ("Johnson",))]),
    ("A=B=C, D", [("A", ("B=C", "D"))]),
    ('Joseph R. Biden=Biden, "Biden, Jr."', [("Joseph R. Biden", ("Biden", "Biden, Jr."))]),
    ('"Ek; Tomas"="the ""trade"" minister"', [("Ek; Tomas", ('the "trade" minister',))]),
])
def test_the_field_reads_old_values_as_before_and_quoted_ones_whole(text, people):
    assert [(p.name, p.aliases) for p in parse_participants(split_people(text))] == people


@pytest.mark.parametrize("value", ['"Biden=Biden', 'Biden="Biden, Jr." Sr.'])
def test_a_quote_left_open_or_text_after_it_is_one_clear_error(value):
    with pytest.raises(DualreadError) as caught:
        read_person(value)
    assert caught.value.field == "--participant" and caught.value.value == value
