#!/usr/bin/env bash
# quota-service hold benchmark. Starts a scratch Kafka broker (non-default ports), a scratch database on the local
# PostgreSQL, the packaged service, then drives it with HoldBench.java and runs pgbench with the same hold
# statement as the baseline, in the same run. Loopback only; everything it started stops when it ends.
#
#   ./mvnw -B -pl quota-service -am package -DskipTests     # once, builds quota-service/target/quarkus-app
#   load/bench/quota/run.sh
#
# Tunables (environment): CONCURRENCY (128), WARMUP_REQUESTS (8000), HOT_CAPACITY (2000), HOT_REQUESTS (4000), SPREAD_REQUESTS (6000),
# PACED_RATE (1000), PACED_SECONDS (5), PGBENCH_CLIENTS (32), PGBENCH_SECONDS (10), PGHOST/PGPORT/PGUSER,
# SERVICE_OPTS (extra JVM options of the service, e.g. JFR: "-XX:StartFlightRecording=filename=/tmp/q.jfr,settings=profile").
# The closed loops send a shed hold (503) again at once: with the default adaptive admission they measure the shedding;
# SERVICE_OPTS="-Dmpaspor.quota.admission.target-latency=PT0S" fixes the limit (256 in flight) to measure the hold path.
# After every service run a CPU line splits the CPU seconds of the timed section between the service, the load
# generator, PostgreSQL (all its processes) and the broker, and a DB line counts transactions and rows per hold.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BENCH="$ROOT/load/bench/quota/HoldBench.java"
JAR="$ROOT/quota-service/target/quarkus-app/quarkus-run.jar"
LIBS="$ROOT/local-stack/target/kafka-libs"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19192}; CONTROLLER_PORT=$((KAFKA_PORT + 1)); HTTP_PORT=${BENCH_HTTP_PORT:-18083}
CONCURRENCY=${CONCURRENCY:-128}; HOT_CAPACITY=${HOT_CAPACITY:-2000}; HOT_REQUESTS=${HOT_REQUESTS:-4000}
SPREAD_REQUESTS=${SPREAD_REQUESTS:-6000}; PACED_RATE=${PACED_RATE:-1000}; PACED_SECONDS=${PACED_SECONDS:-5}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}; PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}; WARMUP_REQUESTS=${WARMUP_REQUESTS:-8000}
DB="quota_bench_$(date +%s)_$$"
WORK=$(mktemp -d /tmp/quota-bench.XXXXXX)
SERVICE_PID=""; KAFKA_PID=""

[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B -pl quota-service -am package -DskipTests first" >&2; exit 1; }
[ -d "$LIBS" ] || { echo "no $LIBS: build local-stack first (the package command above does)" >&2; exit 1; }

SERVICE_OPTS=${SERVICE_OPTS:-}
psql_db() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -Atq -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
    set +e
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null
    [ -n "$KAFKA_PID" ] && kill "$KAFKA_PID" 2>/dev/null && wait "$KAFKA_PID" 2>/dev/null
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

wait_for() {  # description, seconds, command...
    local what=$1 seconds=$2; shift 2
    for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
    echo "$what did not come up; logs in $WORK" >&2; tail -50 "$WORK"/*.log >&2; exit 1
}

dbstats() { psql_db -F' ' -c "SELECT xact_commit + xact_rollback, tup_inserted, tup_updated, tup_fetched FROM pg_stat_database WHERE datname = current_database()"; }
measured() {  # name, command...: a load-generator run, then what the database did meanwhile (per 201 answer)
    local name=$1; shift
    export CPU_PIDS="service=$SERVICE_PID kafka=$KAFKA_PID"
    local before after
    before=$(dbstats)
    "$@" | tee "$WORK/$name.out"
    sleep 1; after=$(dbstats)   # the stats collector lags the commits a little
    local holds; holds=$(sed -n 's/.* holds=\([0-9]*\) .*/\1/p' "$WORK/$name.out")
    echo "$before $after $holds" | awk -v name="$name" '{ h = $9 > 0 ? $9 : 1
        printf "DB %-8s per hold (incl. refused requests and the relay): %.2f transactions, %.2f rows inserted, %.2f updated, %.1f fetched\n",
            name, ($5 - $1) / h, ($6 - $2) / h, ($7 - $3) / h, ($8 - $4) / h }'
}

echo "== scratch Kafka on 127.0.0.1:$KAFKA_PORT, database $DB, service on :$HTTP_PORT"
cat > "$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$WORK/kafka-data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
CLUSTER_ID=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
java -cp "$LIBS/*" kafka.tools.StorageTool format --standalone --cluster-id="$CLUSTER_ID" \
    --config "$WORK/server.properties" > "$WORK/kafka-format.log" 2>&1
java -Xmx512m -cp "$LIBS/*" kafka.Kafka "$WORK/server.properties" > "$WORK/kafka.log" 2>&1 &
KAFKA_PID=$!
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE $DB"
java "$BENCH" keys "$WORK"
wait_for "Kafka" 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$KAFKA_PORT"

# shellcheck disable=SC2086
MPASPOR_WAITING_ROOM_SECRET="$(head -c 32 /dev/urandom | base64)" java -Xmx512m $SERVICE_OPTS -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    -Dquarkus.datasource.reactive.url="postgresql://$PGHOST:$PGPORT/$DB" \
    -Dquarkus.datasource.username="$PGUSER" -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" \
    -Dmp.jwt.verify.publickey.location="file://$WORK/public.pem" \
    -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$HTTP_PORT"
wait_for "quota-service" 120 curl -fs "$BASE/q/health/ready"

SPREAD_OFFICES=JKTSEL,JKTPUS,JKTUTR,JKTBAR,JKTTIM,TGR,BKS,DPK,BGR,BDG,SMG,YGY,SBY,MLG,MDN,PLM,MKS,DPS,BPN,DJJ
SPREAD_FROM=$(date -u -d "+30 days" +%F); HOT_DATE=$(date -u -d "+45 days" +%F); WARM_FROM=$(date -u -d "+50 days" +%F)
WARM_FULL_DATE=$(date -u -d "+46 days" +%F)
for office in ${SPREAD_OFFICES//,/ }; do java "$BENCH" setup "$BASE" "$WORK" "$office" 100000 "$SPREAD_FROM" 5; done
java "$BENCH" setup "$BASE" "$WORK" SOETTA "$HOT_CAPACITY" "$HOT_DATE" 1
java "$BENCH" setup "$BASE" "$WORK" SOETTA 50 "$WARM_FULL_DATE" 1   # a small slot: the warm-up's quota-full answers
java "$BENCH" setup "$BASE" "$WORK" NGR 100000 "$WARM_FROM" 5

# quota-service holds only NIKs of an account's applicants (its projection of application-service's ApplicantsChanged):
# each run's accounts and NIKs (HoldBench.applicant) are loaded into that projection first, as the events would
seed_applicants() {
    java "$BENCH" applicants "$1" "$2" > "$WORK/applicants-$1.csv"
    psql_db <<SQL
CREATE TEMP TABLE seed (account TEXT, nik TEXT);
\copy seed FROM '$WORK/applicants-$1.csv' CSV
INSERT INTO application_applicants (application_id, account_id, changed_at) SELECT account, account, now() FROM seed;
INSERT INTO applicant_nik (application_id, account_id, nik) SELECT account, account, nik FROM seed;
SQL
}
seed_applicants warmup "$WARMUP_REQUESTS"; seed_applicants warmfull 2000; seed_applicants hot "$HOT_REQUESTS"
seed_applicants spread "$SPREAD_REQUESTS"; seed_applicants paced $((PACED_RATE * PACED_SECONDS))

echo "== service: holds over HTTP (each from its own account and NIK)"
# The JIT compiles the hold path during the first thousands of requests (measured: the compiler threads took as much
# CPU as the event loops during a 1,500-request warm-up), so warm up both answers before measuring anything.
java "$BENCH" closed "$BASE" "$WORK" warmup "$WARMUP_REQUESTS" "$CONCURRENCY" NGR "$WARM_FROM" 5 | sed 's/^/(warm-up) /'
java "$BENCH" closed "$BASE" "$WORK" warmfull 2000 "$CONCURRENCY" SOETTA "$WARM_FULL_DATE" 1 | sed 's/^/(warm-up) /'
measured hot java "$BENCH" closed "$BASE" "$WORK" hot "$HOT_REQUESTS" "$CONCURRENCY" SOETTA "$HOT_DATE" 1
measured spread java "$BENCH" closed "$BASE" "$WORK" spread "$SPREAD_REQUESTS" "$CONCURRENCY" "$SPREAD_OFFICES" "$SPREAD_FROM" 5
measured paced java "$BENCH" paced "$BASE" "$WORK" paced "$PACED_RATE" "$PACED_SECONDS" "$SPREAD_OFFICES" "$SPREAD_FROM" 5

HOT_HOLDS=$(sed -n 's/.* holds=\([0-9]*\) .*/\1/p' "$WORK/hot.out")
HOT_HELD=$(psql_db -c "SELECT held FROM capacity WHERE office_code = 'SOETTA' AND date = '$HOT_DATE' AND service = 'REGULAR' AND session = 'MORNING'")
OVERBOOKED=$(psql_db -c "SELECT count(*) FROM capacity WHERE held > capacity")
HELD_TOTAL=$(psql_db -c "SELECT sum(held) FROM capacity")
HOLD_ROWS=$(psql_db -c "SELECT count(*) FROM hold WHERE status = 'HELD'")
echo "== correctness"
echo "hot slot: capacity=$HOT_CAPACITY successes=$HOT_HOLDS held(db)=$HOT_HELD -> $( [ "$HOT_HOLDS" = "$HOT_CAPACITY" ] && [ "$HOT_HELD" = "$HOT_CAPACITY" ] && echo 'equal' || echo 'NOT EQUAL')"
echo "overbooked capacity rows: $OVERBOOKED; places held in all rows: $HELD_TOTAL; active hold rows: $HOLD_ROWS"

# the service is done: its connections go back to the server before pgbench opens its own
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
echo "== pgbench, same database, ${PGBENCH_SECONDS}s each: the conditional UPDATE alone (CapacityRepository.TAKE), then the"
echo "   service's whole hold statement (SlotTaker.TAKE_BATCH), one hold per transaction"
psql_db -c "UPDATE capacity SET capacity = 100000000 WHERE office_code = 'SOETTA' AND date = '$HOT_DATE'"
psql_db -c "UPDATE capacity SET capacity = 100000000 WHERE office_code IN ('${SPREAD_OFFICES//,/','}')"
for kind in hot spread; do
    office=SOETTA; from=$HOT_DATE; days=1
    [ "$kind" = spread ] && { office=$SPREAD_OFFICES; from=$SPREAD_FROM; days=5; }
    "$ROOT/load/bench/quota/pgbench-hold.sh" "$DB" "$kind" "$PGBENCH_CLIENTS" "$PGBENCH_SECONDS" "$office" "$from" "$days" "$WORK"
done
for kind in hold_hot hold_spread; do
    office=SOETTA; from=$HOT_DATE; days=1
    [ "$kind" = hold_spread ] && { office=$SPREAD_OFFICES; from=$SPREAD_FROM; days=5; }
    "$ROOT/load/bench/quota/pgbench-hold.sh" "$DB" "$kind" "$PGBENCH_CLIENTS" "$PGBENCH_SECONDS" "$office" "$from" "$days" "$WORK"
done
OUTBOX=$("$ROOT/load/bench/quota/pgbench-hold.sh" "$DB" hot_outbox "$PGBENCH_CLIENTS" "$PGBENCH_SECONDS" SOETTA "$HOT_DATE" 1 "$WORK" || true)
echo "PGBENCH hot+outbox (the statement plus one outbox row, one transaction) $(echo "$OUTBOX" | sed -n 's/.* \([0-9]*\) tx\/s.*/\1/p') tx/s"
echo "== service log: $(grep -c '"level":"ERROR"' "$WORK/service.log" || true) ERROR lines"
