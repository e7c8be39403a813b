#!/usr/bin/env bash
# Times `./demarche classify --model default FILE > /dev/null` against fastText's
# `predict-prob MODEL FILE.txt > /dev/null` on the same generated statements, alternating, in one
# run (see benchmarks/README.md, "Against fastText"). Needs fasttext on the PATH (Debian:
# apt-get install fasttext). Usage: benchmarks/fasttext-compare.sh [STATEMENTS [ROUNDS [WORKDIR]]]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-200000}"
rounds="${2:-3}"
work="${3:-$(mktemp -d)}"
mkdir -p "$work"
cd "$root"
./mvnw -q -B -DskipTests -pl benchmarks,classifier -am package
./demarche --version > /dev/null   # builds the class-data archive now, not inside a timed run
java -cp benchmarks/target/benchmarks.jar -Ddemarche.corpus.dir="$root/data/diplomatic-statements" \
  io.github.demarche.benchmarks.StatementFile "$n" "$work/statements.jsonl"
jq -r .text "$work/statements.jsonl" > "$work/statements.txt"
# fastText on the same training split, with word bigrams (its defaults otherwise: 5 epochs become 25)
jq -r '([.labels[] | "__label__" + .] | join(" ")) + " " + .text' \
  data/diplomatic-statements/train.jsonl > "$work/train.txt"
fasttext supervised -input "$work/train.txt" -output "$work/fasttext" -wordNgrams 2 -epoch 25 \
  -thread 1 > /dev/null 2>&1
echo "statements: $n ($(wc -c < "$work/statements.jsonl") bytes of JSON Lines); $(nproc) cores;" \
  "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R s wall, %U s user, %S s system'
for r in $(seq 1 "$rounds"); do
  d="$( { time ./demarche classify --model default "$work/statements.jsonl" > /dev/null; } 2>&1 )"
  f="$( { time fasttext predict-prob "$work/fasttext.bin" "$work/statements.txt" > /dev/null; } 2>&1 )"
  dw="${d%% s wall*}"
  fw="${f%% s wall*}"
  echo "round $r: demarche $d | fasttext $f | fasttext/demarche wall $(awk -v a="$fw" -v b="$dw" 'BEGIN{printf "%.2f", a/b}')"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
