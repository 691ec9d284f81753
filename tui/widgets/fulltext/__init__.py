"""Widgets of the fulltext screen."""

__all__: list[str] = []
