#!/usr/bin/env bash
# Scaling of one run (self-hosted path) with the number of writes and of nodes, and of a sweep with its shard count
# (issue 17). Prints one tab-separated line per case: what varied, its value, wall s, CPU s (user + sys), max RSS MB.
# Usage, from the repository root after 'dotnet build -c Release src/RedisFailoverSim.Cli':
#   bench/scaling.sh [RFSIM-DLL=src/RedisFailoverSim.Cli/bin/Release/net10.0/rfsim.dll]
set -euo pipefail
rfsim=${1:-src/RedisFailoverSim.Cli/bin/Release/net10.0/rfsim.dll}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A scenario of NODES nodes over three AZs (n1 the primary), three Sentinels, two clients writing RATE/s each for
# SECONDS; the primary crashes at 2 s and restarts 3 s later (too short for Sentinel to fail over: a steady state).
scenario() {
  local nodes=$1 rate=$2 seconds=$3 file=$4
  {
    echo "name: scaling-$nodes-nodes-$seconds-s"
    echo "seed: 42"
    echo "topology:"
    echo "  azs: [az-a, az-b, az-c]"
    echo "  nodes:"
    echo "    - { name: n1, az: az-a, primary: true }"
    local azs=(az-a az-b az-c)
    for ((i = 2; i <= nodes; i++)); do echo "    - { name: n$i, az: ${azs[$((i % 3))]} }"; done
    echo "  sentinels: { az-a: 1, az-b: 1, az-c: 1 }"
    echo "  clients:"
    echo "    - { name: c1, az: az-a }"
    echo "    - { name: c2, az: az-b }"
    echo "workload: { rate: $rate, arrival: constant, duration: ${seconds}s, value-size: 100 }"
    echo "faults:"
    echo "  - { kind: crash, at: 2s, duration: 3s, target: primary }"
    echo "sentinel: { quorum: 2 }"
  } > "$file"
}

measure() {   # label value command...
  local label=$1 value=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  awk -v l="$label" -v v="$value" '{ printf "%s\t%s\t%.2f\t%.2f\t%.0f\n", l, v, $1, $2 + $3, $4 / 1024 }' "$work/time"
}

printf 'varied\tvalue\twall_s\tcpu_s\tmax_rss_mb\n'
for writes in 10000 100000 1000000 10000000; do
  scenario 3 500 $((writes / 1000)) "$work/w.yaml"
  measure writes "$writes" dotnet "$rfsim" run "$work/w.yaml" --paths self-hosted --quiet --no-charts --out "$work/out-w"
done
for nodes in 3 10 25 50; do
  scenario "$nodes" 500 100 "$work/n.yaml"
  measure nodes "$nodes" dotnet "$rfsim" run "$work/n.yaml" --paths self-hosted --quiet --no-charts --out "$work/out-n"
done
# Shards: every shard of a 40-run sweep of the split-brain scenario, one after another on one worker, then the
# merge; the sum against the shard count shows the per-shard overhead (process start, scenario load).
for shards in 1 2 5 10; do
  cat > "$work/shards.sh" <<SCRIPT
set -e
for ((i = 0; i < $shards; i++)); do
  dotnet "$rfsim" sweep scenarios/az-partition-split-brain.yaml --runs 40 --parallel 1 --shard \$i/$shards --out "$work/s-$shards/shard-\$i" --quiet --no-charts
done
dotnet "$rfsim" merge "$work/s-$shards"/shard-* --out "$work/s-$shards/merged" --quiet --no-charts
SCRIPT
  measure shards "$shards" bash "$work/shards.sh"
done
