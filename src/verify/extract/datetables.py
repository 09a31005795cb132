"""The words dates are written in: months, weekdays, ordinals, units, tense cues. Data, not code.

:mod:`verify.extract.dates` builds its patterns from these tables at import, the way dateutil's
``parserinfo`` keeps its names as attributes. Extend a table to teach verify a new spelling;
keys are lower case.
"""

from __future__ import annotations

#: Month names and abbreviations (with or without a full stop) -> month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

#: Full month names (the rest are abbreviations, which may take a full stop).
FULL_MONTHS = frozenset(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))

#: Month words that are also ordinary English words ("may", "march", "august"): these count as
#: months only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "august", "aug"})

#: Weekday names and abbreviations -> weekday number (0 = Monday).
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

#: Abbreviation styles for restating a weekday in the article's own style.
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: Spelled-out ordinal days ("March first", "the third of May").
ORDINAL_DAYS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}  # fmt: skip

#: Ordinals for quarters and centuries.
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11,
    "twelfth": 12, "12th": 12, "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14,
    "fifteenth": 15, "15th": 15, "sixteenth": 16, "16th": 16, "seventeenth": 17, "17th": 17,
    "eighteenth": 18, "18th": 18, "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20,
    "twenty-first": 21, "21st": 21, "twenty-second": 22, "22nd": 22,
}  # fmt: skip

#: Counts in relative expressions ("two days later", "a week ago"). None marks a vague count
#: ("a few", "several"), which gives a vague interval.
COUNTS: dict[str, int | None] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "a couple of": 2, "a couple": 2, "couple of": 2,
    "a few": None, "few": None, "several": None, "a number of": None, "some": None,
    "many": None,
}  # fmt: skip

#: Calendar units of relative expressions -> (relativedelta keyword, multiplier, granularity).
UNITS: dict[str, tuple[str, int, str]] = {
    "day": ("days", 1, "day"),
    "week": ("weeks", 1, "week"),
    "fortnight": ("weeks", 2, "week"),
    "month": ("months", 1, "month"),
    "year": ("years", 1, "year"),
    "decade": ("years", 10, "decade"),
}

#: For a vague count ("a few days"), the range of counts it is read as.
VAGUE_COUNT = (2, 7)

#: Seasons (northern hemisphere, meteorological) -> first month; each lasts three months.
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

#: "early", "mid-", "late" narrow a month or a year to a third of it (fractions of its length).
PARTS: dict[str, tuple[float, float]] = {
    "early": (0.0, 1 / 3),
    "mid": (1 / 3, 2 / 3),
    "late": (2 / 3, 1.0),
}

#: Relative day words -> offset from the publication date in days.
DAY_WORDS: dict[str, int] = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
}

#: Words before a bare month, year or season that mark it as a time ("in January", "since
#: 2014"); without one, "May" and "2014" are too often something else.
TIME_CUES = frozenset(
    """
    in since until till by of from through throughout during before after between and or to
    early late mid last next this past coming each every around circa until starting beginning
    ending as for
    """.split()
)

#: Past-tense verb forms that do not end in "-ed" (the cue table for the clause tense).
IRREGULAR_PAST = frozenset(
    """
    said told met spoke took came went made began left held saw gave got won lost fell rose
    sent brought found kept led ran became broke chose drew drove fled flew fought grew knew
    paid sold stood struck thought wrote wore hung sought caught taught bought fought meant
    felt heard understood withdrew overtook undertook swore threw forbade forgave arose awoke
    shot slid spun stole stuck swept swung woke built dealt bent lent spent shook froze rode
    sank sang rang shone slept bore tore was were had did became hit cut shut quit spread
    """.split()
)

#: "-ed" words that are not past tense verbs in news copy (or that mark the future, such as
#: "scheduled", handled by the future cues).
NOT_PAST = frozenset(
    """
    need needed based armed united related alleged so-called indeed embed biased skilled
    detailed limited advanced concerned interested supposed scheduled expected planned
    proposed slated intended designed set dated titled called named entitled
    """.split()
)

#: Clause tense cues (regular-expression alternations, matched case-insensitively on word
#: boundaries). Future cues are tried first, so "is expected to" is future, not present.
FUTURE_CUES = (
    r"will",
    r"won't",
    r"shall",
    r"(?:is|are|was|were|am)\s{1,3}(?:not\s{1,3})?(?:due|set|scheduled|slated|expected|likely|going|poised|planned|supposed)\s{1,3}to",
    r"(?:is|are|was|were)\s{1,3}to",
    r"(?:is|are|was|were)\s{1,3}(?:not\s{1,3})?(?:due|set|scheduled|slated|planned|expected)\b",
    r"(?:hopes?|hoped|hoping|plans?|planned|planning|intends?|intended|aims?|aimed|expects?|expected|promised?|promises|pledged?|pledges|vowed?|vows|wants?|wanted|agreed?|agrees|prepares?|prepared|seeks?|sought|threatened|threatens)\s{1,3}to",
    r"would",
    r"'ll",
    r"upcoming",
    r"next",
)
PRESENT_CUES = (
    r"is", r"are", r"am", r"says", r"say", r"has", r"have", r"remains?", r"continues?",
    # present-tense event verbs that schedule ("takes effect on Jan. 1", "opens on Feb. 4")
    r"takes", r"begins", r"starts", r"opens", r"closes", r"ends", r"expires", r"runs",
    r"arrives", r"leaves", r"meets", r"resumes", r"returns", r"launches", r"lands", r"visits",
    r"travels", r"hosts", r"marks", r"falls", r"comes", r"kicks", r"concludes", r"convenes",
)  # fmt: skip

#: Words before a date that make it a bound, not the time of the clause's event ("extended to
#: Dec. 31", "by 2030"): such a date is read as the nearest one,
#: whatever the tense. A date after "since" always lies before publication.
BOUND_WORDS = frozenset({"to", "until", "till", "through", "thru", "by"})

#: Future cues that report a future from the past ("said it would meet on December 1"): the
#: event may well be over by publication, so the reported-after-publication check ignores them.
FUTURE_IN_PAST = ("would", "was", "were", "hoped", "planned", "intended", "aimed", "expected",
                  "promised", "pledged", "vowed", "wanted", "agreed", "prepared", "sought",
                  "threatened")  # fmt: skip

#: Connectives that state an order between two dated events. "<" means the event before the
#: connective comes before the one after it ("X on Dec. 7, before Y on Dec. 9").
ORDER_CONNECTIVES: dict[str, str] = {
    "before": "<",
    "prior to": "<",
    "ahead of": "<",
    "in advance of": "<",
    "then": "<",
    "followed by": "<",
    "later": "<",
    "after": ">",
    "following": ">",
    "preceded by": ">",
    "earlier": ">",
}

#: Reporting verbs: a date before one of these dates the reporting, not the events reported.
REPORTING = frozenset(
    """
    said say says told tell announced announce reported report stated added confirmed
    wrote noted argued claimed insisted warned explained revealed disclosed testified
    that
    """.split()
)

#: Holidays -> how to find their date in a year: ("fixed", month, day); ("nth", month,
#: weekday, n) for the n-th weekday of the month (n = -1 for the last); ("easter", days after
#: Western Easter Sunday); ("after", other holiday, days after it).
HOLIDAY_RULES: dict[str, tuple] = {
    "new year's day": ("fixed", 1, 1),
    "new year's eve": ("fixed", 12, 31),
    "christmas": ("fixed", 12, 25),
    "christmas eve": ("fixed", 12, 24),
    "boxing day": ("fixed", 12, 26),
    "valentine's day": ("fixed", 2, 14),
    "st. patrick's day": ("fixed", 3, 17),
    "independence day": ("fixed", 7, 4),
    "halloween": ("fixed", 10, 31),
    "veterans day": ("fixed", 11, 11),
    "juneteenth": ("fixed", 6, 19),
    "martin luther king day": ("nth", 1, 0, 3),
    "presidents' day": ("nth", 2, 0, 3),
    "mother's day": ("nth", 5, 6, 2),
    "memorial day": ("nth", 5, 0, -1),
    "father's day": ("nth", 6, 6, 3),
    "labor day": ("nth", 9, 0, 1),
    "columbus day": ("nth", 10, 0, 2),
    "thanksgiving": ("nth", 11, 3, 4),
    "black friday": ("after", "thanksgiving", 1),
    "easter": ("easter", 0),
    "good friday": ("easter", -2),
    "easter monday": ("easter", 1),
    "palm sunday": ("easter", -7),
    "ash wednesday": ("easter", -46),
    "mardi gras": ("easter", -47),
    "pentecost": ("easter", 49),
}

#: Ways of writing each holiday (lower case; "'" stands for either apostrophe).
HOLIDAYS: dict[str, str] = {
    "new year's day": "new year's day", "new years day": "new year's day", "new year day": "new year's day",
    "new year's eve": "new year's eve", "new years eve": "new year's eve",
    "christmas": "christmas", "christmas day": "christmas", "xmas": "christmas",
    "christmas eve": "christmas eve", "boxing day": "boxing day",
    "valentine's day": "valentine's day", "valentines day": "valentine's day", "valentine day": "valentine's day",
    "st. patrick's day": "st. patrick's day", "st patrick's day": "st. patrick's day",
    "saint patrick's day": "st. patrick's day", "st. patricks day": "st. patrick's day",
    "st patricks day": "st. patrick's day", "saint patricks day": "st. patrick's day",
    "independence day": "independence day", "the fourth of july": "independence day",
    "fourth of july": "independence day", "july fourth": "independence day",
    "halloween": "halloween", "veterans day": "veterans day", "veterans' day": "veterans day",
    "juneteenth": "juneteenth",
    "martin luther king day": "martin luther king day", "martin luther king jr. day": "martin luther king day",
    "martin luther king's day": "martin luther king day", "martin luther kings day": "martin luther king day",
    "mlk day": "martin luther king day", "mlk jr. day": "martin luther king day",
    "presidents' day": "presidents' day", "presidents day": "presidents' day", "president's day": "presidents' day",
    "mother's day": "mother's day", "mothers day": "mother's day",
    "memorial day": "memorial day", "father's day": "father's day", "fathers day": "father's day",
    "labor day": "labor day", "labour day": "labor day", "columbus day": "columbus day",
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving",
    "black friday": "black friday",
    "easter": "easter", "easter sunday": "easter", "good friday": "good friday",
    "easter monday": "easter monday", "palm sunday": "palm sunday", "ash wednesday": "ash wednesday",
    "mardi gras": "mardi gras", "pentecost": "pentecost", "whit sunday": "pentecost",
}  # fmt: skip

#: Holiday names that, written in lower case, are usually ordinary words ("a prayer of
#: thanksgiving"): these count only when capitalised.
LOWERCASE_HOLIDAY_WORDS = frozenset({"thanksgiving", "easter"})

#: Decades written as words ("the nineties") -> the decade's last two digits.
DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
