#!/usr/bin/env bash
# Measures what a write costs a Redis primary's and a replica's one thread (docs/sources.md §13.2-§13.4): the
# server's CPU time (INFO cpu: used_cpu_sys + used_cpu_user) around redis-benchmark runs, divided by the commands,
# then the fork time of a ~600 MB instance. Everything on 127.0.0.1, ports PORT..PORT+2 (default 31500); every
# process it starts is stopped by its pid at the end. Takes about two minutes.
set -euo pipefail
P=${1:-31500}
D=$(mktemp -d)
trap 'for f in "$D"/*.pid; do kill "$(cat "$f")" 2>/dev/null || true; done; rm -rf "$D"' EXIT
start() { redis-server --port "$1" --bind 127.0.0.1 --save "" --appendonly no --dir "$D" --daemonize yes \
  --pidfile "$D/$1.pid" --logfile "$D/$1.log" "${@:2}"; }
cpu() { redis-cli -p "$1" info cpu | awk -F: '/^used_cpu_sys:|^used_cpu_user:/{s+=$2} END{printf "%.6f", s}'; }
per() { echo "($2-$1)*1000000/$3" | bc -l | xargs printf %.2f; }
bench() {  # command size n
  if [ "$1" = set ]; then redis-benchmark -p "$P" -t set -d "$2" -n "$3" -c 20 -r 100000000 -q >/dev/null 2>&1
  else redis-benchmark -p "$P" -n "$3" -c 20 -r 100000000 -q sadd myset "$(head -c "$2" /dev/zero | tr '\0' x)__rand_int__" >/dev/null 2>&1; fi
}
start "$P"; sleep 0.5
echo "primary alone: server CPU per command"
for d in 16 100 1000 10000 100000; do for c in set sadd; do
  n=100000; [ "$d" -ge 10000 ] && n=20000
  redis-cli -p "$P" flushall >/dev/null; a=$(cpu "$P"); bench "$c" "$d" "$n"; b=$(cpu "$P")
  echo "  $c $d B: $(per "$a" "$b" "$n") us"
done; done
start $((P + 1)) --replicaof 127.0.0.1 "$P"; start $((P + 2)) --replicaof 127.0.0.1 "$P"; sleep 2
echo "with two replicas: primary and one replica, CPU per command"
for d in 100 1000 10000; do for c in set sadd; do
  n=100000; [ "$d" -ge 10000 ] && n=20000
  redis-cli -p "$P" flushall >/dev/null; sleep 0.5; a=$(cpu "$P"); r=$(cpu $((P + 1))); bench "$c" "$d" "$n"; sleep 1
  b=$(cpu "$P"); s=$(cpu $((P + 1)))
  echo "  $c $d B: primary $(per "$a" "$b" "$n") us, replica $(per "$r" "$s" "$n") us"
done; done
echo "fork: BGSAVE of a filled instance (INFO stats latest_fork_usec)"
redis-cli -p "$P" replicaof no one >/dev/null
redis-cli -p $((P + 1)) shutdown nosave >/dev/null 2>&1 || true; redis-cli -p $((P + 2)) shutdown nosave >/dev/null 2>&1 || true
redis-benchmark -p "$P" -t set -n 3000000 -r 100000000 -d 100 -P 64 -c 4 -q >/dev/null 2>&1
echo "  $(redis-cli -p "$P" info memory | grep '^used_memory_rss:' | tr -d '\r')"
for i in 1 2; do
  redis-cli -p "$P" bgsave >/dev/null
  until [ "$(redis-cli -p "$P" info persistence | grep '^rdb_bgsave_in_progress:' | tr -d '\r')" = rdb_bgsave_in_progress:0 ]; do sleep 1; done
  echo "  $(redis-cli -p "$P" info stats | grep '^latest_fork_usec:' | tr -d '\r')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
