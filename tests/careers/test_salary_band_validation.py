from datetime import date

import pytest
from django.core.exceptions import ValidationError

from careers.models import SalaryBand
from tests.factories import CitationFactory


def band(**fields):
    values = {"label_in_source": "Senior worker", "minimum": 50000, "maximum": 60000, "currency": "USD"}
    values.update(fields)
    return SalaryBand(**values)


def test_minimum_above_maximum_is_refused_with_both_figures():
    with pytest.raises(ValidationError) as error:
        band(minimum=60000, maximum=50000).clean()
    message = " ".join(error.value.message_dict["maximum"])
    assert "$50,000" in message
    assert "$60,000" in message


def test_missing_maximum_needs_an_open_ended_top():
    with pytest.raises(ValidationError) as error:
        band(maximum=None, open_ended=False).clean()
    assert "open-ended top" in " ".join(error.value.message_dict["maximum"])


def test_open_ended_band_without_maximum_is_accepted():
    band(maximum=None, open_ended=True).clean()


def test_equal_minimum_and_maximum_is_accepted():
    band(minimum=45000, maximum=45000).clean()


@pytest.mark.parametrize(
    ("minimum", "maximum", "open_ended", "label"),
    [
        (30000, 40000, False, "$30,000 – $40,000"),
        (80000, 100000, True, "$80,000 – $100,000+"),
        (70000, None, True, "$70,000+"),
    ],
)
def test_range_is_written_in_full(minimum, maximum, open_ended, label):
    assert band(minimum=minimum, maximum=maximum, open_ended=open_ended).range_label == label


@pytest.mark.django_db
def test_citation_cannot_be_published_after_it_was_read():
    citation = CitationFactory.build(published_on=date(2026, 12, 1), accessed_on=date(2026, 11, 22))
    with pytest.raises(ValidationError) as error:
        citation.clean()
    assert "published_on" in error.value.message_dict
