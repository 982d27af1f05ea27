"""Output cleaning for text that becomes markup or a link on a public page.

Wagtail cleans rich text as an editor saves it, but not as it is shown, and
wagtail-localize rebuilds translated rich text and link overrides without that
cleaning. So what reaches a page is cleaned once more here: a safelist of tags
and attributes (ammonia, through nh3), and links only to web, mail and phone
addresses or to this site.
"""

from urllib.parse import urlsplit

import nh3

LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Wagtail's rich text images carry their alignment as a class.
ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "img": nh3.ALLOWED_ATTRIBUTES["img"] | {"class"}}


def clean_html(html):
    return nh3.clean(str(html), attributes=ATTRIBUTES, url_schemes=LINK_SCHEMES, link_rel=None)


def is_safe_url(url):
    """A web, mail or phone address, or a path on this site; never a script."""
    # Browsers ignore control characters and spaces inside a scheme ("java\\tscript:").
    compact = "".join(character for character in str(url) if character.isprintable() and not character.isspace())
    try:
        scheme = urlsplit(compact).scheme.lower()
    except ValueError:
        return False
    return bool(compact) and (not scheme or scheme in LINK_SCHEMES)
