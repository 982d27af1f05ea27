"""Guessing an editor's password is slowed to a stop, and the sign-in and
password-reset forms never tell a stranger which accounts exist (S9)."""

import pytest
from django.conf import settings

from tests.html import text_of

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_superuser=True)


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_after_repeated_failures_even_the_right_password_is_refused_for_a_while(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "editor", "wrong-guess").status_code == 200
    assert sign_in(client, "editor", "wrong-guess").status_code == 429
    locked = sign_in(client, "editor", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in text_of(locked)
    assert "15 minutes" in text_of(locked)
    assert "no-cache" in locked["Cache-Control"] or "max-age=0" in locked["Cache-Control"]
    assert "_auth_user_id" not in client.session


def test_a_lockout_holds_only_that_account_from_that_address(client, editor, django_user_model):
    django_user_model.objects.create_user("reviewer", "reviewer@example.org", PASSWORD, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong-guess")
    # Someone guessing from elsewhere cannot lock the editor out of their own desk.
    assert sign_in(client, "editor", PASSWORD, address="198.51.100.20").status_code == 302
    client.logout()
    assert sign_in(client, "reviewer", PASSWORD).status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong-guess")
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong-guess")
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_an_unknown_username_and_a_wrong_password_look_the_same(client, editor):
    unknown = sign_in(client, "nobody-here", "wrong-guess")
    wrong = sign_in(client, "editor", "wrong-guess")
    assert unknown.status_code == wrong.status_code == 200
    # The page repeats the username typed; apart from that the answers are the same.
    assert text_of(unknown).replace("nobody-here", "editor") == text_of(wrong)


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client, editor, mailoutbox):
    known = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    unknown = client.post("/admin/password_reset/", {"email": "stranger@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["editor@example.org"]
