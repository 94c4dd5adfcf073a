"""Read input documents: files, directories and stdin, in whatever encoding the web left them.

Every input is accounted for: :func:`read_inputs` yields a :class:`Document` or a
:class:`Skipped` with its reason for each, and one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import logging
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from geo.errors import InputError

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; anything this big is not one
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Document:
    """One article's text as read; every character offset conflictmap reports indexes ``text``."""

    id: str  # file name without extension, unique within a run
    text: str
    source: str  # the path as given, or "-" for stdin
    encoding: str
    format: str = "text"  # "text" or "html" (then ``text`` is the page's visible text)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not processed, and why."""

    source: str
    reason: str


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
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("binary file (NUL bytes), not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.01:
        raise InputError("binary file (control characters), not text")
    return text, encoding


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block element per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "svg", "head"]):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    body = soup.get_text("\n")
    lines = [" ".join(line.split()) for line in body.splitlines()]
    text = "\n".join(line for line in lines if line)
    return f"{title}\n\n{text}" if title and not text.startswith(title) else text


def _read_bytes(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


def read_document(path: Path, *, doc_id: str | None = None) -> Document:
    """Read one file. Raises :class:`InputError` with a one-line reason when it cannot be used."""
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
    return _document(data, source=str(path), doc_id=doc_id or path.stem, is_html=path.suffix.lower() in HTML_SUFFIXES)


def _document(data: bytes, *, source: str, doc_id: str, is_html: bool) -> Document:
    if not data.strip():
        raise InputError("empty")
    text, encoding = decode(data)
    if not is_html and re.match(r"\s*(<!doctype html|<html)", text[:500], re.IGNORECASE):
        is_html = True
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise InputError("HTML page with no visible text")
    return Document(doc_id, text, source, encoding, "html" if is_html else "text")


def _expand(arg: str) -> Iterator[Path | Skipped]:
    path = Path(arg)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_dir():
                continue
            suffix = child.suffix.lower()
            if child.name.startswith("."):
                continue
            if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                yield child
            else:
                yield Skipped(str(child), f"not a .txt or .html file ({suffix})")
    else:
        yield path


def read_inputs(args: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Document | Skipped]:
    """Documents from files, directories (``*.txt``, ``*.html``, recursively) and ``-`` (stdin).

    Document ids are file names without extension, made unique within the run by a ``-2``,
    ``-3``... suffix.
    """
    seen: dict[str, int] = {}

    def unique(stem: str) -> str:
        seen[stem] = seen.get(stem, 0) + 1
        return stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"

    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                yield _document(_read_bytes(stream, "-"), source="-", doc_id=unique("stdin"), is_html=False)
            except InputError as exc:
                yield Skipped("-", str(exc))
            continue
        for item in _expand(arg):
            if isinstance(item, Skipped):
                yield item
                continue
            try:
                yield read_document(item, doc_id=unique(item.stem or item.name))
            except InputError as exc:
                yield Skipped(str(item), str(exc))
