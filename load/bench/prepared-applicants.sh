# Sourced by the benchmarks that bring applicants to the point of submission through the running stack
# (SteadyStatePreparation): upload-isolation.sh and submission-cost.sh. Sets ROOT OUT RUN OFFSET DB_PREFIX, the
# services' URLs, the PostgreSQL environment and CP (the load module's class path), and gives:
#   bench_release_quota NAME DATE OFFICES PLACES   releases PLACES places in all at OFFICES (comma-separated) on DATE
#                                                  (a date of the benchmark's own), removed again when the script exits
#   bench_applicant_properties OFFICES DATE        the properties SteadyStatePreparation reads, on stdout
# NAME is the calling benchmark's name, for its messages.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/load/target"
RUN="${MPASPOR_RUN_DIR:-$ROOT/.run}"
OFFSET="${MPASPOR_PORT_OFFSET:-0}"
DB_PREFIX="${MPASPOR_DB_PREFIX:-}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
ACCOUNT="http://127.0.0.1:$((8081 + OFFSET))"
APPLICATION="http://127.0.0.1:$((8082 + OFFSET))"
QUOTA="http://127.0.0.1:$((8083 + OFFSET))"
UPLOAD="http://127.0.0.1:$((8088 + OFFSET))"
DUKCAPIL="http://127.0.0.1:$((8091 + OFFSET))"
BENCH_NAME="${BENCH_NAME:-bench}"
die() { printf '%s: %s\n' "$BENCH_NAME" "$1" >&2; exit "${2:-1}"; }
ready() { [[ "$(curl -fsS --max-time 3 "$1/q/health/ready" 2>/dev/null)" == *'"UP"'* ]]; }
for svc in "$ACCOUNT" "$APPLICATION" "$QUOTA" "$UPLOAD"; do
  ready "$svc" || die "the system is not running ($svc is not ready): start it with ./mpaspor up first" 2
done
[[ -f "$RUN/secrets/admin-password" && -f "$RUN/keys/private.pem" ]] || die "no secrets/keys in $RUN" 2

mkdir -p "$OUT"
echo "== building load (no install)"
(cd "$ROOT" && ./mvnw -B -q -pl load -am compile dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile="$OUT/$BENCH_NAME-classpath.txt" >"$OUT/$BENCH_NAME-build.log" 2>&1) \
  || { tail -30 "$OUT/$BENCH_NAME-build.log" >&2; die "build failed, see $OUT/$BENCH_NAME-build.log"; }
CP="$ROOT/load/target/classes:$(cat "$OUT/$BENCH_NAME-classpath.txt")"

bench_release_quota() { # bench_release_quota DATE OFFICES PLACES
  BENCH_DATE="$1" BENCH_OFFICES_SQL="'${2//,/\',\'}'"
  local offices; IFS=, read -r -a offices <<<"$2"
  local per_office=$(( ($3 + ${#offices[@]} - 1) / ${#offices[@]} + 1 ))
  trap bench_remove_quota EXIT
  bench_remove_quota
  echo "== releasing $per_office places per office at $2 on $1"
  java -cp "$CP" id.go.imigrasi.mpaspor.load.QuotaRelease "$ACCOUNT" "$QUOTA" admin@mpaspor.local \
    "$RUN/secrets/admin-password" "$2" "$per_office" "$1" >/dev/null
}

bench_remove_quota() {
  set +e
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "${DB_PREFIX}quota" -qtAX -c "
    DELETE FROM hold_nik WHERE hold_id IN (SELECT id FROM hold WHERE office_code IN ($BENCH_OFFICES_SQL) AND date = '$BENCH_DATE');
    DELETE FROM hold WHERE office_code IN ($BENCH_OFFICES_SQL) AND date = '$BENCH_DATE';
    DELETE FROM capacity WHERE office_code IN ($BENCH_OFFICES_SQL) AND date = '$BENCH_DATE';
    DELETE FROM quota_release WHERE office_code IN ($BENCH_OFFICES_SQL) AND from_date = to_date AND from_date = '$BENCH_DATE';" \
    >/dev/null 2>&1
  set -e
}

bench_applicant_properties() { # bench_applicant_properties OFFICES DATE
  cat <<PROPS
run=$(( $(date +%s) % 100000 ))
application.url=$APPLICATION
application.direct-url=$APPLICATION
upload.url=$UPLOAD
upload.direct-url=$UPLOAD
quota.url=$QUOTA
quota.direct-url=$QUOTA
dukcapil.url=$DUKCAPIL
spike.offices=$1
steady.date=$2
jwt.key=$RUN/keys/private.pem
jwt.issuer=${MPASPOR_JWT_ISSUER:-https://mpaspor.imigrasi.go.id}
run.dir=$RUN
results.dir=$OUT
PROPS
}
