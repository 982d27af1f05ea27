"""Static files as production serves them, from the application itself: hashed
names, compressed, cached by browsers for good (a new version has a new name)."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from tests.html import parse


@pytest.fixture
def production_static_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    # A new client loads the middleware again, so WhiteNoise finds the collected files.
    return Client()


def test_pages_link_hashed_files_served_compressed_and_cached_for_good(production_static_files, seeded):
    client = production_static_files
    page = parse(client.get("/en/states/texas/"))
    stylesheet = page.find("link", rel="stylesheet")["href"]
    scripts = [script["src"] for script in page.find_all("script", src=True)]
    for url in [stylesheet, *scripts]:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", url), url
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "immutable" in response["Cache-Control"]
        max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 3600
        assert "Accept-Encoding" in response["Vary"]
