#!/usr/bin/env bash
# Page weight and server time of the website's pages, as a phone on a slow network would fetch them.
#
#   load/bench/web.sh [BASE_URL] [ROUNDS]      default http://127.0.0.1:8080 (the gateway of ./mpaspor up), 20 rounds
#
# Per page: the HTML's bytes on the wire (gzip, as browsers ask), the page with its scripts and stylesheet on a
# first visit (cold cache), and the server time (time to first byte) as median and 95th percentile over the rounds.
# The pages behind a login are measured by the browser test (e2e WebsiteIT), which writes web/target/page-weights.txt.
set -euo pipefail
BASE="${1:-http://127.0.0.1:8080}"
ROUNDS="${2:-20}"
PAGES=(/ /register /login /password/forgot /offices "/offices?city=Bandung" /fees "/fees?passportKind=ELECTRONIC&validityYears=10" /requirements "/requirements?applicationType=NEW&minor=true")
jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT

first_office="$(curl -sS "$BASE/offices" | grep -o 'href="/offices/[A-Z0-9]*"' | head -1 | sed 's/href="//; s/"//')" || true
[[ -n "$first_office" ]] && PAGES+=("$first_office")

printf '%-26s %10s %12s %12s %10s %10s\n' PAGE "HTML(raw)" "HTML(gzip)" "first visit" "TTFB p50" "TTFB p95"
for page in "${PAGES[@]}"; do
  raw="$(curl -sS -o /dev/null -w '%{size_download}' -b "$jar" -c "$jar" "$BASE$page")"
  gz="$(curl -sS -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' -b "$jar" -c "$jar" "$BASE$page")"
  # the assets the page links to, compressed, as on a first visit
  assets=0
  for a in $(curl -sS -b "$jar" -c "$jar" "$BASE$page" | grep -o '/assets/[A-Za-z0-9._-]*' | sort -u); do
    assets=$((assets + $(curl -fsS -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$BASE$a")))
  done
  times=()
  for _ in $(seq 1 "$ROUNDS"); do
    times+=("$(curl -sS -o /dev/null -w '%{time_starttransfer}' -H 'Accept-Encoding: gzip' -b "$jar" -c "$jar" "$BASE$page")")
  done
  sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
  p50="$(echo "$sorted" | awk -v n="$ROUNDS" 'NR==int((n+1)/2){printf "%.1f ms", $1*1000}')"
  p95="$(echo "$sorted" | awk -v n="$ROUNDS" 'NR==int(n*0.95+0.999){printf "%.1f ms", $1*1000}')"
  awk -v p="$page" -v r="$raw" -v g="$gz" -v a="$assets" -v t50="$p50" -v t95="$p95" \
    'BEGIN{printf "%-26s %9.1fK %11.1fK %11.1fK %10s %10s\n", p, r/1024, g/1024, (g+a)/1024, t50, t95}'
done
