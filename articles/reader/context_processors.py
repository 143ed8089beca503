from django.conf import settings

from articles.models import Section


def site(request):
    """Site name, URL, navigation sections and "Follow us" links for every template."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_url": settings.NEWSROOM_SITE_URL,
        "social_links": settings.NEWSROOM_SOCIAL_LINKS,
        # Lazy: evaluated once, only by templates that show the navigation. Views that read the
        # sections anyway (home, a section page) pass their list as nav_sections instead.
        "nav_sections": Section.objects.all(),
    }
