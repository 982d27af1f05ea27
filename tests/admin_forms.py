"""Fill in an admin form the way a browser would: take every field as the page rendered it."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.html import parse


def rendered_form_data(response, form_selector="form[method=post]"):
    form = parse(response).select_one(form_selector)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen is not None else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def state_page_edit_data(client, state):
    """A state page's edit form as the editor's browser would send it unchanged."""
    data = rendered_form_data(client.get(f"/admin/pages/{state.pk}/edit/"), "form#page-edit-form")
    # StreamFields are built by the admin's JavaScript, so send them as a browser would after it ran.
    links = [("link", {"title": b.value["title"], "url": b.value["url"]}) for b in state.official_links]
    data.update(nested_form_data({"official_links": streamfield(links)}))
    return data


def post_state_page_edit(client, state, changes, action):
    """Submit a state page's edit form with `changes`, as an editor would, pressing `action`."""
    data = state_page_edit_data(client, state)
    data.update(changes)
    data[action] = "1"
    return client.post(f"/admin/pages/{state.pk}/edit/", data)
