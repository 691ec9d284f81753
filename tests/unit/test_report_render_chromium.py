"""The HTML report in a real browser: headless Chromium lays it out, prints it, and runs nothing from it.

Skipped, with the reason shown by ``-ra``, on machines without Chromium (Debian package ``chromium``).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import lxml.html
import pytest

from comparisons.reports import render
from reports_fixtures import HOSTILE, make_comparison

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False)


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG (enough to tell a blank page from a laid-out one)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(make_comparison(third_side=True), "html"), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [1280, 420])
def test_screenshot_is_laid_out(report, tmp_path, width):
    shot = tmp_path / f"shot-{width}.png"
    result = chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={shot}", report.as_uri())
    assert shot.is_file(), result.stderr[-2000:]
    w, h, pixels = png_pixels(shot)
    assert (w, h) == (width, 1600)
    # A blank page decompresses to a handful of byte values; text, tables and coloured diffs give many.
    assert len(set(pixels)) > 64


def test_dom_after_load_has_the_rows_and_ran_nothing(report, tmp_path):
    result = chromium(tmp_path, "--dump-dom", report.as_uri())
    doc = lxml.html.document_fromstring(result.stdout)
    assert not doc.xpath("//script | //img")
    assert {a.get("id") for a in doc.xpath("//article")} >= {"talks-l1", "sanctions-l2", "talks-north-2"}
    assert HOSTILE in doc.xpath("//h1")[0].text_content()


def test_prints_to_pdf(report, tmp_path):
    pdf = tmp_path / "report.pdf"
    result = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report.as_uri())
    assert pdf.is_file(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
