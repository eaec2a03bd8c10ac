#!/usr/bin/env bash
# The same answers timed twice: by the load generator (its CSV: from the moment it meant to send to the last byte,
# its own waits for a CPU included) and by the gateway itself (its access log, %D: from the request's first line
# read to the response's end). On 2 cores shared with Gatling the two differ by seconds under a burst; the gap is
# time the request spent before the gateway read it (the client's and the gateway's threads waiting for a CPU).
#
#   load/bench/edge-latency.sh GATEWAY_LOG CSV REQUEST PATH_REGEX
#   e.g. load/bench/edge-latency.sh .run/logs/gateway.log load/target/requests/steady-state.csv submit '/applications/[^/]+/submission'
#
# Prints, for the answers accepted (2xx) and shed (429/503) in the window of REQUEST's lines in CSV (first sent to
# last sent + 30 s): count and p50/p95/p99 as the client saw them and as the gateway saw them. Reads only.
set -euo pipefail
log="$1"; csv="$2"; request="$3"; path="$4"
[[ -s "$log" && -s "$csv" ]] || { echo "edge-latency: no $log or $csv" >&2; exit 0; }
read -r first last < <(awk -F, -v r="$request" '$1 == r { if (min == "" || $5 < min) min = $5; if ($5 > max) max = $5 }
  END { print min + 0, max + 0 }' "$csv")
(( first > 0 )) || { echo "edge-latency: no '$request' lines in $csv" >&2; exit 0; }
iso() { date -u -d "@$(( $1 / 1000 )).$(printf '%03d' $(( $1 % 1000 )))" +%Y-%m-%dT%H:%M:%S.%3N; }
from="$(iso "$first")"; to="$(iso $(( last + 30000 )))"

pct() { # pct < numbers: count p50/p95/p99 (nearest rank)
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 -"; exit }
    split("50 95 99", q, " "); s = "";
    for (i = 1; i <= 3; i++) { k = int((q[i] * NR + 99) / 100); if (k < 1) k = 1; s = s (i > 1 ? "/" : "") v[k] }
    print NR, s }'
}
client() { awk -F, -v r="$request" -v codes="$1" '$1 == r && $2 ~ codes { print $3 }' "$csv" | pct; }
# the gateway's answers in the window, read once: "status millis" from its access-log lines ("timestamp":"...", then
# in the message: "METHOD /path HTTP/1.1" STATUS BYTES MILLIS ms)
answers="$(grep -F 'http.access-log' "$log" | grep -E "$path" \
  | sed -n 's/.*"timestamp":"\([^"]*\)".*HTTP\/[0-9.]*\\" \([0-9]*\) [0-9-]* \([0-9]*\) ms.*/\1 \2 \3/p' \
  | awk -v from="$from" -v to="$to" '$1 >= from && $1 <= to { print $2, $3 }' || true)"
gateway() { awk -v codes="$1" 'NF == 2 && $1 ~ codes { print $2 }' <<<"$answers" | pct; }
printf "The gateway's own time against the client's, '%s' (%s to %s UTC; ms, count p50/p95/p99):\n" "$request" "${from#*T}" "${to#*T}"
printf '  accepted (2xx): client %s, gateway %s\n' "$(client '^2[0-9][0-9]$')" "$(gateway '^2[0-9][0-9]$')"
printf '  shed (429/503): client %s, gateway %s\n' "$(client '^(429|503)$')" "$(gateway '^(429|503)$')"
