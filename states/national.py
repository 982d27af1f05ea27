"""The national view: a tile map of every state and a sortable table of key fields."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# A tile-grid map: each jurisdiction one square, placed roughly where it lies.
TILE_POSITIONS = {
    "AK": (1, 1), "ME": (1, 11),
    "VT": (2, 10), "NH": (2, 11),
    "WA": (3, 1), "ID": (3, 2), "MT": (3, 3), "ND": (3, 4), "MN": (3, 5), "IL": (3, 6), "WI": (3, 7),
    "MI": (3, 8), "NY": (3, 9), "RI": (3, 10), "MA": (3, 11),
    "OR": (4, 1), "NV": (4, 2), "WY": (4, 3), "SD": (4, 4), "IA": (4, 5), "IN": (4, 6), "OH": (4, 7),
    "PA": (4, 8), "NJ": (4, 9), "CT": (4, 10),
    "CA": (5, 1), "UT": (5, 2), "CO": (5, 3), "NE": (5, 4), "MO": (5, 5), "KY": (5, 6), "WV": (5, 7),
    "VA": (5, 8), "MD": (5, 9), "DE": (5, 10),
    "AZ": (6, 2), "NM": (6, 3), "KS": (6, 4), "AR": (6, 5), "TN": (6, 6), "NC": (6, 7), "SC": (6, 8),
    "DC": (6, 9),
    "OK": (7, 4), "LA": (7, 5), "MS": (7, 6), "AL": (7, 7), "GA": (7, 8),
    "HI": (8, 1), "TX": (8, 4), "FL": (8, 9), "PR": (8, 11),
}  # fmt: skip


@dataclass(frozen=True)
class KeyField:
    key: str
    label: str
    kind: str  # "yesno" or "hours" or "credential"
    attribute: str = ""
    bins: tuple = ()


KEY_FIELDS = [
    KeyField("certification", _("Certification offered"), "credential"),
    KeyField("training_hours", _("Training hours"), "hours", "training_hours", (40, 60, 80)),
    KeyField("supervised_hours", _("Supervised hours"), "hours", "supervised_hours", (250, 500, 1000)),
    KeyField("exam_required", _("Exam required"), "yesno", "exam_required"),
    KeyField("lived_experience_required", _("Lived experience required"), "yesno", "lived_experience_required"),
    KeyField("background_check", _("Background check"), "yesno", "background_check"),
    KeyField("ic_rc_reciprocity", _("IC&RC reciprocity"), "yesno", "ic_rc_reciprocity"),
    KeyField("medicaid_billable", _("Medicaid billable"), "yesno", "medicaid_billable"),
]
KEY_FIELDS_BY_KEY = {field.key: field for field in KEY_FIELDS}
UNKNOWN = ("unknown", _("Not yet verified"))


def raw_value(state, field):
    if field.kind == "credential":
        return True if state.credential_list else None
    return getattr(state, field.attribute)


def category(field, value):
    """(css class, legend label) of a value: colour is never the only cue, the tile shows the value too."""
    if value is None:
        return UNKNOWN
    if field.kind in ("yesno", "credential"):
        return ("yes", gettext("Yes")) if value else ("no", gettext("No"))
    low = 0
    for index, high in enumerate(field.bins):
        if value < high:
            return (f"bin-{index}", gettext("%(low)s–%(high)s hours") % {"low": low, "high": high - 1})
        low = high
    return (f"bin-{len(field.bins)}", gettext("%(low)s+ hours") % {"low": low})


def legend(field):
    if field.kind == "credential":  # a credential is either sourced or not yet verified
        return [("yes", gettext("Yes")), UNKNOWN]
    if field.kind == "yesno":
        return [("yes", gettext("Yes")), ("no", gettext("No")), UNKNOWN]
    values = [0, *field.bins]
    return [category(field, value) for value in values] + [UNKNOWN]


def short_value(field, value):
    if value is None:
        return "?"
    if field.kind == "hours":
        return str(value)
    return gettext("Yes") if value else gettext("No")


def tile_map(states, colour_key):
    field = KEY_FIELDS_BY_KEY.get(colour_key, KEY_FIELDS[0])
    tiles = []
    for state in states:
        if state.code not in TILE_POSITIONS:
            continue
        value = raw_value(state, field)
        css, label = category(field, value)
        row, column = TILE_POSITIONS[state.code]
        tiles.append(
            {
                "state": state,
                "row": row,
                "column": column,
                "css": css,
                "label": label,
                "short": short_value(field, value),
            }
        )
    return {"field": field, "tiles": tiles, "legend": legend(field), "fields": KEY_FIELDS}


TABLE_COLUMNS = ["title", *[field.key for field in KEY_FIELDS]]


def sorted_table(states, sort_key, descending):
    """Rows of key values, sorted; unknown values always go last."""
    if sort_key not in TABLE_COLUMNS:
        sort_key, descending = "title", False
    rows = [{"state": state, "cells": [(field, raw_value(state, field)) for field in KEY_FIELDS]} for state in states]
    if sort_key == "title":
        rows.sort(key=lambda row: row["state"].title, reverse=descending)
    else:
        field = KEY_FIELDS_BY_KEY[sort_key]
        known = [row for row in rows if raw_value(row["state"], field) is not None]
        unknown = [row for row in rows if raw_value(row["state"], field) is None]
        known.sort(key=lambda row: (raw_value(row["state"], field), row["state"].title), reverse=descending)
        rows = known + sorted(unknown, key=lambda row: row["state"].title)
    return {"rows": rows, "sort": sort_key, "descending": descending, "fields": KEY_FIELDS}
