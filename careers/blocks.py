"""StreamField blocks of the career section."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def anchor_block():
    """A fragment identifier other sites may deep-link to, so it must stay stable and valid."""
    return blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        error_messages={"invalid": "Use lowercase letters, digits and single hyphens, e.g. day-in-the-life."},
        help_text="Lowercase words joined by hyphens; other sites may link to it, so change it only with care.",
    )


class AnchoredBlock(blocks.StructBlock):
    """A block that is a section of its page, with a heading and a stable anchor."""

    anchor = anchor_block()
    heading = blocks.CharBlock(max_length=120)


class SectionBlock(AnchoredBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "doc-full"
        template = "careers/blocks/section.html"


class SupportKindBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80)
    description = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])


class SupportKindsBlock(AnchoredBlock):
    intro = blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)
    items = blocks.ListBlock(SupportKindBlock(), min_num=1)

    class Meta:
        icon = "group"
        template = "careers/blocks/support_kinds.html"


class ResponsibilityGroupBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)


class ResponsibilitiesBlock(AnchoredBlock):
    intro = blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)
    groups = blocks.ListBlock(ResponsibilityGroupBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "careers/blocks/responsibilities.html"


class SettingsListBlock(AnchoredBlock):
    intro = blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=1)

    class Meta:
        icon = "site"
        template = "careers/blocks/settings_list.html"


class OverviewStreamBlock(blocks.StreamBlock):
    section = SectionBlock()
    support_kinds = SupportKindsBlock()
    responsibilities = ResponsibilitiesBlock()
    settings = SettingsListBlock()


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "tick"


STATE_TOPICS = [
    ("credentials", _("Credentials")),
    ("training", _("Training")),
    ("supervised-hours", _("Supervised hours")),
    ("exam", _("Exam")),
    ("education", _("Education")),
    ("background-check", _("Background check")),
    ("lived-experience", _("Lived experience")),
    ("recertification", _("Recertification")),
]


class StepBlock(blocks.StructBlock):
    anchor = anchor_block()
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])
    varies_by_state = blocks.BooleanBlock(
        required=False, help_text="Tick when the rules for this step differ by state."
    )
    state_topic = blocks.ChoiceBlock(
        choices=STATE_TOPICS,
        required=False,
        help_text="Which part of a state's requirements this step depends on.",
    )

    class Meta:
        icon = "order"

    def clean(self, value):
        result = super().clean(value)
        if result.get("state_topic") and not result.get("varies_by_state"):
            raise blocks.StructBlockValidationError(
                block_errors={"state_topic": ValidationError("Only a step that varies by state names a state topic.")}
            )
        return result
