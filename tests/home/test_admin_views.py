"""Every seeded page, and every snippet, opens in the admin for editing."""

from wagtail.models import Page

from careers.models import TrainingTopic
from core.models import Citation


def test_every_seeded_page_opens_in_the_editor(editor_client, seeded):
    for page in Page.objects.filter(depth__gt=1):
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.url_path


def test_page_explorer_lists_the_sections(editor_client, seeded):
    response = editor_client.get(f"/admin/pages/{seeded.pk}/")
    assert response.status_code == 200
    assert "The peer support career ladder" in response.content.decode()


def test_snippets_open_for_editing(editor_client, seeded):
    citation = Citation.objects.first()
    topic = TrainingTopic.objects.first()
    assert editor_client.get(f"/admin/snippets/core/citation/edit/{citation.pk}/").status_code == 200
    assert editor_client.get(f"/admin/snippets/careers/trainingtopic/edit/{topic.pk}/").status_code == 200
    listing = editor_client.get("/admin/snippets/core/citation/")
    assert citation.title in listing.content.decode()
