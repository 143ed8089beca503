"""A large, realistic newsroom for benchmarks: `manage.py generate_dataset --stories 100000`.

Sections, authors, tags and photos first, then stories in batches with bulk inserts: bylines,
tags, photos in the body, related stories and corrections, statuses and dates spread over ten
years. A few hundred photos are real uploads through the photo desk (so their renditions exist);
the rest are rows sharing those files and renditions, which keeps the disk small.

Run it again and it tops up: what exists is kept and only the missing rows are added, so the
same command is safe to repeat. Bulk inserts send no signals, so the search index is built
once at the end, and the database's statistics are refreshed (ANALYZE) for the query planner.
"""

import io
import random
import sys
import time
from datetime import timedelta
from html import escape
from itertools import accumulate

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from taggit.models import Tag

from articles import richtext
from articles.management.bulk_rows import insert_rows, reset_sequences
from articles.models import Author, Byline, Correction, Photo, Placement, Section, Story, StoryStatus, TaggedStory
from articles.photos import services as photo_services
from articles.search import index
from articles.stories.placements import body_photos, place_figures

SECTION_NAMES = [
    "City", "Harbour", "Politics", "Business", "Education", "Health", "Environment", "Transport",
    "Crime", "Courts", "Culture", "Music", "Books", "Food", "Science", "Technology", "Sport",
    "Weather", "Opinion", "Special Reports",
]  # fmt: skip
FIRST_NAMES = [
    "Mara", "Tomas", "Ana", "Jonah", "Priya", "Olu", "Greta", "Felix", "Amira", "Ravi", "Niamh",
    "Kenji", "Lena", "Samir", "Ines", "Callum", "Yara", "Bruno", "Hana", "Dmitri", "Elif", "Rosa",
    "Idris", "Maeve", "Teodor", "Zainab", "Oskar", "Leila", "Matteo", "Freya",
]  # fmt: skip
LAST_NAMES = [
    "Lind", "Okafor", "Ruiz", "Whitlock", "Raman", "Adeyemi", "Nilsen", "Brandt", "Haddad", "Kapoor",
    "Byrne", "Sato", "Vogel", "Mansour", "Duarte", "Fraser", "Castell", "Moreau", "Novak", "Petrov",
    "Yilmaz", "Quint", "Osei", "Keane", "Marsh", "Ibarra", "Lund", "Farah", "Conti", "Holm",
]  # fmt: skip
ROLES = ["Reporter", "Health correspondent", "Political editor", "Sports writer", "Harbour reporter", "Critic"]
SUBJECTS = [
    "Council", "Harbour board", "Ferry operator", "Hospital trust", "Port Halden FC", "Teachers",
    "Fishermen", "Shipyard", "University", "Police", "Residents", "Lifeboat crew", "Museum", "Mayor",
    "Bus company", "Library", "Market traders", "Water company", "Festival", "Court",
]  # fmt: skip
VERBS = [
    "approves", "delays", "rejects", "unveils", "questions", "backs", "cuts", "expands", "reviews",
    "celebrates", "warns over", "plans", "defends", "scraps", "opens",
]  # fmt: skip
OBJECTS = [
    "new ferry terminal", "harbour wall repairs", "night bus routes", "school meals budget",
    "flood defences", "waterfront housing", "fish market lease", "stadium expansion",
    "clinic opening hours", "cycle lanes", "parking charges", "library hours", "tidal energy scheme",
    "summer festival", "rent rules", "air quality plan", "lighthouse restoration", "tram proposal",
]  # fmt: skip
TAG_WORDS_A = [
    "harbour", "ferry", "council", "budget", "housing", "flood", "school", "hospital", "football",
    "election", "festival", "shipyard", "fishing", "weather", "transport", "police", "court",
    "museum", "library", "climate", "energy", "tourism", "rent", "jobs", "health", "water",
    "coast", "bridge", "market", "arts", "music", "theatre", "science", "university", "startups",
    "trade", "tax", "roads", "rail", "port", "lifeboat", "wildlife", "parks", "beaches", "crime",
    "youth", "pensions", "care", "planning", "heritage", "food", "farming", "storms", "tides",
    "cycling", "sailing", "rowing", "cricket", "rugby", "tennis", "schools", "exams", "nurses",
    "doctors", "mayor", "unions", "strikes", "prices", "shops", "pubs", "dining", "books",
    "film", "radio", "opera", "dance", "poetry", "history", "archives", "elections", "protests",
]  # fmt: skip
TAG_WORDS_B = [
    "policy", "funding", "debate", "inquiry", "plans", "review", "report", "protest", "history",
    "future", "jobs", "safety", "costs", "vote", "season", "awards", "repairs", "investment",
    "campaign", "survey", "research", "reform", "crisis", "recovery", "results", "records",
    "schedule", "strike", "deal", "league", "cup", "festival", "exhibition", "appeal", "ruling",
    "trial", "licence", "closure", "opening", "tenders", "contracts", "leaders", "volunteers",
    "charity", "ideas", "explainer", "analysis", "letters", "diary", "guide", "map", "data",
    "timeline", "profile", "interview", "podcast", "photos", "live", "week", "year", "decade",
    "north", "south", "east", "west", "old town", "waterfront", "islands", "estuary", "docks",
    "quarter", "outskirts", "valley", "hills", "centre", "suburbs", "district",
]  # fmt: skip
SENTENCES = [
    "The plans were set out at a public meeting on Tuesday evening, where more than a hundred people queued for seats.",
    "Officials said the first stage of the work could start within weeks if the money is confirmed.",
    "Residents on the north shore have waited for a decision since the consultation closed last spring.",
    "A spokesperson for the harbour board said the figures would be published in full next month.",
    "Opposition councillors called the timetable unrealistic and asked for an independent review.",
    "The ferry operator said passengers should check times before travelling during the changeover.",
    "Shop owners along the waterfront reported a busy weekend despite the rain.",
    "The report found that costs had risen by almost a third since the scheme was first proposed.",
    "Teachers' representatives said they would meet again before the end of term.",
    "The lifeboat crew was called out twice in one night, the station's busiest spell this year.",
    "Figures seen by the Chronicle show the backlog has fallen for the third month running.",
    "Campaigners gathered outside the town hall with banners and a petition of four thousand names.",
    "The museum expects the new gallery to draw visitors from across the region.",
    "Engineers will inspect the harbour wall at low tide over the coming fortnight.",
    "The club's chairman said the decision was the hardest he had faced in ten years.",
    "Bus drivers said the new routes would cut journey times for shift workers.",
    "Fishermen warned that the quota changes would leave several boats tied up for the season.",
    "The mayor promised an answer before the budget vote in March.",
    "Doctors at the clinic said demand had grown faster than anyone expected.",
    "Volunteers have cleared more than two tonnes of litter from the beaches since May.",
]
SUBHEADINGS = [
    "What happens next", "How we got here", "The cost", "What residents say", "The background",
    "What the council says", "The numbers", "Reaction", "A long wait", "What it means for you",
]  # fmt: skip
CREDITS = ["Ana Ruiz/Coastline Wire", "Staff photographer", "Tomas Okafor", "Harbour Press Agency"]
AGENCY_CREDITS = ["Additional reporting by Coastline Wire", "With Harbour Press Agency", ""]
CORRECTION_TEXT = "An earlier version of this story gave the wrong date for the meeting."

# Share of stories in each state; the rest are live.
STATUS_SHARES = [("draft", 0.03), ("submitted", 0.015), ("scheduled", 0.01), ("embargoed", 0.005), ("withdrawn", 0.02)]
YEARS = 10
BODY_POOL = 400


class Progress:
    """A plain progress bar on standard error: redrawn in place on a terminal, a line per tenth in a log."""

    def __init__(self, label: str, total: int, stream=None):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.interactive = self.stream.isatty()
        self.next_line = 0.1

    def update(self, count: int) -> None:
        self.done += count
        share = min(self.done / self.total, 1.0)
        elapsed = time.monotonic() - self.started
        text = f"{self.label}: {self.done:,}/{self.total:,} ({share:.0%}) {elapsed:.1f}s"
        if self.interactive:
            bar = "#" * int(share * 30)
            self.stream.write(f"\r[{bar:<30}] {text}")
            if share >= 1.0:
                self.stream.write("\n")
        elif share >= self.next_line or share >= 1.0:
            self.stream.write(text + "\n")
            self.next_line = share + 0.1
        self.stream.flush()


def _zipf_cumulative(count: int, offset: float = 5.0) -> list[float]:
    """Cumulative weights for random.choices: a few popular items and a long tail, like real authors and tags."""
    return list(accumulate(1.0 / (rank + offset) for rank in range(count)))


def _picture(rng: random.Random, width: int, height: int) -> bytes:
    """A JPEG of overlapping shapes, different for every call."""
    image = Image.new("RGB", (width, height), tuple(rng.randrange(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(width // 10, width // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape([x - size // 2, y - size // 3, x + size // 2, y + size // 3], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


class Command(BaseCommand):
    help = (
        "Generate a large newsroom for benchmarks (sections, authors, tags, photos, stories with bylines, "
        "tags, photos, related stories and corrections over ten years). Tops up what exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=100_000, help="Stories wanted in all (default 100000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed, for a repeatable dataset.")
        parser.add_argument("--sections", type=int, default=20, help="Sections (at most 20).")
        parser.add_argument("--authors", type=int, default=500)
        parser.add_argument("--tags", type=int, default=5000)
        parser.add_argument("--photos", type=int, default=5000, help="Photo rows in all.")
        parser.add_argument("--image-files", type=int, default=200, help="Real uploads the photo rows share.")
        parser.add_argument("--image-width", type=int, default=800, help="Width of each generated image.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Stories per transaction.")
        parser.add_argument("--no-search-index", action="store_true", help="Skip building the search index.")

    def handle(self, *args, **options):
        for name in ("stories", "sections", "authors", "tags", "photos", "image_files", "batch_size"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be 1 or more.")
        if options["sections"] > len(SECTION_NAMES):
            raise CommandError(f"--sections can be at most {len(SECTION_NAMES)}.")
        if options["image_files"] > options["photos"]:
            raise CommandError("--image-files cannot be more than --photos.")
        self.rng = random.Random(options["seed"])
        self.now = timezone.now()
        started = time.monotonic()

        existing = Story.objects.count()
        if existing >= options["stories"]:
            self.stdout.write(f"The database already has {existing:,} stories; nothing to do.")
            return

        sections = self.make_sections(options["sections"])
        authors = self.make_authors(options["authors"])
        tags = self.make_tags(options["tags"])
        photos = self.make_photos(options["photos"], options["image_files"], options["image_width"])
        new_ids = self.make_stories(
            options["stories"] - existing, options["batch_size"], sections, authors, tags, photos
        )
        if not options["no_search_index"]:
            self.index(new_ids)
        self.analyze()
        self.stdout.write(
            self.style.SUCCESS(
                f"Dataset ready: {Story.objects.count():,} stories ({len(new_ids):,} new), {len(sections)} sections, "
                f"{len(authors)} authors, {len(tags)} tags, {len(photos)} photos in {time.monotonic() - started:.1f}s."
            )
        )

    # --- Reference data --------------------------------------------------------------------------

    def make_sections(self, count: int) -> list[int]:
        for position, name in enumerate(SECTION_NAMES[:count]):
            Section.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "position": position, "description": f"{name} news."}
            )
        return list(Section.objects.order_by("position", "pk").values_list("pk", flat=True))

    def make_authors(self, count: int) -> list[int]:
        have = Author.objects.count()
        rows = []
        for number in range(have, count):
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            rows.append(
                Author(
                    name=name,
                    slug=f"{slugify(name)}-{number}",
                    role=self.rng.choice(ROLES),
                    bio=f"{name} writes for the desk about the city and the bay.",
                )
            )
        Author.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Author.objects.order_by("pk").values_list("pk", flat=True))

    def make_tags(self, count: int) -> list[int]:
        have = Tag.objects.count()
        names = [f"{a} {b}" for a in TAG_WORDS_A for b in TAG_WORDS_B]
        self.rng.shuffle(names)
        rows = [Tag(name=name, slug=slugify(name)) for name in names[: max(count - have, 0)]]
        Tag.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Tag.objects.order_by("pk").values_list("pk", flat=True))

    def make_photos(self, count: int, files: int, width: int) -> list[int]:
        """Real uploads through the photo desk first, then rows sharing their files and renditions."""
        originals = list(Photo.objects.exclude(renditions={}).order_by("pk")[:files])
        missing = files - len(originals)
        if missing > 0:
            progress = Progress("Photos (uploads)", missing)
            for number in range(missing):
                data = _picture(self.rng, width, width * 2 // 3)
                result = photo_services.photo_create(
                    fileobj=io.BytesIO(data),
                    name=f"dataset-{len(originals) + number:04d}.jpg",
                    overrides=self._photo_text(len(originals) + number),
                    allow_duplicate=True,
                )
                if result.photo is None:
                    raise CommandError(f"The photo desk refused a generated image: {result.error}")
                originals.append(result.photo)
                progress.update(1)
        clones = []
        for number in range(Photo.objects.count(), count):
            source = originals[number % len(originals)]
            clones.append(
                Photo(
                    image=source.image.name,
                    width=source.width,
                    height=source.height,
                    original_filename=source.original_filename,
                    format=source.format,
                    size_bytes=source.size_bytes,
                    sha256=source.sha256,
                    renditions=source.renditions,
                    focal_x=source.focal_x,
                    focal_y=source.focal_y,
                    **self._photo_text(number),
                )
            )
        Photo.objects.bulk_create(clones, batch_size=1000)
        return list(Photo.objects.exclude(renditions={}).order_by("pk").values_list("pk", flat=True))

    def _photo_text(self, number: int) -> dict:
        place = self.rng.choice(OBJECTS)
        return {
            "caption": f"The {place} seen from the water, photo {number}.",
            "alt_text": f"A wide view of the {place} under a grey sky.",
            "credit": self.rng.choice(CREDITS),
        }

    # --- Stories ----------------------------------------------------------------------------------

    def _bodies(self) -> list[tuple[str, list[str]]]:
        """A pool of sanitized bodies after the first paragraph, with their blocks, made once."""
        pool = []
        for _ in range(BODY_POOL):
            parts = []
            for block in range(self.rng.randint(5, 9)):
                if block in (2, 5):
                    parts.append(f"<h2>{escape(self.rng.choice(SUBHEADINGS))}</h2>")
                sentences = self.rng.sample(SENTENCES, self.rng.randint(2, 4))
                parts.append(f"<p>{escape(' '.join(sentences))}</p>")
            html = richtext.sanitize("".join(parts))
            pool.append((html, richtext.split_blocks(html)))
        return pool

    def _times(self, total: int) -> list:
        """Publish times over ten years, more of them recent; oldest first, so ids grow with time as on a site."""
        span = YEARS * 365 * 24 * 3600
        offsets = sorted((self.rng.random() ** 1.25 * span for _ in range(total)), reverse=True)
        return [self.now - timedelta(seconds=offset) for offset in offsets]

    def _state(self) -> str:
        roll = self.rng.random()
        for state, share in STATUS_SHARES:
            if roll < share:
                return state
            roll -= share
        return "live"

    def _story(self, pk: int, when, state: str, section_ids, photo_ids, bodies) -> dict:
        """One story's column values (created and modified are the story's own times, not the insert's)."""
        rng = self.rng
        subject, verb, thing = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
        headline = f"{subject} {verb} {thing}"
        opening = richtext.sanitize(
            f"<p>{escape(headline)} on {when:%A}, after months of argument. {escape(rng.choice(SENTENCES))}</p>"
        )
        rest, rest_blocks = rng.choice(bodies)
        story = {
            "id": pk,
            "headline": headline,
            "slug": slugify(headline)[:220],
            "standfirst": f"{subject} {verb} the {thing}, in a decision that affects thousands across the bay.",
            # What Story.save() would store: sanitized HTML and its blocks (richtext.split_blocks).
            "body": opening + rest,
            "body_blocks": richtext.split_blocks(opening) + rest_blocks,
            "section": rng.choice(section_ids),
            "credit_line": rng.choice(AGENCY_CREDITS) if rng.random() < 0.1 else "",
            "lead_photo": rng.choice(photo_ids) if rng.random() < 0.7 else None,
            "status": StoryStatus.PUBLISHED,
            "publish_at": when,
            "first_published_at": when,
            "updated_at": None,
            "embargo_until": None,
            "submitted_at": None,
            "withdrawn_at": None,
            "version": 1,
        }
        if state in ("draft", "submitted"):
            story.update(status=state, publish_at=None, first_published_at=None)
            if state == "submitted":
                story["submitted_at"] = self.now - timedelta(hours=rng.randint(1, 48))
        elif state == "scheduled":
            later = self.now + timedelta(minutes=rng.randint(30, 60 * 24 * 14))
            story.update(publish_at=later, first_published_at=later)
        elif state == "embargoed":
            # An embargo holds a story that is due out when it ends (the desk refuses one ending later).
            ends = self.now + timedelta(minutes=rng.randint(30, 60 * 24 * 3))
            story.update(embargo_until=ends, publish_at=ends, first_published_at=ends)
        elif state == "withdrawn":
            story.update(status=StoryStatus.WITHDRAWN, withdrawn_at=min(self.now, when + timedelta(hours=72)))
        elif rng.random() < 0.12:
            story["updated_at"] = min(self.now, when + timedelta(minutes=rng.randint(20, 60 * 24 * 3)))
        story["created"] = story["publish_at"] or story["submitted_at"] or self.now - timedelta(days=rng.randint(0, 30))
        story["modified"] = story["updated_at"] or story["withdrawn_at"] or story["created"]
        return story

    def make_stories(self, count, batch_size, section_ids, author_ids, tag_ids, photo_ids) -> list[int]:
        rng = self.rng
        bodies = self._bodies()
        author_weights = _zipf_cumulative(len(author_ids))
        tag_weights = _zipf_cumulative(len(tag_ids), offset=20)
        live_ids = list(Story.objects.live().order_by("pk").values_list("pk", flat=True))[-2000:]
        next_id = (Story.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        first_id = next_id
        progress = Progress("Stories", count)
        times = self._times(count)
        for start in range(0, count, batch_size):
            stories, bylines, tagged, placements, related, corrections = [], [], [], [], [], []
            for when in times[start : start + batch_size]:
                state = self._state()
                story = self._story(next_id, when, state, section_ids, photo_ids, bodies)
                next_id += 1
                stories.append(story)
                pk = story["id"]
                byline_count = 1 if rng.random() < 0.8 else rng.choice((2, 2, 2, 3))
                chosen = dict.fromkeys(rng.choices(author_ids, cum_weights=author_weights, k=byline_count))
                # Bylines and tags carry a copy of the story's publish time, as Story.save() keeps it.
                published = story["publish_at"]
                bylines += [(pk, author, order, published) for order, author in enumerate(chosen)]
                for tag in set(rng.choices(tag_ids, cum_weights=tag_weights, k=rng.randint(2, 5))):
                    tagged.append((pk, tag, published))
                # Photos stand in the body as figures, and the placements say the same (stories.placements).
                n_photos = rng.choice((0, 1, 1, 2, 3))
                spots = sorted(
                    (rng.randint(1, len(story["body_blocks"])), rng.choice(photo_ids), "") for _ in range(n_photos)
                )
                story["body_blocks"] = blocks = place_figures(story["body_blocks"], spots)
                story["body"] = "".join(blocks)
                placements += [(pk, f.photo_id, f.paragraph, f.order, f.caption) for f in body_photos(blocks)]
                if live_ids and rng.random() < 0.3:
                    for other in set(rng.sample(live_ids, min(len(live_ids), rng.randint(1, 3)))):
                        related.append((pk, other))
                if state == "live":
                    live_ids.append(pk)
                    if len(live_ids) > 4000:
                        del live_ids[:2000]
                    if rng.random() < 0.01:
                        fixed = min(self.now, when + timedelta(hours=rng.randint(2, 48)))
                        corrections.append((pk, "correction", CORRECTION_TEXT, fixed))
            with transaction.atomic():
                insert_rows(Story, list(stories[0]), [tuple(story.values()) for story in stories])
                insert_rows(Byline, ["story", "author", "order", "publish_at"], bylines)
                insert_rows(TaggedStory, ["content_object", "tag", "publish_at"], tagged)
                insert_rows(Placement, ["story", "photo", "paragraph", "order", "caption"], placements)
                insert_rows(Story.related.through, ["from_story", "to_story"], related)
                insert_rows(Correction, ["story", "kind", "text", "published_at"], corrections)
            progress.update(len(stories))
        reset_sequences()
        return list(range(first_id, next_id))

    # --- Afterwards ------------------------------------------------------------------------------

    def index(self, story_ids: list[int]) -> None:
        progress = Progress("Search index", len(story_ids))
        step = 2000
        for start in range(0, len(story_ids), step):
            batch = story_ids[start : start + step]
            index.reindex_stories(batch, batch_size=1000)
            progress.update(len(batch))

    def analyze(self) -> None:
        """Fresh planner statistics after a bulk load, as a DBA would (PostgreSQL's autovacuum would, later).

        On PostgreSQL, VACUUM also fills the visibility map, without which no index-only scan happens.
        """
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
