"""A small DOM for tests: HTML parsed with the standard library, with a few queries.

Used by test_html.py (on verify's output) and test_browser.py (on the DOM Chromium renders).
``parse(markup, strict=True)`` fails on any end tag that does not close the innermost open
element, which is how the tests prove that overlapping spans were nested correctly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def by_id(self) -> dict[str, Node]:
        ids: dict[str, Node] = {}
        for n in self.iter():
            if "id" in n.attrs:
                assert n.attrs["id"] not in ids, f"duplicate id {n.attrs['id']!r}"
                ids[n.attrs["id"]] = n
        return ids

    def text(self, skip: Callable[[Node], bool] = lambda n: False) -> str:
        """The text content, leaving out the subtrees ``skip`` names."""
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif not skip(child):
                out.append(child.text(skip))
        return "".join(out)

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Builder(HTMLParser):
    def __init__(self, strict: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.strict:
            assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>: markup is not well nested"
            self.current = self.current.parent or self.root
            return
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent or self.root
        if node is not self.root:
            self.current = node.parent or self.root

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(markup: str, *, strict: bool = True) -> Node:
    builder = _Builder(strict)
    builder.feed(markup)
    builder.close()
    if strict:
        assert builder.current is builder.root, f"<{builder.current.tag}> is never closed"
    return builder.root
