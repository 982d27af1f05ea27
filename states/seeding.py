from pathlib import Path

from core.markup import to_rich_text
from core.seeding import add_child_once, load_content

from .models import StateIndexPage

APP_DIR = Path(__file__).resolve().parent


def seed_states(home, report):
    data = load_content(APP_DIR, "state_index.yaml")
    return add_child_once(
        home,
        StateIndexPage,
        data["slug"],
        lambda: {
            "title": data["title"],
            "search_description": data["search_description"],
            "intro": to_rich_text(data["intro"]),
        },
        report,
    )
