"""FAQ use case for the app: one process-wide assistant, answers handed out as plain dicts.

The assistant rebuilds its index itself when the corpus files change, so the cached instance
stays current; pages only ever see strings, booleans and lists of strings.
"""

from functools import lru_cache
from typing import Any

from faq.answer import UNSURE_NOTE, Assistant
from faq.corpus import DEFAULT_DIRS, load_documents

# Long enough for any real question, short enough that a pasted essay cannot slow the index.
MAX_QUESTION_CHARS = 500
SUGGESTION_COUNT = 4


@lru_cache(maxsize=1)
def assistant() -> Assistant:
    return Assistant(DEFAULT_DIRS)


def ask(question: str) -> dict[str, Any]:
    """Answer one visitor question: answer text, a caveat when unsure, source (title, label, link)
    and follow-ups."""
    question = " ".join(question.split())[:MAX_QUESTION_CHARS]
    answer = assistant().answer(question)
    source = answer.source
    return {
        "question": question,
        "answer": answer.text,
        "abstain": answer.abstain,
        "unsure_note": UNSURE_NOTE if answer.unsure else "",
        "title": source.passage.title if source else "",
        "label": source.passage.label if source else "",
        "url": source.url if source else "",
        "follow_ups": list(answer.follow_ups),
    }


def suggestions() -> list[str]:
    """Questions to offer a visitor who has not asked anything yet."""
    return assistant().suggestions(SUGGESTION_COUNT)


def source_documents() -> list[dict[str, Any]]:
    """The corpus as the source view shows it: each document's label and its headed sections."""
    return [
        {
            "title": document.title,
            "label": document.label,
            "preamble": next((s.markdown for s in document.sections if s.level == 1), ""),
            "sections": [
                {"level": s.level, "title": s.title, "slug": s.slug, "markdown": s.markdown}
                for s in document.sections
                if s.level > 1
            ],
        }
        for document in load_documents(DEFAULT_DIRS)
    ]
