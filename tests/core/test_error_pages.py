from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

from core.views import server_error


def broken_view(request):
    raise RuntimeError("boom")


def database_gone_view(request):
    # What Django raises when the database server stops answering mid-request
    # (`make load` restarts a real PostgreSQL under load).
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("broken/", broken_view),
    path("database-gone/", database_gone_view),
    *i18n_patterns(path("broken/", broken_view)),
]
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


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_database_outage_asks_visitors_and_crawlers_to_come_back_soon(client, db):
    client.raise_request_exception = False
    response = client.get("/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    assert b"Please try again in a minute" in response.content
