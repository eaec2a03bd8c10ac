#!/usr/bin/env python3
"""Prints a pgbench script running the service's own hold statement (SlotTaker.TAKE_BATCH, read from the source so
the baseline can never drift from what the service runs) for ONE hold of one place, with a fresh hold id, account
and NIK per transaction.

    hold-statement.py SlotTaker.java hot|spread OFFICE[,OFFICE..] FROM DAYS
"""
import re
import sys

source, kind, offices, start, days = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4], int(sys.argv[5])
text = open(source).read()
block = text[text.index("static final String TAKE_BATCH ="):]
block = block[:block.index('";\n') + 2]
lines = [line for line in block.split("\n") if not line.strip().startswith("//")]
sql = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', "\n".join(lines)))
if kind == "hot":
    office, date, session = f"'{offices[0]}'", f"DATE '{start}'", "'MORNING'"
else:
    office = "(ARRAY[" + ",".join(f"'{o}'" for o in offices) + "])[CAST(:o AS integer)]"
    date, session = f"(DATE '{start}' + CAST(:d AS integer))", "(ARRAY['MORNING','AFTERNOON'])[CAST(:s AS integer)]"
params = {1: "ARRAY[gen_random_uuid()]", 2: "ARRAY[CAST(gen_random_uuid() AS text)]", 3: f"ARRAY[{office}]",
          4: f"ARRAY[{date}]", 5: "ARRAY['REGULAR']", 6: f"ARRAY[{session}]", 7: "ARRAY['ORDINARY']", 8: "ARRAY[1]",
          9: "ARRAY[lpad(CAST(:nik AS text), 16, '0')]", 10: "ARRAY[gen_random_uuid()]", 11: "ARRAY[repeat('x', 300)]",
          12: "now() + interval '15 minutes'", 13: "now()", 14: "'mpaspor.quota.SlotHeld.v1'", 15: "'quota.events'",
          16: "'/quota-service'"}
sql = re.sub(r"\$(\d+)(::\w+\[\])?", lambda m: params[int(m.group(1))] + (m.group(2) or ""), sql)
print("\\set nik random(1, 9999999999999999)")
print(f"\\set o random(1, {len(offices)})")
print(f"\\set d random(0, {days - 1})")
print("\\set s random(1, 2)")
print(sql + ";")
