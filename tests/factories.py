"""Every factory the suite uses, in one module."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from articles import richtext
from articles.models import Author, Byline, Photo, Placement, Section, Story, StoryStatus
from articles.stories.roles import sync_roles


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.django.Password("pass-for-tests")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            if not Group.objects.filter(name=extracted).exists():
                # A transactional test before this one flushed the tables, roles included: make them
                # again, as the data migrations did.
                sync_roles(Group, Permission)
            self.groups.add(Group.objects.get(name=extracted))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo
        skip_postgeneration_save = True

    image = factory.django.ImageField(width=120, height=80, color="navy", format="JPEG")
    caption = factory.Sequence(lambda n: f"Caption of photo {n}")
    alt_text = factory.Sequence(lambda n: f"Description of photo {n}")
    photographer = "Ana Ruiz"
    source = "Coastline Wire"
    width = 120
    height = 80

    @factory.post_generation
    def renditions(self, create, extracted, **kwargs):
        """Photos get their renditions, as every real upload does; PhotoFactory(renditions=False) skips."""
        if create and extracted is not False:
            from articles.photos.renditions import make_renditions

            self.renditions = make_renditions(self)
            Photo.objects.filter(pk=self.pk).update(renditions=self.renditions)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter Number{n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    role = "Correspondent"
    bio = "Covers the harbour and the city council."


class StoryFactory(factory.django.DjangoModelFactory):
    """A live story by default: published an hour ago, with one byline."""

    class Meta:
        model = Story
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Headline number {n}")
    standfirst = "A one-sentence summary of the story."
    body = "<p>First paragraph.</p><h2>A subheading</h2><p>Second paragraph.</p><p>Third paragraph.</p>"
    section = factory.SubFactory(SectionFactory)
    status = StoryStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def bylines(self, create, extracted, **kwargs):
        if not create:
            return
        authors = extracted if extracted is not None else [AuthorFactory()]
        for order, author in enumerate(authors):
            Byline.objects.create(story=self, author=author, order=order)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement
        skip_postgeneration_save = True

    story = factory.SubFactory(StoryFactory)
    photo = factory.SubFactory(PhotoFactory)
    paragraph = 1

    @factory.post_generation
    def in_body(self, create, extracted, **kwargs):
        """Write the figure this placement stands for into its story's body after its paragraph, as the
        editor would; PlacementFactory(in_body=False) leaves the body alone (a story from before figures)."""
        if not create or extracted is False:
            return
        story = self.story
        blocks, text_blocks, at = list(story.body_blocks), 0, 0
        for index, block in enumerate(blocks):
            if richtext.parse_figure(block) is None:
                text_blocks += 1
                if text_blocks > self.paragraph:
                    break
            at = index + 1
        blocks.insert(
            at if self.paragraph else _leading_figures(blocks), richtext.figure_html(self.photo_id, self.caption)
        )
        story.body, story.body_blocks = "".join(blocks), blocks
        Story.objects.filter(pk=story.pk).update(body=story.body, body_blocks=story.body_blocks)


def _leading_figures(blocks):
    return next((i for i, block in enumerate(blocks) if richtext.parse_figure(block) is None), len(blocks))
