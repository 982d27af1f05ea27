"""Varnish in front of the site, as a CDN would be (ops/varnish/site.vcl): it
keeps what the site marks shareable, an editor's publish or unpublish reaches
visitors through it at once (Wagtail's frontend-cache invalidation), and what a
signed-in editor, a preview or a protected page shows is never kept."""

import re

import pytest
import requests

from tests.live_site import PASSWORD

STATE_PAGE = "/en/states/texas/"
STATE_INDEX = "/en/states/"
SKILL_GUIDE = "/en/skills/empathy/"
FIND_TEXAS = (
    "import json\n"
    "from states.models import StatePage\n"
    "page = StatePage.objects.get(code='TX', locale__language_code='en')\n"
)
FIND_SKILL_GUIDE = (
    "from careers.models import SkillPage\n"
    "page = SkillPage.objects.get(url_path__endswith='/empathy/', locale__language_code='en')\n"
)


@pytest.fixture
def proxy(live_site):
    """A visitor's browser going through the proxy: no cookies of its own."""

    def get(path, session=None, **kwargs):
        return (session or requests).get(live_site.proxy_url + path, timeout=10, allow_redirects=False, **kwargs)

    return get


def served_from_proxy(response):
    return response.headers.get("X-Proxy-Cache") == "hit"


def warm(proxy, path):
    """Visits until the proxy holds the page, as after any visitor's first view."""
    proxy(path)
    response = proxy(path)
    assert served_from_proxy(response), response.headers
    return response


def signed_in(live_site):
    session = requests.Session()
    login = session.get(f"{live_site.proxy_url}/admin/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"{live_site.proxy_url}/admin/login/",
        data={"username": "site-admin", "password": PASSWORD, "csrfmiddlewaretoken": token},
        timeout=10,
        allow_redirects=False,
    )
    assert response.status_code == 302, "could not sign in through the proxy"
    return session


def test_a_page_seen_once_is_served_by_the_proxy_with_its_security_headers(live_site, proxy):
    response = warm(proxy, STATE_INDEX)
    direct = requests.get(live_site.url + STATE_INDEX, timeout=10)
    assert response.status_code == 200
    # No per-response nonce: a kept copy's policy is still the policy (S11).
    assert response.headers["Content-Security-Policy"] == direct.headers["Content-Security-Policy"]
    assert "s-maxage" in response.headers["Cache-Control"]


def test_a_publish_reaches_visitors_through_the_proxy_at_once(live_site, proxy):
    state_page, state_index = warm(proxy, STATE_PAGE), warm(proxy, STATE_INDEX)
    assert "Hands-on hours for the proxy test" not in state_page.text
    original = live_site.run_python(
        FIND_TEXAS + "print(json.dumps([page.training_hours, page.training_detail]))\n"
        "page.training_hours = 987\n"
        "page.training_detail = 'Hands-on hours for the proxy test'\n"
        "page.save_revision().publish()\n"
    )
    try:
        state_page, state_index = proxy(STATE_PAGE), proxy(STATE_INDEX)
        assert not served_from_proxy(state_page)
        assert "Hands-on hours for the proxy test" in state_page.text
        # The listings that show the state change with it.
        assert not served_from_proxy(state_index)
        assert re.search(r"Texas.{0,400}?987", state_index.text, re.DOTALL)
    finally:
        live_site.run_python(
            FIND_TEXAS + f"page.training_hours, page.training_detail = json.loads({original!r})\n"
            "page.save_revision().publish()\n"
        )


def test_an_unpublished_page_is_gone_through_the_proxy_at_once(live_site, proxy):
    warm(proxy, SKILL_GUIDE)
    live_site.run_python(FIND_SKILL_GUIDE + "page.unpublish()\n")
    try:
        assert proxy(SKILL_GUIDE).status_code == 404
    finally:
        live_site.run_python(FIND_SKILL_GUIDE + "page.get_latest_revision().publish()\n")
    assert proxy(SKILL_GUIDE).status_code == 200


def test_what_a_signed_in_editor_sees_is_never_kept(live_site, proxy):
    warm(proxy, STATE_PAGE)
    editor = signed_in(live_site)
    for _ in range(2):
        response = proxy(STATE_PAGE, session=editor)
        assert response.headers["X-Proxy-Cache"] == "pass"
        assert "wagtail-userbar" in response.text
    visitor = proxy(STATE_PAGE)
    assert served_from_proxy(visitor)
    assert "wagtail-userbar" not in visitor.text


def test_a_preview_is_never_kept(live_site, proxy):
    page_id = live_site.run_python(
        FIND_TEXAS + "page.training_detail = 'An unpublished draft'\npage.save_revision()\nprint(page.pk)\n"
    ).strip()
    editor = signed_in(live_site)
    draft = f"/admin/pages/{page_id}/view_draft/"
    try:
        for _ in range(2):
            response = proxy(draft, session=editor)
            assert response.status_code == 200
            assert response.headers["X-Proxy-Cache"] == "pass"
            assert "An unpublished draft" in response.text
        stranger = proxy(draft)
        assert stranger.status_code == 302
        assert "An unpublished draft" not in stranger.text
        assert "An unpublished draft" not in proxy(STATE_PAGE).text
    finally:
        live_site.run_python(FIND_TEXAS + "page.live_revision.as_object().save_revision()\n")


def test_a_password_protected_page_is_never_kept(live_site, proxy):
    warm(proxy, SKILL_GUIDE)
    live_site.run_python(
        FIND_SKILL_GUIDE + "from wagtail.models import PageViewRestriction\n"
        "PageViewRestriction.objects.create(page=page, restriction_type='password', password='proxy-test')\n"
    )
    try:
        for _ in range(2):
            response = proxy(SKILL_GUIDE)
            assert not served_from_proxy(response)
            assert 'name="password"' in response.text
    finally:
        live_site.run_python(FIND_SKILL_GUIDE + "page.get_view_restrictions().delete()\n")
    assert proxy(SKILL_GUIDE).status_code == 200


def test_any_purge_empties_the_whole_site(live_site, proxy):
    # Every page shows others, so the proxy drops them all, whichever page
    # Wagtail names (ops/varnish/site.vcl).
    warm(proxy, STATE_PAGE)
    warm(proxy, SKILL_GUIDE)
    response = requests.request("PURGE", live_site.proxy_url + SKILL_GUIDE, timeout=10)
    assert response.status_code == 200
    assert not served_from_proxy(proxy(STATE_PAGE))
    assert not served_from_proxy(proxy(SKILL_GUIDE))


@pytest.mark.parametrize("path", [STATE_PAGE, "/states/requirements.csv", "/sitemap.xml"])
def test_a_visitors_other_cookies_do_not_keep_them_from_the_proxy(proxy, path):
    warm(proxy, path)
    response = proxy(path, cookies={"csrftoken": "x" * 32, "django_language": "es"})
    assert served_from_proxy(response)
