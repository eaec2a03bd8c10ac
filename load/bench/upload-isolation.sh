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

: "${ISOLATION_SUBMISSIONS:=60}" "${ISOLATION_RATE:=5}" "${STORM_CLIENTS:=500}" "${STORM_FILE_KB:=1024}"
: "${ISOLATION_OFFICES:=SOETTA,JKTSEL,BDG}"
BENCH_NAME=upload-isolation
source "$(dirname "${BASH_SOURCE[0]}")/prepared-applicants.sh"
# its own date, far from real bookings; removed at the end
bench_release_quota "$(date -u -d '+202 days' +%F)" "$ISOLATION_OFFICES" $((5 + 3 * ISOLATION_SUBMISSIONS))

echo "== $STORM_CLIENTS storm identities (load/bench/upload/PrepareIdentities.java)"
java "$ROOT/load/bench/upload/PrepareIdentities.java" "$STORM_CLIENTS" "$OUT/isolation-identities.csv" \
  "$APPLICATION" "$DUKCAPIL" "$RUN/keys/private.pem" >/dev/null

STORM="'$ROOT/load/bench/upload/run.sh' '$UPLOAD/uploads' $STORM_CLIENTS --identities '$OUT/isolation-identities.csv' --file-kb $STORM_FILE_KB --disk-probe-mb 0"
CONFIG="$OUT/isolation.properties"
{ bench_applicant_properties "$ISOLATION_OFFICES" "$BENCH_DATE"; cat <<PROPS
isolation.submissions=$ISOLATION_SUBMISSIONS
isolation.rate=$ISOLATION_RATE
isolation.storm-command=$STORM
PROPS
} >"$CONFIG"
echo "== measuring (storm output: $OUT/isolation-storm.log)"
LOAD_CONFIG="$CONFIG" java -cp "$CP" id.go.imigrasi.mpaspor.load.UploadIsolation | tee "$OUT/isolation.txt"
{ echo; echo "storm (upload-client bench) summary:"; tail -25 "$OUT/isolation-storm.log"; } | tee -a "$OUT/isolation.txt"
