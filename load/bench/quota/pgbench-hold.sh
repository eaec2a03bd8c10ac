#!/usr/bin/env bash
# pgbench with quota-service's hold statements (CapacityRepository.TAKE, SlotTaker.TAKE_BATCH), the raw limits a hold
# is compared with.
# Shared by load/bench/quota/run.sh and load/bench.sh. The capacity rows must exist in DB.
#
#   pgbench-hold.sh DB KIND CLIENTS SECONDS OFFICE[,OFFICE..] FROM DAYS WORKDIR
#     KIND hot:        every transaction takes one place of OFFICE / FROM / REGULAR MORNING (one hot row)
#     KIND spread:     a random office of the list, day FROM + 0..DAYS-1, MORNING or AFTERNOON
#     KIND hot_outbox: as hot, plus one outbox row in the same transaction (needs the platform's outbox table)
#     KIND hold_hot, hold_spread: the service's whole hold statement (SlotTaker.TAKE_BATCH: capacity, hold, NIK,
#                      outbox row) for one hold per transaction, on the hot row / spread as above
# CLIENTS is lowered to what the shared server's max_connections still allows (the figure says how many ran).
# Prints: PGBENCH <kind> clients=<n> <tps> tx/s, p50=<ms>ms p99=<ms>ms
set -euo pipefail
DB=$1; KIND=$2; CLIENTS=$3; SECONDS_=$4; OFFICES=$5; FROM=$6; DAYS=$7; WORK=$8
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}

# (pgbench's prepared parameters are untyped: the casts give them the types the service binds)
# CapacityRepository.TAKE: the conditional UPDATE with the one predicate of the rule (slot_bookable, migration V50)
TAKE="UPDATE capacity c SET held = c.held + CAST(:places AS integer) WHERE office_code = %s AND date = %s AND service = 'REGULAR' AND session = %s AND slot_bookable(c, CAST(:places AS integer), false);"
case "$KIND" in
    hot) { echo '\set places 1'; printf "$TAKE\n" "'$OFFICES'" "DATE '$FROM'" "'MORNING'"; } > "$WORK/$KIND.sql" ;;
    spread)
        COUNT=$(echo "$OFFICES" | tr ',' '\n' | wc -l)
        ARRAY="ARRAY['${OFFICES//,/\',\'}']"
        { echo '\set places 1'; echo "\\set o random(1, $COUNT)"; echo "\\set d random(0, $((DAYS - 1)))"; echo '\set s random(1, 2)';
          printf "$TAKE\n" "($ARRAY)[CAST(:o AS integer)]" "DATE '$FROM' + CAST(:d AS integer)" "(ARRAY['MORNING','AFTERNOON'])[CAST(:s AS integer)]"; } > "$WORK/$KIND.sql" ;;
    hot_outbox)
        # The platform's outbox trigger NOTIFYs on every commit that wrote an event; PostgreSQL serializes such commits.
        { echo 'BEGIN;'; printf "$TAKE\n" "'$OFFICES'" "DATE '$FROM'" "'MORNING'" | sed 's/:places/1/g';
          echo "INSERT INTO outbox (id, aggregate_id, type, topic, source, payload) VALUES (gen_random_uuid(), 'bench', 'bench', 'bench.events', '/bench', repeat('x', 300));";
          echo 'COMMIT;'; } > "$WORK/$KIND.sql" ;;
    hold_hot|hold_spread)
        APP="$(dirname "$0")/../../../quota-service/target/quarkus-app"
        [ -d "$APP" ] || { echo "no $APP: build quota-service first (./mvnw -B -pl quota-service -am package -DskipTests)" >&2; exit 1; }
        java -cp "$APP/app/*:$APP/lib/main/*" id.go.imigrasi.mpaspor.quota.repository.SlotTaker \
            | python3 "$(dirname "$0")/hold-statement.py" "${KIND#hold_}" "$OFFICES" "$FROM" "$DAYS" > "$WORK/$KIND.sql" ;;
    *) echo "unknown kind $KIND" >&2; exit 2 ;;
esac
MODE=(-M prepared); [ "$KIND" = hot_outbox ] && MODE=()
FREE=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -Atc "SELECT current_setting('max_connections')::int
    - current_setting('superuser_reserved_connections')::int - count(*) - 2 FROM pg_stat_activity")
[ "$FREE" -lt "$CLIENTS" ] && CLIENTS=$((FREE < 1 ? 1 : FREE))
( cd "$WORK" && pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -n "${MODE[@]}" -c "$CLIENTS" -j 2 -T "$SECONDS_" \
    -l --log-prefix="pgb_$KIND" -f "$KIND.sql" "$DB" > "pgbench_$KIND.out" 2>&1 ) \
    || { echo "pgbench $KIND failed:" >&2; tail -5 "$WORK/pgbench_$KIND.out" >&2; exit 1; }
TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench_$KIND.out" | head -1)
sort -n -k3,3 <(cat "$WORK"/pgb_"$KIND".*) | awk -v name="$KIND" -v tps="$TPS" -v clients="$CLIENTS" '{ l[NR] = $3 } END {
    printf "PGBENCH %-8s clients=%s %.0f tx/s, p50=%.1fms p99=%.1fms\n", name, clients, tps,
        l[int(NR * 0.50)] / 1000, l[int(NR * 0.99)] / 1000 }'
