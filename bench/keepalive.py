#!/usr/bin/env python3
"""Hunts the keep-alive request that is never answered (issue 14, item 8), with raw sockets only.

Each iteration opens one keep-alive connection to the app and sends three requests on it: a routed request, a
request the cached fast path answers (requested once beforehand, so it is cached), and a third request. It then
reads the three answers, each within --timeout seconds. Variants (--variant, several allowed):

  pipelined    the three GETs in one write, then the three answers
  staggered    the three GETs in three writes a fraction of a millisecond apart (the second and third arrive while
               the first is being answered), then the three answers
  sequential   request, wait for its answer, next request
  pair         the first two GETs in one write, both answers, then the third GET (reactor/reactor-netty#4361:
               the request after a queued request that completed synchronously)
  conditional  pipelined: HEAD routed, GET cached with If-None-Match (304 from the fast path), HEAD cached, GET
               routed with If-None-Match (304 from ConditionalGetFilter), in one write

--workers N runs N such connections at a time (default 2). --reuse N keeps a connection for N iterations before opening the next (default 1: a fresh connection each time).
Bounded by --iterations and --time-limit per variant. Prints one JSON object per variant (counts, statuses,
latencies, the first failures with the request that was not answered) and exits 1 when any request was not
answered, 0 otherwise. Load only ever goes to --host (127.0.0.1 by default).
"""

import argparse
import json
import socket
import sys
import threading
import time

ROUTED = "/api/v1/activities?limit=1"
CACHED = "/api/v1/summary"
THIRD = "/api/v1/activities?limit=2"


class Unanswered(Exception):
    """A request whose answer did not (fully) arrive: kind is timeout, reset or closed."""

    def __init__(self, kind, detail):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


class Connection:
    """One keep-alive HTTP/1.1 connection with a minimal response reader (Content-Length and chunked bodies)."""

    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.host = f"{host}:{port}"
        self.buf = b""
        self.deadline = 0.0

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def request_bytes(self, method, path, headers=()):
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", "Accept-Encoding: gzip", "User-Agent: keepalive.py"]
        lines.extend(f"{name}: {value}" for name, value in headers)
        return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")

    def send(self, data):
        try:
            self.sock.sendall(data)
        except (ConnectionResetError, BrokenPipeError) as e:
            raise Unanswered("reset", f"while sending: {e}") from e

    def _fill(self):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise Unanswered("timeout", "no (complete) answer in time")
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout as e:
            raise Unanswered("timeout", "no (complete) answer in time") from e
        except ConnectionResetError as e:
            raise Unanswered("reset", str(e)) from e
        if not chunk:
            raise Unanswered("closed", "the server closed the connection")
        self.buf += chunk

    def _line_block(self, terminator):
        while terminator not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(terminator, 1)
        return head

    def _exactly(self, n):
        while len(self.buf) < n:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def read_response(self, method, timeout):
        """Reads one answer; returns (status, headers dict with lower-case names, body length)."""
        self.deadline = time.monotonic() + timeout
        head = self._line_block(b"\r\n\r\n").decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return status, headers, 0
        if headers.get("transfer-encoding", "").lower() == "chunked":
            length = 0
            while True:
                size = int(self._line_block(b"\r\n").split(b";")[0], 16)
                if size == 0:
                    self._line_block(b"\r\n")  # no trailers expected: the empty line ends the body
                    return status, headers, length
                self._exactly(size + 2)
                length += size
        if "content-length" in headers:
            n = int(headers["content-length"])
            self._exactly(n)
            return status, headers, n
        raise Unanswered("closed", f"answer {status} without a length (connection-delimited body)")


class Tally:
    def __init__(self, variant):
        self.variant = variant
        self.iterations = 0
        self.requests = 0
        self.answered = 0
        self.unanswered = {"timeout": 0, "reset": 0, "closed": 0}
        self.statuses = {}
        self.connections = 0
        self.server_closed = 0
        self.latencies = []
        self.failures = []
        self.started = time.monotonic()

    def answer(self, name, status, seconds):
        self.answered += 1
        key = f"{name} {status}"
        self.statuses[key] = self.statuses.get(key, 0) + 1
        self.latencies.append(seconds)

    def fail(self, iteration, index, request, error, answered_before):
        self.unanswered[error.kind] += 1
        if len(self.failures) < 20:
            self.failures.append({"iteration": iteration, "request": index + 1, "of": request, "kind": error.kind,
                                  "detail": error.detail, "answeredBeforeOnThisConnection": answered_before})

    def result(self):
        lat = sorted(self.latencies)

        def pct(p):
            return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 2) if lat else None

        return {"variant": self.variant, "iterations": self.iterations, "connections": self.connections,
                "requests": self.requests, "answered": self.answered,
                "unanswered": sum(self.unanswered.values()), "timeouts": self.unanswered["timeout"],
                "resets": self.unanswered["reset"], "closedByServer": self.unanswered["closed"],
                "statuses": self.statuses, "latencyMs": {"p50": pct(0.5), "p99": pct(0.99), "max": pct(1.0)},
                "seconds": round(time.monotonic() - self.started, 1), "failures": self.failures}


def plan(variant, etags):
    """The requests of one iteration: (label, method, path, extra headers)."""
    if variant == "conditional":
        return [("routed", "HEAD", ROUTED, ()),
                ("cached", "GET", CACHED, (("If-None-Match", etags[CACHED]),)),
                ("cached", "HEAD", CACHED, ()),
                ("routed", "GET", THIRD, (("If-None-Match", etags[THIRD]),))]
    return [("routed", "GET", ROUTED, ()), ("cached", "GET", CACHED, ()), ("third", "GET", THIRD, ())]


def one_iteration(conn, variant, requests, timeout, tally):
    """Runs one iteration on conn; returns the answers it read. Raises Unanswered (with .index set)."""
    wires = [conn.request_bytes(method, path, headers) for _, method, path, headers in requests]
    sent_at = time.monotonic()
    index = 0
    try:
        if variant in ("pipelined", "conditional"):
            conn.send(b"".join(wires))
        elif variant == "pair":
            conn.send(wires[0] + wires[1])
        elif variant == "staggered":
            for wire in wires:
                conn.send(wire)
                time.sleep(0.0002)
        for index, (name, method, path, _) in enumerate(requests):
            if variant == "sequential" or (variant == "pair" and index == 2):
                sent_at = time.monotonic()
                conn.send(wires[index])
            status, headers, _ = conn.read_response(method, timeout)
            tally.answer(f"{name} {method}", status, time.monotonic() - sent_at)
            if headers.get("connection", "").lower() == "close":
                tally.server_closed += 1
                raise Unanswered("closed", f"server sent Connection: close after request {index + 1}")
    except Unanswered as e:
        e.index = index
        e.label = f"{requests[index][1]} {requests[index][2]}"
        raise


def run_variant(args, variant, etags):
    """Runs the variant on --workers connections at a time; each worker takes its share of the iterations."""
    tallies = [Tally(variant) for _ in range(args.workers)]
    stop_at = time.monotonic() + args.time_limit
    shares = [args.iterations // args.workers + (1 if i < args.iterations % args.workers else 0)
              for i in range(args.workers)]
    threads = [threading.Thread(target=run_worker, args=(args, variant, etags, t, n, stop_at))
               for t, n in zip(tallies, shares)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return merge(tallies)


def merge(tallies):
    total = tallies[0]
    for other in tallies[1:]:
        total.iterations += other.iterations
        total.requests += other.requests
        total.answered += other.answered
        total.connections += other.connections
        total.server_closed += other.server_closed
        total.latencies += other.latencies
        total.failures = (total.failures + other.failures)[:20]
        for kind, n in other.unanswered.items():
            total.unanswered[kind] += n
        for key, n in other.statuses.items():
            total.statuses[key] = total.statuses.get(key, 0) + n
    return total.result()


def run_worker(args, variant, etags, tally, iterations, stop_at):
    requests = plan(variant, etags)
    conn = None
    used = 0
    answered_on_conn = 0
    while tally.iterations < iterations and time.monotonic() < stop_at:
        if conn is None or used >= args.reuse:
            if conn is not None:
                conn.close()
            conn = Connection(args.host, args.port, args.timeout)
            tally.connections += 1
            used = 0
            answered_on_conn = 0
        tally.iterations += 1
        tally.requests += len(requests)
        before = tally.answered
        try:
            one_iteration(conn, variant, requests, args.timeout, tally)
            used += 1
            answered_on_conn += len(requests)
        except Unanswered as e:
            answered_on_conn += tally.answered - before
            tally.fail(tally.iterations, e.index, e.label, e, answered_on_conn)
            # the requests after the unanswered one are unanswered too (same connection, same order)
            for later in range(e.index + 1, len(requests)):
                tally.unanswered[e.kind] += 1
            print(f"[keepalive] {variant} iteration {tally.iterations}: request {e.index + 1} ({e.label}) "
                  f"{e.kind}: {e.detail}", file=sys.stderr, flush=True)
            conn.close()
            conn = None
        if tally.iterations % 1000 == 0:
            print(f"[keepalive] {variant} ({threading.current_thread().name}): {tally.iterations} iterations, {tally.answered} answered, "
                  f"{sum(tally.unanswered.values())} unanswered", file=sys.stderr, flush=True)
    if conn is not None:
        conn.close()


def prepare(args):
    """Requests the cached path once (so it is cached) and reads the ETags the conditional variant sends."""
    etags = {}
    for path in (CACHED, THIRD, CACHED):
        conn = Connection(args.host, args.port, 30)
        try:
            conn.send(conn.request_bytes("GET", path))
            status, headers, _ = conn.read_response("GET", 30)
        finally:
            conn.close()
        if status != 200:
            sys.exit(f"GET {path} answered {status}; is the app ready, with its demo data?")
        etags[path] = headers.get("etag", '"none"')
    return etags


def main():
    global ROUTED, CACHED, THIRD
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--variant", action="append", choices=["pipelined", "staggered", "sequential", "pair", "conditional"])
    p.add_argument("--iterations", type=int, default=5000, help="per variant (default 5000)")
    p.add_argument("--time-limit", type=float, default=300, help="seconds per variant (default 300)")
    p.add_argument("--timeout", type=float, default=5, help="seconds one answer may take (default 5)")
    p.add_argument("--workers", type=int, default=2, help="connections at a time (default 2)")
    p.add_argument("--reuse", type=int, default=1, help="iterations per connection (default 1)")
    p.add_argument("--routed", default=ROUTED)
    p.add_argument("--cached", default=CACHED)
    p.add_argument("--third", default=THIRD)
    args = p.parse_args()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load only goes to this machine (127.0.0.1)")
    ROUTED, CACHED, THIRD = args.routed, args.cached, args.third
    etags = prepare(args)
    unanswered = 0
    for variant in args.variant or ["pipelined"]:
        result = run_variant(args, variant, etags)
        result["reuse"] = args.reuse
        result["workers"] = args.workers
        unanswered += result["unanswered"]
        print(json.dumps(result), flush=True)
    sys.exit(1 if unanswered else 0)


if __name__ == "__main__":
    main()
