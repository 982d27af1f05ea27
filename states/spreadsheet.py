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
# Added with the planning tools (issue 8): after every earlier column, so that none moves.
ADDED_COLUMNS = [
    ("education_level", "education_level"),
    ("training_fee", "training_fee"),
    ("application_fee", "application_fee"),
    ("exam_fee", "exam_fee"),
    ("background_check_fee", "background_check_fee"),
    ("renewal_fee", "renewal_fee"),
]
FIELD_COLUMNS = COLUMNS + ADDED_COLUMNS
HEADER = [column for column, _ in COLUMNS] + EXTRA_COLUMNS + [column for column, _ in ADDED_COLUMNS]


def cell(value):
    if isinstance(value, bool) or value is None:
        return TRI_STATE[value]
    return str(value)


def state_row(state, request=None):
    row = {column: cell(getattr(state, attribute)) for column, attribute in FIELD_COLUMNS}
    row["credentials"] = "; ".join(
        f"{c.name} ({c.abbreviation})" if c.abbreviation else c.name for c in state.credentials.all()
    )
    row["url"] = state.get_full_url(request)
    return row


def requirements_csv(states, request=None):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    for state in states:
        writer.writerow(state_row(state, request))
    return buffer.getvalue()


# Columns an import may change; the rest (state, credentials, url) are for reading only.
IMPORT_INTEGER = {"training_hours", "supervised_hours", "recertification_years", "ceu_hours"}
IMPORT_YES_NO = {
    "exam_required",
    "lived_experience_required",
    "background_check",
    "ic_rc_reciprocity",
    "medicaid_billable",
}
IMPORT_DATE = {"last_verified_on"}
IMPORT_MONEY = {"training_fee", "application_fee", "exam_fee", "background_check_fee", "renewal_fee"}
IMPORT_CHOICE = {"education_level": ("none", "high_school", "some_college", "degree")}
IMPORT_TEXT = {
    "training_detail", "supervised_detail", "exam_detail", "lived_experience_wording", "education_minimum",
    "recertification_detail", "fees", "notes", "verified_by",
}  # fmt: skip
IMPORTABLE = IMPORT_INTEGER | IMPORT_YES_NO | IMPORT_DATE | IMPORT_TEXT | IMPORT_MONEY | set(IMPORT_CHOICE)
KNOWN_COLUMNS = set(HEADER)
MAX_IMPORT_BYTES = 2_000_000


def _parse_value(column, text):
    """The typed value of a cell, or raise ValueError with a reason a person can act on."""
    import datetime
    from decimal import Decimal, InvalidOperation

    text = (text or "").strip()
    if column in IMPORT_MONEY:
        if not text:
            return None
        try:
            amount = Decimal(text.removeprefix("$").replace(",", ""))
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0 or amount > 99_999 or amount != round(amount, 2):
            raise ValueError(
                f"{column} must be an amount in dollars from 0 to 99999 with at most two decimals, "
                f"or empty for not yet verified (got {text!r})"
            )
        return amount
    if column in IMPORT_CHOICE:
        if text and text not in IMPORT_CHOICE[column]:
            allowed = ", ".join(IMPORT_CHOICE[column])
            raise ValueError(f"{column} must be one of {allowed}, or empty for not yet verified (got {text!r})")
        return text
    if column in IMPORT_INTEGER:
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(
                f"{column} must be a whole number of 0 or more, or empty for not yet verified (got {text!r})"
            )
        return int(text)
    if column in IMPORT_YES_NO:
        lowered = text.lower()
        if lowered not in ("yes", "no", ""):
            raise ValueError(f"{column} must be yes, no, or empty for not yet verified (got {text!r})")
        return {"yes": True, "no": False, "": None}[lowered]
    if column in IMPORT_DATE:
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{column} must be a date written YYYY-MM-DD (got {text!r})") from None
    return text


# A fee for a step the state does not ask for: the same rule as StatePage.clean.
FEE_NEEDS_STEP = {"exam_fee": "exam_required", "background_check_fee": "background_check"}


def _fee_contradiction(state, changed):
    def after(attribute):
        return changed[attribute][1] if attribute in changed else getattr(state, attribute)

    for fee, step in FEE_NEEDS_STEP.items():
        if after(step) is False and after(fee) is not None:
            return f"{fee} is given but {step} is no; remove the fee or change {step}."
    return ""


def plan_import(data, states_by_code):
    """Read an uploaded CSV and work out what it would change.

    Returns (changes, errors). `changes` maps each state to its changed fields
    as {attribute: (old, new)}; `errors` lists (row number, reason). Any error
    means nothing may be written.
    """
    if len(data) > MAX_IMPORT_BYTES:
        return {}, [(0, "The file is larger than 2 MB; split it or remove unused columns.")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}, [(0, "The file is not UTF-8 text; export it from your spreadsheet as CSV UTF-8.")]
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if "code" not in header:
        return {}, [(1, "The first row must name the columns, including code.")]
    unknown = [column for column in header if column not in KNOWN_COLUMNS]
    if unknown:
        return {}, [(1, f"Unknown column(s): {', '.join(unknown)}. Use the column names of requirements.csv.")]
    changes, errors, seen = {}, [], set()
    for number, row in enumerate(reader, start=2):
        if None in row:
            errors.append((number, "This row has more cells than the header has columns."))
            continue
        code = (row.get("code") or "").strip().upper()
        state = states_by_code.get(code)
        if state is None:
            errors.append((number, f"Unknown state code {code!r}."))
            continue
        if code in seen:
            errors.append((number, f"{code} appears more than once."))
            continue
        seen.add(code)
        changed = {}
        for column in header:
            if column not in IMPORTABLE:
                continue
            try:
                new = _parse_value(column, row[column])
            except ValueError as error:
                errors.append((number, str(error)))
                continue
            old = getattr(state, column)
            if new != old:
                changed[column] = (old, new)
        contradiction = _fee_contradiction(state, changed)
        if contradiction:
            errors.append((number, contradiction))
            continue
        if changed:
            changes[state] = changed
    return changes, errors
