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
    assert '"dashArray": "8 8"' in render(_collection("possible"), offline=False)
    assert '"dashArray": "8 8"' not in render(_collection("reported"), offline=False)


def test_offline_page_has_no_network_reference() -> None:
    import re

    page = render(_collection("reported"))
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?://', page)
    assert "L.tileLayer" not in page


def test_render_escapes_every_text_field() -> None:
    page = render(_collection("reported"), offline=False)
    assert "troops &lt;i&gt;" in page
    assert "${evil}" not in page
    # statements travel inside the GeoJSON data, where the escaped "&" is itself JSON-encoded
    assert "said &lt;script&gt;" in page or "said \\u0026lt;script\\u0026gt;" in page
    assert "said <script>" not in page
