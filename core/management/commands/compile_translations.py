from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile the interface catalogues (locale/<language>/LC_MESSAGES/django.po) into the .mo "
        "files Django reads. Does what `compilemessages` does without needing GNU gettext installed; "
        "fuzzy and untranslated entries are left out, so they show in English."
    )

    def handle(self, *args, **options):
        for root in settings.LOCALE_PATHS:
            for po_path in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(
                    f"{po_path.relative_to(settings.BASE_DIR)}: {len(catalogue.translated_entries())} of "
                    f"{len([e for e in catalogue if not e.obsolete])} translated"
                )
