"""Photos made in the test itself: a Pillow picture with an XMP packet that states its IPTC
Digital Source Type (and a caption, credit and alt text), as an agency's or a camera's file would."""

import io

from PIL import Image

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    {source_attribute}>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt></dc:description>
   {credit}
   {alt}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def jpeg(
    source_type: str = "",
    *,
    caption: str = "A harbour crane at dawn",
    credit: str = "Ana Ruiz/Coastline Wire",
    alt: str = "",
    colour=(20, 90, 160),
    size=(900, 600),
) -> bytes:
    """A JPEG whose XMP says `source_type` (a full IPTC URI or a bare term; "" says nothing)."""
    attribute = f'Iptc4xmpExt:DigitalSourceType="{source_type}"' if source_type else ""
    packet = XMP.format(
        source_attribute=attribute,
        caption=caption,
        credit=f"<photoshop:Credit>{credit}</photoshop:Credit>" if credit else "",
        alt=(
            f'<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">{alt}</rdf:li>'
            "</rdf:Alt></Iptc4xmpCore:AltTextAccessibility>"
            if alt
            else ""
        ),
    )
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85, xmp=packet.encode("utf-8"))
    return buffer.getvalue()


AI_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
AI_COMPOSITE_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
CAMERA_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
