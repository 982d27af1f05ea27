"""A whole-page cache for anonymous visitors, shared through the "pages" cache.

wagtail-cache would be the library for this, but its releases stop short of
Wagtail 8, so this is the small part of it the site needs, on Django's cache
API: a hit costs no database query, only pages that asked to be shared are
stored (`BasePage.with_cache_headers` marks them), and any visitor who may see
something personal — a session cookie (signed in, previewing, or let through a
page password) or credentials — is served fresh and never stored.

Invalidation is by generation: every key carries the current generation, and
publishing, unpublishing, moving, saving (not a draft) or deleting a page, or
changing a view restriction, a site, a setting or a snippet shown on pages
starts a new one.
Listings (home, state index, compare) show many pages, so a change clears all
of them at once rather than guessing which URLs it touched; the old entries
expire on their own. The caching proxy in front (core.proxy_cache) is cleared
at the same moments.
"""

import hashlib
import logging
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .proxy_cache import proxy_configured, purge_proxy

CACHE_ALIAS = "pages"
# Each process keeps the pages it served in its own memory too, in front of
# the shared cache: a hit then costs one small lookup (the generation) instead
# of fetching the whole page from Redis. Keys carry the generation, so a
# publish reaches these copies as it reaches the shared ones.
LOCAL_ALIAS = "pages-local"
GENERATION_KEY = "page-cache:generation"
STATUS_HEADER = "X-Page-Cache"

logger = logging.getLogger(__name__)


def page_cache():
    return caches[CACHE_ALIAS]


def cached_page(key):
    local = caches[LOCAL_ALIAS]
    response = local.get(key)
    if response is None:
        response = page_cache().get(key)
        if response is not None:
            local.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
    return response


def store_page(key, response):
    page_cache().set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
    caches[LOCAL_ALIAS].set(key, response, timeout=settings.PAGE_CACHE_SECONDS)


def allow_caching(response):
    """Called by a page's view: this response may be given to every anonymous visitor."""
    response.page_cache_allowed = True
    return response


def share_with_every_visitor(response):
    """The page cache may keep the response, and a CDN too, which may serve it
    stale while it revalidates or while the origin is down; browsers ask again."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.CACHE_CONTROL_S_MAXAGE,
        stale_while_revalidate=settings.CACHE_CONTROL_STALE_WHILE_REVALIDATE,
    )
    return allow_caching(response)


def shared(view):
    """For views outside Wagtail's pages (the CSV, embed cards, suggestions, the
    API): an anonymous visitor's successful GET is shared with every visitor."""

    @wraps(view)
    def shared_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if may_be_shared(request, response):
            share_with_every_visitor(response)
        return response

    return shared_view


def may_be_shared(request, response):
    """Only an anonymous visitor's successful GET, and only if the view set no
    policy of its own. Pages behind a password or login need no check here:
    Wagtail marks their responses private, and private is never kept."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and not response.has_header("Cache-Control")
    )


# Pages live under a language prefix; so do the search box's suggestions. The
# state files and embed cards, the API and the sitemap are public too. Static
# files, media and the admin are not looked up at all.
PUBLIC_PREFIXES = ("/states/", "/api/v2/", "/sitemap")


def is_page_path(path):
    return path.startswith(PUBLIC_PREFIXES) or any(path.startswith(f"/{code}/") for code, _ in settings.LANGUAGES)


def may_be_served_from_cache(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and is_page_path(request.path_info)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def may_be_stored(request, response):
    return (
        getattr(response, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and "private" not in response.get("Cache-Control", "")
        and not request.user.is_authenticated
    )


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        # add(), not set(): two processes starting at once agree on one generation.
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def start_new_generation():
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        # A publish must not fail because the cache is down; what it held goes
        # when the cache restarts empty (it keeps nothing on disk) or expires.
        logger.error("Page cache unavailable; could not clear it after a change", exc_info=True)


def cache_key(request, generation):
    # The scheme too: a plain-HTTP request must still meet the HTTPS redirect.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


class PageCacheMiddleware:
    """The first middleware, so a hit skips all the others. What it stores has
    passed through them all, security headers included; the policy has no
    per-response nonce, so a stored copy's headers stay true."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_served_from_cache(request):
            return self.mark(self.get_response(request), "skip")
        # Outside the try: a bad Host header is the visitor's 400, not a cache outage.
        request.get_host()
        try:
            key = cache_key(request, current_generation())
            cached = cached_page(key)
        except Exception:
            # The cache is down: the site still answers, every page freshly made.
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return self.mark(self.get_response(request), "skip")
        if cached is not None:
            return self.mark(cached, "hit")
        response = self.get_response(request)
        if not may_be_stored(request, response):
            return self.mark(response, "skip")
        try:
            store_page(key, response)
        except Exception:
            logger.warning("Page cache unavailable; page not stored", exc_info=True)
        return self.mark(response, "miss")

    @staticmethod
    def mark(response, status):
        response.headers[STATUS_HEADER] = status
        return response


def shown_on_pages(model):
    if issubclass(model, Page | PageViewRestriction | Site | Locale | BaseSiteSetting | BaseGenericSetting):
        return True
    return model in get_snippet_models() and getattr(model, "shown_on_public_pages", True)


def once_after_commit(function):
    """When the current transaction commits (at once outside one), and only
    once however many pages and snippets the transaction saves."""
    connection = transaction.get_connection()
    if not any(pending is function for _, pending, _ in connection.run_on_commit):
        transaction.on_commit(function)


def clear_caches():
    # At once, and again once the change is committed: a visitor arriving in
    # between (a workflow approval publishes inside a transaction) would have
    # the old version rebuilt and kept under the new generation.
    start_new_generation()
    if transaction.get_connection().in_atomic_block:
        once_after_commit(start_new_generation)
    if proxy_configured():
        once_after_commit(purge_proxy)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_after_page_change(sender, **kwargs):
    clear_caches()


# What saving a draft writes to the live page's row: nothing a visitor sees.
# Without this, an editor saving every few seconds keeps both caches empty.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    COMMENTS_RELATION_NAME,
}


def is_draft_save(sender, update_fields):
    return issubclass(sender, Page) and bool(update_fields) and set(update_fields) <= DRAFT_FIELDS


@receiver(post_save)
@receiver(post_delete)
def clear_after_content_change(sender, update_fields=None, **kwargs):
    if shown_on_pages(sender) and not is_draft_save(sender, update_fields):
        clear_caches()
