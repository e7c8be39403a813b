#!/usr/bin/env bash
# The CI performance gate: builds the benchmarks jar and runs ThroughputGate, which exits 1 when
# Demarche classifies fewer than 1.2x the statements per second of the OpenNLP baseline (same
# corpus, same JVM). Extra arguments go to the gate: --min-ratio X, --rounds N, --round-millis N.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests -pl benchmarks -am package
exec java -Xms512m -Xmx1g -cp benchmarks/target/benchmarks.jar \
  -Ddemarche.corpus.dir="$root/data/diplomatic-statements" \
  io.github.demarche.benchmarks.ThroughputGate "$@"
