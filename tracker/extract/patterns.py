"""Vocabulary and regular expressions for time expressions and cue phrases (German + English).

Month and weekday names are matched case-sensitively (they are capitalised in both languages),
which keeps the modal "may" and the article "Die" from ever looking like dates.
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

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "Montag Monday",
        "Dienstag Tuesday",
        "Mittwoch Wednesday",
        "Donnerstag Thursday",
        "Freitag Friday",
        "Samstag Sonnabend Saturday",
        "Sonntag Sunday",
    ]
):
    for _name in _names.split():
        WEEKDAYS[_name] = _number

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
WEEKDAY = rf"(?:{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})"

# --- absolute dates ------------------------------------------------------------------------
# Scanning is the expensive part, so each pattern starts with a cheap core (a digit, a month or
# weekday name, a unit word); cues before the core are matched afterwards on a short window that
# ends at the core ("..._BEFORE" patterns end with "$").
ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b(?!-\d)")
NUMERIC_DATE = re.compile(
    r"(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.(?:\s?(?P<year>(?:19|20)\d{2}))?(?!\d)"
)
SLASH_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?![\d/])")
MONTH_CORE = re.compile(rf"\b(?P<month>{MONTH})(?![\w])")
# A flat alternation of literals: the engine skips to its first letters (see timex_model.located).
MONTH_LOCATOR = re.compile("|".join([*_LONG_MONTHS, *(rf"{m}\." for m in _SHORT_MONTHS)]))
MONTH_DAY_TAIL = re.compile(
    r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<end>\d{1,2}))?"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?![\d.]\d)(?![\w])"
)
DAY_BEFORE = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?(?:\s*[-–]\s*(?P<end>\d{1,2})(?:st|nd|rd|th)?\.?)?"
    r"(?:\s+of)?\s*$"
)
YEAR_TAIL = re.compile(r",?\s+(?P<year>(?:19|20)\d{2})(?![\w-])")
MONTH_PRE = re.compile(
    r"(?P<pre>\b(?:(?:[Bb]is|[Bb]y|[Uu]ntil)\s+(?:[Ee]nde|Mitte|Anfang|[Mm]id-?|[Ee]arly|[Ll]ate)|"
    r"[Ee]nde|Mitte|Anfang|[Nn]och\s+im|[Ii]m"
    r"|[Ii]n|[Bb]y|[Uu]ntil|[Bb]is(?:\s+zum)?|[Ss]eit|[Ss]ince|[Vv]on|[Dd]uring|[Tt]hrough"
    r"|(?:by\s+)?the\s+(?:end|middle|beginning)\s+of|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Nn]ext))\s*$"
)
QUARTER_CORE = re.compile(r"\b(?:Quartals?|[Qq]uarter)\b|\bQ(?P<q>[1-4])\b")
QUARTER_LOCATOR = re.compile(r"Quartal|quarter|Quarter|Q[1-4]")
QUARTER_BEFORE = re.compile(
    r"(?P<pre>\b(?:[Bb]is\s+(?:[Ee]nde\s+)?(?:de[sm]\s+)?|[Ii]m\s+|[Bb]y\s+(?:the\s+end\s+of\s+)?"
    r"(?:the\s+)?|[Ii]n\s+(?:the\s+)?))?"
    r"(?P<word>ersten|zweiten|dritten|vierten|first|second|third|fourth|[1-4]\.)?\s*$"
)
QUARTER_YEAR_TAIL = re.compile(r"(?:\s+(?:of\s+)?|[ /])(?P<year>(?:19|20)\d{2})\b")
YEAR_DEADLINE = re.compile(r"20\d\d\b(?![-–/.]\d)")
YEAR_BEFORE = re.compile(
    r"\b(?P<pre>(?:[Bb]is|[Bb]y|[Uu]ntil|[Ss]pätestens|[Nn]o later than)\s+"
    r"(?:(?:[Ee]nde|the end of)\s+)?"
    r"(?:(?:des\s+Jahres|the\s+year|im\s+Jahr|(?:calendar|fiscal)\s+year)\s+)?)$"
)
YEAR_END = re.compile(r"ahresende|Jahres\b|year[- ]end|of\s+(?:the|this)\s+year")
YEAR_END_FULL = re.compile(
    r"\b(?:(?P<pre>[Bb]is|[Bb]y|[Uu]ntil|[Zz]um|[Aa]m|[Aa]t)\s+)?(?:(?:the\s+)?(?:[Jj]ahresende|"
    r"[Ee]nde\s+(?:des|dieses)\s+Jahres|end\s+of\s+(?:the|this)\s+year|year[- ]end))\b"
)
# "later this year", "noch in diesem Jahr": within the current year, due at its end.
THIS_YEAR_LOCATOR = re.compile(
    r"later\s+(?:this|in\s+the)\s+year|noch\s+(?:in\s+)?(?:diesem|dieses)\s+Jahr|"
    r"im\s+(?:Laufe|Verlauf)\s+(?:des|dieses)\s+Jahres|im\s+(?:weiteren\s+)?Jahresverlauf|"
    r"später\s+in\s+diesem\s+Jahr|before\s+the\s+end\s+of\s+(?:the|this)\s+year"
)
THIS_YEAR = re.compile(
    r"\b(?:later\s+(?:this|in\s+the)\s+year|noch\s+(?:in\s+)?(?:diesem|dieses)\s+Jahr(?:es)?|"
    r"im\s+(?:Laufe|Verlauf)\s+(?:des|dieses)\s+Jahres|im\s+(?:weiteren\s+)?Jahresverlauf|"
    r"später\s+in\s+diesem\s+Jahr|before\s+the\s+end\s+of\s+(?:the|this)\s+year)\b"
)
YEAR_TURN = re.compile(
    r"\b(?:[Jj]ahreswechsel|turn\s+of\s+the\s+year)\s+(?P<y1>(?:19|20)\d{2})\s*[-–/]\s*(?P<y2>(?:19|20)\d{2})\b"
)
# --- relative day references ---------------------------------------------------------------
WEEKDAY_CORE = re.compile(rf"(?P<weekday>{WEEKDAY})(?:s\b)?(?![\w])")
WEEKDAY_PRE = re.compile(
    r"(?P<pre>\b(?:[Aa]m\s+(?:kommenden\s+|nächsten\s+|vergangenen\s+|letzten\s+)?|[Ss]eit\s+|"
    r"[Bb]is\s+(?:spätestens\s+)?(?:zum\s+)?(?:kommenden\s+|nächsten\s+)?|[Vv]om\s+|[Ee]arly\s+on\s+|[Ll]ate\s+on\s+|"
    r"(?:[Oo]n|[Bb]y|[Uu]ntil|[Ss]ince)\s+(?:next\s+|last\s+)?|[Nn]ext\s+|[Ll]ast\s+|"
    r"(?:für\s+)?den\s+(?:heutigen\s+|kommenden\s+|nächsten\s+)?|[Hh]eute,?\s+))$"
)
WEEKDAY_RANGE_TAIL = re.compile(rf"^\s*(?:through|to|bis|[-–])\s*{WEEKDAY}")
WEEKDAY_RANGE_HEAD = re.compile(rf"{WEEKDAY}\s*(?:through|to|bis|[-–])\s*$")
WEEKDAY_OF_DATE = re.compile(rf"^,?\s+(?:de[nm]\s+)?(?:\d|{MONTH})")
TODAY_LOCATOR = re.compile(r"heut|Heut|today|Today|tonight|Tonight")
YESTERDAY_LOCATOR = re.compile(r"estern|esterday")
LAST_MONTH_LOCATOR = re.compile(r"(?:ast|ergangenen|etzten|origen)\s+(?:month|Monat)")
TODAY = re.compile(r"\b(?:[Hh]eute|[Tt]oday|[Tt]onight|[Hh]eutigen?)\b")
YESTERDAY = re.compile(r"\b(?:[Gg]estern|[Yy]esterday)\b")
LAST_MONTH = re.compile(
    r"\b(?:[Ll]ast\s+month|(?:im\s+)?(?:[Vv]ergangenen|[Ll]etzten|[Vv]origen)\s+Monat)\b"
)

# --- durations -----------------------------------------------------------------------------
UNIT_DE = (
    r"(?:Kalender|Werk|Arbeits|Geschäfts)?(?:tagen|tage|tag)|(?:Tagen|Tage|Tag|Wochen|Woche|Monaten|Monate|"
    r"Monat|Jahren|Jahre|Jahr)"
)
UNIT_EN = (
    r"(?:(?:[Cc]alendar|[Bb]usiness|[Ww]orking)\s+)?(?:[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?)"
)
# Case-sensitive on purpose: German units are capitalised, and it keeps the scan fast.
# (Grouped by first letter: ag|oche|onat|ahr|ay|eek|onth|ear; at most one fits at a position.)
UNIT_LOCATOR = re.compile(r"(?:a(?:g|hr|y)|o(?:che|nat|nth)|e(?:ek|ar))(?:en|e|n|s)?\b(?![-‑])")
UNIT_WORD = re.compile(rf"(?:{UNIT_DE}|{UNIT_EN})")
COMPOUND_NOUNS_DE = (
    r"Aktionsplan|Aktionsplans|Plan|Frist|Übergangsfrist|Überprüfung|Prüfung|Pause|Zollpause|"
    r"Aussetzung|Moratorium|Waffenruhe|Bericht|Konsultation|Konsultationsfrist|Zeitplan"
)
COMPOUND_NOUNS_EN = (
    r"action\s+plan|plan|review|pause|truce|suspension|moratorium|deadline|(?:comment\s+)?period|"
    r"window|report|study|assessment|extension|reprieve|timeline|consultation"
)
COMPOUND_CORE = re.compile(
    rf"[-‑](?P<unit>Tage|Wochen|Monats|Monate|Jahres)[-‑](?P<noun>{COMPOUND_NOUNS_DE})(?![\w])"
    rf"|[-‑](?P<unit_en>day|week|month|year)\s+(?:[a-z]+\s+)?(?P<noun_en>{COMPOUND_NOUNS_EN})\b",
    re.IGNORECASE,
)

# Cue phrases that may stand right before a duration's number (matched at the end of the prefix).
DURATION_CUE = re.compile(
    r"(?P<cue>innerhalb\s+(?:von\s+|der\s+(?:nächsten|kommenden)\s+)?|binnen\s+|"
    r"in\s+den\s+(?:nächsten|kommenden|folgenden)\s+|in\s+|spätestens\s+(?:nach\s+|in\s+)?|nach\s+|"
    r"für\s+(?:weitere\s+|die\s+(?:nächsten|ersten|kommenden)\s+)?|um\s+(?:weitere\s+)?|"
    r"weitere\s+|within\s+(?:the\s+next\s+)?|no\s+later\s+than\s+|not\s+later\s+than\s+|"
    r"(?:in|over|during)\s+the\s+(?:next|coming|following)\s+|in\s+|after\s+|"
    r"for\s+(?:another\s+|an\s+additional\s+|a\s+further\s+|the\s+(?:first|next)\s+)?|"
    r"by\s+(?:another\s+|an\s+additional\s+)?|another\s+|an\s+additional\s+|over\s+)"
    r"(?P<approx>(?:etwa|ungefähr|rund|circa|ca\.|about|around|roughly|approximately|some)\s+)?$",
    re.IGNORECASE,
)
APPROX_AFTER = re.compile(r"^\s+(?:or\s+so|oder\s+so)\b", re.IGNORECASE)
APPROX_BEFORE = re.compile(r"(?:etwa|ungefähr|rund|circa|about|around|roughly)\s+$", re.IGNORECASE)
REF_AFTER = re.compile(
    r"^\s*(?P<link>of|after|from|following|nach|ab|seit|folgenden)\s+(?!now\b|jetzt\b)(?P<ref>[^.;:!?,]{0,160})",
    re.IGNORECASE,
)
AGO = re.compile(r"^\s+ago\b", re.IGNORECASE)

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
# Tense signals near a date without a year: the closest one decides (see Context.direction).
TENSE_FUTURE = re.compile(
    r"\b(?:(?:will|shall|would|is\s+to|are\s+to)(?:\s+not)?\s+be\s+\w+|will|shall|would|wird|werden|werde|würde|würden|soll|sollen|solle|sollte|sollten|"
    r"planned|geplant\w*|scheduled|expected|erwartet|takes?\s+effect|expires?|ends|endet|beginnt|"
    r"begins|starts|fällig|due|kommenden|nächsten|next|coming|upcoming|künftig|tritt|treten)\b",
    re.IGNORECASE,
)
TENSE_PAST = re.compile(
    r"\b(?:hatte|hatten|war|waren|wurde|wurden|had|was|were|last|letzten|vergangenen|ago|earlier|"
    r"zuvor|bereits|already|seit|since|ended|endete|reached|erreicht|signed|unterzeichnet\w*|"
    r"announced|angekündigt|kündigte\w*|described|issued|published|veröffentlicht|said|sagte|held|"
    r"took|launched|began|begann|met|trafen|hat|haben|has|have|agreed|decided|approved|adopted|"
    r"imposed|raised|extended|delayed|postponed|confirmed|declared|introduced|completed|"
    r"finali[sz]ed|concluded|proclaimed|ordered|unveiled|released|stated|reported|told|"
    r"beschloss\w*|einigten|verkündete\w*|erklärte\w*|teilte\w*)\b",
    re.IGNORECASE,
)

FUTURE_CUE = re.compile(
    r"\b(?:will|shall|wird|werden|werde|soll|sollen|solle|bis|by|until|ab|from|starting|"
    r"no\s+later|not\s+later|spätestens|kommenden|nächsten|next|coming|planned|geplant\w*|"
    r"scheduled|due|deadline|Frist|effective|noch)\b",
    re.IGNORECASE,
)
PAST_CUE = re.compile(
    r"\b(?:hatte|hatten|war|waren|wurde|wurden|had|was|were|last|letzten|vergangenen|"
    r"ago|earlier|zuvor|bereits|already|ended|endete|reached|erreicht|signed|unterzeichnet\w*|"
    r"announced|angekündigt|described|issued|published|veröffentlicht)\b",
    re.IGNORECASE,
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
