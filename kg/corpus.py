"""Reading inputs into ``Article`` records: text files, folders, JSONL corpora.

Bad input never raises out of the iterator for a whole corpus: each bad
document is yielded as a ``BadInput`` naming the file (and line), so that a
build can report it and go on. ``read_article`` raises ``InputError`` for a
single file.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
MAX_CHARS = 5_000_000  # a document larger than this is refused (about 800,000 words)
_DATE_PART = (r"(?:,\s+(?:(?P<day>\d{1,2})(?:er)?\s+(?P<month>\w+\.?)|(?P<month2>\w+\.?)\s+(?P<day2>\d{1,2}))"
              r"(?:,?\s+(?P<year>\d{4}))?)?")  # ", 15 avril 2025", ", Nov. 20"
_DATELINE = re.compile(
    r"^\s*(?:"
    # a city (its country in brackets or after a comma), a date, then the agency in brackets:
    # "MOSCOU, 15 avril (Reuters) -", "HAMBURG, Germany (Reuters) -", "Mascate (Oman), 6 février (LaPresse/AP) –"
    r"(?:[A-ZÉÈÀÂÎÔÛÇ][\w'. -]{1,30}?(?:\s*\([A-ZÉ][\w' -]{1,25}\))?(?:,\s+[A-Z][a-zé]+(?:\s[A-Z][a-zé]+)?)?"
    + _DATE_PART + r"\s*)?\(\s?(?:[A-ZÉ][\w'’/ .-]{1,25})\)\s*[-–—|]+\s*"
    # or a city in capitals (and its country) before a dash or a line break: "WASHINGTON —", "ROTTERDAM, Netherlands\n"
    r"|[A-ZÉÈÀÂÎÔÛÇ]{2,}[A-ZÉÈÀÂÎÔÛÇ'. -]*?(?:,\s+[A-Z][\w. ]{1,30}?)?"
    r"(?:\s*[-–—|]+\s+|[ \t]*\n\s*))")


@dataclass(frozen=True, slots=True)
class Article:
    """One document to build: its id, text and what is known about it."""

    id: str
    text: str
    source: str
    lang: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def sha(self) -> str:
        """SHA-256 of the text (and language), to recognise a document already built."""
        return hashlib.sha256(f"{self.lang}\0{self.text}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class BadInput:
    """A document that could not be read; ``where`` names the file and line."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def decode(data: bytes, where: str, *, encoding: str | None = None) -> str:
    """Decode a document's bytes and clean its text (see ``decode_bytes`` and ``clean_text``).

    Raises:
        InputError: the data is empty, binary, not in the encoding, or too large.

    >>> decode("Moscou".encode(), "x.txt")
    'Moscou'
    """
    return clean_text(decode_bytes(data, where, encoding=encoding), where)


def decode_bytes(data: bytes, where: str, *, encoding: str | None = None) -> str:
    """Bytes as text: UTF-8, else the given encoding, else refuse.

    Raises:
        InputError: the data is empty, binary, or not in the encoding.
    """
    if not data.strip():
        raise InputError(f"{where}: empty document")
    if b"\0" in data[:8192]:
        raise InputError(f"{where}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if not encoding:
            raise InputError(f"{where}: not valid UTF-8 (byte {err.start}); "
                             "give the encoding with --encoding (e.g. latin-1, cp1252, or 'auto')") from None
        return _decode_other(data, where, encoding)


def clean_text(text: str, where: str) -> str:
    """The visible text of a document (HTML stripped), checked for emptiness and size.

    Raises:
        InputError: no text is left, or the document is over ``MAX_CHARS``.
    """
    check_unicode(text, where)
    if _looks_like_html(text):
        text = _html_to_text(text)
    if not text.strip():
        raise InputError(f"{where}: no text in document")
    if len(text) > MAX_CHARS:
        raise InputError(f"{where}: document too large ({len(text):,} characters, limit {MAX_CHARS:,})")
    return text


def check_unicode(text: str, where: str) -> None:
    """Refuse text that is not valid Unicode: an unpaired surrogate ("\\ud800" in a JSON
    string) cannot be written as UTF-8, so no parser, file or store can take it.

    Raises:
        InputError: the text holds an unpaired surrogate code point.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(f"{where}: text is not valid Unicode (unpaired surrogate "
                         f"U+{ord(text[err.start]):04X} at character {err.start})") from None


def _decode_other(data: bytes, where: str, encoding: str) -> str:
    if encoding == "auto":
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{where}: cannot detect the text encoding")
        return str(best)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(f"{where}: cannot decode as {encoding}: {err}") from None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _html_to_text(html: str) -> str:
    """Visible text of an HTML page (paragraphs kept apart)."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        skip = {"script", "style", "noscript", "head", "nav", "footer"}

        def __init__(self):
            super().__init__()
            self.parts, self.depth = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in self.skip:
                self.depth += 1
            elif tag in ("p", "br", "div", "h1", "h2", "h3", "li"):
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in self.skip and self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if not self.depth:
                self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    text = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()


def dateline(text: str) -> str | None:
    """The dateline of a wire story as text.

    >>> dateline("MOSCOU, 15 avril (Reuters) - Le Kremlin a déclaré …")
    'MOSCOU, 15 avril (Reuters) - '
    >>> dateline("BEIJING (AFP) – La Chine a rejeté …")
    'BEIJING (AFP) – '
    >>> dateline("UNITED NATIONS, Nov. 20 (Xinhua) -- The United States vetoed …")
    'UNITED NATIONS, Nov. 20 (Xinhua) -- '
    >>> dateline("HAMBURG, Germany (Reuters) - Russian President Vladimir Putin …")
    'HAMBURG, Germany (Reuters) - '
    >>> dateline("WASHINGTON — Les factions belligérantes …")
    'WASHINGTON — '
    >>> dateline("(VOVWORLD) - Le secrétaire d'État …")
    '(VOVWORLD) - '
    >>> dateline("Abidjan ( Côte d'Ivoire) - Cinq accords …")
    "Abidjan ( Côte d'Ivoire) - "
    >>> dateline("Le président (sortant) - une figure …") is None
    True
    """
    m = _DATELINE.match(text)
    return m.group(0) if m else None


def dateline_date(text: str, lang: str | None = None) -> str | None:
    """ISO date of a dateline that gives its year ("MOSCOU, 15 avril 2025 (Reuters) -").

    >>> dateline_date("MOSCOU, 15 avril 2025 (Reuters) - Le Kremlin …", "fr")
    '2025-04-15'
    >>> dateline_date("MOSCOU, 15 avril (Reuters) - Le Kremlin …", "fr") is None  # no year: unknown
    True
    """
    m = _DATELINE.match(text)
    if not m or not m.group("year"):
        return None
    import dateparser

    day, month = m.group("day") or m.group("day2"), m.group("month") or m.group("month2")
    when = dateparser.parse(f"{day} {month} {m.group('year')}", languages=[lang] if lang else None)
    return when.date().isoformat() if when else None


def read_article(path: Path, *, lang: str | None = None, encoding: str | None = None) -> Article:
    """Read one text file as an article whose id is the file name without extension.

    Raises:
        InputError: the file is missing, unreadable, empty, binary or badly encoded.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    text = decode(data, str(path), encoding=encoding)
    ident = path.name.split(".")[0] if path.name.endswith(".txt") else path.stem
    return Article(id=ident, text=text, source=str(path), lang=lang)


def read_jsonl(path: Path, *, lang: str | None = None, encoding: str | None = None) -> Iterator[Article | BadInput]:
    """Yield the articles of a JSONL corpus (``{"id", "text", "lang"?, "date"?, "url"?}`` a line)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            seen: set[str] = set()
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    rec = json.loads(decode_bytes(raw, where, encoding=encoding))
                except (json.JSONDecodeError, InputError) as err:
                    yield BadInput(where, f"malformed JSONL line ({err})" if isinstance(err, json.JSONDecodeError) else str(err).split(": ", 1)[1])
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or rec.get("id") in (None, ""):
                    yield BadInput(where, 'expected an object with "id" and "text"')
                    continue
                ident = str(rec["id"])
                if ident in seen:
                    yield BadInput(where, f"duplicate id {ident!r}: skipped")
                    continue
                seen.add(ident)
                if not rec["text"].strip():
                    yield BadInput(where, f"document {ident!r} has empty text")
                    continue
                try:
                    text = clean_text(rec["text"], where)
                except InputError as err:
                    yield BadInput(where, f"document {ident!r}: {str(err).split(': ', 1)[1]}")
                    continue
                yield Article(id=ident, text=text, source=where, lang=rec.get("lang") or lang,
                              date=rec.get("date"), url=rec.get("url"))
    except FileNotFoundError:
        yield BadInput(str(path), "no such file")
    except (OSError, EOFError) as err:
        yield BadInput(str(path), f"cannot read: {err}")


def iter_inputs(inputs: Iterable[str | Path], *, lang: str | None = None,
                encoding: str | None = None) -> Iterator[Article | BadInput]:
    """Yield articles (or bad inputs) from files, folders (recursively), JSONL corpora, or ``-`` (stdin)."""
    for item in inputs:
        if str(item) == "-":
            yield from _stdin(lang, encoding)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and
                           (p.name.endswith(TEXT_SUFFIXES) or p.name.endswith(JSONL_SUFFIXES)))
            if not files:
                yield BadInput(str(path), "folder has no .txt or .jsonl files")
            yield from iter_inputs(files, lang=lang, encoding=encoding)
        elif path.name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, lang=lang, encoding=encoding)
        elif not path.exists():
            yield BadInput(str(path), "no such file")
        else:
            try:
                yield read_article(path, lang=lang, encoding=encoding)
            except InputError as err:
                yield BadInput(str(path), str(err).split(": ", 1)[-1])


def _stdin(lang: str | None, encoding: str | None) -> Iterator[Article | BadInput]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:1]
    if head == b"{":
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as tmp:
            tmp.write(data)
        try:
            yield from read_jsonl(Path(tmp.name), lang=lang, encoding=encoding)
        finally:
            Path(tmp.name).unlink(missing_ok=True)
        return
    try:
        yield Article(id="stdin", text=decode(data, "<stdin>", encoding=encoding), source="<stdin>", lang=lang)
    except InputError as err:
        yield BadInput("<stdin>", str(err).split(": ", 1)[-1])
