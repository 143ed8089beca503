"""Submitting an admin change form the way a browser would, for the desk tests.

The story change form carries fields and inlines from several parts of the code;
reading them from the rendered page keeps these tests independent of that list.
"""

from bs4 import BeautifulSoup


def form_data(response, form_id: str = "story_form") -> dict[str, list[str]]:
    """Every successful control of the form, with the values a browser would send."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    form = page.find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data: dict[str, list[str]] = {}
    for control in form.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name or control.has_attr("disabled") or "__prefix__" in name:
            continue
        if control.name == "input":
            kind = control.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"}:
                if control.has_attr("checked"):
                    data.setdefault(name, []).append(control.get("value", "on"))
                continue
            data.setdefault(name, []).append(control.get("value", ""))
        elif control.name == "select":
            options = control.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")] or options[:1]
            if control.has_attr("multiple"):
                chosen = [o for o in options if o.has_attr("selected")]
            data.setdefault(name, []).extend(o.get("value", o.text) for o in chosen)
        else:
            text = control.text
            # Browsers drop one newline straight after <textarea>.
            data.setdefault(name, []).append(text[1:] if text.startswith("\n") else text)
    return data


def set_fields(data: dict[str, list[str]], **values) -> dict[str, list[str]]:
    """Fill in fields as a person would; a value of None unticks or empties the field."""
    for name, value in values.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = [str(value)]
    return data
