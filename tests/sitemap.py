"""Read the sitemap as a search engine does: the index at /sitemap.xml, then
every sitemap page it lists."""

import re
from urllib.parse import urlsplit


def sitemap_page_paths(client):
    """The path and query of each sitemap page the index lists, in its order."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", index.content.decode())
    return [urlsplit(location)._replace(scheme="", netloc="").geturl() for location in locations]


def whole_sitemap(client):
    """The XML of every sitemap page, one after the other."""
    bodies = []
    for path in sitemap_page_paths(client):
        response = client.get(path)
        assert response.status_code == 200
        bodies.append(response.content.decode())
    return "\n".join(bodies)
