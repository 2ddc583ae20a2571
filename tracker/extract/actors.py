"""A small gazetteer of actors: aliases in German and English mapped to canonical English names.

Kept free of heavy imports: the store calls `canonical_actor` for `--actor Mexiko`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

GAZETTEER: dict[str, tuple[str, ...]] = {
    "United States": (
        "United States",
        "United States of America",
        "USA",
        "U.S.A.",
        "US",
        "U.S.",
        "America",
        "Vereinigte Staaten",
        "Vereinigten Staaten",
        "Vereinigten Staaten von Amerika",
        "Washington",
        "Trump administration",
        "White House",
        "Weißes Haus",
        "Weißen Haus",
        "Weisses Haus",
    ),
    "European Union": (
        "European Union",
        "EU",
        "Europäische Union",
        "Europäischen Union",
        "Brussels",
        "Brüssel",
    ),
    "European Commission": (
        "European Commission",
        "EU Commission",
        "EU-Kommission",
        "Europäische Kommission",
        "Europäischen Kommission",
        "Commission",
        "Kommission",
    ),
    "Mexico": ("Mexico", "Mexiko"),
    "Canada": ("Canada", "Kanada", "Ottawa"),
    "Japan": ("Japan", "Tokyo", "Tokio"),
    "China": (
        "China",
        "PRC",
        "People's Republic of China",
        "Volksrepublik China",
        "Peking",
        "Beijing",
    ),
    "Australia": ("Australia", "Australien", "Canberra"),
    "Germany": ("Germany", "Deutschland", "Bundesregierung", "German government", "Berlin"),
    "United Kingdom": (
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Großbritannien",
        "Vereinigtes Königreich",
    ),
    "France": ("France", "Frankreich"),
    "India": ("India", "Indien"),
    "South Korea": ("South Korea", "Südkorea", "Korea"),
    "USTR": (
        "USTR",
        "U.S. Trade Representative",
        "US Trade Representative",
        "United States Trade Representative",
        "Office of the United States Trade Representative",
        "US-Handelsbeauftragte",
        "US-Handelsbeauftragter",
        "Handelsbeauftragte",
        "Handelsbeauftragter",
    ),
    "Commerce": (
        "Commerce",
        "Department of Commerce",
        "U.S. Department of Commerce",
        "Commerce Department",
        "Secretary of Commerce",
        "US-Handelsministerium",
        "Handelsministerium",
    ),
    "BIS": ("BIS", "Bureau of Industry and Security"),
    "USGS": ("USGS", "U.S. Geological Survey", "US Geological Survey"),
    "Department of the Interior": (
        "Department of the Interior",
        "Secretary of the Interior",
        "Interior",
    ),
    "President of the United States": (
        "the President",
        "President Trump",
        "Donald Trump",
        "Trump",
        "US-Präsident",
    ),
    "China Commerce Ministry": (
        "China's Commerce Ministry",
        "China’s Commerce Ministry",
        "chinesische Handelsministerium",
    ),
    "Council of the EU": (
        "Council of the EU",
        "Council of the European Union",
        "EU-Rat",
        "Rat der EU",
    ),
    "European Parliament": ("European Parliament", "Europäisches Parlament", "EU-Parlament"),
    "ZVEI": ("ZVEI",),
    "VDA": ("VDA", "Automobilverband", "Verband der Automobilindustrie"),
    "interested parties": (
        "interested parties",
        "interested persons",
        "the public",
        "Interessierte",
    ),
    "project promoters": ("project promoters", "promoters", "Projektträger"),
    "importers": ("importers", "Importeure", "Unternehmen"),
}

# Aliases that are ordinary words too: only matched with their exact capitalisation.
_CASE_SENSITIVE = frozenset(
    {
        "US",
        "EU",
        "UK",
        "BIS",
        "Commerce",
        "Interior",
        "Commission",
        "Kommission",
        "America",
        "Washington",
        "Berlin",
        "Korea",
        "Unternehmen",
    }
)


@cache
def _alias_index() -> dict[str, str]:
    return {
        alias.lower(): name for name, aliases in GAZETTEER.items() for alias in (name, *aliases)
    }


def canonical_actor(name: str) -> str:
    """Map an alias (any case) to its canonical English name; unknown names are title-cased."""
    cleaned = " ".join(name.split())
    found = _alias_index().get(cleaned.lower())
    if found is not None:
        return found
    return (
        cleaned.title()
        if cleaned.islower() or (cleaned.isupper() and len(cleaned) > 4)
        else cleaned
    )


@cache
def _actor_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    aliases = sorted({a for n, al in GAZETTEER.items() for a in (n, *al)}, key=len, reverse=True)
    sensitive = [re.escape(a) for a in aliases if a in _CASE_SENSITIVE]
    insensitive = [re.escape(a) for a in aliases if a not in _CASE_SENSITIVE]
    boundary = r"(?<![\w-])(?:{})(?![\w])"
    return (
        re.compile(boundary.format("|".join(insensitive)), re.IGNORECASE),
        re.compile(
            boundary.format("|".join(sensitive)).replace(r"(?![\w])", r"(?![\w]|-[a-zäöü]|-Dollar)")
        ),
    )


@lru_cache(maxsize=256)
def find_actors(text: str) -> list[str]:
    """Return the canonical actors named in `text`, in order of first mention, once each."""
    hits: list[tuple[int, int, str]] = []
    for pattern in _actor_patterns():
        hits.extend(
            (m.start(), m.end() - m.start(), canonical_actor(m.group(0)))
            for m in pattern.finditer(text)
        )
    seen: dict[str, None] = {}
    covered_until = -1
    for start, length, name in sorted(hits, key=lambda h: (h[0], -h[1])):
        if start < covered_until:
            continue
        covered_until = start + length
        seen.setdefault(name, None)
    return list(seen)
