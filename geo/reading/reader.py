"""Read input documents: files, directories and stdin, in whatever encoding the web left them.

Every input is accounted for: :func:`read_inputs` yields a :class:`Document` or a
:class:`Skipped` with its reason for each, and one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from conflictmap.geo.errors import InputError
from conflictmap.geo.reading.dates import Published, page_date, publication_date

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; anything this big is not one
# What one document may cost: analysis is linear in characters (~35 s and ~400 MB per million on
# one core here), so a longer text is skipped with its reason unless the caller raises the limit.
MAX_CHARS = 1_000_000
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# conflictmap's own outputs and other data files: never read as articles, even when named outright
DATA_SUFFIXES = {".geojson", ".json", ".jsonl", ".csv", ".tsv", ".gpkg", ".sqlite", ".db", ".sha256", ".tmp"}
MAP_GENERATOR = "conflictmap"  # <meta name="generator"> of the maps conflictmap draws
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_OUR_MAP = re.compile(rf'<meta name="generator" content="{MAP_GENERATOR}', re.IGNORECASE)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on one terminal line: control characters (newline, ESC of ANSI
    sequences, ...) as ``\\n``, ``\\x1b``; an undecodable byte of a file name as ``\\xNN``.

    >>> printable("a\\nb\\x1b[31m")
    'a\\\\nb\\\\x1b[31m'
    >>> printable("caf\\udce9")
    'caf\\\\xe9'
    """

    def one(m: re.Match[str]) -> str:
        c = ord(m.group(0))
        if 0xDC80 <= c <= 0xDCFF:  # os.fsdecode's surrogate escape of the byte c - 0xDC00
            return f"\\x{c - 0xDC00:02x}"
        return {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}.get(c) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}")

    return _UNPRINTABLE.sub(one, text)


@dataclass(frozen=True, slots=True)
class Document:
    """One article's text as read; every character offset conflictmap reports indexes ``text``."""

    id: str  # file name without extension, unique within a run
    text: str
    source: str  # the path as given, or "-" for stdin
    encoding: str
    format: str = "text"  # "text" or "html" (then ``text`` is the page's visible text)
    path: Path | None = None  # the file read (None for stdin); ``source`` is its printable name
    published: Published | None = None  # the publication date the page or text states, with its evidence


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not processed, and why."""

    source: str
    reason: str
    path: Path | None = None  # the file, when there is one


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding: BOM first, then UTF-8, then Windows-1252.

    Returns ``(text, encoding)``. Raises :class:`InputError` for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark") from exc
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    # Judged on the whole text, so where a stray byte sits does not matter: a few NUL or control
    # characters in an article are noise (NULs become spaces, offsets unchanged); many are binary.
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > 0.01:
        kind = "NUL bytes" if "\x00" in text else "control characters"
        raise InputError(f"binary file ({kind}), not text")
    return text.replace("\x00", " "), encoding


def html_to_text(html: Any) -> str:
    """The visible text of an HTML page (its source or its parsed tree, which this empties of
    scripts, styles and the head), one block element per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser") if isinstance(html, str) else html
    for tag in soup(["script", "style", "noscript", "template", "svg", "head"]):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    body = soup.get_text("\n")
    lines = [" ".join(line.split()) for line in body.splitlines()]
    text = "\n".join(line for line in lines if line)
    return f"{title}\n\n{text}" if title and not text.startswith(title) else text


def read_small_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (a check list, an export to redraw).
    Raises :class:`InputError` with the reason: not a regular file, too large, or the system's."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        if info.st_size > max_bytes:
            raise InputError(f"larger than {max_bytes // (1024 * 1024)} MB")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(str(exc.strerror or exc)) from exc


def _read_bytes(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


def read_document(path: Path, *, doc_id: str | None = None, max_chars: int | None = MAX_CHARS) -> Document:
    """Read one file. Raises :class:`InputError` with a one-line reason when it cannot be used."""
    suffix = path.suffix.lower()
    if suffix in DATA_SUFFIXES:
        raise InputError(f"a {suffix} file is data, not an article (conflictmap reads .txt and .html)")
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")
    if info.st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        with path.open("rb") as fh:
            data = _read_bytes(fh, str(path))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    document = _document(data, source=printable(str(path)), doc_id=doc_id or printable(path.stem),
                         is_html=suffix in HTML_SUFFIXES, max_chars=max_chars)
    return dataclasses.replace(document, path=path)


def _document(data: bytes, *, source: str, doc_id: str, is_html: bool, max_chars: int | None = MAX_CHARS) -> Document:
    if not data.strip():
        raise InputError("empty")
    text, encoding = decode(data)
    head = text[:2000].lstrip()
    if _OUR_MAP.search(text[:5000]):
        raise InputError("a map drawn by conflictmap, not an article")
    if head[:1] in "{[" and _is_json(text):
        raise InputError("JSON data, not an article")
    if not is_html and re.match(r"\s*(<!doctype html|<html)", text[:500], re.IGNORECASE):
        is_html = True
    in_page: Published | None = None
    if is_html:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "html.parser")  # one parse: the date from the markup, then the text
        in_page = page_date(soup)
        text = html_to_text(soup)
        if not text.strip():
            raise InputError("HTML page with no visible text")
    if max_chars and len(text) > max_chars:
        raise InputError(f"{len(text):,} characters, over the limit of {max_chars:,} for one document "
                         "(split it, or raise --max-chars)")
    return Document(doc_id, text, source, encoding, "html" if is_html else "text",
                    published=in_page or publication_date(text))


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _walk(root: Path) -> Iterator[Path | Skipped]:
    """Files under ``root`` in path order, without recursion (any depth) and without following
    links to folders (no cycles); hidden files and folders are reported, not read."""
    found: list[Path | Skipped] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                children = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            found.append(Skipped(printable(str(folder)), f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in children:
            path = folder / entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
            except OSError:
                is_dir = linked_dir = False
            if entry.name.startswith("."):
                found.append(Skipped(printable(str(path)), "hidden folder" if is_dir else "hidden file", path))
            elif is_dir:
                stack.append(path)
            elif linked_dir:
                found.append(Skipped(printable(str(path)), "link to a folder (not followed)", path))
            elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                found.append(path)
            else:
                reason = f"not a .txt or .html file ({printable(path.suffix)})"
                found.append(Skipped(printable(str(path)), reason, path))
    yield from sorted(found, key=lambda item: (item.path or Path()).parts if isinstance(item, Skipped) else item.parts)


def _expand(arg: str) -> Iterator[Path | Skipped]:
    if not arg.strip():
        yield Skipped(repr(arg), "empty path")
        return
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path)
    else:
        yield path


def read_inputs(
    args: Sequence[str], *, stdin: BinaryIO | None = None, max_chars: int | None = MAX_CHARS
) -> Iterator[Document | Skipped]:
    """Documents from files, directories (``*.txt``, ``*.html``, recursively) and ``-`` (stdin).

    Document ids are file names without extension, made unique within the run by a ``-2``,
    ``-3``... suffix.
    """
    issued: set[str] = set()

    def unique(stem: str) -> str:
        """The stem, or stem-2, stem-3, ...: never an id already issued ("a-2.txt" then two "a.txt")."""
        n, candidate = 1, stem
        while candidate in issued:
            n += 1
            candidate = f"{stem}-{n}"
        issued.add(candidate)
        return candidate

    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                yield _document(_read_bytes(stream, "-"), source="-", doc_id=unique("stdin"), is_html=False,
                                max_chars=max_chars)
            except InputError as exc:
                yield Skipped("-", str(exc))
            continue
        for item in _expand(arg):
            if isinstance(item, Skipped):
                yield item
                continue
            try:
                yield read_document(item, doc_id=unique(printable(item.stem or item.name)), max_chars=max_chars)
            except InputError as exc:
                yield Skipped(printable(str(item)), str(exc), item)
