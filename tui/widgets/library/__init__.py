"""Widgets of the library screen."""

__all__: list[str] = []
