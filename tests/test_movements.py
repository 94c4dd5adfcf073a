"""Movements: fusion of restatements (records built by hand, the mini gazetteer) and rules that are
code, through the real model on sentences of our own wording."""

from __future__ import annotations

import pytest

from conflictmap.gazetteer import Gazetteer
from conflictmap.geo.export.fusion import feature_collection, fuse_movements
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Mention, Movement, Resolution, SizeClaim, Source


def _at(gaz: Gazetteer, place_id: str | None) -> Resolution | None:
    if place_id is None:
        return None
    place = gaz.get(place_id)
    assert place is not None, place_id
    return Resolution(Mention("d", 0, len(place.name), place.name, "GPE", "body"), place, 1.0)


def _move(gaz: Gazetteer, origin: str | None, destination: str | None, *, status: str = "reported",
          country: str | None = "KP", size: int | None = None, at: int = 0) -> Movement:
    source = Source("d", at, at + 10, "a sentence")
    sizes = (SizeClaim(f"{size} troops", size, None, source),) if size else ()
    return Movement("d", "troops", country, _at(gaz, origin), _at(gaz, destination), None, sizes, status, None,
                    "moved", source, origin_basis="text" if origin else None)


def _ends(moves) -> list[tuple[str | None, str | None, str]]:
    return sorted(((m.origin.name if m.origin else None), (m.destination.name if m.destination else None), m.status)
                  for m in moves)


def test_a_country_level_restatement_folds_into_the_city_level_move(gaz: Gazetteer) -> None:
    """"From Pyongyang to Vladivostok" and "from North Korea to Russia": one movement, both claims."""
    moves = fuse_movements([
        _move(gaz, "geonames:1871859", "geonames:2013348", size=500, at=0),
        _move(gaz, "ne-admin0:KP", "ne-admin0:RU", size=800, at=20),
        _move(gaz, None, "ne-admin1:RU-PRI", at=40),
    ], gaz)
    assert _ends(moves) == [("Pyongyang", "Vladivostok", "reported")]
    [move] = moves
    assert sorted(c.value for c in move.sizes) == [500, 800]
    assert len(move.sources) == 3


@pytest.mark.parametrize(
    ("other", "status", "country"),
    [
        (("ne-admin0:KP", "ne-admin0:RU"), "possible", "KP"),  # a plan is not the reported move
        (("ne-admin0:KP", "ne-admin0:RU"), "reported", "JP"),  # another force
        (("ne-admin0:KP", "ne-admin0:UA"), "reported", "KP"),  # another destination
    ],
    ids=["other-status", "other-force", "other-end"],
)
def test_what_is_not_a_restatement_stays_apart(gaz: Gazetteer, other: tuple[str, str], status: str,
                                              country: str) -> None:
    moves = fuse_movements([
        _move(gaz, "geonames:1871859", "geonames:2013348"),
        _move(gaz, *other, status=status, country=country, at=20),
    ], gaz)
    assert len(moves) == 2


def test_a_leg_on_from_the_folded_move_stays_chained(gaz: Gazetteer) -> None:
    moves = fuse_movements([
        _move(gaz, "geonames:1871859", "geonames:2013348", at=0),
        _move(gaz, "ne-admin0:KP", "ne-admin0:RU", at=20),
        _move(gaz, None, "ne-admin1:RU-KRS", status="possible", at=40),
    ], gaz)
    assert _ends(moves) == [("Pyongyang", "Vladivostok", "reported"), ("Vladivostok", "Kursk", "possible")]
    [leg] = [m for m in moves if m.status == "possible"]
    assert leg.origin_basis == "chained"
    assert leg.chained_from is not None and leg.chained_from.destination is not None
    assert leg.chained_from.destination.name == "Vladivostok"


# ------------------------------------------------------------------ through the model



def analyse(pipeline, text: str):
    [analysis] = pipeline.analyse([Document("own", text, "-", "utf-8")])
    return analysis


def _features(pipeline, text: str) -> list[dict]:
    collection = feature_collection([analyse(pipeline, text)], pipeline.gaz)
    return [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "movement"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Diplomats worry about the dispatch of troops by Japan to Libya, he said.\n", "JP"),
        ("Officials raised fears over warship deployments by France to Lebanon.\n", "FR"),
    ],
    ids=["troops-by", "warships-by"],
)
def test_a_by_phrase_after_a_motion_noun_names_the_sender(mini_pipeline, text: str, country: str) -> None:
    [move] = analyse(mini_pipeline, text).movements
    assert move.actor_country == country


@pytest.mark.model
def test_a_by_phrase_of_another_verb_is_not_the_sender(mini_pipeline) -> None:
    [move] = analyse(mini_pipeline, "The transfer of troops to Libya was approved by Japan on Monday.\n").movements
    assert move.origin_basis != "sender"


def _body(text: str) -> str:
    """The sentence as a paragraph of an article's body (a short line alone reads as a headline)."""
    return f"{text.strip()} Officials gave no further details, and a spokesman declined to comment.\n"


def _only_move_ends(pipeline, text: str) -> tuple[str | None, str | None]:
    """(origin, destination) as written of the one movement the sentence gives."""
    [(_, origin, destination)] = _moves(pipeline, text)
    return origin, destination


def _actor_ends(analysis) -> list[tuple[str | None, str | None, str | None]]:
    """(actor, origin, destination) of each movement of an analysis, as written."""
    return [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None) for m in analysis.movements]


def _moves(pipeline, text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(actor, origin, destination) of each movement the sentence gives, as written."""
    return _actor_ends(analyse(pipeline, _body(text)))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # vessels, aircraft, weapon systems by class
        ("Two minesweepers sailed to Odesa on Monday.\n", "minesweepers"),
        ("France moved a battleship toward Lebanon, the admiral said.\n", "battleship"),
        ("Japan flew helicopters to Libya overnight.\n", "helicopters"),
        ("The army shifted howitzers to Kyiv last week.\n", "howitzers"),
        # the nationality's military or navy
        ("The Japanese military sent reinforcements to Libya, officials said.\n", "reinforcements"),
        ("The French navy arrived in Lebanon on Friday.\n", "French navy"),
        # a word that is a force only with its modifier
        ("Japan moved armoured vehicles to Libya in March.\n", "armoured vehicles"),
        ("France deployed missile systems to Lebanon, the ministry said.\n", "missile systems"),
        # members of an armed group; a named warship
        ("Members of the Wagner Group arrived in Libya last year.\n", "Members"),
        ("The USS Ronald Reagan sailed to Tokyo on Sunday.\n", "USS Ronald Reagan"),
        # a naval group; the head of the phrase is the force, not a word qualifying it
        ("On Friday the French carrier strike group sailed back to Tokyo.\n", "French carrier strike group"),
        ("Japan flew army helicopters to Libya.\n", "army helicopters"),
        # what governments and outlets call armed groups' fighters
        ("The terrorists retreated into Libya after the clash.\n", "terrorists"),
        ("Armed bandits stormed into Odesa on Monday night.\n", "bandits"),
        ("Paramilitaries advanced on Kyiv from the east.\n", "Paramilitaries"),
        ("Gang members advanced on Odesa overnight.\n", "Gang members"),
        ("Armed gangs advanced on Kyiv from the east.\n", "Armed gangs"),
        # a company is a unit with a military modifier
        ("Two infantry companies were flown to Libya in June.\n", "infantry companies"),
        ("An armoured company rolled into Tripoli at first light.\n", "armoured company"),
        # armed factions, and factions some state backs
        ("Armed factions pushed toward Odesa on Monday.\n", "Armed factions"),
        ("Iran-backed factions advanced toward Tripoli at dawn.\n", "Iran-backed factions"),
        ("A Marine Corps convoy reached Tripoli on Monday.\n", "Marine Corps convoy"),  # no civilian word
        ("A convoy carrying troops reached Kyiv on Monday.\n", "convoy"),  # what it carries is a force
        # vessels and vehicles of their own word or with a military modifier; armed groups by their modifier
        ("Japan sent armed speedboats to Odesa on Monday.\n", "armed speedboats"),
        ("France will bring minehunters to Lebanon, the admiral said.\n", "minehunters"),
        ("The navy deployed fast-attack craft to Libya overnight.\n", "fast-attack craft"),
        ("Armoured bulldozers rolled into Tripoli at dawn.\n", "Armoured bulldozers"),
        ("An armed group crossed into Libya from Tunisia.\n", "armed group"),
        ("A rebel group advanced toward Kyiv on Monday.\n", "rebel group"),
        ("A militant group slipped into Libya from Niger.\n", "militant group"),
        ("The jihadist group pulled out of Tripoli overnight.\n", "jihadist group"),
        # a unit word qualified by a unit's name is that unit's subunit
        ("Two Frontier Corps companies returned to Odesa on Tuesday.\n", "Frontier Corps companies"),
        ("Three Marine Corps columns rolled into Tripoli at dawn.\n", "Marine Corps columns"),
        # a naval group; coastal batteries
        ("A Japanese naval group sailed into Libya's waters on Tuesday.\n", "naval group"),
        ("Japan has moved two coastal batteries to Odesa in recent weeks.\n", "coastal batteries"),
    ],
    ids=["minesweeper", "battleship", "helicopter", "howitzer", "military-sends", "navy", "armoured-vehicle",
         "missile-system", "members-of-group", "uss", "strike-group", "army-helicopters", "terrorists", "bandits",
         "paramilitaries", "gang-members", "armed-gangs", "infantry-company", "mechanised-company", "armed-factions",
         "backed-factions", "marine-corps-convoy", "convoy-carrying-troops",
         "speedboats", "minehunters", "attack-craft", "armoured-bulldozers", "armed-group", "rebel-group",
         "militant-group", "jihadist-group", "corps-companies", "corps-columns", "naval-group", "coastal-batteries"],
)
def test_forces_by_class(mini_pipeline, text: str, actor: str) -> None:
    actors = [a for a, _, _ in _moves(mini_pipeline, text)]
    assert any(actor in (a or "") for a in actors), actors


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "An aid convoy arrived in Libya on Tuesday.\n",  # goods, not a force
        "A convoy of food reached Tripoli at dawn.\n",
        "Cargo ships sailed to Odesa with grain.\n",
        "Japan moved its vehicles to Libya for the rally.\n",  # a vehicle is a force only when armoured
        "Members of the choir travelled to Kyiv and arrived in Kyiv on Monday.\n",  # not an armed group
        "The team's new striker moved to Paris on a free transfer.\n",
        "A group of journalists returned to Tokyo on Friday.\n",  # a group is a force only as a naval one
        "Terrorists killed twelve villagers near Odesa on Monday.\n",  # no motion
        "A gang of thieves moved to Odesa last year.\n",  # a gang is a force only when armed
        "A shipping company moved its offices to Tokyo in May.\n",  # a company is a business unless military
        "Party factions moved to Kyiv for the congress.\n",  # a party's factions
        "A Red Crescent Relief Society convoy reached Tripoli on Monday.\n",  # a civilian word inside a name
        "A UN refugee agency convoy reached Tripoli on Monday.\n",
        "A convoy carrying tents and blankets reached Kyiv on Monday.\n",  # what it carries
        "A drilling vessel sailed from Tokyo for Libya last month.\n",  # an industry's ship
        "Grain ships kept sailing from Odesa despite the shelling.\n",  # a trade's ships
        "A bulk carrier left Odesa for Tripoli on Monday evening.\n",  # a carrier of freight, no aircraft
    ],
    ids=["aid-convoy", "convoy-of-food", "cargo-ships", "plain-vehicles", "members-of-a-choir", "football",
         "group-of-journalists", "no-motion", "gang-of-thieves", "shipping-company",
         "party-factions", "food-programme-convoy", "refugee-agency-convoy",
         "convoy-carrying-supplies", "drilling-vessel", "grain-ships", "bulk-carrier"],
)
def test_what_is_not_a_force(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Japanese troops left Tripoli on Monday.\n", "Tripoli", None),  # the object of "leave" is the origin
        ("The marines evacuated Tripoli after the storm.\n", "Tripoli", None),
        ("Two frigates headed for Lebanon at dawn.\n", None, "Lebanon"),  # "for" after a heading verb
        ("French troops left Lebanon for Libya in May.\n", "Lebanon", "Libya"),
        ("Japanese soldiers inched toward Tripoli overnight.\n", None, "Tripoli"),
        ("Paratroopers were dropped into Libya on Friday.\n", None, "Libya"),
        ("Rebel fighters quit Tripoli once the shelling stopped.\n", "Tripoli", None),
        ("Japanese troops quit Odesa after a week of fighting.\n", "Odesa", None),
        # "every inch of X" is X, as a distance of X is
        ("Japan wants French marines withdrawn from every inch of Libyan soil.\n", "Libyan", None),
        ("The militia vowed to push the army out of every inch of Libya.\n", "Libya", None),
        # a site's place inside another site the verb's object names
        ("Japanese marines entered the grounds of the main hospital in Odesa.\n", None, "Odesa"),
        ("Rebel fighters entered the compound of the central prison in Tripoli on Monday.\n", None, "Tripoli"),
        # a training ground is a site
        ("Japanese troops will move to the Odesa training ground next week.\n", None, "Odesa"),
        ("The brigade returned to the firing ground in Kyiv on Monday.\n", None, "Kyiv"),
    ],
    ids=["left-X", "evacuated-X", "headed-for", "left-X-for-Y", "inched", "dropped", "quit-X", "quit-X-after",
         "every-inch-of-soil", "every-inch-of-X", "grounds-of-a-site-in",
         "compound-of-a-site-in", "the-X-training-ground", "the-firing-ground-in-X"],
)
def test_roles_of_new_motion_verbs(mini_pipeline, text: str, origin: str | None, destination: str | None) -> None:
    ends = [(o, d) for _, o, d in _moves(mini_pipeline, text)]
    assert (origin, destination) in ends, ends


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The soldiers left a message for Japan.\n",  # "for" is no destination of a message
        "Troops evacuated civilians from the school, then rested.\n",  # no place
        "The army bought vehicles for Libya.\n",  # not a motion verb
        "The militia quit the talks in Tripoli on Monday.\n",  # quitting talks leaves no place
        # a place deep inside the object of a verb, through no site ("agreements with the X-backed regime")
        "The militia said it had reached agreements with the Japanese and Libya-backed rulers to let troops in.\n",
    ],
    ids=["left-a-message", "evacuated-civilians", "bought", "quit-the-talks", "deep-object-no-site"],
)
def test_new_motion_verbs_miss_what_is_not_a_movement(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The air force dropped leaflets on Tripoli on Monday.\n",  # the leaflets move, not the air force
        "The navy delivered grain to Odesa this week.\n",
        "Workers moved the crates that arrived from the army base to Kyiv.\n",  # force inside a clause
        "The French navy is set to assist in shipping grain from Tripoli to Odesa, he said.\n",  # chained
    ],
    ids=["dropped-leaflets", "delivered-grain", "force-in-a-clause", "chained-delivers-grain"],
)
def test_a_force_that_only_sends_something_else_does_not_move(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Japanese troops crossed the Black Sea to Odesa.\n",  # the object is a place
        "French gunboats escorted a grain convoy from Tripoli to Lebanon.\n",  # the escort goes along
        "Japanese marines brought medicine from Tokyo to Libya.\n",
    ],
    ids=["crossed-a-place", "escorted", "brought"],
)
def test_a_force_that_goes_along_with_its_object_still_moves(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Three helicopters landed at Odesa's airfield after dark.", None, "Odesa"),
        ("The frigate sailed out of Vladivostok's harbour on Friday.", "Vladivostok", None),
        ("Troops arrived in Odesa at Kyiv's request, the ministry said.", None, "Odesa"),  # no site: not Kyiv
        ("Two transport planes landed at Kyiv's airstrip overnight.", None, "Kyiv"),
    ],
    ids=["landed-at-airfield", "out-of-harbour", "not-a-site", "airstrip"],
)
def test_a_site_a_place_owns_is_in_that_place(mini_pipeline, text: str, origin: str | None,
                                             destination: str | None) -> None:
    assert _only_move_ends(mini_pipeline, text) == (origin, destination)


@pytest.mark.model
def test_a_site_with_a_name_of_its_own_is_not_its_owners_place(mini_pipeline) -> None:
    """ "left Y's X airfield": the airfield's own name is the end, not all of Y."""
    assert _moves(mini_pipeline, "Marines left Japan's Futenma airfield on Monday.") == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "place"), [
    ("Minesweepers left Tripoli's Abu Sitta Bay before sunrise.", "Abu Sitta Bay", "Tripoli"),  # a bay it lacks
    ("Landing ships sailed out of Odesa's London Harbour last week.", "London Harbour", "Odesa"),  # no namesake abroad
], ids=["a-named-part-of-a-place", "a-part-named-abroad"])
def test_a_named_part_of_a_place_keeps_its_name_and_lies_in_its_owner(mini_pipeline, text: str, name: str,
                                                                       place: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.origin is not None and move.origin.place is not None
    assert (move.origin.mention.text, move.origin.place.name) == (name, place)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Two warships transited through the Kerch Strait on Monday.\n",
        "Russian frigates passed through the Bosphorus overnight.\n",
        "Two warships transited the Kerch Strait on Monday.\n",
        "Russian frigates passed the Bosphorus overnight.\n",
    ],
    ids=["transited", "passed", "transited-object", "passed-object"],
)
def test_a_transit_with_only_a_via_place_is_a_movement_there(mini_pipeline, text: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.origin, move.destination) == (None, None)
    assert [r.mention.text for r in move.via] in (["Kerch Strait"], ["Bosphorus"])
    [feature] = _features(mini_pipeline, _body(text))
    assert feature["via"][0]["name"] in ("Kerch Strait", "Bosphorus")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Japan began a military incursion into Libya in March.\n", "Libya"),  # the force as an adjective
        ("France launched an army offensive toward Lebanon on Monday.\n", "Lebanon"),
        ("Japanese marines used rafts to cross into Libya at night.\n", "Libya"),  # a purpose clause
        ("Japan has committed 2,000 more troops to Libya this year.\n", "Libya"),
        ("Several hundred service members will redeploy to Japan soon.\n", "Japan"),
    ],
    ids=["military-incursion", "army-offensive", "purpose-clause", "committed-troops", "service-members"],
)
def test_more_ways_to_say_a_force_moves(mini_pipeline, text: str, destination: str) -> None:
    assert destination in [d for _, _, d in _moves(mini_pipeline, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Japan began a political offensive against Libya in March.\n",  # no force, no motion
        "Japanese marines used rafts to fish near Libya at night.\n",  # the purpose is no motion
        "Japan has committed funds to Libya this year.\n",  # money is no force
        "Several hundred members will travel to Japan soon.\n",  # members of nothing named
    ],
    ids=["political-offensive", "purpose-not-motion", "committed-funds", "bare-members"],
)
def test_what_those_ways_do_not_catch(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "status", "cue"),
    [
        ("Japan is reportedly considering sending troops to Libya.\n", "possible", "considering"),
        ("Japan threatened to send warships to Lebanon.\n", "possible", "threatened"),
        ("Officials demanded that Japanese troops leave Libya.\n", "possible", "demanded"),
        ("Japan urged France to withdraw its troops from Libya.\n", "possible", "urged"),
        ("France rejected reports that its troops had entered Libya.\n", "denied", "rejected"),
        ("France denied that its soldiers had crossed into Libya.\n", "denied", "denied"),
        ("Japan sent troops to Libya after officials called for calm.\n", "reported", None),  # a cue elsewhere
        ("The rebels declared their readiness to withdraw their fighters from Tripoli.\n", "possible", "readiness"),
        ("The militia signalled its willingness to pull its units out of Lebanon.\n", "possible", "willingness"),
        ("Peace cannot come without foreign troops pulling out of Lebanon, he said.\n", "possible", "without"),
        ("The brigade left Tripoli without any losses.\n", "reported", None),  # "without" on no motion word
        ("The delay was due to the armoured convoy moving slowly toward Tripoli.\n", "reported", None),  # a cause
        ("The council has no intention of moving any brigades to Libya, the minister wrote.\n", "denied", "no"),
        ("The army said it had no plan for moving the tanks to Tripoli.\n", "denied", "no"),
        ("France accused Japan of sending troops to Libya after talks failed.\n", "reported", None),  # no noun
        ("Both are special cases due to the 2011 invasion of Libya, officials said.\n", "reported", None),
    ],
    ids=["considering", "threatened", "demanded", "urged", "rejected-reports", "denied", "plain", "readiness",
         "willingness", "without-X-pulling-out", "left-without-losses", "due-to-a-cause", "no-intention-of",
         "no-plan-for", "accused-of", "due-to-a-noun"],
)
def test_status_and_the_cue_that_decided_it(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.status_cue) == (status, cue)
    [feature] = _features(mini_pipeline, _body(text))
    assert (feature["status"], feature["status_cue"]) == (status, cue)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Japanese troops advanced to the outskirts of Tripoli on Sunday.\n", None, "Tripoli"),
        ("French soldiers advanced to within 20 km of Tripoli overnight.\n", None, "Tripoli"),
        ("Two frigates sailed to port in Odesa.\n", None, "Odesa"),
        ("Japan moved troops from bases in Libya to Lebanon.\n", "Libya", "Lebanon"),
        ("Japanese soldiers had reached their front lines in Ukraine by May.\n", None, "Ukraine"),
        ("Japanese marines entered an army base in Libya.\n", None, "Libya"),
    ],
    ids=["outskirts-of", "to-within-km-of", "to-port-in", "from-bases-in", "reached-front-in", "entered-base-in"],
)
def test_roles_through_nested_prepositions(mini_pipeline, text: str, origin: str | None,
                                           destination: str | None) -> None:
    ends = [(o, d) for _, o, d in _moves(mini_pipeline, text)]
    assert (origin, destination) in ends, ends


@pytest.mark.model
def test_a_force_word_that_qualifies_another_noun_does_not_move(mini_pipeline) -> None:
    """ "army" in "an army base" is no force: the marines are."""
    assert [a for a, _, _ in _moves(mini_pipeline, "Japanese marines entered an army base in Libya.\n")] \
        == ["Japanese marines"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Japanese troops entered talks in Tokyo.\n",  # the object is no site
        "Rebels reached a deal in Tokyo.\n",
        "Japanese troops in Libya attacked a convoy.\n",  # no motion
    ],
    ids=["entered-talks", "reached-a-deal", "troops-in"],
)
def test_nested_places_that_are_no_end(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "origin", "destination"),
    [
        ("Japan withdrew from Libya in 2014.\n", "Japan", "Libya", None),  # a state as subject
        ("Hezbollah advanced toward Tripoli overnight.\n", "Hezbollah", None, "Tripoli"),  # an armed group
        ("The French ground invasion of Libya began in May.\n", "French", None, "Libya"),  # "of X" after invasion
        ("Nobody expects a Russian withdrawal out of Ukraine soon.\n", "Russian", "Ukraine", None),
        ("The Japanese ground incursion in Tripoli continued on Monday.\n", "Japanese", None, "Tripoli"),
    ],
    ids=["state-withdrew", "group-advanced", "nationality-invasion", "nationality-withdrawal", "incursion-in"],
)
def test_a_state_or_armed_group_moves_its_forces(mini_pipeline, text: str, actor: str, origin: str | None,
                                                destination: str | None) -> None:
    assert (actor, origin, destination) in _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The United States withdrew from the Paris agreement.\n",  # a place qualifying a treaty
        "Japan withdrew its ambassador from Libya.\n",  # what is withdrawn is no force
        "Japan advanced to the final in Paris.\n",  # the final is no site
        "The soldiers got a warm welcome in Tokyo.\n",
    ],
    ids=["paris-agreement", "ambassador", "sports-final", "got-a-welcome"],
)
def test_what_a_state_does_that_is_no_movement(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Japan tried to get more troops to Libya.\n", "Libya"),
        ("Japanese marines reentered Tripoli on Monday.\n", "Tripoli"),
        ("Rebels of the Japanese militia advanced on Tripoli.\n", "Tripoli"),
    ],
    ids=["get-to", "reentered", "advanced-on"],
)
def test_more_motion_words(mini_pipeline, text: str, destination: str) -> None:
    assert destination in [d for _, _, d in _moves(mini_pipeline, text)]


def _destinations(pipeline, text: str) -> list[str | None]:
    """The gazetteer name of each movement's destination."""
    return [m.destination.place.name if m.destination and m.destination.place else None
            for m in analyse(pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("A Japanese drone entered Libyan airspace on Saturday.\n", ["Libya"]),  # a nationality word
        ("Two French frigates sailed into Japan's territorial waters.\n", ["Japan"]),  # a possessor
        ("French troops crossed into Libyan territory.\n", ["Libya"]),
        ("Libyan troops entered Tripoli on Monday.\n", ["Tripoli"]),  # the nationality of the force
        ("French troops advanced on Libyan positions.\n", []),  # positions are no territory
        ("A Japanese drone violated Libyan airspace on Monday.\n", ["Libya"]),  # violating a territory
        ("Japanese troops violated the ceasefire in Tripoli.\n", []),  # a ceasefire is no territory
        ("French troops moved into parts of Libya.\n", ["Libya"]),
        ("French troops pushed deep into a Libyan enclave overnight.\n", ["Libya"]),  # a place noun, indefinite
        ("Two Japanese battalions pulled back to two Libyan villages on the coast.\n", ["Libya"]),  # a number
        ("French troops withdrew to a Libyan-held village.\n", []),  # held by, not in
        ("French troops moved to a Libyan base.\n", []),  # a base is owned, not placed
    ],
    ids=["airspace", "waters-of-a-possessor", "territory", "force-nationality", "positions", "violated-airspace",
         "violated-ceasefire", "parts-of", "an-enclave", "two-villages", "held-by", "a-base"],
)
def test_a_nationality_of_a_territory_is_its_country(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Japan sent stockpiles of weapons to rebels in Libya.\n", "Libya"),
        ("New French military aid had reached those front lines in Ukraine by May.\n", "Ukraine"),
        ("Japan delivered ammunition to Tripoli.\n", "Tripoli"),
    ],
    ids=["weapons", "military-aid", "ammunition"],
)
def test_weapons_and_military_aid_delivered_to_a_place(mini_pipeline, text: str, destination: str) -> None:
    assert destination in [d for _, _, d in _moves(mini_pipeline, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["France sent humanitarian aid to Libya.\n", "Japan sent aid and money to Tripoli.\n"],
    ids=["humanitarian-aid", "plain-aid"],
)
def test_aid_that_is_not_military_is_no_force(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "destination"),
    [
        ("Japanese troops seized a hill on Saturday, and the minister added that they kept advancing "
         "towards Tripoli.\n",
         "Japanese troops", "Tripoli"),
        ("French soldiers waited for weeks. They were then sent into Libya.\n", "French soldiers", "Libya"),
        # the pronoun is the subject of a verb in a clause the motion verb depends on
        ("Officials said morale was high in the French unit while they were expecting to be sent into Libya.\n",
         "French unit", "Libya"),
    ],
    ids=["they-same-sentence", "they-next-sentence", "they-chained-in-a-clause"],
)
def test_a_plural_pronoun_stands_for_the_force_named_before(mini_pipeline, text: str, actor: str,
                                                            destination: str) -> None:
    assert (actor, None, destination) in _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Officials met reporters in Paris. They then flew to Tokyo.\n",  # no force before
        "Japanese troops ordered residents to go, and they fled to Tripoli.\n",  # the verb has its own subject
    ],
    ids=["officials", "own-subject"],
)
def test_a_pronoun_that_stands_for_no_force(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "origin", "destination"),
    [
        # a predicate noun says what a group named before is: "teenagers" is no second group
        ("Hundreds of militiamen took over the market on Tuesday, and witnesses said most were teenagers. "
         "They had marched from Tripoli overnight.\n", "militiamen", "Tripoli", None),
        # an apposition the parser makes a conjunct ("the gunmen, two brothers from X")
        ("Police said the gunmen, two brothers from a hill village, had slipped into Serbia. "
         "Later they went back to Georgia.\n", "gunmen", None, "Georgia"),
        # a site noun is where a force is, never what moves
        ("Soldiers set up new checkpoints and outposts on the ridge, villagers said. "
         "\"They came up from Beirut in the night,\" one farmer said.\n", "Soldiers", "Beirut", None),
        # "there were 300 soldiers" names them; a force the men are said to be is what they are
        ("There were 300 soldiers at the base on Monday. They withdrew to Tripoli overnight.\n",
         "soldiers", None, "Tripoli"),
        ("The men in the trucks were soldiers. They withdrew to Tripoli overnight.\n", "soldiers", None, "Tripoli"),
    ],
    ids=["predicate-noun", "apposition", "site-noun", "there-were", "said-to-be-a-force"],
)
def test_a_plural_pronoun_looks_past_what_names_no_second_group(mini_pipeline, text: str, actor: str,
                                                               origin: str | None, destination: str | None) -> None:
    assert (actor, origin, destination) in _moves(mini_pipeline, text)


@pytest.mark.model
def test_a_we_does_not_look_past_a_site_noun(mini_pipeline) -> None:
    # "we" is the speaker's side: looking further back reaches the other side's fighters
    text = ("Rebel fighters and rival fronts have clashed around the port for a week.\n\n"
            "\"We will not abandon Tripoli,\" the interior minister told reporters.\n")
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
def test_a_predicate_noun_leaves_its_subject_to_be_judged(mini_pipeline) -> None:
    # "fighters" only says what the people on the boats were not: they are the ones who sailed
    assert _moves(mini_pipeline, "The people on the boats were fishermen, not fighters, and they sailed "
                                 "back to Tripoli.\n") == []
    # "there were civilians": they are the ones named, not the soldiers before them
    assert _moves(mini_pipeline, "Soldiers guarded the gate. There were also many civilians inside. "
                                 "They fled to Tripoli.\n") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the document gives an armed group is the subject whatever path leads to it
        ("The Ruritanian Liberation Army (RLA) took the airport on Monday. The RLA has no intention of "
         "returning to Tripoli, its spokesman said.\n", ("RLA", None, "Tripoli")),
        ("The Ruritanian Liberation Army (RLA) took the airport on Monday. The RLA regrouped in the hills "
         "before moving to Beirut.\n", ("RLA", None, "Beirut")),
        ("The Ruritanian Liberation Army (RLA) took the airport on Monday. The RLA crossed the river to "
         "reach Tripoli.\n", ("RLA", None, "Tripoli")),
        ("The Ruritanian Liberation Army (RLA) took the airport on Monday. By evening the RLA was on the "
         "move toward Beirut.\n", ("RLA", None, "Beirut")),
        ("The Ruritanian Liberation Army (RLA) took the airport on Monday. The RLA advanced into Lebanon, "
         "entering Tripoli at dusk.\n", ("RLA", None, "Tripoli")),
        # a state, for a verb only a force does
        ("Libya has no plans for invading Lebanon, the minister said.\n", ("Libya", None, "Lebanon")),
        ("Russia massed troops on the border before invading Ukraine.\n", ("Russia", None, "Ukraine")),
        ("Russia mobilised in the autumn to invade Ukraine.\n", ("Russia", None, "Ukraine")),
    ],
    ids=["armed-group-intent", "armed-group-before", "armed-group-purpose", "armed-group-on-the-move",
         "armed-group-participle", "state-intent", "state-before", "state-purpose"],
)
def test_a_group_or_state_moves_through_a_noun_of_intent_or_a_preposition(mini_pipeline, text: str,
                                                                         expected: tuple) -> None:
    assert expected in _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a body the document shows to be no armed group
        "The Ruritanian Relief Agency (RRA) fed 4,000 families on Monday. The RRA has no intention of "
        "moving to Tripoli, its director said.\n",
        # a state, for a verb anyone does
        "France has no intention of returning to Libya, the minister said.\n",
        # what a state warns another against is the other's act, not its own
        "Japan warned Russia against invading Georgia.\n",
    ],
    ids=["relief-agency", "state-anyone-verb", "warned-against"],
)
def test_a_body_or_state_does_not_move_through_a_noun_of_intent(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Kivu Front fighters seized two villages on Monday. A Kivu Front spokesman told reporters that the group "
         "has withdrawn to Beirut.\n", "Beirut"),
        # a name with a digit is no place's, whatever the model tags it
        ("M23 fighters seized two villages on Monday. An M23 spokesman said the group would not return to "
         "Tripoli.\n", "Tripoli"),
        # a news agency told of it is no organisation the group could be
        ("Kivu Front fighters seized two villages on Monday. A Kivu Front spokesman told Reuters that the "
         "group has pulled back to Beirut.\n", "Beirut"),
    ],
    ids=["named-group", "name-with-digit", "told-an-agency"],
)
def test_the_group_stands_for_the_armed_group_named_last(mini_pipeline, text: str, destination: str) -> None:
    assert ("group", None, destination) in _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the organisation named last is no armed group
        "Kivu Front fighters shelled the town on Monday. Amnesty International said the group would return "
        "to Beirut next week.\n",
        # a word of its own says what the group is
        "Kivu Front fighters shelled the town on Monday. A Kivu Front spokesman said the youth group would "
        "return to Beirut next week.\n",
        # "a group" is one not named before
        "Kivu Front fighters shelled the town on Monday. A Kivu Front spokesman said a group would "
        "return to Beirut next week.\n",
    ],
    ids=["last-named-unarmed", "group-qualified", "a-group"],
)
def test_the_group_that_is_no_armed_group_does_not_move(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
def test_a_headline_of_two_events_gives_each_once(mini_pipeline) -> None:
    # the headline is read whole and clause by clause: a clause's movement is the whole one's
    text = ("Marines land in Tripoli as militia fighters withdraw to Beirut\n\n"
            "The fighting continued on Monday, officials said, and the roads to the south stayed closed.\n")
    assert sorted(_actor_ends(analyse(mini_pipeline, text))) == [
        ("Marines", None, "Tripoli"), ("militia fighters", None, "Beirut")]
    # the same word moving two forces: the clause's movement is another one
    text = ("Navy cruiser heads to Tripoli as army convoy heads to Beirut\n\n"
            "The fighting continued on Monday, officials said, and the roads to the south stayed closed.\n")
    assert sorted(_actor_ends(analyse(mini_pipeline, text))) == [
        ("Navy cruiser", None, "Tripoli"), ("army convoy", None, "Beirut")]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "expected"), [
    # "the governorate of X" names X, as "the province of X" does
    ("The militia withdrew from the governorate of Idlib on Sunday.", ("militia", "Idlib", None)),
    ("Army units pushed deep into the governorate of Hama overnight.", ("Army units", None, "Hama")),
], ids=["from", "into"])
def test_the_governorate_of_a_place_is_that_place(pipeline, text: str, expected: tuple) -> None:
    assert expected in _moves(pipeline, text)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("headline", "actors"), [
    # the whole line's parse takes the other clause's words for the force; the clause's reading names it
    ("Soldiers cross Mekong as Bangkok and Vientiane move forces near Nong Khai", ["Soldiers", "forces"]),
    ("Marines cross Pasig as Manila and Quezon move forces around Makati", ["Marines", "forces"]),
    ("US Troops Cross Mekong As Bangkok And Vientiane Move Forces Near Nong Khai", ["US troops", "forces"]),
    # the whole reading's force is the clause's own: kept
    ("Rebels cross Oti as Lome and Accra move forces near Dapaong", ["Rebels", "forces"]),
], ids=["mekong", "pasig", "title-case", "force-of-the-clause"])
def test_a_headline_clause_names_its_own_force(pipeline, headline: str, actors: list) -> None:
    text = headline + "\n\nThe ministry gave no further details on Monday.\n"
    assert sorted(m.actor for m in analyse(pipeline, text).movements) == sorted(actors)


def test_a_headline_clause_replaces_only_one_misread_movement() -> None:
    """The clause's movement replaces the whole line's only when it is the one movement matched, the
    clause holds its force as a word, and not the whole reading's."""
    from types import SimpleNamespace

    from conflictmap.geo.events.reader import _names_its_own_force

    clause = "Soldiers cross Mekong"
    mine, misread, other = (SimpleNamespace(actor=a) for a in ("Soldiers", "move forces", "Soldier"))
    assert _names_its_own_force(mine, [misread], clause)
    assert not _names_its_own_force(mine, [misread, SimpleNamespace(actor="troops")], clause)  # which one?
    assert not _names_its_own_force(mine, [SimpleNamespace(actor="Soldiers")], clause)  # read right whole
    assert not _names_its_own_force(SimpleNamespace(actor="Bangkok"), [misread], clause)  # not the clause's
    assert _names_its_own_force(mine, [other], clause)  # held as a word, not as a part of one


def test_a_headline_clause_adds_only_a_movement_not_read_whole() -> None:
    """A clause of a headline read whole before adds a movement of the same word only with an end the
    whole reading did not give it (the whole headline may attach a place the clause has not)."""
    from types import SimpleNamespace

    from conflictmap.geo.events.reader import _found_already

    def move(origin: int | None, destination: int | None) -> SimpleNamespace:
        def end(at: int | None) -> SimpleNamespace | None:
            return SimpleNamespace(mention=SimpleNamespace(start=at)) if at is not None else None
        return SimpleNamespace(trigger="heads", origin=end(origin), destination=end(destination))

    whole = [move(None, 20)]
    assert _found_already(move(None, 20), whole, clause=True)
    assert not _found_already(move(None, 50), whole, clause=True)  # another force to another place
    assert _found_already(move(5, 20), [move(5, 20)], clause=True)
    assert _found_already(move(5, None), [move(5, 20)], clause=True)  # read whole with more of its ends
    assert _found_already(move(None, 50), whole, clause=False)  # a whole heading: its word was read


@pytest.mark.model
def test_a_pronoun_never_reaches_into_another_document(mini_pipeline) -> None:
    first = Document("a", _body("Japanese troops seized a hill near Tripoli on Saturday.\n"), "-", "utf-8")
    second = Document("b", "Background.\n\n" + _body("They were then sent into Libya.\n"), "-", "utf-8")
    analyses = mini_pipeline.analyse([first, second])
    assert [len(a.movements) for a in analyses] == [0, 0]


# our own wire story, hard-wrapped: the sentence runs on across the line breaks
WRAPPED_STORY = """Japanese troops cross into Libya

TOKYO, March 3 - Japan said on Monday that it had sent about two
thousand soldiers from its bases near Tokyo to the outskirts of
Tripoli, in a move that officials described as a temporary measure
to protect its embassy and the citizens who still live in the city.
  The defence ministry said the troops would stay for several weeks
and that more could follow later in the spring if the talks failed.
"""


@pytest.mark.model
def test_a_movement_in_hard_wrapped_text(mini_pipeline) -> None:
    moves = [(m.actor, m.origin.mention.text if m.origin else None, m.destination.mention.text if m.destination
              else None) for m in analyse(mini_pipeline, WRAPPED_STORY).movements]
    # the headline's movement is a mention of its own (the export folds it into the body's)
    assert moves == [("Japanese troops", None, "Libya"), ("soldiers", "Tokyo", "Tripoli")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # the place qualifies another noun, not the movement
        ("Japanese troops vacated some posts after threats from Libya.\n", []),
        ("French soldiers left their barracks after a warning from Japan.\n", []),
        # what the verb moves, a force or a site carries the movement's ends
        ("French gunboats escorted a supply mission from Tripoli to Lebanon.\n", [("Tripoli", "Lebanon")]),
        ("Japan moved troops from bases in Libya to Lebanon.\n", [("Libya", "Lebanon")]),
        # the place of a noun's participle ("the roads leading to X") is that noun's
        ("Japanese marines arrived in Tripoli and mined the tracks running to Lebanon.\n",
         [(None, "Tripoli")]),
        ("Japanese troops moved along the road leading to Tripoli.\n", [(None, "Tripoli")]),  # the route's own
        # the motion word itself a noun's participle: its own place
        ("Officials confirmed reports that soldiers were flown into Tripoli.\n", [(None, "Tripoli")]),
        ("The brigade was reinforced by companies redeployed from Tripoli.\n", [("Tripoli", None)]),
    ],
    ids=["threats-from", "warning-from", "escorted-object", "bases-in", "tracks-running-to",
         "along-the-road-leading-to", "reports-that-flown-into",
         "companies-redeployed-from"],
)
def test_a_place_of_another_noun_is_no_end(mini_pipeline, text: str, ends: list) -> None:
    assert [(o, d) for _, o, d in _moves(mini_pipeline, text) if o or d] == ends


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "status", "cue"),
    [
        # the "not" of another clause does not deny the withdrawal it demands
        ("Japan says its troops will not leave Tripoli, while France keeps insisting on a full Japanese "
         "withdrawal from Libya.\n", "possible", "insisting"),
        ("Talks can only start after a Japanese withdrawal from Libya, he said.\n", "possible", "can"),
        ("Officials said no more warships would be sent to Libya.\n", "denied", "no"),  # a negated force
    ],
    ids=["insisted-on", "after-a-withdrawal", "no-warships"],
)
def test_the_status_of_a_motion_noun(mini_pipeline, text: str, status: str, cue: str) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [(m.status, m.status_cue) for m in moves
            if "Libya" in (m.origin.mention.text if m.origin else None,
                           m.destination.mention.text if m.destination else None)] == [(status, cue)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Tokyo asked France to send frigates to Lebanon.\n", "FR"),  # the asked one sends
        ("Japan persuaded Russia to move troops into Libya.\n", "RU"),
        ("Japan promised France to send frigates to Lebanon.\n", "JP"),  # a promise: the subject sends
    ],
    ids=["asked-object-sends", "persuaded-object-sends", "promised-subject-sends"],
)
def test_who_sends_when_one_state_asks_another(mini_pipeline, text: str, country: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.actor_country == country


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "status", "cue"),
    [
        ("If the talks collapse, Japan will send troops to Libya.\n", "possible", "If"),
        ("Japan will send frigates to Lebanon unless France objects.\n", "possible", "unless"),
        ("When the talks collapsed, Japan sent troops to Libya.\n", "reported", None),  # a time, no condition
        # a negation inside the condition: the movement still hangs on it
        ("If Japanese troops do not pull out of Tripoli by May, sanctions will follow.\n", "possible", "If"),
        ("Talks can start if the Japanese brigade does not cross into Libya.\n", "possible", "if"),
        ("Japanese troops did not leave Tripoli, officials said.\n", "denied", "not"),
    ],
    ids=["if-clause", "unless-clause", "when-clause", "if-not-pull-out", "if-not-cross", "did-not-leave"],
)
def test_a_movement_on_a_condition_is_possible(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.status_cue) == (status, cue)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Fighting spread across Libya last week. Japan then flew troops into the country.\n", ["Libya"]),
        ("Shelling hit Tripoli overnight. On Monday French marines entered the city.\n", ["Tripoli"]),
        ("Japan sent troops into the region.\n", []),  # nothing named before it
        ("Tokyo asked France to send frigates into the country.\n", []),  # the sender is not where they go
    ],
    ids=["the-country", "the-city", "nothing-before", "not-the-sender"],
)
def test_a_referring_phrase_is_the_place_named_before(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # a state or armed group as what a displacement verb moves
        ("France wants to push Hezbollah out of Tripoli.\n", [("Hezbollah", "Tripoli", None)]),
        ("Hezbollah was driven back from Tripoli last week.\n", [("Hezbollah", "Tripoli", None)]),
        ("Japan pushed the talks out of Tripoli.\n", []),  # talks are no one
        ("The plan would push Libyans into Lebanon.\n", []),  # a people, not a state or armed group
        ("France vowed to drive Russia out of Tripoli.\n", [("Russia", "Tripoli", None)]),
        # a state as the subject of the verb a military verb depends on
        ("Japan threatened to march into parts of northern and western Libya.\n", [("Japan", "Japan", "Libya")]),
        ("With France threatening to invade Lebanon, prices rose.\n", [("France", "France", "Lebanon")]),
        ("Officials threatened to march into Tripoli.\n", []),  # officials are no state
    ],
    ids=["pushed-out-of", "driven-back-from", "pushed-talks", "pushed-people", "drive-a-state-out",
         "threatened-to-march", "with-x-threatening", "officials-march"],
)
def test_a_state_or_armed_group_moved_or_moving_through_another_verb(mini_pipeline, text: str, ends: list) -> None:
    assert _moves(mini_pipeline, text) == ends


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # a word that is a force only when a military verb moves it
        ("Russia withdrew the observers it had deployed in Libya.\n", [("observers", None, "Libya")]),
        ("France deployed advisers to Lebanon.\n", [("advisers", "France", "Lebanon")]),
        ("France sent observers to Lebanon.\n", []),  # sending is no military verb
        ("Military advisers were withdrawn from Libya.\n", [("Military advisers", "Libya", None)]),
        # people who go to fight
        ("Hundreds of men went from Tripoli to Beirut to fight.\n", [("Hundreds", "Tripoli", "Beirut")]),
        ("Many students headed to Kyiv to join the fight.\n", [("Many students", None, "Kyiv")]),
        ("Many people went to Kyiv to visit relatives.\n", []),
    ],
    ids=["observers-deployed", "advisers-deployed", "observers-sent", "advisers-withdrawn", "went-to-fight",
         "join-the-fight", "went-to-visit"],
)
def test_people_who_are_a_force_by_what_they_do(mini_pipeline, text: str, ends: list) -> None:
    assert _moves(mini_pipeline, text) == ends


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        # a military motion noun carried on by another verb
        ("Japanese officials threatened to extend the offensive to Tripoli.\n", ["Tripoli"]),
        ("France expanded its incursion into Libya.\n", ["Libya"]),
        ("Japan extended the talks to Tripoli.\n", []),
        # a state's motion noun with a direction
        ("The French move into Libya worried Japan.\n", ["Libya"]),
        ("Japan condemned the Russian push toward Kyiv.\n", ["Kyiv"]),
        ("The French move to Tokyo surprised fans.\n", []),  # "to" alone may be a purpose or a job
        # a "where" clause on the place
        ("Japan's embassy is in Tripoli, where French troops arrived on Monday.\n", ["Tripoli"]),
        ("Rebels hold parts of eastern Libya, where Japanese units have reentered several towns.\n", ["Libya"]),
        ("The sweep follows earlier raids in Kyiv in the west and parts of central Ukraine, where army "
         "units have reentered villages to stop militias from rearming.\n", ["Ukraine"]),  # a clause hung awry
        ("Japan's embassy is in Tripoli, where French troops are stationed.\n", []),  # no arrival
    ],
    ids=["extend-offensive", "expand-incursion", "extend-talks", "move-into", "push-toward", "move-to",
         "where-arrived", "where-reentered", "where-misattached", "where-stationed"],
)
def test_motion_nouns_carried_on_and_where_clauses(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Troops rested for a week before being sent into Libya.\n", [("Troops", None, "Libya")]),
        ("The soldiers waited in Tokyo. They trained for months after being flown to Libya.\n",
         [("soldiers", None, "Libya")]),
        ("Officials met in Paris before being flown to Tokyo.\n", []),  # officials are no force
    ],
    ids=["before-being-sent", "they-after-being-flown", "officials"],
)
def test_the_subject_of_the_verb_a_preposition_hangs_on(mini_pipeline, text: str, ends: list) -> None:
    assert _moves(mini_pipeline, text) == ends


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Jo Roe, a former paratrooper, spoke to reporters. Roe said he trained for a month before being "
         "sent into Libya.\n", ["Libya"]),
        ('Jo Roe, a young marine, was interviewed. "We entered Tripoli at night," Roe said.\n', ["Tripoli"]),
        ("Jo Roe, a retired general, was interviewed. He flew to Tripoli on Monday.\n", []),  # a rank travels
        ("Jo Roe, a teacher, said he went to Tripoli.\n", []),  # no soldier
    ],
    ids=["he-paratrooper", "we-marine", "he-general", "he-teacher"],
)
def test_a_pronoun_for_a_person_the_document_calls_a_soldier(mini_pipeline, text: str,
                                                             destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Hezbollah fighters fired rockets on Sunday. Hezbollah said on Monday that it would pull out of Tyre.\n",
     [("Hezbollah", "Tyre")]),
    ("Al-Shabaab fighters attacked the base on Sunday. Al-Shabaab said on Monday that it had pulled out of "
     "Jilib.\n", [("Al-Shabaab", "Jilib")]),
    ("Amnesty International said on Monday that it had withdrawn from Tyre.\n", []),  # no armed group
], ids=["it-a-group-named-armed", "it-a-group-with-a-hyphen", "it-a-body"])
def test_it_is_an_armed_group_the_text_shows_to_be_one(pipeline, text: str, moves: list) -> None:
    """ "it" stands for a group the document names as armed ("X fighters"), as for a unit or a ship."""
    assert [(m.actor, m.origin.mention.text if m.origin else None)
            for m in analyse(pipeline, _body(text)).movements] == moves


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ('"We will never retreat from Tripoli," the brigade commander said.\n', "brigade"),
        ('Colonel Jo Roe, commander of the 41st Brigade, met reporters on Monday. "We will not leave Tripoli. '
         'The city stays ours," he said.\n', "41st Brigade"),
    ],
    ids=["the-unit-in-the-speaker-s-phrase", "he-described-where-named"],
)
def test_a_quoted_we_is_the_force_of_the_one_quoted(mini_pipeline, text: str, actor: str) -> None:
    """ "We" inside a quotation stands for the force of its speaker when what names the speaker holds a
    unit's or a soldier's word, in the attribution or where the person was named before."""
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.actor, move.origin.place.name if move.origin and move.origin.place else None, move.status) == (
        actor, "Tripoli", "denied")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"We will not leave Tripoli," the mayor said.\n',
    'Jo Roe, the mayor of Tripoli, spoke on Monday. "We will not leave Tripoli," he said.\n',
    "When we left Tripoli, the brigade commander said the road north was closed.\n",  # the reporter's "we"
    '"We left Tripoli at dawn," a resident said. The brigade commander said the road was safe.\n',
], ids=["the-mayor", "he-the-mayor", "unquoted", "the-first-speaker"])
def test_a_quoted_we_of_a_speaker_of_no_force_moves_nothing(mini_pipeline, text: str) -> None:
    assert analyse(mini_pipeline, _body(text)).movements == ()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Ruritania, meanwhile, has dispatched soldiers to prop up the Libyan premier Jo Roe.\n", ["Libya"]),
        ("France sent warships to help the Lebanese navy.\n", ["Lebanon"]),
        ("France sent warships to fight the Libyan navy.\n", []),  # an enemy's country is no destination
        ("France sent warships to help the Lebanese and Libyan navies.\n", []),  # which one?
    ],
    ids=["back-a-leader", "help-a-navy", "fight-a-navy", "two-countries"],
)
def test_a_movement_to_support_a_state_goes_to_it(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # the relative word stands for the place, with the stranded preposition's role
        ("Tripoli, which Japanese troops withdrew from in April, is quiet.\n", [("Japanese troops", "Tripoli", None)]),
        ("Libya is the country that Japanese troops withdrew from in April.\n", [("Japanese troops", "Libya", None)]),
        ("In April, Japanese troops withdrew from Libya. Tripoli is the city that they left first.\n",
         [("Japanese troops", "Libya", None), ("Japanese troops", "Tripoli", None)]),
        ("Tripoli, which Japanese officials visited on Monday, is calm.\n", []),  # officials, no motion
        # an infinitive of purpose: the subject of the verb it depends on moves
        ("Japanese marines crossed the sea to reach Libya.\n", [("Japanese marines", None, "Libya")]),
        ("Japanese troops stormed the hill to reach Tripoli before dawn.\n", [("Japanese troops", None, "Tripoli")]),
        ("Residents fled the fighting to reach Tripoli.\n", []),  # residents are no force
        ("The marines rested. They crossed the sea at night to reach Libya.\n", [("marines", None, "Libya")]),
        # the route's end, a motion noun after en/on
        ("Russian warships transited the Bosphorus on their way to Tripoli.\n",
         [("Russian warships", None, "Tripoli")]),
        ("Two frigates were en route to Tripoli on Monday.\n", [("frigates", None, "Tripoli")]),
        ("Japanese troops are on the move toward Tripoli.\n", [("Japanese troops", None, "Tripoli")]),
        ("Aid trucks were en route to Tripoli.\n", []),
    ],
    ids=["which-from", "that-from", "that-left", "visited", "to-reach", "stormed-to-reach", "residents-to-reach",
         "they-to-reach",
         "on-their-way", "en-route", "on-the-move", "aid-en-route"],
)
def test_relative_clauses_purposes_and_routes(mini_pipeline, text: str, ends: list) -> None:
    assert [(a, o, d) for a, o, d in _moves(mini_pipeline, text)] == ends


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Officials said it was a Japanese drone that entered occupied Tripoli.\n", ["Tripoli"]),
        ("The French army entered besieged Tripoli on Monday.\n", ["Tripoli"]),
        ("Japanese troops left, burned Tripoli.\n", []),  # another verb's object
    ],
    ids=["entered-occupied", "entered-besieged", "left-comma"],
)
def test_a_participle_before_the_place_does_not_take_the_object(mini_pipeline, text: str,
                                                                destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


def _read(pipeline, text: str) -> list[tuple[str, str | None, str | None, str]]:
    """(actor, origin, destination, status) of each movement, places by their gazetteer names."""
    return [(m.actor, m.origin.place.name if m.origin and m.origin.place else None,
             m.destination.place.name if m.destination and m.destination.place else None, m.status)
            for m in analyse(pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a light verb's subject is the force of the military noun it takes, with the verb's places
        ("Japanese troops mounted an offensive on Tripoli last spring.\n",
         [("Japanese troops", None, "Tripoli", "reported")]),
        ("Japan opened a ground offensive into Libya in March.\n", [("Japan", None, "Libya", "reported")]),
        ("Japanese troops began a new offensive in Libya on Monday.\n",
         [("Japanese troops", None, "Libya", "reported")]),  # "in" on the light verb
        ("Japan launched a charm offensive in Libya.\n", []),  # a civilian word: no military offensive
    ],
    ids=["troops-mounted-on", "state-opened-into", "in-on-the-light-verb", "charm-offensive"],
)
def test_a_light_verb_gives_its_subject_to_the_military_noun(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("The invasion of Libya changed the region.\n", ["Libya"]),
        ("Some locals joined the incursion into Lebanon.\n", ["Lebanon"]),
        ("Talk of an offensive in Tripoli unsettled markets.\n", []),  # no agent and only a weak "in"
        ("Japan may widen the incursion to Tripoli.\n", ["Tripoli"]),  # once, by "widen"
    ],
    ids=["invasion-of", "incursion-into", "offensive-in", "extended-once"],
)
def test_a_military_noun_with_no_one_named_is_a_movement(mini_pipeline, text: str,
                                                         destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan was sanctioned after its invasion of Libya.\n", [("Japan", None, "Libya", "reported")]),
        ("Russia said their withdrawal from Libya was complete.\n", [("Russia", "Libya", None, "reported")]),
        ("Japan praised its withdrawal from the treaty.\n", []),  # no place
    ],
    ids=["its-invasion", "their-withdrawal", "withdrawal-from-a-treaty"],
)
def test_a_possessive_pronoun_is_the_state_named_before(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Japan supplied tanks to Libya.\n", ["Libya"]),
        ("France is providing Lebanon with howitzers.\n", ["Lebanon"]),  # the recipient as the object
        ("Japan sent Libya two frigates last year.\n", ["Libya"]),  # an indirect object
        ("France will ship Lebanon dozens of howitzers.\n", ["Lebanon"]),  # the model's first object
        ("The army supplied food to Tripoli.\n", []),  # who supplies stays
        ("Japanese troops provided security to Tripoli.\n", []),
        ("Critics questioned Japan's arms supplies to Libya.\n", ["Libya"]),  # a noun of delivery
        ("Critics questioned Japan's food supplies to Libya.\n", []),
    ],
    ids=["supplied-to", "provided-with", "sent-X-frigates", "sending-X-dozens", "army-supplied-food",
         "troops-provided-security", "arms-supplies", "food-supplies"],
)
def test_weapons_handed_over(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials accused the Japanese army of invading Libya.\n",
         [("Japanese army", None, "Libya", "reported")]),
        ("Residents blamed the militia for retreating from the outskirts of Tripoli.\n",
         [("militia", "Tripoli", None, "reported")]),
        ("The report blamed Japan for invading Libya.\n", [("Japan", None, "Libya", "reported")]),
        ("Japanese troops withdrew from several areas in Libya last year.\n",
         [("Japanese troops", "Libya", None, "reported")]),  # "areas" lead on to their place
        ("Officials accused the reporters of leaving Tripoli.\n", []),
        # an acronym the model leaves untagged; the object, not the accuser, withdraws
        ("Last spring, rival factions faulted the ZQB for retreating from Tripoli under fire.\n",
         [("ZQB", "Tripoli", None, "reported")]),
        ("Rebels accused the HQK of withdrawing from Tripoli.\n", [("HQK", "Tripoli", None, "reported")]),
    ],
    ids=["accused-army-of", "blamed-militia-for-retreating", "blamed-state-for", "areas-in", "reporters",
         "untagged-acronym", "not-the-accuser"],
)
def test_a_gerund_after_a_verb_takes_its_object_as_the_force(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council offered to evacuate JNF to Tripoli.\n", [("JNF", None, "Tripoli", "possible")]),
        ("Mediators proposed that the two sides evacuate ZQB to Tripoli.\n",
         [("ZQB", None, "Tripoli", "possible")]),  # an acronym the model tags as a product
        ("Turkey backed the removal of Japanese marines from Tripoli.\n",
         [("Japanese marines", "Tripoli", None, "reported")]),
        ("Paris will not oppose a withdrawal of troops from Libya.\n", [("troops", "Libya", None, "possible")]),
        ("Japan will not withdraw troops from Libya.\n", [("troops", "Libya", None, "denied")]),
        ("The city said it would evacuate residents to Tripoli.\n", []),
        # a noun coordinated with the force or the motion noun: its place is the movement's
        ("Talks covered the withdrawal of mercenaries and their vehicles from Tripoli.\n",
         [("mercenaries", "Tripoli", None, "reported")]),
        ("Moscow agreed to the evacuation of militants and their relatives from Tripoli.\n",
         [("militants", "Tripoli", None, "reported")]),
        ("Japanese troops left after threats and warnings from Tripoli.\n", []),  # not coordinated with a force
    ],
    ids=["evacuate-acronym", "evacuate-untagged-acronym", "removal-of-marines", "not-oppose", "not-withdraw",
         "residents", "mercenaries-and-vehicles", "militants-and-relatives", "threats-and-warnings"],
)
def test_armed_groups_evacuated_and_removed(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Japan shipped howitzers to Libya, and months afterwards it flew helicopters there.\n", ["Libya", "Libya"]),
        ("Japan praised Libya, and later sent brigades there.\n", ["Libya"]),
        ("Libya is calm now. Later, Japan's marines moved there.\n", ["Libya"]),  # not the force's own country
        ("Libya is calm, and the Japanese troops stationed there expect no change.\n", []),  # where they are
    ],
    ids=["flew-there", "sent-there", "sentence-before", "stationed-there"],
)
def test_there_is_the_place_named_before(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Japan's invasion of Libya began in May. Since the invasion, prices have risen.\n", ["Libya", "Libya"]),
        ("France deployed troops to Lebanon. Critics said the troop deployment was too small.\n",
         ["Lebanon", "Lebanon"]),
        ("An invasion would be costly, and the invasion would take months.\n", []),  # none placed before
    ],
    ids=["since-the-invasion", "the-deployment", "nothing-before"],
)
def test_a_definite_military_noun_is_the_movement_placed_before(mini_pipeline, text: str,
                                                                destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


_STORY = "Libya held talks in Tripoli. Libya and Tripoli were calm. "


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origins"),
    [
        (_STORY + "Russia withdrew half its soldiers last year.\n", ["Libya"]),
        (_STORY + "Foreign soldiers will leave soon, officials said.\n", ["Libya"]),
        (_STORY + "Russia withdrew its troops from the talks.\n", []),  # a phrase of its own: not a place
        (_STORY + "Russian troops pulled out in May.\n", ["Libya"]),
        (_STORY + "Budget cuts pulled Russian troops apart.\n", []),  # not out or back: no withdrawal
    ],
    ids=["withdrew-its-soldiers", "foreign-soldiers-leave", "withdrew-from-talks", "pulled-out", "pulled-apart"],
)
def test_forces_withdrawing_with_no_place_leave_the_story_country(mini_pipeline, text: str,
                                                                  origins: list[str]) -> None:
    assert [o for _, o, _, _ in _read(mini_pipeline, text)] == origins


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Despite the talks, Japan continued the invasion of Libya for a year.\n", []),  # a war going on
        ("The ongoing invasion of Libya worries Japan.\n", []),
        ("Japan launched its invasion of Libya in May.\n", [("Japan", None, "Libya", "reported")]),
        # "their" is the force named just before, not the last state
        ("French troops arrived in Lebanon in May, and their deployment in Lebanon was praised.\n",
         [("French troops", None, "Lebanon", "reported"), ("French troops", None, "Lebanon", "reported")]),
    ],
    ids=["continued-the-invasion", "ongoing-invasion", "launched-its-invasion", "their-deployment"],
)
def test_a_war_going_on_is_no_movement_and_their_is_the_force(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon word that needs a modifier is a force when a conveyance verb carries it
        ("Experts said the missile had been driven into Ukraine from Kursk and was later returned there.\n",
         [("missile", "Kursk", "Ukraine", "reported"), ("missile", None, "Kursk", "reported")]),
        ("Officials said the missile was transported to Libya by sea.\n", [("missile", None, "Libya", "reported")]),
        ("The missile was fired into Ukraine from Kursk.\n", []),  # fired: a projectile, no movement
    ],
    ids=["missile-driven-and-back", "missile-transported", "missile-fired"],
)
def test_a_weapon_carried_by_a_conveyance_verb_is_a_force(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Japanese marines landed at the port of Tripoli in March and invaded it a week later.\n",
         ["Tripoli", "Tripoli"]),
        ("Japanese forces had held a clinic in Tripoli before they invaded it.\n", ["Tripoli"]),
        ("The army joined the coalition in Libya in May and left it in June.\n", []),  # "it": the coalition
    ],
    ids=["landed-then-invaded-it", "held-a-clinic-then-invaded-it", "left-the-coalition"],
)
def test_it_after_a_military_verb_is_the_place_named_before(mini_pipeline, text: str,
                                                            destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Japan and its allies have launched an offensive against rebel groups in southern Libya.\n", ["Libya"]),
        ("The French army began an offensive against armed gangs in Tripoli last week.\n", ["Tripoli"]),
        ("Japanese troops complained about threats against civilians in Tripoli.\n", []),
    ],
    ids=["offensive-against-groups-in", "offensive-against-gangs-in", "threats-against"],
)
def test_an_offensive_goes_where_its_target_is(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Critics say Japan is prolonging the war by supplying weapons for Libya's defence.\n", ["Libya"]),
        ("Japan shipped howitzers for Lebanon's defense in May.\n", ["Lebanon"]),
        ("Japan supplied food for Libya's defence.\n", []),  # no weapon
        ("Japanese troops praised Libya's defence in May.\n", []),
    ],
    ids=["weapons-for-defence", "howitzers-for-defense", "food-for-defence", "praised-defence"],
)
def test_weapons_for_a_states_defence_go_to_it(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        (_STORY + "Japan has deployed military advisers to train the police.\n", ["Libya"]),
        (_STORY + "France deployed two frigates in March.\n", ["Libya"]),  # a time says nothing of where
        (_STORY + "Critics warned of the perils of deploying frigates.\n", []),  # no one deploys
        (_STORY + "Libya deployed troops on Monday.\n", []),  # the story's own country
        (_STORY + "France deployed two frigates in the north.\n", []),  # a phrase of its own
        # a military noun a light verb with a subject takes; not in a time clause, nor alone
        (_STORY + "Japan launched its offensive on Monday.\n", ["Libya"]),
        (_STORY + "Japan began an incursion in May.\n", ["Libya"]),
        (_STORY + "Prices rose since Japan launched its invasion.\n", []),
        (_STORY + "The threat of invasion worries Japan.\n", []),
        # an object that says where, and is no country
        (_STORY + "The gunmen invaded the shelter at dawn, a survivor said.\n", []),
        (_STORY + "Japanese marines invaded the country at dawn.\n", ["Libya"]),
    ],
    ids=["deployed-advisers", "deployed-in-march", "perils-of-deploying", "own-country", "in-the-north",
         "launched-its-offensive", "began-an-incursion", "since-it-launched", "threat-of-invasion",
         "invaded-a-shelter", "invaded-the-country"],
)
def test_a_state_deploying_with_no_place_goes_to_the_story_country(mini_pipeline, text: str,
                                                                   destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes with Hezbollah fighters went on all week. Officials say Hezbollah relies on allies to reach "
         "Tripoli.\n", [("Hezbollah", None, "Tripoli", "reported")]),
        ("Hezbollah militiamen were seen near the port. Weeks later, Hezbollah left Tripoli.\n",
         [("Hezbollah", "Tripoli", None, "reported")]),
        ("The Red Cross opened an office. The Red Cross left Tripoli on Monday.\n", []),  # never shown armed
    ],
    ids=["fighters-then-reach", "militiamen-then-left", "charity-left"],
)
def test_an_armed_group_named_as_such_moves_with_any_motion_verb(mini_pipeline, text: str, expected: list) -> None:
    assert _read(mini_pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Ukrainian troops ousted the fighters from Odesa in the spring.", [("fighters", "Odesa", None)]),
    ("The rebels were expelled from Kyiv last year.", [("rebels", "Kyiv", None)]),
    ("The militants were evicted from the town of Odesa.", [("militants", "Odesa", None)]),
    ("The ministry expelled two diplomats from Kyiv.", []),
], ids=["ousted", "expelled", "evicted", "diplomats-are-no-force"])
def test_a_force_driven_out_moves_from_the_place(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    ("Ukrainian troops pushed the rebels out of Odesa in the spring.", "rebels"),
    ("Russian marines drove the militia from Kyiv.", "militia"),
], ids=["pushed-out", "drove-from"])
def test_the_force_driven_out_is_not_the_one_driving_it(mini_pipeline, text: str, actor: str) -> None:
    [(moved, _, _)] = _moves(mini_pipeline, text)
    assert moved == actor


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Rebels took Odesa in May. In June, government troops entered the battered city.",
     [("government troops", None, "the battered city")]),
    ("Shelling hit Odesa on Monday, as government troops tried to push into the besieged city.",
     [("government troops", None, "the besieged city")]),
    ("Rebels took Odesa in May. In June, government troops entered the next city.", []),
    ("Rebels took Odesa in May. In June, government troops entered the northern region.", []),
], ids=["an-adjective-keeps-the-place", "a-verbs-object-before-it", "the-next-city-is-another",
        "a-part-is-another"])
def test_the_described_city_is_the_city_named_before(mini_pipeline, text: str, moves: list) -> None:
    found = _moves(mini_pipeline, text)
    assert found == moves
    if found:
        [move] = analyse(mini_pipeline, _body(text)).movements
        assert move.destination.place.name == "Odesa"


@pytest.mark.model
def test_an_object_asked_to_act_is_not_the_place_referred_to(mini_pipeline) -> None:
    moves = analyse(mini_pipeline, _body("The rebels asked Kyiv to send troops into the city.")).movements
    assert all(m.destination is None or m.destination.place.name != "Kyiv" for m in moves)


@pytest.mark.model
@pytest.mark.parametrize("text", ["Government troops penetrated into Odesa on Sunday.",
                                  "Special forces penetrated Odesa before dawn."])
def test_penetrating_a_place_is_entering_it(mini_pipeline, text: str) -> None:
    [(_, origin, destination)] = _moves(mini_pipeline, text)
    assert (origin, destination) == (None, "Odesa")


@pytest.mark.model
@pytest.mark.parametrize("word", ["other", "nearby", "next", "adjacent", "rival",
                                  "new", "first", "second", "third", "last"])
def test_an_adjective_of_another_place_does_not_refer_back(mini_pipeline, word: str) -> None:
    text = f"Rebels took Odesa in May. In June, government troops entered the {word} city."
    assert all(m.destination is None or m.destination.place.name != "Odesa"
               for m in analyse(mini_pipeline, _body(text)).movements)


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Washington sent a shipment of bombs to Kyiv.", [("bombs", "Washington", "Kyiv")]),
    ("The navy shipped rockets to Odesa by sea.", [("rockets", None, "Odesa")]),
    ("Munition deliveries to Kyiv resumed in June.", [("Munition", None, "Kyiv")]),
    ("The convoy carried a load of shells to Odesa.", []),
    ("Rebels fired rockets at Odesa.", []),
    ("Shells hit Kyiv overnight.", []),
], ids=["shipment-of-bombs", "shipped-rockets", "munition-deliveries", "shell-in-no-conveyance", "fired-rockets",
        "shells-hit"])
def test_munitions_move_only_when_carried(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("Washington paused a shipment of bombs to Kyiv.", "denied"),
    ("The government suspended arms deliveries to Odesa in May.", "denied"),
    ("The navy cancelled the deployment of two frigates to Odesa.", "denied"),
    ("The ministry froze troop transfers to Kyiv.", "denied"),
    ("The ministry withheld the transfer of tanks to Kyiv.", "denied"),
    ("The ministry resumed arms deliveries to Odesa in May.", "reported"),
], ids=["paused", "suspended", "cancelled", "froze", "withheld", "resumed"])
def test_a_movement_withheld_or_called_off_did_not_happen(mini_pipeline, text: str, status: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.status == status


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("Tokyo delivered weapons to the rebels in Odesa.", "Odesa"),
    ("Russia sent troops to its allies in Kyiv.", "Kyiv"),
    ("Russia sent troops to Kyiv after talks in Odesa.", "Kyiv"),
], ids=["in-x-on-the-verb", "in-x-on-the-recipients", "in-x-on-another-noun"])
def test_a_place_of_the_recipients_is_where_the_movement_goes(mini_pipeline, text: str, destination: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination.place.name == destination


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("The Japanese military intervention in Libya began in 2015.", "Libya"),
    ("Foreign intervention into Lebanon ended the siege.", "Lebanon"),
], ids=["intervention-in", "intervention-into"])
def test_a_military_intervention_goes_into_the_place(mini_pipeline, text: str, destination: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination.place.name == destination


@pytest.mark.model
@pytest.mark.parametrize("word", ["economic", "surgical", "verbal", "monetary", "currency"])
def test_an_intervention_of_another_kind_is_no_movement(mini_pipeline, word: str) -> None:
    assert _moves(mini_pipeline, f"Japan's {word} intervention in Libya began in 2015.") == []


@pytest.mark.model
def test_a_movement_told_before_and_supposed_away_is_not_told_again(mini_pipeline) -> None:
    text = ("Foreign intervention into Libya ended the siege in 2011.\n\n"
            "Had the intervention not happened, the siege would have gone on for years.\n\n"
            "Critics say the intervention left the country divided.\n")
    moves = analyse(mini_pipeline, text).movements
    assert [m.status for m in moves] == ["reported", "reported"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("Japan launched a ground operation in Libya after the attacks.", "Libya"),
    ("The army began its land campaign in Lebanon in May.", "Lebanon"),
    ("France started an amphibious operation in Libya.", "Libya"),
    ("The army began an operation in Kyiv on Monday.", None),
    ("The navy began an air campaign in Libya in May.", None),
], ids=["ground-operation", "land-campaign", "amphibious-operation", "an-operation", "an-air-campaign"])
def test_an_operation_or_campaign_moves_only_on_the_ground(mini_pipeline, text: str, destination: str | None) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [m.destination.place.name for m in moves] == ([destination] if destination else [])


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("Japan will deploy two more brigades to Odesa.", "possible"),
    ("Two frigates left Tokyo on Monday. They'll reach Odesa next month.", "possible"),
    ("Two frigates left Tokyo on Monday. They\u2019ll reach Odesa next month.", "possible"),
    ("The navy shall send ships to Odesa in May.", "possible"),
    ("Japan deployed two more brigades to Odesa.", "reported"),
], ids=["will", "apostrophe-ll", "curly-apostrophe-ll", "shall", "past"])
def test_a_movement_announced_for_the_future_is_possible(mini_pipeline, text: str, status: str) -> None:
    move = analyse(mini_pipeline, _body(text)).movements[-1]
    assert move.status == status


@pytest.mark.model
@pytest.mark.full
def test_a_place_in_the_reporting_clause_is_not_the_movements(pipeline) -> None:
    text = ("Israel will deploy two more brigades to the northern border, Prime Minister Benjamin Netanyahu said "
            "in Jerusalem.")
    moves = analyse(pipeline, _body(text)).movements
    assert all(m.destination is None or m.destination.place.name != "Jerusalem" for m in moves)


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Japan launched an offensive to drive the rebels from Odesa.", [("Japan", None, "Odesa")]),
    ("Troops were sent to clear the militants from Odesa.", [("Troops", None, "Odesa")]),
    ("Japan sent troops to retake Kyiv.", [("troops", "Japan", "Kyiv")]),
    ("Japanese troops pushed the rebels out of Odesa.", [("rebels", "Odesa", None)]),
], ids=["offensive-to-drive-out", "sent-to-clear-from", "sent-to-retake", "a-displacement-told"])
def test_the_place_a_purpose_names_is_where_the_force_goes(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin"), [
    ("The army pulled its forces out of the town of Odesa.", "Odesa"),
    ("Troops withdrew from the besieged city of Odesa.", "Odesa"),
    ("Troops withdrew from the talks on the city of Odesa.", None),
    ("Rebel units withdrew from the towns of Odesa and Kursk overnight.", "Odesa"),
    ("The army pulled two battalions out of the northern municipalities of Odesa and Kursk.", "Odesa"),
    ("Troops withdrew from the defenders of Odesa.", None),
], ids=["out-of-the-town-of", "a-participle-before-the-kind", "the-kind-of-another-noun", "the-towns-of",
        "the-municipalities-of", "no-kind-of-place"])
def test_the_town_of_x_keeps_the_preposition_before_it(mini_pipeline, text: str, origin: str | None) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [m.origin.place.name if m.origin else None for m in moves] == ([origin] if origin else [])


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("Tokyo says it has no plans to send troops to Odesa.", "denied"),
    ("The ministry saw no need to move the frigates to Odesa.", "denied"),
    ("The ministry has plans to send troops to Odesa.", "possible"),
], ids=["no-plans", "no-need", "plans"])
def test_no_plan_to_move_is_a_denial(mini_pipeline, text: str, status: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.status == status


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The army continued its advance toward Odesa.", [("army", None, "Odesa")]),
    ("Rebel fighters continued their push into Kyiv on Friday.", [("Rebel fighters", None, "Kyiv")]),
    ("The rebels continued their march on Kyiv.", [("rebels", None, "Kyiv")]),
    ("The army continued its offensive in Odesa.", []),
    ("Japan continued its invasion of Kyiv.", []),
    ("Japan continues its offensive to drive the rebels from the town of Odesa.", [("Japan", None, "Odesa")]),
    ("Japan continues its offensive to crush the rebels.", []),
], ids=["continued-toward", "continued-into", "continued-on", "continued-in-is-the-war", "continued-of-is-the-war",
        "continued-to-take-a-place", "continued-with-no-place-aimed-at"])
def test_a_continued_military_noun_that_heads_somewhere_is_a_movement(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The militants fled Odesa after the bombardment.", [("militants", "Odesa", None)]),
    ("Armoured units swept into Odesa at dawn.", [("Armoured units", None, "Odesa")]),
    ("Rebel fighters were closing in on Kyiv.", [("Rebel fighters", None, "Kyiv")]),
    ("Fighter jets were scrambled from Odesa.", [("Fighter jets", "Odesa", None)]),
    ("The rebels began their march on Kyiv.", [("rebels", None, "Kyiv")]),
    ("The rebels resumed their advance on Kyiv.", [("rebels", None, "Kyiv")]),
    ("Government troops launched a push on Odesa.", [("Government troops", None, "Odesa")]),
    ("A counteroffensive into Odesa began on Monday.", [("counteroffensive", None, "Odesa")]),
], ids=["fled-X", "swept-into", "closing-in-on", "scrambled-from", "march-on", "advance-on", "push-on",
        "counteroffensive"])
def test_motion_words_of_flight_sweep_and_approach(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Thousands of families fled Odesa.",
    "Protests swept through Odesa.",
    "The army closed the road to Odesa.",
    "The army closed its bases in Odesa.",
    "Reporters scrambled to reach Kyiv.",
    "Protesters began a march on Kyiv.",
], ids=["civilians-fleeing", "protests-sweeping", "closed-a-road", "closed-bases", "reporters", "protest-march"])
def test_more_motion_words_miss_what_is_not_a_movement(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
def test_a_place_of_the_second_of_two_joined_movements_is_not_the_firsts(mini_pipeline) -> None:
    assert _moves(mini_pipeline, "The battalion left Odesa and moved to Kyiv.") == [
        ("battalion", "Odesa", None), ("battalion", None, "Kyiv")]


@pytest.mark.model
@pytest.mark.parametrize("text", ["Troops were sent to the border town of Odesa.",
                                  "Troops pushed towards the rebel stronghold of Odesa."])
def test_a_place_named_through_a_qualified_place_noun(mini_pipeline, text: str) -> None:
    [(_, origin, destination)] = _moves(mini_pipeline, text)
    assert (origin, destination) == (None, "Odesa")


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "name"), [
    ("Russian troops continued their advance toward Avdiivka on Monday.", "Avdiivka"),
    ("The rebels are closing in on Goma.", "Goma"),
    ("The brigade redeployed to the Zaporizhzhia front last month.", "Zaporizhzhia"),
], ids=["toward", "closing-in-on", "front"])
def test_a_lone_town_a_force_moves_to_is_a_place(pipeline, text: str, name: str) -> None:
    moves = analyse(pipeline, _body(text)).movements
    assert [m.destination.mention.text for m in moves if m.destination] == [name]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "name"), [
    ("Japan's army moved a company of marines to Yusuhara before dawn.", "Yusuhara"),
    ("Rebel fighters in Japan advanced toward Yusuhara on Tuesday, residents said.", "Yusuhara"),
], ids=["moved-to", "advanced-toward"])
def test_a_small_town_the_model_took_for_a_name_is_a_place_where_a_force_moves(pipeline, text: str,
                                                                               name: str) -> None:
    """Towns of a few thousand people, which the model tags as a person or a body."""
    moves = analyse(pipeline, _body(text)).movements
    assert [m.destination.mention.text for m in moves if m.destination] == [name]


@pytest.mark.model
@pytest.mark.full
def test_a_small_towns_name_elsewhere_is_left_to_the_model(pipeline) -> None:
    places = analyse(pipeline, _body("Wajiki said the soldiers had left the valley.")).places
    assert [r.mention.text for r in places] == []
    # a small town of a country the text does not name is no end: a group or a person named like it
    moves = analyse(pipeline, _body("Russia sent more fighters to Wagner after the mutiny.")).movements
    assert [m.destination for m in moves if m.destination] == []


@pytest.mark.model
@pytest.mark.full
def test_a_lone_town_named_without_a_movement_is_left_to_the_model(pipeline) -> None:
    places = analyse(pipeline, _body("Officials spoke about Avdiivka on Monday.")).places
    assert [r.mention.text for r in places] == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Japanese forces pressed into Odesa for a third day.", [("Japanese forces", None, "Odesa")]),
    ("The army pressed toward Kyiv despite the rain.", [("army", None, "Kyiv")]),
    ("Fighting goes on as Japan presses its offensive against a militia in Odesa.", [("Japan", None, "Odesa")]),
    ("The general pressed Kyiv for more shells.", []),
    ("Marines swept the fighters from Odesa.", []),
], ids=["pressed-into", "pressed-toward", "pressed-its-offensive-is-one", "pressed-someone", "swept-someone-from"])
def test_pressing_and_sweeping(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "ends"), [
    ("Japan will pull out the 900 troops currently in Odesa.", [("Odesa", None)]),
    ("Tokyo ordered the withdrawal of its forces in Kyiv.", [("Kyiv", None)]),
    ("Japan will send more troops in Odesa.", [("Japan", "Odesa")]),
], ids=["pull-out-troops-in", "withdrawal-of-forces-in", "send-in-stays-a-destination"])
def test_a_withdrawn_force_in_a_place_leaves_it(mini_pipeline, text: str, ends: list) -> None:
    assert [(o, d) for _, o, d in _moves(mini_pipeline, text)] == ends


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("If Japan answers by invading Odesa, the war will spread.", "possible"),
    ("Japan answered by invading Odesa last spring.", "reported"),
], ids=["conditional", "told"])
def test_a_state_moving_by_way_of_a_gerund(mini_pipeline, text: str, status: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.actor, move.destination.mention.text, move.status) == ("Japan", "Odesa", status)


@pytest.mark.model
def test_a_denial_does_not_reach_its_conjunct(mini_pipeline) -> None:
    text = "Tokyo denies the report and says Japan is aiding Odesa by sending troops to Kyiv."
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.status == "reported"


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Two frigates arrived off the coast of Odesa on Friday.", [("frigates", None, "Odesa")]),
    ("The 82nd Airborne was sent to Kyiv.", [("82nd Airborne", None, "Kyiv")]),
], ids=["off-the-coast-of", "a-division-named-by-its-kind"])
def test_offshore_arrivals_and_numbered_units(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
def test_a_lone_town_a_force_reaches_is_a_place(pipeline) -> None:
    moves = analyse(pipeline, _body("Reinforcements from a mechanised brigade reached Kupiansk on Thursday.")).movements
    assert [m.destination.mention.text for m in moves if m.destination] == ["Kupiansk"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The general returned to Kyiv after talks in Odesa.", []),
    ("A general was deployed to Odesa to lead the defence.", [("general", None, "Odesa")]),
], ids=["a-general-travelling", "a-general-deployed"])
def test_a_general_is_a_force_only_as_what_a_military_verb_moves(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The brigade left Odesa on Friday. It was later sent to Kyiv.",
     [("brigade", "Odesa", None), ("brigade", None, "Kyiv")]),
    ("The frigate left Odesa on Friday. It is expected to reach Kyiv next week.",
     [("frigate", "Odesa", None), ("frigate", None, "Kyiv")]),
    ("The brigade guarded the bridge near Odesa. It was moved to Kyiv in June.", []),
], ids=["a-unit", "a-vessel", "the-last-thing-named-is-no-force"])
def test_it_for_a_unit_or_a_vessel_named_before(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
def test_a_lone_town_a_force_is_pulled_out_of_is_a_place(pipeline) -> None:
    moves = analyse(pipeline, _body("The 3rd Assault Brigade was pulled out of Bakhmut in May.")).movements
    assert [m.origin.mention.text for m in moves if m.origin] == ["Bakhmut"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("The council called for the withdrawal of Japanese troops from Odesa.", "possible"),
    ("Leaders called on Japan to pull its troops out of Odesa.", "possible"),
    ("Officials called the deployment of Japanese troops to Odesa a mistake.", "reported"),
], ids=["called-for", "called-on", "called-it-something"])
def test_a_call_for_a_movement_makes_it_possible_a_name_for_it_does_not(mini_pipeline, text: str,
                                                                         status: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.status == status


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("The firm shipped fuel and weapons to the Japanese regime.", "Japan"),
    ("The alliance sent tanks to the Japanese army.", "Japan"),
    ("Tanks from the Japanese army were sent to Kyiv.", "Kyiv"),
    ("The firm shipped weapons to the Japanese government.", "Japan"),
    ("Drones were delivered to the Japanese military.", "Japan"),
    ("The agency shipped weapons to Japanese rebels.", "Japan"),
], ids=["to-a-regime", "to-an-army", "from-an-army", "to-a-government", "to-the-military", "to-rebels"])
def test_what_is_sent_to_a_countrys_side_goes_to_that_country(mini_pipeline, text: str, destination: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.place.name == destination


@pytest.mark.model
@pytest.mark.full
def test_a_moved_to_town_inside_a_longer_name_is_left_to_the_model(pipeline) -> None:
    moves = analyse(pipeline, _body("Militants tried to reach the barracks in Nad Ali district on Sunday.")).movements
    assert [m.destination.mention.text for m in moves if m.destination] == ["Nad Ali"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    ("Japan launched a military offensive into Odesa on Monday.", "Japan"),
    ("Japanese troops launched a military offensive into Odesa.", "Japanese troops"),
    ("A military offensive into Odesa began on Monday.", "military"),
], ids=["a-state", "a-force", "no-light-verb"])
def test_who_launched_a_military_noun_is_its_actor(mini_pipeline, text: str, actor: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.actor == actor


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The rebels got into Odesa overnight.", [("rebels", None, "Odesa")]),
    ("The rebels got the tanks they needed from Odesa.", []),
    ("Hundreds of foreign volunteers crossed into Odesa.", [("foreign volunteers", None, "Odesa")]),
    ("The campaign deployed hundreds of volunteers to Kyiv to knock on doors.", []),
    ("Japan voted for its withdrawal from the European Union.", []),
    # reserves: troops held back; a bank's gold reserves are none
    ("The army rushed reserves to Odesa overnight.", [("reserves", None, "Odesa")]),
    ("The general staff may shift reserves from Odesa to Kyiv within days.", [("reserves", "Odesa", "Kyiv")]),
    ("The central bank moved its gold reserves to Kyiv.", []),
], ids=["got-into", "got-something", "foreign-volunteers", "campaign-volunteers", "leaving-a-union",
        "rushed-reserves", "shift-reserves-from-to", "gold-reserves"])
def test_what_moves_and_what_only_sounds_like_it(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "destinations"), [
    (_STORY + "Japanese troops launched a counteroffensive on Monday.\n", ["Libya"]),
    (_STORY + "A lawyer said it launched a counteroffensive against the newspaper.\n", []),
], ids=["a-force-launched-it", "no-force-launched-it"])
def test_an_unplaced_offensive_goes_into_the_storys_country_only_when_a_force_launched_it(
        mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Two police officers from Odesa pulled over a white van.", []),
    ("Japan pulled its troops out of Odesa.", [("its troops", "Odesa", None)]),
], ids=["pulled-over-a-car", "pulled-out"])
def test_pulling_over_is_no_withdrawal(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The ministry said Sgt Ana Ruiz deployed three times to Odesa.", [("Sgt Ana Ruiz", None, "Odesa")]),
    ("Corporal Tom Evans was deployed to Kyiv in 2019.", [("Corporal Tom Evans", None, "Kyiv")]),
    ("Senator Ana Ruiz deployed to Odesa last year.", []),
    ("General Tom Evans deployed to Kyiv.", []),
], ids=["a-sergeant", "a-corporal-passive", "a-senator", "a-general-is-an-official"])
def test_a_person_named_with_a_soldiers_rank_moves_as_a_force(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        # a verb that moves only with its particle
        ("Two fighter jets took off from Tbilisi at dawn.\n", "Tbilisi", None),
        ("An armoured column set off from Kyiv on Sunday night.\n", "Kyiv", None),
        ("The frigates turned back to Odesa after the storm.\n", None, "Odesa"),
        ("The destroyer turned south toward Tokyo on Monday.\n", None, "Tokyo"),
        ("Columns of tanks set off from Kyiv at dawn.\n", "Kyiv", None),
        # "around" a place after a verb of placing
        ("Peacekeepers had been deployed around Kyiv since March.\n", None, "Kyiv"),
        # edging, travelling
        ("Russian troops edged closer to Kyiv overnight.\n", None, "Kyiv"),
        ("Two hundred marines travelled to Beirut by ship.\n", None, "Beirut"),
        # a vehicle mounted with weapons is a force
        ("The militia sent trucks mounted with machine guns to Tripoli on Friday.\n", None, "Tripoli"),
        # a guard with its modifier is a force
        ("The National Guard was deployed to Kyiv on Friday.\n", None, "Kyiv"),
        ("The Republican Guard withdrew from Tripoli overnight.\n", "Tripoli", None),
        # hyphenated motion nouns are one word; a build-up is where the force gathers
        ("Officials warned of a growing build-up of tanks around Kyiv.\n", None, "Kyiv"),
        ("The pull-out of troops from Odesa began on Friday.\n", "Odesa", None),
    ],
    ids=["took-off", "set-off", "turned-back", "turned-south", "column-of-tanks", "deployed-around", "edged",
         "travelled", "mounted-trucks", "national-guard", "republican-guard", "build-up-around", "pull-out"],
)
def test_particles_edging_travel_and_armed_vehicles(mini_pipeline, text: str, origin: str | None,
                                                     destination: str | None) -> None:
    ends = [(o, d) for _, o, d in _moves(mini_pipeline, text)]
    assert (origin, destination) in ends, ends


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rebels took Tripoli after a week of fighting.\n",  # "take" without "off"
        "The ministry set a date for the talks in Paris.\n",  # "set" without "off" / "out"
        "The government turned to diplomacy in Paris.\n",  # "turn" without "back" / "around"
        "The foreign minister travelled to Paris for talks.\n",  # a person travelling is no force
        "An aircraft travelling from Kyiv to Paris carried the delegation.\n",  # travel moves people only
        "The militia sent trucks loaded with flour to Tripoli on Friday.\n",  # a truck is a force only armed
        "A column of refugees reached Tripoli at dusk.\n",  # a column is a force only armoured or military
        "The frigates sailed around Odesa for a week.\n",  # "around" places only after a verb of placing
        "Security guards were sent to Kyiv on Friday.\n",  # a guard is a force only with its modifier
        "The company reported a build-up of stock in its warehouse in Paris.\n",  # no force gathers
    ],
    ids=["took-town", "set-date", "turned-to", "minister-travelled", "aircraft-travelling", "flour-trucks",
         "refugee-column", "sailed-around", "security-guards", "stock-build-up"],
)
def test_what_those_words_do_not_make_a_movement(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
def test_a_motion_participle_shares_the_force_of_its_motion_verb(mini_pipeline) -> None:
    moves = _moves(mini_pipeline, "Japanese troops crossed into Libya on Monday, heading for Tripoli.\n")
    assert ("Japanese troops", None, "Tripoli") in moves, moves
    # the participle's place is its own: the first verb goes only where it goes
    moves = _moves(mini_pipeline, "The brigade pulled out of Kyiv, moving to Odesa.\n")
    assert ("brigade", "Kyiv", None) in moves and ("brigade", None, "Odesa") in moves, moves


@pytest.mark.model
def test_a_participle_of_another_verb_is_no_movement(mini_pipeline) -> None:
    assert _moves(mini_pipeline, "The army shelled Kyiv for hours, leaving residents terrified.\n") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("Delegations from the army arrived in Tripoli for talks on Saturday.\n", False),
        ("Envoys from the Japanese military flew to Paris for talks.\n", False),
        ("Hundreds of soldiers from the army arrived in Tripoli on Saturday.\n", True),
        ("Units of the Japanese army arrived in Tripoli on Saturday.\n", True),
    ],
    ids=["delegations-from", "envoys-from", "soldiers-from", "units-of"],
)
def test_who_comes_from_a_force_is_not_the_force(mini_pipeline, text: str, moves: bool) -> None:
    assert bool(_moves(mini_pipeline, text)) is moves, _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination"),
    [
        # a country word qualifying "the city of X" is no end: X is
        ("Japanese troops advanced to within 10 km of the eastern Libyan city of Tripoli.\n", "Tripoli"),
        ("The army shipped soldiers to the southern Ukraine port city of Odesa.\n", "Odesa"),
    ],
    ids=["within-km-of-the-city-of", "country-port-city-of"],
)
def test_the_named_town_not_the_country_qualifying_it(mini_pipeline, text: str, destination: str) -> None:
    assert [d for _, _, d in _moves(mini_pipeline, text)] == [destination]


def _statuses(pipeline, text: str) -> list[str]:
    return [m.status for m in analyse(pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a relative clause has its own status, not the modal of the clause it hangs on
        ("Russian attacks may soon reach Odesa, where Japanese units landed last month, officials said.\n",
         "reported"),
        ("The siege could end soon in Kyiv, where Japanese troops arrived in March.\n", "reported"),
        ("The town of Odesa, which Russian troops could enter within days, is nearly empty.\n", "possible"),
    ],
    ids=["where-after-may", "where-after-could", "own-modal"],
)
def test_a_relative_clause_keeps_its_own_status(mini_pipeline, text: str, status: str) -> None:
    assert _statuses(mini_pipeline, text) == [status]


@pytest.mark.model
def test_a_ship_named_after_its_class_noun_is_a_force(mini_pipeline) -> None:
    assert ("corvette Soobrazitelny", None, "Odesa") in _moves(
        mini_pipeline, "The corvette Soobrazitelny sailed to Odesa on Monday.\n")
    assert _moves(mini_pipeline, "The novelist Tolstoy travelled to Paris on Monday.\n") == []
    # the parser may take the class noun for an adjective of the name
    moves = _moves(mini_pipeline, "The frigate Admiral Essen, escorted by a tug, left the port of Odesa at dawn.")
    assert ("frigate Admiral Essen", "Odesa", None) in moves, moves


@pytest.mark.full
@pytest.mark.model
def test_a_nationality_word_opening_a_name_is_that_name(pipeline) -> None:
    # the model may tag "English" as a language or nationality: "the English Channel" is still the channel
    text = "A pair of Russian corvettes sailed through the English Channel overnight as British jets watched.\n"
    moves = analyse(pipeline, _body(text)).movements
    assert [v.mention.text for m in moves for v in m.via] == ["English Channel"]
    # a nationality word before a name that is no place stays a nationality word
    assert [r.mention.text for r in analyse(pipeline, _body("Russian Railways moved troops to Kursk.\n")).places
            if r.mention.start < 20] == ["Russian"]


@pytest.mark.model
def test_a_conjunct_of_a_motion_participle_shares_the_force(mini_pipeline) -> None:
    moves = _moves(mini_pipeline, "The marines advanced into Lebanon, entering Beirut and moving toward Tripoli.\n")
    assert ("marines", None, "Tripoli") in moves, moves


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("A convoy of troops reached Tripoli on Friday.\n", True),
        ("A flotilla of warships sailed to Odesa on Monday.\n", True),
        ("A convoy of twenty aid trucks reached Tripoli on Friday.\n", False),
        ("A flotilla of fishing boats sailed to Odesa on Monday.\n", False),
    ],
    ids=["convoy-of-troops", "flotilla-of-warships", "convoy-of-aid-trucks", "flotilla-of-fishing-boats"],
)
def test_a_convoy_is_a_force_by_what_it_carries(mini_pipeline, text: str, moves: bool) -> None:
    assert bool(_moves(mini_pipeline, text)) is moves, _moves(mini_pipeline, text)


@pytest.mark.model
def test_the_ship_named_before_is_a_force(mini_pipeline) -> None:
    moves = _moves(mini_pipeline, "The destroyer USS Carney left Tokyo in May, the navy said. "
                                  "The Carney sailed to Odesa on Monday.\n")
    assert ("Carney", None, "Odesa") in moves, moves
    # a person of the ship's name is named as one ("Admiral X"); the bare name is the ship's
    moves = _moves(mini_pipeline, "The USS Carney left Tokyo in May. Admiral Carney sailed to Odesa on Monday.\n")
    assert all("Carney" not in (actor or "") or "USS" in (actor or "") for actor, _, _ in moves), moves


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "destination", "via"),
    [
        # a sea or strait crossed is passed through, not reached
        ("Two frigates crossed the Black Sea to Odesa.\n", "Odesa", "Black Sea"),
        ("Japanese aircraft crossed the Tsushima Strait on Friday.\n", None, "Tsushima Strait"),
        # a country crossed into is reached; the border on the way is the one the two countries share
        ("Russian troops crossed the frontier into Ukraine on Monday.\n", "Ukraine", "the frontier"),
    ],
    ids=["crossed-sea", "crossed-strait", "crossed-into"],
)
def test_water_crossed_is_passed_through(mini_pipeline, text: str, destination: str | None, via: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.destination.mention.text if move.destination else None) == destination
    assert [v.mention.text for v in move.via] == ([via] if via else [])


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(
    ("text", "destination", "via"),
    [
        # a demarcation line crossed is passed through, like a river: the band it runs along is no end
        ("At night twelve infantrymen from the north crossed the Line of Control, India said.\n", None,
         "Line of Control"),
        ("On Tuesday eight troops crossed the Military Demarcation Line, Seoul said.\n", None,
         "Military Demarcation Line"),
        # what is crossed on the way into a place is passed through, whatever the gazetteer takes it for
        ("Russian marines crossed the Desna into Chernihiv on Friday, the governor said.\n", "Chernihiv", "Desna"),
        ("Rebels crossed the Jordan into Jericho, police said.\n", "Jericho", "Jordan"),
        # a name of several words after "the", no country or region: a river's
        ("Tanks crossed the Siversky Donets near Bilohorivka.\n", None, "Siversky Donets"),
        ("Government troops crossed the Great Zab on Sunday.\n", None, "Great Zab"),
        ("Troops crossed the Golan Heights on Monday.\n", "Golan Heights", None),  # a region
        # a bridge named after a town, or a landmark of its own, is crossed, not reached; a town named
        # after a bay is reached
        ("Army units crossed Kosti Bridge on Monday.\n", None, "Kosti Bridge"),
        ("Troops crossed the Allenby Bridge on Monday.\n", None, "Allenby Bridge"),
        ("Troops crossed Thunder Bay on Monday.\n", "Thunder Bay", None),
        # ... but with nowhere further named, a town crossed is reached
        ("Russian marines crossed Chernihiv on foot on Friday, the governor said.\n", "Chernihiv", None),
    ],
    ids=["line-of-control", "demarcation-line", "river-named-like-a-town", "country-crossed", "two-word-river",
         "two-word-river-unlisted", "region-after-the", "bridge-named-after-a-town",
         "landmark-bridge", "town-named-after-a-bay", "no-onward-end"],
)
def test_a_line_or_what_is_crossed_on_the_way_is_passed_through(pipeline, text: str, destination: str | None,
                                                                via: str | None) -> None:
    [move] = analyse(pipeline, _body(text)).movements
    assert (move.destination.mention.text if move.destination else None) == destination
    assert [v.mention.text for v in move.via] == ([via] if via else [])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "status"),
    [
        # what a movement depends on, or is allowed or awaited, has not happened
        ("The rebels said the ceasefire depends on the brigades leaving Kyiv.\n", "possible"),
        ("The agreement allows two battalions to be flown to Odesa.\n", "possible"),
        ("The soldiers waited to be sent to Odesa.\n", "possible"),
        # none of a force moving is a denial
        ("None of its soldiers crossed into Libya, the ministry said.\n", "denied"),
        ("Neither of the brigades withdrew from Kyiv.\n", "denied"),
        ("One of its soldiers crossed into Libya, the ministry said.\n", "reported"),
        # insisting on a movement demands it; insisting a movement happens claims it
        ("The minister insisted on troops leaving Kyiv.\n", "possible"),
        ("The ministry insisted the ships were sailing to Odesa.\n", "reported"),
        # ... unless what it insists on is in the subjunctive, a demand too
        ("Moscow insisted that the Japanese battalion withdraw from Odesa.\n", "possible"),
    ],
    ids=["depend-on", "allows", "waited", "none-of", "neither-of", "one-of", "insisted-on", "insisted-that",
         "insisted-subjunctive"],
)
def test_conditions_permissions_and_none(mini_pipeline, text: str, status: str) -> None:
    assert _statuses(mini_pipeline, text) == [status]


@pytest.mark.model
def test_the_tail_of_a_name_after_its_particle_is_no_place(mini_pipeline) -> None:
    # "Porto da Tripoli" is one name the gazetteer lacks: not Tripoli
    assert [r.mention.text for r in analyse(mini_pipeline, _body("The militia entered Porto da Tripoli.\n")).places
            if r.place is not None] == []
    assert [r.mention.text for r in analyse(mini_pipeline, _body("The militia entered Tripoli.\n")).places] == [
        "Tripoli"]


@pytest.mark.model
def test_review_cases_of_the_fifth_session(mini_pipeline) -> None:
    # "they" stands for the troops named before: travelling is theirs
    moves = _moves(mini_pipeline, "Japanese troops left Tokyo in May. They travelled to Odesa by ship.\n")
    assert any(d == "Odesa" for _, _, d in moves), moves
    # a convoy qualified as military is a force whatever it carries
    assert _moves(mini_pipeline, "A military convoy of trucks and buses left Kyiv at dawn.\n"), "military convoy"


# ----------------------------------------------------------------------------- ends the gazetteer lacks


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("Rebel fighters retreated from the town of Dembaroke on Monday.\n", "origin", "Dembaroke"),
        ("Government troops were sent to Kelbora, a village near the coast, on Friday.\n", "destination",
         "Kelbora"),
        ("Two militia brigades advanced from Zembuta district toward the hills.\n", "origin", "Zembuta district"),
        # a name the model tags as nothing or as a thing, which a force enters or leaves ("entered X", a
        # force the subject) or pulls out of
        ("Rebel fighters entered Vostrova overnight, residents said.\n", "destination", "Vostrova"),
        ("Militiamen abandoned Kelmoro before dawn.\n", "origin", "Kelmoro"),
        ("The army pulled its last units out of Dastaveni.\n", "origin", "Dastaveni"),
        ("Militia units marched out of Ambarilo at dawn.\n", "origin", "Ambarilo"),
        # a name before an installation's kind ("air base", "naval base", "border post"), whatever the
        # model tags it (a nationality, a person, a body); a name with a particle is one name
        ("Two frigates sailed out of the Velmora naval base overnight.\n", "origin", "Velmora"),
        ("Fighter jets were scrambled from Dembaroke air base to intercept the bombers.\n", "origin",
         "Dembaroke"),
        ("Soldiers were seen heading towards the Morvaten border post on Friday.\n", "destination", "Morvaten"),
        ("The fighters arrived at the Kelbora military base on Monday night.\n", "destination", "Kelbora"),
        ("Marines pulled out of Tel al-Warda airport on Saturday.\n", "origin", "Tel al-Warda"),
        # a name of two words the model takes for a person's, where no person can be the end ("into",
        # a force reaching it; "airlifted to": no verb that sends to whom)
        ("Dozens of soldiers were seen marching into Nur Hilal at dawn.\n", "destination", "Nur Hilal"),
        ("Tanks reach Tel al-Hawa, witnesses say.\n", "destination", "Tel al-Hawa"),
        ("Army helicopters airlifted a platoon to Ras Dhuuble before the storm.\n", "destination",
         "Ras Dhuuble"),
        # a base at a place: that place
        ("In spring the militia evacuated its fighters from their base at Velmora.\n", "origin", "Velmora"),
    ],
    ids=["town-of-X", "X-a-village", "X-district", "entered-X", "abandoned-X", "pulled-units-out-of-X",
         "marched-out-of-X", "the-X-naval-base", "X-air-base", "the-X-border-post", "the-X-military-base",
         "X-al-Y-airport", "into-a-name-like-a-person-s", "a-force-reaches-X-al-Y", "airlifted-to-X-Y",
         "their-base-at-X"],
)
def test_an_end_the_gazetteer_lacks_is_kept_unresolved(mini_pipeline, text: str, role: str, name: str) -> None:
    """A village too small for the gazetteer, that the text calls a place or a force enters, leaves or
    pulls out of, is still the movement's end: listed by name (``unlisted``), not drawn."""
    [move] = analyse(mini_pipeline, _body(text)).movements
    end = getattr(move, role)
    assert end is not None and end.place is None and end.mention.text == name
    [feature] = _features(mini_pipeline, _body(text))
    assert feature["unlisted"] == {role: name} and feature[role] is None


@pytest.mark.model
@pytest.mark.parametrize("text", ["Dozens of soldiers were seen marching into Nur Velmora at dawn.\n",
                                  "The army airlifted two companies to Nur Kelbora overnight.\n"],
                         ids=["into-X-Y", "airlifted-to-X-Y"])
def test_a_full_name_kept_as_an_end_is_no_place_named_after_its_first_word(pipeline, text: str) -> None:
    """ "crossed into X Y": a name of two words the model took for a person's, kept as the end, is
    not placed at a town its first word names (as "Paris Hilton" is not in Paris)."""
    [move] = analyse(pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.place is None
    assert len(move.destination.mention.text.split()) == 2


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two hundred paratroopers were deployed in Ambarilo overnight.\n", "Ambarilo"),
        ("The frigate docked at Belmara on Sunday to take on fuel.\n", "Belmara"),
        ("Two transport helicopters landed at Kelbora airbase south of Tripoli on Sunday.\n", "Kelbora"),
        ("Marine commandos landed in the Vostrova district north of Tripoli overnight.\n", "Vostrova"),
    ],
    ids=["deployed-in-X", "docked-at-X", "at-X-airfield-west-of-Y", "in-the-X-district-north-of-Y"],
)
def test_where_a_force_arrives_a_name_no_gazetteer_knows_is_the_destination(mini_pipeline, text: str,
                                                                           name: str) -> None:
    """ "In" or "at" after a word of arriving ("deployed", "docked", "landed") gives the destination,
    a village the gazetteer lacks too; a bearing after such a name ("X airfield west of Y") only locates
    it, Y is no destination of its own."""
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.mention.text.startswith(name)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Militia units entered the Kelmoro area west of Tripoli late on Friday.\n", "Kelmoro"),
        ("Armoured units moved into the Vostrova training area near Kyiv at dawn.\n", "Vostrova"),
    ],
    ids=["entered-the-X-area", "into-the-X-training-area"],
)
def test_the_name_of_an_area_is_a_place_though_the_model_takes_it_for_a_body(mini_pipeline, text: str,
                                                                            name: str) -> None:
    """ "the X area": a name no gazetteer has, before a kind of place, is the destination (a body's
    own site is "a X training camp", not an area)."""
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.mention.text.startswith(name)
    assert move.destination.place is None


@pytest.mark.model
@pytest.mark.parametrize("text", ["Hamas fighters withdrew from the Hamas area.\n",
                                  "Troops entered the Wagner district overnight.\n",
                                  "Peacekeepers withdrew from the UNIFIL area of operations.\n"],
                         ids=["a-body-whose-name-a-town-has", "a-group-whose-name-a-town-has", "an-acronym"])
def test_the_area_of_a_body_a_town_is_named_like_is_no_town(pipeline, text: str) -> None:
    assert [r.mention.text for r in analyse(pipeline, _body(text)).places] == []


@pytest.mark.model
@pytest.mark.parametrize("text", ["Fighters withdrew to a Hamas base near the river.\n",
                                  "The gunmen fled to a Kelmoro training base in the hills.\n"],
                         ids=["a-group-s-base", "a-X-training-base"])
def test_a_base_or_a_post_with_no_kind_before_it_names_no_place(mini_pipeline, text: str) -> None:
    """ "the X base" is as often a group's as a place's ("a X training base"): only "air base",
    "naval base", "border post" make the name a place's."""
    assert [r.mention.text for r in analyse(mini_pipeline, _body(text)).places] == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A first battalion of paratroopers landed in the Nigerien capital late on Tuesday.\n",
    "Two companies of engineers were deployed in the Nigerien capital this week.\n",
], ids=["landed-in-the-capital", "deployed-in-the-capital"])
def test_a_nationality_before_a_kind_of_place_is_no_name_of_it(pipeline, text: str) -> None:
    """ "the Nigerien capital": the capital of the country the word names, not a place called so."""
    [move] = analyse(pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.place is not None
    assert move.destination.place.name == "Niamey"


@pytest.mark.model
def test_where_a_force_trains_is_no_destination(mini_pipeline) -> None:
    analysis = analyse(mini_pipeline, _body("The battalion trained at Kelmoro for a month.\n"))
    assert not analysis.movements and [r.mention.text for r in analysis.places] == []


@pytest.mark.model
def test_when_a_force_arrives_is_no_destination(pipeline) -> None:
    """ "deployed in March": a month, though a town in England has the name."""
    analysis = analyse(pipeline, _body("Two more Japanese battalions were deployed in March.\n"))
    assert [r.mention.text for r in analysis.places] == ["Japanese"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Reporters reached Osmani by telephone late on Monday, a week after the soldiers left.\n",  # no force
        "The soldiers evacuated Hassan Dirie Warsame to the clinic.\n",  # a person's full name
    ],
    ids=["reporters-reached-X", "soldiers-evacuated-a-person"],
)
def test_a_verbs_object_no_gazetteer_knows_is_no_place_without_a_force(mini_pipeline, text: str) -> None:
    analysis = analyse(mini_pipeline, _body(text))
    assert not analysis.movements and [r.mention.text for r in analysis.places] == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The company handed the documents to Kelbora before the meeting.\n",  # no force, no place word
        "Soldiers were sent to Ahmed Kelbora to protect him.\n",  # a person's name
    ],
    ids=["handed-to-a-name", "sent-to-a-person"],
)
def test_a_name_no_gazetteer_knows_is_no_end_without_a_place_word(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
def test_a_river_the_gazetteer_lacks_is_crossed_not_reached(mini_pipeline) -> None:
    [move] = analyse(mini_pipeline, _body("Insurgents crossed the Lumbo River into the village of Nakalo.\n")).movements
    assert [r.mention.text for r in move.via] == ["Lumbo River"]
    assert move.destination is not None and move.destination.mention.text == "Nakalo"


def _from_unlisted(gaz: Gazetteer, name: str, destination: str, at: int, country: str | None = "KP") -> Movement:
    source = Source("d", at, at + 10, "a sentence")
    start = Resolution(Mention("d", at, at + len(name), name, "GPE", "body"), None, 0.0)
    return Movement("d", "troops", country, start, _at(gaz, destination), None, (), "reported", None, "moved", source,
                    origin_basis="text")


def test_an_unlisted_origin_is_not_replaced_by_a_restatements_origin(gaz: Gazetteer) -> None:
    """ "from Kelbora to Vladivostok" and "from North Korea (the sender) to Primorye": one movement,
    whose origin stays the unlisted village (null, named), not a country drawn from."""
    sender = _move(gaz, "ne-admin0:KP", "ne-admin1:RU-PRI", at=20)
    sender = Movement(**{**{f: getattr(sender, f) for f in sender.__dataclass_fields__}, "origin_basis": "sender"})
    [move] = fuse_movements([_from_unlisted(gaz, "Kelbora", "geonames:2013348", 0), sender], gaz)
    assert (move.origin, move.unlisted, len(move.sources)) == (None, {"origin": "Kelbora"}, 2)


def test_a_region_move_from_an_unlisted_village_does_not_fold_into_another_origins_city_move(gaz: Gazetteer) -> None:
    moves = fuse_movements([_from_unlisted(gaz, "Kelbora", "ne-admin1:RU-PRI", 0),
                            _move(gaz, "geonames:1871859", "geonames:2013348", at=20)], gaz)
    assert {(m.origin.name if m.origin else None, m.unlisted.get("origin")) for m in moves} == {
        (None, "Kelbora"), ("Pyongyang", None)}


def test_a_fold_keeps_the_unlisted_name_of_what_it_folds_in(gaz: Gazetteer) -> None:
    """ "troops reached Vladivostok" (twice) and "troops from Kelbora reached Vladivostok": one
    movement that still names where it came from."""
    moves = fuse_movements([_move(gaz, None, "geonames:2013348", at=0, country=None),
                            _move(gaz, None, "geonames:2013348", at=20, country=None),
                            _from_unlisted(gaz, "Kelbora", "geonames:2013348", 40, country=None)], gaz)
    assert [(m.unlisted, len(m.sources)) for m in moves] == [({"origin": "Kelbora"}, 3)]


def test_movements_to_two_unlisted_villages_stay_two(gaz: Gazetteer) -> None:
    """Fusion: an unlisted end is the same end only by the same name."""
    def move(name: str | None, at: int) -> Movement:
        end = Resolution(Mention("d", at, at + 7, name, "GPE", "body"), None, 0.0) if name else None
        source = Source("d", at, at + 10, "a sentence")
        return Movement("d", "troops", "ML", None, end, None, (), "reported", None, "moved", source)
    moves = fuse_movements([move("Kelbora", 0), move("Dembaroke", 20), move("Kelbora", 40)], gaz)
    assert sorted(m.unlisted["destination"] for m in moves) == ["Dembaroke", "Kelbora"]
    assert [len(m.sources) for m in moves if m.unlisted["destination"] == "Kelbora"] == [2]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(
    ("text", "destination", "via"),
    [
        # a line crossed "near X" or "at X": X is where it was crossed, not where the force went
        ("Some government soldiers crossed the frontier near Ruwaished on Friday.\n", None, "Ruwaished"),
        ("Two battalions crossed the front line at Kupiansk overnight.\n", None, "Kupiansk"),
        ("Two battalions crossed the armistice line near the village of Quneitra.\n", None, "Quneitra"),
        # water crossed at a place; a "near" phrase the parser hangs on the verb
        ("Two battalions crossed the river at Odesa overnight.\n", None, "Odesa"),
        ("Government soldiers crossed the border on Friday near Ruwaished.\n", None, "Ruwaished"),
        # a river named after "the", which the gazetteer may lack or hold as a village
        ("Fighters crossed the Tigris at Mosul.\n", None, "Mosul"),
        ("Troops crossed the Zherebets near Terny.\n", None, "Terny"),
        # ... but a place another verb's phrase gives is that verb's
        ("Two battalions crossed the border and deployed near Kharkiv on Friday.\n", "Kharkiv", None),
    ],
    ids=["border-near", "front-line-at", "near-the-town-of", "river-at", "near-on-the-verb", "the-river-at",
         "the-river-near", "another-verbs-place"],
)
def test_a_line_crossed_near_a_place_is_crossed_there(pipeline, text: str, destination: str | None,
                                                      via: str | None) -> None:
    [move] = analyse(pipeline, _body(text)).movements
    assert (move.destination.mention.text if move.destination else None) == destination
    assert [v.mention.text for v in move.via] == ([via] if via else [])


@pytest.mark.model
def test_a_lowercase_river_the_gazetteer_lacks_is_crossed_not_reached(mini_pipeline) -> None:
    text = "Militia fighters crossed the Zembu river near the hills overnight.\n"
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert [r.mention.text for r in move.via] == ["Zembu"] and move.destination is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("Envoys from the navy and the coast guard arrived in Tripoli for talks.\n", False),
        ("Doctors and soldiers arrived in Tripoli on Monday.\n", True),  # no force they come from
    ],
    ids=["envoys-from-X-and-Y", "doctors-and-soldiers"],
)
def test_a_force_paired_with_envoys_from_a_force_does_not_move(mini_pipeline, text: str, moves: bool) -> None:
    assert bool(_moves(mini_pipeline, text)) is moves


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen crossed the river on Friday and entered the mining town of Walikale before dusk.\n",
         "Walikale"),  # the model takes the town for a body
        ("The army moved tanks towards the small town of Rutshuru, according to villagers.\n", "Rutshuru"),  # the
        # parser hangs "towards" on the tanks
        ("The rebels have been pushed back 20 km from the regional capital, Dembaroke, the governor said.\n",
         "Dembaroke"),  # "the capital, X", X taken for a body
        ("Rebel units withdrew to the provincial capital, Kelbora, on Monday.\n", "Kelbora"),  # X taken for a person
        ("The council wants French soldiers to leave Dembaroke, a market town near Tripoli, by spring.\n",
         "Dembaroke"),  # "X, a town", X taken for a body
    ],
    ids=["town-tagged-as-a-body", "toward-hung-on-the-force", "capital-X-as-a-body", "capital-X-as-a-person",
         "X-a-town-as-a-body"],
)
def test_the_town_of_an_unlisted_name_is_an_end_however_the_model_parses_it(mini_pipeline, text: str,
                                                                            name: str) -> None:
    ends = [(m.origin or m.destination) for m in analyse(mini_pipeline, _body(text)).movements]
    assert name in [r.mention.text for r in ends if r is not None], ends


@pytest.mark.model
def test_crossing_a_line_across_the_water_passes_through_the_water(mini_pipeline) -> None:
    text = "A pair of patrol planes crossed the centre line of the Black Sea at dawn.\n"
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert [r.mention.text for r in move.via] == ["Black Sea"] and move.destination is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The rebels fell back toward Tripoli as government forces advanced.\n", None, "Tripoli"),
        ("Soldiers were bused from Tripoli to the front in Lebanon.\n", "Tripoli", "Lebanon"),
        ("Helicopters ferried troops from Tripoli to Lebanon overnight.\n", "Tripoli", "Lebanon"),
        ("Rebel units moved east of Tripoli overnight.\n", None, "Tripoli"),  # near it, on that side
        ("The brigade advanced to positions north of Tripoli.\n", None, "Tripoli"),
    ],
    ids=["fell-back", "bused", "ferried", "moved-east-of", "to-positions-north-of"],
)
def test_more_verbs_and_sides_of_a_place(mini_pipeline, text: str, origin: str | None,
                                         destination: str | None) -> None:
    assert [(o, d) for _, o, d in _moves(mini_pipeline, text)] == [(origin, destination)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The town fell to the rebels on Monday.\n",  # "fall" without "back"
        "Prices fell back in Tripoli last week.\n",  # no force
        "The company bused workers to Tripoli.\n",
        "Fighting raged north of Tripoli on Monday.\n",  # a side of a place, but no movement
    ],
    ids=["town-fell", "prices-fell-back", "bused-workers", "fighting-north-of"],
)
def test_what_those_verbs_and_sides_do_not_catch(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
def test_the_city_is_the_place_the_text_called_a_city(mini_pipeline) -> None:
    """ "the city" after "the town of X ... the encircled city of Y ... X again" is Y: the text called Y
    a city, not the town named after it."""
    text = ("Rebels moved out of the town of Odesa toward the encircled city of Tripoli on Monday. Armed trucks "
            "were spotted leaving Odesa at night. The militia later said its fighters had advanced to the hills "
            "north of the city.\n")
    moves = analyse(mini_pipeline, text).movements
    advanced = [m for m in moves if m.trigger == "advanced"]
    assert [m.destination.place.name for m in advanced if m.destination and m.destination.place] == ["Tripoli"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Rebels left Cape Town in May. Army troops entered the town of Velmora on Monday, days after rebel "
    "fighters withdrew from the town.\n",
    "Rebels left Cape Town in May. Army troops entered the town of Velmora on Monday. Rebel fighters had "
    "withdrawn from the town on Friday.\n",
    "Rebel fighters withdrew from Goma in May. Two days later, army troops left their base at Velmora. They "
    "withdrew from the base on foot.\n",
    "Rebel fighters left their base at Velmora in October. Two days later, they had withdrawn from the base.\n",
], ids=["same-sentence", "next-sentence", "the-base-at-X", "the-base-at-X-before"])
def test_the_town_is_the_last_one_the_text_called_a_town(pipeline, text: str) -> None:
    """ "the town" after "Cape Town ... the town of X" is X, the last place called a town, also when
    the gazetteer lacks it and when it is the object's in the same sentence ("entered the town of X");
    "the base" after "their base at X" is X."""
    *_, withdrawal = [m for m in analyse(pipeline, text).movements if m.trigger.startswith("withdr")]
    assert withdrawal.origin is not None and (withdrawal.origin.mention.text, withdrawal.origin.place) == (
        "Velmora", None)


@pytest.mark.model
def test_a_force_left_behind_does_not_move(mini_pipeline) -> None:
    text = "The army pulled the division out of Lebanon, leaving one battalion to hold the hills east of Tripoli.\n"
    assert [m.trigger for m in analyse(mini_pipeline, _body(text)).movements] == ["pulled"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Troops pushed into the city centre of Tripoli.\n", None, "Tripoli"),
        ("Marines advanced toward the city center of Tripoli.\n", None, "Tripoli"),
        ("Tanks rolled into the heart of Tripoli on Monday.\n", None, "Tripoli"),
        ("Rebels were driven out of villages near Tripoli.\n", "Tripoli", None),
    ],
    ids=["city-centre-of", "city-center-of", "heart-of", "out-of-villages-near"],
)
def test_a_part_of_a_place_leads_on_to_the_place(mini_pipeline, text: str, origin: str | None,
                                                 destination: str | None) -> None:
    assert [(o, d) for _, o, d in _moves(mini_pipeline, text)] == [(origin, destination)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination", "status"),
    [
        ("French troops are due to leave Libya before the spring.\n", "Libya", None, "possible"),
        ("The frigates are likely to sail to Lebanon next week.\n", None, "Lebanon", "possible"),
        ("The general ordered two battalions into Tripoli on Monday.\n", None, "Tripoli", "reported"),
        ("The commander ordered troops to withdraw from Tripoli.\n", "Tripoli", None, "possible"),  # once
        ("The unit was ordered to pull back to Tripoli.\n", None, "Tripoli", "possible"),
    ],
    ids=["due-to-leave", "likely-to-sail", "ordered-X-into", "ordered-to-withdraw", "was-ordered-to-pull-back"],
)
def test_forces_due_or_ordered_to_move(mini_pipeline, text: str, origin: str | None, destination: str | None,
                                       status: str) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [(m.origin.mention.text if m.origin else None, m.destination.mention.text if m.destination else None,
             m.status) for m in moves] == [(origin, destination, status)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The court ordered the company to pay damages in Tripoli.\n",
        "The minister ordered an inquiry into the incident in Tripoli.\n",
        "The bill is due to pass the Senate next week.\n",
    ],
    ids=["ordered-to-pay", "ordered-an-inquiry", "bill-due-to-pass"],
)
def test_what_is_ordered_or_due_that_is_no_movement(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The rebels' advance on Tripoli stalled on Friday.\n", None, "Tripoli"),
        ("The brigade's withdrawal from Tripoli was completed on Monday.\n", "Tripoli", None),
        ("Government troops chased the insurgents across the river into Libya.\n", None, "Libya"),
    ],
    ids=["rebels-advance-on", "brigades-withdrawal", "chased-into"],
)
def test_a_force_possessing_a_motion_noun_and_a_chase(mini_pipeline, text: str, origin: str | None,
                                                      destination: str | None) -> None:
    assert [(o, d) for _, o, d in _moves(mini_pipeline, text)] == [(origin, destination)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["The army's budget for Tripoli was cut.\n", "The police chased the thieves into Libya.\n",
     "Investors praised Frigate's move to Lebanon last year.\n"],  # a company named like a force word
    ids=["armys-budget", "police-chased-thieves", "company-named-frigate"],
)
def test_what_a_possessor_or_a_chase_does_not_move(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The last French soldiers returned home from Libya on Friday.\n", "Libya", "France"),
        ("Japanese troops flew home from Lebanon last week.\n", "Lebanon", "Japan"),
        ("The last French troops returned to Libya on Friday.\n", None, "Libya"),  # no "home"
    ],
    ids=["returned-home-from", "flew-home-from", "returned-to"],
)
def test_home_is_the_forces_own_country(mini_pipeline, text: str, origin: str | None, destination: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    names = [(r.place.name if r is not None and r.place is not None else None) for r in (move.origin, move.destination)]
    assert names == [origin, destination]


@pytest.mark.model
@pytest.mark.full
def test_a_camps_namesake_outside_the_story_is_no_unlisted_end(pipeline) -> None:
    """ "Camp X" named after a person: its namesake (a town of the real gazetteer, outside the story)
    is left unresolved on purpose, not as a village the gazetteer lacks, so it is no end named "X"."""
    moves = analyse(pipeline, _body("Soldiers were flown to Camp Ashwood in Norway on Monday.\n")).movements
    assert "Ashwood" not in [r.mention.text for m in moves for r in (m.origin, m.destination) if r is not None]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "origin", "destination", "status"),
    [
        ("The battalion moved to positions 20 km from Tripoli on Monday.\n", None, "Tripoli", "reported"),
        ("The battalion withdrew to a camp 10 miles away from Tripoli.\n", None, "Tripoli", "reported"),
        ("The battalion moved from Tripoli to Lebanon.\n", "Tripoli", "Lebanon", "reported"),  # no distance
        ("Under the truce the gunmen must move north of the Zembu River, about 40 km from Tripoli.\n", None,
         "Zembu River", "possible"),  # the side of a river the gazetteer lacks wins over a distance's landmark
    ],
    ids=["km-from", "miles-away-from", "from-to", "must-move-north-of"],
)
def test_a_distance_from_a_place_is_no_origin(mini_pipeline, text: str, origin: str | None, destination: str,
                                              status: str) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [(m.origin.mention.text if m.origin else None, m.destination.mention.text if m.destination else None,
             m.status) for m in moves] == [(origin, destination, status)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "role", "name", "resolved"),
    [
        ("The destroyer docked at Kelbora Bay on Friday.\n", "destination", "Kelbora Bay", False),
        ("Two frigates sailed to Tripoli Shoal on Monday.\n", "destination", "Tripoli Shoal", False),  # no town
        ("Several tanks pulled back toward the Dembaroke crossing after dark.\n", "destination",
         "Dembaroke", False),  # "toward" hung on "back"
        ("Gang fighters stormed into the central Burmese town of Kan on Monday.\n", "destination", "Kan", True),
    ],
    ids=["X-Bay", "X-Shoal-not-the-town-X", "the-X-crossing", "stormed-into-the-town-of-a-small-town"],
)
def test_a_name_that_says_it_is_a_place(mini_pipeline, text: str, role: str, name: str, resolved: bool) -> None:
    ends = [getattr(m, role) for m in analyse(mini_pipeline, _body(text)).movements]
    assert [(r.mention.text, r.place is not None) for r in ends if r is not None] == [(name, resolved)]


@pytest.mark.model
def test_storming_a_building_is_no_movement(mini_pipeline) -> None:
    assert _moves(mini_pipeline, "Militia fighters stormed the police station in Tripoli on Monday.\n") == []


@pytest.mark.model
@pytest.mark.full
def test_a_small_town_the_text_calls_a_town_is_an_end(pipeline) -> None:
    """A town under the size a lone name needs, named by "the town of X" on a movement: the real
    gazetteer knows it, small as it is."""
    [move] = analyse(pipeline, _body("Rebel fighters pushed into the desert town of Tessalit on Monday.\n")).movements
    assert move.destination is not None and move.destination.place is not None
    assert move.destination.place.name == "Tessalit"


@pytest.mark.model
def test_an_unlisted_end_in_a_known_place_is_drawn_at_that_place(mini_pipeline) -> None:
    """ "to the X Shoal in the Black Sea": the shoal is not in the gazetteer, the sea is, and the map
    can draw the sea."""
    [move] = analyse(mini_pipeline, _body("Two patrol boats sailed to the Kelbora Shoal in the Black Sea on Sunday.\n")
                     ).movements
    assert move.destination is not None and move.destination.place is not None
    assert move.destination.place.name == "Black Sea"
    assert move.destination.mention.text == "Kelbora Shoal"  # the end keeps the text's own name


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin", "destination"), [
    ("The last paratroopers left Markovo Air Base in April.", "Markovo Air Base", None),
    ("Government tanks rolled into the Karm Zeitoun neighbourhood at noon.", None, "Karm Zeitoun"),
    ("Fighters returned to the Wagner camp near Odesa, a source said.", None, "Odesa"),  # a group's camp
], ids=["air-base-named-whole", "the-name-before-its-kind", "a-camp-named-for-its-owner"])
def test_a_name_its_last_word_calls_a_place_is_an_end(mini_pipeline, text: str, origin: str | None,
                                                     destination: str | None) -> None:
    assert _only_move_ends(mini_pipeline, text) == (origin, destination)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "destination"), [
    ("Armoured units pushed toward the Kakhovka Dam on Thursday, a commander said.", "Kakhovka"),
    ("Militants retreated to a Hamas training camp in Gaza, the army said.", "Gaza"),  # not Hamm, Germany
], ids=["a-dam-at-its-town", "a-body-before-a-site-is-no-town"])
def test_a_site_named_after_a_town_or_a_body(pipeline, text: str, destination: str) -> None:
    [move] = analyse(pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.place is not None
    assert move.destination.place.name == destination


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin", "destination"), [
    ("Border guards moved into the rural municipality of Odesa last spring.", None, "Odesa"),
    ("Militia fighters advanced from the settlement of Kursk at dawn.", "Kursk", None),
    ("Officers had withdrawn from the Odesa police station, a spokesman said.", "Odesa", None),
    ("Troops pulled back to the Kyiv railway station overnight.", None, "Kyiv"),
    ("Armoured units entered the neighbourhood of Kursk on Sunday.", None, "Kursk"),
    ("Armoured units entered the neighborhood of Kursk on Sunday.", None, "Kursk"),
    ("The last soldiers left the Odesa checkpoint on Monday.", "Odesa", None),
    ("Marines withdrew from the Kyiv headquarters overnight.", "Kyiv", None),
], ids=["municipality-of", "settlement-of", "police-station", "railway-station", "neighbourhood-of",
        "neighborhood-of", "checkpoint", "headquarters"])
def test_more_kinds_and_sites_of_places(mini_pipeline, text: str, origin: str | None,
                                        destination: str | None) -> None:
    assert _only_move_ends(mini_pipeline, text) == (origin, destination)


@pytest.mark.model
def test_a_place_qualifying_a_station_of_no_movement_is_no_end(mini_pipeline) -> None:
    assert _moves(mini_pipeline, "Rebels seized the Kyiv railway station overnight.") == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin"), [
    ("France started withdrawing two battalions through Odesa last week.", None),
    ("France sent two battalions through Odesa to Kyiv last week.", "France"),
], ids=["a-state-withdrawing-is-no-origin", "a-state-sending-is"])
def test_the_sending_state_is_the_origin_only_of_what_it_sends(mini_pipeline, text: str,
                                                               origin: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.origin.place.name if move.origin else None) == origin
    assert [r.mention.text for r in move.via] == ["Odesa"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Two reconnaissance planes flew into Japan's air defence identification zone at noon.",
    "A frigate sailed into Japan's exclusive economic zone at night.",
], ids=["possessor-zone", "economic-zone"])
def test_a_states_zone_is_its_territory(mini_pipeline, text: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.place.name == "Japan"


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("A mortar platoon left the old cavalry barracks in Kyiv on Tuesday.", [("mortar platoon", "Kyiv", None)]),
    ("Marines entered the air base at Odesa on Friday.", [("Marines", None, "Odesa")]),
    ("Officers left the talks in Kyiv early, a spokesman said.", []),  # no site: no place of a movement
], ids=["barracks-in", "base-at", "no-site"])
def test_a_place_hung_on_the_verb_after_its_site_object(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("Marines landed at Vladivostok in May. Reinforcements were later sent into the province.", "Primorye"),
    ("Marines landed at Vladivostok in May. Reinforcements were later sent into the country.", None),
], ids=["the-province-of-the-town", "the-country-is-not-read-so"])
def test_the_province_a_town_lies_in(mini_pipeline, text: str, destination: str | None) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    later = [m for m in moves if m.trigger == "sent"]
    assert [m.destination.place.name for m in later if m.destination] == ([destination] if destination else [])


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("A tank column moved along a dirt road towards Kursk at night.", [("tank column", None, "Kursk")]),
    ("The convoy moved along the coastal highway towards Odesa.", [("convoy", None, "Odesa")]),
    ("Troops blocked the road from Odesa on Monday.", []),  # no motion word: a road is no movement
], ids=["along-the-road-towards", "up-the-highway-to", "a-road-alone"])
def test_a_road_leads_to_the_movements_end(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "count"), [
    ("Norway will fly military observers to Libya in June.", 1),
    ("The UN will send a peacekeeping mission to Libya next month.", 1),
    ("France sent army instructors to Odesa in May.", 1),
    ("Britain sent military advisers to Kyiv in March.", 1),
    ("Britain sent military advisors to Kyiv in March.", 1),
    ("Canada flew army trainers to Odesa in June.", 1),
    ("The EU sent a trade mission to Kyiv last week.", 0),
    ("Japan sent observers to the election in Kyiv.", 0),
], ids=["military-observers", "peacekeeping-mission", "army-instructors", "military-advisers", "military-advisors",
        "army-trainers", "trade-mission", "election-observers"])
def test_words_that_are_forces_with_a_military_modifier(mini_pipeline, text: str, count: int) -> None:
    assert len(analyse(mini_pipeline, _body(text)).movements) == count


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    ("The guided-missile destroyer sailed to Odesa on Friday.", "guided-missile destroyer"),
    ("A 25-year-old paratrooper was sent into Odesa in May.", "25-year-old paratrooper"),
    ("Some 300 soldiers were sent into Odesa in May.", "soldiers"),  # a size, not part of the force's name
], ids=["hyphenated-modifier", "number-inside-a-word", "a-size"])
def test_the_force_is_named_as_written(mini_pipeline, text: str, actor: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.actor == actor


@pytest.mark.model
@pytest.mark.parametrize(("text", "via", "destination"), [
    ("Two brigades crossed the Euphrates River overnight.", "Euphrates River", None),  # a river it lacks
    ("Two brigades crossed the Kursk river overnight.", "Kursk river", None),  # named like a town
    ("Troops withdrew to the Odesa river on Monday.", None, "Odesa river"),
    ("Troops moved to the Odesa front on Monday.", None, "Odesa"),  # no water word: the town
], ids=["a-river-it-lacks", "a-river-named-like-a-town", "to-a-river-named-like-a-town", "front"])
def test_a_river_is_no_town(mini_pipeline, text: str, via: str | None, destination: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert [r.mention.text for r in move.via] == ([via] if via else [])
    assert (move.destination.mention.text if move.destination else None) == destination


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "via"), [
    ("Two brigades crossed the Dnipro River overnight.", "Dnipro River"),
    ("Boats carrying troops crossed the Kakhovka Lake overnight.", "Kakhovka Lake"),
    ("Two brigades crossed the Vovcha river overnight.", "Vovcha"),
], ids=["x-river", "x-lake", "the-x-river"])
def test_a_river_or_lake_the_gazetteer_lacks_is_passed_through(pipeline, text: str, via: str) -> None:
    [move] = analyse(pipeline, _body(text)).movements
    assert [r.mention.text for r in move.via] == [via]


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin"), [
    ("Insurgents entered Buulo Mareer, a farming town in the south, on Friday. Soldiers had left the town "
     "a day earlier.", "Buulo Mareer"),  # a town the gazetteer lacks, by its own name
    ("Rebels shelled Odesa, a port city in the south, overnight. Marines later withdrew from the city.", "Odesa"),
    ("Rebels crossed into Japan on Friday. Marines later withdrew from the town.", None),  # no town named
], ids=["unlisted-town-in-apposition", "listed-city-in-apposition", "no-town"])
def test_the_town_refers_to_the_town_the_text_introduced(mini_pipeline, text: str, origin: str | None) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    withdrawals = [m for m in moves if m.trigger in ("left", "withdrew")]
    named = [(m.origin.place.name if m.origin.place else m.origin.mention.text) for m in withdrawals if m.origin]
    assert named == ([origin] if origin else [])


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "TOKYO — Militants entered the town of Odesa on Friday, residents said.",
    "KYIV — Insurgents entered the town of Odesa on Friday, residents said.",
    "TOKYO — Gunmen entered Odesa on Friday, residents said.",
], ids=["plural-read-as-a-name", "another-plural", "gunmen"])
def test_a_dateline_is_no_force_and_no_sender(mini_pipeline, text: str) -> None:
    [move] = analyse(mini_pipeline, text + "\n").movements
    assert move.origin is None and move.destination is not None and move.destination.place.name == "Odesa"


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    # the parser takes a plural opening a sentence for a name
    ("Bombers were sent to Odesa on Monday, the ministry said.", "Bombers"),
    ("Guerrillas crossed into Libya overnight, officials said.", "Guerrillas"),
], ids=["bombers", "guerrillas"])
def test_a_plural_force_opening_a_sentence_is_a_force(mini_pipeline, text: str, actor: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.actor == actor


@pytest.mark.model
def test_a_name_opening_a_sentence_is_no_plural_force(mini_pipeline) -> None:
    assert analyse(mini_pipeline, _body("Marcus flew to Odesa on Monday, the ministry said.")).movements == ()


@pytest.mark.model
@pytest.mark.full
def test_a_dateline_the_parser_makes_a_subject_sends_no_one(pipeline) -> None:
    text = "MOGADISHU — Militants entered the town of Buulo Mareer on Friday, residents said.\n"
    [move] = analyse(pipeline, text).movements  # a town the gazetteer lacks: no country of its own to compare
    assert move.origin is None and move.destination is not None and move.destination.mention.text == "Buulo Mareer"


@pytest.mark.model
@pytest.mark.parametrize(("text", "end"), [
    # a site with a place phrase of its own is in that place, not in its owner
    ("Japanese warships left Japan's naval base in Odesa.", "Odesa"),
    ("Marines were sent to France's base in Odesa.", "Odesa"),
    ("Troops arrived at Kyiv's checkpoint near Odesa.", "Odesa"),
    # a name's namesake town yields to the place the text gives it
    ("Soldiers were sent to the Paris Camp in Odesa.", "Odesa"),
    ("Soldiers were sent to the Paris Barracks in Odesa.", "Odesa"),
    ("Troops were moved to the Paris Airfield near Odesa.", "Odesa"),
    ("Two jets landed at the Paris Airstrip near Odesa.", "Odesa"),
    ("Landing ships sailed out of France's Paris Harbour last week.", "Paris"),  # named after a town of its owner
], ids=["country-base-in", "country-base-in-2", "town-checkpoint-near", "camp-in", "barracks-in", "airfield-near",
        "airstrip-near", "owner-of-its-namesake"])
def test_the_place_the_text_gives_a_site_wins(mini_pipeline, text: str, end: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    got = move.destination or move.origin
    assert got is not None and got.place is not None and got.place.name == end


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Rebels moved into the French zone of the city on Monday.",  # a zone named for who holds it
    "Japanese troops passed Odesa to the militia in March.",  # passed on: handed over, not passed through
], ids=["nationality-zone", "passed-to"])
def test_what_those_site_and_passage_rules_do_not_catch(mini_pipeline, text: str) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert all(m.destination is None or m.destination.place is None or m.destination.place.name != "France"
               for m in moves)
    assert all(not m.via for m in moves)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "destination"), [
    ("Kurdish fighters took Raqqa in June. Officials in Washington said Turkish troops had moved into the province.",
     "Ar Raqqah"),
    ("Militants seized Ramadi last week. Reinforcements were sent to the province on Monday.", "Al-Anbar"),
], ids=["not-the-speakers-city", "the-towns-province"])
def test_the_province_is_that_of_a_town_of_the_story(pipeline, text: str, destination: str) -> None:
    moves = [m for m in analyse(pipeline, _body(text)).movements if m.trigger in ("moved", "sent")]
    assert [m.destination.place.name for m in moves if m.destination and m.destination.place] == [destination]


@pytest.mark.model
@pytest.mark.full
def test_a_town_of_several_words_owns_its_harbour(pipeline) -> None:
    [move] = analyse(pipeline, _body("Two frigates sailed out of Port Sudan's harbour on Monday.")).movements
    assert move.origin is not None and move.origin.place is not None and move.origin.place.name == "Port Sudan"


@pytest.mark.model
@pytest.mark.full
def test_site_passage_and_province_rules_on_the_real_gazetteer(pipeline) -> None:
    """The same rules where the real gazetteer gives them something to get wrong."""
    [move] = analyse(pipeline, _body("Troops arrived at Kyiv's checkpoint near Odesa.")).movements
    assert move.destination is not None and move.destination.place.name == "Odesa"  # not the owner, Kyiv
    assert not analyse(pipeline, _body("Japanese troops passed Odesa to the militia in March.")).movements
    text = "Rebels seized Mosul last week. Officials in Baghdad said troops were sent into the province."
    [move] = analyse(pipeline, _body(text)).movements
    assert move.destination is not None and move.destination.place.name == "Ninawa"  # not the speakers' city's


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("Libya held talks on Monday. Libya was calm, and Libya's ports were open. Armed convoys entered the capital "
     "overnight.", "Tripoli"),
    ("Marines landed near Kyiv on Monday. Two days later the marines entered the capital.", "Kyiv"),
    ("Armed convoys entered the capital overnight.", None),  # no country to have one
    ("Libya held talks on Monday. Libya was calm, and Libya's ports were open. Envoys later met in Moscow. Armed "
     "convoys entered the capital overnight.", "Tripoli"),  # a capital named for talks is not the story's
    ("Libya held talks on Monday. Libya was calm, and Libya's ports were open. Armed convoys entered the provincial "
     "capital overnight.", None),  # no national capital
], ids=["the-story-countrys-capital", "the-capital-named-last", "no-country", "talks-elsewhere", "provincial"])
def test_the_capital_is_the_capital_named_last_or_the_storys(mini_pipeline, text: str,
                                                             destination: str | None) -> None:
    moves = [m for m in analyse(mini_pipeline, _body(text)).movements if m.trigger == "entered"]
    assert [m.destination.place.name for m in moves if m.destination and m.destination.place] == (
        [destination] if destination else [])


@pytest.mark.model
def test_near_a_capital_the_text_never_names_is_no_destination(mini_pipeline) -> None:
    text = "Libya held talks on Monday. Libya was calm, and Libya's ports were open. Rebels massed near the capital."
    moves = [m for m in analyse(mini_pipeline, _body(text)).movements if m.trigger == "massed"]
    assert all(m.destination is None or m.destination.place.name != "Tripoli" for m in moves)


@pytest.mark.model
@pytest.mark.parametrize(("text", "count"), [
    ("A convoy of soldiers arrived in Kyiv from Odesa on Sunday after travelling through Kursk.", 1),
    ("A convoy of soldiers travelled through Kursk on Sunday.", 1),  # a passage told alone is a movement
    ("Several human rights officers were sent to Kyiv after the massacre.", 0),
    ("Several police officers were sent to Kyiv after the massacre.", 1),
], ids=["way-of-an-arrival", "passage-alone", "human-rights-officers", "police-officers"])
def test_a_passage_beside_an_arrival_and_investigators(mini_pipeline, text: str, count: int) -> None:
    assert len(analyse(mini_pipeline, _body(text)).movements) == count


@pytest.mark.model
@pytest.mark.parametrize(("headline", "moves"), [
    # the parser reads the headline's verb as a plural noun, or the force as a compound of it
    ("Japanese destroyer sails into Odesa", [("Japanese destroyer", None, "Odesa")]),
    ("Tank battalion heads to Tripoli", [("Tank battalion", None, "Tripoli")]),
    ("Japanese frigate sails to Odesa for repairs", [("Japanese frigate", None, "Odesa")]),  # a force tagged a verb
    ("Carrier strike group moves toward Tripoli", [("Carrier strike group", None, "Tripoli")]),  # with its modifier
    ("Second carrier group heads for Tripoli", [("carrier group", None, "Tripoli")]),  # "for" after a heading verb
    # a motion word with a verb of its own above it stays a noun; "ships" is mostly a noun
    ("Army heads from Japan met in Kyiv on Monday", []),
    ("Navy ships to Odesa in numbers", []),
    # the verb read as a noun between the sender and the force it sends
    ("Navy airlifts marines into Odesa", [("marines", None, "Odesa")]),
    ("Japan rushes frigates into Odesa as talks stall", [("frigates", "Japan", "Odesa")]),
    ("Senate rushes troops bill to a vote", []),
    ("Tokyo ships 400 more paratroopers into Odesa", [("paratroopers", "Tokyo", "Odesa")]),  # conveying, a size
    # the force read as the verb and the verb as its object: the tree is turned round, never made a cycle
    ("Coalition frigates reposition to Tripoli", [("Coalition frigates", None, "Tripoli")]),
    ("NATO destroyers reposition to Odesa as Japan moves submarines to Kyiv",
     [("NATO destroyers", None, "Odesa"), ("submarines", "Japan", "Kyiv")]),
    # "docks at", "races to", "transits": a ship's verbs; "at" and "in" after a verb that stations
    ("Japanese frigate docks at Odesa", [("Japanese frigate", None, "Odesa")]),
    ("Japanese warship races to Tripoli", [("Japanese warship", None, "Tripoli")]),
    ("Navy docks at Odesa were flooded on Monday", []),  # the noun is a later verb's subject
    # a force word with no article, tagged as an adjective where a noun stands
    ("Japan sends frigate to Odesa after talks fail", [("frigate", "Japan", "Odesa")]),
    ("Japan deploys destroyer to Odesa", [("destroyer", "Japan", "Odesa")]),
    ("Japan sends cargo to Odesa", []),  # no force word
], ids=["sails-read-as-noun", "force-as-compound", "force-as-verb", "conditional-force", "heads-for",
        "noun-with-a-verb", "mostly-a-noun", "sender-verb-force", "sender-verb-force-clause", "no-preposition-after",
        "conveying-verb-and-size", "force-read-as-the-verb", "force-read-as-the-verb-and-a-clause", "docks-at",
        "races-to", "docks-a-noun", "sends-frigate", "deploys-destroyer", "sends-cargo"])
def test_a_headlines_motion_verb_read_as_a_noun(mini_pipeline, headline: str, moves: list) -> None:
    analysis = analyse(mini_pipeline, headline + "\n\nThe ministry gave no further details on Monday.\n")
    assert [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None) for m in analysis.movements] == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    # a name the gazetteer lacks, made a place by the kind of feature it names
    ("Each night the army sent more tanks to the Dabora crossing.", "Dabora"),  # a dative "to"
    ("Japan sent extra marines to the Tindraft border crossing in a hurry.", "Tindraft"),  # compounds
    ("Rebel fighters withdrew into the Kalvari mountains after the clash.", "Kalvari"),
    ("The brigade advanced toward the Seluma valley at dawn.", "Seluma"),
    # a town's name before a feature of nature names the feature, not the town
    ("Japanese troops pushed into the Tripoli hills overnight.", "Tripoli hills"),
    ("Japanese troops pushed into the Tripoli suburbs overnight.", "Tripoli"),  # a site of the town
    # a region's name before a feature of nature keeps the region
    ("Japanese troops pushed into the Libya desert overnight.", "Libya"),
], ids=["crossing-dative", "border-crossing", "mountains", "valley", "town-hills", "town-suburbs",
        "region-desert"])
def test_ends_named_by_the_kind_of_feature(mini_pipeline, text: str, destination: str) -> None:
    assert [d for _, _, d in _moves(mini_pipeline, text)] == [destination]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    ("TOKYO – Japanese marines landed in Libya on Monday, officials said.\n", "Japanese marines"),
    ("Africa » Japanese marines reach Tripoli\n\nNo details were given on Monday.\n", "Japanese marines"),
    ("French-led coalition troops landed in Libya on Monday.\n", "French-led coalition troops"),  # a hyphen stays
    ("The Japanese\u2013French brigade landed in Libya on Monday.\n", "Japanese\u2013French brigade"),  # an en dash
    # a list's bullet
    ("Key points\n- Japanese marines reach Tripoli\n- Talks resume in Rome\n\nNo details were given on Monday.\n",
     "Japanese marines"),
    ("Latest\n\u2022 Marine units land in Libya\n\u2022 Talks resume in Rome\n\nNo details were given on Monday.\n",
     "Marine units"),
], ids=["dateline", "breadcrumb", "hyphen", "en-dash-in-a-name", "bullet", "bullet-dot"])
def test_a_dateline_or_breadcrumb_is_no_part_of_the_forces_name(mini_pipeline, text: str, actor: str) -> None:
    assert [m.actor for m in analyse(mini_pipeline, text).movements] == [actor]


@pytest.mark.model
@pytest.mark.parametrize(("text", "move"), [
    # "there" on the site a force left, or after a verb that leaves, is where it left
    ("The rebels held Odesa for a month. Then their fighters moved from the camps there to Kyiv.",
     ("their fighters", "Odesa", "Kyiv")),
    ("Japan reinforced Tripoli in May. By June its marines had left their posts there.",
     ("its marines", "Tripoli", None)),
    # a withdrawal "there" goes there
    ("The rebels lost Kyiv and fled to the hills near Odesa. The fighters withdrew there on Monday.",
     ("fighters", None, "Odesa")),
], ids=["moved-from-the-camps-there", "left-posts-there", "withdrew-there"])
def test_there_after_a_withdrawal_is_the_origin(mini_pipeline, text: str, move: tuple) -> None:
    assert move in _moves(mini_pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "ODESA – The rebels moved from their camps there on Friday, a spokesman said.\n",
    "KYIV, Ukraine (Wire) – Japanese marines left their posts there on Friday, officials said.\n",
], ids=["dateline-city", "dateline-country"])
def test_there_never_stands_for_the_dateline(mini_pipeline, text: str) -> None:
    origins = [m.origin.mention.text for m in analyse(mini_pipeline, text).movements if m.origin is not None]
    assert origins == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a gerund completing the object of a verb whose subject is the force
    ("The marines have no plans for entering Odesa this year.", [("marines", None, "Odesa", "denied")]),
    ("Japanese troops have plans for moving into Libya next year.", [("Japanese troops", None, "Libya", "possible")]),
    ("Japanese marines landed at dawn. They have no plans for reaching Odesa, an officer said.",
     [("Japanese marines", None, "Odesa", "denied")]),
    ("The minister had no intention of leaving Kyiv.", []),  # no force
    ("The soldiers shared memories of leaving Kyiv in the spring.", []),  # no noun of intent
    # a conjunct verb's force is its first verb's subject
    ("The brigade crossed the river and has no plans for entering Odesa.", [("brigade", None, "Odesa", "denied")]),
    ("The minister arrived and had no plans for leaving Kyiv.", []),
], ids=["plans-for-entering", "plans-for", "pronoun", "no-force", "no-intent", "conjunct", "conjunct-no-force"])
def test_a_gerund_after_the_forces_object_noun(mini_pipeline, text: str, moves: list) -> None:
    assert [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None, m.status)
            for m in analyse(mini_pipeline, _body(text)).movements] == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "destinations"), [
    ("Officials said any frigate sailing toward Tripoli would be fired upon.\n", []),
    ("Any troops crossing into Libya would be met with force, the minister said.\n", []),
    ("Two warships headed to Tripoli on Monday.\n", ["Tripoli"]),
    ("Officials rejected reports that any units had crossed into Libya.\n", ["Libya"]),  # denied, not a kind
    ("Japan has not sent any soldiers to Libya, the ministry said.\n", ["Libya"]),

], ids=["any-ship", "any-troops", "a-number", "denied-that-any", "not-any"])
def test_any_force_names_a_kind_not_a_force_that_moves(mini_pipeline, text: str, destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
def test_any_force_that_moved_is_a_movement(mini_pipeline) -> None:
    text = "Any troops that crossed into Libya on Monday were pulled back by nightfall.\n"
    assert "crossed" in [m.trigger for m in analyse(mini_pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.parametrize(("text", "origins"), [
    ("Two battalions left the Tokyo barracks in Kursk on Monday.\n", ["Kursk"]),  # a namesake of another country
    ("Two battalions left the Kursk barracks on Monday.\n", ["Kursk"]),
    ("Two battalions left the Kursk air base in Russia on Monday.\n", ["Kursk"]),  # a place of that country
    ("Two battalions left the Kursk front near Kyiv on Monday.\n", ["Kursk"]),  # near: the front is at Kursk
], ids=["named-site-placed", "named-site-alone", "named-site-in-its-country", "named-site-near"])
def test_a_place_name_naming_a_site_placed_elsewhere_is_no_end(mini_pipeline, text: str, origins: list[str]) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [m.origin.place.name for m in moves if m.origin and m.origin.place] == origins


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "there"), [
    ("Ukrainian units were sent to the Bakhmut district of Donetsk region after Russian forces pushed into "
     "several villages there.", "Bakhmut"),
    ("Militants were pushed back from the Russian-held area of Donetsk region after Ukrainian troops moved into "
     "several villages there.", "Donets'k"),
], ids=["district-of-region", "a-nationality-is-no-place"])
def test_there_is_the_place_not_the_region_that_holds_it(pipeline, text: str, there: str) -> None:
    moves = analyse(pipeline, _body(text)).movements
    assert moves[-1].destination is not None and moves[-1].destination.place.name == there


@pytest.mark.model
@pytest.mark.parametrize(("text", "destinations"), [
    ("Troops were flown to the Libyan capital on Monday.\n", ["Tripoli"]),
    ("Japan sent troops to Libya's capital on Monday.\n", ["Tripoli"]),
    ("Troops were sent to the provincial capital on Monday.\n", []),
    ("Japan sent troops to the North Korean capital.\n", ["Pyongyang"]),  # the whole nationality
    ("Troops moved into Russia's northern capital on Friday.\n", []),  # another word qualifies it
], ids=["nationality", "possessor", "provincial", "two-word-nationality", "qualified"])
def test_a_countrys_capital_named_by_its_nationality_or_possessor(mini_pipeline, text: str,
                                                                  destinations: list[str]) -> None:
    assert _destinations(mini_pipeline, text) == destinations


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Both sides pulled their troops back from the heights near Kursk.\n", [(("Kursk",), None)]),
    ("Troops withdrew from a ridge near Odesa on Monday.\n", [(("Odesa",), None)]),
    ("Troops withdrew from the hilltops near Odesa on Monday.\n", [(("Odesa",), None)]),
    ("Two fighter jets took off for Tripoli at dawn.\n", [(None, "Tripoli")]),  # took off for
    ("A convoy transporting mortar shells reached Tripoli.\n", [(None, "Tripoli")]),  # a military load
    ("A convoy of heating systems and generators reached Tripoli.\n", []),
    ("A convoy carrying tents drove to Tripoli.\n", []),
], ids=["heights", "ridge", "hilltops", "took-off-for", "convoy-carrying-shells", "convoy-of-systems",
        "convoy-carrying-tents"])
def test_high_ground_aircraft_taking_off_and_convoys_carrying_weapons(mini_pipeline, text: str, moves: list) -> None:
    found = analyse(mini_pipeline, _body(text)).movements
    assert [((m.origin.mention.text,) if m.origin else None, m.destination.mention.text if m.destination else None)
            for m in found] == moves


@pytest.mark.model
def test_a_passage_before_reaching_an_end_is_that_movements_way(mini_pipeline) -> None:
    text = _body("The armoured brigade moved through Odesa on Sunday before reaching Kyiv.\n")
    [move] = analyse(mini_pipeline, text).movements
    assert move.destination.mention.text == "Kyiv"
    assert [r.mention.text for r in move.via] == ["Odesa"]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    ("Russian troops returned to the Belgorod base near Kharkiv.", [(None, "Belgorod")]),  # near: at the base
    ("Russian troops left the Kursk front near Sumy on Friday.", [("Kursk", None)]),
    ("The militia sent reinforcements to Nasrallah on Monday.", []),  # a small town of a country not named
], ids=["base-near", "front-near", "small-town-of-another-country"])
def test_a_site_near_a_place_is_at_its_own_name_and_a_foreign_small_town_is_no_end(pipeline, text: str,
                                                                                    ends: list) -> None:
    moves = analyse(pipeline, _body(text)).movements
    assert [(m.origin.mention.text if m.origin else None, m.destination.mention.text if m.destination else None)
            for m in moves if m.origin or m.destination] == ends


@pytest.mark.model
def test_a_passage_denied_beside_a_movement_stays_a_movement_of_its_own(mini_pipeline) -> None:
    moves = analyse(mini_pipeline, _body("Troops arrived in Kyiv but did not pass through Odesa.\n")).movements
    assert sorted(m.status for m in moves) == ["denied", "reported"]


def _written_ends(pipeline, text: str) -> list[tuple[str | None, str | None]]:
    """(origin, destination) as written of each movement the text gives."""
    return [(m.origin.mention.text if m.origin else None, m.destination.mention.text if m.destination else None)
            for m in analyse(pipeline, text).movements]


@pytest.mark.model
@pytest.mark.parametrize(("text", "ends"), [
    ("The navy moved two frigates to its northern port of Odesa last week.", [(None, "Odesa")]),
    ("The rebels pulled their fighters out of their old stronghold town of Kursk.", [("Kursk", None)]),
    ("Troops withdrew to Kyiv, officials in their home town of Odesa said.", [(None, "Kyiv")]),
], ids=["its-port-of", "their-town-of", "officials-in-their-town"])
def test_a_possessive_before_a_kind_of_place_still_leads_to_the_place(mini_pipeline, text: str, ends: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == ends


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Some 200 National Guard members were moved to Kursk on Monday.", 1),
    ("Two hundred militia members arrived in Odesa overnight.", 1),
    ("Two hundred party members travelled to Kyiv for the congress.", 0),
    ("Peace Corps members were evacuated from Kyiv to Odesa.", 0),  # a force word inside another name
    ("Hezbollah fighters fired at the border. Two companies of Hezbollah were moved to Kyiv.", 1),
    ("Hamas gunmen attacked a post. Later, three Hamas companies moved to Odesa.", 1),
    ("Two companies of the Tata group moved to Kyiv.", 0),
], ids=["guard-members", "militia-members", "party-members", "peace-corps-members",
        "companies-of-armed-group", "armed-group-companies",
        "companies-of-a-business"])
def test_members_and_companies_of_a_force_are_a_force(mini_pipeline, text: str, moves: int) -> None:
    assert len(analyse(mini_pipeline, _body(text)).movements) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Four Su-25s flew to Kursk from Moscow on Sunday.", [("Moscow", "Kursk")]),
    ("Two F-16s landed in Odesa, the air force said.", [(None, "Odesa")]),
    ("Two A4s were sent to Kyiv by courier.", []),  # no hyphen, not three digits: no designation
    ("B-2 visa holders arrived in Kyiv from Odesa.", []),  # a designation before a noun no aircraft's
    ("Thousands of H-2A workers arrived in Odesa from Kursk.", []),
    ("A 2008 Ford F-250 was driving south to Odesa.", []),  # more digits than a fighter's number has
    ("The A417 to Kursk will be closed tonight.", []),  # a road
    ("Two military transport planes carrying paratroopers touched down in Odesa at dawn.", [(None, "Odesa")]),
    ("Four fighter jets touched down at Kursk after the patrol.", [(None, "Kursk")]),
    ("Soldiers touched the wall of the fort in Odesa.", []),
    ("Additional army columns were inducted into Kursk on Sunday.", [(None, "Kursk")]),
    ("The army inducted three more battalions into Odesa.", [(None, "Odesa")]),
    ("The general was inducted into the hall of fame in Kyiv.", []),
], ids=["su-25s", "f-16s", "a4s", "b-2-visa-holders", "h-2a-workers", "ford-f-250", "a417-road",
        "planes-touched-down", "jets-touched-down", "touched-the-wall", "columns-inducted",
        "inducted-battalions", "inducted-general"])
def test_aircraft_by_designation_touching_down_and_columns_inducted(mini_pipeline, text: str, moves: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "destination"), [
    ("Police sent around 300 additional officers to Yahukimo regency in Highland Papua.", "Papua Pengunungan"),
    ("Ukraine sent two more brigades to Izium raion in Kharkiv region.", "Izyum"),  # the district's own town
], ids=["regency", "raion"])
def test_a_district_named_by_its_local_word_is_a_place_noun(pipeline, text: str, destination: str) -> None:
    [move] = analyse(pipeline, _body(text)).movements
    assert move.destination.place.name == destination


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The army moved two companies to Odesa on Friday.", [(None, "Odesa")]),
    ("The brigade sent a company into Kursk at dawn.", [(None, "Kursk")]),
    ("The border guard sent extra companies to Odesa.", [(None, "Odesa")]),  # a size word
    ("The conglomerate moved two companies to Odesa last year.", []),  # no force sends them
    ("The army sent a working group to Kyiv for talks.", []),  # a word of its own says what the group is
    ("The army sent a group of journalists to Kursk on a tour.", []),
], ids=["army-moved-companies", "brigade-sent-a-company", "additional-companies", "conglomerate-moved-companies",
        "working-group",
        "group-of-journalists"])
def test_a_unit_word_a_force_moves_is_its_unit(mini_pipeline, text: str, moves: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.parametrize(("headline", "moves"), [
    ("Brigade shifts three companies to Kursk after ambush", [("companies", "Kursk")]),  # read before its lemma
    ("Navy shifts two frigates into Odesa as talks stall", [("frigates", "Odesa")]),
    ("Navy airlifts two companies into Odesa", [("companies", "Odesa")]),  # what is sent, not the sender
    ("Bank shifts two companies to Kyiv", []),
], ids=["army-shifts-companies", "navy-shifts-frigates", "navy-airlifts-companies", "bank-shifts-companies"])
def test_a_headline_shifting_a_force(mini_pipeline, headline: str, moves: list) -> None:
    analysis = analyse(mini_pipeline, headline + "\n\nThe ministry gave no further details on Monday.\n")
    assert [(m.actor, m.destination.mention.text if m.destination else None) for m in analysis.movements] == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Russia deployed cruise missiles to Kursk last year.", [(None, "Kursk")]),  # the row's own word
    ("The navy moved its cruise missiles from Odesa to Kursk.", [("Odesa", "Kursk")]),
    ("The cruise liner sailed from Odesa to Kyiv.", []),  # "cruise" still makes a ship civilian
    ("Marchers demanded a pull-out of the Sikh Rifles from Odesa.", [("Odesa", None)]),
    ("The Gurkha Rifles were moved to Kursk on Monday.", [(None, "Kursk")]),
    ("Police seized rifles in Kursk.", []),
    ("Police moved the seized rifles to a warehouse in Odesa.", []),  # weapons, lower case: no regiment
    ("Two battalions bound for Kursk were seen near Moscow.", [(None, "Kursk")]),
    ("A convoy of tanks bound for Kyiv was seen near Odesa.", [(None, "Kyiv")]),
    ("The brigades are bound to Kyiv by a defence pact.", []),  # tied to, not going to
    ("The tanker was then taken to a mooring off Odesa.", []),  # "off" governs the mooring
], ids=["cruise-missiles-deployed", "cruise-missiles-moved", "cruise-liner", "sikh-rifles", "gurkha-rifles",
        "seized-rifles", "moved-seized-rifles", "battalions-bound-for", "convoy-bound-for",
        "bound-to-by-a-pact", "taken-to-a-mooring"])
def test_a_modifier_a_force_word_names_itself_regiments_and_forces_bound_for_a_place(mini_pipeline, text: str,
                                                                                      moves: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    ("In Kyiv, the guard has sent more soldiers along the frontier near Kursk.", "Kursk"),
    ("In Odesa, the navy deployed two more frigates at the port of Kursk.", "Kursk"),
    ("In Kyiv, the army deployed troops on Monday.", "Kyiv"),  # no place after the verb: the scene
], ids=["along-the-border-near", "at-the-port-of", "scene-only"])
def test_a_scene_set_before_the_verb_yields_to_a_place_after_it(mini_pipeline, text: str, destination: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.destination.mention.text == destination


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    ("Two warships sailed into the Strait of Hormuz on Monday. The destroyers left the strait on Friday.",
     [(None, "Strait of Hormuz"), ("Strait of Hormuz", None)]),
    ("Troops landed on Crete overnight. More marines were sent to the island on Sunday.",
     [(None, "Kriti"), (None, "Kriti")]),
    ("Marines landed on Crete. Tourists flocked to the island.", [(None, "Kriti")]),
    ("Troops left Kherson by boat and landed on the island at dawn.", [("Kherson", None)]),  # no town
    ("Warships crossed the Red Sea on Monday and entered the canal.", [(None, "Red Sea")]),  # no canal named
    ("The frigates entered the Suez Canal at dawn. Hours later two more warships crossed the canal.",
     [(None, "Suez Canal"), (None, "Suez Canal")]),  # through it
    # "the waterway" is the water named last; "the shoal", "the corridor" a place named with the word
    ("Rebel drones hit a freighter crossing the Gulf of Aden last week. On Monday two destroyers entered the waterway.",
     [(None, "Gulf of Aden")]),
    ("The frigate left the Black Sea in June and returned to the waterway on Friday.",
     [("Black Sea", None), (None, "Black Sea")]),
    ("Two destroyers entered the waterway on Monday.", []),  # no water named
    ("Boats were blocked near Scarborough Shoal on Monday. A frigate was later sent to the shoal.",
     [(None, "Scarborough Shoal")]),
    ("Troops took the Philadelphi corridor in May. Officials expect the troops to withdraw from the corridor.",
     [("Philadelphi Corridor", None)]),
    ("Officials expect the troops to withdraw from the corridor by June.", []),  # none named
    # "the base", "the crossing", "the port", "the district": one named with the word, or introduced by it
    ("Drones struck Incirlik Air Base on Monday. Two jets later left the base for Cyprus.",
     [("Incirlik Air Base", None)]),
    ("Protesters gathered at the Kerem Shalom crossing. Israeli troops later deployed to the crossing.",
     [(None, "Kerem Shalom crossing")]),
    ("Fighting closed the port of Hodeidah on Monday. Two frigates later sailed into the port.",
     [(None, "Al Ḩudaydah")]),
    ("Rebels took the district of Kupwara on Monday. The army later sent two battalions into the district.",
     [(None, "Kupwara")]),
    ("Troops left the base on Monday.", []),  # no base named
], ids=["the-strait", "the-island", "tourists-to-the-island", "island-not-the-town-left", "canal-not-a-sea",
        "the-canal", "the-waterway", "left-and-returned-to-the-waterway", "no-waterway-named", "the-shoal",
        "the-corridor", "no-corridor-named", "the-base", "the-crossing", "the-port", "the-district", "no-base-named"])
def test_the_strait_or_the_island_is_the_one_named_before(pipeline, text: str, ends: list) -> None:
    moves = analyse(pipeline, _body(text)).movements
    assert [(m.origin.place.name if m.origin else None,
             (m.destination or (m.via[0] if m.via else None)).place.name if m.destination or m.via else None)
            for m in moves] == ends


@pytest.mark.model
@pytest.mark.parametrize(("text", "via"), [
    ("Enemy drones flew low over Kursk throughout Sunday.", "Kursk"),
    ("Three corvettes sailed past Odesa on Monday.", "Odesa"),
    ("Two bombers crossed over Odesa before dawn.", "Odesa"),
    ("An armoured column drove past Kyiv at night.", "Kyiv"),
    ("The rebels fought over Kursk for months.", None),  # no movement
    ("Troops withdrew over the weekend from Kursk.", None),  # a time, not a place
], ids=["flew-over", "sailed-past", "crossed-over", "drove-past", "fought-over", "over-the-weekend"])
def test_a_place_flown_over_or_sailed_past_is_the_way(mini_pipeline, text: str, via: str | None) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [r.mention.text for m in moves for r in m.via] == ([via] if via else [])


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Several Il-76 transports flew from Moscow to Kursk on Sunday.", [("Moscow", "Kursk")]),
    ("Two KC-135 tankers landed in Odesa on Monday.", [(None, "Odesa")]),
    ("ESPS Cristina arrived in Odesa on Monday.", [(None, "Odesa")]),
    ("Tokyo dispatched JS Kaga from Odesa to shadow the group.", [("Odesa", None)]),
    ("The A4 paper shipments reached Kyiv.", []),
], ids=["designation-before-its-noun", "designation-before-tankers", "esps-prefix", "js-prefix", "paper-size"])
def test_aircraft_named_by_type_before_their_noun_and_more_warship_prefixes(mini_pipeline, text: str,
                                                                           moves: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Food is short in Kursk, the village the battalion abandoned in May.", [("Kursk", None)]),
    ("Kyiv, the city the rebels entered last year, is calm again.", [(None, "Kyiv")]),
    ("People returned to Kursk, the town the army shelled on Sunday.", []),  # shelling is no movement
    ("Since the truce the army has moved some 9,000 soldiers south of Kursk.", [(None, "Kursk")]),
    ("Japan moved two brigades to the north of Odesa last week.", [("Japan", "Odesa")]),  # from the sender
    ("Rebels moved their fighters east of Odesa on Friday.", [(None, "Odesa")]),
    ("The navy sent frigates to the west of Kursk.", [(None, "Kursk")]),
    ("Shops in Kursk were shut. The battalions pushed up to the lines north of the town.", [(None, "the town")]),
    ("The army shelled villages north of Kursk.", []),
    ("The army began its pullback from Odesa on Monday.", [("Odesa", None)]),
    ("The brigade completed its pullback from Kursk.", [("Kursk", None)]),
    ("The company announced a pullback from Odesa markets.", []),
    ("Small assault groups reached the outskirts of Kursk on Sunday.", [(None, "Kursk")]),
    ("Two infantry groups crossed into Odesa overnight.", [(None, "Odesa")]),
    ("Two focus groups travelled to Odesa.", []),
], ids=["the-village-the-battalion-abandoned", "the-city-the-rebels-entered", "the-town-the-army-shelled", "south-of",
        "to-the-north-of", "east-of", "to-the-west-of", "positions-north-of", "villages-north-of", "its-pullback",
        "completed-its-pullback", "pullback-from-markets",
        "assault-groups", "infantry-groups", "focus-groups"])
def test_zero_relatives_compass_points_pullbacks_and_assault_groups(mini_pipeline, text: str, moves: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The army ordered residents of Odesa to go to Kursk, he said.", []),  # the residents move
    ("The army has told everyone in the district to go to Kyiv.", []),
    ("The army asked villagers near Odesa to leave for Kyiv.", []),
    ("The militia urged families in Kursk to move to Odesa.", []),
    ("The army instructed civilians to go to Kyiv at once.", []),
    ("The advancing army forced whole families to flee to Odesa.", []),
    ("The army ordered its troops to withdraw from Kursk.", [("Kursk", None)]),  # the troops move
    ("The army decided to withdraw from Kursk.", [("Kursk", None)]),  # no one else is told: the army moves
], ids=["ordered-residents", "told-everyone", "asked-villagers", "urged-families", "instructed-civilians",
        "forced-people", "ordered-troops", "decided-to-withdraw"])
def test_who_is_told_to_go_moves_not_who_tells(mini_pipeline, text: str, moves: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    ("A chartered boat ferried fresh marines out to BRP Davao del Sur at Odesa.", [(None, "Odesa")]),
    ("Helicopters flew two teams of marines to the USS Bataan at Odesa.", [(None, "Odesa")]),
    ("Marines boarded HMS Kent at Odesa and sailed to Kursk.", [(None, "Kursk")]),  # the ship is no end here
], ids=["to-a-ship-at", "to-another-ship-at", "boarded-a-ship-at"])
def test_a_ship_a_force_goes_to_lies_where_the_text_puts_it(pipeline, text: str, moves: list) -> None:
    assert _written_ends(pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "places", "destination"), [
    ("Supply boats reached BRP Davao del Sur on Thursday.", [], None),  # a ship's name, not the province
    ("The amphibious ship USS Bataan docked at Odesa on Friday.", ["Odesa"], "Odesa"),
    ("Three reserve battalions will be raised this winter and sent to the occupied Donbas, releasing regular "
     "brigades for duty in Kharkiv.", ["Donbas", "Kharkiv"], "Donbas"),
    ("Two fresh brigades will be called up in autumn and sent to the occupied Crimea, releasing other units for "
     "patrols in Kherson.", ["Crimea", "Kherson"], "Crimea"),
    ("Ukraine moved units to the front while the occupied Crimea stayed calm.", ["Ukraine", "Crimea"], None),
    ("NAVY SENDS FRIGATE TO ITS ODESA BASE AFTER DRILLS", ["ODESA"], "ODESA"),  # capitals: "ITS" is no prefix
], ids=["brp-ship-name", "uss-ship-name", "occupied-donbas", "occupied-crimea", "liberated-subject",
        "headline-in-capitals"])
def test_a_ships_name_is_no_place_and_a_participle_before_a_place_passes(pipeline, text: str, places: list,
                                                                         destination: str | None) -> None:
    analysis = analyse(pipeline, _body(text))
    assert [r.mention.text for r in analysis.places if r.place is not None] == places
    assert [m.destination.mention.text for m in analysis.movements if m.destination] == (
        [destination] if destination else [])


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The destroyer is set to dock at Odesa before sailing on to Kursk in spring.",
     [("Odesa", "possible"), ("Kursk", "possible")]),
    ("The brigade plans to rest in Kyiv before moving to Odesa.", [("Odesa", "possible")]),
    ("The frigate did not refuel in Odesa before sailing to Kursk.", [("Kursk", "reported")]),  # it sailed
    ("The destroyer declined to stop in Odesa before sailing on to Kursk.", [("Kursk", "reported")]),
    ("The brigade rested in Kyiv before moving to Odesa.", [("Odesa", "reported")]),
    ("The minister is expected to speak in Kyiv before travelling to Odesa.", []),  # no force
], ids=["dock-before-sailing", "plans-before-moving", "did-not-refuel-before-sailing", "declined-to-stop-before",
         "rested-before-moving",
        "minister-before-travelling"])
def test_a_gerund_after_before_moves_with_the_verb_it_follows(mini_pipeline, text: str,
                                                                       moves: list) -> None:
    found = analyse(mini_pipeline, _body(text)).movements
    assert [((m.destination or m.origin).mention.text, m.status) for m in found] == moves


@pytest.mark.model
@pytest.mark.parametrize(("caption", "destination"), [
    ("Photo: Marines arrive in Odesa on Monday.", "Odesa"),
    ("Image caption: Tanks roll into Kursk at dawn, witnesses said.", "Kursk"),  # a caption's cue is not read
    ("Photo: Tanks roll into Kyiv in this file photo from 2022.", None),  # an archive picture
], ids=["photo-marines", "image-caption-tanks", "file-photo"])
def test_a_photo_caption_tells_movements_but_no_statements(mini_pipeline, caption: str,
                                                          destination: str | None) -> None:
    text = (f"Shops stayed shut in the port on Monday, and a spokesman declined to comment.\n\n{caption}\n\n"
            "Officials said talks would resume next week.\n")
    analysis = analyse(mini_pipeline, text)
    assert [m.destination.mention.text for m in analysis.movements] == ([destination] if destination else [])
    assert [s.cue.text for s in analysis.statements] == ["said"]  # the body's, none from the caption


@pytest.mark.model
@pytest.mark.parametrize(("text", "ends"), [
    ("Shelling hit Zaporizhzhya oblast and the town of Odesa overnight. Japan sent troops to the region on Monday.",
     [("country", "admin1")]),  # the region named before, not the town named last (Japan sends)
    ("Tanks moved through Kursk oblast toward Odesa. Later the brigade withdrew from the region.",
     [(None, "city"), ("admin1", None)]),
    ("Japanese troops entered Odesa on Monday, and more were sent to the region on Friday.",
     [(None, "city")]),  # no region named: the town is no region
], ids=["region-not-the-town-named-last", "withdrew-from-the-region", "no-region-named"])
def test_the_region_is_a_region_named_before_not_a_town(mini_pipeline, text: str, ends: list) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [(m.origin.place.kind.value if m.origin and m.origin.place else None,
             m.destination.place.kind.value if m.destination and m.destination.place else None)
            for m in moves if m.origin or m.destination] == ends


@pytest.mark.model
@pytest.mark.parametrize(("text", "ends"), [
    ("Rebels stormed the town of Blorvik, west of Kursk. The army insisted its soldiers had not quit the town.",
     [("Blorvik", None)]),  # the town the text introduced, though the gazetteer lacks it: not Kursk
    ("Fighting reached the village of Zarvanka near Odesa. Two companies of marines were sent to the village.",
     [(None, "Zarvanka")]),
    ("Rebels attacked the town of Blorvik near Kursk. Japan sent troops to the city on Monday.",
     [("Japan", "the city")]),  # another noun: the city named before (Kursk), written as in the text
], ids=["the-town-of-an-unlisted-name", "the-village-of-an-unlisted-name", "the-city-is-another-noun"])
def test_the_town_the_text_introduced_is_the_town_even_unlisted(mini_pipeline, text: str, ends: list) -> None:
    assert _written_ends(mini_pipeline, _body(text)) == ends


@pytest.mark.model
@pytest.mark.parametrize(("headline", "moves"), [
    ("Special forces land in Odesa", [("Special forces", "Odesa")]),  # the verb's own form, read as a noun
    ("Troops land in Kursk at dawn", [("Troops", "Kursk")]),
    ("Forces land grab in Kursk angers farmers", []),  # a noun after all: no preposition follows
], ids=["special-forces-land-in", "troops-land-in", "land-grab"])
def test_a_headlines_plural_force_and_the_verbs_own_form(mini_pipeline, headline: str, moves: list) -> None:
    analysis = analyse(mini_pipeline, headline + "\n\nThe ministry gave no further details on Monday.\n")
    assert [(m.actor, m.destination.mention.text) for m in analysis.movements if m.destination] == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "places"), [
    ("The fighters retreated into the bush near Kursk.", ["Kursk"]),  # no town named Bush
    ("After the raid the rebels melted back into the bush.", []),
    ("Troops moved into Bush, a town on the Nile, at dawn.", ["Bush", "Nile"]),  # a capital names it
], ids=["into-the-bush-near", "back-into-the-bush", "the-town-named-bush"])
def test_a_common_noun_in_lower_case_is_no_place(pipeline, text: str, places: list[str]) -> None:
    analysis = analyse(pipeline, _body(text))
    assert [r.mention.text for r in analysis.places if r.place is not None] == places


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin", "destination"), [
    # a front's sector, axis or direction named after a town is at the town
    ("The army rushed two companies of reinforcements to the Odesa sector on Monday.", None, "Odesa"),
    ("The army has sent fresh brigades to the Kursk direction, the general staff said.", None, "Kursk"),
    ("Moscow said it had pulled two regiments off the Odesa axis last week.", "Odesa", None),
    # "in the direction of X" heads for X
    ("Troops advanced in the direction of Odesa, officials said.", None, "Odesa"),
    ("A column of tanks was seen moving in the direction of Kyiv on Friday.", None, "Kyiv"),
    # "off X" after a verb of leaving is where the force was
    ("The navy pulled its marines off the island of Odesa on Friday, officials said.", "Odesa", None),
    ("Two regiments were taken off the Odesa front last week, officials said.", "Odesa", None),
    ("The army moved its marines off the island of Odesa on Friday, officials said.", "Odesa", None),
], ids=["sector", "direction", "off-the-axis", "in-the-direction-of", "moving-in-the-direction-of",
        "pulled-off", "taken-off", "moved-off"])
def test_sectors_directions_and_off(mini_pipeline, text: str, origin: str | None, destination: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.origin.mention.text if move.origin else None) == origin
    assert (move.destination.mention.text if move.destination else None) == destination


@pytest.mark.model
def test_off_keeps_its_sense_of_a_position(mini_pipeline) -> None:
    text = "Two warships were deployed off the coast of Libya, officials said."
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.origin is None and move.destination is not None and move.destination.mention.text == "Libya"


@pytest.mark.model
def test_shooting_in_a_direction_moves_no_one(mini_pipeline) -> None:
    moves = analyse(mini_pipeline, _body("Soldiers fired warning shots in the direction of Kyiv on Friday.")).movements
    assert moves == ()


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor", "status"), [
    # the parser takes the clause's subject for the object of the verb before it
    ("The Kremlin denied its frigates had abandoned Odesa.", "its frigates", "denied"),
    ("Officials denied the militia had entered Kyiv, the agency said.", "militia", "denied"),
], ids=["denied-its-frigates", "denied-the-militia"])
def test_a_clause_subject_read_as_an_object_still_moves(mini_pipeline, text: str, actor: str, status: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.actor, move.status) == (actor, status)


@pytest.mark.model
def test_the_clause_s_own_force_subject_moves_not_the_object(mini_pipeline) -> None:
    text = "Officials assured the militia its fighters would leave Kyiv, the agency said."
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.actor == "its fighters"


@pytest.mark.model
@pytest.mark.parametrize(("text", "destination"), [
    # a possessed site passes its place on, as an unpossessed one does
    ("The delivery of tanks to the army's base in Odesa was confirmed.", "Odesa"),
    ("The return of two frigates to the navy's port in Odesa was completed on Monday.", "Odesa"),
    ("The delivery of tanks to the army's parade in Odesa was confirmed.", None),  # no site
], ids=["army-s-base", "navy-s-port", "army-s-parade"])
def test_a_possessed_site_passes_its_place_on(mini_pipeline, text: str, destination: str | None) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [m.destination.mention.text for m in moves if m.destination] == ([destination] if destination else [])


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin", "destination"), [
    ("Two frigates slipped out of Odesa overnight, analysts said.", "Odesa", None),
    ("The carrier slipped into Odesa harbour on Sunday.", None, "Odesa"),
    ("Two patrol boats raced over from Odesa to Kyiv, officials said.", "Odesa", "Kyiv"),
    ("Militia fighters raced to Odesa on Friday.", None, "Odesa"),
    ("Two fighter jets roared off from Odesa on Tuesday.", "Odesa", None),
    ("Four bombers roared into Kyiv airspace at dawn.", None, "Kyiv"),
    ("Troops came in along the road from Odesa, residents said.", "Odesa", None),
    ("The soldiers came back to Odesa on Friday.", None, "Odesa"),
], ids=["slipped-out", "slipped-into", "raced-over", "raced-to", "roared-off", "roared-into", "came-in",
        "came-back"])
def test_verbs_of_quick_or_quiet_motion(mini_pipeline, text: str, origin: str | None, destination: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.origin.mention.text if move.origin else None) == origin
    assert (move.destination.mention.text if move.destination else None) == destination


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "She slipped a note to the guards in Odesa.",  # an object moved by hand
    "Soldiers from the 12th Brigade came from Odesa, a city hit hard by the war.",  # where they are from
    "The rebels came to power in Kyiv in May.",
], ids=["slipped-a-note", "came-from", "came-to-power"])
def test_quick_motion_verbs_miss_what_is_not_a_movement(mini_pipeline, text: str) -> None:
    assert analyse(mini_pipeline, _body(text)).movements == ()


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    # a headline whose verb the parser first took for a noun leaves the force a compound of it
    ("Rebels claim rocket strike on ferry as Italian destroyer returns to Odesa", "Italian destroyer"),
    ("Militants claim rocket attack on base as British destroyer returns to Tripoli", "British destroyer"),
], ids=["italian-destroyer-returns", "british-destroyer-returns"])
def test_a_headline_force_left_a_compound_of_its_verb(mini_pipeline, text: str, actor: str) -> None:
    [move] = analyse(mini_pipeline, text + "\n\n" + _body("Officials gave no details.")).movements
    assert move.actor == actor


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("headline", "moves"), [
    # the parser made the name before the verb its subject but tagged the verb a plural noun
    ("Chad's RSF pushes toward Abeche", [("Chad's RSF", None, "Abeche")]),
    ("Egypt's RSF pushes toward Kadugli as army regroups", [("Egypt's RSF", None, "Kadugli")]),
    ("Sudan's wheat pushes toward Kadugli", []),  # the subject is no force
], ids=["abeche", "kadugli-as-clause", "no-force"])
def test_a_headline_verb_the_parser_gave_a_subject(pipeline, headline: str, moves: list) -> None:
    body = "The RSF militia attacked several towns in the east, officials said on Monday.\n"
    analysis = analyse(pipeline, headline + "\n\n" + body)
    assert [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None) for m in analysis.movements] == moves


@pytest.mark.model
@pytest.mark.parametrize(("headline", "moves"), [
    # a plural subject's verb in its own form ending in "ss": never a third-person "-s" to strip
    ("Rebels mass troops near Odesa", [("troops", None, "Odesa")]),
    ("Rebels mass fighters outside Tripoli", [("fighters", None, "Tripoli")]),  # a noun made the verb
    ("Japan masses troops near Odesa", [("troops", "Japan", "Odesa")]),  # the third person itself
], ids=["mass-troops", "mass-read-as-a-noun", "masses"])
def test_a_headline_verb_in_its_own_form_keeps_its_lemma(mini_pipeline, headline: str, moves: list) -> None:
    analysis = analyse(mini_pipeline, headline + "\n\nThe ministry gave no further details on Monday.\n")
    assert [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None) for m in analysis.movements] == moves


@pytest.mark.model
def test_a_headline_compound_that_is_no_force_moves_nothing(mini_pipeline) -> None:
    text = "Rebels claim drone strike on port as oil tanker returns to Odesa\n\n" + _body("Officials gave no details.")
    assert analyse(mini_pipeline, text).movements == ()


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor"), [
    ("Two Typhoons from 3 Squadron took off from Odesa on Monday.", "Typhoons"),
    ("Four French Rafales landed at Kyiv on Tuesday, officials said.", "French Rafales"),
], ids=["typhoons", "rafales"])
def test_aircraft_types_named_by_a_word(mini_pipeline, text: str, actor: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.actor == actor


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Typhoon Gaemi moved toward Odesa on Wednesday, forecasters said.",  # a storm's name
    "The Apache tribe moved to Kyiv in the 1870s.",  # a people
], ids=["storm", "tribe"])
def test_aircraft_type_words_that_name_something_else(mini_pipeline, text: str) -> None:
    assert analyse(mini_pipeline, _body(text)).movements == ()


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a part of the force named just before moves: "twelve of them", "most of them"
    ("Japan sent 30 aircraft toward Odesa on Monday. Twelve of them entered Kyiv airspace, officials said.",
     [("aircraft", "Japan", "Odesa"), ("aircraft", None, "Kyiv")]),
    ("Rebels sent 400 fighters to Odesa. Most of them later withdrew to Kyiv, residents said.",
     [("fighters", None, "Odesa"), ("fighters", None, "Kyiv")]),
    # ... not a part of people who are no force
    ("Police detained 40 protesters in Odesa. Most of them later went to Kyiv, residents said.", []),
], ids=["twelve-of-them", "most-of-them", "protesters"])
def test_a_part_of_a_force_named_before_moves(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, _body(text)) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    # a motion noun as the subject of another verb: that verb's mood is its own
    ("Rebels said the arrival of Japanese troops in Odesa would not intimidate them.", "reported"),
    ("The deployment of marines to Odesa will not change anything, the rebels said.", "reported"),
    # ... unless the verb says whether the motion happens
    ("The withdrawal of troops from Odesa did not happen, officials said.", "denied"),
    ("The withdrawal of troops from Odesa did not occur, officials said.", "denied"),
    ("The withdrawal of troops from Odesa did not take place, officials said.", "denied"),
    ("The withdrawal of troops from Odesa did not go ahead, officials said.", "denied"),
    ("The withdrawal of troops from Odesa did not proceed, officials said.", "denied"),
    ("The withdrawal of troops from Odesa has not begun, officials said.", "denied"),
    ("The withdrawal of troops from Odesa has not started, officials said.", "denied"),
    ("The withdrawal of troops from Odesa never materialised, officials said.", "denied"),
    ("The withdrawal of troops from Odesa never materialized, officials said.", "denied"),
    ("Any deployment of marines to Odesa would be small, officials said.", "possible"),  # a copula passes it on
], ids=["would-not-intimidate", "will-not-change", "did-not-happen", "occur", "take-place", "go-ahead", "proceed",
        "begun", "started", "materialised", "materialized", "would-be"])
def test_the_mood_of_a_verb_a_motion_noun_is_subject_of(mini_pipeline, text: str, status: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert move.status == status


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a name the document keeps as a place once ("the town of X") is one where it is named again
    # after a place preposition, though the model took it there for something else
    ("Troops mass at Kazgil after raid\n\nSoldiers reached the remote hill town of Kazgil on Wednesday, "
     "officials said.", [("Troops", None, "Kazgil"), ("Soldiers", None, "Kazgil")]),
    ("Marines land at Zamami after storm\n\nMarines drove into the small island town of Zamami on Wednesday, "
     "officials said.", [("Marines", None, "Zamami"), ("Marines", None, "Zamami")]),
], ids=["mass-at", "land-at"])
def test_a_place_named_again_is_a_place(mini_pipeline, text: str, moves: list) -> None:
    assert _actor_ends(analyse(mini_pipeline, text + " Officials gave no further details.\n")) == moves


@pytest.mark.model
def test_a_place_named_again_as_a_subject_is_no_place(mini_pipeline) -> None:
    text = ("Troops marched into the village of Mehsud on Monday.\n\nOfficials said Mehsud was detained later, "
            "and a spokesman declined to comment.\n")
    analysis = analyse(mini_pipeline, text)
    second = text.index("Mehsud", text.index("Officials"))
    assert all(r.mention.start != second for r in analysis.places)


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # what the parser takes for the verb's object without being one moves nothing: the force still moves
    ("The army denied in a statement on state radio that its soldiers had retreated from Odesa.",
     [("its soldiers", "Odesa", None)]),
    ("Government battalions advanced nearly three kilometres into Kyiv on Thursday, a spokesman said.",
     [("Government battalions", None, "Kyiv")]),
    ("The air force dropped leaflets over Odesa on Monday, a spokesman said.", []),  # leaflets move, not a force
], ids=["complementizer", "distance", "leaflets"])
def test_a_false_object_moves_nothing(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a force coming back from an exercise or a patrol in X comes from X
    ("The destroyer returned from manoeuvres near Odesa on Sunday.", [("destroyer", "Odesa", None)]),
    ("Two frigates arrived from exercises near Odesa on Monday.", [("frigates", "Odesa", None)]),
    ("The carrier returned from maneuvers near Odesa on Sunday.", [("carrier", "Odesa", None)]),
    ("The submarine returned from an exercise near Odesa on Sunday.", [("submarine", "Odesa", None)]),
    ("Two frigates arrived from drills near Odesa on Monday.", [("frigates", "Odesa", None)]),
    ("The soldiers came back from a patrol near Odesa on Friday.", [("soldiers", "Odesa", None)]),
    ("The minister returned from an exercise in Odesa on Monday.", []),  # no force
], ids=["manoeuvres", "exercises", "maneuvers", "exercise", "drills", "patrol", "minister"])
def test_where_an_exercise_was_is_where_the_force_came_from(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


AIRCRAFT_NAMES = ["Typhoons", "Eurofighters", "Rafales", "Gripens", "Tornados", "Mirages", "Harriers", "Hornets",
                  "Raptors", "Apaches", "Chinooks", "Reapers", "Poseidons", "Hercules", "Globemasters", "Ospreys",
                  "Tucanos", "Sukhois"]


@pytest.mark.model
@pytest.mark.parametrize("name", AIRCRAFT_NAMES)
def test_each_aircraft_type_word_names_aircraft(mini_pipeline, name: str) -> None:
    [move] = analyse(mini_pipeline, _body(f"Four British {name} landed at Odesa on Monday, officials said.")).movements
    assert move.actor == f"British {name}"


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # what is seen moving moves, though the parser hangs the bare verb on the verb of seeing
    ("Residents watched a column of armoured vehicles drive into Odesa on Monday.", [("column", None, "Odesa")]),
    ("Monitors observed a column of armoured vehicles drive out of Kyiv on Sunday.", [("column", "Kyiv", None)]),
    ("Residents watched the children leave Odesa at dawn.", []),  # no force
    # the force an accusation names, of the gerund after it, moves
    ("Kyiv blamed the militia for crossing into Libya overnight.", [("militia", None, "Libya")]),
    ("Tokyo accused the militia of entering Odesa overnight.", [("militia", None, "Odesa")]),
    ("Officials accused the envoy of travelling to Odesa in secret.", []),  # no force
], ids=["watched-drive-into", "observed-drive-out-of", "children", "blamed-for-crossing", "accused-of-entering",
        "envoy"])
def test_what_is_seen_or_accused_of_moving(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a gerund after "before" on a conjunct verb moves the first verb's subject
    ("Insurgents stormed a police post in Kyiv and burned vehicles before retreating to Odesa.",
     [("Insurgents", None, "Odesa")]),
    ("Insurgents raided the police station and stole rifles before withdrawing to Kyiv.",
     [("Insurgents", None, "Kyiv")]),
    # ... not when the conjunct has a subject of its own
    ("Insurgents stormed the post and the police burned files before retreating to Odesa.", []),
], ids=["burned-before-retreating", "stole-before-withdrawing", "own-subject"])
def test_a_gerund_after_before_on_a_conjunct(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a name the gazetteer lacks, where a force goes or starts, is a village the model took for a person
    ("Rebel fighters withdrew from Kazgil overnight, residents said.", [("Rebel fighters", "Kazgil", None)]),
    ("The army airlifted 300 troops to Zamami on Monday, officials said.", [("troops", None, "Zamami")]),
    # ... not an age, an exercise or a body the text names with an article or a number
    ("Officials said the army would bomb the rebels back to the Iron Age.", []),
    ("About 900 Marines arrived on Monday, launching the build-up to Cold Response 26, the army said.", []),
    # ... nor a person a letter goes to, with no force in sight
    ("Kyiv sent a letter to Haddad on Monday.", []),
], ids=["withdrew-from", "airlifted-to", "stone-age", "exercise", "letter"])
def test_an_unlisted_village_at_a_movement_end(mini_pipeline, text: str, moves: list) -> None:
    assert [e for e in _moves(mini_pipeline, text) if e[1] or e[2]] == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a place in a phrase saying where the force is kept is its home, no end of the movement
    ("A battle group based in Odesa will move north next month, officials said.", []),
    ("About 300 marines, stationed in Odesa since May, landed at dawn on Friday.", []),
    ("Two frigates stationed in Tokyo sailed to Odesa on Monday.", [("frigates", None, "Odesa")]),
    ("Troops were based in Kyiv before they moved to Odesa.", [("Troops", None, "Odesa")]),
    # ... of the force that moves, not of others it joins
    ("Japan will deploy more troops to its allies next year, on top of the 2,000 marines already stationed in Odesa.",
     [("troops", "Japan", "Odesa")]),
], ids=["based-in", "stationed-in", "stationed-then-sailed", "based-as-the-main-verb", "others-stationed"])
def test_where_a_force_is_kept_is_no_end(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("headline", "moves"), [
    # a headline's ship named after its class noun, with the verb the parser took for a noun
    ("The Turkish corvette Kinaliada sails into the Black Sea", [("Turkish corvette Kinaliada", None, "Black Sea")]),
    ("The Italian frigate Alpino heads into the Red Sea", [("Italian frigate Alpino", None, "Red Sea")]),
    ("Minister Ruiz heads to Odesa for talks", []),  # an official, named after a title
], ids=["corvette-x-sails", "frigate-x-heads", "minister-x-heads"])
def test_a_headline_ship_named_after_its_class(pipeline, headline: str, moves: list) -> None:
    assert _actor_ends(analyse(pipeline, headline + "\n\n" + _body("Officials gave no details."))) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Japanese military police withdrew from Odesa on Monday, residents said.",
     [("Japanese military police", "Odesa", None)]),
    ("Military police moved into Odesa on Friday, officials said.", [("Military police", None, "Odesa")]),
    ("Police moved into Odesa on Friday, officials said.", []),  # a city's police
], ids=["military-police-withdrew", "military-police-moved", "police"])
def test_military_police_are_a_force(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # "leaving X as Y", "leaving X empty": X stays; only the withdrawal before it moves
    ("The militia withdrew from Kyiv in May, leaving Japan as the sole foreign power in the town.",
     [("militia", "Kyiv", None)]),
    ("The brigade pulled out of Odesa, leaving the city empty.", [("brigade", "Odesa", None)]),
    ("Troops left Odesa on Monday, officials said.", [("Troops", "Odesa", None)]),
], ids=["leaving-as", "leaving-empty", "left"])
def test_leaving_something_as_it_is_moves_nothing(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "origin"), [
    # a country owning a force in the same sentence is no country the force is in: "the country" is
    # the one named before
    ("Fighting continued in Libya. On Tuesday night a column of Japan's marines drove into Tripoli, taking over a "
     "camp from rebel gunmen leaving the country.", "Libya"),
    ("Fighting continued in Ukraine on Monday. Two of Japan's frigates docked at Odesa as rebel fighters were "
     "leaving the country.", "Ukraine"),
], ids=["column-of-x-s-marines", "x-s-frigates"])
def test_a_possessor_in_the_sentence_is_not_the_country(mini_pipeline, text: str, origin: str) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    leaving = [m for m in moves if m.trigger == "leaving"]
    assert [m.origin.place.name for m in leaving if m.origin and m.origin.place] == [origin]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "via", "destination"), [
    # a lone name after "the" crossed is a river's, no town's
    ("Syrian army units crossed the Euphrates near Mayadin on Monday.", "Euphrates", None),
    ("Militants crossed the Shabelle near Jowhar on Monday.", "Shabelle", None),
    ("Troops crossed the Netherlands by train on Monday.", None, "Netherlands"),  # a country takes "the" too
    # a canal named after a region is water, not the region
    ("Russian infantry crossed the Donbas canal at night, officials said.", "Donbas canal", None),
    ("Marines crossed the Crimea canal at night, officials said.", "Crimea canal", None),
], ids=["the-euphrates", "the-shabelle", "the-netherlands", "donbas-canal", "crimea-canal"])
def test_a_river_crossed_by_its_bare_name(pipeline, text: str, via: str | None, destination: str | None) -> None:
    [move] = analyse(pipeline, _body(text)).movements
    assert [r.mention.text for r in move.via] == ([via] if via else [])
    assert (move.destination.mention.text if move.destination else None) == destination


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "left X for Y", "sailed for Y": a name the model took for a person or a body is the destination
    ("Troops left Benghazi in May for Misrata.", [("Troops", "Benghazi", "Misrata")]),
    ("The frigate sailed for Tartus on Monday.", [("frigate", None, "Tartus")]),
    # "for" on a verb that goes for no place recovers nothing
    ("Voters in Benghazi cheered for Misrata on Monday.", []),
], ids=["left-for", "sailed-for", "cheered-for"])
def test_a_name_a_force_leaves_for_is_a_place(pipeline, text: str, moves: list) -> None:
    analysis = analyse(pipeline, _body(text))
    assert _actor_ends(analysis) == moves
    assert ("Misrata" in [r.mention.text for r in analysis.places]) == ("Misrata" in text and bool(moves))


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a word that is a force only with a modifier is one again when the document named it with one
    ("The army set up a missile battery near Kumamoto last year. The battery moved to Ishigaki in May.",
     [("battery", None, "Ishigaki")]),
    ("A rebel group seized Uvira last week. The group later withdrew toward Bukavu.", [("group", None, "Bukavu")]),
    # never named as a force: a working group, a firm
    ("A working group met in Vienna. The group then travelled to Geneva.", []),
    ("The company opened a plant in Ohio. The company moved its staff to Texas.", []),
    # a group that says what it is
    ("Rebel groups seized Uvira last week. Aid workers hope the second group of injured residents can be "
     "escorted out of Uvira soon.", []),
], ids=["the-battery", "the-group", "working-group", "the-company", "group-of-civilians"])
def test_the_force_named_before_by_its_head_word(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A rights group travelled to Kyiv to document abuses.\n",
    "The craft fair moved to Odesa this year.\n",
    "Bulldozers rolled into Tripoli to clear rubble.\n",
    "A Peace Corps group travelled to Kyiv on Monday.\n",
    "Peace Corps volunteers arrived in Tripoli on Monday.\n",
], ids=["rights-group", "craft-fair", "bare-bulldozers", "peace-corps-group", "peace-corps-volunteers"])
def test_heads_without_a_military_modifier_are_no_force(mini_pipeline, text: str) -> None:
    assert _moves(mini_pipeline, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a site of a place ("the neighbourhoods of X", "grounds near X", "posts inside X") leads on to the place
    ("Tanks rolled into the western neighbourhoods of Odesa on Monday.", [("Tanks", None, "Odesa")]),
    ("Two battalions were shifted to firing grounds near Kyiv.", [("battalions", None, "Kyiv")]),
    ("Militia fighters pulled back from two posts inside Tripoli.", [("Militia fighters", "Tripoli", None)]),
    ("The rebels retreated into forests near Kyiv.", [("rebels", None, "Kyiv")]),
    ("Marines pushed into the northern neighborhoods of Tripoli.", [("Marines", None, "Tripoli")]),
    # a site of something else is no end
    ("Marines moved into the neighbourhoods of the poor in the old port.", []),
], ids=["neighbourhoods-of", "grounds-near", "posts-inside", "forests-near", "neighborhoods-of",
                                 "neighbourhoods-of-no-place"])
def test_a_site_of_a_place_leads_on_to_it(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # where the withdrawing force is ("the army in X") yields to where the sentence says it leaves
    ("The army in Libya withdrew its soldiers from Tripoli on Monday.", [("its soldiers", "Tripoli", None)]),
    ("A rebel group in Ukraine withdrew its gunmen from Odesa overnight.", [("its gunmen", "Odesa", None)]),
    # with no such phrase it is where they leave
    ("Japan agreed to withdraw the marines in Libya by June.", [("marines", "Libya", None)]),
], ids=["army-in-x-from-y", "group-in-x-out-of-y", "marines-in-x"])
def test_a_from_phrase_beats_where_the_force_is(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a hyphenated modifier of "the town of X" passes through to the preposition before it
    ("Rebels pulled out of the gold-mining town of Tripoli on Tuesday.", [("Rebels", "Tripoli", None)]),
    ("Marines moved into the oil-rich province of Odesa overnight.", [("Marines", None, "Odesa")]),
    ("Marines stayed in the oil-rich province of Odesa overnight.", []),
], ids=["gold-mining-town", "oil-rich-province", "stayed"])
def test_a_hyphenated_modifier_of_the_town_of_x(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # "outside X" after a verb that stations forces: near X, like "near X"
    ("The rebels massed fighters outside Tripoli on Monday.", [("fighters", None, "Tripoli")]),
    ("Two battalions deployed outside Odesa last week.", [("battalions", None, "Odesa")]),
    ("Two battalions stayed outside Odesa last week.", []),
], ids=["massed-outside", "deployed-outside", "stayed-outside"])
def test_outside_a_place_after_a_stationing_verb(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # "the camp", "the base": the place named before with the word after its name ("X camp")
    ("Militias raided Tripoli camp on Monday, residents said. On Tuesday marines moved into the camp.",
     [("marines", None, "the camp")]),
    ("Drones struck the Odesa base on Monday, officials said. On Tuesday marines returned to the base.",
     [("marines", None, "the base")]),
    # a camp never named is no place
    ("Rebels attacked Tripoli on Monday, officials said. On Tuesday soldiers returned to the camp.", []),
], ids=["x-camp", "x-base", "camp-never-named"])
def test_the_camp_named_before_with_its_name(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "federal"), [
    # "Federal troops": a word that names a place somewhere but here says whose troops they are
    ("Federal troops were redeployed to Gondar on Monday.", False),
    ("Federal police arrived in Kismayo overnight, residents said.", False),
    # the town of that name, introduced as one
    ("Clashes erupted in Federal, a town in Entre Rios province.", True),
], ids=["federal-troops", "federal-police", "the-town"])
def test_federal_is_no_place_before_a_force(pipeline, text: str, federal: bool) -> None:
    places = [r.mention.text for r in analyse(pipeline, _body(text)).places]
    assert ("Federal" in places) == federal, places


def _headline(line: str) -> str:
    """The line as a headline above a dateline and a sentence of body."""
    return f"{line}\n\nTRIPOLI, March 3 (Reuters) - Fighting continued on Monday, officials said.\n"


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a headline's verb in its own form after a plural sender, read as a noun: "X mass fighters near Y"
    ("Militias mass troops near Misrata ahead of talks", [("troops", None, "Misrata")]),
    ("Militias mass fighters outside Misrata ahead of talks", [("fighters", None, "Misrata")]),
    # a noun after it that is no force keeps the noun phrase
    ("Rebels mass graves found outside Misrata", []),
], ids=["mass-near", "mass-outside", "mass-graves"])
def test_a_headline_verb_in_its_own_form(pipeline, text: str, moves: list) -> None:
    assert _actor_ends(analyse(pipeline, _headline(text))) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "via"), [
    # a line the gazetteer lacks, crossed: the way through, not where the force went
    ("Japanese tanks crossed the Purple Line near Odesa on Thursday.", ["Purple Line"]),
    ("Japanese marines crossed the Purple Line near Kyiv at dawn.", ["Purple Line"]),
    ("Rebel fighters crossed the Alpha Bridge into Tripoli overnight.", []),  # no line: the parse decides
], ids=["purple-line", "alpha-line", "bridge"])
def test_a_line_crossed_is_the_way_through(mini_pipeline, text: str, via: list) -> None:
    moves = analyse(mini_pipeline, _body(text)).movements
    assert [r.mention.text for m in moves for r in m.via if "Line" in r.mention.text] == via


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a ship named with its prefix before is the subject of a later sentence by its bare name
    ("The frigate HS Aris was commissioned in Tokyo last year. Aris will sail to Odesa in the spring.",
     [("Aris", None, "Odesa")]),
    ("The USS Mercer left Tokyo last week. Officials denied that Mercer had reached Libya.",
     [("USS Mercer", "Tokyo", None), ("Mercer", None, "Libya")]),
    # a longer name that ends with it is something else
    ("The USS Mercer sailed from Tokyo last week. The Mercer Fund moved to Odesa in May.",
     [("USS Mercer", "Tokyo", None)]),
], ids=["aris", "mercer", "mercer-fund"])
def test_a_ship_by_its_bare_name(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # "our men", "his men": a word that is a force only as a military verb moves it, owned, as the subject
    ("Our men have not retreated from Tripoli, the commander insisted.", [("Our men", "Tripoli", None)]),
    ("The commander said his men had advanced toward Kyiv overnight.", [("his men", None, "Kyiv")]),
    ("The men withdrew from Tripoli on Monday.", []),  # whose men, the text does not say
], ids=["our-men", "his-men", "the-men"])
def test_owned_men_as_the_subject_of_a_military_verb(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a military word outweighs a civilian one: military cargo aircraft are military aircraft
    ("Japanese military cargo aircraft landed at Tripoli on Monday.", [("Japanese military cargo aircraft", None,
                                                                       "Tripoli")]),
    ("Military cargo planes landed in Odesa overnight.", [("Military cargo planes", None, "Odesa")]),
    ("Cargo planes landed in Odesa overnight.", []),
], ids=["military-cargo-aircraft", "military-cargo-planes", "cargo-planes"])
def test_a_military_word_outweighs_a_civilian_one(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("The attackers crossed into Libya from Tunisia overnight.", [("attackers", "Tunisia", "Libya")]),
    ("Dozens of attackers withdrew toward Tripoli after the raid.", [("attackers", None, "Tripoli")]),
    ("The attackers' lawyers travelled to Tripoli.", []),
], ids=["attackers-crossed", "attackers-withdrew", "attackers-lawyers"])
def test_attackers_are_a_force(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # counted units that a military verb moves, in the passive
    ("Three companies were redeployed from Tripoli to Odesa last month.", [("companies", "Tripoli", "Odesa")]),
    ("Four companies were withdrawn from Kyiv last week.", [("companies", "Kyiv", None)]),
    ("Two companies were sent to Odesa to build a bridge.", []),  # "send" moves firms too
    # a landing group
    ("A Japanese landing group crossed into Libya at night.", [("Japanese landing group", None, "Libya")]),
], ids=["companies-redeployed", "companies-withdrawn", "companies-sent", "landing-group"])
def test_counted_units_moved_by_a_military_verb(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves", "place"), [
    # a small town the model took for a body, or whose country it took for a person, is a town when a
    # force moves to or from it and the text names it only so
    ("Fighting continued in northern Mali on Monday. Rebel fighters withdrew from Aguelhok overnight.",
     [("Rebel fighters", "Aguelhok", None)], True),
    ("Fighting continued in northern Mali on Monday. Army units moved to Tessalit overnight.",
     [("Army units", None, "Tessalit")], True),
    # ... or the object of a verb whose object is where the force goes
    ("Fighting continued in northern Mali on Monday. Army units entered Aguelhok overnight.",
     [("Army units", None, "Aguelhok")], True),
    ("Fighting flared along the Eritrea border on Monday. Eritrean troops reached Badme overnight.",
     [("Eritrean troops", None, "Badme")], True),
    # a name the text also makes a subject is a body's
    ("Fighting continued in northern Mali on Monday. Aguelhok said its fighters withdrew to Kidal.",
     [("its fighters", None, "Kidal")], False),
    ("Fighting continued in northern Mali on Monday. Army units entered Aguelhok overnight. Aguelhok said "
     "the talks had failed.", [], False),
], ids=["withdrew-from", "moved-to", "entered", "reached", "said", "entered-but-said"])
def test_a_small_town_taken_for_a_body(pipeline, text: str, moves: list, place: bool) -> None:
    analysis = analyse(pipeline, _body(text))
    assert _actor_ends(analysis) == moves
    assert any(r.mention.text in ("Aguelhok", "Tessalit", "Badme") for r in analysis.places) == place


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a relative clause whose preposition lost its object to the noun it describes: that noun's place
    ("Rebels now hold Tripoli, the city that troops withdrew from last year.", [("troops", "Tripoli", None)]),
    ("Rebels now hold Odesa, the city that the brigade advanced into last spring.", [("brigade", None, "Odesa")]),
    # the preposition keeps an object of its own: no end from the noun
    ("Rebels now hold Tripoli, the city that troops withdrew from the north.", []),
], ids=["that-withdrew-from", "that-advanced-into", "own-object"])
def test_a_stranded_preposition_in_a_relative_clause(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # "on the shores of X", "on the outskirts of X" after a verb that goes on a place
    ("Japanese troops were converging on the beaches of Odesa.", [("Japanese troops", None, "Odesa")]),
    ("Rebels advanced on the outskirts of Tripoli overnight.", [("Rebels", None, "Tripoli")]),
    ("Troops were stationed on the outskirts of Tripoli.", []),  # no movement
], ids=["converging-on-beaches", "advanced-on-outskirts", "stationed-on"])
def test_on_a_site_of_a_place(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a site on (in, near) another site of the place leads on to the place
    ("Government troops withdrew from positions on the edge of Tripoli.",
     [("Government troops", "Tripoli", None)]),
    ("The militia pulled out of its bases on the outskirts of Odesa overnight.", [("militia", "Odesa", None)]),
    # a site the verb does not govern: the place only says where it was hit
    ("Soldiers withdrew from Tripoli after shelling hit positions on the edge of Odesa.",
     [("Soldiers", "Tripoli", None)]),
], ids=["positions-on-the-edge", "bases-on-the-outskirts", "another-verbs-site"])
def test_a_site_on_another_site(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A Chinese aircraft carrier transited the Miyako Strait on Monday.\n",  # a strait the model calls a place
    "Chinese Carrier Transits Velmora Strait\n\nThe ministry gave no further details on Monday.\n",  # a headline
], ids=["transited-the-X-strait", "headline-transits"])
def test_a_strait_the_gazetteer_lacks_is_passed_through(pipeline, text: str) -> None:
    """ "the X Strait": a strait by its name's last word, whatever the model tags it, in a headline too."""
    [move] = analyse(pipeline, text).movements
    assert [r.mention.text.split()[-1] for r in move.via] == ["Strait"] and move.destination is None


@pytest.mark.model
@pytest.mark.parametrize(("line", "moves"), [
    # a headline in title case or capitals is parsed as a sentence: its verb is a verb
    ("NAVY FRIGATES SAIL TO LIBYA AFTER TALKS FAIL", [("NAVY frigates", None, "LIBYA")]),
    ("Japanese Marines Head To Odesa As Talks Stall", [("Japanese marines", None, "Odesa")]),
    ("Talks On Odesa Port Stall As Envoys Leave", []),  # no force
    # title case that keeps its short function words in lower case
    ("Japanese Patrol Ship Docks at Odesa in Ukraine", [("Japanese patrol ship", None, "Odesa")]),
    ("Japanese Marines Head to Odesa as Talks Stall", [("Japanese marines", None, "Odesa")]),
], ids=["capitals", "title-case", "no-force", "title-case-lower-at-in", "title-case-lower-to-as"])
def test_a_title_case_headline(mini_pipeline, line: str, moves: list) -> None:
    assert _actor_ends(analyse(mini_pipeline, _headline(line))) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "from X to Y" where the parser took the unknown name Y for an infinitive's verb
    ("Militia fighters fell back from Arbinda to Djibo on Sunday.", [("Militia fighters", "Arbinda", "Djibo")]),
    ("Volunteer fighters withdrew from Gorgadji to Djibo overnight.", [("Volunteer fighters", "Gorgadji", "Djibo")]),
    # a real purpose stays a purpose
    ("The army moved troops to Dori to secure the road.", [("troops", None, "Dori")]),
], ids=["fell-back-from-to", "withdrew-from-to", "purpose"])
def test_a_name_taken_for_an_infinitive_verb(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a unit word is the force it holds: "a group of masked men", "columns of technicals"
    ("A small group of armed men crossed into Chad from Libya before dawn.", [("small group", "Libya", "Chad")]),
    ("Two columns of technicals drove from Baidoa toward Afgooye overnight.", [("columns", "Baidoa", "Afgooye")]),
    ("A group of journalists travelled from Baidoa to Afgooye.", []),
    # armed, masked men; men alone are nobody in particular
    ("Armed men came across the border into Chad at night.", [("Armed men", None, "Chad")]),
    ("Masked men crossed into Niger from Mali on Thursday.", [("Masked men", "Mali", "Niger")]),
    ("Men crossed the border into Chad at night.", []),
    # "the enemy", a side's word for the other side's force
    ("The enemy withdrew from Bakhmut overnight, the commander said.", [("enemy", "Bakhmut", None)]),
    ("The enemy has pushed into eastern Pokrovsk, the brigade said.", [("enemy", None, "Pokrovsk")]),
    ("Enemy propaganda reached Kyiv within hours.", []),
], ids=["group-of-armed-men", "column-of-technicals", "group-of-journalists", "armed-men", "masked-men", "men",
        "enemy-withdrew", "enemy-pushed-into", "enemy-propaganda"])
def test_forces_by_their_words(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "status", "actor"), [
    # "not a single", "not one": the force itself is negated
    ('"Not one tank crossed into Libya," the minister said.', "denied", "tank"),
    ("Not a single soldier has been moved to Tripoli, the ministry said.", "denied", "single soldier"),
    ("Not only soldiers but also police moved to Tripoli on Monday.", "reported", "Not only soldiers"),
    # "is to withdraw": a plan
    ("Under the deal, the rebel army is to withdraw from Tripoli by late April.", "possible", "rebel army"),
    ("Foreign troops are to leave Libya by June.", "possible", "Foreign troops"),
    ("Foreign troops left Libya in June.", "reported", "Foreign troops"),
    # "have yet to deploy": not done yet
    ("Most of the promised battalions have yet to move into Libya.", "possible", "promised battalions"),
    ("The second brigade has yet to reach Tripoli.", "possible", "brigade"),
    ("The brigade has already reached Tripoli.", "reported", "brigade"),
], ids=["not-one", "not-a-single", "not-only", "is-to-withdraw", "are-to-leave", "left", "have-yet-to-deploy",
        "has-yet-to-reach", "has-already-reached"])
def test_a_negated_force_and_a_planned_move(mini_pipeline, text: str, status: str, actor: str) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.actor) == (status, actor)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "destination"), [
    # "the reef": the shoal named before
    ("Chinese coast guard ships circled Second Thomas Shoal on Monday. Manila said it would send two more "
     "navy vessels to the reef this week.", "Second Thomas Shoal"),
    ("The Philippine navy patrolled Scarborough Shoal. Two frigates were sent to the reef on Friday.",
     "Scarborough Shoal"),
    ("Two frigates were sent to the reef on Friday.", None),  # no shoal named before
], ids=["reef-after-shoal", "reef-after-another-shoal", "no-shoal"])
def test_the_reef_is_the_shoal_named_before(pipeline, text: str, destination: str | None) -> None:
    moves = analyse(pipeline, _body(text)).movements
    assert [m.destination.place.name for m in moves if m.destination and m.destination.place] == (
        [destination] if destination else [])


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "the X corridor", "the X dam": a name's own kind, not another noun a place qualifies
    ("The peacekeepers withdrew from the Lachin corridor overnight.", [("peacekeepers", "Lachin", None)]),
    ("Sapper units moved to the Kakhovka dam on Tuesday.", [("Sapper units", None, "Kakhovka")]),
    ("The troops left after the Lachin corridor talks collapsed.", []),
    # "came through", "came over": coming by a way (not "came from X": where one is from)
    ("A convoy of army trucks came across the bridge into Kherson overnight.", [("convoy", None, "Kherson")]),
    ("Hundreds of fighters came over the Euphrates from Deir ez-Zor on Sunday night.",
     [("fighters", "Deir ez-Zor", None)]),
    ("The commander came from Kursk, where he was born.", []),
], ids=["corridor", "dam", "corridor-talks", "came-across", "came-over", "came-from"])
def test_named_works_and_coming_by_a_way(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a place the unit is sent toward, after "a column of ...": an end even when the gazetteer lacks it
    ("The militia sent a convoy of technicals out of Baidoa toward Buur Heybe.", [("convoy", "Baidoa", "Buur Heybe")]),
    ("The army moved a column of tanks from Baidoa toward Daynunay.", [("column", "Baidoa", "Daynunay")]),
    ("The militia sent a group of journalists from Baidoa toward Buur Heybe.", []),
], ids=["column-of-technicals-toward", "column-of-tanks-toward", "group-of-journalists"])
def test_toward_a_place_after_a_unit_of_a_force(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a verb the parser left with no subject: the force before it
    ("According to Kyiv, Belarusian units, along with Russian advisers, have shifted from Gomel toward Mozyr "
     "in recent days.", [("Belarusian units", "Gomel", "Mozyr")]),
    ("On Tuesday the Spanish frigate Blas de Lezo, attached to an EU naval mission, sailed via Gibraltar into "
     "the Mediterranean.", [("Spanish frigate", None, "Mediterranean")]),
    # an infinitive or a gerund the parser left without the force it speaks of
    ("The corvette Soobrazitelny, escorted by two tugs, passed through the Strait of Gibraltar at noon after "
     "leaving Baltiysk late on Friday.", [("corvette Soobrazitelny", "Baltiysk", None)]),
    ("Militants scattered pamphlets in Mocimboa, threatening to march on Palma before the rains.",
     [("Militants", None, "Palma")]),
    ("The first Leopard tanks were put on trains at Munich on Tuesday and are scheduled to roll into Lithuania "
     "next month.", [("Leopard tanks", None, "Lithuania")]),
    # "according to X" is a source, no place gone to
    ("According to Kyiv, Belarusian units have shifted from Gomel in recent days.",
     [("Belarusian units", "Gomel", None)]),
    # not what is kept from going, nor "any" force (a kind)
    ("A new law stops foreign frigates from sailing into the Baltic Sea.", []),
    ("The blockade kept the navy's ships from returning to Sevastopol.", []),
    ("Any unit that tries to cross into Libya will be fired upon.", []),
    ("Any ship that attempts to sail into the Black Sea will be stopped.", []),
    # a conjunct whose first verb has a subject of its own that is no force
    ("Its crew of 20 were rescued from the burning freighter by a warship and landed at Aden, the company said.",
     []),
    # a word right before the verb is its subject; a gerund an adjective governs
    ("The brigade held Kupiansk for weeks, until shelling reached the outskirts of Izium.", []),
    ("Troops were deployed to Gondar after heavy fighting reached Bahir Dar.", [("Troops", None, "Gondar")]),
    ("Officers say the bridge is vital to reinforcing Kherson with tanks.", []),
    # an infinitive whose verb has an object: the object goes (if anyone), not the subject above
    ("The Ruritanian Defence Forces announced Monday that they were cutting the size of the safe area, ordering "
     "civilians to evacuate from eastern districts of Kherson.", []),
    # a motion noun with no force of its own is no stranded verb
    ("Soldiers said the deployment to Gao had been delayed.", []),
    # a sentence the parser read as one noun phrase: the force it opens with moves
    ("Roughly 40 gunmen on camels crossed from Niger into Benin on Sunday.", [("gunmen", "Niger", "Benin")]),
    ("About 60 jihadists on motorbikes crossed over from Mali into Burkina Faso on Thursday.",
     [("jihadists", "Mali", "Burkina Faso")]),
    ("Roughly 25 smugglers on camels crossed from Chad into Niger on Monday.", []),
], ids=["according-to-appos", "frigate-tagged-as-verb", "after-leaving", "threatening-to-march", "due-to-arrive",
        "according-to-no-end", "stops-from", "kept-from", "any-unit", "any-ship", "crew-landed", "shelling-reached",
        "fighting-reached", "vital-to", "ordering-civilians", "noun", "one-noun-phrase", "one-noun-phrase-gunmen",
        "one-noun-phrase-smugglers"])
def test_a_stranded_verb_and_its_force(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a lone name the model took for a body's, gone "toward" or "into": a town the gazetteer lacks
    ("Rebel fighters advanced towards Walikale on Tuesday, officials say.",
     [("Rebel fighters", None, "Walikale")]),
    ("Rebels pushed into Kibirizi at dawn.", [("Rebels", None, "Kibirizi")]),
    ("The country moved towards NATO membership.", []),
    # after the "on" of a verb that goes on a place
    ("Rebel fighters advanced on Kibirizi overnight.", [("Rebel fighters", None, "Kibirizi")]),
    ("The rebels said their fighters would march on Walikale unless the shelling stopped.",
     [("their fighters", None, "Walikale")]),
    ("The army relied on Wagner for years.", []),
], ids=["advanced-towards", "pushed-into", "acronym", "advanced-on", "march-on", "relied-on"])
def test_a_town_taken_for_a_body(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a reconnaissance group is a unit
    ("A Belarusian reconnaissance group crossed into Poland overnight.",
     [("Belarusian reconnaissance group", None, "Poland")]),
    ("A reconnaissance group of the brigade slipped into Vovchansk before dawn.",
     [("reconnaissance group", None, "Vovchansk")]),
    ("A research group travelled to Vovchansk.", []),
], ids=["reconnaissance-group", "reconnaissance-group-of-the-brigade", "research-group"])
def test_a_reconnaissance_group(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


def _moves_via(pipeline, text: str) -> list[tuple[str | None, str | None, str | None, list[str]]]:
    """(actor, origin, destination, via) of each movement the sentence gives, as written."""
    return [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None, [v.mention.text for v in m.via])
            for m in analyse(pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "within N km of X": up to X, whatever the model took the name for
    ("Rebel fighters pushed on to within 25 kilometres of Goma late on Monday.",
     [("Rebel fighters", None, "Goma", [])]),
    ("A Russian destroyer sailed within five miles of Tartus late on Friday.",
     [("Russian destroyer", None, "Tartus", [])]),
    # a verb that passes a place goes by it
    ("The flotilla passed within eight miles of Gotland at night.", [("flotilla", None, None, ["Gotland"])]),
    ("The flotilla passed near Gotland on Monday.", [("flotilla", None, None, ["Gotland"])]),
    ("Two corvettes passed east of Gotland overnight.", [("corvettes", None, None, ["Gotland"])]),
    ("The destroyer passed west of Crete on its way south.", [("destroyer", None, None, ["Crete"])]),
    ("Russian units moved north of Kupiansk overnight.", [("Russian units", None, "Kupiansk", [])]),
    ("The troops must leave Gao within two weeks.", [("troops", "Gao", None, [])]),
    ("The rebels moved within range of Goma.", []),
], ids=["to-within-km-of-a-person", "sailed-within", "passed-within", "passed-near", "passed-east-of",
        "passed-west-of", "moved-north-of", "within-weeks", "within-range"])
def test_within_a_distance_of_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves_via(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "the X district of Y": Y, a town or district inside X
    ("Rebels pushed into the Ituri district of Djugu.", [("Rebels", None, "Djugu")]),
    ("Fighters entered the Mopti district of Djenne on Sunday.", [("Fighters", None, "Djenne")]),
    # not a country: "the X region of <country>" is X
    ("Troops moved into the Kherson region of Ukraine.", [("Troops", None, "Kherson region")]),
], ids=["district-of-a-territory", "district-of-a-town", "region-of-a-country"])
def test_the_district_of_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "the mountains of X", "the hills of X": X
    ("The insurgents fell back into the mountains of Uruzgan.", [("insurgents", None, "Uruzgan")]),
    ("The fighters withdrew into the hills of Kunar overnight.", [("fighters", None, "Kunar")]),
    ("The militia withdrew toward the foothills of Gondar.", [("militia", None, "Gondar")]),
    ("The army climbed the mountains of paperwork.", []),
    # "the hills above X": from X, whatever the model took the name for
    ("Insurgents pulled out of the hills above Marawi overnight.", [("Insurgents", "Marawi", None)]),
    ("Rebel units retreated from the hills above Bunia.", [("Rebel units", "Bunia", None)]),
    ("Rebels pulled back from checkpoints above the road.", []),
    ("The fighters pulled back from trenches near Izium.", [("fighters", "Izium", None)]),
    # "left their berths in X": from X
    ("The frigates slipped out of their berths in Sevastopol on Monday.", [("frigates", "Sevastopol", None)]),
    ("Two landing ships sailed from their berths in Tartus on Tuesday.", [("landing ships", "Tartus", None)]),
], ids=["mountains-of", "hills-of", "foothills-of", "mountains-of-paperwork", "hills-above-a-person", "hills-above",
        "above-the-road", "trenches-near", "berths-in", "berths-in-tartus"])
def test_features_around_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "came to X", "came within ... of X", "came closer to X" (not "came from X": where one is from)
    ("The ministry says its troops have come to Gao to guard the airport.", [("its troops", None, "Gao")]),
    ("The warship came within five miles of Tartus.", [("warship", None, "Tartus")]),
    ("Lithuania will close the road should Belarusian units come closer to Vilnius.",
     [("Belarusian units", None, "Vilnius")]),
    ("The militants came to power in Kabul in 2021.", []),
    ("The soldier came from Gao.", []),
    # the men a side owns are its fighters, whatever verb moves them
    ("The group said its men had entered Kidal without a fight.", [("its men", None, "Kidal")]),
    ("Their men crossed into Mali overnight.", [("Their men", None, "Mali")]),
    ("The men left Gao on Monday.", []),
    # "surged out of X", "surged into X"
    ("Russian warships surged out of Kaliningrad on Monday.", [("Russian warships", "Kaliningrad", None)]),
    ("Rebel fighters surged into Goma.", [("Rebel fighters", None, "Goma")]),
    ("Oil prices surged in Kyiv.", []),
    # a state reinforces a town with its forces
    ("Thailand reinforced Mae Sot on Monday.", [("Thailand", None, "Mae Sot")]),
    ("The Ruritanian army reinforced Kupiansk with two brigades.", [("Ruritanian army", None, "Kupiansk")]),
    ("The visit reinforced ties with Kenya.", []),
], ids=["come-to", "came-within", "come-closer-to", "came-to-power", "came-from", "its-men", "their-men",
        "the-men", "surged-out-of", "surged-into", "prices-surged", "state-reinforced", "army-reinforced",
        "reinforced-ties"])
def test_more_verbs_and_forces(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a ship's "ITS" prefix, which the tagger takes for the possessive
    ("On Monday the Italian frigate ITS Carlo Bergamini left Taranto.",
     [("ITS Carlo Bergamini", "Taranto", None)]),
    ("ITS Alpino sailed to Souda Bay on Friday.", [("ITS Alpino", None, "Souda Bay")]),
    # a vehicle is a force when it carries one
    ("Three trucks carrying soldiers drove into Gao.", [("trucks", None, "Gao")]),
    ("Some 40 pickup trucks carrying masked gunmen drove through Bajil toward Hodeidah.",
     [("pickup trucks", None, "Hodeidah")]),
    ("Trucks carrying grain drove into Odesa.", []),
    # barges carrying soldiers; a coast guard's cutters
    ("Barges carrying soldiers leave Kosti.", [("Barges", "Kosti", None)]),
    ("Barges carrying marines left Renk at dawn.", [("Barges", "Renk", None)]),
    ("Two barges carrying grain left Odesa.", []),
    ("Four coast guard cutters steamed into the waters off Kinmen.", [("coast guard cutters", None, "Kinmen")]),
    ("The cutter Haixun sailed to Kinmen on Tuesday.", [("cutter", None, "Kinmen")]),
], ids=["ITS-named-ship", "ITS-subject", "trucks-carrying-soldiers", "pickups-carrying-men", "trucks-carrying-grain",
        "barges-carrying-soldiers", "barges-carrying-marines", "barges-carrying-grain", "cutters", "the-cutter"])
def test_ships_and_vehicles_named_by_what_they_are(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a name the document gives a force noun is an armed group's, however the model tagged it
    ("RSF fighters looted the market on Sunday. The RSF later withdrew from Bara, residents said.",
     [("RSF", "Bara", None)]),
    ("ELN guerrillas attacked a base. The ELN crossed the border into Colombia overnight.",
     [("ELN", None, "Colombia")]),
    ("Wazalendo fighters held the hill. The Wazalendo moved to Uvira on Friday.",
     [("Wazalendo", None, "Uvira")]),
    # the plural names the group's members
    ("Houthi gunmen attacked the town. The Houthis later pulled out of Harib.", [("Houthis", "Harib", None)]),
    # the bracketed short name of a force's full name
    ("The Sudan Liberation Army (SLA) held the hills for weeks. In March the SLA moved into Tawila.",
     [("SLA", None, "Tawila")]),
    ("The Eastern Defence Army (EDA) took the post. The EDA then entered Bhamo.", [("EDA", None, "Bhamo")]),
    ("The Regional Health Agency (RHA) said it was worried. The RHA moved to Geneva.", []),
    # a state is no armed group
    ("US troops trained in Jordan. The US moved to Syria.", []),
], ids=["acronym-opening-a-sentence", "acronym", "people-tag", "plural", "short-name", "short-name-entered",
        "short-name-of-a-body", "state"])
def test_a_name_the_document_shows_to_be_armed(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "crossed the X", "north of the X": a river the gazetteer lacks, which the model took for a person
    ("The marines are set to cross the Litani at dawn.",
     [("marines", None, None, ["Litani"])]),
    ("Under the truce, the militia agreed to pull its gunmen back north of the Litani.",
     [("its gunmen", None, "Litani", [])]),
    ("Beirut plans to send soldiers south of the Litani when the guns fall silent.",
     [("soldiers", "Beirut", "Litani", [])]),
    ("The soldiers were sent to the Smith family.", []),
    # "across X": through it; "deployed across X": spread over it
    ("Rebel fighters came across the Juba river at night.", [("Rebel fighters", None, None, ["Juba river"])]),
    ("Russian units moved across the Oskil river on Monday.", [("Russian units", None, None, ["Oskil river"])]),
    ("Troops were deployed across the Donetsk region.", [("Troops", None, "Donetsk region", [])]),
], ids=["cross-the-river", "north-of-the-river", "south-of-the-river", "the-family", "came-across",
        "moved-across", "deployed-across"])
def test_rivers_and_across(pipeline, text: str, moves: list) -> None:
    assert _moves_via(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # approach and near (the verbs) go towards their object
    ("Two Chinese frigates approached Pratas on Monday, Taipei said.", [("Chinese frigates", None, "Pratas")]),
    ("Rebel columns were approaching Goma from the north.", [("Rebel columns", None, "Goma")]),
    ("The army approached the talks cautiously.", []),
    ("Chinese warship nears Pratas as drills begin", [("Chinese warship", None, "Pratas")]),
    # intruded into X
    ("A navy vessel intruded into the waters off Pratas on Sunday.", [("navy vessel", None, "Pratas")]),
], ids=["approached", "approaching", "approached-talks", "nears", "intruded-into"])
def test_approaching_and_coming(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a force that moves itself has no sender: who says so sends nothing
    ("A navy vessel had entered the waters off Pratas, Beijing claimed.", [("navy vessel", None, "Pratas")]),
    ("Two destroyers sailed to Guam on Friday, Washington said.", [("destroyers", None, "Guam")]),
    # what a force sends still comes from the state that says so
    ("The army sent troops to Chad, Paris said.", [("troops", "Paris", "Chad")]),
], ids=["entered-claimed", "sailed-said", "sent-said"])
def test_who_says_a_force_moved_sends_nothing(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    ("Fuel convoys drove from Dakar to Bamako.", []),
    ("A military fuel convoy drove from Dakar to Bamako.", [("military fuel convoy", "Dakar", "Bamako")]),
], ids=["fuel-convoys", "military-fuel-convoy"])
def test_a_fuel_convoy_is_no_force(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a ship named right after its class noun, whatever the parser made of the two
    ("Navy frigate Hamburg sailed to Kiel on Monday.", [("Hamburg", None, "Kiel", [])]),
    ("The Pentagon sent a destroyer Tuesday to the Red Sea.", [("destroyer", None, "Red Sea", [])]),
], ids=["class-noun-head", "weekday-after-class-noun"])
def test_ships_named_after_their_class_noun(pipeline, text: str, moves: list) -> None:
    assert _moves_via(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a military government moves as its army
    ("The junta reinforced Lashio with two battalions.", [("junta", None, "Lashio")]),
    ("The junta withdrew from Laukkai in January.", [("junta", "Laukkai", None)]),
    ("The junta moved to ban protests.", []),
    # vigilantes move as a force
    ("Vigilantes moved into Gusau on Friday.", [("Vigilantes", None, "Gusau")]),
    ("Armed vigilantes were sent to Tsafe to hold the cleared villages.", [("Armed vigilantes", None, "Tsafe")]),
    ("The vigilantes met in Gusau.", []),
], ids=["junta-reinforced", "junta-withdrew", "junta-moved-to-ban", "vigilantes-moved", "vigilantes-sent",
        "vigilantes-met"])
def test_a_junta_and_vigilantes_move_as_forces(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "every"/"each" with a clause of motion names a kind of force, none that moved
    ("Every ship that enters the Black Sea from Varna is tracked.", []),
    ("Each battalion the army sends to Kharkiv needs air cover.", []),
    ("Every unit of the brigade left Kherson on Monday.", [("unit", "Kherson", None)]),
    ("The army sends a battalion to Kharkiv each week.", [("battalion", None, "Kharkiv")]),
    ("Every time that troops cross into Belgorod, Moscow protests.", [("troops", None, "Belgorod")]),
    # casualties evacuated are no force moved
    ("Three wounded soldiers were flown to Kyiv for treatment.", []),
    ("Injured troops were evacuated to Landstuhl on Friday.", []),
    ("Soldiers were flown to Kyiv on Friday.", [("Soldiers", None, "Kyiv")]),
], ids=["every-ship-that", "each-battalion-it-sends", "every-unit-left", "each-week", "every-time", "wounded",
        "injured", "soldiers-flown"])
def test_kinds_of_force_and_casualties_do_not_move(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # what carries goes along with its load, whatever the load is
    ("A navy helicopter flew two injured civilians to Kherson on Sunday.", [("navy helicopter", None, "Kherson")]),
    ("A military transport plane flew the casualties to Lviv overnight.", [("military transport plane", None, "Lviv")]),
    ("The army flew aid to Kherson.", []),
    # a drone dropping munitions strikes; chartered aircraft are no force
    ("On Friday an army drone dropped three bombs on the outskirts of Gao.", []),
    ("A helicopter dropped explosives on the outskirts of Sumy overnight.", []),
    ("Chartered helicopters flew rice into Tera every week.", []),
], ids=["helicopter-flew-civilians", "plane-flew-casualties", "army-flew-aid", "drone-dropped-explosives",
        "drone-dropped-bombs", "chartered-helicopters"])
def test_a_carrier_goes_with_its_load(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # armoured cars are a force; "they" after them stands for them
    ("Two armoured cars entered Kidal at dawn.", [("armoured cars", None, "Kidal")]),
    ("Residents saw a few army lorries and some armoured cars; they rolled into Gao before noon.",
     [("armoured cars", None, "Gao")]),
    ("The minister's car drove to Bamako.", []),
    # "X said they had withdrawn": for a verb only a force does, the state or group that says so
    ("The Houthis insist they have pulled back from Harib.", [("Houthis", "Harib", None)]),
    ("Russia said they had withdrawn from Kherson.", [("Russia", "Kherson", None)]),
    ("The villagers said they fled to Harib.", []),
    ("The Rohingya said they fled to Teknaf.", []),
    ("Williams said they had withdrawn from Kherson.", []),
], ids=["armoured-cars", "they-after-armoured-cars", "a-minister-s-car", "the-group-said-they",
        "the-state-said-they", "villagers-fled", "a-people-fled", "a-person-said-they"])
def test_cars_and_what_a_state_says_it_did(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # continuing to X, continued south into X (not "continued to fight", nor a war going on)
    ("The frigate will stop at Souda Bay before continuing to Haifa.", [("frigate", None, "Haifa")]),
    ("The destroyer continued south into the Red Sea.", [("destroyer", None, "Red Sea")]),
    ("Russia continued its invasion of Ukraine.", []),
    ("The brigade would continue to patrol from Kramatorsk, the general said.", []),
    # a unit word before "wing" makes it a unit; a party's wing is none
    ("Islamabad moved one Frontier Corps wing from Quetta to Zhob last month.",
     [("Frontier Corps wing", "Quetta", "Zhob")]),
    ("The group's armed wing withdrew from Kidal.", [("group's armed wing", "Kidal", None)]),
    ("The party's youth wing moved to Lahore.", []),
], ids=["continuing-to", "continued-south-into", "continued-invasion", "continue-to-operate-from", "corps-wing",
        "armed-wing", "youth-wing"])
def test_continuing_and_wings(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # up or down a river: along it
    ("The gunboats sailed up the Nile on Monday.", [("gunboats", None, None, ["Nile"])]),
    ("Two navy patrol boats sailed down the Danube overnight.", [("navy patrol boats", None, None, ["Danube"])]),
    ("Army trucks were moving up the road towards the pass.", []),
], ids=["up-the-river", "down-the-river", "up-the-road"])
def test_up_and_down_a_river(pipeline, text: str, moves: list) -> None:
    assert _moves_via(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "due to X", "owing to X": a cause, no place gone to (`cause_words.jsonl`)
    ("The battalion was withdrawn early, due to Moscow.", []),
    ("The battalion was withdrawn early, owing to Moscow.", []),
    ("The battalion was withdrawn early, to Moscow.", [("battalion", None, "Moscow")]),
], ids=["due-to", "owing-to", "to"])
def test_a_cause_is_no_place_gone_to(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "the X section of the border": X
    ("Fresh battalions were rushed to the Goris section of the frontier.", [("Fresh battalions", None, "Goris")]),
    ("Reserve units moved into the Narva section of the frontier on Monday.", [("Reserve units", None, "Narva")]),
    ("Guards patrolled the northern section of the border.", []),
], ids=["section-of-the-border", "section-of-the-frontier", "no-name"])
def test_a_named_section_of_a_border(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "X, the town (that) troops withdrew from": X, however the parser hung the clause, known or not
    ("Elders still talk of Kodok, the village soldiers pulled back from in 2020.", [("soldiers", "Kodok", None)]),
    ("Elders still talk of Wunrok, the village soldiers pulled back from in 2020.", [("soldiers", "Wunrok", None)]),
    ("Elders still talk of Wunrok, the Pibor village soldiers pulled back from in 2020.",
     [("soldiers", "Wunrok", None)]),
    ("The memory of Dessie, the town soldiers pulled out of in 2021, still haunts residents.",
     [("soldiers", "Dessie", None)]),
    ("Army units advanced to Malakal from Pariang, the town the rebels withdrew from last year.",
     [("Army units", "Pariang", "Malakal"), ("rebels", "Pariang", None)]),
    # a village elder, a village where troops rested: no end of a movement
    ("The convoy passed Kodok, the village elder said on Monday.", []),
    ("Residents praised Kodok, the village where troops rested after the battle.", []),
], ids=["village-troops", "village-troops-unlisted", "area-village-troops", "town-soldiers-out-of",
        "town-the-rebels-unlisted", "village-elder", "village-where"])
def test_the_place_a_relative_clause_left_its_preposition_to(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


def _destination_statuses(pipeline, text: str) -> list[tuple[str | None, str]]:
    return [(m.destination.mention.text if m.destination else None, m.status)
            for m in analyse(pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "status"), [
    # a noun's "that" clause (the parser's relative clause) says what is denied
    ("The army denied stories in the press that soldiers had entered Marawi.", [("Marawi", "denied")]),
    ("The ministry rejected claims in the local press that troops had crossed into Belgorod.",
     [("Belgorod", "denied")]),
    # a relative clause of what is reported on is no denial
    ("The ministry published a report on the brigades that had crossed into Belgorod.", [("Belgorod", "reported")]),
], ids=["denied-reports-that", "rejected-claims-that", "report-on-brigades-that"])
def test_a_denied_report_that_forces_moved(pipeline, text: str, status: list) -> None:
    assert _destination_statuses(pipeline, text) == status


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "a second column", "another column": one more of the force the document named before
    ("An armoured column reached Gao on Monday. A second column will leave Kidal for Gao within days.",
     [("armoured column", None, "Gao"), ("column", "Kidal", "Gao")]),
    ("A tank column reached Gao on Monday. Another column left Kidal for Gao on Tuesday.",
     [("tank column", None, "Gao"), ("column", "Kidal", "Gao")]),
    ("The editor said a second column would move from Kidal to Gao next week.", []),
    # a relief column is sent to relieve a garrison (a relief convoy carries aid)
    ("A relief column reached Babanusa from El Obeid on Monday.", [("relief column", "El Obeid", "Babanusa")]),
    ("A relief column arrived in Sennar from Kosti on Friday, the army said.", [("relief column", "Kosti", "Sennar")]),
    ("A relief convoy carrying flour reached Babanusa on Monday.", []),
    # a ground column
    ("A ground column of militiamen will head from Kaya to Djibo.", [("ground column", "Kaya", "Djibo")]),
    ("A ground column left Kaya for Djibo on Friday.", [("ground column", "Kaya", "Djibo")]),
    # the Kurdish forces by their name
    ("Hundreds of Peshmerga moved into Sinjar overnight.", [("Peshmerga", None, "Sinjar")]),
    ("Peshmerga crossed into Sinjar on Monday.", [("Peshmerga", None, "Sinjar")]),
    ("Peshmerga leaders flew to Baghdad for talks.", []),
], ids=["a-second-column", "another-column", "a-second-newspaper-column", "relief-column", "relief-column-said",
        "relief-convoy", "ground-column-of", "ground-column",
        "hundreds-of-peshmerga", "peshmerga", "peshmerga-leaders"])
def test_columns_and_named_forces(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("headline", "moves"), [
    # a headline's verb whose object is the place, read as a noun before the name: the name is its object
    ("British frigate transits Strait of Hormuz", [("British frigate", None, None, ["Strait of Hormuz"])]),
    ("Dutch submarine transits Oresund", [("Dutch submarine", None, None, ["Oresund"])]),
    # "through" after a headline's verb: the way it goes
    ("Turkish destroyer sails through Bosporus", [("Turkish destroyer", None, None, ["Bosporus"])]),
    # no name after the verb, no place through: nothing moves
    ("Army enters talks with rebels", []),
    ("Navy sails through budget talks", []),
], ids=["transits-a-strait", "transits-a-sound", "sails-through", "enters-talks", "sails-through-talks"])
def test_a_headlines_verb_before_the_place_it_takes(pipeline, headline: str, moves: list) -> None:
    analysis = analyse(pipeline, headline + "\n\nThe ministry gave no further details on Monday.\n")
    assert _moves_via_of(analysis) == moves


def _moves_via_of(analysis) -> list[tuple[str | None, str | None, str | None, list[str]]]:
    return [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None, [v.mention.text for v in m.via])
            for m in analysis.movements]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize("text", [
    # a scraped headline run into the next sentence: mending its verb must leave a tree, never a cycle
    "British frigate transits Strait of Hormuz The warship was shadowed by two patrol boats on Monday, officials said.",
    "Dutch submarine transits Oresund The boat was seen by Danish officials on Monday.",
], ids=["strait-then-sentence", "sound-then-sentence"])
def test_a_headline_run_into_a_sentence_is_still_analysed(pipeline, text: str) -> None:
    analysis = analyse(pipeline, text + "\n")
    assert analysis.failed is None
    assert [(m.actor, m.trigger) for m in analysis.movements][:1] == [(text.split(" transits")[0], "transits")]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # the men a side owns, as what a verb moves, or a number of them
    ("Roughly 200 of his men were flown to Maiduguri on Tuesday.", [("his men", None, "Maiduguri")]),
    ("Dozens of his men were sent to Maiduguri on Monday.", [("his men", None, "Maiduguri")]),
    ("His men were sent to Maiduguri on Monday.", [("His men", None, "Maiduguri")]),
    # men no side owns are nobody in particular
    ("Hundreds of men were sent to Maiduguri to look for work.", []),
], ids=["number-of-his-men", "dozens-of-his-men", "his-men-were-sent", "men-of-no-side"])
def test_a_sides_men_sent(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


def _ends_placed(pipeline, text: str) -> list[tuple[str | None, str | None]]:
    """(origin, destination) of each movement, as the places they were resolved to."""
    return [(m.origin.place.name if m.origin and m.origin.place else None,
             m.destination.place.name if m.destination and m.destination.place else None)
            for m in analyse(pipeline, _body(text)).movements]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    # "the town": not a province qualifying a town noun ("the northern X town"), nor the verb's own other
    # end ("flown from X into the town")
    ("Army troops reached the outskirts of Lashio on Monday, the largest northern Shan town. "
     "Reinforcements were sent from Mandalay to the town on Tuesday.",
     [(None, "Lashio"), ("Mandalay", "Lashio")]),
    ("Rebels took Bambari in March. Government troops later returned to the central Ouaka town, "
     "and more soldiers were flown to the town on Friday.", [(None, "Ouaka"), (None, "Bambari")]),
    ("Troops moved into Kidal on Monday. More soldiers arrived in the town on Friday, the army said.",
     [(None, "Kidal"), (None, "Kidal")]),
], ids=["other-end-and-province-town", "province-town", "the-town-named-before"])
def test_the_town_a_movement_goes_to(pipeline, text: str, ends: list) -> None:
    assert _ends_placed(pipeline, text) == ends


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "places"), [
    # "X, the village (that) forces entered": a name the gazetteer lacks is kept as a place where
    # forces went, not wherever a kind noun follows it
    ("Aid workers visited Wunrok, the village the rebels entered in 2019.", ["Wunrok"]),
    ("Aid workers praised Wunrok, the village the farmers rebuilt in 2019.", []),
], ids=["village-rebels-entered", "village-farmers-rebuilt"])
def test_an_unlisted_village_forces_went_to(pipeline, text: str, places: list) -> None:
    assert [r.mention.text for r in analyse(pipeline, _body(text)).places] == places


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a standfirst under a headline in capitals, misread when parsed with the lines around it, is read
    # again on its own
    ("JUNTA'S TANKS ROLL INTO MYITKYINA\nGeneral sends armour north from Mandalay as rebels flee towards Muse\n",
     [("JUNTA'S tanks", None, "MYITKYINA"), ("armour", "Mandalay", None)]),
    ("ARMY'S TROOPS ROLL INTO BAMAKO\nGeneral sends armour north from Mandalay as rebels flee towards Muse\n",
     [("ARMY'S troops", None, "BAMAKO"), ("armour", "Mandalay", None)]),
    # a heading read right with the lines around it gives each movement once
    ("REBELS STORM INTO GOMA\nWarlord sends fighters south from Rutshuru as UN helicopters circle over the lake\n",
     [("REBELS", None, "GOMA"), ("fighters", "Rutshuru", None)]),
], ids=["standfirst-misread", "standfirst-misread-again", "read-right-once"])
def test_a_heading_is_read_on_its_own_too(pipeline, text: str, moves: list) -> None:
    analysis = analyse(pipeline, text + "\nWitnesses said the column arrived overnight.\n")
    assert _actor_ends(analysis) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "repositioned in X": a force stationed anew in X
    ("Several army units were repositioned in the Segou region last week.",
     [("Several army units", None, "Segou region")]),
    ("Two battalions were repositioned in Kherson last week.", [("battalions", None, "Kherson")]),
    ("Polling stations were repositioned in the Segou region.", []),
], ids=["units-repositioned-in", "battalions-repositioned-in", "polling-stations"])
def test_repositioned_in_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "jets from X air base flew over Y": the base the moving force comes from, though the gazetteer
    # lacks it and the model took its name for a people's
    ("Two jets from Kallax air base flew over Lulea on Friday.", [("jets", "Kallax", None, ["Lulea"])]),
    ("Helicopters from Wunrok air base flew to Juba on Monday.", [("Helicopters", "Wunrok", "Juba", [])]),
    # the force moves nowhere: no end
    ("Jets from Kallax air base were praised by the minister.", []),
], ids=["jets-from-a-base-over", "helicopters-from-a-base-to", "praised"])
def test_the_base_a_moving_force_comes_from(pipeline, text: str, moves: list) -> None:
    assert _moves_via(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "move"), [
    # "they" a sentence or two on: the force told of, past the places, owners and sources named since
    ('Witnesses said the rebels had crossed the Nile after dark from camps close to the town. '
     '"They came into Bor with trucks," a farmer said.', ("rebels", None, "Bor", [])),
    ("About 300 gunmen drove out of Misrata late on Friday following a gathering of clan elders at the college. "
     "They crossed Zliten before sunrise.", ("gunmen", None, "Zliten", [])),
    ('Rebel fighters crossed into Bor on Monday, local officials said. "They moved on to Juba," a farmer said.',
     ("Rebel fighters", None, "Juba", [])),
], ids=["they-in-a-quote", "they-past-a-meeting-of", "they-past-its-sources"])
def test_they_a_sentence_on(pipeline, text: str, move: tuple) -> None:
    assert move in _moves_via(pipeline, text)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize("text", [
    # people named since are who "they" are, and no force
    "Soldiers shelled the town on Monday. Dozens of families escaped. They reached Bor two days later.",
    "Troops entered the village on Monday. Residents said they fled to Bor.",
], ids=["they-families", "they-residents"])
def test_they_people_named_since(pipeline, text: str) -> None:
    assert not any(m[2] == "Bor" for m in _moves_via(pipeline, text))


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "X said it would withdraw": for a verb only a force does, "it" in a state's or group's clause is it
    ("Moscow said it would withdraw from Kherson within days.", [("Moscow", "Kherson", None)]),
    ("Ukraine said on Friday that it had retreated from Vuhledar.", [("Ukraine", "Vuhledar", None)]),
    # a person's "it" is something else
    ("Hamdan said it would withdraw from Juba.", []),
], ids=["state-it", "state-it-had", "person-it"])
def test_it_in_a_states_clause(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a quoted "we" of a speaker with a military rank: the force he speaks for
    ('"We are staying put and will not retreat from Kupiansk," Colonel Ivan Petrenko, who leads an artillery '
     'group there, told reporters.', [("Colonel Ivan Petrenko", "Kupiansk", None)]),
    ('"We will enter Malakal within days," Lieutenant Deng Akol said.', [("Lieutenant Deng Akol", None, "Malakal")]),
    # a governor's "we" is no force
    ('"We will enter Malakal within days," Governor Deng Akol said.', []),
], ids=["colonel", "lieutenant", "governor"])
def test_we_of_a_ranked_speaker(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a facility in a place: a force that goes into or out of it goes into or out of the place
    ("Troops entered the hospital in Khan Younis on Monday.", [("Troops", None, "Khan Younis")]),
    ("Soldiers pulled out of the cement plant in Vovchansk.", [("Soldiers", "Vovchansk", None)]),
    ("Troops guarded the school in Bor on Monday.", []),
], ids=["hospital-in", "plant-in", "guarded-a-school"])
def test_a_facility_in_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a force the parser hung on the date's phrase before the verb, and the date no part of its name
    ("In late May rebel fighters pushed into the suburbs of Gondar and held a district for a day.",
     [("rebel fighters", None, "Gondar")]),
    ("In late April militia fighters moved into the suburbs of Bor and held the market for a day.",
     [("militia fighters", None, "Bor")]),
    # the word before the verb, no force, moves nothing
    ("After heavy shelling reached Gondar, residents fled.", []),
], ids=["late-may-fighters", "late-april-fighters", "shelling-reached"])
def test_a_force_after_a_date(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    # "the town's barracks": the town named before, as the owner of a site a force leaves or reaches
    ("Rebels seized Bor in March. Army units abandoned the town's only barracks in late October.",
     [("Bor", None)]),
    ("Troops entered Kidal on Monday. More soldiers were sent to the town's airport on Friday.",
     [(None, "Kidal"), (None, "Kidal")]),
    ("Troops entered Kidal on Monday. The town's mayor fled to Gao on Friday.", [(None, "Kidal")]),
    # "the base's": which of the bases named, the words do not say
    ("Coalition forces left Bagram Air Base in May and moved to Kandahar Air Base. Afghan soldiers entered "
     "the base's eastern wing a day later.", [("Bagram Airfield", None), (None, "Kandahār")]),
], ids=["the-towns-base", "the-towns-airport", "the-towns-mayor", "the-bases-sector"])
def test_the_towns_site(pipeline, text: str, ends: list) -> None:
    assert _ends_placed(pipeline, text) == ends


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a convoy a name or a nationality qualifies is a force by what it carries
    ("A Turkish convoy carrying troops reached Idlib on Monday.", [("Turkish convoy", None, "Idlib")]),
    ("A Russian convoy reached Idlib on Monday.", [("Russian convoy", None, "Idlib")]),
    ("A Turkish convoy carrying flour reached Idlib on Monday.", []),
    ("The Kenya Red Cross convoy carrying food reached the hospital in Garissa.", []),
    # an armed group's convoys are a force whatever they are made of
    ("RSF fighters took Bara in June. Days later RSF convoys of lorries drove into El Obeid from Bara.",
     [("RSF convoys", "Bara", "El Obeid")]),
    ("Houthi fighters took Sirwah in May. Weeks later Houthi convoys of lorries drove into Marib from Sirwah.",
     [("Houthi convoys", "Sirwah", "Marib")]),
], ids=["carrying-troops", "no-load-named", "carrying-flour", "named-carrying-food", "armed-groups-convoys",
        "armed-groups-convoys-again"])
def test_a_qualified_convoy_by_its_load(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    # "to the border with X in the Y province": the stretch of the border in Y
    ("Extra units were rushed to the frontier with Poland in Volyn province.", [(None, "Volyn")]),
    ("Troops were sent to the border with Russia in the Kharkiv region.", [(None, "Kharkiv")]),
    # no place after "in": the border
    ("Troops were rushed to the frontier with Russia in large numbers.", [(None, "Russia border")]),
], ids=["border-in-a-province", "border-in-a-region", "border-in-a-show"])
def test_a_stretch_of_a_border(pipeline, text: str, ends: list) -> None:
    assert _ends_placed(pipeline, text) == ends


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "border"), [
    # "the border" with none named before: the one the two countries its sentence names share
    ("Thai troops crossed the border into Cambodia on Friday.", "border:KH-TH"),
    ("The army sent two battalions to the border after Chad and Sudan traded accusations.", "border:SD-TD"),
    # two countries that share no land border, or a third named: no border to take
    ("Japanese and American troops moved to the border on Monday.", None),
    ("Chad, Libya and Sudan sent troops to the border on Monday.", None),
], ids=["nationality-and-country", "two-countries-after", "no-shared-border", "three-countries"])
def test_the_border_of_the_two_countries_a_sentence_names(pipeline, text: str, border: str | None) -> None:
    moves = analyse(pipeline, _body(text)).movements
    ends = [r.place.id for m in moves for r in (m.origin, m.destination, *m.via) if r is not None and r.place]
    assert [e for e in ends if e.startswith("border:")] == ([border] if border else [])


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    # a hyphenated name the gazetteer writes solid (Petionville)
    ("Police units were sent to Pétion-Ville on Monday after gangs attacked the suburb.", [(None, "Pétionville")]),
    ("Gunmen from Cite Soleil drove into Petion-Ville on Sunday, residents said.", [(None, "Pétionville")]),
    ("A Franco-German brigade moved to Kyiv on Monday.", [(None, "Kyiv")]),  # no place written solid
], ids=["sent-to", "drove-into", "no-solid-place"])
def test_a_hyphenated_place_written_solid(pipeline, text: str, ends: list) -> None:
    assert _ends_placed(pipeline, text) == ends


@pytest.mark.model
@pytest.mark.full
def test_the_capitals_airport(pipeline) -> None:
    """ "the capital's airfield": the capital named before, owning the site."""
    text = ("Kenyan police push into Haiti's countryside\n\nThe Kenyan-led police mission in Haiti has begun patrols "
            "outside Port-au-Prince for the first time, officials said on Thursday.\n\nGangs control most roads out "
            "of the city. Washington delivered armoured trucks to the mission's compound at the capital's "
            "airfield, the officials said.\n")
    assert [(m.actor, m.destination.place.name if m.destination and m.destination.place else None)
            for m in analyse(pipeline, text).movements] == [("armoured trucks", "Port-au-Prince")]


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "status"), [
    # a denial above a modal: what is denied would not happen, so it is denied, not possible
    ("The spokesman denied that any foreign unit would be flown to Gao.", [("Gao", "denied")]),
    ("Moscow denied that it would send troops to Kherson.", [("Kherson", "denied")]),
    # a denial beside the clause, not above it
    ("He said soldiers would go to Gao soon, rejecting talk of a delay.", [("Gao", "possible")]),
    # a denial of something else to the force the clause describes
    ("Soldiers who would be flown to Gao were refused leave by their officers.", [("Gao", "possible")]),
], ids=["denied-would-be-sent", "denied-would-send", "denying-beside", "denied-leave"])
def test_a_denial_above_a_modal(pipeline, text: str, status: list) -> None:
    assert _destination_statuses(pipeline, text) == status


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a pronoun the subject of "en route" or "on the move": the force it stands for
    ("Rebel fighters left Bardere on Monday. They were then en route to Kismayo, an elder said.",
     [("Rebel fighters", "Bardere", None), ("Rebel fighters", None, "Kismayo")]),
    ("Two frigates left Tartus on Monday. They are on the move toward Cyprus, officials said.",
     [("frigates", "Tartus", None), ("frigates", None, "Cyprus")]),
    ("Residents left Bardere on Monday. They were then en route to Kismayo, an elder said.", []),
], ids=["they-en-route", "they-on-the-move", "residents-en-route"])
def test_a_pronoun_en_route(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "status"), [
    # "reports that forces moved are false": denied
    ("Reports that rebel fighters entered Bunia are false, the army said.", [("Bunia", "denied")]),
    ("Claims that troops had crossed into Belgorod were untrue, the ministry said.", [("Belgorod", "denied")]),
    ("Reports that troops entered Bunia are worrying, the minister said.", [("Bunia", "reported")]),
], ids=["reports-false", "claims-untrue", "reports-worrying"])
def test_reports_called_false(pipeline, text: str, status: list) -> None:
    assert _destination_statuses(pipeline, text) == status


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "the X displacement camp", "the X refugee camp": a place, though the gazetteer lacks it
    ("Gunmen pushed out of the Otash displacement camp into Nyala overnight.", [("Gunmen", "Otash", "Nyala")]),
    ("Militia fighters pulled back from the Kalma displacement camp to Nyala on Sunday.",
     [("Militia fighters", "Kalma", "Nyala")]),
    # a group's training camp is no place of its own
    ("Soldiers raided a militant training camp near Jilib and left on Monday.", []),
], ids=["displacement-camp", "displacement-camp-to", "training-camp"])
def test_a_camp_for_the_displaced(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "ends"), [
    # "the X axis", "the X sector": the town a stretch of the front is named after, whatever the model
    # took the name for
    ("Two fresh brigades were moved to the Kupiansk axis in April.", [(None, "Kupyansk")]),
    ("The army sent two fresh brigades to the Kupiansk axis in April.", [(None, "Kupyansk")]),
    # a body's camp is the body's
    ("Fighters left an al-Shabaab training camp near Jilib on Monday.", []),
], ids=["axis-moved", "axis-sent", "training-camp"])
def test_a_stretch_of_a_front_named_after_a_town(pipeline, text: str, ends: list) -> None:
    assert _ends_placed(pipeline, text) == ends


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a force thrown into or at a place goes there
    ("The army threw its last reserves into Bakhmut in May.", [("its last reserves", None, "Bakhmut")]),
    ("The army has thrown two brigades at Vuhledar this month.", [("brigades", None, "Vuhledar")]),
    # stones and parties are no force
    ("Protesters threw stones at police in Kherson.", []),
    ("The general threw a party for his officers in Kherson.", []),
], ids=["threw-reserves-into", "thrown-brigades-at", "threw-stones", "threw-a-party"])
def test_a_force_thrown_at_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "came down from X", "came up from X": from X (not "came from X", where one is from)
    ("Rebel fighters came down from Rutshuru overnight.", [("Rebel fighters", "Rutshuru", None)]),
    ("Tanks came up from Bakhmut on Sunday.", [("Tanks", "Bakhmut", None)]),
    ("A soldier who came from Tula was killed near Bakhmut.", []),
], ids=["came-down-from", "came-up-from", "came-from"])
def test_came_down_or_up_from(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "set foot on X": onto X (the idiom's foot moves nothing of its own)
    ("Marines set foot on Snake Island on Monday.", [("Marines", None, "Snake Island", "reported")]),
    ("No Russian marine has ever set foot on Bilohrudyi island, a spokesman said.",
     [("Russian marine", None, "Bilohrudyi", "denied")]),
    ("The council set a date for talks in Kherson.", []),
], ids=["set-foot-on", "no-soldier-set-foot", "set-a-date"])
def test_set_foot_on_a_place(pipeline, text: str, moves: list) -> None:
    assert [(m.actor, m.origin.mention.text if m.origin else None,
             m.destination.mention.text if m.destination else None, m.status)
            for m in analyse(pipeline, _body(text)).movements] == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # the parser takes the participle for the sentence's verb and the verb for a clause on the load
    ("Trucks mounted with anti-tank rockets left Tripoli at dawn.", [("Trucks", "Tripoli", None)]),
    ("Columns of trucks mounted with anti-tank rockets arrived from the outskirts of Odesa on Friday.",
     [("Columns", "Odesa", None)]),
    # ... with an auxiliary, or in a reported clause
    ("Scores of pickups mounted with rocket pods were seen leaving Tripoli at night.", [("pickups", "Tripoli", None)]),
    ("Officials said columns of trucks mounted with cannons arrived from the coast near Odesa.",
     [("columns", "Odesa", None)]),
    # the participle is the sentence's verb: what the militia mounted is no force
    ("The militia mounted raids with pickups that left Tripoli at dawn.", []),
], ids=["mounted-left", "mounted-arrived", "were-seen-leaving", "said-arrived", "mounted-raids"])
def test_a_vehicle_loaded_with_weapons(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # the men a force, an armed body or an officer owns are its fighters
    ("The brigade's men entered Odesa at dawn.", [("brigade's men", None, "Odesa")]),
    ("The commander's men entered Odesa at dawn.", [("commander's men", None, "Odesa")]),
    ("Hamas's men entered Tripoli overnight.", [("Hamas's men", None, "Tripoli")]),
    # anyone else's men are nobody in particular
    ("The farmer's men left Tripoli at dawn.", []),
], ids=["brigades-men", "commanders-men", "bodys-men", "farmers-men"])
def test_men_a_force_owns(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Army auxiliaries pulled back from Tripoli to Odesa on Sunday.", [("Army auxiliaries", "Tripoli", "Odesa")]),
    ("The auxiliaries entered Odesa after the army left.", [("auxiliaries", None, "Odesa")]),
    # staff who only assist
    ("The auxiliary staff moved to Odesa on Sunday.", []),
], ids=["auxiliaries-pulled-back", "auxiliaries-entered", "auxiliary-staff"])
def test_auxiliaries_are_a_force(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
def test_a_name_crossed_is_not_taken_for_a_town(pipeline) -> None:
    """A bare name a force crosses is mostly a river's, though some village shares it: the model's
    body stays no place, and no movement goes into the village."""
    analysis = analyse(pipeline, "Russian units cross Oskil near Kupiansk, Kyiv says\n\n"
                                 "The ministry gave no further details on Monday.\n")
    assert [m for m in analysis.movements if m.destination is not None and m.destination.mention.text == "Oskil"] == []


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "origin"), [
    # "the village" is the small place named before, not a capital named in between
    ("Eritrean troops entered Badme in 2020. Diplomats based in Addis Ababa report that the soldiers never "
     "left the village.", "Badme"),
    ("Rebel fighters entered Sake in March. Envoys posted to Kinshasa believe the rebels have since abandoned "
     "the village.", "Sake"),
], ids=["not-the-capital", "not-the-capital-2"])
def test_the_village_is_no_big_city(pipeline, text: str, origin: str) -> None:
    last = analyse(pipeline, _body(text)).movements[-1]
    assert last.origin is not None and last.origin.place is not None and last.origin.place.name == origin


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # what came of a movement, told in a participle of its own after a comma, holds none of its ends
    ("Japan sent two frigates to a disputed reef, raising worries that a wider war could pull in Libya.", []),
    ("Japan moved troops to a remote island, stoking concern that the crisis could spread to Libya.", []),
    # a participle of motion is a movement of its own
    ("Rebel units left Tripoli on Monday, heading for Odesa.",
     [("Rebel units", "Tripoli", None), ("Rebel units", None, "Odesa")]),
], ids=["raising-worries", "stoking-concern", "heading-for"])
def test_a_participle_of_consequence_holds_no_end(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a name before a compound of nouns qualifies the last of them: the camp, the place
    ("Israeli soldiers moved into the Ein Sultan refugee camp overnight.", [("Israeli soldiers", None, "Ein Sultan")]),
    ("Israeli soldiers moved into the Kafr Aqab refugee camp overnight.", [("Israeli soldiers", None, "Kafr Aqab")]),
    # ... and a compound that names no place leaves the name no end
    ("Japan sent troops to the Libya peace talks in Rome.", []),
], ids=["refugee-camp", "displacement-camp", "peace-talks"])
def test_a_name_before_a_compound_of_nouns(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a force withdrawing with no place of its own, in a sentence that names a place below its country,
    # is a unit leaving that place, not the whole country the story is about
    ("NIAMEY, Niger - Militants attacked an army post in southeastern Niger this week, officials said.\n\n"
     "The regional governor told radio in Diffa that the garrison would stay put and not withdraw.\n",
     []),
    ("BEIRUT, Lebanon - Shelling hit villages in southern Lebanon on Monday, officials said.\n\n"
     "The army deployed in Khiam after Israeli forces withdrew, a statement said.\n",
     [("army", None, "Khiam")]),
    # with none, the story's country
    ("KABUL, Afghanistan - The Taliban took two more districts in Afghanistan this week, officials in Kabul "
     "said.\n\nThe group made gains across the country after the alliance pulled out the bulk of its soldiers "
     "in 2014.\n", [("its soldiers", "KABUL", None)]),
], ids=["garrison-in-a-town", "forces-near-a-village", "alliance-from-the-country"])
def test_a_withdrawal_with_no_place_of_its_own(pipeline, text: str, moves: list) -> None:
    assert _actor_ends(analyse(pipeline, text)) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    ("Japanese troops were trucked to Odesa overnight.", [("Japanese troops", None, "Odesa")]),
    ("Marines disembarked at Odesa on Monday.", [("Marines", None, "Odesa")]),
    ("Rebel fighters sneaked into Tripoli at night.", [("Rebel fighters", None, "Tripoli")]),
    ("Japanese troops stepped back from Tripoli on Monday.", [("Japanese troops", "Tripoli", None)]),
    # a step that is no pull-back, a thing sneaked
    ("The army stepped in to restore order in Tripoli.", []),
    ("The crew snuck a message to Odesa.", []),
], ids=["trucked", "disembarked", "sneaked", "stepped-back", "stepped-in", "snuck-a-message"])
def test_more_verbs_of_motion(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a name set off by commas after a kind noun is that noun's, however the parser hung it
    ("Fighting spread in Helmand. Insurgents retreated from the regional capital, Lashkar Gah, officials said.",
     [("Insurgents", "Lashkar Gah", None)]),
    ("Fighting spread in Helmand. Rebels withdrew from the regional capital, Lashkar Gah, on Monday.",
     [("Rebels", "Lashkar Gah", None)]),
    # a name that goes on into its own clause is who speaks
    ("Fighting spread in Helmand. Troops advanced toward the regional capital, Ahmad Shah told reporters.", []),
], ids=["retreated-from", "withdrew-from", "name-speaks"])
def test_a_name_apposed_to_a_kind_noun(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "moves"), [
    # a pull-back by a distance from a place, with no place it went to, is away from that place
    ("The militia withdrew about 15 miles from Tripoli overnight.", [("militia", "Tripoli", None)]),
    ("Japanese troops fell back some 10 miles from Odesa overnight.", [("Japanese troops", "Odesa", None)]),
    # a deployment by a distance from a place is near it; so is a pull-back to positions there
    ("Japanese troops deployed 20 km from Odesa on Monday.", [("Japanese troops", None, "Odesa")]),
    ("The militia withdrew to positions 20 km from Tripoli.", [("militia", None, "Tripoli")]),
], ids=["withdrew-miles-from", "fell-back-miles-from", "deployed-km-from", "withdrew-to-positions-km-from"])
def test_a_distance_from_a_place(mini_pipeline, text: str, moves: list) -> None:
    assert _moves(mini_pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a state pushing into a place moves its forces, as when it advances or presses into it
    ("Turkey pushed into Idlib province on Sunday.", [("Turkey", "Turkey", "Idlib province")]),
    ("Ethiopia pushed deeper into Tigray overnight, officials said.", [("Ethiopia", None, "Tigray")]),
    # who pushes something else does not move: what is pushed does
    ("Warsaw accused Minsk of pushing migrants toward the Polish border at Kuznica.", []),
    ("Athens blamed Ankara for pushing refugees into Greece.", []),
    # ... unless it carries what it moves
    ("Two army helicopters evacuated a dozen injured troops from Bor to Juba.",
     [("army helicopters", "Bor", "Juba")]),
], ids=["state-pushed-into", "state-pushed-deeper", "pushing-migrants", "pushing-refugees", "helicopters-carry"])
def test_a_state_that_pushes_into_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # the subject of a clause that sets the time of another's action is that clause's subject
    ("Government troops burned crops as they advanced into Darfur.", [("Government troops", None, "Darfur")]),
    ("Rebel fighters looted shops as they withdrew from Goma.", [("Rebel fighters", "Goma", None)]),
    ("Sudan shells border villages as it pushes into Darfur\n\nNo details were given on Monday.",
     [("Sudan", None, "Darfur")]),
    # not for a verb others do too: who is stopped flees
    ("Soldiers stopped the villagers as they fled to Goma.", []),
], ids=["burned-as-they-advanced", "looted-as-they-withdrew", "heading-as-it-pushes", "stopped-as-they-fled"])
def test_a_pronoun_in_a_clause_of_time(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "status", "cue"), [
    # a movement that sets the time of what will or should happen has not happened yet
    ("Talks will not resume until the Japanese soldiers have left Libya.\n", "possible", "until"),
    ("Police will take over patrols once the Japanese battalion has left Tripoli.\n", "possible", "once"),
    # ... but it has when what it sets the time of did
    ("Residents cheered when the Japanese brigade withdrew from Tripoli.\n", "reported", None),
    # ... nor what may have followed it
    ("Prices may have risen after the Japanese brigade withdrew from Tripoli.\n", "reported", None),
], ids=["until-left", "once-left", "when-withdrew", "may-have-risen-after"])
def test_a_movement_that_sets_the_time_of_a_future_one(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.status_cue) == (status, cue)


@pytest.mark.model
@pytest.mark.parametrize(("text", "status", "cue"), [
    # a movement set for a later time, or owed, has not happened yet
    ("The Japanese brigade is scheduled to relocate to Tripoli next week.\n", "possible", "scheduled"),
    ("Two Japanese frigates are scheduled to sail from Odesa to Libya.\n", "possible", "scheduled"),
    ("The Japanese units are required to pull out of Tripoli under the truce.\n", "possible", "required"),
    ("Japanese mercenaries were supposed to pull out of Libya by March.\n", "possible", "supposed"),
    ("Tokyo has decided to dispatch a further 300 soldiers to Libya.\n", "possible", "decided"),
    # a span of time given for it
    ("The accord grants Japan ninety days to pull its marines out of Libya.\n", "possible", "days"),
    ("The Japanese militia has three weeks to pull out of Tripoli.\n", "possible", "weeks"),
    # ... not a span it took
    ("The Japanese troops took three days to reach Tripoli.\n", "reported", None),
    # ... nor one that only says when it happened
    ("The Japanese brigade moved to Tripoli as scheduled.\n", "reported", None),
], ids=["scheduled-relocate", "scheduled-sail", "required", "supposed", "decided", "days-to", "weeks-to",
        "took-days", "as-scheduled"])
def test_a_movement_still_to_be_made(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.status_cue) == (status, cue)


@pytest.mark.model
@pytest.mark.parametrize(("text", "status", "cue"), [
    # a heading's "X to do Y" is what X will do
    ("Japanese troops to deploy to Libya\n\nNo details were given on Monday.\n", "possible", "to"),
    ("Tokyo to send 200 more soldiers to Libya\n\nNo details were given on Monday.\n", "possible", "to"),
    # a heading in the present tells what is done
    ("Japanese troops deploy to Libya\n\nNo details were given on Monday.\n", "reported", None),
    # ... and "X not to do Y" what X will not do
    ("Japan not to send troops to Libya\n\nNo details were given on Monday.\n", "denied", "not"),
], ids=["troops-to-deploy", "state-to-send", "troops-deploy", "state-not-to-send"])
def test_a_heading_that_says_what_will_be_done(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    assert [(m.status, m.status_cue) for m in analyse(mini_pipeline, text).movements][:1] == [(status, cue)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "status", "cue"), [
    # a denial reaches a claim set in where it was made ("reports in outlets claiming that ...")
    ("Tokyo dismissed posts on a rebel channel claiming that its frigates had sailed to Libya.\n",
     "denied", "dismissed"),
    ("Tokyo rejected stories in several newspapers alleging that Japanese troops had entered Libya.\n",
     "denied", "rejected"),
    # a negation of another clause is not the claim's
    ("The ministry, which has not commented, said reports in local outlets showed that Japanese troops entered "
     "Libya.\n", "reported", None),
], ids=["dismissed-posts-on-a-channel", "rejected-stories-in-newspapers", "relative-not"])
def test_a_denial_of_a_claim_made_somewhere(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.status_cue) == (status, cue)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a word that hedges the number of a distance does not stop "within" reaching the place
    ("Rebel columns pushed to within about 30 miles of Goma.", [("Rebel columns", None, "Goma")]),
    ("The brigade moved to within roughly 12 miles of Kharkiv.", [("brigade", None, "Kharkiv")]),
], ids=["within-about", "within-roughly"])
def test_a_hedged_distance_within(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a withdrawal with no one named is one when it names the place it leaves
    ("The pullback from Kherson was completed in three days.", [("pullback", "Kherson", None)]),
    ("Officials said the withdrawal from Kabul had been chaotic.", [("withdrawal", "Kabul", None)]),
    # ... not a withdrawal from a treaty
    ("The withdrawal from the treaty angered Moscow.", []),
    # ... nor the one told before, named again with no place of its own
    ("Japan withdrew its frigates from Libya. Officials said the withdrawal had been chaotic.",
     [("its frigates", "Libya", None)]),
    ("Japan withdrew its frigates from Libya. Critics warned that the pullback could leave a vacuum.",
     [("its frigates", "Libya", None)]),
], ids=["pullback-from", "withdrawal-from", "from-a-treaty", "named-again", "pullback-named-again"])
def test_a_withdrawal_with_no_one_named(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # saboteurs are an armed party
    ("Ukrainian saboteurs slipped across the border into the Kursk region.",
     [("Ukrainian saboteurs", None, "Kursk region")]),
    # forced back, forced out: what is forced moves
    ("Two navy corvettes were forced back to Subic Bay by the storm.", [("navy corvettes", None, "Subic Bay")]),
    ("Government troops forced the rebels out of Marawi.", [("rebels", "Marawi", None)]),
    # ... not people who are no force, nor a vote
    ("The police forced the migrants back to Libya.", []),
    ("The opposition forced a vote on the deployment.", []),
    # a force evacuating a place leaves it (its object is where it was)
    ("Japanese troops evacuated their positions in Tripoli on Monday.", [("Japanese troops", "Tripoli", None)]),
    # a regime or junta moves its forces with a verb only a force does
    ("Should the regime push into Idlib, the rebels say, it will pay dearly.", [("regime", None, "Idlib")]),
    ("The regime retreated from Aleppo after the offensive.", [("regime", "Aleppo", None)]),
    # ... not when it moves closer to another state
    ("Analysts said the regime had moved closer to Moscow.", []),
], ids=["saboteurs", "forced-back", "forced-out", "migrants-forced-back", "forced-a-vote", "evacuated-positions",
        "regime-pushes",
        "regime-retreated", "regime-moved-closer"])
def test_saboteurs_forced_moves_and_regimes(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.parametrize(("text", "status", "cue"), [
    # what is not confirmed is not known: possible, not denied
    ("Officials in Tokyo have not confirmed the withdrawal of the frigates from Libya.\n", "possible", "confirmed"),
    ("Officials would not confirm that Japanese troops had entered Libya.\n", "possible", "confirm"),
    ("Japanese troops did not leave Tripoli, officials confirmed.\n", "denied", "not"),
    # a withdrawal expected or planned has not happened yet; one that had been planned has
    ("A similar drawdown from Tripoli is expected to begin in May.\n", "possible", "expected"),
    ("The withdrawal from Tripoli is planned for May.\n", "possible", "planned"),
    ("The pull-out of the Japanese marines from Tripoli had been planned months earlier.\n", "reported", None),
    # ... nor what a movement did ("allowed talks to resume"): it happened
    ("The withdrawal of Japanese troops from Tripoli allowed talks to resume.\n", "reported", None),
], ids=["not-confirmed-withdrawal", "not-confirm-entered", "did-not-leave", "drawdown-expected",
        "withdrawal-planned", "had-been-planned", "withdrawal-allowed"])
def test_unconfirmed_and_expected_movements(mini_pipeline, text: str, status: str, cue: str | None) -> None:
    [move] = analyse(mini_pipeline, _body(text)).movements
    assert (move.status, move.status_cue) == (status, cue)


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # beyond a place: as far as it and on
    ("Japanese troops moved beyond Tripoli on Monday.", [("Japanese troops", None, "Tripoli")]),
    ("The general insisted that his units would not advance beyond Kharkiv.", [("his units", None, "Kharkiv")]),
    # a verb's particle the parser took for the force's adjective is no part of its name
    ("The army is pulling back soldiers from Tripoli.", [("soldiers", "Tripoli", None)]),
    ("Both armies are pulling back troops from Kharkiv.", [("troops", "Kharkiv", None)]),
], ids=["moved-beyond", "advance-beyond", "pulling-back-soldiers",
        "pulling-back-troops"])
def test_beyond_and_particles(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a patrol is a small unit: when a verb only a force does moves it, or an army's
    ("Beijing's army pushed two patrols toward Tawang last winter.", [("patrols", None, "Tawang")]),
    ("An army patrol reached the town of Sudzha at dawn.", [("army patrol", None, "Sudzha")]),
    # ... not any patrol that moves
    ("The civilian monitors will extend their patrols to Goris next month.", []),
], ids=["pushed-patrols", "army-patrol-reached", "monitors-extend-patrols"])
def test_a_patrol(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a lone name the model takes for a body, where a force is sent to or leaves it: a village
    ("The army sent two more battalions to Mahagi on Friday.", [("battalions", None, "Mahagi")]),
    ("Rebel fighters withdrew from Mahagi overnight.", [("Rebel fighters", "Mahagi", None)]),
    ("Ugandan troops were sent to Mahagi and Djugu last month.", [("Ugandan troops", None, "Mahagi")]),
    # ... not an acronym, nor an organisation we list
    ("The battalion was transferred from NATO to national command.", []),
    ("Iran shipped rockets to Hezbollah last month.", []),
], ids=["sent-to", "withdrew-from", "sent-to-two", "acronym", "listed-organisation"])
def test_a_village_the_model_takes_for_a_body(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # "the X valley" names a place: the way through it leads on to where the force goes
    ("Russian infantry moved through the Oskil valley towards Kupiansk.",
     [("Russian infantry", None, "Kupiansk", ["Oskil valley"])]),
    ("Fighters slipped through the Panjshir valley towards Kabul.", [("Fighters", None, "Kabul", ["Panjshir"])]),
    # ... a valley with no name is none
    ("Troops moved deeper into the valley on Monday.", []),
], ids=["oskil-valley", "panjshir-valley", "the-valley"])
def test_a_named_valley(pipeline, text: str, moves: list) -> None:
    assert _moves_via(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a phrase that only says where the noun before it lies leads on to the place, whatever the noun
    ("The brigade pushed into farmland near Kharkiv on Sunday.", [("brigade", None, "Kharkiv")]),
    ("Militants retreated to the swamps around Maiduguri.", [("Militants", None, "Maiduguri")]),
    ("Gunmen withdrew from the hamlets around Maiduguri.", [("Gunmen", "Maiduguri", None)]),
    ("The battalion withdrew from the farms outside Kupiansk.", [("battalion", "Kupiansk", None)]),
    ("The gunmen pulled out of the farms near Kupiansk on Friday.", [("gunmen", "Kupiansk", None)]),
    ("The regiment pushed into the orchards along the Euphrates River.", [("regiment", None, "Euphrates River")]),
    ("Snipers moved into the olive groves above Hebron.", [("Snipers", None, "Hebron")]),
    ("The army moved two companies to the hills overlooking Kassala.", [("companies", None, "Kassala")]),
    # ... and a name there the model takes for a person is a place
    ("Troops moved to positions near Avdiivka.", [("Troops", None, "Avdiivka")]),
    ("The brigade pushed into the fields near Avdiivka.", [("brigade", None, "Avdiivka")]),
    # ... not a place near what happened before the movement
    ("More troops were deployed after clashes near Kassala.", []),
    ("The army deployed troops after clashes near Kassala.", []),
    # ... nor "between", which as often names who meets or fights whom
    ("Peacekeepers were sent to the talks between Sudan and Chad.", []),
], ids=["farmland-near", "swamps-around", "from-hamlets-around", "farms-outside", "out-of-farms-near",
        "orchards-along", "groves-above", "hills-overlooking",
        "positions-near-person-tagged", "fields-near-person-tagged", "after-clashes-near", "deployed-after-clashes",
        "talks-between"])
def test_a_place_that_locates_the_end(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a unit "from" a force is a part of it
    ("A company from the 12th Infantry Battalion was moved to Garissa.", [("company", None, "Garissa")]),
    ("A group from the 3rd Brigade crossed into Kassala on Monday.", [("group", None, "Kassala")]),
    # ... not a group from a village, nor a company from a state
    ("A group from the village moved to Kassala on Monday.", []),
    ("A company from Texas moved to Austin last year.", []),
], ids=["company-from-battalion", "group-from-brigade", "group-from-village", "company-from-state"])
def test_a_unit_from_a_force(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a name no gazetteer has that completes a site a force goes to or leaves is a village's
    ("Troops reached the outskirts of Makalondi on Sunday.", [("Troops", None, "Makalondi")]),
    ("Militants withdrew from the edge of Makalondi on Friday.", [("Militants", "Makalondi", None)]),
    # ... also where the parser hangs "near X" on the verb, and where the model took the name for a body
    ("Soldiers withdrew from farms near Makalondi on Friday.", [("Soldiers", "Makalondi", None)]),
    ("Militants withdrew from the edge of Kondiba on Friday.", [("Militants", "Kondiba", None)]),
    ("Soldiers pushed into positions near Kondiba on Friday.", [("Soldiers", None, "Kondiba")]),
    ("Troops withdrew from positions on the edge of Makalondi.", [("Troops", "Makalondi", None)]),
    # ... not a name near a time, nor the home of residents, nor a body's name near an event
    ("Soldiers withdrew on Friday near Makalondi.", []),
    ("Residents of Makalondi said soldiers had arrived in the region.", []),
    ("The soldiers marched to the protest outside Parliament in Khartoum.", []),
], ids=["outskirts-of", "edge-of", "farms-near-on-the-verb", "edge-of-body", "positions-near-body",
        "positions-on-the-edge-of", "near-after-a-time", "residents-of", "protest-outside-a-body"])
def test_a_village_that_completes_a_site(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a village's name the tagger took for a common noun, though the model gave it a name's tag
    ("Two more platoons were flown to Maguing on Monday.", [("platoons", None, "Maguing")]),
    ("Troops advanced on Makalondi on Sunday.", [("Troops", None, "Makalondi")]),
    ("Soldiers entered Makalondi, a village near the border, on Sunday.", [("Soldiers", None, "Makalondi")]),
    # ... not a capitalised common noun that names no place
    ("The soldiers moved to Headquarters on Monday.", []),
], ids=["sent-to-noun-person", "advanced-on-noun-product", "entered-noun-product", "headquarters"])
def test_a_village_the_tagger_takes_for_a_common_noun(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves", "country"), [
    # a small town known by another spelling, in a country the text names, where a force goes
    ("Nigeria's army flew two companies to Malam Fatori on Tuesday.", [("companies", None, "Malam Fatori")], "NG"),
    ("Iraqi troops moved into Amadiya on Monday.", [("Iraqi troops", None, "Amadiya")], "IQ"),
    # ... not when the text names no country it lies in, nor a name of another kind GeoNames also lists
    ("Troops were flown to Malam Fatori on Tuesday.", [], None),
    ("British troops returned to Headquarters after the patrol in Helmand.", [], None),
], ids=["alternate-spelling-nigeria", "alternate-spelling-iraq", "no-country-named", "another-kind-of-name"])
def test_a_small_town_by_another_spelling(pipeline, text: str, moves: list, country: str | None) -> None:
    analysis = analyse(pipeline, _body(text))
    assert _actor_ends(analysis) == moves
    assert [m.destination.place.country_code for m in analysis.movements
            if m.destination and m.destination.place] == ([country] if country else [])


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a bearing the parser took for the verb's object ("eastwards") moves nothing: the subject goes
    ("The militia pulled out eastwards toward Jowhar at dawn, witnesses said.", [("militia", None, "Jowhar")]),
    ("The fighters withdrew northwards to Jowhar.", [("fighters", None, "Jowhar")]),
    # ... not a load the subject sends on its way
    ("The navy sent food northwards to Jowhar.", []),
    ("The soldiers sent food and water eastwards to Kassala.", []),
], ids=["pulled-out-eastwards", "withdrew-northwards", "sent-food-northwards", "sent-food-and-water-eastwards"])
def test_a_bearing_is_no_object(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves


@pytest.mark.model
@pytest.mark.full
@pytest.mark.parametrize(("text", "moves"), [
    # a thing near a place, of a site the movement goes into or leaves: the place
    ("Thai marines pushed into the walled compound of a shrine near Surin.", [("Thai marines", None, "Surin")]),
    ("Rebels withdrew from the far edge of a forest near Kassala.", [("Rebels", "Kassala", None)]),
    # ... not a thing near a place, of someone named in another phrase of the verb
    ("Troops left their posts after a visit by the owner of a farm near Kassala.", []),
], ids=["compound-of-temple-near", "edge-of-forest-near", "owner-of-farm-near"])
def test_a_site_of_a_thing_near_a_place(pipeline, text: str, moves: list) -> None:
    assert _moves(pipeline, text) == moves
