from pathlib import Path

from core.seeding import load_content

from .models import SearchSynonym

APP_DIR = Path(__file__).resolve().parent


def seed_synonyms(report):
    """Add the starting synonym groups that are missing; never touch editors' groups."""
    existing = {group.term_list[0].casefold() for group in SearchSynonym.objects.all() if group.term_list}
    for group in load_content(APP_DIR, "synonyms.yaml"):
        if group["terms"][0].casefold() in existing:
            continue
        SearchSynonym.objects.create(terms=", ".join(group["terms"]), language=group["language"])
        report(f"  created search synonyms: {group['terms'][0]}")
