"""The starting content carries the seeds' facts, never their sentences.

The seed articles live in ../shared/seeds beside the repository (as they do
in CI). No run of eight words in our content files may match a seed.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8
# Names quoted from a source are citations, not prose: a source's own title,
# what it calls a stage, and the job titles employers use.
QUOTED_KEYS = {"label_in_source", "alternative_titles", "title_in_source"}


def words(text):
    return re.findall(r"[a-z0-9$]+", text.lower().replace("’", "'").replace("'", ""))


def runs(text):
    tokens = words(text)
    return {" ".join(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in QUOTED_KEYS:
                yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def content_files():
    # sources.yaml holds only the sources' own titles and our notes on them.
    return sorted(p for p in ROOT.glob("*/content/*.yaml") if p.name != "sources.yaml")


@pytest.fixture(scope="module")
def seed_runs():
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"seed articles not found in {SEEDS}"
    found = set()
    for path in files:
        found |= runs(path.read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("path", content_files(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_sentence_is_copied_from_the_seeds(path, seed_runs):
    text = "\n".join(strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    copied = sorted(runs(text) & seed_runs)
    assert not copied, f"{path.name} repeats seed wording: {copied[:5]}"


def test_content_files_exist():
    names = {p.name for p in content_files()}
    assert {"overview.yaml", "ladder.yaml", "skills.yaml", "pathway.yaml", "home.yaml"} <= names
