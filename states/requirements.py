"""The structured requirement fields of a state page, in the order visitors read them.

Each field has a stable anchor that organizations deep-link to, and a key that
sources cite (the keys of ../shared/data/states.json). An unknown value is
None (or empty text) and is shown as "not yet verified", never as no or zero.
"""

from dataclasses import dataclass

NOT_VERIFIED = "Not yet verified"


@dataclass(frozen=True)
class RequirementField:
    key: str
    anchor: str
    heading: str


REQUIREMENT_FIELDS = [
    RequirementField("credentials", "credentials", "Credentials and certifying bodies"),
    RequirementField("training_hours", "training", "Training"),
    RequirementField("supervised_hours", "supervised-hours", "Supervised work hours"),
    RequirementField("exam", "exam", "Exam"),
    RequirementField("lived_experience_required", "lived-experience", "Lived experience"),
    RequirementField("education_minimum", "education", "Education"),
    RequirementField("background_check", "background-check", "Background check"),
    RequirementField("recertification", "recertification", "Recertification and continuing education"),
    RequirementField("fees", "fees", "Fees"),
    RequirementField("ic_rc_reciprocity", "reciprocity", "Reciprocity with other states (IC&RC)"),
    RequirementField("medicaid_billable", "medicaid", "Medicaid billing"),
    RequirementField("notes", "notes", "Notes"),
]

FIELD_CHOICES = [(field.key, field.heading) for field in REQUIREMENT_FIELDS]


def yes_no(value):
    """Tri-state: True, False, or None for not yet verified."""
    if value is None:
        return None
    return "Yes" if value else "No"
