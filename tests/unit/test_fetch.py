"""Downloads from a server that cannot be trusted, on 127.0.0.1: redirects stay http(s) and few, a loop is one line,
a server that drips bytes is stopped at the deadline, a URL with credentials is refused without echoing them."""

from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from local_server import serve
from readouts.errors import ReadoutError
from readouts.importing import read_source

BODY = "Readout of the call\r\n\r\nThe two leaders spoke about the harvest and the port.\r\n".encode()


class _Listener:
    """A bare TCP listener standing in for an FTP server: it greets whoever connects and records what they send."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                conn.sendall(b"220 ready\r\n")
                try:
                    self.received.append(conn.recv(1024) or b"<connected>")
                except OSError:
                    self.received.append(b"<connected>")

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


@pytest.fixture(scope="module")
def ftp():
    listener = _Listener()
    yield listener
    listener.close()


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    ftp_port = 0

    def do_GET(self):  # noqa: N802 - the name http.server calls
        path = self.path
        if path == "/readout.txt":
            self.page(BODY)
        elif path == "/odd-length.txt":
            self.page(BODY, length="\u00b2")  # '²' is a digit to str.isdigit(), not a number to int()
        elif path == "/to-readout":
            self.redirect("/readout.txt", 301)
        elif path == "/to-ftp":
            self.redirect(f"ftp://127.0.0.1:{self.ftp_port}/readout.txt")
        elif path == "/to-file":
            self.redirect("file:///etc/passwd")
        elif path == "/to-credentials":
            self.redirect(f"http://someone:hunter2@127.0.0.1:{self.server.server_address[1]}/readout.txt")
        elif path in ("/loop-a", "/loop-b"):
            self.redirect("/loop-b" if path == "/loop-a" else "/loop-a")
        elif path.startswith("/chain/"):
            self.redirect(f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.drip(b"x" * 200)
        elif path == "/drip-headers":
            self.wfile.flush()
            self.drip(b"HTTP/1.0 200 OK\r\nX-Slow: " + b"y" * 200)
        else:
            self.send_error(404, "Not Found")

    def page(self, body: bytes, *, length: str | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", length or str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, code: int = 302) -> None:
        self.send_response(code)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def drip(self, data: bytes) -> None:
        """One byte every 50 ms: each read is answered well within any per-read timeout. Bounded, so that a
        client without a deadline still finishes (after 10 s) instead of hanging the test run."""
        try:
            for i in range(len(data)):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(ftp):
    with serve(type("Handler", (_Handler,), {"ftp_port": ftp.port})) as url:
        yield url


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def refused(url: str, **kwargs) -> str:
    with pytest.raises(ReadoutError) as info:
        read_source(url, **kwargs)
    line = str(info.value)
    assert "\n" not in line, line
    return line


def test_a_redirect_to_an_http_page_is_followed(server):
    assert read_source(f"{server}/to-readout").startswith("Readout of the call\n\nThe two leaders")


def test_a_redirect_to_ftp_is_refused_and_never_followed(server, ftp):
    line = refused(f"{server}/to-ftp", timeout=5)
    assert line.startswith(f"{server}/to-ftp") and "redirected to ftp://" in line
    time.sleep(0.3)  # a connection, had one been made, would have been accepted by now
    assert ftp.received == []


def test_a_redirect_to_a_local_file_is_refused(server):
    line = refused(f"{server}/to-file", timeout=5)
    assert "redirected to file:///etc/passwd" in line and "root:" not in line


def test_a_redirect_loop_is_one_line(server):
    line = refused(f"{server}/loop-a", timeout=5)
    assert line.startswith(f"{server}/loop-a") and "redirect loop" in line


def test_an_endless_chain_of_redirects_stops_after_a_few(server):
    line = refused(f"{server}/chain/1", timeout=5)
    assert "more than 5 redirects" in line


def test_credentials_in_a_url_get_a_clear_message_without_the_password(server):
    port = server.rsplit(":", 1)[1]
    line = refused(f"http://someone:hunter2@127.0.0.1:{port}/readout.txt", timeout=5)
    assert "user name or password" in line and "hunter2" not in line and "someone:***@" in line
    line = refused(f"{server}/to-credentials", timeout=5)
    assert "user name or password" in line and "hunter2" not in line


def test_a_server_that_drips_is_stopped_at_the_deadline(server):
    line = refused(f"{server}/drip", timeout=5, deadline=0.5)
    assert line.startswith(f"{server}/drip") and "longer than 0.5 s" in line


def test_a_server_that_drips_its_headers_is_stopped_at_the_deadline(server):
    line = refused(f"{server}/drip-headers", timeout=5, deadline=0.5)
    assert "longer than 0.5 s" in line


def test_a_content_length_in_odd_digits_does_not_break_the_download(server):
    assert read_source(f"{server}/odd-length.txt").startswith("Readout of the call")
