"""Content catalogues: the PO files that carry the translations of the starting content.

Each app keeps its catalogues under <app>/content/locale/<language>/, one per
section of the site (one per state for the state pages, so a translator can
take a state at a time). An entry is keyed by its English text alone: the
contexts wagtail-localize gives a string contain block ids and record keys
that differ from one machine to the next, the English text does not.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.apps import apps
from wagtail.models import Page

# Block ids and translation keys inside wagtail-localize's context paths.
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def catalogue_root(app_label, language):
    return Path(apps.get_app_config(app_label).path) / "content" / "locale" / language


def catalogue_path(instance, language):
    """The catalogue a page's or snippet's strings belong to."""
    if not isinstance(instance, Page):
        return catalogue_root(instance._meta.app_label, language) / f"{instance._meta.model_name}.po"
    # A page belongs to its section: the page below the home page it sits under.
    section = instance if instance.depth <= 3 else instance.get_ancestors().get(depth=3).specific
    name = section.slug
    if getattr(instance, "one_catalogue_per_page", False):
        name = f"{section.slug}/{instance.slug}"
    return catalogue_root(section._meta.app_label, language) / f"{name}.po"


def all_catalogue_paths(language):
    for config in apps.get_app_configs():
        root = Path(config.path) / "content" / "locale" / language
        if root.is_dir():
            yield from sorted(root.rglob("*.po"))


def load_translations(language):
    """Every translated entry of every catalogue of a language, English text → translation."""
    translations = {}
    for path in all_catalogue_paths(language):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.fuzzy and not entry.obsolete:
                translations[entry.msgid] = entry.msgstr
    return translations


def location(context_path):
    """Where a string appears, readable and the same on every machine: `body.text`."""
    return ".".join(part for part in _UUID.sub("", context_path).split(".") if part)


@dataclass
class CatalogueUpdate:
    path: Path
    entries: dict = field(default_factory=dict)  # English text → set of "page: field" locations

    def add(self, text, where):
        self.entries.setdefault(text, set()).add(where)

    def write(self, language):
        """Write the catalogue: English text as it is now, translations kept where the text is unchanged."""
        existing = polib.pofile(str(self.path)) if self.path.exists() else None
        kept = {entry.msgid: entry for entry in existing or [] if not entry.obsolete}
        catalogue = polib.POFile(wrapwidth=0)
        catalogue.metadata = {
            "Project-Id-Version": "Peer Support Careers content",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for text, places in self.entries.items():
            previous = kept.get(text)
            catalogue.append(
                polib.POEntry(
                    msgid=text,
                    msgstr=previous.msgstr if previous else "",
                    comment=previous.comment if previous else "",
                    occurrences=[(place, "") for place in sorted(places)],
                )
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(self.path))
        return sum(1 for entry in catalogue if not entry.msgstr)
