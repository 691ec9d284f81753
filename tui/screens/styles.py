"""The looks of every screen but the library, one string per screen, used as that screen's ``DEFAULT_CSS``.

Why not in ``dualread.tcss``: Textual parses the app's stylesheet before the first frame, and parsing is most of
what a stylesheet costs (about 50 µs a line). The library screen needs only its own rules, so the others live here
and Textual parses each string when its screen is first shown (a few ms, once). A screen's ``CSS`` or ``CSS_PATH``
would not do: adding one makes Textual re-parse every stylesheet; a ``DEFAULT_CSS`` is parsed on its own.

The screens set ``SCOPED_CSS = False``, so these selectors mean what they say (``.-narrow`` is the screen's own
breakpoint class). As default CSS they rank below ``dualread.tcss`` and above the defaults of Textual's widgets
for the same selector (an id beats any class or type selector either way).
"""

from __future__ import annotations

__all__ = ["ADD_PAIR", "COMPARISON", "CONFIRM", "ERROR", "EXPORT", "FULL_TEXT", "HELP", "SOURCES"]

COMPARISON = """
#comparison-body {
    height: 1fr;
}
#topics-panel {
    width: 30;
    border: round $primary 40%;
    border-title-color: $text;
}
.-narrow #topics-panel {
    width: 26;  /* two sides at 80 columns: labels of 15 cells whole ('Leader contacts'), longer ones wrapped */
}
.-narrow.-many-sides #topics-panel {
    display: none;
}
.-narrow.-many-sides.-topics-shown #topics-panel {
    display: block;
    width: 34;  /* brought up to choose a topic: its labels, not the squeezed rows, are what is read now */
}
#topics-panel:focus-within {
    border: round $primary;
}
#topics {
    height: 1fr;
    border: none;
    padding: 0;
    background: transparent;
}
#topics-columns {
    height: 1;
    text-wrap: nowrap;
    color: $text-muted;
}
#topics-legend {
    height: 2;
    color: $text-muted;
}
#rows-panel {
    width: 1fr;
    border: round $primary 40%;
    border-title-color: $text;
}
#rows-panel:focus-within {
    border: round $primary;
}
#rows {
    height: 1fr;
    overflow-x: hidden;
    scrollbar-gutter: stable;
    background: transparent;
}
#search {
    display: none;
    height: 1;
    border: none;
    padding: 0 1;
    background: $boost;
}
#search.-open {
    display: block;
}
"""

FULL_TEXT = """
#panes {
    height: 1fr;
}
.readout-pane {
    border-title-color: $text;
    width: 1fr;
    border: round $primary 40%;
    padding: 0 1;
    scrollbar-size-vertical: 1;
}
.readout-pane .paragraph {
    margin-bottom: 1;
}
#fulltext-legend {
    height: auto;
    max-height: 2;
    padding: 0 1;
}
"""

HELP = """
HelpScreen {
    align: center middle;
}
#help-box {
    width: 90%;
    max-width: 110;
    height: 90%;
    border: round $primary;
    padding: 0 1;
    background: $surface;
}
.help-heading {
    margin-top: 1;
}
#help-guide, #help-this-screen {
    margin-top: 1;
}
"""

ERROR = """
ErrorModal {
    align: center middle;
}
#error-box {
    width: 70%;
    max-width: 90;
    height: auto;
    border: round $error;
    padding: 1 2;
    background: $surface;
}
#error-title {
    text-style: bold;
    color: $error;
}
#error-message {
    margin: 1 0;
}
"""

def chooser(screens: str, box: str, options: str) -> str:
    """The CSS of a modal that asks for one choice: ``screens`` centred, ``box`` a bordered box of at most 100
    columns, ``options`` its list of at most 16 lines (the source chooser's, the review's dialogs)."""
    return f"""
{screens} {{
    align: center middle;
}}
{box} {{
    width: 80%;
    max-width: 100;
    height: auto;
    max-height: 80%;
    border: round $primary;
    padding: 0 1;
    background: $surface;
}}
{options} {{
    height: auto;
    max-height: 16;
    border: none;
    background: transparent;
}}
"""


SOURCES = chooser("SourceChooser", "#sources-box", "#sources")

CONFIRM = """
ConfirmModal {
    align: center middle;
}
#confirm-box {
    width: 64;
    max-width: 96%;
    height: auto;
    border: round $warning;
    padding: 1 2;
    background: $surface;
}
#confirm-title {
    text-style: bold;
}
#confirm-message {
    margin: 1 0;
}
#confirm-buttons {
    height: 1;
}
#confirm-buttons Button {
    margin-right: 2;
}
"""

EXPORT = """
ExportDialog {
    align: center middle;
}
#export-box {
    width: 76;
    max-width: 96%;
    height: auto;
    border: round $primary;
    padding: 1 2;
    background: $surface;
}
#export-box Label {
    margin-top: 1;
    color: $text-muted;
}
#export-path {
    background: $boost;
    width: 1fr;
}
#export-progress {
    display: none;
    margin-top: 1;
}
#export-progress.-shown {
    display: block;
}
#export-status {
    height: auto;
    margin-top: 1;
}
#export-status.-error {
    color: $error;
}
#export-buttons {
    height: 1;
    margin-top: 1;
}
#export-buttons Button {
    margin-right: 2;
}
"""

ADD_PAIR = """
#add-title {
    height: 1;
    padding: 0 1;
    background: $panel;
}
#add-form {
    padding: 1 2;
}
.add-row {
    height: 1;
    margin-top: 1;
}
.add-label {
    width: 10;
    color: $text-muted;
}
.add-row Input {
    width: 1fr;
    background: $boost;
}
.add-help {
    margin-top: 1;
    color: $text-muted;
}
.side-key {
    max-width: 16;
}
.side-key, .side-source {
    margin-right: 1;  /* three fields of one colour side by side read as one field without a gap */
}
.side-publisher {
    max-width: 24;
}
.side-row .side-publisher, .side-title, .side-url {
    margin-right: 1;
}
.add-row.side-more {
    margin-top: 0;  /* a side's second line: its title, URL and language */
}
.side-more Input.side-title {
    width: 5fr;  /* a title is longer than an address, and both hints show whole at 80 columns */
}
.side-more Input.side-url {
    width: 4fr;
}
.side-more Input.side-language {
    width: 10;  /* a code is short; "language" must show whole */
}
.side-remove {
    width: 3;
    min-width: 3;
}
.field-error {
    display: none;
    height: auto;
    padding-left: 10;
    color: $error;
}
.field-error.-shown {
    display: block;
}
.field-error.-working {
    color: $text-muted;
}
#add-buttons {
    height: 1;
    margin-top: 1;
}
#add-buttons Button {
    margin-right: 2;
}
"""
