"""Optimistic locking on photos, authors, sections and tags (issue 14, item 6).

Each test opens the change form the way a browser does (tests/admin/desk_forms.py reads the
controls off the rendered page), so the hidden token travels exactly as it would for a person.
"""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from articles.admin import locking
from articles.models import Author, Photo, Section
from tests.admin.desk_forms import form_data, set_fields
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, UserFactory

# model name, how to make one, the text field both people edit
KINDS = {
    "photo": (lambda: PhotoFactory(caption="Harbour at dawn"), "caption"),
    "author": (lambda: AuthorFactory(bio="Covers the harbour."), "bio"),
    "section": (lambda: SectionFactory(description="News from the harbour."), "description"),
    "tag": (lambda: Tag.objects.create(name="harbour", slug="harbour"), "name"),
}
MODELS = {"photo": Photo, "author": Author, "section": Section, "tag": Tag}


def change_url(kind, obj) -> str:
    app = "taggit" if kind == "tag" else "articles"
    return reverse(f"admin:{app}_{kind}_change", args=[obj.pk])


def open_form(client, kind, obj) -> dict:
    response = client.get(change_url(kind, obj))
    assert response.status_code == 200
    return form_data(response, f"{kind}_form")


def stored(kind, obj, field) -> str:
    return getattr(MODELS[kind].objects.get(pk=obj.pk), field)


@pytest.fixture
def colleague_client(db):
    client = Client()
    client.force_login(UserFactory(username="cole", first_name="Cole", last_name="League", role="Editor"))
    return client


@pytest.fixture(params=sorted(KINDS))
def kind(request):
    return request.param


def test_a_fresh_form_saves_and_raises_the_version(editor_client, kind):
    make, field = KINDS[kind]
    obj = make()
    data = open_form(editor_client, kind, obj)
    before = locking.row_token(MODELS[kind].objects.get(pk=obj.pk))

    response = editor_client.post(change_url(kind, obj), set_fields(data, **{field: "Mine, fresh"}))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert stored(kind, obj, field) == "Mine, fresh"
    after = MODELS[kind].objects.get(pk=obj.pk)
    assert locking.row_token(after) != before
    if kind != "tag":
        assert after.version == int(before) + 1


def test_a_stale_form_is_refused_with_the_conflict_panel_and_keeps_the_input(editor_client, colleague_client, kind):
    make, field = KINDS[kind]
    obj = make()
    mine = open_form(editor_client, kind, obj)
    theirs = open_form(colleague_client, kind, obj)
    assert colleague_client.post(change_url(kind, obj), set_fields(theirs, **{field: "Theirs"})).status_code == 302
    token_after_theirs = locking.row_token(MODELS[kind].objects.get(pk=obj.pk))

    response = editor_client.post(change_url(kind, obj), set_fields(mine, **{field: "Mine"}))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Saved meanwhile by Cole League" in page
    assert "while you were editing" in page
    assert "Nothing of yours has been saved" in page
    conflict = response.context["edit_conflict"]
    assert {"theirs": "Theirs", "yours": "Mine"}.items() <= next(
        row for row in conflict.fields if row["label"].lower() == MODELS[kind]._meta.get_field(field).verbose_name
    ).items()
    # Nothing saved, the user's input still in the form, and the next save is a deliberate overwrite.
    assert stored(kind, obj, field) == "Theirs"
    assert locking.row_token(MODELS[kind].objects.get(pk=obj.pk)) == token_after_theirs
    form = response.context["adminform"].form
    assert form.data[field] == "Mine"
    assert form.data["version"] == token_after_theirs

    again = editor_client.post(change_url(kind, obj), form_data(response, f"{kind}_form"))
    assert again.status_code == 302
    assert stored(kind, obj, field) == "Mine"


def test_of_two_forms_that_read_the_same_version_exactly_one_wins(editor_client, colleague_client, kind):
    make, field = KINDS[kind]
    obj = make()
    first = open_form(editor_client, kind, obj)
    second = open_form(colleague_client, kind, obj)
    # The second save passes the form's early check, as if both were checked at the same moment:
    # only the atomic claim at save time stands between them.
    responses = [editor_client.post(change_url(kind, obj), set_fields(first, **{field: "First"}))]
    with mock.patch.object(locking.LockingFormMixin, "check_token", lambda self, submitted: None):
        responses.append(colleague_client.post(change_url(kind, obj), set_fields(second, **{field: "Second"})))

    assert [r.status_code for r in responses] == [302, 200]
    assert stored(kind, obj, field) == "First"
    assert "Saved meanwhile by" in responses[1].content.decode()
    assert responses[1].context["adminform"].form.data[field] == "Second"


@pytest.mark.parametrize("make", [lambda: SectionFactory(), lambda: Tag.objects.create(name="tram", slug="tram")])
def test_claiming_a_row_with_the_same_token_twice_succeeds_once(db, make):
    obj = make()
    token = locking.row_token(obj)
    first = locking.claim_row(type(obj).objects.get(pk=obj.pk), token)
    if isinstance(obj, Tag):
        Tag.objects.filter(pk=obj.pk).update(name="tram line")  # the winner's save changes the values
    second = locking.claim_row(type(obj).objects.get(pk=obj.pk), token)
    assert (first, second) == (True, False)


def test_the_sections_list_edits_still_save_and_move_the_version_on(editor_client):
    section = SectionFactory(position=3)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(section.pk),
        "form-0-position": "7",
        "_save": "Save",
    }
    response = editor_client.post(reverse("admin:articles_section_changelist"), data)
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.position, section.version) == (7, 2)


def test_a_reporter_still_cannot_change_an_author(reporter_client):
    author = AuthorFactory(bio="Covers the harbour.")
    data = open_form(reporter_client, "author", author)
    response = reporter_client.post(change_url("author", author), set_fields(data, bio="Rewritten"))
    assert response.status_code == 403
    assert stored("author", author, "bio") == "Covers the harbour."
