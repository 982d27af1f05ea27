"""Search engines find the tools' forms in both languages (they are not Wagtail pages)."""

import re
from urllib.parse import urlsplit

from tests.sitemap import whole_sitemap


def test_the_sitemap_lists_each_tool_in_each_language_and_each_address_answers(client, seeded):
    xml = whole_sitemap(client)
    locations = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)]
    tools = [path for path in locations if "/plan/" in path]
    assert sorted(tools) == sorted(f"/{lang}/plan/{tool}" for lang in ("en", "es") for tool in ("", "path/", "moving/"))
    assert 'hreflang="es" href="http://testserver/es/plan/path/"' in xml
    for path in tools:
        assert client.get(path).status_code == 200
