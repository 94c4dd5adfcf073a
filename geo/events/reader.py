"""One document's troop movements and statements, read off spaCy's parse with general rules:
the statement and movement readers share the document's context and read it sentence by sentence.
Nothing here names a seed sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from conflictmap.geo.events.grammar import (
    ARMED_GROUPS,
    FORCE_HEADS,
    PLACE_STARTS,
    VESSEL_NAMES,
    agentless,
    armed_group_names,
    force_antecedent,
    force_heads,
    is_force,
    is_trigger,
    light_verb_subject,
    main_clause_force,
    plausible,
    reporting_state,
    stranded_subject,
    vessel_names,
)
from conflictmap.geo.events.movements import MovementReader
from conflictmap.geo.events.patterns import Match, best, patterns
from conflictmap.geo.events.statements import StatementReader, confirmed
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.reading.zones import Zone, zone_at
from conflictmap.geo.records import Movement, Source, Statement

# where statements and movements are read: the body, the headline ("X says Y", "X: words") and the
# sub-headings and live-blog entries between body paragraphs
STATEMENT_ZONES = frozenset({Zone.BODY, Zone.HEADLINE, Zone.HEADING})


def _no_subject_of_its_own(match: Match) -> bool:
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in match["head"].children)


def _armed_owner(match: Match) -> bool:
    """ "the brigade's men", "X's men" (X a body), "the commander's men": an owner whose men are fighters."""
    owner = match["owner"]
    return owner.ent_type_ in ("ORG", "NORP") or is_force(owner) or owner.lemma_.lower() in lexicon().military_titles


# movement labels a parse check confirms: "stormed X and burned vehicles before retreating to Y" lends
# the first verb's subject only to a conjunct with none of its own ("... and police fled before ..."); a
# possessor's men are fighters only when the possessor is a force, a body or an officer
MOVEMENT_CHECKS = {"verb-after-preposition-conjunct": _no_subject_of_its_own,
                   "force-owned-men-subject": _armed_owner}


def movement_confirmed(match: Match) -> bool:
    """Whether a movement pattern's match stands: a pattern in :data:`MOVEMENT_CHECKS` only when its
    parse check holds."""
    check = MOVEMENT_CHECKS.get(match.rule.label)
    return check is None or check(match)


def _found_already(m: Movement, found: list[Movement], clause: bool) -> list[Movement]:
    """The movements of ``found`` (those read in the same stretch) a heading's movement is: those with
    its word; for a clause of a headline, those with its word and every end it has (the same word may
    move another force to another place: "X heads to Y as Z heads to W")."""
    def ends(x: Movement) -> tuple[int | None, int | None]:
        return (x.origin.mention.start if x.origin else None, x.destination.mention.start if x.destination else None)

    return [h for h in found if h.trigger == m.trigger and (not clause or all(
        mine is None or mine == theirs for mine, theirs in zip(ends(m), ends(h), strict=True)))]


def _names_its_own_force(m: Movement, same: list[Movement], clause: str) -> bool:
    """Whether a headline clause's movement replaces the one movement of the whole line's reading it
    is: the clause names its force, and the whole reading took a force the clause does not hold ("X
    cross Y as Z and W move forces": the whole line's parse made "Z and W move forces" the force).
    Words as the clause was parsed (a title-case headline is read in sentence case)."""
    def holds(actor: str | None) -> bool:
        return bool(actor) and re.search(rf"(?<!\w){re.escape(actor or '')}(?!\w)", clause) is not None

    return len(same) == 1 and holds(m.actor) and not holds(same[0].actor)


class DocumentEvents(StatementReader, MovementReader):
    """Reads one document's sentences for statements and movements."""

    def read(self, docs: Iterable[tuple[int, Doc]], headings: Iterable[tuple[int, Doc]] = ()
             ) -> tuple[list[Movement], list[Statement]]:
        """The document's movements and statements, read from its parsed pieces; ``headings``: its
        headlines and headings parsed each on its own, read for the movements the pieces miss in them
        (parsed with the next line, a line without a full stop is often misread), and a headline
        clause's for a movement whose force the whole line's reading took from the other clause
        (:func:`_names_its_own_force`)."""
        movements: list[Movement] = []
        statements: list[Statement] = []
        docs = list(docs)
        armed = armed_group_names(doc for _, doc in docs)  # "the X militia" anywhere: X is armed everywhere
        ships = vessel_names(doc for _, doc in docs)  # "the USS X" anywhere: "the X" is that ship everywhere
        heads = force_heads(doc for _, doc in docs)  # "a missile battery" anywhere: "the battery" is one
        for offset, doc in docs:
            found, said = self._read_piece(offset, doc, armed, ships, heads)
            movements.extend(found)
            statements.extend(said)
        read: list[tuple[int, int]] = []
        for offset, doc in headings:
            end = offset + len(doc.text)
            # a clause of a headline read whole before: its word may move another force there ("X heads to
            # Y as Z heads to W"), so a movement is the same one only with the same ends
            clause = any(a <= offset and end <= b for a, b in read)
            read.append((offset, end))
            here = [m for m in movements if m.source.start < end and offset < m.source.end]  # found already
            for m in self._read_piece(offset, doc, armed, ships, heads, statements=False)[0]:
                same = _found_already(m, here, clause)
                if not same:
                    movements.append(m)
                elif clause and _names_its_own_force(m, same, doc.text):
                    movements[:] = [h for h in movements if h is not same[0]] + [m]
                    here = [h for h in here if h is not same[0]] + [m]
        movements.sort(key=lambda m: m.source.start)
        return movements, statements

    def _read_piece(self, offset: int, doc: Doc, armed: frozenset[str], ships: frozenset[str],
                    heads: frozenset[str], *, statements: bool = True) -> tuple[list[Movement], list[Statement]]:
        """The movements and (unless ``statements`` is False) statements of one parsed piece."""
        movements: list[Movement] = []
        said: list[Statement] = []
        doc.user_data[ARMED_GROUPS] = armed
        doc.user_data[VESSEL_NAMES] = ships
        doc.user_data[FORCE_HEADS] = heads
        doc.user_data[PLACE_STARTS] = frozenset(
            r.mention.start - offset for r in self.resolutions_in(offset, offset + len(doc.text))
            if r.place is not None)
        found_by = patterns(doc.vocab)
        cues = best([m for m in found_by.dependency(doc, "statement")
                     if confirmed(m) and not self.in_dateline(offset + m["speaker"].idx)], "cue", "speaker",
                    nearest=True) if statements else {}  # a heading read again: for movements only
        matches = [m for m in found_by.dependency(doc, "movement")
                   if plausible(m["trigger"], m["force"]) and movement_confirmed(m)]
        pronouns = lexicon().force_pronouns
        # "they": the force named just before, or nothing; each pronoun looked up once
        stands_for = {t.i: force_antecedent(t) for t in {m["force"] for m in matches} if t.lower_ in pronouns}
        for m in matches:  # "X insists they have withdrawn": the state or group that says so
            if m["force"].i in stands_for and stands_for[m["force"].i] is None:
                stands_for[m["force"].i] = reporting_state(m["force"], m["trigger"]) \
                    or main_clause_force(m["force"], m["trigger"])
        # a pronoun that stands for no force yields to the next match
        moves = [m for m in matches if stands_for.get(m["force"].i, m["force"]) is not None]
        forces = {}
        for i, m in best(moves, "trigger", "force").items():
            force = stands_for.get(m["force"].i, m["force"])
            if force is not None and force.head.i == i and force.dep_ in ("amod", "compound"):
                force = light_verb_subject(doc[i]) or force  # "X launched a military offensive": X
            if force is not None:
                forces[i] = force
        for t in doc:
            if t.i in forces:
                continue
            if agentless(t):
                forces[t.i] = t  # "the invasion of X": the noun stands for its unnamed force
            elif is_trigger(t) and (stranded := stranded_subject(t)) is not None and plausible(t, stranded):
                forces[t.i] = stranded  # a verb the parser left with no subject: the force before it
        for sent in doc.sents:
            zone = zone_at(self.paragraphs, offset + sent.start_char)
            if zone not in STATEMENT_ZONES and (zone is not Zone.CAPTION or any(
                    t.lower_ in lexicon().archive_words for t in sent)):
                continue  # a caption tells movements, unless it shows an old picture ("file photo")
            start, end = offset + sent.start_char, offset + sent.end_char
            source = Source(self.doc_id, start, end, self.text[start:end])  # as written, line breaks and all
            found, speaker = self.statements(sent, offset, source, cues) if zone in STATEMENT_ZONES and statements \
                else ([], None)
            said.extend(found)
            claimed_by = (speaker.name or speaker.organization) if speaker else None
            movements.extend(self.movements(sent, offset, source, claimed_by, forces))
        return movements, said
