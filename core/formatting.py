"""Figures written the way the visitor's language writes them."""

from decimal import Decimal

from django.utils.formats import number_format


def dollars(amount):
    """$45,000 or $27.25 (grouped as the active language's format module says); None stays None."""
    if amount is None:
        return None
    amount = Decimal(amount)
    places = 0 if amount == amount.to_integral_value() else 2
    return f"${number_format(amount, decimal_pos=places, force_grouping=True)}"
