"""Small SPARQL text helpers shared by the stores: query form, safe bindings.

Parameters are never pasted into a query as text. A value becomes an RDF
term (``pyoxigraph.Literal`` or ``NamedNode``), whose N-Triples form is
escaped by pyoxigraph, and the terms are joined at the top of the WHERE
clause as a ``VALUES`` block::

    SELECT ?x WHERE { VALUES (?name) { ("Kremlin") } ?x rdfs:label ?l ... }

So a parameter is visible in the top-level group of the WHERE clause (and in
everything nested in it that is joined with it), the way the canned queries
in ``scripts/queries`` use them.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

from kg.errors import QueryError

Value = str | int | float | bool | ox.NamedNode | ox.Literal | ox.BlankNode

# what may stand between tokens that matter: comments, strings, IRIs
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<open>\{) | (?P<close>\})
  | (?P<word>(?<![?$:\w@.-])[A-Za-z]+(?![\w:-]))
    """,
    re.VERBOSE | re.DOTALL,
)
_FORMS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "construct", "DESCRIBE": "describe"}
_UPDATES = {"INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _tokens(sparql: str):
    """Yield (kind, text, start, end) for braces and bare words, skipping the rest."""
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind in ("open", "close", "word"):
            yield kind, match.group(), match.start(), match.end()


def query_form(sparql: str) -> str:
    """Return ``select``, ``ask``, ``construct`` or ``describe`` for a query.

    Raises:
        QueryError: the text is a SPARQL update, or no query form is found.

    >>> query_form("PREFIX dip: <https://w3id.org/dipkg/onto#> # SELECT in a comment\\nASK { ?s ?p ?o }")
    'ask'
    """
    for kind, text, _, _ in _tokens(sparql):
        if kind != "word":
            continue
        word = text.upper()
        if word in _FORMS:
            return _FORMS[word]
        if word in _UPDATES:
            raise QueryError(f"only queries are run here, not SPARQL updates ({word} …)")
    raise QueryError(f"not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE): {sparql[:80]!r}")


def to_term(value: Value) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """Turn a parameter value into an RDF term.

    A string written ``<…>`` is an IRI; any other string is a plain literal;
    numbers and booleans become typed literals.

    Raises:
        QueryError: an IRI is not valid.

    >>> str(to_term('Le "Kremlin" } ; DROP ALL'))
    '"Le \\\\"Kremlin\\\\" } ; DROP ALL"'
    >>> str(to_term("<https://w3id.org/dipkg/id/actor/russia>")), str(to_term(3))
    ('<https://w3id.org/dipkg/id/actor/russia>', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, str) and len(value) > 2 and value[0] == "<" and value[-1] == ">":
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as err:
            raise QueryError(f"invalid IRI parameter {value!r}: {err}") from err
    if isinstance(value, (str, bool, int, float)):
        return ox.Literal(value)
    raise QueryError(f"unsupported parameter value {value!r} (use str, int, float or an RDF term)")


def check_bindings(bindings: Mapping[str, Value]) -> dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]:
    """Validate variable names (without ``?``) and turn the values into terms.

    Raises:
        QueryError: a name is not a SPARQL variable name, or a value is unusable.
    """
    terms = {}
    for name, value in bindings.items():
        bare = name[1:] if name[:1] in "?$" else name
        if not _VARNAME.match(bare):
            raise QueryError(f"invalid parameter name {name!r} (letters, digits and _ only)")
        terms[bare] = to_term(value)
    return terms


def _where_brace(sparql: str, form: str) -> int:
    """Offset just after the ``{`` that opens the top-level WHERE group."""
    depth, groups, after_where = 0, 0, False
    for kind, text, _, end in _tokens(sparql):
        if kind == "word" and depth == 0 and text.upper() == "WHERE":
            after_where = True
        elif kind == "open":
            if depth == 0:
                # CONSTRUCT { template } [WHERE] { pattern }: skip the template
                if after_where or form != "construct" or groups == 1:
                    return end
                groups += 1
            depth += 1
        elif kind == "close":
            depth -= 1
    raise QueryError("cannot find the WHERE clause of the query to bind parameters")


def inject_values(sparql: str, bindings: Mapping[str, Value]) -> str:
    """Bind variables by a ``VALUES`` block at the top of the WHERE clause.

    Raises:
        QueryError: see :func:`check_bindings` and :func:`query_form`.

    >>> inject_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": 'a"b'})
    'SELECT ?x WHERE { VALUES (?name) { ("a\\\\"b") } ?x ?p ?name }'
    """
    terms = check_bindings(bindings)
    if not terms:
        return sparql
    at = _where_brace(sparql, query_form(sparql))
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    return f"{sparql[:at]} VALUES ({names}) {{ ({values}) }}{sparql[at:]}"


def short_error(err: Exception, limit: int = 200) -> str:
    """A parser's message without its long list of expected characters.

    >>> short_error(SyntaxError('error at 1:17: expected one of "$", "(", …'))
    'error at 1:17: expected one of "$", "(", …'
    """
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """Declare ``prefixes`` ahead of the query; its own declarations come later and win.

    >>> with_prefixes("ASK {}", {"dip": "https://w3id.org/dipkg/onto#"})
    'PREFIX dip: <https://w3id.org/dipkg/onto#>\\nASK {}'
    """
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    return head + sparql
