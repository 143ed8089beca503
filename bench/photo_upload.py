"""Time one 24-megapixel JPEG through the photo desk's upload path, with peak memory.

Run: .venv/bin/python bench/photo_upload.py   (prints JSON: seconds, peak RSS of the process)
Uses a throwaway SQLite database and media folders under /tmp.
"""

import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
work = Path(tempfile.mkdtemp(prefix="newsroom-bench-photo-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
    }
)
os.environ.pop("REDIS_URL", None)


def make_jpeg(width=6000, height=4000) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (40, 90, 140))
    draw = ImageDraw.Draw(image)
    for i in range(0, width, 23):
        draw.line([(i, 0), (width - i, height)], fill=(i % 256, (i * 5) % 256, (i * 11) % 256), width=7)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def main():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    data = make_jpeg()
    from articles.photos import services as photo_services

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = photo_services.photo_create(fileobj=io.BytesIO(data), name="24mp.jpg", overrides={"alt_text": "bench"})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert result.photo is not None, result.error
    count = sum(len(entries) for formats in result.photo.renditions["slots"].values() for entries in formats.values())
    print(
        json.dumps(
            {
                "megapixels": 24,
                "file_mb": round(len(data) / 1e6, 1),
                "renditions": count,
                "seconds": round(seconds, 3),
                "peak_rss_mb": round(peak, 1),
                "rss_before_upload_mb": round(baseline, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
