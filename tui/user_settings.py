"""The person's own settings for the terminal UI, kept between runs: the theme they chose.

They live in the user config folder (``~/.config/dualread/tui.yaml`` on Linux, from platformdirs), not in a library:
a library may be shared, a colour theme is one person's. ``dualread`` and ``dualread open`` pass this file to the app;
an app made without one (the tests, a benchmark) keeps nothing.

- ``default_settings_file()``: where the file is.
- ``load_theme(path) -> str | None``: the theme saved there, if the file holds one; a missing, unreadable or
  malformed file is no theme, never an error (the UI starts in its default theme).
- ``save_theme(path, theme) -> str | None``: write it atomically, keeping the file's other keys; ``None`` when
  written, else the one-line reason it could not be (the app says it once, and carries on).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_settings_file", "load_theme", "save_theme"]


def default_settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("dualread", appauthor=False) / "tui.yaml"


def _load(path: Path) -> dict:
    from readouts.errors import DualreadError
    from readouts.yamlio import load_yaml

    try:
        data = load_yaml(path) if path.is_file() else None
    except (DualreadError, OSError):
        return {}
    return dict(data) if isinstance(data, dict) else {}


def load_theme(path: Path) -> str | None:
    theme = _load(path).get("theme")
    return theme.strip() if isinstance(theme, str) and theme.strip() else None


def save_theme(path: Path, theme: str) -> str | None:
    from readouts.atomic import write_text_atomic
    from readouts.yamlio import dump_yaml

    data = _load(path)
    if data.get("theme") == theme:
        return None
    data["theme"] = theme
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, dump_yaml(data))
    except OSError as error:
        return f"could not save the theme in {path}: {error.strerror or error}"
    return None
