"""Build the career section from the content files in careers/content/."""

from pathlib import Path

from core.markup import to_rich_text
from core.models import Citation
from core.seeding import add_child_once, intro_page_fields, load_content, stream

from .models import (
    CareerLadderPage,
    CareerOverviewPage,
    CareerStagePage,
    PathwayPage,
    SalaryBand,
    SkillIndexPage,
    SkillPage,
    TrainingTopic,
)

APP_DIR = Path(__file__).resolve().parent


def seed_citations():
    citations = {}
    for record in load_content(APP_DIR, "sources.yaml")["citations"]:
        citation, _ = Citation.objects.get_or_create(
            title=record["title"],
            publisher=record["publisher"],
            defaults={
                "url": record["url"] or "",
                "published_on": record["published_on"],
                "accessed_on": record["accessed_on"],
                "note": record.get("note", ""),
            },
        )
        citations[record["key"]] = citation
    return citations


def seed_training_topics(locale):
    topics = {}
    for record in load_content(APP_DIR, "training_topics.yaml")["topics"]:
        topic, _ = TrainingTopic.objects.get_or_create(
            key=record["key"],
            locale=locale,
            defaults={"name": record["name"], "description": to_rich_text(record["description"])},
        )
        topics[record["key"]] = topic
    return topics


def _overview_block(block):
    kind = block["type"]
    value = {"anchor": block["anchor"], "heading": block["heading"]}
    if kind == "section":
        value["text"] = to_rich_text(block["text"])
    else:
        value["intro"] = to_rich_text(block.get("intro", ""))
    if kind == "support_kinds":
        value["items"] = [
            {"name": item["name"], "description": to_rich_text(item["description"])} for item in block["items"]
        ]
    elif kind == "responsibilities":
        value["groups"] = [{"name": group["name"], "items": list(group["items"])} for group in block["groups"]]
    elif kind == "settings":
        value["items"] = list(block["items"])
    return kind, value


def seed_overview(home, report):
    data = load_content(APP_DIR, "overview.yaml")
    return add_child_once(
        home,
        CareerOverviewPage,
        data["slug"],
        lambda: {
            **intro_page_fields(data),
            "body": stream(_overview_block(block) for block in data["body"]),
            "faqs": stream(
                ("faq", {"question": faq["question"], "answer": to_rich_text(faq["answer"])}) for faq in data["faqs"]
            ),
        },
        report,
    )


def _band(record, citations, locale):
    return SalaryBand(
        locale=locale,
        source=citations[record["source"]],
        label_in_source=record["label_in_source"],
        minimum=record["minimum"],
        maximum=record["maximum"],
        open_ended=record["open_ended"],
        currency=record["currency"],
        period=record["period"],
        note=record.get("note", ""),
    )


def seed_ladder(home, citations, report):
    data = load_content(APP_DIR, "ladder.yaml")
    ladder = add_child_once(
        home,
        CareerLadderPage,
        data["slug"],
        lambda: intro_page_fields(data),
        report,
    )
    stages = {}
    for stage in data["stages"]:
        stages[stage["slug"]] = add_child_once(
            ladder,
            CareerStagePage,
            stage["slug"],
            lambda stage=stage: {
                "title": stage["title"],
                "position": stage["position"],
                "summary": stage["summary"],
                "alternative_titles": stream(("title", title) for title in stage["alternative_titles"]),
                "years_min": stage["years_min"],
                "years_max": stage["years_max"],
                "description": to_rich_text(stage["description"]),
                "responsibilities": stream(("item", item) for item in stage["responsibilities"]),
                "tips": stream(
                    ("tip", {"title": tip["title"], "text": to_rich_text(tip["text"])}) for tip in stage["tips"]
                ),
                "salary_bands": [_band(band, citations, ladder.locale) for band in stage["salary_bands"]],
            },
            report,
        )
    return ladder, stages


def seed_skills(home, stages, topics, report):
    data = load_content(APP_DIR, "skills.yaml")
    index_page = add_child_once(
        home,
        SkillIndexPage,
        data["slug"],
        lambda: intro_page_fields(data),
        report,
    )
    for skill in data["skills"]:
        add_child_once(
            index_page,
            SkillPage,
            skill["slug"],
            lambda skill=skill: {
                "title": skill["title"],
                "summary": skill["summary"],
                "what_it_is": to_rich_text(skill["what_it_is"]),
                "why_it_matters": to_rich_text(skill["why_it_matters"]),
                "how_to_build": to_rich_text(skill["how_to_build"]),
                "how_assessed": to_rich_text(skill["how_assessed"]),
                "stages": [stages[slug] for slug in skill["stages"]],
                "training_topics": [topics[key] for key in skill["training_topics"]],
            },
            report,
        )
    return index_page


def seed_pathway(home, report):
    data = load_content(APP_DIR, "pathway.yaml")
    return add_child_once(
        home,
        PathwayPage,
        data["slug"],
        lambda: {
            **intro_page_fields(data),
            "steps": stream(
                (
                    "step",
                    {
                        "anchor": step["anchor"],
                        "title": step["title"],
                        "text": to_rich_text(step["text"]),
                        "varies_by_state": bool(step["varies_by_state"]),
                        "state_topic": step["state_topic"] or "",
                    },
                )
                for step in data["steps"]
            ),
        },
        report,
    )


def seed_careers(home, report):
    """Create whatever part of the career section is missing; return its pages by role."""
    citations = seed_citations()
    topics = seed_training_topics(home.locale)
    overview = seed_overview(home, report)
    ladder, stages = seed_ladder(home, citations, report)
    skills = seed_skills(home, stages, topics, report)
    pathway = seed_pathway(home, report)
    return {"overview": overview, "ladder": ladder, "skills": skills, "pathway": pathway}
