#!/usr/bin/env bash
# Issue 19's bound in CPU time (bench/README.md "Cluster shards"): a 3-shard cluster costs no more than 1.5x per write
# of a 1-shard one. Each scenario of bench/cluster-shards/ runs on the self-hosted path alone, as 'scenarios <folder> 0'
# (a warm-up and one run) and 'scenarios <folder> BUDGET' (runs until BUDGET seconds are spent), under /usr/bin/time;
# the difference in user + system CPU over the difference in runs is one run's CPU, which waiting for a core on a
# shared host does not inflate. Prints one line per shard count and repetition, then each repetition's ratio.
# Usage, from the repository root after 'dotnet build -c Release bench/RedisFailoverSim.Bench':
#   bench/cluster-shards-cpu.sh [REPETITIONS=3] [BUDGET-SECONDS=10] [BENCH-DLL=bench/RedisFailoverSim.Bench/bin/Release/net10.0/RedisFailoverSim.Bench.dll]
set -euo pipefail
repetitions=${1:-3}
budget=${2:-10}
bench=${3:-bench/RedisFailoverSim.Bench/bin/Release/net10.0/RedisFailoverSim.Bench.dll}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 1 3; do
  mkdir -p "$work/s$n"
  for f in bench/cluster-shards/cluster-$n-shard*.yaml; do
    { cat "$f"; echo "paths: [self-hosted]"; } > "$work/s$n/$(basename "$f")"
  done
done

# The 'runs' and 'writesPerRun' fields of the last JSON line the benchmark printed.
field() { tail -n 1 "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"; }
cpu() { awk '{ print $1 + $2 }' "$1"; }

for rep in $(seq 1 "$repetitions"); do
  line="rep $rep"
  for n in 1 3; do
    for b in 0 "$budget"; do
      /usr/bin/time -f "%U %S" -o "$work/time.$n.$b" dotnet "$bench" scenarios "$work/s$n" "$b" > "$work/out.$n.$b" 2>/dev/null
    done
    runs=$(( $(field "$work/out.$n.$budget" runs) - $(field "$work/out.$n.0" runs) ))
    per_run=$(awk -v a="$(cpu "$work/time.$n.0")" -v b="$(cpu "$work/time.$n.$budget")" -v r="$runs" 'BEGIN { printf "%.4f", (b - a) / r }')
    echo "shards $n, rep $rep: $runs runs more, $per_run s CPU a run, $(field "$work/out.$n.$budget" writesPerRun) writes a run"
    eval "cpu$n=$per_run"
  done
  echo "rep $rep: 3 shards / 1 shard = $(awk -v a="$cpu1" -v b="$cpu3" 'BEGIN { printf "%.2f", b / a }')x per run"
done
