#!/usr/bin/env python3
"""Adds ONS codes, types, regions and the years each authority existed to data/areas.csv.

Run once when the ONS extract changes: python3 scripts/ons-areas.py ../shared/data/ons-local-indicators
Existing rows keep their code (the slug that URLs and returns use) and gain their ONS code; authorities the
app did not hold yet (the unitaries created 2019-2023, the City of London, the Isles of Scilly, England and the
regions) are added with the ONS code as their code. Names and codes come from the ONS extract's areas.csv;
the boundary changes are the ones its README records (each takes effect on 1 April of the year shown).
"""
import csv
import sys

ons_dir = sys.argv[1]
ons = list(csv.DictReader(open(f"{ons_dir}/areas.csv", encoding="utf-8")))

# code -> (first financial year, last financial year) for authorities created or abolished 2019-2023.
LIFESPANS = {
    "E06000028": (None, 2018), "E06000029": (None, 2018), "E10000009": (None, 2018),
    "E06000058": (2019, None), "E06000059": (2019, None),
    "E10000002": (None, 2019), "E06000060": (2020, None),
    "E10000021": (None, 2020), "E06000061": (2021, None), "E06000062": (2021, None),
    "E10000006": (None, 2022), "E10000023": (None, 2022), "E10000027": (None, 2022),
    "E06000063": (2023, None), "E06000064": (2023, None), "E06000065": (2023, None), "E06000066": (2023, None),
}
# The successor unitaries share their county's name in the ONS data; area names are unique, so they take the
# council's own name.
NEW_NAMES = {"E06000059": "Dorset Council", "E06000060": "Buckinghamshire Council",
             "E06000065": "North Yorkshire Council", "E06000066": "Somerset Council"}
# Upper-tier authorities of the East Midlands (the home council's region), for the region comparator group.
EAST_MIDLANDS = {"E06000015", "E06000016", "E06000017", "E06000018", "E10000007", "E10000018", "E10000019",
                 "E10000021", "E10000024", "E06000061", "E06000062"}
REGIONS = {"E12000001": "North East", "E12000002": "North West", "E12000003": "Yorkshire and The Humber",
           "E12000004": "East Midlands", "E12000005": "West Midlands", "E12000006": "East of England",
           "E12000007": "London", "E12000008": "South East", "E12000009": "South West", "E92000001": "England"}
TYPES = {"E10": "county", "E06": "unitary", "E08": "metropolitan district", "E09": "london borough"}
ALIASES = {"Isle of Wight Council": "Isle of Wight"}

by_name = {}
for r in ons:
    if r["ons_code"] in NEW_NAMES:
        continue
    by_name.setdefault(r["name"], r)

rows = []
held = set()
for r in csv.DictReader(open("data/areas.csv", encoding="utf-8")):
    match = by_name[ALIASES.get(r["name"], r["name"])]
    rows.append({"code": r["code"], "ons_code": match["ons_code"], "name": r["name"]})
    held.add(match["ons_code"])
for r in ons:
    if r["ons_code"] not in held:
        rows.append({"code": r["ons_code"], "ons_code": r["ons_code"], "name": NEW_NAMES.get(r["ons_code"], r["name"])})
for code, name in REGIONS.items():
    rows.append({"code": code, "ons_code": code, "name": name})

out = csv.DictWriter(open("data/areas.csv", "w", encoding="utf-8", newline=""),
                     ["code", "ons_code", "name", "authority_type", "region", "first_year", "last_year"], lineterminator="\n")
out.writeheader()
for r in rows:
    code = r["ons_code"]
    first, last = LIFESPANS.get(code, (None, None))
    out.writerow({**r,
                  "authority_type": TYPES.get(code[:3], "region" if code.startswith("E12") else "country"),
                  "region": "East Midlands" if code in EAST_MIDLANDS else "",
                  "first_year": first or "", "last_year": last or ""})
