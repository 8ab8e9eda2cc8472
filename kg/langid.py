"""Language of a document: the record's own, the user's, or detected (lingua)."""
from __future__ import annotations

import functools

from kg.errors import InputError
from kg.nlp import LANGUAGES


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
             Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.ARABIC, Language.CHINESE]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect(text: str, where: str) -> str:
    """ISO 639-1 code of a French or English text.

    Raises:
        InputError: the text is in another language, or has no letters.

    >>> detect("Le Kremlin a rejeté jeudi la proposition des Européens.", "x")
    'fr'
    >>> detect("The Kremlin on Thursday rejected the Europeans' proposal.", "x")
    'en'
    """
    sample = text[:2000]
    if not any(c.isalpha() for c in sample):
        raise InputError(f"{where}: no text in a known language")
    lang = _detector().detect_language_of(sample)
    code = lang.iso_code_639_1.name.lower() if lang is not None else "?"
    if code not in LANGUAGES:
        raise InputError(f"{where}: language {code!r} is not supported (supported: {', '.join(LANGUAGES)})")
    return code
