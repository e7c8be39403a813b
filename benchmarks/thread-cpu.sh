#!/usr/bin/env bash
# Where a command's CPU goes, thread by thread: runs `./demarche ARGS > /dev/null` and samples
# /proc/PID/task/*/stat every 50 ms until it exits, then prints each thread group's CPU seconds
# (user + system, as last sampled: the final ~50 ms may be missing): "java" is the main thread
# (start-up, then the batch pipeline's reader and writer), "demarche-worker" the workers, C1/C2
# the JIT compilers. Linux only. Usage: benchmarks/thread-cpu.sh classify --threads 2 FILE
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/demarche" --version > /dev/null
"$root/demarche" "$@" > /dev/null &
pid=$!
declare -A ticks names
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    stat="$(cat "$task/stat" 2>/dev/null)" || continue
    name="${stat#*(}"; name="${name%%)*}"
    read -r -a f <<< "${stat##*) }"
    ticks[${task##*/}]=$(( f[11] + f[12] ))   # utime and stime, fields 14 and 15 of stat
    names[${task##*/}]="$name"
  done
  sleep 0.05
done
wait "$pid" || true
declare -A sum
for tid in "${!ticks[@]}"; do
  n="${names[$tid]}"
  case "$n" in C2*) n=C2 ;; C1*) n=C1 ;; GC*|G1*) n=GC ;; demarche-work*) n=demarche-worker ;; demarche-prel*) n=demarche-preload ;; esac
  sum[$n]=$(( ${sum[$n]:-0} + ${ticks[$tid]} ))
done
hz="$(getconf CLK_TCK)"
for n in "${!sum[@]}"; do echo "${sum[$n]} $n"; done | sort -rn \
  | awk -v hz="$hz" '$1 > 0 {printf "%6.2f s  %s\n", $1 / hz, substr($0, index($0, " ") + 1)}'
