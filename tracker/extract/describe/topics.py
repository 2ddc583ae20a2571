"""Topic terms of a passage: what a commitment or a change statement is about, for matching
one against the other across texts and languages (pure).

Three kinds of term, each a string with a prefix so they never collide:
- `c:` a concept of the bilingual deliverable lexicon (`c:tariff` for "Zölle", "duties",
  "tariffs"); German compounds count by their parts ("Einfuhrzolls" is `c:tariff`);
- `n:` a number that is not part of a date ("50 Prozent", "50%", "Section 232");
- `w:` the stem of any other content word (its first six letters, lower case), which matches
  within a language ("Mikroplastik" against "Mikroplastik", "microplastics" against itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tracker.extract.describe.keys import DELIVERABLES

# Concepts beyond the deliverables that change statements and commitments share.
_EXTRA_CONCEPTS: tuple[tuple[str, str], ...] = (
    (r"[Ee]infuhr\w*|[Ii]mport\w*", "import"),
    (r"[Aa]usfuhr\w*|[Ee]xport\w*", "export"),
    (r"[Ss]tahl\w*|steel", "steel"),
    (r"[Aa]luminium\w*|alumin\w+", "aluminium"),
    (r"[Uu]ran\b|[Uu]ranium", "uranium"),
    (r"[Aa]utos?\b|[Aa]utomobil\w*|[Ff]ahrzeug\w*|cars?\b|vehicles?|automotive", "cars"),
    (r"\bEU\b|European Union|Europäische\w* Union|EU-\w+", "eu"),
    (r"[Cc]hina|[Cc]hinese|[Cc]hinesisch\w*", "china"),
    (r"[Mm]exi\w+", "mexico"),
    (r"[Kk]anad\w+|Canad\w+", "canada"),
    (r"[Mm]ineral\w*|[Rr]ohstoff\w*", "minerals"),
    (r"[Rr]egistr\w+", "registration"),
    (r"[Ss]chriftlich\w*|written", "written"),
    (
        r"[Gg]egenzoll\w*|[Gg]egenzölle|countermeasures?|[Gg]egenmaßnahmen|retaliat\w+",
        "retaliation",
    ),
    (r"reziprok\w*|reciprocal", "reciprocal"),
)
_STOP_WORDS = """
    about above after again against along also although among another because been before
    being below between both could during each either every first from further having here
    however including into itself later least might more most much must near next other over
    said same shall should since some still such than that their them then there these they
    this those through today under until upon very were what when where whether which while
    will with within without would year years month months week weeks days notice
    aber alle allem allen aller alles also andere anderen auch bereits beim bisher bitte damit
    dann darauf darum dass dazu denn deren derzeit diese diesem diesen dieser dieses doch durch
    eine einem einen einer eines etwa gegen heute hier hatte hatten habe haben immer jetzt
    kann kein keine können machen mehr muss müssen nach noch nun oder ohne schon sehr seien
    sein seine seinem seinen seiner seit sich sind soll sollen sollte sowie über unter viele
    vom von vor wegen weil weiter wenn werden wieder will wird wurde wurden zwischen sagte
    heißt"""
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[^\W\d_][\w-]{3,}")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,4})(?:[.,]\d+)?(?:\s?(?:%|Prozent|percent)|(?![\d.,]))")


@cache
def _concepts() -> tuple[tuple[re.Pattern[str], str], ...]:
    table = (*DELIVERABLES, *_EXTRA_CONCEPTS)
    return tuple((re.compile(pattern), key) for pattern, key in table)


def topic_terms(text: str, *, skip: Iterable[tuple[int, int]] = ()) -> frozenset[str]:
    """The topic terms of `text`; the `skip` spans (its dates, say) give no numbers or words."""
    blanked = _blank(text, skip)
    terms = {f"c:{key}" for pattern, key in _concepts() if pattern.search(blanked)}
    terms.update(f"n:{int(m.group(1))}" for m in _NUMBER.finditer(blanked))
    for word in _WORD.findall(blanked):
        lowered = word.casefold()
        if lowered not in _STOP and not lowered.startswith(("http", "www")):
            terms.add(f"w:{lowered[:6]}")
    return frozenset(terms)


def topic_score(one: frozenset[str], other: frozenset[str]) -> float:
    """How much two passages share: concepts and numbers weigh 2, word stems 1."""
    shared = one & other
    return sum(2.0 if term[0] in "cn" else 1.0 for term in shared)


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for index in range(max(0, start), min(len(chars), end)):
            chars[index] = " "
    return "".join(chars)
