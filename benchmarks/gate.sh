#!/usr/bin/env bash
# The CI performance gate: builds the benchmarks and command-line jars, times three whole
# `./demarche classify --threads 1` processes (the launcher, as a user runs it) over a generated
# file of statements (CPU seconds, user + system, start-up included), then runs ThroughputGate,
# which exits 1 when Demarche classifies fewer than 1.2x the statements per second of the OpenNLP baseline (same corpus, same
# JVM, in-process), or when the whole process falls below 1.2x the baseline's in-process rate or
# below a pinned share of Demarche's own in-process rate. Extra arguments go to the gate:
# --min-ratio X, --rounds N, --round-millis N, --min-end-to-end-share X. GATE_STATEMENTS sets the
# file's size (default 200000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests -pl benchmarks,classifier -am package
bench=(java -Xms512m -Xmx1g -cp benchmarks/target/benchmarks.jar
  -Ddemarche.corpus.dir="$root/data/diplomatic-statements")
./demarche --version > /dev/null   # builds the launcher's class-data archive outside the timed runs
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
n="${GATE_STATEMENTS:-200000}"
"${bench[@]}" io.github.demarche.benchmarks.StatementFile "$n" "$work/statements.jsonl"
cpu=()
for run in 1 2 3; do
  TIMEFORMAT='%U %S'
  t="$( { time ./demarche classify --threads 1 "$work/statements.jsonl" > "$work/out.jsonl" \
      2> "$work/err.txt"; } 2>&1 )" || { cat "$work/err.txt" >&2; exit 1; }
  lines="$(wc -l < "$work/out.jsonl")"
  if [ "$lines" -ne "$n" ]; then
    echo "gate: classify wrote $lines lines for $n statements" >&2
    exit 1
  fi
  cpu+=("$(awk '{printf "%.3f", $1 + $2}' <<< "$t")")
done
exec "${bench[@]}" io.github.demarche.benchmarks.ThroughputGate \
  --end-to-end-records "$n" --end-to-end-cpu "$(IFS=,; echo "${cpu[*]}")" "$@"
