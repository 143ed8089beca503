"""One entry point for agency files: the format is judged by the content, never by the file name."""

from __future__ import annotations

import codecs
import json

from .common import local, namespace, parse_xml
from .item import WireError, WireItem
from .newsmlg2 import is_newsml, read_newsml
from .ninjs import read_ninjs
from .nitf import is_nitf, read_nitf

MAX_WIRE_BYTES = 10 * 1024 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_wire_file(data: bytes, *, name: str) -> list[WireItem]:
    """Read an NITF, NewsML-G2 or ninjs file into wire items; anything wrong raises `WireError` whose
    message names the file and says what is wrong with it."""
    try:
        return _read(data)
    except WireError as error:
        raise WireError(error.reason, name=name) from None
    except RecursionError:
        raise WireError("the file nests its elements too deeply to be read", name=name) from None


def _read(data: bytes) -> list[WireItem]:
    if len(data) > MAX_WIRE_BYTES:
        raise WireError(
            f"the file is {len(data) / 1024 / 1024:.1f} MB; wire files larger than "
            f"{MAX_WIRE_BYTES // 1024 // 1024} MB are refused"
        )
    if data.startswith(_UTF16_BOMS):
        first = data[:64].decode("utf-16", "ignore").lstrip()[:1]
    else:
        first = data.removeprefix(codecs.BOM_UTF8).lstrip()[:1].decode("latin-1")
    if not first:
        raise WireError("the file is empty")
    if first == "<":
        return _read_xml(data)
    if first in "{[":
        return _read_json(data)
    raise WireError("the file is neither XML (NITF, NewsML-G2) nor JSON (ninjs)")


def _read_xml(data: bytes) -> list[WireItem]:
    root = parse_xml(data)
    if is_nitf(root):
        return [read_nitf(root)]
    if is_newsml(root):
        return read_newsml(root)
    found = f"<{local(root.tag)}>" + (f" in namespace {namespace(root.tag)}" if namespace(root.tag) else "")
    raise WireError(
        f"the file is XML whose root element is {found}; expected NITF <nitf> or a NewsML-G2 "
        "<newsItem>, <packageItem> or <newsMessage>"
    )


def _read_json(data: bytes) -> list[WireItem]:
    # JSON on the wire is UTF-8; a file that opens with a UTF-16 byte order mark says otherwise, and is believed.
    charset = "utf-16" if data.startswith(_UTF16_BOMS) else "utf-8-sig"
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        raise WireError(f"a ninjs file must be UTF-8, but byte {error.start} is not valid UTF-8") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise WireError(
            f"the file is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    documents = document if isinstance(document, list) else [document]
    if not documents or not all(isinstance(item, dict) for item in documents):
        raise WireError("the file is JSON but not a ninjs object (nor a list of them)")
    for item in documents:
        if "uri" not in {str(key).lower() for key in item}:
            raise WireError(
                "the file is JSON but not ninjs: it has no 'uri' (keys found: "
                + ", ".join(sorted(map(str, item))[:8])
                + ")"
            )
    return [read_ninjs(item) for item in documents]
