"""Regex building blocks shared by the extractors.

:func:`alternation` turns a word list into a prefix tree ("thu(?:r(?:s(?:day)?)?)?" rather than
"thursday|thurs|thur|thu"). It matches exactly what the flat, longest-first alternation matches,
in the same order of preference, but sre tries one branch per character instead of every word
at every position: on a vocabulary of a few hundred words that makes a scan several times
faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""

#: The characters IGNORECASE matches to an ASCII letter other than their lower case ("İ" and
#: "ı" to "i", "ſ" to "s"; "İ" also lower-cases to two characters) and the Kelvin sign (which
#: lower-cases to "k"), listed to be safe: with one of them in a text, a case-blind pattern may
#: match where the same pattern does not match the lower-cased text.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDS = re.compile(f"[{FOLDS_TO_ASCII}]")


def folds_to_ascii(text: str) -> bool:
    """Whether ``text`` holds one of :data:`FOLDS_TO_ASCII` (one C-level test for ASCII text)."""
    return not text.isascii() and _FOLDS.search(text) is not None


def alternation(words: Iterable[str], space: str | None = None) -> str:
    """A regex matching any of ``words``, the longest possible first, built as a prefix tree.

    ``words`` are words or phrases with single spaces between words (as the vocabulary tables
    write them).
    ``space``, when given, is the pattern a space in a word stands for (say ``r"\\s{1,3}"``);
    otherwise a space matches itself. The result is a group-free pattern safe to embed anywhere.
    """
    tree: dict[str, dict] = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branch(tree, space) if tree else "(?!)"


def _branch(node: dict[str, dict], space: str | None) -> str:
    alternatives = []
    for char in sorted(k for k in node if k != _END):
        head = space if (char == " " and space is not None) else re.escape(char)
        alternatives.append(head + _branch(node[char], space))
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if _END in node:
        # The word may end here: the longer words are tried first (greedy), as longest-first does.
        return "(?:" + body + ")?"
    return body
