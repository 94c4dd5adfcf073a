"""The folium renderer: escaping, styles by status, areas for area-level places."""

from __future__ import annotations

import pytest

from conflictmap.maps.escape import escape
from conflictmap.maps.render import render
from tests.conftest import drawn_ids


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


def _ref(pid: str, name: str, lon: float, lat: float, place_type: str, prec: int, cc: str | None) -> dict:
    return {"id": pid, "name": name, "coordinates": [lon, lat], "place_type": place_type, "country_code": cc,
            "where_prec": prec}


KP = _ref("ne-admin0:KP", "North Korea", 127.18, 39.93, "country", 6, "KP")
RU = _ref("ne-admin0:RU", "Russia", 44.69, 58.25, "country", 6, "RU")
WONSAN = _ref("geonames:1866923", "Wŏnsan", 127.44, 39.15, "city", 1, "KP")
VLADIVOSTOK = _ref("geonames:2013348", "Vladivostok", 131.87, 43.11, "city", 1, "RU")


def _move(fid: str, origin: dict, destination: dict, route: str, middle: list[float]) -> dict:
    return {"type": "Feature", "id": fid, "geometry": {"type": "LineString", "coordinates": [
        origin["coordinates"], middle, destination["coordinates"]]}, "properties": {
        "kind": "movement", "actor": "troops", "status": "reported", "origin": origin, "destination": destination,
        "route": route, "route_km": 5898.1, "size_claims": [], "sources": []}}


def _statement(fid: str, country: str, lon: float, lat: float) -> dict:
    return {"type": "Feature", "id": fid, "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {
        "kind": "statement", "speaker": "someone", "speaker_country": country, "place": None, "basis": "affiliation",
        "where_prec": 1, "text": "said", "sources": []}}


INDO_PACIFIC = {"type": "Feature", "id": "place:curated:indo-pacific", "geometry": {
    "type": "Point", "coordinates": [110.0, 5.0]}, "properties": {
    "kind": "place", "id": "curated:indo-pacific", "name": "Indo-Pacific", "place_type": "region", "country_code": None,
    "where_prec": 5, "has_polygon": True, "approximate_polygon": False, "mention_count": 1, "mentions": []}}
HONEST = {"type": "FeatureCollection", "features": [
    _move("movement:0", KP, RU, "geodesic", [90.0, 55.0]),
    _move("movement:1", WONSAN, VLADIVOSTOK, "sea lane", [130.5, 41.5]),
    _statement("statement:0", "KR", 126.98, 37.57), _statement("statement:1", "KP", 125.75, 39.03), INDO_PACIFIC]}


def test_a_country_to_country_movement_is_a_country_level_link_not_a_route(gaz) -> None:
    import re

    page = render(HONEST, gazetteer=gaz, offline=False)
    [link] = re.findall(r'"className": "(cm-movement cm-country-level[^"]*)"', page)
    assert link == "cm-movement cm-country-level cm-reported"
    assert re.findall(r'"className": "(cm-movement[^"]*)"', page) == [link, "cm-movement cm-reported"]
    assert "country level, route unknown: reported movement: troops, North Korea → Russia" in page
    assert "country level: both ends are areas" in page  # the popup says it
    assert page.count("drawn as sea lane") == 1  # the country-level popup claims no route
    assert "[39.93, 127.18], [58.25, 44.69]" in page  # straight between the two label points
    assert "[55.0, 90.0]" not in page  # the export's geodesic is not drawn for it
    assert "movement known only country to country (route unknown)" in page  # the legend explains it


@pytest.mark.parametrize(
    ("origin", "destination", "country_level"),
    [(KP, RU, True), ({**KP, "place_type": "admin1", "where_prec": 4}, RU, True),
     ({**RU, "place_type": "region", "where_prec": 5}, KP, True), (WONSAN, RU, False), (KP, VLADIVOSTOK, False),
     (None, RU, False)],
    ids=["country-country", "region-country", "curated-region", "city-country", "country-city", "one-end"],
)
def test_country_level_needs_two_area_ends(origin: dict | None, destination: dict, country_level: bool) -> None:
    from conflictmap.maps.render import is_country_level

    assert is_country_level({"origin": origin, "destination": destination}) is country_level


def test_a_region_without_a_boundary_is_a_labelled_marker_not_a_box(gaz) -> None:
    assert gaz.get("curated:indo-pacific").has_shape  # the gazetteer stores its box
    page = render(HONEST, gazetteer=gaz, offline=False)
    assert '"className": "cm-region-marker"' in page and "\\u25c7 Indo-Pacific" in page  # in the icon's JSON
    assert "Indo-Pacific: no agreed boundary" in page
    assert "[180.0, 50.0]" not in page and "[40.0, -45.0]" not in page  # no corner of the box is drawn
    assert "region with no agreed boundary (a label, not an area)" in page
    # a surveyed outline is still an area
    korea = {**INDO_PACIFIC, "id": "place:ne-admin0:KR", "properties": {
        **INDO_PACIFIC["properties"], "id": "ne-admin0:KR", "name": "South Korea", "place_type": "country"}}
    page = render({"type": "FeatureCollection", "features": [korea]}, gazetteer=gaz, offline=False)
    assert "cm-region-label" not in page and '"type": "Polygon"' in page


def test_the_legend_names_speakers_countries(gaz) -> None:
    page = render(HONEST, gazetteer=gaz, offline=False)
    legend = page[page.index("id='cm-legend'"):]
    assert "speaker from North Korea" in legend and "speaker from South Korea" in legend
    assert "speaker from KR" not in legend and "speaker from KP" not in legend
    # without a gazetteer, the collection's own country places name them
    korea = {**INDO_PACIFIC, "properties": {**INDO_PACIFIC["properties"], "name": "South Korea",
                                            "place_type": "country", "country_code": "KR"}}
    page = render({"type": "FeatureCollection", "features": [*HONEST["features"], korea]}, offline=False)
    legend = page[page.index("id='cm-legend'"):]
    assert "speaker from South Korea" in legend and "speaker from KP" in legend  # unknown: the code


@pytest.mark.parametrize("payload", [*TEMPLATE_PAYLOADS, "<img src=x onerror=alert(1)>", "`${alert(1)}`"])
def test_country_level_links_and_region_labels_escape_their_names(gaz, payload: str) -> None:
    """The new drawings carry names from a (hand-editable) export into a tooltip, a popup and an icon's HTML."""
    link = _move("movement:0", {**KP, "name": payload}, {**RU, "name": payload}, "geodesic", [90.0, 55.0])
    link["properties"]["actor"] = payload
    region = {**INDO_PACIFIC, "properties": {**INDO_PACIFIC["properties"], "name": payload}}
    page = render({"type": "FeatureCollection", "features": [link, region]}, gazetteer=gaz, offline=False)
    assert "cm-country-level" in page and "cm-region-marker" in page
    assert "666666" not in page and "7777777" not in page and "CM_42_PWNED" not in page
    assert "<img src=x" not in page and "${alert" not in page
    assert escape(payload) in page.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">").replace(
        "\\u0027", "'")


def test_a_hand_edited_country_level_line_is_drawn_where_the_edit_puts_it(gaz) -> None:
    edited = _move("movement:0", KP, RU, "geodesic", [90.0, 55.0])
    edited["geometry"]["coordinates"][-1] = [37.62, 55.75]  # moved to Moscow by the analyst
    page = render({"type": "FeatureCollection", "features": [edited]}, gazetteer=gaz, offline=False)
    assert "[39.93, 127.18], [55.75, 37.62]" in page and "[58.25, 44.69]" not in page


def _place(pid: str, name: str, lonlat: list[float], roles: list[str]) -> dict:
    mentions = [{"doc": "d", "start": i, "end": i + 1, "text": name, "role": r, "score": 5.0}
                for i, r in enumerate(roles)]
    return {"type": "Feature", "id": f"place:{pid}", "geometry": {"type": "Point", "coordinates": lonlat},
            "properties": {"kind": "place", "id": pid, "name": name, "place_type": "city", "where_prec": 1,
                           "has_polygon": False, "named": "place" in roles, "mention_count": len(roles),
                           "mentions": mentions}}


def test_a_place_only_a_nationality_word_or_an_organisation_names_is_not_drawn() -> None:
    """Exported with ``named: false``, never drawn as a place named and never framing the map."""
    named = _place("geonames:1", "Kharkiv", [36.23, 49.99], ["place", "nationality"])
    demonym = _place("ne-admin0:RU", "Russia", [44.69, 58.25], ["nationality", "nationality"])
    inside = _place("geonames:2", "Tokyo", [139.69, 35.69], ["in_organisation"])
    page = render({"type": "FeatureCollection", "features": [named, demonym, inside]}, offline=False)
    assert drawn_ids(page) == {"place:geonames:1"}
    assert "1 as a nationality word" in page
    assert "58.25" not in page and "139.69" not in page


def test_an_end_the_gazetteer_lacks_is_named_in_the_popup_escaped() -> None:
    """The ring at the one end known says where the force came from, though that village has no point."""
    collection = _collection("reported")
    move = collection["features"][0]["properties"]
    move.update(origin=None, unlisted={"origin": "Kel<b>bora", "via": "Lumbo River"},
                destination={"name": "Vladivostok", "coordinates": [131.87, 43.1]})
    collection["features"][0]["geometry"] = None
    page = render(collection, offline=False)
    assert "Kel&lt;b&gt;bora (not in the gazetteer) → Vladivostok" in page
    assert "via Lumbo River (not in the gazetteer)" in page
    assert "Kel<b>bora" not in page
