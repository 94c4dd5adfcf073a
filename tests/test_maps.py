"""The folium renderer: escaping, styles by status, areas for area-level places."""

from __future__ import annotations

import pytest

from conflictmap.maps.escape import escape
from conflictmap.maps.render import render


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("<b>", "&lt;b&gt;"),
        ("${x}", "&#36;&#123;x&#125;"),
        ("`", "&#96;"),
        ("\\", "&#92;"),
        ("a&b", "a&amp;b"),
        ('"\'', "&quot;&#x27;"),
        (None, ""),
        ("{{7*7}}", "&#123;&#123;7*7&#125;&#125;"),
        ("{% raw %}", "&#123;&#37; raw &#37;&#125;"),
        ("{#", "&#123;#"),
        ("a\nb\u2028c", "a&#10;b&#8232;c"),
        ("\udcff", "\ufffd"),
    ],
    ids=["tag", "template-literal", "backtick", "backslash", "amp", "quotes", "none", "jinja-expr", "jinja-stmt",
         "jinja-comment", "line-breaks", "surrogate"],
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


@pytest.mark.full
def test_a_division_without_a_surveyed_outline_is_a_dashed_approximate_area(full_gaz) -> None:
    """England has no Natural Earth outline: it is drawn as the hull of its towns, dashed, and its
    popup says so; a Natural Earth region keeps a solid outline."""
    def place(pid: str, name: str, kind: str, approximate: bool) -> dict:
        p = full_gaz.get(pid)
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {"kind": "place", "id": pid, "name": name, "place_type": kind, "where_prec": 4,
                               "has_polygon": True, "approximate_polygon": approximate, "mentions": []}}

    england = full_gaz.best("England")
    assert england is not None and england.approximate_shape and england.has_shape
    page = render({"type": "FeatureCollection", "features": [place(england.id, "England", "admin1", True)]},
                  gazetteer=full_gaz, offline=False)
    assert "outline approximate: the hull of its towns" in page and '"dashArray": "4 4"' in page
    assert "region outline approximate (hull of its towns)" in page  # the legend says what dashes mean
    page = render({"type": "FeatureCollection", "features": [place("ne-admin1:RU-KRS", "Kursk", "admin1", False)]},
                  gazetteer=full_gaz, offline=False)
    assert "outline approximate" not in page and '"dashArray": "4 4"' not in page


def test_a_place_drawn_as_a_point_frames_the_map() -> None:
    """A county without an outline is drawn as a point, so the map fits it like any point."""
    county = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-85.6122, 36.9801]},
              "properties": {"kind": "place", "id": "geonames:4300606", "name": "Metcalfe County",
                             "place_type": "admin2", "where_prec": 3, "has_polygon": False, "mentions": []}}
    page = render({"type": "FeatureCollection", "features": [county]}, offline=False)
    assert "fitBounds" in page and "36.9801" in page


TEMPLATE_PAYLOADS = [
    "{{ 6 * 111111 }}",
    "{% raw %}",
    "{% endraw %}{{ 7 * 1111111 }}",
    "{{ lipsum.__globals__.os.popen('echo CM_$((40+2))_PWNED').read() }}",
    "{# an unclosed comment",
    "{{ '<scr' ~ 'ipt>' }}",
    "%}}{{",
]


def _every_field(payload: str, i: int) -> list[dict]:
    """One place, movement and statement with ``payload`` in every string the renderer reads."""
    ref = {"doc": payload, "start": payload, "end": payload, "text": payload}
    end = {"id": payload, "name": payload, "coordinates": [30.0 + i, 50.0]}
    point = {"type": "Point", "coordinates": [30.0 + i, 50.0]}
    return [
        {"type": "Feature", "id": payload, "geometry": point, "properties": {
            "kind": "place", "id": payload, "name": payload, "place_type": payload, "country_code": payload,
            "where_prec": payload, "mention_count": payload, "mentions": [ref]}},
        {"type": "Feature", "id": payload, "geometry": {"type": "LineString", "coordinates": [[30.0, 50.0],
                                                                                               [31.0 + i, 51.0]]},
         "properties": {"kind": "movement", "actor": payload, "origin": end, "destination": end,
                        "origin_basis": payload, "mode": payload, "status": payload, "time": payload,
                        "route": payload, "route_km": payload, "sources": [ref],
                        "size_claims": [{"text": payload, "claimed_by": payload}]}},
        {"type": "Feature", "id": payload, "geometry": None, "properties": {
            "kind": "movement", "actor": payload, "destination": end, "status": payload, "sources": [ref]}},
        {"type": "Feature", "id": payload, "geometry": point, "properties": {
            "kind": "statement", "speaker": payload, "organization": payload, "speaker_country": payload,
            "place": {"name": payload}, "basis": payload, "text": payload, "where_prec": payload,
            "sources": [ref]}},
    ]


@pytest.mark.parametrize("offline", [False, True], ids=["cdn", "offline"])
def test_article_text_is_never_template_source(offline: bool) -> None:
    """Jinja syntax in any field renders as the characters written: nothing is evaluated, nothing
    crashes the render, and the page has no template delimiter built from the data."""
    features = [f for i, p in enumerate(TEMPLATE_PAYLOADS) for f in _every_field(p, i)]
    page = render({"type": "FeatureCollection", "features": features}, offline=offline)
    assert "666666" not in page
    assert "7777777" not in page
    assert "CM_42_PWNED" not in page
    assert "&#123;&#123; 6 * 111111 &#125;&#125;" in page.replace("\\u0026", "&").replace("\\u003c", "<")
    assert "lipsum" in page  # shown, as text


def test_a_hand_edited_geometry_with_strings_is_not_drawn() -> None:
    """Only numbers reach the page's data; coordinates out of range or not numbers are dropped."""
    bad = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": c},
            "properties": {"kind": "statement", "speaker": f"speaker {i}", "sources": []}}
           for i, c in enumerate([["{{7*7}}", 1], [400, 10], [10, 95], [None, 1]])]
    page = render({"type": "FeatureCollection", "features": bad}, offline=False)
    assert "speaker 0" not in page and "speaker 1" not in page and "speaker 3" not in page
