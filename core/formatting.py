"""Figures written the way the visitor's language writes them."""

from django.utils.formats import number_format


def dollars(amount):
    """$45,000 (grouped as the active language's format module says)."""
    return f"${number_format(amount, force_grouping=True)}"
