"""Reading the guidance Markdown into sections (for the source view) and passages (for answers).

A passage is one heading with the text under it, so an FAQ question always travels with its
answer and the heading becomes the passage title and its link anchor.
"""

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from faq.alternates import is_alternates_file, load_alternates
from faq.asked import FILE_NAME as ASKED_FILE_NAME
from faq.normalize import slugify

PACKAGE_DIR = Path(__file__).resolve().parent
GUIDANCE_DIR = PACKAGE_DIR / "corpus"
HELP_DIR = PACKAGE_DIR / "help"
DEFAULT_DIRS = (GUIDANCE_DIR, HELP_DIR)
SKIPPED_FILES = frozenset({"README.md"})

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    """One heading of a document with the Markdown under it (possibly empty)."""

    level: int
    title: str
    slug: str
    markdown: str


@dataclass(frozen=True)
class Document:
    """One corpus file: its label (who says this), its sections in order, and its retrieval prior
    (a score multiplier; below 1 a source only wins when it clearly fits better)."""

    path: Path
    label: str
    title: str
    sections: tuple[Section, ...]
    prior: float = 1.0
    # heading title -> other ways to ask it, from the file's `.questions.md` sidecar
    alternates: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Passage:
    """The unit that is retrieved and answered: a heading and its plain-text paragraphs."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    label: str
    prior: float = 1.0
    # the document's title ("Micro-credentials at KPU"): true of every passage in it, so a
    # question naming it ("... at KPU?") does not favour the passages that repeat it
    context: str = ""
    # curated other ways to ask the title's question
    alternates: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        """Question and answer together, as scripts and the evaluation read a passage."""
        return f"{self.title}\n\n{self.body}"


def plain_text(markdown: str) -> str:
    """Markdown inline syntax removed (links keep their text), for indexing and display."""
    text = _LINK.sub(r"\1", markdown)
    text = _EMPHASIS.sub(r"\2", text)
    return _LIST_MARKER.sub("", text).strip()


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and not line.startswith("#"):
            fields[key.strip()] = value.strip()
    return fields, text[match.end() :]


def parse_document(
    path: Path, text: str, taken_slugs: set[str], alternates: dict[str, tuple[str, ...]] | None = None
) -> Document:
    """Split one Markdown file at its headings; slugs are made unique against `taken_slugs`."""
    fields, body = _front_matter(text)
    headings: list[tuple[int, str]] = []
    bodies: list[list[str]] = [[]]
    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            headings.append((len(match.group(1)), match.group(2)))
            bodies.append([])
        else:
            bodies[-1].append(line)
    sections = []
    for (level, title), lines in zip(headings, bodies[1:], strict=True):
        slug = base = slugify(title) or "section"
        counter = 2
        while slug in taken_slugs:
            slug, counter = f"{base}-{counter}", counter + 1
        taken_slugs.add(slug)
        sections.append(Section(level, title, slug, "\n".join(lines).strip()))
    title = next((s.title for s in sections if s.level == 1), path.stem)
    label = fields.get("label", title)
    return Document(path, label, title, tuple(sections), float(fields.get("prior", 1.0)), alternates or {})


def passages_of(document: Document) -> list[Passage]:
    """Sections below the document title that have text; the title's own text is a preamble."""
    passages = []
    for section in document.sections:
        if section.level == 1 or not section.markdown:
            continue
        blocks = (plain_text(block) for block in re.split(r"\n\s*\n", section.markdown))
        paragraphs = tuple(" ".join(block.split()) for block in blocks if block)
        passages.append(
            Passage(
                section.slug,
                section.title,
                paragraphs,
                document.label,
                document.prior,
                document.title,
                document.alternates.get(section.title, ()),
            )
        )
    return passages


def corpus_files(dirs: Iterable[Path]) -> list[Path]:
    """The Markdown files that make up the corpus, in a stable order (alternate-question sidecars
    belong to their document and are not documents themselves)."""
    return [
        path
        for d in dirs
        for path in sorted(Path(d).glob("*.md"))
        if path.name not in SKIPPED_FILES and not is_alternates_file(path)
    ]


def fingerprint(dirs: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Cheap change detector, run before every answer: which files exist (sidecars and asked
    examples too), with their modification time and size (one directory scan per folder)."""
    stats = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        with os.scandir(d) as entries:
            found = [e for e in entries if e.name.endswith(".md") or e.name == ASKED_FILE_NAME]
        for entry in sorted(found, key=lambda e: e.name):
            stat = entry.stat()
            stats.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def load_documents(dirs: Sequence[Path] = DEFAULT_DIRS) -> list[Document]:
    """Parse every corpus file; slugs are unique across all of them."""
    taken: set[str] = set()
    return [
        parse_document(path, path.read_text(encoding="utf-8"), taken, load_alternates(path))
        for path in corpus_files(dirs)
    ]
