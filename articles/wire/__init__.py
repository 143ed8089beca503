"""Agency copy coming in: NITF, NewsML-G2 and ninjs files read into one `WireItem` shape."""

from .item import WireError, WireItem, WirePicture
from .read import MAX_WIRE_BYTES, read_wire_file

__all__ = ["MAX_WIRE_BYTES", "WireError", "WireItem", "WirePicture", "read_wire_file"]
