"""Matching: which claims of different sides report the same point.

``features`` says what a claim offers (stems, concepts, entities, dates, numbers), ``concepts`` holds the lexicons
of diplomatic paraphrase, ``similarity`` (and the optional ``semantic``) scores two claims, ``candidates`` picks the
few pairs worth scoring, and ``align`` turns scores into links and omissions.
"""
