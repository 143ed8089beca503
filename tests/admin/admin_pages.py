"""Helpers for driving the story admin in tests as a browser would."""

from bs4 import BeautifulSoup
from django.urls import reverse

SKIPPED_INPUT_TYPES = {"submit", "button", "file", "image", "reset"}


def form_data(response, form_id: str = "story_form") -> dict:
    """What a browser would send for the form on the page, before any button is pressed."""
    form = BeautifulSoup(response.content, "html.parser").find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data: dict = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "input":
            kind = field.get("type", "text")
            if kind in SKIPPED_INPUT_TYPES or (kind in ("checkbox", "radio") and not field.has_attr("checked")):
                continue
            value = field.get("value", "on" if kind == "checkbox" else "")
        elif field.name == "textarea":
            value = field.get_text()
            # Browsers drop one newline straight after <textarea>.
            value = value[1:] if value.startswith("\n") else value
        else:
            chosen = [option.get("value", option.get_text()) for option in field.find_all("option", selected=True)]
            if field.has_attr("multiple"):
                data[name] = chosen
                continue
            value = chosen[0] if chosen else ""
        data.setdefault(name, value)
    return data


def change_url(story) -> str:
    return reverse("admin:articles_story_change", args=[story.pk])


def open_change_form(client, story) -> dict:
    response = client.get(change_url(story))
    assert response.status_code == 200
    return form_data(response)


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def error_text(response) -> str:
    """The form's error messages (top of the form and beside fields), as one string."""
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(node.get_text(" ", strip=True) for node in soup.select(".errornote, .errorlist"))
