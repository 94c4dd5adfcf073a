"""Resolution in document context (geo.places.resolve_mentions) on the mini gazetteer: no model."""

from __future__ import annotations

import re

import pytest

from conflictmap.gazetteer import Gazetteer
from conflictmap.geo.places import _keep_final_dot, resolve_mentions
from conflictmap.geo.records import Mention


def _resolve(gaz: Gazetteer, text: str, names: list[str]) -> list[str | None]:
    """Resolve every occurrence of ``names`` in ``text``, as the pipeline would its mentions."""
    found = sorted((m.start(), m.end(), m.group(0)) for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", text))
    mentions = [Mention("d", s, e, t, "GPE", "body") for s, e, t in found]
    return [r.place.id if r.place else None for r in resolve_mentions(gaz, text, mentions)]


def test_repeating_a_name_does_not_outvote_the_rest_of_the_document(gaz: Gazetteer) -> None:
    """Ten "London"s in a story from Ontario are London, Ontario: a name's own mentions are not
    evidence for its own reading; the other names of the document are."""
    text = "Police in London said on Monday. " * 10 + "The force serves much of southwestern Ontario."
    ids = _resolve(gaz, text, ["London", "Ontario"])
    assert ids.count("geonames:6058560") == 10 and ids[-1] == "ne-admin1:CA-ON"
    # and without Ontario in the story, London is the capital
    assert set(_resolve(gaz, "Police in London said on Monday. " * 3, ["London"])) == {"geonames:2643743"}


def test_nationality_words_name_their_country_and_vote_for_it(gaz: Gazetteer) -> None:
    """ "Canadian" is Canada even in a story from Texas (not Canadian, Texas), and it votes for
    Canada rather than for the town."""
    text = "Canadian troops arrived in Paris, Texas, on Monday. The Canadian convoy left Texas later."
    ids = _resolve(gaz, text, ["Canadian", "Paris", "Texas"])
    assert ids[0] == ids[-2] == "ne-admin0:CA"
    assert ids[1] == "geonames:4717560"


def test_a_name_the_gazetteer_lacks_is_placed_where_it_is_named_after(gaz: Gazetteer) -> None:
    """ "Seattle Police Department" is in Seattle; "Kan Library" is not placed in a village of
    1,454 people that happens to share a word with it."""
    text = "The Seattle Police Department and the Kan Library said so."
    assert _resolve(gaz, text, ["Seattle Police Department", "Kan Library"]) == ["geonames:5809844", None]
    # the words after "of", but no compass word and no word inside the name
    text = "The University of Texas, the West Texas Gazette and the Grand Paris Express."
    names = ["University of Texas", "West Texas Gazette", "Grand Paris Express"]
    assert _resolve(gaz, text, names) == ["ne-admin1:US-TX", None, None]
    # leading words only up to a whole word of the name: "Seattle Air Base" is at Seattle, "Seattle
    # al-Nour Air Base" is not (its name is "Seattle al-Nour")
    text = "Jets left the Seattle Air Base and the Seattle al-Nour Air Base."
    assert _resolve(gaz, text, ["Seattle Air Base", "Seattle al-Nour Air Base"]) == ["geonames:5809844", None]


@pytest.mark.parametrize(("text", "name", "kept"), [
    ("Floods closed roads around Wheeling, W.Va. on Sunday.", "W.Va", "W.Va."),
    ("Two convoys left the U.S. base at dawn.", "U.S", "U.S."),
    ("The ferry sailed from Dover to Calais.", "Calais", "Calais"),  # the dot closes the sentence
], ids=["state-abbreviation", "country-abbreviation", "sentence-end"])
def test_a_dotted_abbreviation_keeps_its_final_dot(text: str, name: str, kept: str) -> None:
    start = text.index(name)
    assert text[start:_keep_final_dot(text, start, start + len(name))] == kept


@pytest.mark.full
@pytest.mark.parametrize(("text", "names", "expected"), [
    ("Officials in Rome said clan militias held Bosaso, Bari for a week.", ["Rome", "Bosaso", "Bari"],
     [("IT", "city"), ("SO", "city"), ("SO", "admin1")]),
    ("Cairo, Giza and Luxor sent condolences after flooding hit Alexandria, Rapides Parish.",
     ["Cairo", "Giza", "Luxor", "Alexandria", "Rapides Parish"],
     [("EG", "city"), ("EG", "city"), ("EG", "city"), ("US", "city"), ("US", "admin2")]),
    ("Officials in Rome met delegates from Lagos, Bari and Lyon.", ["Rome", "Lagos", "Bari"],
     [("IT", "city"), ("NG", "city"), ("IT", "city")]),
], ids=["region-holds-town", "parish-holds-town", "no-container"])
def test_the_name_after_a_comma_is_the_container_that_holds_the_place(
        full_gaz: Gazetteer, text: str, names: list[str], expected: list[tuple[str, str]]) -> None:
    found = sorted((text.index(n), n) for n in names)
    mentions = [Mention("d", s, s + len(n), n, "GPE", "body") for s, n in found]
    got = [(r.place.country_code, r.place.kind.value) if r.place else None
           for r in resolve_mentions(full_gaz, text, mentions)]
    assert got == expected


@pytest.mark.parametrize(("text", "countries", "expected"), [
    ("Shelling hit Tripoli overnight, a spokesman said.", (), "geonames:2210247"),
    ("Shelling hit Tripoli overnight, a spokesman said.", ("LB",), "geonames:266826"),
    ("Shelling hit Tripoli overnight, a spokesman said.", ("lb", "LB"), "geonames:266826"),
    # the writer's own qualifier outweighs the user's hint
    ("Shelling hit Tripoli, Libya overnight, a spokesman said.", ("LB",), "geonames:2210247"),
], ids=["no-hint", "hint", "hint-any-case-once", "qualifier-wins"])
def test_a_country_the_user_names_is_a_prior_in_resolution(
        gaz: Gazetteer, text: str, countries: tuple[str, ...], expected: str) -> None:
    start = text.index("Tripoli")
    mention = Mention("d", start, start + len("Tripoli"), "Tripoli", "GPE", "body")
    others = [Mention("d", text.index("Libya"), text.index("Libya") + 5, "Libya", "GPE", "body")] \
        if "Libya" in text else []
    [first, *_] = resolve_mentions(gaz, text, [mention, *others], countries=countries)
    assert first.place is not None and first.place.id == expected


def test_a_name_written_twice_in_other_cases_is_not_its_own_evidence(gaz: Gazetteer) -> None:
    """A capitalised dateline ("LONDON") and the same name in the body are one name: neither votes
    for the other's reading, so the rest of the story decides."""
    from conflictmap.geo.places import _evidence

    queries = ["LONDON", "London", "Ontario"]
    ranked = {q: gaz.candidates(q, limit=6) for q in queries}
    evidence = _evidence(ranked, queries, None, {})
    assert "GB" not in evidence["London"].countries and "GB" not in evidence["LONDON"].countries
    assert evidence["London"].countries == {"CA": 1}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rockets fell on Tripoli (Lebanon), far from Libya.", "geonames:266826"),
    ("After the Libya talks, shells hit (Tripoli, Lebanon) at dusk.", "geonames:266826"),
    # a town in brackets is no qualifier: the story's context decides
    ("Rockets fell on Tripoli (Beirut), far from Libya.", "geonames:2210247"),
], ids=["bracketed-qualifier", "bracketed-pair", "bracketed-town"])
def test_a_bracketed_qualifier_holds_the_place_before_it(gaz: Gazetteer, text: str, expected: str) -> None:
    names = ["Tripoli", "Lebanon", "Beirut", "Libya"]
    found = sorted((text.index(n), n) for n in names if n in text)
    mentions = [Mention("d", s, s + len(n), n, "GPE", "body") for s, n in found]
    [tripoli] = [r for r in resolve_mentions(gaz, text, mentions) if r.mention.text == "Tripoli"]
    assert tripoli.place is not None and tripoli.place.id == expected


def _resolve_full(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, str | None]:
    found = sorted((m.start(), m.end(), m.group(0)) for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", text))
    mentions = [Mention("d", s, e, t, "GPE", "body") for s, e, t in found]
    return {r.mention.text: r.place.id if r.place else None for r in resolve_mentions(gaz, text, mentions)}


@pytest.mark.full
@pytest.mark.parametrize(("text", "names", "expected"), [
    ("Iranian speedboats shadowed a tanker across the Gulf until it docked in Kuwait.",
     ["Iranian", "Gulf", "Kuwait"], "curated:persian-gulf"),
    ("Bahrain and Qatar said the drone fell into Gulf waters far from Doha.",
     ["Bahrain", "Qatar", "Gulf", "Doha"], "curated:persian-gulf"),
    ("Landslides cut the road from Gulf to Port Moresby, Papua New Guinea officials said.",
     ["Gulf", "Port Moresby", "Papua New Guinea"], "ne-admin1:PG-GPK"),
], ids=["middle-east", "middle-east-countries", "papua-new-guinea"])
def test_a_bare_gulf_is_the_persian_gulf_only_in_a_middle_east_story(
        full_gaz: Gazetteer, text: str, names: list[str], expected: str) -> None:
    assert _resolve_full(full_gaz, text, names)["Gulf"] == expected


@pytest.mark.full
@pytest.mark.parametrize(("name", "kind"), [
    ("Barents Sea", "sea"), ("the Aegean", "sea"), ("Sea of Oman", "gulf"), ("Strait of Gibraltar", "strait"),
    ("Gulf of Mexico", "gulf"), ("Lake Chad", "lake"), ("North Sea", "sea"),
])
def test_seas_and_straits_of_war_reporting_are_in_the_gazetteer(full_gaz: Gazetteer, name: str, kind: str) -> None:
    place = full_gaz.best(name)
    assert place is not None and place.kind.value == "water" and place.feature == kind


@pytest.mark.full
@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Ministers agreed that NATO would station more jets in the east.", "NATO", None),
    ("An AU mediator and a UN envoy flew in on Sunday.", "UN", None),
    # capitals throughout: a name shouted, not an acronym
    ("REBELS TIGHTEN GRIP NEAR KIDAL\nThe town was quiet on Sunday.", "KIDAL", ("ML", "city")),
], ids=["nato", "un", "all-capitals-headline"])
def test_an_acronym_in_running_text_is_not_a_small_town_it_spells(
        full_gaz: Gazetteer, text: str, name: str, expected: tuple[str, str] | None) -> None:
    start = text.index(name)
    [r] = resolve_mentions(full_gaz, text, [Mention("d", start, start + len(name), name, "ORG", "body")])
    assert (None if r.place is None else (r.place.country_code, r.place.kind.value)) == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Envoys from Seattle and Atlanta met at the camp of Kyiv in private.", "Kyiv", None),
    ("Envoys from Seattle met at the camp of Paris in private.", "Paris", "geonames:4717560"),
    # a namesake in a country the story names is kept
    ("Officials from Beirut toured the camp of Tripoli on Friday.", "Tripoli", "geonames:266826"),
    # ... but not outside the writer's qualifier
    ("Envoys from Seattle met at the camp of Paris, Georgia in private.", "Paris", None),
], ids=["namesake-abroad", "namesake-in-story-country", "story-country", "outside-qualifier"])
def test_a_camp_namesake_is_placed_only_in_the_story_countries(
        gaz: Gazetteer, text: str, name: str, expected: str | None) -> None:
    """A "Camp X" mention (labelled IN_STORY by recognition) is X only in a country the story names."""
    names = [n for n in ("Tripoli", "Beirut", "Seattle", "Atlanta", "Paris", "Kyiv", "Georgia") if n in text]
    found = sorted((text.index(n), n) for n in names)
    mentions = [Mention("d", s, s + len(n), n, "IN_STORY" if n == name else "GPE", "body") for s, n in found]
    [camp] = [r for r in resolve_mentions(gaz, text, mentions) if r.mention.text == name]
    assert (camp.place.id if camp.place else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Beirut and Tripoli, Lebanon watched the Gulf warily.", "curated:persian-gulf"),
    ("Seattle and Atlanta crews trained for the Gulf season.", None),
], ids=["middle-east", "elsewhere"])
def test_a_regional_name_follows_the_story_countries(gaz: Gazetteer, text: str, expected: str | None) -> None:
    """The mini gazetteer has no Gulf Province: a bare "Gulf" is the Persian Gulf in a Lebanese
    story and nothing in an American one (the full gazetteer's cases are above)."""
    assert _resolve(gaz, text, ["Beirut", "Tripoli", "Lebanon", "Seattle", "Atlanta", "Gulf"])[-1] == expected


@pytest.mark.full
def test_capitals_opening_a_line_are_a_dateline_not_an_acronym(full_gaz: Gazetteer) -> None:
    text = "KIDAL, Mali — Traders reopened the market on Sunday after a quiet week."
    [r] = resolve_mentions(full_gaz, text, [Mention("d", 0, 5, "KIDAL", "GPE", "body")])
    assert r.place is not None and r.place.country_code == "ML"


@pytest.mark.full
def test_an_abbreviation_in_brackets_glosses_the_name_and_does_not_qualify_it(full_gaz: Gazetteer) -> None:
    text = "Envoys of the Democratic People's Republic of Korea (DPRK) left on Monday."
    names = ["Democratic People's Republic of Korea", "DPRK"]
    mentions = [Mention("d", text.index(n), text.index(n) + len(n), n, "GPE", "body") for n in names]
    assert [r.place.id if r.place else None for r in resolve_mentions(full_gaz, text, mentions)] == \
        ["ne-admin0:KP", "ne-admin0:KP"]


@pytest.mark.full
@pytest.mark.parametrize(("text", "names", "name", "expected"), [
    # a camp of the story's country is not named after a namesake town abroad
    ("Israeli soldiers reached Nur Shams camp by Tulkarm.", ["Israeli", "Nur Shams", "Tulkarm"], "Nur Shams", None),
    ("Soldiers from Ukraine reached the Paris Rynok market near Kharkiv.", ["Ukraine", "Paris Rynok", "Kharkiv"],
     "Paris Rynok", None),
    # ... but one in a country the story names is
    ("The Seattle Police Department said officers in Washington were ready.",
     ["Seattle Police Department", "Washington"], "Seattle Police Department", "geonames:5809844"),
], ids=["camp-abroad", "market-abroad", "in-the-story"])
def test_a_name_is_named_after_a_town_of_the_story_countries(
        full_gaz: Gazetteer, text: str, names: list[str], name: str, expected: str | None) -> None:
    assert _resolve_full(full_gaz, text, names)[name] == expected
