from pathlib import Path

from core.seeding import add_child_once, intro_page_fields, load_content

from .models import StateIndexPage

APP_DIR = Path(__file__).resolve().parent


def seed_states(home, report):
    data = load_content(APP_DIR, "state_index.yaml")
    return add_child_once(
        home,
        StateIndexPage,
        data["slug"],
        lambda: intro_page_fields(data),
        report,
    )
