"""Build the package's country table (src/detente/data/actors/countries.tsv).

Three sources, most trusted first:

1. ``tools/countries_extra.tsv``: a curated table of the names, aliases, demonyms (with their
   irregular people nouns) and capitals that news actually uses, entities CountryInfo lacks
   (the Holy See, Macau, the Soviet Union, ...) and forms to drop. Its values are kept as
   written.
2. pycountry (ISO 3166-1): short, official and common names.
3. ``../shared/ontology/cameo/countryinfo_countries.tsv`` (CountryInfo.120116, derived):
   CAMEO country codes, nationality adjectives, name variants and capitals.

CountryInfo's variants are ALL-CAPS and mix real names (historical, native, English) with
misspellings, index forms and nicknames ("THE GRAVEYARD OF EMPIRES"). A variant is kept, in
proper case, only if it is plain ASCII words, is not a near miss of a trusted form of the same
kind (a misspelling: small edit distance to a curated or ISO name, or to a demonym), and is
dropped neither by the curated table nor by the nickname and acronym-noise lists below.

Codes: CountryInfo's CAMEO code column (ISO alpha-3 for states; parent + ISO alpha-3 for
dependencies such as ``USAPRI``, as in the Phoenix dictionaries), the current code taken from
dated entries (``[YUGMKD <20910908][MKD >20030101]`` -> ``MKD``), with the empty, shared or
mistyped codes fixed in ``CODE_FIXES``.

Usage: ``python tools/build_countries.py [SHARED_DIR]`` (needs ``pip install pycountry``).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "detente" / "data" / "actors" / "countries.tsv"
EXTRA = ROOT / "tools" / "countries_extra.tsv"
HEADER = ["code", "name", "aliases", "demonyms", "capitals"]

# CountryInfo rows whose code column is empty, shared with the parent state or mistyped.
CODE_FIXES = {
    "TURKISH_REPUBLIC_OF_NORTH_CYPRUS": "CYPTRK",  # CAMEO manual: Turkish Cypriot
    "BOSNIAN_SERB_REPUBLICA": "BIHSRP",  # CountryInfo BIHSPR; CAMEO manual and Phoenix BIHSRP
    "WALLIS_AND_FUTUNA_ISLANDS": "FRAWLF",  # CountryInfo FRNWLF: a typo for the parent FRA
    "JERSEY": "GBRJEY",  # CountryInfo codes Jersey GBR and Mayotte and Saint Barthelemy FRA,
    "MAYOTTE": "FRAMYT",  # which would collide with the parent's row: coded like the
    "SAINT_BARTHELEMY": "FRABLM",  # other dependencies (parent + ISO alpha-3)
    "BRITISH_INDIAN_OCEAN_TERRITORY": "GBRIOT",
    "CHRISTMAS_ISLAND": "AUSCXR",
    "COCOS_ISLANDS": "AUSCCK",
}

# CAMEO codes whose ISO 3166 alpha-3 is not the code's last three letters.
ISO_FOR_CODE = {"TMP": "TLS", "GBRIMY": "IMN"}  # GBRIMY: CountryInfo and Phoenix

# Nicknames, descriptions and acronym noise in CountryInfo's variant lists, for every row
# (per-country ones are in the curated table's `drop` column).
NICKNAME = re.compile(
    r"\b(of (the )?(europe|empires|east|south|light|devils)|occupied|graveyard|dictatorship|"
    r"land of|cockpit|pearl|manchester|jewel|beloved|moonland|nature island|smiling coast|"
    r"pirate|estate|eternal city|forbidden city)\b",
    re.IGNORECASE,
)
ACRONYM_NOISE = {"rdtl", "drtl", "srvn", "lpdr", "tfyrm", "gsplaj", "dprnk", "drotc", "droc",
                 "nzer", "eeuu", "usvi", "usgu", "ftpoy", "hksar", "bdesh"}

LOWER_PARTICLES = {"of", "the", "and", "es", "au", "da", "de", "du", "del", "la", "y", "e"}

# Demonyms whose plural is the word itself ("Chinese", "Swiss", "Kyrgyz", "Basotho") or is
# another word given in the curated table ("British" -> "Britons", "the British").
SAME_PLURAL = re.compile(
    r"(ese|ss|ish|ch|sh|ic|ais|ois|y|z|x|be|bé|otho|wana|vanuatu|kiribati)$", re.IGNORECASE
)
PLURAL_EXCEPTIONS = {"Czech": "Czechs"}

# Endings of nationality words, and of place names that share them.
DEMONYM_END = re.compile(
    r"(an|ese|i|ish|er|ot|ite|man|ard|ak|ek|ech|ene|ic|ais|ois|ans|ers|ots|is|ites|men)$"
)
PLACE_END = re.compile(r"(stan|tan|jan|dan|zhan|yan|land|ia|a|us|ain|oman)$")


@dataclass
class Entity:
    """One row of the output table."""

    code: str
    name: str
    aliases: list[str]
    demonyms: list[str]
    capitals: list[str]


@dataclass
class Extra:
    """One row of the curated table."""

    code: str
    name: str
    aliases: list[str]
    demonyms: list[str]
    capitals: list[str]
    drop: list[str]


def split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(text: str) -> str:
    """Comparison key: ASCII-folded, lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


def with_folds(values: Iterable[str], dropped: set[str]) -> list[str]:
    """Each value followed by its ASCII form when it has accents ("Türkiye", "Turkiye"),
    unless that form is dropped ("Male" for "Malé": the English word)."""
    out = []
    for v in values:
        out.append(v)
        if ascii_fold(v) != v and key(v) not in dropped:
            out.append(ascii_fold(v))
    return out


def unique(values: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Values without case-insensitive repeats, minus `exclude`; order kept."""
    seen = {v.lower() for v in exclude}
    out = []
    for v in values:
        if v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
    return out


def proper_case(text: str) -> str:
    """'COTE D'IVOIRE' -> "Cote d'Ivoire", "N'DJAMENA" -> "N'Djamena", 'SAINT JOHN'S'."""
    words = []
    for i, word in enumerate(text.lower().split()):
        if i > 0 and word in LOWER_PARTICLES:
            words.append(word)
            continue
        parts = []
        for part in word.split("-"):
            head, apostrophe, tail = part.partition("'")
            if not apostrophe:
                parts.append(part.capitalize())
            elif len(head) == 1 and tail:  # N'Djamena, d'Ivoire
                parts.append((head if i > 0 else head.upper()) + "'" + tail.capitalize())
            else:  # John's, Nuku'alofa, Sa'udiyah
                parts.append(head.capitalize() + "'" + tail)
        words.append("-".join(parts))
    return " ".join(words)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def near_miss(candidate: str, trusted: Iterable[str]) -> bool:
    """True when `candidate` looks like a misspelling of one of the trusted forms."""
    c = key(candidate)
    for t in trusted:
        k = key(t)
        if not k or c == k:
            continue
        limit = 1 if len(k) <= 5 else 2 if len(k) <= 8 else 3
        if abs(len(c) - len(k)) <= limit and edit_distance(c, k) <= limit:
            return True
    return False


def looks_like_demonym(text: str, first: bool) -> bool:
    """CountryInfo lists the nationality adjective first; later entries are names unless they
    are one word with a nationality ending ("Croat", "Yemenite")."""
    if not first and " " in text:
        return False
    last = text.split()[-1].lower()
    return bool(DEMONYM_END.search(last)) and not PLACE_END.search(last)


def plural(demonym: str) -> str | None:
    """'Russian' -> 'Russians'; None where the plural is the word itself or irregular."""
    if demonym in PLURAL_EXCEPTIONS:
        return PLURAL_EXCEPTIONS[demonym]
    if demonym.startswith("the ") or SAME_PLURAL.search(demonym) or demonym.endswith("s"):
        return None
    if demonym.endswith("man") and not demonym.endswith("German"):
        return demonym[:-3] + "men"
    return demonym + "s"


def current_code(cell: str) -> str:
    """'[YUGMKD <20910908][MKD >20030101]' -> 'MKD'; a plain code is returned as is."""
    if not cell.startswith("["):
        return cell
    for part in re.findall(r"\[([^\]]+)\]", cell):
        if ">" in part:
            return part.split()[0]
    raise ValueError(f"no current code in {cell!r}")


def iso_names(code: str) -> list[str]:
    """ISO 3166 common, short and official names, without index forms ('Korea, Republic of')
    or political qualifiers ('Taiwan, Province of China')."""
    country = pycountry.countries.get(alpha_3=ISO_FOR_CODE.get(code, code[-3:]))
    if country is None:
        return []
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value or "," in value or "(" in value or "Province of" in value:
            continue
        names.append(re.sub(r"^the ", "", value))
    return names


def read_extra(path: Path) -> dict[str, Extra]:
    extras: dict[str, Extra] = {}
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        if None in row or None in row.values():
            raise SystemExit(f"{path}: row {n} ({row.get('code')}) needs 6 columns")
        if row["code"] in extras:
            raise SystemExit(f"{path}: duplicate code {row['code']} (row {n})")
        extras[row["code"]] = Extra(
            code=row["code"],
            name=row["name"].strip(),
            aliases=split(row["aliases"]),
            demonyms=split(row["demonyms"]),
            capitals=split(row["capitals"]),
            drop=split(row["drop"]),
        )
    return extras


def clean_variant(raw: str) -> str | None:
    """A CountryInfo variant in proper case, or None if it is not plain ASCII words."""
    raw = raw.strip()
    if not raw or not raw.isascii() or re.search(r"[(),\[\]/&.0-9]", raw):
        return None  # index forms, abbreviations ("U.S.A." comes from the curated table)
    if raw.startswith("'") or NICKNAME.search(raw) or key(raw) in ACRONYM_NOISE:
        return None
    return proper_case(raw)


def build_entity(code: str, row: dict[str, str] | None, extra: Extra | None) -> Entity:
    """Merge the curated row, ISO names and CountryInfo's row (None for a curated-only
    entity). Curated values are kept as written; `drop` applies to ISO and CountryInfo forms."""
    extra = extra if extra is not None else Extra(code, "", [], [], [], [])
    dropped = {key(v) for v in extra.drop}
    iso = [n for n in iso_names(code) if key(n) not in dropped]
    ci_name = proper_case(row["country_name"].strip("_").replace("_", " ")) if row else ""
    name = extra.name or (iso[0] if iso else ci_name)
    if not name:
        raise SystemExit(f"{EXTRA}: {code} needs a name")

    names = with_folds([name, *extra.aliases, *iso], dropped)
    demonyms = with_folds(extra.demonyms, dropped)
    capitals = with_folds(extra.capitals, dropped)
    known = {key(v) for v in names + demonyms}

    if row:
        cleaned = [clean_variant(v) for v in row["nationality_and_name_variants"].split("|")]
        candidates = [(ci_name, False)] + [(v, i == 0) for i, v in enumerate(cleaned) if v]
        for variant, first in candidates:
            k = key(variant)
            if k in known or k in dropped:
                continue
            is_demonym = looks_like_demonym(variant, first)
            # a misspelling is a near miss of a form of its own kind ("Angolan" is not a
            # misspelling of "Angola", "Argentinan" is one of "Argentinian") or of a dropped
            # form ("Kerabas" of "Kerabass")
            if near_miss(variant, (demonyms if is_demonym else names) + extra.drop):
                continue
            if (not is_demonym or not first) and near_miss(variant, names + demonyms):
                continue
            known.add(k)
            (demonyms if is_demonym else names).append(variant)
        for raw in row["capital"].split("|"):
            capital = clean_variant(raw)
            if capital is None or key(capital) in dropped or key(capital) in known:
                continue
            if near_miss(capital, capitals):
                continue
            capitals.append(capital)

    demonyms += [p for p in (plural(d) for d in demonyms) if p and key(p) not in known]
    return Entity(
        code,
        name,
        unique(names, exclude=[name]),
        unique(demonyms),
        unique(capitals, exclude=[name]),
    )


def check(entities: list[Entity]) -> None:
    """Each surface form belongs to one entity: a shared one would be silently ambiguous."""
    owner: dict[tuple[str, str], str] = {}
    problems = []
    for e in entities:
        if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", e.code):
            problems.append(f"bad code {e.code!r}")
        forms = [("name", v) for v in [e.name, *e.aliases, *e.capitals]]
        forms += [("demonym", v) for v in e.demonyms]
        for kind, value in forms:
            if re.search(r"[\t|]", value) or value != value.strip():
                problems.append(f"{e.code}: bad characters in {value!r}")
            k = (kind, value.lower().removeprefix("the "))
            if owner.setdefault(k, e.code) != e.code:
                problems.append(f"{value!r} is in {owner[k]} and {e.code}")
    if problems:
        raise SystemExit("countries: " + "; ".join(problems))


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    source = shared / "ontology" / "cameo" / "countryinfo_countries.tsv"
    with source.open(encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    extras = read_extra(EXTRA)

    entities: list[Entity] = []
    for row in rows:
        ci_name = row["country_name"].strip("_")
        code = CODE_FIXES.get(ci_name) or current_code(row["cameo_country_code"])
        if not code:
            raise SystemExit(f"{source}: no code for {ci_name}")
        entities.append(build_entity(code, row, extras.get(code)))
    codes = {e.code for e in entities}
    if len(codes) != len(entities):
        raise SystemExit("countries: CountryInfo gives two rows the same code")
    entities += [build_entity(x.code, None, x) for x in extras.values() if x.code not in codes]
    check(entities)
    entities.sort(key=lambda e: e.code)

    lines = [
        "# version: 1",
        "# Countries and dependencies with CAMEO codes, built by tools/build_countries.py from "
        "../shared/ontology/cameo/countryinfo_countries.tsv (CountryInfo.120116: codes, "
        "demonyms, name variants, capitals), pycountry (ISO 3166 names) and "
        "tools/countries_extra.tsv (curated news usage)",
        "\t".join(HEADER),
    ]
    for e in entities:
        cells = [e.code, e.name, "|".join(e.aliases), "|".join(e.demonyms), "|".join(e.capitals)]
        lines.append("\t".join(cells))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(entities)} countries to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
