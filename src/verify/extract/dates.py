"""Date mentions: dates and time expressions resolved against the publication date. (Being written.)"""

from __future__ import annotations

import datetime as dt

from verify.extract.text import TextFrame
from verify.model import DateMention


def find_dates(prose: str, frame: TextFrame, published: dt.date | None) -> list[DateMention]:
    """Every date mention in ``prose``, in text order."""
    return []
