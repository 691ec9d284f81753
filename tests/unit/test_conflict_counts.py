"""A conflict is a link whose claims disagree (SPEC §1): every count of conflicts a user reads counts links, so the
library's Cf column, its preview, `dualread stats`, the library export's index and `dualread show` agree."""

from __future__ import annotations

import datetime as dt

from comparisons.claim_index import rows_of
from comparisons.engine import compare
from comparisons.reports.view import report_view
from readouts.model import Pair, Side

NORLAND = ("Call of the ministers\n\n"
           "The ministers of Norland and Eastland agreed that their delegations will meet on January 10 in Geneva for "
           "three rounds of talks on fishing quotas.\n\n"
           "The ministers also discussed the grain corridor through the northern ports.")
EASTLAND = ("Call with the Norland minister\n\n"
            "The ministers of Eastland and Norland agreed that the delegations will meet on January 12 in Geneva for "
            "two rounds of talks on the fishing quotas.\n\n"
            "The weather in the capital was discussed at length by the aides.")


def test_a_link_disagreeing_on_a_date_and_a_number_is_one_conflict_everywhere():
    from tui.widgets.library.listing import figures_of

    comparison = compare(Pair(id="2024-01-05-norland-eastland-call", event="A call", date=dt.date(2024, 1, 5),
                              sides=(Side("norland", NORLAND), Side("eastland", EASTLAND))))
    conflicted = [link for link in comparison.links if link.conflicts]
    assert len(conflicted) == 1 and {c.kind for c in conflicted[0].conflicts} == {"date", "number"}
    assert report_view(comparison).conflicts == 1  # show: "1 link with conflicts"
    assert rows_of(comparison).conflicts == 1  # the claim index: the library's Cf, stats, the export's index
    assert figures_of(comparison).conflicts == 1  # the library screen's figures of a pair not yet indexed
