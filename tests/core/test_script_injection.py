"""Nothing an editor types, or a visitor sends, runs as script on the site.

S1: script-looking text in every editor-controlled field that visitors see comes
back as text: on the page, on the embed card and in the API.
S2: rich text links never point at javascript:, data: or vbscript:.
S4: a page title made of HTML is text in the admin too.
Reports sent through the public "outdated information" form are text for the
editors who read them.
"""

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape, strip_tags
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource

from careers.models import (
    CareerLadderPage,
    CareerOverviewPage,
    CareerStagePage,
    PathwayPage,
    SkillIndexPage,
    SkillPage,
)
from core.models import Citation
from home.models import HomePage
from states.models import CertifyingBody, OutdatedReport, StateIndexPage, StatePage, StateSource
from tests import search_index
from tests.admin_forms import post_state_page_edit, rendered_form_data
from tests.html import parse

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
PAYLOADS = [SCRIPT, IMG, JS_URL]
PAYLOAD_IDS = ["script", "img-onerror", "javascript-url"]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "srcset"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


def normalized_url(value):
    """How a browser reads a URL's scheme: case-insensitive, ignoring whitespace and control characters."""
    return re.sub(r"[\x00-\x20\x7f-\xa0\s]+", "", value).lower()


def script_problems(soup):
    """Everything in the parsed page that would let a payload run."""
    problems = []
    for script in soup.find_all("script"):
        body = script.string or ""
        if script.get("type") == "application/ld+json":
            # Data, not code: but a "<" inside could close the element and start real HTML.
            if "<" in body:
                problems.append(f"JSON-LD holds a raw '<': {body[:120]}")
            json.loads(body)
        elif "alert(1)" in body or "alert(1)" in script.get("src", ""):
            problems.append(f"script element runs the payload: {script}")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"<{tag.name} {name}=...> event handler attribute")
            if name.lower() in URL_ATTRIBUTES:
                values = value if isinstance(value, list) else [value]
                for one in values:
                    if normalized_url(one).startswith(DANGEROUS_SCHEMES):
                        problems.append(f"<{tag.name} {name}={one!r}>")
    return problems


def shows_as_text(soup, payload):
    """The payload is visible to people as the characters typed (in text or an attribute value)."""
    if payload in soup.get_text():
        return True
    return any(
        payload in (" ".join(value) if isinstance(value, list) else value)
        for tag in soup.find_all(True)
        for value in tag.attrs.values()
    )


def assert_inert(response, payload=None):
    assert response.status_code == 200, response.status_code
    soup = parse(response)
    assert script_problems(soup) == []
    if payload is not None:
        assert shows_as_text(soup, payload), f"{payload!r} is not shown as text"
    return soup


# Editing the seeded English pages the way the admin does: a new revision, published.


def english(model, **filters):
    return model.objects.filter(locale__language_code="en", **filters).order_by("path").first()


def texas():
    return StatePage.objects.get(code="TX", locale__language_code="en")


def first_stage():
    return english(CareerStagePage, slug="entry-level")


def publish(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def publish_stream(page, field, change):
    """Change a StreamField's stored data (`change` mutates the list) and publish."""
    page = page.get_latest_revision_as_object()
    raw = getattr(page, field).get_prep_value()
    change(raw)
    setattr(page, field, json.dumps(raw))
    page.save_revision().publish()


def first_of(raw, block_type):
    return next(block for block in raw if block["type"] == block_type)["value"]


def publish_child(page, relation, **changes):
    """Change the first inline child (credential, source, salary band…) and publish."""
    page = page.get_latest_revision_as_object()
    children = list(getattr(page, relation).all())
    for name, value in changes.items():
        setattr(children[0], name, value)
    setattr(page, relation, children)
    page.save_revision().publish()


def save_snippet(instance, **changes):
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.save()


@dataclass
class Field:
    """An editor-controlled field, where a visitor sees it, and how to store a value in it."""

    name: str
    url: str
    store: Callable[[str], None]
    # Shown where the site turns HTML into plain text (meta descriptions): tags removed, the rest kept.
    tags_stripped: bool = False

    def __str__(self):
        return self.name


def stream(page_of, field, locate):
    """Store the payload at one place in a StreamField: `locate(raw)` gives (container, key)."""

    def store(payload):
        def change(raw):
            container, key = locate(raw)
            container[key] = payload

        publish_stream(page_of(), field, change)

    return store


def page_field(page_of, name):
    return lambda payload: publish(page_of(), **{name: payload})


def child_field(page_of, relation, name):
    return lambda payload: publish_child(page_of(), relation, **{name: payload})


def home():
    return english(HomePage)


def overview():
    return english(CareerOverviewPage)


def ladder():
    return english(CareerLadderPage)


def skill_index():
    return english(SkillIndexPage)


def skill():
    return english(SkillPage, slug="active-listening")


def pathway():
    return english(PathwayPage)


def state_index():
    return english(StateIndexPage)


def stage_citation():
    return first_stage().salary_bands.select_related("source").first().source


def first_value(raw):
    return raw[0]["value"]


def responsibility_group(raw):
    return first_of(raw, "responsibilities")["groups"][0]["value"]


def official_link_title(payload):
    link = {"type": "link", "value": {"title": payload, "url": "https://www.hhs.texas.gov/"}}
    publish_stream(texas(), "official_links", lambda raw: raw.append(link))


def credential_name_only(payload):
    publish_child(texas(), "credentials", name=payload, abbreviation="")


def certifying_body_name(payload):
    body = texas().credentials.first().certifying_body
    save_snippet(body, name=payload)


def verified_by(payload):
    publish(texas(), verified_by=payload, last_verified_on=datetime.date(2026, 11, 1))


HOME, OVERVIEW, LADDER, STAGE = (
    "/en/",
    "/en/what-is-peer-support/",
    "/en/career-ladder/",
    "/en/career-ladder/entry-level/",
)
SKILLS, SKILL, PATHWAY = "/en/skills/", "/en/skills/active-listening/", "/en/become-a-peer-support-worker/"
STATES, TEXAS, EMBED = "/en/states/", "/en/states/texas/", "/states/tx/embed/"

FIELDS = [
    # Home page
    Field("home title", HOME, page_field(home, "title")),
    Field("home SEO title", HOME, page_field(home, "seo_title")),
    Field("home search description", HOME, page_field(home, "search_description"), tags_stripped=True),
    Field("home link-preview text", HOME, page_field(home, "social_text")),
    Field("home hero heading", HOME, page_field(home, "hero_heading")),
    Field("home section heading", HOME, stream(home, "sections", lambda raw: (first_value(raw), "heading"))),
    Field("home section text", HOME, stream(home, "sections", lambda raw: (first_value(raw), "text"))),
    # What peer support is
    Field("overview title", OVERVIEW, page_field(overview, "title")),
    Field(
        "overview section heading",
        OVERVIEW,
        stream(overview, "body", lambda raw: (first_of(raw, "section"), "heading")),
    ),
    Field(
        "overview support kind name",
        OVERVIEW,
        stream(overview, "body", lambda raw: (first_of(raw, "support_kinds")["items"][0]["value"], "name")),
    ),
    Field(
        "overview responsibility group",
        OVERVIEW,
        stream(overview, "body", lambda raw: (responsibility_group(raw), "name")),
    ),
    Field(
        "overview responsibility item",
        OVERVIEW,
        stream(overview, "body", lambda raw: (responsibility_group(raw)["items"][0], "value")),
    ),
    Field(
        "overview setting",
        OVERVIEW,
        stream(overview, "body", lambda raw: (first_of(raw, "settings")["items"][0], "value")),
    ),
    Field("overview FAQ question", OVERVIEW, stream(overview, "faqs", lambda raw: (first_value(raw), "question"))),
    # Career ladder and a stage
    Field("ladder title", LADDER, page_field(ladder, "title")),
    Field("stage title on the ladder", LADDER, page_field(first_stage, "title")),
    Field("stage summary on the ladder", LADDER, page_field(first_stage, "summary")),
    Field("band label on the ladder", LADDER, child_field(first_stage, "salary_bands", "label_in_source")),
    Field("citation title on the ladder", LADDER, lambda p: save_snippet(stage_citation(), title=p)),
    Field("stage title", STAGE, page_field(first_stage, "title")),
    Field("stage summary", STAGE, page_field(first_stage, "summary")),
    Field("stage alternative title", STAGE, stream(first_stage, "alternative_titles", lambda raw: (raw[0], "value"))),
    Field("stage responsibility", STAGE, stream(first_stage, "responsibilities", lambda raw: (raw[0], "value"))),
    Field("stage tip title", STAGE, stream(first_stage, "tips", lambda raw: (first_value(raw), "title"))),
    Field("stage band label", STAGE, child_field(first_stage, "salary_bands", "label_in_source")),
    Field("stage band note", STAGE, child_field(first_stage, "salary_bands", "note")),
    Field("stage citation title", STAGE, lambda p: save_snippet(stage_citation(), title=p)),
    Field("stage citation publisher", STAGE, lambda p: save_snippet(stage_citation(), publisher=p)),
    # Skills
    Field("skill index title", SKILLS, page_field(skill_index, "title")),
    Field("skill title in the list", SKILLS, page_field(skill, "title")),
    Field("skill summary in the list", SKILLS, page_field(skill, "summary")),
    Field("skill title", SKILL, page_field(skill, "title")),
    Field("skill summary", SKILL, page_field(skill, "summary")),
    Field("skill training topic name", SKILL, lambda p: save_snippet(skill().training_topics.first(), name=p)),
    # Pathway
    Field("pathway title", PATHWAY, page_field(pathway, "title")),
    Field("pathway step title", PATHWAY, stream(pathway, "steps", lambda raw: (first_value(raw), "title"))),
    # State index
    Field("state index title", STATES, page_field(state_index, "title")),
    Field("state title in the index", STATES, page_field(texas, "title")),
    Field("credential abbreviation in the index", STATES, child_field(texas, "credentials", "abbreviation")),
    Field("credential name in the index", STATES, credential_name_only),
    # A state page
    Field("state title", TEXAS, page_field(texas, "title")),
    Field("state search description", TEXAS, page_field(texas, "search_description"), tags_stripped=True),
    Field("state training detail", TEXAS, page_field(texas, "training_detail")),
    Field("state supervised detail", TEXAS, page_field(texas, "supervised_detail")),
    Field("state exam detail", TEXAS, page_field(texas, "exam_detail")),
    Field("state lived-experience wording", TEXAS, page_field(texas, "lived_experience_wording")),
    Field("state education minimum", TEXAS, page_field(texas, "education_minimum")),
    Field("state recertification detail", TEXAS, page_field(texas, "recertification_detail")),
    Field("state fees", TEXAS, page_field(texas, "fees")),
    Field("state notes", TEXAS, page_field(texas, "notes")),
    Field("state verified by", TEXAS, verified_by),
    Field("state official link title", TEXAS, official_link_title),
    Field("state credential name", TEXAS, child_field(texas, "credentials", "name")),
    Field("state credential abbreviation", TEXAS, child_field(texas, "credentials", "abbreviation")),
    Field("state certifying body name (snippet)", TEXAS, certifying_body_name),
    Field("state source quote", TEXAS, child_field(texas, "sources", "quote")),
    Field("state change summary", TEXAS, child_field(texas, "changes", "summary")),
    # The embeddable card
    Field("embed state title", EMBED, page_field(texas, "title")),
    Field("embed education minimum", EMBED, page_field(texas, "education_minimum")),
    Field("embed credential abbreviation", EMBED, child_field(texas, "credentials", "abbreviation")),
    Field("embed credential name", EMBED, credential_name_only),
    # Listings that repeat a state's values
    Field("compare state title", "/en/states/compare/?states=tx,fl", page_field(texas, "title")),
    Field("compare state notes", "/en/states/compare/?states=tx,fl", page_field(texas, "notes")),
    Field("search result title", "/en/search/?q=texas", page_field(texas, "title")),
    Field(
        "search result description",
        "/en/search/?q=texas",
        page_field(texas, "search_description"),
        tags_stripped=True,
    ),
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
@pytest.mark.parametrize("field", FIELDS, ids=str)
def test_editor_text_is_shown_as_text_never_run(client, seeded, field, payload):
    field.store(payload)
    shown = strip_tags(payload).strip() if field.tags_stripped else payload
    assert_inert(client.get(field.url), shown or None)


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_the_api_returns_editor_text_as_json_data(client, seeded, payload):
    state = texas()
    publish(state, title=payload, notes=payload)
    publish_child(state, "credentials", name=payload)
    response = client.get(f"/api/v2/pages/{state.pk}/")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    record = response.json()
    assert record["title"] == payload and record["notes"] == payload
    assert record["credentials"][0]["name"] == payload


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_the_browsable_api_page_shows_editor_text_as_text(client, seeded, payload):
    state = texas()
    publish(state, title=payload)
    response = client.get(f"/api/v2/pages/{state.pk}/", {"format": "api"})
    assert response["Content-Type"].startswith("text/html")
    # The JSON is shown as text; its escaped quotes (\") are part of that text.
    assert_inert(response, json.dumps(payload)[1:-1])


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_the_changes_feed_carries_editor_text_as_text(client, seeded, payload):
    publish_child(texas(), "changes", summary=payload)
    for url in ("/states/changes.atom", "/states/tx/changes.atom"):
        feed = ElementTree.fromstring(client.get(url).content)
        atom = "{http://www.w3.org/2005/Atom}"
        assert not [element for element in feed.iter() if element.tag.rsplit("}")[-1] in ("script", "img")]
        summaries = [entry.findtext(f"{atom}summary") for entry in feed.iter(f"{atom}entry")]
        assert payload in summaries


# URL fields: a javascript: address never gets in, and an address cannot break out of its attribute.


def javascript_url_errors(instance):
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    return refused.value.message_dict


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x"]
)
def test_model_url_fields_refuse_script_addresses(seeded, url):
    state = texas()
    assert "url" in javascript_url_errors(CertifyingBody(name="Board", url=url))
    assert "url" in javascript_url_errors(
        Citation(title="Guide", publisher="Publisher", url=url, accessed_on=datetime.date(2026, 1, 1))
    )
    assert "url" in javascript_url_errors(
        StateSource(page=state, field="fees", url=url, quote="Fees apply.", read_on=datetime.date(2026, 1, 1))
    )
    promotion = SearchPromotion(external_link_url=url, external_link_text="x", description="x")
    assert "external_link_url" in javascript_url_errors(promotion)


def test_an_official_link_to_javascript_is_refused_by_the_editor_form(editor_client, seeded):
    state = texas()
    links = nested_form_data({"official_links": streamfield([("link", {"title": "Board", "url": JS_URL})])})
    response = post_state_page_edit(editor_client, state, links, "action-publish")
    assert response.status_code == 200  # the form comes back with an error
    assert "Enter a valid URL" in response.content.decode()
    editor_client.logout()
    assert_inert(Client().get(TEXAS))


BREAKOUT_URL = 'https://example.org/"onmouseover="alert(1)'


def test_a_valid_address_cannot_break_out_of_its_link(client, seeded):
    body = texas().credentials.first().certifying_body
    body.url = BREAKOUT_URL
    body.full_clean()  # a valid URL as far as Django is concerned
    body.save()
    soup = assert_inert(client.get(TEXAS))
    assert soup.find("a", href=BREAKOUT_URL)


# S2: rich text links.

SCRIPT_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]


def contentstate_link(url):
    """What the editor's browser sends for a paragraph whose word "x" links to `url`."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Read x here.",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 5, "length": 1, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def publish_from_the_editor(editor_client, page, field, value):
    data = rendered_form_data(editor_client.get(f"/admin/pages/{page.pk}/edit/"), "form#page-edit-form")
    data[field] = value
    data["action-publish"] = "1"
    response = editor_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    editor_client.logout()


def test_a_web_link_typed_in_the_editor_is_published(editor_client, seeded):
    publish_from_the_editor(editor_client, skill(), "what_it_is", contentstate_link("https://example.org/guide"))
    section = parse(Client().get(SKILL)).select_one("#what-it-is")
    assert section.find("a", href="https://example.org/guide").get_text() == "x"


@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_a_script_link_typed_in_the_editor_is_not_published_as_a_link(editor_client, seeded, url):
    publish_from_the_editor(editor_client, skill(), "what_it_is", contentstate_link(url))
    soup = assert_inert(Client().get(SKILL))
    assert "Read x here." in soup.select_one("#what-it-is").get_text()


@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_a_script_link_stored_in_rich_text_is_not_published_as_a_link(client, seeded, url):
    """Rich text that reaches the database by another road than the editor
    (code, an import, a translation) is still published without the script link."""
    publish(skill(), what_it_is=f'<p>Read <a href="{escape(url)}">x</a> here.</p>')
    soup = parse(client.get(SKILL))
    assert script_problems(soup) == []


# S4: HTML in a page title is text in the admin.

TITLE = "<img src=x onerror=alert(1)>"


def has_onerror_image(soup):
    return bool(soup.find_all("img", attrs={"onerror": True})) or bool(soup.find_all(attrs={"onerror": True}))


@pytest.fixture
def titled_page(seeded, editor_client, django_user_model):
    page = skill().get_latest_revision_as_object()
    page.title = TITLE
    user = django_user_model.objects.get(username="editor")
    page.save_revision(user=user, log_action=True).publish(user=user)
    return Page.objects.get(pk=page.pk)


ADMIN_VIEWS = {
    "explorer listing of its parent": "/admin/pages/{parent}/",
    "edit": "/admin/pages/{page}/edit/",
    "history": "/admin/pages/{page}/history/",
    "copy": "/admin/pages/{page}/copy/",
    "move": "/admin/pages/{page}/move/",
    "revision compare": "/admin/pages/{page}/revisions/compare/earliest...live/",
    "admin search": "/admin/pages/search/?q=onerror",
    "site history report": "/admin/reports/site-history/",
    "translation status report (ours)": "/admin/reports/translation-status/?all=1",
    "translate into Spanish": "/admin/localize/submit/page/{page}/",
    "dashboard": "/admin/",
}


@pytest.mark.parametrize("view", list(ADMIN_VIEWS))
def test_a_page_title_made_of_html_is_text_in_the_admin(editor_client, titled_page, view):
    url = ADMIN_VIEWS[view].format(page=titled_page.pk, parent=titled_page.get_parent().pk)
    if view == "admin search" and settings.ELASTICSEARCH_URLS:
        search_index.restore_and_refresh()  # the admin searches Elasticsearch: let it see the new title
    response = editor_client.get(url)
    assert response.status_code == 200
    soup = parse(response)
    assert not has_onerror_image(soup)
    assert TITLE in soup.get_text() or shows_as_text(soup, TITLE)


def test_a_page_title_made_of_html_is_text_on_the_public_site(client, titled_page):
    assert_inert(client.get(SKILL), TITLE)
    assert_inert(client.get(SKILLS), TITLE)


# Reports sent through the public form, as visitors and editors see them.


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_a_refused_report_shows_the_visitors_text_back_as_text(seeded, payload):
    response = Client().post("/states/tx/report/", {"message": payload, "email": "nobody@", "website": ""})
    assert response.status_code == 400
    soup = parse(response)
    assert script_problems(soup) == []
    assert soup.find("textarea", attrs={"name": "message"}).get_text().strip() == payload


def test_a_report_cannot_carry_a_javascript_source_link(seeded):
    message = "The rule changed, see the source."
    response = Client().post("/states/tx/report/", {"message": message, "source_url": JS_URL, "website": ""})
    assert response.status_code == 400
    assert "Enter a valid URL" in response.content.decode()
    assert not OutdatedReport.objects.exists()


REPORT_ADMIN_VIEWS = ["listing", "listing search", "edit", "history", "delete"]


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
@pytest.mark.parametrize("view", REPORT_ADMIN_VIEWS)
def test_a_reported_message_is_text_where_editors_read_it(editor_client, seeded, payload, view):
    sent = Client().post("/states/tx/report/", {"message": f"{payload} is outdated", "website": ""})
    assert sent.status_code == 302
    report = OutdatedReport.objects.get()
    url = {
        "listing": reverse("wagtailsnippets_states_outdatedreport:list"),
        "listing search": reverse("wagtailsnippets_states_outdatedreport:list") + f"?q={payload}",
        "edit": reverse("wagtailsnippets_states_outdatedreport:edit", args=[report.pk]),
        "history": reverse("wagtailsnippets_states_outdatedreport:history", args=[report.pk]),
        "delete": reverse("wagtailsnippets_states_outdatedreport:delete", args=[report.pk]),
    }[view]
    response = editor_client.get(url)
    assert response.status_code == 200
    soup = parse(response)
    assert not has_onerror_image(soup)
    assert not [s for s in soup.find_all("script") if "alert(1)" in (s.string or "") and not s.get("type")]
    if view in ("edit", "delete"):
        assert shows_as_text(soup, payload)


# Reflected: what a visitor puts in an address comes back as text.

REFLECTED = {
    "search box": "/en/search/?q={}",
    "compare unknown codes": "/en/states/compare/?states={}&states=tx",
    "state picker": "/en/states/?state={}",
    "report form field choice": "/states/tx/report/?field={}",
}


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
@pytest.mark.parametrize("where", REFLECTED.values(), ids=REFLECTED.keys())
def test_what_a_visitor_sends_comes_back_as_text(client, seeded, where, payload):
    response = client.get(where.format(quote(payload)))
    assert response.status_code in (200, 404)
    assert script_problems(parse(response)) == []


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_an_unknown_short_link_code_comes_back_as_text(client, seeded, payload):
    response = client.get(f"/states/{quote(payload, safe='')}/")
    assert response.status_code == 404
    assert script_problems(parse(response)) == []


# A translator's link override (wagtail-localize) is an editor's road too: the
# English editor refuses a javascript: address, and the Spanish one must as well.


@pytest.fixture
def moderator(seeded, django_user_model):
    """A member of Wagtail's Moderators group (may edit and publish), not a superuser."""
    user = django_user_model.objects.create_user("moderator", "moderator@example.org", "correct-horse-battery")
    user.groups.add(Group.objects.get(name="Moderators"))
    moderator = Client()
    moderator.force_login(user)
    return moderator


def sync_translations(translator, page, capture):
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    with capture(execute=True):
        response = translator.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    return source


def test_a_translator_can_still_point_a_link_at_a_spanish_web_page(moderator, django_capture_on_commit_callbacks):
    state = texas()
    official_link_title("Texas Health and Human Services")
    source = sync_translations(moderator, state, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(source=source, target_locale__language_code="es")
    segment = next(
        s
        for s in OverridableSegment.objects.filter(source=source)
        if json.loads(s.data_json) == "https://www.hhs.texas.gov/"
    )
    response = moderator.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        urlencode({"value": "https://www.hhs.texas.gov/es/"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def override_link_and_publish(translator, page, original_url, new_url, capture):
    """As a translator: try to replace a link's address in the Spanish version, then publish it."""
    source = sync_translations(translator, page, capture)
    spanish = Locale.objects.get(language_code="es")
    translation = Translation.objects.get(source=source, target_locale=spanish)
    segment = next(
        s for s in OverridableSegment.objects.filter(source=source) if json.loads(s.data_json) == original_url
    )
    response = translator.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        urlencode({"value": new_url}),
        content_type="application/x-www-form-urlencoded",
    )
    # Refused with a message the translator can act on (core.admin_views); the page is still checked below.
    assert response.status_code == 400, response.content[:500]
    assert "web address" in response.json()["value"][0]
    target = page.get_translation(spanish)
    with capture(execute=True):
        published = translator.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    assert published.status_code in (200, 302)
    return target


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x"])
def test_a_translator_cannot_turn_a_rich_text_link_into_script(moderator, url, django_capture_on_commit_callbacks):
    page = skill()
    publish(page, what_it_is='<p>Read <a href="https://example.org/guide">x</a> here.</p>')
    target = override_link_and_publish(
        moderator, page, "https://example.org/guide", url, django_capture_on_commit_callbacks
    )
    response = Client().get(target.url)
    assert response.status_code == 200
    assert script_problems(parse(response)) == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x"])
def test_a_translator_cannot_turn_an_official_link_into_script(moderator, url, django_capture_on_commit_callbacks):
    state = texas()
    official_link_title("Texas Health and Human Services")
    target = override_link_and_publish(
        moderator, state, "https://www.hhs.texas.gov/", url, django_capture_on_commit_callbacks
    )
    response = Client().get(target.url)
    assert response.status_code == 200
    assert script_problems(parse(response)) == []
