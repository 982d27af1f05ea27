from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.query import ELASTICSEARCH_ERRORS, is_elasticsearch
from search.relevance import RELEVANCE_SET, backend_names, load_cases, measure


class Command(BaseCommand):
    help = (
        "Run the relevance set (search/content/relevance.yaml) on every configured search backend "
        "and print hit@1, hit@3 and MRR per backend and language, then the queries that missed the top 3."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(RELEVANCE_SET), help="A relevance set in the same YAML shape.")
        parser.add_argument("--misses", action="store_true", help="List each query that missed the top 3.")

    def handle(self, *args, **options):
        cases = load_cases(options["file"])
        languages = [code for code, _name in settings.LANGUAGES if any(case.language == code for case in cases)]
        self.stdout.write(f"{'backend':<10} {'language':<8} {'queries':>7} {'hit@1':>6} {'hit@3':>6} {'MRR':>6}")
        for backend in backend_names():
            label = backend if is_elasticsearch(backend) else "database"
            for language in languages:
                try:
                    score = measure(cases, backend, language)
                except ELASTICSEARCH_ERRORS as error:
                    raise CommandError(f"The {backend} backend could not be reached: {error}") from error
                self.stdout.write(
                    f"{label:<10} {language:<8} {len(score.ranks):>7} "
                    f"{score.hit_at(1):>6.2f} {score.hit_at(3):>6.2f} {score.mrr:>6.2f}"
                )
                if options["misses"]:
                    for case, found in score.misses:
                        self.stdout.write(f"    missed {case.query!r}: top 3 were {found[:3]}")
