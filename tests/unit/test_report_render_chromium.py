"""The HTML report and the library index in a real browser: headless Chromium lays them out at desktop and phone
width, prints them, runs nothing from them, and measures what a reader with poor sight or a screen reader gets.

Skipped, with the reason shown by ``-ra``, on machines without Chromium (Debian package ``chromium``; CI installs
it). The accessibility checks run a small script in a copy of the page with the Content-Security-Policy taken out
(the report itself forbids scripts): it reads the computed styles, so contrast is measured on the stylesheet as the
browser applies it, in light and in dark mode.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import unicodedata
import zlib
from pathlib import Path

import lxml.html
import pypdf
import pytest

import readouts
from comparisons.engine import compare
from comparisons.reports import render
from comparisons.reports.html import render_html
from comparisons.reports.library_index import PairDigest, TopicCoverage, render_index
from comparisons.topics.taxonomy import default_taxonomy
from readouts.library import Library
from reports_fixtures import HOSTILE, make_comparison

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")

SHOTS = {"desktop": 1280, "phone": 390}


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}", *args],
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


def library_digests() -> list[PairDigest]:
    """Two pairs that between them mention every topic of the default taxonomy: the widest matrix there is."""
    taxonomy = default_taxonomy()
    ids = list(taxonomy.ids)
    labels = {t.id: t.label for t in taxonomy.topics}
    sides = (("white-house", "The White House"), ("kremlin", "President of Russia (Kremlin)"))
    digests = []
    for n, (pair_id, event) in enumerate([("2030-01-02-first-call", f"First call {HOSTILE}"),
                                          ("2030-02-03-second-call", "Second call")]):
        topics = {t: TopicCoverage(((i + n) % 4, (i * 3 + n) % 5), i % 5 == 0,
                                   (f"The White House: {(i + n) % 4} claims", f"Kremlin: {(i * 3 + n) % 5} claims"))
                  for i, t in enumerate(ids)}
        digests.append(PairDigest(pair_id, event, pair_id[:10], False, sides, f"{pair_id}.html", 5, 4, 1, topics,
                                  labels))
    return digests


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    report = folder / "report.html"
    report.write_text(render_html(make_comparison(third_side=True), index_href="index.html"), encoding="utf-8")
    index = folder / "index.html"
    index.write_text(render_index(library_digests(), [], "html", topic_order=default_taxonomy().ids),
                     encoding="utf-8")
    return {"report": report, "index": index}


@pytest.mark.parametrize("page", ["report", "index"])
@pytest.mark.parametrize("size", list(SHOTS))
def test_screenshot_is_laid_out(pages, tmp_path, page, size):
    width = SHOTS[size]
    shot = tmp_path / f"{page}-{width}.png"
    result = chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={shot}", pages[page].as_uri())
    assert shot.is_file(), result.stderr[-2000:]
    w, h, pixels = png_pixels(shot)
    assert (w, h) == (width, 1600)
    # A blank page decompresses to a handful of byte values; text, tables and coloured marks give many.
    assert len(set(pixels)) > 64


def test_dom_after_load_has_the_rows_and_ran_nothing(pages, tmp_path):
    result = chromium(tmp_path, "--dump-dom", pages["report"].as_uri())
    doc = lxml.html.document_fromstring(result.stdout)
    assert not doc.xpath("//script | //img")
    assert [a.get("id") for a in doc.xpath("//article")] == ["link-l1", "link-l2"]
    assert HOSTILE in doc.xpath("//h1")[0].text_content()


def pdf_text(tmp_path: Path, page: Path) -> tuple[int, str]:
    pdf = tmp_path / (page.stem + ".pdf")
    result = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.is_file(), result.stderr[-2000:]
    reader = pypdf.PdfReader(pdf)
    # NFKC: the PDF's fonts set "fi" as one ligature glyph.
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    return len(reader.pages), unicodedata.normalize("NFKC", text)


def test_the_printed_index_holds_every_topic_column(pages, tmp_path):
    _, text = pdf_text(tmp_path, pages["index"])
    flat = text.replace("- ", "-").replace(" -", "-")
    missing = [t.label for t in default_taxonomy().topics if t.label not in flat and t.label.replace(" ", "") not in
               flat.replace(" ", "")]
    assert missing == []
    # Each printed part repeats the row labels, so every cell can be read against its pair.
    assert flat.count("2030-01-02-first-call") >= 2


def test_the_printed_report_has_both_full_texts_and_the_footer(pages, tmp_path):
    count, text = pdf_text(tmp_path, pages["report"])
    assert count >= 1
    assert "The leaders agreed to meet in Geneva on March 3." in text
    assert "The meeting will be in Geneva, the wire reported." in text
    assert re.search(r"Exported \d{4}-\d{2}-\d{2} by dualread", text)


def test_a_why_fold_is_printed_only_when_the_reader_opened_it(tmp_path):
    # A closed fold would print as a bare "Why linked" under every link; an opened one prints whole.
    samples = Path(readouts.__file__).parent / "samples"
    page = render(compare(Library(samples).load("2021-12-07-biden-putin-video-call")), "html")
    closed, opened = tmp_path / "closed.html", tmp_path / "opened.html"
    closed.write_text(page, encoding="utf-8")
    opened.write_text(page.replace('<details class="why">', '<details class="why" open>', 1), encoding="utf-8")
    assert "Why linked" not in pdf_text(tmp_path, closed)[1]
    text = pdf_text(tmp_path, opened)[1]
    assert text.count("Why linked") == 1 and "rule: merge" in text


AUDIT = r"""
<script>
(function () {
  function parse(c) { return (c.match(/[\d.]+/g) || []).map(Number); }
  function lum(c) {
    const v = parse(c).slice(0, 3).map(function (x) {
      x /= 255;
      return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  function opaque(c) { const p = parse(c); return p.length < 4 || p[3] > 0; }
  function back(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (opaque(c)) return c;
    }
    return getComputedStyle(document.documentElement).backgroundColor || "rgb(255, 255, 255)";
  }
  function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function shown(el) {
    const s = getComputedStyle(el);
    return s.display !== "none" && s.visibility !== "hidden" && el.getClientRects().length > 0;
  }
  const out = {text: [], marks: [], cells: [], styles: {}, scrollers: [],
               width: [document.documentElement.scrollWidth, window.innerWidth]};
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el) || el.closest("[aria-hidden=true]")) continue;
    if (![].some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); })) continue;
    out.text.push([el.tagName + "." + el.className, el.textContent.trim().slice(0, 30),
                   ratio(getComputedStyle(el).color, back(el))]);
  }
  // Lines that carry meaning, measured against what they are drawn on (3:1 for non-text).
  const marks = [["mark.del", "borderBottomColor"], ["mark.ins", "borderBottomColor"],
                 [".claim.conflict", "borderBottomColor"], [".row.conflict", "borderLeftColor"],
                 [".keyitem.conflict", "borderLeftColor"], [".matrix .conflicted", "outlineColor"],
                 ["thead th", "borderBottomColor"], [".lede", "borderLeftColor"]];
  for (const [sel, prop] of marks) {
    for (const el of document.querySelectorAll(sel)) {
      if (!shown(el)) continue;
      const inside = prop === "outlineColor" || sel.startsWith("mark") || sel.startsWith(".claim");
      const against = inside ? back(el) : back(el.parentElement);
      out.marks.push([sel, ratio(getComputedStyle(el)[prop], against)]);
    }
  }
  for (const cell of document.querySelectorAll("#points article .cell")) {
    const label = cell.querySelector(".cell-side");
    const s = label && getComputedStyle(label);
    const heard = !!label && s.display !== "none" && s.visibility !== "hidden";
    out.cells.push([label ? label.textContent.trim() : "", heard]);
  }
  // Whatever scrolls sideways must say so: a visible cue just before it.
  out.scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el) || el.scrollWidth <= el.clientWidth + 1 || getComputedStyle(el).overflowX === "visible") continue;
    if (el.clientWidth <= 2) continue;  // visually hidden text for screen readers, not a scroller
    const cue = el.previousElementSibling;
    out.scrollers.push([el.className, !!cue && cue.classList.contains("scroll-cue") && shown(cue)]);
  }
  for (const sel of ["mark.del", "mark.ins"]) {
    const el = document.querySelector(sel);
    if (el) {
      const s = getComputedStyle(el);
      out.styles[sel] = [s.borderBottomStyle, s.fontWeight, s.fontStyle];
    }
  }
  const pre = document.createElement("pre");
  pre.id = "audit";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def audit(tmp_path: Path, page: Path, width: int, *flags: str) -> dict:
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    copy = tmp_path / f"audit-{page.name}"
    copy.write_text(html.replace("</body>", AUDIT + "</body>"), encoding="utf-8")
    result = chromium(tmp_path, f"--window-size={width},1600", *flags, "--dump-dom", copy.as_uri())
    doc = lxml.html.document_fromstring(result.stdout)
    return json.loads(doc.xpath("//pre[@id='audit']")[0].text_content())


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page", ["report", "index"])
def test_contrast_of_text_and_marks(pages, tmp_path, page, mode):
    found = audit(tmp_path, pages[page], 1280, *(["--force-dark-mode"] if mode == "dark" else []))
    assert len(found["text"]) > 30
    weak_text = [t for t in found["text"] if t[2] < 4.5]
    assert weak_text == []
    weak_marks = [m for m in found["marks"] if m[1] < 3.0]
    assert found["marks"] and weak_marks == []


def test_every_side_by_side_cell_tells_a_screen_reader_whose_it_is(pages, tmp_path):
    found = audit(tmp_path, pages["report"], 1280)
    sides = ["North Office | <i>Press</i>", "South Ministry", "Wire Service"]
    assert found["cells"] == [[label, True] for label in sides * 2]


def test_first_and_second_sides_marked_words_differ_by_more_than_colour(pages, tmp_path):
    styles = audit(tmp_path, pages["report"], 1280)["styles"]
    assert styles["mark.del"] != styles["mark.ins"]
    assert styles["mark.del"][0] != styles["mark.ins"][0], "the underline's line style differs"


@pytest.mark.parametrize("page", ["report", "index"])
def test_nothing_runs_off_a_phone_screen(pages, tmp_path, page):
    found = audit(tmp_path, pages[page], 390)
    page_width, window = found["width"]
    assert page_width <= window
    # Tables stack on a phone; only the wide matrices scroll inside their frame, each with its cue.
    assert all(cue for _, cue in found["scrollers"]), found["scrollers"]
    assert {name for name, _ in found["scrollers"]} == ({"scroll matrix-region"} if page == "index" else set())


def test_an_index_cell_says_its_topic_and_counts(pages):
    doc = lxml.html.document_fromstring(pages["index"].read_text(encoding="utf-8"))
    cell = doc.xpath("//table[contains(@class,'matrix-screen')]/tbody/tr[1]/td[1]")[0]
    assert cell.get("aria-label") == "Sanctions: The White House: 0 claims; Kremlin: 0 claims"
    assert doc.xpath("//table[contains(@class,'matrix-screen')]/tbody/tr[1]/th/a/@href") == [
        "2030-01-02-first-call.html"]


def test_a_russian_readout_is_marked_as_russian_for_the_browser(tmp_path):
    page = tmp_path / "ru.html"
    page.write_text(render(make_comparison(south_language="ru"), "html"), encoding="utf-8")
    doc = lxml.html.document_fromstring(chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    assert doc.xpath("//span[@id='t-south-0']/ancestor::*[@lang][1]/@lang") == ["ru"]
    assert doc.xpath("//span[@id='t-north-0']/ancestor::*[@lang][1]/@lang") == ["en"]
