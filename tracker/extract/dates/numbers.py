"""Number words in German and English (enough for durations in policy texts)."""

from __future__ import annotations

import re

_UNITS = {
    "null": 0,
    "zero": 0,
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "one": 1,
    "a": 1,
    "an": 1,
    "zwei": 2,
    "two": 2,
    "drei": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "fünf": 5,
    "five": 5,
    "sechs": 6,
    "six": 6,
    "sieben": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "neun": 9,
    "nine": 9,
    "zehn": 10,
    "ten": 10,
    "elf": 11,
    "eleven": 11,
    "zwölf": 12,
    "twelve": 12,
    "dreizehn": 13,
    "thirteen": 13,
    "vierzehn": 14,
    "fourteen": 14,
    "fünfzehn": 15,
    "fifteen": 15,
    "sechzehn": 16,
    "sixteen": 16,
    "siebzehn": 17,
    "seventeen": 17,
    "achtzehn": 18,
    "eighteen": 18,
    "neunzehn": 19,
    "nineteen": 19,
}
_TENS = {
    "zwanzig": 20,
    "twenty": 20,
    "dreißig": 30,
    "dreissig": 30,
    "thirty": 30,
    "vierzig": 40,
    "forty": 40,
    "fünfzig": 50,
    "fifty": 50,
    "sechzig": 60,
    "sixty": 60,
    "siebzig": 70,
    "seventy": 70,
    "achtzig": 80,
    "eighty": 80,
    "neunzig": 90,
    "ninety": 90,
}
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "a", "an", "one"})
_HUNDRED = {"hundert": 100, "hundred": 100, "einhundert": 100, "one hundred": 100}

# Longest first so that "sechzehn" wins over "sechs" in the alternation.
_WORDS = sorted([*_UNITS, *_TENS, "hundert", "hundred", "einhundert"], key=len, reverse=True)
_SIMPLE = "|".join(w for w in _WORDS if w not in {"a", "an"})
NUMBER_WORD = rf"(?:(?:{_SIMPLE})(?:[- ]?(?:und)?(?:{_SIMPLE}))*(?:[- ](?:{_SIMPLE}))?|\d{{1,4}})"
_SHAPE = re.compile(rf"(?:{_SIMPLE})(?:(?:und|and|[\s-])*(?:{_SIMPLE}))*")
_TOKEN = re.compile(rf"{_SIMPLE}|\d+", re.IGNORECASE)


def parse_number(word: str) -> int | None:
    """Return the value of a number written in digits or German/English words, else None."""
    text = word.strip().lower().replace("dreissig", "dreißig")
    if text.isdecimal():  # not isdigit: "²" is a digit that int() refuses
        return int(text)
    if text in _UNITS:
        return _UNITS[text]
    if not _SHAPE.fullmatch(text):
        return None  # fast rejection of ordinary words
    return _parse_compound(text)


def _parse_compound(text: str) -> int | None:
    """Sum hundreds, tens and units ("hundertachtzig", "twenty-one", "einundzwanzig")."""
    matches = list(_TOKEN.finditer(text))
    tokens = [t.group(0) for t in matches]
    residue = _TOKEN.sub("", text)
    if not tokens or re.sub(r"und|and|[\s-]", "", residue):
        return None
    if len(tokens) > 1 and any(t.isdigit() for t in tokens):
        return None  # "einen 60" is an article and a number, not sixty-one
    gap = text[matches[0].end() : matches[1].start()] if len(matches) > 1 else ""
    if tokens[0] in _ARTICLES and len(tokens) > 1 and tokens[1] not in _HUNDRED and gap != "und":
        return None
    total = current = 0
    for token in tokens:
        if token in _HUNDRED:
            total += max(current, 1) * 100
            current = 0
        elif token.isdigit():
            current += int(token)
        else:
            current += _TENS.get(token, _UNITS.get(token, 0))
    return total + current


# Amounts that are not plain numbers: halves, and the vague "a few" (read as Duckling does).
_VAGUE = {
    "paar": 2, "ein paar": 2, "a couple of": 2, "couple of": 2, "a couple": 2,
    "few": 3, "a few": 3, "several": 3, "einige": 3, "einigen": 3, "mehrere": 3, "mehreren": 3,
    "wenige": 3, "wenigen": 3,
}  # fmt: skip
VAGUE_AMOUNTS = frozenset(_VAGUE)
_HALVES = {"anderthalb": 1.5, "eineinhalb": 1.5, "one and a half": 1.5, "a half": 0.5, "half": 0.5}
_AND_A_HALF = re.compile(r"^(?P<n>\w+?)(?:einhalb|\s+and\s+a\s+half)$")
AMOUNT = (
    rf"(?:\d+(?:[.,]\d+)?|\d/\d|{NUMBER_WORD}|a\s+couple\s+of|couple\s+of|ein\s+paar|paar|a\s+few|"
    r"few|several|einige[n]?|mehrere[n]?|wenige[n]?|anderthalb|\w+einhalb|one\s+and\s+a\s+half|"
    r"an?|one|ein(?:e[nmr]?)?)"
)


def parse_amount(word: str) -> float | None:
    """Return an amount in digits, words, halves or fractions ("2,5", "1/2", "anderthalb",
    "zweieinhalb", "a few" = 3), else None."""
    text = " ".join(word.lower().split())
    if text in _VAGUE:
        return _VAGUE[text]
    if text in _HALVES:
        return _HALVES[text]
    if re.fullmatch(r"\d+[.,]\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d/\d", text):
        numerator, denominator = map(int, text.split("/"))
        return numerator / denominator if denominator else None
    half = _AND_A_HALF.match(text)
    if half and (whole := parse_number(half["n"])) is not None:
        return whole + 0.5
    number = parse_number(text)
    return float(number) if number is not None else None
