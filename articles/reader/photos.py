"""Rendition files, served so that they follow the photo's rights (articles.photos.serving)."""

import mimetypes
from datetime import datetime, time, timedelta

from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.photos.serving import RENDITION_PREFIX, photo_surrogate_key, readers_may_fetch, rendition_photo

# Browsers keep a file briefly (nobody can purge them); an edge cache keeps it until its key is purged,
# and never past the moment the photo's rights run out.
BROWSER_SECONDS = 600
EDGE_SECONDS = 86400


def public_cache_control(photo) -> str:
    edge, browser = EDGE_SECONDS, BROWSER_SECONDS
    if photo.rights_expire_on is not None:
        ends = timezone.make_aware(datetime.combine(photo.rights_expire_on + timedelta(days=1), time.min))
        left = max(0, int((ends - timezone.now()).total_seconds()))
        edge, browser = min(edge, left), min(browser, left)
    return f"public, max-age={browser}, s-maxage={edge}"


@require_safe
def rendition(request, photo_id: int, folder: str, filename: str):
    """A rendition for readers while the photo may be shown; for the desk's screens, always."""
    name = f"{RENDITION_PREFIX}{photo_id}/{folder}/{filename}"
    photo = rendition_photo(name)
    if photo is None:
        raise Http404("No such picture.")
    if readers_may_fetch(photo):
        cache_control = public_cache_control(photo)
    elif request.user.is_active and request.user.is_staff and request.user.has_perm("articles.view_photo"):
        cache_control = "private, no-store"
    else:
        # Rights expired, or no live story uses it: as if it never existed.
        raise Http404("No such picture.")
    storage = storages["default"]
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("No such picture.") from None
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["Cache-Control"] = cache_control
    key = photo_surrogate_key(photo.pk)
    response["xkey"] = key  # Varnish's xkey (deploy/varnish/newsroom.vcl)
    response["Surrogate-Key"] = key  # CDNs that speak surrogate keys
    response["X-Content-Type-Options"] = "nosniff"
    return response
