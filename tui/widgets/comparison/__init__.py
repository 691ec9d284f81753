"""Widgets of the comparison screen."""

__all__: list[str] = []
