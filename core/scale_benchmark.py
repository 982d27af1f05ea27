"""The scale benchmark behind `make bench-scale` (issue 7, "Scale"): as the
seeded site is grown size by size to 10,000 pages, how fast the state index,
compare, search and the sitemap answer, each held to the goal of staying
within 1.5x of its time on the smallest site, and what `manage.py
update_index` costs in time and memory at each size.

Requests go through Django's test client inside this process: what is timed
is the application's own work (routing, queries, rendering), the part that can
grow with content. A real HTTP server would add the same cost at both sizes and
so hide growth; `make bench` measures the site under load through gunicorn."""

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from search.benchmark import Timing, content_pages, generate_pages

from .sitemaps import PagesInEveryLanguage

GOAL = 1.5
WARM_UP_ROUNDS = 3
# The addresses the goal names. A narrow query (state pages) and a broad one,
# which matches thousands of the generated pages.
ADDRESSES = {
    "state index": "/en/states/",
    "compare (FL, TX, PA)": "/en/states/compare/?states=fl,tx,pa",
    "search “texas” (Elasticsearch)": "/en/search/?q=texas",
    "search “certification” (Elasticsearch)": "/en/search/?q=certification",
    "sitemap index": "/sitemap.xml",
}
# Timed beside them but independent of content: if its time differs between
# sizes, other work on the machine did, and the ratios carry that noise.
CONTROL = "control: robots.txt"
CONTROL_PATH = "/robots.txt"
# Found in the sitemap index at each size: the last page is the one whose
# database query skips the most rows.
FIRST_SITEMAP_PAGE = "sitemap page 1"
LAST_SITEMAP_PAGE = "last sitemap page"


@dataclass
class Measurement:
    path: str
    timing: Timing
    queries: int
    kilobytes: float
    urls: int  # <url> entries, in a sitemap page


@dataclass
class IndexBuild:
    seconds: float
    peak_megabytes: float


@dataclass
class SizeRun:
    pages: int
    index_build: IndexBuild
    measurements: dict


def build_index():
    """`manage.py update_index` (every backend) in a process of its own:
    os.wait4 reports that one child's peak resident memory. The child inherits
    DJANGO_SETTINGS_MODULE from the environment (settings overridden here
    name no module)."""
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "update_index", "--verbosity", "0"]
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - our own manage.py, with our own interpreter
            command, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            raise RuntimeError(f"update_index failed:\n{errors.read().decode(errors='replace')}")
    return IndexBuild(seconds, usage.ru_maxrss / 1024)  # Linux reports kilobytes


def sitemap_page_paths(client):
    index = client.get("/sitemap.xml")
    locations = re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", index.content.decode())
    return [urlsplit(location)._replace(scheme="", netloc="").geturl() for location in locations]


def check(response, path):
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    if b"simpler mode" in response.content:
        raise RuntimeError(f"{path} answered from the database: Elasticsearch was unreachable or slow")


def time_requests(client, paths, repeats):
    """Seconds per GET of each path. The paths take turns, round by round, so
    that other work on the machine weighs on all of them alike."""
    samples = {label: [] for label in paths}
    for _ in range(WARM_UP_ROUNDS):
        for path in paths.values():
            check(client.get(path), path)
    for _ in range(repeats):
        for label, path in paths.items():
            started = time.perf_counter()
            response = client.get(path)
            samples[label].append(time.perf_counter() - started)
            check(response, path)
    return samples


def measure(path, client, samples):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    body = response.content
    return Measurement(path, Timing.of(samples), len(queries), len(body) / 1024, body.count(b"<url>"))


def measure_addresses(repeats):
    client = Client()
    paths = {**ADDRESSES, CONTROL: CONTROL_PATH}
    sitemap_pages = sitemap_page_paths(client)
    paths[FIRST_SITEMAP_PAGE] = sitemap_pages[0]
    paths[LAST_SITEMAP_PAGE] = sitemap_pages[-1]
    samples = time_requests(client, paths, repeats)
    return {label: measure(path, client, samples[label]) for label, path in paths.items()}


def run(sizes, repeats, report):
    runs = []
    with override_settings(PAGE_CACHE_ENABLED=False):
        for size in sorted(sizes):
            started = time.perf_counter()
            added = generate_pages(size)
            pages = content_pages()
            report(f"{pages:,} pages ({added:,} generated in {time.perf_counter() - started:.0f} s)")
            index_build = build_index()
            report(f"  update_index: {index_build.seconds:.1f} s, peak {index_build.peak_megabytes:.0f} MB")
            measurements = measure_addresses(repeats)
            for label, measurement in measurements.items():
                report(
                    f"  {label}: p50 {measurement.timing.p50:.1f} ms, p95 {measurement.timing.p95:.1f} ms, "
                    f"{measurement.queries} queries"
                )
            runs.append(SizeRun(pages, index_build, measurements))
    return runs


def ratio(large, small):
    return large / small if small else float("inf")


def measurements_table(runs):
    lines = [
        "| address | path | pages | p50 ms | p95 ms | queries | KB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in runs[0].measurements:
        for size_run in runs:
            measured = size_run.measurements[label]
            lines.append(
                f"| {label} | `{measured.path}` | {size_run.pages:,} | {measured.timing.p50:.1f} "
                f"| {measured.timing.p95:.1f} | {measured.queries} | {measured.kilobytes:.1f} |"
            )
    return lines


def goal_table(small, large):
    lines = [
        f"| address | p50 ms at {small.pages:,} | p50 ms at {large.pages:,} | p50 ratio | p95 ratio | within {GOAL}× |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, before in small.measurements.items():
        after = large.measurements[label]
        p50_ratio = ratio(after.timing.p50, before.timing.p50)
        verdict = "(control)" if label == CONTROL else "yes" if p50_ratio <= GOAL else "**no**"
        lines.append(
            f"| {label} | {before.timing.p50:.1f} | {after.timing.p50:.1f} | {p50_ratio:.2f}× "
            f"| {ratio(after.timing.p95, before.timing.p95):.2f}× | {verdict} |"
        )
    return lines


def sitemap_page_growth(runs):
    """A sitemap page fills up to `limit` URLs and then stops growing: on the
    small site one page lists every page, so its time there is not the
    yardstick. Compared here: per URL listed, and from the first size at which
    the page was full."""
    first = [(size_run, size_run.measurements[FIRST_SITEMAP_PAGE]) for size_run in runs]
    (small, before), (large, after) = first[0], first[-1]
    if not before.urls or not after.urls:
        return []
    lines = [
        f"Sitemap page 1 lists at most {PagesInEveryLanguage.limit:,} URLs: "
        + ", ".join(f"{measured.urls:,} at {size_run.pages:,} pages" for size_run, measured in first)
        + f". Per URL listed, its p50 is {before.timing.p50 / before.urls:.3f} ms at {small.pages:,} pages and "
        f"{after.timing.p50 / after.urls:.3f} ms at {large.pages:,}, "
        f"{ratio(after.timing.p50 / after.urls, before.timing.p50 / before.urls):.2f}×."
    ]
    full = next((pair for pair in first[:-1] if pair[1].urls == after.urls), None)
    if full is not None:
        full_run, full_page = full
        last_page = large.measurements[LAST_SITEMAP_PAGE]
        lines.append(
            f"Full from {full_run.pages:,} pages on: there its p50 is {full_page.timing.p50:.1f} ms, at "
            f"{large.pages:,} pages {after.timing.p50:.1f} ms, {ratio(after.timing.p50, full_page.timing.p50):.2f}×; "
            f"the last sitemap page's is {ratio(last_page.timing.p50, full_page.timing.p50):.2f}× it."
        )
    return [" ".join(lines)]


def over_the_goal(small, large):
    """Where an address missed the goal, what grew with it."""
    lines = []
    for label, before in small.measurements.items():
        after = large.measurements[label]
        if label != CONTROL and ratio(after.timing.p50, before.timing.p50) > GOAL:
            lines.append(
                f"- {label}: p50 {ratio(after.timing.p50, before.timing.p50):.2f}×; database queries "
                f"{before.queries} → {after.queries}, response {before.kilobytes:.1f} → {after.kilobytes:.1f} KB."
            )
    if not lines:
        return [f"Every address is within {GOAL}× of its p50 at {small.pages:,} pages."]
    return [f"Over {GOAL}×:", "", *lines]


def index_table(runs):
    lines = ["| pages | update_index wall s | peak RSS MB |", "| ---: | ---: | ---: |"]
    for size_run in runs:
        build = size_run.index_build
        lines.append(f"| {size_run.pages:,} | {build.seconds:.1f} | {build.peak_megabytes:.0f} |")
    return lines


def markdown(runs, *, repeats, command, minutes):
    small, large = runs[0], runs[-1]
    return "\n".join(
        [
            "# Scale",
            "",
            f"Written by `{command}` (core/scale_benchmark.py); rerun it to refresh. A benchmark, not a test: "
            "one run on a machine that may be doing other work, so read the ratios rather than the milliseconds.",
            "",
            f"Machine: {os.cpu_count()} cores. Bench settings (SQLite, DEBUG off), page cache off, one "
            "Elasticsearch node of the run's own. The seeded site (English and Spanish) is grown with generated "
            "skill pages (English, `search.benchmark.generate_pages`); the seeded site alone already has "
            f"{small.pages:,} pages, so that is the small size. Requests go through Django's test client in the "
            f"benchmark's process: {WARM_UP_ROUNDS} warm-up rounds, then {repeats} timed rounds in which the "
            "addresses take turns; queries and KB are of one further request. The command ran "
            f"{minutes:.0f} min (migrating and seeding aside).",
            "",
            f"Goal (issue 7): with 10,000 pages, the state index, compare, search and the sitemap stay within "
            f"{GOAL}× of their latency at 100 pages; `update_index` time and memory are reported.",
            "",
            *goal_table(small, large),
            "",
            *over_the_goal(small, large),
            "",
            *sitemap_page_growth(runs),
            "",
            "Each size:",
            "",
            *measurements_table(runs),
            "",
            "`manage.py update_index` (every backend: Elasticsearch English and Spanish, and the database "
            "backend), in a process of its own; peak RSS is that process's maximum resident set size:",
            "",
            *index_table(runs),
            "",
        ]
    )
