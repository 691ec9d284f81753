"""Conflicts: where linked claims disagree on a checkable detail (a date, a number, a place, who said it) or on
its substance (agreed / refused).

``detect.find_conflicts`` runs every kind on one link; ``dates``, ``numbers``, ``names``, ``statements``,
``initiative`` and ``verdicts`` each read one kind's values from a claim, and ``gazetteer`` is the data ``names`` and
``initiative`` read places, bodies and countries by.
"""
