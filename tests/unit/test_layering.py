"""The engine never imports Textual: the documents and comparisons layers load without it (SPEC §2)."""

import subprocess
import sys


def test_readouts_and_comparisons_do_not_import_textual():
    code = (
        "import sys, readouts, comparisons, comparisons.engine, readouts.library;"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_export_command_does_not_import_textual():
    code = (
        "import sys, tui.cli, tui.commands.export, tui.commands.list;"
        "tui.cli.build_parser();"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('textual'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
