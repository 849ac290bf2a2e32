"""FAQ assistant benchmark: build time, latency and answer quality beside the plain BM25 baseline.

    .venv/bin/python bench/faq_bench.py                # figures on the public set and our own sets
    .venv/bin/python bench/faq_bench.py --calibrate    # fit the abstention policy on our measured sets
    .venv/bin/python bench/faq_bench.py --dev-only     # figures on our development set alone (tuning)

Quality is measured by the evaluation kit's own scorer (../shared/faq-eval/score.py), loaded
in-process. The baseline is the one its README defines: lowercase word tokens, FAQ answers
prefixed by their question, BM25Okapi defaults, never abstaining. Calibration fits the
abstention weights on our own questions only (the sets the asked examples come from), never on
the public set or a blind set not yet measured.
"""

import argparse
import importlib.util
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from rank_bm25 import BM25Okapi

from faq.answer import CALIBRATED_POLICY, AbstentionPolicy, Assistant, evidence
from faq.asked import load_asked
from faq.corpus import DEFAULT_DIRS, load_documents, passages_of
from faq.index import Index

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OWN_SET = ROOT / "tests" / "faq" / "questions.jsonl"
# Blind sets, each written before a round of changes and never tuned on (see tests/faq/README.md):
# holdout.jsonl, holdout2.jsonl, ... measured once after the round they were written for.
HOLDOUT_SETS = sorted((ROOT / "tests" / "faq").glob("holdout*.jsonl"))
# Questions written as asked examples (faq/corpus/asked.jsonl) rather than to measure with: they
# join every fit, and are never reported as figures.
EXAMPLE_SETS = sorted((ROOT / "tests" / "faq").glob("examples-*.jsonl"))
THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def load_scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("faq_eval_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {eval_dir / 'score.py'}: pass --eval-dir")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def baseline_units(seed_text: str) -> list[str]:
    """The README's baseline units: each paragraph before the FAQ, then each answer paragraph
    prefixed by its question (this reproduces the README's top-1 0.45 and hit@3 0.75)."""
    paragraphs = [line.strip() for line in seed_text.splitlines() if line.strip()]
    faq_start = paragraphs.index("Frequently-asked Questions")
    units = paragraphs[:faq_start]
    question = ""
    for paragraph in paragraphs[faq_start + 1 :]:
        if paragraph.endswith("?"):
            question = paragraph
        else:
            units.append(f"{question} {paragraph}")
    return units


def baseline_system(seed_text: str) -> Callable[[str], dict[str, Any]]:
    units = baseline_units(seed_text)

    def tokenize(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    bm25 = BM25Okapi([tokenize(unit) for unit in units])

    def answer(question: str) -> dict[str, Any]:
        scores = bm25.get_scores(tokenize(question))
        order = sorted(range(len(units)), key=lambda i: -scores[i])[:10]
        return {"passages": [{"text": units[i]} for i in order], "abstain": False}

    return answer


def median_build_ms(runs: int) -> tuple[float, float]:
    """Median ms to parse the Markdown corpus and asked examples, and to build the index from them."""
    parse_times, index_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        passages = [p for document in load_documents(DEFAULT_DIRS) for p in passages_of(document)]
        asked = load_asked(DEFAULT_DIRS)
        parsed = time.perf_counter()
        Index(passages, asked)
        parse_times.append((parsed - started) * 1000)
        index_times.append((time.perf_counter() - parsed) * 1000)
    return statistics.median(parse_times), statistics.median(index_times)


def report(scorer: ModuleType, sets: dict[str, Path], baseline: Callable[[str], Any]) -> None:
    """Each set scored by the assistant and the baseline; a set the asked examples were drawn from
    is scored by an assistant that leaves it out of them (marked *), so it counts as unseen."""
    sources = asked_sources()
    shipped = Assistant()
    header = f"{'set':<16}{'system':<12}{'top1':>7}{'hit@3':>7}{'MRR':>7}{'abst P':>8}{'abst R':>8}{'median ms':>11}"
    print(header)
    for set_name, path in sets.items():
        items = scorer.load_set(str(path))
        assistant = Assistant(leave_out=frozenset({path.stem})) if path.stem in sources else shipped
        faq_name = "faq*" if path.stem in sources else "faq"
        systems = {faq_name: lambda q, a=assistant: a.answer(q).to_json(), "baseline": baseline}
        for system_name, system in systems.items():
            _, s = scorer.score(system, items)
            precision = scorer.fmt(s["abstain_precision"])
            print(
                f"{set_name:<16}{system_name:<12}{s['top1']:>7.3f}{s['hit@3']:>7.3f}{s['mrr']:>7.3f}"
                f"{precision:>8}{scorer.fmt(s['abstain_recall']):>8}{s['latency_ms_median']:>11.3f}"
            )


def fit_logistic(features: np.ndarray, in_scope: np.ndarray, l2: float = 0.01, steps: int = 5000) -> np.ndarray:
    """Weights (last one the bias) of an L2-regularised logistic regression, by gradient descent."""
    x = np.c_[features, np.ones(len(features))]
    weights = np.zeros(x.shape[1])
    for _ in range(steps):
        predicted = 1.0 / (1.0 + np.exp(-x @ weights))
        gradient = x.T @ (predicted - in_scope) / len(x) + l2 * np.r_[weights[:-1], 0.0]
        weights -= 0.5 * gradient
    return weights


def abstention_figures(abstains: np.ndarray, in_scope: np.ndarray, ranks: np.ndarray) -> str:
    """The four targets an abstention threshold trades off, and their sum (what we maximise)."""
    out_of_scope = ~in_scope
    precision = (abstains & out_of_scope).sum() / max(abstains.sum(), 1)
    recall = (abstains & out_of_scope).sum() / max(out_of_scope.sum(), 1)
    top1 = ((ranks == 1) & ~abstains).sum() / max(in_scope.sum(), 1)
    hit3 = ((ranks >= 1) & (ranks <= 3) & ~abstains).sum() / max(in_scope.sum(), 1)
    total = precision + recall + top1 + hit3
    return f"top1 {top1:.3f}  hit@3 {hit3:.3f}  abstention P {precision:.3f}  R {recall:.3f}  sum {total:.3f}"


def question_rows(scorer: ModuleType, path: Path) -> tuple[list[Any], list[dict[str, Any]]]:
    """A set's questions searched by an assistant that leaves the set out of its asked examples
    (as if unseen), with each question's rank of the first passage the scorer counts as correct."""
    assistant = Assistant(leave_out=frozenset({path.stem}))
    items = scorer.load_set(str(path))
    rankings = [assistant.index.search(item["q"], limit=10) for item in items]
    for item, ranking in zip(items, rankings, strict=True):
        texts = [h.passage.text for h in ranking.hits]
        item["rank"] = 0 if item["out_of_scope"] else scorer.first_hit_rank(texts, item["must_contain"]) or 0
    return rankings, items


def calibrate(scorer: ModuleType, paths: list[Path], example_paths: list[Path]) -> None:
    """Fit the abstention policy on the question sets the asked examples come from, each set's
    evidence computed with that set left out of the examples; first report figures per threshold
    over `paths` with each set held out of the fit in turn (a set was written by one author, so
    this is the nearest thing to unseen questions the sets allow), then the fit on all of them.
    The `example_paths` sets only ever train."""
    paths = [*paths, *example_paths]
    rankings, items, groups = [], [], []
    for group, path in enumerate(paths):
        set_rankings, set_items = question_rows(scorer, path)
        rankings += set_rankings
        items += set_items
        groups += [group] * len(set_items)
    features = np.array([evidence(ranking) for ranking in rankings])
    in_scope = np.array([not item["out_of_scope"] for item in items])
    ranks = np.array([item["rank"] for item in items])
    group_of = np.array(groups)
    held_out_confidence = np.zeros(len(items))
    measured_sets = len(paths) - len(example_paths)
    measured = group_of < measured_sets
    for group in range(measured_sets):
        held = group_of == group
        weights = fit_logistic(features[~held], in_scope[~held])
        policy = AbstentionPolicy(tuple(weights[:-1]), float(weights[-1]))
        held_out_confidence[held] = [policy.confidence(rankings[i]) for i in np.flatnonzero(held)]
    for threshold in THRESHOLDS:
        figures = abstention_figures(held_out_confidence[measured] < threshold, in_scope[measured], ranks[measured])
        print(f"each of {measured_sets} sets held out in turn, threshold {threshold}: {figures}")
    weights = fit_logistic(features, in_scope)
    fitted = AbstentionPolicy(
        tuple(round(float(w), 2) for w in weights[:-1]), round(float(weights[-1]), 2), CALIBRATED_POLICY.threshold
    )
    for policy in (CALIBRATED_POLICY, fitted):
        abstains = np.array([policy.abstains(ranking) for ranking in rankings])[measured]
        print(f"{policy}: {abstention_figures(abstains, in_scope[measured], ranks[measured])}")


def asked_sources() -> set[str]:
    """Names of the question sets the shipped asked examples were drawn from."""
    return {example.source_set for example in load_asked(DEFAULT_DIRS)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=SHARED / "faq-eval")
    parser.add_argument("--seed", type=Path, default=SHARED / "seeds" / "000_ffb04876abbc7107.txt")
    parser.add_argument("--own-set", type=Path, default=OWN_SET)
    parser.add_argument("--builds", type=int, default=25, help="index builds to take the median of")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--dev-only", action="store_true", help="score only --own-set (never the blind sets)")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.eval_dir)
    if args.calibrate:
        sources = asked_sources()
        measured = [path for path in [args.own_set, *HOLDOUT_SETS] if path.stem in sources]
        calibrate(scorer, measured, [path for path in EXAMPLE_SETS if path.stem in sources])
        return
    parse_ms, index_ms = median_build_ms(args.builds)
    print(f"corpus parse {parse_ms:.2f} ms + index build {index_ms:.2f} ms (median of {args.builds})")
    print("faq* = the set is left out of the asked examples it contributed to, so it is scored as unseen")
    baseline = baseline_system(args.seed.read_text(encoding="utf-8"))
    if args.dev_only:
        report(scorer, {"own": args.own_set}, baseline)
        return
    sets = {
        "public": args.eval_dir / "public.jsonl",
        "own": args.own_set,
        **{f"own {path.stem}": path for path in HOLDOUT_SETS},
    }
    report(scorer, sets, baseline)


if __name__ == "__main__":
    sys.exit(main())
