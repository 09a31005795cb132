"""List count: a stated count that disagrees with the list that enumerates it.

## What it flags

A count followed by the list it announces, when the list has a different number of items:
"three countries: Britain, France, Germany and Italy", "the two leaders, Biden, Putin and
Macron", "police named the three victims as A, B, C and D". The list may follow a colon, a
dash or a bracket; after a bare comma, "were", "are" or "as" it must name
people, places or organisations (capitalised items after a noun such as "leaders", "countries",
"companies"), so that "in two years, France and Germany…" is not read as a list. Hedged counts
are respected ("at least three" takes four items, not two). A count of a named group from a
pack ("the five Nordic countries: …") is left to ``group-size``. It stays quiet on partial lists
("three countries, including A and B"; "such as"; "among them"; "and others"), on subsets
("one of three countries", "two of the four"), and on counts of time or measure ("two days").

## Why it matters

A list that outgrows its count usually means a name was added (or dropped) in editing without
the count being updated; readers notice, and it puts every other figure in doubt.

## Example

"The statement was signed by three countries: Britain, France, Germany and Italy."
-> ``list-count`` (warning) on "three countries", related span the list of four.

## Use instead

"four countries: Britain, France, Germany and Italy" — or drop the name that does not belong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from verify._regex import alternation
from verify.checks._base import CheckContext, Rule
from verify.model import Finding, Span
from verify.packs import has_phrase

RULES = (Rule("list-count", "VR301", "warning", "A stated count that disagrees with the list that enumerates it."),)
RULE = RULES[0]

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "both": 2, "pair of": 2,
}
#: Nouns of time and measure: "two days, Biden and Putin…" is no list.
MEASURE_NOUNS = frozenset(
    """
    seconds minutes hours days nights weeks weekends months years decades centuries times rounds
    innings laps sets games matches points percent dollars euros pounds cents miles kilometers
    kilometres meters metres feet inches yards degrees votes seats runs goals-against acres
    hectares tons tonnes liters litres gallons barrels shots strokes steps ways
    """.split()  # noqa: SIM905 - a word list reads best as words
)
#: Nouns whose list may follow a bare comma: people, places, organisations, works.
ENTITY_NOUNS = frozenset(
    """
    countries nations states provinces regions cities towns villages districts counties capitals
    leaders presidents ministers officials lawmakers senators governors mayors candidates
    contenders finalists nominees winners members allies partners parties groups companies firms
    banks brands carmakers automakers airlines networks agencies organizations organisations
    newspapers universities schools hospitals teams clubs players men women people children sons
    daughters brothers sisters siblings founders executives journalists reporters victims suspects
    defendants judges justices authors artists bands films books novels albums powers republics
    airports ports islands rivers neighbors neighbours envoys diplomats generals commanders
    finishers runners riders drivers medalists medallists survivors hostages soldiers workers
    students passengers prisoners detainees astronauts pilots co-hosts hosts
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_COUNT_WORD = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
_COUNT = re.compile(
    r"(?P<hedge>\b(?i:at least|more than|over|at most|up to|no more than|nearly|almost|about|some|roughly|around)\s+)?"
    r"\b(?P<n>(?i:" + _COUNT_WORD + r")|[2-9]|1\d|20)\b"
    r"(?P<adj>(?:\s+(?:other|major|main|key|big|leading|top|largest|biggest|smaller|small|remaining|"
    r"[A-Z][\w.'’-]*|[a-z]+(?:ern|ian|ese|ish|ic|al|an)))){0,2}"
    r"\s+(?P<noun>[a-z][a-z'’-]*[a-z])"
    r"(?P<sep>\s*(?::|--|—|–|\(|,)\s*|\s+(?:were|are)\s+(?:(?:named|identified|listed)\s+as\s+)?|\s+as\s+)"
)
#: The words a count can open with (any case): a hedge's first word, a number word, 2 to 20.
_OPENERS = frozenset(
    ["at", "more", "over", "up", "no", "nearly", "almost", "about", "some", "roughly", "around"]
    + [w for w in NUMBER_WORDS if " " not in w]
    + [str(n) for n in range(2, 21)]
)
#: A whole word run that is an opener, under _COUNT's own case folding, digits and \b: every
#: position a _COUNT match can begin at is the start of one of its matches (see _counts).
_OPENER = re.compile(r"\b(?:(?i:" + alternation(w for w in _OPENERS if w.isalpha()) + r")|[2-9]|1\d|20)\b")
#: The same, case-sensitive, for ASCII text lower-cased: there IGNORECASE matches a letter only
#: as its two cases, and the case-blind scan costs more than half as much again.
_OPENER_LOWER = re.compile(r"\b(?:" + alternation(w for w in _OPENERS if w.isalpha()) + r"|[2-9]|1\d|20)\b")
_SUBSET_BEFORE = re.compile(
    r"(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|many|most|all|none|each|any|"
    r"several|both|either|neither|few|half|majority|rest)\s+of(?:\s+(?:the|its|their|his|her|our|these|those))?\s*)$"
)
_PARTIAL_AFTER_SEP = re.compile(
    r"(?i:including|includes|include|such as|like|notably|among them|among others|among|led by|mainly|mostly|"
    r"chiefly|especially|particularly|e\.g\.|for example|for instance|with|plus|besides|except|excluding|"
    r"not counting|other than)\b"
)
_PARTIAL_AFTER_LIST = re.compile(
    r"(?i:\s{0,3},?\s{0,3}(?:among (?:them|others)|and (?:others|other|more|many|several|so on)|etc\b|or others|"
    r"to name|for example|for instance|as well as|and the like))"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"(?:[{_UPPER}]\.(?:[{_UPPER}]\.)+|[{_UPPER}][\w'’-]*)"
_COMPOUND = r"(?:Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|Saint Kitts and Nevis|São Tomé and Príncipe|Sao Tome and Principe)"
_NAME = re.compile(
    rf"(?:the\s+)?(?:(?:Mr|Ms|Mrs|Dr|Gen|Sen|Rep|Gov|Prof|St|Lt|Col|Capt|Sgt|Adm|Pres)\.\s+)?(?:{_COMPOUND}|{_NAME_WORD}(?:\s+(?:(?:of|de|la|du|von|van|der|al|bin|da|del|le|of the|&)\s+)?{_NAME_WORD}){{0,5}})"
)
_PLAIN = re.compile(r"[\w'’$%-]+(?:\.\d+)?(?:\s+[\w'’$%-]+(?:\.\d+)?){0,3}")
_SEP = re.compile(r"[ \t]{0,3}(?:,\s{0,3}(?:(?P<conj1>and|or)\s{1,3})?|(?<=\s)(?P<conj2>and|or)\s{1,3})")
_CLOSING = re.compile(r"\s*(?:[,.;:)!?]|--|—|–|$)")
_END_PLAIN = re.compile(r"\s*(?:[.;:)!?]|--|—|–|,?[”\"’]|$)")


@attrs.frozen
class EnumeratedList:
    """A list of items in the prose: ``items`` are their spans, ``span`` the whole list."""

    items: tuple[Span, ...]
    span: Span
    partial: bool = False


def read_list(prose: str, start: int, limit: int, *, names: bool) -> EnumeratedList | None:
    """The list that begins at ``start`` (and ends before ``limit``), if one does.

    ``names`` requires capitalised items (people, places, organisations); otherwise items are
    up to four words and the list must end the sentence or clause. A list needs a closing
    "and"/"or" before its last item and at least two items.
    """
    item_re = _NAME if names else _PLAIN
    items: list[Span] = []
    pos = start
    closed = False
    for _ in range(40):
        m = item_re.match(prose, pos, limit)
        if not m or m.end() == m.start():
            return None
        text = m.group(0)
        end = m.end()
        if not names:
            # A plain item ends at its own comma or conjunction.
            cut = re.search(r"(?<!\s)\s{1,3}(?:and|or)\s{1,3}|,", text)
            if cut:
                end = m.start() + cut.start()
                text = prose[m.start() : end]
        items.append(Span(m.start(), end, text))
        if closed:
            break
        sep = _SEP.match(prose, end, limit)
        if not sep or sep.end() == end:
            return None
        if sep.group("conj1") or sep.group("conj2"):
            closed = True
        pos = sep.end()
    if not closed or len(items) < 2:
        return None
    last = items[-1]
    if not names and not _END_PLAIN.match(prose, last.end, limit):
        return None
    partial = bool(_PARTIAL_AFTER_LIST.match(prose, last.end, limit))
    first = items[0]
    return EnumeratedList(tuple(items), Span(first.start, last.end, prose[first.start : last.end]), partial)


#: What closes every list: "and" or "or" after a comma or whitespace, before whitespace (see
#: _SEP and read_list). A sentence without one holds no list, so its counts are not looked for.
#: The word leads each pattern, which makes its search a fast scan for a literal; the lookbehind
#: may read the character before the sentence, which only lets more sentences through.
_CLOSING_AND = re.compile(r"and(?<=[\s,]and)\s")
_CLOSING_OR = re.compile(r"or(?<=[\s,]or)\s")


def may_list(prose: str, start: int, end: int) -> bool:
    """Whether ``prose[start:end]`` may hold a list: it holds what closes one (a list-count and
    group-size prefilter)."""
    return _CLOSING_AND.search(prose, start, end) is not None or _CLOSING_OR.search(prose, start, end) is not None


def run(ctx: CheckContext) -> Iterable[Finding]:
    prose = ctx.prose
    for sentence in ctx.extraction.frame.sentences:
        if not may_list(prose, sentence.start, sentence.end):
            continue
        for m in _counts(prose, sentence.start, sentence.end):
            finding = _check(ctx, prose, sentence, m)
            if finding is not None:
                yield finding


def _counts(prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_COUNT.finditer(prose, start, end)``, tried only where one can begin.

    A match begins at the start of a word run that is a hedge's first word or a number, so
    ``_OPENER`` finds those (a trie: one branch per first letter) and ``_COUNT`` is tried only
    there: the regex alone would try every position with its optional hedge, the costliest part
    of the check, and a walk over every word in Python costs more than the scan. ASCII text is
    scanned lower-cased (``_OPENER_LOWER``), from the character before ``start``, which ``\b``
    reads.
    """
    before = max(start - 1, 0)
    text = prose[before:end]
    if text.isascii():
        openers = ((before + o.start(), before + o.end()) for o in _OPENER_LOWER.finditer(text.lower(), start - before))
    else:
        openers = (o.span() for o in _OPENER.finditer(prose, start, end))
    pos = start
    for at, word_end in openers:
        # Every match goes on from its opening word (a number, or a hedge's first word) with
        # whitespace: an opener followed by anything else (a quarter of them) is not tried.
        if at < pos or word_end >= end or not prose[word_end].isspace():
            continue
        m = _COUNT.match(prose, at, end)
        if m:
            yield m
            pos = m.end()


def _check(ctx: CheckContext, prose: str, sentence: Span, m: re.Match[str]) -> Finding | None:
    noun = m.group("noun").lower()
    if noun in MEASURE_NOUNS or not noun.endswith(("s", "men", "people", "children", "police", "staff")):
        return None
    n_text = m.group("n").lower()
    stated = NUMBER_WORDS.get(n_text) or int(n_text)
    if stated == 2 and n_text == "both":
        return None
    sep = m.group("sep").strip()
    after = m.end()
    if _PARTIAL_AFTER_SEP.match(prose, after, sentence.end):
        return None
    verbal = sep in ("were", "are", "as") or sep.endswith(" as")
    if sep == "," or verbal:
        if noun not in ENTITY_NOUNS:
            return None
        listed = read_list(prose, after, sentence.end, names=True)
    else:
        listed = read_list(prose, after, sentence.end, names=True) or read_list(prose, after, sentence.end, names=False)
    if listed is None or listed.partial:
        return None
    count = len(listed.items)
    if sep == ",":
        # An appositive closes before the sentence goes on ("the two leaders, A, B and C, met");
        # "19 countries, the EU and the AU will meet" is a coordination, not a list of the 19.
        closing = _CLOSING.match(prose, listed.span.end, sentence.end)
        if not closing or (closing.group(0).strip() in (".", ";", "!", "?", "") and count < stated):
            return None
    elif verbal and not _CLOSING.match(prose, listed.span.end, sentence.end):
        return None  # "the three victims were Smith, Jones and Brown's neighbours": not a list of them
    hedge = (m.group("hedge") or "").strip().lower()
    if hedge in ("at least", "more than", "over"):
        wrong = count < stated
    elif hedge in ("at most", "up to", "no more than"):
        wrong = count > stated
    elif hedge:
        return None
    else:
        wrong = count != stated
    if not wrong:
        return None
    # Asked last, of the few counts that disagree with their list: the subset pattern is
    # searched for over the words before the count, and each alias is a pattern.
    if _SUBSET_BEFORE.search(prose, max(sentence.start, m.start() - 40), m.start()):
        return None
    phrase = prose[m.start("n") : m.end("noun")]
    if any(has_phrase(phrase, alias, case=True, suffix=False) for pack in ctx.packs for g in pack.groups for alias in g.aliases):
        return None  # a named group ("the five Nordic countries: …") is group-size's to check
    where = Span(m.start("n"), m.end("noun"), prose[m.start("n") : m.end("noun")])
    message = (
        f"{where.text!r} announces {stated} but the list names {count}: "
        + ", ".join(i.text for i in listed.items)
        + ". Correct the count or the list."
    )
    return ctx.finding(RULE, where, message, related=(listed.span,))


__all__ = ["ENTITY_NOUNS", "MEASURE_NOUNS", "NUMBER_WORDS", "RULES", "EnumeratedList", "may_list", "read_list", "run"]
