"""Entities: one resource per actor across articles and languages; links only from the shared data.

A corpus of the seed article, the French and English dev passages and a few
short sentences written here (the same people spelt the French and the English
way) is built once. Mentions are resolved with ``find_actors`` (what the build
uses) and every name as written is checked against the one IRI it must get.
"""
from __future__ import annotations

import csv
import json
import re
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from click.testing import CliRunner

from kg.commands.entities import entities as entities_command
from kg.entities import EntityRow, list_entities, name_key, suspicious_merges
from kg.extract.mentions import person_key
from kg.gazetteer import fold
from tests.conftest import ROOT, SHARED

ACTOR = "https://w3id.org/dipkg/id/actor/"
ARTICLE = "https://w3id.org/dipkg/id/article/"
WD = "http://www.wikidata.org/entity/"
WIKIDATA = SHARED / "data" / "wikidata"
DEV_FR = ROOT / "tests" / "data" / "dev_fr" / "docs.jsonl"
DEV_EN = ROOT / "tests" / "data" / "dev_en" / "docs.jsonl"
SEED = ROOT / "seeds" / "000_e8b4b98b5a399a37.txt"

# Short news sentences naming the same people the French and the English way.
VARIANTS = [
    {"id": "var-fr-1", "lang": "fr", "date": "2025-02-21", "text":
        "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rejeté vendredi l'idée d'un "
        "déploiement de troupes européennes en Ukraine. Le porte-parole du Kremlin, Dmitri Peskov, a "
        "déclaré que Moscou suivait ces propositions avec inquiétude. L'ancien président russe Dmitri "
        "Medvedev a qualifié le plan de provocation, et Medvedev a menacé les pays européens. Mykhaïlo "
        "Podoliak, conseiller de la présidence ukrainienne, a salué la proposition. M. Podoliak a accusé "
        "Moscou de vouloir prolonger la guerre."},
    {"id": "var-en-1", "lang": "en", "date": "2025-02-21", "text":
        "Russian Foreign Minister Sergei Lavrov on Friday rejected the idea of deploying European troops "
        "in Ukraine. Kremlin spokesman Dmitry Peskov said Moscow was following the proposals with concern. "
        "Former Russian President Dmitry Medvedev called the plan a provocation. Mykhailo Podolyak, an "
        "adviser to the Ukrainian presidency, welcomed the proposal. The Kremlin has repeatedly rejected "
        "such plans."},
    {"id": "var-fr-2", "lang": "fr", "date": "2024-02-17", "text":
        "La veuve de l'opposant Alexeï Navalny a accusé le Kremlin d'être responsable de sa mort. "
        "Moscou a rejeté ces accusations."},
    {"id": "var-en-2", "lang": "en", "date": "2024-02-17", "text":
        "The widow of opposition leader Alexei Navalny accused the Kremlin of being responsible for his "
        "death. Moscow rejected the accusations."},
]
# Different people who share a surname, and the surname alone.
NAMESAKES = [
    {"id": "sur-1", "lang": "fr", "date": "2024-05-20", "text":
        "La vice-présidente philippine Sara Duterte a annoncé lundi sa démission du gouvernement. "
        "Duterte a affirmé qu'elle restait fidèle au peuple philippin."},
    {"id": "sur-2", "lang": "en", "date": "2024-05-21", "text":
        "Davao City Mayor Sebastian Duterte said on Tuesday he would not run for the Senate. "
        "Duterte told reporters the decision was final."},
    {"id": "sur-3", "lang": "fr", "date": "2024-05-23", "text":
        "Duterte a rejeté mercredi les accusations de la Chine."},
    {"id": "sur-4", "lang": "fr", "date": "2024-05-24", "text":
        "Duterte a démenti jeudi avoir rencontré l'ambassadeur chinois à Manille."},
    {"id": "kh-1", "lang": "en", "date": "2024-06-01", "text":
        "Iran's Supreme Leader Ali Khamenei rejected talks with Washington on Saturday. "
        "Khamenei said the United States could not be trusted."},
    {"id": "kh-2", "lang": "en", "date": "2024-06-02", "text":
        "Mojtaba Khamenei, a cleric and the son of the supreme leader, has rarely spoken in public."},
]

# (article, name as written, the one actor it must be)
NAMES = [
    ("000_e8b4b98b5a399a37", "Kremlin", "kremlin"),
    ("000_e8b4b98b5a399a37", "Keir Starmer", "keir-starmer"),
    ("000_e8b4b98b5a399a37", "Starmer", "keir-starmer"),
    ("000_e8b4b98b5a399a37", "Dmitry Peskov", "dmitry-peskov"),
    ("000_e8b4b98b5a399a37", "Peskov", "dmitry-peskov"),
    ("000_e8b4b98b5a399a37", "Sergei Lavrov", "sergey-lavrov"),
    ("000_e8b4b98b5a399a37", "Moscou", "russia"),
    ("000_e8b4b98b5a399a37", "Russie", "russia"),
    ("000_e8b4b98b5a399a37", "Donald Trump", "donald-trump"),
    ("devfr-01", "Mohammad Javad Zarif", "mohammad-javad-zarif"),
    ("devfr-01", "M. Zarif", "mohammad-javad-zarif"),
    ("devfr-01", "Hassan Rohani", "hassan-rohani"),
    ("devfr-01", "M. Rohani", "hassan-rohani"),
    ("devfr-01", "Trump", "donald-trump"),
    ("devfr-02", "Abbas Araghchi", "abbas-araghchi"),
    ("devfr-02", "Araghchi", "abbas-araghchi"),
    ("devfr-03", "Hossein Amir-Abdollahian", "hossein-amir-abdollahian"),
    ("devfr-03", "M. Amir-Abdollahian", "hossein-amir-abdollahian"),
    ("devfr-03", "Josep Borrell", "josep-borrell"),
    ("devfr-06", "Volodymyr Zelenskiy", "volodymyr-zelenskyy"),
    ("devfr-06", "M. Zelenskiy", "volodymyr-zelenskyy"),
    ("devfr-06", "Vladimir Poutine", "vladimir-putin"),
    ("devfr-09", "Benjamin Nétanyahou", "benjamin-netanyahu"),
    ("devfr-09", "Nétanyahou", "benjamin-netanyahu"),
    ("devfr-12", "Patrick Muyaya", "patrick-muyaya"),
    ("devfr-12", "Félix Tshisekedi", "felix-tshisekedi"),
    ("devfr-14", "Volodymyr Zelensky", "volodymyr-zelenskyy"),
    ("devfr-14", "Zelensky", "volodymyr-zelenskyy"),
    ("devfr-14", "Emmanuel Macron", "emmanuel-macron"),
    ("devfr-14", "Macron", "emmanuel-macron"),
    ("deven-01", "Vladimir Putin", "vladimir-putin"),
    ("deven-01", "Putin", "vladimir-putin"),
    ("deven-01", "Dmitry Peskov", "dmitry-peskov"),
    ("deven-01", "Petro Poroshenko", "petro-poroshenko"),
    ("deven-03", "Dmytro Kuleba", "dmytro-kuleba"),
    ("deven-07", "Benjamin Netanyahu", "benjamin-netanyahu"),
    ("deven-07", "Netanyahu", "benjamin-netanyahu"),
    ("deven-08", "Ursula von der Leyen", "ursula-von-der-leyen"),
    ("deven-08", "von der Leyen", "ursula-von-der-leyen"),
    ("deven-08", "Andrii Sybiha", "andrii-sybiha"),
    ("var-fr-1", "Sergueï Lavrov", "sergey-lavrov"),
    ("var-fr-1", "Kremlin", "kremlin"),
    ("var-fr-1", "Dmitri Peskov", "dmitry-peskov"),
    ("var-fr-1", "Moscou", "russia"),
    ("var-fr-1", "Dmitri Medvedev", "dmitri-medvedev"),
    ("var-fr-1", "Medvedev", "dmitri-medvedev"),
    ("var-fr-1", "Mykhaïlo Podoliak", "mykhailo-podoliak"),
    ("var-fr-1", "M. Podoliak", "mykhailo-podoliak"),
    ("var-en-1", "Sergei Lavrov", "sergey-lavrov"),
    ("var-en-1", "Dmitry Peskov", "dmitry-peskov"),
    ("var-en-1", "Moscow", "russia"),
    ("var-en-1", "Kremlin", "kremlin"),
    ("var-en-1", "Dmitry Medvedev", "dmitri-medvedev"),
    ("var-en-1", "Mykhailo Podolyak", "mykhailo-podoliak"),
    ("var-fr-2", "Alexeï Navalny", "alexei-navalni"),
    ("var-fr-2", "Moscou", "russia"),
    ("var-en-2", "Alexei Navalny", "alexei-navalni"),
    ("var-en-2", "Moscow", "russia"),
    ("sur-1", "Sara Duterte", "sara-duterte"),
    ("sur-1", "Duterte", "sara-duterte"),
    ("sur-2", "Sebastian Duterte", "sebastian-duterte"),
    ("sur-2", "Duterte", "sebastian-duterte"),
    ("kh-1", "Ali Khamenei", "ali-khamenei"),
    ("kh-1", "Khamenei", "ali-khamenei"),
]


def _articles() -> list[dict]:
    docs = [{"id": SEED.stem, "lang": "fr", "text": SEED.read_text(encoding="utf-8")}]
    for path in (DEV_FR, DEV_EN):
        docs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs + VARIANTS + NAMESAKES


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The whole corpus built once, as N-Quads (one graph per article)."""
    from kg.build import build_files

    folder = tmp_path_factory.mktemp("entities")
    written = folder / "written.jsonl"
    written.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in VARIANTS + NAMESAKES),
                       encoding="utf-8")
    out = folder / "corpus.nq"
    report = build_files([ROOT / "seeds", DEV_FR, DEV_EN, written], out)
    assert not report.errors
    return out


@pytest.fixture(scope="module")
def mentions() -> dict[tuple[str, str], set[str]]:
    """(article id, name as written) -> the actor IRIs that mention was given (text as the build parses it)."""
    from kg.corpus import dateline
    from kg.extract.mentions import find_actors
    from kg.gazetteer import Gazetteer
    from kg.nlp import load_pipeline
    from kg.rdf import actor_iri

    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in _articles():
        text = article["text"]
        doc = load_pipeline(article["lang"])(text[len(dateline(text) or ""):])  # the build skips the dateline
        for span, actor in find_actors(doc, article["lang"], Gazetteer.load(), scope=article["id"]).spans:
            found[(article["id"], span.text)].add(str(actor_iri(actor)))
    return found


@pytest.fixture(scope="module")
def rows(corpus) -> list[EntityRow]:
    return list_entities(corpus)


def _quads(path: Path, sparql: str) -> list[tuple[str, ...]]:
    store = ox.Store()
    store.load(path=path, format=ox.RdfFormat.from_extension(path.suffix[1:]))
    answer = store.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in answer.variables]
    return [tuple(solution[n].value for n in names) for solution in answer]


# -- (1) one resource per actor ---------------------------------------------------


@pytest.mark.parametrize(("article", "written", "key"), NAMES)
def test_each_name_as_written_is_one_actor(mentions, article, written, key):
    assert mentions[(article, written)] == {ACTOR + key}


def test_every_expected_actor_is_in_the_graph_of_its_article(corpus):
    found = set(_quads(corpus, "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?e a ?c } }"))
    missing = [(a, k) for a, _, k in NAMES
               if (ARTICLE + a, ACTOR + k) not in found]
    assert missing == []


def test_no_two_actors_of_a_class_share_a_folded_label(rows):
    """Except people known by one name only, which stay in their article (IRIs with "--")."""
    owners = defaultdict(set)
    for row in rows:
        if "--" in row.iri:
            continue
        for label in row.labels:
            owners[(row.cls, name_key(label, person=row.cls == "Person"))].add(row.iri)
            owners[(row.cls, fold(label))].add(row.iri)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert [s for s in suspicious_merges(rows) if s.kind in ("same-name", "same-link")
            and not any("--" in iri for iri in s.iris)] == []


def test_french_and_english_spellings_are_one_resource_with_both_labels(rows):
    by_key = {row.key: row for row in rows}
    assert {"Mykhaïlo Podoliak", "Mykhailo Podolyak"} <= set(by_key["mykhailo-podoliak"].labels)
    assert {"Dmitri Medvedev", "Dmitry Medvedev"} <= set(by_key["dmitri-medvedev"].labels)
    assert {"Alexeï Navalny", "Alexei Navalny"} <= set(by_key["alexei-navalni"].labels)
    assert by_key["dmitri-medvedev"].articles == 2
    assert "m-zarif" not in by_key and "m-zelenski" not in by_key and "m-rohani" not in by_key


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Sergueï Lavrov", "Sergei Lavrov", True),
    ("Sergey Lavrov", "Sergej Lavrov", True),
    ("Dmitri Peskov", "Dmitry Peskov", True),
    ("Dmitriy Peskov", "Dmitrii Peskov", True),
    ("Volodymyr Zelenskyy", "Volodymyr Zelenskiy", True),
    ("Volodymyr Zelensky", "Volodymyr Zelenski", True),
    ("Andriï Sybiha", "Andriy Sybiha", True),
    ("Vassily Nebenzia", "Vassily Nebenzya", True),
    ("Evgueni Prigojine", "Evgeni Prigojine", True),
    ("M. Zarif", "Zarif", True),
    ("Mme Kallas", "Kallas", True),
    ("Volodymyr Zelensky", "Vladimir Zelensky", False),  # different names, not spellings
    ("Dmytro Kuleba", "Dmitri Kuleba", False),
    ("Ali Khamenei", "Mojtaba Khamenei", False),
    ("Lavrov", "Sergei Lavrov", False),  # a surname alone never meets a full name
    ("Luis Arce", "Louis Arce", False),
])
def test_person_keys_fold_spellings_not_names(a, b, same):
    assert (person_key(a) == person_key(b)) is same


# -- surnames across articles --------------------------------------------------------


def test_surname_alone_does_not_join_a_namesake_of_another_article(mentions, rows):
    alone = mentions[("sur-3", "Duterte")]
    assert alone.isdisjoint({ACTOR + "sara-duterte", ACTOR + "sebastian-duterte", ACTOR + "rodrigo-duterte"})
    assert mentions[("sur-1", "Sara Duterte")] != mentions[("sur-2", "Sebastian Duterte")]
    flagged = [s for s in suspicious_merges(rows) if s.kind == "part-name" and s.iris[0] in alone]
    assert flagged and {ACTOR + "sara-duterte", ACTOR + "sebastian-duterte"} <= set(flagged[0].iris)


def test_surname_alone_in_two_articles_is_two_resources(mentions):
    assert mentions[("sur-3", "Duterte")] != mentions[("sur-4", "Duterte")]


def test_namesake_of_a_gazetteer_person_is_another_resource(mentions):
    assert mentions[("kh-2", "Mojtaba Khamenei")] != {ACTOR + "ali-khamenei"}


# -- (2), (3) links only from the shared Wikidata files ----------------------------------


@pytest.fixture(scope="module")
def wikidata_names() -> dict[str, dict[str, set[str]]]:
    """QID -> file -> folded names given to that QID in that file (rows without caution only)."""
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(qid: str, file: str, *found: str) -> None:
        qid = qid.strip().removeprefix(WD)
        if re.fullmatch(r"Q[1-9][0-9]*", qid):
            names[qid][file].update(fold(n) for n in found if n)

    def rows_of(name: str):
        with open(WIKIDATA / name, encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)

    for row in rows_of("rigour_territories.csv"):
        for qid in [row["qid"], *re.split(r"[|;, ]+", row["other_qids"] or "")]:
            add(qid, "rigour", row["name"], row["full_name"], *(row["names_strong"] or "").split("|"))
    for row in rows_of("owid_countries_regions_2022-11.csv"):
        aliases = json.loads(row["aliases"]) if row["aliases"] else []
        add(row["wikidata_uri"], "owid", row["name"], row["wikidata_label"], *aliases)
    for row in rows_of("histwardb_crosswalk.csv"):
        add(row["country_qid"], "histwardb", row["country"], row["cow_name"])
    for row in rows_of("world_leaders_current_union.csv"):
        if not row["caution"].strip():
            add(row["wikidata_id"], "world-leaders-current", row["name_en"])
    for row in rows_of("everypolitician_world_leaders_2021.csv"):
        add(row["officeholder"], "everypolitician-leaders", row["officeholderLabel"])
        add(row["countryid"], "everypolitician-leaders", row["country"])
    for row in rows_of("everypolitician_foreign_ministers_2022-12.csv"):
        add(row["person"], "everypolitician-foreign", row["name"])
        add(row["country"], "everypolitician-foreign", row["countryLabel"])
    for row in rows_of("everypolitician_un_officials_2022-12.csv"):
        add(row["personID"], "everypolitician-un", row["person"])
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(WIKIDATA / "supraverden_general_list.yaml", encoding="utf-8") as handle:
        for key, org in yaml.load(handle, Loader=loader).items():
            if isinstance(org, dict) and org.get("Wikidata_code"):  # Name_en, Name_other_en, Abbreviation_fr …
                found = [v for k, v in org.items() if k.startswith(("Name_", "Abbreviation_"))]
                add(str(org["Wikidata_code"]), "supraverden", key,
                    *(str(n) for v in found for n in (v if isinstance(v, list) else [v]) if n))
    return names


def _links(path: Path, graphs: str = "") -> list[tuple[str, str, str]]:
    """(actor, QID, English label) of every owl:sameAs to Wikidata; ``graphs``: ``&& condition on ?g``."""
    return _quads(path, f"""
        SELECT DISTINCT ?e ?w ?l WHERE {{
          GRAPH ?g {{ ?e <http://www.w3.org/2002/07/owl#sameAs> ?w ;
                         <http://www.w3.org/2000/01/rdf-schema#label> ?l }}
          FILTER(STRSTARTS(STR(?w), "{WD}") && LANG(?l) = "en" {graphs}) }}""")


def test_every_seed_link_is_a_qid_of_the_data_files_for_that_name(seed_nq, wikidata_names):
    links = _links(seed_nq)
    assert {e.removeprefix(ACTOR) for e, _, _ in links} >= {"russia", "ukraine", "nato", "keir-starmer"}
    wrong = [(e, w, label) for e, w, label in links
             if fold(label) not in set().union(*wikidata_names.get(w.removeprefix(WD), {}).values())]
    assert wrong == []


def test_links_of_the_french_dev_set_are_right(corpus, wikidata_names):
    labels = defaultdict(set)
    query = "SELECT DISTINCT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    for e, label in _quads(corpus, query):
        labels[e].add(fold(label))
    links = _links(corpus, f'&& STRSTARTS(STR(?g), "{ARTICLE}devfr-")')
    assert len({w for _, w, _ in links}) >= 10
    wrong = []
    for e, w, _ in links:
        known = set().union(*wikidata_names.get(w.removeprefix(WD), {}).values())
        if not labels[e] & known:
            wrong.append((e, w, sorted(labels[e])))
    assert wrong == []


# -- suspicious merges on hand-made rows ---------------------------------------------------


def _row(key: str, *labels: str, cls: str = "Person", qids: tuple[str, ...] = (),
         classes: tuple[str, ...] = ()) -> EntityRow:
    return EntityRow(ACTOR + key, tuple(sorted(labels)), cls, qids[0] if qids else None, 0, 1,
                     classes=classes or (cls,), qids=qids)


@pytest.mark.parametrize(("rows_", "kind"), [
    ([_row("x", "Ali Khamenei", "Mojtaba Khamenei")], "mixed-names"),
    ([_row("x", "Reuters", "Defence", cls="Organization")], "mixed-names"),
    ([_row("x", "Sergueï Lavrov"), _row("y", "Sergey Lavrov")], "same-name"),
    ([_row("x", "Vassily Nebenzia"), _row("y", "Vassily Nebenzya", cls="Organization")], "name-in-two-classes"),
    ([_row("x", "Josep"), _row("josep-borrell", "Josep Borrell")], "part-name"),
    ([_row("x", "A", qids=("Q1", "Q2"))], "mixed-links"),
    ([_row("x", "A", qids=("Q1",)), _row("y", "B", qids=("Q1",))], "same-link"),
    ([_row("x", "Duterte", classes=("Person", "Organization"))], "mixed-classes"),
])
def test_suspicious_merges_finds(rows_, kind):
    assert [s.kind for s in suspicious_merges(rows_)] == [kind]


@pytest.mark.parametrize("labels", [
    ("Dmitri Medvedev", "Dmitry Medvedev"),
    ("Mykhaïlo Podoliak", "Mykhailo Podolyak", "M. Podoliak"),
    ("Hossein Amir-Abdollahian", "Amir-Abdollahian"),
])
def test_spelling_variants_are_not_suspicious(labels):
    assert suspicious_merges([_row("x", *labels)]) == []


def test_gazetteer_actors_are_not_compared_by_name():
    assert suspicious_merges([_row("germany", "Allemagne", "Germany", cls="State")]) == []


def test_a_store_gives_the_same_rows_as_the_file(corpus, rows):
    from kg.store import open_store

    with open_store() as store:
        store.load_file(corpus)
        assert list_entities(store) == rows
    assert list_entities(corpus, cls="GovernmentBody") == [r for r in rows if r.cls == "GovernmentBody"]


def test_list_entities_is_fast_on_a_big_graph():
    lines = []
    for n in range(20_000):
        actor = f"<{ACTOR}p{n}>"
        lines.append(f'{actor} a <https://w3id.org/dipkg/onto#Person> ; '
                     f'<http://www.w3.org/2000/01/rdf-schema#label> "Person {n}"@en .')
        for k in range(3):
            stmt = f"<https://w3id.org/dipkg/id/stmt/{n}-{k}>"
            lines.append(f"{stmt} a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ; "
                         f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> {actor} ; "
                         f"<http://www.w3.org/ns/prov#wasDerivedFrom> <{ARTICLE}a{n % 500}> .")
    store = ox.Store()
    store.load("\n".join(lines).encode(), format=ox.RdfFormat.TURTLE)
    started = time.perf_counter()
    found = list_entities(store)
    assert len(found) == 20_000 and found[0].statements == 3 and found[0].articles == 1
    assert time.perf_counter() - started < 30


# -- (4) the command ---------------------------------------------------------------------


def _count(path: Path, key: str) -> int:
    [(n,)] = _quads(path, f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{
        ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .
        {{ ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{ACTOR}{key}> }}
        UNION {{ ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{ACTOR}{key}> }} }}""")
    return int(n)


def test_command_lists_the_actors_with_their_counts(seed_nq):
    result = CliRunner().invoke(entities_command, [str(seed_nq)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["statements", "articles", "class", "actor", "wikidata", "names"]
    kremlin = next(line for line in lines if "dipr:actor/kremlin " in line + " ")
    russia = next(line for line in lines if "dipr:actor/russia " in line + " ")
    assert _count(seed_nq, "kremlin") > 0 and _count(seed_nq, "russia") > 0
    assert kremlin.split()[:4] == [str(_count(seed_nq, "kremlin")), "1", "GovernmentBody", "dipr:actor/kremlin"]
    assert russia.split()[:5] == [str(_count(seed_nq, "russia")), "1", "State", "dipr:actor/russia", "Q159"]
    assert "Russia | Russie" in russia
    counts = [int(line.split()[0]) for line in lines[2:]]
    assert counts == sorted(counts, reverse=True)


def test_command_formats_and_class(seed_nq):
    runner = CliRunner()
    as_json = json.loads(runner.invoke(entities_command, [str(seed_nq), "--format", "json"]).output)
    kremlin = next(item for item in as_json if item["iri"] == ACTOR + "kremlin")
    assert kremlin["class"] == "GovernmentBody" and kremlin["labels"] == ["Kremlin"]
    assert kremlin["statements"] == _count(seed_nq, "kremlin")
    as_csv = runner.invoke(entities_command, [str(seed_nq), "--format", "csv", "--class", "person"]).output
    header, *body = list(csv.reader(as_csv.splitlines()))
    assert header == ["iri", "class", "wikidata", "statements", "articles", "labels"]
    assert body and {row[1] for row in body} == {"Person"}
    assert ACTOR + "keir-starmer" in {row[0] for row in body}


def test_command_check(seed_nq, corpus):
    runner = CliRunner()
    result = runner.invoke(entities_command, [str(seed_nq), "--check"])
    assert result.exit_code == 0, result.output
    assert result.output == "no suspicious merges\n"
    result = runner.invoke(entities_command, [str(corpus), "--check", "--format", "json"])
    assert result.exit_code == 0, result.output
    kinds = {item["kind"] for item in json.loads(result.output)}
    assert "part-name" in kinds and "same-name" not in kinds


@pytest.mark.parametrize("content", [None, "<a> <b> .\nnot turtle at all\n"])
def test_command_bad_file(tmp_path, content):
    path = tmp_path / "bad.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(entities_command, [str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and "bad.ttl" in result.output


def test_command_help_has_an_example():
    result = CliRunner().invoke(entities_command, ["-h"])
    assert result.exit_code == 0 and "Example: kg entities" in result.output
