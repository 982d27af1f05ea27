"""Every response carries the security headers a careful reviewer expects:
scripts only from the site itself, no framing but the embed card, no device
features, no leaking of full addresses to other sites."""

import pytest

pytestmark = pytest.mark.usefixtures("seeded")

PUBLIC_PATHS = [
    "/en/",
    "/es/states/texas/",
    "/en/states/compare/?states=fl,tx,pa",
    "/en/search/?q=texas",
    "/en/search/suggest/?q=tex",
    "/en/no-such-page/",
    "/states/tx/",
    "/states/tx/report/",
    "/states/requirements.csv",
    "/api/v2/pages/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_responses_allow_only_the_sites_own_scripts_and_no_framing(client, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    # No other window may keep a handle on ours (tab-nabbing).
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_the_embed_card_may_be_framed_anywhere_but_runs_no_inline_script(client):
    response = client.get("/states/tx/embed/")
    policy = directives(response)
    assert policy["frame-ancestors"] == ["*"]
    assert policy["script-src"] == ["'self'"]
    assert "X-Frame-Options" not in response


def test_pages_carry_no_inline_script(client):
    """What lets the policy forbid 'unsafe-inline': every script is a file."""
    from tests.html import parse

    for path in ["/en/", "/es/states/texas/", "/en/career-ladder/", "/en/search/?q=texas"]:
        scripts = parse(client.get(path)).find_all("script")
        assert all(script.get("src") or script.get("type") == "application/ld+json" for script in scripts), path


def test_the_admin_alone_may_run_inline_scripts(admin_client):
    """Wagtail 8's admin still writes inline scripts; only editors see it."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response)["script-src"]
    assert directives(response)["frame-ancestors"] == ["'none'"]
