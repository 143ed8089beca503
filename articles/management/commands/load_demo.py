import io
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles import richtext
from articles.demo import content, pictures
from articles.models import Author, Byline, Photo, Section, Story, StoryStatus
from articles.photos import services as photo_services
from articles.stories import workflow
from articles.stories.placements import place_figures, placements_sync

DEMO_ACCOUNTS = [
    # username, role group, first name, last name
    ("editor", "Editor", "Eda", "Editor"),
    ("reporter", "Reporter", "Remi", "Reporter"),
    ("photodesk", "Photo desk", "Pia", "Photodesk"),
    ("chief", "Chief", "Cy", "Chief"),
]
SYSTEM_USERNAME = "newsroom-demo-loader"


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: sections, authors, photos drawn for the demo, stories and one account "
        "per role. Safe to run again: what already exists is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-accounts", action="store_true", help="Load content only; create no login accounts.")

    def handle(self, *args, no_accounts=False, **options):
        self.now = timezone.now()
        with transaction.atomic():
            loader = self._system_user()
            sections = self._sections()
            photos = self._photos(loader)
            authors = self._authors(loader)
            created = self._stories(sections, authors, photos, loader)
        self.stdout.write(
            f"Demo content: {len(sections)} sections, {len(authors)} authors, {len(photos)} photos, "
            f"{created} new stories ({Story.objects.count()} in all)."
        )
        if no_accounts:
            return
        if not settings.DEBUG:
            self.stderr.write(
                self.style.WARNING(
                    "Demo accounts not created: DEBUG is off, and accounts with a published password "
                    "must never exist on a real site. Create real accounts with createsuperuser."
                )
            )
            return
        self._accounts(authors)

    def _system_user(self):
        user, made = get_user_model().objects.get_or_create(
            username=SYSTEM_USERNAME,
            defaults={"is_superuser": True, "is_staff": False, "first_name": "Demo loader"},
        )
        if made:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def _sections(self):
        sections = {}
        for position, data in enumerate(content.SECTIONS):
            section, _ = Section.objects.get_or_create(
                slug=data["slug"],
                defaults={"name": data["name"], "description": data["description"], "position": position},
            )
            sections[section.slug] = section
        return sections

    def _photo(self, filename, draw, fields, loader):
        """One demo photo, through the same upload path as the photo desk's (checks, renditions)."""
        photo = Photo.objects.filter(original_filename=filename).first()
        if photo:
            return photo
        buffer = io.BytesIO()
        draw().save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
        result = photo_services.photo_create(fileobj=buffer, name=filename, user=loader, overrides=fields)
        if result.outcome == "rejected":
            raise CommandError(f"Demo photo {filename} was rejected: {result.error}")
        return result.photo or result.duplicate_of

    def _photos(self, loader):
        photos = {}
        for data in content.PHOTOS:
            fields = {key: data[key] for key in ("caption", "alt_text", "photographer", "source", "credit")}
            draw = partial(pictures.draw_scene, data["scene"], data["seed"])
            photos[data["key"]] = self._photo(f"demo-{data['key']}.jpg", draw, fields, loader)
        return photos

    def _authors(self, loader):
        authors = {}
        for data in content.AUTHORS:
            author = Author.objects.filter(slug=data["slug"]).first()
            if author is None:
                portrait = self._photo(
                    f"demo-portrait-{data['slug']}.jpg",
                    partial(pictures.draw_portrait, data["portrait_seed"]),
                    {
                        "caption": f"{data['name']}, {data['role']}",
                        "alt_text": f"Portrait of {data['name']}",
                        "photographer": "Staff photographer",
                        "source": settings.NEWSROOM_SITE_NAME,
                        "credit": settings.NEWSROOM_SITE_NAME,
                    },
                    loader,
                )
                author = Author.objects.create(
                    name=data["name"], slug=data["slug"], role=data["role"], bio=data["bio"], photo=portrait
                )
            authors[author.slug] = author
        return authors

    def _stories(self, sections, authors, photos, loader):
        stories = {}
        created = 0
        for data in content.STORIES:
            story = Story.objects.filter(slug=data["slug"]).first()
            if story is None:
                story = self._story(data, sections, authors, photos, loader)
                created += 1
            stories[data["slug"]] = story
        for data in content.STORIES:
            story = stories[data["slug"]]
            if data.get("related") and not story.related.exists():
                story.related.set([stories[slug] for slug in data["related"]])
        return created

    def _story(self, data, sections, authors, photos, loader):
        # The photos stand in the text as figures, where the content says; the placements follow from them.
        placed = [(p["after_paragraph"], photos[p["photo"]].pk, p.get("caption", "")) for p in data.get("photos", [])]
        body = "".join(place_figures(richtext.split_blocks(richtext.sanitize(data["body"])), placed))
        story = Story.objects.create(
            headline=data["headline"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            body=body,
            section=sections[data["section"]],
            credit_line=data.get("credit_line", ""),
            lead_photo=photos.get(data.get("lead_photo")),
            created_by=loader,
            modified_by=loader,
        )
        for order, slug in enumerate(data["authors"]):
            Byline.objects.create(story=story, author=authors[slug], order=order)
        placements_sync(story=story)
        story.tags.set(data.get("tags", []))
        status = data.get("status", StoryStatus.PUBLISHED)
        if status == StoryStatus.PUBLISHED:
            publish_at = self.now - timedelta(hours=data["hours_ago"])
            workflow.story_publish(story=story, user=loader, publish_at=publish_at, backdate=True)
            if data.get("updated_hours_ago") is not None:
                story.updated_at = self.now - timedelta(hours=data["updated_hours_ago"])
                story.save(update_fields=["updated_at"])
        elif status == StoryStatus.SUBMITTED:
            workflow.story_submit(story=story, user=loader)
        return story

    def _accounts(self, authors):
        password = settings.NEWSROOM_DEMO_PASSWORD
        User = get_user_model()
        for username, group_name, first, last in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last, "is_staff": True}
            )
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.set(Group.objects.filter(name=group_name))
        reporter = User.objects.get(username="reporter")
        first_author = next(iter(authors.values()), None)
        if first_author and first_author.user_id is None and not hasattr(reporter, "author"):
            first_author.user = reporter
            first_author.save(update_fields=["user"])
        self.stdout.write(
            "Demo logins (password from NEWSROOM_DEMO_PASSWORD): "
            + ", ".join(username for username, *_ in DEMO_ACCOUNTS)
        )
