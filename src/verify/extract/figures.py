"""Figures: numbers in prose, normalised to pint quantities with bounds. (Being written.)"""

from __future__ import annotations

from verify.extract.text import TextFrame
from verify.model import Figure


def find_figures(prose: str, frame: TextFrame) -> list[Figure]:
    """Every figure in ``prose``, in text order."""
    return []
