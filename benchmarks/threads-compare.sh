#!/usr/bin/env bash
# Times `./demarche classify --model default --threads 1 FILE > /dev/null` against `--threads 2`,
# alternating, in one run, and prints each round's wall-clock ratio (one thread / two) and CPU
# seconds (user + system) per record, with the load average before and after (see
# benchmarks/README.md, "Start-up and threads"). Usage: benchmarks/threads-compare.sh FILE [ROUNDS]
# (a FILE of generated statements: java -cp benchmarks/target/benchmarks.jar
# io.github.demarche.benchmarks.StatementFile 200000 FILE).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="$1"
rounds="${2:-3}"
cd "$root"
./demarche --version > /dev/null   # builds the jar and the class-data archive outside the timed runs
records="$(grep -c . "$file")"
echo "$records records in $file; $(nproc) cores; $(date -u +%H:%M:%S) UTC; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R %U %S'
for r in $(seq 1 "$rounds"); do
  line="round $r:"
  walls=()
  for t in 1 2; do
    read -r wall user sys < <( { time ./demarche classify --model default --threads "$t" "$file" \
        > /dev/null; } 2>&1 | tail -1)
    walls+=("$wall")
    line+="$(awk -v t="$t" -v w="$wall" -v u="$user" -v s="$sys" -v n="$records" \
        'BEGIN{printf " threads %d %.2f s wall, %.2f s cpu (%.1f us/record);", t, w, u+s, (u+s)*1e6/n}')"
  done
  echo "$line ratio $(awk -v a="${walls[0]}" -v b="${walls[1]}" 'BEGIN{printf "%.2f", a/b}')"
done
echo "$(date -u +%H:%M:%S) UTC; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
