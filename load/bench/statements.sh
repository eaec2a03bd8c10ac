#!/usr/bin/env bash
# What a command asks PostgreSQL (issue 20): statements per operation in every database of the local cluster, from
# pg_stat_statements before and after the command, divided by N (the operations the command performs), then the
# statements run most often. The figures of load/README.md (session 32) came from this around
# load/bench/submission-cost.sh.
#
#   load/bench/statements.sh N COMMAND [ARGS...]     e.g. load/bench/statements.sh 418 load/bench/submission-cost.sh
#   (tunables: PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres STATEMENTS_TOP=25)
#
# Needs pg_stat_statements loaded, which takes a restart of the cluster (not on by default: it costs a little on
# every statement). With the stack down:
#   psql -h 127.0.0.1 -U postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
#   pg_ctlcluster --skip-systemctl-redirect 15 main restart
# and afterwards "ALTER SYSTEM RESET shared_preload_libraries" and the restart again. The script creates the
# extension in each database it reads and changes nothing else.
set -euo pipefail

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}" "${STATEMENTS_TOP:=25}"
export PGHOST PGPORT PGUSER
die() { printf 'statements: %s\n' "$1" >&2; exit "${2:-1}"; }
[[ $# -ge 2 && "$1" =~ ^[1-9][0-9]*$ ]] || die "usage: $0 N COMMAND [ARGS...]" 2
n="$1"; shift
[[ "$(psql -d postgres -Atc "SHOW shared_preload_libraries")" == *pg_stat_statements* ]] \
  || die "pg_stat_statements is not loaded: see the head of $0" 2
for db in $(psql -d postgres -Atc "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"); do
  psql -d "$db" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" 2>/dev/null || true
done

snap() {
  psql -d postgres -AtF$'\t' -c "SELECT d.datname, s.queryid, s.calls, s.total_exec_time,
      regexp_replace(left(s.query, 110), '\s+', ' ', 'g')
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
}
before="$(mktemp)"; after="$(mktemp)"; trap 'rm -f "$before" "$after"' EXIT
snap >"$before"
"$@"
snap >"$after"

echo "STATEMENTS per operation (N = $n), every database, from pg_stat_statements around: $*"
awk -F'\t' -v n="$n" -v top="$STATEMENTS_TOP" '
  NR == FNR { calls[$1 FS $2] = $3; ms[$1 FS $2] = $4; next }
  { k = $1 FS $2; dc = $3 - calls[k]; dt = $4 - ms[k]; if (dc <= 0) next
    db[$1] += dc; dbms[$1] += dt; total += dc
    rows[++r] = sprintf("%9.2f %8.3f  %-12s %s", dc / n, dt / n, $1, $5) }
  END {
    for (d in db) printf "DB %-12s %8.1f statements, %7.2f ms executing per operation\n", d, db[d] / n, dbms[d] / n
    printf "TOTAL %.1f statements per operation\n", total / n
    printf "%9s %8s  %-12s %s\n", "calls/op", "ms/op", "database", "statement"
    for (i = 1; i <= r; i++) print rows[i] | "sort -rn | head -" top
  }' "$before" "$after"
