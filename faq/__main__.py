"""Command line: `python -m faq ask "question"` or `python -m faq ask --jsonl` for scripts.

The JSONL mode reads `{"q": "..."}` lines on stdin and writes one flushed line per question:
`{"answer": str, "passages": [{"text", "title", "score"}], "abstain": bool}`, passages best first.
"""

import argparse
import json
import sys
from typing import TextIO

from faq.answer import UNSURE_NOTE, Answer, Assistant


def format_answer(answer: Answer) -> str:
    """Human-readable answer with its source and follow-up questions."""
    lines = [f"{UNSURE_NOTE}\n\n{answer.text}" if answer.unsure else answer.text]
    if answer.source:
        lines.append(f"\nSource: {answer.source.passage.label}, “{answer.source.passage.title}”")
    if answer.follow_ups:
        lines.append("\nYou could also ask:")
        lines.extend(f"  - {question}" for question in answer.follow_ups)
    return "\n".join(lines)


def serve_jsonl(assistant: Assistant, lines: TextIO, out: TextIO) -> None:
    """One JSON answer per input line; a line that is not a question gets an error object."""
    for line in lines:
        if not line.strip():
            continue
        try:
            question = json.loads(line)["q"]
        except (ValueError, KeyError, TypeError) as error:
            out.write(json.dumps({"error": f'expected a line like {{"q": "..."}}: {error}'}) + "\n")
        else:
            out.write(json.dumps(assistant.answer(str(question)).to_json()) + "\n")
        out.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m faq", description="Micro-credentials FAQ assistant")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer a question")
    ask.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    ask.add_argument("--jsonl", action="store_true", help='read {"q": ...} lines on stdin, write JSON lines')
    args = parser.parse_args(argv)
    if args.jsonl == bool(args.question):
        parser.error("give either a question or --jsonl")
    assistant = Assistant()
    if args.jsonl:
        serve_jsonl(assistant, sys.stdin, sys.stdout)
    else:
        print(format_answer(assistant.answer(args.question)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
