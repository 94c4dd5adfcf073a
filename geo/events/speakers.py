"""Who speaks: speakers and the people of one run (the organisations with their seats are in
:mod:`conflictmap.geo.organisations`), and the name helpers that read a speaker phrase (titles, name
particles, government nouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from conflictmap.gazetteer import fold
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.organisations import Organisation

# ----------------------------------------------------------------------------- speakers


@dataclass(slots=True)
class Speaker:
    name: str | None
    organization: str | None
    country: str | None
    kind: str  # person, title, organisation, government, group, media, pronoun, other
    org: Organisation | None = None
    phrase: str = ""  # the words that named it ("the Chadian navy")
    gender: str | None = None  # "m" or "f" when the text says (a title, a pronoun that refers back)
    away: bool = False  # named as away from its country's seat ("the exiled leader"): never placed at the capital


@dataclass(slots=True)
class People:
    """Speakers seen so far in one document, so a surname alone later is the person named in full
    earlier. Never shared between documents."""

    by_key: dict[str, Speaker] = field(default_factory=dict)

    @staticmethod
    def keys(name: str) -> list[str]:
        folded = re.sub(r"iy\b", "y", fold(name))
        parts = folded.split()
        return [folded, parts[-1]] if len(parts) > 1 else [folded]

    def remember(self, speaker: Speaker) -> None:
        if speaker.name:
            for key in self.keys(speaker.name):
                old = self.by_key.get(key)
                if old is None or (len(speaker.name) >= len(old.name or "") and speaker.country):
                    self.by_key[key] = speaker

    def recall(self, name: str) -> Speaker | None:
        for key in self.keys(name):
            if key in self.by_key:
                return self.by_key[key]
        return None



def coordinated_countries(np: Span) -> bool:
    """Whether the phrase lists several nations side by side ("US, South Korean and Japanese")."""
    return any(t.dep_ == "conj" and (t.ent_type_ in ("GPE", "NORP")) for t in np)


def titled_name(np: Span) -> Span | None:
    """ "Governor Ana Ruiz" when the model calls the name an ORG: capitalised words after a
    title word."""
    for t in np:
        if t.lower_ in lexicon().titles:
            end = t.i + 1
            while end < np.end and np.doc[end].pos_ == "PROPN" and np.doc[end].is_title:
                end += 1
            if end - t.i >= 3:
                return np.doc[t.i + 1 : end]
    return None


def aged_name(np: Span, head: Token) -> Span | None:
    """ "Tarek, 44," "Ana Ruiz, 61,": capitalised words set off by an age (a number from 1 to 120 in
    apposition) name a person, whatever the model tagged them. The words before the comma."""
    ages = [c for c in head.children
            if c.dep_ == "appos" and c.like_num and c.text.isdigit() and 0 < int(c.text) <= 120]
    if not ages or not head.is_title or head.i + 1 >= len(head.doc) or head.doc[head.i + 1].text != ",":
        return None
    start = head.i
    while start > np.start and np.doc[start - 1].is_title and not np.doc[start - 1].is_punct:
        start -= 1
    return np.doc[start : head.i + 1]


def whole_name(ent: Span) -> Span:
    """A PERSON entity the model cut short: "Lee Min-" + "ho", "Park Ji" + "Sung", "Anna van
    der" + "Berg" (a name never ends on a particle, whatever the model tagged the next word)."""
    doc = ent.doc
    end = ent.end
    while end < len(doc):
        t, prev = doc[end], doc[end - 1]
        glued = prev.whitespace_ == "" and (t.text == "-" or t.is_alpha)
        capitalised = t.is_title and t.pos_ == "PROPN" and not t.ent_type_ and prev.text != ","
        particle = prev.is_lower and prev.lower_ in lexicon().name_particles
        after_particle = particle and t.is_title and end - ent.start >= 2
        if not (glued or capitalised or after_particle):
            break
        end += 1
    return doc[ent.start : end]


def government_phrase(np: Span) -> str | None:
    for t in np:
        if t.lemma_.lower() in lexicon().government_nouns or t.lower_ in lexicon().government_nouns:
            start = t.left_edge.i
            return np.doc[start : t.i + 1].text
    return None
