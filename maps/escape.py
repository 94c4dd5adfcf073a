"""Escape untrusted article text for where folium puts it.

folium writes popup and tooltip HTML into a JavaScript template literal, so text must be safe
both as HTML and inside backticks: ``html.escape`` handles ``<>&"'``, and backtick, ``$`` and
backslash become HTML entities too (they display the same, and cannot end the literal or start
``${...}``).
"""

from __future__ import annotations

import html

_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def escape(text: object) -> str:
    """HTML- and template-literal-safe text; None becomes an empty string.

    >>> escape("<img src=x onerror=alert(1)> ${x} `y`")
    '&lt;img src=x onerror=alert(1)&gt; &#36;{x} &#96;y&#96;'
    """
    if text is None:
        return ""
    return html.escape(str(text), quote=True).translate(_EXTRA)
