#!/usr/bin/env bash
# Times `demarche train` against fastText's `supervised` (one thread, 25 epochs, word bigrams) on
# the same generated multi-label statements, alternating, in one run (issue 12, item 5; see
# benchmarks/README.md, "Training at scale"). Each Demarche model's SHA-256 is printed, so the
# rounds also show that training is deterministic. Needs fasttext on the PATH (Debian: apt-get
# install fasttext). Usage: benchmarks/train-compare.sh [STATEMENTS [ROUNDS [WORKDIR]]]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100000}"
rounds="${2:-2}"
work="${3:-$(mktemp -d)}"
mkdir -p "$work"
cd "$root"
./mvnw -q -B -DskipTests -pl benchmarks,cli -am package
jar="$root/cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar"
java -cp benchmarks/target/benchmarks.jar -Ddemarche.corpus.dir="$root/data/diplomatic-statements" \
  io.github.demarche.benchmarks.SyntheticCorpus "$n" "$work/s"
echo "statements: $n; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  echo "round $r, fastText:"
  /usr/bin/time -f "  %e s wall, %U s user, %S s system, %M KB max RSS" \
    fasttext supervised -input "$work/s.fasttext" -output "$work/fasttext" -thread 1 -epoch 25 \
    -wordNgrams 2 -verbose 0
  echo "round $r, demarche train (-Xmx1536m):"
  /usr/bin/time -f "  %e s wall, %U s user, %S s system, %M KB max RSS" \
    java -Xmx1536m -jar "$jar" train --data "$work/s.jsonl" --out "$work/m$r.dmm" > /dev/null
  echo "  model SHA-256 $(sha256sum < "$work/m$r.dmm" | cut -d' ' -f1)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
