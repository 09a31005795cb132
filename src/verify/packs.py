"""Rule packs: TOML data that newsrooms edit and review. (Loader being written.)"""

from __future__ import annotations

from pathlib import Path

import attrs


@attrs.frozen
class Pack:
    name: str
    description: str = ""
    path: str | None = None
    references: tuple = ()
    groups: tuple = ()
    bounds: tuple = ()


def load_pack(path: str | Path) -> Pack:
    raise NotImplementedError


def default_packs() -> tuple[Pack, ...]:
    return ()
