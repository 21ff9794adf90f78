#!/usr/bin/env python3
"""Slow clients for bench/mixed.sh (issue 14, item 7): slowloris-style connections to 127.0.0.1.

Each connection sends a request line and a Host header, then trickles a few bytes of further header lines every
few seconds and never ends the header block, so the server holds a connection with an incomplete request. Runs
for --seconds at most (then closes everything), notes for every connection whether and when the server closed it,
reset it or answered anything, and prints one JSON object. Raw sockets, no packages.

    python3 bench/slowloris.py --port 18086 --connections 100 --seconds 60 --interval 3 --chunk 4
"""
import argparse
import json
import math
import select
import socket
import time

HEAD = b"GET /api/v1/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n"


def trickle():
    """The endless header lines the connections trickle, never the blank line that would end the request."""
    n = 0
    while True:
        n += 1
        for byte in b"X-Slow-%d: %d\r\n" % (n, n):
            yield bytes([byte])


class Slow:
    def __init__(self, index, sock, opened):
        self.index = index
        self.sock = sock
        self.opened = opened
        self.closed = None  # seconds after opening when the server ended it
        self.how = None  # "closed" (EOF), "reset", "send failed"
        self.answer = b""  # what the server sent, if anything (first bytes)
        self.sent = len(HEAD)
        self.bytes = trickle()

    def alive(self):
        return self.closed is None

    def end(self, how, now):
        self.closed = now - self.opened
        self.how = how
        self.sock.close()


def percentile(values, p):
    """Nearest rank; None for no values."""
    if not values:
        return None
    values = sorted(values)
    return round(values[max(0, math.ceil(p / 100 * len(values)) - 1)], 3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=3, help="seconds between two trickles of a connection")
    parser.add_argument("--chunk", type=int, default=4, help="bytes per trickle")
    args = parser.parse_args()

    started = time.monotonic()
    deadline = started + args.seconds
    slow, refused = [], []
    for i in range(args.connections):
        try:
            sock = socket.create_connection(("127.0.0.1", args.port), timeout=5)
            sock.sendall(HEAD)
            sock.setblocking(False)
            slow.append(Slow(i, sock, time.monotonic()))
        except OSError as error:
            refused.append(type(error).__name__)
    opened_in = time.monotonic() - started

    next_trickle = time.monotonic() + args.interval
    trickles = 0
    while True:
        now = time.monotonic()
        if now >= deadline:
            break
        live = [s for s in slow if s.alive()]
        if not live:
            break
        readable, _, _ = select.select([s.sock for s in live], [], [], max(0.0, min(next_trickle, deadline) - now))
        now = time.monotonic()
        by_sock = {s.sock: s for s in live}
        for sock in readable:
            s = by_sock[sock]
            try:
                data = sock.recv(4096)
            except ConnectionResetError:
                s.end("reset", now)
                continue
            except BlockingIOError:
                continue
            if data:
                s.answer = (s.answer + data)[:200]
            else:
                s.end("closed", now)
        if now >= next_trickle:
            trickles += 1
            for s in slow:
                if not s.alive():
                    continue
                chunk = b"".join(next(s.bytes) for _ in range(args.chunk))
                try:
                    s.sock.send(chunk)
                    s.sent += len(chunk)
                except BlockingIOError:
                    pass
                except OSError:
                    s.end("send failed", now)
            next_trickle = now + args.interval

    ended = time.monotonic()
    still_open = [s for s in slow if s.alive()]
    for s in still_open:
        s.sock.close()
    gone = [s for s in slow if s.how is not None]
    lifetimes = [s.closed for s in gone]
    first_lines = sorted({s.answer.split(b"\r\n", 1)[0].decode("latin-1") for s in slow if s.answer})
    print(json.dumps({
        "connections": args.connections,
        "opened": len(slow),
        "refused": len(refused),
        "refusedErrors": sorted(set(refused)),
        "openedInSeconds": round(opened_in, 3),
        "seconds": round(ended - started, 3),
        "intervalSeconds": args.interval,
        "bytesPerTrickle": args.chunk,
        "trickles": trickles,
        "maxBytesSent": max((s.sent for s in slow), default=0),
        "openAtEnd": len(still_open),
        "closedByServer": sum(1 for s in gone if s.how == "closed"),
        "resetByServer": sum(1 for s in gone if s.how == "reset"),
        "sendFailed": sum(1 for s in gone if s.how == "send failed"),
        "answered": sum(1 for s in slow if s.answer),
        "answerFirstLines": first_lines,
        "closedAfterSeconds": {"min": percentile(lifetimes, 0), "p50": percentile(lifetimes, 50),
                               "max": percentile(lifetimes, 100)},
    }))


if __name__ == "__main__":
    main()
