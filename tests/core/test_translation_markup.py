"""A translator's string cannot add markup to a page (security test S3)."""

from urllib.parse import urlencode

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from careers.models import CareerOverviewPage
from tests.html import parse

PAYLOADS = [
    '<script>alert("x")</script>',
    '<b onclick="alert(1)">y</b>',
    '<a href="javascript:alert(1)">y</a>',
    "<div>y</div>",
    '<img src="x" onerror="alert(1)">',
]


@pytest.fixture
def overview(seeded):
    english = CareerOverviewPage.objects.get(locale__language_code="en")
    source = TranslationSource.objects.get(object_id=english.translation_key, locale__language_code="en")
    translation = Translation.objects.get(source=source, target_locale__language_code="es")
    return english, source, translation


def segments(source):
    rich = StringSegment.objects.filter(source=source, context__path__startswith="intro").first()
    plain = StringSegment.objects.filter(source=source, context__path="title").first()
    return {"rich text": rich, "plain text": plain}


@pytest.mark.parametrize("kind", ["rich text", "plain text"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_a_translated_string_never_reaches_the_page(editor_client, overview, kind, payload):
    english, source, translation = overview
    segment = segments(source)[kind]
    url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
    response = editor_client.put(url, urlencode({"value": payload}), content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201, 400)
    translation.save_target(publish=True)
    # wagtail-localize refuses the string when it builds the page: it is marked
    # as an error for the translator, and the page keeps a clean text.
    stored = StringTranslation.objects.get(
        translation_of=segment.string, locale__language_code="es", context=segment.context
    )
    assert stored.has_error
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    page = parse(editor_client.get(spanish.url))
    main = page.find("main")
    assert not main.find_all("script")
    assert not [tag for tag in page.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
    assert not [a for a in page.find_all(href=True) if a["href"].strip().lower().startswith(("javascript:", "data:"))]
    assert not main.find("img", src="x")
