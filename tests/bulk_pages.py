"""Many pages at once, for tests of limits that only show on a grown site."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page, PageViewRestriction


def add_private_pages(parent, count):
    """`count` login-only pages under `parent`, made in bulk (no signals, so
    they are not indexed: only their restrictions matter to the query)."""
    last_child = parent.get_last_child()
    first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(Page)
    pages = [
        Page(
            path=Page._get_path(parent.path, parent.depth + 1, first_step + number),
            depth=parent.depth + 1,
            numchild=0,
            title=f"Members' note {number}",
            draft_title=f"Members' note {number}",
            slug=f"members-note-{number}",
            url_path=f"{parent.url_path}members-note-{number}/",
            content_type=content_type,
            locale_id=parent.locale_id,
            live=True,
        )
        for number in range(count)
    ]
    Page.objects.bulk_create(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    created = Page.objects.filter(path__in=[page.path for page in pages])
    PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page=page, restriction_type="login") for page in created
    )
    return created
