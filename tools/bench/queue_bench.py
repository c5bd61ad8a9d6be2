#!/usr/bin/env python3
"""Pushes a million items through a named queue of a running ensemble and prints the figures, side by side with
Python's own multiprocessing.Queue measured in the same run on the same machine.

    ./ensemble up && python3 tools/bench/queue_bench.py [--items 1000000] [--batch 10000] [--producers 2] [--getters 2]

Puts go in batches (one HTTP request and one Kafka round trip per batch), gets as NDJSON drains (one HTTP response
carries up to --batch items, acknowledged to Kafka as they are written). Every item is checked: each arrives exactly
once, and each producer's items arrive in the order it put them.
"""
import argparse
import http.client
import json
import multiprocessing
import sys
import threading
import time
import urllib.parse


def request(conn, method, path, body=None, empty_ok=False):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if empty_ok and response.status == 409 and b"urn:mp-ensemble:problem:empty" in data:
        return b""
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return data


def put_all(url, queue, producer, numbers, batch, errors):
    try:
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        for start in range(0, len(numbers), batch):
            chunk = numbers[start:start + batch]
            body = '{"producer":"%s","items":[%s]}' % (producer, ",".join(map(str, chunk)))
            request(conn, "POST", f"/api/queues/{queue}/put", body)
        conn.close()
    except BaseException as ex:  # noqa: BLE001 - reported by the main thread
        errors.append(ex)


def drain_all(getter, url, queue, batch, total, got, lock, errors):
    try:
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        while True:
            with lock:
                if len(got) >= total:
                    break
            data = request(conn, "POST", f"/api/queues/{queue}/drain?max={batch}&timeout=0.5", empty_ok=True)
            items = [int(line) for line in data.split(b"\n") if line]
            with lock:
                got.append((getter, items))
                got_count = sum(len(items) for _, items in got)
            if got_count >= total:
                break
        conn.close()
    except BaseException as ex:  # noqa: BLE001
        errors.append(ex)


def ensemble_queue(gateway, items, batch, producers, getters, concurrent):
    """Puts then gets (or, concurrent, both at once) through a fresh queue; returns the timings and the checks."""
    url = urllib.parse.urlparse(gateway)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    queue = f"bench-{int(time.time() * 1000)}"
    request(conn, "POST", "/api/queues", json.dumps({"name": queue}))
    per = items // producers
    shares = [list(range(p * per, items if p == producers - 1 else (p + 1) * per)) for p in range(producers)]
    errors, got, lock = [], [], threading.Lock()
    putters = [threading.Thread(target=put_all, args=(url, queue, f"p{p}", shares[p], batch, errors))
               for p in range(producers)]
    drainers = [threading.Thread(target=drain_all, args=(g, url, queue, batch, items, got, lock, errors))
                for g in range(getters)]

    began = time.perf_counter()
    for t in putters + (drainers if concurrent else []):
        t.start()
    for t in putters:
        t.join()
    put_seconds = time.perf_counter() - began
    qsize = None if concurrent else json.loads(request(conn, "GET", f"/api/queues/{queue}/qsize"))["qsize"]
    if not concurrent:
        began = time.perf_counter()
        for t in drainers:
            t.start()
    for t in drainers:
        t.join()
    get_seconds = time.perf_counter() - began
    if errors:
        raise errors[0]
    request(conn, "DELETE", f"/api/queues/{queue}")

    seen = bytearray(items)
    last = {}
    out_of_order = 0
    for getter, chunk in got:  # a producer's items reach each getter in the order they were put
        for n in chunk:
            seen[n] = min(seen[n] + 1, 255)
            key = (getter, min(n // per, producers - 1))
            if last.get(key, -1) > n:
                out_of_order += 1
            last[key] = n
    missing = seen.count(0)
    duplicates = sum(1 for c in seen if c > 1)
    return put_seconds, get_seconds, qsize, missing, duplicates, out_of_order


def _produce(q, n):
    for i in range(n):
        q.put(i * i)


def python_queue(n):
    """The baseline: one producer process puts n squares, this process gets them."""
    q = multiprocessing.Queue()
    began = time.perf_counter()
    p = multiprocessing.Process(target=_produce, args=(q, n))
    p.start()
    for _ in range(n):
        q.get()
    p.join()
    return time.perf_counter() - began


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default="http://localhost:8080")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--producers", type=int, default=2)
    parser.add_argument("--getters", type=int, default=2)
    parser.add_argument("--python-items", type=int, default=200_000)
    args = parser.parse_args()

    put_s, get_s, qsize, missing, duplicates, out_of_order = ensemble_queue(
        args.gateway, args.items, args.batch, args.producers, args.getters, concurrent=False)
    _, both_s, _, missing2, duplicates2, out_of_order2 = ensemble_queue(
        args.gateway, args.items, args.batch, args.producers, args.getters, concurrent=True)
    py_s = python_queue(args.python_items)
    py_rate = args.python_items / py_s
    n = args.items
    print(f"mp-ensemble queue benchmark: {n:,} items, batches of {args.batch:,}, "
          f"{args.producers} producers, {args.getters} getters")
    print(f"{'what':<62} {'items/s':>10} {'vs Python':>10}")
    for what, rate in ((f"ensemble put, all items first ({put_s:.2f} s)", n / put_s),
                       (f"ensemble get, NDJSON drains, after the puts ({get_s:.2f} s)", n / get_s),
                       (f"ensemble put and get at once, end to end ({both_s:.2f} s)", n / both_s),
                       (f"Python multiprocessing.Queue, put and get at once ({args.python_items:,} items, "
                        f"{py_s:.2f} s)", py_rate)):
        print(f"{what:<62} {rate:>10,.0f} {rate / py_rate:>9.2f}x")
    print(f"qsize after the puts: {qsize:,}; missing: {missing + missing2}, duplicates: {duplicates + duplicates2}, "
          f"out of a producer's order: {out_of_order + out_of_order2}")
    if qsize != n or missing or duplicates or out_of_order or missing2 or duplicates2 or out_of_order2:
        sys.exit(1)

if __name__ == "__main__":
    main()
