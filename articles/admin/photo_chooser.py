"""The photo chooser the body editor and the lead-photo button open: search the library, page through
it, upload a new photo through the photo desk's pipeline.

JSON for the editor's dialog (articles/static/articles/admin/body_editor.js). Anyone who may change
stories may choose (reporters, editors); the photo desk, which writes no stories, may not. Uploading
goes through photos.services.photo_create, which makes its own check (add_photo) and says why a
file is refused.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.utils import formats, timezone
from django.views.decorators.http import require_GET, require_POST

from articles.models import Photo
from articles.photos.public import desk_rendition_url
from articles.photos.services import photo_create

PAGE_SIZE = 24
THUMB_WIDTH = 320
MAX_QUERY = 200


def story_writers_only(view):
    """The chooser is for people who write or edit stories; anyone else gets the reason as JSON."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.has_perm("articles.change_story"):
            return _refused("Only people who write or edit stories may choose photos for them.", 403)
        return view(request, *args, **kwargs)

    return checked


def photo_item(photo: Photo) -> dict:
    """What the chooser and the editor show of a photo."""
    when = photo.taken_at or photo.created
    return {
        "id": photo.pk,
        "thumb": desk_rendition_url(photo, THUMB_WIDTH) or (photo.image.url if photo.image else ""),
        "caption": photo.caption,
        "alt": photo.alt_text,
        "credit": photo.credit_line,
        "date": formats.date_format(timezone.localtime(when), "j M Y") if when else "",
        "width": photo.width,
        "height": photo.height,
    }


def search_photos(query: str):
    """Newest first; every word must match the caption, a keyword, the credit, source or photographer."""
    photos = Photo.objects.order_by("-created", "-pk")
    for word in query.split()[:10]:
        photos = photos.filter(
            Q(caption__icontains=word)
            | Q(headline__icontains=word)
            | Q(keywords__icontains=word)
            | Q(credit__icontains=word)
            | Q(source__icontains=word)
            | Q(photographer__icontains=word)
        )
    return photos


def _refused(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_GET
@story_writers_only
def photo_chooser(request):
    """GET ?q=words&page=N: a page of the library as JSON, or one photo with ?id=N."""
    if "id" in request.GET:
        photo = Photo.objects.filter(pk=request.GET["id"]).first() if request.GET["id"].isdigit() else None
        if photo is None:
            return _refused("There is no such photo in the library.", 404)
        return JsonResponse({"results": [photo_item(photo)], "page": 1, "pages": 1, "count": 1})
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    paginator = Paginator(search_photos(query), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return JsonResponse(
        {
            "results": [photo_item(photo) for photo in page.object_list],
            "query": query,
            "page": page.number,
            "pages": paginator.num_pages,
            "count": paginator.count,
            "can_upload": request.user.has_perm("articles.add_photo"),
        }
    )


@require_POST
@story_writers_only
def photo_chooser_upload(request):
    """POST a file (field "file"): the new photo as the chooser shows it, or the reason it was refused."""
    upload = request.FILES.get("file")
    if upload is None:
        return _refused("Choose a file to upload.", 400)
    try:
        result = photo_create(fileobj=upload, name=upload.name, user=request.user)
    except PermissionDenied as refusal:
        return _refused(str(refusal), 403)
    if result.duplicate_of is not None:
        photo = result.duplicate_of
        notice = f"“{upload.name}” is already in the library as photo no. {photo.pk}: that one is used."
        return JsonResponse({"photo": photo_item(photo), "notice": notice})
    if result.photo is None:
        return _refused(result.error, 400)
    return JsonResponse({"photo": photo_item(result.photo), "notice": f"“{upload.name}” was added to the library."})
