#!/usr/bin/env bash
# Cost per operation (issue 20): CPU-ms of the whole stack (every process 'up' started, and PostgreSQL) per answer,
# through the gateway, each beside its same-run baseline: an authenticated read of an application with a known token
# against the same read with a new token each time (each hop verifying RS256 anew), and a request refused at the
# gateway's per-address limit. Needs the system started by './mpaspor up' (MPASPOR_RUN_DIR / MPASPOR_PORT_OFFSET
# honoured as in the launcher). Builds the load module without installing anything; stops by itself (~2.5 minutes).
#
#   load/bench/cost.sh          (tunables: COST_ACCOUNTS=40 COST_READS=100 COST_REFUSED=30000 COST_REFUSED_WARM_UP=20000)
#
# Prints the COST lines on stdout and in load/target/cost.txt. The applications it creates stay (drafts, no quota).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/load/target"
RUN="${MPASPOR_RUN_DIR:-$ROOT/.run}"
OFFSET="${MPASPOR_PORT_OFFSET:-0}"
: "${COST_ACCOUNTS:=40}" "${COST_READS:=100}" "${COST_REFUSED:=30000}" "${COST_REFUSED_WARM_UP:=20000}"
GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
die() { printf 'cost: %s\n' "$1" >&2; exit "${2:-1}"; }
curl -fsS --max-time 3 "$GATEWAY/api/v1/offices" >/dev/null 2>&1 \
  || die "the system is not running ($GATEWAY does not answer): start it with ./mpaspor up first" 2
[[ -f "$RUN/keys/private.pem" ]] || die "no keys in $RUN" 2
# the per-address bucket the gateway really has, spent before the refused phase
PER_IP="$(sed -n 's/^mpaspor.gateway.rate-limits.per-ip.capacity=//p' "$ROOT/gateway/src/main/resources/application.properties")"

mkdir -p "$OUT"
CONFIG="$OUT/cost.properties"
cat >"$CONFIG" <<PROPS
application.url=$GATEWAY/api/v1
quota.url=$GATEWAY/api/v1
results.dir=$OUT
run.dir=$RUN
jwt.key=$RUN/keys/private.pem
jwt.issuer=${MPASPOR_JWT_ISSUER:-https://mpaspor.imigrasi.go.id}
client.address=${MPASPOR_BENCH_CLIENT_ADDRESS:-127.0.0.2}
cost.accounts=$COST_ACCOUNTS
cost.reads=$COST_READS
cost.refused=$COST_REFUSED
cost.refused-warm-up=$COST_REFUSED_WARM_UP
cost.per-ip-capacity=${PER_IP:-300}
PROPS
rm -f "$OUT/cost.txt"
echo "== Gatling: OperationCostSimulation (log $OUT/gatling-cost.log)"
(cd "$ROOT" && LOAD_CONFIG="$CONFIG" ./mvnw -B -pl load gatling:test \
    -Dgatling.simulationClass=id.go.imigrasi.mpaspor.load.OperationCostSimulation >"$OUT/gatling-cost.log" 2>&1) \
  || { tail -40 "$OUT/gatling-cost.log" >&2; die "the simulation did not finish, see $OUT/gatling-cost.log"; }
[[ -s "$OUT/cost.txt" ]] || { grep -m3 -E 'ERROR|Exception' "$OUT/gatling-cost.log" >&2; die "no figures, see $OUT/gatling-cost.log"; }
cat "$OUT/cost.txt"
