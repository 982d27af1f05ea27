"""Positions for ordered children saved without one (the seeder's, before it set them)."""

import itertools


def number_unordered_children(model, parent_field="page"):
    """Number the children of each parent that has any without a position, in
    the order they were created; used by data migrations (`model` may be a
    historical model)."""
    parent_id = f"{parent_field}_id"
    parents = model.objects.filter(sort_order__isnull=True).values_list(parent_id, flat=True).distinct()
    children = model.objects.filter(**{f"{parent_id}__in": list(parents)}).order_by(parent_id, "pk")
    for _, group in itertools.groupby(children, key=lambda child: getattr(child, parent_id)):
        for position, child in enumerate(group):
            child.sort_order = position
            child.save(update_fields=["sort_order"])
