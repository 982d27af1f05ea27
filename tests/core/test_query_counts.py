"""Each page type runs a small, fixed number of SQL queries, however much content it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.usefixtures("page_cache_off")

# A ceiling per page type, so a change that adds queries is noticed here.
# (22 since listings leave out private pages: one query each for the restrictions.)
MAX_QUERIES = 22


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_stages(ladder, stages, sources, first_position=1):
    for position in range(first_position, first_position + stages):
        stage = factories.CareerStagePageFactory(parent=ladder, position=position)
        for source in sources:
            factories.SalaryBandFactory(page=stage, source=source, minimum=30000 * position, maximum=35000 * position)


def test_ladder_queries_do_not_grow_with_stages_or_bands(client, home):
    ladder = factories.CareerLadderPageFactory(parent=home)
    add_stages(ladder, 1, [factories.CitationFactory()])
    client.get(ladder.url)  # warm the per-process caches (site root, content types)
    small = queries_for(client, ladder.url)
    add_stages(ladder, 5, [factories.CitationFactory() for _ in range(3)], first_position=2)
    assert queries_for(client, ladder.url) == small <= MAX_QUERIES


def test_stage_page_queries_do_not_grow_with_bands_or_skills(client, home):
    ladder = factories.CareerLadderPageFactory(parent=home)
    skills = factories.SkillIndexPageFactory(parent=home)
    counts = []
    for size in (1, 4):
        stage = factories.CareerStagePageFactory(parent=ladder)
        for _ in range(size):
            factories.SalaryBandFactory(page=stage)
            factories.SkillPageFactory(parent=skills, stages=[stage])
        client.get(stage.url)
        counts.append(queries_for(client, stage.url))
    assert counts[0] == counts[1] <= MAX_QUERIES


def test_skill_pages_do_not_grow_with_skills_stages_or_topics(client, home):
    ladder = factories.CareerLadderPageFactory(parent=home)
    stages = [factories.CareerStagePageFactory(parent=ladder) for _ in range(4)]
    topics = [factories.TrainingTopicFactory() for _ in range(4)]
    index = factories.SkillIndexPageFactory(parent=home)
    small = factories.SkillPageFactory(parent=index, stages=stages[:1], training_topics=topics[:1])
    large = factories.SkillPageFactory(parent=index, stages=stages, training_topics=topics)
    client.get(small.url)
    assert queries_for(client, small.url) == queries_for(client, large.url) <= MAX_QUERIES

    index_count_small = queries_for(client, index.url)
    for _ in range(6):
        factories.SkillPageFactory(parent=index)
    assert queries_for(client, index.url) == index_count_small <= MAX_QUERIES


@pytest.mark.parametrize(
    "factory",
    [
        factories.CareerOverviewPageFactory,
        factories.PathwayPageFactory,
        factories.StateIndexPageFactory,
    ],
)
def test_single_pages_stay_under_the_ceiling(client, home, factory):
    page = factory(parent=home)
    client.get(page.url)
    assert queries_for(client, page.url) <= MAX_QUERIES


def test_home_page_stays_under_the_ceiling(client, home):
    factories.StateIndexPageFactory(parent=home)
    factories.CareerLadderPageFactory(parent=home)
    client.get(home.url)
    assert queries_for(client, home.url) <= MAX_QUERIES


def test_state_index_queries_do_not_grow_with_states(client, home):
    from states.models import StateCredential

    index = factories.StateIndexPageFactory(parent=home)
    first = factories.StatePageFactory(parent=index)
    StateCredential.objects.create(page=first, name="Peer specialist", locale=first.locale)
    client.get(index.url)
    small = queries_for(client, index.url)
    for _ in range(10):
        state = factories.StatePageFactory(parent=index)
        StateCredential.objects.create(page=state, name="Peer specialist", locale=state.locale)
    assert queries_for(client, index.url) == small <= MAX_QUERIES


def test_state_page_queries_do_not_grow_with_credentials_or_sources(client, seeded):
    from states.models import StatePage

    few = StatePage.objects.get(code="SD", locale__language_code="en")
    many = StatePage.objects.get(code="TX", locale__language_code="en")
    assert many.sources.count() > 3 * few.sources.count()
    client.get(few.url)
    assert queries_for(client, few.url) == queries_for(client, many.url) <= MAX_QUERIES


def test_compare_queries_do_not_grow_with_states(client, seeded):
    url = "/en/states/compare/"
    client.get(url, {"states": "fl,tx"})
    with CaptureQueriesContext(connection) as two:
        client.get(url, {"states": "fl,tx"})
    with CaptureQueriesContext(connection) as four:
        client.get(url, {"states": "fl,tx,pa,ny"})
    assert len(two) == len(four) <= MAX_QUERIES


def unused_codes():
    import itertools
    import string

    from states.models import StatePage

    used = set(StatePage.objects.values_list("code", flat=True))
    for first, second in itertools.product(string.ascii_uppercase, repeat=2):
        if first + second not in used:
            yield first + second


def add_states(index, count):
    from states.models import StateCredential

    codes = unused_codes()
    for _ in range(count):
        state = factories.StatePageFactory(parent=index, code=next(codes))
        StateCredential.objects.create(page=state, name="Peer specialist", locale=state.locale, sort_order=0)


def test_pages_that_list_states_run_as_many_queries_with_500_states_as_with_51(client, home):
    """A site that grew to 500 jurisdictions (or many more pages) costs no more queries per page."""
    index = factories.StateIndexPageFactory(parent=home)
    add_states(index, 51)
    state = index.get_children().first().specific
    compare = f"{index.url}compare/?states={','.join(s.specific.code for s in index.get_children()[:3])}"
    urls = {"home": home.url, "state index": index.url, "compare": compare, "state page": state.url}
    for url in urls.values():
        client.get(url)  # warm the per-process caches
    with_51 = {name: queries_for(client, url) for name, url in urls.items()}
    add_states(index, 449)
    with_500 = {name: queries_for(client, url) for name, url in urls.items()}
    assert with_500 == with_51
    assert max(with_500.values()) <= MAX_QUERIES
