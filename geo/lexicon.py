"""Every word list the analysis reads (zones, recognition, events), from one home:
``geo/data/lexicon/``, one JSONL file per word class, loaded once per process into a frozen
:class:`Lexicon`. (Place nouns and direction words, which the gazetteer reads too, live in
``gazetteer/data/``.)

Adding a word is one line in its file (and a test of your own wording that needs it):

- ``motion.jsonl``: movement verbs and nouns (``{"lemma": "send", "pos": "verb", "weak_destination":
  true}``); ``weak_destination``: "in/at X" after it is a destination ("deployed in X");
  ``object_is_destination``: its direct object is where the force goes ("entered X"); ``mode``: how
  the verb moves ("sail" -> sea); ``military``: only a force does it ("advance", "withdraw",
  "invasion"), so a state, armed group or nationality as its subject or modifier is the force
  ("Ruritania withdrew from X", "the Ruritanian invasion of X"); for a noun, ``object_is_destination``
  makes "of X" the destination ("the invasion of X"); ``recipient``: its "to" may name whom rather
  than where ("sent troops to Ahmed X to guard him"), so a person's full name after it is no place.
- ``forces.jsonl``: what can move, by class (``{"word": "frigate", "class": "vessel"}``); a row with
  ``"needs": "modifier"`` is a force only with one of its ``with`` words ("armoured vehicles",
  "missile systems"), ``"needs": "group"`` only as members of an organisation or armed group
  (or with a ``with`` word: "service members"), ``"needs": "name"`` only capitalised, as a name's
  last word ("the X Rifles"); a ``container`` row ("convoy", "flotilla") is a force
  unless its "of" phrase names something else ("a convoy of aid trucks", "a flotilla of fishing boats").
  A ``"needs": "modifier"`` or ``"group"`` row is a force also when an armed group the document
  names qualifies it ("two companies of the X militia", "X companies"); a ``"stands_for_name"`` row
  ("group"), with "the" and nothing that says what it is, stands for the organisation named last,
  and is a force when that one is an armed group ("X fighters ... an X spokesman said the group left Y").
  ``designations.jsonl``: the prefixes of military aircraft type designations and the most digits
  their numbers have ("Su" makes "Su-25s" aircraft; "F" two, so a "Ford F-250" is none; "A400M"),
  and the nouns a designation before them makes aircraft ("Il-76 transports"; not "B-2 visa holders"),
  and the names of aircraft types written as words ("two RAF Typhoons", "the Rafales"; capitalised, with a
  word qualifying them, never a storm's "Typhoon X").
  ``non_force_modifiers.jsonl``: words that make a force word something else ("aid convoy",
  "cargo ship"); ``vessel_prefixes.jsonl``: the prefixes of named warships ("USS", "HMS").
- ``site_nouns.jsonl``: where a force can be inside a place ("an army base in X", "the front lines
  in X", "X's airspace", "Ruritanian territory"): as the object of "entered", "reached", "left",
  the place it lies in is the end; with the distances ("km"), they also lead a strong preposition on
  to the place ("to the outskirts of X", "to within 12 km of X"); a ``territory`` one makes a
  nationality word or a possessor the place ("entered Ruritanian airspace", "Ruritania's waters"),
  with ``possessor_only`` a possessor only ("Ruritania's zone", not "the Ruritanian zone of the
  city"); any other makes a town that owns it the place ("landed at X's airfield"), unless the site
  has a place phrase of its own ("X's base in Y"). A ``sector`` one ("axis", "sector") names a
  stretch of a front after its town: the name before it is the town's even when the model took it
  for a body's (not so "the X training camp").
- ``motion.jsonl`` also: ``object_is_origin`` ("left X"); ``for_destination`` ("headed for X");
  ``on_destination`` ("advanced on X");
  ``subject_moves``: the subject goes along with what it moves ("escorted a convoy to X");
  ``object_stays``: a force as its object stays where it is ("left one battalion to guard X");
  ``defers_to_noun``: a motion noun as its object is the movement, not the verb ("ordered the
  withdrawal of X");
  ``displaces``: its object (a state or armed group too) is what moves ("pushed X out of Y");
  ``extends``: it carries a military motion noun on to a place ("extended the offensive to X");
  ``delivers``: only what it hands over moves, never its subject ("supplied tanks to X", "provided
  X with howitzers": with ``object_is_destination``, a place as its object is the recipient);
  ``agentless``: a military noun that is a movement with a place even when no one is named ("the
  invasion of X", "an incursion into X"); ``with``: a noun that is a movement only with one of
  these modifiers ("a ground operation", not "an operation"); ``family``: the verb and nouns that name one kind of
  movement ("invade", "invasion"): "the invasion", "its offensive" with no place of their own are
  the one of that kind the document placed last; ``particles``: the verb is of its family only with
  one of them ("pull out", not "pulled the unit in all directions"); ``no_object``: a movement only
  without a direct object, or with one and a destination ("swept into X", "got reinforcements to X";
  not "swept the fighters from X", "got the tanks"); ``not_particles``: with one of these the verb is
  no movement ("pulled over a car"); ``only_particles``: the verb is a motion word only with one of
  these ("took off from X", "set out from X", "turned back to X"; not "took the town", "set a date");
  ``only_prepositions``: likewise with a preposition ("bound for X", not "bound by a treaty"); with
  both lists, either will do ("came back to X", "came through X"; not "came from X");
  ``only_objects``: likewise with an idiom's object ("set foot on X", not "set a date");
  ``movers``: the force classes the verb moves ("travel": personnel and units; an aircraft travelling
  is a flight, not a deployment); ``water_object_is_via``: a sea, strait or river as its object is
  passed through, not reached ("crossed the strait", but "crossed the border into X" goes to X);
  ``not_with_complement``: no movement when its object has a complement ("leaving X as the only
  power there", "left the town empty": X stays); ``object_is_via``: any place as its object is
  passed through ("transited the strait", "passed the
  town on the way north"); ``off_is_origin``: "off X" is where the force was ("pulled two regiments off
  the X axis", "units taken off the X front"; not "deployed off X's coast"); ``across_is_destination``:
  "across X" is where the force is spread ("deployed across X"; "moved across X" goes through it).
  ``headline_verb``: a verb whose third-person form a headline uses ("Navy frigate sails to X") and
  the parser may read as a plural noun, mended by ``geo.nlp.components.headline_verbs``; not a verb
  whose "-s" form is mostly a noun ("ships", "orders", "supplies").
- ``home_verbs.jsonl``: participles that say where a force is kept ("troops based at X", "frigates
  stationed in X"): a place in such a phrase is the force's home, no end of the movement told.
- ``light_verbs.jsonl``: verbs whose subject is the force of the military noun they take ("X
  launched an offensive on Y", "X began its invasion of Y").
- ``continuation_words.jsonl``: words that make a military noun a war going on, not a movement told
  ("X continues its invasion of Y", "the ongoing offensive in Y").
  A ``forces.jsonl`` row with ``"needs": "military verb"`` ("observers", "men") is a force only
  as what a ``military`` verb moves ("deployed observers", "withdrew its men"), or with one of its
  ``with`` words ("sent military observers", "a peacekeeping mission"). A row with
  ``"conveyed": true`` ("missile") is a force also, with no modifier, as what a ``conveys`` verb of
  ``motion.jsonl`` carries ("the launcher's missile was trucked to X", "missiles shipped to X"):
  carried by road, sea or air, not fired; so is what a ``conveys`` noun carries ("a shipment of
  shells", "rocket deliveries"). ``"needs": "conveyance"`` ("bomb", "shell"): a force only so.
- ``combat_purposes.jsonl``: a purpose that makes whoever goes a force ("went to X to fight", "to
  join the fight", "to bear arms"): purpose verbs, verbs that join a combat object, and the objects;
  and purposes of support ("sent troops to back the Ruritanian army"): the supported state is where
  a movement with no place named goes; and nouns of defence ("arms for X's defence"): their
  possessor, after "for", is where what is sent goes; and receiving sides (``recipient``: "weapons to
  the X regime", "to the X army"): the country of the nationality word is where it goes.
- ``referring_nouns.jsonl``: nouns that, as "the <noun>", name a place of the given kinds named
  before in the same document ("sent troops into the region", "arrived in the country");
  ``region_of_town``: with none of its kinds named, the first-order region of the town named last
  ("took X ... moved into the province"); ``capital``: the national capital named last, else the
  capital of the story's country ("withdrew from the capital"); ``also``: other words a place's name
  may hold for it ("the reef": the last place named a shoal or a reef); ``most_people``: no place of
  that many people or more is meant ("the village" is no capital named in between).
- ``water_words.jsonl``: words that name water in a name ("the X River", "Lake X"), or a bridge or
  crossing: a crossed name the gazetteer lacks that holds one is passed through, not reached; so is
  one it resolves that ends in one not its place's own name ("the X Bridge" resolved to the town X).
- ``intent_nouns.jsonl``: nouns of intent whose "of" or "for" gerund is the movement of the one who
  has them ("the brigade has no plans for entering X", "they had the aim of moving to Y").
- ``name_heads.jsonl``: the last word of a capitalised name that makes it a place whatever the model
  tags it ("X Bay", "the X Forest"), or the lower-case head a name qualifies ("the X crossing");
  ``title_only``: only as the capitalised last word ("X Air Base"; "the X base" may be a group's);
  ``after``: a lower-case head all the same right after one of these words ("the X air base", "the X
  border post").
- ``route_nouns.jsonl``: nouns whose places are the movement's ("on their way to X", "en route to X").
- ``control_verbs.jsonl``: verbs whose subject, not their object, does what their infinitive says
  ("X promised Y to send troops": X sends; "X asked Y to send troops": Y sends).
- ``directive_verbs.jsonl``: verbs that tell their object to do what their infinitive says ("ordered
  residents to leave X"): the subject does not move.
- ``causative_verbs.jsonl``: verbs whose object is made to do what their infinitive says, so
  speaks it ("the shelling prompted the army to warn that ...": the army warned).
- ``prepositions.jsonl``: the role a preposition gives the place it governs, strong or weak;
  ``locates``: a phrase that only says where the noun before it lies ("farmland near X", "the
  ridges around X"), so whatever that noun is, a movement into or out of it goes to or from X.
- ``status_cues.jsonl``: words that make a movement possible (modal, intent, hedge, condition,
  opposition: "will not oppose a withdrawal" is no more a withdrawal than "opposes" is) or
  denied (deny; falsity: "reports that troops entered X are false");
  ``with``: a word that is a cue only with one of these prepositions ("called for a
  withdrawal", "called on X to leave"; not "called the deployment a mistake"); ``sequence``: a
  gerund after the word has the mood of the verb it follows ("will call at X before sailing on to Y");
  ``occurrence``: a verb whose negation denies the motion noun that is its subject ("the withdrawal did
  not happen"; not "the arrival of X will not intimidate us").
- ``sense_frames.jsonl``: verbs that report speech only in some frames ("attacked the plan as
  reckless" or "attacked ... saying", not "attacked the town"): the frames and prepositions in which
  the cue model may take them (``null``: any frame; ``object:X``, with X as its object: "claimed
  responsibility"), and the particles, objects, subjects and infinitives with which it never does
  ("called up reservists", "the blast claimed 20 lives", "videos showed", ask with "to be named").
- ``archive_words.jsonl``: words that make a photo caption an archive picture ("in this file
  photo"): its movements are not read.
- ``credit_words.jsonl``: words before a colon that make what follows a credit, not a speaker
  ("Photo credit: NAME").
- ``habitual_words.jsonl``: adverbs that make a cue habitual ("has repeatedly said", "has long
  argued"): speech on many unspecified occasions, no statement of its own.
- ``speaker_nouns.jsonl``: the kind a speaker the text names by a noun is (the ministry: government;
  the militia: organisation; the statement: media; a witness: title).
- ``report_verbs.jsonl``, ``stance_verbs.jsonl``, ``kickers.jsonl``, ``government_nouns.jsonl``,
  ``titles.jsonl``, ``pronouns.jsonl``, ``name_particles.jsonl``, ``media.jsonl``: who speaks, and
  who only reports. A report verb marked ``continues`` ("add", "note") goes on with the speaker's
  own words: ", adding that ..." is the reporter's even where the parser hangs it on what was said.
- ``modes.jsonl``: the mode a transport word names ("ferry" -> sea).
- ``size_words.jsonl``: how a size is said ("at least", "tens of thousands", "elite") and the value
  of magnitude words.
- ``place_cues.jsonl``: words after which "in/at X" says where something was said ("speaking in X"),
  and the words that block it ("said that ... in X"); ``topic`` prepositions: a place after one of
  them in a speaker's phrase is what the speaker deals with ("the envoy to X"), not its affiliation;
  so is a country named as a ``topic head``'s modifier ("a X analyst"). ``another place``: adjectives
  that keep "the <adjective> town" from referring to the town named before ("the next village").
  ``away from the capital``: words that keep a speaker from being placed at its country's capital
  ("opposition media", "exiled journalists").
- ``list_words.jsonl``, ``border_nouns.jsonl``, ``quantity_words.jsonl``: small function-word classes.
- ``cause_words.jsonl``: words that make the "to" after them a source or a cause ("according to X",
  "due to X"), no place gone to.
- ``partitive_speakers.jsonl``: words that, with "of", name speakers by a part of a group ("one of the
  witnesses said": one person, a ``title``; "several of the officials": a ``group``, as any number is:
  "three of the soldiers").
- Recognition: ``organisation_words.jsonl`` (words that make a name an organisation's),
  ``generic_words.jsonl`` (words that name a place somewhere but mostly are just words),
  ``place_fragments.jsonl`` (name particles, facility words and generic nouns: never a place on
  their own), ``club_words.jsonl`` (a town then one of these in an organisation's name is a
  sports club), ``facility_prefixes.jsonl`` ("Naval Station X", "RAF X": the facility is at X; rows with
  ``"where": "story"``, "Camp X", only where the story's countries hold X),
  ``place_prepositions.jsonl``, ``articles.jsonl``.
- Zones: ``stop_words.jsonl``, ``furniture.jsonl`` (page furniture phrases; those marked ``opening``
  only where they open a sentence or the paragraph is short), ``share_buttons.jsonl``,
  ``photo_words.jsonl``, ``field_labels.jsonl`` (a scraper's field labels: "TITLE:", "LINK:").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent / "data" / "lexicon"


@dataclass(frozen=True, slots=True)
class Lexicon:
    motion_verbs: frozenset[str]
    motion_nouns: frozenset[str]
    military_verbs: frozenset[str]  # only a force does it: "advance", "withdraw" (a state as subject moves its forces)
    military_nouns: frozenset[str]  # "invasion", "withdrawal": "the Ruritanian invasion" is a move of its forces
    qualified_motion_nouns: Mapping[str, frozenset[str]]  # "operation" -> {"ground", ...}: a motion only so
    weak_destination_triggers: frozenset[str]  # "deployed in X": X is where they went
    object_is_destination: frozenset[str]  # "entered X", "crossed X"
    verb_modes: Mapping[str, str]  # "sail" -> "sea"
    forces: Mapping[str, str]  # word -> class (personnel, unit, vessel, aircraft, vehicle, weapon)
    conditional_forces: Mapping[str, tuple[str, str, frozenset[str]]]  # word -> (class, needs, with)
    name_referents: frozenset[str]  # "group": "the group" stands for the organisation named last
    non_force_modifiers: frozenset[str]  # "aid" convoy, "cargo" ship
    vessel_prefixes: frozenset[str]  # "uss", "hms"
    designation: re.Pattern[str]  # "Su-25s", "F-16", "A400M": a military aircraft named by its type designation
    designation_heads: frozenset[str]  # "transport": "Il-76 transports" are aircraft
    aircraft_names: frozenset[str]  # "typhoon", "rafale": "two RAF Typhoons" are aircraft
    route_nouns: frozenset[str]  # "way", "route": "on their way to X" is the movement's destination
    subject_control: frozenset[str]  # "promise": "X promised Y to send" -> X sends
    causative_verbs: frozenset[str]  # "prompt": "X prompted Y to warn" -> Y warned
    directive_verbs: frozenset[str]  # "order": "X ordered Y to leave" -> Y leaves, not X
    displacement_verbs: frozenset[str]  # "push": the object moves out of a place
    extension_verbs: frozenset[str]  # "extend": the motion noun it takes moves on to a place
    military_verb_forces: frozenset[str]  # "observer", "man": a force only as a military verb's object
    conveyance_verbs: frozenset[str]  # "drive", "ship": they carry what they move, they do not fire it
    recipient_verbs: frozenset[str]  # "send": its "to" may name whom ("sent troops to Ahmed X"), not where
    conveyance_nouns: frozenset[str]  # "shipment", "delivery": a shipment of X carries X
    conveyed_forces: frozenset[str]  # "missile": a weapon also when a conveyance verb moves it, unqualified
    conveyed_munitions: frozenset[str]  # "rocket", "gun": a weapon only when carried (a convoy carrying guns)
    container_forces: frozenset[str]  # "convoy": a force unless its "of" phrase names no force
    delivery_verbs: frozenset[str]  # "supply", "provide": only what they hand over moves, never their subject
    agentless_nouns: frozenset[str]  # "invasion": a movement with a place even when no one is named
    home_verbs: frozenset[str]  # "base", "station": "troops based at X" keep X as their home, no end
    light_verbs: frozenset[str]  # "launch", "begin": their subject is the force of the military noun they take
    families: Mapping[str, str]  # "invasion" -> "invade": words that name one kind of movement
    continuation_words: frozenset[str]  # "continue", "ongoing": a military noun they govern is a war going on
    particles: Mapping[str, frozenset[str]]  # "pull" -> out, back: its family's sense needs one of them
    intransitive_motion: frozenset[str]  # "sweep": a movement only with no direct object
    motion_not_particles: Mapping[str, frozenset[str]]  # "pull" -> over: "pulled over a car" is no movement
    motion_only_particles: Mapping[str, frozenset[str]]  # "take" -> off: "took off from X", not "took X"
    motion_only_prepositions: Mapping[str, frozenset[str]]  # "bind" -> for: "bound for X", not "bound by X"
    motion_only_objects: Mapping[str, frozenset[str]]  # "set" -> foot: "set foot on X", not "set a date"
    motion_movers: Mapping[str, frozenset[str]]  # "travel" -> personnel, unit: only these classes move so
    water_object_is_via: frozenset[str]  # "cross": "crossed the strait" passes through it
    object_is_via: frozenset[str]  # "transit": "transited the strait", "passed the town" go through it
    off_is_origin: frozenset[str]  # "pull": "pulled the units off the X axis" takes them from X
    across_is_destination: frozenset[str]  # "deploy": "deployed across X" spreads them over X
    not_with_complement: frozenset[str]  # "leave": "leaving X as Y", "left X empty" is no movement
    headline_verbs: frozenset[str]  # "sail": "Navy frigate sails to X" mended when read as a plural noun
    water_words: frozenset[str]  # "river", "lake": a name the gazetteer lacks holding one names water
    name_heads: frozenset[str]  # "bay", "forest", "crossing": a name ending in one (or heading one) is a place
    intent_nouns: frozenset[str]  # "intention", "plans": "has no plans for entering X" is the subject's move
    natural_name_heads: frozenset[str]  # "shoal", "forest": such a name is not at the town its first words name
    title_name_heads: frozenset[str]  # "base", "camp": a place only as a name's capitalised last word ("X Air Base")
    qualified_name_heads: Mapping[str, frozenset[str]]  # "base" -> air, naval: "the X air base" is a place's
    combat_verbs: frozenset[str]  # "fight", "defend": as a purpose, the one who goes is a force
    combat_joining_verbs: frozenset[str]  # "join", "bear": with a combat object ("join the fight")
    combat_objects: frozenset[str]  # "fight", "arms", "front"
    support_verbs: frozenset[str]  # "back", "help": "sent troops to back the X army" -> to X
    defended_nouns: frozenset[str]  # "defence": "arms for X's defence" -> to X
    recipient_nouns: frozenset[str]  # "regime", "army": "weapons to the X army" -> to X
    referring_nouns: Mapping[str, frozenset[str]]  # "region" -> place kinds "the region" can refer to
    region_of_town_nouns: frozenset[str]  # "province": with none named, the one the last town lies in
    capital_nouns: frozenset[str]  # "capital": the national capital named last, else the story country's
    referring_synonyms: Mapping[str, tuple[str, ...]]  # "reef" -> ("shoal", ...): "the reef" is X Shoal too
    referring_most_people: Mapping[str, int]  # "village" -> 100000: "the village" is no city of a million
    site_nouns: frozenset[str]  # "base", "front", "airspace": where a force is, inside a place
    sector_nouns: frozenset[str]  # "axis", "sector": a stretch of a front named after its town, never a body's
    territory_nouns: frozenset[str]  # "airspace", "waters": "Ruritanian airspace" is Ruritania's
    distance_nouns: frozenset[str]  # "km", "miles": "advanced three kilometres into X" moves no kilometres
    possessed_territory: frozenset[str]  # "zone": a territory only of a possessor ("X's zone", not "the X zone")
    object_is_origin: frozenset[str]  # "left X", "evacuated X"
    for_destination: frozenset[str]  # "headed for X", "left for X"
    on_destination: frozenset[str]  # "advanced on X": X is where they go
    subject_moves: frozenset[str]  # "escorted a convoy to X": the escort goes too
    object_stays: frozenset[str]  # "leave": "left one battalion to guard X": a force as its object stays
    defers_to_noun: frozenset[str]  # "order": "ordered the withdrawal of X": the motion noun is the movement
    roles: Mapping[str, str]  # strong prepositions -> origin / destination / via
    weak_destination: frozenset[str]  # "in", "at", ... : a destination only after a weak-destination trigger
    locating_prepositions: frozenset[str]  # "near", "around": "into farmland near X" goes to X, whatever the noun
    prepositions: frozenset[str]  # every preposition above, known by its word (the model mis-tags "to")
    status_cues: Mapping[str, frozenset[str]]  # cue class -> words
    cue_prepositions: Mapping[str, frozenset[str]]  # "call" -> for, on: a status cue only with one of them
    report_verbs: frozenset[str]
    continuing_report_verbs: frozenset[str]  # "adding", "noting": go on with the speaker's own words
    kickers: frozenset[str]  # "breaking", "watch": a label before a colon, no speaker
    stance_verbs: frozenset[str]  # believe, want, plan: what someone thinks or intends, never a statement
    sense_frames: Mapping[str, frozenset[str]]  # "attack" -> {"clause", "quote", "prep:as", ...}: its speech frames
    non_speech_subjects: Mapping[str, frozenset[str]]  # "show" -> {"video", ...}: footage shows, it does not speak
    habitual_words: frozenset[str]  # "repeatedly": "has repeatedly said" tells of no one occasion
    credit_words: frozenset[str]  # "credit": "Photo credit: NAME" names no speaker
    archive_words: frozenset[str]  # "file": "in this file photo" shows an old event, no movement now
    non_speech_particles: Mapping[str, frozenset[str]]  # "call" -> {"in", "up", ...}: "called up reservists"
    non_speech_objects: Mapping[str, frozenset[str]]  # "claim" -> {"life", "sea", ...}: "the blast claimed lives"
    non_speech_infinitives: Mapping[str, frozenset[str]]  # "ask" -> {"name", ...}: a request for anonymity
    government_nouns: frozenset[str]
    titles: frozenset[str]
    military_titles: frozenset[str]  # "colonel", "lieutenant": a speaker so titled is a soldier
    speaker_nouns: Mapping[str, str]  # "ministry" -> government: the kind a speaker headed by the noun is
    pronouns: Mapping[str, str]  # "he" -> "person", "it" -> "org", "they" -> "any"
    force_pronouns: frozenset[str]  # "they", "we": may stand for a force named just before
    name_particles: frozenset[str]
    modes: Mapping[str, str]  # "ferry" -> "sea"
    media: re.Pattern[str]  # news organisations report; they are not the speakers of what they report
    list_words: frozenset[str]
    cause_words: frozenset[str]  # "according", "due": "according to X" names no place gone to
    border_nouns: frozenset[str]
    quantity_words: frozenset[str]
    partitive_speakers: Mapping[str, str]  # "one" -> title: "one of the witnesses said"
    organisation_words: frozenset[str]
    generic_words: frozenset[str]
    club_words: frozenset[str]  # "X United", "X City" in an organisation's name: a sports club
    place_fragments: frozenset[str]  # never a place on their own: name particles, facility words
    facility_prefixes: tuple[tuple[str, ...], ...]  # "naval station" X: the facility is at X, longest first
    story_facility_prefixes: frozenset[tuple[str, ...]]  # "camp" X: at X only if the story's countries hold X
    place_prepositions: frozenset[str]
    articles: frozenset[str]
    stop_words: frozenset[str]
    furniture: re.Pattern[str]  # page furniture ("subscribe", "all rights reserved") anywhere in a short paragraph
    furniture_opening: re.Pattern[str]  # words that are furniture only opening a sentence ("Read more", "Trending")
    field_labels: tuple[str, ...]  # "title", "link": a scraper's field label before a colon, split off as furniture
    share_buttons: re.Pattern[str]  # a paragraph of share buttons only
    photo_words: re.Pattern[str]
    size_words: Mapping[str, tuple[str, ...]]  # class -> words: quantifier, amount, more, determiner, adjective
    magnitudes: Mapping[str, int]  # "thousand" -> 1000
    place_cues: tuple[str, ...]  # "speaking", "news conference": then "in/at X" says where it was said
    place_cue_blockers: tuple[str, ...]  # "that", "the situation": then X is what is spoken of
    place_cue_prepositions: tuple[str, ...]
    place_cue_direct: tuple[str, ...]  # "visited": its object is where the speaker was
    place_cue_directions: tuple[str, ...]  # "northern": in northern X is still X
    topic_prepositions: frozenset[str]  # "the envoy to X", "an analyst on X": X is no affiliation
    topic_heads: frozenset[str]  # "a X analyst", "the X programme": X is no affiliation
    another_place: frozenset[str]  # "the other town", "the next village": not the place named before
    away_from_capital: frozenset[str]  # "opposition media", "exiled journalists": not at the capital

    def cue(self, name: str) -> frozenset[str]:
        return self.status_cues.get(name, frozenset())

    @property
    def sequence_words(self) -> frozenset[str]:
        """ "before", "after": a gerund after one moves with the verb it follows (patterns: ``$sequence_words``)."""
        return self.cue("sequence")


def _rows(name: str) -> list[dict[str, Any]]:
    import srsly

    return list(srsly.read_jsonl(LEXICON_DIR / name))


def _words(name: str, key: str = "word") -> frozenset[str]:
    return frozenset(row[key].lower() for row in _rows(name))


def _phrases(name: str) -> list[str]:
    return [row["words"] for row in _rows(name)]


def _any_of(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, case-insensitive (a pattern that never matches when none)."""
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process.

    >>> "send" in lexicon().motion_verbs and lexicon().roles["from"] == "origin"
    True
    """
    motion = _rows("motion.jsonl")
    forces = _rows("forces.jsonl")
    verbs = frozenset(r["lemma"] for r in motion if r["pos"] == "verb")
    nouns = frozenset(r["lemma"] for r in motion if r["pos"] == "noun")
    prepositions = _rows("prepositions.jsonl")
    cues: dict[str, set[str]] = {}
    for row in _rows("status_cues.jsonl"):
        cues.setdefault(row["cue"], set()).add(row["word"])
    media = [row["words"] for row in _rows("media.jsonl")]
    place_cues = _rows("place_cues.jsonl")
    size_rows = _rows("size_words.jsonl")
    size_classes = {r["class"] for r in size_rows}
    return Lexicon(
        motion_verbs=verbs,
        motion_nouns=nouns,
        qualified_motion_nouns={r["lemma"]: frozenset(r["with"]) for r in motion
                                if r["pos"] == "noun" and r.get("with")},
        military_verbs=frozenset(r["lemma"] for r in motion if r["pos"] == "verb" and r.get("military")),
        military_nouns=frozenset(r["lemma"] for r in motion if r["pos"] == "noun" and r.get("military")),
        weak_destination_triggers=frozenset(r["lemma"] for r in motion if r.get("weak_destination")),
        object_is_destination=frozenset(r["lemma"] for r in motion if r.get("object_is_destination")),
        verb_modes={r["lemma"]: r["mode"] for r in motion if r.get("mode")},
        forces={r["word"]: r["class"] for r in forces if "needs" not in r},
        conditional_forces={r["word"]: (r["class"], r["needs"], frozenset(r.get("with", ()))) for r in forces
                            if "needs" in r},
        name_referents=frozenset(r["word"] for r in forces if r.get("stands_for_name")),
        non_force_modifiers=_words("non_force_modifiers.jsonl"),
        vessel_prefixes=_words("vessel_prefixes.jsonl"),
        designation=re.compile("(?:" + "|".join(
            rf"{re.escape(r['prefix'])}-\d{{1,{r['digits']}}}"
            for r in sorted((r for r in _rows("designations.jsonl") if "prefix" in r), key=lambda r: -len(r["prefix"])))
            + r"|A\d{3}M)(?:[A-Z]{1,2}\d?)?s?"),
        designation_heads=frozenset(r["head"] for r in _rows("designations.jsonl") if "head" in r),
        aircraft_names=frozenset(r["name"] for r in _rows("designations.jsonl") if "name" in r),
        route_nouns=_words("route_nouns.jsonl"),
        subject_control=_words("control_verbs.jsonl", "lemma"),
        causative_verbs=_words("causative_verbs.jsonl", "lemma"),
        directive_verbs=_words("directive_verbs.jsonl", "lemma"),
        displacement_verbs=frozenset(r["lemma"] for r in motion if r.get("displaces")),
        extension_verbs=frozenset(r["lemma"] for r in motion if r.get("extends")),
        military_verb_forces=frozenset(r["word"] for r in forces if r.get("needs") == "military verb"),
        conveyance_verbs=frozenset(r["lemma"] for r in motion if r["pos"] == "verb" and r.get("conveys")),
        recipient_verbs=frozenset(r["lemma"] for r in motion if r["pos"] == "verb" and r.get("recipient")),
        conveyance_nouns=frozenset(r["lemma"] for r in motion if r["pos"] == "noun" and r.get("conveys")),
        conveyed_forces=frozenset(r["word"] for r in forces if r.get("conveyed")),
        conveyed_munitions=frozenset(r["word"] for r in forces if r.get("conveyed") and r.get("needs") == "conveyance"),
        container_forces=frozenset(r["word"] for r in forces if r.get("container")),
        delivery_verbs=frozenset(r["lemma"] for r in motion if r.get("delivers")),
        agentless_nouns=frozenset(r["lemma"] for r in motion if r.get("agentless")),
        home_verbs=_words("home_verbs.jsonl", "lemma"),
        light_verbs=_words("light_verbs.jsonl", "lemma"),
        families={r["lemma"]: r["family"] for r in motion if r.get("family")},
        continuation_words=_words("continuation_words.jsonl"),
        particles={r["lemma"]: frozenset(r["particles"]) for r in motion if r.get("particles")},
        intransitive_motion=frozenset(r["lemma"] for r in motion if r.get("no_object")),
        motion_not_particles={r["lemma"]: frozenset(r["not_particles"]) for r in motion if r.get("not_particles")},
        motion_only_particles={r["lemma"]: frozenset(r["only_particles"]) for r in motion if r.get("only_particles")},
        motion_only_prepositions={r["lemma"]: frozenset(r["only_prepositions"]) for r in motion
                                  if r.get("only_prepositions")},
        motion_only_objects={r["lemma"]: frozenset(r["only_objects"]) for r in motion if r.get("only_objects")},
        motion_movers={r["lemma"]: frozenset(r["movers"]) for r in motion if r.get("movers")},
        water_object_is_via=frozenset(r["lemma"] for r in motion if r.get("water_object_is_via")),
        object_is_via=frozenset(r["lemma"] for r in motion if r.get("object_is_via")),
        off_is_origin=frozenset(r["lemma"] for r in motion if r.get("off_is_origin")),
        across_is_destination=frozenset(r["lemma"] for r in motion if r.get("across_is_destination")),
        not_with_complement=frozenset(r["lemma"] for r in motion if r.get("not_with_complement")),
        headline_verbs=frozenset(r["lemma"] for r in motion if r.get("headline_verb")),
        water_words=_words("water_words.jsonl"),
        name_heads=_words("name_heads.jsonl"),
        qualified_name_heads={r["word"]: frozenset(r["after"]) for r in _rows("name_heads.jsonl") if r.get("after")},
        intent_nouns=_words("intent_nouns.jsonl"),
        natural_name_heads=frozenset(r["word"] for r in _rows("name_heads.jsonl") if r.get("natural")),
        title_name_heads=frozenset(r["word"] for r in _rows("name_heads.jsonl") if r.get("title_only")),
        combat_verbs=frozenset(r["lemma"] for r in _rows("combat_purposes.jsonl") if r["kind"] == "verb"),
        combat_joining_verbs=frozenset(r["lemma"] for r in _rows("combat_purposes.jsonl") if r["kind"] == "joining"),
        combat_objects=frozenset(r["lemma"] for r in _rows("combat_purposes.jsonl") if r["kind"] == "object"),
        support_verbs=frozenset(r["lemma"] for r in _rows("combat_purposes.jsonl") if r["kind"] == "support"),
        defended_nouns=frozenset(r["lemma"] for r in _rows("combat_purposes.jsonl") if r["kind"] == "defended"),
        recipient_nouns=frozenset(r["lemma"] for r in _rows("combat_purposes.jsonl") if r["kind"] == "recipient"),
        referring_nouns={r["word"]: frozenset(r["kinds"]) for r in _rows("referring_nouns.jsonl")},
        region_of_town_nouns=frozenset(r["word"] for r in _rows("referring_nouns.jsonl") if r.get("region_of_town")),
        capital_nouns=frozenset(r["word"] for r in _rows("referring_nouns.jsonl") if r.get("capital")),
        referring_synonyms={r["word"]: tuple(r["also"]) for r in _rows("referring_nouns.jsonl") if r.get("also")},
        referring_most_people={r["word"]: r["most_people"] for r in _rows("referring_nouns.jsonl")
                               if r.get("most_people")},
        site_nouns=_words("site_nouns.jsonl"),
        sector_nouns=frozenset(r["word"] for r in _rows("site_nouns.jsonl") if r.get("sector")),
        territory_nouns=frozenset(r["word"] for r in _rows("site_nouns.jsonl") if r.get("kind") == "territory"),
        distance_nouns=frozenset(r["word"] for r in _rows("site_nouns.jsonl") if r.get("kind") == "distance"),
        possessed_territory=frozenset(r["word"] for r in _rows("site_nouns.jsonl") if r.get("possessor_only")),
        object_is_origin=frozenset(r["lemma"] for r in motion if r.get("object_is_origin")),
        for_destination=frozenset(r["lemma"] for r in motion if r.get("for_destination")),
        on_destination=frozenset(r["lemma"] for r in motion if r.get("on_destination")),
        subject_moves=frozenset(r["lemma"] for r in motion if r.get("subject_moves")),
        object_stays=frozenset(r["lemma"] for r in motion if r.get("object_stays")),
        defers_to_noun=frozenset(r["lemma"] for r in motion if r.get("defers_to_noun")),
        roles={r["word"]: r["role"] for r in prepositions if r["strength"] == "strong"},
        weak_destination=frozenset(r["word"] for r in prepositions if r["strength"] == "weak"),
        locating_prepositions=frozenset(r["word"] for r in prepositions if r.get("locates")),
        prepositions=frozenset(r["word"] for r in prepositions),
        status_cues={k: frozenset(v) for k, v in cues.items()},
        cue_prepositions={r["word"]: frozenset(r["with"]) for r in _rows("status_cues.jsonl") if r.get("with")},
        report_verbs=_words("report_verbs.jsonl", "lemma"),
        continuing_report_verbs=frozenset(r["lemma"] for r in _rows("report_verbs.jsonl") if r.get("continues")),
        stance_verbs=_words("stance_verbs.jsonl", "lemma"),
        sense_frames={r["lemma"]: frozenset(r["frames"]) | {f"prep:{p}" for p in r["prepositions"]}
                      for r in _rows("sense_frames.jsonl") if r["frames"] is not None},
        non_speech_particles={r["lemma"]: frozenset(r["not_particles"])
                              for r in _rows("sense_frames.jsonl") if r.get("not_particles")},
        non_speech_objects={r["lemma"]: frozenset(r["not_objects"])
                            for r in _rows("sense_frames.jsonl") if r.get("not_objects")},
        non_speech_infinitives={r["lemma"]: frozenset(r["not_infinitives"])
                                for r in _rows("sense_frames.jsonl") if r.get("not_infinitives")},
        habitual_words=_words("habitual_words.jsonl"),
        credit_words=_words("credit_words.jsonl"),
        archive_words=_words("archive_words.jsonl"),
        non_speech_subjects={r["lemma"]: frozenset(r["not_subjects"])
                             for r in _rows("sense_frames.jsonl") if r.get("not_subjects")},
        kickers=_words("kickers.jsonl"),
        government_nouns=_words("government_nouns.jsonl"),
        titles=_words("titles.jsonl"),
        military_titles=frozenset(r["word"] for r in _rows("titles.jsonl") if r.get("military")),
        speaker_nouns={r["word"]: r["kind"] for r in _rows("speaker_nouns.jsonl")},
        pronouns={r["word"]: r["refers_to"] for r in _rows("pronouns.jsonl")},
        force_pronouns=frozenset(r["word"] for r in _rows("pronouns.jsonl") if r.get("force")),
        name_particles=_words("name_particles.jsonl"),
        modes={r["word"]: r["mode"] for r in _rows("modes.jsonl")},
        media=_any_of(media),
        list_words=_words("list_words.jsonl"),
        cause_words=_words("cause_words.jsonl"),
        border_nouns=_words("border_nouns.jsonl"),
        quantity_words=_words("quantity_words.jsonl"),
        partitive_speakers={r["word"]: r["kind"] for r in _rows("partitive_speakers.jsonl")},
        organisation_words=_words("organisation_words.jsonl"),
        generic_words=_words("generic_words.jsonl"),
        place_fragments=_words("place_fragments.jsonl"),
        club_words=_words("club_words.jsonl"),
        facility_prefixes=tuple(sorted((tuple(p.split()) for p in _phrases("facility_prefixes.jsonl")),
                                       key=len, reverse=True)),
        story_facility_prefixes=frozenset(tuple(r["words"].split()) for r in _rows("facility_prefixes.jsonl")
                                          if r.get("where") == "story"),
        place_prepositions=_words("place_prepositions.jsonl"),
        articles=_words("articles.jsonl"),
        stop_words=_words("stop_words.jsonl"),
        furniture=_any_of([r["words"] for r in _rows("furniture.jsonl") if not r.get("opening")]),
        furniture_opening=_any_of([r["words"] for r in _rows("furniture.jsonl") if r.get("opening")]),
        field_labels=tuple(_phrases("field_labels.jsonl")),
        share_buttons=re.compile(r"^[•·*|\-+\s]*(?:(?:" + "|".join(map(re.escape, _phrases("share_buttons.jsonl")))
                                 + r"|[-+])[•·*|\s]*)+$", re.IGNORECASE),
        photo_words=_any_of(_phrases("photo_words.jsonl")),
        size_words={c: tuple(r["words"] for r in size_rows if r["class"] == c) for c in size_classes},
        magnitudes={r["words"]: int(r["value"]) for r in size_rows if r["class"] == "magnitude"},
        place_cues=tuple(r["words"] for r in place_cues if r["class"] == "cue"),
        place_cue_blockers=tuple(r["words"] for r in place_cues if r["class"] == "blocker"),
        place_cue_prepositions=tuple(r["words"] for r in place_cues if r["class"] == "preposition"),
        place_cue_direct=tuple(r["words"] for r in place_cues if r["class"] == "direct"),
        place_cue_directions=tuple(r["words"] for r in place_cues if r["class"] == "direction"),
        topic_prepositions=frozenset(r["words"] for r in place_cues if r["class"] == "topic"),
        topic_heads=frozenset(r["words"] for r in place_cues if r["class"] == "topic head"),
        another_place=frozenset(r["words"] for r in place_cues if r["class"] == "another place"),
        away_from_capital=frozenset(r["words"] for r in place_cues if r["class"] == "away from the capital"),
    )
