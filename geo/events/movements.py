"""Troop movements: a movement verb or noun ("sent", "deployed", "dispatch") whose object or
subject is a force ("troops", "warships"), with places taken from the prepositions that govern
them (from -> origin; to/into/toward -> destination; via/through -> via; in/at -> destination
only when attached to the verb)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from conflictmap.gazetteer import PlaceKind
from conflictmap.gazetteer.borders import pair_id, sides
from conflictmap.gazetteer.nouns import place_nouns
from conflictmap.geo.events.context import STORY_CAPITAL, DocumentContext
from conflictmap.geo.events.grammar import (
    any_of_a_kind,
    crossing_point,
    defended,
    feature_heads,
    force_antecedent,
    in_a_home_phrase,
    in_a_site,
    in_another_nouns_phrase,
    in_the_objects_site,
    is_aim,
    is_force,
    is_object_of,
    is_possessor,
    is_trigger,
    measured_from,
    mode_of,
    modifies_another_noun,
    named_within,
    nearest_verb,
    phrase_start,
    place_role,
    preposition,
    purposes,
    qualifies_a_named_kind,
    recipient,
    recipient_in,
    recipient_of,
    same_token,
    sender,
    settlement_of,
    site_of,
    site_placed_by,
    size_pattern,
    size_value,
    status_of,
    territory_of,
    time_phrase,
)
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.nlp.components import kind_set_beside
from conflictmap.geo.reading.dates import normalise
from conflictmap.geo.reading.zones import zone_at
from conflictmap.geo.records import (
    BORDER_LABEL,
    DATELINE_LABEL,
    DEMONYM_LABEL,
    HOME_LABEL,
    NOT_DRAWN,
    NOT_UNLISTED,
    Mention,
    Movement,
    Resolution,
    SizeClaim,
    Source,
)

NO_MOVEMENT_END = frozenset({"political union"})  # gazetteer features no force moves to or from
# what "the X district of Y" may name as Y: a place inside X (not "the X region of <country>")
WITHIN_A_REGION = frozenset({PlaceKind.CITY, PlaceKind.ADMIN2, PlaceKind.LANDMARK})
# the prepositions that say where a named site lies ("the X Airfield near Y", "the X Camp in Y")
AROUND = ("in", "near", "at", "outside")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _span_of(doc: Doc, r: Resolution, offset: int) -> Span | None:
    """The words of a place mention in the parsed piece that starts at ``offset``, if it lies there."""
    if not 0 <= r.mention.start - offset <= len(doc.text):
        return None
    return doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")


def qualifier(doc: Doc, r: Resolution, offset: int) -> bool:
    """Whether a place mention only qualifies a noun ("US troops", "Ruritania's army")."""
    span = _span_of(doc, r, offset)
    return span is not None and (span.root.dep_ in ("compound", "amod", "nmod", "poss") or is_possessor(span))


def container(doc: Doc, r: Resolution, offset: int, named: list[Resolution]) -> bool:
    """Whether a place mention only says what holds another place named just before it: Y of "the X
    district of Y province", "the X area of Y", where X, a division's name, is itself one of the
    ``named`` places (not "the northern port of Y": Y is the port; not "the Ruritanian-held area of Y")."""
    span = _span_of(doc, r, offset)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "of":
        return False
    noun = span.root.head.head
    if noun.lower_ not in place_nouns().suffixes:  # district, area, region, province, county ...
        return False
    starts = {n.mention.start - offset for n in named if n is not r}
    return any(c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i and c.idx in starts for c in noun.children)


STRANDED_TIME = frozenset({"earlier", "later", "before", "ago", "year", "week", "month", "day", "night"})


def _a_time(t: Token) -> bool:
    return t.ent_type_ in ("DATE", "TIME") or t.lower_ in STRANDED_TIME


def _kind_before_subject(trigger: Token) -> Token | None:
    """The kind noun of "X, the town troops withdrew from": "the" and a place-kind noun (maybe with a
    name of the area before it: "the X village") set after a comma, right before the trigger's subject
    or read by the parser as part of it ("the village troops"); None when the words are not so. The
    place named is the word before the comma (:func:`_named_before`)."""
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > trigger.i:
        return None
    kinds = place_nouns().kind_of
    doc = trigger.doc
    first = subject.left_edge
    # "the town | the rebels withdrew from", "the | (X) village troops withdrew from"
    kind = doc[first.i - 1] if first.i > 0 and doc[first.i - 1].lower_ in kinds else next(
        (c for c in subject.children if c.dep_ == "compound" and c.lower_ in kinds), None)
    return kind if kind is not None and _named_before(kind) is not None else None


def _named_before(kind: Token) -> Token | None:
    """The word before ", the (X) <kind>": the name the kind noun stands beside, as the place
    recognizer reads that apposition (:func:`kind_set_beside`)."""
    doc, j = kind.doc, kind.i - 1
    while j > 0 and doc[j].pos_ == "PROPN" and doc[j].is_title:
        j -= 1  # "the X village": the area's name
    if j < 2 or doc[j - 2].pos_ != "PROPN":
        return None
    beside = kind_set_beside(doc[j - 2 : j - 1])
    return doc[j - 2] if beside is not None and beside.i == kind.i else None


def family(trigger: Token) -> str | None:
    """The kind of movement a military word names ("invasion", "invaded" -> "invade"), or None."""
    return lexicon().families.get(trigger.lemma_.lower())


def leaves_the_story(trigger: Token, force: Token) -> bool:
    """A force word that withdraws with no place and no phrase of its own ("withdrew most of its
    troops", "foreign forces pulling out"; not "withdrew from the talks", nor a state withdrawing), or
    foreign forces leaving ("foreign troops leaving")."""
    lex = lexicon()
    if trigger.pos_ not in ("VERB", "AUX") or not is_force(force) or any(
            c.dep_ == "prep" and c.lower_ in lex.roles for c in trigger.children):
        return False  # a noun ("a quick military withdrawal") says too little of whose and where
    particles = lex.particles.get(trigger.lemma_.lower())
    if particles is not None and not any(c.dep_ == "prt" and c.lower_ in particles for c in trigger.children):
        return False  # "pulled the unit in all directions": no withdrawal
    if family(trigger) == "withdraw":
        return True
    return (trigger.lemma_.lower() in lex.object_is_origin and not any(c.dep_ == "dobj" for c in trigger.children)
            and any(c.dep_ == "amod" and c.lower_ == "foreign" for c in force.children))


def arrives_unplaced(trigger: Token) -> bool:
    """A movement of arrival told of someone, with no phrase of its own that could say where: a verb
    with a subject ("X deployed advisers"), or a military noun a light verb with a subject takes ("X
    launched its offensive"). Not "deployed advisers to the talks", "in the north", nor a generic "the
    perils of deploying weapons" with no subject; a time ("in May") says nothing of where. A noun
    alone ("since the invasion", "the threat of invasion") or a light verb in a time clause ("since X
    launched its invasion") names the war as often as a movement: never."""
    lex = lexicon()
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in lex.light_verbs:
        verb = trigger.head
        if any(c.dep_ == "mark" or (c.dep_ == "prep" and c.lower_ == "since") for c in verb.children) or (
                verb.dep_ == "pcomp"):
            return False  # "since X launched its invasion", "since launching": background, not news
    elif trigger.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (is_force(subject) or subject.ent_type_ in ("GPE", "ORG", "NORP")
                               or (subject.lower_ in lex.force_pronouns and force_antecedent(subject) is not None)):
        return False  # "it launched a counteroffensive" (a lawsuit): no force, no state, no group
    if trigger.lemma_.lower() in lex.object_is_destination and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in lex.referring_nouns
            and c.lemma_.lower() not in lex.territory_nouns for c in trigger.children):
        return False  # "invaded the shelter": the object says where, and it is no country ("invaded the country" is)
    return not any(c.dep_ == "prep" and (c.lower_ in lex.roles or c.lower_ in lex.weak_destination)
                   and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj")
                   for t in {trigger.i: trigger, verb.i: verb}.values() for c in t.children)


def holds_the_force(span: Span, trigger: Token) -> bool:
    """ "pull out the troops (currently) in X", "the withdrawal of forces in X": the place's "in"
    hangs on the withdrawal word or on the force it moves, not on a clause of their own ("withdrew the
    observers it had deployed in X": that is the deployment's place)."""
    if span.root.dep_ != "pobj" or span.root.head.dep_ != "prep":
        return False
    holder = span.root.head.head
    if holder.i == trigger.i:
        return True
    return (holder.head.i == trigger.i and holder.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")) or (
        holder.dep_ == "pobj" and holder.head.head.i == trigger.i)  # "the withdrawal of forces in X"


def definite(trigger: Token) -> bool:
    """A movement noun that points back to one told before: "the invasion", "its offensive", "X's
    withdrawal" (not "an invasion", "a withdrawal")."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in trigger.children)



class MovementReader(DocumentContext):
    def movements(
        self, sent: Span, offset: int, source: Source, claimed_by: str | None, forces: dict[int, Token]
    ) -> Iterator[Movement]:
        """Movements in the sentence; ``forces``: the movement patterns' force for each trigger. A
        passage told beside the same force's movement ("arrived in X after travelling through Y",
        "drove through Y before reaching X") is that movement's way, not a movement of its own."""
        found = list(self._movements(sent, offset, source, claimed_by, forces))
        ended = [i for i, m in enumerate(found) if m.origin or m.destination]
        passages = []
        for i, m in enumerate(found):
            partner = next((j for j in ended if (found[j].actor or "").lower() == (m.actor or "").lower()
                            and found[j].status == m.status), None) if i not in ended else None
            if partner is None:
                continue
            known = {r.mention.start for r in found[partner].via}
            found[partner] = replace(found[partner], via=found[partner].via + tuple(
                r for r in m.via if r.mention.start not in known))
            passages.append(i)
        yield from (m for i, m in enumerate(found) if i not in passages)

    def _movements(
        self, sent: Span, offset: int, source: Source, claimed_by: str | None, forces: dict[int, Token]
    ) -> Iterator[Movement]:
        self.border_places(sent, offset)  # read in every sentence: "the border" may be one named anywhere before
        triggers = [t for t in sent if is_trigger(t)]
        for trigger in triggers:
            force = forces.get(trigger.i)
            if force is None:
                continue
            if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.i in forces:
                continue  # "sent a shipment of shells to X": one movement, the verb's (with its sender)
            if is_aim(trigger):
                continue  # "an offensive to drive X from Y": an aim, not X's movement
            if any_of_a_kind(force, trigger):
                continue  # "any ship heading to X would be hit": a kind of force, none that moves
            unnamed = force.i == trigger.i  # an agentless military noun: only a strongly governed place
            ends = self.endpoints(sent, offset, trigger, triggers, strong_only=unnamed)
            kind, basis = family(trigger), "text"
            # a withdrawal with no one named and no place of its own is one told before ("the
            # withdrawal may leave a vacuum"), not a new one to place from the earlier ones
            bare = unnamed and kind == "withdraw"
            if not ends and kind is not None and definite(trigger) and not bare:
                ends = dict(self.earlier_ends().get(kind, {}))  # "since the invasion": the one placed before
                basis = "earlier"
            if not ends and leaves_the_story(trigger, force) and not self.local_place_in(sent, offset):
                # "the alliance withdrew its troops", "foreign troops leaving": from the country the story
                # is about (not "the garrison at X will not withdraw": a unit leaving a place of the sentence)
                story = self.story_country()
                actor_home = self.actor(force, offset)[1]
                if story is not None and story.place is not None and story.place.country_code != actor_home:
                    ends, basis = {"origin": story}, "story"
            if not ends and kind is not None and kind != "withdraw" and arrives_unplaced(trigger):
                # "Ruritania deployed advisers": into the country the story is about
                story = self.story_country()
                by = sender(trigger)
                home = self.actor(force, offset)[1] if force.i != trigger.i else None
                if by is not None and home is None:
                    r = self.resolution_for(offset + by.idx, offset + by.idx + len(by))
                    home = r.place.country_code if r is not None and r.place is not None else None
                if story is not None and story.place is not None and story.place.country_code != home:
                    ends, basis = {"destination": story}, "story"
            if not ends.get("destination") and not ends.get("origin") and not ends.get("via"):
                continue  # a transit with only a via place is a movement at that place
            if kind is not None and basis == "text":
                self.earlier_ends()[kind] = {k: v for k, v in ends.items() if k != "via"}
            actor, actor_country = self.actor(force, offset)
            origin, origin_basis = ends.get("origin"), basis if ends.get("origin") else None
            sent_by = sender(trigger)
            if origin is None and sent_by is not None and kind != "withdraw":  # a state withdrawing goes home
                r = self.resolution_for(offset + sent_by.idx, offset + sent_by.idx + len(sent_by))
                if r and r.place and r.place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY) \
                        and r.mention.label != DATELINE_LABEL:  # the parser may make a dateline the subject
                    actor_country = actor_country or r.place.country_code
                    country = self.gaz.get(f"ne-admin0:{r.place.country_code}")
                    dest = ends.get("destination")
                    if country and (
                        dest is None or dest.place is None or dest.place.country_code != country.country_code
                    ):
                        origin = Resolution(r.mention, country, r.score, (), ("the sending state",))
                        origin_basis = "sender"
            self.last_actor = (actor, actor_country)
            going_home = self.home_of(trigger, offset, actor_country, origin)
            if going_home is not None and "destination" not in ends:
                ends["destination"] = going_home  # "returned home from X": to the force's own country
            home = actor_country or (origin.place.country_code if origin is not None and origin.place else None)
            ends = {role: self.our_side(r, home) or r for role, r in ends.items()}
            origin = self.our_side(origin, home)
            status, status_cue = status_of(trigger)
            if basis == "earlier" and status != "reported":
                continue  # "if the invasion had not happened": no new movement, and the old one was told
            yield Movement(
                doc_id=self.doc_id,
                actor=actor,
                actor_country=actor_country,
                origin=origin,
                destination=ends.get("destination"),
                mode=mode_of(sent, trigger),
                sizes=tuple(self.sizes(sent, offset, force, claimed_by)),
                status=status,
                time=normalise(time_phrase(sent, trigger), self.published, latest=self.latest),
                trigger=trigger.text,
                source=source,
                origin_basis=origin_basis,
                via=tuple(r for r in [ends.get("via")] if r is not None),
                status_cue=status_cue,
            )

    def local_place_in(self, sent: Span, offset: int) -> bool:
        """Whether the sentence names a place below a country (a town, a region, a sea): where a force
        that withdraws with no place of its own is, rather than the whole country the story is about."""
        return any((r.place.kind not in (PlaceKind.COUNTRY, PlaceKind.CONTINENT) if r.place is not None
                    else r.mention.label not in NOT_UNLISTED)  # a village the gazetteer lacks too
                   and r.mention.label != DEMONYM_LABEL
                   for r in self.resolutions_in(offset + sent.start_char, offset + sent.end_char))

    def with_borders(self, sent: Span, offset: int, places: list[Resolution]) -> list[Resolution]:
        """``places`` with each place named inside a land border's phrase ("the border with X", "the
        X border") replaced by that border, in its place: troops sent to the border go to the band
        along the line, not into X."""
        borders = self.border_places(sent, offset)
        if not borders:
            return places
        out: list[Resolution] = []
        for r in places:
            b = next((b for b in borders if b.mention.start <= r.mention.start and r.mention.end <= b.mention.end), r)
            if b not in out:
                out.append(b)
        return out + [b for b in borders if b not in out]

    def home_of(self, trigger: Token, offset: int, country: str | None,
                origin: Resolution | None) -> Resolution | None:
        """"returned home (from X)", "flew home": the moving force's own country, when the force has
        a nationality and leaves somewhere else."""
        word = next((c for c in trigger.children if c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj")),
                    None)
        if word is None or not country or (origin is not None and origin.place is not None
                                           and origin.place.country_code == country):
            return None
        place = self.gaz.get(f"ne-admin0:{country}")
        if place is None:
            return None
        start = offset + word.idx
        mention = Mention(self.doc_id, start, start + len(word), word.text, HOME_LABEL,
                          zone_at(self.paragraphs, start).value)
        return Resolution(mention, place, 1.0, (), ("the force's own country",))

    def our_side(self, r: Resolution | None, home: str | None) -> Resolution | None:
        """ "Ruritanian tanks moved to the Borduria border", "Ruritania sent troops to the border with
        Borduria": a country's borders named from the other side are the border the two share, when
        they share one."""
        named = sides(r.place) if r is not None and r.place is not None else ()
        if r is None or not home or len(named) != 1 or named[0] == home:
            return r
        shared = self.gaz.get(pair_id(named[0], home))
        if shared is None:
            return r
        return Resolution(r.mention, shared, r.score, (), (*r.why, f"the border {home} shares with it"))

    def _border_part(self, border: Resolution, doc: Doc, offset: int) -> Resolution | None:
        """The region or town an "in" phrase on a border noun places the stretch of the border in ("the
        border with X in the Y province"), or None."""
        span = doc.char_span(border.mention.start - offset, border.mention.end - offset, alignment_mode="expand")
        if span is None:
            return None
        if span.end >= len(doc) or doc[span.end].lower_ != "in":
            return None
        phrase = doc[span.end]  # the next words, however the parser hung them
        places = self.resolutions_in(offset + phrase.idx, offset + phrase.right_edge.idx + len(phrase.right_edge))
        return next((r for r in places if r.place is not None and r.place.kind in (
            PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.CITY)), None)

    def stranded_end(self, trigger: Token, offset: int) -> tuple[str, Resolution] | None:
        """ "X, the town (that) troops withdrew from", "X, which the army pulled out of": a relative
        clause whose preposition has lost its object to the noun the clause describes; the place is
        that noun, or the place it stands beside. (role, place) or None."""
        kind = _kind_before_subject(trigger)
        if trigger.dep_ != "relcl" and kind is None:
            return None
        lex = lexicon()
        role = None
        for c in trigger.children:
            if c.dep_ != "prep":
                continue
            objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp", "prep")]
            if c.lower_ == "out" and any(g.lower_ == "of" and not any(h.dep_ == "pobj" for h in g.children)
                                         for g in objects):
                role = "origin"  # "pulled out of"
            elif lex.roles.get(c.lower_) in ("origin", "destination") and all(
                    _a_time(g) or (g.dep_ == "prep" and all(_a_time(h) for h in g.children if h.dep_ == "pobj"))
                    for g in objects):
                # "withdrew from (last year)", "withdrew from (in 2021)": the parser hangs the time on it
                role = lex.roles[c.lower_]
        if role is None:
            return None
        noun = trigger.head
        # "X, the town (that) troops withdrew from": the place named before the kind noun the clause
        # describes, however the parser hung the clause ("the village troops" read as one noun)
        named = _named_before(kind) if kind is not None else None
        before = [named] if named is not None else []
        for t in (noun if trigger.dep_ == "relcl" else None, noun.head if noun.dep_ == "appos" else None, *before):
            if t is None:
                continue
            r = self.resolution_for(offset + t.idx, offset + t.idx + len(t))
            if r is not None and (r.place is not None or t in before) and r.mention.label not in NOT_DRAWN:
                return role, r  # a place the gazetteer lacks the text calls a town: kept, unresolved
        return None

    def earlier_ends(self) -> dict[str, dict[str, Resolution]]:
        """The written places of the last movement of each family ("invade") read so far in the document."""
        found: dict[str, dict[str, Resolution]] | None = self.__dict__.get("_earlier_ends")
        if found is None:
            found = self.__dict__["_earlier_ends"] = {}
        return found

    def endpoints(self, sent: Span, offset: int, trigger: Token, triggers: list[Token], *,
                  strong_only: bool = False) -> dict[str, Resolution]:
        """The places of the movement by role; ``strong_only`` (a military noun with no force named):
        only places a strong preposition (or the object of "the invasion of X") governs, no weak "in X"
        and no place from the context."""
        found: dict[str, Resolution] = {}
        weak: Resolution | None = None
        held: Resolution | None = None  # "the army in X withdrew its troops": X, unless a "from" phrase says
        subtree = {t.i for t in trigger.subtree}
        moving = {t.i for t in triggers}
        for clause in trigger.children:  # "X will send troops to Y, Z said in W": W is where Z spoke
            if clause.dep_ in ("conj", "parataxis", "advcl", "ccomp", "xcomp") and clause.pos_ in ("VERB", "AUX") and (
                    (clause.dep_ != "xcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children))
                    or (clause.dep_ in ("conj", "advcl", "xcomp") and clause.i in moving)):
                # "left X and moved to Y", "pulled out of X, moving to Y", "ordered troops to withdraw from
                # Y": Y is the second's
                subtree -= {t.i for t in clause.subtree}
            elif clause.dep_ == "advcl" and clause.tag_ == "VBG":
                # "sent warships to a reef, stoking worry that a war could draw in X": what came of
                # the movement (or went with it), told in a participle of its own that moves nothing
                subtree -= {t.i for t in clause.subtree}
        aims = {t.i for aim in purposes(trigger) for t in aim.subtree}  # "sent troops to clear militants
        subtree -= aims  # from X": X is no origin (the purpose's place is the destination, below)
        light = trigger.head
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and light.lemma_.lower() in lexicon().light_verbs:
            # "launched an offensive in X", "continued its march on X": the verb's prepositions are the noun's
            subtree |= {t.i for c in light.children if c.dep_ == "prep" for t in c.subtree}
        doc = sent.doc
        lo, hi = offset + sent.start_char, offset + sent.end_char
        for r in self.with_borders(sent, offset, self.resolutions_in(lo, hi) + self.demonyms_in(lo, hi)
                                   + self.referring_places(sent, offset)):
            if r.place is not None and r.place.feature in NO_MOVEMENT_END:
                continue  # "withdrawal from the EU" leaves a treaty, not a place
            if r.place is None and r.mention.label in NOT_UNLISTED:
                continue  # an unresolved name is an end only as a place the gazetteer lacks, not a namesake
            span = doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")
            if span is None:
                continue
            for_defence = is_possessor(span) and defended(span)  # "arms for X's defence": to X
            if (r.mention.label == DEMONYM_LABEL or is_possessor(span)) and not for_defence:
                # "Ruritanian airspace", "Ruritania's waters": the country, where the territory noun is
                owned = r.place is None or r.place.kind is not PlaceKind.COUNTRY  # "Russia's base" is only its own
                # "to the X army" (its country), "into an X village" (in X), "at X's airfield" (at X)
                territory = territory_of(span) or (
                    recipient_of(span) or settlement_of(span) if r.mention.label == DEMONYM_LABEL
                    else site_of(span) if owned else None)
                if territory is None:
                    continue
                span = doc[territory.i : territory.i + 1]
            if span.root.i in aims or qualifies_a_named_kind(span):
                continue  # "to the eastern X city of Y": Y
            if (within := named_within(span)) is not None and (
                    (inner := self.resolution_for(offset + within.idx, offset + within.idx + len(within))) is not None
                    and (inner.place is None or inner.place.kind in WITHIN_A_REGION)):
                continue  # "into the X district of Y": Y, a town or district in X (not "the X region of Ukraine")
            if (placed_by := site_placed_by(span)) is not None and r.place is not None:
                # "left the X barracks in Y": a site named after a place of another country (a namesake of
                # the barracks' name) is no end; Y is ("the X air base in Y", X in Y's country, is X)
                where = self.resolution_for(offset + placed_by.idx, offset + placed_by.idx + len(placed_by))
                if where is not None and where.place is not None and where.place.country_code \
                        and where.place.country_code != r.place.country_code:
                    continue
            kind_word = span.root.head
            water_head = kind_word.lower_ in lexicon().water_words
            if r.place is not None and (r.place.kind is PlaceKind.CITY or (water_head and r.place.kind in (
                    PlaceKind.REGION, PlaceKind.ADMIN1, PlaceKind.ADMIN2))) and span.root.dep_ == "compound" \
                    and kind_word.i == span.end and kind_word.lower_ in feature_heads():
                # "crossed the X river", "into the X hills": the feature, which the gazetteer lacks, not
                # the town named X; a canal or river named after a region is water too (a region keeps
                # its place only as a land feature's: "the X peninsula" is in X)
                start, end = r.mention.start, offset + kind_word.idx + len(kind_word)
                r = Resolution(Mention(self.doc_id, start, end, self.text[start:end], r.mention.label,
                                       r.mention.zone), None, 0.0, (), ("a feature named like a town",))
                span = doc[span.start : kind_word.i + 1]
            attached = span.root.i in subtree
            lemma = trigger.lemma_.lower()
            between = doc[trigger.i + 1 : span.start]
            # "entered occupied X": the small model makes the participle a verb and X its object, leaving
            # the trigger, which needs an object, without one
            lost_object = (
                lemma in lexicon().object_is_destination | lexicon().object_is_origin
                and not any(c.dep_ == "dobj" for c in trigger.children)
                and span.root.dep_ == "dobj" and 0 < len(between) <= 3
                and any(t.pos_ == "VERB" and t.tag_ in ("VBN", "VBD") for t in between)
                and all(t.pos_ in ("DET", "ADJ") or t.tag_ in ("VBN", "VBD") for t in between)
            )
            after = (
                span.start > trigger.i
                and not any(trigger.i < t.i < span.start for t in triggers)
                and (same_token(nearest_verb(span.root), nearest_verb(trigger)) or lost_object)
            )
            if not attached and not after:
                continue
            if attached and crossing_point(span, trigger):
                found.setdefault("via", r)  # "crossed the border near X": where it crossed
                continue
            to_recipients = attached and recipient_in(span, trigger)  # "arms to the rebels in X": to X
            # "the X river", "the X valley" the gazetteer lacks: the name is the feature's, not a
            # modifier of another noun
            river = r.place is None and span.root.dep_ == "compound" and span.root.head.lower_ in feature_heads()
            if in_a_home_phrase(span, trigger):
                continue  # "troops based at X landed on Y": X is where they are kept
            if not to_recipients and not river and (modifies_another_noun(span, trigger)
                                                    or in_another_nouns_phrase(span, trigger)):
                continue  # "withdrew from the X agreement", "left posts after threats from X"
            prep = "to" if to_recipients else preposition(span)
            if prep == "of" and trigger.pos_ == "NOUN" and trigger.lemma_.lower() in lexicon().object_is_destination:
                prep = "to"  # "the invasion of X"
            if attached and ((is_object_of(span.root, trigger) and (
                    prep is None or ((prep == "of" or prep in lexicon().weak_destination) and in_a_site(span))))
                    or in_the_objects_site(span, trigger)):
                # "entered the city of X", "crossed the river", "reached the front in X", "left a base in X"
                lemma = trigger.lemma_.lower()
                # a river the gazetteer lacks; a bridge or a canal, named after a town ("the X Bridge") or a
                # landmark of its own; not a town whose own name ends so ("X Bay")
                words = r.mention.text.lower().split()
                last = set(words[-1:])
                water = (r.place is not None and r.place.kind is PlaceKind.WATER) or river or (
                    bool(set(words) & lexicon().water_words) if r.place is None
                    else bool(last & lexicon().water_words) and (
                        r.place.kind is PlaceKind.LANDMARK or not last & set(r.place.name.lower().split())))
                line = (r.place is not None and r.place.feature == "land border") or (
                    last == {"line"})  # "the X Line" the gazetteer lacks
                # "crossed the X", "crossed the X Y": a name after "the" that is no country or region is what
                # the force crossed on its way, a river or a range (towns take no article: "crossed the
                # Euphrates", not "crossed the Netherlands")
                the_name = (span.start > 0 and doc[span.start - 1].lower_ == "the"
                            and (r.place is None or r.place.kind is PlaceKind.CITY))
                water = water or the_name
                # "crossed X into Y": Y is where it went, so X is what it crossed, whatever X is
                onward = any(c.dep_ == "prep" and c.lower_ in ("into", "to") for c in trigger.children)
                if lemma in lexicon().water_object_is_via and (water or line or onward) and prep in (None, "of"):
                    # "crossed the strait", "the river", "the centre line of the sea", "the demarcation
                    # line": through it
                    prep = "via"
                elif lemma in lexicon().object_is_via and prep is None and not any(
                        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in trigger.children):
                    prep = "via"  # "transited the strait", "passed the town": through it (not "passed X to Y")
                elif lemma in lexicon().object_is_destination:
                    prep = "to"
                elif lemma in lexicon().object_is_origin:
                    prep = "from"
            if prep is None and lost_object:
                prep = "to" if lemma in lexicon().object_is_destination else "from"
            if for_defence and attached:
                prep = "to"
            if prep is None and attached and recipient(span.root, trigger):
                prep = "to"  # "sent X two frigates": the place the force is sent to, before it
            if prep is None:
                continue
            role = place_role(prep, trigger, attached=attached)
            if prep == "from" and measured_from(span):
                # "to positions 20 km from X", "deployed 10 miles away from X": near X; but "pulled back
                # 20 km from X" with no place it went to: away from X
                back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in trigger.children)
                away = (family(trigger) == "withdraw" or back) and not any(
                    c.dep_ == "prep" and lexicon().roles.get(c.lower_) == "destination" for c in trigger.children)
                role = "origin" if away else "weak destination"
            if (role is None and prep == "in" and attached and family(trigger) == "withdraw"
                    and holds_the_force(span, trigger)):
                # "pull out the troops in X", "the withdrawal of forces in X": from X, unless the
                # sentence says where from ("the army in X withdrew its troops from Y")
                held = held or r
                continue
            if role in ("origin", "destination", "via") and role not in found:
                found[role] = r
            elif role == "weak destination" and STORY_CAPITAL not in r.why and (
                    weak is None or (weak.mention.start < offset + trigger.idx < r.mention.start)):
                # "near the capital" the text never names: too loose to draw; "In X, the army deployed
                # units along the border in Y": the scene set before the verb yields to the place after it
                weak = r
        for role, r in list(found.items()):
            if r.mention.label == BORDER_LABEL and (inside := self._border_part(r, doc, offset)) is not None:
                found[role] = r = inside  # "to the border with X in the Y province": the stretch in Y
            # "to the X Shoal in the Y Sea": X, drawn at the place around it; "Y's North Bay" is no
            # namesake town abroad: it lies in Y; "the X Camp in Y": not at the town X is named after.
            # The end keeps its own name
            named = doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")
            if named is None:
                continue
            holder = self.owner(named, offset)
            if r.place is None:  # "the X Airfield near Y", X no town the gazetteer has (or one abroad)
                around = holder or self.place_around(named, offset, preps=AROUND)
            else:
                around = holder if holder is not None and holder.place is not None \
                    and holder.place.country_code != r.place.country_code else None
                if around is None and any(why.startswith("named after") for why in r.why):
                    around = self.place_around(named, offset, preps=AROUND)
            if around is not None and around.place is not None:
                found[role] = Resolution(r.mention, around.place, around.score, (),
                                         (*r.why, f"lies in {around.mention.text!r}"))
        if "origin" not in found and held is not None:
            found["origin"] = held
        stranded = self.stranded_end(trigger, offset)
        if stranded is not None and stranded[0] not in found:
            found[stranded[0]] = stranded[1]
        if strong_only:
            return found  # "the offensive in X" is no movement: a policy offensive, an election ground campaign
        if "destination" not in found and weak is not None:
            found["destination"] = weak
        lex = lexicon()
        if "origin" not in found or "destination" not in found:
            # "later moved its tanks there", "moved from the camps there to Y": the place named last
            # before the adverb, for a role no other phrase fills
            there = self.there_place(sent, offset, trigger)
            if there is not None and there[1] not in found:
                place, role = there
                found[role] = place
        if not found:
            # "they invaded it": an object pronoun whose nearest noun before it is a place
            pronoun = self.pronoun_place(sent, offset, trigger)
            if pronoun is not None:
                place, role = pronoun
                found[role] = place
        if not found:
            # "X, where troops arrived": the clause hangs on the place; "X, which troops withdrew from":
            # the relative word stands for it, with the stranded preposition's role
            relative = self.relative_place(trigger, offset)
            if relative is not None:
                place, prep = relative
                lemma = trigger.lemma_.lower()
                if prep is None and lemma in lex.weak_destination_triggers | lex.object_is_destination:
                    found["destination"] = place
                elif prep == "object" and lemma in lex.object_is_destination | lex.object_is_origin:
                    found["destination" if lemma in lex.object_is_destination else "origin"] = place
                elif prep is not None and (role := place_role(prep, trigger, attached=True)) in (
                        "origin", "destination", "via"):
                    found[role] = place
        if not found:
            helped = self.supported_country(sent, offset, trigger)
            if helped is not None:
                found["destination"] = helped  # "sent troops to back the Ruritanian army": to Ruritania
        if not found:
            aimed_at = self.purpose_place(sent, offset, trigger)
            if aimed_at is not None:
                found["destination"] = aimed_at  # "an offensive to drive X from Y", "to retake Y": into Y
        return found

    def place_around(self, span: Span, offset: int, preps: tuple[str, ...] = ("in",)) -> Resolution | None:
        """The place an end (``span``) is said to lie in ("the X Shoal in the Y Sea", "X, a village in
        Y province"), when the gazetteer has that one ("near Y" is no place to draw it unless asked)."""
        doc = span.doc
        heads = [span.root, *(c for c in span.root.children if c.dep_ == "appos")]
        after = [doc[span.end]] if span.end < len(doc) else []  # the parser may hang "in Y" on the verb
        for prep in [*(c for head in heads for c in head.children), *after]:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                around = self.resolution_for(offset + obj.idx, offset + obj.idx + len(obj))
                if around is not None and around.place is not None and around.mention.label not in NOT_DRAWN:
                    return around
        return None

    def owner(self, span: Span, offset: int) -> Resolution | None:
        """The place named as the possessor of an end (``span``: "Y's X Bay", "Y's North Harbour"),
        which holds it, or None."""
        for word in span.root.children:
            if word.dep_ != "poss":
                continue
            holder = self.resolution_for(offset + word.left_edge.idx, offset + word.idx + len(word))
            if holder is not None and holder.place is not None and holder.mention.label not in NOT_DRAWN:
                return holder
        return None

    def purpose_place(self, sent: Span, offset: int, trigger: Token) -> Resolution | None:
        """The place the movement's purpose names: the object, or the from / out-of / in place, of
        its infinitive ("an offensive to retake X", "sent troops to clear militants from X", "to
        fight in X"): the force goes there."""
        for purpose in purposes(trigger):
            objects = [c for c in purpose.children if c.dep_ == "dobj"]
            heads = objects + [o for c in [purpose, *objects] for c2 in c.children
                               if c2.dep_ == "prep" and c2.lower_ in ("from", "of", "out", "in")
                               for o in c2.subtree if o.dep_ == "pobj"]  # "to clear militants from X"
            for head in heads:
                r = self.resolution_for(offset + head.idx, offset + head.idx + len(head))
                if r is not None and r.place is not None and r.mention.label not in NOT_DRAWN:
                    return r
        return None

    def there_place(self, sent: Span, offset: int, trigger: Token) -> tuple[Resolution, str] | None:
        """The place "there" stands for, and its role, when the adverb belongs to the movement ("moved
        its tanks there", "withdrew from there"): the last place named before it in its sentence, or
        else in the sentence before. Destination, or origin after "from" or a verb that leaves."""
        lex = lexicon()
        for t in trigger.subtree:
            if t.lower_ != "there" or t.i <= trigger.i or t.dep_ not in ("advmod", "pobj"):
                continue
            if t.dep_ == "advmod" and nearest_verb(t.head) is not None and not same_token(
                    nearest_verb(t.head), nearest_verb(trigger)):
                continue  # "troops that were stationed there": another verb's adverb
            if t.head.lemma_ == "be" or trigger.dep_ in ("acl", "amod"):
                continue  # "troops are there", "troops stationed there": where they are, not a move
            before = t.doc[max(sent.start - 1, 0)].sent.start if sent.start > 0 else sent.start
            lo, hi = offset + t.doc[before].idx, offset + t.idx
            earlier = [r for r in self.resolutions_in(lo, hi) if r.place is not None  # a dateline is the writer's
                       and r.mention.label not in NOT_DRAWN | {DATELINE_LABEL} and not qualifier(t.doc, r, offset)]
            earlier = [r for r in earlier if not container(t.doc, r, offset, earlier)]  # "the X district of Y": X
            if not earlier:
                return None
            place = max(earlier, key=lambda r: r.mention.start)
            leaves = trigger.lemma_.lower() in lex.object_is_origin and t.dep_ == "advmod"  # "left there"
            from_ = t.dep_ == "pobj" and lex.roles.get(t.head.lower_) == "origin"  # "withdrew from there"
            # "moved from their camps there": the site it left is there (the parser hangs "there" on the
            # site or on the verb)
            site = t.head
            from_site = t.dep_ == "advmod" and (
                (site.dep_ == "pobj" and lex.roles.get(site.head.lower_) == "origin")
                or any(c.dep_ == "prep" and lex.roles.get(c.lower_) == "origin" for c in site.children))
            return place, "origin" if from_ or leaves or from_site else "destination"
        return None

    def pronoun_place(self, sent: Span, offset: int, trigger: Token) -> tuple[Resolution, str] | None:
        """The place "it" stands for as the object of a military verb whose object is an end ("invaded
        it"): the nearest noun before the pronoun (in its sentence or the one before), when that noun is
        a place named; destination, or origin for a verb that leaves. Not for an ordinary verb ("joined
        the coalition in X and left it": the coalition), nor when the nearest noun is no place."""
        lex = lexicon()
        lemma = trigger.lemma_.lower()
        if trigger.pos_ not in ("VERB", "AUX") or lemma not in lex.military_verbs or (
                lemma not in lex.object_is_destination | lex.object_is_origin):
            return None  # only what a force does to a place: one cannot invade a coalition
        it = next((c for c in trigger.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
        if it is None:
            return None
        doc = trigger.doc
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        noun = next((t for t in reversed(doc[start : it.i]) if t.pos_ in ("NOUN", "PROPN")
                     and t.dep_ not in ("compound", "amod", "nmod", "poss")
                     and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")), None)
        if noun is None:
            return None
        r = self.resolution_for(offset + noun.idx, offset + noun.idx + len(noun))
        if r is None or r.place is None or r.mention.label in NOT_DRAWN or qualifier(doc, r, offset):
            return None
        return r, "destination" if lemma in lex.object_is_destination else "origin"

    def supported_country(self, sent: Span, offset: int, trigger: Token) -> Resolution | None:
        """The country whose side a movement's purpose supports ("sent troops to back the Ruritanian
        government", "to help Ruritania's army"), when the purpose names exactly one country."""
        lex = lexicon()
        for purpose in trigger.children:
            if purpose.dep_ not in ("advcl", "xcomp") or purpose.lemma_.lower() not in lex.support_verbs:
                continue
            words = sorted(t.i for t in purpose.subtree)
            lo, hi = offset + sent.doc[words[0]].idx, offset + sent.doc[words[-1]].idx + len(sent.doc[words[-1]])
            countries = [r for r in self.resolutions_in(lo, hi) + self.demonyms_in(lo, hi)
                         if r.place is not None and r.place.kind == PlaceKind.COUNTRY]
            if len({r.place.id for r in countries if r.place is not None}) == 1:
                return countries[0]
        return None

    def relative_place(self, trigger: Token, offset: int) -> tuple[Resolution, str | None] | None:
        """The place a relative clause of the trigger's hangs on, and the preposition the relative word
        fills: None for "where" ("parts of X, where units entered areas..."), "from" for "X, which troops
        withdrew from" or "X, that troops withdrew from", "object" for "X, which troops entered"; None
        when the clause is no relative one."""
        verb = trigger
        stranded = next((p for p in trigger.children if p.dep_ == "prep" and p.lower_ in lexicon().roles and (
            not any(c.dep_ == "pobj" for c in p.children)
            or any(c.dep_ == "pobj" and c.tag_ in ("WDT", "WP") for c in p.children))), None)
        relative_object = any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in trigger.children) or (
            trigger.dep_ == "relcl" and stranded is None and not any(  # "X, the town the unit abandoned": no
                c.dep_ in ("dobj", "mark") or c.tag_ in ("WDT", "WP", "WRB") for c in trigger.children))  # word
        for _ in range(3):
            if verb.dep_ in ("relcl", "advcl", "acl", "amod") and (stranded is not None or relative_object or any(
                    c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)):
                head = verb.head
                while head.dep_ == "appos" and head.head.i != head.i:
                    head = head.head  # the small model may hang the clause on a noun set beside the place
                # the place itself, or the place of "parts of X", "the outskirts of X"
                heads = [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for p in c.children if p.dep_ == "pobj"]
                if head.dep_ == "attr":  # "X is the town that troops left": the subject of the copula
                    heads += [c for c in head.head.children if c.dep_ == "nsubj"]
                for h in heads:
                    r = self.resolution_for(offset + h.idx, offset + h.idx + len(h))
                    if r is not None and r.place is not None and r.mention.label not in NOT_DRAWN:
                        return r, (stranded.lower_ if stranded is not None else "object" if relative_object else None)
                return None
            if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def actor(self, force: Token, offset: int) -> tuple[str, str | None]:
        if force.tag_ == "PRP$":
            if force.lower_ == "their":  # "the purpose of their deployment": the force named just before
                plural = force_antecedent(force)
                if plural is not None:
                    return self.actor(plural, offset)
            # "its invasion of X": the state or group named last before the pronoun, in its sentence or the one before
            start = force.doc[force.sent.start - 1].sent.start if force.sent.start > 0 else force.sent.start
            named = [e for e in force.doc.ents if start <= e.start and e.end <= force.i
                     and e.label_ in ("GPE", "ORG", "NORP")]
            if named:
                return self.actor(named[-1].root, offset)
            return force.text, None
        doc = force.doc
        hyphenated = {t.i for t in force.subtree if t.like_num and not t.whitespace_ and t.i + 1 < len(doc)
                    and doc[t.i + 1].text == "-"}  # "a 25-year-old paratrooper": the number is part of a word
        # "roughly 40", "several hundred": words that qualify the number go with it
        counted = {t.i for t in force.subtree if t.like_num and t.i not in hyphenated}
        words = [
            t
            for t in force.subtree
            if t.i <= force.i
            and (t.i in hyphenated or t.dep_ not in ("nummod", "quantmod", "det", "predet", "neg"))
            and t.head.i not in counted
            and (not t.like_num or t.i in hyphenated
                 or _ORDINAL.fullmatch(t.lower_) is not None)  # "the 101st Airborne" keeps "101st"
            and not t.is_space
            and t.lower_ not in lexicon().quantity_words
            # "(In late May) rebel fighters", not "a 25-year-old paratrooper"
            and (t.ent_type_ not in ("DATE", "TIME") or t.i == force.i
                 or "-" in (t.text, doc[t.i - 1].text, doc[t.i + 1].text))
        ]
        # a dateline or a page's breadcrumb the parser hung on the force is no part of its name
        cut = phrase_start(doc, force.left_edge.i, force.i)
        glued = [c.i for c in force.children if c.text == "," and c.i < force.i and c.i > 0
                 and doc[c.i - 1].pos_ == "PROPN" and doc[c.i - 1].dep_ in ("nmod", "compound", "appos")]
        if glued:  # "According to X, Y units": the parser hung the name before the comma on the force
            cut = max(cut, glued[-1] + 1)
        kind = _kind_before_subject(force.head) if force.dep_ in ("nsubj", "nsubjpass") else None
        if kind is not None and kind.head.i == force.i:
            cut = max(cut, kind.i + 1)  # "X, the hamlet rebels fled from": the rebels, not the hamlet's
        if force.pos_ in ("VERB", "AUX"):  # a class noun the tagger took for a verb heads the whole clause
            cut = force.i
            while cut > 0 and (doc[cut - 1].pos_ in ("ADJ", "PROPN", "NOUN") or doc[cut - 1].dep_ == "compound"):
                cut -= 1
        kept = [t for t in words if t.i >= (words[0].i if words else force.i) and t.i >= cut]
        while len(kept) > 1 and kept[0].is_punct:
            kept.pop(0)  # "- Army convoy reaches X": a list's bullet is no part of the force's name
        if len(kept) > 1 and force.dep_ == "dobj" and kept[0].lower_ in lexicon().particles.get(
                force.head.lemma_.lower(), ()):
            kept.pop(0)  # "pulling back soldiers": the verb's particle, misread as the force's adjective
        phrase = "".join(t.text + (t.whitespace_ if k + 1 < len(kept) and kept[k + 1].i == t.i + 1 else " ")
                         for k, t in enumerate(kept)).strip() or force.text  # "guided-missile", as written
        country = None
        lo, hi = force.left_edge.i, force.i
        for ent in force.doc.ents:
            if ent.start >= lo and ent.end <= hi + 1 and ent.label_ in ("NORP", "GPE"):
                if ent.label_ == "NORP":
                    country = self.gaz.demonym_country(ent.text)
                else:
                    r = self.resolution_for(offset + ent.start_char, offset + ent.end_char)
                    country = r.place.country_code if r and r.place else None
                if country:
                    break
        demonstrative = any(t.lower_ in ("these", "those", "the", "such") for t in force.subtree if t.i < force.i)
        if country is None and demonstrative:
            # "some of these troops": the force named earlier in the sentence, else the last one
            # (the same kind of force: "Ruritanian troops pushed the rebels out" are two forces)
            same = (force.lower_, force.lemma_.lower())
            earlier = [t for t in force.sent if t.i < force.i and is_force(t) and t.lemma_.lower() == same[1]]
            for t in reversed(earlier):
                earlier_phrase, c = self.actor(t, offset)
                if c:
                    return earlier_phrase, c
            if self.last_actor is not None and self.last_actor[0].split()[-1].lower() in same:
                return self.last_actor
        return phrase, country

    def sizes(self, sent: Span, offset: int, force: Token, claimed_by: str | None) -> Iterator[SizeClaim]:
        base = sent.start_char
        force_start = force.idx - base
        for m in size_pattern().finditer(sent.text):
            if m.start("force") != force_start:
                continue
            text = m.group(0)
            start = offset + base + m.start()
            yield SizeClaim(
                text, size_value(m.group("size")), claimed_by,
                Source(self.doc_id, start, start + len(text), self.text[start : start + len(text)])
            )
