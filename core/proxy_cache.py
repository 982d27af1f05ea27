"""Clears the caching proxy in front of the site (Varnish here, a CDN in
production) with Wagtail's frontend-cache invalidation, whenever the page
cache starts a new generation (core.page_cache calls it on the same publish,
unpublish, move and content signals), so the two caches never disagree.

Wagtail's own signal handlers (the wagtail.contrib.frontend_cache app, not
installed) purge only the published page's own addresses, and do it before the
publish is committed: a visitor arriving in between would put the old page
back in the proxy. Here the purge is sent once the change is committed, and
the proxy drops the whole site (ops/varnish/site.vcl says why).
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site


def proxy_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_proxy():
    purge_urls_from_cache([f"{site.root_url}/" for site in Site.objects.all()])
