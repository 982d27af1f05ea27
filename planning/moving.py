"""Moving to another state with a credential: is there a reciprocity route,
what differs, and the steps in the new state, each with its source."""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from states.requirements import REQUIREMENT_FIELDS, hours

from .checklist import apply_step, background_check_step, renewal_step
from .estimate import Sum
from .steps import DONE, NOT_NEEDED, NOT_VERIFIED, TO_DO, Step

RECIPROCITY = "reciprocity"
NO_ROUTE = "no_route"
ROUTE_NOT_VERIFIED = "not_verified"

# What a person moving compares, in the order of the state page.
COMPARED = ["training_hours", "supervised_hours", "exam", "education_minimum", "background_check", "fees"]


@dataclass
class MovingPlan:
    leaving: object
    arriving: object
    credential: object  # the StateCredential held, or None when not listed
    route: str
    differences: list
    steps: list
    extra_hours: Sum
    weeks: int


def route(leaving, arriving):
    """Reciprocity exists when both boards are IC&RC members; unknown on either side stays unknown."""
    flags = (leaving.ic_rc_reciprocity, arriving.ic_rc_reciprocity)
    if False in flags:
        return NO_ROUTE
    if None in flags:
        return ROUTE_NOT_VERIFIED
    return RECIPROCITY


def differences(leaving, arriving):
    rows = []
    headings = {requirement.key: requirement.heading for requirement in REQUIREMENT_FIELDS}
    for key in COMPARED:
        before, after = leaving.value_of(key), arriving.value_of(key)
        rows.append(
            {
                "key": key,
                "heading": headings[key],
                "leaving": before,
                "arriving": after,
                "differs": before != after,
            }
        )
    return rows


def plan_move(answers):
    leaving, arriving = answers["from_state"], answers["to_state"]
    way = route(leaving, arriving)
    extra = Sum()
    steps = [
        reciprocity_step(leaving, arriving, way),
        extra_hours_step(leaving, arriving, "training", extra),
        extra_hours_step(leaving, arriving, "supervised", extra),
        exam_step(leaving, arriving, way),
        background_check_step(arriving),
        apply_step(arriving),
        renewal_step(arriving),
    ]
    weeks = math.ceil(extra.known / answers["pace"])
    return MovingPlan(
        leaving, arriving, answers.get("held_credential"), way, differences(leaving, arriving), steps, extra, weeks
    )


def reciprocity_step(leaving, arriving, way):
    names = {"leaving": leaving.title, "arriving": arriving.title}
    step = Step(
        "reciprocity",
        _("Ask for reciprocity"),
        TO_DO,
        arriving,
        "ic_rc_reciprocity",
        sources=leaving.sources_for("ic_rc_reciprocity") + arriving.sources_for("ic_rc_reciprocity"),
    )
    if way == RECIPROCITY:
        step.requirement = _("Both %(leaving)s and %(arriving)s take part in IC&RC reciprocity.") % names
        step.explanation = (
            _(
                "Ask the board in %(leaving)s for an IC&RC reciprocity application; it sends your record to "
                "%(arriving)s. Reciprocity covers IC&RC credentials: check that yours is one."
            )
            % names
        )
    elif way == NO_ROUTE:
        step.title = _("No reciprocity route")
        step.requirement = _("%(leaving)s and %(arriving)s do not both take part in IC&RC reciprocity.") % names
        step.explanation = (
            _("Plan to meet %(arriving)s's requirements below; ask its board which of your hours count.") % names
        )
    else:
        step.status = NOT_VERIFIED
        step.explanation = (
            _(
                "We have not yet verified whether both %(leaving)s and %(arriving)s take part in IC&RC reciprocity. "
                "Ask both boards before you repeat any step."
            )
            % names
        )
    return step


def extra_hours_step(leaving, arriving, kind, extra):
    if kind == "training":
        key, title, label = "training_hours", _("Extra training"), _("training hours")
        before, after = leaving.training_hours, arriving.training_hours
    else:
        key, title, label = "supervised_hours", _("Extra supervised work hours"), _("supervised work hours")
        before, after = leaving.supervised_hours, arriving.supervised_hours
    step = Step(kind, title, NOT_VERIFIED, arriving, key)
    names = {"leaving": leaving.title, "arriving": arriving.title}
    if after is None or before is None:
        missing = arriving.title if after is None else leaving.title
        step.explanation = _("We have not yet verified the hours %(state)s asks for.") % {"state": missing}
        extra.add(None, label)
        return step
    step.requirement = _("%(arriving)s: %(after)s; %(leaving)s: %(before)s.") % {
        **names,
        "after": hours(after),
        "before": hours(before),
    }
    gap = max(after - before, 0)
    extra.add(gap, label)
    if gap == 0:
        step.status = DONE
        step.explanation = _("%(leaving)s asks for as many or more; the board decides which of yours count.") % names
    else:
        step.status = TO_DO
        step.explanation = _("%(arriving)s asks for %(gap)s more.") % {**names, "gap": hours(gap)}
    return step


def exam_step(leaving, arriving, way):
    step = Step("exam", _("Exam"), NOT_VERIFIED, arriving, "exam")
    step.requirement = arriving.exam_detail
    names = {"leaving": leaving.title, "arriving": arriving.title}
    if arriving.exam_required is None:
        step.explanation = _("We have not yet verified whether %(arriving)s asks for an exam.") % names
    elif not arriving.exam_required:
        step.status = NOT_NEEDED
        step.explanation = _("%(arriving)s does not ask for an exam.") % names
    else:
        step.status = TO_DO
        if leaving.exam_required and way == RECIPROCITY:
            step.explanation = _("You passed %(leaving)s's exam; ask whether reciprocity spares you this one.") % names
        else:
            step.explanation = _("Plan for %(arriving)s's exam unless its board tells you otherwise.") % names
    return step
