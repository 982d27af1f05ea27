"""Editors keep the Spanish in step through wagtail-localize: synchronized values
follow the English on sync, changed English text marks the translation out of
date until it is translated, and finished work is never thrown away."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringTranslation, TranslationSource

from core.translation_status import NOT_TRANSLATED, OUT_OF_DATE, UP_TO_DATE, WAITING, statuses
from states.models import StatePage
from tests.html import text_of

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def texas():
    return StatePage.objects.get(code="TX", locale__language_code="en")


def publish_change(page, **values):
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def sync(editor_client, django_capture_on_commit_callbacks):
    """What an editor does: "Sync translated pages" on the English page.
    (wagtail-localize publishes the translations when the request's transaction commits.)"""

    def run(page, publish=True):
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                {"publish_translations": "on"} if publish else {},
            )
        assert response.status_code == 302
        return source

    return run


def status_of(page, locale):
    return statuses([page], [locale])[0]


def test_seeded_translations_start_up_to_date(texas, spanish):
    assert status_of(texas, spanish).state == UP_TO_DATE


def test_a_synchronized_value_reaches_the_spanish_page_after_sync(client, editor_client, texas, spanish, sync):
    publish_change(texas, training_hours=52)
    assert "52 horas" not in text_of(client.get("/es/states/texas/"))
    sync(texas)
    assert "52 horas" in text_of(client.get("/es/states/texas/"))
    assert texas.get_translation(spanish).training_hours == 52


def test_changed_english_text_marks_the_translation_out_of_date_until_translated(
    client, editor_client, sync, texas, spanish, django_capture_on_commit_callbacks
):
    spanish_page = texas.get_translation(spanish)
    old_spanish_notes = spanish_page.notes
    publish_change(texas, notes="A new rule takes effect next year.")
    assert status_of(texas, spanish).state == OUT_OF_DATE
    report = editor_client.get(reverse("translation_status_report"))
    assert "Texas" in report.content.decode() and "Out of date" in report.content.decode()

    # Synced without publishing: the Spanish page stays as it was until the translator publishes.
    sync(texas, publish=False)
    status = status_of(texas, spanish)
    assert status.state == WAITING and status.translated == status.total - 1
    spanish_text = text_of(client.get("/es/states/texas/"))
    assert "A new rule takes effect" not in spanish_text
    assert texas.get_translation(spanish).notes == old_spanish_notes

    translation = status.translation
    segment = translation.source.stringsegment_set.get(string__data="A new rule takes effect next year.")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=spanish,
        context=segment.context,
        data="Una nueva regla entra en vigor el próximo año.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert status_of(texas, spanish).state == UP_TO_DATE
    assert "Una nueva regla entra en vigor" in text_of(client.get("/es/states/texas/"))


def test_sync_keeps_the_translations_of_unchanged_text(editor_client, texas, spanish, sync):
    before = texas.get_translation(spanish)
    publish_change(texas, notes="Changed.")
    sync(texas)
    after = texas.get_translation(spanish)
    after.refresh_from_db()
    assert after.training_detail == before.training_detail and after.training_detail != texas.training_detail
    assert after.lived_experience_wording == before.lived_experience_wording


def test_a_draft_change_in_english_is_not_synced(editor_client, texas, spanish, sync):
    texas.training_hours = 99
    texas.save_revision()  # a draft, not published
    sync(texas)
    assert texas.get_translation(spanish).training_hours == 46
    assert status_of(texas, spanish).state == UP_TO_DATE


def test_translating_a_draft_keeps_the_translation_a_draft(editor_client, seeded, spanish):
    from tests.factories import SkillPageFactory

    skills = seeded.get_children().get(slug="skills")
    draft = SkillPageFactory(parent=skills, title="Unpublished guide", live=False)
    response = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[draft.pk]), {"locales": [spanish.pk]}
    )
    assert response.status_code == 302
    translated = draft.get_translation(spanish)
    assert not translated.live
    assert status_of(draft, spanish).state != NOT_TRANSLATED


def test_a_private_english_page_is_private_in_spanish_too(client, editor_client, texas, spanish, sync):
    PageViewRestriction.objects.create(page=texas, restriction_type="password", password="secret")
    sync(texas)
    assert client.get("/es/states/texas/").status_code in (200, 401)
    assert PageViewRestriction.objects.filter(page=texas.get_translation(spanish)).exists()
    assert 'href="/es/states/texas/"' not in client.get("/es/search/?q=texas").content.decode()


def test_the_english_editor_shows_where_each_translation_stands(editor_client, texas):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[texas.pk]))
    assert response.status_code == 200
    assert "Español" in response.content.decode() or "Spanish" in response.content.decode()
    assert "Up to date" in response.content.decode()


def test_translators_open_a_spanish_page_in_the_translation_editor(editor_client, texas, spanish):
    """wagtail-localize's editor works on Wagtail 8 for our page types (its support is provisional)."""
    for page in (texas.get_translation(spanish), texas.get_parent().get_translation(spanish)):
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert b"w-translation-editor" in response.content or b"translation-editor" in response.content


def test_a_published_sync_shows_new_english_text_until_it_is_translated(client, sync, texas, spanish):
    """wagtail-localize's fallback: synchronized values go live at once; a new
    sentence shows in English, and the page is listed as waiting for translation."""
    publish_change(texas, notes="A new rule takes effect next year.", training_hours=48)
    sync(texas)
    spanish_text = text_of(client.get("/es/states/texas/"))
    assert "48 horas" in spanish_text and "A new rule takes effect" in spanish_text
    assert status_of(texas, spanish).state == WAITING
