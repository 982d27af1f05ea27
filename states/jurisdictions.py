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
