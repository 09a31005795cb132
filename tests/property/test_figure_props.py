"""Properties of figure extraction: spans are exact, nothing raises, rendered numbers parse back."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract.figures import find_figures
from verify.extract.text import frame

SETTINGS = settings(max_examples=150, deadline=None)

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """``n`` (0..1,000,000) in words, news style: "three hundred and forty-two thousand"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        joiner = " and " if 0 < rest < 100 else " "
        return f"{spell(thousands)} thousand" + (f"{joiner}{spell(rest)}" if rest else "")
    return "one million"


def figures_in(text: str):  # type: ignore[no-untyped-def]
    return find_figures(text, frame(text))


def value_of(text: str, rendered: str) -> float:
    start = text.index(rendered)
    hits = [f for f in figures_in(text) if f.start <= start and f.end >= start + len(rendered)]
    assert hits, f"{rendered!r} not found in {text!r}: {figures_in(text)}"
    return hits[0].magnitude


@SETTINGS
@given(st.text())
def test_spans_slice_to_text_on_any_input(text: str) -> None:
    """On arbitrary Unicode, extraction never raises and every span slices to its text."""
    for f in figures_in(text):
        assert text[f.start : f.end] == f.text
        assert 0 <= f.start < f.end <= len(text)


@SETTINGS
@given(st.lists(st.sampled_from(["1", ",", ".", " ", "-", "$", "more than ", "million", "%", "one", "-hour", "\n", "2014"]), max_size=60))
def test_number_shaped_noise_never_raises(parts: list[str]) -> None:
    """Text made of number-like pieces never raises and keeps spans exact."""
    text = "".join(parts)
    for f in figures_in(text):
        assert text[f.start : f.end] == f.text


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_separated_integers_parse_back(n: int) -> None:
    """An integer with thousands separators parses back to itself."""
    rendered = f"{n:,}"
    assert value_of(f"The agency counted {rendered} cases.", rendered) == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10**9).filter(lambda n: not 1000 <= n <= 2099))
def test_plain_integers_parse_back(n: int) -> None:
    """An integer written without separators parses back to itself."""
    assert value_of(f"The agency counted {n} cases.", str(n)) == n


@SETTINGS
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9), ("k", 1e3)]),
)
def test_magnitude_words_parse_back(mantissa: int, decimals: int, magnitude: tuple[str, float]) -> None:
    """"2.5 million", "1.25bn", "300k" parse back to their value."""
    word, scale = magnitude
    number = mantissa / 10**decimals
    rendered = f"{number:.{decimals}f}" + ("" if word in ("bn", "k") else " ") + word
    value = value_of(f"The agency counted {rendered} cases.", rendered)
    assert math.isclose(value, number * scale, rel_tol=1e-9)


@SETTINGS
@given(
    st.integers(min_value=1, max_value=99_999),
    st.sampled_from(
        [
            ("${}", "USD"),
            ("US${}", "USD"),
            ("€{}", "EUR"),
            ("£{}", "GBP"),
            ("¥{}", "JPY"),
            ("USD {}", "USD"),
            ("{} dollars", "USD"),
            ("{} euros", "EUR"),
            ("{} EUR", "EUR"),
            ("{} million pounds", "GBP"),
            ("${} million", "USD"),
        ]
    ),
)
def test_currency_placements_parse_back(amount: int, style: tuple[str, str]) -> None:
    """Money parses back to its amount and currency wherever the currency is written."""
    template, code = style
    rendered = template.format(f"{amount:,}")
    text = f"The ministry paid {rendered} in aid."
    start = text.index(rendered)
    hits = [f for f in figures_in(text) if f.start <= start and f.end >= start + len(rendered)]
    assert hits and hits[0].kind == "money" and hits[0].unit == code
    expected = amount * (1e6 if "million" in template else 1)
    assert math.isclose(hits[0].magnitude, expected, rel_tol=1e-9)


@SETTINGS
@given(st.integers(min_value=2, max_value=1_000_000))
def test_spelled_out_numbers_parse_back(n: int) -> None:
    """Numbers spelled out up to a million parse back to their value."""
    rendered = spell(n)
    assert value_of(f"The agency counted {rendered} cases.", rendered) == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=2))
def test_percentages_parse_back(n: int, decimals: int) -> None:
    """"12.5%", "12.5 percent" and "12.5 per cent" parse back as percent."""
    number = n / 10**decimals
    for suffix in ("%", " percent", " per cent"):
        rendered = f"{number:.{decimals}f}{suffix}"
        text = f"Prices rose {rendered} this year."
        hits = [f for f in figures_in(text) if f.text == rendered]
        assert hits and hits[0].unit == "percent" and math.isclose(hits[0].magnitude, number, rel_tol=1e-9)


def test_spell_helper() -> None:
    """The test's own speller writes news-style numbers."""
    assert spell(342_017) == "three hundred and forty-two thousand and seventeen"
    assert spell(21) == "twenty-one"
