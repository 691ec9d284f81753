"""Widgets of the library search screen."""
