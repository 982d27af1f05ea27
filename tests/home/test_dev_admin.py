"""`make run` creates a development admin with a fresh, random password."""

import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory, override_settings


def signs_in(password):
    # As the admin's login form does: with the request, which django-axes needs to count failures.
    request = RequestFactory().post("/admin/login/")
    return authenticate(request, username="admin", password=password)


def run_command(capsys):
    call_command("ensure_dev_admin")
    output = capsys.readouterr().out
    return re.search(r"Password: (\S+)", output).group(1)


@override_settings(DEBUG=True)
def test_prints_a_password_that_logs_in(db, capsys):
    password = run_command(capsys)
    user = signs_in(password)
    assert user is not None and user.is_superuser


@override_settings(DEBUG=True)
def test_each_run_makes_a_new_password(db, capsys):
    first = run_command(capsys)
    second = run_command(capsys)
    assert first != second
    assert signs_in(first) is None
    assert len(second) >= 16


def test_refuses_to_run_outside_development(db):
    with pytest.raises(CommandError, match="only with DEBUG on"):
        call_command("ensure_dev_admin")
