#!/bin/sh
# One login role per service, owner of its own database only (runs after init.sql, on the first start of an empty
# data volume). A service's password opens its database and no other; the superuser's stays with PostgreSQL.
set -eu
# ops last: the compose healthcheck waits for its role
for db in account application quota billing biometric upload ops; do
  var="MPASPOR_DB_PASSWORD_$(echo "$db" | tr '[:lower:]' '[:upper:]')"
  pw="$(printenv "$var" || true)"
  [ -n "$pw" ] || { echo "set $var (the $db-service's database password)" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v db="$db" -v pw="$pw" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
ALTER DATABASE :"db" OWNER TO :"db";
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
SQL
done
