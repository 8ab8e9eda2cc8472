"""Names of days and months, per language: time words, never actors."""
from __future__ import annotations

DAYS = {"fr": "lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
        "en": "monday tuesday wednesday thursday friday saturday sunday".split()}
MONTHS = {"fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
          "en": "january february march april may june july august september october november december".split()}
#: every day and month name, lower-case, in any language
CALENDAR_WORDS = frozenset(w for table in (DAYS, MONTHS) for words in table.values() for w in words)
