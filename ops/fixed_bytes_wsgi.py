"""A WSGI app that answers every request with the same bytes, read once from
FIXED_BYTES_FILE: gunicorn's own ceiling on this machine, with no Django in the
way, for `make bench` to set beside nginx."""

import os
from pathlib import Path

BODY = Path(os.environ["FIXED_BYTES_FILE"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
