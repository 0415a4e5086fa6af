#!/usr/bin/env python3
"""Seeds for the fuzz targets whose inputs are not report texts, made from the
report texts and fixtures (scripts/fuzz.sh runs it; the results go to
OUT/TARGET, beside the texts every text target gets):

  html_fuzz    each report as a web page (paragraphs; tab-separated lines as table rows)
  docx_fuzz    each report as word/document.xml (the same, as Word writes it)
  ofd_fuzz     each OFD of SHARED/ofd written out ("--- NAME" entries) and as its
               pages' Content.xml (form feeds between pages); each report's PDF runs
               (tests/fixtures/runs) as OFD pages
  layout_fuzz  each tests/fixtures/runs/*.json in layout_fuzz's binary run format
  glued_fuzz   a few glued rows of table 三 and 四 with their sum blocks

    scripts/fuzz_seeds.py OUT [SHARED]
"""
import html
import json
import pathlib
import struct
import sys
import zipfile

repo = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
shared = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else repo.parent / "shared"


def texts():
    for d in (repo / "tests/fixtures/seeds", repo / "tests/fixtures/real"):
        for p in sorted(d.glob("*.txt")):
            yield p.stem, p.read_text(encoding="utf-8", errors="replace")


def write(target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


for stem, text in texts():
    page, xml = ["<html><body>"], ['<w:document><w:body>']
    for line in text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            page.append("<table><tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr></table>")
            xml.append("<w:tbl><w:tr>" + "".join(
                f"<w:tc><w:p><w:r><w:t>{html.escape(c)}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr></w:tbl>")
        else:
            page.append(f"<p>{html.escape(line)}</p>")
            xml.append(f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>")
    write("html_fuzz", stem + ".html", "\n".join(page) + "</body></html>")
    write("docx_fuzz", stem + ".xml", "".join(xml) + "</w:body></w:document>")

ofd_dir = shared / "ofd"
for p in sorted(ofd_dir.glob("*.ofd")) if ofd_dir.is_dir() else []:
    with zipfile.ZipFile(p) as z:
        names = [n for n in z.namelist() if n.endswith(".xml")]
        parts = {n: z.read(n) for n in names}
    written = b"".join(b"--- " + n.encode() + b"\n" + parts[n] + b"\n" for n in names)
    write("ofd_fuzz", p.stem + ".written", written)
    pages = [parts[n] for n in names if n.endswith("Content.xml")]
    if pages:
        write("ofd_fuzz", p.stem + ".pages", b"\f".join(pages))

MM = 25.4 / 72  # OFD is in millimetres, pdf.js's runs in points
for p in sorted((repo / "tests/fixtures/runs").glob("*.json")):
    runs = json.loads(p.read_text(encoding="utf-8"))["runs"]
    blob, pages = bytearray(), {}
    for r in runs:
        t = r["text"].encode("utf-8")[:255]
        a = {0: 0, 90: 1, -90: 2, 180: 3}.get(round(r.get("angle", 0)), 0)
        blob += struct.pack("<BHHHBBB", (r["page"] - 1) % 4, min(int(r["x"] * 10), 65535),
                            min(int(r["y"] * 10), 65535), min(int(r.get("w", 0) * 10), 65535),
                            min(int(r.get("h", 0) * 4), 255), a, len(t)) + t
        x, y, h = r["x"] * MM, r["y"] * MM, r.get("h", 9) * MM
        pages.setdefault(r["page"], []).append(
            f'<ofd:TextObject ID="1" Boundary="{x:.2f} {y - h:.2f} {r.get("w", 0) * MM:.2f} {h * 1.2:.2f}" '
            f'Font="1" Size="{h:.2f}"><ofd:TextCode X="0" Y="{h:.2f}">{html.escape(r["text"])}</ofd:TextCode></ofd:TextObject>')
    write("layout_fuzz", p.stem + ".runs", bytes(blob))
    write("ofd_fuzz", p.stem + ".pages", "\f".join(
        '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">' + "".join(objs) +
        "</ofd:Layer></ofd:Content></ofd:Page>" for _, objs in sorted(pages.items())))

# glued_fuzz: cells, blocks (count, then for each the gap since the last block
# and its length - 2), cap, digits.
rows = [
    (7, [(0, 7)], 8, "640020470"),
    (7, [(0, 7)], 8, "1200003"),
    (15, [(0, 5), (5, 5), (10, 5)], 8, "10012 00000 31004"),
    (15, [(0, 5), (5, 5), (10, 5)], 8, "1001200000310049"),
    (7, [(0, 7)], 8, "2 0 1 0 0 0 3"),
]
for k, (cells, blocks, cap, digits) in enumerate(rows):
    gaps, at = [], 0
    for first, n in blocks:
        gaps.append(bytes([first - at, n - 2]))
        at = first + n
    b = bytes([cells - 1, len(blocks)]) + b"".join(gaps) + bytes([cap]) + digits.encode()
    write("glued_fuzz", f"row{k}", b)
