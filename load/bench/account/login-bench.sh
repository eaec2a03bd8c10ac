#!/usr/bin/env bash
# Login throughput next to the raw bcrypt rate of the same machine, same cost, same run.
# Needs the system running (./mpaspor up). Seeds bench accounts into the account database, measures,
# prints figures, deletes the seeded rows. Loopback only; stops by itself (~1 minute).
#
#   load/bench/account/login-bench.sh [SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BENCH="$ROOT/load/bench/account"
LIB="$ROOT/account-service/target/quarkus-app/lib/main/*"
URL="${ACCOUNT_URL:-http://127.0.0.1:8081}"
SECONDS_PER_PHASE="${1:-20}"
COST="$(grep -E '^mpaspor.account.password.bcrypt-cost=' "$ROOT/account-service/src/main/resources/application.properties" | cut -d= -f2)"
PASSWORD="Bench-Login-Password-1"
ACCOUNTS=200
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d account -qtA)

curl -fsS "$URL/q/health/ready" >/dev/null || { echo "account-service is not running: ./mpaspor up first" >&2; exit 1; }
# the hashing pool the running service really uses
THREADS="$(curl -fsS "$URL/q/metrics" | sed -n 's/^mpaspor_account_password_hash_threads \([0-9.]*\).*/\1/p' | cut -d. -f1)"
CORES="$(nproc)"

echo "== raw bcrypt verify rate, all $CORES cores, ${SECONDS_PER_PHASE}s"
ALL_OUT="$(java -cp "$LIB" "$BENCH/HashRate.java" "$COST" "$CORES" "$SECONDS_PER_PHASE" "$PASSWORD")"
RAW_ALL="$(echo "$ALL_OUT" | sed -n 's/^RAW_HASH_RATE //p')"
echo "raw hash rate, $CORES threads: $RAW_ALL verifications/s"

echo "== raw bcrypt verify rate: cost $COST, $THREADS threads (the service's hashing pool), ${SECONDS_PER_PHASE}s"
RAW_OUT="$(java -cp "$LIB" "$BENCH/HashRate.java" "$COST" "$THREADS" "$SECONDS_PER_PHASE" "$PASSWORD")"
HASH="$(echo "$RAW_OUT" | sed -n 's/^HASH //p')"
RAW="$(echo "$RAW_OUT" | sed -n 's/^RAW_HASH_RATE //p')"
echo "raw hash rate: $RAW verifications/s"

cleanup() {
  "${PSQL[@]}" -c "DELETE FROM refresh_token WHERE account_id IN (SELECT id FROM account WHERE email LIKE 'bench-%@bench.mpaspor.test');
                   DELETE FROM login_guard WHERE email LIKE 'bench-%@bench.mpaspor.test';
                   DELETE FROM account WHERE email LIKE 'bench-%@bench.mpaspor.test';" >/dev/null
}
trap cleanup EXIT
cleanup
"${PSQL[@]}" -c "INSERT INTO account (id, email, full_name, password_hash, role, status, language, created_at, verified_at)
  SELECT gen_random_uuid(), 'bench-' || i || '@bench.mpaspor.test', 'Bench ' || i, '$HASH', 'APPLICANT', 'ACTIVE', 'id', now(), now()
  FROM generate_series(0, $((ACCOUNTS - 1))) AS i" >/dev/null

# Saturating but not overloading: as many clients as the pool holds (threads + queue), so logins queue briefly.
QUEUE="$(grep -E '^mpaspor.account.password.queue=' "$ROOT/account-service/src/main/resources/application.properties" | cut -d= -f2)"
java "$BENCH/LoginLoad.java" "$URL" 2 5 "$ACCOUNTS" "$PASSWORD" warmup >/dev/null
SAT="$(java "$BENCH/LoginLoad.java" "$URL" "$((THREADS + QUEUE))" "$SECONDS_PER_PHASE" "$ACCOUNTS" "$PASSWORD" saturated)"
echo "$SAT"
# Overload: four times more clients than the pool holds; the excess must be shed at once with 503, and
# the clients (like the upload client and the mobile app) retry after Retry-After with full jitter.
OVER="$(java "$BENCH/LoginLoad.java" "$URL" "$((4 * (THREADS + QUEUE)))" "$SECONDS_PER_PHASE" "$ACCOUNTS" "$PASSWORD" overload)"
echo "$OVER"

LOGIN_RATE="$(echo "$SAT" | sed -n 's/.*status=200 count=[0-9]* rate=\([0-9.]*\).*/\1/p')"
OVER_RATE="$(echo "$OVER" | sed -n 's/.*status=200 count=[0-9]* rate=\([0-9.]*\).*/\1/p')"
SHED_P99="$(echo "$OVER" | sed -n 's/.*status=503 .*p99=\([0-9.]*\)ms.*/\1/p')"
echo
echo "== summary"
echo "raw bcrypt rate (cost $COST, $CORES threads = all cores): $RAW_ALL /s"
echo "raw bcrypt rate (cost $COST, $THREADS threads = the service's pool): $RAW /s"
echo "login throughput, saturated:                 ${LOGIN_RATE:-0} /s  ($(awk -v a="${LOGIN_RATE:-0}" -v b="$RAW" 'BEGIN{printf "%.0f", 100*a/b}')% of raw; target >= 90%)"
echo "login throughput, 4x overload:               ${OVER_RATE:-0} /s  ($(awk -v a="${OVER_RATE:-0}" -v b="$RAW" 'BEGIN{printf "%.0f", 100*a/b}')% of raw)"
echo "login throughput vs all cores:               $(awk -v a="${LOGIN_RATE:-0}" -v b="$RAW_ALL" 'BEGIN{printf "%.0f", 100*a/b}')% (the rest of the machine serves admission, DB, Kafka)"
echo "p99 of shed (503) answers under overload:    ${SHED_P99:-n/a} ms  (target < 50 ms)"
