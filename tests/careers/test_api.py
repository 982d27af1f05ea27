"""The career data as read-only JSON, for organizations' own tools."""

from careers.models import CareerStagePage, SkillPage, TrainingTopic


def test_stage_json_carries_each_band_with_its_source(client, seeded):
    stage = CareerStagePage.objects.get(position=5, locale__language_code="en")
    data = client.get(f"/api/v2/pages/{stage.pk}/").json()
    assert data["position"] == 5
    bands = data["salary_bands"]
    assert [(b["minimum"], b["maximum"], b["open_ended"]) for b in bands] == [
        (80000, 100000, True),
        (70000, 95000, True),
    ]
    assert all(b["source"]["title"] and b["source"]["accessed_on"] == "2026-11-22" for b in bands)


def test_skill_json_names_its_stages_and_training_topics(client, seeded):
    skill = SkillPage.objects.get(slug="active-listening", locale__language_code="en")
    data = client.get(f"/api/v2/pages/{skill.pk}/").json()
    assert [s["title"] for s in data["stages"]] == ["Entry-level peer support worker"]
    assert {t["key"] for t in data["training_topics"]} >= {"communication-and-active-listening"}
    assert all(t["name"] for t in data["training_topics"])


def test_a_spanish_skill_links_to_spanish_stages_and_topics(client, seeded):
    skill = SkillPage.objects.get(slug="active-listening", locale__language_code="es")
    data = client.get(f"/api/v2/pages/{skill.pk}/").json()
    assert data["meta"]["locale"] == "es"
    assert [s["html_url"] for s in data["stages"]] == ["http://testserver/es/career-ladder/entry-level/"]
    spanish_names = set(TrainingTopic.objects.filter(locale__language_code="es").values_list("name", flat=True))
    assert {t["name"] for t in data["training_topics"]} <= spanish_names
