#!/usr/bin/env bash
# CPU each process of the running stack (and PostgreSQL, and the whole machine) used during the steady state's
# measured part only: from the Gatling log's "ready to submit" (preparation done) to "lines recorded" (the end).
# bench.sh runs it beside the steady-state scenario; by hand: load/bench/steady-cpu.sh GATLING_LOG [RUN_DIR]
set -euo pipefail
log="$1"; run="${2:-$(cd "$(dirname "$0")/../.." && pwd)/.run}"
hz="$(getconf CLK_TCK)"
snap() {
  local f
  for f in "$run"/pids/*.pid; do
    [[ -f "$f" ]] && echo "$(basename "$f" .pid) $(awk '{ print $14 + $15 }' "/proc/$(cat "$f")/stat" 2>/dev/null || echo 0)"
  done
  # PostgreSQL: the processes alive at each read (the services' pooled connections live for the whole run)
  echo "postgres $(ps -u postgres -o times= | awk -v hz="$hz" '{ s += $1 * hz } END { print s + 0 }')"
  echo "machine $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)"
}
deadline=$((SECONDS + 900))
until grep -q 'ready to submit' "$log" 2>/dev/null; do (( SECONDS < deadline )) || exit 0; sleep 0.2; done
before="$(snap)"; t0="$(date +%s%N)"
until grep -q 'lines recorded' "$log" 2>/dev/null; do (( SECONDS < deadline )) || exit 0; sleep 0.2; done
after="$(snap)"; t1="$(date +%s%N)"
echo "CPU during the steady state's measured part ($(( (t1 - t0) / 1000000 )) ms, preparation excluded):"
join <(echo "$before" | sort) <(echo "$after" | sort) | awk -v hz="$hz" -v ns=$((t1 - t0)) '
  { cpu = ($3 - $2) / hz; if (cpu > 0.05) printf "  %-20s %6.1f CPU-s  %5.1f%% of a core\n", $1, cpu, 100 * cpu / (ns / 1e9) }'
