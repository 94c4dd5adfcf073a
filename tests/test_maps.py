"""The folium renderer: escaping, styles by status, areas for area-level places."""

from __future__ import annotations

import pytest

from maps.escape import escape
from maps.render import render


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("<b>", "&lt;b&gt;"),
        ("${x}", "&#36;{x}"),
        ("`", "&#96;"),
        ("\\", "&#92;"),
        ("a&b", "a&amp;b"),
        ('"\'', "&quot;&#x27;"),
        (None, ""),
    ],
)
def test_escape(raw: str | None, safe: str) -> None:
    assert escape(raw) == safe


def _collection(status: str) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[127.44, 39.15], [131.87, 43.1]]},
         "properties": {"kind": "movement", "actor": "troops <i>", "status": status, "mode": "sea",
                        "origin": {"name": "Wonsan"}, "destination": {"name": "Vladivostok"}, "size_claims": [],
                        "sources": [{"doc": "d", "start": 0, "end": 5, "text": "`${evil}`"}]}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.98, 37.57]},
         "properties": {"kind": "statement", "speaker": "Yoon", "organization": None, "speaker_country": "KR",
                        "place": {"id": "x", "name": "Seoul"}, "basis": "dateline", "text": "said <script>",
                        "sources": []}},
    ]}


def test_possible_is_dashed_reported_is_solid() -> None:
    assert '"dashArray": "8 8"' in render(_collection("possible"))
    assert '"dashArray": "8 8"' not in render(_collection("reported"))


def test_render_escapes_every_text_field() -> None:
    page = render(_collection("reported"))
    assert "troops &lt;i&gt;" in page
    assert "${evil}" not in page
    assert "said &lt;script&gt;" in page
