"""Import: the article of a page, Markdown as plain text, tidy line ends, and one clear error per bad source."""

from __future__ import annotations

import http.server
import io
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts import ReadoutError, ensure_title, guess_language, normalise_text, read_source
from readouts.importing import MAX_SOURCE_BYTES, looks_like_title

FIXTURES = Path(__file__).parent.parent / "fixtures"
PAGE_CHROME = ["News and statements", "Press briefings", "Contact the office", "cookies", "Share on social media",
               "Print this page", "Related statements", "harvest festival", "Privacy policy", "TRACKING-SCRIPT-TEXT",
               "INLINE-SCRIPT-TEXT", "STYLE-SHEET-TEXT", "window.analytics"]


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


# --- HTML -----------------------------------------------------------------------------------------------------------

def test_html_keeps_the_article_with_its_title_first():
    text = read_source(str(FIXTURES / "readout-page.html"))
    parts = paragraphs(text)
    assert parts[0] == "Readout of President Aldren’s Call with Prime Minister Vesk"
    assert parts[1].startswith("President Mara Aldren spoke today with Prime Minister Tomas Vesk of Ostria")
    assert any("rail bridge at Kessvik" in p for p in parts)
    assert parts[-1].endswith("to meet at the regional summit in June.")
    for chrome in PAGE_CHROME:
        assert chrome not in text, chrome


KREMLIN_STYLE_CHROME = ["Skip to main content", "Русская версия", "Search the site", "Events", "Text version",
                        "17:40", "Topics:", "Persons:", "Publication date", "Direct link", "See also",
                        "sowing season", "Creative Commons", "RSS feeds", "KREMLIN-STYLE-COUNTER", "• President"]


def test_html_of_a_news_page_with_tags_and_see_also_keeps_only_the_story():
    text = read_source(str(FIXTURES / "kremlin-style-page.html"))
    assert paragraphs(text) == [
        "Telephone conversation with President of Norland Mara Aldren",
        "Prime Minister Tomas Vesk held a telephone conversation with President of Norland Mara Aldren at the "
        "Norland side’s request.",
        "The two leaders exchanged views on the consequences of the spring floods in the border districts. Tomas "
        "Vesk expressed gratitude for the rescue teams offered by Norland and said the joint commission on the "
        "river border had proved its worth.",
        "On the matter of the journalists raised by the President of Norland, the Prime Minister stressed that "
        "their cases are being considered by independent courts in full accordance with the law of Ostria.",
        "It was agreed to continue contacts at various levels.",
    ]
    for chrome in KREMLIN_STYLE_CHROME:
        assert chrome not in text, chrome


def test_html_paragraphs_are_joined_from_source_line_breaks():
    text = read_source(str(FIXTURES / "readout-page.html"))
    assert "about the situation along the shared river border" in text
    assert all("\n" not in p for p in paragraphs(text))


def test_html_with_no_text_but_scripts_is_an_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><script>go()</script></body></html>",
                    encoding="utf-8")
    with pytest.raises(ReadoutError) as info:
        read_source(str(page))
    assert str(page) in str(info.value)



def test_a_page_with_no_article_is_refused_naming_the_page():
    page = FIXTURES / "no-article-page.html"  # a site's list of statements: menus and headlines, no readout
    with pytest.raises(ReadoutError) as info:
        read_source(str(page))
    message = str(info.value)
    assert message.startswith(f"{page}: no article found in the page") and "\n" not in message


@pytest.mark.parametrize("article", [
    "<p>The two presidents spoke by telephone today about the floods.</p>",
    "<p>两国元首今天通电话，就洪灾交换了意见。</p>",
])
def test_a_short_real_readout_is_not_mistaken_for_a_page_without_one(tmp_path, article):
    page = tmp_path / "short.html"
    page.write_text(f"<html><head><title>Call</title></head><body><main><article><h1>Call</h1>{article}"
                    "</article></main></body></html>", encoding="utf-8")
    assert article[3:-4] in read_source(str(page))

# --- Markdown and text ------------------------------------------------------------------------------------------------

def test_markdown_becomes_plain_paragraphs():
    text = read_source(str(FIXTURES / "readout-other-side.md"))
    parts = paragraphs(text)
    assert parts[0] == "Prime Minister Vesk holds telephone talks with President Aldren"
    assert parts[1] == ("On 4 March Prime Minister Tomas Vesk held a telephone conversation with the President of "
                        "Norland, Mara Aldren, at the Norland side's request.")
    assert "its offer of rescue teams and noted" in text
    assert "1. The sides confirmed joint funding for repairs to the Kessvik rail bridge." in parts
    assert "Agreements" in parts
    for markup in ("**", "*Mara", "](", "#", "![", "photo.jpg", "source: Government", "<div", "Photo of"):
        assert markup not in text, markup


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = read_source(str(FIXTURES / "readout-wrapped.txt"))
    assert paragraphs(text) == paragraphs(read_source(str(FIXTURES / "readout-other-side.md")))[:3] + [
        "The President of Norland raised the matter of several journalists. Tomas Vesk noted that the cases "
        "are before the courts of Ostria, which are independent."]


def test_a_long_hard_wrapped_paragraph_becomes_one_line():
    # Linear work: joining line by line into one growing string would make this take minutes, not milliseconds.
    text = normalise_text("Title\n\n" + "a line of a long wrapped paragraph and\n" * 50_000 + "its end.\n")
    title, body = paragraphs(text)
    assert title == "Title"
    assert body.startswith("a line of a long wrapped paragraph and a line") and body.endswith("and its end.")


def test_plain_text_with_one_paragraph_per_line_keeps_them_apart():
    text = normalise_text("Title of the readout\nFirst paragraph is a full sentence.\nSecond one is too.\n")
    assert paragraphs(text) == ["Title of the readout", "First paragraph is a full sentence.",
                                "Second one is too."]


def test_list_items_stay_separate_paragraphs():
    text = normalise_text("Title\n\nThey agreed to:\n- ensure safe\nnavigation;\n- lower costs.\n")
    assert paragraphs(text) == ["Title", "They agreed to:", "- ensure safe navigation;", "- lower costs."]


def test_normalisation_of_line_ends_unicode_and_spacing(tmp_path):
    source = tmp_path / "crlf.txt"
    source.write_bytes("Cafe\u0301 talks   \r\n\r\n\r\n\r\nFirst.\rSecond.  \r\n\n\n\n\nThird.\u2028".encode("utf-8"))
    text = read_source(str(source))
    assert text == "Café talks\n\nFirst.\n\nSecond.\n\nThird.\n"


def test_control_characters_are_stripped_and_tabs_become_spaces(tmp_path):
    source = tmp_path / "pasted.txt"
    source.write_text("\x1b[1;31mReadout\x1b[0m of the call\x07\n\n"
                      "The President\tspoke\x1b]0;a window title\x07 with the\x9b Prime Minister.\x7f\n",
                      encoding="utf-8", newline="")
    assert read_source(str(source)) == "Readout of the call\n\nThe President spoke with the Prime Minister.\n"


def test_a_byte_order_mark_is_dropped(tmp_path):
    source = tmp_path / "bom.txt"
    source.write_bytes("\ufeffTitle\n\nBody.\n".encode("utf-8"))
    assert read_source(str(source)) == "Title\n\nBody.\n"


CONTROLS = "\x00\x07\x08\x1b\x7f\x9b"


@given(st.text(alphabet=st.sampled_from(list("ab .\n\r\t-1é\u0301\u2028 " + CONTROLS)), max_size=200))
def test_normalised_text_has_the_stored_shape(raw):
    text = normalise_text(raw)
    if not text:
        assert not raw.strip(" \n\r\t\u2028" + CONTROLS)
        return
    assert not any(c in text for c in CONTROLS + "\t")
    assert "\r" not in text and "\n\n\n" not in text and "\u2028" not in text
    assert text.endswith("\n") and not text.endswith("\n\n") and not text.startswith("\n")
    assert all(line == line.strip() for line in text.split("\n"))
    assert normalise_text(text) == text


@given(st.text(alphabet=st.sampled_from(list("ab .\n\r\t\x0b\x0c\x85\u2028\u2029\u00a0\u202f")), max_size=80))
def test_a_one_line_field_is_shown_on_one_line_with_its_words_and_no_break_spaces(raw):
    from readouts.textshape import one_line

    line = one_line(raw)
    assert len(line.splitlines()) <= 1 and "\t" not in line and "  " not in line
    assert line == line.strip(" ")
    assert line.replace(" ", "") == "".join(ch for ch in raw if not ch.isspace() or ch in "\u00a0\u202f")
    assert one_line("Joseph R.\u00a0Biden\n\n# Call") == "Joseph R.\u00a0Biden # Call"


# --- stdin ------------------------------------------------------------------------------------------------------------

def test_the_kind_of_an_unknown_suffix_is_sniffed(tmp_path):
    page = tmp_path / "saved-page.htm.download"
    page.write_bytes((FIXTURES / "readout-page.html").read_bytes())
    assert read_source(str(page)) == read_source(str(FIXTURES / "readout-page.html"))
    notes = tmp_path / "notes.text"
    notes.write_text("Title\n\nA <b> tag in prose is text.\n", encoding="utf-8")
    assert read_source(str(notes)) == "Title\n\nA <b> tag in prose is text.\n"


def test_stdin_text_and_html():
    assert read_source("-", stdin=io.BytesIO(b"Title\n\nBody text.\n")) == "Title\n\nBody text.\n"
    page = (FIXTURES / "readout-page.html").read_bytes()
    assert read_source("-", stdin=io.BytesIO(page)) == read_source(str(FIXTURES / "readout-page.html"))



def test_stdin_markdown_opening_with_a_heading_becomes_plain_text():
    pasted = "# Telephone conversation\n\nThe presidents had a **frank** talk on [trade](https://x.example).\n"
    assert read_source("-", stdin=io.BytesIO(pasted.encode("utf-8"))) == (
        "Telephone conversation\n\nThe presidents had a frank talk on trade.\n")
    # Plain text that merely contains Markdown-like characters stays as typed.
    plain = "Title\n\nThe #1 priority is *not* changed.\n"
    assert read_source("-", stdin=io.BytesIO(plain.encode("utf-8"))) == plain

# --- bad files --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("Niinist\xf6 spoke with Putin.".encode("latin-1"), "not UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"", "empty"),
    (b"  \n\t\n   \n", "empty"),
])
def test_bad_files_are_refused_with_their_name(tmp_path, content, message):
    source = tmp_path / "readout.txt"
    source.write_bytes(content)
    with pytest.raises(ReadoutError, match=message) as info:
        read_source(str(source))
    assert str(info.value).startswith(str(source))


def test_utf16_gets_its_own_advice(tmp_path):
    source = tmp_path / "notepad.txt"
    source.write_bytes("Title\n\nBody.\n".encode("utf-16"))
    with pytest.raises(ReadoutError, match="UTF-16"):
        read_source(str(source))


def test_a_saved_page_in_the_charset_it_declares(tmp_path):
    page = tmp_path / "kremlin.html"
    page.write_bytes(PAGES["/cp1251.html"][1].replace(b"<head>", b'<head><meta charset="windows-1251">'))
    assert "Президент провёл телефонный разговор" in read_source(str(page))
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes(PAGES["/cp1251.html"][1])
    with pytest.raises(ReadoutError, match="not UTF-8"):
        read_source(str(undeclared))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadoutError, match="no such file"):
        read_source(str(tmp_path / "absent.txt"))
    with pytest.raises(ReadoutError, match="folder"):
        read_source(str(tmp_path))


def test_a_file_over_50_mb_is_refused_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(MAX_SOURCE_BYTES + 1)
    with pytest.raises(ReadoutError, match="too large"):
        read_source(str(huge))


def test_stdin_over_the_limit_is_refused():
    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(ReadoutError, match="too large"):
        read_source("-", stdin=io.BufferedReader(Endless()))


# --- URLs -------------------------------------------------------------------------------------------------------------

PAGES = {
    "/readout.html": ("text/html; charset=utf-8", (FIXTURES / "readout-page.html").read_bytes()),
    "/readout.txt": ("text/plain; charset=utf-8", "Title\r\n\r\nPlain body — ü.\r\n".encode()),
    "/cp1251.html": ("text/html; charset=windows-1251",
                     "<html><head><title>Заголовок</title></head><body><article><p>Президент провёл телефонный "
                     "разговор с премьер-министром и обсудил вопросы сотрудничества в сфере энергетики и "
                     "транспорта, а также подготовку к предстоящей встрече.</p></article></body></html>"
                     .encode("cp1251")),
    "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x01" * 20),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_url_html_is_reduced_to_the_article(server):
    text = read_source(f"{server}/readout.html")
    assert text == read_source(str(FIXTURES / "readout-page.html"))


def test_url_plain_text_is_taken_as_text(server):
    assert read_source(f"{server}/readout.txt") == "Title\n\nPlain body — ü.\n"


def test_url_in_a_declared_charset(server):
    text = read_source(f"{server}/cp1251.html")
    assert "Президент провёл телефонный разговор" in text
    assert guess_language(text) == "ru"


@pytest.mark.parametrize("path, message", [("/missing", "404"), ("/image.png", "content type image/png")])
def test_url_errors_name_the_url(server, path, message):
    with pytest.raises(ReadoutError, match=message) as info:
        read_source(f"{server}{path}")
    assert str(info.value).startswith(f"{server}{path}")


def test_unreachable_url_is_a_clear_error():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ReadoutError, match="unreachable") as info:
        read_source(f"http://127.0.0.1:{port}/readout", timeout=5)
    assert "\n" not in str(info.value)


def test_other_schemes_are_refused():
    with pytest.raises(ReadoutError, match="only http"):
        read_source("ftp://example.org/readout.txt")


# --- titles and language --------------------------------------------------------------------------------------------

def test_titles_are_short_and_do_not_end_like_sentences():
    assert looks_like_title("Readout of President Joseph R. Biden, Jr. Call with President Vladimir Putin of Russia")
    assert looks_like_title("PM call with Prime Minister Trudeau of Canada: 8 January 2020")
    assert not looks_like_title("Today, the Prime Minister spoke with the President.")
    assert not looks_like_title("x" * 300)


def test_ensure_title_adds_a_headline_only_when_missing():
    body = "The leaders spoke today.\n\nThey agreed to meet.\n"
    assert ensure_title(body, "Aldren–Vesk call") == "Aldren–Vesk call\n\n" + body
    titled = "Readout of the call\n\nThe leaders spoke today.\n"
    assert ensure_title(titled, "Something else") == titled


def test_guess_language_by_script():
    assert guess_language("Президент России провёл переговоры") == "ru"
    assert guess_language("习近平同美国总统拜登通电话") == "zh"
    assert guess_language("The President spoke with the Prime Minister") == "en"
    assert guess_language("1234 — !!") == "en"


def test_guess_language_never_calls_a_text_in_another_script_english():
    # An Arabic readout added without --language was stored as language: en.
    assert guess_language("ناقش الوزيران التجارة واتفقا على اللقاء مجددا") == "ar"
    assert guess_language("שיחת טלפון בין השרים") == "he"
    assert guess_language("Ο πρωθυπουργός μίλησε με τον πρόεδρο") == "el"
    assert guess_language("日本の総理大臣は電話で会談した") == "ja"
    assert guess_language("한국 대통령은 전화 통화를 했다") == "ko"
    assert guess_language("ሰላም ነው ዛሬ") == "und"
    # Latin script stays en (French is not told from English by its script), and a Chinese text naming a place
    # in Latin letters stays zh.
    assert guess_language("Le président a parlé avec son homologue") == "en"
    assert guess_language("习近平同美国总统拜登通电话 (Washington DC)") == "zh"
