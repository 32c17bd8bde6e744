#!/usr/bin/env python3
"""Scores article-body extraction the way the Article Extraction Benchmark (Zyte, 2020) does.

Written for crosscheck from the metric's description (shared/corpus/aeb/PROVENANCE.md); no code copied.
Each text becomes a multiset of 4-token shingles over Unicode \\w+ tokens; per page, true/false
positives and negatives are the multiset overlap and differences, normalised so every page weighs the
same; precision and recall are macro-averaged over pages; F1 is the harmonic mean of those two averages.

usage:
  aeb-score.py GROUND_TRUTH.json PREDICTIONS.json [PREDICTIONS.json ...]
  aeb-score.py GROUND_TRUTH.json --dir FOLDER     (FOLDER/<id>.txt holds the extracted text of page <id>)
Prediction files may be plain or gzip, shaped {"<id>": {"articleBody": str}} or wrapped in {"output": ...}.
Prints one line per system: F1, precision, recall, accuracy and the bootstrap standard deviation of F1.
"""
import argparse
import gzip
import json
import os
import random
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text):
    return TOKEN.findall(text or "")


def shingles(toks):
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def page_counts(gold, pred):
    """(tp, fp, fn) as shares of their sum, so that every page counts the same."""
    g, p = shingles(tokens(gold)), shingles(tokens(pred))
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def precision_recall(tp, fp, fn):
    """Per-page P and R; None when the page does not count towards that average."""
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    p = tp / (tp + fp) if tp + fp > 0 else None
    r = tp / (tp + fn) if tp + fn > 0 else None
    return p, r


def macro(rows):
    ps = [p for p, _ in rows if p is not None]
    rs = [r for _, r in rows if r is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, p, r


def evaluate(gold, pred, bootstrap=1000, seed=42):
    ids = sorted(gold)
    rows, exact = [], 0
    for i in ids:
        g = gold[i]["articleBody"]
        entry = pred.get(i) or {}
        text = entry.get("articleBody", "") if isinstance(entry, dict) else str(entry)
        rows.append(precision_recall(*page_counts(g, text)))
        exact += tokens(g) == tokens(text)
    f1, p, r = macro(rows)
    rng = random.Random(seed)
    samples = [macro([rows[rng.randrange(len(rows))] for _ in rows])[0] for _ in range(bootstrap)]
    mean = sum(samples) / len(samples)
    std = (sum((s - mean) ** 2 for s in samples) / len(samples)) ** 0.5
    return {"f1": f1, "precision": p, "recall": r, "accuracy": exact / len(ids), "f1_std": std,
            "rows": dict(zip(ids, rows))}


def load_json(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and isinstance(data.get("output"), dict):
        data = data["output"]
    return data


def load_dir(folder, ids):
    out = {}
    for i in ids:
        path = os.path.join(folder, i + ".txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                out[i] = {"articleBody": f.read()}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("predictions", nargs="*")
    ap.add_argument("--dir", help="folder of <id>.txt extractions")
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages with the lowest F1")
    args = ap.parse_args()
    gold = load_json(args.gold)
    systems = [(p, load_json(p)) for p in args.predictions]
    if args.dir:
        systems.append((args.dir, load_dir(args.dir, gold)))
    if not systems:
        ap.error("give prediction files or --dir")
    for name, pred in systems:
        m = evaluate(gold, pred)
        label = os.path.basename(name.rstrip("/")).replace(".json.gz", "").replace(".json", "")
        print(f"{label:16s} F1 {m['f1']:.3f} ± {m['f1_std']:.3f}  P {m['precision']:.3f}  "
              f"R {m['recall']:.3f}  acc {m['accuracy']:.3f}")
        if args.worst:
            def page_f1(row):
                p, r = row
                p, r = p or 0.0, r or 0.0
                return 2 * p * r / (p + r) if p + r else 0.0
            worst = sorted(m["rows"].items(), key=lambda kv: page_f1(kv[1]))[:args.worst]
            for i, (p, r) in worst:
                print(f"  {i}  P {p if p is not None else 0:.3f}  R {r if r is not None else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
