"""`make load`: the site as in production (gunicorn, PostgreSQL, Redis, one
Elasticsearch node, Varnish) under 50 connections of mixed pages, first plainly
for 60 seconds, then while each part fails: Elasticsearch stops and starts,
Redis stops and starts, PostgreSQL restarts while an editor keeps saving, and a
page is published. Loopback only; every phase stops by itself. Writes
docs/load.md. Runs inside ops/with-services (PostgreSQL, Redis) and starts its
own Elasticsearch node, so it can stop it.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import bench
from elasticsearch_node import ElasticsearchNode
from varnish import running_varnish

ROOT = bench.ROOT
WORK = ROOT / ".bench" / "load"
ES_PORT = 9950
SITE = f"http://127.0.0.1:{bench.GUNICORN_PORT}"
PROXY = f"http://127.0.0.1:{bench.PROXY_PORT}"
LUA = """
paths = {%s}
counter = 0
s2, s3, s4, s5 = 0, 0, 0, 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1])
end
response = function(status, headers, body)
    if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1
    elseif status >= 300 then s3 = s3 + 1 else s2 = s2 + 1 end
end
threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
    local t = threads[1]
    local line = "STATUSES 2xx=%%d 3xx=%%d 4xx=%%d 5xx=%%d\\n"
    io.write(string.format(line, t:get("s2"), t:get("s3"), t:get("s4"), t:get("s5")))
end
"""


@dataclass
class Probe:
    """What one visitor saw, asking for one address again and again."""

    url: str
    every: float
    seen: list = field(default_factory=list)  # (seconds since start, status, headers, body)

    def run(self, started, stop):
        while not stop.is_set():
            moment = time.monotonic() - started
            try:
                with urllib.request.urlopen(self.url, timeout=10) as response:  # noqa: S310 - loopback
                    self.seen.append((moment, response.status, dict(response.headers), response.read().decode()))
            except urllib.error.HTTPError as error:
                self.seen.append((moment, error.code, dict(error.headers), error.read().decode(errors="replace")))
            except OSError as error:
                self.seen.append((moment, 0, {}, str(error)))
            time.sleep(self.every)


class Phase:
    """wrk on the mixed page list in the background, with probes, for `seconds`."""

    def __init__(self, seconds, connections, paths, probes=()):
        self.seconds, self.connections, self.probes = seconds, connections, list(probes)
        script = WORK / "mixed.lua"
        script.write_text(LUA % ", ".join(f'"{path}"' for path in paths))
        self.command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), SITE]

    def __enter__(self):
        self.started = time.monotonic()
        self.stop = threading.Event()
        self.wrk = subprocess.Popen(self.command, stdout=subprocess.PIPE, text=True)  # noqa: S603
        self.threads = [threading.Thread(target=p.run, args=(self.started, self.stop)) for p in self.probes]
        for thread in self.threads:
            thread.start()
        return self

    def at(self, seconds):
        """Waits until `seconds` into the phase."""
        time.sleep(max(0, seconds - self.elapsed()))

    def elapsed(self):
        return time.monotonic() - self.started

    def __exit__(self, *exc):
        output, _ = self.wrk.communicate(timeout=self.seconds + 120)
        self.stop.set()
        for thread in self.threads:
            thread.join()
        self.load = bench.parse_wrk(output)
        statuses = output.split("STATUSES ")[1].split()
        self.statuses = {key: int(value) for key, value in (item.split("=") for item in statuses)}


def site_environment():
    return bench.site_environment(page_cache=True) | {"SEARCH_FALLBACK_SECONDS": "5"}


def django_shell(code, env=None):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env=site_environment() | (env or {}),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def summary(phase):
    load, statuses = phase.load, phase.statuses
    return (
        f"{load.rps:,.0f} req/s, p50 {load.p50_ms:.1f} ms, p99 {load.p99_ms:.1f} ms;"
        f" answers: {statuses['2xx']:,} 2xx, {statuses['3xx']:,} 3xx, {statuses['4xx']:,} 4xx,"
        f" {statuses['5xx']:,} 5xx; socket errors and timeouts counted in errors: {load.errors:,}"
    )


def statuses_seen(probe, start=0, end=float("inf")):
    counts = {}
    for moment, status, _headers, _body in probe.seen:
        if start <= moment < end:
            counts[status] = counts.get(status, 0) + 1
    return ", ".join(f"{count} × {status or 'no answer'}" for status, count in sorted(counts.items())) or "none"


def plain_load(args, paths):
    with Phase(args.seconds, args.connections, paths) as phase:
        pass
    return [f"## Load: {args.seconds} s at {args.connections} connections, mixed pages", "", summary(phase), ""]


def elasticsearch_stops(node, args, paths):
    search = Probe(f"{SITE}/en/search/?q=texas", 0.25)
    with Phase(50, args.connections, paths, [search]) as phase:
        phase.at(8)
        node.stop()
        stopped = phase.elapsed()
        phase.at(18)
        node.start()
        started = phase.elapsed()
    degraded = [moment for moment, _s, _h, body in search.seen if "simpler mode" in body]
    back = next((m for m, status, _h, body in search.seen if m > started and "simpler mode" not in body), None)
    return [
        "## Elasticsearch stops during load, then starts again",
        "",
        f"Node stopped at {stopped:.1f} s, running again at {started:.1f} s. Load: {summary(phase)}.",
        f"Search probe (every 0.25 s): {statuses_seen(search)}; answered from the database"
        f" (the page says so) from {min(degraded, default=0):.1f} s to {max(degraded, default=0):.1f} s;"
        f" back on Elasticsearch at {back:.1f} s."
        if back
        else "Search never returned to Elasticsearch.",
        "",
    ]


def redis_stops(args, paths):
    port = os.environ["REDIS_URL"].rsplit(":", 1)[1].split("/")[0]
    services = Path(os.environ["SERVICES_DIR"])
    page = Probe(f"{SITE}/en/states/texas/", 0.25)
    with Phase(30, args.connections, paths, [page]) as phase:
        phase.at(8)
        subprocess.run(["redis-cli", "-p", port, "shutdown", "nosave"], check=False)  # noqa: S603, S607
        stopped = phase.elapsed()
        phase.at(18)
        redis = ["redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        redis += ["--daemonize", "yes", "--pidfile", str(services / "redis.pid")]
        redis += ["--logfile", str(services / "redis.log"), "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"]
        subprocess.run(redis, check=True)  # noqa: S603
        started = phase.elapsed()
    while_down = [h.get("X-Page-Cache") for m, _s, h, _b in page.seen if stopped + 1 < m < started]
    after = [h.get("X-Page-Cache") for m, _s, h, _b in page.seen if m > started + 2]
    return [
        "## Redis stops during load, then starts again",
        "",
        f"Redis stopped at {stopped:.1f} s, running again at {started:.1f} s. Load: {summary(phase)}.",
        f"State page probe: {statuses_seen(page)}; page cache while Redis was down:"
        f" {', '.join(sorted(set(filter(None, while_down))))}; after: {', '.join(sorted(set(filter(None, after))))}.",
        "",
    ]


EDITOR = """
import time
from django.db import connection
from states.models import StatePage
deadline = time.monotonic() + {seconds}
number = 0
while time.monotonic() < deadline:
    number += 1
    try:
        page = StatePage.objects.get(code="PA", locale__language_code="en")
        page.training_detail = f"load-edit-{{number}}"
        page.save_revision()
        print("saved", number, flush=True)
    except Exception as error:
        print("failed", number, type(error).__name__, flush=True)
        connection.close()
    time.sleep(0.2)
"""

COUNT_EDITS = """
from wagtail.models import Revision
from states.models import StatePage
page = StatePage.objects.get(code="PA", locale__language_code="en")
for revision in Revision.objects.filter(object_id=str(page.pk)).only("content"):
    print(revision.content.get("training_detail"))
"""


def postgres_restarts(args, paths):
    services, pg_bin = os.environ["SERVICES_DIR"], os.environ["PG_BIN"]
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    search = Probe(f"{SITE}/en/search/?q=texas", 0.25)
    page = Probe(f"{SITE}/en/states/texas/", 0.25)
    editor = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-v0", "-c", EDITOR.format(seconds=25)],
        cwd=ROOT,
        env=site_environment(),
        stdout=subprocess.PIPE,
        text=True,
    )
    with Phase(30, args.connections, paths, [search, page]) as phase:
        phase.at(8)
        began = phase.elapsed()
        restart = [*as_postgres, f"{pg_bin}/pg_ctl", "-D", f"{services}/pg", "-l", f"{services}/postgresql.log"]
        # Not captured: the restarted server would hold the pipe open.
        subprocess.run([*restart, "-m", "fast", "-w", "restart"], check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        ended = phase.elapsed()
    saved = {line.split()[1] for line in editor.communicate()[0].splitlines() if line.startswith("saved")}
    failed = editor.returncode
    stored = {line.removeprefix("load-edit-") for line in django_shell(COUNT_EDITS).splitlines()}
    lost = saved - stored
    errors_outside = [
        (m, s) for probe in (search, page) for m, s, _h, _b in probe.seen if s >= 500 and not began - 1 < m < ended + 5
    ]
    return [
        "## PostgreSQL restarts during load while an editor keeps saving",
        "",
        f"Restart from {began:.1f} s to {ended:.1f} s. Load: {summary(phase)}.",
        f"Search probe (needs the database): {statuses_seen(search)};"
        f" during the restart: {statuses_seen(search, began, ended + 1)}; later: {statuses_seen(search, ended + 1)}.",
        f"State page probe (page cache): {statuses_seen(page)}.",
        f"Server errors outside the restart (+5 s): {len(errors_outside)}.",
        f"Editor: {len(saved)} saves reported done (exit {failed}), {len(lost)} of them missing afterwards.",
        "",
    ]


PUBLISH = """
from states.models import StatePage
page = StatePage.objects.get(code="TX", locale__language_code="en")
page.training_hours = 777
page.training_detail = "Version two of this page"
page.save_revision().publish()
"""


def publish_during_load(args, paths):
    probes = {"gunicorn (page cache)": Probe(f"{SITE}/en/states/texas/", 0.02)}
    probes["Varnish"] = Probe(f"{PROXY}/en/states/texas/", 0.02)
    with (
        running_varnish(bench.PROXY_PORT, bench.GUNICORN_PORT),
        Phase(20, args.connections, paths, list(probes.values())) as phase,
    ):
        phase.at(8)
        began = phase.elapsed()
        django_shell(PUBLISH, env={"FRONTEND_CACHE_URL": PROXY})
        published = phase.elapsed()
    lines = [
        "## A page is published during load",
        "",
        f"Publish from {began:.2f} s to {published:.2f} s. Load: {summary(phase)}.",
    ]
    for name, probe in probes.items():
        versions = {"old": 0, "new": 0, "mixed": 0}
        last_old = None
        for moment, _status, _headers, body in probe.seen:
            new_text, new_hours = "Version two of this page" in body, "777" in body
            version = "new" if new_text and new_hours else "old" if not (new_text or new_hours) else "mixed"
            versions[version] += 1
            if version == "old" and moment >= published:
                last_old = moment
        stale = "none" if last_old is None else f"the last at {last_old:.2f} s"
        lines.append(
            f"{name}, every 20 ms: {versions['old']} old, {versions['new']} new, {versions['mixed']} mixed;"
            f" old answers to requests made after the publish returned: {stale}."
        )
    return [*lines, ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    args = parser.parse_args()
    args.worker_class, args.threads = "sync", 1
    WORK.mkdir(parents=True, exist_ok=True)
    node = ElasticsearchNode(f"http://127.0.0.1:{ES_PORT + 1}", WORK / "elasticsearch")
    node.wipe()
    node.start()
    os.environ["ELASTICSEARCH_URL"] = node.url
    os.environ["SEARCH_FALLBACK_SECONDS"] = "5"
    try:
        bench.prepare_site()
        server = bench.start_gunicorn(page_cache=True, args=args)
        try:
            paths = [path for path in bench.PAGES.values() if path] + [bench.api_record_path()]
            paths += [path.replace("/en/", "/es/") for path in paths if path.startswith("/en/")]
            report = [
                "# Load and faults",
                "",
                f"Written by `make load` (ops/load.py). Machine: {os.cpu_count()} cores; gunicorn {args.workers} sync"
                " workers, production settings, PostgreSQL and Redis (ops/with-services), one Elasticsearch node."
                f" Load: wrk, {args.connections} connections, cycling through {len(paths)} addresses (every page"
                " of `make bench`, in English and Spanish), straight to gunicorn.",
                "",
            ]
            report += plain_load(args, paths)
            report += elasticsearch_stops(node, args, paths)
            report += redis_stops(args, paths)
            report += postgres_restarts(args, paths)
            report += publish_during_load(args, paths)
        finally:
            bench.stop(server)
    finally:
        node.stop()
    (ROOT / "docs" / "load.md").write_text("\n".join(report))
    print("\n".join(report))


if __name__ == "__main__":
    main()
