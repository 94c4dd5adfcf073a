"""Every number that ranks places, in one typed, frozen structure.

``WEIGHTS.priors`` are stored in the database at build time (each place's ``prior``); the rest
apply when a name is resolved. The digest of the priors, with that of the curated data files
(:func:`conflictmap.gazetteer.build.inputs_digest`), goes into the gazetteer's metadata, so a
gazetteer built with other priors or curated rows is rebuilt (the default one) or refused (an
explicit path) on open, never used with stale numbers or names.

One scale for everything: a country named outright outranks any town; a town's prior is the
log10 of its people; bonuses are what the query or its context says.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Priors:
    """Context-free importance by kind (see :func:`conflictmap.gazetteer.sources.prior`)."""

    country: float = 10.0
    continent: float = 9.0
    area: float = 8.5  # seas, landmarks, curated regions
    capital_bonus: float = 2.0  # two orders of magnitude of people: "Washington" is the capital
    admin1_floor: float = 5.0  # a first-order region scores like a city of 100,000 ...
    admin1_cap: float = 6.5  # ... or, with the people of its towns, up to a city of ~3 million
    admin2_cap: float = 4.5  # a county or district stays below the towns it is named after
    division_offset: float = 0.5  # a division's people count a little less than a town's
    natural_earth_unit: float = 4.0  # a Natural Earth admin-0 unit that is not a country

    def digest(self) -> str:
        """A short hash of these numbers, stored in the gazetteer's metadata."""
        text = json.dumps(dataclasses.asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Weights:
    priors: Priors = field(default_factory=Priors)
    # name types: 0 primary, 1 official or curated, 2 GeoNames alternate, 3 dotted abbreviation ("Ky.")
    name_type_penalty: tuple[float, ...] = (0.0, 0.25, 1.5, 0.25)
    unknown_name_type_penalty: float = 1.0
    qualifier_bonus: float = 6.0  # "Tripoli, Lebanon": the writer told us; outweighs any population gap
    kind_hint_bonus: float = 3.0  # "Georgia (US state)", "Tver region"
    namesake_penalty: float = 1.5  # a region named after its capital yields to the city
    context_country_bonus: float = 3.0  # per the first mention; grows with repetition, at most doubled
    context_admin1_bonus: float = 3.0
    # a town or county within this many km of a town or county the rest of the document names
    # confidently gains up to context_near_bonus (all of it at 0 km, none at context_near_km)
    context_near_km: float = 100.0
    context_near_bonus: float = 2.0
    village_population: int = 10_000  # a village yields to a first-order region named outright
    # resolution and recognition in documents
    notable_prior: float = 5.0  # recognised whatever the model called it (a region, a city of 100,000)
    town_prior: float = 4.0  # a town of 10,000, or any region or country: enough after a place preposition
    context_city_prior: float = 6.0  # a city of a million: naming it names its country as context
    dateline_city_prior: float = 5.0  # a dateline names a city of 100,000 (any city its qualifier confirms)
    confident_margin: float = 2.0  # a name votes as context when it leads its runner-up by this much
    demonym_score: float = 8.0  # a nationality word: above any town without context, below a country
    qualified_score: float = 8.0  # a dateline city whose qualifier makes it score this much

    def name_penalty(self, name_type: int) -> float:
        if 0 <= name_type < len(self.name_type_penalty):
            return self.name_type_penalty[name_type]
        return self.unknown_name_type_penalty


WEIGHTS = Weights()
