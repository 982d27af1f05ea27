"""My path to certification: the state's rules applied to the visitor's answers, in the order they are met."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.formatting import dollars
from states.requirements import EDUCATION_RANK, hours

from .steps import DONE, NOT_NEEDED, NOT_VERIFIED, TO_DO, Step


def path_steps(answers):
    """Every step for the state in `answers` (a PathForm's cleaned data), in order."""
    state = answers["state"]
    steps = [
        reciprocity_step(state, answers["credential"]),
        schooling_step(state, answers["education"]),
        lived_experience_step(state, answers["lived_experience"]),
        hours_step(state, "training", state.training_hours, answers["training_done"]),
        hours_step(state, "supervised", state.supervised_hours, answers["supervised_done"]),
        exam_step(state, answers["exam_passed"] == "yes"),
        background_check_step(state),
        apply_step(state),
        renewal_step(state),
    ]
    return [step for step in steps if step is not None]


def reciprocity_step(state, credential):
    if credential == "none":
        return None
    step = Step("reciprocity", _("Ask whether your credential transfers"), TO_DO, state, "ic_rc_reciprocity")
    if state.ic_rc_reciprocity is None:
        step.status = NOT_VERIFIED
        step.explanation = _(
            "We have not yet verified whether %(state)s takes part in IC&RC reciprocity. "
            "Ask its certifying body before you repeat any step below."
        ) % {"state": state.title}
    elif state.ic_rc_reciprocity and credential == "other_state_ic_rc":
        step.requirement = _("%(state)s's board is an IC&RC member.") % {"state": state.title}
        step.explanation = _(
            "An IC&RC credential from another member board can usually be transferred: ask your current board "
            "for a reciprocity application before you repeat the steps below."
        )
    elif state.ic_rc_reciprocity:
        step.requirement = _("%(state)s's board is an IC&RC member.") % {"state": state.title}
        step.explanation = _(
            "Reciprocity goes between IC&RC member boards. If your credential is not from one, expect to meet "
            "the steps below; ask the board which of your hours count."
        )
    else:
        step.requirement = _("%(state)s does not offer IC&RC reciprocity.") % {"state": state.title}
        step.explanation = _("Expect to meet the steps below; ask the board which of your hours count.")
    return step


def schooling_step(state, education):
    step = Step("schooling", _("Schooling"), NOT_VERIFIED, state, "education_minimum")
    step.requirement = state.education_minimum
    if not state.education_level:
        step.explanation = _("We have not yet verified the schooling %(state)s asks for.") % {"state": state.title}
    elif EDUCATION_RANK[education] >= EDUCATION_RANK[state.education_level]:
        step.status = DONE
        step.explanation = _("Your schooling meets this.")
    else:
        step.status = TO_DO
        step.explanation = _("This is more schooling than you have now: a GED or equivalent counts where named.")
    return step


def lived_experience_step(state, answer):
    step = Step("lived_experience", _("Lived experience"), NOT_VERIFIED, state, "lived_experience_required")
    step.requirement = state.lived_experience_wording
    required = state.lived_experience_required
    if required is None:
        step.explanation = _("We have not yet verified whether %(state)s asks for lived experience.") % {
            "state": state.title
        }
    elif not required:
        step.status = NOT_NEEDED
        step.explanation = _("%(state)s does not ask for lived experience.") % {"state": state.title}
    elif answer == "yes":
        step.status = DONE
        step.explanation = _("You said you have lived experience; you will be asked to describe it in your own way.")
    else:
        step.status = TO_DO
        step.explanation = _(
            "%(state)s asks for lived experience of recovery. Read how it words this; you decide what to share."
        ) % {"state": state.title}
    return step


def hours_step(state, kind, required, done):
    if kind == "training":
        step = Step("training", _("Training"), NOT_VERIFIED, state, "training_hours")
        step.requirement = state.training_detail
    else:
        step = Step("supervised", _("Supervised work hours"), NOT_VERIFIED, state, "supervised_hours")
        step.requirement = state.supervised_detail
    if required is None:
        step.explanation = _("We have not yet verified how many hours %(state)s asks for. You have done %(done)s.") % {
            "state": state.title,
            "done": hours(done),
        }
        return step
    figure = _("%(state)s asks for %(hours)s.") % {"state": state.title, "hours": hours(required)}
    step.requirement = f"{figure} {step.requirement}".strip()
    left = max(required - done, 0)
    if left == 0:
        step.status = DONE
        step.explanation = _("You have done %(done)s: enough.") % {"done": hours(done)}
    else:
        step.status = TO_DO
        step.explanation = ngettext(
            "You have done %(done)s: %(left)s hour to go.", "You have done %(done)s: %(left)s hours to go.", left
        ) % {"done": hours(done), "left": left}
    return step


def exam_step(state, passed):
    step = Step("exam", _("Exam"), NOT_VERIFIED, state, "exam")
    step.requirement = state.exam_detail
    if state.exam_required is None:
        step.explanation = _("We have not yet verified whether %(state)s asks for an exam.") % {"state": state.title}
    elif not state.exam_required:
        step.status = NOT_NEEDED
        step.explanation = _("%(state)s does not ask for an exam.") % {"state": state.title}
    elif passed:
        step.status = DONE
        step.explanation = _("You said you passed it.")
    else:
        step.status = TO_DO
        step.explanation = fee_sentence(state.exam_fee)
    return step


def background_check_step(state):
    """Never asks about the visitor's history: it says what the state asks and links to its rules."""
    step = Step("background_check", _("Background check"), NOT_VERIFIED, state, "background_check")
    if state.background_check is None:
        step.explanation = _("We have not yet verified whether %(state)s asks for a background check.") % {
            "state": state.title
        }
    elif not state.background_check:
        step.status = NOT_NEEDED
        step.explanation = _("%(state)s does not ask for one.") % {"state": state.title}
    else:
        step.status = TO_DO
        step.explanation = " ".join(
            [
                _("%(state)s asks for one. Read its rules to see what is checked and how.") % {"state": state.title},
                fee_sentence(state.background_check_fee),
            ]
        )
    return step


def apply_step(state):
    credentials = ", ".join(str(credential) for credential in state.credential_list)
    step = Step("apply", _("Apply for the credential"), TO_DO, state, "credentials")
    if not credentials:
        step.status = NOT_VERIFIED
        step.explanation = _("We have not yet verified which credential %(state)s offers.") % {"state": state.title}
        return step
    step.requirement = credentials
    step.explanation = fee_sentence(state.application_fee)
    return step


def renewal_step(state):
    step = Step("renewal", _("Keep it current"), NOT_VERIFIED, state, "recertification")
    rule = state.value_of("recertification")
    if rule is None:
        step.explanation = _("We have not yet verified how %(state)s renews the credential.") % {"state": state.title}
        return step
    step.status = TO_DO
    step.requirement = rule
    step.explanation = fee_sentence(state.renewal_fee)
    return step


def fee_sentence(amount):
    if amount is None:
        return _("Fee: not yet verified.")
    if amount == 0:
        return _("Fee: none, according to the source.")
    return _("Fee: %(amount)s.") % {"amount": dollars(amount)}
