#!/usr/bin/env bash
# Cost of an applicant's journey (issue 20): CPU-ms of the whole stack (every process 'up' started, and PostgreSQL)
# per hold, per submission (until the billing code is on the application) and per payment (until the appointment is
# scheduled), through the gateway, less the idle stack's CPU in the same time. Applicants are prepared first through
# the services (application, applicant, documents accepted), a few journeys warm the stack up, then each phase sends
# its requests at COST_RATE/s and waits for the effects in the databases (no API polling is charged). Needs the
# system started by './mpaspor up' (MPASPOR_RUN_DIR / MPASPOR_PORT_OFFSET / MPASPOR_DB_PREFIX honoured as in the
# launcher). Builds the load module without installing anything; stops by itself (~4 minutes: most of it preparing the applicants).
#
#   load/bench/submission-cost.sh      (tunables: COST_SUBMISSIONS=150 COST_RATE=15 COST_WARM_UP=60 COST_OFFICES=SOETTA,JKTSEL,BDG)
#
# Prints the COST lines on stdout and in load/target/submission-cost.txt. Removes the quota it released (its own
# date's capacity rows and holds) at the end; the applications it created stay, scheduled.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/load/target"
RUN="${MPASPOR_RUN_DIR:-$ROOT/.run}"
OFFSET="${MPASPOR_PORT_OFFSET:-0}"
DB_PREFIX="${MPASPOR_DB_PREFIX:-}"
: "${COST_SUBMISSIONS:=150}" "${COST_RATE:=15}" "${COST_WARM_UP:=60}" "${COST_OFFICES:=SOETTA,JKTSEL,BDG}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
ACCOUNT="http://127.0.0.1:$((8081 + OFFSET))"
APPLICATION="http://127.0.0.1:$((8082 + OFFSET))"
QUOTA="http://127.0.0.1:$((8083 + OFFSET))"
UPLOAD="http://127.0.0.1:$((8088 + OFFSET))"
DUKCAPIL="http://127.0.0.1:$((8091 + OFFSET))"
die() { printf 'submission-cost: %s\n' "$1" >&2; exit "${2:-1}"; }
ready() { [[ "$(curl -fsS --max-time 3 "$1/q/health/ready" 2>/dev/null)" == *'"UP"'* ]]; }
for svc in "$ACCOUNT" "$APPLICATION" "$QUOTA" "$UPLOAD"; do
  ready "$svc" || die "the system is not running ($svc is not ready): start it with ./mpaspor up first" 2
done
[[ -f "$RUN/secrets/admin-password" && -f "$RUN/keys/private.pem" && -f "$RUN/secrets/billing-atm" ]] \
  || die "no secrets/keys in $RUN" 2

mkdir -p "$OUT"
echo "== building load (no install)"
(cd "$ROOT" && ./mvnw -B -q -pl load -am compile dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile="$OUT/cost-classpath.txt" >"$OUT/cost-build.log" 2>&1) \
  || { tail -30 "$OUT/cost-build.log" >&2; die "build failed, see $OUT/cost-build.log"; }
CP="$ROOT/load/target/classes:$(cat "$OUT/cost-classpath.txt")"

DATE="$(date -u -d '+203 days' +%F)"   # its own date, far from real bookings; removed at the end
IFS=, read -r -a OFFICE_LIST <<<"$COST_OFFICES"
OFFICES_SQL="'${COST_OFFICES//,/\',\'}'"
WANTED=$((COST_WARM_UP + COST_SUBMISSIONS))
PER_OFFICE=$(( (WANTED + ${#OFFICE_LIST[@]} - 1) / ${#OFFICE_LIST[@]} + 1 ))
cleanup() {
  set +e
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "${DB_PREFIX}quota" -qtAX -c "
    DELETE FROM hold_nik WHERE hold_id IN (SELECT id FROM hold WHERE office_code IN ($OFFICES_SQL) AND date = '$DATE');
    DELETE FROM hold WHERE office_code IN ($OFFICES_SQL) AND date = '$DATE';
    DELETE FROM capacity WHERE office_code IN ($OFFICES_SQL) AND date = '$DATE';
    DELETE FROM quota_release WHERE office_code IN ($OFFICES_SQL) AND from_date = to_date AND from_date = '$DATE';" \
    >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

echo "== releasing $PER_OFFICE places per office at $COST_OFFICES on $DATE"
java -cp "$CP" id.go.imigrasi.mpaspor.load.QuotaRelease "$ACCOUNT" "$QUOTA" admin@mpaspor.local \
  "$RUN/secrets/admin-password" "$COST_OFFICES" "$PER_OFFICE" "$DATE" >/dev/null

CONFIG="$OUT/submission-cost.properties"
cat >"$CONFIG" <<PROPS
client.address=${MPASPOR_BENCH_CLIENT_ADDRESS:-127.0.0.2}
run=$(( $(date +%s) % 100000 ))
gateway.api=$GATEWAY/api/v1
application.url=$APPLICATION
application.direct-url=$APPLICATION
upload.url=$UPLOAD
upload.direct-url=$UPLOAD
quota.url=$QUOTA
quota.direct-url=$QUOTA
dukcapil.url=$DUKCAPIL
spike.offices=$COST_OFFICES
steady.date=$DATE
jwt.key=$RUN/keys/private.pem
jwt.issuer=${MPASPOR_JWT_ISSUER:-https://mpaspor.imigrasi.go.id}
run.dir=$RUN
results.dir=$OUT
db.prefix=$DB_PREFIX
pg.host=$PGHOST
pg.port=$PGPORT
pg.user=$PGUSER
cost.submissions=$COST_SUBMISSIONS
cost.rate=$COST_RATE
cost.warm-up=$COST_WARM_UP
PROPS
rm -f "$OUT/submission-cost.txt"
echo "== Gatling: SubmissionCostSimulation (log $OUT/gatling-submission-cost.log)"
(cd "$ROOT" && LOAD_CONFIG="$CONFIG" ./mvnw -B -pl load gatling:test \
    -Dgatling.simulationClass=id.go.imigrasi.mpaspor.load.SubmissionCostSimulation \
    >"$OUT/gatling-submission-cost.log" 2>&1) \
  || { grep -E '^COST' "$OUT/gatling-submission-cost.log" >&2; tail -30 "$OUT/gatling-submission-cost.log" >&2
       die "the simulation did not finish, see $OUT/gatling-submission-cost.log"; }
[[ -s "$OUT/submission-cost.txt" ]] || die "no figures, see $OUT/gatling-submission-cost.log"
grep -E '^COST (phase|prepar)' "$OUT/gatling-submission-cost.log" || true
cat "$OUT/submission-cost.txt"
