#!/usr/bin/env bash
# The stack at rest, by thread (issue 20): CPU-ms per second of every thread name of every process './mpaspor up'
# started, and of PostgreSQL's backends, over one window, from /proc/PID/task/*/stat (utime + stime). Prints the
# busiest thread names, then the totals with and without the JIT's compiler threads and the Kafka consumers' share
# (the services' smallrye-kafka-* and kafka-coordinator-* threads). Needs the stack started by './mpaspor up'
# (MPASPOR_RUN_DIR honoured); reads only, stops by itself.
#
#   load/bench/idle-threads.sh [SECONDS=60] [LINES=40]
#
# load/README.md (session 31) compares windows taken 4.5 minutes after 'up', three in a row per stack.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${MPASPOR_RUN_DIR:-$ROOT/.run}"
SECONDS_WINDOW="${1:-60}"
LINES="${2:-40}"
TICKS="$(getconf CLK_TCK)"

snap() { # "process:thread-name ticks", summed per name
  for f in "$RUN"/pids/*.pid; do
    n="$(basename "$f" .pid)"
    for t in /proc/"$(cat "$f")"/task/*; do
      echo "$n:$(tr ' ' _ <"$t"/comm | cut -c1-15) $(awk '{print $14+$15}' "$t"/stat)"
    done
  done 2>/dev/null
  for p in $(pgrep -u postgres postgres); do
    echo "postgresql:$(tr ' ' _ </proc/"$p"/comm) $(awk '{print $14+$15}' /proc/"$p"/stat)"
  done 2>/dev/null
}

before="$(mktemp)"; after="$(mktemp)"; trap 'rm -f "$before" "$after"' EXIT
snap | awk 'NF==2{a[$1]+=$2} END{for(k in a) print k, a[k]}' | sort >"$before"
sleep "$SECONDS_WINDOW"
snap | awk 'NF==2{a[$1]+=$2} END{for(k in a) print k, a[k]}' | sort >"$after"
join "$before" "$after" | awk -v s="$SECONDS_WINDOW" -v hz="$TICKS" -v lines="$LINES" '
  { d = ($3 - $2) * 1000 / hz / s; if (d <= 0) next
    total += d
    if ($1 ~ /C[12]_CompilerThre/) jit += d
    if ($1 ~ /smallrye-kafka|kafka-coordinat/ && $1 !~ /^kafka:/) consumers += d
    if ($1 ~ /^kafka:/ && $1 !~ /CompilerThre/) broker += d
    print d, $1 }
  END { printf "TOTAL %.1f ms/s; without the JIT %.1f; Kafka consumers %.1f; broker (JIT left out) %.1f\n",
        total, total - jit, consumers, broker > "/dev/stderr" }' | sort -rn | head -"$LINES" | awk '{printf "%8.1f ms/s  %s\n", $1, $2}'
