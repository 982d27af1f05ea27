"""`make bench`: the site served as in production, loaded from a second process
on loopback with wrk, beside nginx serving the same bytes as static files (the
physical limit of this machine). Writes docs/performance.md.

Runs inside ops/with-services and search/elasticsearch/with-node, which give
DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL. A benchmark, not a test: it
reports figures and checks them against the goals, it does not fail on them.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from varnish import running_varnish

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".bench" / "site"
PYTHON = sys.executable
GUNICORN_PORT = 8701
NGINX_PORT = 8702
PROXY_PORT = 8703
FIXED_BYTES_PORT = 8704
# Pages as the issue lists them; the API record's id is looked up once the site is seeded.
PAGES = {
    "home": "/en/",
    "state index": "/en/states/",
    "state page": "/en/states/texas/",
    "compare (3 states)": "/en/states/compare/?states=fl&states=tx&states=pa",
    "ladder stage": "/en/career-ladder/entry-level/",
    "skill guide": "/en/skills/active-listening/",
    "search (Elasticsearch)": "/en/search/?q=training+hours",
    "suggestions": "/en/search/suggest/?q=tex",
    "API state record": None,
    "CSV": "/states/requirements.csv",
    "embed card": "/states/tx/embed/?lang=en",
}
WEIGHT_LIMIT = 60 * 1024


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass
class Row:
    name: str
    path: str
    nginx: Load | None = None
    runs: dict = field(default_factory=dict)
    weight: int | None = None


def site_environment(page_cache):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="peersupport.settings.production",
        SECRET_KEY="bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        ELASTICSEARCH_INDEX_PREFIX="benchsite_",
        PAGE_CACHE="on" if page_cache else "off",
        LOG_LEVEL="WARNING",
        DB_CONN_MAX_AGE="60",
    )
    return env


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=site_environment(True), check=True)  # noqa: S603


def prepare_site():
    manage("migrate", "--noinput", "-v0")
    manage("update_index", "-v0")
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "seed_content"], cwd=ROOT, env=site_environment(True), check=True, capture_output=True
    )
    manage("collectstatic", "--noinput", "-v0")


def wait_for(url, process=None, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"no answer from {url}")


def start_gunicorn(page_cache, args, app="peersupport.wsgi", port=GUNICORN_PORT, extra_env=None):
    process = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            app,
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            f"--worker-class={args.worker_class}",
            f"--threads={args.threads}",
            "--access-logfile=-" if os.environ.get("BENCH_ACCESS_LOG") else "--access-logfile=/dev/null",
            f"--error-logfile={WORK / 'gunicorn.log'}",
        ],
        cwd=ROOT,
        env=site_environment(page_cache) | (extra_env or {}),
    )
    wait_for(f"http://127.0.0.1:{port}/robots.txt", process)
    return process


def gunicorn_ceiling(body, args):
    """gunicorn with the same workers serving fixed bytes without Django: how
    close any Django app behind it could come to nginx on this machine."""
    bytes_file = WORK / "fixed-bytes"
    bytes_file.write_bytes(body)
    server = start_gunicorn(
        False, args, app="ops.fixed_bytes_wsgi", port=FIXED_BYTES_PORT, extra_env={"FIXED_BYTES_FILE": str(bytes_file)}
    )
    try:
        return wrk(f"http://127.0.0.1:{FIXED_BYTES_PORT}/", args.seconds, args.connections)
    finally:
        stop(server)


def behind_proxy(rows, args):
    """Varnish (ops/varnish) in front of the running gunicorn, each page seen
    once before it is loaded, as after any visitor's first view."""
    with running_varnish(PROXY_PORT, GUNICORN_PORT):
        for row in rows:
            for _ in range(2):
                urllib.request.urlopen(f"http://127.0.0.1:{PROXY_PORT}{row.path}", timeout=30).read()
            row.runs["proxy"] = wrk(f"http://127.0.0.1:{PROXY_PORT}{row.path}", args.seconds, args.connections)


def stop(process):
    process.terminate()
    process.wait(timeout=30)


def fetch(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{GUNICORN_PORT}{path}", timeout=30) as response:
        return response.read()


def page_weight(path, body):
    """HTML plus the stylesheets and scripts it links, uncompressed, in bytes (images aside): the rule in
    core/page_weight.py, which tests/core/test_page_weight.py holds every kind of public page to."""
    if not path.startswith("/en/") or "suggest" in path:
        return None
    if str(ROOT) not in sys.path:  # run as a script, this file sees ops/ only
        sys.path.insert(0, str(ROOT))
    from core.page_weight import page_weight as weigh

    return weigh(body, fetch)


def write_static_copies(rows):
    """The bytes gunicorn serves for each page, as files for nginx."""
    public = WORK / "nginx" / "public"
    shutil.rmtree(public, ignore_errors=True)
    public.mkdir(parents=True)
    for number, row in enumerate(rows):
        body = fetch(row.path)
        (public / f"page{number}").write_bytes(body)
        row.weight = page_weight(row.path, body)
    return public


def static_copy(rows, name):
    number = [row.name for row in rows].index(name)
    return (WORK / "nginx" / "public" / f"page{number}").read_bytes()


def start_nginx(public):
    conf = WORK / "nginx" / "nginx.conf"
    conf.write_text(
        f"""
worker_processes auto;
pid {WORK / "nginx" / "nginx.pid"};
error_log {WORK / "nginx" / "error.log"};
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path {WORK / "nginx"};
    proxy_temp_path {WORK / "nginx"};
    fastcgi_temp_path {WORK / "nginx"};
    uwsgi_temp_path {WORK / "nginx"};
    scgi_temp_path {WORK / "nginx"};
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        root {public};
    }}
}}
"""
    )
    process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(WORK / "nginx")])  # noqa: S603, S607
    wait_for(f"http://127.0.0.1:{NGINX_PORT}/page0", process)
    return process


def wrk(url, seconds, connections):
    result = subprocess.run(  # noqa: S603
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def parse_wrk(output):
    def milliseconds(text):
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    total_errors = int(errors.group(1)) if errors else 0
    if socket_errors:
        total_errors += sum(int(n) for n in socket_errors.groups())
    return Load(rps, p50, p99, total_errors)


def api_record_path():
    listing = json.loads(fetch("/api/v2/pages/?type=states.StatePage&slug=texas&locale=en"))
    return f"/api/v2/pages/{listing['items'][0]['id']}/"


def report(rows, ceiling, args, elapsed):
    def cell(load):
        return f"{load.rps:,.0f} | {load.p50_ms:.1f} | {load.p99_ms:.1f}" if load else "–"

    def share(row, run):
        return f"1/{row.nginx.rps / row.runs[run].rps:.1f}" if row.runs[run].rps else "–"

    state_page = next(row for row in rows if row.name == "state page")
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (ops/bench.py); rerun it to refresh. A benchmark, not a test.",
        "",
        f"Machine: {os.cpu_count()} cores; gunicorn {args.workers} {args.worker_class} workers"
        f" × {args.threads} thread(s),"
        " production settings,"
        " PostgreSQL and Redis (ops/with-services), one Elasticsearch node; nginx serving the same bytes as"
        " static files; Varnish (ops/varnish/site.vcl) in front of gunicorn as the caching proxy."
        f" Load: `wrk -t1 -c{args.connections} -d{args.seconds}s --latency` from a second"
        f" process on loopback, one page at a time. Whole run: {elapsed / 60:.0f} min.",
        "",
        "| page | nginx req/s | uncached req/s | p50 ms | p99 ms | page cache req/s | p50 ms | p99 ms"
        " | proxy req/s | p50 ms | p99 ms | page cache ÷ nginx | proxy ÷ nginx | uncached p99 ÷ p50"
        " | errors | weight KB |",
        "| --- |" + " ---: |" * 15,
    ]
    for row in rows:
        uncached, cached, proxy = row.runs["uncached"], row.runs["page cache"], row.runs["proxy"]
        errors = uncached.errors + cached.errors + proxy.errors + row.nginx.errors
        weight = f"{row.weight / 1024:.1f}" if row.weight else "–"
        lines.append(
            f"| {row.name} | {row.nginx.rps:,.0f} | {cell(uncached)} | {cell(cached)} | {cell(proxy)}"
            f" | {share(row, 'page cache')} | {share(row, 'proxy')}"
            f" | {uncached.p99_ms / uncached.p50_ms:.1f}× | {errors} | {weight} |"
        )
    lines += [
        "",
        f"gunicorn's own ceiling: the same workers serving the state page's bytes from a WSGI app without Django"
        f" (ops/fixed_bytes_wsgi.py): {ceiling.rps:,.0f} req/s,"
        f" p50 {ceiling.p50_ms:.1f} ms, p99 {ceiling.p99_ms:.1f} ms,"
        f" 1/{state_page.nginx.rps / ceiling.rps:.1f} of nginx.",
        "",
        "Goals (issue 7): with the page cache, every public page at least 1/10 of nginx's requests per second;"
        " behind the caching proxy, at least 1/2; uncached, p99 under 5× p50; HTML + CSS + JS under 60 KB per page"
        " (weight, uncompressed, images aside).",
        "",
        "Search results are never kept (every search is counted for editors), so their cached and proxy columns"
        " are the same code path measured again.",
        "",
    ]
    (ROOT / "docs" / "performance.md").write_text("\n".join(lines))
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    # gthread keeps connections alive between requests, as nginx does (sync closes each one);
    # measured: about 15% more cached req/s, but longer uncached tails.
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)
    if not args.skip_seed:
        prepare_site()

    server = start_gunicorn(page_cache=True, args=args)
    try:
        PAGES["API state record"] = api_record_path()
        rows = [Row(name, path) for name, path in PAGES.items()]
        nginx = start_nginx(write_static_copies(rows))
        try:
            for number, row in enumerate(rows):
                row.nginx = wrk(f"http://127.0.0.1:{NGINX_PORT}/page{number}", args.seconds, args.connections)
        finally:
            stop(nginx)
        for row in rows:
            fetch(row.path)  # fill the page cache
            row.runs["page cache"] = wrk(f"http://127.0.0.1:{GUNICORN_PORT}{row.path}", args.seconds, args.connections)
        behind_proxy(rows, args)
    finally:
        stop(server)
    ceiling = gunicorn_ceiling(static_copy(rows, "state page"), args)

    server = start_gunicorn(page_cache=False, args=args)
    try:
        for row in rows:
            row.runs["uncached"] = wrk(f"http://127.0.0.1:{GUNICORN_PORT}{row.path}", args.seconds, args.connections)
    finally:
        stop(server)
    report(rows, ceiling, args, time.monotonic() - started)


if __name__ == "__main__":
    main()
