"""Quality floors on our own development set (tests/faq/questions.jsonl), scored by the
evaluation kit's scorer in-process, so the numbers mean what ../shared/faq-eval/README.md says
they mean. The held-out sets are only checked for shape here: they are not tuned on."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from faq.answer import Assistant

QUESTIONS = Path(__file__).with_name("questions.jsonl")
HOLDOUT2 = Path(__file__).with_name("holdout2.jsonl")
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


@pytest.mark.parametrize(("path", "in_scope", "out_of_scope"), [(QUESTIONS, 300, 100), (HOLDOUT2, 60, 25)])
def test_own_question_sets_are_big_enough_and_well_formed(
    scorer: ModuleType, path: Path, in_scope: int, out_of_scope: int
) -> None:
    items = scorer.load_set(str(path))
    assert sum(not item["out_of_scope"] for item in items) >= in_scope
    assert sum(item["out_of_scope"] for item in items) >= out_of_scope


def test_holdout2_shares_no_question_with_the_development_set(scorer: ModuleType) -> None:
    def questions(path: Path) -> set[str]:
        return {item["q"].lower().strip(" ?") for item in scorer.load_set(str(path))}

    assert not questions(HOLDOUT2) & questions(QUESTIONS)


def test_quality_floors_on_own_questions(scorer: ModuleType) -> None:
    assistant = Assistant()
    _, summary = scorer.score(lambda q: assistant.answer(q).to_json(), scorer.load_set(str(QUESTIONS)))
    assert summary["errors"] == 0
    assert summary["top1"] >= 0.90
    assert summary["hit@3"] >= 0.96
    assert summary["abstain_precision"] >= 0.94
    assert summary["abstain_recall"] >= 0.91
