"""A page withdrawn in the source language is withdrawn in every language at once.

wagtail-localize copies live status and view restrictions to translations only
when an editor syncs them. Until then a page unpublished or made private in
English (because its figures turned out wrong, say) would stay public in
Spanish, in search, the API and the sitemap. Publishing is not mirrored: a
translation goes live when its translator publishes it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_unpublished


def translations_that_follow(page):
    """The real translations (not aliases) of a page in the source language."""
    if page.locale_id != Locale.get_default().pk:
        return Page.objects.none()
    return page.get_translations().filter(alias_of__isnull=True)


@receiver(page_unpublished)
def unpublish_translations(sender, instance, **kwargs):
    for translation in translations_that_follow(instance).live():
        translation.unpublish()


def mirror_restrictions(page_id):
    """Give every translation of the page exactly the view restrictions it has."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # the page itself is being deleted
        return
    restrictions = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
    for translation in translations_that_follow(page):
        PageViewRestriction.objects.filter(page=translation).delete()
        for restriction in restrictions:
            copy = PageViewRestriction.objects.create(
                page=translation, restriction_type=restriction.restriction_type, password=restriction.password
            )
            copy.groups.set(restriction.groups.all())


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mirror_restrictions(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        mirror_restrictions(instance.page_id)
