#!/usr/bin/env python3
"""Records what ingestion answers, to compare two builds: python3 scripts/ingest-answers.py JAR OUT_FILE [DB].

Starts JAR on a fresh database of its own (DB, default kotaku_ingest_answers; dropped and recreated) with the tiny
demo dataset, which it loads through ingestion on start, then sends a fixed list of uploads (valid, invalid rows,
deletions, a replace batch, a conflict, an idempotent replay, CSV) and writes every answer (status, problem+json or
batch record) and what ingestion left behind (each batch's counts and data version, the change log, tombstones,
and the fields of the ingest report) to OUT_FILE, with what differs between two runs of one build blanked (times,
durations, request ids, the checksums of the demo's batches). Stops the portal it started (its own PID). Two builds ingest alike when their files are
equal: `diff before.txt after.txt`.
"""
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

VOLATILE = re.compile(r'"(receivedAt|committedAt|validateMillis|mergeMillis|requestId|asOf|updated|published)"\s*:\s*("[^"]*"|\d+)')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(db, sql):
    return subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                           "-d", db, "-c", sql], check=True, capture_output=True, text=True).stdout


def request(base, method, path, body=None, key=None, content_type="application/x-ndjson", headers=None):
    req = urllib.request.Request(base + path, data=body.encode() if body is not None else None, method=method)
    if key:
        req.add_header("Authorization", "Bearer " + key)
    if body is not None:
        req.add_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=120) as answer:
            return answer.status, answer.headers.get("Content-Type"), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read().decode()


# the demo generator's slum areas and assessments are not byte-stable from one start to the next (their staged
# content, hence the checksum, varies between two runs of one build): their checksums are left out
DEMO_CHECKSUM = re.compile(r'"checksum":"[0-9a-f]{64}","synthetic":true')


def blank(text):
    text = DEMO_CHECKSUM.sub('"checksum":"-","synthetic":true', text)
    return VOLATILE.sub(lambda m: '"%s":"-"' % m.group(1), text)


def wait_steady(base, pid):
    """Until the demo data are in and the data version has held still for 15 s."""
    previous, steady = None, 0
    for _ in range(120):
        if pid.poll() is not None:
            sys.exit("the portal exited")
        try:
            status, _, body = request(base, "GET", "/api/v1/changes?limit=1")
            current = json.loads(body)["dataVersion"] if status == 200 else None
        except (OSError, ValueError, KeyError):
            current = None
        steady = steady + 1 if current is not None and current == previous else 0
        if steady >= 3:
            return
        previous = current
        time.sleep(5)
    sys.exit("the demo data did not finish loading")


def activity(db, n, **changes):
    village, year = psql(db, "select village_code, fiscal_year from activity order by id limit 1").strip().split("|")
    row = {"id": "cmp-%d" % n, "village": village, "fiscalYear": int(year), "type": "road", "name": "Jalan %d" % n,
           "status": "ongoing", "physicalProgress": 40, "budgetIdr": 100000000 + n, "disbursedIdr": 5000000}
    row.update(changes)
    return row


def ndjson(rows):
    return "".join(json.dumps(row) + "\n" for row in rows)


def uploads(db):
    """The fixed list: (name, dataset, query, body, content type, extra headers)."""
    allocation = psql(db, "select allocation_id from activity where allocation_id is not null order by id desc limit 1").strip()
    slum_area = psql(db, "select slum_area_id from activity where slum_area_id is not null order by id limit 1").strip()
    region, year = psql(db, "select village_code, fiscal_year from activity order by id limit 1").strip().split("|")
    rows = [activity(db, n) for n in range(5)]
    csv = "id,village,fiscalYear,type,name,status,physicalProgress,budgetIdr\n" + "".join(
        "cmp-csv-%d,%s,%s,water,Sumur %d,planned,0,%d\n" % (n, region, year, n, 1000 + n) for n in range(3))
    return [
        ("insert five", "activities", "", ndjson(rows), "application/x-ndjson", {"Idempotency-Key": "cmp-1"}),
        ("replay under the same key", "activities", "", ndjson(rows), "application/x-ndjson", {"Idempotency-Key": "cmp-1"}),
        ("unchanged again", "activities", "", ndjson(rows), "application/x-ndjson", {}),
        ("update two, delete one", "activities", "",
         ndjson([activity(db, 0, status="completed", physicalProgress=100), activity(db, 1, name="Jalan baru"),
                 {"op": "delete", "id": "cmp-2"}]), "application/x-ndjson", {}),
        ("invalid rows", "activities", "",
         ndjson([activity(db, 7, budgetIdr=-1), activity(db, 8, village="99.99.99.9999"), {"id": "cmp-9", "budgetIDR": 1},
                 activity(db, 10, status="done", disbursedIdr=999999999999)]), "application/x-ndjson", {}),
        ("duplicate ids", "activities", "", ndjson([activity(db, 11), activity(db, 11)]), "application/x-ndjson", {}),
        ("empty upload", "activities", "", "", "application/x-ndjson", {}),
        ("csv", "activities", "", csv, "text/csv", {}),
        ("replace the scope of one village and year", "activities", "?mode=replace&region=%s&year=%s" % (region, year),
         ndjson([activity(db, 3), activity(db, 4, name="Tetap")]), "application/x-ndjson", {}),
        ("outside the declared scope", "activities", "?mode=replace&region=%s&year=%s" % (region, year),
         ndjson([activity(db, 12, fiscalYear=int(year) + 1)]), "application/x-ndjson", {}),
        ("delete a slum area activities refer to", "slum-areas", "", ndjson([{"op": "delete", "id": slum_area}]),
         "application/x-ndjson", {}),
        ("delete an allocation activities refer to", "allocations", "", ndjson([{"op": "delete", "id": allocation}]),
         "application/x-ndjson", {}),
        ("unknown dataset", "unicorns", "", ndjson(rows[:1]), "application/x-ndjson", {}),
    ]


def main():
    jar, out = sys.argv[1], sys.argv[2]
    db = sys.argv[3] if len(sys.argv) > 3 else "kotaku_ingest_answers"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    psql("postgres", "drop database if exists %s with (force)" % db)
    subprocess.run(["bash", os.path.join(root, "scripts/db-setup.sh")], check=True, env={**os.environ, "PORTAL_DB_NAME": db},
                   stdout=subprocess.DEVNULL)
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    env = {**os.environ, "SPRING_PROFILES_ACTIVE": "dev", "PORTAL_DB_NAME": db, "PORT": str(port),
           "PORTAL_DEMO_SCALE": "tiny", "PORTAL_RATE_LIMIT_ENABLED": "false"}
    log = open(out + ".app.log", "w")
    command = subprocess.run(["java", "-Xmx512m", "-jar", jar, "--portal.admin.create-key=cmp",
                              "--portal.admin.datasets=regions,slum-areas,assessments,access-indicators,allocations,activities"],
                             env=env, check=True, capture_output=True, text=True)
    key = next(line.strip() for line in command.stdout.splitlines() if line.startswith("ktk_"))
    app = subprocess.Popen(["java", "-Dkotaku.helper.ingest-split=1", "-Xmx512m", "-jar", jar, "--server.port=%d" % port],
                           env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_steady(base, app)
        lines = []
        for name, dataset, query, body, content_type, headers in uploads(db):
            status, media, answer = request(base, "POST", "/internal/v1/ingest/" + dataset + query, body, key, content_type, headers)
            lines.append("== %s: %d %s\n%s" % (name, status, media, blank(answer)))
        status, media, answer = request(base, "GET", "/internal/v1/batches/1", key=key)
        lines.append("== batch 1: %d %s\n%s" % (status, media, blank(answer)))
        for path in ["/api/v1/changes?limit=100", "/api/v1/changes?since=0", "/api/v1/changes?since=6"]:
            status, media, answer = request(base, "GET", path)
            lines.append("== %s: %d %s\n%s" % (path, status, media, blank(answer)))
        lines.append("== ingest_batch\n" + psql(db, "select id, dataset, source, mode, scope, idempotency_key, "
                     "case when synthetic then '-' else checksum end, "
                     "synthetic, rows_received, rows_inserted, rows_updated, rows_deleted, rows_unchanged, data_version, "
                     "body_checksum, validate_ms >= 0, merge_ms >= 0, committed_at >= received_at from ingest_batch order by id"))
        lines.append("== tombstone\n" + psql(db, "select dataset, record_id, data_version, batch_id from tombstone order by 1, 2, 3"))
        lines.append("== activity\n" + psql(db, "select id, name, status, batch_id, created_version, updated_version "
                     "from activity order by id"))
        lines.append("== slum_decree\n" + psql(db, "select id, batch_id, created_version, updated_version from slum_decree order by id"))
        with open(out, "w") as f:
            f.write("\n".join(lines))
    finally:
        app.terminate()
        app.wait(30)
        log.close()


if __name__ == "__main__":
    main()
