"""Which side of the anchor an underspecified expression lies on ("15. März", "am Montag", "im
März", "Q3" without a year).

The rule, in order:
1. The expression's own words fix it: "nächsten", "next", "in drei Tagen", "morgen" look
   ahead; "letzten", "vergangenen", "last", "vor zwei Wochen", "ago", "seit", "since",
   "gestern" look back.
2. Else the tense of its sentence: the tense word nearest to the expression decides ("hatte
   ... am 15. März", "said on Monday", "signed on" look back; "wird ... am 15. März", "will
   hold a hearing on", "plant", "expects", "is scheduled", "tritt ... in Kraft" look ahead). A
   plan told in the past ("Für Mitte April waren Gegenzölle geplant", "had been scheduled for")
   fixes nothing: the plan's date may lie either side. The new date of a change told in the
   past ("was postponed to November 12", "wurde auf Montag verschoben", "extended until July
   31") looks ahead: the change is past, the date it moves to is the schedule.
3. Else the cue before it: "bis", "by", "until", "ab", "from", "no later than" look ahead,
   "von"/"vom" back.
4. Else, when the expression is all its sentence holds (a heading, an agenda line, a form field,
   a bare phrase), the upcoming reading, as calendars, Duckling and dateparser's
   PREFER_DATES_FROM="future" take it.
5. Else the sensible reading of its family. A day of a month, a month, a quarter or a season
   is the next one not yet over: a sentence about such a date that is not in the past tense
   speaks of a schedule ("Die Sitzung findet am 3. Januar statt"; corpus README: "a month
   without year -> next such month"). A bare weekday is the most recent one on or before the
   anchor: news report the week's past days as "am Montag" (corpus README). A weekday beside a
   day of a month is the nearest date that falls on it; a holiday the nearer occurrence.

Before all of this, a day of a month without a year takes the year the text gave the same day
elsewhere ("On May 9, 2017, ... The May 9 notice").

Duckling reads a bare "Montag" as the next Monday; news mean the last one unless the text
points forward. Step 4 gives the first reading where there is no text to point either way, and
steps 2, 3 and 5 the second wherever there is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tracker.extract.dates.pieces import Scan


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PAST = _words(
    """hatte hatten hattest war waren wurde wurden worden gewesen hat haben habe had was were did
    has have been ago earlier zuvor bereits already damals previously originally ursprünglich
    said sagte sagten told stated added noted explained warned wrote erklärte erklärten betonte
    teilte teilten kündigte kündigten meldete berichtete schrieb hieß nannte forderte warnte
    announced angekündigt signed unterzeichnet unterzeichnete unterzeichneten unterschrieb issued
    published veröffentlicht veröffentlichte released unveiled presented vorgestellt vorgelegt
    legte met trafen traf held took began begann started ended endete opened closed schloss
    schloß rose fell stieg fiel gained lost jumped dropped climbed slipped traded reached
    erreicht erreichte agreed einigten vereinbart vereinbarten decided beschloss beschlossen
    approved genehmigt adopted verabschiedet verabschiedete passed voted stimmte stimmten imposed
    verhängt verhängte raised erhöht erhöhte lowered gesenkt verlängert verlängerte delayed
    postponed verschoben verschob confirmed bestätigt bestätigte declared introduced eingeführt
    completed abgeschlossen concluded finalised finalized proclaimed ordered reported specified
    initiated invited requested received submitted filed entered launched gestartet startete came
    kam went ging gave gab made machte became verkündete verzeichnete verbuchte notierte lag
    stand fand trat verlor gewann wies lehnte kritisierte reiste besuchte visited arrived
    schaffte schafften stiegen fielen legten lagen schlossen gewannen verloren
    returned described expired lief ausgelaufen abgelaufen happened occurred geschah"""
)
FUTURE = _words(
    """will shall wird werden werde wirst würde würden soll sollen solle sollte sollten would
    plan plans planen plant planned geplant geplante geplanten scheduled expected expect expects
    erwartet erwarten intend intends intended beabsichtigt aim aims wollen möchte möchten tritt
    treten expire expires ends endet läuft laufen auslaufen begins beginnt beginnen starts
    startet opens öffnet closes schließt applies fällig due upcoming künftig
    voraussichtlich demnächst soon bald must muss müssen deadline frist vorgesehen anstehend
    anstehende anstehenden bevorstehend bevorstehende bevorstehenden loom looms"""
)
# After "to", these verbs look ahead ("threatened to impose tariffs starting June 1").
_TO_VERBS = _words(
    """be take go come enter start begin impose raise increase apply hold open close expire end
    launch introduce submit publish release present sign meet vote decide announce extend pause
    suspend lift resume reach complete deliver file"""
)
# "takes effect", "enters into force", "goes into effect": present tense that looks ahead.
_TAKE_EFFECT = _words("take takes enter enters come comes go goes")
# A plan or schedule told in the past: "waren ... geplant", "was scheduled", "had planned".
_PLAN = _words(
    "geplant geplante geplanten vorgesehen planned scheduled expected erwartet angesetzt terminiert"
)
# A change told in the past whose new date follows a cue of `_TARGET_CUES`: that date looks ahead.
_CHANGE = _words(
    """postponed delayed deferred moved rescheduled extended prolonged pushed verschoben verschob
    verlegt verlegte vertagt vertagte verlängert verlängerte vorgezogen"""
)
_TARGET_CUES = _words("to until till through into for up auf bis")
# Participles that look ahead although they end like past ones.
_FORWARD_PARTICIPLES = _words("planned scheduled expected geplant erwartet")
# Words in -ed that are no past tense (adjectives, nouns): the rest count as weak past signals.
_NOT_PAST = _words(
    """need based related limited united proposed expected scheduled planned concerned interested
    detailed advanced speed indeed hundred red bed seed feed breed shed proceed exceed succeed
    embed unlimited unexpected unprecedented dedicated designated authorized required estimated
    combined mixed fixed certified registered qualified affected listed covered continued
    increased reduced extended"""
)
# A dash marks a clause only with space on both sides ("US-Dollar" is one word).
_CLAUSE_MARK = re.compile(r"[,;:()•|]|(?<=\s)[-–—](?=\s)")
# A sentence ends at a mark before a capital (not "5. März") or a line break, at a blank line,
# before a list item or a bullet.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\d[.!?])[\"'»«“”)\]]*\s+(?=[\"'„“«»(\[]*[A-ZÄÖÜ])|[.!?][\"'»«“”)\]]*[ \t]*\n\s*"
    r"|\n\s*\n|\n(?=\s*[-•*])|•(?<=\s•)(?=\s)"
)
_ABBREVIATIONS = _words(
    """bzw vgl ca etc usw ggf inkl exkl zzgl nr no dr prof st mr mrs ms jr sr vs e.g i.e u.a
    z.b d.h s.o u.s u.k a.m p.m jan feb mar apr jun jul aug sep sept oct okt nov dec dez art abs"""
)
_REACH = (120, 100)  # how far before and after an expression its tense words count


class Tenses:
    """The tense words, clause marks and sentence ends of one text, found once."""

    def __init__(self, scan: Scan) -> None:
        self.text, self.lang = scan.text, scan.lang
        self.words = _tense_words(scan)
        self.starts = [start for start, _, _, _ in self.words]
        self.plans = scan.starts(_PLAN & scan.words.keys())
        self.changes = scan.starts(_CHANGE & scan.words.keys())
        weak = [w for w in scan.words if len(w) > 5 and w.endswith("ed") and w not in _NOT_PAST]
        self.weak = scan.starts(weak)
        self.marks = [m.span() for m in _CLAUSE_MARK.finditer(scan.low)]
        self.mark_starts = [start for start, _ in self.marks]
        ends = [
            m
            for m in _SENTENCE_END.finditer(scan.text)
            if scan.text[m.start()] != "." or not _after_abbreviation(scan.low, m.start())
        ]
        self.sentence_starts = [m.end() for m in ends]
        self.sentence_ends = [m.start() + 1 for m in ends]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence around `start`..`end`."""
        before = bisect_right(self.sentence_starts, start) - 1
        after = bisect_left(self.sentence_ends, end)
        first = self.sentence_starts[before] if before >= 0 else 0
        last = self.sentence_ends[after] if after < len(self.sentence_ends) else len(self.text)
        return first, last

    def is_alone(self, start: int, end: int) -> bool:
        """Tell whether the sentence holds nothing but the expression (no letter or digit)."""
        first, last = self.bounds(start, end)
        around = self.text[first:start] + self.text[end:last]
        return not any(char.isalnum() for char in around)

    def direction(self, start: int, end: int, cue: str = "") -> str:
        """ "past", "future" or "" from the tense word nearest to `start`..`end`: in its clause
        first, else in its sentence; English words in -ed count last. With a `cue` of a new
        date ("to", "bis") after a change told in the past, "future"."""
        sentence = self.bounds(start, end)
        clause = self._clause(start, end, sentence)
        found = self._nearest(start, end, clause) or self._nearest(start, end, sentence)
        if found == "past" and cue.split()[:1] and cue.split()[0] in _TARGET_CUES:
            low, high = clause
            if bisect_left(self.changes, high) > bisect_left(self.changes, low):
                return "future"
        if found:
            return found
        low, high = sentence
        weak = self.weak[bisect_left(self.weak, low) : bisect_left(self.weak, high)]
        return "past" if any(not start <= w < end for w in weak) else ""

    def _clause(self, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
        before = bisect_left(self.mark_starts, start) - 1
        after = bisect_left(self.mark_starts, end)
        first = self.marks[before][1] if before >= 0 else sentence[0]
        last = self.marks[after][0] if after < len(self.marks) else sentence[1]
        return max(first, sentence[0]), min(last, sentence[1])

    def _nearest(self, start: int, end: int, bounds: tuple[int, int]) -> str:
        low, high = max(bounds[0], start - _REACH[0]), min(bounds[1], end + _REACH[1])
        best: tuple[int, int, str, str] | None = None
        for index in range(bisect_left(self.starts, low), bisect_left(self.starts, high)):
            word_start, word_end, label, word = self.words[index]
            if start <= word_start < end or word_end > high:
                continue
            distance = start - word_end if word_end <= start else word_start - end
            rank = 0 if label == "future" else 1
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, label, word)
        if best is None:
            return ""
        if best[2] == "past" and bisect_left(self.plans, high) > bisect_left(self.plans, low):
            return ""  # a plan told in the past: its date may lie either side
        if best[2] == "past" and self._with_future_auxiliary(best[3], low, high):
            return "future"  # "wird ... verschoben": the participle reads with its auxiliary
        return best[2]

    def _with_future_auxiliary(self, word: str, low: int, high: int) -> bool:
        """A German past participle after "wird"/"soll" and no past auxiliary in its clause."""
        if self.lang != "de" or word in _PAST_AUXILIARIES or not _PARTICIPLE.match(word):
            return False
        before = {
            w
            for _, _, _, w in self.words[
                bisect_left(self.starts, low) : bisect_left(self.starts, high)
            ]
        }
        return not before & _PAST_AUXILIARIES and bool(before & _FUTURE_AUXILIARIES)


# German past participles: "verschoben", "vorgelegt", "angekündigt", "erhöht".
_PARTICIPLE = re.compile(r"(?:\w*ge\w+|(?:ver|be|er|ent|zer|über|unter)\w+)(?:t|en)$")
_PAST_AUXILIARIES = _words(
    "hatte hatten war waren wurde wurden hat haben had was were has have did"
)
_FUTURE_AUXILIARIES = _words(
    "will shall wird werden soll sollen solle sollte sollten würde würden would"
)
_LABELS = {**dict.fromkeys(PAST - _FORWARD_PARTICIPLES, "past"), **dict.fromkeys(FUTURE, "future")}


def _after_abbreviation(low: str, dot: int) -> bool:
    """ "bzw.", "z.B.", "Dr.", an initial: a dot that ends no sentence."""
    word = low[max(0, dot - 6) : dot].split()[-1:]
    return bool(word) and (word[0] in _ABBREVIATIONS or len(word[0].strip(".")) == 1)


def _tense_words(scan: Scan) -> list[tuple[int, int, str, str]]:
    """(start, end, "past" | "future", word) of every tense word in text order, phrases read
    as one: "will be held", "vorgelegt werden", "to impose", "zu erheben" look ahead, their
    past participles too."""
    found = {
        start: (start, start + len(word), _LABELS[word], word)
        for word in _LABELS.keys() & scan.words.keys()
        for start in scan.words[word]
    }
    for link in ("be", "werden", "to", "zu", "effect", "into"):
        for start in scan.words.get(link, ()):
            if (phrase := _phrase(scan, link, start)) is not None:
                for word_start, word in phrase:
                    found[word_start] = (word_start, word_start + len(word), "future", word)
    return [found[start] for start in sorted(found)]


def _phrase(scan: Scan, link: str, start: int) -> list[tuple[int, str]] | None:
    """The words of a phrase that looks ahead, at the link word `link` starting at `start`:
    "will be held", "to impose", "zu erheben" (with the next word), "vorgelegt werden" (with
    the one before)."""
    index = bisect_left(scan.word_starts, start)
    tokens, starts = scan.tokens, scan.word_starts
    before = tokens[index - 1] if index > 0 else ""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if link == "be" and following and before in ("will", "shall", "would", "to", "not"):
        return [(start, link), (starts[index + 1], following)]
    if link == "werden" and before in PAST:
        return [(starts[index - 1], before), (start, link)]
    if link == "to" and following in _TO_VERBS:
        return [(start, link), (starts[index + 1], following)]
    if link in ("effect", "into") and before in _TAKE_EFFECT:
        return [(starts[index - 1], before), (start, link)]  # "takes effect", "enters into"
    if link == "zu" and _is_infinitive(scan, index + 1):
        return [(start, link), (starts[index + 1], following)]
    return None


def _is_infinitive(scan: Scan, index: int) -> bool:
    """The word at `index` is "erheben" in "zu erheben," at the end of its clause (not "zu
    hohen Preisen")."""
    if index >= len(scan.tokens):
        return False
    word = scan.tokens[index]
    end = scan.word_starts[index] + len(word)
    return (
        word.endswith("en")
        and len(word) > 4
        and scan.low[end : end + 1] in (".", ",", ";", ":", "!", "?", "\n", "")
    )
