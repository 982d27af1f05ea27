"""The jurisdictions the site covers, read from the sourced data file in the repo.

`null` in that file means "not yet verified", never "no"; nothing here guesses.
"""

import json
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "content" / "states.json"


@lru_cache(maxsize=1)
def jurisdictions():
    """(code, record) pairs sorted by name; codes are lowercase for URLs."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        records = json.load(handle)
    return tuple(sorted(((r["code"].lower(), r) for r in records), key=lambda pair: pair[1]["state"]))


def state_code(text):
    """`text` as a state code (two letters, upper case), or None when it cannot be one.

    Checked before any query: PostgreSQL refuses some characters (NUL) outright.
    """
    code = text.strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None
