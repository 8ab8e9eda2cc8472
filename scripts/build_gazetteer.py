#!/usr/bin/env python3
"""Build ``kg/data/gazetteer.jsonl`` from the shared Wikidata data files and the curated names.

Wikidata ids come only from the public data files in DATA_DIR (default
``../shared/data/wikidata``, see its SOURCES.md); names come from those files
and from ``scripts/gazetteer_names.yaml`` (curated by the project, no ids).

Policies:
  * states: the id is used only when OWID's id for the ISO code is rigour's
    primary id or one of rigour's other ids (histwardb is reported as a
    third opinion). Netherlands -> Kingdom of the Netherlands (both agree);
    Denmark -> OWID's id, listed by rigour among its other ids.
  * persons: rows with a non-empty ``caution`` column are skipped; a person
    id identifies the person, whatever office the row is about.
  * international organisations: supraverden's ``Wikidata_code``; a code
    shared by two organisations is dropped for both.
  * a name (label, alias, metonym) that folds to the same key for two entries
    is kept only as a label; aliases and metonyms that collide are dropped
    and reported, as are a person's one-word aliases equal to another
    person's surname; colliding demonyms are dropped.

Example:
    python scripts/build_gazetteer.py            # write kg/data/gazetteer.jsonl
    python scripts/build_gazetteer.py --check    # exit 1 if the shipped file is stale
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gazetteer import CLASSES, fold  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wikidata"
DEFAULT_NAMES = ROOT / "scripts" / "gazetteer_names.yaml"
DEFAULT_OUT = ROOT / "kg" / "data" / "gazetteer.jsonl"

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
KEY_ORDER = ("id", "class", "qid", "labels", "aliases", "demonyms", "metonyms",
             "iso2", "government_of", "country", "member_of")
LANG_ORDER = ("en", "fr")
EN_NO_PLURAL = ("ese", "ish", "ch", "sh", "ss", "s", "x", "z", "ic", "sy")

# person sources, from least to most recent (the most recent name is the label)
PERSON_FILES = (
    ("everypolitician_world_leaders_2021.csv", "officeholder", "officeholderLabel", "countryid"),
    ("everypolitician_foreign_ministers_2022-12.csv", "person", "name", "country"),
    ("everypolitician_un_officials_2022-12.csv", "personID", "person", None),
    ("world_leaders_current_union.csv", "wikidata_id", "name_en", None),
)


def slug(text: str) -> str:
    """Slug as in docs/graph-shape.md: lower case, no accents, words joined by '-'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9\s-]", "", text)
    return re.sub(r"[\s-]+", "-", text).strip("-")


def fr_forms(word: str) -> list[str]:
    """All forms of a French demonym given in the masculine singular."""
    if "/" in word:
        return word.split("/")
    if word.endswith("e"):
        return [word, word + "s"]
    if word.endswith(("s", "x")):
        return [word, word + "e", word + "es"]
    if word.endswith(("en", "on")):
        return [word, word + "ne", word + "s", word + "nes"]
    return [word, word + "e", word + "s", word + "es"]


def en_forms(word: str) -> list[str]:
    """An English demonym and its plural, when it has one."""
    if "/" in word:
        return word.split("/")
    if word.endswith(EN_NO_PLURAL):
        return [word]
    return [word, word + "s"]


@dataclass
class Draft:
    """An entry being built."""

    id: str
    cls: str
    qid: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    metonyms: dict[str, list[str]] = field(default_factory=dict)
    iso2: str | None = None
    government_of: str | None = None
    country: str | None = None
    member_of: list[str] = field(default_factory=list)

    def add(self, table: str, lang: str, names: list[str] | str | None, *, loose: bool = False) -> None:
        """Add names to ``aliases``/``demonyms``/``metonyms``, skipping repeats.

        With ``loose``, a name that folds like one the entry already has in
        that language is skipped too (for names taken from data files).
        """
        if not names:
            return
        target = getattr(self, table).setdefault(lang, [])
        for name in [names] if isinstance(names, str) else names:
            if not isinstance(name, str):
                continue
            name = " ".join(name.split())
            if not name or name == self.labels.get(lang) or name in target:
                continue
            if loose and fold(name) in {fold(n) for n in [self.labels.get(lang, ""), *target]}:
                continue
            target.append(name)

    def to_json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {"id": self.id, "class": self.cls}
        if self.qid:
            obj["qid"] = self.qid
        obj["labels"] = _ordered(self.labels)
        for table in ("aliases", "demonyms", "metonyms"):
            value = {k: v for k, v in _ordered(getattr(self, table)).items() if v}
            if value:
                obj[table] = value
        for key in ("iso2", "government_of", "country"):
            if getattr(self, key):
                obj[key] = getattr(self, key)
        if self.member_of:
            obj["member_of"] = sorted(set(self.member_of))
        return {k: obj[k] for k in KEY_ORDER if k in obj}


def _ordered(table: dict[str, Any]) -> dict[str, Any]:
    langs = [l for l in LANG_ORDER if l in table] + sorted(l for l in table if l not in LANG_ORDER)
    return {lang: table[lang] for lang in langs}


class Report:
    """Counts and conflicts printed at the end of a build."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def __call__(self, message: str) -> None:
        self.notes.append(message)


# -- reading the data files ----------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def country_sources(data: Path) -> tuple[dict, dict, dict]:
    """rigour rows by ISO2, OWID (qid, names) by ISO2, histwardb names by qid."""
    rigour = {r["code"].upper(): r for r in read_csv(data / "rigour_territories.csv") if len(r["code"]) == 2}
    owid = {}
    for r in read_csv(data / "owid_countries_regions_2022-11.csv"):
        if r["iso_alpha2"] and len(r["iso_alpha2"]) == 2:
            owid[r["iso_alpha2"]] = r
    hist = defaultdict(set)
    for r in read_csv(data / "histwardb_crosswalk.csv"):
        hist[r["country_qid"]].add(r["country"])
    return rigour, owid, hist


def owid_qid(row: dict[str, str] | None) -> str | None:
    if not row or not row.get("wikidata_uri"):
        return None
    qid = row["wikidata_uri"].rsplit("/", 1)[-1]
    return qid if QID_RE.match(qid) else None


def read_persons(data: Path, report: Report) -> list[dict[str, str]]:
    """Person rows from the four files: qid, name, country_qid or iso2, rank."""
    rows: list[dict[str, str]] = []
    skipped = Counter()
    for rank, (name, qid_col, name_col, country_col) in enumerate(PERSON_FILES):
        for r in read_csv(data / name):
            if r.get("caution", "").strip():
                skipped["caution"] += 1
                continue
            qid, person = r.get(qid_col, "").strip(), r.get(name_col, "").strip()
            if not QID_RE.match(qid) or not person or QID_RE.match(person):
                skipped["no id or no name"] += 1
                continue
            rows.append({
                "qid": qid, "name": person, "rank": rank, "source": name,
                "country_qid": r.get(country_col, "") if country_col else "",
                "iso2": r.get("iso", "") if name.startswith("world_leaders") else "",
            })
    report(f"person rows skipped: {dict(sorted(skipped.items()))}")
    return rows


# -- building ------------------------------------------------------------------

def build(data: Path = DEFAULT_DATA, names_path: Path = DEFAULT_NAMES) -> tuple[list[dict], Report]:
    """Build the gazetteer; return the JSON objects (sorted by id) and the report."""
    report = Report()
    with open(names_path, encoding="utf-8") as handle:
        names = yaml.safe_load(handle)
    if re.search(r"Q\d+", names_path.read_text(encoding="utf-8")):
        raise SystemExit(f"{names_path}: holds something that looks like a Wikidata id")
    drafts: dict[str, Draft] = {}

    def put(draft: Draft) -> Draft:
        if draft.id in drafts:
            report(f"id clash: {draft.id!r} ({draft.cls}) repeats a {drafts[draft.id].cls}; renamed")
            n = 2
            while f"{draft.id}-{n}" in drafts:
                n += 1
            draft.id = f"{draft.id}-{n}"
        drafts[draft.id] = draft
        return draft

    def curated(entry_id: str, cls: str, spec: dict[str, Any]) -> Draft:
        draft = Draft(id=entry_id, cls=cls, labels={k: spec[k] for k in LANG_ORDER if spec.get(k)})
        for lang, items in (spec.get("aka") or {}).items():
            draft.add("aliases", lang, items)
        for lang, items in (spec.get("met") or {}).items():
            draft.add("metonyms", lang, items)
        for lang, items in (spec.get("dem") or {}).items():
            expand = fr_forms if lang == "fr" else en_forms
            draft.add("demonyms", lang, [f for w in items for f in expand(w)])
        return draft

    state_of_qid = build_states(names, data, drafts, put, curated, report)
    build_organisations(names, data, drafts, put, curated, report)
    build_persons(names, data, drafts, put, curated, state_of_qid, report)

    for draft in drafts.values():
        for key in ("government_of", "country"):
            ref = getattr(draft, key)
            if ref and (ref not in drafts or drafts[ref].cls != "State"):
                raise SystemExit(f"{draft.id}: {key} {ref!r} is not a state id")
    resolve_collisions(drafts, report)
    dedupe_qids(drafts, report)

    objs = [drafts[k].to_json() for k in sorted(drafts)]
    counts = Counter(o["class"] for o in objs)
    with_qid = Counter(o["class"] for o in objs if "qid" in o)
    report("counts: " + ", ".join(f"{c} {counts[c]} ({with_qid[c]} with qid)" for c in CLASSES))
    return objs, report


def build_states(names, data, drafts, put, curated, report) -> dict[str, str]:
    """States from the YAML, ids where rigour and OWID agree; return qid -> state id."""
    rigour, owid, hist = country_sources(data)
    members = defaultdict(list)
    for org, codes in (names.get("memberships") or {}).items():
        for code in codes:
            members[str(code)].append(org)
    state_of_qid: dict[str, set[str]] = defaultdict(set)
    third = Counter()
    ignored = set(names.get("ignore_data_names") or [])
    for iso2, spec in names["states"].items():
        iso2 = str(iso2)
        draft = put(curated(spec.get("id") or slug(spec["en"]), "State", spec))
        draft.iso2 = iso2
        draft.member_of = members.pop(iso2, [])
        r, o = rigour.get(iso2), owid.get(iso2)
        r_qid = r["qid"] if r else None
        r_other = set(filter(None, (r["other_qids"] if r else "").split("|")))
        o_qid = owid_qid(o)
        if o_qid and o_qid == r_qid:
            draft.qid = o_qid
        elif o_qid and o_qid in r_other:
            draft.qid = o_qid
            report(f"state {iso2}: OWID {o_qid} is among rigour's other ids (rigour primary {r_qid}); "
                   f"histwardb: {sorted(hist.get(o_qid, [])) or 'absent'}; using {o_qid}")
        else:
            report(f"state {iso2}: no agreement (rigour {r_qid}, OWID {o_qid}); no qid")
        if draft.qid:
            third[draft.qid in hist] += 1
        for row_names in ((r or {}).get("name"), (r or {}).get("full_name"),
                          (o or {}).get("name"), (o or {}).get("wikidata_label")):
            if row_names and "(" not in row_names and row_names not in ignored:
                draft.add("aliases", "en", row_names, loose=True)
        for qid in {r_qid, o_qid, *r_other} - {None}:
            state_of_qid[qid].add(draft.id)
    report(f"state ids also in histwardb: {third[True]}; not in histwardb: {third[False]}")
    if members:
        raise SystemExit(f"memberships name unknown ISO codes: {sorted(members)}")
    ambiguous = sorted(q for q, ids in state_of_qid.items() if len(ids) > 1)
    if ambiguous:
        report(f"qids of several states, not used to place persons: {ambiguous}")
    return {q: next(iter(ids)) for q, ids in state_of_qid.items() if len(ids) == 1}


def build_organisations(names, data, drafts, put, curated, report) -> None:
    """International organisations (supraverden), groups, bodies, armed forces, organisations."""
    with open(data / "supraverden_general_list.yaml", encoding="utf-8") as handle:
        supra: dict[str, dict[str, Any]] = yaml.load(handle, Loader=SAFE_LOADER)
    codes = Counter(str(rec.get("Wikidata_code", "")) for rec in supra.values())
    shared = sorted(c for c, n in codes.items() if n > 1 and QID_RE.match(c))
    if shared:
        report(f"supraverden codes shared by several organisations, not used: {shared}")
    bad_fr = set(names.get("supraverden_bad_name_fr") or [])

    def supra_qid(rec: dict[str, Any]) -> str | None:
        code = str(rec.get("Wikidata_code", ""))
        return code if QID_RE.match(code) and code not in shared else None

    used: set[str] = set()
    for entry_id, spec in names["international_organizations"].items():
        draft = put(curated(entry_id, "InternationalOrganization", spec))
        key = spec.get("supraverden")
        if key is None:
            continue
        if key not in supra:
            raise SystemExit(f"{entry_id}: no organisation {key!r} in supraverden")
        used.add(key)
        rec = supra[key]
        draft.qid = supra_qid(rec)
        draft.add("aliases", "en", [rec.get("Name_en"), rec.get("Abbreviation_en")], loose=True)
        if key not in bad_fr:
            draft.add("aliases", "fr", [rec.get("Name_fr"), rec.get("Abbreviation_fr")], loose=True)
    skipped = 0
    for key in sorted(supra):
        rec = supra[key]
        if key in used:
            continue
        qid = supra_qid(rec)
        if qid is None:
            skipped += 1
            continue
        labels = {"en": rec["Name_en"]}
        if rec.get("Name_fr") and key not in bad_fr:
            labels["fr"] = rec["Name_fr"]
        put(Draft(id=slug(rec["Name_en"]), cls="InternationalOrganization", qid=qid, labels=labels))
    report(f"supraverden organisations without a usable code, left out: {skipped}")

    for section, cls, ref in (("groups", "Group", None),
                              ("government_bodies", "GovernmentBody", "government_of"),
                              ("armed_forces", "ArmedForce", "country"),
                              ("organizations", "Organization", None)):
        for entry_id, spec in (names.get(section) or {}).items():
            draft = put(curated(entry_id, cls, spec))
            if ref:
                setattr(draft, ref, spec[ref])


def build_persons(names, data, drafts, put, curated, state_of_qid, report) -> None:
    """Persons from the EveryPolitician and world-leaders files, plus the YAML hand list."""
    rows = read_persons(data, report)
    by_qid: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_qid[row["qid"]].append(row)
    iso_to_state = {d.iso2: d.id for d in drafts.values() if d.iso2}
    hand = names.get("persons") or {}
    hand_by_name = {fold(spec["en"]): entry_id for entry_id, spec in hand.items()}
    honorifics = tuple(f"{h} " for h in names.get("honorifics") or [])
    joined: set[str] = set()
    qids_of_name: dict[str, set[str]] = defaultdict(set)
    for qid, person_rows in by_qid.items():
        for row in person_rows:
            qids_of_name[fold(row["name"])].add(qid)
    for name, qids in sorted(qids_of_name.items()):
        if len(qids) > 1:
            report(f"name {name!r} has several person ids {sorted(qids)}: kept apart")

    for qid in sorted(by_qid, key=lambda q: int(q[1:])):
        person_rows = sorted(by_qid[qid], key=lambda r: -r["rank"])
        data_names = list(dict.fromkeys(r["name"] for r in person_rows))
        entry_id = next((hand_by_name[fold(n)] for n in data_names if fold(n) in hand_by_name), None)
        if entry_id:
            joined.add(entry_id)
            draft = curated(entry_id, "Person", hand[entry_id])
        else:
            draft = Draft(id=slug(data_names[0]), cls="Person", labels={"en": data_names[0], "fr": data_names[0]})
        draft.qid = qid
        draft.add("aliases", "en", data_names, loose=True)
        for name in data_names:
            if name.startswith(honorifics):
                draft.add("aliases", "en", name.split(" ", 1)[1], loose=True)
        countries = Counter()
        for row in person_rows:
            state = state_of_qid.get(row["country_qid"]) or iso_to_state.get(row["iso2"])
            if state:
                countries[state] += 1
        spec_country = hand.get(entry_id, {}).get("country") if entry_id else None
        if spec_country:
            draft.country = spec_country
        elif countries:
            top = countries.most_common()
            if len(top) > 1 and top[0][1] == top[1][1]:
                report(f"person {draft.id}: several countries {dict(countries)}; none set")
            else:
                draft.country = top[0][0]
        put(draft)

    no_qid = []
    for entry_id, spec in hand.items():
        if entry_id in joined:
            continue
        draft = put(curated(entry_id, "Person", spec))
        draft.country = spec.get("country")
        no_qid.append(entry_id)
    report(f"hand-listed persons in no data file (no qid): {no_qid}")


def resolve_collisions(drafts: dict[str, Draft], report: Report) -> None:
    """Drop aliases, metonyms and demonyms that name two entries (see module doc)."""
    holders: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> [(entry id, kind)]
    for draft in drafts.values():
        for name in draft.labels.values():
            holders[fold(name)].append((draft.id, "label"))
        for table, kind in (("aliases", "alias"), ("metonyms", "metonym")):
            for items in getattr(draft, table).values():
                for name in items:
                    holders[fold(name)].append((draft.id, kind))
    drop: dict[str, set[str]] = defaultdict(set)  # entry id -> folded keys to drop
    for key, found in sorted(holders.items()):
        ids = {eid for eid, _ in found}
        if len(ids) < 2:
            continue
        label_ids = {eid for eid, kind in found if kind == "label"}
        for eid in ids - label_ids:
            drop[eid].add(key)
        if len(label_ids) > 1:
            report(f"label clash {key!r}: {sorted(label_ids)} (kept; lookup prefers by class)")
        if ids - label_ids:
            report(f"name {key!r} of {sorted(ids)}: dropped from {sorted(ids - label_ids)}")
    # a person's one-word alias that is another person's surname
    surnames: dict[str, set[str]] = defaultdict(set)
    for draft in drafts.values():
        if draft.cls == "Person":
            for name in [*draft.labels.values(), *(n for v in draft.aliases.values() for n in v)]:
                words = fold(name).split()
                if len(words) > 1:
                    surnames[words[-1]].add(draft.id)
    for draft in drafts.values():
        if draft.cls != "Person":
            continue
        for items in draft.aliases.values():
            for name in items:
                key = fold(name)
                others = surnames.get(key, set()) - {draft.id}
                if " " not in key and others:
                    drop[draft.id].add(key)
                    report(f"surname {name!r} of {draft.id} is also the surname of {sorted(others)}: dropped")
    for eid, keys in drop.items():
        draft = drafts[eid]
        for table in ("aliases", "metonyms"):
            for lang, items in getattr(draft, table).items():
                items[:] = [n for n in items if fold(n) not in keys]
    # demonyms
    dem_holders: dict[str, set[str]] = defaultdict(set)
    for draft in drafts.values():
        for items in draft.demonyms.values():
            for form in items:
                dem_holders[fold(form)].add(draft.id)
    for key, ids in sorted(dem_holders.items()):
        if len(ids) > 1:
            report(f"demonym {key!r} of {sorted(ids)}: dropped")
            for eid in ids:
                for items in drafts[eid].demonyms.values():
                    items[:] = [f for f in items if fold(f) != key]


def dedupe_qids(drafts: dict[str, Draft], report: Report) -> None:
    """A Wikidata id given to two entries is a conflict: drop it from both."""
    holders: dict[str, list[str]] = defaultdict(list)
    for draft in drafts.values():
        if draft.qid:
            holders[draft.qid].append(draft.id)
    for qid, ids in sorted(holders.items()):
        if len(ids) > 1:
            report(f"id {qid} given to {sorted(ids)}: dropped from all")
            for eid in ids:
                drafts[eid].qid = None


def serialise(objs: list[dict]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                        help=f"folder of the shared data files (default {DEFAULT_DATA})")
    parser.add_argument("--names", type=Path, default=DEFAULT_NAMES, help="curated names (YAML)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="gazetteer to write")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if --out differs from a fresh build")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the counts")
    args = parser.parse_args(argv)
    objs, report = build(args.data, args.names)
    text = serialise(objs)
    for note in report.notes:
        if not args.quiet or note.startswith("counts:"):
            print(note)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} differs from a fresh build; run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({len(objs)} entries)")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(objs)} entries, {len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
