#!/usr/bin/env bash
# The stack at rest, by thread (issue 20): CPU-ms per second of every thread name of every process './mpaspor up'
# started, and of PostgreSQL's backends, over one window, from /proc/PID/task/*/stat (utime + stime). Prints the
# busiest thread names, then the totals with and without the JIT's compiler threads and the Kafka consumers' share
# (the services' smallrye-kafka-* and kafka-coordinator-* threads). Needs the stack started by './mpaspor up'
# (MPASPOR_RUN_DIR honoured); reads only, stops by itself.
#
#   load/bench/idle-threads.sh [SECONDS=60] [LINES=40]
#   load/bench/idle-threads.sh --around LINES COMMAND [ARGS...]   the same over one command, in CPU-ms per thread
#     name (load/README.md session 32: the outbox relays' threads around load/bench/submission-cost.sh)
#
# load/README.md (session 31) compares windows taken 4.5 minutes after 'up', three in a row per stack.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${MPASPOR_RUN_DIR:-$ROOT/.run}"
AROUND=()
if [[ "${1:-}" == --around ]]; then
  # the CPU of the stack's threads over one command (e.g. a benchmark), in CPU-ms per thread name
  [[ $# -ge 3 ]] || { echo "usage: $0 --around LINES COMMAND [ARGS...]" >&2; exit 2; }
  LINES="$2"; shift 2; AROUND=("$@")
else
  SECONDS_WINDOW="${1:-60}"
  LINES="${2:-40}"
fi
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
if [[ ${#AROUND[@]} -gt 0 ]]; then
  "${AROUND[@]}"
  per=1; unit="ms"
else
  sleep "$SECONDS_WINDOW"
  per="$SECONDS_WINDOW"; unit="ms/s"
fi
snap | awk 'NF==2{a[$1]+=$2} END{for(k in a) print k, a[k]}' | sort >"$after"
join "$before" "$after" | awk -v s="$per" -v u="$unit" -v hz="$TICKS" -v lines="$LINES" '
  { d = ($3 - $2) * 1000 / hz / s; if (d <= 0) next
    total += d
    if ($1 ~ /C[12]_CompilerThre/) jit += d
    if ($1 ~ /smallrye-kafka|kafka-coordinat/ && $1 !~ /^kafka:/) consumers += d
    if ($1 ~ /^kafka:/ && $1 !~ /CompilerThre/) broker += d
    print d, $1 }
  END { printf "TOTAL %.1f %s; without the JIT %.1f; Kafka consumers %.1f; broker (JIT left out) %.1f\n",
        total, u, total - jit, consumers, broker > "/dev/stderr" }' | sort -rn | head -"$LINES" \
  | awk -v u="$unit" '{printf "%8.1f %s  %s\n", $1, u, $2}'
