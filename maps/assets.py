"""Make a folium page self-contained: every CDN script and stylesheet is replaced by its content,
taken at render time from the installed ``folium-offline`` package (never copied into this repo).
"""

from __future__ import annotations

import functools
import re

from conflictmap.gazetteer.errors import ConflictmapError

# What the map uses; folium's other defaults (Bootstrap, Font Awesome, glyphicons, awesome markers)
# style nothing we draw and would pull web fonts from the network.
KEEP_JS = ("leaflet", "jquery")
KEEP_CSS = ("leaflet_css",)
_SCRIPT = re.compile(r'<script src="(?P<url>https?://[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<url>https?://[^"]+)"\s*/?>')
_CSS_URL = re.compile(r"url\((?!['\"]?data:)[^)]*\)")


class MissingAsset(ConflictmapError, LookupError):
    """A CDN resource the page needs that the installed asset package does not carry."""


@functools.cache
def resources() -> dict[str, str]:
    """CDN URL -> file content, from folium-offline."""
    from offlinefolium import elements

    return dict(elements._res)


def trim_defaults(fmap: object) -> None:
    """Drop folium's default assets that the map does not use."""
    fmap.default_js = [(n, u) for n, u in fmap.default_js if n in KEEP_JS]  # type: ignore[attr-defined]
    fmap.default_css = [(n, u) for n, u in fmap.default_css if n in KEEP_CSS]  # type: ignore[attr-defined]


def inline(html: str) -> str:
    """Replace every ``<script src=…>`` and stylesheet link to a URL with the resource inline.

    Raises :class:`MissingAsset` rather than leave a network reference behind.
    """
    res = resources()

    def script(m: re.Match[str]) -> str:
        body = _lookup(res, m.group("url"))
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    def stylesheet(m: re.Match[str]) -> str:
        body = _CSS_URL.sub("none", _lookup(res, m.group("url")))  # images/fonts would be fetched
        return "<style>" + body.replace("</style", "<\\/style") + "</style>"

    html = _SCRIPT.sub(script, html)
    return _STYLESHEET.sub(stylesheet, html)


def _lookup(res: dict[str, str], url: str) -> str:
    try:
        return res[url]
    except KeyError:
        raise MissingAsset(f"no offline copy of {url}; use --cdn or install a folium-offline matching folium") from None
