"""The conflicting-figures check: one subject, two values that cannot both be true.

Figures are built directly (numerals, hedges, "$", magnitude words and a counted noun read from
the word after the number, or set per figure), so these tests prove the check's logic whatever
extraction does.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from verify.checks import conflicting_figures as cf
from verify.checks._base import CheckContext
from verify.document import Document
from verify.extract import Extraction
from verify.extract.text import frame
from verify.model import Context, Figure, Finding, quantity

_FIGURE = re.compile(
    r"(?P<hedge>(?i:about|nearly|almost|more than|just below|at least|up to) )?"
    r"(?P<cur>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<mag> (?:thousand|million|billion))?"
    r"(?P<unit>%| percent)?"
    r"(?: (?P<noun>[a-z]+))?"
)
_MAGNITUDES = {" thousand": 1e3, " million": 1e6, " billion": 1e9}
_BOUNDS = {"more than": "low", "at least": "low", "just below": "high", "up to": "high", "nearly": "high", "almost": "high"}
_NOT_NOUNS = {"in", "on", "at", "to", "from", "and", "or", "of", "the", "by", "for", "with", "before", "after", "last"}


def build(text: str, **overrides: dict[str, Any]) -> CheckContext:
    """A check context over ``text``: every numeral a figure, its noun the word after it.

    ``overrides`` maps a figure's text (without its noun) to fields to set, with ``attribution``,
    ``modality`` and ``modal`` going into its context.
    """
    document = Document.from_text(text)
    framed = frame(document.prose)
    figures = []
    for m in _FIGURE.finditer(text):
        number = m.group("num")
        if re.fullmatch(r"(19|20)\d\d", number) and not m.group("cur"):
            continue
        value = float(number.replace(",", "")) * _MAGNITUDES.get(m.group("mag") or "", 1)
        if m.group("cur"):
            kind, unit = "money", "USD"
        elif m.group("unit"):
            kind, unit = "percent", "percent"
        else:
            kind, unit = "count", "count"
        hedge = (m.group("hedge") or "").strip().lower()
        noun = m.group("noun") if m.group("noun") not in _NOT_NOUNS else None
        end = m.end("noun") if noun else (m.end("unit") if m.group("unit") else m.end("mag") if m.group("mag") else m.end("num"))
        figure_text = text[m.start() : m.end("noun") if noun else end]
        key = figure_text[: len(figure_text) - len(noun) - 1] if noun else figure_text
        extra = dict(overrides.get(key, {}))
        context = {k: extra.pop(k) for k in ("attribution", "modality", "modal", "scope") if k in extra}
        q = quantity(value, unit)
        fields: dict[str, Any] = {
            "text": key,
            "start": m.start(),
            "end": m.start() + len(key),
            "kind": kind,
            "value": q,
            "approximate": hedge == "about",
            "qualifier": hedge or None,
            "noun": noun,
            "number": number,
            "context": Context(framed.sentence_at(m.start()), **context),
            **({_BOUNDS[hedge]: q} if hedge in _BOUNDS else {}),
        }
        fields.update(extra)
        figures.append(Figure(**fields))
    return CheckContext(Extraction(document, tuple(figures), (), framed))


def findings(text: str, **overrides: dict[str, Any]) -> list[Finding]:
    return list(cf.run(build(text, **overrides)))


SEED = (
    "The talks came amid a buildup of Russian troops near the Ukraine border. Ukrainian officials put "
    "the number at just below 100,000, while U.S. intelligence has warned the figure could reach "
    "150,000 in the near future."
)


def test_seed_estimates_are_set_side_by_side_as_info() -> None:
    """Two sources, one a projection: one info finding naming both sources and the projection."""
    found = findings(
        SEED,
        **{
            "just below 100,000": {"noun": "troops", "attribution": "Ukrainian officials"},
            "150,000": {
                "noun": "troops",
                "attribution": "U.S. intelligence",
                "modality": "projection",
                "modal": "could reach",
            },
        },
    )
    assert len(found) == 1, found
    (f,) = found
    assert f.severity == "info" and f.text == "150,000"
    assert [r.text for r in f.related] == ["just below 100,000"]
    assert "Ukrainian officials" in f.message and "U.S. intelligence" in f.message
    assert "projection" in f.message and "could reach" in f.message


def test_same_source_conflict_is_a_warning() -> None:
    """The same count given twice with different values, unattributed, is a warning."""
    found = findings("The fire destroyed 120 homes on Monday. By evening the blaze had destroyed 210 homes.")
    assert [(f.severity, f.text, [r.text for r in f.related]) for f in found] == [
        ("warning", "210", ["120"])
    ]
    assert "120" in found[0].message and "210" in found[0].message


def test_restated_magnitude_is_a_warning_with_suggestion() -> None:
    """"$1.2 billion" in the lead and "$1.2 million" later: a warning suggesting the lead's magnitude."""
    found = findings("The council approved a $1.2 billion budget.\nCritics said the $1.2 million budget was too large.")
    assert len(found) == 1, found
    assert found[0].severity == "warning" and found[0].text == "$1.2 million"
    assert found[0].suggestion == "$1.2 billion"
    assert [r.text for r in found[0].related] == ["$1.2 billion"]


QUIET = [
    "Ohio reported 50 deaths. Texas reported 70 deaths.",  # different places
    "The storm caused 50 deaths in 2020. It caused 70 deaths in 2021.",  # different years
    "The fire destroyed 120 homes. It also damaged 300 homes.",  # different predicates
    "Officials counted 120 homes destroyed. Another 80 homes were destroyed overnight.",  # increment
    "Membership rose from 80 members to 120 members.",  # two ends of a change
    "The fire destroyed 120 homes. The blaze destroyed about 125 homes, officials later said.",  # about
    "Police said more than 40 people were arrested. Later, police said 55 people were arrested.",  # bound
    "Ohio has 40 stations, and the network built 60 stations in Texas.",
    "The company employs 1,200 workers. It laid off 300 workers last year.",
    "The fund raised $1.2 million. Its parent manages $1.2 billion in assets.",  # different subjects
    "The fire destroyed 120 homes. The blaze destroyed 120 homes, officials said.",  # agreeing
]


@pytest.mark.parametrize("text", QUIET)
def test_lookalikes_are_quiet(text: str) -> None:
    """Different places, years, predicates, increments, changes and hedged bounds are no conflict."""
    assert [f for f in findings(text) if f.severity != "info"] == []


def test_different_sources_without_projection_are_info() -> None:
    """Two attributed sources that disagree give info, not a warning."""
    found = findings(
        "Police said 45 people were killed in the attack. Hospital officials said 60 people were killed in the attack.",
        **{"45": {"attribution": "Police"}, "60": {"attribution": "Hospital officials"}},
    )
    assert [(f.severity, f.text) for f in found] == [("info", "60")]
    assert "Police" in found[0].message and "Hospital officials" in found[0].message


def test_anaphora_links_the_number_to_its_noun() -> None:
    """"the number" counts as a shared context even with no other word in common."""
    found = findings(
        "Russia has massed 90,000 troops. Analysts put the number at 175,000.",
        **{"175,000": {"noun": "troops", "attribution": "Analysts"}},
    )
    assert [f.text for f in found] == ["175,000"]


def test_significant_digits() -> None:
    """Significant digits ignore the magnitude: 1.2e9 and 1,200 share "12"."""
    assert cf.significant_digits(1.2e9) == cf.significant_digits(1200) == "12"
    assert cf.significant_digits(250) == "25"


def test_noun_key_singularises() -> None:
    """Counted nouns compare singular and lower-case."""
    assert cf.noun_key("Troops") == cf.noun_key("troop") == "troop"
    assert cf.noun_key("people") == "person" and cf.noun_key("casualties") == "casualty"


def test_the_story_against_a_named_source_is_info() -> None:
    """A figure the story states and another it attributes are different sources: info."""
    found = findings(
        "The storm killed 45 people on the island. Local media said the storm killed 60 people on the island.",
        **{"60": {"attribution": "Local media"}},
    )
    assert [(f.severity, f.text) for f in found] == [("info", "60")]
    assert "the story itself" in found[0].message and "Local media" in found[0].message


def test_a_source_named_more_fully_is_the_same_source() -> None:
    """"the regional governor" and "The governor" are one source: a warning, not info."""
    found = findings(
        "The floods killed 45 people, the regional governor said. The governor said the floods killed 54 people.",
        **{"45": {"attribution": "the regional governor"}, "54": {"attribution": "The governor"}},
    )
    assert [(f.severity, f.text) for f in found] == [("warning", "54")]


def test_different_predicates_are_not_the_same_count() -> None:
    """"employs 1,200 workers" and "will hire 150 workers" count different things."""
    assert findings("The company employs 1,200 workers. The company will hire 150 workers for the new line.") == []


END_TO_END = [
    ("The storm killed 45 people, the governor said. Later the governor said the storm killed 54 people.", "warning"),
    ("The council approved a $1.2 billion budget. Critics said the $1.2 million budget was too large.", "warning"),
    ("Police said 45 people were killed. Hospital officials said 60 people were killed.", "info"),
    (
        "Floods killed 45 people in the northern province this week, officials said.\n"
        "Rescue teams searched villages on Friday.\n"
        "Relatives gathered at the morgue to identify the 54 people killed in the floods, officials said.",
        "warning",
    ),
    (
        "The quake killed 37 people in the capital. In the neighboring district, 14 people were killed.",
        None,
    ),
    (
        "The council approved 250 new positions. Last year the council approved 180 new positions.",
        None,
    ),
    ("Ohio reported 50 deaths. Texas reported 70 deaths.", None),
    ("About 300 workers lost their jobs. The plant had employed 1,200 workers.", None),
    ("The storm killed 45 people in 2020. The storm killed 54 people in 2021.", None),
    ("Membership rose from 80 members to 120 members. The club now has 120 members.", None),
]


@pytest.mark.parametrize(("text", "severity"), END_TO_END, ids=[t for t, _ in END_TO_END])
def test_end_to_end_with_real_extraction(text: str, severity: str | None) -> None:
    """With verify's own extraction, each text yields the expected conflict (or none)."""
    import verify

    found = [f for f in verify.check(text).findings if f.rule == "conflicting-figures"]
    assert [f.severity for f in found] == ([severity] if severity else []), found
    assert all(f.related for f in found)


def test_seed_end_to_end() -> None:
    """On the seed story, exactly one conflicting-figures finding: the two troop figures, as info."""
    from pathlib import Path

    import verify

    seed = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "biden-putin-2021-12-08.txt"
    report = verify.check(seed.read_text(encoding="utf-8"), published="2021-12-08")
    found = [f for f in report.findings if f.rule in ("conflicting-figures", *(r.id for r in _arithmetic_rules()))]
    assert len(found) == 1, found
    (f,) = found
    assert f.severity == "info"
    assert {f.text, *(r.text for r in f.related)} == {"150,000", "just below 100,000"}
    assert "Ukrainian officials" in f.message and "U.S. intelligence" in f.message and "projection" in f.message


def _arithmetic_rules():  # a tuple of Rule, imported late
    from verify.checks import arithmetic

    return arithmetic.RULES


def test_same_digits_in_another_context_are_not_a_restatement() -> None:
    """"1.5 million people live" and "1,500 people attended" share digits, not a subject."""
    assert findings("About 1.5 million people live in the region.\nOnly 1,500 people attended the hearing.") == []


def test_same_digits_for_different_spending_are_not_a_restatement() -> None:
    """"spent $1.4 million on housing" and "the housing budget is $1.4 billion" are two sums."""
    import verify

    text = "The city spent $1.4 million on emergency housing this winter. The state's housing budget is $1.4 billion."
    assert [f for f in verify.check(text).findings if f.rule == "conflicting-figures"] == []
