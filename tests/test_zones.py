"""Page furniture is recognised by general rules; offsets always index the original text."""

from __future__ import annotations

from pathlib import Path

from conflictmap.geo.reading.zones import Zone, classify

PAGE = """Share this
Rebels seize border crossing in eastern Congo
By Jane Doe
12 March 2025 - 08:15
(FILES) Fighters patrol a road near Goma in this file photo. Picture: AFP via Getty Images
GOMA, Congo (Reuters) - Rebels seized a border crossing with Rwanda on Tuesday, officials said, as fighting spread.
The army said it would retake the town. "We will not give up," a spokesman said on Wednesday evening.
Regional Leaders Meet
Leaders of the region met in Nairobi to discuss a ceasefire and the return of refugees to their homes.
The army said it would retake the town. "We will not give up," a spokesman said on Wednesday evening.
Subscribe to our newsletter for the latest updates.
Most Read
Rebels and army trade blame
Sign in to comment
"""


def test_zones_of_a_scraped_page() -> None:
    zones = [(p.zone, p.text(PAGE)) for p in classify(PAGE)]
    by_text = {text[:25]: zone for zone, text in zones}
    assert by_text["Share this"] is Zone.FURNITURE
    assert by_text["Rebels seize border cross"] is Zone.HEADLINE
    assert by_text["By Jane Doe"] is Zone.FURNITURE
    assert by_text["12 March 2025 - 08:15"] is Zone.FURNITURE
    assert by_text["(FILES) Fighters patrol a"] is Zone.CAPTION
    assert by_text["GOMA, Congo (Reuters) - R"] is Zone.BODY
    assert by_text["Regional Leaders Meet"] is Zone.HEADING
    assert by_text["Subscribe to our newslett"] is Zone.FURNITURE
    assert by_text["Most Read"] is Zone.FURNITURE
    assert by_text["Rebels and army trade bla"] is Zone.FURNITURE  # trailer after the article
    army = [z for z, t in zones if t.startswith("The army said")]
    assert army == [Zone.BODY, Zone.DUPLICATE]


def test_offsets_index_the_original_text() -> None:
    for p in classify(PAGE):
        assert PAGE[p.start : p.end] == PAGE[p.start : p.end].strip()
        assert p.text(PAGE) in PAGE


def test_seed_furniture() -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [(p.text(text), p.zone) for p in classify(text)]
        for par, zone in paragraphs:
            if par in ("SUBSCRIBE NOW", "Latest Stories", "Most Read", "Latest Posts", "• facebookfacebook"):
                assert zone is Zone.FURNITURE, (path.name, par)
        assert any(zone is Zone.BODY for _, zone in paragraphs)
