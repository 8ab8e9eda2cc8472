"""The shipped gazetteer: schema, provenance of every Wikidata id, lookups, patterns."""
from __future__ import annotations

import csv
import dataclasses
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from kg.errors import DataFileError
from kg.gazetteer import CLASSES, Entry, Gazetteer, fold

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "kg" / "data" / "gazetteer.jsonl"
NAMES = ROOT / "scripts" / "gazetteer_names.yaml"
BUILDER = ROOT / "scripts" / "build_gazetteer.py"
DATA = ROOT.parent / "shared" / "data" / "wikidata"
ALLOWED_KEYS = ["id", "class", "qid", "labels", "aliases", "demonyms", "metonyms",
                "iso2", "government_of", "country", "member_of"]

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data files not found in {DATA}")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def objs() -> list[dict]:
    return [json.loads(line) for line in GAZETTEER.read_text(encoding="utf-8").splitlines()]


def _names(obj: dict) -> list[str]:
    names = list(obj["labels"].values())
    for key in ("aliases", "metonyms"):
        names += [n for items in obj.get(key, {}).values() for n in items]
    return names


# -- schema and uniqueness ---------------------------------------------------------

def test_file_is_small_and_sorted(objs):
    assert GAZETTEER.stat().st_size < 1_000_000
    ids = [o["id"] for o in objs]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_schema(objs):
    for obj in objs:
        keys = list(obj)
        assert keys == [k for k in ALLOWED_KEYS if k in obj], obj["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", obj["id"]), obj["id"]
        assert obj["class"] in CLASSES
        assert obj["labels"] and all(isinstance(v, str) and v for v in obj["labels"].values())
        assert "qid" not in obj or re.fullmatch(r"Q[1-9][0-9]*", obj["qid"])
        for key in ("aliases", "demonyms", "metonyms"):
            for items in obj.get(key, {}).values():
                assert items and len(items) == len(set(items)), (obj["id"], key)
        for key in obj:  # empty keys are omitted
            assert obj[key] not in ({}, [], "", None), (obj["id"], key)


def test_every_state_has_french_and_english_labels(objs):
    states = [o for o in objs if o["class"] == "State"]
    assert len(states) >= 193
    for obj in states:
        assert set(obj["labels"]) >= {"en", "fr"}, obj["id"]
        assert re.fullmatch(r"[A-Z]{2}", obj["iso2"])


def test_references_name_states(gaz):
    for entry in gaz:
        for ref in (entry.government_of, entry.country):
            if ref is not None:
                assert gaz.get(ref).cls == "State", entry.id
        if entry.cls == "GovernmentBody":
            assert entry.government_of, entry.id


def test_no_name_maps_to_two_entries_of_one_class(objs):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for obj in objs:
        for name in _names(obj):
            owners[obj["class"], fold(name)].add(obj["id"])
    clashes = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_no_demonym_maps_to_two_entries(objs):
    owners: dict[str, set[str]] = defaultdict(set)
    for obj in objs:
        for items in obj.get("demonyms", {}).values():
            for form in items:
                owners[fold(form)].add(obj["id"])
    assert not {key: ids for key, ids in owners.items() if len(ids) > 1}


def test_no_qid_twice(objs):
    qids = [o["qid"] for o in objs if "qid" in o]
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize(("entry_id", "memberships"), [
    ("france", {"nato", "eu"}), ("germany", {"nato", "eu"}), ("united-states", {"nato"}),
    ("austria", {"eu"}), ("ukraine", set()), ("russia", set()),
])
def test_membership(gaz, entry_id, memberships):
    assert set(gaz.get(entry_id).member_of) == memberships


def test_membership_counts(gaz):
    members = [m for e in gaz for m in e.member_of]
    assert members.count("nato") == 32
    assert members.count("eu") == 27


# -- provenance of the Wikidata ids ------------------------------------------------

def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def source_names() -> dict[str, set[str]]:
    """qid -> folded names the shared data files give it (caution rows left out)."""
    names: dict[str, set[str]] = defaultdict(set)

    def add(qid: str, *found: str | None) -> None:
        for name in found:
            if qid and name:
                names[qid].add(fold(name))

    for r in _read_csv("rigour_territories.csv"):
        add(r["qid"], r["name"], r["full_name"])
    for r in _read_csv("owid_countries_regions_2022-11.csv"):
        add(r["wikidata_uri"].rsplit("/", 1)[-1], r["name"], r["wikidata_label"])
    for r in _read_csv("histwardb_crosswalk.csv"):
        add(r["country_qid"], r["country"])
    with open(DATA / "supraverden_general_list.yaml", encoding="utf-8") as handle:
        for rec in yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)).values():
            add(str(rec.get("Wikidata_code")), rec.get("Name_en"), rec.get("Name_fr"))
    for r in _read_csv("everypolitician_world_leaders_2021.csv"):
        add(r["officeholder"], r["officeholderLabel"])
    for r in _read_csv("everypolitician_foreign_ministers_2022-12.csv"):
        add(r["person"], r["name"])
    for r in _read_csv("everypolitician_un_officials_2022-12.csv"):
        add(r["personID"], r["person"])
    for r in _read_csv("world_leaders_current_union.csv"):
        if not r["caution"].strip():
            add(r["wikidata_id"], r["name_en"])
    return names


@needs_data
@pytest.mark.parametrize(("qid", "file", "name"), [
    ("Q159", "rigour_territories.csv", "Russia"),
    ("Q159", "owid_countries_regions_2022-11.csv", "Russia"),
    ("Q7184", "supraverden_general_list.yaml", "North Atlantic Treaty Organisation"),
    ("Q7747", "world_leaders_current_union.csv", "Vladimir Putin"),
])
def test_example_ids_are_in_the_files(qid, file, name):
    text = (DATA / file).read_text(encoding="utf-8")
    assert re.search(rf"{qid}\b", text) and name in text


@needs_data
def test_every_qid_is_in_the_data_files_with_that_name(objs, source_names):
    for obj in objs:
        if "qid" not in obj:
            continue
        assert obj["qid"] in source_names, obj["id"]
        ours = {fold(n) for n in _names(obj)}
        assert ours & source_names[obj["qid"]], (obj["id"], obj["qid"], sorted(source_names[obj["qid"]]))


@needs_data
def test_state_qids_are_agreed_by_rigour_and_owid(objs):
    rigour = {r["code"].upper(): r for r in _read_csv("rigour_territories.csv")}
    owid = {r["iso_alpha2"]: r["wikidata_uri"].rsplit("/", 1)[-1]
            for r in _read_csv("owid_countries_regions_2022-11.csv") if r["iso_alpha2"]}
    for obj in objs:
        if obj["class"] == "State" and "qid" in obj:
            row = rigour[obj["iso2"]]
            assert owid[obj["iso2"]] == obj["qid"], obj["id"]
            assert obj["qid"] in {row["qid"], *row["other_qids"].split("|")}, obj["id"]


@needs_data
@pytest.mark.parametrize(("entry_id", "qid"), [
    ("russia", "Q159"), ("netherlands", "Q29999"), ("denmark", "Q35"), ("kosovo", None),
    ("nato", "Q7184"), ("un", "Q1065"), ("viktor-orban", "Q57641"), ("ursula-von-der-leyen", None),
    ("kremlin", None), ("g7", None),
])
def test_policy_cases(gaz, entry_id, qid):
    assert gaz.get(entry_id).qid == qid


def test_names_file_has_no_wikidata_id():
    assert not re.search(r"Q\d+", NAMES.read_text(encoding="utf-8"))


@needs_data
def test_shipped_file_equals_a_fresh_build():
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILDER)
    builder = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = builder  # dataclasses look their module up
    try:
        spec.loader.exec_module(builder)
    finally:
        del sys.modules[spec.name]
    objs, _ = builder.build(DATA, NAMES)
    assert builder.serialise(objs) == GAZETTEER.read_text(encoding="utf-8")


# -- lookups --------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "lang", "entry_id"), [
    ("Moscou", "fr", "russia"),
    ("Moscow", "en", "russia"),
    ("le Kremlin", "fr", "kremlin"),
    ("l'OTAN", "fr", "nato"),
    ("l’Otan", "fr", "nato"),
    ("Nato", "en", "nato"),
    ("Downing Street", None, "downing-street"),
    ("Maison Blanche", "fr", "white-house"),
    ("la Maison-Blanche", "fr", "white-house"),
    ("Washington", None, "united-states"),
    ("États-Unis", "fr", "united-states"),
    ("Etats-Unis", "fr", "united-states"),
    ("les États-Unis", "fr", "united-states"),
    ("US", "en", "united-states"),
    ("U.S.", "en", "united-states"),
    ("United States", "en", "united-states"),
    ("Royaume-Uni", "fr", "united-kingdom"),
    ("Britain", "en", "united-kingdom"),
    ("UK", "en", "united-kingdom"),
    ("Kiev", "fr", "ukraine"),
    ("Kyiv", "en", "ukraine"),
    ("Pékin", "fr", "china"),
    ("Beijing", "en", "china"),
    ("Téhéran", "fr", "iran"),
    ("l'ONU", "fr", "un"),
    ("UN", "en", "un"),
    ("l'UE", "fr", "eu"),
    ("l'AIEA", "fr", "iaea"),
    ("IAEA", "en", "iaea"),
    ("Conseil de sécurité de l'ONU", "fr", "unsc"),
    ("Ligue arabe", "fr", "arab-league"),
    ("G7", None, "g7"),
    ("le Quai d'Orsay", "fr", "quai-dorsay"),
    ("l'Élysée", "fr", "elysee"),
    ("Pentagone", "fr", "pentagon"),
    ("Poutine", "fr", "vladimir-putin"),
    ("Putin", "en", "vladimir-putin"),
    ("Zelensky", None, "volodymyr-zelenskyy"),
    ("Zelenskyy", None, "volodymyr-zelenskyy"),
    ("Sergueï Lavrov", "fr", "sergey-lavrov"),
    ("Sergei Lavrov", "en", "sergey-lavrov"),
    ("Erdogan", None, "recep-tayyip-erdogan"),
    ("Netanyahou", "fr", "benjamin-netanyahu"),
    ("Keir Starmer", None, "keir-starmer"),
    ("Tsahal", "fr", "israel-defense-forces"),
])
def test_lookup(gaz, name, lang, entry_id):
    entry = gaz.lookup(name, lang)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize("name", ["us", "Us", "un", "Un", "nato", "Jérusalem", "Bruxelles", "Congo", ""])
def test_lookup_misses(gaz, name):
    assert gaz.lookup(name) is None


def test_downing_street_is_the_uk_government(gaz):
    assert gaz.lookup("Downing Street").government_of == "united-kingdom"


@pytest.mark.parametrize(("word", "lang", "entry_id"), [
    ("britannique", "fr", "united-kingdom"),
    ("britanniques", "fr", "united-kingdom"),
    ("British", "en", "united-kingdom"),
    ("Israeli", "en", "israel"),
    ("Israelis", "en", "israel"),
    ("israélienne", "fr", "israel"),
    ("russe", "fr", "russia"),
    ("Russes", "fr", "russia"),
    ("américain", "fr", "united-states"),
    ("américaine", "fr", "united-states"),
    ("américains", "fr", "united-states"),
    ("américaines", "fr", "united-states"),
    ("Palestinian", "en", "palestine"),
    ("grecque", "fr", "greece"),
    ("sud-coréens", "fr", "south-korea"),
    ("otanien", "fr", "nato"),
])
def test_demonym(gaz, word, lang, entry_id):
    entry = gaz.demonym(word, lang)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize(("text", "folded"), [
    ("la Maison-Blanche", "maison blanche"),
    ("l’OTAN", "otan"),
    ("Etats-Unis", "etats unis"),
    ("les États-Unis", "etats unis"),
    ("U.S.", "us"),
    ("Erdoğan", "erdogan"),
    ("The Gambia", "gambia"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_entries_are_frozen_and_hashable(gaz):
    entry = gaz.get("russia")
    assert isinstance(entry, Entry) and hash(entry) == hash(gaz.get("russia"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.qid = "Q1"  # type: ignore[misc]
    with pytest.raises(TypeError):
        entry.labels["en"] = "x"  # type: ignore[index]


def test_get_unknown_id(gaz):
    with pytest.raises(KeyError, match="atlantis"):
        gaz.get("atlantis")


# -- spaCy patterns -----------------------------------------------------------------

def test_patterns(gaz):
    fr = gaz.patterns("fr")
    assert {"label": "GovernmentBody", "pattern": [{"LOWER": "downing"}, {"LOWER": "street"}],
            "id": "downing-street"} in fr
    assert {"label": "InternationalOrganization", "pattern": [{"ORTH": "OTAN"}], "id": "nato"} in fr
    assert {p["label"] for p in fr} <= set(CLASSES)
    dem = gaz.demonym_patterns("fr")
    assert {"label": "DEMONYM", "pattern": [{"LOWER": "britanniques"}], "id": "united-kingdom"} in dem
    assert {p["label"] for p in dem} == {"DEMONYM"}


@pytest.fixture(scope="module")
def rulers(gaz):
    """A blank spaCy pipeline per language with an entity ruler of the gazetteer patterns."""
    spacy = pytest.importorskip("spacy")
    cache = {}

    def get(lang):
        if lang not in cache:
            nlp = spacy.blank(lang)
            nlp.add_pipe("entity_ruler").add_patterns(gaz.patterns(lang))
            cache[lang] = nlp
        return cache[lang]

    return get


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Le Kremlin a rejeté le plan de la Maison-Blanche et de l'OTAN, selon Moscou.",
     [("Kremlin", "kremlin"), ("Maison-Blanche", "white-house"), ("OTAN", "nato"), ("Moscou", "russia")]),
    ("fr", "Les États-Unis et le Quai d’Orsay ; une grenade a explosé.",
     [("États-Unis", "united-states"), ("Quai d’Orsay", "quai-dorsay")]),
    ("fr", "Un soldat de l'ONU.", [("ONU", "un")]),
    ("en", "The White House and the U.S. told us that NATO met in Kyiv.",
     [("White House", "white-house"), ("U.S.", "united-states"), ("NATO", "nato"), ("Kyiv", "ukraine")]),
    ("en", "Britain's Foreign Office and 10 Downing Street.",
     [("Britain", "united-kingdom"), ("Foreign Office", "foreign-office"),
      ("10 Downing Street", "downing-street")]),
])
def test_patterns_in_an_entity_ruler(rulers, lang, text, expected):
    doc = rulers(lang)(text)
    assert [(ent.text, ent.ent_id_) for ent in doc.ents] == expected


# -- malformed files ----------------------------------------------------------------

GOOD = '{"id": "x", "class": "Group", "labels": {"en": "X"}}'


@pytest.mark.parametrize(("bad", "message"), [
    ('{"id": "y", "class": "Group", "labels": {"en": "Y"}', "not valid JSON"),
    ('["y"]', "expected a JSON object"),
    ('{"id": "y", "class": "Group"}', "missing key(s) labels"),
    ('{"id": "y", "class": "Planet", "labels": {"en": "Y"}}', "class 'Planet'"),
    ('{"id": "Y Y", "class": "Group", "labels": {"en": "Y"}}', "is not a slug"),
    ('{"id": "y", "class": "Group", "labels": {"en": "Y"}, "colour": "red"}', "unknown key(s) colour"),
    ('{"id": "y", "class": "Group", "qid": "159", "labels": {"en": "Y"}}', "not a Wikidata id"),
    ('{"id": "y", "class": "Group", "labels": {"en": "Y"}, "aliases": {"en": "Why"}}', "aliases must map"),
    ('{"id": "x", "class": "Group", "labels": {"en": "Y"}}', "repeats line 1"),
    ('{"id": "y", "class": "GovernmentBody", "labels": {"en": "Y"}, "government_of": "nowhere"}',
     "government_of 'nowhere' names no entry"),
])
def test_malformed_line(bad, message):
    with pytest.raises(DataFileError, match=re.escape(message)) as info:
        Gazetteer.from_lines([GOOD, bad], source="bad.jsonl")
    assert "bad.jsonl, line 2" in str(info.value)


def test_malformed_file_names_file_and_line(tmp_path):
    path = tmp_path / "gaz.jsonl"
    path.write_text(GOOD + "\n\n" + "{oops\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"gaz\.jsonl, line 3: not valid JSON") as info:
        Gazetteer.load(path)
    assert isinstance(info.value, ValueError)


def test_load_is_cached():
    assert Gazetteer.load() is Gazetteer.load()
