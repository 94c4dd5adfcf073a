"""The GeoJSON contract (geo/export/geojson.py) is what the export produces and what the README says."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_type_hints

import pytest

from conflictmap.geo.export.geojson import PROPERTIES, PlaceRef

README = Path(__file__).parent.parent / "README.md"


def test_the_readme_table_lists_the_contracts_properties() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### The GeoJSON"):text.index("## Resolving place names")]
    for kind, typed in PROPERTIES.items():
        [row] = [line for line in section.splitlines() if line.startswith(f"| {kind} |")]
        listed = re.findall(r"`(\w+)`", row.split("|")[3])
        assert listed == [k for k in get_type_hints(typed) if k != "kind"], kind


@pytest.mark.full
def test_the_seeds_export_follows_the_contract(seeds_fc: dict) -> None:
    for feature in seeds_fc["features"]:
        props = feature["properties"]
        assert set(props) == set(get_type_hints(PROPERTIES[props["kind"]])), feature["id"]
        refs = [props.get("origin"), props.get("destination"), props.get("place"), *props.get("via", [])]
        for ref in (r for r in refs if r is not None):
            assert set(ref) == set(get_type_hints(PlaceRef))
