"""Configuration: which rules run, at what severity, with which packs. (File loading being written.)"""

from __future__ import annotations

import attrs


@attrs.frozen
class Config:
    """Settings for a check run. ``select``/``ignore`` take rule ids, codes or prefixes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = attrs.field(factory=dict)
    packs: tuple[str, ...] = ()
    default_packs: bool = True
    fail_on: str = "warning"

    def enabled(self, rule_id: str, code: str | None = None) -> bool:
        """Whether a rule runs: selected (or nothing selected) and not ignored."""
        names = [n for n in (rule_id, code) if n]

        def matches(patterns: tuple[str, ...]) -> bool:
            return any(n.startswith(p) for p in patterns for n in names)

        if self.select and not matches(self.select):
            return False
        return not matches(self.ignore)
