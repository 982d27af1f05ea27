"""The salary picture: bands of every source on one axis from zero."""

import pytest

from careers.models import CareerStagePage
from careers.salary import salary_chart
from tests.factories import CareerStagePageFactory, CitationFactory, SalaryBandFactory


@pytest.fixture
def two_sources_two_stages(ladder):
    first, second = CitationFactory(), CitationFactory()
    entry = CareerStagePageFactory(parent=ladder, position=1)
    director = CareerStagePageFactory(parent=ladder, position=2)
    SalaryBandFactory(page=entry, source=first, minimum=30000, maximum=40000)
    SalaryBandFactory(page=entry, source=second, minimum=30000, maximum=35000)
    SalaryBandFactory(page=director, source=first, minimum=80000, maximum=100000, open_ended=True)
    stages = CareerStagePage.objects.child_of(ladder).order_by("position").prefetch_related("salary_bands__source")
    return list(stages), first, second


def test_axis_starts_at_zero_and_reaches_past_the_highest_figure(two_sources_two_stages):
    stages, _, _ = two_sources_two_stages
    chart = salary_chart(stages)
    assert chart.ticks[0]["value"] == 0
    assert chart.axis_max > 100000


def test_each_source_keeps_its_own_series(two_sources_two_stages):
    stages, first, second = two_sources_two_stages
    chart = salary_chart(stages)
    assert chart.sources == [first, second]
    entry_bars = chart.rows[0].bars
    assert [bar.series for bar in entry_bars] == [0, 1]


def test_bar_geometry_is_proportional(two_sources_two_stages):
    stages, _, _ = two_sources_two_stages
    chart = salary_chart(stages)
    wide, narrow = chart.rows[0].bars
    assert wide.left == narrow.left
    assert wide.width == pytest.approx(2 * narrow.width, rel=0.01)
    director = chart.rows[1].bars[0]
    assert director.left > wide.left + wide.width


def test_no_bands_means_no_chart(ladder):
    CareerStagePageFactory(parent=ladder)
    assert not salary_chart(list(CareerStagePage.objects.child_of(ladder)))
