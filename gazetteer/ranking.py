"""Query parsing and context-free ranking of gazetteer candidates.

One scale for everything: a place's stored ``prior`` (kind and population, see
:func:`gazetteer.sources.prior`) plus bonuses for what the query or its context says, minus a
penalty for matching on a weak alternate name.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from conflictmap.gazetteer.errors import QueryError
from conflictmap.gazetteer.model import Candidate, Place, PlaceKind
from conflictmap.gazetteer.normalize import fold, solid_key
from conflictmap.gazetteer.nouns import direction_words, place_nouns
from conflictmap.gazetteer.weights import WEIGHTS

ABBREVIATION = 3  # the name type of a dotted abbreviation ("Ky.")
LOCAL_KINDS = frozenset({PlaceKind.CITY, PlaceKind.ADMIN2, PlaceKind.LANDMARK})
OUTRIGHT_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.WATER})

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|al[- ]|el[- ])?[A-Z][\w'’.-]*)*"
)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A place name split into what to look up and what qualifies it."""

    text: str
    keys: tuple[str, ...]  # folded lookup keys, most literal first
    qualifier: str = ""  # "Lebanon" in "Tripoli, Lebanon"; "US" in "Georgia (US state)"
    qualifier_kinds: frozenset[PlaceKind] = frozenset()
    region_word: bool = False  # "Kursk region", "Washington state"
    modifier: str = ""  # "eastern" in "eastern Ukraine"


@dataclass(frozen=True, slots=True)
class Evidence:
    """How often each country (ISO alpha-2) and admin-1 region (GeoNames key) is named nearby."""

    countries: Mapping[str, int] = field(default_factory=dict)
    admin1: Mapping[str, int] = field(default_factory=dict)
    # (lat, lon) of the towns and counties named nearby: a candidate close to one of them is likelier
    points: tuple[tuple[float, float], ...] = ()


@functools.lru_cache(maxsize=65536)
def parse_query(query: str) -> ParsedQuery:
    """Split a written place name into lookup keys and qualifiers.

    >>> parse_query("Tripoli, Lebanon").qualifier
    'Lebanon'
    >>> parse_query("North Korea's").keys
    ('north korea',)
    >>> parse_query("northern Syria").keys
    ('northern syria', 'syria')
    >>> parse_query("the Kursk region").keys
    ('the kursk region', 'kursk region', 'kursk')
    """
    text = " ".join(query.split())
    if not fold(text):
        raise QueryError("empty place name")
    stripped = _POSSESSIVE.sub("", text)
    body = stripped
    qualifier = ""
    if m := re.match(r"^(.*?)\s*\(([^)]*)\)$", body):
        body, qualifier = m.group(1), m.group(2)
    elif m := re.match(r"^(?:the\s+)?([A-Z][^'’]*?)['’]s\s+(\S.*)$", body):
        # "Russia's Kursk region": the owner qualifies ("Martha's Vineyard" still matches whole)
        qualifier, body = m.group(1), m.group(2)
    elif "," in body:
        head, tail = body.rsplit(",", 1)
        if fold(head) and fold(tail):
            qualifier = tail.strip()
            body = head
    qualifier_kinds = set()
    if qualifier:
        words = qualifier.split()
        kinds = place_nouns().kinds
        qualifier_kinds = {kinds[w.lower()] for w in words if w.lower() in kinds}
        qualifier = " ".join(w for w in words if w.lower() not in kinds)
    keys = [fold(stripped), fold(body)]
    key = keys[-1]
    if key.startswith("the "):
        key = key[4:]
        keys.append(key)
    region_word = False
    if m := place_nouns().suffix_pattern.search(key):
        region_word = True
        key = key[: m.start()]
        keys.append(key)
    modifier = ""
    if m := direction_words().prefix.match(body.removeprefix("the ").removeprefix("The ")):
        modifier = m.group(0).strip().lower()
        keys.append(fold(key.split(" ", len(fold(modifier).split()))[-1]))
    keys.append(solid_key(body) or "")  # "Petion-Ville": Petionville
    unique = tuple(dict.fromkeys(k for k in keys if k))
    if not unique:
        raise QueryError(f"nothing to look up in {query!r}")
    return ParsedQuery(text, unique, qualifier, frozenset(qualifier_kinds), region_word, modifier)


def score_candidates(
    entries: Iterable[tuple[Place, int, str]],
    parsed: ParsedQuery,
    *,
    qualifier: Place | None = None,
    evidence: Evidence | None = None,
) -> list[Candidate]:
    """Rank ``(place, name_type, matched_key)`` entries, best first, each with its reasons."""
    entries = list(entries)
    # Regions named after their capital city: without a region word the writer means the city,
    # whatever GeoNames says of its population (Kherson: 66,000).
    city_regions = {p.admin1_code for p, _, _ in entries if p.kind is PlaceKind.CITY and p.admin1_code}
    ranked = []
    inside: list[bool] = []
    for place, name_type, key in entries:
        score = place.prior - WEIGHTS.name_penalty(name_type)
        reasons = [_describe(place)]
        if place.kind is PlaceKind.ADMIN1 and not parsed.region_word and place.admin1_code in city_regions:
            score -= WEIGHTS.namesake_penalty
            reasons.append("named after its capital city")
        if name_type == 2:
            reasons.append(f"alternate name '{key}'")
        if parsed.region_word and place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION):
            score += WEIGHTS.kind_hint_bonus
            reasons.append("region word")
        if parsed.qualifier_kinds and place.kind in parsed.qualifier_kinds:
            score += WEIGHTS.kind_hint_bonus
            reasons.append(f"qualifier kind {place.kind.value}")
        within = False
        if qualifier is not None and qualifier.id != place.id:
            if qualifier.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and qualifier.admin1_code and \
                    place.admin1_code == qualifier.admin1_code:
                score += WEIGHTS.qualifier_bonus
                within = True
            elif qualifier.country_code and place.country_code == qualifier.country_code:
                bonus = WEIGHTS.qualifier_bonus
                score += bonus if qualifier.kind is PlaceKind.COUNTRY else bonus / 2
                within = True
            if within:
                reasons.append(f"in {qualifier.name}")
        if evidence is not None:
            if n := evidence.countries.get(place.country_code, 0):
                score += WEIGHTS.context_country_bonus * _repetition(n)
                reasons.append(f"context names {place.country_code} x{n}")
            if place.admin1_code and (n := evidence.admin1.get(place.admin1_code, 0)):
                score += WEIGHTS.context_admin1_bonus * _repetition(n)
                reasons.append(f"context names its region x{n}")
            if evidence.points and place.kind in LOCAL_KINDS and name_type <= 1:
                # by its own name only: a city known also as "Delaware" is not that state for being near
                km = min(great_circle_km(place.lat, place.lon, lat, lon) for lat, lon in evidence.points)
                if km < WEIGHTS.context_near_km:
                    score += WEIGHTS.context_near_bonus * (1.0 - km / WEIGHTS.context_near_km)
                    reasons.append(f"{km:.0f} km from a place the context names")
        ranked.append(Candidate(place, round(score, 3), key, tuple(reasons)))
        inside.append(within)
    if any(inside):
        # "Tripoli, Lebanon": the writer's qualifier is a constraint, not a vote context can outweigh
        ranked = [c for c, ok in zip(ranked, inside, strict=True) if ok]
    ranked.sort(key=lambda c: (-c.score, -c.place.population, c.place.id))
    if ranked and ranked[0].place.kind in LOCAL_KINDS and qualifier is None:
        # "China", "Peru", "EU" named outright are the country or the bloc, whatever the context
        # says of China, Maine: a town outvotes them only when the writer qualifies it. So is a
        # first-order region against a village that only the country's context put first ("England"
        # in a story about Kentucky is not England, Arkansas, population 2,765), but not against a
        # city ("Washington" may be D.C.) or a village whose own region the story names.
        name_types = {p.id: t for p, t, _ in entries}
        top = ranked[0].place
        village = top.population < WEIGHTS.village_population and not (
            evidence is not None and top.admin1_code and evidence.admin1.get(top.admin1_code))
        outright = [c for c in ranked if name_types[c.place.id] <= 1 and (
            c.place.kind in OUTRIGHT_KINDS or (village and c.place.kind is PlaceKind.ADMIN1))]
        if outright:
            ranked.remove(outright[0])
            ranked.insert(0, outright[0])
    return ranked


EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _repetition(n: int) -> float:
    """1 for one mention, growing slowly with more, never above 2."""
    return min(2.0, 1.0 + math.log2(n) / 2)


def _describe(place: Place) -> str:
    if place.kind is PlaceKind.CITY:
        role = "capital, " if place.feature == "capital" else ""
        return f"{role}population {place.population:,}"
    return place.feature.lower() or place.kind.value if place.kind is not PlaceKind.COUNTRY else "country"


def context_ngrams(text: str, max_words: int = 4) -> list[str]:
    """Capitalised word runs of ``text`` and their sub-runs up to ``max_words`` words.

    >>> context_ngrams("Hezbollah fighters in North Lebanon")
    ['Hezbollah', 'North Lebanon', 'North', 'Lebanon']
    """
    out: list[str] = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        for n in range(min(max_words, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                out.append(_POSSESSIVE.sub("", " ".join(words[i:i + n])))
    return out
