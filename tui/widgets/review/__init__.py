"""Widgets and texts of a person's review on the comparison screen (``tui/screens/review_actions.py``)."""
