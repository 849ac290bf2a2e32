"""Curated other ways to ask each passage's question, kept beside a corpus file as
`<name>.questions.md` so an editor maintains them as plain Markdown.

Each `##` heading repeats a heading of the corpus file exactly and the `-` list items under it
are alternate phrasings. Matching a question against these phrasings (question to question) is
the standard FAQ-bot way to answer askers who do not use the guidance's own words.
"""

import re
from pathlib import Path

SUFFIX = ".questions.md"

_HEADING = re.compile(r"^#{2,6}\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*[-*+]\s+(.+?)\s*$")


def is_alternates_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def alternates_path(document_path: Path) -> Path:
    """Where a corpus file's alternate questions live: `guide.md` -> `guide.questions.md`."""
    return document_path.with_name(document_path.stem + SUFFIX)


def parse_alternates(text: str) -> dict[str, tuple[str, ...]]:
    """Heading title -> its alternate questions, in file order; lines outside lists are notes."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if heading := _HEADING.match(line):
            current = found.setdefault(heading.group(1), [])
        elif (item := _ITEM.match(line)) and current is not None:
            current.append(item.group(1))
    return {title: tuple(questions) for title, questions in found.items()}


def load_alternates(document_path: Path) -> dict[str, tuple[str, ...]]:
    """The alternate questions for one corpus file; none when it has no sidecar."""
    path = alternates_path(document_path)
    return parse_alternates(path.read_text(encoding="utf-8")) if path.exists() else {}
