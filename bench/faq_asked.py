"""Write the assistant's asked examples (faq/corpus/asked.jsonl) from question sets already measured.

    .venv/bin/python bench/faq_asked.py tests/faq/questions.jsonl tests/faq/holdout.jsonl ...

Each question becomes an example labelled with the first corpus section containing one of its
expected phrases (the scorer's own matching), or as unanswered when it is out of scope. Only
pass sets that have had their one blind measurement: a set in the examples no longer measures
unseen questions unless the measurement leaves it out (`Assistant(leave_out=...)`).
"""

import argparse
import json
import sys
from pathlib import Path

from faq_bench import SHARED, load_scorer

from faq.asked import FILE_NAME
from faq.corpus import DEFAULT_DIRS, GUIDANCE_DIR, Passage, load_documents, passages_of


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
    lines, unmatched = [], 0
    for path in args.sets:
        for item in scorer.load_set(str(path)):
            section = None if item["out_of_scope"] else answering_section(scorer, passages, item["must_contain"])
            if not item["out_of_scope"] and section is None:
                unmatched += 1
                continue
            lines.append(json.dumps({"q": item["q"], "section": section, "set": path.stem}, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} examples written to {args.out}; {unmatched} skipped (no section has their phrases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
