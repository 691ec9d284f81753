"""Cache entries are named under this user's secret: a forged entry that came with someone else's library, valid as
a comparison but wrong, is never read; the secret is kept once, privately, and its loss only costs a recompute."""

from __future__ import annotations

import gzip
import json
import os
import stat

import pytest

from comparisons.cache import cache_path, cached_compare
from comparisons.cache_secret import SECRET_BYTES, cache_secret, secret_path
from test_cache import counted  # noqa: F401  (fixtures used by name)
from test_engine import OPTIONS, PAIR, standins  # noqa: F401


@pytest.fixture
def user(tmp_path, monkeypatch):
    """Switch to the user cache folder of user ``name``: the secret is read again from there."""

    def switch(name: str):
        monkeypatch.setenv("DUALREAD_CACHE_DIR", str(tmp_path / name))
        cache_secret.cache_clear()

    yield switch
    cache_secret.cache_clear()


def forge(path) -> float:
    """Change the first link's score inside a cache entry, keeping it a valid comparison; returns the new score."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    data["links"][0]["score"] = 0.987
    path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8")))
    return 0.987


def test_a_forged_entry_in_a_shared_library_is_not_read(counted, user, tmp_path):
    library_cache = tmp_path / "library" / ".cache"
    user("someone-else")
    engine_score = cached_compare(PAIR, OPTIONS, library_cache).links[0].score
    forged = forge(cache_path(PAIR, OPTIONS, library_cache))
    # Their own process reads what they wrote: the forged entry is a valid comparison, so integrity passes it.
    assert cached_compare(PAIR, OPTIONS, library_cache).links[0].score == forged
    user("me")
    assert cached_compare(PAIR, OPTIONS, library_cache).links[0].score == engine_score != forged
    assert counted == [PAIR.id, PAIR.id]  # recomputed for me, once
    cached_compare(PAIR, OPTIONS, library_cache)
    assert counted == [PAIR.id, PAIR.id]


def test_the_secret_is_kept_privately_and_reused(user):
    user("me")
    first = cache_secret()
    path = secret_path()
    assert len(first) == SECRET_BYTES and path.read_bytes() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    cache_secret.cache_clear()
    assert cache_secret() == first


@pytest.mark.parametrize("shape", ["link", "short"])
def test_a_secret_file_that_is_not_ours_is_not_used(user, tmp_path, shape):
    user("me")
    path = secret_path()
    path.parent.mkdir(parents=True)
    bait = tmp_path / "known-secret"
    bait.write_bytes(b"k" * SECRET_BYTES)
    if shape == "link":
        path.symlink_to(bait)
    else:
        path.write_bytes(b"k" * 5)
    made_up = cache_secret()
    assert made_up != b"k" * SECRET_BYTES and len(made_up) == SECRET_BYTES
    assert bait.read_bytes() == b"k" * SECRET_BYTES  # never written through the link


def test_the_cache_folder_is_kept_out_of_git(standins, tmp_path):
    cache = tmp_path / ".cache"
    cached_compare(PAIR, OPTIONS, cache)
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert os.listdir(cache / "comparisons" / PAIR.id)  # the entry itself is written as before
