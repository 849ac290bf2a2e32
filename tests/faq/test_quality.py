"""Quality floors on our own question set (tests/faq/questions.jsonl), scored by the evaluation
kit's scorer in-process, so the numbers mean what ../shared/faq-eval/README.md says they mean."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from faq.answer import Assistant

QUESTIONS = Path(__file__).with_name("questions.jsonl")
EVAL_DIR = Path(os.environ.get("FAQ_EVAL_DIR", Path(__file__).resolve().parents[3] / "shared" / "faq-eval"))


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = EVAL_DIR / "score.py"
    if not path.exists():
        pytest.skip(f"evaluation kit not found at {path}; set FAQ_EVAL_DIR")
    spec = importlib.util.spec_from_file_location("faq_eval_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_own_question_set_is_big_enough_and_well_formed(scorer: ModuleType) -> None:
    items = scorer.load_set(str(QUESTIONS))
    assert sum(not item["out_of_scope"] for item in items) >= 80
    assert sum(item["out_of_scope"] for item in items) >= 25


def test_quality_floors_on_own_questions(scorer: ModuleType) -> None:
    assistant = Assistant()
    _, summary = scorer.score(lambda q: assistant.answer(q).to_json(), scorer.load_set(str(QUESTIONS)))
    assert summary["errors"] == 0
    assert summary["top1"] >= 0.85
    assert summary["hit@3"] >= 0.90
    assert summary["abstain_precision"] >= 0.85
    assert summary["abstain_recall"] >= 0.85
