"""Name folding: the one key both the builder and the queries use.

>>> fold("P'yŏngyang")
'pyongyang'
>>> fold("Wŏnsan")
'wonsan'
>>> fold("Indo-Pacific")
'indo pacific'
>>> fold("U.S.")
'us'
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters that Unicode decomposition leaves alone.
_LETTERS = str.maketrans({
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "ß": "ss", "ı": "i", "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t",
})
# Apostrophes and modifier letters vanish ("P'yŏngyang", "Kharkiv's" handled by callers).
_DROP = re.compile(r"['’‘`ʼʻʹ′´.]")
_SPACE = re.compile(r"[\s\-‐‑‒–—_/,;:()\[\]\"“”]+")
_ASCII_NAME = re.compile(r"^[a-z0-9 &]+$")


def fold(name: str) -> str:
    """Return the lookup key of ``name``: lower case, no diacritics, no apostrophes or dots,
    hyphens and punctuation as single spaces."""
    if name.isascii():  # most English text: no decomposition needed
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def solid_key(name: str) -> str | None:
    """The lookup key of a hyphenated name written solid ("Petion-Ville": "petionville"), which
    transliterations often do; None for a name with no hyphen.

    >>> solid_key("Pétion-Ville"), solid_key("Gaza City")
    ('petionville', None)
    """
    return fold(name.replace("-", "")) if "-" in name else None


def is_latin_key(key: str) -> bool:
    """True when a folded key is plain Latin script, the only kind English text can match."""
    return bool(_ASCII_NAME.match(key))


def is_dotted(name: str) -> bool:
    """A dotted abbreviation news uses for a region ("Ky.", "B.C.", "Wash."): kept although short."""
    letters = name.replace(".", "")
    return "." in name and 2 <= len(letters) <= 5 and letters.isalpha() and name[0].isupper()
