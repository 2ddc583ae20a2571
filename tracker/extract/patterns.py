"""Vocabulary of the rules (German + English): clause signals (past, counterfactual, forecast,
retroactive), speech verbs, and the capitalised month names the metadata reads datelines with.

The vocabulary of time expressions themselves is in `tracker.extract.dates.vocab`.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "Januar Jänner January Jan",
        "Februar February Feb",
        "März Maerz March Mär Mar",
        "April Apr",
        "Mai May",
        "Juni June Jun",
        "Juli July Jul",
        "August Aug",
        "September Sept Sep",
        "Oktober October Okt Oct",
        "November Nov",
        "Dezember December Dez Dec",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_ABBREVIATIONS = {
    "Jan",
    "Feb",
    "Mär",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Okt",
    "Oct",
    "Nov",
    "Dez",
    "Dec",
}
_LONG_MONTHS = sorted((m for m in MONTHS if m not in _ABBREVIATIONS), key=len, reverse=True)
_SHORT_MONTHS = sorted((m for m in MONTHS if m not in _LONG_MONTHS), key=len, reverse=True)
MONTH = rf"(?:{'|'.join(_LONG_MONTHS)}|(?:{'|'.join(_SHORT_MONTHS)})\.)"

# --- sentence context ----------------------------------------------------------------------
PAST_AUX = re.compile(r"\b(?:wurde|wurden|war|waren|hatte|hatten|was|were|had)\b", re.IGNORECASE)
COUNTERFACTUAL = re.compile(
    r"\b(?:wäre|wären|hätte|hätten|would\s+have|could\s+have|had\s+been\s+(?:due|scheduled|set|"
    r"expected|planned)|was\s+originally\s+(?:due|scheduled|set)\s+to|"
    r"had\s+(?:originally\s+|initially\s+)?(?:planned|intended|hoped|wanted|expected)\s+to|"
    r"hatten?\s+(?:ursprünglich\s+|eigentlich\s+)?(?:geplant|vorgesehen|beabsichtigt))\b",
    re.IGNORECASE,
)
# Forecasts ("demand will multiply by 2030") are not commitments: a market quantity that grows.
FORECAST_SUBJECT = re.compile(
    r"\b(?:demand|Nachfrage|prices?|Preise?|market|Markt|consumption|Verbrauch|output|supply|"
    r"Angebot|sales|Absatz|Umsatz|revenue)\b",
    re.IGNORECASE,
)
FORECAST_VERB = re.compile(
    r"\b(?:grow|grows|rise|rises|increase|increases|multiply|double|triple|expand|fall|decline|"
    r"wachsen|wächst|steigen|steigt|verdoppeln|verdreifachen|zunehmen|sinken|fallen)\w*",
    re.IGNORECASE,
)
RETROACTIVE = re.compile(
    r"\b(?:rückwirkend|retroactive(?:ly)?|mit\s+Wirkung\s+vom|with\s+retroactive)\b", re.IGNORECASE
)
# Literal stems of speech verbs ("sagte", "said"): a cheap test before the attribution regexes.
SPEECH_STEMS = (
    "sagt",
    "erklär",
    "beton",
    "meint",
    "hieß",
    "heißt",
    "ergänz",
    "unterstrich",
    "teilte",
    "fügte",
    "said",
    "says",
    "stated",
    "told",
    "added",
    "noted",
    "explained",
)


def has_any(text: str, needles: tuple[str, ...]) -> bool:
    """Tell whether any literal needle occurs in `text` (a fast pre-check before a regex)."""
    return any(map(text.__contains__, needles))
