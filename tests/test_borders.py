"""Land borders as places: "the X-Y border" is the band along the line the two share, never either
country; "the X border" named from the other side is the border the two share."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind
from conflictmap.gazetteer.borders import border_places, pair_id, ring_id, sides


def _country(code: str) -> Place:
    return Place(id=f"ne-admin0:{code}", name=f"Land {code}", kind=PlaceKind.COUNTRY, country_code=code,
                 lat=0.0, lon=0.0)


def test_neighbours_share_a_band_and_each_has_its_ring() -> None:
    countries = [(_country("AA"), box(0, 0, 2, 2)), (_country("BB"), box(2, 0, 4, 2)),
                 (_country("CC"), box(10, 10, 11, 11))]
    derived = {p.id: (p, band) for p, band in border_places(countries, prior=1.0)}
    assert set(derived) == {"border:AA-BB", "border:AA", "border:BB"}  # CC touches nobody
    pair, band = derived["border:AA-BB"]
    assert pair.country_code == "" and pair.kind is PlaceKind.REGION and pair.has_shape
    assert sides(pair) == ("AA", "BB") and sides(derived["border:AA"][0]) == ("AA",)
    assert band.contains(Point(2, 1))  # on the shared line
    assert not band.contains(Point(0.5, 1)) and not band.contains(Point(3.5, 1))  # deep inside either side
    assert pair_id("BB", "AA") == "border:AA-BB" and ring_id("aa") == "border:AA"


def test_a_corner_touch_is_no_border() -> None:
    found = border_places([(_country("AA"), box(0, 0, 2, 2)), (_country("BB"), box(2, 2, 4, 4))], prior=1.0)
    assert found == []


@pytest.mark.full
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the U.S.-Mexico border", "border:MX-US"),
        ("the Mexico–US border", "border:MX-US"),
        ("the Polish-Belarusian frontier", "border:BY-PL"),
        ("the border between Chad and Sudan", "border:SD-TD"),
        ("Syria's border with Turkey", "border:SY-TR"),
        ("North Korea-South Korea border", "border:KP-KR"),
        ("the Ukrainian border", "border:UA"),
        ("the border with China", "border:CN"),
        ("Lebanon's southern border", "border:IL-LB"),  # the neighbour that way
        ("Lebanon's border", "border:LB"),
    ],
)
def test_border_phrases_resolve_to_the_band(full_gaz: Gazetteer, phrase: str, expected: str) -> None:
    place = full_gaz.border(phrase)
    assert place is not None and place.id == expected
    assert full_gaz.candidates(phrase, limit=1)[0].place.id == expected
    assert full_gaz.shape(expected) is not None


@pytest.mark.full
@pytest.mark.parametrize("phrase", ["Mexico City", "the France-Japan border", "Polish border guards", "the border",
                                    "a border crossing"])
def test_what_is_no_border(full_gaz: Gazetteer, phrase: str) -> None:
    assert full_gaz.border(phrase) is None


@pytest.mark.full
def test_the_band_follows_the_line(full_gaz: Gazetteer) -> None:
    band = full_gaz.shape("border:MX-US")
    assert band.contains(Point(-106.49, 31.74))  # El Paso / Ciudad Juárez, on the line
    assert not band.contains(Point(-99.13, 19.43))  # Mexico City
    assert not band.contains(Point(-97.74, 30.27))  # Austin, 300 km north


def _ends(pipeline, text: str) -> list[tuple[str | None, str | None]]:
    body = f"{text.strip()} Officials gave no further details, and a spokesman declined to comment.\n"
    analysis = next(iter(pipeline.analyse([_document(body)])))
    return [(m.origin.place.id if m.origin and m.origin.place else None,
             m.destination.place.id if m.destination and m.destination.place else None) for m in analysis.movements]


def _document(text: str):
    from conflictmap.geo.reading.reader import Document

    return Document("borders", text, "borders.txt", "utf-8")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination"),
    [
        # the border named from the other side: the border the mover's country shares with it
        ("Russian tanks moved to the Ukrainian border on Sunday.", "border:RU-UA"),
        ("Georgia moved two battalions to the border with Russia overnight.", "border:GE-RU"),
        # both sides named; "along" a border after a verb of placing
        ("North Korea deployed artillery along the border with South Korea.", "border:KP-KR"),
        ("Extra troops were sent to the Russia-Georgia border last month.", "border:GE-RU"),
    ],
    ids=["nationality-border", "border-with", "along-the-border", "pair"],
)
def test_a_force_sent_to_a_border_goes_to_the_border_not_the_neighbour(mini_pipeline, text: str,
                                                                         destination: str) -> None:
    assert destination in [d for _, d in _ends(mini_pipeline, text)], _ends(mini_pipeline, text)


@pytest.mark.model
def test_a_border_town_is_in_its_country(mini_pipeline) -> None:
    # "border" qualifying another noun names no border: the village is in the country
    ends = _ends(mini_pipeline, "Russian troops moved into a border village in Ukraine.")
    assert "ne-admin0:UA" in [d for _, d in ends], ends


@pytest.mark.model
@pytest.mark.parametrize("word", ["border", "frontier"])
def test_the_border_refers_to_the_border_named_before(mini_pipeline, word: str) -> None:
    ends = _ends(mini_pipeline, "Georgia sent troops to the border with Russia on Monday. "
                                f"The troops will leave the {word} in May.")
    assert ("border:GE-RU", None) in ends, ends


@pytest.mark.model
def test_along_needs_a_verb_of_placing(mini_pipeline) -> None:
    # "along with": no place; "stationed in X, along with ...": X
    assert _ends(mini_pipeline, "Russian troops were deployed in Georgia, along with their tanks.") == [
        (None, "ne-admin0:GE")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SEOUL (Yonhap) -- Russia sent two frigates to Libya, officials said on Monday.",
         ("ne-admin0:RU", "ne-admin0:LY")),
        ("TOKYO (Kyodo) -- Russia has moved two brigades to the Ukrainian border, officials said.",
         ("ne-admin0:RU", "border:RU-UA")),
    ],
    ids=["sending-state", "border-side"],
)
def test_a_dateline_is_not_the_sender(mini_pipeline, text: str, expected: tuple[str, str]) -> None:
    # the parser may take a dateline for a second subject: the one nearest the verb sends
    assert expected in _ends(mini_pipeline, text), _ends(mini_pipeline, text)


@pytest.mark.full
@pytest.mark.parametrize(
    ("phrase", "home", "expected"),
    [
        # a direction picks the neighbour that way, for the named country or the context's
        ("Mexico's southern border", None, "border:GT-MX"),
        ("India's western border", None, "border:IN-PK"),
        ("the southern border", "US", "border:MX-US"),
        ("the country's northern border", "MX", "border:MX-US"),
        ("Ukraine's northeastern border", None, "border:RU-UA"),
        # no country named and none given: no border
        ("the southern border", None, None),
    ],
)
def test_a_direction_picks_the_neighbour_that_way(full_gaz: Gazetteer, phrase: str, home: str | None,
                                                  expected: str | None) -> None:
    place = full_gaz.border(phrase, home=home)
    assert (place.id if place is not None else None) == expected


@pytest.mark.full
@pytest.mark.model
def test_the_southern_border_is_the_story_countrys(pipeline) -> None:
    text = ("The United States will move 800 extra soldiers to the southern border, US officials said on "
            "Monday. US lawmakers have asked the United States for more, a US senator said.\n")
    moves = next(iter(pipeline.analyse([_document(text)]))).movements
    assert [m.destination.place.id for m in moves if m.destination and m.destination.place] == ["border:MX-US"]


@pytest.mark.model
def test_the_border_named_in_a_sentence_without_a_movement(mini_pipeline) -> None:
    ends = _ends(mini_pipeline, "Tension grew along the Russia-Georgia border in May. Georgia sent troops to the "
                                "border on Monday.")
    assert (None, "border:GE-RU") in ends or ("ne-admin0:GE", "border:GE-RU") in ends, ends


@pytest.mark.full
def test_a_direction_is_seen_from_the_mainland(full_gaz: Gazetteer) -> None:
    # France's south is on its mainland's side (Andorra, Spain), not French Guiana's border with Brazil
    place = full_gaz.border("France's southern border")
    assert place is not None and place.id in ("border:AD-FR", "border:ES-FR")


@pytest.mark.model
def test_the_region_is_never_a_border(mini_pipeline) -> None:
    # a border named before is "the border" only, not "the region"
    ends = _ends(mini_pipeline, "Shelling hit Tbilisi, near the Russia-Georgia border, in May. Japan sent troops "
                                "into the region on Monday.")
    assert all(d != "border:GE-RU" for _, d in ends), ends
