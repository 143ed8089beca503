"""Compare thumbnail libraries for making a photo's renditions, one approach per process.

Run: .venv/bin/python bench/renditions_compare.py
Each approach makes the same set (JPEG and WebP at 480/800/1200/1600 px wide, a 16:9
and a 1:1 crop) from a 24-megapixel JPEG and reports wall time and peak memory (RSS).
"""

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

WIDTHS = (480, 800, 1200, 1600)
CROPS = {"16x9": (1600, 900), "1x1": (800, 800)}


def make_source(path):
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (6000, 4000), (90, 120, 160))
    draw = ImageDraw.Draw(img)
    for i in range(0, 6000, 37):
        draw.line([(i, 0), (6000 - i, 4000)], fill=(i % 255, (i * 3) % 255, (i * 7) % 255), width=5)
    img.save(path, "JPEG", quality=90)


def setup_django(media):
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench",
        INSTALLED_APPS=["django.contrib.contenttypes", "sorl.thumbnail", "imagekit"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        MEDIA_ROOT=media,
        MEDIA_URL="/media/",
        THUMBNAIL_DEBUG=True,
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, run_syncdb=True)


def approach_sorl(source, media):
    from django.core.files import File
    from sorl.thumbnail import get_thumbnail

    with open(source, "rb") as fh:
        f = File(fh, name="src.jpg")
        from django.core.files.storage import default_storage

        name = default_storage.save("src.jpg", f)
    image = default_storage.open(name)
    for fmt in ("JPEG", "WEBP"):
        for w in WIDTHS:
            get_thumbnail(image, f"{w}", format=fmt, quality=80)
    for _, (w, h) in CROPS.items():
        get_thumbnail(image, f"{w}x{h}", crop="40% 30%", format="WEBP", quality=80)


def _kit_specs():
    from imagekit import ImageSpec
    from imagekit.processors import ResizeToFill, ResizeToFit

    specs = []
    for fmt in ("JPEG", "WEBP"):
        for w in WIDTHS:
            specs.append(
                type(
                    "S",
                    (ImageSpec,),
                    {"processors": [ResizeToFit(w, 100000)], "format": fmt, "options": {"quality": 80}},
                )
            )
    for _, (w, h) in CROPS.items():
        specs.append(
            type(
                "C",
                (ImageSpec,),
                {"processors": [ResizeToFill(w, h, anchor=(0.4, 0.3))], "format": "WEBP", "options": {"quality": 80}},
            )
        )
    return specs


def approach_imagekit_naive(source, media):
    for spec in _kit_specs():
        with open(source, "rb") as fh:
            out = spec(source=fh).generate()
            out.read()


def approach_imagekit_one_decode(source, media):
    from PIL import Image, ImageOps

    with Image.open(source) as img:
        img.draft("RGB", (1600 * 2, 1600 * 2))  # JPEG DCT scaling: decode at 1/2 or 1/4 size
        img = ImageOps.exif_transpose(img).convert("RGB")
        if img.width > 3200:
            img.thumbnail((3200, 3200), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        img.save(buffer, "PNG", compress_level=0)
    for spec in _kit_specs():
        buffer.seek(0)
        spec(source=buffer).generate().read()


def approach_pilkit_in_memory(source, media):
    from imagekit.processors import ResizeToFill, ResizeToFit
    from PIL import Image, ImageOps

    with Image.open(source) as img:
        img.draft("RGB", (1600, 1600))  # JPEG DCT scaling: decode at the smallest scale still >= 1600 px
        master = ImageOps.exif_transpose(img).convert("RGB")
    for w in sorted(WIDTHS, reverse=True):
        resized = ResizeToFit(w, 100000, upscale=False).process(master)
        for fmt in ("JPEG", "WEBP"):
            resized.save(io.BytesIO(), fmt, quality=80)
    for _, (w, h) in CROPS.items():
        ResizeToFill(w, h, anchor=(0.4, 0.3)).process(master).save(io.BytesIO(), "WEBP", quality=80)


APPROACHES = {
    "django-imagekit processors on one reduced decode, in memory": approach_pilkit_in_memory,
    "sorl-thumbnail, from the original each time": approach_sorl,
    "django-imagekit specs, from the original each time": approach_imagekit_naive,
    "django-imagekit specs, after one reduced decode": approach_imagekit_one_decode,
}


def run_one(name, source):
    media = tempfile.mkdtemp()
    setup_django(media)
    start = time.perf_counter()
    APPROACHES[name](source, media)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"approach": name, "seconds": round(elapsed, 3), "peak_rss_mb": round(peak_mb, 1)}))


if __name__ == "__main__":
    if len(sys.argv) > 2:
        run_one(sys.argv[1], sys.argv[2])
    else:
        source = os.path.join(tempfile.mkdtemp(), "source-24mp.jpg")
        make_source(source)
        print("| approach | seconds | peak RSS (MB, whole process) |\n|---|---|---|")
        for name in APPROACHES:
            out = subprocess.run([sys.executable, __file__, name, source], capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {row['approach']} | {row['seconds']} | {row['peak_rss_mb']} |")
