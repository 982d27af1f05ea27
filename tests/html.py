"""Read responses the way a visitor (or a screen reader) would: as parsed HTML."""

import itertools

from bs4 import BeautifulSoup


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return " ".join(parse(response).get_text(" ").split())


def heading_levels(response):
    return [int(tag.name[1]) for tag in parse(response).select("main h1, main h2, main h3, main h4, main h5, main h6")]


def headings_skip_a_level(response):
    """True when a heading goes down more than one level (h2 straight to h4)."""
    levels = heading_levels(response)
    return any(later - earlier > 1 for earlier, later in itertools.pairwise(levels))


def spoken_text(tag):
    """What a screen reader reads for `tag`: its text without aria-hidden parts."""
    if tag.has_attr("aria-label"):
        return tag["aria-label"]
    parts = []
    for text in tag.find_all(string=True):
        if not any(parent.get("aria-hidden") == "true" for parent in text.parents if parent is not None):
            parts.append(text)
    return " ".join("".join(parts).split())
