"""Time `ingest_wire` on 1,000 agency items (a third each NITF, NewsML-G2 and ninjs) on SQLite.

Run: .venv/bin/python bench/wire_ingest.py [--items 1000]   (prints JSON: items, seconds, items per second)
The items are made here, into a temporary folder, with a throwaway SQLite database under /tmp. Target: under
a minute for 1,000 items. A benchmark, not a test: nothing fails when it is slow.
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
work = Path(tempfile.mkdtemp(prefix="newsroom-bench-wire-"))
os.environ.update(
    {"DJANGO_SETTINGS_MODULE": "newsroom.settings.test", "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}"}
)
os.environ.pop("REDIS_URL", None)

PLACES = ["PORT HALDEN", "KESTREL POINT", "SKERRY HAVEN", "PORTMERE", "NORTHWICK"]
TOPICS = ["harbour", "ferries", "council", "schools", "weather", "football", "theatre", "fishing"]


def paragraphs(n: int) -> list[str]:
    return [
        f"Paragraph {i} of item {n}: the {TOPICS[(n + i) % len(TOPICS)]} committee met on Tuesday and agreed "
        f"a plan that {PLACES[(n + i) % len(PLACES)].title()} had waited for since spring."
        for i in range(1, 9)
    ]


def nitf(n: int, when: datetime) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs(n))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
  <head>
    <tobject><tobject.subject tobject.subject.refnum="04000000"/></tobject>
    <docdata management-status="usable">
      <doc-id regsrc="Bench Agency" id-string="bench-nitf-{n}"/>
      <urgency ed-urg="{n % 8 + 1}"/>
      <date.issue norm="{when:%Y%m%dT%H%M%SZ}"/>
      <key-list><keyword key="{TOPICS[n % 8]}"/></key-list>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Bench NITF story {n} about the {TOPICS[n % 8]}</hl1></hedline>
      <byline>By <person>Reporter {n % 17}</person></byline>
      <distributor>Bench Agency</distributor>
      <dateline><location>{PLACES[n % 5]}</location></dateline>
      <abstract><p>A short summary of story {n}.</p></abstract>
    </body.head>
    <body.content>{body}<hl2>More</hl2><ul><li>one</li><li>two</li></ul></body.content>
  </body>
</nitf>
"""


def newsml(n: int, when: datetime) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(n))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:bench.example:{n}" version="1"
    standard="NewsML-G2" standardversion="2.35">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:BENCH"><name>Bench Agency</name></provider>
    <versionCreated>{when.isoformat()}</versionCreated>
    <firstCreated>{when.isoformat()}</firstCreated>
    <pubStatus qcode="stat:usable"/>
  </itemMeta>
  <contentMeta>
    <urgency>{n % 8 + 1}</urgency>
    <creator><name>Reporter {n % 17}</name></creator>
    <keyword>{TOPICS[n % 8]}</keyword>
    <subject qcode="medtop:01000000"/>
    <slugline>BENCH-{n}</slugline>
    <headline>Bench NewsML-G2 story {n}</headline>
    <dateline>{PLACES[n % 5]}</dateline>
    <description role="drol:summary">A short summary of story {n}.</description>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>{body}<h2>More</h2></body></html>
    </inlineXML>
  </contentSet>
</newsItem>
"""


def ninjs(n: int, when: datetime) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(n))
    return json.dumps(
        {
            "uri": f"urn:bench:ninjs:{n}",
            "version": "1",
            "type": "text",
            "versioncreated": when.isoformat(),
            "firstcreated": when.isoformat(),
            "pubstatus": "usable",
            "urgency": n % 8 + 1,
            "headline": f"Bench ninjs story {n}",
            "description_text": f"A short summary of story {n}.",
            "body_html": body,
            "byline": f"Reporter {n % 17}",
            "located": PLACES[n % 5],
            "keywords": [TOPICS[n % 8]],
            "subject": [{"code": "medtop:01000000", "name": "arts"}],
        }
    )


def generate(folder: Path, count: int) -> None:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    makers = [("xml", nitf), ("newsml.xml", newsml), ("json", ninjs)]
    for n in range(count):
        suffix, make = makers[n % 3]
        (folder / f"item-{n:05d}.{suffix}").write_text(make(n, start + timedelta(minutes=n)), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    options = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command

    from articles.models import WireEntry

    call_command("migrate", verbosity=0)
    inbox = work / "items"
    inbox.mkdir()
    generate(inbox, options.items)
    output = io.StringIO()
    start = time.perf_counter()
    with redirect_stdout(output):
        try:
            call_command("ingest_wire", str(inbox), stdout=output)
        except SystemExit as stop:
            if stop.code:
                print(output.getvalue()[-2000:], file=sys.stderr)
                raise
    seconds = time.perf_counter() - start
    stored = WireEntry.objects.count()
    assert stored == options.items, f"{stored} of {options.items} items stored"
    print(
        json.dumps(
            {
                "items": options.items,
                "seconds": round(seconds, 2),
                "items_per_second": round(options.items / seconds, 1),
                "database": "sqlite",
                "target_seconds": 60,
            }
        )
    )


if __name__ == "__main__":
    main()
