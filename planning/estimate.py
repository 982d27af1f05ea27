"""What it will cost and how long it takes, from the figures the state page holds.

Only known figures are added up; every unknown one is named beside the sum and
never counted as zero.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .steps import DONE, NOT_NEEDED


@dataclass
class Sum:
    known: int | Decimal = 0  # hours stay whole numbers; money becomes Decimal once a fee is added
    unknown: list = field(default_factory=list)  # labels of the parts not yet verified
    known_parts: int = 0  # a known sum of 0 (a free exam) is still a figure

    def add(self, amount, label):
        if amount is None:
            self.unknown.append(label)
        else:
            self.known += amount
            self.known_parts += 1

    @property
    def complete(self):
        return not self.unknown


@dataclass
class Estimate:
    cost: Sum  # to certification
    hours: Sum  # training and supervised hours still to do
    weeks: int  # the known hours at the visitor's pace, rounded up
    years: int
    renewals: int | None  # how many renewals fall in `years`; None while the period is not verified
    keeping_cost: Sum
    ce_hours: Sum


FEE_FOR_STEP = [
    ("training", "training_fee", _("training fee")),
    ("apply", "application_fee", _("application fee")),
    ("exam", "exam_fee", _("exam fee")),
    ("background_check", "background_check_fee", _("background check fee")),
]


def estimate(state, steps, answers):
    """`steps` from checklist.path_steps: fees and hours of finished or unasked steps are left out."""
    by_key = {step.key: step for step in steps}
    cost = Sum()
    for key, attribute, label in FEE_FOR_STEP:
        if by_key[key].status not in (DONE, NOT_NEEDED):
            cost.add(getattr(state, attribute), label)

    remaining = Sum()
    for required, done, label in [
        (state.training_hours, answers["training_done"], _("training hours")),
        (state.supervised_hours, answers["supervised_done"], _("supervised work hours")),
    ]:
        remaining.add(None if required is None else max(required - done, 0), label)
    weeks = math.ceil(remaining.known / answers["pace"])

    years = answers["years"]
    renewals = years // state.recertification_years if state.recertification_years else None
    keeping_cost, ce_hours = Sum(), Sum()
    if renewals is None:
        keeping_cost.add(None, _("how often it is renewed"))
        ce_hours.add(None, _("how often it is renewed"))
    else:
        keeping_cost.add(None if state.renewal_fee is None else renewals * state.renewal_fee, _("renewal fee"))
        ce_hours.add(None if state.ceu_hours is None else renewals * state.ceu_hours, _("continuing-education hours"))
    return Estimate(cost, remaining, weeks, years, renewals, keeping_cost, ce_hours)
