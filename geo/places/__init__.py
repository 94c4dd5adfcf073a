"""Place mentions of a document, its dateline, and their resolution in context."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from conflictmap.gazetteer import Candidate, Evidence, Gazetteer, Place, PlaceKind, fold
from conflictmap.gazetteer.nouns import direction_words
from conflictmap.gazetteer.ranking import LOCAL_KINDS
from conflictmap.gazetteer.store import CONTAINERS, holds
from conflictmap.gazetteer.weights import WEIGHTS
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.nlp.components import IN_STORY_LABEL, PERSON_NAMED, SPAN_KEY
from conflictmap.geo.reading.zones import MENTION_ZONES, Paragraph, Zone, zone_at
from conflictmap.geo.records import NOT_DRAWN, Mention, Resolution

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
# "WASHINGTON, Oct. 25 (Yonhap) --", "Seoul —", "Washington:", "TBILISI, Georgia (AP) -"
DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){{0,3}})"
    rf"(?:,\s*(?P<qual>(?!{_MONTH})[A-Z][A-Za-z.'’]*(?:\s+[A-Z][A-Za-z.'’]*){{0,2}}))?"
    rf"(?:,?\s*(?P<date>{_MONTH}))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?\s*(?:--|—|–|:|-\s)\s*"
)
CONTEXT_PASSES = 1  # one round of evidence; a second round measured slightly worse on both corpora
DATELINE_WEIGHT = 2
HINT_WEIGHT = 2  # a country the user names (``extract --country``) votes like a dateline


def country_hint(codes: Iterable[str]) -> tuple[str, ...]:
    """The user's country codes (``extract --country``) as resolution and the cache take them:
    upper case, each once, sorted (the order and repetition of the options change nothing)."""
    return tuple(sorted({c.strip().upper() for c in codes if c.strip()}))


@dataclass(frozen=True, slots=True)
class Dateline:
    place: Mention
    qualifier: Mention | None
    agency: str | None


def find_dateline(doc_id: str, text: str, paragraphs: list[Paragraph], gaz: Gazetteer) -> Dateline | None:
    """The dateline opening the article body, when its place resolves to a city or country."""
    body = [p for p in paragraphs if p.zone is Zone.BODY][:2]
    for par in body:
        m = DATELINE.match(text, par.start, par.end)
        if not m:
            continue
        place_text = m.group("place")
        query = f"{place_text}, {m.group('qual')}" if m.group("qual") else place_text
        found = gaz.candidates(query, limit=1)
        if not found or not _dateline_place(found[0], qualified=bool(m.group("qual"))):
            continue
        start = m.start("place")
        place = Mention(doc_id, start, start + len(place_text), place_text, "DATELINE", par.zone.value)
        qual = None
        if m.group("qual"):
            qs = m.start("qual")
            qual = Mention(doc_id, qs, m.end("qual"), m.group("qual"), "DATELINE", par.zone.value)
        return Dateline(place, qual, m.group("agency"))
    return None


def _dateline_place(c: Candidate, *, qualified: bool) -> bool:
    """A dateline names a city (a large one, or any one its qualifier confirms: "OLYMPIA, Wash.")."""
    p = c.place
    if p.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1):
        return True
    return p.kind is PlaceKind.CITY and (
        p.prior >= WEIGHTS.dateline_city_prior or (qualified and c.score >= WEIGHTS.qualified_score))


def mentions_from_docs(
    doc_id: str, text: str, docs: Iterable[tuple[int, Doc]], paragraphs: list[Paragraph], dateline: Dateline | None
) -> list[Mention]:
    """Place mentions in zones that may hold them, with their sentences, in text order."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    if dateline:
        out += [m for m in (dateline.place, dateline.qualifier) if m]
        taken += [(m.start, m.end) for m in out]
    for offset, doc in docs:
        for span in doc.spans[SPAN_KEY]:
            start, end = offset + span.start_char, offset + span.end_char
            if any(s < end and start < e for s, e in taken):
                continue
            zone = zone_at(paragraphs, start)
            if zone not in MENTION_ZONES:
                continue
            end = _keep_final_dot(text, start, end)
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            modifier = before if before in direction_words().all else ""
            out.append(Mention(doc_id, start, end, text[start:end], span.label_, zone.value, modifier=modifier))
    out += _named_again(doc_id, text, docs, paragraphs, out)
    out.sort(key=lambda m: m.start)
    return out


def _named_again(doc_id: str, text: str, docs: Iterable[tuple[int, Doc]], paragraphs: list[Paragraph],
                 kept: list[Mention]) -> list[Mention]:
    """A name the document keeps as a place once is a place where it is named again as where
    something is ("to X", "from X", "in X"): one sense per document, where the model, fitted on
    general news, took a small town's other mention for a person ("a clinic in X", then "fled to X").
    Only the whole name after a place preposition counts, never a subject ("X said") nor a part of
    a longer name ("Abdul X")."""
    names = {m.text: m.label for m in kept if m.label not in NOT_DRAWN and m.text[:1].isupper()}
    if not names:
        return []
    taken = [(m.start, m.end) for m in kept]
    prepositions = lexicon().place_prepositions
    found = []
    for offset, doc in docs:
        for t in doc:
            if t.dep_ != "pobj" or t.head.lower_ not in prepositions or not t.text[:1].isupper():
                continue
            first = t.i
            while first > t.head.i + 1 and doc[first - 1].dep_ == "compound" and doc[first - 1].text[:1].isupper():
                first -= 1
            if doc[first - 1].text[:1].isupper() and first - 1 != t.head.i:
                continue  # a longer name
            start, end = offset + doc[first].idx, offset + t.idx + len(t)
            name = text[start:end]
            if name not in names or any(s < end and start < e for s, e in taken) \
                    or (t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() and doc[t.i + 1].pos_ == "PROPN"):
                continue
            zone = zone_at(paragraphs, start)
            if zone not in MENTION_ZONES:
                continue
            taken.append((start, end))
            found.append(Mention(doc_id, start, end, name, names[name], zone.value))
    return found


# "W.Va", "U.S", "D.C": a dotted abbreviation whose final dot the tokenizer gave to the sentence
_DOTTED = re.compile(r"(?:[A-Z][a-z]{0,3}\.)+[A-Z][a-z]{0,3}")


def _keep_final_dot(text: str, start: int, end: int) -> int:
    """The end of a span that keeps its abbreviation's final dot ("W.Va." not "W.Va"); a word with
    no inner dot keeps its end, since a dot after it may only close the sentence ("in Kent.")."""
    if text[end : end + 1] == "." and _DOTTED.fullmatch(text, start, end):
        return end + 1
    return end


_KIND_OF = re.compile(
    r"(?:(?P<qual>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+)?(?P<word>state|province|region|county|district|"
    r"governorate|prefecture|city|town|village|port city|port)\s+of\s+$"
)


def _queries(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[str]:
    """The query for each mention: "Tromso, Norway" when the text qualifies it so ("Tromso,
    Norway", "Tromso (Norway)"), and "Georgia (U.S. state)" for "the U.S. state of Georgia"."""
    queries = []
    for i, m in enumerate(mentions):
        query = m.text
        kind_of = _KIND_OF.search(text, max(0, m.start - 40), m.start)
        if kind_of and kind_of.end() == m.start:
            query = f"{m.text} ({kind_of.group('qual') or ''} {kind_of.group('word')})".replace("( ", "(")
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            between = text[m.end : nxt.start].strip()
            # "Bosaso, Bari" and "(Bosaso, Bari)"; also "Bosaso (Bari)", the qualifier alone in brackets
            # ... but not an abbreviation glossing the name: "Democratic Republic of the Congo (DRC)"
            bracketed = between == "(" and text[nxt.end : nxt.end + 1] == ")" and not nxt.text.isupper()
            if (between == "," or bracketed) and nxt.start - m.end <= 3 and _is_qualifier(gaz, nxt.text, m.text):
                query = f"{m.text}, {nxt.text}"
        queries.append(query)
    return queries


def _is_qualifier(gaz: Gazetteer, text: str, name: str = "") -> bool:
    """Whether a name can qualify the one before it: it names a country or first-order region
    ("Tromso, Norway"), or one of its countries or regions holds a place called ``name``
    ("Bosaso, Bari": Bari region, Somalia, though Bari alone is the Italian city; "Alexandria,
    Rapides Parish"); not "Paris, Elysee"."""
    best = gaz.best(text)
    if best is not None and best.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1):
        return True
    containers = [c.place for c in gaz.candidates(text, kinds=CONTAINERS, limit=5)]
    if not containers or not name:
        return False
    places = [c.place for c in gaz.candidates(name, limit=10)]
    return any(holds(q, p) for q in containers for p in places)


def resolve_mentions(
    gaz: Gazetteer, text: str, mentions: list[Mention], dateline: Dateline | None = None,
    *, countries: tuple[str, ...] = (),
) -> list[Resolution]:
    """Resolve every mention of one document, letting the document's confident places vote.

    Pass 1 ranks each distinct name without context; names with one candidate or a clear margin,
    and nationality words, vote for their country and region, and towns and counties for what
    lies near them (the dateline counts double). Pass 2 ranks each name again with the votes of
    the *other* names, so "Tripoli" in an article about Lebanon is Lebanon's and ten "London"s
    beside "Ontario" are London, Ontario. ``countries``: ISO alpha-2 codes the user says the
    documents are about (``extract --country``); each votes like a dateline.
    """
    queries = _queries(text, mentions, gaz)
    unique = list(dict.fromkeys(queries))
    acronyms = {q for m, q in zip(mentions, queries, strict=True) if _acronym_in_running_text(text, m)}
    ranked: dict[str, list[Candidate]] = {q: _spelled(gaz.candidates(q, limit=6), q in acronyms) for q in unique}
    dateline_place = None
    if dateline:
        named = [dateline.place] + ([dateline.qualifier] if dateline.qualifier else [])
        dateline_found = ranked.get(_queries(text, named, gaz)[0])
        dateline_place = dateline_found[0].place if dateline_found else None
    # "English", "Canadian": nationality words, unless the writer qualified them ("Canadian, Texas")
    nationality = {q: p for q in unique if (p := _demonym_country(gaz, q)) is not None}
    for _ in range(CONTEXT_PASSES):
        evidence = _evidence(ranked, queries, dateline_place, nationality, countries)
        ranked = {q: _spelled(gaz.candidates(q, evidence=evidence[q], limit=6), q in acronyms) for q in unique}
    second = ranked
    out = []
    for m, query in zip(mentions, queries, strict=True):
        found = second[query]
        if m.label == IN_STORY_LABEL:  # see below: only a namesake in the story's countries
            found = [c for c in found if _in_story(gaz, c.place, m, query, evidence[query])]
        demonym = nationality.get(query)
        if demonym is not None and (not found or _namesake_town(found[0])):
            # "Turkish", "Russian": a nationality word names its country, not a namesake village
            runners_up = tuple(c.place for c in found[:5])
            out.append(Resolution(m, demonym, WEIGHTS.demonym_score, runners_up, ("nationality word",)))
        elif (regional := _regional_reading(gaz, query, evidence[query])) is not None:
            out.append(Resolution(m, regional, WEIGHTS.demonym_score, tuple(c.place for c in found[:5]),
                                  ("the story's geography",)))
        elif found:
            top = found[0]
            out.append(Resolution(m, top.place, top.score, tuple(c.place for c in found[1:]), top.reasons))
        elif m.label != PERSON_NAMED and (inner := _named_after(gaz, query, evidence[query])) is not None:
            out.append(Resolution(m, inner.place, inner.score, (), (*inner.reasons, f"named after {inner.matched}")))
        else:
            out.append(Resolution(m, None, 0.0))
        if m.label == IN_STORY_LABEL and (place := out[-1].place) is not None \
                and not _in_story(gaz, place, m, query, evidence[query]):
            out[-1] = Resolution(m, None, 0.0, (place, *out[-1].alternatives))
    return _containers_of(gaz, out, queries)


def _in_story(gaz: Gazetteer, place: Place, m: Mention, query: str, evidence: Evidence) -> bool:
    """Whether a camp's namesake may be the place: "Camp David" in a story from Maryland is not
    David, Panama, nor "CAMP NAME, Wash." a town of that name in Utah. It must lie in a country
    the rest of the story names and, when the writer qualified it ("X, Y"), in the qualifier."""
    if place.country_code not in evidence.countries:
        return False
    if query == m.text:
        return True
    qualifier = query[len(m.text) :].lstrip(", ")
    return any(holds(c.place, place) for c in gaz.candidates(qualifier, kinds=CONTAINERS, limit=5))


@functools.cache
def _regional_names() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Names that mean a place only in a part of the world (``lexicon/regional_names.jsonl``):
    folded name -> (place id, the countries whose stories mean it)."""
    import srsly

    from conflictmap.geo.lexicon import LEXICON_DIR

    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in srsly.read_jsonl(LEXICON_DIR / "regional_names.jsonl"):
        out.setdefault(fold(row["name"]), []).append((row["place"], frozenset(row["countries"])))
    return out


def _regional_reading(gaz: Gazetteer, query: str, evidence: Evidence) -> Place | None:
    """The place a regional name ("Gulf") means when more than half of the document's country
    votes (the dateline, the user's hint and the other names) go to that region's countries; else
    None, and the name is ranked as any other."""
    readings = _regional_names().get(fold(query))
    total = sum(evidence.countries.values())
    if not readings or not total:
        return None
    for place_id, countries in readings:
        if 2 * sum(n for c, n in evidence.countries.items() if c in countries) > total:
            return gaz.get(place_id)
    return None


_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _acronym_in_running_text(text: str, m: Mention) -> bool:
    """Whether a mention is a short word in capitals among lower-case words ("NATO", "UN" in a
    sentence): an acronym, unlike the same letters opening a line (a dateline, "KIDAL —") or in an
    all-capitals headline ("FIGHTING NEAR KIDAL"), where they are a name shouted."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if m.label == "DATELINE" or not _ACRONYM.fullmatch(m.text) or not text[line_start : m.start].strip():
        return False  # a dateline, whether or not its pattern was read as one ("PARIS, Mo. —")
    start = max(line_start, m.start - 200)
    end = text.find("\n", m.end)
    window = text[start : min(m.end + 200, len(text) if end < 0 else end)]
    letters = [c for c in window if c.isalpha()]
    return 2 * sum(c.islower() for c in letters) > len(letters)


def _spelled(found: list[Candidate], acronym: bool) -> list[Candidate]:
    """Without the places an acronym only spells: a town below WEIGHTS.notable_prior named like it
    ("NATO" is not Nato, a village in the Philippines; "UN" is not Un, India), unless its own name
    is written in capitals. Alternate names never match an acronym (see ``Gazetteer.candidates``)."""
    if not acronym:
        return found
    return [c for c in found if not (c.place.kind in LOCAL_KINDS and c.place.prior < WEIGHTS.notable_prior
                                     and not c.place.name.isupper())]


def _containers_of(gaz: Gazetteer, out: list[Resolution], queries: list[str]) -> list[Resolution]:
    """The qualifier of "X, Y" is the container of X's place: "Bari" after "Bosaso," is Bari
    region, Somalia, though "Bari" alone would be the Italian city."""
    for i in range(len(out) - 1):
        place, nxt = out[i].place, out[i + 1]
        if place is None or queries[i] != f"{out[i].mention.text}, {nxt.mention.text}":
            continue
        if nxt.place is not None and holds(nxt.place, place):
            continue
        container = next((c for c in gaz.candidates(nxt.mention.text, kinds=CONTAINERS, limit=5)
                          if holds(c.place, place)), None)
        if container is not None:
            out[i + 1] = Resolution(nxt.mention, container.place, container.score,
                                    tuple(p for p in (nxt.place,) if p is not None), (f"holds {place.name}",))
    return out


def _named_after(gaz: Gazetteer, name: str, evidence: Evidence) -> Candidate | None:
    """For a name the gazetteer lacks, the place it is named after: "Arizona State University" is in
    Arizona, "Liverpool FC" in Liverpool, "University of Alberta" in Alberta. Only the name's
    leading words or the words after its last "of" / "in" count (not "America" in "Latin America",
    "Union" in "Soviet Union"), never a compass word ("West Surrey", "Eastern Ghouta"), and only a
    place named by its own or official name that is a town of 10,000 or a larger unit (not
    "Carnegie" in "Carnegie Library"), in a country the document names when it names any (a camp of
    the story's country is not named after a namesake town abroad)."""
    words = name.split()
    if words and words[-1].lower() in lexicon().natural_name_heads:
        return None  # "X Shoal", "the X Forest": a feature of nature, not at a town called X
    # leading words only where the name's next word opens a new word ("Tal" is no town in "Tal al-X Air Base")
    inner = [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1) if not words[k][:1].islower()
             or words[k].lower() in ("of", "in")]
    for k in range(len(words) - 2, 0, -1):
        if words[k] in ("of", "in"):
            inner.insert(0, " ".join(words[k + 1 :]))
            break
    for text in inner:
        if not fold(text) or fold(text).split()[0] in direction_words().all or not text[0].isupper():
            continue
        found = gaz.candidates(text, evidence=evidence, limit=1)
        alternate = found and any(r.startswith("alternate name") for r in found[0].reasons)
        if found and found[0].place.prior >= WEIGHTS.town_prior and not alternate and (
                not evidence.countries or found[0].place.country_code in evidence.countries):
            return found[0]
    return None


@dataclass(frozen=True, slots=True)
class _Vote:
    """What one name says about where the document is (blanks when it says nothing)."""

    country: str = ""
    admin1: str = ""
    point: tuple[float, float] | None = None  # (lat, lon) of a town or county


def _votes(found: list[Candidate], demonym: Place | None) -> _Vote:
    """What one name says about where the document is: its place's country, admin-1 key and, for a
    town or county, its point, when the choice is clear (one candidate, or a margin of
    ``WEIGHTS.confident_margin``). A nationality word votes for its country, never for its
    namesake town ("English", Indiana)."""
    if demonym is not None and (not found or _namesake_town(found[0])):
        return _Vote(demonym.country_code if demonym.kind is PlaceKind.COUNTRY else "")
    if found and (len(found) == 1 or found[0].score - found[1].score >= WEIGHTS.confident_margin):
        return _place_vote(found[0].place)
    return _Vote()


def _place_vote(place: Place) -> _Vote:
    region = place.admin1_code if place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.CITY) else ""
    point = (place.lat, place.lon) if place.kind in (PlaceKind.CITY, PlaceKind.ADMIN2) else None
    return _Vote(place.country_code, region, point)


def _evidence(
    ranked: dict[str, list[Candidate]], queries: list[str], dateline: Place | None,
    nationality: dict[str, Place], hinted: tuple[str, ...] = (),
) -> dict[str, Evidence]:
    """For each name, the countries, regions and nearby points the *other* names of the document
    vote for, each distinct name once; the dateline's country and each country the user named
    count double. Leaving a name's own vote out keeps ten mentions of "London" from outvoting the
    "Ontario" beside them."""
    # a regional name ("Gulf") means what the story's geography says: it casts no vote of its own
    votes = {q: _Vote() if fold(q) in _regional_names() else _votes(ranked[q], nationality.get(q))
             for q in dict.fromkeys(queries)}
    countries: Counter[str] = Counter(v.country for v in votes.values() if v.country)
    admin1: Counter[str] = Counter(v.admin1 for v in votes.values() if v.admin1)
    points: Counter[tuple[float, float]] = Counter(v.point for v in votes.values() if v.point)
    if dateline is not None and dateline.country_code:
        countries[dateline.country_code] += DATELINE_WEIGHT
        if (point := _place_vote(dateline).point) is not None:
            points[point] += 1
    for code in country_hint(hinted):
        countries[code] += HINT_WEIGHT
    # a name's own votes: those of every way it is written ("GEORGETOWN" in a dateline, "Georgetown")
    same: dict[str, list[_Vote]] = {}
    for q, v in votes.items():
        same.setdefault(fold(q), []).append(v)
    out = {}
    for q in votes:
        own = same[fold(q)]
        own_c = Counter(v.country for v in own if v.country)
        own_r = Counter(v.admin1 for v in own if v.admin1)
        own_p = Counter(v.point for v in own if v.point)
        out[q] = Evidence(countries=dict(countries - own_c), admin1=dict(admin1 - own_r),
                          points=tuple(points - own_p))
    return out


def _namesake_town(top: Candidate) -> bool:
    """Whether the best match of a nationality word is only a town or county sharing its spelling
    ("Canadian", Texas; "German" as an alternate name of San Germán), not a country or region
    named outright."""
    return top.place.kind in (PlaceKind.CITY, PlaceKind.ADMIN2, PlaceKind.LANDMARK) or top.score < WEIGHTS.demonym_score


def _demonym_country(gaz: Gazetteer, text: str) -> Place | None:
    """The place a nationality word names: a country ("Turkish"), or a continent or bloc whose
    row in demonyms.csv gives a place id ("European")."""
    code = gaz.demonym(text.strip())
    if not code:
        return None
    return gaz.get(code) if ":" in code else gaz.get(f"ne-admin0:{code}")
