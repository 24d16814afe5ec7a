#!/usr/bin/env python3
"""Generate examples/payment-gateway.om: two hours of scrapes (every 30 s) of a payment-gateway
service with two instances, in OpenMetrics text with timestamps.

  python3 examples/gen-payment-gateway.py > examples/payment-gateway.om

Deterministic (its own LCG, no dependency on Python's random module), so the committed file is
reproducible. What it holds:
  - http_requests_total{job,instance,method,route,status}: counters with a daily-looking swell,
    scrape-to-scrape noise, and a restart of the second instance at +70m (a short outage with
    up == 0 and no other samples, then counters starting again from zero);
  - http_request_duration_seconds_bucket/_sum/_count{job,instance,method,route}: classic
    histograms with 10 finite buckets, latencies log-normal around a per-route median;
  - up{job,instance}; gauges process_resident_memory_bytes, go_goroutines,
    payment_gateway_inflight_requests, payment_gateway_queue_depth.
"""
import math
import sys

START = 0                   # the Unix epoch, as promqltest scripts start (scrapes land a few seconds after)
STEP = 30                   # seconds between scrapes
POINTS = 241                # two hours, both ends included
JOB = "payment-gateway-metrics"
INSTANCES = ["10.0.1.11:9102", "10.0.1.12:9102"]
OUTAGE = (140, 144)         # scrape indexes of instance 1 that failed (its restart)
BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

# (method, route, median latency s, spread, {status: requests per second on instance 0})
ROUTES = [
    ("POST", "/api/v1/payments", 0.12, 0.6, {"201": 11.5, "400": 0.45, "402": 0.3, "500": 0.04}),
    ("GET", "/api/v1/payments/{id}", 0.018, 0.5, {"200": 24.0, "404": 0.9}),
    ("POST", "/api/v1/refunds", 0.21, 0.7, {"201": 1.8, "500": 0.02}),
    ("GET", "/healthz", 0.0015, 0.3, {"200": 0.2}),
]


class Lcg:
    """64-bit LCG (Knuth's MMIX constants); uniform floats in [0, 1)."""

    def __init__(self, seed):
        self.s = seed & (2**64 - 1)

    def uniform(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & (2**64 - 1)
        return (self.s >> 11) / float(2**53)


rng = Lcg(20231114)


def load_factor(i, inst):
    """Traffic swell over the two hours plus per-scrape noise."""
    t = i * STEP
    base = 1.0 + 0.25 * math.sin(2 * math.pi * t / 5400.0 - 0.8) + (0.05 if inst == 1 else 0.0)
    return base * (0.9 + 0.2 * rng.uniform())


def lognormal_cdf(x, median, sigma):
    return 0.5 * (1 + math.erf(math.log(x / median) / (sigma * math.sqrt(2))))


def fmt(v):
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return repr(round(v, 6))


def labels(**kv):
    return "{" + ",".join('%s="%s"' % (k, v) for k, v in kv.items()) + "}"


def ts(inst, i):
    """Scrape time of instance inst at step i: each target has its own phase within the
    interval and a few milliseconds of jitter, as real scrapes do (which also keeps samples off
    the window boundaries of round query times)."""
    phase = (1.234, 7.891)[inst]
    jitter = ((i * 7919 + inst * 104729) % 23) / 1000.0
    return "%.3f" % (START + i * STEP + phase + jitter)


def up_at(inst, i):
    return not (inst == 1 and OUTAGE[0] <= i <= OUTAGE[1])


def main():
    out = []
    w = out.append
    # Simulate everything first: per instance, per scrape, the increments of each counter.
    req = {}      # (inst, method, route, status) -> list of cumulative values (None = no scrape)
    hist = {}     # (inst, method, route) -> dict(buckets=[[...]], sum=[...], count=[...])
    for inst in range(len(INSTANCES)):
        for method, route, median, sigma, statuses in ROUTES:
            totals = {s: 0 for s in statuses}
            cum_buckets = [0] * len(BUCKETS)
            cum_sum = 0.0
            cum_count = 0
            hb, hs, hc = [], [], []
            series = {s: [] for s in statuses}
            for i in range(POINTS):
                if inst == 1 and i == OUTAGE[1] + 1:
                    # The process restarted: every counter starts again from zero.
                    totals = {s: 0 for s in statuses}
                    cum_buckets = [0] * len(BUCKETS)
                    cum_sum, cum_count = 0.0, 0
                if not up_at(inst, i):
                    for s in statuses:
                        series[s].append(None)
                    hb.append(None); hs.append(None); hc.append(None)
                    continue
                n_route = 0
                if i > 0:
                    f = load_factor(i, inst)
                    for s, rps in statuses.items():
                        n = int(rps * STEP * f + rng.uniform())
                        totals[s] += n
                        n_route += n
                for s in statuses:
                    series[s].append(totals[s])
                # Spread this interval's requests over the buckets (cumulative counts).
                prev = 0
                for b, le in enumerate(BUCKETS):
                    c = int(round(n_route * lognormal_cdf(le, median, sigma)))
                    c = max(c, prev)
                    cum_buckets[b] += c
                    prev = c
                mean = median * math.exp(sigma * sigma / 2)
                cum_sum += n_route * mean * (0.95 + 0.1 * rng.uniform())
                cum_count += n_route
                hb.append(list(cum_buckets)); hs.append(cum_sum); hc.append(cum_count)
            for s in statuses:
                req[(inst, method, route, s)] = series[s]
            hist[(inst, method, route)] = dict(buckets=hb, sum=hs, count=hc)

    w("# HELP http_requests Total HTTP requests served, by route and status.")
    w("# TYPE http_requests counter")
    for (inst, method, route, status), vals in sorted(req.items()):
        ls = labels(job=JOB, instance=INSTANCES[inst], method=method, route=route, status=status)
        for i, v in enumerate(vals):
            if v is not None:
                w("http_requests_total%s %d %s" % (ls, v, ts(inst, i)))

    w("# HELP http_request_duration_seconds HTTP request latency.")
    w("# TYPE http_request_duration_seconds histogram")
    for (inst, method, route), h in sorted(hist.items()):
        if route == "/healthz":
            continue   # health checks are not worth a latency histogram
        base = dict(job=JOB, instance=INSTANCES[inst], method=method, route=route)
        for b, le in enumerate(BUCKETS + [math.inf]):
            ls = labels(**base, le=("+Inf" if le == math.inf else fmt(le)))
            for i in range(POINTS):
                if h["buckets"][i] is None:
                    continue
                v = h["count"][i] if le == math.inf else h["buckets"][i][b]
                w("http_request_duration_seconds_bucket%s %d %s" % (ls, v, ts(inst, i)))
        ls = labels(**base)
        for i in range(POINTS):
            if h["sum"][i] is not None:
                w("http_request_duration_seconds_sum%s %s %s" % (ls, fmt(h["sum"][i]), ts(inst, i)))
        for i in range(POINTS):
            if h["count"][i] is not None:
                w("http_request_duration_seconds_count%s %d %s" % (ls, h["count"][i], ts(inst, i)))

    w("# HELP up Whether the last scrape of the target succeeded.")
    w("# TYPE up gauge")
    for inst in range(len(INSTANCES)):
        ls = labels(job=JOB, instance=INSTANCES[inst])
        for i in range(POINTS):
            w("up%s %d %s" % (ls, 1 if up_at(inst, i) else 0, ts(inst, i)))

    gauges = [
        ("process_resident_memory_bytes", "Resident memory size in bytes.",
         lambda inst, i, age: 180e6 + 40e6 * inst + 9e4 * age + 3e6 * rng.uniform()),
        ("go_goroutines", "Number of goroutines that currently exist.",
         lambda inst, i, age: int(140 + 30 * load_factor(i, inst) + 10 * rng.uniform())),
        ("payment_gateway_inflight_requests", "Requests being processed right now.",
         lambda inst, i, age: int(4 * load_factor(i, inst) + 3 * rng.uniform())),
        ("payment_gateway_queue_depth", "Settlement jobs waiting in the queue.",
         lambda inst, i, age: int(max(0, 20 + 15 * math.sin(i / 17.0 + inst) + 5 * rng.uniform()))),
    ]
    for name, help_text, f in gauges:
        w("# HELP %s %s" % (name, help_text))
        w("# TYPE %s gauge" % name)
        for inst in range(len(INSTANCES)):
            ls = labels(job=JOB, instance=INSTANCES[inst])
            for i in range(POINTS):
                if not up_at(inst, i):
                    continue
                age = i - (OUTAGE[1] + 1) if inst == 1 and i > OUTAGE[1] else i
                w("%s%s %s %s" % (name, ls, fmt(f(inst, i, age)), ts(inst, i)))
    w("# EOF")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
