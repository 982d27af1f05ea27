import pytest
from django.core.exceptions import ValidationError

from states.models import StatePage
from tests import factories


def test_code_is_normalised_to_upper_case(seeded):
    florida = StatePage.objects.get(code="FL", locale__language_code="en")
    florida.code = " fl "
    florida.clean()
    assert florida.code == "FL"


@pytest.mark.parametrize(
    ("code", "message"), [("F1", "two-letter postal code"), ("FLA", "two-letter"), ("", "two-letter")]
)
def test_bad_codes_are_refused(seeded, code, message):
    florida = StatePage.objects.get(code="FL", locale__language_code="en")
    florida.code = code
    with pytest.raises(ValidationError) as error:
        florida.clean()
    assert message in " ".join(error.value.message_dict["code"])


def test_a_code_can_belong_to_one_state_per_language(seeded):
    florida = StatePage.objects.get(code="FL", locale__language_code="en")
    florida.code = "TX"
    with pytest.raises(ValidationError) as error:
        florida.clean()
    assert "Texas already uses the code TX" in " ".join(error.value.message_dict["code"])


def test_a_new_state_with_a_free_code_is_valid(home):
    index = factories.StateIndexPageFactory(parent=home)
    state = factories.StatePageFactory(parent=index, code="QQ")
    state.clean()
