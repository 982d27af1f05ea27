"""One step of a plan: what the state asks, where the visitor stands, and where it is written."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from states.requirements import REQUIREMENT_FIELDS

DONE = "done"
TO_DO = "to_do"
NOT_VERIFIED = "not_verified"
NOT_NEEDED = "not_needed"

STATUS_LABELS = {
    DONE: _("Done"),
    TO_DO: _("To do"),
    NOT_VERIFIED: _("Not yet verified"),
    NOT_NEEDED: _("Not asked for"),
}
ANCHORS = {requirement.key: requirement.anchor for requirement in REQUIREMENT_FIELDS}


@dataclass
class Step:
    key: str  # which rule this step applies; also names it for tests and print styles
    title: str
    status: str
    state: object  # the StatePage whose rules apply
    section: str  # the requirement field the step is written under on the state page
    requirement: str = ""  # what the state asks, as words and figures
    explanation: str = ""  # where the visitor stands, or what is left
    sources: list = field(default_factory=list)

    def __post_init__(self):
        if not self.sources:
            self.sources = self.state.sources_for(self.section)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def source_links(self):
        """Each source address once: several quotes often come from one page."""
        seen = set()
        return [source for source in self.sources if not (source.url in seen or seen.add(source.url))]

    @property
    def section_url(self):
        return f"{self.state.url}#{ANCHORS[self.section]}"


def split(steps):
    """(what is done or not asked for, what remains in order) — "not yet verified" remains."""
    finished = [step for step in steps if step.status in (DONE, NOT_NEEDED)]
    remaining = [step for step in steps if step.status in (TO_DO, NOT_VERIFIED)]
    return finished, remaining
