"""Generate tracker/extract/data/phoenix.json and cameo_verbs.json from PETRARCH2's dictionaries.

    pip install pycountry            # build time only: ISO alpha-3 -> alpha-2
    python scripts/build_dictionaries.py ../shared/ref/petrarch2

The source files (MIT, Open Event Data Alliance; see tracker/extract/data/PETRARCH2-LICENSE.txt)
are the Phoenix actor and agent dictionaries and the CAMEO verb dictionary. What this script
keeps, and why:

- persons: named office holders with a country code and a role dated 2005 or later (older
  holders rarely appear in the news we read, and every extra name is a chance of a false hit);
  name and aliases are title-cased ("ANGELA_MERKEL_" -> "Angela Merkel"); aliases keep only
  forms that contain the surname, so "+CHANCELLOR_MERKEL_" stays and spelling noise goes.
- states: the country headers ("GERMANY_ [DEU]") with their ISO alpha-2 code; aliases are the
  long official forms only ("Federal Republic of Germany"), never cities (a meeting in Munich
  is not an act of Germany).
- organisations: international organisations whose header or alias matches an actor the
  hand-made gazetteer already knows, so their aliases join it ("U.N." -> United Nations).
- titles: government and military agent nouns ("foreign minister", "defence chief") for
  recognising a person introduced by role.
- cameo_verbs.json: verb synonym sets whose CAMEO code maps to one of the project's event
  types (docs/events.md), with the inflected forms the dictionary lists.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tracker" / "extract" / "data"

# CAMEO code prefix -> the project's event type (docs/events.md). Longest prefix wins.
CAMEO_TYPES = {
    "03": "proposal", "036": "meeting", "0311": "proposal",
    "041": "call", "042": "meeting", "043": "meeting", "044": "meeting", "045": "talks",
    "046": "talks", "051": "support", "057": "agreement", "07": "aid", "0871": "agreement",
    "10": "demand", "111": "criticism", "112": "criticism", "12": "rejection",
    "16": "sanctions", "163": "sanctions", "15": "military", "18": "military",
    "19": "military", "20": "military",
}
# Title-casing keeps these particles lower case inside a name ("Bashar al-Assad").
LOWER_PARTICLES = {"al", "el", "bin", "ibn", "van", "von", "der", "de", "da", "du", "la", "le",
                   "of", "the", "and", "for"}
KEEP_UPPER = re.compile(r"^(?:[IVX]+|[A-Z]\.)$")  # roman numerals, initials
# Agent codes of offices a person holds; military agents only when the noun names a person
# (the military list also holds units and weapons).
ROLE_TITLES = {"~GOV", "~ELI", "~LEG", "~JUD"}
MILITARY_PERSON = re.compile(r"(?:CHIEF|COMMANDER|GENERAL|ADMIRAL|OFFICER|MARSHAL|COLONEL)$")


def title_case(raw: str) -> str:
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for i, w in enumerate(words):
        if KEEP_UPPER.match(w):
            out.append(w)
            continue
        parts = w.lower().split("-")
        cased = "-".join(
            p if (p in LOWER_PARTICLES and (i > 0 or k > 0)) else p[:1].upper() + p[1:]
            for k, p in enumerate(parts)
        )
        out.append(re.sub(r"^(Mc|O')(\w)", lambda m: m.group(1) + m.group(2).upper(), cased))
    return " ".join(out)


def _entries(path: Path):
    """Yield (header, aliases, codes) blocks of a Phoenix .actors file."""
    header: str | None = None
    aliases: list[str] = []
    codes: list[str] = []
    for line in path.read_text("utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if text.startswith("\t") or text.startswith(" "):
            codes.extend(re.findall(r"\[([^\]]+)\]", text))
            continue
        if text.startswith("+"):
            if header is not None:
                aliases.append(text[1:].strip())
            continue
        if header is not None:
            yield header, aliases, codes
        m = re.match(r"^(\S+)\s*(?:\[([^\]]+)\])?", text)
        header, aliases, codes = (m.group(1), [], [m.group(2)] if m.group(2) else [])
    if header is not None:
        yield header, aliases, codes


def _latest_year(codes: list[str]) -> int:
    """The year a dated role ends (open roles count as current), 0 when undated."""
    best = 0
    for code in codes:
        m = re.search(r"\s(?:>(\d{6,8})|(\d{6,8})-(\d{6,8})|<(\d{6,8}))", code)
        if not m:
            continue
        if m.group(1):
            return 9999
        end = m.group(3) or m.group(4)
        yy = int(end[:2]) if len(end) == 6 else int(end[:4])
        year = yy if len(end) == 8 else (1900 + yy if yy > 30 else 2000 + yy)
        best = max(best, year)
    return best


def _iso2(alpha3: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else None


def build_actors(src: Path, gazetteer: dict) -> dict:
    known_names = {a["name"].casefold(): a for a in gazetteer["actors"]}
    known_states = {a["country"] for a in gazetteer["actors"] if a["kind"] == "state"}
    known_keys = set(known_names)
    for a in gazetteer["actors"]:
        known_keys.update(x.casefold() for x in a.get("aliases", ()))

    persons, states = [], []
    for header, aliases, codes in _entries(src / "Phoenix.Countries.actors.txt"):
        clean = header.strip("_")
        if not clean or "!" in clean:
            continue
        if re.fullmatch(r"[A-Z]{3}", codes[0] if codes else "") and not header.startswith("+"):
            iso2 = _iso2(codes[0])
            name = title_case(clean)
            if iso2 and iso2 not in known_states and name.casefold() not in known_keys:
                official = [
                    title_case(a.strip("_")) for a in aliases
                    if re.search(r"REPUBLIC|KINGDOM|FEDERATION|ISLANDS|STATE_OF|UNION", a)
                ]
                states.append({"name": name, "kind": "state", "country": iso2,
                               "aliases": sorted({a for a in official
                                                  if a.casefold() not in known_keys})})
            continue
        role_codes = [c for c in codes if re.match(r"[A-Z]{3}[A-Z]{3}", c)]
        if not role_codes or _latest_year(codes) < 2005:
            continue
        words = clean.split("_")
        if len(words) < 2 or len(words) > 4:
            continue
        name = title_case(clean)
        surname = words[-1]
        iso2 = _iso2(role_codes[0][:3])
        if not iso2 or name.casefold() in known_names:
            continue
        forms = {
            title_case(a.strip("_")) for a in aliases
            if surname in a.split("_") and len(a.strip("_").split("_")) >= 2
        }
        persons.append({"name": name, "kind": "person", "country": iso2,
                        "aliases": sorted(f for f in forms
                                          if f != name and f.casefold() not in known_keys)})

    organisations = []
    for header, aliases, _codes in _entries(src / "Phoenix.International.actors.txt"):
        names = [re.sub(r"^The ", "", title_case(n.strip("_")))
                 for n in [header, *aliases]]
        raw = [header.strip("_")] + [a.strip("_") for a in aliases]
        match = next((known_names[n.casefold()] for n in names if n.casefold() in known_names),
                     None)
        if match is None or match["kind"] not in ("organisation", "group"):
            continue
        extra = set()
        for form, original in zip(names, raw, strict=True):
            # acronyms keep their capitals ("U.N.", "NATO"), names are title-cased
            shown = original.replace("_", " ") if len(original) <= 6 else form
            if shown.casefold() not in known_keys:
                extra.add(shown)
        if extra:
            organisations.append({"name": match["name"], "aliases": sorted(extra)})

    titles = set()
    for line in (src / "Phoenix.agents.txt").read_text("utf-8", errors="replace").splitlines():
        m = re.match(r"^([A-Z][A-Z_]+?)_?\s*\[(~[A-Z]{3})\]", line.split("#", 1)[0])
        person = m and (m.group(2) in ROLE_TITLES
                        or (m.group(2) == "~MIL" and MILITARY_PERSON.search(m.group(1))))
        if person and "!" not in m.group(1):
            words = m.group(1).lower().split("_")
            if 1 <= len(words) <= 3:
                titles.add(" ".join(words))

    return {
        "_comment": "Generated by scripts/build_dictionaries.py from PETRARCH2's Phoenix "
                    "dictionaries (MIT, Open Event Data Alliance; see PETRARCH2-LICENSE.txt). "
                    "Do not edit by hand: change the script and run it again.",
        "persons": sorted(persons, key=lambda e: e["name"]),
        "states": sorted(states, key=lambda e: e["name"]),
        "organisations": sorted(organisations, key=lambda e: e["name"]),
        "titles": sorted(titles),
    }


def _cameo_type(code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in CAMEO_TYPES:
            return CAMEO_TYPES[code[:n]]
    return None


# Types whose CAMEO synonym sets are clean enough to read as (weak) triggers, and the verbs
# of those sets that are too often something else in news text ("charged with", "values").
TRIGGER_TYPES = ("criticism", "support", "demand", "call")
NOT_TRIGGERS = {
    "charge", "brand", "savage", "flog", "lecture", "mock", "fault", "implicate", "value",
    "prefer", "respect", "recognise", "recognize", "celebrate", "commemorate", "inspire",
    "affirm", "reassert", "reassure", "bless", "cheer", "clap", "esteem", "enliven", "rouse",
    "spur", "galvanize", "invigorate", "revitalize", "reward", "prize", "toast", "greet",
    "favor", "favour", "encourage", "embolden", "campaign", "crusade", "need", "necessitate",
    "order", "press", "push", "bid", "decree", "call", "sanctify", "legitimise", "legitimize",
    "honor", "honour", "appreciate", "admire", "welcome", "thank", "insist",
}


def inflections(verb: str) -> set[str]:
    """The regular forms PETRARCH generates itself: -s, -ed, -ing."""
    if " " in verb:
        head, rest = verb.split(" ", 1)
        return {f"{form} {rest}" for form in inflections(head)}
    if verb.endswith("e"):
        stem = verb[:-1]
        return {verb, verb + "s", verb + "d", stem + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return {verb, verb + "es", verb + "ed", verb + "ing"}
    return {verb, verb + "s", verb + "ed", verb + "ing"}


def _lemmas(form: str) -> set[str]:
    """The bases a form may come from ("preferred" -> prefer, "bids" -> bid)."""
    out = {form}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if form.endswith(suffix):
            stem = form[: -len(suffix)]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # doubled consonant: "spurred" -> spur
    return out


def build_verbs(src: Path) -> dict:
    by_type: dict[str, set[str]] = {}
    block_code: str | None = None
    for line in (src / "CAMEO.2.0.txt").read_text("utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", text)
        if m:
            block_code = m.group(2) if m.group(2) != "---" else None
            continue
        if not text or text.startswith("-") or text.startswith("&") or text.startswith("~"):
            continue
        m = re.match(r"^\+?([A-Z][A-Z_'-]*)\s*(?:\[([^\]]*)\])?\s*(?:\{([^}]*)\})?", text)
        if not m:
            continue
        code = m.group(2) or block_code
        if not code or code == "---":
            continue
        event_type = _cameo_type(code.split(":")[0])
        if event_type is None:
            continue
        forms = [m.group(1)] + (m.group(3).split() if m.group(3) else [])
        for form in forms:
            phrase = form.strip("+_").replace("_", " ").lower()
            if phrase and len(phrase) > 2:
                by_type.setdefault(event_type, set()).add(phrase)
    def base_form(verb: str, synset: set[str]) -> bool:
        # the dictionary lists irregular and some regular forms itself: inflect only bases
        head = verb.split(" ", 1)[0]
        if head.endswith(("ed", "ing", "ies")):
            return False
        return not (head.endswith("s") and ({head[:-1], head[:-2]} & synset))

    triggers = {}
    for t in TRIGGER_TYPES:
        synset = by_type.get(t, set())
        forms = set()
        for verb in synset:
            if _lemmas(verb.split(" ", 1)[0]) & NOT_TRIGGERS:
                continue
            forms |= inflections(verb) if base_form(verb, synset) else {verb}
        triggers[t] = sorted(forms)
    return {
        "_comment": "Generated by scripts/build_dictionaries.py from PETRARCH2's CAMEO verb "
                    "dictionary (MIT, Open Event Data Alliance; see PETRARCH2-LICENSE.txt): "
                    "verb synonym sets by the project's event type (docs/events.md); "
                    "'triggers' holds the inflected forms read as weak triggers.",
        "synsets": {t: sorted(v) for t, v in sorted(by_type.items())},
        "triggers": triggers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder with PETRARCH2's dictionaries")
    args = parser.parse_args(argv)
    gazetteer = json.loads((OUT / "gazetteer.json").read_text("utf-8"))
    actors = build_actors(args.source, gazetteer)
    (OUT / "phoenix.json").write_text(
        json.dumps(actors, ensure_ascii=False, indent=0) + "\n", "utf-8")
    (OUT / "cameo_verbs.json").write_text(
        json.dumps(build_verbs(args.source), ensure_ascii=False, indent=0) + "\n", "utf-8")
    (OUT / "PETRARCH2-LICENSE.txt").write_text(
        "Derived from the dictionaries of PETRARCH2 (github.com/openeventdata/petrarch2,\n"
        "commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) by scripts/build_dictionaries.py.\n\n"
        + (args.source / "LICENSE").read_text("utf-8"), "utf-8")
    print(f"persons {len(actors['persons'])}, states {len(actors['states'])}, "
          f"organisations {len(actors['organisations'])}, titles {len(actors['titles'])}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
