#!/usr/bin/env python3
"""Prints a pgbench script running the service's own hold statement for ONE hold of one place, with a fresh hold id,
account and NIK per transaction. The statement comes on stdin as the service prints it (SlotTaker.main: exactly the
text the service prepares, the shared predicate and the platform's outbox INSERT included, so the baseline can never
drift from what the service runs).

    java -cp 'quota-service/target/quarkus-app/app/*:quota-service/target/quarkus-app/lib/main/*' \\
        id.go.imigrasi.mpaspor.quota.repository.SlotTaker | hold-statement.py hot|spread OFFICE[,OFFICE..] FROM DAYS
"""
import re
import sys

kind, offices, start, days = sys.argv[1], sys.argv[2].split(","), sys.argv[3], int(sys.argv[4])
sql = sys.stdin.read().strip()
if not sql.startswith("WITH"):
    sys.exit("no hold statement on stdin")
if kind == "hot":
    office, date, session = f"'{offices[0]}'", f"DATE '{start}'", "'MORNING'"
else:
    office = "(ARRAY[" + ",".join(f"'{o}'" for o in offices) + "])[CAST(:o AS integer)]"
    date, session = f"(DATE '{start}' + CAST(:d AS integer))", "(ARRAY['MORNING','AFTERNOON'])[CAST(:s AS integer)]"
# SlotTaker's parameters: the requests ($1-$11), the hold's expiry and creation ($12, $13), then the SlotHeld outbox
# rows as the platform's OutboxRow.insertSql reads them ($14-$20: id, aggregate id, type, topic, source, payload, time)
params = {1: "ARRAY[gen_random_uuid()]", 2: "ARRAY[CAST(gen_random_uuid() AS text)]", 3: f"ARRAY[{office}]",
          4: f"ARRAY[{date}]", 5: "ARRAY['REGULAR']", 6: f"ARRAY[{session}]", 7: "ARRAY['ORDINARY']", 8: "ARRAY[1]",
          9: "ARRAY[lpad(CAST(:nik AS text), 16, '0')]", 10: "ARRAY[CAST(NULL AS text)]",
          11: "ARRAY[CAST(NULL AS text)]", 12: "now() + interval '15 minutes'", 13: "now()",
          14: "ARRAY[gen_random_uuid()]", 15: "ARRAY['bench']", 16: "ARRAY['mpaspor.quota.SlotHeld.v1']",
          17: "ARRAY['quota.events']", 18: "ARRAY['/mpaspor/quota-service']", 19: "ARRAY[repeat('x', 300)]",
          20: "ARRAY[now()]"}
sql = re.sub(r"\$(\d+)(::\w+\[\])?", lambda m: params[int(m.group(1))] + (m.group(2) or ""), sql)
print("\\set nik random(1, 9999999999999999)")
print(f"\\set o random(1, {len(offices)})")
print(f"\\set d random(0, {days - 1})")
print("\\set s random(1, 2)")
print(sql + ";")
