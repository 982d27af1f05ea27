from django.test import override_settings
from django.urls import path

from core.views import server_error


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view)]
handler500 = server_error


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_shows_the_friendly_page(client, db):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b'href="/en/"' in response.content
