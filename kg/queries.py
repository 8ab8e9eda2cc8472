"""Canned SPARQL queries: ``scripts/queries/*.rq``, shipped as ``kg/data/queries``.

``scripts/queries`` is where the queries are written and documented. An
installed package has no ``scripts/`` folder, so ``scripts/sync_queries.py``
copies them to ``kg/data/queries/`` (package data), and a test checks that
both folders hold the same files. From a source checkout the ``scripts``
folder is read, so an edit there is used at once.

Each file starts with a comment header: ``# name: what it answers``, then a
``# Parameters:`` block listing ``?variables`` marked ``(required)`` or
``(optional)``, which ``kg query --param name=value`` binds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import QueryError

_CHECKOUT = Path(__file__).resolve().parent.parent / "scripts" / "queries"
_PARAM = re.compile(r"^#\s+\?(?P<name>\w+)\s+\((?P<need>required|optional)\)\s*(?P<doc>.*)$")


@dataclass(frozen=True, slots=True)
class CannedQuery:
    """One documented query file."""

    name: str
    text: str
    summary: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


def queries_dir() -> Path:
    """The folder of canned queries: the checkout's ``scripts/queries``, else the package's.

    >>> queries_dir().name
    'queries'
    """
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    return Path(str(resources.files("kg") / "data" / "queries"))


def parse_header(name: str, text: str) -> CannedQuery:
    """Read the summary and the parameters from a query's comment header.

    >>> q = parse_header("t", "# t: who rejects what\\n# Parameters:\\n#   ?name  (required)  a label\\nASK {}")
    >>> q.summary, q.required, q.optional
    ('who rejects what', ('name',), ())
    """
    summary, required, optional = "", [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if not summary and line.startswith(f"# {name}:"):
            summary = line.split(":", 1)[1].strip()
        match = _PARAM.match(line)
        if match:
            (required if match["need"] == "required" else optional).append(match["name"])
    return CannedQuery(name, text, summary, tuple(required), tuple(optional))


def canned_queries() -> dict[str, CannedQuery]:
    """All canned queries by name (the file name without ``.rq``)."""
    return {path.stem: parse_header(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(queries_dir().glob("*.rq"))}


def resolve_query(query_or_file: str) -> tuple[str, CannedQuery | None]:
    """The SPARQL text for a ``.rq``/``.sparql`` path, a canned query name, or SPARQL itself.

    Returns:
        The query text, and the canned query when it is one (else None).

    Raises:
        QueryError: a file that cannot be read, or a bare word that names no
            canned query (the message lists them).

    >>> resolve_query("who-rejects-what")[1].name
    'who-rejects-what'
    >>> resolve_query("ASK { ?s ?p ?o }")
    ('ASK { ?s ?p ?o }', None)
    """
    text = query_or_file.strip()
    path = Path(text)
    if path.suffix in (".rq", ".sparql") or (len(text) < 256 and "\n" not in text and path.is_file()):
        try:
            body = path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"cannot read query file {text}: {err.strerror or err}") from err
        return body, (parse_header(path.stem, body) if path.suffix == ".rq" else None)
    canned = canned_queries()
    if text in canned:
        return canned[text].text, canned[text]
    if re.fullmatch(r"[\w.-]+", text):
        names = ", ".join(canned)
        raise QueryError(f"no query file or canned query named {text!r} (canned queries: {names})")
    return query_or_file, None
