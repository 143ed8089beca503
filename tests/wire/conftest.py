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
