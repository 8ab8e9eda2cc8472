"""A fast entity ruler for the gazetteer: phrase matchers instead of token patterns.

The gazetteer gives spaCy token patterns (``LOWER`` with ``IS_TITLE`` /
``IS_UPPER`` checks, ``ORTH`` for acronyms). Run through spaCy's
``entity_ruler`` they cost more than the parser; here every pattern goes into
a ``PhraseMatcher`` on ``LOWER`` or ``ORTH`` and the case checks are applied
to the few matches. Matches override the statistical NER (overlapping model
entities are dropped), the longest match winning.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

_CHECKS = {"IS_TITLE": lambda t: t.is_title, "IS_UPPER": lambda t: t.is_upper}


class GazetteerRuler:
    """Marks gazetteer names as entities labelled with their class, id in ``ent_id_``."""

    def __init__(self, nlp: Language, patterns: list[dict]):
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.rules: list[tuple[str, str, tuple[tuple[str, ...], ...]]] = []  # label, id, checks per token
        by_key: dict[tuple[str, int], list[Doc]] = {}
        for pattern in patterns:
            tokens = pattern["pattern"]
            exact = all("ORTH" in t for t in tokens)
            words = [t["ORTH"] if exact else t["LOWER"] for t in tokens]
            checks = tuple(tuple(k for k in t if k in _CHECKS) for t in tokens)
            n = len(self.rules)
            self.rules.append((pattern["label"], pattern.get("id", ""), checks))
            by_key.setdefault(("orth" if exact else "lower", n), []).append(Doc(nlp.vocab, words=words))
        for (kind, n), docs in by_key.items():
            (self.orth if kind == "orth" else self.lower).add(str(n), docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.lower, self.orth):
            for key, start, end in matcher(doc):
                label, ident, checks = self.rules[int(doc.vocab.strings[key])]
                if all(_CHECKS[c](tok) for tok, cs in zip(doc[start:end], checks) for c in cs):
                    spans.append(Span(doc, start, end, label=label, span_id=ident))
        spans.sort(key=lambda span: span.label_ == "DEMONYM")  # a name before a demonym of the same
        ours = filter_spans(spans)  # words: "aux Philippines" is the state, not "philippines" (the adjective)
        taken = {i for span in ours for i in range(span.start, span.end)}
        model = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted([*ours, *model], key=lambda s: s.start)
        return doc


@Language.factory("kg_gazetteer", default_config={"lang": "fr"})
def make_gazetteer_ruler(nlp: Language, name: str, lang: str) -> GazetteerRuler:
    """The gazetteer ruler for a language (names and demonyms)."""
    from kg.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    return GazetteerRuler(nlp, gaz.patterns(lang) + gaz.demonym_patterns(lang))
