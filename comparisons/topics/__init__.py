"""Topics: the taxonomy in force, the signals it defines, and the topics each claim carries.

``taxonomy`` reads and checks taxonomies (``default_topics.yaml`` or a user's ``--topics`` file); ``signals`` and
``signal_patterns`` find a taxonomy's keywords, hints and patterns in a text; ``tagging`` turns those signals into
topics per claim. Nothing here knows about links: topics are decided per readout, before matching.
"""
