"""Checks a translated catalogue entry must pass before it reaches a page.

Plain functions over polib entries, so a translator can run them on the
files they are working on without the site:

    .venv/bin/python -m core.catalogue_checks careers/content/locale/es/skills.po
"""

import re
import sys
from collections import Counter

import polib

# Markup, entities and template placeholders must come through a translation unchanged.
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}")
_DIGITS = re.compile(r"\d+")


def entry_problems(entry):
    """What is wrong with one translated entry (empty list when nothing is)."""
    if entry.msgid_plural:
        # Singular and plural forms, each checked against its English form.
        forms = sorted(entry.msgstr_plural.items())
        pairs = [(entry.msgid if index == 0 else entry.msgid_plural, text) for index, text in forms]
    else:
        pairs = [(entry.msgid, entry.msgstr)]
    if not pairs or not all(text for _english, text in pairs):
        return ["no translation"]
    problems = []
    for english, text in pairs:
        problems.extend(text_problems(english, text))
    return sorted(set(problems))


def text_problems(english, text):
    problems = []
    for name, pattern in (("markup", _TAG), ("entities", _ENTITY), ("placeholders", _PLACEHOLDER)):
        if Counter(pattern.findall(english)) != Counter(pattern.findall(text)):
            problems.append(f"{name} differ from the English")
    if set(_DIGITS.findall(english)) - set(_DIGITS.findall(text)):
        problems.append("a number in the English is missing")
    return problems


def catalogue_problems(path):
    """(line, English text, problem) for every entry of a catalogue that fails a check."""
    found = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        found.extend((entry.linenum, entry.msgid, problem) for problem in entry_problems(entry))
    return found


def main(paths):
    failures = 0
    for path in paths:
        for line, text, problem in catalogue_problems(path):
            failures += 1
            print(f"{path}:{line}: {problem}: {text[:70]!r}")
    print(f"{failures} problems in {len(paths)} catalogues")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
