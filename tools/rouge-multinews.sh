#!/bin/sh
# ROUGE of crosscheck's summaries on Multi-News clusters written by ../shared/eval/clusters.py.
# usage: tools/rouge-multinews.sh DIR [WORDS] [PREDS]
#   DIR    output folder of `clusters.py multinews-test DIR` (cluster folders + summaries.jsonl)
#   WORDS  summary budget (default 250, the figure quoted in the README)
#   PREDS  where to write the predictions, {"id","summary"} a line (default DIR/preds.jsonl)
# Prints rouge.py's lines; the last one is `R1=.. R2=.. RL=.. n=..`.
set -eu
dir=${1:?usage: tools/rouge-multinews.sh DIR [WORDS] [PREDS]}
words=${2:-250}
preds=${3:-$dir/preds.jsonl}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${CROSSCHECK_BIN:-$here/build/crosscheck}
eval_dir=${EVAL_DIR:-$here/../shared/eval}
for cluster in "$dir"/*/; do
    printf '%s\t' "$(basename "$cluster")"
    "$bin" summarize --format json --words "$words" "$cluster" | tr -d '\n'
    echo
done | python3 -c '
import json, sys
for line in sys.stdin:
    cid, report = line.rstrip("\n").split("\t", 1)
    text = " ".join(s["text"] for s in json.loads(report)["summary"])
    print(json.dumps({"id": cid, "summary": text}, ensure_ascii=False))
' > "$preds.tmp"
mv "$preds.tmp" "$preds"
python3 "$eval_dir/rouge.py" "$dir/summaries.jsonl" "$preds"
