"""The arithmetic check: percent changes, shares, sums, multiples and percentage points.

Figures are built directly (a small builder below reads numerals, hedges, "$", "%" and
"percentage points"), so these tests prove the check's logic whatever extraction does.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from verify.checks import arithmetic
from verify.checks._base import CheckContext
from verify.document import Document
from verify.extract import Extraction
from verify.extract.text import frame
from verify.model import Context, Figure, Finding, quantity

_FIGURE = re.compile(
    r"(?P<hedge>(?i:about|nearly|almost|more than|just below|at least|up to) )?"
    r"(?P<cur>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<mag> (?:thousand|million|billion))?"
    r"(?P<unit>%| percentage points?| percent| points?)?"
)
_MAGNITUDES = {" thousand": 1e3, " million": 1e6, " billion": 1e9}
_BOUNDS = {"more than": "low", "at least": "low", "just below": "high", "up to": "high", "nearly": "high", "almost": "high"}


def build(text: str, **overrides: dict[str, Any]) -> CheckContext:
    """A check context over ``text`` whose figures are every numeral in it (years excluded)."""
    document = Document.from_text(text)
    framed = frame(document.prose)
    figures = []
    for m in _FIGURE.finditer(text):
        number = m.group("num")
        if re.fullmatch(r"(19|20)\d\d", number) and not m.group("unit") and not m.group("cur"):
            continue
        value = float(number.replace(",", "")) * _MAGNITUDES.get(m.group("mag") or "", 1)
        unit_text = (m.group("unit") or "").strip()
        if m.group("cur"):
            kind, unit = "money", "USD"
        elif unit_text in ("%", "percent"):
            kind, unit = "percent", "percent"
        elif unit_text:
            kind, unit = "percentage_points", "percentage_point"
        else:
            kind, unit = "count", "count"
        hedge = (m.group("hedge") or "").strip().lower()
        q = quantity(value, unit)
        bounds = {_BOUNDS[hedge]: q} if hedge in _BOUNDS else {}
        fields: dict[str, Any] = {
            "text": m.group(0),
            "start": m.start(),
            "end": m.end(),
            "kind": kind,
            "value": q,
            "approximate": hedge == "about",
            "qualifier": hedge or None,
            "number": number,
            "context": Context(framed.sentence_at(m.start())),
            **bounds,
        }
        fields.update(overrides.get(m.group(0), {}))
        figures.append(Figure(**fields))
    return CheckContext(Extraction(document, tuple(figures), (), framed))


def findings(text: str, **overrides: dict[str, Any]) -> list[Finding]:
    return list(arithmetic.run(build(text, **overrides)))


def rules_of(text: str) -> list[str]:
    return [f.rule for f in findings(text)]


FIRING = [
    # (text, rule, span the finding covers, suggestion)
    ("Sales rose 25% from 80 to 120.", "percent-change", "25%", "50%"),
    ("Sales rose by 25 percent, from 80 to 120.", "percent-change", "25 percent", "50 percent"),
    ("Sales rose 10% to 120 from 80.", "percent-change", "10%", "50%"),
    ("Sales climbed from 80 to 120, an increase of 25%.", "percent-change", "25%", "50%"),
    ("Sales reached 120, up 25% from 80.", "percent-change", "25%", "50%"),
    ("Exports plunged 40% from 200 to 150.", "percent-change", "40%", "25%"),
    ("The deficit dropped from $1.2 billion to $900 million, a 40% drop.", "percent-change", "40%", "25%"),
    ("Prices jumped 20% from 50 to 40.", "percent-change", "20%", None),
    ("Membership fell to 120 from 80.", "percent-change", "fell", None),
    ("Of the 48 states, 12 of the 48, or 30%, voted yes.", "share", "30%", "25%"),
    ("Only 12 of 48 members (30%) attended.", "share", "30%", "25%"),
    ("One in five adults, or 25%, smoke.", "share", "25%", "20%"),
    ("About a third of voters, or 20%, were undecided.", "share", "20%", "33%"),
    ("Police counted a total of 100 arrests: 40 in Ohio, 30 in Texas and 20 in Utah.", "sum", "100", "90"),
    ("Ohio reported 40 cases and Texas 35, for a total of 80.", "sum", "80", "75"),
    ("Of the 90 victims, 50 were women and 45 were men.", "sum", "90", "95"),
    ("Of those polled, 45% backed Smith, 40% backed Jones and the remaining 20% were undecided.", "sum", "20%", "15%"),
    ("Of the 1,000 respondents, 60% were women and 45% were men.", "sum", "45%", "40%"),
    ("Enrollment doubled from 40 to 120.", "multiple", "doubled", "tripled"),
    ("The budget was halved, from $10 million to $8 million.", "multiple", "halved", "fell 20%"),
    ("The city recorded 300 murders, twice as many as the 120 recorded in 2019.", "multiple", "twice", "2.5 times"),
    ("Unemployment rose from 4% to 6%, an increase of 2 percent.", "percentage-points", "2 percent", "2 percentage points"),
    ("Turnout rose from 40% to 60%, an increase of 50 percentage points.", "percentage-points", "50 percentage points", "50%"),
    ("Support rose 3 percentage points from 40% to 45%.", "percentage-points", "3 percentage points", "5 percentage points"),
    ("Support rose from 40% to 50%, an increase of 15%.", "percent-change", "15%", "25%"),
]


@pytest.mark.parametrize(("text", "rule", "span", "suggestion"), FIRING, ids=[t for t, *_ in FIRING])
def test_wrong_arithmetic_is_flagged(text: str, rule: str, span: str, suggestion: str | None) -> None:
    """Each planted slip yields one finding of its rule, on the right span, with the right fix."""
    found = findings(text)
    assert [f.rule for f in found] == [rule], found
    assert found[0].text == span
    assert found[0].suggestion == suggestion
    assert found[0].related, "the inputs are related spans"


QUIET = [
    "Sales rose 50% from 80 to 120.",
    "Sales rose 25% to 120.",  # no start value: nothing to compute
    "Sales fell 25% from 120 to 90.",  # a fall stated as a positive percent
    "Revenue rose from $1.2 million to $1.5 million, up 27%.",  # rounded inputs admit 27%
    "The index rose 33% from 60 to 80.",  # 33.3% rounded
    "Prices rose nearly 50% from 80 to 118.",
    "Sales rose more than 25% from 80 to 120.",  # true, if understated
    "About 30% of the 48 states, or 14, joined.",  # 29.2% is about 30%
    "Of the 48 states, 12, or 25%, voted yes.",
    "12 of 48 states, or 25%, voted yes.",
    "One in five adults, or 20%, smoke.",
    "Nearly a third of voters, or 31%, were undecided.",
    "Police counted a total of 90 arrests: 40 in Ohio, 30 in Texas and 20 in Utah.",
    "Police made 100 arrests, including 40 in Ohio, 30 in Texas and 20 in Utah.",  # not exhaustive
    "Of the 90 victims, 50 were women and 45 were over 60.",  # overlapping groups
    "Of the 90 victims, 50 were women and 40 were men.",
    "Of the 90 victims, 50 were women and the remaining 40 were men.",
    "Of the 1,000 respondents, 55% were women and 45% were men.",
    "Of the 1,000 respondents, 60% were women and 45% were over 50.",
    "Of those polled, 45% backed Smith, 40% backed Jones and the remaining 15% were undecided.",
    "Five new cases were reported, bringing the total to 40.",
    "Enrollment doubled from 40 to 80.",
    "Enrollment more than doubled, from 40 to 95.",
    "Enrollment nearly tripled from 40 to 110.",
    "The 30 members, more than half the 50 on the board, voted yes.",  # a noun: ratio over 0.5
    "Listings have more than halved, from 60 to 20.",  # a verb: fell by more than half
    "Listings have nearly halved, from 60 to 31.",
    "The city recorded 240 murders, twice as many as the 120 recorded in 2019.",
    "Unemployment rose from 4% to 6%, an increase of 2 percentage points.",
    "Unemployment rose from 4% to 6%, a 50 percent increase.",
    "Unemployment rose from 4.2% to 4.5%, up 0.3 percentage points.",
    "Sales rose 10% in 2020 and 12% in 2021.",
    "The share of renters rose to 36% from 34% in 2019.",
]


@pytest.mark.parametrize("text", QUIET)
def test_correct_or_uncheckable_arithmetic_is_quiet(text: str) -> None:
    """Correct arithmetic, rounding, hedges and sentences without both inputs stay quiet."""
    assert findings(text) == []


def test_messages_give_the_numbers() -> None:
    """The message states the inputs and the computed result."""
    (f,) = findings("Sales rose 25% from 80 to 120.")
    assert "80" in f.message and "120" in f.message and "50%" in f.message


def test_points_message_explains_relative_change() -> None:
    """The percentage-points message gives both the point change and the relative change."""
    (f,) = findings("Unemployment rose from 4% to 6%, an increase of 2 percent.")
    assert "2 percentage points" in f.message and "50%" in f.message


def test_quoted_finding_says_so() -> None:
    """A slip inside a direct quotation is reported as one the copy cannot change."""
    (f,) = findings('"Sales rose 25% from 80 to 120," the chief executive said.')
    assert f.quoted and "quotation" in f.message


def test_restyle_keeps_the_article_style() -> None:
    """Suggestions keep the currency sign, magnitude word and digit grouping of the original."""
    ctx = build("It cost $1.2 billion and 12,500 people came.")
    money, people = ctx.figures
    assert arithmetic.restyle(money, 2.5e9) == "$2.5 billion"
    assert arithmetic.restyle(people, 13000) == "13,000"


def test_clauses_tokenise_figures() -> None:
    """A clause template replaces each figure by a token and splits at "while"."""
    ctx = build("Sales rose 25% from 80 to 120, while costs fell.")
    sentence = ctx.extraction.frame.sentences[0]
    found = arithmetic.clauses(ctx.prose, sentence, ctx.figures)
    assert found[0].template == "sales rose ⟨0⟩ from ⟨1⟩ to ⟨2⟩"
    assert found[1].template.startswith("costs fell")


MORE_QUIET = [
    "Of the 48 states, 12 of the 48, or 30% of the nation's population, voted yes.",  # another base
    "The plant made 7 in 2020, or 30% of its output.",  # a year is not a ratio
    "In the second half, or 20% of the season, the team won.",
    "Of the 90 victims, 50 were women and 40 were men, including 12 children.",
    "The city has 300 parks, twice as many libraries as the 150 in Boston.",
]


@pytest.mark.parametrize("text", MORE_QUIET)
def test_other_bases_and_other_measures_are_quiet(text: str) -> None:
    """A percentage of another whole, a year, a time span or another measure is not checked."""
    assert findings(text, **{"150": {"noun": "libraries"}, "300": {"noun": "parks"}}) == []


ARITHMETIC_RULES = {r.id for r in arithmetic.RULES}
END_TO_END = [
    ("Sales rose 25% from 80 to 120.", "percent-change", "50%"),
    ("Revenue rose from $1.2 million to $1.5 million, up 40%.", "percent-change", "25%"),
    ("Output rose from 1.2 to 1.5 million tons, up 60%.", "percent-change", "25%"),
    ("Unemployment rose from 4% to 6%, an increase of 2 percent.", "percentage-points", "2 percentage points"),
    ("Only 12 of the district's 48 schools, or 30%, have a nurse.", "share", "25%"),
    ("One in five adults, or 25%, smoke.", "share", "20%"),
    ("Two-thirds of members, or 50%, voted.", "share", "67%"),
    ("Officials counted a total of 100 arrests: 40 in Ohio, 30 in Texas and 20 in Utah.", "sum", "90"),
    ("Enrollment doubled from 40 to 120 students.", "multiple", "tripled"),
    ("The three victims — two women and two men — were taken to hospital.", "sum", "4"),
    ("The shelter took in 150 dogs in May, 50% more than the 115 it took a year earlier.", "percent-change", "30%"),
    ("Support is 45%, 5% higher than the 40% of last month.", "percentage-points", "5 percentage points"),
    ("Revenue rose from $1.2 million to $1.5 million, up 25%.", None, None),
    ("Sales rose 25% to 120.", None, None),
    ("One in four voters, or 25%, said so.", None, None),
    ("Nearly a third of voters, or 31%, were undecided.", None, None),
    ("The shelter took in 150 dogs in May, 30% more than the 115 it took a year earlier.", None, None),
    ("The school has 400 students, 30 teachers and 12 classrooms: 200 in the lower school and 200 above.", None, None),
    ("The firm's revenue of $3 billion was 50% higher than in 2020, when it made $2 billion.", None, None),
    ("Between 20 and 30 people attended, up from 10 last year.", None, None),
    ("The firm has 3 offices: 1,200 employees in Ohio, 800 employees in Texas and 400 employees in Utah.", None, None),
]


@pytest.mark.parametrize(("text", "rule", "suggestion"), END_TO_END, ids=[t for t, *_ in END_TO_END])
def test_end_to_end_with_real_extraction(text: str, rule: str | None, suggestion: str | None) -> None:
    """With verify's own extraction, each text yields exactly the expected arithmetic finding."""
    import verify

    found = [f for f in verify.check(text).findings if f.rule in ARITHMETIC_RULES]
    assert [(f.rule, f.suggestion) for f in found] == ([(rule, suggestion)] if rule else []), found
