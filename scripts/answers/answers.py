#!/usr/bin/env python3
"""Records the public answers of a running portal and compares two recordings (scripts/compare-answers.sh).

  answers.py version BASE                    the data version the node serves (empty until it is ready)
  answers.py settled BASE VERSION            exit 0 once the database, the snapshot and the bulk files are at VERSION
  answers.py record BASE URLS OUTDIR         records every request of URLS (see urls.txt) into OUTDIR
  answers.py compare OLD NEW                 prints every difference between two recordings, exit 1 if any

Every request is sent with the same Host (so that links built from it are the same for both nodes) and only the
headers its line names. A recording keeps, per request, the status, every header but those in DROPPED_HEADERS and
the body bytes exactly as sent (gzip included). The comparison normalises nothing but what NORMALISATIONS lists.
"""

import difflib
import gzip
import hashlib
import http.client
import json
import os
import re
import sys
import time
import urllib.parse

HOST = "localhost:8080"

# headers that differ from one request to the next whatever the build: the clock and the request's own id
DROPPED_HEADERS = {"date", "x-request-id"}

# what differs between two runs of the same build on the same data, each rule with why; applied to both sides
NORMALISATIONS = [
    # the OGC API's timeStamp is when the page was answered (OGC API - Features 7.15.2)
    ("ogc timeStamp", re.compile(rb'"timeStamp":"[^"]+"'), b'"timeStamp":"<answered at>"'),
    # a reconciliation check records when it ran (on each node's start)
    ("checks checkedAt", re.compile(rb'"checkedAt":"[^"]+"'), b'"checkedAt":"<checked at>"'),
    # a problem names its request id in its body, as in the X-Request-Id header
    ("problem requestId", re.compile(rb'"requestId":"[^"]+"'), b'"requestId":"<request id>"'),
]

# the bulk files are written anew on each node's start: their write times and the checksum of a GeoPackage (which
# records its creation time) differ from run to run. Exactly the values the node's own manifest names as such
# (generatedAt, each file's modified, a gpkg file's sha256) are masked wherever they appear in that node's answers,
# and the Last-Modified of a bulk file (its write time)
BULK_MANIFEST = re.compile(r"^/downloads/\d+/manifest\.json$")


# ETags of the two retired formats (routed answers: W/"<version>-<crc>", tiles: "<version>") compare equal to
# an ETag of the one format, W/"v<version>-<crc>", of the same data version (README, "Caching"); only new vs old
LEGACY_ETAG = re.compile(r'^(?:W/"(\d+)-[0-9a-f]+"|"(\d+)")$')
UNIFIED_ETAG = re.compile(r'^W/"v(\d+)-[0-9a-f]+"$')


def request(base, method, target, headers):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    try:
        connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", HOST)
        for name, value in headers:
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return response.status, response.getheaders(), body
    finally:
        connection.close()


def get_json(base, target):
    status, _, body = request(base, "GET", target, [])
    if status != 200:
        raise RuntimeError(f"{target}: {status}")
    return json.loads(body)


def version(base):
    status, _, _ = request(base, "GET", "/actuator/health/readiness", [])
    if status == 200:
        print(get_json(base, "/api/v1/summary")["dataVersion"])


def settled(base, want):
    """The database (change log), the snapshot (summary) and the bulk files all at data version `want`."""
    want = int(want)
    if get_json(base, "/api/v1/changes")["dataVersion"] != want:
        return False
    if get_json(base, "/api/v1/summary")["dataVersion"] != want:
        return False
    status, headers, _ = request(base, "GET", "/downloads/latest/manifest.json", [])
    location = dict((n.lower(), v) for n, v in headers).get("location", "")
    if status != 302 or not location.endswith(f"/{want}/manifest.json"):
        return False
    status, _, _ = request(base, "GET", location, [])
    return status == 200


def parse_line(line):
    """'[METHOD] TARGET [| Name: value]...' -> (method, target, [(name, value)])."""
    parts = [p.strip() for p in line.split(" | ")]
    words = parts[0].split()
    method, target = (words[0], words[1]) if len(words) == 2 else ("GET", words[0])
    headers = []
    for part in parts[1:]:
        name, _, value = part.partition(":")
        headers.append((name.strip(), value.strip()))
    return method, target, headers


def record(base, urls, outdir):
    os.makedirs(outdir, exist_ok=True)
    etags = {}
    asset = None
    entries = []
    with open(urls, encoding="utf-8") as lines:
        wanted = [l.rstrip("\n") for l in lines if l.strip() and not l.lstrip().startswith("#")]
    for number, line in enumerate(wanted):
        method, target, headers = parse_line(line)
        if target == "{asset}":
            target = asset or "/assets/none"
        # {etag}: the ETag this node gave the last answer to the same target (a conditional request of it)
        headers = [(n, v.replace("{etag}", etags.get(target, '"none"'))) for n, v in headers]
        status, response_headers, body = request(base, method, target, headers)
        kept = sorted((n.lower(), v) for n, v in response_headers if n.lower() not in DROPPED_HEADERS)
        etag = next((v for n, v in kept if n == "etag"), None)
        if etag is not None:
            etags[target] = etag
        if target == "/" and asset is None:
            found = re.search(rb'/assets/[^"?#]+', body)
            asset = found.group(0).decode() if found else None
        with open(os.path.join(outdir, f"{number:03d}.body"), "wb") as out:
            out.write(body)
        entries.append({"line": line, "status": status, "headers": kept, "bytes": len(body),
                        "sha256": hashlib.sha256(body).hexdigest()})
    with open(os.path.join(outdir, "answers.json"), "w", encoding="utf-8") as out:
        json.dump(entries, out, indent=1)
    print(f"recorded {len(entries)} answers in {outdir}")


def bulk_values(directory, entries):
    """The run-specific values of the bulk files, from the node's own manifest: {bytes: placeholder}."""
    values = {}
    for number, entry in enumerate(entries):
        method, target, _ = parse_line(entry["line"])
        if method != "GET" or entry["status"] != 200 or not BULK_MANIFEST.match(target):
            continue
        with open(os.path.join(directory, f"{number:03d}.body"), "rb") as f:
            manifest = json.load(f)
        values[manifest["generatedAt"].encode()] = b"<bulk files written at>"
        for file in manifest["files"]:
            values[file["modified"].encode()] = b"<bulk file written at>"
            if file["format"] == "gpkg":
                values[file["sha256"].encode()] = b"<sha256 of a GeoPackage>"
    return values


def normalised(body, headers, bulk, applied):
    if dict(headers).get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    for name, pattern, replacement in NORMALISATIONS:
        body, count = pattern.subn(replacement, body)
        if count:
            applied.add(name)
    for value, placeholder in bulk.items():
        if value in body:
            body = body.replace(value, placeholder)
            applied.add("bulk file write times and GeoPackage checksums")
    return body


def same_etag(old, new, applied):
    if old == new:
        return True
    legacy = LEGACY_ETAG.match(old or "")
    unified = UNIFIED_ETAG.match(new or "")
    if legacy and unified and (legacy.group(1) or legacy.group(2)) == unified.group(1):
        applied.add("etag format")
        return True
    return False


def header_differences(target, old, new, applied):
    old_map, new_map = {}, {}
    for name, value in old:
        old_map.setdefault(name, []).append(value)
    for name, value in new:
        new_map.setdefault(name, []).append(value)
    differences = []
    for name in sorted(set(old_map) | set(new_map)):
        a, b = old_map.get(name), new_map.get(name)
        if name == "etag" and a and b and len(a) == len(b) == 1 and same_etag(a[0], b[0], applied):
            continue
        if name == "content-length" and a != b:
            continue  # reported with the body, which decides it
        if name == "last-modified" and target.startswith("/downloads/") and a and b:
            applied.add("last-modified of a bulk file")
            continue
        if a != b:
            differences.append(f"  header {name}: {a} -> {b}")
    return differences


def body_difference(old_body, new_body):
    try:
        a, b = old_body.decode("utf-8").splitlines(), new_body.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return [f"  body: {len(old_body)} bytes -> {len(new_body)} bytes (binary)"]
    if len(a) == 1 and len(b) == 1 and len(a[0]) > 200:
        a, b = re.split(r"(?<=[,{\[])", a[0]), re.split(r"(?<=[,{\[])", b[0])
    diff = list(difflib.unified_diff(a, b, "old", "new", n=1, lineterm=""))
    return ["  body:"] + ["    " + l[:300] for l in diff[:40]]


def compare(old_dir, new_dir):
    with open(os.path.join(old_dir, "answers.json"), encoding="utf-8") as f:
        old = json.load(f)
    with open(os.path.join(new_dir, "answers.json"), encoding="utf-8") as f:
        new = json.load(f)
    if [e["line"] for e in old] != [e["line"] for e in new]:
        print("the two recordings are of different request lists")
        return 1
    applied, differing = set(), 0
    old_bulk, new_bulk = bulk_values(old_dir, old), bulk_values(new_dir, new)
    for number, (a, b) in enumerate(zip(old, new)):
        lines = []
        target = parse_line(a["line"])[1]
        if a["status"] != b["status"]:
            lines.append(f"  status: {a['status']} -> {b['status']}")
        lines += header_differences(target, a["headers"], b["headers"], applied)
        with open(os.path.join(old_dir, f"{number:03d}.body"), "rb") as f:
            old_body = f.read()
        with open(os.path.join(new_dir, f"{number:03d}.body"), "rb") as f:
            new_body = f.read()
        if old_body != new_body:
            old_plain = normalised(old_body, a["headers"], old_bulk, applied)
            new_plain = normalised(new_body, b["headers"], new_bulk, applied)
            if old_plain != new_plain:
                lines += body_difference(old_plain, new_plain)
            elif dict(a["headers"]).get("content-encoding") == "gzip":
                applied.add("gzip bytes of a normalised body")
        if lines:
            differing += 1
            print(f"DIFFERENT {a['line']}")
            print("\n".join(lines))
    print(f"{len(old)} answers compared: {differing} different; normalised: {', '.join(sorted(applied)) or 'nothing'}")
    return 1 if differing else 0


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "version" and len(argv) == 3:
        version(argv[2])
    elif command == "settled" and len(argv) == 4:
        return 0 if settled(argv[2], argv[3]) else 1
    elif command == "record" and len(argv) == 5:
        record(argv[2], argv[3], argv[4])
    elif command == "compare" and len(argv) == 4:
        return compare(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
