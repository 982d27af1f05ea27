"""The questions the planning tools ask. None asks about criminal history: the
background-check step links to the state's own rules instead."""

from django import forms
from django.utils.translation import gettext_lazy as _

from states.jurisdictions import state_code
from states.requirements import EDUCATION_LEVELS

MAX_HOURS = 10_000
MAX_YEARS = 40

LIVED_EXPERIENCE_CHOICES = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("rather_not_say", _("I'd rather not say")),
]
EXAM_CHOICES = [("no", _("Not yet")), ("yes", _("Yes, I passed it"))]
HELD_CREDENTIAL_CHOICES = [
    ("none", _("No peer support credential yet")),
    ("other_state_ic_rc", _("Yes, from another state's IC&RC member board")),
    ("other_state", _("Yes, from another state (not IC&RC, or I'm not sure)")),
]


class StateChoiceField(forms.ChoiceField):
    """A state by its two-letter code; `states` are the live state pages in the visitor's language."""

    def __init__(self, states, **kwargs):
        self.states = {state.code: state for state in states}
        choices = [("", _("Choose a state"))] + [(code, state.title) for code, state in self.states.items()]
        super().__init__(choices=choices, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return (state_code(value) or value) if value else value

    def clean(self, value):
        return self.states[super().clean(value)]

    def prepare_value(self, value):
        """Shown as the option it matched ("tx" or " TX " selects Texas), so a re-shown form keeps it."""
        return (state_code(value) or value) if isinstance(value, str) else value


def hours_field(label, help_text):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=MAX_HOURS,
        error_messages={
            "invalid": _("Write the number of hours as a whole number, for example 20."),
            "min_value": _("The number of hours cannot be below 0."),
            "max_value": _("Write at most %(limit_value)s hours."),
        },
    )


def pace_field():
    return forms.IntegerField(
        label=_("Hours a week you can give to training and supervised work"),
        help_text=_("Used only to estimate how many weeks the remaining hours take."),
        initial=10,
        min_value=1,
        max_value=80,
        error_messages={
            "required": _("Say how many hours a week you can give, for example 10."),
            "invalid": _("Write the hours a week as a whole number, for example 10."),
            "min_value": _("Give at least 1 hour a week."),
            "max_value": _("A week has room for at most %(limit_value)s hours of this."),
        },
    )


class PathForm(forms.Form):
    """My path to certification."""

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"] = StateChoiceField(
            states,
            label=_("State where you want to be certified"),
            error_messages={
                "required": _("Choose the state where you want to be certified."),
                "invalid_choice": _("Choose a state from the list."),
            },
        )
        self.order_fields(["state"])

    education = forms.ChoiceField(
        label=_("Your highest schooling"),
        choices=EDUCATION_LEVELS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose your highest schooling."),
            "invalid_choice": _("Choose one of the schooling options."),
        },
    )
    lived_experience = forms.ChoiceField(
        label=_("Do you have lived experience of mental health or substance use recovery?"),
        choices=LIVED_EXPERIENCE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Answer the lived experience question, or choose “I'd rather not say”."),
            "invalid_choice": _("Choose one of the lived experience answers."),
        },
    )
    training_done = hours_field(_("Training hours you have completed"), _("Leave empty or write 0 if none yet."))
    supervised_done = hours_field(
        _("Supervised work hours you have completed"), _("Leave empty or write 0 if none yet.")
    )
    exam_passed = forms.ChoiceField(
        label=_("Have you passed the state's peer support exam?"),
        choices=EXAM_CHOICES,
        initial="no",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether you have passed the exam."),
            "invalid_choice": _("Choose one of the exam answers."),
        },
    )
    credential = forms.ChoiceField(
        label=_("Do you hold a peer support credential now?"),
        choices=HELD_CREDENTIAL_CHOICES,
        initial="none",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether you hold a peer support credential now."),
            "invalid_choice": _("Choose one of the credential answers."),
        },
    )
    pace = pace_field()
    years = forms.IntegerField(
        label=_("Years you plan to keep the credential"),
        help_text=_("For the cost of renewals."),
        initial=5,
        min_value=1,
        max_value=MAX_YEARS,
        error_messages={
            "required": _("Say how many years you plan to keep the credential, for example 5."),
            "invalid": _("Write the years as a whole number, for example 5."),
            "min_value": _("Give at least 1 year."),
            "max_value": _("Give at most %(limit_value)s years."),
        },
    )

    def clean_training_done(self):
        return self.cleaned_data["training_done"] or 0

    def clean_supervised_done(self):
        return self.cleaned_data["supervised_done"] or 0


class MovingForm(forms.Form):
    """Moving to another state with a credential."""

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_state"] = StateChoiceField(
            states,
            label=_("State where you hold your credential"),
            error_messages={
                "required": _("Choose the state where you hold your credential."),
                "invalid_choice": _("Choose the state you are leaving from the list."),
            },
        )
        self.fields["to_state"] = StateChoiceField(
            states,
            label=_("State you are moving to"),
            error_messages={
                "required": _("Choose the state you are moving to."),
                "invalid_choice": _("Choose the state you are moving to from the list."),
            },
        )
        # Grouped by state, so the list works as plain HTML with no script to narrow it.
        self.fields["credential"] = forms.ChoiceField(
            label=_("Your credential"),
            help_text=_("As the state you are leaving names it. Leave it at “not listed” if you cannot find it."),
            required=False,
            choices=[("", _("Not listed, or I'm not sure"))]
            + [
                (state.title, [(str(credential.pk), str(credential)) for credential in state.credential_list])
                for state in states
                if state.credential_list
            ],
            error_messages={"invalid_choice": _("Choose a credential from the list.")},
        )
        self.order_fields(["from_state", "credential", "to_state", "pace"])

    pace = pace_field()

    def clean(self):
        data = super().clean()
        leaving, arriving = data.get("from_state"), data.get("to_state")
        if leaving and arriving and leaving.code == arriving.code:
            self.add_error("to_state", _("Choose a state other than the one you are leaving."))
        held = data.get("credential")
        data["held_credential"] = None
        if leaving and held:
            chosen = [c for c in leaving.credential_list if str(c.pk) == held]
            if not chosen:
                self.add_error(
                    "credential",
                    _("Choose one of %(state)s's credentials, or leave it empty.") % {"state": leaving.title},
                )
            else:
                data["held_credential"] = chosen[0]
        return data
