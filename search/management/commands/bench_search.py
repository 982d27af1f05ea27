import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import benchmark


class Command(BaseCommand):
    help = (
        "Benchmark search (run by `make bench-search` on a database and Elasticsearch node of its own): "
        "grow the seeded site to each size with generated pages, then per backend time the index build, "
        "a fixed query mix and the search page. Prints a Markdown table for the README."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
        parser.add_argument("--repeats", type=int, default=10, help="Rounds of the query mix per measurement.")

    def handle(self, *args, sizes, repeats, **options):
        if "bench" not in settings.SETTINGS_MODULE:
            raise CommandError("Run this with DJANGO_SETTINGS_MODULE=peersupport.settings.bench: it adds pages.")
        rows = benchmark.run(sizes, repeats, self.stdout.write)
        self.stdout.write("")
        self.stdout.write(f"{os.cpu_count()} cores; {len(benchmark.QUERY_MIX)} queries x {repeats} rounds each")
        self.stdout.write(benchmark.markdown_table(rows))
        ratio = benchmark.growth(rows, "Elasticsearch")
        if ratio is not None:
            self.stdout.write(
                f"\nElasticsearch search page p50 at {rows[-1].pages:,} pages is {ratio:.2f}x its p50 at "
                f"{rows[0].pages:,} pages (goal: at most 1.5x)."
            )
