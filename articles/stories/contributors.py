"""Outside contributors: a guest writer or an agency reporter bylined from the story form.

A reporter who may write stories may add one; it becomes an Author (kind contributor) with its
own author page, like any other byline.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify

from articles.models import Author, AuthorKind

NAME_MAX_LENGTH = Author._meta.get_field("name").max_length
AFFILIATION_MAX_LENGTH = Author._meta.get_field("affiliation").max_length
SLUG_MAX_LENGTH = Author._meta.get_field("slug").max_length


def user_can_add_contributor(user) -> bool:
    """Whoever may write a story may byline an outside writer on it."""
    return user is not None and user.is_active and user.has_perm("articles.add_story")


def contributor_slug(name: str) -> str:
    """A slug no author has yet: the name's, with -2, -3, ... when it is taken."""
    base = (slugify(name, allow_unicode=False) or "contributor")[: SLUG_MAX_LENGTH - 6].strip("-") or "contributor"
    taken = set(Author.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def contributor_create(*, name: str, affiliation: str = "", user) -> Author:
    """A new outside contributor, or the one already on file with the same name and affiliation."""
    if not user_can_add_contributor(user):
        raise PermissionDenied("Only someone who may write stories can add a contributor.")
    name = " ".join((name or "").split())
    affiliation = " ".join((affiliation or "").split())
    problems = {}
    if not name:
        problems["name"] = ["Write the contributor's name."]
    elif len(name) > NAME_MAX_LENGTH:
        problems["name"] = [f"The name is {len(name)} characters long; the limit is {NAME_MAX_LENGTH}."]
    if len(affiliation) > AFFILIATION_MAX_LENGTH:
        problems["affiliation"] = [
            f"The affiliation is {len(affiliation)} characters long; the limit is {AFFILIATION_MAX_LENGTH}."
        ]
    if problems:
        raise ValidationError(problems)
    existing = Author.objects.filter(
        kind=AuthorKind.CONTRIBUTOR, name__iexact=name, affiliation__iexact=affiliation
    ).first()
    if existing is not None:
        return existing
    return Author.objects.create(
        name=name,
        affiliation=affiliation,
        kind=AuthorKind.CONTRIBUTOR,
        slug=contributor_slug(name),
    )
