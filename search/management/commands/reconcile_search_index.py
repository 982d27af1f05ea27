from django.core.management.base import BaseCommand, CommandError

from search.indexing import reconcile
from search.query import ELASTICSEARCH_ERRORS, elasticsearch_in_use


class Command(BaseCommand):
    help = (
        "Replay the index changes Elasticsearch missed while it was down, then compare, per locale, "
        "the live public pages in the database with the live pages in the index and repair the difference. "
        "Safe to run at any time; run it from cron (every few minutes) in production."
    )

    def handle(self, *args, **options):
        if not elasticsearch_in_use():
            self.stdout.write("Search runs on the database backend, which is always in step: nothing to do.")
            return
        try:
            reports = reconcile()
        except ELASTICSEARCH_ERRORS as error:
            raise CommandError(f"Elasticsearch could not be reached: {error}") from error
        for report in reports:
            self.stdout.write(
                f"{report.language}: {report.in_database} live public pages in the database, "
                f"{report.in_index} live in the index; re-indexed {len(report.added)}, "
                f"corrected {len(report.removed)}"
            )
