"""Every kind of public page weighs under 60 KB (issue 7): its HTML plus the
stylesheets and scripts it links, uncompressed, images aside. Many visitors read
on a phone, on a metered plan; the rule is core/page_weight.py's, the one
`make bench` reports."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

from core.page_weight import LIMIT, linked_files, page_weight

# Each kind of public page; where a kind has many pages, its heaviest with the
# seeded content (Texas, the mid-level stage, the lived-experience guide). There
# is no salary page of its own: the career ladder shows every stage's bands.
PAGES = {
    "home": "/{lang}/",
    "what peer support is": "/{lang}/what-is-peer-support/",
    "how to become one": "/{lang}/become-a-peer-support-worker/",
    "state index": "/{lang}/states/",
    "state index, map coloured by training hours": "/{lang}/states/?colour=training_hours",
    "state page": "/{lang}/states/texas/",
    "compare, three states": "/{lang}/states/compare/?states=fl&states=tx&states=pa",
    "career ladder and salaries": "/{lang}/career-ladder/",
    "career ladder stage": "/{lang}/career-ladder/mid-level/",
    "skills index": "/{lang}/skills/",
    "skill guide": "/{lang}/skills/lived-experience-of-recovery/",
    "planning tools": "/{lang}/plan/",
    "path to certification, empty": "/{lang}/plan/path/",
    "moving to another state, empty": "/{lang}/plan/moving/",
}
# The planning tools' answers (issue 8), for states with many steps and sources.
PLANS = {
    "path to certification in Texas": (
        "/{lang}/plan/path/",
        {"state": "tx", "education": "high_school", "lived_experience": "yes", "training_done": "20",
         "supervised_done": "0", "exam_passed": "no", "credential": "other_state_ic_rc", "pace": "10", "years": "5"},
    ),
    "moving from Pennsylvania to Texas": ("/{lang}/plan/moving/", {"from_state": "pa", "to_state": "tx", "pace": "10"}),
}  # fmt: skip
SEARCHES = {"en": "training hours", "es": "horas de capacitación"}


def static_file(url):
    """A linked file's bytes, read from its source through the staticfiles finders
    (with production settings the page links the hashed name collectstatic gave it)."""
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of the site's static files"
    name = url.removeprefix(settings.STATIC_URL)
    originals = {hashed: original for original, hashed in getattr(staticfiles_storage, "hashed_files", {}).items()}
    path = finders.find(originals.get(name, name))
    assert path, f"no static file {name}"
    return Path(path).read_bytes()


def assert_light(response):
    assert response.status_code == 200
    weight = page_weight(response.content, static_file)
    assert weight < LIMIT, f"{weight / 1024:.1f} KB: HTML {len(response.content) / 1024:.1f} KB"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_public_pages_weigh_under_the_limit(client, seeded, kind, lang):
    assert_light(client.get(PAGES[kind].format(lang=lang)))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("plan", list(PLANS))
def test_planning_answers_weigh_under_the_limit(client, seeded, plan, lang):
    path, answers = PLANS[plan]
    assert_light(client.post(path.format(lang=lang), answers))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_search_results_weigh_under_the_limit(search, seeded, lang):
    assert_light(search({"q": SEARCHES[lang]}, path=f"/{lang}/search/"))


def test_the_weight_counts_every_linked_stylesheet_and_script_once(client, seeded):
    linked = linked_files(client.get("/en/states/texas/").content.decode())
    # With production settings the names carry a hash: site.0123456789ab.css.
    names = sorted(Path(url).name.split(".")[0] for url in linked)
    assert names == ["search-suggest", "section-links", "site", "states"]
    body = (
        b'<link href="/a.css" rel="preload stylesheet"><link rel="stylesheet" href="/a.css">'
        b'<script src="/b.js"></script><img src="/c.png"><link rel="icon" href="/d.ico">'
    )
    files = {"/a.css": b"x" * 10, "/b.js": b"y" * 5}
    assert page_weight(body, files.__getitem__) == len(body) + 15
