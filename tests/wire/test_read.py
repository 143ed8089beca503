import codecs

import pytest

from articles.wire import MAX_WIRE_BYTES, WireError, read_wire_file

TINY_NITF = (
    '<?xml version="1.0" encoding="{charset}"?><nitf><head><docdata><doc-id id-string="a"/></docdata></head>'
    "<body><body.head><hedline><hl1>{headline}</hl1></hedline></body.head></body></nitf>"
)


@pytest.mark.parametrize(
    ("path", "wire_format"),
    [("nitf/story.xml", "nitf"), ("newsml-g2/story.xml", "newsml-g2"), ("ninjs/story.json", "ninjs")],
)
def test_format_is_judged_by_content_not_by_file_name(wire_bytes, path, wire_format):
    [item] = read_wire_file(wire_bytes(path), name="incoming.txt")

    assert item.format == wire_format


def test_error_names_the_file(wire_bytes):
    with pytest.raises(WireError) as caught:
        read_wire_file(wire_bytes("bad/malformed.xml"), name="npa-0042.xml")

    assert caught.value.name == "npa-0042.xml"
    assert str(caught.value).startswith("npa-0042.xml: ")


def test_malformed_xml_is_refused_with_its_position(read_fixture):
    with pytest.raises(WireError, match=r"not well-formed XML \(mismatched tag: line 5, column 51\)"):
        read_fixture("bad/malformed.xml")


def test_xml_that_is_no_wire_format_says_what_it_found(read_fixture):
    with pytest.raises(WireError, match=r"root element is <rss>; expected NITF <nitf> or a NewsML-G2"):
        read_fixture("bad/not-wire.xml")


def test_newsml_root_that_is_not_a_news_item_says_so():
    data = b'<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>'

    with pytest.raises(WireError, match=r"<conceptItem> in namespace http://iptc\.org/std/nar/2006-10-01/"):
        read_wire_file(data, name="concept.xml")


def test_json_that_is_not_ninjs_lists_its_keys(read_fixture):
    with pytest.raises(WireError, match=r"JSON but not ninjs: it has no 'uri' \(keys found: items, title\)"):
        read_fixture("bad/not-wire.json")


def test_plain_text_is_neither_xml_nor_json(read_fixture):
    with pytest.raises(WireError, match=r"neither XML \(NITF, NewsML-G2\) nor JSON \(ninjs\)"):
        read_fixture("bad/not-wire.txt")


def test_empty_file_is_refused():
    with pytest.raises(WireError, match="the file is empty"):
        read_wire_file(b"  \n", name="empty.xml")


def test_invalid_json_is_refused_with_its_position():
    with pytest.raises(WireError, match=r"not valid JSON \(Expecting .* at line 1, column \d+\)"):
        read_wire_file(b'{"uri": "x", "headline": }', name="broken.json")


def test_unknown_character_set_is_named(read_fixture):
    with pytest.raises(WireError, match=r"unknown character set 'x-northwind-7'"):
        read_fixture("bad/unknown-charset.xml")


def test_bytes_that_break_the_declared_character_set_are_refused(read_fixture):
    with pytest.raises(WireError, match=r"the file says it is UTF-8, but byte \d+ is not valid UTF-8"):
        read_fixture("bad/wrong-charset.xml")


def test_declared_single_byte_charset_is_honoured():
    data = TINY_NITF.format(charset="windows-1252", headline="“Café” – open").encode("cp1252")

    [item] = read_wire_file(data, name="cp1252.xml")

    assert item.headline == "“Café” – open"


def test_utf16_with_byte_order_mark_is_read():
    text = TINY_NITF.format(charset="UTF-16", headline="Zürich")

    [item] = read_wire_file(text.encode("utf-16"), name="utf16.xml")

    assert item.headline == "Zürich"


def test_ninjs_must_be_utf8(read_fixture):
    with pytest.raises(WireError, match=r"a ninjs file must be UTF-8, but byte \d+ is not valid UTF-8"):
        read_fixture("bad/not-utf8.json")


def test_ninjs_with_utf8_byte_order_mark_is_read(wire_bytes):
    [item] = read_wire_file(codecs.BOM_UTF8 + wire_bytes("ninjs/story-kill.json"), name="bom.json")

    assert item.headline == "KILL: Village saves its last orchard"


def test_billion_laughs_is_refused_without_expanding(read_fixture):
    with pytest.raises(WireError, match=r"declares the XML entity 'lol'; entity declarations are refused"):
        read_fixture("bad/billion-laughs.xml")


def test_external_entity_is_refused_without_reading_it(read_fixture):
    with pytest.raises(WireError, match=r"entity 'secret' that reads 'file:///etc/passwd'; entities that point"):
        read_fixture("bad/xxe.xml")


def test_oversized_file_is_refused_before_parsing():
    data = b"<nitf>" + b" " * MAX_WIRE_BYTES + b"</nitf>"

    with pytest.raises(WireError, match=r"the file is 10\.0 MB; wire files larger than 10 MB are refused"):
        read_wire_file(data, name="huge.xml")


def test_file_at_the_size_limit_is_still_read(wire_bytes):
    data = wire_bytes("ninjs/story-kill.json")
    padded = data + b" " * (MAX_WIRE_BYTES - len(data))

    [item] = read_wire_file(padded, name="padded.json")

    assert item.pub_status == "canceled"


def test_unknown_publishing_status_is_refused():
    data = b'{"uri": "u", "headline": "h", "pubstatus": "maybe"}'

    with pytest.raises(WireError, match=r"unknown publishing status 'maybe' in pubstatus"):
        read_wire_file(data, name="status.json")


def test_deeply_nested_xml_is_refused_with_a_reason():
    depth = 50_000
    body = "<block>" * depth + "<p>deep</p>" + "</block>" * depth
    data = TINY_NITF.format(charset="UTF-8", headline="Deep").replace(
        "</body.head>", f"</body.head><body.content>{body}</body.content>"
    )

    with pytest.raises(WireError, match="nests its elements too deeply"):
        read_wire_file(data.encode(), name="deep.xml")


def test_deeply_nested_json_is_refused_with_a_reason():
    data = b'{"uri": "u", "headline": "h", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"

    with pytest.raises(WireError, match="nests its elements too deeply"):
        read_wire_file(data, name="deep.json")


def test_ninjs_values_of_the_wrong_type_are_ignored_not_crashed_on():
    data = b'{"uri": "u", "headline": "h", "descriptions": [{"value": 7}], "keywords": "one", "subjects": [3]}'

    [item] = read_wire_file(data, name="odd.json")

    assert (item.standfirst, item.keywords, item.subjects) == ("", (), ())


def test_nitf_without_an_identifier_is_refused():
    data = b"<nitf><body><body.head><hedline><hl1>No id</hl1></hedline></body.head></body></nitf>"

    with pytest.raises(WireError, match=r"no identifier \(docdata/doc-id@id-string or nitf@uno\)"):
        read_wire_file(data, name="noid.xml")


def test_nitf_uno_serves_as_identifier_when_doc_id_is_missing():
    data = b'<nitf uno="npa-uno-1"><body><body.head><hedline><hl1>By uno</hl1></hedline></body.head></body></nitf>'

    [item] = read_wire_file(data, name="uno.xml")

    assert item.guid == "npa-uno-1"


def test_ninjs_without_uri_is_not_ninjs():
    with pytest.raises(WireError, match="has no 'uri'"):
        read_wire_file(b'{"headline": "h"}', name="nouri.json")


def test_ninjs_with_utf16_byte_order_mark_is_read(wire_bytes):
    data = wire_bytes("ninjs/story-kill.json").decode().encode("utf-16")

    [item] = read_wire_file(data, name="utf16.json")

    assert item.headline == "KILL: Village saves its last orchard"


def test_figure_pointing_at_an_association_needs_no_src():
    data = (
        b'{"uri": "u", "headline": "h", "body_html": "<p>a</p><figure><img data-assoc-ref=\\"p1\\"/></figure>",'
        b' "associations": [{"name": "p1", "uri": "pic", "body_text": "Caption"}]}'
    )

    [item] = read_wire_file(data, name="ref.json")

    assert [block.picture.caption for block in item.body[1:]] == ["Caption"]
