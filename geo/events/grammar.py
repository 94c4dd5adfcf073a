"""What the parse says about a movement: its trigger, force, sender, the preposition and role of
each place, its status, mode, time and size. Functions of tokens, no document state."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from conflictmap.gazetteer.borders import BEARINGS
from conflictmap.gazetteer.nouns import direction_words, place_nouns
from conflictmap.geo.events.cues import inside_quotation
from conflictmap.geo.events.patterns import patterns
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.nlp.components import site_holding


def is_trigger(t: Token) -> bool:
    lex = lexicon()
    if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.motion_verbs:
        if any((c.dep_ == "prt" or c.tag_ == "RP") and c.lower_ in lex.motion_not_particles.get(t.lemma_.lower(), ())
               for c in t.children):
            return False  # "pulled over a car"
        only = lex.motion_only_particles.get(t.lemma_.lower())
        needs = lex.motion_only_prepositions.get(t.lemma_.lower())
        takes = lex.motion_only_objects.get(t.lemma_.lower())
        # a verb with both lists moves with either: "came back to X", "came through X" (not "came from X")
        particle = only is not None and any((c.dep_ in ("prt", "advmod") or c.tag_ == "RP") and c.lower_ in only
                                            for c in t.children)
        prepped = needs is not None and any(c.dep_ == "prep" and c.lower_ in needs for c in t.children)
        # "set foot on X": an idiom's object
        objected = takes is not None and any(c.dep_ == "dobj" and c.lower_ in takes for c in t.children)
        if (only is not None or needs is not None or takes is not None) and not particle and not prepped \
                and not objected:
            # "took the town", "set a date", "bound by a treaty": not "took off from X", "bound for X"
            return False
        if t.lemma_.lower() in lex.not_with_complement and any(
                c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
                or (c.dep_ == "dobj" and any(g.dep_ in ("prep", "amod") and g.lower_ == "as" for g in c.children))
                for c in t.children):
            return False  # "leaving X as the only power there", "left the town empty": X stays
        # "swept the fighters from X": clearing, not going; "got the tanks": obtaining ("got the tanks to X" moves them)
        return t.lemma_.lower() not in lex.intransitive_motion or not any(c.dep_ == "dobj" for c in t.children) or any(
            c.dep_ == "prep" and lex.roles.get(c.lower_) == "destination" for c in t.children)
    if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.motion_nouns:
        return False
    needs = lex.qualified_motion_nouns.get(t.lemma_.lower())  # "a ground operation", not "an operation"
    return needs is None or any(c.dep_ in ("amod", "compound") and c.lower_ in needs for c in t.children)


def force_class(t: Token) -> str | None:
    """What kind of force a noun heads (personnel, unit, vessel, aircraft, vehicle, weapon), or None:
    a word of the class ("frigates"); a word that needs a modifier, with it ("armoured vehicles");
    "members" of an organisation or armed group; a ship named with a warship prefix ("USS X").
    A word that is a weapon only with a modifier ("missile") is one also as what a conveyance verb
    carries ("the missile was trucked to X"). A civilian modifier makes it something else ("aid
    convoy", "cargo ship")."""
    lex = lexicon()
    lemma, lower = t.lemma_.lower(), t.lower_
    if (t.tag_ == "NNPS" or (t.tag_ == "NNP" and t.is_sent_start)) and lemma == lower and lower.endswith("s"):
        # "Militants entered X" after a dateline, "Guerrillas crossed into X" opening a sentence: the
        # parser takes the plural for a name
        lemma = lower[:-1]
    modifiers = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod")]
    # the words of a name or noun the head is qualified by ("a Red Crescent Relief Society convoy")
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.subtree if g.dep_ == "compound"]
    modifiers += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    modifiers += [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "trucks mounted with guns"
    conditional = lex.conditional_forces.get(lemma) or lex.conditional_forces.get(lower)
    own = conditional[2] if conditional is not None else frozenset()  # "cruise missiles" are no cruise ship
    if any((c.lower_ in lex.non_force_modifiers or c.lemma_.lower() in lex.non_force_modifiers)
           and c.lower_ not in own for c in modifiers) and not any(
            g.lower_ in MILITARY for c in modifiers for g in (c, *c.children)):
        return None  # "cargo planes", not "military cargo planes"
    found = lex.forces.get(lemma) or lex.forces.get(lower)
    if found and (lemma in lex.container_forces or lower in lex.container_forces) and not any(
            c.dep_ in ("amod", "compound", "nmod") and ((c.pos_ != "PROPN" and c.ent_type_ != "NORP")
                                                         or c.lower_ in t.doc.user_data.get(ARMED_GROUPS, ()))
            for c in t.children):  # "a military convoy of buses", "X convoys of trucks" (X armed) are ones; a
        # named one carrying food is not
        held = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        held += [o for c in t.children if c.dep_ == "acl" and c.tag_ == "VBG"  # "a convoy carrying supplies"
                 for o in c.children if o.dep_ == "dobj"]
        armed = lex.conveyed_munitions  # "a convoy carrying anti-aircraft guns", "of rockets": a military load
        if held and not any(is_force(q) or q.lemma_.lower() in armed for p in held for q in (p, *p.conjuncts)):
            return None  # "a convoy of aid trucks", "a flotilla of fishing boats": what it carries is no force
    if found:
        return found
    if conditional is not None:
        kind, needs, words = conditional
        if needs in ("modifier", "military verb") and any(c.lower_ in words or c.lemma_.lower() in words
                                                          for c in modifiers):
            return kind  # "armoured vehicles", "military observers"
        if needs == "name" and t.text[:1].isupper() and not t.is_sent_start:
            return kind  # "the Assam Rifles": a regiment's name, not "seized rifles"
        if (lemma in lex.conveyed_forces or lower in lex.conveyed_forces) and _conveyed(t):
            return kind  # "the missile was driven to X", "a shipment of shells": a weapon carried, not fired
        if needs == "group" and (any(c.lower_ in words for c in modifiers) or any(
                _names_a_group(p) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj")):
            return kind  # "members of the militia", "service members"
        armed_groups = t.doc.user_data.get(ARMED_GROUPS, ())
        if needs in ("group", "modifier") and armed_groups and (
                any(c.lower_ in armed_groups for c in t.children if c.dep_ == "compound")
                or any(p.lower_ in armed_groups for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj")):
            return kind  # "two companies of the X" or "X companies", X an armed group the document names
        if kind == "unit" and needs == "modifier" and t.dep_ == "nsubjpass" and t.head.lemma_.lower() in \
                lex.military_verbs and any(c.dep_ == "nummod" for c in t.children):
            return kind  # "two companies were redeployed to X": counted units a military verb moves
        if kind == "unit" and needs == "modifier" and any(
                is_force(p) for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                for p in c.children if p.dep_ == "pobj"):
            # "a group of masked men", "columns of technicals": a unit of the force it holds; "a company
            # from the 5th Battalion": a part of a force
            return kind
        if kind in ("vehicle", "vessel") and any(c.dep_ == "acl" and c.tag_ == "VBG" and any(
                o.dep_ == "dobj" and is_force(o) for o in c.children) for c in t.children):
            # "trucks carrying soldiers", "barges carrying troops": a carrier of the force it carries (not
            # "trucks carrying grain")
            return kind
        if kind == "unit" and needs == "modifier" and any(
                c.dep_ == "compound" and c.i < t.i and lex.forces.get(c.lemma_.lower()) == "unit" for c in t.children):
            return kind  # "two Frontier Corps companies", "a Marine battalion group": a unit's own subunits
        if (lemma in lex.name_referents or lower in lex.name_referents) and not modifiers \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and _last_name_is_armed(t):
            return kind  # "X fighters ... an X spokesman said the group left Y"
        if needs in ("modifier", "group") and (lemma in t.doc.user_data.get(FORCE_HEADS, ()) and any(
                (c.dep_ in ("det", "poss") and c.lower_ in DEFINITE) or c.lower_ in ANOTHER for c in t.children)) \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            # "a missile battery ... the battery moved", "... a second battery moved": the force the
            # document named before, or one more of it (not "the first group of civilians": what the
            # group is, it says itself)
            return kind
        if kind == "unit" and needs == "modifier" and t.dep_ == "dobj" and t.head.lemma_.lower() in lex.motion_verbs \
                and all(c.lower_ in lex.size_words.get("more", ()) for c in modifiers) \
                and any(c.dep_ == "nsubj" and force_class(c) is not None for c in t.head.children):
            # "the army moved two (additional) companies to X": what a force moves is its own unit (not "a
            # working group", "a group of journalists": a word of its own says what the group is)
            return kind
        return None
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and ((
            t.text[:1].isupper() and lex.designation.fullmatch(t.text)) or (
            lemma in lex.designation_heads
            and any(c.dep_ == "compound" and lex.designation.fullmatch(c.text) for c in t.children))):
        return "aircraft"  # "two Su-25s flew to X", "Il-76 transports": a military aircraft named by its type
    if t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper() and t.dep_ != "compound" and (
            lower in lex.aircraft_names or (lower.endswith("s") and lower[:-1] in lex.aircraft_names)) and any(
            c.dep_ in ("nummod", "compound", "amod", "det") and c.i < t.i for c in t.children):
        return "aircraft"  # "two RAF Typhoons", "the French Rafales": a type named by a word (not "Typhoon X")
    if t.pos_ == "PROPN" and any(c.dep_ in ("compound", "poss") and c.text.isupper() and c.lower_ in lex.vessel_prefixes
                                 for c in t.children):
        return "vessel"  # "USS X"; "ITS X", whose prefix the tagger takes for the possessive "its"
    if t.pos_ == "PROPN" and t.lower_ in t.doc.user_data.get(VESSEL_NAMES, ()) and (any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children) or (
            t.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "compound" for c in t.children))):
        # "the Halvorsen" after "the USS Ada Halvorsen": the ship named before; as a subject, also its
        # bare name ("Halvorsen sailed"), not a longer name that ends with it
        return "vessel"
    if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper() and not t.is_sent_start):
        # "the corvette X", "the frigate X": a ship named after its class noun (a name the tagger took
        # for a common noun too)
        named = next((lex.forces.get(c.lemma_.lower()) for c in t.children
                      if c.dep_ in ("compound", "amod") and c.i < t.i  # the parser may call the class noun an adjective
                      and lex.forces.get(c.lemma_.lower()) in ("vessel", "aircraft")), None)
        if named is not None:
            return named
        # "Navy frigate X transited Y": the parser may make the class noun the head of the sentence and the
        # name a subject of its own; the class noun right before the name still names it
        first = min([t.i, *(c.i for c in t.children if c.dep_ == "compound" and c.i < t.i)])
        before = t.doc[first - 1] if first > 0 else None
        if before is not None and before.pos_ == "NOUN" and lex.forces.get(before.lemma_.lower()) == "vessel":
            return "vessel"
    return None


def _conveyed(t: Token) -> bool:
    """Whether the noun is what a conveyance verb or noun carries: "the missile was trucked to X",
    "shipped rockets", "a shipment of shells", "rocket deliveries"."""
    lex = lexicon()
    head = t.head
    if t.dep_ in ("dobj", "nsubjpass"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.conveyance_verbs
    if t.dep_ == "pobj" and head.lower_ == "of":
        return head.head.pos_ == "NOUN" and head.head.lemma_.lower() in lex.conveyance_nouns
    return t.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in lex.conveyance_nouns


def _names_a_group(t: Token) -> bool:
    """ "of Hezbollah", "of the militia", "of armed groups": an organisation or a force."""
    return t.ent_type_ in ("ORG", "NORP") or force_class(t) is not None or t.lemma_.lower() in ("group", "faction")


def any_of_a_kind(force: Token, trigger: Token) -> bool:
    """ "any ship heading to X will be hit", "any troops crossing would be met": "any" with the motion
    describing the force (a participle) names a kind of force, not one that moved or will move (but a
    denial that any units crossed, or "any units that crossed were pulled back": movements); so does
    "every" or "each" with a clause of motion on the force ("every ship that enters X is tracked",
    "each battalion it sends to X")."""
    head = trigger.head  # the noun the motion describes: the force, or what it sends ("each battalion it sends")
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
    return (det == "any" and head.i == force.i and trigger.dep_ == "acl" and trigger.tag_ in ("VBG", "VBN")) or (
        det in ("every", "each") and is_force(head))


def is_force(t: Token) -> bool:
    return force_class(t) is not None


ARMED_GROUPS = "cm_armed_groups"  # Doc.user_data key: the names the document uses for armed groups
PLACE_STARTS = "cm_place_starts"  # Doc.user_data key: where the place layer's places start (Doc offsets)


def armed_group_names(docs: Iterable[Doc]) -> frozenset[str]:
    """The organisations a document shows to be armed: names that qualify a force noun somewhere in it
    ("the X militia", "Y fighters"), folded to lower case; the model tags such a name as an
    organisation, a person, a people or nothing (an acronym opening a sentence may be tagged a common
    noun, a movement's name an adjective); and the bracketed short name of a force's full name. A
    state is no armed group ("US troops"): not a name the model tags as a place, unless it holds a
    digit, as no place's name does ("M19 fighters")."""
    return frozenset(t.lower_ for doc in docs for t in doc
                     if (t.ent_type_ in ("ORG", "PERSON", "NORP", "") or any(c.isdigit() for c in t.text)) and (
                         (t.dep_ in ("compound", "nmod") and (t.pos_ in ("PROPN", "ADJ") or (t.is_upper and len(t) > 1))
                          and t.head.pos_ == "NOUN" and is_force(t.head))
                         or _short_name_of_a_force(t)))


def _last_name_is_armed(t: Token) -> bool:
    """Whether the organisation named last before ``t`` in its sentence (not a person or a place) is
    an armed group the document names (``doc.user_data[ARMED_GROUPS]``): "an X spokesman said the
    group ..." with X armed, not "Amnesty said the group ..." (patterns see one sentence at a time)."""
    doc = t.doc
    groups = doc.user_data.get(ARMED_GROUPS, ())
    media = lexicon().media
    for u in reversed(doc[t.sent.start : t.i]):
        if (u.ent_type_ in ("PERSON", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL")
                and u.lower_ not in groups) or media.search(u.text):
            continue  # a person, a place, a time; a news agency told it ("told Reuters the group ...")
        if u.pos_ == "PROPN" or u.ent_type_ in ("ORG", "NORP") or (u.is_upper and len(u) > 1 and u.is_alpha):
            return u.lower_ in groups
    return False


def _short_name_of_a_force(t: Token) -> bool:
    """ "the X Support Forces (XSF)", "the Y Army (YA)": a name set beside a force is that force's
    other name."""
    return t.dep_ == "appos" and force_class(t.head) is not None


MILITARY = ("military", "army", "navy", "naval")  # a civilian word ("cargo") yields to these
DEFINITE = ("the", "this", "that", "these", "those", "its", "their", "our")  # "the battery": one named before
# "a second column", "another battery": one more of a force the document named before
ANOTHER = frozenset({"another", "second", "third", "fourth", "fifth"})
FORCE_HEADS = "cm_force_heads"  # Doc.user_data key: the words of a kind the document showed to be forces


def force_heads(docs: Iterable[Doc]) -> frozenset[str]:
    """The words that are a force only with a modifier ("battery", "column", "group") which the
    document once gives with it ("a missile battery", "an armoured column"): later "the battery" is
    that force. Lemmas, folded to lower case."""
    conditional = lexicon().conditional_forces
    return frozenset(t.lemma_.lower() for doc in docs for t in doc
                     if t.pos_ == "NOUN" and conditional.get(t.lemma_.lower(), ("", ""))[1] in ("modifier", "group")
                     and force_class(t) is not None)


VESSEL_NAMES = "cm_vessel_names"  # Doc.user_data key: the last words of the ships the document names


def vessel_names(docs: Iterable[Doc]) -> frozenset[str]:
    """The ships a document names with a prefix or a class noun ("USS Ada Halvorsen", "the corvette
    X"), by the last word of the name, folded to lower case: later "the Halvorsen" is that ship."""
    return frozenset(t.lower_ for doc in docs for t in doc
                     if t.pos_ == "PROPN" and t.is_title and len(t) > 2 and t.dep_ != "compound"
                     and force_class(t) == "vessel")


def is_armed_group(t: Token) -> bool:
    """Whether a proper noun is a name the document elsewhere gives an armed group
    (:func:`armed_group_names`, kept in ``doc.user_data``)."""
    groups = t.doc.user_data.get(ARMED_GROUPS, ())
    # "X fighters ... the Xs withdrew": the plural names the group's members
    return t.pos_ == "PROPN" and (t.lower_ in groups or (t.lower_.endswith("s") and t.lower_[:-1] in groups))


def agentless(t: Token) -> bool:
    """A military noun that is a movement even when no one is named ("the invasion of X", "an
    incursion into X"), unless a civilian word qualifies it ("a charm offensive")."""
    lex = lexicon()
    if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.agentless_nouns or not is_trigger(t):
        return False
    if carried_on(t) or going_on(t):
        return False
    return not any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in lex.non_force_modifiers
                   for c in t.children)


def purposes(trigger: Token) -> list[Token]:
    """The movement's purpose infinitives that are no movement of their own: "sent troops to clear
    X", "an offensive to retake X", "to drive X from Y" (an aim: the enemy driven out is not told
    to have moved); not "sent troops to advance into X": that is a movement itself."""
    lex = lexicon()
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in lex.light_verbs:
        heads.append(trigger.head)  # "launched an operation to clear X": the light verb's purpose is the noun's
        # (also as its xcomp: "continues its offensive to retake X")
    return [c for h in heads for c in h.children
            if (c.dep_ in ("acl", "relcl", "advcl") or (c.dep_ == "xcomp" and h.i != trigger.i)) and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and c.lower_ not in lex.place_cue_directions  # "to eastern X" misread as a verb
            and c.idx not in c.doc.user_data.get(PLACE_STARTS, ())  # "to X": a place name misread as one
            and (not is_trigger(c) or c.lemma_.lower() in lex.displacement_verbs)]


def is_aim(trigger: Token) -> bool:
    """ "an offensive to drive X from Y", "launched an operation to clear X from Y": a purpose of a
    movement (of its noun, or of the light verb that takes it), not a movement of X's."""
    head = trigger.head
    if head.i == trigger.i:
        return False
    movers = [head] if is_trigger(head) else []
    movers += [c for c in head.children if c.dep_ == "dobj" and c.i != trigger.i and is_trigger(c)]
    return any(trigger in purposes(m) for m in movers)


def stranded_subject(trigger: Token) -> Token | None:
    """The force a motion verb the parser left with no subject moves. An infinitive, a gerund or a
    conjunct takes the subject of the nearest verb above it that has one ("X tanks were put on trains
    and should reach Y", "left leaflets, threatening to march on Y"), when that subject is
    a force ("the crew were rescued ... and landed in X", "any unit that tries to cross X": none);
    an infinitive whose verb has an object takes the object ("ordering villagers to leave X").
    With no such verb (the parser hung the subject on a phrase before the verb, "According to the
    ministry, X units have moved ...", or took a ship's class noun for a verb, "the X frigate Y,
    assigned to Z, sailed ..."), the last force word before the verb. Not when the verb moves
    something else ("shipping grain to X"), when the word right before it is its subject ("after
    shelling reached X"), nor for a gerund a noun governs ("memories of leaving X")."""
    doc = trigger.doc
    if trigger.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children) \
            or _moves_something_else(trigger):
        return None
    if trigger.dep_ == "pcomp" and trigger.head.head.pos_ == "NOUN":
        return None  # "memories of leaving X"
    root = trigger.sent.root
    if root.pos_ in ("NOUN", "PROPN") and is_force(root):
        # "Roughly 40 gunmen on camels crossed into X": the parser read the sentence as one noun
        # phrase, the verb describing its last noun; the force the phrase is about is who moved
        return root
    before = doc[trigger.i - 1] if trigger.i > trigger.sent.start else None
    if before is not None and before.pos_ == "NOUN":
        # "after shelling reached X": the word before the verb is its subject, a force or not ("In
        # late May rebel fighters moved into X": the parser hung the subject on the date's phrase)
        return before if force_class(before) is not None else None
    below = trigger
    for above in trigger.ancestors:
        if _class_noun_as_verb(above):
            break  # a class noun the tagger took for a verb: the last force word is the ship
        told = next((c for c in above.children if c.dep_ == "dobj"), None) if below.dep_ == "xcomp" else None
        if told is not None:  # "ordering villagers to leave X": who is told to go is the one who goes
            return told if force_class(told) is not None else None
        subject = next((c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if force_class(subject) is not None else None
        below = above
    return next((t for t in reversed(doc[trigger.sent.start : trigger.i]) if force_class(t) is not None), None)


def _class_noun_as_verb(t: Token) -> bool:
    """ "the X frigate Y sailed": a force's noun the tagger took for a verb, uninflected ("forced" is
    a verb)."""
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() == t.lower_ and force_class(t) is not None


def light_verb_subject(noun: Token) -> Token | None:
    """ "Ruritanian troops launched a military offensive": the subject of the light verb that takes
    the military noun, when it is a force or a state, group or nationality; None otherwise."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in lexicon().light_verbs:
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or not (is_force(subject) or subject.ent_type_ in ("GPE", "ORG", "NORP")):
        return None
    return subject


def going_on(t: Token) -> bool:
    """ "continues its invasion of X", "the ongoing offensive in X": a military noun governed by a word
    of continuation names the war going on, not a movement at a time; unless it heads somewhere
    ("continued their advance toward X", "the ongoing push into X": still a force on the move)."""
    lex = lexicon()
    words = lex.continuation_words
    continued = t.dep_ == "dobj" and t.head.lemma_.lower() in words
    if t.pos_ != "NOUN" or not (continued or any(
            c.dep_ == "amod" and (c.lower_ in words or c.lemma_.lower() in words) for c in t.children)):
        return False
    heads = [t, t.head] if continued else [t]  # "continued its march on X": the parser may hang it on the verb
    if any(c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children) and (
            lex.roles.get(c.lower_) == "destination" or (c.lower_ == "on" and t.lemma_.lower() in lex.on_destination))
            for h in heads for c in h.children):
        return False
    places = t.doc.user_data.get(PLACE_STARTS, ())  # "continues its offensive to retake X": a place as its aim
    return not any(w.idx in places for aim in purposes(t) for w in aim.subtree)


def carried_on(t: Token) -> bool:
    """ "extend the incursion to X": the extension verb, not the noun it takes, is the movement there."""
    return t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in lexicon().extension_verbs


# the force is named inside a clause of its own, not as what the verb moves
_CLAUSE = frozenset({"relcl", "acl", "advcl", "ccomp", "poss"})


def plausible(trigger: Token, force: Token) -> bool:
    """Whether a pattern's force really is what the trigger moves. Not when it is named inside a clause or a
    possessor within the verb's argument ("moved the aid offloaded from the army's pier"), nor a modifier of
    another noun ("entered an army base"), nor when it is the subject of a verb whose object is something
    else that moves ("the air force dropped leaflets on X", "the navy delivered aid to X", "the navy will
    help deliver aid to X"): then only the object moves."""
    lex = lexicon()
    if trigger.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in
                                      lexicon().non_force_modifiers for c in trigger.children):
        return False  # "launched a charm offensive": a civilian word makes the motion noun something else
    if carried_on(trigger) or going_on(trigger) or not is_trigger(trigger):
        return False
    movers = lexicon().motion_movers.get(trigger.lemma_.lower())
    if movers is not None and force_class(force) not in (*movers, None):
        return False  # "soldiers travelled to X", not "an aircraft travelling from X": people only
    relative = trigger.dep_ in ("relcl", "acl") and trigger.head.i == force.i  # "the troops it deployed"
    if not relative and force.i not in {t.i for t in trigger.subtree} and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i != force.i and c.tag_ not in ("WDT", "WP")
            for c in trigger.children):
        return False  # "troops ordered residents out, and they fled": the verb has a subject of its own
    if force.dep_ in ("compound", "amod", "nmod") and force.head.i != trigger.i:
        return False  # "an army base", "the carrier strike group": the force word only qualifies another noun
    if trigger.dep_ == "xcomp" and force.dep_ == "nsubj" and force.head.i == trigger.head.i \
            and trigger.head.lemma_.lower() in lexicon().directive_verbs and any(
            c.dep_ == "dobj" and c.i != force.i for c in trigger.head.children):
        return False  # "the army ordered residents to leave X": who is told to go moves, not who tells
    if trigger.lemma_.lower() in lex.defers_to_noun and any(c.dep_ == "dobj" and is_trigger(c)
                                                             for c in trigger.children):
        return False  # "ordered the withdrawal of its forces": the withdrawal is the movement
    if trigger.lemma_.lower() in lex.displacement_verbs - (lex.object_is_destination | lex.object_is_origin) \
            and not (force.head.i == trigger.i and force.dep_ in ("dobj", "nsubjpass")) \
            and force_class(force) not in ("vessel", "aircraft", "vehicle") and _moves_something_else(trigger):
        # "accused X of pushing migrants to Y": what is pushed moves, not who pushes it (a helicopter
        # evacuating the wounded goes with them)
        return False
    if trigger.lemma_.lower() in lexicon().object_stays and any(c.dep_ == "dobj" and is_force(c)
                                                                 for c in trigger.children):
        return False  # "left one battalion to guard X": the battalion stays, and so does who left it
    partner = force.head if force.dep_ == "conj" else next(
        (c for c in trigger.children if force.dep_ == "nsubj" and c.dep_ == "nsubj" and c.i < force.i), None)
    if partner is not None and not is_force(partner) and any(
            c.dep_ == "prep" and c.lower_ in ("from", "of")
            and any(o.dep_ == "pobj" and is_force(o) for o in c.children) for c in partner.children):
        return False  # "envoys from the army and the militia arrived": the parser pairs the militia with the envoys
    t = force
    above = {a.i for a in trigger.ancestors}  # a chained force hangs on a verb the trigger depends on
    while t.head.i != t.i and t.head.i != trigger.i and t.head.i not in above:
        if t.dep_ in _CLAUSE:
            return False
        if t.dep_ == "pobj" and t.head.lower_ == "from" and not is_force(t.head.head):
            return False  # "delegates from the army arrived": they come from it, they are not it
        t = t.head
    if (t.head.i != trigger.i and t.head.i not in above) or trigger.pos_ not in ("VERB", "AUX"):
        return True
    if t.dep_ == "nsubj" and trigger.lemma_.lower() in lex.delivery_verbs:
        return False  # "the army supplied food to X": who supplies stays where it is
    if t.dep_ == "nsubj" and force_class(t) in ("vessel", "aircraft", "vehicle") and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.conveyed_munitions for c in trigger.children):
        # "a helicopter flew two wounded men to X": what carries goes along with its load (a drone
        # dropping bombs on X strikes it)
        return True
    if t.dep_ == "nsubj" and trigger.lemma_.lower() not in (
            lex.object_is_destination | lex.object_is_origin | lex.subject_moves):
        return not _moves_something_else(trigger)
    return True


def _moves_something_else(verb: Token) -> bool:
    """The verb's direct object is neither a force nor a place: leaflets, aid, a message. What the
    parser takes for an object without being one moves nothing: a clause's "that" ("denied in a
    communique that its men had pulled out"), a distance ("advanced three kilometres into X"), a
    bearing ("pulled out eastwards"), a place the text names."""
    places = verb.doc.user_data.get(PLACE_STARTS, ())
    distances = lexicon().distance_nouns
    idiom = lexicon().motion_only_objects.get(verb.lemma_.lower(), ())  # "set foot on X": no foot moves
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "sent food (and water) northwards": the parser makes the bearing the object's head, and the load
    # a noun under it
    objects = [g for c in objects for g in (
        [e for d in c.children if d.dep_ in ("compound", "nmod") for e in (d, *d.conjuncts)]
        if c.lower_.removesuffix("s").removesuffix("ward") in BEARINGS else [c])]
    return any(not is_force(c) and c.ent_type_ not in ("GPE", "LOC", "FAC", "QUANTITY")
               and c.lower_ not in idiom and c.idx not in places
               and c.lemma_.lower() not in distances and c.lower_ not in distances
               and not (c.lower_ in ("that", "which") and not list(c.children))
               for c in objects)


def force_antecedent(pronoun: Token, *, sentences: int = 2) -> Token | None:
    """The force a pronoun stands for. "they", "we": the last plural noun before it, in its own
    sentence or the ``sentences`` before (never beyond the parsed text, so never another document),
    when that noun heads a force ("Ruritanian troops took the hill; they advanced on X"); None when it
    is something else ("troops told residents to go, and they fled to X"). "he", "she", "I", and a
    "we" with no plural noun before it: the soldier the document named last, when it set a soldier's
    noun beside that person's name ("Jo Roe, a paratrooper, ... he was sent to X"; "we entered X",
    in Roe's words)."""
    if pronoun.lower_ in ("we", "our"):
        quoted = speakers_force(pronoun)
        if quoted is not None:
            return quoted
    if pronoun.lower_ in ("they", "we", "their", "our", "them"):
        plural = _plural_antecedent(pronoun, sentences=sentences)
        if plural is not None or pronoun.lower_ in ("they", "them"):
            return plural
    if pronoun.lower_ == "it":
        return _unit_antecedent(pronoun)
    return soldier_antecedent(pronoun)


def speakers_force(pronoun: Token) -> Token | None:
    """The force of the one quoted, for a "we" inside a quotation, when what names the speaker holds a
    unit's or a soldier's word ("a battalion commander", "an army spokesman", "one soldier";
    "he" or a name, described so where the person is named: :func:`_described`); None for a speaker
    of no force ("the mayor", "a resident"). The speaker is the subject of the first reporting verb with
    one, in the pronoun's sentence or the next one (a quotation of two sentences)."""
    if not inside_quotation(pronoun):
        return None  # "when we left X, the commander said ...": the reporter's "we"
    lex = lexicon()
    doc = pronoun.doc
    sentences = [pronoun.sent] + ([doc[pronoun.sent.end].sent] if pronoun.sent.end < len(doc) else [])
    for sent in sentences:
        for verb in sent:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if verb.lemma_.lower() not in lex.report_verbs or subject is None:
                continue
            # the first speaker found is the one quoted, a force or not; a soldier by rank ("Colonel X,
            # who commands ..."), in the words that describe him
            described = _described(subject)
            return next((t for t in described if force_class(t) in ("unit", "personnel")), None) or (
                subject if any(t.lower_.rstrip(".") in lex.military_titles for t in described) else None)
    return None


def _described(speaker: Token) -> list[Token]:
    """The words that say who a speaker is: the speaker's own phrase and, for a person ("he", or a
    name), the phrases around every mention of that person by surname ("X, commander of the Y
    brigade, ..."; "the army's spokesman X"); a person is the last one named before "he" or "she"."""
    doc = speaker.doc
    words = list(speaker.subtree)
    if speaker.lower_ in ("he", "she"):
        person = next((e for e in reversed(doc.ents) if e.label_ == "PERSON" and e.end <= speaker.i), None)
    else:
        person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= speaker.i < e.end), None)
    if person is not None:
        surname = person[-1].lower_
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent[-1].lower_ == surname:
                words += [t for t in ent.root.subtree if t.i < ent.start or t.i >= ent.end]
    return words


def _unit_antecedent(pronoun: Token) -> Token | None:
    """ "The brigade was pulled out of X. It was later sent to Y": the last singular noun before "it"
    (in its sentence or the one before), when that noun is a unit, a vessel or an armed group the
    document shows to be one ("X fighters ... X said it had withdrawn"); None when it is anything
    else ("the brigade held the bridge; it was moved": the bridge)."""
    doc = pronoun.doc
    places = doc.user_data.get(PLACE_STARTS, ())  # where it went or came from is not what moves
    start = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else pronoun.sent.start
    for t in reversed(doc[start : pronoun.i]):
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "nmod", "poss") \
                or t.ent_type_ in ("DATE", "TIME", "QUANTITY", "CARDINAL") or t.tag_ in ("NNS", "NNPS") \
                or t.idx in places or t.ent_type_ in ("GPE", "LOC", "FAC"):
            continue
        if t.lower_ in doc.user_data.get(ARMED_GROUPS, ()):
            return t  # "X fighters ... X said it had withdrawn": a group the text shows to be armed
        return t if force_class(t) in ("unit", "vessel") else None
    return None


def soldier_antecedent(pronoun: Token) -> Token | None:
    """The soldier's noun set beside the last person named before ``pronoun`` ("paratrooper" in "Jo
    Roe, a former paratrooper"), or None when that person is not described as one. Ranks and titles
    ("general", "commander") are not soldiers: officials travel, they do not deploy. A name the place
    layer resolved to a place (``doc.user_data[PLACE_STARTS]``) is no person, whatever the model says."""
    doc = pronoun.doc
    places = doc.user_data.get(PLACE_STARTS, ())  # "X Y" the model calls a person and the place layer a town
    person = next((e for e in reversed(doc.ents) if e.label_ == "PERSON" and e.end <= pronoun.i
                   and e.start_char not in places), None)
    if person is None:
        return None
    surname = person[-1].lower_
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent[-1].lower_ != surname or ent.start >= pronoun.i:
            continue
        root = ent.root
        beside = [c for c in root.children if c.dep_ in ("appos", "compound")]
        if root.dep_ == "appos":
            beside.append(root.head)
        for noun in beside:
            if force_class(noun) == "personnel" and noun.lower_ not in lexicon().titles:
                return noun
    return None


def reporting_state(pronoun: Token, trigger: Token) -> Token | None:
    """ "X insists they have withdrawn from Y", "X denied that they had advanced": for a verb only a
    force does (``military`` in ``motion.jsonl``), a "they" in a clause of a state or armed group (an "it"
    in what a state says)
    stands for that state or group, the subject of the sentence's verb (not for a people: "the
    villagers said they fled to Y" moves no force)."""
    if pronoun.lower_ not in ("they", "it") or trigger.lemma_.lower() not in lexicon().military_verbs:
        return None
    clause = trigger
    while clause.dep_ != "ROOT" and clause.head.i != clause.i:
        clause = clause.head
    if pronoun.lower_ == "it":  # "X stated it had retreated from Y": a state's (a body's "it" is a group
        # only as the document shows it armed, :func:`_unit_antecedent`), in what it says
        if clause.lemma_.lower() not in lexicon().report_verbs:
            return None
        return next((c for c in clause.children if c.dep_ == "nsubj" and c.ent_type_ == "GPE"), None)
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and (
        c.ent_type_ in ("GPE", "ORG", "NORP") or any(d.dep_ == "det" and d.lower_ == "the" for d in c.children))),
        None)  # "the Xs" the model took for a person: a person takes no "the"


def main_clause_force(pronoun: Token, trigger: Token) -> Token | None:
    """ "Xs burned crops as they advanced into Y", "X shells a town as it pushes into Y": the subject
    of an adverbial clause (of time, cause or condition: as, because, if) is, by default, the subject
    of the clause it modifies, when the noun before the pronoun is none. Only for a verb only a force
    does (``military`` in ``motion.jsonl``): "soldiers stopped villagers as they fled to Y" moves the
    villagers, not the soldiers. The main subject must be a force, or a state or armed group the model
    names."""
    if pronoun.lower_ not in ("they", "it") or pronoun.dep_ != "nsubj" or pronoun.head.i != trigger.i \
            or trigger.dep_ != "advcl" or trigger.lemma_.lower() not in lexicon().military_verbs:
        return None
    subject = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if is_force(subject) or (subject.pos_ == "PROPN" and subject.ent_type_ in ("GPE", "ORG", "NORP")):
        return subject
    return None


def _plural_antecedent(pronoun: Token, *, sentences: int) -> Token | None:
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for t in reversed(doc[start : pronoun.i]):
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "nmod", "poss") \
                or t.ent_type_ in ("DATE", "TIME", "QUANTITY", "CARDINAL"):
            continue  # "for weeks" names no one
        said_of = _restated(t)
        if said_of is not t:
            if said_of.pos_ not in ("NOUN", "PROPN"):
                continue  # "most were recruits": what part of a group met before is
            t = said_of
        if t.lemma_.lower() in lexicon().site_nouns and not is_force(t) and pronoun.lower_ in ("they", "them"):
            continue  # "outposts", "positions": where a force is, never what moves (a "we" is the
            # speaker's side: looking further back for it reaches the other side's fighters)
        if t.i < pronoun.sent.start and not is_force(t) and (_in_a_phrase(t) or _who_said(t)):
            # a sentence before: "arriving in border villages", "a meeting of commanders", "residents
            # said": the places, owners and sources of what was told, not who it was about
            continue
        if t.tag_ in ("NNS", "NNPS") or is_force(t):
            return t if is_force(t) else None
    return None


def _restated(t: Token) -> Token:
    """The noun an apposition or a predicate noun says what it is, or ``t`` itself: "the gunmen, two
    brothers from X" -> gunmen; "the men were farmers, not soldiers" -> men ("most were farmers" ->
    most, which names no one). What a noun is said to be is not a second one that could act; but a
    force it is said to be, not denied, is what the subject is ("the men were soldiers"), and "there
    were 300 soldiers" names them. The parser often makes an apposition a conjunct: one with no "and"
    or "or" in its coordination is taken as one."""
    u, restates = t, False
    while u.dep_ in ("conj", "appos") and u.head.i != u.i:
        restates = restates or u.dep_ == "appos" or not any(
            c.dep_ == "cc" for c in (*u.head.children, *u.children))
        u = u.head
    if u.dep_ == "attr":
        verb = u.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        denied = any(c.dep_ == "neg" or c.lower_ == "not" for w in (verb, u, t) for c in w.children)
        if subject is None or (is_force(t) and not denied):  # "there were 300 soldiers" has no subject
            return t
        return subject
    return u if restates else t


def _first_conjunct(t: Token) -> Token:
    """The first of the conjuncts ``t`` is one of ("officials" of "officials and residents")."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t


def _in_a_phrase(t: Token) -> bool:
    """A noun a preposition governs (or one of its conjuncts), not the "of" of a subject or object
    ("dozens of families")."""
    t = _first_conjunct(t)
    return t.dep_ == "pobj" and not (t.head.lower_ == "of" and t.head.head.dep_ in ("nsubj", "nsubjpass", "dobj"))


def _who_said(t: Token) -> bool:
    """A reporting verb's subject (or one of its conjuncts): "officials and residents said"."""
    t = _first_conjunct(t)
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in lexicon().report_verbs


def sender(trigger: Token) -> Token | None:
    """Who sends: the active subject of a transitive movement verb ("Oslo sent"), also
    through "is expected to send"; or the possessor of a movement noun ("North Korea's dispatch")."""
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        after = trigger.doc[trigger.i + 1] if trigger.i + 1 < len(trigger.doc) else None
        if after is not None and after.lower_ == "by" and after.dep_ == "prep":
            # "deployments by X to Y": the small model hangs the by-phrase on the verb above
            return next((c for c in after.children if c.dep_ == "pobj"), None)
        return None
    if any(c.dep_ == "nsubj" and is_force(c) for c in trigger.children) and not any(
            c.dep_ == "dobj" and is_force(c) for c in trigger.children):
        return None  # "a navy vessel entered X, Y claimed": the force moves itself; Y only says so
    head, below = trigger, None
    for _ in range(3):
        if below is not None and below.dep_ == "xcomp" and head.lemma_.lower() not in lexicon().subject_control:
            # "X asked Y to send": the object controls the infinitive, so Y sends, not X
            controller = next((c for c in head.children if c.dep_ == "dobj" and c.i < below.i), None)
            if controller is not None and not is_force(controller):
                return controller
        # the subject nearest the verb: a dateline the parser took for a second subject lies further off
        for child in sorted(head.children, key=lambda c: abs(c.i - head.i)):
            if child.dep_ in ("nsubj", "nsubjpass") and not is_force(child):
                if child.dep_ == "nsubjpass" and head.i == trigger.i:
                    continue
                return child
        if head.dep_ not in ("xcomp", "conj", "ccomp") or head.head.i == head.i:
            break
        head, below = head.head, head
    return None


def nearest_verb(token: Token) -> Token | None:
    """The closest verb at or above a token in the parse (None at the root of a verbless one)."""
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def same_token(a: Token | None, b: Token | None) -> bool:
    """spaCy makes a new Token object on every access: compare positions, never identity."""
    return a is not None and b is not None and a.i == b.i


def is_object_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` is the verb's direct object, or inside "the town of X" that is; further
    down only through the sites it completes (:func:`~conflictmap.geo.nlp.components.site_holding`:
    "entered the grounds of the X hospital in Y": Y, where a site inside another site lies; not
    "reached agreements with the X-backed regime")."""
    t = token
    for _ in range(4):
        if t.dep_ == "dobj" and t.head.i == verb.i:
            return True
        if t.head.i == t.i:
            break
        t = t.head
    held = site_holding(token, any_noun=False)
    return held.dep_ == "dobj" and held.head.i == verb.i


def crossing_point(span: Span, trigger: Token) -> bool:
    """Whether the place is where a force crossed a line: "crossed the border near X", "crossed the
    front line at X", "crossed the river near the town of X", "crossed the Y at X". The line is the
    verb's object (a border noun, a line, water, a name after "the"); the place a "near" or "at" phrase
    gives, on the verb or on that object, is the point it was crossed at, not where the force went."""
    lex = lexicon()
    if trigger.lemma_.lower() not in lex.water_object_is_via or span.root.dep_ != "pobj":
        return False
    lines = {c.i for c in trigger.children if c.dep_ == "dobj" and (
        c.lemma_.lower() in lex.border_nouns or c.lemma_.lower() == "line" or c.lower_ in lex.water_words
        # "crossed the X": a named area after "the" (towns take no article), a river, a range or a region
        or (c.pos_ == "PROPN" and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)))}
    if not lines:
        return False
    prep = span.root.head
    kinds = place_nouns().kind_of | set(place_nouns().kinds)
    if prep.lower_ == "of" and prep.head.lemma_.lower() in kinds and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "near the town of X"
    return prep.lower_ in ("near", "at") and (prep.head.i == trigger.i or prep.head.i in lines)


def in_the_objects_site(span: Span, trigger: Token) -> bool:
    """ "left the X barracks in Y", "entered the base at Y": the parser hangs "in Y" on the verb
    right after its object, a site noun, so Y is where that site lies."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "at") or prep.head.i != trigger.i:
        return False
    words = lexicon().site_nouns
    return any(c.dep_ == "dobj" and c.right_edge.i + 1 == prep.i and (c.lemma_.lower() in words or c.lower_ in words)
               for c in trigger.children)


def recipient(token: Token, trigger: Token) -> bool:
    """Whether a place word is the one a force is sent or handed to without a preposition: the
    verb's indirect object ("sent X two frigates"), or a first object the small model makes of it
    when a second one (or inside it) is the force ("sending X dozens of howitzers")."""
    if token.head.i != trigger.i or trigger.pos_ not in ("VERB", "AUX"):
        return False
    if trigger.lemma_.lower() in lexicon().object_is_origin:
        return False
    if token.dep_ == "dative":
        return True
    return token.dep_ == "dobj" and any(
        c.dep_ == "dobj" and c.i > token.i and any(is_force(d) for d in c.subtree) for c in trigger.children)


def recipient_in(span: Span, trigger: Token) -> bool:
    """ "sent arms to the rebels in X", "delivered aid to its allies inside X": the place qualifies
    the noun a verb's object goes to."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "inside"):
        return False
    if not any(c.dep_ == "dobj" for c in trigger.children):
        return False  # only what is sent or handed over goes to someone ("advanced to the final in X")
    holder = prep.head
    if holder.i == trigger.i:  # the parser hangs "in X" on the verb: "delivered arms to the rebels in X"
        return any(c.dep_ == "prep" and c.lower_ == "to" and c.i < prep.i and any(
            p.dep_ == "pobj" and p.ent_type_ not in ("GPE", "LOC", "FAC") for p in c.children)
            for c in trigger.children)
    return (holder.dep_ == "pobj" and holder.head.lower_ == "to" and holder.head.dep_ == "prep"
            and holder.head.head.i == trigger.i)


def in_a_site(span: Span) -> bool:
    """ "a base in X", "the front lines in X", "the outskirts of X": the place completes a site noun,
    also through the noun of its own kind ("a base in the X district")."""
    head = span.root.head
    if span.root.dep_ == "compound" and head.i not in range(span.start, span.end) and head.dep_ == "pobj" and (
            head.lower_ in place_nouns().kinds or head.lemma_.lower() in place_nouns().kinds):
        head = head.head  # "in the X district": the preposition governs the kind noun
    if head.dep_ == "prep" and head.i != span.root.i:
        head = head.head
    return head.lemma_.lower() in lexicon().site_nouns or head.lower_ in lexicon().site_nouns


@functools.cache
def feature_heads() -> frozenset[str]:
    """The lower-case heads a name makes a feature of its own: waters and crossings ("the X river",
    "the X crossing") and features of nature ("the X valley", "the X hills")."""
    return lexicon().water_words | lexicon().natural_name_heads


def in_a_home_phrase(span: Span, trigger: Token) -> bool:
    """ "troops based at X", "frigates stationed in X": the place hangs in a participle phrase saying
    where a force is kept (``home_verbs.jsonl``), below the noun it describes, not on the movement."""
    for anc in span.root.ancestors:
        if anc.i == trigger.i:
            return False
        if anc.dep_ in ("acl", "relcl") and anc.lemma_.lower() in lexicon().home_verbs:
            # the moving force's own home; not the soldiers "already stationed in X" that more troops join
            noun = anc.head
            while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != trigger.i:
                noun = noun.head.head  # "troops of the brigade, based at X"
            return noun.head.i == trigger.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj")
    return False


def modifies_another_noun(span: Span, trigger: Token) -> bool:
    """ "the X agreement", "the X talks": a place qualifying a noun that is no place, site or border
    is no end of a movement (a place qualifying a site still is: "X bases")."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod") or root.head.i in range(span.start, span.end):
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i and head.head.i != trigger.i:
        head = head.head  # "the X refugee camp": the noun the whole compound names
    if head.i == trigger.i or is_force(head):
        return False
    lex = lexicon()
    words = (place_nouns().kind_of | set(place_nouns().kinds) | lex.border_nouns | lex.site_nouns
             | feature_heads() | (lex.name_heads - lex.title_name_heads))  # "the X desert", "the X corridor"
    return head.lemma_.lower() not in words and head.lower_ not in words


def qualifies_a_named_kind(span: Span) -> bool:
    """ "the eastern X city of Y", "the X State town of Y": the place only qualifies a kind noun that
    names its own place with "of", so Y, not X, is where the phrase points."""
    root = span.root
    head = root.head
    if root.dep_ not in ("amod", "compound", "nmod") or head.i in range(span.start, span.end):
        return False
    kinds = place_nouns().kind_of
    return (head.lemma_.lower() in kinds or head.lower_ in kinds) and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.pos_ == "PROPN" for p in c.children)
        for c in head.children)


def named_within(span: Span) -> Token | None:
    """ "the X district of Y", "the X province town of Y" read as one name ending in its kind noun: the
    name Y the kind noun's "of" points to (whether Y lies inside X, the caller asks the gazetteer)."""
    last = span.doc[span.end - 1]
    kinds = place_nouns().kind_of
    if len(span) < 2 or (last.lower_ not in kinds and last.lemma_.lower() not in kinds):
        return None
    return next((p for c in last.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)


def territory_of(span: Span) -> Token | None:
    """The territory noun a nationality word or possessor qualifies ("Ruritanian airspace",
    "Ruritania's waters"), or None ("Ruritanian troops")."""
    head = span.root.head
    if span.root.dep_ not in ("amod", "compound", "poss", "nmod") or head.i in range(span.start, span.end):
        return None
    lex = lexicon()
    if head.lemma_.lower() not in lex.territory_nouns and head.lower_ not in lex.territory_nouns:
        return None
    if span.root.dep_ != "poss" and (head.lemma_.lower() in lex.possessed_territory
                                     or head.lower_ in lex.possessed_territory):
        return None  # "Japan's air defence zone" is Japan's; "the French zone of the city" is not France
    return None if _own_place_phrase(head, ("in",)) else head  # "X's zone of responsibility in Y": in Y


def _own_place_object(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the noun's own place phrase ("the base in Y", "the airfield near Y", "the zone of
    responsibility in Y"), not counting its possessor's words; None when it has none."""
    return next((o for t in noun.subtree if t.dep_ == "prep" and t.lower_ in preps and t.i > noun.i
                 for o in t.children if o.dep_ == "pobj"), None)


def _own_place_phrase(noun: Token, preps: tuple[str, ...]) -> bool:
    """Whether the noun's phrase has a place phrase of its own (:func:`_own_place_object`)."""
    return _own_place_object(noun, preps) is not None


def site_of(span: Span) -> Token | None:
    """The site noun a place owns ("X's airfield", "X's harbour", "X's outskirts"), or None: the
    site lies in X, so a movement to or from the site goes to or from X."""
    head = span.root.head
    if span.root.dep_ != "poss" or head.i in range(span.start, span.end) or head.like_num:
        return None
    words = lexicon().site_nouns
    if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in head.children):
        return None  # "X's Y base": the base has a name of its own, which is the end
    if _own_place_phrase(head, ("in", "at", "on", "near")):
        return None  # "X's base in Y": the base is in Y, X only owns it
    return head if head.lemma_.lower() in words or head.lower_ in words else None


def site_placed_by(span: Span) -> Token | None:
    """ "left the X barracks in Y", "the X air base at Y": the word naming Y, where the site the
    place name X qualifies lies; None when X qualifies no site, or the site has no place phrase."""
    root, head = span.root, span.root.head
    if root.dep_ not in ("compound", "nmod", "amod") or head.i in range(span.start, span.end):
        return None
    sites = lexicon().site_nouns
    if not (head.lemma_.lower() in sites or head.lower_ in sites):
        return None
    doc, after = head.doc, head.right_edge.i + 1  # the parser may hang "in Y" on the verb
    if after + 1 < len(doc) and doc[after].lower_ in ("in", "at"):  # not "near": "the X front near Y" is at X
        return next((t for t in doc[after + 1 : min(len(doc), after + 5)] if t.is_title), None)
    return _own_place_object(head, ("in", "at"))


def recipient_of(span: Span) -> Token | None:
    """ "weapons to the X regime", "rifles to the X army": the receiving side a nationality word
    qualifies after "to" (its country is where they go), or None."""
    head = span.root.head
    if span.root.dep_ not in ("amod", "compound", "nmod") or head.i in range(span.start, span.end):
        return None
    lex = lexicon()
    return head if (head.lemma_.lower() in lex.recipient_nouns and head.dep_ == "pobj"
                    and head.head.lower_ == "to") else None


INDEFINITE = frozenset({"a", "an", "another", "one"})


def settlement_of(span: Span) -> Token | None:
    """ "into a Ruritanian village", "to a Ruritanian enclave": the place noun (a town, a village, a
    region: ``referring_nouns.jsonl`` with a kind) a nationality word qualifies in an indefinite
    phrase, which lies in that nationality's country; or None ("the Ruritanian town of X" names X;
    "a Ruritanian-held village" is held, not in Ruritania; "a Ruritanian base" is owned, not placed)."""
    head = span.root.head
    if span.root.dep_ not in ("amod", "compound") or head.i in range(span.start, span.end) or head.pos_ != "NOUN":
        return None
    kinds = lexicon().referring_nouns.get(head.lemma_.lower())
    if not kinds or "country" in kinds:
        return None
    dets = [c for c in head.children if c.dep_ in ("det", "nummod")]
    indefinite = any(d.lower_ in INDEFINITE or d.like_num for d in dets) or (not dets and head.tag_ == "NNS")
    return head if indefinite and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) else None


def defended(span: Span) -> bool:
    """ "arms for X's defence": the place is the possessor of a noun of defence after "for"."""
    head = span.root.head
    return (span.root.dep_ == "poss" and head.i not in range(span.start, span.end)
            and head.lemma_.lower() in lexicon().defended_nouns
            and head.dep_ == "pobj" and head.head.lower_ == "for")


def in_another_nouns_phrase(span: Span, trigger: Token) -> bool:
    """ "left their posts after threats from X": the place's preposition qualifies a noun that is not
    the motion word, what it moves, a force, a site or a place, so the place is that noun's, not the
    movement's. The target of a military word is the exception: "an offensive against militants in X"
    goes to X; so is a phrase that only says where the movement's end lies ("pushed into farmland
    near X")."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    noun = prep.head
    if noun.dep_ == "acl" and noun.tag_ == "VBG":
        noun = noun.head  # "patrolled the roads leading to X": the roads' phrase
    if noun.i == trigger.i or noun.pos_ != "NOUN" or is_force(noun) or noun.ent_type_:  # a name may be a place
        return False
    if (noun.lower_ in lexicon().route_nouns or noun.lemma_.lower() in lexicon().route_nouns) and (
            noun.head.i == trigger.i or (noun.head.dep_ == "prep" and noun.head.head.i == trigger.i)):
        return False  # "on their way to X", "moved along the road to X": the route is the movement's own
    if noun.dep_ == "dobj" and noun.head.i == trigger.i:
        return False  # what the verb moves: "escorted a supply run from X to Y"
    if prep.lower_ in lexicon().locating_prepositions and _an_end_of(noun, trigger):
        return False  # "pushed into farmland near X": the place says where the movement's end lies
    if noun.dep_ == "conj" and (noun.head.i == trigger.i or is_force(noun.head)):
        return False  # "the pull-out of the gunners and their guns from X": coordinated with what moves
    if noun.dep_ == "pobj" and noun.head.lower_ == "against" and noun.head.head.i == trigger.i and (
            trigger.pos_ == "NOUN" and trigger.lemma_.lower() in lexicon().military_nouns):
        return False  # "an offensive against militants in X" goes where its target is (not "deployed against")
    words = place_nouns().kind_of | set(place_nouns().kinds) | lexicon().border_nouns | lexicon().site_nouns
    return noun.lemma_.lower() not in words and noun.lower_ not in words and noun.lower_ not in BEARINGS


def _an_end_of(noun: Token, trigger: Token) -> bool:
    """Whether the noun is what a preposition of an end or a way on the trigger governs ("into
    farmland"), or part of a site that is ("into the compound of the temple",
    :func:`~conflictmap.geo.nlp.components.site_holding`), not another phrase of the verb ("after
    clashes")."""
    noun = site_holding(noun)
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == trigger.i and prep.lower_ in lexicon().roles


def is_possessor(span: Span) -> bool:
    """ "Norway" in "Norway's Finnmark county": a qualifier of the next place, not an endpoint."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")


def preposition(span: Span) -> str | None:
    """The preposition that governs a place mention, read from the surface first ("to eastern
    Russia", which the small model misparses), then from the parse; list words ("in areas such
    as X") pass through to the preposition before them."""
    doc = span.doc
    i = span.start - 1
    while i >= 0:
        t = doc[i]
        if t.pos_ == "ADP" or t.lower_ in lexicon().prepositions:
            if t.lower_ in lexicon().list_words:
                i -= 1
                continue
            # "the town of X", "the border with X": look past the noun to what governs it
            nouns = place_nouns().kind_of | lexicon().border_nouns
            if t.lower_ in ("of", "with") and i > 0 and (
                    doc[i - 1].lower_ in nouns or doc[i - 1].lemma_.lower() in nouns):  # "the towns of X and Y" too
                i -= 2
                while i >= 0 and (doc[i].pos_ in ("DET", "ADJ", "PROPN") or doc[i].tag_ in ("VBN", "HYPH")
                                  or doc[i].dep_ in ("compound", "poss", "case", "npadvmod")):
                    # "the (disputed) town of X", "the border region of X", "its northern province of X",
                    # "the gold-mining town of X"
                    i -= 1
                if i >= 0 and (doc[i].pos_ == "ADP" or doc[i].lower_ in lexicon().prepositions):
                    if doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ == "out":
                        return "from"  # "out of the town of X"
                    return _enclosing(doc, i) or doc[i].lower_  # "to within 10 km of the town of X"
                return None
            if t.lower_ == "of" and i > 0 and doc[i - 1].lower_ == "out":
                return "from"
            if t.lower_ == "to" and i > 0 and doc[i - 1].lower_ in lexicon().cause_words:
                return None  # "according to X", "due to X": a source or a cause, no place gone to
            if t.lower_ == "of" and i >= 3 and doc[i - 1].lower_ == "direction" and doc[i - 3].lower_ == "in":
                return "toward"  # "advanced in the direction of X"
            return _enclosing(doc, i) or t.lower_
        if t.pos_ in ("DET", "ADJ", "PART", "NUM") or t.is_space or t.lower_ in ("'s", "’s") \
                or t.ent_type_ in ("GPE", "LOC") or t.dep_ == "poss" or (t.tag_ == "VBN" and t.dep_ == "amod") \
                or (t.dep_ == "compound" and t.head.dep_ == "poss") \
                or (t.pos_ == "CCONJ" and i > 0 and doc[i - 1].pos_ == "ADJ"):
            # "into eastern and northern X": coordinated directions pass through too; "out of X's
            # harbour": so does the possessor of a site
            i -= 1
            continue
        if (
            t.pos_ == "NOUN"
            and i > 0
            and doc[i - 1].pos_ in ("ADP", "DET")
            and t.i + 1 < len(doc)
            and doc[t.i + 1].lower_ in lexicon().list_words
        ):
            i -= 1  # "in areas such as ..."
            continue
        break
    for anc in span.root.ancestors:
        if anc.dep_ == "prep":
            if anc.lower_ in lexicon().list_words:
                continue
            return anc.lower_
        if anc.pos_ == "VERB":
            break
    return None


def measured_from(span: Span) -> bool:
    """Whether the "from" governing the place measures a distance from it ("20 km from X", "10 miles
    away from X", "about 30km from the border"): X is a landmark the force ends near, not where it
    started."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "from":
        return False
    near = [*prep.children, prep.head, *([span.doc[prep.i - 1]] if prep.i > 0 else [])]  # the distance just before
    return any(t.ent_type_ == "QUANTITY" or t.lower_ == "away" for t in near if t.i != span.root.i)


def _enclosing(doc: Doc, i: int) -> str | None:
    """The strong preposition whose noun phrase the place's "of"/"in"/"at"... phrase completes, when
    that noun is a site or a distance: "to the outskirts of X", "to within 12 km of X", "to port in
    X", "from bases in X"; or any noun, when the phrase only says where it lies ("into farmland near
    X", ``locates`` in ``prepositions.jsonl``); "within" for a distance with no preposition before
    it ("sailed within 5 miles of X"), "beside" for a side of the place a verb goes to ("moved north of X"; its role is
    :func:`place_role`'s); None otherwise ("troops in X", "to the final in X")."""
    lex = lexicon()
    if doc[i].lower_ != "of" and doc[i].lower_ not in lex.weak_destination:
        return None
    j = i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    if doc[i].lower_ == "of" and j >= 0 and doc[j].lower_ in BEARINGS and doc[j].pos_ != "PROPN":
        # "advanced (to positions) north of X", "deployed east of X": near X, on that side of it
        k = j - 1
        named = False  # "landed at the X airbase east of Y": X is where they landed, Y only locates it
        while k >= 0 and (doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or doc[k].is_space):
            named = named or doc[k].pos_ == "PROPN"
            k -= 1
        if k >= 0 and doc[k].lower_ in lex.roles:
            return doc[k].lower_
        if named and k >= 0 and doc[k].lower_ in ("at", "in"):
            return None
        return "beside" if doc[j].head.pos_ == "VERB" else None  # "deployed 900 troops south of X" too
    if j < 0 or (doc[j].lemma_.lower() not in lex.site_nouns and doc[j].lower_ not in lex.site_nouns
                 and force_class(doc[j]) != "vessel"  # "ferried marines to the BRP X at Y": a ship is a site
                 and doc[i].lower_ not in lex.locating_prepositions):
        # "to the final in X", "to talks in X": only a site or a distance leads on to the place, or any
        # noun a phrase that only says where it lies places ("into farmland near X", ``locates``)
        return None
    while True:
        while j >= 0 and (doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or doc[j].is_space
                          or doc[j].dep_ in ("poss", "case")  # "from its bases in X", "to the army's base in X"
                          or (doc[j].dep_ in ("advmod", "quantmod") and doc[j].head.like_num)):
            j -= 1  # "to within about 40 km of X": a word that hedges the number
        k = j - 1
        while k > 0 and doc[k].is_space:
            k -= 1
        if not (j > 0 and (doc[j].lower_ in lex.weak_destination or doc[j].lower_ == "of") and (
                doc[k].lemma_.lower() in lex.site_nouns or doc[k].lower_ in lex.site_nouns)):
            break
        # "from positions on the edge of X": a site on (in, near) another site leads on to the first;
        # "into the compound of the temple near X": so does the site a thing near X is part of
        j = k
    within = j > 0 and doc[j].lower_ == "within"
    while j > 0 and doc[j].lower_ == "within":  # "to within 12 km of X": within passes through
        j -= 1
    if j >= 0 and (doc[j].lower_ in lex.roles or doc[j].lower_ == "on"):
        return doc[j].lower_  # "converged on the outskirts of X": "on" where the verb goes on a place
    if j > 0 and doc[j].lower_ == "of" and doc[j - 1].lower_ == "out":
        return "from"  # "out of villages near X"
    return "within" if within else None  # "sailed within five miles of X": up to X


def place_role(prep: str, trigger: Token, *, attached: bool) -> str | None:
    """The role a place governed by ``prep`` plays in the movement ``trigger`` names: "origin",
    "destination", "via", "weak destination" ("deployed in X", only for a place attached to a
    trigger that stations forces; a strong destination wins over it), or None."""
    lex = lexicon()
    if prep == "off" and trigger.lemma_.lower() in lex.off_is_origin:
        return "origin"  # "pulled two regiments off the X axis": where they were (not "deployed off X")
    if prep == "across" and trigger.lemma_.lower() in lex.across_is_destination:
        return "destination"  # "deployed across X": spread over X
    if prep in ("within", "near", "beside") and trigger.lemma_.lower() in lex.object_is_via:
        return "via"  # "passed within ten miles of X", "passed near X", "passed south of X": by X
    if prep == "beside":
        return "destination"  # "moved north of X": to that side of X
    if prep in lex.roles:
        return lex.roles[prep]
    if prep == "for" and trigger.lemma_.lower() in lex.for_destination and not _moves_something_else(trigger):
        return "destination"  # "headed for X", "left Y for X"; not "left a message for X"
    if prep == "on" and trigger.lemma_.lower() in lex.on_destination:
        return "destination"  # "advanced on X", "converged on X"
    if prep in lex.weak_destination and attached and trigger.lemma_ in lex.weak_destination_triggers:
        return "weak destination"
    return None


def status_of(trigger: Token) -> tuple[str, str | None]:
    """The movement's status ("reported", "possible", "denied") and the word that decided it, as
    written ("not", "denied", "could", "plans"; None for a plain report). Read up from the trigger
    through the verbs and nouns it depends on ("plans to send", "demanded the withdrawal", "talks can
    follow a withdrawal"), never past another clause's verb ("will not go, while X insisted on a
    withdrawal": the "not" is another clause's)."""
    lex = lexicon()
    for arg in trigger.children:  # "no warships will be sent": the force itself is negated
        no = next((c for c in arg.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if arg.dep_ in ("nsubj", "nsubjpass", "dobj") and no is not None:
            return "denied", no.text
        if arg.dep_ in ("nsubj", "nsubjpass") and arg.lower_ in ("none", "neither"):
            return "denied", arg.text  # "none of its soldiers crossed"
        if arg.dep_ in ("nsubj", "nsubjpass", "dobj") and (neg := next(
                (t for t in arg.subtree if t.i < arg.i and t.dep_ == "neg" and t.nbor().lower_ in ("a", "one")), None)):
            return "denied", neg.text  # "not a single tank crossed", "not one soldier was moved"
    if trigger.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        if trigger.head.lemma_ == "be":
            return "possible", trigger.head.text  # "the brigade is to withdraw from X by May": a plan
        yet = next((c for c in trigger.head.children if c.dep_ == "advmod" and c.lower_ == "yet"), None)
        if yet is not None:
            return "possible", yet.text  # "the battalions have yet to move into X": not done yet
    to = next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if trigger.dep_ == "ROOT" and trigger.tag_ == "VB" and to is not None and not any(
            c.dep_ == "neg" for c in trigger.children) and any(c.dep_ == "nsubj" for c in trigger.children):
        return "possible", to.text  # a heading's "X to send troops to Y": what X will do (not "X not to")
    chain = [trigger, *list(trigger.ancestors)[:6]]
    sequenced = False  # past "before": the verb it follows lends its mood, not its denial
    for k, tok in enumerate(chain):
        if tok.i != trigger.i and tok.lemma_.lower() in lex.cue("opposition"):
            return "possible", tok.text  # "will not object to a withdrawal": opposed or not, it has not happened
        if k == 1 and trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") \
                and tok.lemma_.lower() not in lex.cue("occurrence") and not (
                trigger.dep_ == "nsubjpass" and tok.lemma_.lower() in lex.cue("intent")
                and not any(c.lower_ == "had" for c in tok.children)):
            # "the arrival of X will not intimidate us": X arrived; "the withdrawal did not happen"; but a
            # withdrawal that "is expected" or "is planned" (the noun the passive subject of an
            # intent) has not happened yet, unless it "had been planned"
            break
        if k > 1 and chain[k - 1].dep_ in ("nsubj", "nsubjpass") and (false := next(
                (c for c in tok.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lex.cue("falsity")),
                None)) is not None:
            return "denied", false.text  # "reports that troops entered X are false"
        condition = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in lex.cue("condition")), None)
        neg = next((c for c in tok.children if c.dep_ == "neg"), None)
        if neg is not None and not sequenced:
            if tok.i != trigger.i and tok.lemma_.lower() in lex.cue("confirmation"):
                return "possible", tok.text  # "has not confirmed a withdrawal from X": not known, not denied
            if condition is not None:
                return "possible", condition.text  # "unless X is not pulled out": a condition, not a denial
            return "denied", neg.text
        no = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if tok.i != trigger.i and tok.pos_ == "NOUN" and no is not None and not sequenced:
            return "denied", no.text  # "has no plans to send troops", "no intention of withdrawing"
        if tok.i != trigger.i and tok.lemma_.lower() in lex.cue("deny") and chain[k - 1].dep_ != "conj" \
                and not sequenced:
            return "denied", tok.text  # not "X denies this and says Y sent arms": a conjunct is not denied
        if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in lex.cue("condition"):
            return "possible", tok.head.text  # "no deal without troops pulling out"
        for c in tok.children:  # a condition first: it says more than the "will" it governs
            if condition is not None and c.i == condition.i:
                return "possible", c.text
            if c.dep_ == "advcl" and (mark := next((m for m in c.children if m.dep_ == "mark"
                                                    and m.lower_ in lex.cue("condition")), None)):
                return "possible", mark.text  # "if talks fail, X will send troops": the move hangs on a condition
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.cue("modal"):
                denial = _denied_above(chain, k)  # "denied any unit would go": denied, not possible
                return ("denied", denial.text) if denial is not None else ("possible", c.text)
            if c.dep_ in ("advmod", "amod") and c.lower_ in lex.cue("hedge"):
                return "possible", c.text
        if tok.dep_ in ("acl", "relcl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and (span := next((n for n in (tok.head, *tok.head.children) if n.dep_ in ("dobj", "attr")
                                   and n.lemma_.lower() in lex.cue("deadline")), None)) is not None:
            # "has ninety days to quit X", "was granted a week to go home": a time given, not yet used
            return "possible", span.text
        needs = lex.cue_prepositions.get(tok.lemma_.lower())
        subjunctive = k > 0 and chain[k - 1].dep_ == "ccomp" and chain[k - 1].tag_ == "VB"  # "insisted that X withdraw"
        if tok.i != trigger.i and tok.lemma_.lower() in lex.cue("intent") and (
                needs is None or subjunctive or any(c.dep_ == "prep" and c.lower_ in needs for c in tok.children)):
            return "possible", tok.text
        if tok.dep_ == "pcomp" and tok.head.lower_ == "by":
            continue  # "if X responded by invading Y": the means has the status of what it is the means of
        # "had no plan for moving troops": a gerund after a noun's preposition is read on
        of_a_noun = tok.dep_ == "pcomp" and tok.pos_ == "VERB" and tok.head.head.pos_ == "NOUN"
        # "is set to call at X before sailing on to Y": the gerund is as possible as the verb it
        # follows ("did not stop at X before sailing to Y": it sailed)
        in_sequence = tok.dep_ == "pcomp" and tok.head.lower_ in lex.cue("sequence")
        sequenced = sequenced or in_sequence
        # "rejected claims online that units had crossed": a noun's "that" clause the parser
        # took for a relative one (its "that" a conjunction, not the relative word) says what the noun does
        content = tok.dep_ == "relcl" and any(c.tag_ == "IN" and c.lower_ == "that" for c in tok.children)
        if tok.dep_ == "advcl" and (mark := next((m for m in tok.children if m.dep_ == "mark"
                                                  and m.lower_ in lex.cue("pending")), None)) is not None \
                and any(c.dep_ == "aux" and c.lower_ in lex.cue("future") for c in tok.head.children) \
                and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.children):
            return "possible", mark.text  # "talks will resume once the troops have left X": not yet
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "pobj", "prep", "acl", "dobj", "nsubj", "nsubjpass") \
                and not of_a_noun and not in_sequence and not content:
            # not past a relative clause: "X could fall, where troops crossed the river": the crossing was
            break
    return "reported", None


def _denied_above(chain: list[Token], k: int) -> Token | None:
    """A denial verb the clause of ``chain[k]`` is the complement of ("denied that X would ..."), or None."""
    deny = lexicon().cue("deny")
    for j in range(k + 1, len(chain)):
        if chain[j - 1].dep_ not in ("ccomp", "xcomp"):
            return None
        if chain[j].lemma_.lower() in deny:
            return chain[j]
    return None


def mode_of(sent: Span, trigger: Token | None = None) -> str | None:
    """How the force moves: the first mode phrase of the sentence ("by sea"), else the verb's own."""
    found = patterns(sent.doc.vocab).surface(sent, "mode")
    if found:
        return lexicon().modes[found[0][1][-1].lower_]
    return lexicon().verb_modes.get(trigger.lemma_.lower()) if trigger is not None else None


def time_phrase(sent: Span, trigger: Token) -> str | None:
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if not dates:
        return None
    return date_phrase(min(dates, key=lambda e: abs(e.start - trigger.i)))


_DATE_LEAD = re.compile(r"\b(?:(?:by|until|till|before|since)\s+)?(?:(?:early|mid|late)\s*-?\s*(?:to|or|and)\s*)?$",
                        re.IGNORECASE)


def date_phrase(ent: Span) -> str:
    """A DATE entity with the words the model leaves outside it that change its meaning: a deadline
    or a start ("by December", "since May") and a part ("early- to late-May": the model takes only
    "late-May")."""
    sent = ent.sent
    before = sent.doc.text[sent.start_char : ent.start_char]
    m = _DATE_LEAD.search(before)
    start = ent.start_char - (len(before) - m.start()) if m and m.group(0) else ent.start_char
    return sent.doc.text[start : ent.end_char]


@functools.cache
def size_pattern() -> re.Pattern[str]:
    """A size claim ending on a force word: "at least 2,500 troops", "tens of thousands of elite
    soldiers", "two more frigates". Over words, not tokens ("3,000" and "1.5 million" read as a
    reader reads them); every word class comes from the lexicon (``size_words.jsonl``, ``forces``)."""
    lex = lexicon()

    def alternatives(words: Iterable[str]) -> str:
        return "|".join(sorted((re.escape(w).replace(r"\ ", " ") for w in words), key=len, reverse=True))

    words = lex.size_words
    forces = alternatives(lex.forces)
    return re.compile(
        rf"(?P<size>(?:(?:{alternatives(words['quantifier'])})\s+)?"
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s*(?:{alternatives(lex.magnitudes)}))?|"
        rf"{alternatives(words['amount'])}))"
        rf"(?:\s+(?:{alternatives(words['more'])}))?(?:\s+(?:{alternatives(words['determiner'])}))?"
        rf"(?:\s+[A-Z][\w'’.-]+){{0,3}}(?:\s+(?:{alternatives(words['adjective'])}))*"
        rf"\s+(?P<force>(?:{forces})s?)\b"
    )


def size_value(text: str) -> int | None:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if not digits:
        return None
    value = float(digits.group(0).replace(",", ""))
    for word, factor in lexicon().magnitudes.items():
        if word in text[digits.end() :]:
            value *= factor
    return int(value)


_JOINERS = ("-", "–", "/", "'s", "’s")


def border_phrases(sent: Span, names_border: Callable[[str], bool]) -> list[Span]:
    """Land borders named in a sentence, around a border noun that heads its phrase (not "border
    guards", "a border crossing"): with the names and nationality words before it ("the X-Y
    border", "X's northern frontier") and a "with" / "between" / "of" phrase after it ("the border
    with X", "X's border with Y"); the longest reading ``names_border`` accepts.

    A border is a place of its own: troops sent "to the border with X" go to the band along the
    line, not into X."""
    doc = sent.doc
    nouns = lexicon().border_nouns
    directions = direction_words().all
    found = []
    for t in sent:
        if t.pos_ != "NOUN" or (t.lower_ not in nouns and t.lemma_.lower() not in nouns) or t.dep_ == "compound":
            continue
        start = t.i
        while start > sent.start and (doc[start - 1].text in _JOINERS or doc[start - 1].lower_ in directions or (
                doc[start - 1].pos_ in ("PROPN", "ADJ") and (doc[start - 1].is_title or doc[start - 1].is_upper))):
            start -= 1
        ends = [t.i + 1]
        if t.i + 2 < sent.end and doc[t.i + 1].lower_ in ("with", "between", "of"):
            end = t.i + 2
            while end < sent.end and end - t.i <= 8 and (
                    doc[end].is_title or doc[end].is_upper or doc[end].lower_ in ("and", "the")
                    or doc[end].text in _JOINERS):
                end += 1
            ends = [b for b in range(end, t.i + 2, -1)
                    if doc[b - 1].lower_ not in ("and", "the") and doc[b - 1].text not in _JOINERS] + ends
        # a reading opens with a name, or with a direction ("the southern border": whose, the context says)
        readings = sorted(((a, b) for b in ends for a in range(start, t.i + 1)
                           if a == t.i or doc[a].is_title or doc[a].is_upper or doc[a].lower_ in directions),
                          key=lambda ab: ab[0] - ab[1])
        span = next((doc[a:b] for a, b in readings if names_border(doc[a:b].text)), None)
        if span is not None:
            found.append(span)
    return found


# Marks that end a dateline or a page's breadcrumb before a name ("CITY (Agency) — the envoy",
# "World » X troops", "Update: the envoy"): anywhere; an en dash or hyphen only set off by spaces
# ("CITY - the envoy"), never inside a name written with an en dash ("Franco-German brigade")
PHRASE_BREAKS = frozenset({"—", "―", "--", "»", "|", ":"})
SPACED_BREAKS = frozenset({"–", "-"})


def phrase_start(doc: Doc, start: int, end: int) -> int:
    """Where a name's phrase that the parser ran from ``start`` to ``end`` (exclusive) really
    starts: after the last dateline or breadcrumb mark in it (:data:`PHRASE_BREAKS`)."""
    for i in range(end - 1, start - 1, -1):
        t = doc[i]
        if t.text in PHRASE_BREAKS or (
                t.text in SPACED_BREAKS and i > 0 and doc[i - 1].whitespace_ and t.whitespace_):
            return i + 1
    return start
