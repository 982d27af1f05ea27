"""State requirements as a spreadsheet (CSV): one row a state, stable column names.

An empty cell means "not yet verified". Yes/no fields are written `yes`, `no`
or empty. The import (for editors' bulk updates) reads the same columns.
"""

import csv
import io

TRI_STATE = {True: "yes", False: "no", None: ""}

# (column, model attribute); column names are a public contract: add, never rename.
COLUMNS = [
    ("code", "code"),
    ("state", "title"),
    ("training_hours", "training_hours"),
    ("training_detail", "training_detail"),
    ("supervised_hours", "supervised_hours"),
    ("supervised_detail", "supervised_detail"),
    ("exam_required", "exam_required"),
    ("exam_detail", "exam_detail"),
    ("lived_experience_required", "lived_experience_required"),
    ("lived_experience_wording", "lived_experience_wording"),
    ("education_minimum", "education_minimum"),
    ("background_check", "background_check"),
    ("recertification_years", "recertification_years"),
    ("ceu_hours", "ceu_hours"),
    ("recertification_detail", "recertification_detail"),
    ("fees", "fees"),
    ("ic_rc_reciprocity", "ic_rc_reciprocity"),
    ("medicaid_billable", "medicaid_billable"),
    ("notes", "notes"),
    ("last_verified_on", "last_verified_on"),
    ("verified_by", "verified_by"),
]
EXTRA_COLUMNS = ["credentials", "url"]


def cell(value):
    if isinstance(value, bool) or value is None:
        return TRI_STATE[value]
    return str(value)


def state_row(state, request=None):
    row = {column: cell(getattr(state, attribute)) for column, attribute in COLUMNS}
    row["credentials"] = "; ".join(
        f"{c.name} ({c.abbreviation})" if c.abbreviation else c.name for c in state.credentials.all()
    )
    row["url"] = state.get_full_url(request)
    return row


def requirements_csv(states, request=None):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[column for column, _ in COLUMNS] + EXTRA_COLUMNS)
    writer.writeheader()
    for state in states:
        writer.writerow(state_row(state, request))
    return buffer.getvalue()
