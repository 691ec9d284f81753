"""The app's screens: library, comparison, full text, add pair, export dialog, help, error modal."""

__all__: list[str] = []
