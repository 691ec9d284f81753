"""Downloading a readout page: http(s) only, every hop checked, bounded in size and in time.

- ``fetch(url, *, timeout=15.0, deadline=60.0, limit) -> Page``: the body of ``url`` after at most
  ``MAX_REDIRECTS`` redirects, each to an http(s) URL without credentials; ``Page(raw, content_type, charset,
  url)`` says what came back and from where.
- ``check_url(url) -> None``: what any URL must be before a request is made: http(s), a host, no spaces or
  control characters, no user name or password.
- ``shown_url(url) -> str``: the URL as an error line may print it, a password masked.
- ``holds_credentials(url) -> bool``: whether the URL carries a user name or password (``readouts.adding`` refuses
  such a source address too: every report would print it).
- ``MAX_REDIRECTS``, ``DEADLINE``: the limits.

Every problem is one ``ReadoutError`` line naming the URL. ``timeout`` bounds each wait for the server; ``deadline``
bounds the whole download, redirects included: a server that sends one byte a second never times out a read, so a
timer shuts the connection when the deadline passes. The opener knows only http and https (no ``ftp:``, no
``file:``), and follows no redirect by itself: this module does, one hop at a time, so that a hop to another
scheme, a loop or a long chain is refused in one line, and a redirect's body is never read.
"""

from __future__ import annotations

import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from typing import Any

from readouts.errors import ReadoutError

__all__ = ["DEADLINE", "MAX_REDIRECTS", "Page", "check_url", "fetch", "holds_credentials", "shown_url"]

MAX_REDIRECTS = 5
"""Official sites redirect once or twice (http to https, a trailing slash, a CDN); five is generous."""

DEADLINE = 60.0
"""Seconds a whole download may take: a readout page is tens of kilobytes."""

_REDIRECT_CODES = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_DECIMAL = re.compile(r"[0-9]{1,20}")


@dataclass(frozen=True)
class Page:
    raw: bytes
    content_type: str
    charset: str | None
    url: str


def shown_url(url: str) -> str:
    """``url`` with a password in it replaced by ``***``: error lines end up in terminals, logs and bug reports."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def holds_credentials(url: str) -> bool:
    """Whether ``url`` holds a user name or password; False for a string ``urllib`` cannot read as a URL."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return parts.username is not None or parts.password is not None


def check_url(url: str) -> None:
    """Refuse a URL that is not plain http(s) to a named host (``ReadoutError`` naming it)."""
    shown = shown_url(url)
    if not url.lower().startswith(("http://", "https://")):
        raise ReadoutError("only http:// and https:// URLs can be imported", file=shown)
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise ReadoutError("not a valid URL: it contains a space or a control character", file=shown)
    try:
        parts = urllib.parse.urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises for a port that is not a number from 0 to 65535
    except ValueError as error:  # a bracket left open, a bad port
        raise ReadoutError(f"not a valid URL: {error}", file=shown) from None
    if holds_credentials(url):
        raise ReadoutError("the URL holds a user name or password: dualread sends no credentials; download the "
                           "page yourself and add the file", file=shown)
    if not host:
        raise ReadoutError("not a valid URL: no host name", file=shown)


class _Deadline:
    """Shuts every connection of one download down when ``seconds`` have passed; ``expired`` says it did."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # a blocked recv() returns at once; close() from another thread would not
    except OSError:
        pass


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener for http and https only, whose connections the deadline can shut, and which follows no redirect."""

    class Http(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class Https(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(Http, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(Https, req)

    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), HttpHandler(), HttpsHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


_HEADERS = {
    "User-Agent": "dualread (readout import)",
    "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9",
}


def fetch(url: str, *, limit: int, timeout: float = 15.0, deadline: float = DEADLINE) -> Page:
    """The page at ``url``: at most ``limit`` bytes, ``MAX_REDIRECTS`` hops and ``deadline`` seconds in all."""
    check_url(url)
    first = url
    with _Deadline(deadline) as clock:
        opener = _opener(clock)
        seen = {url}
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                response = _open(opener, url, first, timeout, clock)
            except _Redirect as redirect:
                url = _next_hop(redirect.location, url, first, seen)
                continue
            with response:
                return _read(response, url, first, limit, timeout, clock)
    raise ReadoutError(f"more than {MAX_REDIRECTS} redirects", file=shown_url(first))


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def _next_hop(location: str, url: str, first: str, seen: set[str]) -> str:
    target = urllib.parse.urljoin(url, location)
    try:
        check_url(target)
    except ReadoutError as error:
        raise ReadoutError(f"redirected to {shown_url(target)}, which is refused: {error.message}",
                           file=shown_url(first)) from None
    if target in seen:
        raise ReadoutError(f"a redirect loop (back to {shown_url(target)})", file=shown_url(first))
    seen.add(target)
    return target


def _open(opener: urllib.request.OpenerDirector, url: str, first: str, timeout: float, clock: _Deadline) -> Any:
    shown = shown_url(first)
    request = urllib.request.Request(url, headers=_HEADERS)
    try:
        return opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location") if error.headers is not None else None
        error.close()  # a redirect's or an error page's body is never read
        if error.code in _REDIRECT_CODES and location:
            raise _Redirect(location) from None
        raise ReadoutError(f"the server answered {error.code} {_one_line(error.reason)}", file=shown) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if clock.expired:
            raise _late(clock, shown) from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ReadoutError(f"unreachable: no answer within {timeout:g} s", file=shown) from None
        detail = getattr(reason, "strerror", None) or str(reason)
        raise ReadoutError(f"unreachable: {_one_line(detail)}", file=shown) from None
    except TimeoutError:
        raise ReadoutError(f"unreachable: no answer within {timeout:g} s", file=shown) from None
    except (HTTPException, OSError, ValueError) as error:
        if clock.expired:
            raise _late(clock, shown) from None
        raise ReadoutError(f"unreachable: {_one_line(str(error)) or type(error).__name__}", file=shown) from None


def _read(response: Any, url: str, first: str, limit: int, timeout: float, clock: _Deadline) -> Page:
    shown = shown_url(first)
    declared = response.headers.get("Content-Length")
    if declared and _DECIMAL.fullmatch(declared.strip()) and int(declared) > limit:
        raise ReadoutError(f"too large: {int(declared):,} bytes, the limit is {limit // (1024 * 1024)} MB",
                           file=shown)
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = response.read1(_CHUNK)  # one read at a time, so the deadline is looked at between reads
            if not chunk or clock.expired:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ReadoutError(f"too large: more than {limit // (1024 * 1024)} MB", file=shown)
    except (TimeoutError, socket.timeout):
        raise ReadoutError(f"unreachable: no data within {timeout:g} s", file=shown) from None
    except (HTTPException, OSError) as error:
        if not clock.expired:
            raise ReadoutError(f"the download broke off: {_one_line(str(error)) or type(error).__name__}",
                               file=shown) from None
    if clock.expired:
        raise _late(clock, shown)
    return Page(b"".join(chunks), response.headers.get_content_type(), response.headers.get_content_charset(), url)


def _late(clock: _Deadline, shown: str) -> ReadoutError:
    return ReadoutError(f"the download took longer than {clock.seconds:g} s and was stopped", file=shown)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())
