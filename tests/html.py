"""Read responses the way a visitor (or a screen reader) would: as parsed HTML."""

from bs4 import BeautifulSoup


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return " ".join(parse(response).get_text(" ").split())
