#!/usr/bin/env bash
# Does an upload storm slow submissions (issue 24)? Submissions' p50/p99 and application-service CPU-ms per
# submission alone, during a tus upload storm against upload-service (upload-client's benchmark) and alone again,
# each submission paired with a read in application-service (GET /applications/{id}) and one in quota-service
# (GET /holds) as the same-run baseline (until issue 24 moved them out, the uploads ran in application-service's JVM). Needs the system started by './mpaspor up' (MPASPOR_RUN_DIR / MPASPOR_PORT_OFFSET /
# MPASPOR_DB_PREFIX honoured as in the launcher); talks to the services directly (the gateway's per-IP limits are
# not what is measured). Builds the load and upload-client modules without installing anything.
#
#   load/bench/upload-isolation.sh            (tunables: ISOLATION_SUBMISSIONS=60 ISOLATION_RATE=5
#                                              STORM_CLIENTS=500 STORM_FILE_KB=1024)
#
# Prints the table on stdout and in load/target/isolation.txt. Removes the quota it released (its own date's
# capacity rows and holds) at the end; the applications it created stay and expire with their bills.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/load/target"
RUN="${MPASPOR_RUN_DIR:-$ROOT/.run}"
OFFSET="${MPASPOR_PORT_OFFSET:-0}"
DB_PREFIX="${MPASPOR_DB_PREFIX:-}"
: "${ISOLATION_SUBMISSIONS:=60}" "${ISOLATION_RATE:=5}" "${STORM_CLIENTS:=500}" "${STORM_FILE_KB:=1024}"
: "${ISOLATION_OFFICES:=SOETTA,JKTSEL,BDG}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

ACCOUNT="http://127.0.0.1:$((8081 + OFFSET))"
APPLICATION="http://127.0.0.1:$((8082 + OFFSET))"
UPLOAD="http://127.0.0.1:$((8088 + OFFSET))"
QUOTA="http://127.0.0.1:$((8083 + OFFSET))"
DUKCAPIL="http://127.0.0.1:$((8091 + OFFSET))"
die() { printf 'upload-isolation: %s\n' "$1" >&2; exit "${2:-1}"; }
ready() { [[ "$(curl -fsS --max-time 3 "$1/q/health/ready" 2>/dev/null)" == *'"UP"'* ]]; }
for svc in "$ACCOUNT" "$APPLICATION" "$QUOTA" "$UPLOAD"; do
  ready "$svc" || die "the system is not running ($svc is not ready): start it with ./mpaspor up first" 2
done
[[ -f "$RUN/secrets/admin-password" && -f "$RUN/keys/private.pem" ]] || die "no secrets/keys in $RUN" 2

mkdir -p "$OUT"
echo "== building load and upload-client (no install)"
(cd "$ROOT" && ./mvnw -B -q -pl load -am compile dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile="$OUT/isolation-classpath.txt" >"$OUT/isolation-build.log" 2>&1) \
  || { tail -30 "$OUT/isolation-build.log" >&2; die "build failed, see $OUT/isolation-build.log"; }
CP="$ROOT/load/target/classes:$(cat "$OUT/isolation-classpath.txt")"

DATE="$(date -u -d '+202 days' +%F)"   # its own date, far from real bookings; removed at the end
IFS=, read -r -a OFFICE_LIST <<<"$ISOLATION_OFFICES"
OFFICES_SQL="'${ISOLATION_OFFICES//,/\',\'}'"
WANTED=$((5 + 3 * ISOLATION_SUBMISSIONS))
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

echo "== releasing $PER_OFFICE places per office at $ISOLATION_OFFICES on $DATE"
java -cp "$CP" id.go.imigrasi.mpaspor.load.QuotaRelease "$ACCOUNT" "$QUOTA" admin@mpaspor.local \
  "$RUN/secrets/admin-password" "$ISOLATION_OFFICES" "$PER_OFFICE" "$DATE" >/dev/null

echo "== $STORM_CLIENTS storm identities (load/bench/upload/PrepareIdentities.java)"
java "$ROOT/load/bench/upload/PrepareIdentities.java" "$STORM_CLIENTS" "$OUT/isolation-identities.csv" \
  "$APPLICATION" "$DUKCAPIL" "$RUN/keys/private.pem" >/dev/null

STORM="'$ROOT/load/bench/upload/run.sh' '$UPLOAD/uploads' $STORM_CLIENTS --identities '$OUT/isolation-identities.csv' --file-kb $STORM_FILE_KB --disk-probe-mb 0"
CONFIG="$OUT/isolation.properties"
cat >"$CONFIG" <<PROPS
run=$(( $(date +%s) % 100000 ))
application.url=$APPLICATION
application.direct-url=$APPLICATION
upload.url=$UPLOAD
upload.direct-url=$UPLOAD
quota.url=$QUOTA
quota.direct-url=$QUOTA
dukcapil.url=$DUKCAPIL
spike.offices=$ISOLATION_OFFICES
steady.date=$DATE
jwt.key=$RUN/keys/private.pem
jwt.issuer=${MPASPOR_JWT_ISSUER:-https://mpaspor.imigrasi.go.id}
run.dir=$RUN
results.dir=$OUT
isolation.submissions=$ISOLATION_SUBMISSIONS
isolation.rate=$ISOLATION_RATE
isolation.storm-command=$STORM
PROPS
echo "== measuring (storm output: $OUT/isolation-storm.log)"
LOAD_CONFIG="$CONFIG" java -cp "$CP" id.go.imigrasi.mpaspor.load.UploadIsolation | tee "$OUT/isolation.txt"
{ echo; echo "storm (upload-client bench) summary:"; tail -25 "$OUT/isolation-storm.log"; } | tee -a "$OUT/isolation.txt"
