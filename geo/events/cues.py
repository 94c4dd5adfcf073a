"""Whether a verb (or noun) with a speaker reports what the speaker said: a small logistic model.

The statement patterns (``geo/data/patterns/statement.jsonl``) find *candidates* by structure: any
verb with a subject, a passive verb with its agent, a participle or conjunct sharing its head's
subject, a relative clause's verb and the noun it describes, a noun with a possessor. Which of
them are attributions is decided by weights learnt from an annotated attribution corpus
(``scripts/train_cue_model.py``; PolNeAR's training articles in ``../shared/attribution``): the
cue's lemma and its frame (a clausal complement, a quotation, an object), the pattern that found
it, the speaker's form, whether the cue sits inside quoted words or inside another clause, its
negation and auxiliaries. "according to" needs no model: whatever follows is a source.

The model is a JSON file of named feature weights (``geo/data/models/cue_model.json``): no learning
library at run time, and a feature's weight can be read and questioned like any rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.logistic import LogisticModel, ModelFile

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL = ModelFile(Path(__file__).resolve().parent.parent / "data" / "models" / "cue_model.json")
QUOTE_MARKS = frozenset('"“”')
QUOTE_OPENS = {"“": True, "”": False}  # a curly mark opens or closes; a straight one toggles
# statements by construction
ALWAYS = frozenset({"according-to", "denied-claim", "speech-object", "report-conjunct", "denial-reason",
                    "object-control"})
READ_ON = frozenset({"report-conjunct", "denial-reason"})  # of those, the ones read on from a reported clause


def cue_model() -> LogisticModel:
    return MODEL.model()


def use_model(path: Path) -> None:
    """Read the cue model from ``path`` from now on (to measure a model fitted on part of a corpus)."""
    MODEL.use(path)


def frame(cue: Token) -> str:
    """What the cue governs: a clause, a quotation, an object, an infinitive, a preposition, nothing."""
    kids = {c.dep_ for c in cue.children}
    if "ccomp" in kids:
        return "clause"
    doc = cue.doc
    sent = cue.sent
    near = doc[max(sent.start, cue.i - 3) : min(sent.end, cue.i + 3)]
    if any(t.text in QUOTE_MARKS for t in near) or (cue.i + 1 < len(doc) and doc[cue.i + 1].text == ":"):
        return "quote"
    for dep, name in (("dobj", "object"), ("xcomp", "infinitive"), ("prep", "preposition")):
        if dep in kids:
            return name
    return "bare"


def inside_quotation(token: Token) -> bool:
    """Whether a quotation is open at the token in its sentence: a curly mark says which way it
    goes, and so does a straight one written against the word before it and followed by a space
    ('... ," she said'); any other straight mark toggles. A sentence whose first mark closes opens
    inside a quotation begun before it ('We hid. They told us to leave," he said': "told" is quoted)."""
    marks = [t for t in token.sent if t.text in QUOTE_MARKS]
    inside = bool(marks) and closes_quotation(marks[0])  # the sentence opens inside a quotation begun before it
    for t in marks:
        if t.i >= token.i:
            break
        inside = False if closes_quotation(t) else (QUOTE_OPENS.get(t.text, not inside))
    return inside


def closes_quotation(mark: Token) -> bool:
    """Whether a quotation mark closes: a curly closing one, or a straight one written against the
    word before it and followed by a space ('... ," she said')."""
    doc = mark.doc
    return not QUOTE_OPENS.get(mark.text, True) or (
        mark.text not in QUOTE_OPENS and mark.i > 0 and not doc[mark.i - 1].whitespace_ and bool(mark.whitespace_))


def closes_a_quotation_before(speaker: Token, cue: Token) -> bool:
    """ '... and told us to leave," a fisherman told the paper': the speaker's phrase starts right
    after a quotation's closing mark and its comma, and the cue follows it. The parser may then hang
    the cue on a verb inside the quotation; what it reports is the quotation before it."""
    doc, left = cue.doc, speaker.left_edge.i
    return (speaker.i < cue.i and left >= 2 and doc[left - 1].text in QUOTE_MARKS
            and closes_quotation(doc[left - 1]) and doc[left - 2].text in (",", "?", "!"))


def features(cue: Token, speaker: Token, how: str) -> dict[str, float]:
    """The named features of one candidate: ``how`` is the pattern label that found it."""
    lemma = cue.lemma_.lower()
    quote_first = how == "subject" and cue.dep_ != "ROOT" and closes_a_quotation_before(speaker, cue)
    shape = "quote" if quote_first else frame(cue)
    spoken = speaker.lower_ if speaker.pos_ == "PRON" else speaker.lemma_.lower() if speaker.pos_ == "NOUN" else "-"
    found = {
        f"lemma={lemma}": 1.0,
        f"frame={shape}": 1.0,
        f"lemma_frame={lemma}|{shape}": 1.0,
        f"how={how}": 1.0,
        f"tag={cue.tag_}": 1.0,
        f"dep={'ROOT' if quote_first else cue.dep_}": 1.0,
        f"speaker_pos={speaker.pos_}": 1.0,
        f"speaker_ent={speaker.ent_type_ or '-'}": 1.0,
        f"speaker_word={spoken}": 1.0,
        "aux=" + "|".join(sorted(c.lemma_.lower() for c in cue.children if c.dep_ in ("aux", "auxpass"))): 1.0,
    }
    if lemma in lexicon().report_verbs:
        found["speech_verb"] = 1.0
    if inside_quotation(cue):
        found["inside_quotation"] = 1.0
    if any(c.dep_ == "neg" for c in cue.children):
        found["negated"] = 1.0
    head, steps = cue, 0
    while head.dep_ != "ROOT" and steps < 12 and not quote_first:
        if head.dep_ == "ccomp":
            found["inside_clause"] = 1.0
            break
        head, steps = head.head, steps + 1
    return found


def _speech_frame(cue: Token, frames: frozenset[str]) -> bool:
    """Whether a verb that reports speech only in some frames is in one: a finite clause ("showed
    that ..."; not the small clause of "showed a convoy crossing"), a quotation, an infinitive, one
    of its prepositions ("attacked the plan as reckless") or one of its objects ("claimed
    responsibility")."""
    shape = frame(cue)
    if shape == "clause":
        clause = next(c for c in cue.children if c.dep_ == "ccomp")
        finite = clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
        return finite and "clause" in frames
    return shape in frames or any(  # "attacked the plan as reckless", "claimed responsibility"
        (c.dep_ == "prep" and f"prep:{c.lower_}" in frames)
        or (c.dep_ == "dobj" and f"object:{c.lemma_.lower()}" in frames) for c in cue.children)


def names_what_it_reports(cue: Token) -> bool:
    """ "struck what it called a militant camp", "downed what it said was a drone", "the commander,
    whom it blamed for the raid": a relative "what" or "who(m)" before the cue, its object named as
    something or the subject of what it said, is what the cue reports, on one occasion (a verb in the
    past); not "nobody knew what the minister announced" (a question, not a report)."""
    if cue.tag_ != "VBD":
        return False
    kids = list(cue.children)
    named = cue.dep_ == "relcl" or any(  # what it is called: "what it called a camp", "described as"
        c.i > cue.i and (c.dep_ in ("oprd", "xcomp", "attr") or (c.dep_ == "prep" and c.lower_ == "as")) for c in kids)
    objects = [c for c in kids if c.dep_ == "dobj"] if named else []  # not "a writer who wrote", "what he said."
    subjects = [g for c in kids if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    return any(t.tag_ == "WP" and t.lower_ in ("what", "who", "whom") and t.i < cue.i for t in objects + subjects)


def one_occasion(cue: Token) -> bool:
    """Whether the cue is dated or placed on one occasion ("had previously said on 3 March in X",
    "repeatedly said at a briefing in Y"): a date or time, or "on/at/in/during" a date, a place or a
    speech event (``place_cues.jsonl``)."""
    lex = lexicon()
    for c in cue.children:
        if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "at", "in", "during") and any(
                p.ent_type_ in ("DATE", "TIME", "GPE")
                or " ".join(w.lower_ for w in p.subtree if w.i <= p.i).endswith(lex.place_cues)
                for p in c.children if p.dep_ == "pobj"):
            return True
    return False


def is_statement(cue: Token, speaker: Token, how: str) -> bool:
    """Whether the candidate found by the pattern ``how`` is an attribution."""
    if how == "object-control" and any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD")
                                       for c in cue.head.children):
        return False  # "escalation could force X to declare ...": no one has spoken
    if how in ALWAYS:
        # a reporter's "and said" or "saying" read on from a clause inside quoted words is the quoted
        # speaker's own word ('"They burned it, and told us to go," she said')
        return how not in READ_ON or not inside_quotation(cue)
    lex = lexicon()
    if cue.lemma_.lower() in lex.stance_verbs:
        return False  # beliefs, wishes, plans: attributions in the corpus, but no statement on a map
    if any(c.dep_ == "neg" for c in cue.children) or any(
            c.dep_ == "det" and c.lower_ in ("no", "neither") for c in speaker.children):
        return False  # "did not say", "could not confirm", "no one said": nothing was said
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.cue("deny"):
        return False  # "declined to comment", "refused to say": not the speech refused (nor the refusal: sense_frames)
    particles = lex.non_speech_particles.get(cue.lemma_.lower(), frozenset())
    if any(c.dep_ == "prt" and c.lower_ in particles for c in cue.children):
        return False  # "called up reservists", "called in reinforcements": an act, not speech
    objects = lex.non_speech_objects.get(cue.lemma_.lower(), frozenset())
    heads = [c for c in cue.children if c.dep_ == "dobj"]
    heads += [p for c in heads for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children]
    if any(h.lemma_.lower() in objects for h in heads):
        return False  # "the blast claimed 20 lives", "claims two-thirds of the territory": the other sense
    if any(c.dep_ == "advmod" and c.lower_ in lex.habitual_words for c in cue.children) and not one_occasion(cue):
        return False  # "has repeatedly said", "had previously vowed": no one occasion to place
    infinitives = lex.non_speech_infinitives.get(cue.lemma_.lower(), frozenset())
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in infinitives for c in cue.children):
        return False  # a request for anonymity (ask with a passive infinitive of naming): nothing said
    if speaker.lemma_.lower() in lex.non_speech_subjects.get(cue.lemma_.lower(), frozenset()):
        return False  # "videos showed that ...": what pictures show is evidence, not a statement
    frames = lex.sense_frames.get(cue.lemma_.lower())
    if frames is not None and not _speech_frame(cue, frames):
        return False  # "attacked the town", "pledged $2m", "showed a convoy crossing": the other sense
    if cue.lemma_.lower() in lex.report_verbs and names_what_it_reports(cue) and not inside_quotation(cue) and not any(
            a.dep_ == "ccomp" and a.head.lemma_.lower() in lex.report_verbs for a in cue.ancestors):
        return True  # a listed speech verb naming what it reports (not inside another's words): a statement
    model = cue_model()
    return model.probability(features(cue, speaker, how)) >= model.threshold
