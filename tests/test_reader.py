"""Reading inputs: encodings, binary and special files, directories, stdin, HTML, ids."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from conflictmap.geo.errors import InputError
from conflictmap.geo.reading import reader
from conflictmap.geo.reading.reader import Document, Skipped, decode, read_document, read_inputs

TEXT = "Kyiv — Troops moved from Kharkiv to Zaporizhzhia, officials said. Café “quotes” – dash."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.replace("—", "-").encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252"],
)
def test_decode_encodings(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert used == encoding
    assert "Zaporizhzhia" in text
    assert "Café" in text


@pytest.mark.parametrize("data", [b"\x00\x01\x02PK\x03\x04", b"\x89PNG\r\n\x1a\n\x00\x00", bytes(range(1, 32)) * 50],
                         ids=["zip", "png", "controls"])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_directory_mixed_inputs_are_all_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")  # same stem: id made unique
    (tmp_path / "b.html").write_text(f"<html><head><title>T</title><script>evil()</script></head>"
                                     f"<body><p>{TEXT}</p><nav>Menu</nav></body></html>", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "d.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "e.txt").write_text("   \n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    docs = {d.id: d for d in items if isinstance(d, Document)}
    skipped = {Path(s.source).name: s.reason for s in items if isinstance(s, Skipped)}
    assert set(docs) == {"a", "a-2", "b"}
    assert docs["b"].format == "html"
    assert "evil" not in docs["b"].text
    assert TEXT in docs["b"].text
    assert skipped["c.pdf"].startswith("not a .txt or .html")
    assert "binary" in skipped["d.txt"]
    assert skipped["e.txt"] == "empty"
    assert "cannot read" in skipped["missing.txt"]
    assert len(items) == 7


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_document(fifo)


def test_too_large_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("x " * 200, encoding="utf-8")
    [item] = list(read_inputs([str(big)]))
    assert isinstance(item, Skipped)
    assert "larger than" in item.reason


def test_stdin() -> None:
    [doc] = list(read_inputs(["-"], stdin=io.BytesIO(TEXT.encode("utf-16"))))
    assert isinstance(doc, Document)
    assert (doc.id, doc.source, doc.text) == ("stdin", "-", TEXT)


def test_document_ids_are_unique_whatever_the_names(tmp_path) -> None:
    """ "a-2.txt" read before two files named "a.txt" keeps its id; the second "a" gets another."""
    from conflictmap.geo.reading.reader import Document, read_inputs

    (tmp_path / "sub").mkdir()
    for name in ("a-2.txt", "a.txt", "sub/a.txt"):
        (tmp_path / name).write_text("Ferries stopped sailing.\n", encoding="utf-8")
    ids = [d.id for d in read_inputs([str(tmp_path / "a-2.txt"), str(tmp_path / "a.txt"), str(tmp_path / "sub")])
           if isinstance(d, Document)]
    assert len(ids) == 3 and len(set(ids)) == 3
