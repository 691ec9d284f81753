"""``dualread add PAIR_ID --event TEXT --date YYYY-MM-DD --side KEY=SOURCE ...``: import a pair into the library.

Every argument is checked before anything is fetched or written (id, date, side keys, the metadata options'
keys, an existing pair without ``--force``); then each side is imported with
``readouts.importing.read_source`` and the pair is saved atomically by ``Library.save``. Any problem is one
``ReadoutError`` line and exit 1, and the library is left as it was. A pair may take a bundled sample's id (the
quality harness adds real readouts under the samples' ids): it is written to the library, never to the package,
and hides the sample in that library.

With ``--force``, what the old pair held beyond the command's options — its participants and the pair.yaml keys
dualread does not know, for the pair and for each side kept — carries over to the new one.

Per side: ``--title`` defaults to the readout's title line, ``--url`` to the source when it is a URL,
``--language`` to a guess from the script the text is written in (``ru``, ``zh``, else ``en``).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from readouts.errors import ReadoutError

if TYPE_CHECKING:
    from readouts.library import Library
    from readouts.model import Pair

__all__ = ["add_parser", "run", "parse_assignments"]

_METADATA = ("publisher", "title", "url", "language")


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "add",
        help="import a pair of readouts into the library",
        description="Import the readouts of one event into the library as a pair: two sides or more, each from a "
        "text, Markdown or HTML file, '-' for stdin, or an http(s) URL. Web pages are reduced to their "
        "article. The pair is written only once every side has been read.",
        examples="  dualread add 2021-12-30-biden-putin-call --event 'Biden–Putin telephone call' \\\n"
        "      --date 2021-12-30 --side white-house=wh.html --side kremlin=kremlin.txt \\\n"
        "      --publisher white-house='The White House' --publisher kremlin='President of Russia'\n"
        "  dualread add 2022-11-14-biden-xi-meeting --event 'Biden–Xi meeting in Bali' --date 2022-11-14 \\\n"
        "      --side white-house=https://example.org/readout --side china-mfa=mfa.md --language china-mfa=en\n"
        "  pbpaste | dualread add my-pair --event 'A call' --date 2024-05-01 --side a=- --side b=b.txt\n"
        "  dualread add my-pair ... --force      replace an existing pair (only once the new one is complete)\n",
    )
    parser.add_argument("pair_id", metavar="PAIR_ID",
                        help="the pair's id and folder name: lowercase a-z, 0-9 and '-', "
                        "e.g. 2021-12-30-biden-putin-call")
    parser.add_argument("--event", required=True, metavar="TEXT", help="what happened, e.g. 'Biden–Putin call'")
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the date of the event")
    parser.add_argument("--side", action="append", required=True, metavar="KEY=SOURCE",
                        help="a side: its key (e.g. white-house) and a .txt/.md/.html file, '-' or a URL; "
                        "give it once per side, at least twice")
    parser.add_argument("--publisher", action="append", default=[], metavar="KEY=NAME",
                        help="who published the side's readout")
    parser.add_argument("--title", action="append", default=[], metavar="KEY=TEXT",
                        help="the readout's title (default: its first line)")
    parser.add_argument("--url", action="append", default=[], metavar="KEY=URL",
                        help="where the readout was published (default: the source, when it is a URL)")
    parser.add_argument("--language", action="append", default=[], metavar="KEY=CODE",
                        help="the readout's language code, e.g. en, ru (default: guessed)")
    parser.add_argument("--force", action="store_true", help="replace a pair with the same id")
    return parser


def parse_assignments(values: list[str], option: str, *, value_name: str = "VALUE") -> dict[str, str]:
    """``["key=value", ...]`` as a dict, refusing a missing '=', a bad key or a key given twice."""
    from readouts.library import check_side_key

    result: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep:
            raise ReadoutError(f"expected KEY={value_name}", field=option, value=item)
        check_side_key(key, field=option)
        if key in result:
            raise ReadoutError(f"side '{key}' is given twice", field=option, value=item)
        result[key] = value
    return result


def _replaced_pair(library: Library, pair_id: str) -> Pair | None:
    """The pair ``--force`` replaces, if it still loads: its participants and unknown keys carry over."""
    try:
        return library.load(pair_id)
    except ReadoutError:
        return None  # a broken pair is simply replaced


def _old_side_extra(old: Pair | None, key: str) -> dict[str, Any]:
    if old is None or key not in old.side_keys:
        return {}
    return dict(old.side(key).extra)


def run(args: argparse.Namespace) -> int:
    from readouts.importing import ensure_title, guess_language, read_source
    from readouts.library import check_pair_id, parse_date
    from readouts.model import Pair, Side
    from tui.commands.common import library_from

    pair_id = check_pair_id(args.pair_id, field="PAIR_ID")
    event = args.event.strip()
    if not event:
        raise ReadoutError("must not be empty", field="--event", value=args.event)
    date = parse_date(args.date.strip(), field="--date")
    sources = {key: value.strip() for key, value in
               parse_assignments(args.side, "--side", value_name="SOURCE").items()}
    for key, source in sources.items():
        if not source:
            raise ReadoutError("no source given", field="--side", value=f"{key}=")
    if len(sources) < 2:
        raise ReadoutError("a pair needs at least two sides: give --side KEY=SOURCE twice or more",
                           field="--side", value=len(sources))
    if list(sources.values()).count("-") > 1:
        raise ReadoutError("only one side can be read from stdin ('-')", field="--side")
    metadata = {name: parse_assignments(getattr(args, name), f"--{name}") for name in _METADATA}
    for name, given in metadata.items():
        for key in given:
            if key not in sources:
                raise ReadoutError(f"no side '{key}' (the sides are: {', '.join(sources)})",
                                   field=f"--{name}", value=key)
    library = library_from(args)
    existed = (library.root / pair_id).exists()
    if existed and not args.force:
        raise ReadoutError(f"pair '{pair_id}' already exists in {library.root} (use --force to replace it)")
    old = _replaced_pair(library, pair_id) if existed else None

    sides = []
    for key, source in sources.items():
        if source == "-" and sys.stdin.isatty():
            print(f"dualread: paste the '{key}' readout, then press Ctrl-D on a new line", file=sys.stderr)
        text = read_source(source)
        title = metadata["title"].get(key, "").strip()
        text = ensure_title(text, title or event)
        is_url = source.lower().startswith(("http://", "https://"))
        sides.append(Side(
            key=key,
            text=text,
            file=f"{key}.txt",
            publisher=metadata["publisher"].get(key, "").strip(),
            title=title or text.split("\n", 1)[0],
            url=metadata["url"].get(key, source if is_url else "").strip(),
            language=metadata["language"].get(key, "").strip() or guess_language(text),
            extra=_old_side_extra(old, key),
        ))
    pair = Pair(id=pair_id, event=event, date=date, sides=tuple(sides),
                participants=old.participants if old else (), extra=old.extra if old else {})
    folder = library.save(pair, force=args.force)
    verb = "replaced" if existed else "added"
    # The bundled sample stays untouched in the package; in this library the user's pair now stands in for it.
    hides = " (it hides the bundled sample with this id)" if pair_id in library.sample_ids() else ""
    print(f"{verb} {pair_id} ({len(sides)} sides: {', '.join(sources)}) in {folder}{hides}", file=sys.stdout)
    return 0
