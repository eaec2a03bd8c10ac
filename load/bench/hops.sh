#!/usr/bin/env bash
# Where the time of submit -> billing code visible goes, hop by hop, from the databases' own timestamps (outbox
# created_at / sent_at, inbox received_at) of the applications submitted in the last N minutes (default 15):
#   load/bench/hops.sh [minutes]
# Needs the stack's databases (MPASPOR_DB_PREFIX honoured) and python3. Prints p50/p95/p99 per hop in ms.
set -euo pipefail
MINUTES="${1:-15}"
P="${MPASPOR_DB_PREFIX:-}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
q() { psql -d "$1" -qtAX -F, -c "$2"; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
since="now() - interval '$MINUTES minutes'"
# application: ApplicationSubmitted written / sent; billing: its inbox, BillingIssued written / sent; application: its inbox
q "${P}application" "SELECT id, aggregate_id, extract(epoch from created_at), extract(epoch from sent_at) FROM outbox
  WHERE type LIKE '%ApplicationSubmitted%' AND created_at > $since AND sent_at IS NOT NULL" >"$tmp/submitted"
q "${P}billing" "SELECT event_id, extract(epoch from received_at) FROM inbox WHERE consumer = 'billing'
  AND received_at > $since" >"$tmp/billing_in"
q "${P}billing" "SELECT id, aggregate_id, extract(epoch from created_at), extract(epoch from sent_at) FROM outbox
  WHERE type LIKE '%BillingIssued%' AND created_at > $since AND sent_at IS NOT NULL" >"$tmp/issued"
q "${P}application" "SELECT event_id, extract(epoch from received_at) FROM inbox WHERE consumer = 'application-billing'
  AND received_at > $since" >"$tmp/app_in"
python3 - "$tmp" <<'PY'
import csv, sys, os
d = sys.argv[1]
def rows(name): return list(csv.reader(open(os.path.join(d, name))))
sub = {r[1]: (r[0], float(r[2]), float(r[3])) for r in rows("submitted")}
bin_ = {r[0]: float(r[1]) for r in rows("billing_in")}
iss = {r[1]: (r[0], float(r[2]), float(r[3])) for r in rows("issued")}
ain = {r[0]: float(r[1]) for r in rows("app_in")}
hops = {k: [] for k in ["1 application relay (outbox written -> sent)", "2 into billing's consumer (sent -> inbox)",
                        "3 billing issues the bill (inbox -> outbox written)", "4 billing relay (written -> sent)",
                        "5 into application's consumer (sent -> inbox)", "= submitted (outbox) -> BillingIssued applied"]}
for app, (eid, c1, s1) in sub.items():
    if eid not in bin_ or app not in iss: continue
    beid, c2, s2 = iss[app]
    if beid not in ain: continue
    v = [s1 - c1, bin_[eid] - s1, c2 - bin_[eid], s2 - c2, ain[beid] - s2, ain[beid] - c1]
    for k, x in zip(hops, v): hops[k].append(x * 1000)
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]
print(f"applications followed through every hop: {len(hops['= submitted (outbox) -> BillingIssued applied'])}")
for k, xs in hops.items():
    if xs: print(f"  {k:55s} p50/p95/p99 {pct(xs,50):8.0f} {pct(xs,95):8.0f} {pct(xs,99):8.0f} ms")
PY
