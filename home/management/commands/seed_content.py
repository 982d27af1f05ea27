from django.core.management.base import BaseCommand

from home.seeding import seed_site


class Command(BaseCommand):
    help = (
        "Build the site's starting content from the content files in the repo. "
        "Safe to run again: it only adds what is missing and never overwrites editors' changes."
    )

    def handle(self, *args, **options):
        created = []

        def report(message):
            created.append(message)
            self.stdout.write(f"  {message}")

        seed_site(report, warn=lambda message: self.stdout.write(self.style.WARNING(f"  {message}")))
        self.stdout.write(self.style.SUCCESS(f"Starting content ready ({len(created)} items created)."))
