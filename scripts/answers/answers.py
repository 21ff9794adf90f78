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

# the site's files carry the time they were packed into the jar as Last-Modified: one jar's differs from another's
SITE_FILE = re.compile(r"^/(index\.html$|assets/)")

# answers built with Map.of list their members in an order that changes from one JVM run to the next (its
# iteration order is salted per run): JSON bodies (and the JSON-LD of an HTML page) that differ only in the order
# of object members compare equal
LD_JSON = re.compile(rb'(<script type="application/ld\+json">)(.*?)(</script>)', re.S)

# a tile's features come in the order PostgreSQL returns the rows (its SQL has no ORDER BY), which a plan chosen
# differently on another run changes: two vector tiles with the same layers and the same features (id, properties
# and geometry), in any order, compare equal
MVT = "application/vnd.mapbox-vector-tile"


# ETags of the retired formats (routed answers: W/"<version>-<crc>", tiles: "<version>" and, filtered,
# "<version>-<filter>") compare equal to an ETag of the one format, W/"v<version>-<crc>", of the same data version
# (README, "Caching"); only new vs old
LEGACY_ETAG = re.compile(r'^(?:W/"(\d+)-[0-9a-f]+"|"(\d+)(?:-[^"]+)?")$')
UNIFIED_ETAG = re.compile(r'^W/"v(\d+)-[0-9a-f]+"$')

# a cached answer exposed three headers to other origins, every other answer the CORS policy's list; now every
# answer exposes the policy's list (README, "Caching"); only new vs old
CACHED_EXPOSED = "ETag, X-Data-Version, X-Data-As-Of"
EXPOSED = ("ETag, Link, Retry-After, X-Data-Version, X-Data-As-Of, X-Row-Count, X-Spreadsheet-Warning, Content-Range, "
           "Accept-Ranges, Content-Length, Last-Modified")

# a site page answered from the response cache (a record's page) carried the cached answers' open CORS; now CORS
# is CorsConfig's, open for the data routes only, as it was for every other site page; only new vs old
CORS_OPEN = re.compile(r"^/(api/|ogc|tiles/|downloads|catalog\.jsonld$|datapackage\.json$)")
CORS_HEADERS = {"access-control-allow-origin": ["*"], "access-control-expose-headers": [CACHED_EXPOSED]}

# a tile's 304 carried its ETag only; now it carries the validator headers of the tile's 200 (RFC 9110 15.4.5:
# Cache-Control, Vary, and the data version), as every other 304 did; only new vs old
TILE_304_HEADERS = {"cache-control", "vary", "x-data-version", "x-data-as-of"}


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
        entries.append({"line": line, "target": target, "status": status, "headers": kept, "bytes": len(body),
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


def header_map(headers):
    result = {}
    for name, value in headers:
        result.setdefault(name, []).append(value)
    return result


def tile_304_gains(target, status, name, a, b, new_ok, applied):
    """A 304 of a tile route with validator headers old lacked, as the new 200 of the same target has them."""
    if status != 304 or not target.startswith("/tiles/") or name not in TILE_304_HEADERS:
        return False
    ok = new_ok.get(target, {}).get(name)
    if ok is None or b is None:
        return False
    gained = [v for v in b if v not in (a or [])]
    if gained and all(v in ok for v in gained) and all(v in b for v in (a or [])):
        applied.add("tile 304 headers")
        return True
    return False


def header_differences(target, status, old, new, new_ok, applied):
    old_map, new_map = header_map(old), header_map(new)
    differences = []
    for name in sorted(set(old_map) | set(new_map)):
        a, b = old_map.get(name), new_map.get(name)
        if name == "access-control-expose-headers" and a == [CACHED_EXPOSED] and b == [EXPOSED]:
            applied.add("exposed headers of a cached answer")
            continue
        if tile_304_gains(target, status, name, a, b, new_ok, applied):
            continue
        if CORS_HEADERS.get(name) == a and b is None and not CORS_OPEN.match(target):
            applied.add("no CORS on a site page")
            continue
        if name == "etag" and a and b and len(a) == len(b) == 1 and same_etag(a[0], b[0], applied):
            continue
        if name == "content-length" and a != b:
            continue  # reported with the body, which decides it
        if name == "last-modified" and target.startswith("/downloads/") and a and b:
            applied.add("last-modified of a bulk file")
            continue
        if name == "last-modified" and SITE_FILE.match(target) and a and b:
            applied.add("last-modified of a site file")
            continue
        if a != b:
            differences.append(f"  header {name}: {a} -> {b}")
    return differences


def protobuf_fields(data):
    """The (field number, value) pairs of a protocol buffer message (varints as ints, the rest as bytes)."""
    def varint(i):
        result, shift = 0, 0
        while True:
            byte = data[i]
            i += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return result, i
    i, fields = 0, []
    while i < len(data):
        key, i = varint(i)
        wire = key & 7
        if wire == 0:
            value, i = varint(i)
        elif wire == 2:
            length, i = varint(i)
            value, i = bytes(data[i:i + length]), i + length
        else:
            size = 4 if wire == 5 else 8
            value, i = bytes(data[i:i + size]), i + size
        fields.append((key >> 3, value))
    return fields


def unpacked(data):
    """The varints of a packed repeated field."""
    values, i = [], 0
    while i < len(data):
        result, shift = 0, 0
        while True:
            byte = data[i]
            i += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        values.append(result)
    return values


def canonical_mvt(body):
    """A vector tile's layers, each with its features sorted (tags resolved to their keys and values)."""
    layers = []
    for number, layer in protobuf_fields(body):
        if number != 3:
            continue
        fields = protobuf_fields(layer)
        keys = [value for n, value in fields if n == 3]
        values = [value for n, value in fields if n == 4]
        features = []
        for n, feature in fields:
            if n == 2:
                parts = protobuf_fields(feature)
                tags = unpacked(next((v for k, v in parts if k == 2), b""))
                resolved = sorted((keys[tags[i]], values[tags[i + 1]]) for i in range(0, len(tags), 2))
                features.append((repr([v for k, v in parts if k == 1]), repr(resolved),
                                 repr([v for k, v in parts if k in (3, 4)])))
        layers.append((repr([v for n, v in fields if n in (1, 5, 15)]), sorted(features)))
    return sorted(layers)


def canonical_json(body):
    """The body with the members of every JSON object sorted (a JSON body, or the JSON-LD of a page); None if neither."""
    try:
        return json.dumps(json.loads(body), sort_keys=True).encode()
    except ValueError:
        pass
    if LD_JSON.search(body) is None:
        return None
    try:
        return LD_JSON.sub(lambda m: m.group(1) + json.dumps(json.loads(m.group(2)), sort_keys=True).encode() + m.group(3),
                           body)
    except ValueError:
        return None


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
    new_ok = {}
    for entry in new:
        method, target, _ = parse_line(entry["line"])
        if method == "GET" and entry["status"] == 200 and target not in new_ok:
            new_ok[target] = header_map(entry["headers"])
    for number, (a, b) in enumerate(zip(old, new)):
        lines = []
        target = a.get("target") or parse_line(a["line"])[1]
        if a["status"] != b["status"]:
            lines.append(f"  status: {a['status']} -> {b['status']}")
        lines += header_differences(target, b["status"], a["headers"], b["headers"], new_ok, applied)
        with open(os.path.join(old_dir, f"{number:03d}.body"), "rb") as f:
            old_body = f.read()
        with open(os.path.join(new_dir, f"{number:03d}.body"), "rb") as f:
            new_body = f.read()
        if old_body != new_body:
            old_plain = normalised(old_body, a["headers"], old_bulk, applied)
            new_plain = normalised(new_body, b["headers"], new_bulk, applied)
            if old_plain != new_plain and canonical_json(old_plain) is not None \
                    and canonical_json(old_plain) == canonical_json(new_plain):
                applied.add("JSON member order (Map.of)")
            elif old_plain != new_plain and dict(a["headers"]).get("content-type") == MVT \
                    and canonical_mvt(old_plain) == canonical_mvt(new_plain):
                applied.add("tile feature order")
            elif old_plain != new_plain:
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
