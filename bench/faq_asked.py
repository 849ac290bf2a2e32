"""Write the assistant's asked examples (faq/corpus/asked.jsonl) from question sets already measured.

    .venv/bin/python bench/faq_asked.py tests/faq/questions.jsonl tests/faq/holdout.jsonl ...

Each question becomes an example labelled with the first corpus section containing one of its
expected phrases (the scorer's own matching), or as unanswered when it is out of scope. Only
pass sets that have had their one blind measurement: a set in the examples no longer measures
unseen questions unless the measurement leaves it out (`Assistant(leave_out=...)`). A question
that closely paraphrases one of the evaluation kit's public set is left out, so that set stays
an independent check (some example authors read it to learn the format).
"""

import argparse
import json
import sys
from pathlib import Path

from faq_bench import SHARED, load_scorer

from faq.asked import FILE_NAME, near_copies
from faq.corpus import DEFAULT_DIRS, GUIDANCE_DIR, Passage, load_documents, passages_of
from faq.index import Index

# Examples at least this close (idf-weighted cosine of terms) to a public question are left out.
PUBLIC_SIMILARITY = 0.7


def answering_section(scorer, passages: list[Passage], phrases: list[str]) -> str | None:
    """Slug of the first passage the scorer would count as answering; None if none does."""
    return next((p.slug for p in passages if scorer.first_hit_rank([p.text], phrases) == 1), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--eval-dir", type=Path, default=SHARED / "faq-eval")
    parser.add_argument("--out", type=Path, default=GUIDANCE_DIR / FILE_NAME)
    args = parser.parse_args(argv)
    scorer = load_scorer(args.eval_dir)
    passages = [p for document in load_documents(DEFAULT_DIRS) for p in passages_of(document)]
    index = Index(passages)
    items = [(path.stem, item) for path in args.sets for item in scorer.load_set(str(path))]
    public = [index.example_terms(item["q"]) for item in scorer.load_set(str(args.eval_dir / "public.jsonl"))]
    too_close = near_copies([index.example_terms(item["q"]) for _, item in items], public, PUBLIC_SIMILARITY)
    lines, unmatched = [], 0
    for (name, item), close in zip(items, too_close, strict=True):
        section = None if item["out_of_scope"] else answering_section(scorer, passages, item["must_contain"])
        if close or (not item["out_of_scope"] and section is None):
            unmatched += not close
            continue
        lines.append(json.dumps({"q": item["q"], "section": section, "set": name}, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{len(lines)} examples written to {args.out}; {sum(too_close)} left out as near copies of public"
        f" questions, {unmatched} because no section has their phrases"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
