from django.conf.urls.i18n import i18n_patterns
from django.test import override_settings
from django.urls import path

from core.views import server_error


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view), *i18n_patterns(path("broken/", broken_view))]
handler500 = server_error


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_shows_the_friendly_page(client, db):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b'href="/en/"' in response.content


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_speaks_the_language_of_the_page_asked_for(client, db):
    client.raise_request_exception = False
    response = client.get("/es/broken/")
    assert response.status_code == 500
    assert '<html lang="es">' in response.content.decode()
    assert "Algo salió mal de nuestro lado" in response.content.decode()
    assert 'href="/es/"' in response.content.decode()
