"""Helpers shared by the apps' seeders: load a content file, add a page once."""

import json
from pathlib import Path

import yaml

from .markup import to_rich_text


def load_content(app_dir, name):
    with (Path(app_dir) / "content" / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def stream(blocks):
    """Raw StreamField data from (block type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def intro_page_fields(data):
    """The fields every IntroPage takes from its content file."""
    return {
        "title": data["title"],
        "search_description": data["search_description"],
        "intro": to_rich_text(data["intro"]),
    }


def add_child_once(parent, page_class, slug, build, report=None):
    """Return the child of `parent` with `slug`, creating and publishing it
    from `build()` (a dict of field values) when it does not exist yet.

    An existing page is left as it is: once seeded, editors own the content,
    so running the seeder again never overwrites their changes.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    # Sections directly under the home page appear in the main navigation.
    page = page_class(slug=slug, locale=parent.locale, show_in_menus=parent.depth == 2, **build())
    parent.add_child(instance=page)
    page.save_revision().publish()
    if report:
        report(f"created {page_class.__name__} /{page.url_path.strip('/')}/")
    return page
