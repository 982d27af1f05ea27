"""What a page weighs (issue 7): its HTML plus every stylesheet and script it
links, uncompressed, images aside. The one rule for tests/core/test_page_weight.py,
which holds every kind of public page under LIMIT, and for `make bench`
(ops/bench.py), which reports the figure; standard library only, so the
benchmark can use it without Django."""

from html.parser import HTMLParser

LIMIT = 60 * 1024


class _LinkedFiles(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").lower().split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def linked_files(html):
    """The addresses of the stylesheets and scripts a page links, each once (a browser fetches it once)."""
    parser = _LinkedFiles()
    parser.feed(html)
    parser.close()
    return list(dict.fromkeys(parser.urls))


def page_weight(body, read):
    """Bytes of the page `body` plus those of each file it links, `read(url)` giving a file's bytes."""
    return len(body) + sum(len(read(url)) for url in linked_files(body.decode()))
