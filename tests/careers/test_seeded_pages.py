"""Every page type renders with the starting content and shows its key facts."""

import json
import re
from pathlib import Path

import pytest
import yaml

from careers.models import CareerStagePage, SkillPage
from tests.html import headings_skip_a_level, parse, text_of

CONTENT = Path(__file__).resolve().parents[2] / "careers" / "content"


def content(name):
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


def money(value):
    return f"${value:,}"


@pytest.fixture
def sources():
    return {c["key"]: c["title"] for c in content("sources.yaml")["citations"]}


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert not headings_skip_a_level(response), f"headings skip a level on {url}"
    return response


def test_home_leads_into_every_section(client, seeded):
    page = parse(get_ok(client, "/en/"))
    links = {a["href"] for a in page.select("main a")}
    assert {
        "/en/what-is-peer-support/",
        "/en/career-ladder/",
        "/en/skills/",
        "/en/become-a-peer-support-worker/",
    } <= links
    assert page.find("select", attrs={"name": "state"})


def test_overview_covers_the_role(client, seeded):
    data = content("overview.yaml")
    response = get_ok(client, "/en/what-is-peer-support/")
    page = parse(response)
    for anchor in [
        "what-it-is",
        "four-kinds-of-support",
        "roles-and-responsibilities",
        "where-peer-workers-work",
        "day-in-the-life",
        "not-a-sponsor",
        "supervision",
        "faqs",
    ]:
        assert page.find(id=anchor), anchor
    kinds = next(block for block in data["body"] if block["type"] == "support_kinds")["items"]
    shown = [h.get_text(strip=True) for h in page.select("#four-kinds-of-support h3")]
    assert shown == [kind["name"] for kind in kinds]
    assert len(shown) == 4
    questions = [h.get_text(strip=True) for h in page.select("#faqs h3")]
    assert questions == [faq["question"] for faq in data["faqs"]]


def test_overview_publishes_its_faqs_as_schema_org(client, seeded):
    page = parse(get_ok(client, "/en/what-is-peer-support/"))
    records = [r for s in page.find_all("script", type="application/ld+json") for r in json.loads(s.string)]
    faq = next(r for r in records if r["@type"] == "FAQPage")
    assert len(faq["mainEntity"]) == len(content("overview.yaml")["faqs"])


def test_ladder_shows_every_stage_and_every_band_with_its_source(client, seeded, sources):
    data = content("ladder.yaml")
    response = get_ok(client, "/en/career-ladder/")
    page = parse(response)
    assert [h.get_text(strip=True) for h in page.select(".ladder h3")] == [s["title"] for s in data["stages"]]
    rows = page.select(".salary-table tbody tr")
    assert len(rows) == sum(len(s["salary_bands"]) for s in data["stages"]) == 10
    table_text = " ".join(row.get_text(" ", strip=True) for row in rows)
    for stage in data["stages"]:
        for band in stage["salary_bands"]:
            assert money(band["minimum"]) in table_text
            assert band["label_in_source"] in table_text
            assert sources[band["source"]] in table_text


def test_ladder_draws_the_bands_as_a_picture_without_javascript(client, seeded):
    page = parse(get_ok(client, "/en/career-ladder/"))
    chart = page.find("figure", class_="salary-chart")
    assert chart.find("figcaption")
    assert len(chart.select(".chart-bar")) == 10
    assert len(chart.select(".chart-bar.open-ended")) == 3
    # The only script on the page enhances the search box; the chart needs none.
    # (In production its name carries a content hash: search-suggest.<hash>.js.)
    scripts = [script["src"] for script in page.find_all("script", src=True)]
    assert len(scripts) == 1 and re.fullmatch(r"/static/js/search-suggest(\.[0-9a-f]{12})?\.js", scripts[0])


@pytest.mark.parametrize("position", [1, 2, 3, 4, 5])
def test_each_stage_page_shows_its_facts_pay_and_next_stage(client, seeded, sources, position):
    data = content("ladder.yaml")["stages"][position - 1]
    stage = CareerStagePage.objects.get(position=position, locale__language_code="en")
    response = get_ok(client, stage.url)
    page = parse(response)
    text = text_of(response)
    assert page.h1.get_text(strip=True) == data["title"]
    for title in data["alternative_titles"]:
        assert title in text
    for band in data["salary_bands"]:
        top = f" – {money(band['maximum'])}" if band["maximum"] else ""
        assert f"{money(band['minimum'])}{top}{'+' if band['open_ended'] else ''}" in text
        assert sources[band["source"]] in text
    for tip in data["tips"]:
        assert tip["title"] in text
    next_link = page.find("a", rel="next")
    if position < 5:
        assert next_link.get_text(strip=True).endswith(content("ladder.yaml")["stages"][position]["title"])
    else:
        assert next_link is None


def test_stage_page_describes_the_occupation_with_its_salaries(client, seeded):
    stage = CareerStagePage.objects.get(position=5, locale__language_code="en")
    page = parse(get_ok(client, stage.url))
    records = [r for s in page.find_all("script", type="application/ld+json") for r in json.loads(s.string)]
    occupation = next(r for r in records if r["@type"] == "Occupation")
    assert len(occupation["estimatedSalary"]) == 2
    assert all(s["currency"] == "USD" for s in occupation["estimatedSalary"])
    assert all("maxValue" not in s["value"] for s in occupation["estimatedSalary"])  # both are open-ended "+"


def test_skill_index_lists_every_skill(client, seeded):
    titles = [s["title"] for s in content("skills.yaml")["skills"]]
    page = parse(get_ok(client, "/en/skills/"))
    assert sorted(a.get_text(strip=True) for a in page.select("main .card a")) == sorted(titles)


def test_every_skill_guide_has_its_four_parts_and_links(client, seeded):
    for skill in SkillPage.objects.live():
        response = get_ok(client, skill.url)
        page = parse(response)
        for anchor in ["what-it-is", "why-it-matters", "how-to-build-it", "how-training-checks-it"]:
            section = page.find(id=anchor)
            assert section.find(["p", "li"]) and len(section.get_text(strip=True)) > 40, f"{skill.slug} #{anchor}"
        topics = page.select("#where-it-is-used li")
        assert topics, f"{skill.slug} names no stage or training topic"


def test_pathway_gives_each_step_its_own_anchor(client, seeded):
    steps = content("pathway.yaml")["steps"]
    page = parse(get_ok(client, "/en/become-a-peer-support-worker/"))
    for number, step in enumerate(steps, start=1):
        item = page.find(id=step["anchor"])
        assert item.h2.get_text(" ", strip=True) == f"Step {number}: {step['title']}"
        assert bool(item.find(class_="varies")) == bool(step["varies_by_state"])
    toc = [a["href"] for a in page.select(".toc a")]
    assert toc == [f"#{step['anchor']}" for step in steps]


def test_state_index_renders(client, seeded):
    page = parse(get_ok(client, "/en/states/"))
    assert len(page.select(".state-list > li")) == 52
