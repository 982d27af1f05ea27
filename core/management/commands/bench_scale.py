import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import scale_benchmark
from search.query import is_elasticsearch

RERUN = "make bench-scale"


class Command(BaseCommand):
    help = (
        "Benchmark growth (run by `make bench-scale` on a database and Elasticsearch node of its own): grow "
        "the seeded site to each size with generated pages, run update_index, and time the state index, "
        "compare, search and the sitemap. Writes docs/scale.md and prints it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
        parser.add_argument("--repeats", type=int, default=40, help="Timed requests per address and size.")
        parser.add_argument("--output", default=str(settings.BASE_DIR / "docs" / "scale.md"))

    def handle(self, *args, sizes, repeats, output, **options):
        if "bench" not in settings.SETTINGS_MODULE:
            raise CommandError("Run this with DJANGO_SETTINGS_MODULE=peersupport.settings.bench: it adds pages.")
        if not is_elasticsearch("default"):
            raise CommandError("Set ELASTICSEARCH_URL: search is measured on Elasticsearch.")
        if len(sizes) < 2:
            raise CommandError("Give at least two sizes to compare.")
        started = time.perf_counter()
        runs = scale_benchmark.run(sizes, repeats, self.stdout.write)
        minutes = (time.perf_counter() - started) / 60
        report = scale_benchmark.markdown(runs, repeats=repeats, command=RERUN, minutes=minutes)
        with open(output, "w") as file:
            file.write(report)
        self.stdout.write("")
        self.stdout.write(report)
