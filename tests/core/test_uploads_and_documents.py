"""Uploads past the size limit are refused with a clear message, and a served
document can never run as a page on the site (S10, S12)."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from tests.html import text_of


def test_a_document_one_byte_over_the_limit_is_refused_with_a_message(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Too big", "file": SimpleUploadedFile("big.txt", b"x" * 1001, "text/plain")},
    )
    assert response.status_code == 200
    assert "This file is too big" in text_of(response)
    assert not get_document_model().objects.filter(title="Too big").exists()


def test_a_served_document_may_run_nothing(client, db):
    document = get_document_model().objects.create(title="Guide")
    document.file.save("guide.txt", ContentFile(b"<script>alert(1)</script>"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
