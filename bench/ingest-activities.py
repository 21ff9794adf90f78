#!/usr/bin/env python3
"""Writes N valid `activities` rows as NDJSON (one JSON object per line) for the ingestion benchmark.

Usage: ingest-activities.py ROWS VILLAGE_CODES_FILE [ID_PREFIX] > rows.ndjson
Ids are <ID_PREFIX>-<n> (default BENCH), so re-running the benchmark with the same prefix finds the rows unchanged.
"""
import json
import random
import sys

TYPES = [("road", "m"), ("drainage", "m"), ("water", "unit"), ("sanitation", "unit"), ("waste", "unit"),
         ("fire", "unit"), ("open_space", "m2"), ("housing", "unit"), ("capacity", "person"), ("livelihood", "kk")]
STATUSES = ["planned", "ongoing", "completed"]


def row(n, villages, rnd, prefix):
    kind, unit = TYPES[n % len(TYPES)]
    status = STATUSES[n % len(STATUSES)]
    bpm, apbd, swadaya = rnd.randrange(10, 300) * 1_000_000, rnd.randrange(0, 50) * 1_000_000, rnd.randrange(0, 5) * 1_000_000
    budget = bpm + apbd + swadaya
    village = villages[n % len(villages)]
    workers = rnd.randrange(5, 60)
    return {
        "id": f"{prefix}-{n}", "village": village, "fiscalYear": 2016 + n % 10, "type": kind,
        "name": f"Benchmark {kind} works {n}", "status": status,
        "physicalProgress": 100 if status == "completed" else (0 if status == "planned" else 55.5),
        "outputVolume": rnd.randrange(1, 900), "outputUnit": unit,
        "startDate": "2021-03-01", "endDate": "2021-06-30",
        "budgetIdr": budget, "disbursedIdr": budget // 2,
        "costBpmIdr": bpm, "costApbdIdr": apbd, "costCsrIdr": 0, "costSwadayaIdr": swadaya, "costOtherIdr": 0,
        "beneficiaryHouseholds": rnd.randrange(10, 400), "beneficiaryPeople": 1000, "beneficiaryWomen": 480,
        "labourWorkers": workers, "labourWomen": workers // 4, "labourPersonDays": workers * 30,
        "labourDailyWageIdr": 120_000, "labourWagesIdr": workers * 30 * 120_000,
        "location": {"type": "Point", "coordinates": [round(116.8 + rnd.random(), 6), round(-1.3 + rnd.random(), 6)]},
    }


def main():
    rows = int(sys.argv[1])
    with open(sys.argv[2]) as f:
        villages = [line.strip() for line in f if line.strip()]
    prefix = sys.argv[3] if len(sys.argv) > 3 else "BENCH"
    rnd = random.Random(20161)
    out = sys.stdout
    for n in range(rows):
        out.write(json.dumps(row(n, villages, rnd, prefix), separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
