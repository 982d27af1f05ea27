"""The structured requirement fields of a state page, in the order visitors read them.

Each field has a stable anchor that organizations deep-link to, and a key that
sources cite (the keys of ../shared/data/states.json). An unknown value is
None (or empty text) and is shown as "not yet verified", never as no or zero.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

NOT_VERIFIED = _("Not yet verified")


@dataclass(frozen=True)
class RequirementField:
    key: str
    anchor: str
    heading: str


REQUIREMENT_FIELDS = [
    RequirementField("credentials", "credentials", _("Credentials and certifying bodies")),
    RequirementField("training_hours", "training", _("Training")),
    RequirementField("supervised_hours", "supervised-hours", _("Supervised work hours")),
    RequirementField("exam", "exam", _("Exam")),
    RequirementField("lived_experience_required", "lived-experience", _("Lived experience")),
    RequirementField("education_minimum", "education", _("Education")),
    RequirementField("background_check", "background-check", _("Background check")),
    RequirementField("recertification", "recertification", _("Recertification and continuing education")),
    RequirementField("fees", "fees", _("Fees")),
    RequirementField("ic_rc_reciprocity", "reciprocity", _("Reciprocity with other states (IC&RC)")),
    RequirementField("medicaid_billable", "medicaid", _("Medicaid billing")),
    RequirementField("notes", "notes", _("Notes")),
]

FIELD_CHOICES = [(field.key, field.heading) for field in REQUIREMENT_FIELDS]


def yes_no(value):
    """Tri-state: True, False, or None for not yet verified."""
    if value is None:
        return None
    return gettext("Yes") if value else gettext("No")


def hours(value):
    """A number of hours in the visitor's language, or None for not yet verified."""
    if value is None:
        return None
    return ngettext("%(hours)s hour", "%(hours)s hours", value) % {"hours": number_format(value, force_grouping=True)}


# The least schooling a state asks for, as a level the planning tools can compare.
EDUCATION_LEVELS = [
    ("none", _("No minimum")),
    ("high_school", _("High school diploma or GED")),
    ("some_college", _("Some college")),
    ("degree", _("A college degree")),
]
EDUCATION_RANK = {key: rank for rank, (key, _label) in enumerate(EDUCATION_LEVELS)}


@dataclass(frozen=True)
class Fee:
    attribute: str
    label: str


# The fees a state page holds as figures, in the order a person pays them.
FEES = [
    Fee("training_fee", _("Training")),
    Fee("application_fee", _("Application")),
    Fee("exam_fee", _("Exam")),
    Fee("background_check_fee", _("Background check")),
    Fee("renewal_fee", _("Renewal, each period")),
]
FEE_ATTRIBUTES = [fee.attribute for fee in FEES]
