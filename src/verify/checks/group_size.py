"""Group size: a named group whose stated size or listed members disagree with a pack.

## What it flags

A named group from a pack (the shipped ``groups`` pack: G7, G20, NATO, the EU, the Bucharest
Nine, Five Eyes, P5, BRICS, ASEAN, the Nordic countries) when the copy

- states its size and the size is not the one in force on the publication date: "NATO's 29
  members" in a 2022 story (30 from March 2020), "the 28-nation EU" after Brexit;
- enumerates its members and the list is too short or too long, or names a non-member: "the
  Group of Seven — the U.S., Britain, France, Germany, Italy and Japan" (six: Canada is missing).

Stated sizes are read in the forms that claim the whole group ("NATO's 30 members", "the
27-nation EU", "all 27 EU countries", "the EU, which has 27 members"); a bare "the 23 NATO
members that…" is only checked when 23 is a size the group has had at some time (a stale
count). Lists are read after a colon, a dash, a bracket, or — when every item is a member — a
comma. Without a publication date, only a size the group never had is reported. Partial lists
("including", "such as"), subsets ("two G7 members, France and Italy"),
and sentences about a change of membership or an earlier time ("when NATO had 16 members",
"before Brexit", "Finland joined") are left alone.

## Why it matters

Group sizes change (NATO 30 -> 31 -> 32, the EU 28 -> 27, BRICS 5 -> 9 -> 10) and copy written
from memory or an old template keeps the old number.

## Example

"The G7 — the United States, Britain, France, Germany, Italy and Japan — met in Cornwall."
-> ``group-size`` (warning): the G7 has 7 members; the list names 6 (missing: Canada),
reference ``groups/g7``.

## Use instead

"NATO's 30 members" (2022), or name every member; say "including" for a partial list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from verify._regex import alternation
from verify.checks._base import CheckContext, Rule
from verify.checks.list_count import NUMBER_WORDS, may_list, read_list
from verify.model import Finding, Span
from verify.packs import Group, GroupSize, Pack, aliases, find_phrase, has_phrase

RULES = (Rule("group-size", "VR302", "warning", "A named group whose stated size or listed members disagree with a pack."),)
RULE = RULES[0]

#: A count: digits or a number word (a trie, see alternation: the size patterns search for it at
#: every position of the words around a mention).
_N = r"(?P<n>\d{1,3}|(?i:" + alternation(w for w in NUMBER_WORDS if " " not in w and w != "both") + r"))"
#: Words that date a group's size ("then", "before it joined"). The check only asks whether a
#: sentence holds one, so they are matched as a trie (see alternation).
_TEMPORAL_WORDS = (
    "then", "at the time", "when", "before", "until", "till", "formerly", "originally", "once", "back in",
    "previously", "founding", "original", "join", "joins", "joined", "joining", "accession", "admitted",
    "admit", "admits", "expand", "expanded", "expanding", "expansion", "enlargement", "enlarged", "leave",
    "left", "leaving", "Brexit", "withdraw", "withdrew", "withdrawal", "will have", "would have", "had",
)
_TEMPORAL = re.compile(r"\b(?:" + alternation(_TEMPORAL_WORDS) + r")\b", re.IGNORECASE)
#: The same words in lower case, for an ASCII sentence lower-cased: there IGNORECASE matches an
#: ASCII letter only as its two cases, and the case-blind scan costs half as much again.
_TEMPORAL_LOWER = re.compile(r"\b(?:" + alternation(w.lower() for w in _TEMPORAL_WORDS) + r")\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PARTIAL = re.compile(
    r"(?i:including|includes|include|such as|like|notably|among them|among|led by|mainly|mostly|chiefly|"
    r"especially|particularly|e\.g\.|for example|for instance|with|plus|besides|except|excluding|and)\b"
)
_CLAIM_END = re.compile(
    r"\s*(?:[,.;:)!?—–]|--|$)|\s+(?:and|but|to|will|would|is|are|was|were|have|has|agreed|met|meet|meets|signed|"
    r"said|say|says|voted|vote|approved|approve|backed|back|must|should|can|could|may|adopted|adopt|promised|"
    r"pledged|gathered|gather|condemned|called|urged|welcomed|face|faced|decided|need|want)\b"
)
_DESCRIBING = re.compile(r"(?:\s+(?!(?:are|is|were|was|comprise|comprises|consist|consists|of|and|or|with|to|in|on|for|at)\b)[a-z][a-z-]*){0,2}")
_VERBAL = re.compile(r"\s+(?P<sep>are|were|comprise|comprises|comprised|consist of|consists of|is made up of|are made up of)\s+")
_OF = re.compile(r"\s+(?P<sep>of|comprising|made up of)\s+")
_SEPARATOR = re.compile(r"\s{0,3}(?:\((?:[^()\n]{1,20})\))?\s{0,3}(?P<sep>:|--|—|–|\(|,)\s{0,3}")


def run(ctx: CheckContext) -> Iterable[Finding]:
    groups = [g for pack in ctx.packs for g in pack.groups]
    if not groups:
        return
    names = _name_index(tuple(ctx.packs))
    prose = ctx.prose
    reported: set[tuple[int, int]] = set()
    index = _alias_index(tuple(ctx.packs))
    present = index.firsts.present(prose)  # one scan for the first word of every alias
    for group, alias, first in index.aliases:
        if first not in present:
            continue  # a case-sensitive match needs its first word verbatim: skip the regex scan
        for start, end in find_phrase(prose, alias, case=True, suffix=False):
            sentence = ctx.sentence(start)
            for finding in _check_mention(ctx, prose, group, names, sentence, start, end):
                key = (finding.start, finding.end)
                if key not in reported:
                    reported.add(key)
                    yield finding


class _Words:
    """A vocabulary, and which of its words a text holds as substrings, found in one scan.

    A trie of the words, longest first, finds at each position it tries the longest word
    there, and every word that is a prefix of it stands there too. The scan does not try the
    positions inside a word it found, so a word that can begin inside a word found (a suffix of
    that word is a prefix of it, or it stands inside that word) is searched for alone, as is a
    blank word, always.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        vocabulary = set(vocabulary)
        words = sorted(w for w in vocabulary if w.strip())
        self._scan = re.compile(alternation(words)) if words else None
        self._prefixes = {w: frozenset(v for v in words if w.startswith(v)) for w in words}
        self._blank = frozenset(w for w in vocabulary if not w.strip())
        # The words that can begin inside some word: one of their prefixes is a suffix of it, or
        # they are a prefix of one of its suffixes (they stand inside it). Few: each is then
        # paired with the words it can begin inside.
        suffixes = {u[k:] for u in words for k in range(1, len(u))}
        inside = {x[:j] for x in suffixes for j in range(1, len(x) + 1)}
        hidden = [w for w in words if w in inside or any(w[:i] in suffixes for i in range(1, len(w) + 1))]
        #: The words that can begin inside each word.
        self._hidden_by = {u: frozenset(w for w in hidden if _begins_inside(w, u)) for u in words}

    def present(self, text: str) -> set[str]:
        """``{w for w in vocabulary if w in text}``."""
        found: set[str] = {w for w in self._blank if w in text}
        for word in set(self._scan.findall(text)) if self._scan else ():
            found |= self._prefixes[word]
            found.update(w for w in self._hidden_by[word] if w not in found and w in text)
        return found


def _begins_inside(w: str, u: str) -> bool:
    """Whether an occurrence of ``w`` can begin inside one of ``u`` (not at its start)."""
    return any(w.startswith(u[k:]) or u[k:].startswith(w) for k in range(1, len(u)))


class _AliasIndex:
    """The aliases of a set of packs, with their first words (see :class:`_Words`)."""

    def __init__(self, packs: tuple[Pack, ...]) -> None:
        #: Every (group, alias, the alias's first word), in pack order.
        self.aliases = tuple(
            (group, alias, _first_word(alias)) for pack in packs for group in pack.groups for alias in group.aliases
        )
        self.firsts = _Words(first for _, _, first in self.aliases)


@lru_cache(maxsize=16)
def _alias_index(packs: tuple[Pack, ...]) -> _AliasIndex:
    """The alias index of ``packs``, built once per set of packs, not once per article."""
    return _AliasIndex(packs)


def _check_mention(
    ctx: CheckContext, prose: str, group: Group, names: dict[str, str], sentence: Span, start: int, end: int
) -> Iterable[Finding]:
    # A sentence that dates a size or tells of a change of membership is left alone; it is asked
    # last, of the few mentions that would be reported (most are not, and the question scans the
    # sentence for its dating words): the answer is the same.
    stated = _stated_size(prose, group, sentence, start, end)
    if stated is not None:
        size = group.size_on(ctx.published)
        n, span, strong = stated
        if n not in _right_counts(ctx, group, size) and (strong or n in group.ever()):
            if _changing(sentence.text, ctx):
                return
            message = (
                f"{span.text!r}: {group.name} has {_counts(size)} members"
                + (f" as of {ctx.published.isoformat()}" if ctx.published else "")
                + f" ({group.citation(size).source})."
            )
            yield ctx.finding(RULE, span, message, reference=group.citation(size))
            return
    found = list(_check_list(ctx, prose, group, names, sentence, start, end))
    if found and not _changing(sentence.text, ctx):
        yield from found


#: A count just before a group's name ("two G7 members", "three of the Nordic …").
_SUBSET_COUNT = re.compile(_N + r"\s+(?:of\s+)?(?:the\s+)?(?:[A-Za-z-]+\s+)?$")


def _check_list(
    ctx: CheckContext,
    prose: str,
    group: Group,
    names: dict[str, str],
    sentence: Span,
    start: int,
    end: int,
) -> Iterable[Finding]:
    if not may_list(prose, end, sentence.end):
        return  # every list read_list reads closes on "and" or "or" (list-count's gate): none follows
    pos = end
    # Up to two describing words after the name: "the Group of Seven industrialized nations —".
    noun_match = _DESCRIBING.match(prose, pos, sentence.end)
    pos = noun_match.end()
    sep = _SEPARATOR.match(prose, pos, sentence.end) or _VERBAL.match(prose, pos, sentence.end)
    if not sep and noun_match.end() > noun_match.start():
        # "the Five Eyes alliance of the U.S., Britain, …": "of" after a collective noun.
        sep = _OF.match(prose, pos, sentence.end)
    if not sep:
        return
    after = sep.end()
    if _PARTIAL.match(prose, after, sentence.end):
        return
    listed = read_list(prose, after, sentence.end, names=True)
    if listed is None or listed.partial:
        return
    # A count just before the name makes the list a subset ("two G7 members, France and
    # Italy"), unless it is the group's own size ("the five permanent members"). Asked once a
    # list is read (most mentions have none): the answer is the same.
    size = group.size_on(ctx.published)  # only once a list is read: most mentions have none
    before = prose[max(sentence.start, start - 25) : start]
    count_before = _SUBSET_COUNT.search(before)
    if count_before and _number(count_before.group("n")) not in size.counts:
        return
    resolved = [names.get(_key(item.text)) for item in listed.items]
    members = set(group.members)
    known_members = [r for r in resolved if r in members]
    if sep.group("sep") == "," or sep.re is _VERBAL:
        # A comma or "are" may just as well join other things: every item must be a member.
        if len(known_members) != len(resolved):
            return
    elif len(known_members) * 2 < len(resolved):
        return
    count = len(listed.items)
    outsiders = [item.text for item, r in zip(listed.items, resolved, strict=True) if r is not None and r not in members]
    if count in _right_counts(ctx, group, size) and not outsiders:
        return
    missing = [m for m in group.members if m not in resolved] if members and len(group.members) in size.counts else []
    bits = [f"{group.name} has {_counts(size)} members" + (f" as of {ctx.published.isoformat()}" if ctx.published else "")]
    bits.append(f"the list names {count}")
    if outsiders:
        bits.append("not members: " + ", ".join(outsiders))
    if missing and len(missing) <= 5:
        bits.append("missing: " + ", ".join(missing))
    where = Span(listed.span.start, listed.span.end, listed.span.text)
    name = Span(start, end, prose[start:end])
    message = "; ".join(bits) + f" ({group.citation(size).source})."
    yield ctx.finding(RULE, name, message, related=(where,), reference=group.citation(size))


#: The parts of the size patterns before their noun, shared by every group: each group compiles
#: only its short noun patterns (a count's trie compiled into every group's patterns made the
#: first document cost ~10 ms). ``(?=\s)``: the count that the noun pattern's ``\s+`` can follow.
_POSSESSIVE_COUNT = re.compile(r"(?:'s|’s)\s+" + _N + r"(?=\s)")  # NATO's 29 members / the EU's 27 member states
_VERBAL_COUNT = re.compile(  # NATO, which has 30 members / the EU has 27 members / the G20, made up of 20 members
    r",?\s{1,3}(?:(?:which|that)\s{1,3})?(?:now\s{1,3})?(?:has|have|with|comprises|comprising|includes|is made up of|made up of|of)\s{1,3}"
    + _N + r"(?=\s)"
)
_ALL_COUNT = re.compile(r"\b(?P<all>(?i:all|the))\s+" + _N + r"\s+")  # the 30 members of NATO: its "all 30 "


# The noun patterns of _stated_size for a group's nouns, compiled once per noun list (a pack's
# vocabulary) instead of for every mention, and only when a count before them has matched: most
# documents need none, and compiling them is most of what a first document costs.


def _nouns(nouns: tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))


@lru_cache(maxsize=64)
def _noun_after(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """The 30 NATO members: the noun after the name (and after a count, see _POSSESSIVE_COUNT)."""
    # Bound to the name it is matched by (never searched): the robustness tests read its use so.
    noun_after = re.compile(r"\s+(?P<noun>" + _nouns(nouns) + r")\b")
    return noun_after


@lru_cache(maxsize=64)
def _noun_of(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """The 30 members of NATO / all 27 members of the EU, after _ALL_COUNT."""
    noun_of = re.compile(r"(?P<noun>" + _nouns(nouns) + r")\s+of\s+(?:the\s+)?$")  # as noun_after
    return noun_of


def _count_noun(count: re.Pattern[str], nouns: tuple[str, ...], text: str) -> tuple[int, str, int] | None:
    """Where a count that ``count`` matches at the start of ``text`` and one of ``nouns`` after it
    stand: (count start, count text, noun end). Only one count can be followed by a space (digits
    and number words cannot stop early before one), so the split matches as the joined pattern did."""
    m = count.match(text)
    if m is None:
        return None
    noun_after = _noun_after(nouns)
    tail = noun_after.match(text, m.end())
    return None if tail is None else (m.start("n"), m.group("n"), tail.end("noun"))


def _members_of(nouns: tuple[str, ...], text: str) -> tuple[int, str, int, str] | None:
    """The leftmost "all|the <count> <noun> of (the)" ending ``text``: (count start, count text,
    noun end, "all" or "the"). ``_ALL_COUNT``'s matches cannot overlap (none starts inside
    another), so trying each in turn finds every start the joined pattern's search could use."""
    for m in _ALL_COUNT.finditer(text):
        noun_of = _noun_of(nouns)
        tail = noun_of.match(text, m.end())
        if tail is not None:
            return m.start("n"), m.group("n"), tail.end("noun"), m.group("all")
    return None


#: A size written before the name: "the 30-member NATO", "all 27 EU countries". Every match
#: holds one of _SIZE_KINDS as written, so a window without one is not searched (the pattern
#: tries each of its positions).
_SIZE_KINDS = ("member", "nation", "country", "state", "strong")
_SIZED_BEFORE = re.compile(r"\b(?P<all>(?i:all|the|its|their))?\s*" + _N + r"[- ](?P<kind>" + "|".join(_SIZE_KINDS) + r")\s+(?:[a-z]+\s+)?$")
#: A count right before the name: "all 30 NATO allies", "the five Nordic countries".
_COUNT_BEFORE = re.compile(r"\b(?P<all>(?i:all|the|its|their))\s+" + _N + r"\s+$")


def _stated_size(prose: str, group: Group, sentence: Span, start: int, end: int) -> tuple[int, Span, bool] | None:
    """A size stated for the group around its mention: (count, span, whether it claims the whole)."""
    after = prose[end : sentence.end]
    before_start = max(sentence.start, start - 40)
    before = prose[before_start:start]
    for count in (_POSSESSIVE_COUNT, _VERBAL_COUNT):
        found = _count_noun(count, group.nouns, after)
        if found:
            n_start, n_text, noun_end = found
            span = Span(end + n_start, end + noun_end, after[n_start:noun_end])
            # "NATO, with two members opposed," or "has three members that border Russia"
            # count a part; only a count the clause ends on claims the whole group.
            return _number(n_text), span, bool(_CLAIM_END.match(prose, span.end, sentence.end))
    # the 30-member NATO / the 27-nation EU / all 27 EU countries / the 30 NATO allies
    m = _SIZED_BEFORE.search(before) if any(kind in before for kind in _SIZE_KINDS) else None
    if m:
        span_start, span_end = before_start + m.start("n"), before_start + m.end("kind")
        return _number(m.group("n")), Span(span_start, span_end, prose[span_start:span_end]), True
    m = _COUNT_BEFORE.search(before) if _ends_with_count(before) else None
    if m:
        noun_after = _noun_after(group.nouns)
        tail = noun_after.match(after)
        named = any(has_phrase(prose[start:end], n) for n in group.nouns)
        if tail or named:
            stop = end + (tail.end() if tail else 0)
            span = Span(before_start + m.start("n"), stop, prose[before_start + m.start("n") : stop])
            # "all 30 NATO allies" and "the five Nordic countries" claim the whole group;
            # "the 23 NATO members that…" or "the three Nordic countries bordering…" do not.
            strong = (m.group("all").lower() == "all" or (named and not tail)) and not _restricted(prose, stop, sentence.end)
            return _number(m.group("n")), span, strong
    # the 30 members of NATO / all 27 members of the EU
    found = _members_of(group.nouns, before) if _ends_with_of(before) else None
    if found:
        n_start, n_text, noun_end, claim = found
        span = Span(before_start + n_start, before_start + noun_end, before[n_start:noun_end])
        return _number(n_text), span, claim.lower() == "all"
    return None


# Cheap tests of the end of the text before a name, for the two patterns searched there that
# end with "\s+$" (each tries every position of the text): most mentions have neither ending.
# str.split and str.isspace read whitespace as \s does.
_N_ALONE = re.compile(_N)


def _ends_with_count(text: str) -> bool:
    """Whether ``text`` ends with a count and whitespace, as every _COUNT_BEFORE match does."""
    if not text[-1:].isspace():
        return False
    last = text.rsplit(None, 1)[-1:]
    return bool(last) and _N_ALONE.fullmatch(last[0]) is not None


def _ends_with_of(text: str) -> bool:
    """Whether ``text`` ends with "of" or "of the" and whitespace, as every _members_of match does."""
    if not text[-1:].isspace():
        return False
    last = text.rsplit(None, 2)
    return last[-1:] == ["of"] or last[-2:] == ["of", "the"]


def _restricted(prose: str, pos: int, limit: int) -> bool:
    """Whether a restrictive clause follows ("… that spend 2%", "… bordering Russia")."""
    return bool(re.match(r"\s+(?:that|who|which|with|in|on|from|bordering|near|along|whose)\b", prose[pos:limit]))


def _changing(sentence: str, ctx: CheckContext) -> bool:
    """Whether the sentence dates a size or tells of a change of membership (read once per
    sentence of the document: a sentence often names a group twice)."""
    key = (_changing, sentence)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _read_changing(sentence, ctx.published.year if ctx.published else None)
    return found  # type: ignore[return-value]


def _read_changing(sentence: str, year: int | None) -> bool:
    if _dated(sentence):
        return True
    # Every year _YEAR reads begins "18", "19" or "20": most sentences hold none, and no scan.
    if "18" not in sentence and "19" not in sentence and "20" not in sentence:
        return False
    return any(int(y) != year for y in _YEAR.findall(sentence))


def _dated(sentence: str) -> bool:
    """Whether the sentence holds one of the words that date a group's size (``_TEMPORAL``)."""
    if sentence.isascii():
        return _TEMPORAL_LOWER.search(sentence.lower()) is not None
    return _TEMPORAL.search(sentence) is not None


def _number(text: str) -> int:
    return NUMBER_WORDS.get(text.lower()) or int(text)


def _right_counts(ctx: CheckContext, group: Group, size: GroupSize) -> set[int]:
    """The counts that are right: on the publication date, or — undated — at any time."""
    return set(size.counts) if ctx.published is not None else group.ever()


def _counts(size: GroupSize) -> str:
    return " or ".join(str(c) for c in size.counts)


@lru_cache(maxsize=4096)
def _first_word(alias: str) -> str:
    """The alias's first word (words are split on spaces and hyphens, as in ``find_phrase``)."""
    return next((w for w in re.split(r"[\s-]+", alias.strip()) if w), alias)


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _key(name: str) -> str:
    return _THE.sub("", name.strip()).lower()


@lru_cache(maxsize=16)
def _name_index(packs: tuple[Pack, ...]) -> dict[str, str]:
    """Lower-case name or alias -> canonical name, over every member and every alias table.

    Built once per set of packs (a pack hashes once), not once per article; read-only."""
    index: dict[str, str] = {}
    for group in (g for pack in packs for g in pack.groups):
        for member in group.members:
            index[_key(member)] = member
    for canonical, names in aliases(packs).items():
        index[_key(canonical)] = canonical
        for name in names:
            index[_key(name)] = canonical
    return index


__all__ = ["RULES", "run"]
