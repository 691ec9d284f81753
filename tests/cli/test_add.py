"""``dualread add``: a pair from files, stdin and URLs lands in the library, and the one-line report says where."""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from readouts import Library

NORLAND_TEXT = ("Readout of President Aldren’s Call with Prime Minister Vesk\n\n"
                "President Mara Aldren spoke today with Prime Minister Tomas Vesk.\n\n"
                "The two leaders discussed the spring floods.\n")
OSTRIA_RU = ("Телефонный разговор с Президентом Норландии\n\n"
             "Премьер-министр Томас Веск провёл телефонный разговор с Президентом Норландии Марой Алдрен.\n")


@pytest.fixture
def sources(tmp_path, fixtures_dir):
    norland = tmp_path / "norland.txt"
    norland.write_text(NORLAND_TEXT, encoding="utf-8")
    ostria = tmp_path / "ostria-ru.txt"
    ostria.write_text(OSTRIA_RU, encoding="utf-8")
    return {"norland": norland, "ostria": ostria, "html": fixtures_dir / "readout-page.html",
            "md": fixtures_dir / "readout-other-side.md"}


def test_add_from_files_as_the_quality_harness_calls_it(run_dualread, library_dir, sources, tmp_path):
    other = tmp_path / "elsewhere"
    result = run_dualread("--library", other, "add", "2024-03-04-aldren-vesk-call", "--event", "Aldren–Vesk call",
                          "--date", "2024-03-04", "--side", f"norland={sources['html']}",
                          "--side", f"ostria={sources['md']}",
                          "--publisher", "norland=Office of the President of Norland",
                          "--publisher", "ostria=Government of Ostria",
                          "--title", "ostria=Telephone talks with President Aldren",
                          "--url", "norland=https://example.org/norland/readout")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "2024-03-04-aldren-vesk-call" in lines[0] and str(other) in lines[0]
    assert not library_dir.exists()  # --library wins over DUALREAD_LIBRARY

    pair = Library(other).load("2024-03-04-aldren-vesk-call")
    assert pair.event == "Aldren–Vesk call" and pair.date.isoformat() == "2024-03-04"
    norland, ostria = pair.side("norland"), pair.side("ostria")
    assert norland.publisher == "Office of the President of Norland"
    assert norland.title == "Readout of President Aldren’s Call with Prime Minister Vesk"  # its first line
    assert norland.url == "https://example.org/norland/readout"
    assert "Share on social media" not in norland.text and "rail bridge at Kessvik" in norland.text
    assert ostria.title == "Telephone talks with President Aldren"
    assert ostria.text.startswith("Prime Minister Vesk holds telephone talks with President Aldren\n\n")
    assert "**" not in ostria.text


def test_library_option_after_the_command_and_env_default(run_dualread, library_dir, sources):
    result = run_dualread("add", "p1", "--event", "E", "--date", "2024-03-04",
                          "--side", f"norland={sources['norland']}", "--side", f"ostria={sources['ostria']}")
    assert result.returncode == 0, result.stderr
    assert (library_dir / "p1" / "pair.yaml").is_file()
    assert (library_dir / "p1" / "norland.txt").read_text(encoding="utf-8") == NORLAND_TEXT


def test_language_is_guessed_and_can_be_given(run_dualread, library_dir, sources):
    result = run_dualread("add", "p2", "--event", "E", "--date", "2024-03-04",
                          "--side", f"norland={sources['norland']}", "--side", f"ostria={sources['ostria']}",
                          "--language", "norland=en-gb")
    assert result.returncode == 0, result.stderr
    pair = Library(library_dir).load("p2")
    assert pair.side("ostria").language == "ru"
    assert pair.side("norland").language == "en-gb"


def test_a_side_from_stdin(run_dualread, library_dir, sources):
    result = run_dualread("add", "from-stdin", "--event", "E", "--date", "2024-03-04",
                          "--side", "norland=-", "--side", f"ostria={sources['ostria']}",
                          input="Pasted readout\r\n\r\nThe leaders spoke.\r\n")
    assert result.returncode == 0, result.stderr
    assert Library(library_dir).load("from-stdin").side("norland").text == "Pasted readout\n\nThe leaders spoke.\n"


def test_a_body_without_a_headline_gets_the_title_as_its_title_line(run_dualread, library_dir, tmp_path, sources):
    body = tmp_path / "body.txt"
    body.write_text("The leaders spoke today.\n\nThey agreed to meet again.\n", encoding="utf-8")
    result = run_dualread("add", "no-headline", "--event", "Aldren–Vesk call", "--date", "2024-03-04",
                          "--side", f"norland={body}", "--side", f"ostria={sources['ostria']}",
                          "--title", "norland=Call with Prime Minister Vesk")
    assert result.returncode == 0, result.stderr
    side = Library(library_dir).load("no-headline").side("norland")
    assert side.text == "Call with Prime Minister Vesk\n\nThe leaders spoke today.\n\nThey agreed to meet again.\n"


class _Pages(http.server.BaseHTTPRequestHandler):
    body = b""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_a_side_from_a_url(run_dualread, library_dir, sources):
    _Pages.body = sources["html"].read_bytes()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/readout"
    try:
        result = run_dualread("add", "from-url", "--event", "E", "--date", "2024-03-04",
                              "--side", f"norland={url}", "--side", f"ostria={sources['md']}")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert result.returncode == 0, result.stderr
    side = Library(library_dir).load("from-url").side("norland")
    assert side.url == url
    assert side.text.startswith("Readout of President Aldren’s Call with Prime Minister Vesk\n\n")
    assert "INLINE-SCRIPT-TEXT" not in side.text


def test_force_replaces_an_existing_pair(run_dualread, library_dir, sources):
    args = ["add", "again", "--date", "2024-03-04", "--side", f"norland={sources['norland']}",
            "--side", f"ostria={sources['ostria']}"]
    assert run_dualread(*args, "--event", "First").returncode == 0
    result = run_dualread(*args, "--event", "Second", "--force")
    assert result.returncode == 0, result.stderr
    assert "replaced" in result.stdout
    assert Library(library_dir).load("again").event == "Second"
    assert sorted(p.name for p in library_dir.iterdir()) == ["again"]


def test_force_keeps_participants_and_notes_of_the_replaced_pair(run_dualread, library_dir, sources):
    args = ["add", "annotated", "--event", "E", "--date", "2024-03-04", "--side", f"norland={sources['norland']}",
            "--side", f"ostria={sources['ostria']}"]
    assert run_dualread(*args).returncode == 0
    pair_yaml = library_dir / "annotated" / "pair.yaml"
    text = pair_yaml.read_text(encoding="utf-8")
    text = text.replace("sides:\n", "participants:\n  - name: Mara Aldren\n    aliases: [Aldren]\nsides:\n")
    text = text.replace("    file: ostria.txt\n", "    file: ostria.txt\n    checked: yes\n")
    pair_yaml.write_text(text + "note: compared by hand in 2024\n", encoding="utf-8")

    assert run_dualread(*args, "--force").returncode == 0
    pair = Library(library_dir).load("annotated")
    assert [p.name for p in pair.participants] == ["Mara Aldren"]
    assert pair.extra == {"note": "compared by hand in 2024"}
    assert pair.side("ostria").extra == {"checked": True}


def test_added_pair_shows_in_list(run_dualread, sources):
    assert run_dualread("add", "listed", "--event", "Listed call", "--date", "2030-01-01",
                        "--side", f"norland={sources['norland']}", "--side", f"ostria={sources['ostria']}"
                        ).returncode == 0
    listed = json.loads(run_dualread("list", "--json").stdout)
    assert listed[0] == {"id": "listed", "date": "2030-01-01", "event": "Listed call",
                         "sides": ["norland", "ostria"], "sample": False, "path": listed[0]["path"]}


def test_a_pair_with_a_samples_id_hides_the_sample_in_this_library_only(run_dualread, library_dir, sources):
    sample_id = Library(library_dir).sample_ids()[0]
    bundled = Library(library_dir).load(sample_id)
    result = run_dualread("add", sample_id, "--event", "My own readouts", "--date", "2024-03-04",
                          "--side", f"norland={sources['norland']}", "--side", f"ostria={sources['ostria']}")
    assert result.returncode == 0, result.stderr
    assert "hides the bundled sample" in result.stdout
    items = [i for i in json.loads(run_dualread("list", "--json").stdout) if i["id"] == sample_id]
    assert [(i["event"], i["sample"]) for i in items] == [("My own readouts", False)]
    other = run_dualread("list", "--json", env={"DUALREAD_LIBRARY": str(library_dir.parent / "other")})
    assert [i["event"] for i in json.loads(other.stdout) if i["id"] == sample_id] == [bundled.event]


def test_a_side_given_as_a_file_address_is_read_from_that_file(run_dualread, library_dir, sources, tmp_path):
    # A file:// address (what a file manager or a browser's address bar gives for a local file) was refused:
    # "only http:// and https:// URLs can be imported", though it names a file as plainly as its path.
    folder = tmp_path / "my readouts"
    folder.mkdir()
    (folder / "north.txt").write_text("Readout\n\nThe leaders spoke about the harbour.\n", encoding="utf-8")
    done = run_dualread("add", "p", "--event", "Call", "--date", "2024-05-01",
                        "--side", f"north={(folder / 'north.txt').as_uri()}", "--side", f"south={sources['norland']}")
    assert done.returncode == 0, done.stderr
    side = Library(library_dir).load("p").side("north")
    assert "harbour" in side.text and side.url == "", "a local file is no web source to publish"

    elsewhere = run_dualread("add", "q", "--event", "Call", "--date", "2024-05-01",
                             "--side", "north=file://fileserver/share/north.txt", "--side", f"south={sources['norland']}")
    assert elsewhere.returncode == 1 and elsewhere.stderr.count("\n") == 1 and "fileserver" in elsewhere.stderr
    assert not (library_dir / "q").exists()


def test_the_same_file_given_for_two_sides_is_said(run_dualread, library_dir, sources):
    # `--side white-house=call.txt --side kremlin=call.txt` (a slip of the shell's history) made a pair whose two
    # sides agree on every point, without a word: its comparison says nothing, and it looks like one that does.
    done = run_dualread("add", "p", "--event", "Call", "--date", "2024-05-01",
                        "--side", f"north={sources['norland']}", "--side", f"south={sources['norland']}")
    assert done.returncode == 0, done.stderr
    assert "north and south hold the same text" in done.stdout
    apart = run_dualread("add", "q", "--event", "Call", "--date", "2024-05-01",
                         "--side", f"north={sources['norland']}", "--side", f"south={sources['ostria']}")
    assert apart.returncode == 0 and "same text" not in apart.stdout
