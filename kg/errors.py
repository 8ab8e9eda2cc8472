"""One error hierarchy for the library; only the CLI turns these into exit codes.

Each subclass also inherits the built-in it refines, so callers can catch
``ValueError`` or ``OSError`` as usual. Messages quote the offending input.
"""
from __future__ import annotations


class KgError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(KgError, ValueError):
    """An input document or file cannot be read or is not usable text."""


class DataFileError(KgError, ValueError):
    """A shipped data file (lexicon, gazetteer, patterns) is malformed."""


class ModelNotInstalled(KgError, ImportError):
    """The spaCy model for a language is not installed."""


class OutputError(KgError, OSError):
    """An output file cannot be written."""


class StoreError(KgError, OSError):
    """A triple store cannot be opened, loaded or queried."""


class QueryError(KgError, ValueError):
    """A SPARQL query is malformed or refers to something unknown."""


class ValidationError(KgError, ValueError):
    """A graph does not conform to the shapes or the ontology."""
