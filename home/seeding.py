"""Build the home page, point the default site at it, then seed each section."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from careers.seeding import seed_careers
from core.catalogues import load_translations
from core.markup import to_rich_text
from core.seeding import load_content
from core.translating import translate_site
from search.seeding import seed_synonyms
from states.seeding import seed_states

from .models import HomePage

APP_DIR = Path(__file__).resolve().parent
HOME_SLUG = "home"


def ensure_home(data, locale, report):
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        # Wagtail's initial migration leaves a placeholder "Welcome" page; ours replaces it.
        for placeholder in root.get_children().filter(slug=HOME_SLUG).exclude(content_type__model="homepage"):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        home = HomePage(
            title=data["title"],
            slug=HOME_SLUG,
            locale=locale,
            hero_heading=data["hero_heading"],
            search_description=data["search_description"],
            intro=to_rich_text(data["intro"]),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        report("created HomePage /")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.id or not site.hostname:
        site.hostname = site.hostname or "localhost"
        site.port = site.port or 80
        site.root_page = home
        site.site_name = "Peer Support Careers"
        site.save()
    return home


def fill_home_sections(home, data, targets):
    """Give a new home page its section teasers once the sections exist."""
    if home.sections:
        return
    home.sections = json.dumps(
        [
            {
                "type": "section",
                "value": {"page": targets[s["target"]].id, "heading": s["heading"], "text": s["text"].strip()},
            }
            for s in data["sections"]
        ]
    )
    home.save_revision().publish()


def ensure_locales():
    """A wagtail Locale for each content language; the first is the default."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def seed_site(report=print, warn=print):
    source_locale, *translation_locales = ensure_locales()
    home = seed_source_content(source_locale, report)
    # Each translation commits on its own: wagtail-localize publishes a
    # translation when its transaction commits, from the revision it saved, so
    # one transaction around all of them would publish every page at the end
    # from stale revisions (resetting the parents' child counts, which hides
    # their children).
    for locale in translation_locales:
        translate_site(locale, load_translations(locale.language_code), report, warn)
    return home


@transaction.atomic
def seed_source_content(locale, report):
    data = load_content(APP_DIR, "home.yaml")
    home = ensure_home(data, locale, report)
    targets = seed_careers(home, report)
    targets["states"] = seed_states(home, report)
    fill_home_sections(home, data, targets)
    seed_synonyms(report)
    return home
