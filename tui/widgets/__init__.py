"""Widgets, one per file, grouped by the screen region they serve; ``texts`` turns readout text into Rich text."""

__all__: list[str] = []
