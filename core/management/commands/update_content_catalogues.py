from django.conf import settings
from django.core.management.base import BaseCommand

from core.translating import update_catalogues


class Command(BaseCommand):
    help = (
        "Write the content catalogues (<app>/content/locale/<language>/*.po) from the English "
        "content in the database, keeping every translation whose English text is unchanged. "
        "Translators fill in the empty entries; seed_content builds the translations from them."
    )

    def add_arguments(self, parser):
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        parser.add_argument("--language", choices=languages, default=languages[0])

    def handle(self, *args, language, **options):
        for path, untranslated in update_catalogues(language).items():
            status = f"{untranslated} to translate" if untranslated else "complete"
            self.stdout.write(f"{path.relative_to(settings.BASE_DIR)}: {status}")
