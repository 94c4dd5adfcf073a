"""The map in a real browser: Debian's Chromium driven by Playwright, networking blocked.

Needs /usr/bin/chromium (`.ci/run` installs Debian's package when it is missing). Never runs
`playwright install`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from conflictmap.maps.render import render
from tests.conftest import drawn_ids

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAYLOADS = [
    "<img src=x onerror=\"window.__pwned='img'\">",
    "</script><script>window.__pwned='script'</script>",
    "${window.__pwned='template'}",
    "`;window.__pwned='backtick';`",
    "\\`${window.__pwned='escaped'}\\`",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "' onmouseover='window.__pwned=\"attr\"' x='",
    # template source: branca compiles rendered elements again as Jinja
    "{{7*7}}",
    "{% raw %}",
    "{{ lipsum.__globals__.os.popen('echo CM_$((40+2))_RAN').read() }}",
    "{# unclosed comment",
    "{{ '<img src=x onerror=\"window.__pwned=1\">' }}",
]

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"), reason="Debian chromium not installed (.ci/run installs it)")]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def open_offline(browser: Any, path: Path) -> tuple[Any, dict[str, list]]:
    """Load a page with every non-file request aborted; record errors, requests and dialogs."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    seen: dict[str, list] = {"errors": [], "network": [], "failed": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            seen["network"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_timeout(800)
    return page, seen


@pytest.fixture(scope="module")
def seeds_map(tmp_path_factory: pytest.TempPathFactory, seeds_fc: dict, pipeline: Any) -> Path:
    path = tmp_path_factory.mktemp("map") / "seeds-map.html"
    path.write_text(render(seeds_fc, gazetteer=pipeline.gaz), encoding="utf-8")
    return path


@pytest.mark.full
def test_seeds_map_offline(browser: Any, seeds_map: Path, seeds_fc: dict, tmp_path: Path) -> None:
    page, seen = open_offline(browser, seeds_map)
    assert seen["network"] == []
    assert seen["failed"] == []
    assert seen["errors"] == []
    # what a user sees: routes, statement origins, shaded areas, legend, controls
    assert page.locator("path.cm-movement").count() >= 3
    assert page.locator("path.cm-possible").count() >= 1
    assert page.locator("path.cm-statement").count() == len(
        [f for f in seeds_fc["features"] if f["properties"]["kind"] == "statement" and f["geometry"]])
    assert page.locator("#cm-legend").is_visible()
    assert "speaker from South Korea" in page.locator("#cm-legend").inner_text()  # names, not ISO codes
    assert page.locator(".leaflet-control-layers").is_visible()
    assert page.locator(".leaflet-control-search").count() == 1
    assert page.locator(".leaflet-control-zoom-fullscreen, .leaflet-control-fullscreen").count() >= 1

    # click a statement origin and read its popup
    page.locator("path.cm-statement").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=3000)
    text = popup.inner_text()
    assert "basis:" in text
    assert "sources" in text

    # toggle the movements layer off and on
    toggle = page.locator(".leaflet-control-layers-overlays label", has_text="Movements").locator("input")
    toggle.click()
    assert page.locator("path.cm-movement").count() == 0
    toggle.click()
    assert page.locator("path.cm-movement").count() >= 3
    shot = tmp_path / "seeds-map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    page.close()
    if os.environ.get("CONFLICTMAP_UPDATE_SCREENSHOT"):  # refresh docs/seeds-map.png for the README
        fresh, _ = open_offline(browser, seeds_map)
        (ROOT / "docs").mkdir(exist_ok=True)
        fresh.screenshot(path=str(ROOT / "docs" / "seeds-map.png"))
        fresh.close()


@pytest.mark.full
def test_the_map_is_honest_about_what_it_does_not_know(browser: Any, tmp_path: Path, full_gaz: Any) -> None:
    """A country-to-country movement is a thin dashed link labelled "country level", not a route;
    the Indo-Pacific is a label, not a box; the legend names countries."""
    from tests.test_maps import HONEST

    path = tmp_path / "honest.html"
    path.write_text(render(HONEST, gazetteer=full_gaz), encoding="utf-8")
    page, seen = open_offline(browser, path)
    assert seen["errors"] == [] and seen["network"] == []
    link = page.locator("path.cm-country-level")
    assert link.count() == 1 and page.locator("path.cm-movement").count() == 2
    drawn = page.evaluate("""() => {
        const a = (el, k) => el.getAttribute(k);
        const l = document.querySelector('path.cm-country-level');
        const r = document.querySelector('path.cm-movement:not(.cm-country-level)');
        return {link: [a(l, 'stroke-width'), a(l, 'stroke-dasharray'), a(l, 'stroke-opacity')],
                route: [a(r, 'stroke-width'), a(r, 'stroke-dasharray'), a(r, 'stroke-opacity')]};
    }""")
    assert float(drawn["link"][0]) < float(drawn["route"][0])  # thinner
    assert drawn["link"][1] and not drawn["route"][1]  # dashed, where the reported route is solid
    assert float(drawn["link"][2]) < float(drawn["route"][2])  # lighter
    link.hover(force=True)
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=3000)
    assert "country level, route unknown" in tooltip.inner_text()
    link.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=3000)
    assert "country level: both ends are areas" in popup.inner_text()
    assert "drawn as" not in popup.inner_text()  # no route length claimed

    label = page.locator(".cm-region-label")
    assert label.is_visible() and label.inner_text() == "◇ Indo-Pacific"
    boxes = page.evaluate("""() => {
        const map = Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k])[0];
        let n = 0;
        map.eachLayer(l => {
            if (!l.getBounds || !l.getLatLngs) { return; }
            const b = l.getBounds();
            const near = (a, x) => Math.abs(a - x) < 1;
            if (near(b.getSouth(), -45) && near(b.getNorth(), 50) && near(b.getWest(), 40)) { n++; }
        });
        return n;
    }""")
    assert boxes == 0  # the Indo-Pacific's box is not drawn

    legend = page.locator("#cm-legend").inner_text()
    assert "speaker from South Korea" in legend and "speaker from North Korea" in legend
    assert "from KR" not in legend and "from KP" not in legend
    assert "movement known only country to country (route unknown)" in legend
    assert "region with no agreed boundary" in legend
    page.close()


def hostile_collection() -> dict:
    """Every field that reaches the page carries a payload."""
    def ref(i: int) -> dict:
        return {"doc": PAYLOADS[i % len(PAYLOADS)], "start": 0, "end": 5, "text": PAYLOADS[(i + 1) % len(PAYLOADS)]}

    def end(i: int, lon: float, lat: float) -> dict:
        return {"id": f"x:{i}", "name": PAYLOADS[i % len(PAYLOADS)], "coordinates": [lon, lat]}

    features = []
    for i, payload in enumerate(PAYLOADS):
        lon, lat = 20.0 + i, 40.0 + i
        features.append({"type": "Feature", "id": f"place:{i}{payload}", "geometry": {"type": "Point",
                         "coordinates": [lon, lat]}, "properties": {
            "kind": "place", "id": payload, "name": payload, "place_type": payload, "country_code": payload,
            "where_prec": payload, "mention_count": 1, "has_polygon": False, "mentions": [ref(i)]}})
        features.append({"type": "Feature", "id": f"movement:{i}{payload}", "geometry": {
            "type": "LineString", "coordinates": [[lon, lat], [lon + 1, lat + 1]]}, "properties": {
            "kind": "movement", "actor": payload, "actor_country": payload, "origin": end(i, lon, lat),
            "destination": end(i + 1, lon + 1, lat + 1), "origin_basis": payload, "mode": payload,
            "size": payload, "status": payload, "time": payload, "route": payload, "route_km": payload,
            "size_claims": [{"text": payload, "value": 1, "claimed_by": payload, "source": ref(i)}],
            "sources": [ref(i)]}})
        features.append({"type": "Feature", "id": f"statement:{i}{payload}", "geometry": {
            "type": "Point", "coordinates": [lon + 0.5, lat]}, "properties": {
            "kind": "statement", "speaker": payload, "organization": payload, "speaker_country": payload,
            "place": {"id": payload, "name": payload}, "basis": payload, "text": payload,
            "where_prec": payload, "sources": [ref(i)]}})
    return {"type": "FeatureCollection", "features": features}


def test_hostile_text_never_executes(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(render(hostile_collection()), encoding="utf-8")
    page, seen = open_offline(browser, path)
    # open every popup and tooltip so all the HTML is built
    # click every drawn marker and line, so each popup and tooltip is actually built
    opened = page.evaluate("""() => {
        const map = Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k])[0];
        if (!map) { return -1; }  // a payload broke the page's script
        let n = 0;
        map.eachLayer(l => {
            if (!(l.getLatLng || l.getLatLngs)) { return; }
            const at = l.getLatLng ? l.getLatLng() : l.getBounds().getCenter();
            l.fire('click', {latlng: at}); l.fire('mouseover', {latlng: at}); n++;
        });
        return n;
    }""")
    assert opened >= len(PAYLOADS) * 3
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert seen["dialogs"] == []
    assert seen["network"] == []  # no img/script request was made
    assert [e for e in seen["errors"] if "pwned" in e] == []
    body = page.locator("body").inner_text()
    assert "onerror=" in body or "${window.__pwned" in body  # shown as text, not run
    assert "{{7*7}}" in body  # the template payload reads as written
    assert "CM_42_RAN" not in page.content()
    page.close()


@pytest.mark.model
def test_template_payload_in_a_file_name_and_its_text(browser: Any, tmp_path: Path, mini_db: Path) -> None:
    """An article whose file name and text carry template syntax maps like any other: the literal
    text shows in its popups and nothing runs, in Python or in the browser."""
    from click.testing import CliRunner

    from conflictmap.geo.cli import cli

    article = tmp_path / "{{7*7}} {% raw %}.txt"
    article.write_text("KYIV (Reuters) - Russian troops were moved from Kursk to Vladivostok by rail, officials "
                       "said {{ lipsum.__globals__.os.popen('echo CM_$((40+2))_RAN').read() }} {{7*7}}.\n",
                       encoding="utf-8")
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["map", str(article), "-o", str(out), "--gazetteer", str(mini_db)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "CM_42_RAN" not in html
    page, seen = open_offline(browser, out)
    assert seen["errors"] == [] and seen["network"] == []
    assert page.locator("path.cm-movement").count() >= 1
    page.evaluate("""() => {
        const map = Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k])[0];
        map.eachLayer(l => { if (l.getLatLngs && l.getPopup && l.getPopup()) { l.openPopup(); } });
    }""")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=3000)
    text = popup.inner_text()
    assert "{{7*7}} {% raw %}" in text  # the document id, from the file name
    assert "{{ lipsum" in text  # the sentence, as written
    assert page.evaluate("() => window.__pwned") is None
    page.close()


@pytest.mark.full
def test_map_and_export_agree_feature_for_feature(seeds_map: Path, seeds_fc: dict) -> None:
    page = seeds_map.read_text(encoding="utf-8")
    drawn = drawn_ids(page)
    drawable = {f["id"] for f in seeds_fc["features"]
                if f["geometry"] is not None or (f["properties"].get("origin") or f["properties"].get("destination"))}
    assert drawable
    assert drawn == drawable


def test_thousands_of_features_load_clustered(browser: Any, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_map import synthetic

    path = tmp_path / "big.html"
    path.write_text(render(synthetic(2000)), encoding="utf-8")
    page, seen = open_offline(browser, path)
    page.wait_for_selector(".leaflet-control-layers", timeout=30_000)
    assert seen["errors"] == []
    assert seen["network"] == []
    assert page.locator(".marker-cluster").count() > 5  # 800 places and 600 statements, clustered
    page.close()


def _timed(fid: str, kind: str, geometry: dict, start: str | None, end: str | None) -> dict:
    time = {"text": "a phrase", "start": start, "end": end, "basis": "published" if start else None}
    props: dict[str, Any] = {"kind": kind, "time": time if start else None, "sources": []}
    if kind == "movement":
        props.update(status="reported", actor="marines", origin=None, destination=None, via=[])
    else:
        props.update(speaker="A. Speaker", speaker_country="JP", place={"name": "Somewhere"}, basis="explicit",
                     text="words")
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": props}


def test_the_time_control_hides_and_shows_features_by_date(browser: Any, tmp_path: Path) -> None:
    """Moving the date range hides what falls outside it; undated features stay and say so."""
    line = {"type": "LineString", "coordinates": [[30.0, 40.0], [35.0, 42.0]]}
    collection = {"type": "FeatureCollection", "features": [
        _timed("movement:early", "movement", line, "2024-10-01", "2024-10-10"),
        _timed("movement:undated", "movement", {"type": "LineString", "coordinates": [[31.0, 41.0], [36.0, 43.0]]},
               None, None),
        _timed("statement:late", "statement", {"type": "Point", "coordinates": [32.0, 41.5]},
               "2024-10-20", "2024-10-20"),
        _timed("statement:undated", "statement", {"type": "Point", "coordinates": [33.0, 40.5]}, None, None),
    ]}
    path = tmp_path / "timed.html"
    path.write_text(render(collection), encoding="utf-8")
    page, seen = open_offline(browser, path)
    assert seen["errors"] == [] and seen["network"] == []
    count = {"movements": lambda: page.locator("path.cm-movement").count(),
             "statements": lambda: page.locator("path.cm-statement").count()}
    assert (count["movements"](), count["statements"]()) == (2, 2)
    assert page.locator("#cm-time-from").input_value() == "2024-10-01"  # the range opens on all the dates
    assert page.locator("#cm-time-to").input_value() == "2024-10-20"
    page.locator("#cm-time-from").fill("2024-10-15")
    page.locator("#cm-time-from").dispatch_event("change")
    assert (count["movements"](), count["statements"]()) == (1, 2)  # the early movement hides
    page.locator("#cm-time-from").fill("2024-10-01")
    page.locator("#cm-time-to").fill("2024-10-12")
    page.locator("#cm-time-to").dispatch_event("change")
    assert (count["movements"](), count["statements"]()) == (2, 1)  # it is back; the late statement hides
    assert page.locator("#cm-time-status").inner_text() == "1 of 2 dated shown; 2 undated, always shown"
    page.locator("#cm-time-reset").click()
    assert (count["movements"](), count["statements"]()) == (2, 2)
    page.close()
