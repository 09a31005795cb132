"""The language of figures, as data: number words, magnitudes, hedges, currencies and units.

These are tables, not code (dateutil's ``parserinfo`` is the model): a newsroom that needs another
unit or currency name adds a row here (and, for a new unit, a line in ``data/units.txt``).
:mod:`verify.extract.figures` compiles them into its patterns once, at import.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Spelled-out numbers

#: Cardinal words and their values ("twenty-three" is read as "twenty" + "three").
ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
#: Scale words: multiply what stands before them ("two hundred thousand").
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
#: Words that multiply like a scale but are not place values.
MULTIPLIERS: dict[str, int] = {"dozen": 12}
#: Fractions written as words ("three-quarters", "two-thirds", "half a million").
FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip
#: Ordinal words ("third", "twenty-first": the last word of a compound is the ordinal one).
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1_000_000,
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Magnitudes after a numeral: "2.3 million", "$1.2bn", "£4.5m", "100K"

#: Magnitude words and abbreviations, case-insensitive ("bn", "Bn", "BN").
MAGNITUDES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9, "dozen": 12, "dozens": 12,
}  # fmt: skip
#: Abbreviations that are a magnitude only next to a currency ("$5m", "€3b"); alone, "5m" is
#: five metres and "3b" is nothing.
MONEY_MAGNITUDES: dict[str, float] = {"m": 1e6, "b": 1e9, "t": 1e12}

# ---------------------------------------------------------------------------------------------
# Digit groups: "100,000", and in SI style "100\u202f000", "1\u2009250\u2009000", "$2\u00a0500"

#: The spaces that may group a numeral's digits by thousands: no-break (U+00A0, "&nbsp;"),
#: figure (U+2007), thin (U+2009) and narrow no-break (U+202F) space. A plain space never does:
#: "in the past 12 100 people" and "Tel: +86 138-2010" put two numbers side by side. A numeral is
#: grouped by them only when its first group has one to three digits and every later group
#: three. ``verify.document`` keeps these spaces as written between the groups of such a
#: numeral (and reads every other wide space as " "); its copy of this string must match.
DIGIT_GROUP_SPACES = "\u00a0\u2007\u2009\u202f"

# ---------------------------------------------------------------------------------------------
# Hedges: the words before (or after) a number that make it a bound.
#
# Each hedge is (bound, exclusive, approximate): bound "low" (the value is at least the number),
# "high" (at most), or None (approximate only). The figure's value is the number stated; the
# bound is the same number ("more than $250 billion": value 2.5e11, low 2.5e11, exclusive).

HEDGES: dict[str, tuple[str | None, bool, bool]] = {
    # lower bounds, exclusive
    "more than": ("low", True, False),
    "over": ("low", True, False),
    "above": ("low", True, False),
    "greater than": ("low", True, False),
    "higher than": ("low", True, False),
    "larger than": ("low", True, False),
    "in excess of": ("low", True, False),
    "upwards of": ("low", True, False),
    "upward of": ("low", True, False),
    "exceeding": ("low", True, False),
    "north of": ("low", True, False),
    "just over": ("low", True, False),
    "just above": ("low", True, False),
    "just more than": ("low", True, False),
    "well over": ("low", True, False),
    "well above": ("low", True, False),
    "slightly more than": ("low", True, False),
    "a little more than": ("low", True, False),
    "far more than": ("low", True, False),
    "much more than": ("low", True, False),
    "bigger than": ("low", True, False),
    "exceeds": ("low", True, False),
    "exceed": ("low", True, False),
    "surpassing": ("low", True, False),
    # lower bounds, inclusive
    "greater than or equal to": ("low", False, False),
    "more than or equal to": ("low", False, False),
    "equal to or more than": ("low", False, False),
    "equal to or greater than": ("low", False, False),
    "at least": ("low", False, False),
    "no less than": ("low", False, False),
    "no fewer than": ("low", False, False),
    "not less than": ("low", False, False),
    "a minimum of": ("low", False, False),
    # upper bounds, exclusive
    "less than": ("high", True, False),
    "fewer than": ("high", True, False),
    "lower than": ("high", True, False),
    "under": ("high", True, False),
    "below": ("high", True, False),
    "just below": ("high", True, False),
    "just under": ("high", True, False),
    "just shy of": ("high", True, False),
    "shy of": ("high", True, False),
    "slightly less than": ("high", True, False),
    "a little less than": ("high", True, False),
    "well under": ("high", True, False),
    "well below": ("high", True, False),
    "nearly": ("high", True, False),
    "almost": ("high", True, False),
    "smaller than": ("high", True, False),
    # upper bounds, inclusive
    "less than or equal to": ("high", False, False),
    "equal to or less than": ("high", False, False),
    "equal to or fewer than": ("high", False, False),
    "up to": ("high", False, False),
    "as many as": ("high", False, False),
    "as much as": ("high", False, False),
    "as high as": ("high", False, False),
    "at most": ("high", False, False),
    "no more than": ("high", False, False),
    "not more than": ("high", False, False),
    "a maximum of": ("high", False, False),
    # approximations
    "about": (None, False, True),
    "around": (None, False, True),
    "roughly": (None, False, True),
    "some": (None, False, True),
    "approximately": (None, False, True),
    "approx.": (None, False, True),
    "circa": (None, False, True),
    "close to": (None, False, True),
    "nearly about": (None, False, True),
    "an estimated": (None, False, True),
    "an approximate": (None, False, True),
    "in the region of": (None, False, True),
    "on the order of": (None, False, True),
    "more or less": (None, False, True),
    "~": (None, False, True),
}
#: Hedges written after the number ("100,000 or more", "500-plus", "20 or so").
POSTFIX_HEDGES: dict[str, tuple[str | None, bool, bool]] = {
    "or more": ("low", False, False),
    "or over": ("low", False, False),
    "or greater": ("low", False, False),
    "plus": ("low", False, False),
    "+": ("low", False, False),
    "or less": ("high", False, False),
    "or fewer": ("high", False, False),
    "or under": ("high", False, False),
    "or so": (None, False, True),
    "and over": ("low", False, False),
    "and above": ("low", False, False),
    "and older": ("low", False, False),
    "or older": ("low", False, False),
    "and up": ("low", False, False),
    "or above": ("low", False, False),
    "and under": ("high", False, False),
    "and below": ("high", False, False),
    "and younger": ("high", False, False),
    "or younger": ("high", False, False),
}
#: Words that open a range: "between 20 and 30", "from 20 to 30".
RANGE_OPENERS = ("between", "from")
#: Words joining the two ends of a range.
RANGE_JOINERS = ("and", "to", "through", "-", "–", "—")
#: Verbs of change: "rose from 10 to 20" is two figures, not the range 10..20.
CHANGE_WORDS = frozenset(
    """
    rose rise rises rising risen fell fall falls falling fallen grew grow grows growing grown
    increased increase increases increasing decreased decrease decreases decreasing jumped jump
    jumps jumping dropped drop drops dropping climbed climb climbs climbing declined decline
    declines declining surged surge surges surging soared soar soars soaring plunged plunge
    plunges plunging slipped slip slips slipping went go goes going moved move moves moving
    cut cuts cutting raised raise raises raising lowered lower lowers lowering revised revise
    revises revising changed change changes changing shrank shrink shrinks shrinking
    expanded expand expands expanding doubled tripled slumped slump tumbled tumble eased ease
    widened widen narrowed narrow swelled swell boosted boost reduced reduce
    """.split()
)

# ---------------------------------------------------------------------------------------------
# Currencies: every one is its own dimension in ``data/units.txt`` (no exchange rates).

#: Symbols written before (or, for some, after) the amount. Longest first when compiled.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "CAN$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "R$": "BRL", "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY", "₦": "NGN", "₪": "ILS", "₿": "BTC",
    "Rs.": "INR", "Rs": "INR", "CHF": "CHF", "RMB": "CNY",
}  # fmt: skip
#: Letters before "$" that name a dollar, written apart or in any case in tokenised copy
#: ("HK $ 10.05 billion", "us$ 5", "c $ 300 million"); "a" is not one ("a $5 bill").
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "hk": "HKD", "nz": "NZD", "au": "AUD", "ca": "CAD",
    "can": "CAD", "sg": "SGD", "mx": "MXN", "c": "CAD",
}  # fmt: skip
#: ISO codes the registry defines, written before or after the amount ("USD 3.14", "20 EUR").
CURRENCY_CODES = (
    "USD EUR GBP JPY CNY INR RUB UAH CAD AUD CHF KRW BRL MXN ZAR NGN TRY SEK NOK DKK PLN HKD "
    "SGD NZD ILS SAR AED EGP KES PKR BTC QAR KWD MYR THB IDR PHP VND ARS CLP COP HUF CZK RON "
    "TWD BGN"
).split()
#: Currency names written after the amount ("20 euros", "5 million Hong Kong dollars"),
#: singular forms; plurals are made by adding "s" unless listed in CURRENCY_PLURALS.
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "canadian dollar": "CAD", "australian dollar": "AUD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "singapore dollar": "SGD", "taiwan dollar": "TWD",
    "new taiwan dollar": "TWD",
    "euro": "EUR", "pound sterling": "GBP", "british pound": "GBP", "sterling": "GBP",
    "egyptian pound": "EGP", "yen": "JPY", "japanese yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "chinese yuan": "CNY", "rupee": "INR", "indian rupee": "INR",
    "pakistani rupee": "PKR", "ruble": "RUB", "rouble": "RUB", "russian ruble": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnya": "UAH", "swiss franc": "CHF", "franc": "CHF",
    "won": "KRW", "south korean won": "KRW", "real": "BRL", "reais": "BRL",
    "brazilian real": "BRL", "mexican peso": "MXN", "rand": "ZAR", "naira": "NGN",
    "lira": "TRY", "turkish lira": "TRY", "swedish krona": "SEK", "kronor": "SEK",
    "norwegian krone": "NOK", "danish krone": "DKK", "zloty": "PLN", "zlotys": "PLN",
    "shekel": "ILS", "new shekel": "ILS", "riyal": "SAR", "saudi riyal": "SAR",
    "qatari riyal": "QAR", "dirham": "AED", "kenyan shilling": "KES", "bitcoin": "BTC",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "forint": "HUF", "koruna": "CZK",
    "kuwaiti dinar": "KWD", "philippine peso": "PHP", "argentine peso": "ARS",
    "chilean peso": "CLP", "colombian peso": "COP", "dong": "VND",
}  # fmt: skip
#: Words that take no "s" in the plural, or whose plural is irregular.
CURRENCY_PLURALS: dict[str, str] = {
    "yen": "yen", "yuan": "yuan", "renminbi": "renminbi", "won": "won", "rand": "rand",
    "naira": "naira", "real": "reais", "lira": "liras", "krona": "kronor", "krone": "kroner",
    "baht": "baht", "rupiah": "rupiah", "ringgit": "ringgit", "forint": "forints",
    "sterling": "sterling", "pound sterling": "pounds sterling", "dong": "dong",
}  # fmt: skip
#: Currency names that are also ordinary words, and so only count right after a numeral with
#: a magnitude ("5 million won") or a currency symbol nearby; listed to keep them out of nouns.
AMBIGUOUS_CURRENCY_NAMES = frozenset({"won", "real", "rand", "dong", "franc", "sterling"})
#: Fractional units: "10 cents" is USD 0.10, "50 pence" GBP 0.50.
SUBUNITS: dict[str, tuple[str, float]] = {
    "cent": ("USD", 0.01), "cents": ("USD", 0.01), "¢": ("USD", 0.01),
    "penny": ("GBP", 0.01), "pence": ("GBP", 0.01), "kopecks": ("RUB", 0.01),
}  # fmt: skip
#: "pounds" is money when a magnitude or "sterling" is written with it, else a weight.
POUND_WORDS = ("pound", "pounds", "quid")

# ---------------------------------------------------------------------------------------------
# Percentages

PERCENT_WORDS: dict[str, tuple[str, float]] = {
    "%": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "per-cent": ("percent", 1.0),
    "pct": ("percent", 1.0),
    "percentage point": ("percentage_point", 1.0),
    "percentage points": ("percentage_point", 1.0),
    "percentage-point": ("percentage_point", 1.0),
    "pct point": ("percentage_point", 1.0),
    "pct points": ("percentage_point", 1.0),
    "points percentage": ("percentage_point", 1.0),
    "pp": ("percentage_point", 1.0),
    "ppt": ("percentage_point", 1.0),
    "ppts": ("percentage_point", 1.0),
    "basis point": ("percentage_point", 0.01),
    "basis points": ("percentage_point", 0.01),
    "basis-point": ("percentage_point", 0.01),
    "bps": ("percentage_point", 0.01),
    "bp": ("percentage_point", 0.01),
}

# ---------------------------------------------------------------------------------------------
# Units of measure: names (case-insensitive; plural "s" added) and symbols (case-sensitive).

#: Unit names, singular, to the registry's unit. A plural adds "s" (or see UNIT_PLURALS).
UNIT_NAMES: dict[str, str] = {
    # length
    "kilometer": "kilometer", "kilometre": "kilometer", "meter": "meter", "metre": "meter",
    "centimeter": "centimeter", "centimetre": "centimeter", "millimeter": "millimeter",
    "millimetre": "millimeter", "mile": "mile", "foot": "foot", "inch": "inch", "yard": "yard",
    "nautical mile": "nautical_mile", "light year": "light_year", "light-year": "light_year",
    # mass
    "kilogram": "kilogram", "kilogramme": "kilogram", "kilo": "kilogram", "gram": "gram",
    "gramme": "gram", "milligram": "milligram", "tonne": "tonne", "metric ton": "tonne",
    "ton": "short_ton", "pound": "pound", "ounce": "ounce",
    # time
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century",
    "millisecond": "millisecond",
    # area
    "hectare": "hectare", "acre": "acre", "square kilometer": "kilometer ** 2",
    "square kilometre": "kilometer ** 2", "square mile": "mile ** 2",
    "square meter": "meter ** 2", "square metre": "meter ** 2", "square foot": "foot ** 2",
    # volume
    "liter": "liter", "litre": "liter", "milliliter": "milliliter", "millilitre": "milliliter",
    "gallon": "gallon", "barrel": "barrel", "cubic meter": "meter ** 3",
    "cubic metre": "meter ** 3", "cubic foot": "foot ** 3",
    # speed
    "mile per hour": "mile_per_hour", "kilometer per hour": "kilometer_per_hour",
    "mile an hour": "mile_per_hour", "kilometer an hour": "kilometer_per_hour",
    "kilometre an hour": "kilometer_per_hour", "barrel a day": "barrel / day",
    "kilometre per hour": "kilometer_per_hour", "knot": "knot",
    "barrel per day": "barrel / day",
    # energy and power
    "joule": "joule", "calorie": "calorie", "kilocalorie": "kilocalorie", "watt": "watt",
    "kilowatt": "kilowatt", "megawatt": "megawatt", "gigawatt": "gigawatt",
    "kilowatt-hour": "kilowatt_hour", "kilowatt hour": "kilowatt_hour",
    "megawatt-hour": "megawatt_hour", "megawatt hour": "megawatt_hour",
    "gigawatt-hour": "gigawatt_hour", "gigawatt hour": "gigawatt_hour",
    "terawatt-hour": "terawatt_hour", "terawatt hour": "terawatt_hour",
    "horsepower": "horsepower",
    # temperature
    "degree celsius": "degree_Celsius", "degree centigrade": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit", "celsius": "degree_Celsius",
    "fahrenheit": "degree_Fahrenheit", "deg celsius": "degree_Celsius",
    "deg fahrenheit": "degree_Fahrenheit", "degree c": "degree_Celsius",
    "degree f": "degree_Fahrenheit", "deg c": "degree_Celsius", "deg f": "degree_Fahrenheit",
    "° celsius": "degree_Celsius", "° fahrenheit": "degree_Fahrenheit",
    # information
    "byte": "byte", "kilobyte": "kilobyte", "megabyte": "megabyte", "gigabyte": "gigabyte",
    "terabyte": "terabyte", "petabyte": "petabyte",
}  # fmt: skip
#: Irregular plurals of unit names.
UNIT_PLURALS: dict[str, str] = {
    "foot": "feet", "inch": "inches", "century": "centuries", "horsepower": "horsepower",
    "celsius": "celsius", "fahrenheit": "fahrenheit", "mile per hour": "miles per hour",
    "kilometer per hour": "kilometers per hour", "kilometre per hour": "kilometres per hour",
    "degree celsius": "degrees celsius", "degree centigrade": "degrees centigrade",
    "degree fahrenheit": "degrees fahrenheit", "deg celsius": "deg celsius",
    "deg fahrenheit": "deg fahrenheit", "degree c": "degrees c", "degree f": "degrees f",
    "deg c": "deg c", "deg f": "deg f", "° celsius": "° celsius", "° fahrenheit": "° fahrenheit",
    "square foot": "square feet", "cubic foot": "cubic feet", "barrel per day": "barrels per day",
    "mile an hour": "miles an hour", "kilometer an hour": "kilometers an hour",
    "kilometre an hour": "kilometres an hour", "barrel a day": "barrels a day",
    "light-year": "light-years",
}  # fmt: skip
#: Unit symbols, case-sensitive, never pluralised ("5 km", "80kg", "30 mph", "2 hrs").
UNIT_SYMBOLS: dict[str, str] = {
    "km": "kilometer", "kms": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter",
    "mi": "mile", "ft": "foot", "in": "inch", "yd": "yard", "nmi": "nautical_mile",
    "kg": "kilogram", "kgs": "kilogram", "g": "gram", "mg": "milligram", "t": "tonne",
    "lb": "pound", "lbs": "pound", "oz": "ounce",
    "sec": "second", "secs": "second", "min": "minute", "mins": "minute", "hr": "hour",
    "hrs": "hour", "h": "hour", "ms": "millisecond", "yr": "year", "yrs": "year",
    "ha": "hectare", "km2": "kilometer ** 2", "km²": "kilometer ** 2", "sq km": "kilometer ** 2",
    "sq mi": "mile ** 2", "m2": "meter ** 2", "m²": "meter ** 2", "sq ft": "foot ** 2",
    "l": "liter", "L": "liter", "ml": "milliliter", "mL": "milliliter", "gal": "gallon", "gals": "gallon", "mls": "milliliter",
    "bbl": "barrel", "bpd": "barrel / day", "m3": "meter ** 3", "m³": "meter ** 3",
    "mph": "mile_per_hour", "km/h": "kilometer_per_hour", "kph": "kilometer_per_hour",
    "kmh": "kilometer_per_hour", "kt": "knot", "kts": "knot",
    "J": "joule", "kJ": "kilojoule", "cal": "calorie", "kcal": "kilocalorie", "W": "watt",
    "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour", "GWh": "gigawatt_hour", "TWh": "terawatt_hour", "hp": "horsepower",
    "°C": "degree_Celsius", "° C": "degree_Celsius", "ºC": "degree_Celsius",
    "°F": "degree_Fahrenheit", "° F": "degree_Fahrenheit", "ºF": "degree_Fahrenheit",
    "C": "degree_Celsius", "F": "degree_Fahrenheit",
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "PB": "petabyte",
}  # fmt: skip
#: Symbols that are a unit only when glued to the number or after a space and then no word
#: ("5 m", "5m"): single letters that are also words ("in", "t", "C", "F", "h", "l", "g").
WEAK_UNIT_SYMBOLS = frozenset({"in", "t", "C", "F", "h", "l", "L", "g", "m", "J", "W", "min", "ms", "kt"})
#: Time units that, followed by a word of relation, make a date expression ("two days later",
#: "one day after", "three weeks ago"): such figures are left to date extraction.
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
RELATIVE_DATE_WORDS = frozenset({"ago", "later", "earlier", "after", "before", "hence", "prior", "since", "previously", "beforehand", "afterwards", "afterward", "from now", "back"})

# ---------------------------------------------------------------------------------------------
# Labels, dates and years: numbers that are not quantities.

#: Months, full and abbreviated (case-sensitive in patterns: "May" is a month, "may" a verb).
MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
WEEKDAYS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun"
).split()
#: Lower-case words that make the number after them a label ("page 3", "version 2", "No. 10").
LABEL_WORDS = frozenset(
    """
    no no. nos. number version v v. ver. article section chapter clause paragraph page pages
    p. pp. route highway interstate flight room suite gate platform seat row level grade
    category tier stage phase channel district precinct ward unit apartment apt. box exhibit
    figure fig. table item rule amendment resolution bill act lot plot track episode season
    series volume vol. issue model type class mark mk size squad jersey shirt
    """.split()
)
#: Capitalised words before a number that do NOT make it a label (sentence starts, hedges).
NOT_LABEL_WORDS = frozenset(
    """
    In On At By To For From Of With Since Until Till Through During Before After Between Over
    Under Above Below About Around Some Nearly Almost Roughly Approximately Only Just Up And But
    Or Nor So Yet The A An Its It His Her Their Our Your My Those These This That All Another
    Each Every Both Than About Less More Fewer Most Least Estimated Exactly Precisely Another
    Already Another Then When While Where As If Because Although Though Whereas Whether Like
    Within Without Across Against Among Amid Into Onto Per Via Including Excluding Plus Minus
    Circa Some Total Totalling Totaling Reaching Only Nearly We They He She You I There Here
    Last Next Past First Second Third Top Bottom Have Has Had Was Were Is Are Be Been Will Would
    Could Should May Might Must Can Did Do Does Said Says Told Another Still Even Also Now
    """.split()
)
#: Prefixes that, glued to a year ("mid-2021", "pre-2014"), make a date expression.
YEAR_PREFIXES = frozenset({"mid", "pre", "post", "early", "late", "end", "fiscal", "fy", "since"})
#: Words before a bare 4-digit number that make it a year ("in 1066", "since 1990").
YEAR_WORDS = frozenset(
    """
    in since by until till from to through during before after between of and or circa c. year
    years fiscal early late mid end spring summer autumn fall winter the in' than around
    """.split()
)
#: Words after a number that mark a sports score or a vote ("won 3-1", "a 5-4 vote").
SCORE_WORDS = frozenset(
    """
    won win wins winning lost lose loses losing beat beats beating defeated defeat defeats
    drew draw draws tied tie ties trailed trail trailing led lead leads leading score scored
    scoreline victory victories loss losses vote votes voted ruling decision record margin
    """.split()
)

# ---------------------------------------------------------------------------------------------
# Counted nouns: words that end the noun phrase after a number (function words, verbs of
# saying and being, adverbs), and words that a bare "the number" can point back through.

NOUN_STOPWORDS = frozenset(
    """
    a an the and or but nor so yet of in on at by to for from with without within into onto
    over under above below about around between among amid against across through during
    before after since until till than as per via including like near off out up down upon
    is are was were be been being am has have had having do does did will would shall should
    can could may might must ought said says say saying told tell tells reported reports
    according who whom whose which that what when where while why how whether if because
    although though whereas unless this these those it its it's their they them he she his
    her we our you your i my me us him one ones each every all both some any no not more
    most less least fewer many much few several other others such same own also still just
    only even already again ago later earlier then now here there very too more percent
    per cent times time altogether total apiece respectively overall combined
    got get gets getting went go goes came come comes made make makes took take takes
    struck fell rose met gave ran won lost sold paid saw found held brought hit kept led sent
    spent stood began grew drew flew broke chose fought thought became left felt knew
    """.split()
)
#: Nouns that stand for "the number" of something counted nearby ("put the number at 100,000").
ANAPHORIC_NOUNS = ("number", "figure", "total", "toll", "tally", "count", "estimate", "numbers", "figures", "tallies")
#: Irregular plural nouns (counted nouns that do not end in "s").
IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle sheep fish deer aircraft "
    "livestock troops militia crew clergy faculty".split()
)


__all__ = [
    "AMBIGUOUS_CURRENCY_NAMES",
    "ANAPHORIC_NOUNS",
    "CHANGE_WORDS",
    "CURRENCY_CODES",
    "CURRENCY_NAMES",
    "CURRENCY_PLURALS",
    "CURRENCY_SYMBOLS",
    "DIGIT_GROUP_SPACES",
    "DOLLAR_PREFIXES",
    "DURATION_UNITS",
    "FRACTIONS",
    "HEDGES",
    "IRREGULAR_PLURALS",
    "LABEL_WORDS",
    "MAGNITUDES",
    "MONEY_MAGNITUDES",
    "MONTHS",
    "MULTIPLIERS",
    "NOT_LABEL_WORDS",
    "NOUN_STOPWORDS",
    "ONES",
    "ORDINALS",
    "PERCENT_WORDS",
    "POSTFIX_HEDGES",
    "POUND_WORDS",
    "RANGE_JOINERS",
    "RANGE_OPENERS",
    "RELATIVE_DATE_WORDS",
    "SCALES",
    "SCORE_WORDS",
    "SUBUNITS",
    "TENS",
    "UNIT_NAMES",
    "UNIT_PLURALS",
    "UNIT_SYMBOLS",
    "WEAK_UNIT_SYMBOLS",
    "WEEKDAYS",
    "YEAR_PREFIXES",
    "YEAR_WORDS",
]
