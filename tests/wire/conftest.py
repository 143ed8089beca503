import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from articles.wire import WireItem, read_wire_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wire"


@pytest.fixture
def wire_bytes() -> Callable[[str], bytes]:
    return lambda path: (FIXTURES / path).read_bytes()


@pytest.fixture
def read_fixture() -> Callable[[str], list[WireItem]]:
    return lambda path: read_wire_file((FIXTURES / path).read_bytes(), name=Path(path).name)


DESK = FIXTURES / "desk"
PICTURES = {
    "ferry.nitf.xml": ("ferry-quay.jpg", "ferry-deck.jpg"),
    "lighthouse.newsml.xml": ("lighthouse-night.jpg", "lighthouse-lens.jpg"),
}


def jpeg_bytes(seed: int, size: tuple[int, int] = (640, 427)) -> bytes:
    """A small real JPEG, different for each seed (the photo desk refuses a file it already holds)."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256))
    for x in range(0, size[0], 7):
        image.putpixel((x, seed % size[1]), (255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def desk_batch() -> Callable[[str], list[tuple[str, bytes]]]:
    """A wire file from tests/fixtures/wire/desk/ with the two pictures it names, as one delivery."""

    def batch(name: str) -> list[tuple[str, bytes]]:
        files = [(name, (DESK / name).read_bytes())]
        for number, picture in enumerate(PICTURES.get(name, ()), start=1):
            files.append((picture, jpeg_bytes(zlib.crc32(picture.encode()) % 200 + number)))
        return files

    return batch
