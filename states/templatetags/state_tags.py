from django import template

from states.jurisdictions import jurisdictions

register = template.Library()


@register.simple_tag
def jurisdiction_choices():
    return [(code, record["state"]) for code, record in jurisdictions()]
