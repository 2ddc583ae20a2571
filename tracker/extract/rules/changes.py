"""Change statements: a later text saying that a commitment moved, was paused, cancelled or done.

"verschiebt ... auf den 9. Juli", "moves the deadline ... up by six calendar days", "um zwei
Wochen verschoben", "extended by 30 days", "wurde abgesagt", "was signed", "nach ihrem Treffen".
Each becomes a `Change`: its kind, the new due date when the text gives one (absolute, or a
shift from the old date), the old date when the text names it ("was June 29", "von 1. Juni",
"previously set to"), and the sentence it stands in. Which item it changes is decided at
ingest (tracker.services.changes), against what is tracked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.extract.dates import TimeExpression
from tracker.extract.dates.expression import Length
from tracker.extract.sentences import Sentence

# (kind, pattern) per language, most specific first: the first family that matches a sentence
# wins ("Nach einem Telefonat ... verschiebt Trump ..." is a postponement, not a meeting held).
_FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (
            "advanced",
            r"mov(?:e|es|ed|ing) (?:[\w-]+ ){0,7}?up\b|(?:brought|brings?|bringing) "
            r"(?:[\w-]+ ){0,4}?forward|moved forward|advanced the",
        ),
        (
            "postponed",
            r"postpon(?:e|es|ed|ing|ement)|delay(?:ed|ing)\b|delays (?:the|its|their)\b|"
            r"to delay\b|push(?:es|ed|ing)? (?:[\w-]+ ){0,4}?back\b|defer(?:s|red|ring)?\b|"
            r"reschedul\w+|new (?:implementation|effective|start|compliance|application) date",
        ),
        ("moved", r"(?:chang|mov)(?:e|es|ed|ing) the (?:[\w-]+ ){0,3}?(?:deadline|date)s?\b"),
        ("extended", r"extend(?:s|ed|ing)?\b|extension\b|prolong(?:s|ed|ing)?\b"),
        ("paused", r"(?:paused|suspended|suspends|suspending)\b"),
        (
            "cancelled",
            r"cancel(?:l?ed|s|l?ing|lation)\b|call(?:ed|s)? off\b|withdr(?:ew|awn|aws)\b|"
            r"scrap(?:ped|s|ping)?\b|revok(?:ed|es)\b|rescind(?:ed|s)\b|abandon(?:ed|s)\b",
        ),
        (
            "met",
            r"(?:was|were|has been|have been|had been) (?:formally )?(?:presented|signed|adopted|"
            r"published|submitted|released|approved|finali[sz]ed|completed|delivered|concluded)\b|"
            r"(?:took|takes|has taken) effect|(?:came|comes|has come) into (?:force|effect)|"
            r"entered into force|after (?:the|their|his|her|a) (?:meeting|talks|call|summit)\b|"
            r"reached (?:an?|the) (?:agreement|deal)|deadline (?:has )?(?:passed|expired)",
        ),
    ),
    "de": (
        ("advanced", r"vorgezogen|vorzuziehen|vorverleg\w+|zieh\w* (?:\w+ ){0,5}?vor\b"),
        (
            "postponed",
            r"verschieb\w*|verschob\w*|verschoben|vertag\w+|aufgeschoben|[Aa]ufschub\b|"
            r"neue[rns]? (?:Stichtag|Termin|Starttermin)",
        ),
        ("extended", r"verlänger\w+|[Vv]erlängerung"),
        ("paused", r"ausgesetzt|auszusetzen|pausiert"),
        ("cancelled", r"abgesagt|gestrichen|zurückgezogen|gekippt|aufgehoben|zurückgenommen"),
        (
            "met",
            r"vorgelegt|unterzeichnet|beschlossen|verabschiedet|in Kraft getreten|"
            r"trat(?:en)? (?:\w+ ){0,4}?in Kraft|nach (?:dem|ihrem|seinem|einem) (?:Treffen|"
            r"Gespräch|Telefonat|Gipfel)|(?:haben|hat) sich (?:\w+ ){0,6}?geeinigt|"
            r"Ablauf der \w*[Ff]rist|[Ff]rist (?:ist )?(?:abgelaufen|verstrichen)",
        ),
    ),
}
# Words before a date that make it the old date ("von", "previously set to", "was").
_OLD_CUE = re.compile(
    r"(?:\b(?:from|von|vom|statt|anstatt|instead of|originally|ursprünglich|previously|"
    r"eigentlich|bisher|was|were|war|waren|had been)\b[^.;]{0,40})$",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:will|would|shall|should|could|may|might|to be|expected|plans? to|planned to|set to|soll|"
    r"sollen|sollte|sollten|wird|werden|würde|würden|könnte|könnten|kann|können|geplant|"
    r"voraussichtlich|dürfte|müssen|muss)\b",
    re.IGNORECASE,
)
_NEW_CUE = re.compile(
    r"\b(?:(?<!set )(?<!due )(?<!scheduled )(?<!expected )(?<!supposed )(?<!going )to|"
    r"until|till|auf|bis|now|nun|neu|new)\b[^.;]{0,12}$",
    re.IGNORECASE,
)
_OLD_CUES = frozenset(("von", "vom", "from", "statt"))
_NEW_CUES = frozenset(
    (
        "to",
        "until",
        "till",
        "auf",
        "bis",
        "bis zum",
        "bis zur",
        "by",
        "no later than",
        "not later than",
    )
)
_DEADLINE_NOUN = re.compile(
    r"deadline|due date|date|period|pause|[Ff]rist|Termin|Stichtag|Zeitraum|Zeitplan|schedule",
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class FoundChange:
    kind: str
    start: int
    end: int
    sentence: Sentence
    new_due: date | None
    old_due: date | None
    shift: Length
    confidence: float
    context: str  # the sentence before, which often names what changed


def find_changes(
    sentences: list[Sentence], dates: list[list[TimeExpression]], published: date, lang: str
) -> list[FoundChange]:
    """The change statements of a text, given its sentences and each one's time expressions."""
    found: list[FoundChange] = []
    patterns = _patterns(lang)
    for index, sentence in enumerate(sentences):
        match = _first_trigger(patterns, sentence.text)
        if match is None:
            continue
        kind, start, end = match
        previous = (sentences[index - 1], dates[index - 1]) if index else None
        found.append(_change(kind, start, end, sentence, dates[index], previous, published))
    return found


def _change(
    kind: str,
    start: int,
    end: int,
    sentence: Sentence,
    own: list[TimeExpression],
    previous: tuple[Sentence, list[TimeExpression]] | None,
    published: date,
) -> FoundChange:
    old, new = _split_dates(sentence, own, start, published)
    if old is None and previous is not None:
        old = _split_dates(*previous, len(previous[0].text), None)[0]
    new_due = new if kind != "met" else None
    shift = _shift(own, sentence, kind) if new_due is None and kind != "met" else ()
    if kind == "moved" and new_due is None and not shift:
        kind = "postponed"
    dated = any(e.type in ("date", "range") for e in own)  # "am Montag vorgelegt"
    has_date = new_due is not None or bool(shift) or old is not None or (kind == "met" and dated)
    confidence = 0.8 if has_date else 0.6 if _DEADLINE_NOUN.search(sentence.text) else 0.4
    return FoundChange(
        kind, sentence.start + start, sentence.start + end, sentence,
        new_due, old, shift, confidence, previous[0].text if previous else "",
    )  # fmt: skip


def _patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _COMPILED.get(lang, _COMPILED["en"])


_COMPILED = {
    lang: tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in families)
    for lang, families in _FAMILIES.items()
}


def _first_trigger(
    patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str
) -> tuple[str, int, int] | None:
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            if kind == "met" and _MODAL.search(_clause(text, match.start(), match.end())):
                continue  # "soll ... unterzeichnet werden", "is expected to be signed": not done
            return kind, match.start(), match.end()
    return None


def _clause(text: str, start: int, end: int, width: int = 40) -> str:
    """The clause of a trigger: back to the last comma or semicolon, and a little after it
    (German puts the auxiliary far before the participle: "wird ... vorgelegt")."""
    begin = max(text.rfind(",", 0, start), text.rfind(";", 0, start)) + 1
    return text[begin : end + width]


def _split_dates(
    sentence: Sentence, own: list[TimeExpression], trigger: int, published: date | None
) -> tuple[date | None, date | None]:
    """The old date (after "from", "was", ...) and the new one among a sentence's dates: a new
    date lies after the publication (the day a notice is dated or an order was signed is not
    the date it moves something to)."""
    old: date | None = None
    new: list[tuple[int, date]] = []
    for expression in own:
        if expression.type not in ("date", "range") or expression.due is None:
            continue
        before = sentence.text[: expression.span[0] - sentence.start]
        cue = expression.cue.casefold()
        is_new = cue in _NEW_CUES or bool(_NEW_CUE.search(before[-40:]))
        if cue in _OLD_CUES or (not is_new and _OLD_CUE.search(before[-60:])):
            old = old or expression.due
            continue
        due = _forward(expression, published) if published is not None else expression.due
        if due is None or (published is not None and due <= published):
            continue
        rank = 0 if is_new else 1 if expression.span[0] > trigger else 2
        new.append((rank, due))
    new.sort(key=lambda pair: pair[0])
    return old, new[0][1] if new else None


def _forward(expression: TimeExpression, published: date) -> date | None:
    """A new date lies ahead: a day and month without a year read as past move a year on."""
    due = expression.due
    if due is None:
        return None
    if due < published and not _YEAR.search(expression.text):
        try:
            return due.replace(year=due.year + 1)
        except ValueError:  # 29 February
            return due.replace(year=due.year + 1, day=28)
    return due


def _shift(own: list[TimeExpression], sentence: Sentence, kind: str) -> Length:
    """A shift of the old date: "by six calendar days", "um zwei Wochen", "by 12 months"."""
    sign = -1 if kind == "advanced" else 1
    for expression in own:
        if expression.type == "duration" and expression.cue in ("by", "um") and expression.length:
            return tuple((sign * amount, unit) for amount, unit in expression.length)
    return ()
