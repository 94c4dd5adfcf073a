"""Escape untrusted article text for every place folium puts it.

One escaped string must be inert in four contexts at once, because folium moves the same text
through all of them:

- HTML text and attribute values (popups, tooltips, the legend): ``html.escape`` handles ``<>&"'``;
- JavaScript template literals (folium's popup code): backtick, ``$`` and backslash become HTML
  entities, so the text cannot end the literal or open ``${...}``;
- JavaScript and JSON string literals (GeoJSON layer data): no quote, backslash or raw line break
  survives (line and paragraph separators and other control characters become numeric entities);
- **Jinja template source**: branca's ``MacroElement.render`` compiles each element's rendered
  output as a new template, so ``{{ ... }}``, ``{% ... %}`` and ``{# ... #}`` in article text would
  be evaluated. ``{``, ``}`` and ``%`` become entities, so no template delimiter can be formed.

Entities display as the characters they stand for, so the reader sees the text exactly as written.
"""

from __future__ import annotations

import html

_EXTRA = {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;", "%": "&#37;"}
# C0 controls (tab kept), DEL, C1 controls and the two Unicode line breaks JavaScript treats as such
_CONTROLS = {c: f"&#{c};" for c in [*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]}
# a lone surrogate (an undecodable byte of a file name) cannot be written as UTF-8 at all
_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")
_TABLE = str.maketrans({**{ord(k): v for k, v in _EXTRA.items()}, **_CONTROLS, **_SURROGATES})


def escape(text: object) -> str:
    """HTML-, JavaScript-string-, template-literal- and Jinja-safe text; None becomes ``""``.

    >>> escape("<img src=x onerror=alert(1)> ${x} `y`")
    '&lt;img src=x onerror=alert(1)&gt; &#36;&#123;x&#125; &#96;y&#96;'
    >>> escape("{{7*7}} {% raw %}")
    '&#123;&#123;7*7&#125;&#125; &#123;&#37; raw &#37;&#125;'
    """
    if text is None:
        return ""
    return html.escape(str(text), quote=True).translate(_TABLE)
