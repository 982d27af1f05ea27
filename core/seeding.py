"""Helpers shared by the apps' seeders: load a content file, add a page once."""

import json
from pathlib import Path

import yaml
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField

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


def give_every_block_an_id(page):
    """Store StreamField content the way the admin does, each list item with an id.

    Raw seed data keeps list items as bare values until each block is read once;
    wagtail-localize skips such items, so they would never be offered for
    translation (wagtail-localize#298). Reading every block converts it.
    """
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            list(getattr(page, field.attname))


def number_child_objects(page):
    """Give a new page's ordered children (sources, credentials, bands) the
    positions the admin would. Without them the database may return them in
    any order (PostgreSQL does), so a page and its translation could differ."""
    for relation in get_all_child_relations(page):
        sort_order_field = getattr(relation.related_model, "sort_order_field", None)
        if sort_order_field:
            for position, child in enumerate(getattr(page, relation.get_accessor_name()).all()):
                setattr(child, sort_order_field, position)


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
    give_every_block_an_id(page)
    number_child_objects(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if report:
        report(f"created {page_class.__name__} /{page.url_path.strip('/')}/")
    return page
