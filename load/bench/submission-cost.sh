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

: "${COST_SUBMISSIONS:=150}" "${COST_RATE:=15}" "${COST_WARM_UP:=60}" "${COST_OFFICES:=SOETTA,JKTSEL,BDG}"
BENCH_NAME=submission-cost
source "$(dirname "${BASH_SOURCE[0]}")/prepared-applicants.sh"
[[ -f "$RUN/secrets/billing-atm" ]] || die "no payment channel secret in $RUN/secrets" 2
# its own date, far from real bookings; removed at the end
bench_release_quota "$(date -u -d '+203 days' +%F)" "$COST_OFFICES" $((COST_WARM_UP + COST_SUBMISSIONS))

CONFIG="$OUT/submission-cost.properties"
{ bench_applicant_properties "$COST_OFFICES" "$BENCH_DATE"; cat <<PROPS
client.address=${MPASPOR_BENCH_CLIENT_ADDRESS:-127.0.0.2}
gateway.api=$GATEWAY/api/v1
db.prefix=$DB_PREFIX
pg.host=$PGHOST
pg.port=$PGPORT
pg.user=$PGUSER
cost.submissions=$COST_SUBMISSIONS
cost.rate=$COST_RATE
cost.warm-up=$COST_WARM_UP
PROPS
} >"$CONFIG"
rm -f "$OUT/submission-cost.txt"
echo "== Gatling: SubmissionCostSimulation (log $OUT/gatling-submission-cost.log)"
(cd "$ROOT" && LOAD_CONFIG="$CONFIG" ./mvnw -B -pl load gatling:test \
    -Dgatling.simulationClass=id.go.imigrasi.mpaspor.load.SubmissionCostSimulation \
    >"$OUT/gatling-submission-cost.log" 2>&1) \
  || { grep -aE '^COST' "$OUT/gatling-submission-cost.log" >&2; tail -30 "$OUT/gatling-submission-cost.log" >&2
       die "the simulation did not finish, see $OUT/gatling-submission-cost.log"; }
[[ -s "$OUT/submission-cost.txt" ]] || die "no figures, see $OUT/gatling-submission-cost.log"
grep -aE '^COST (phase|prepar)' "$OUT/gatling-submission-cost.log" || true
cat "$OUT/submission-cost.txt"
