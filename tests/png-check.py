#!/usr/bin/env python3
"""Checks that a PNG screenshot has the expected size and is not blank: some pixels differ from the
background colour, in many distinct colours (anti-aliased text), over many rows. Standard library only.

usage: png-check.py FILE WIDTH HEIGHT   (exit 0 when the page was drawn)
"""
import struct
import sys
import zlib
from collections import Counter


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unexpected PNG format: depth {depth}, colour type {colour}, interlace {interlace}")
    return width, height, 3 if colour == 2 else 4, zlib.decompress(b"".join(idat))


def rows(width, height, bpp, raw):
    """Undoes the PNG row filters, yielding each row's bytes."""
    stride, prev, pos = width * bpp, bytearray(width * bpp), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        yield line
        prev = line


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        width, height, bpp, raw = read_png(path)
    except (OSError, ValueError, TypeError) as e:
        print(f"png-check: {path}: {e}", file=sys.stderr)
        return 1
    if (width, height) != (want_w, want_h):
        print(f"png-check: {width}x{height}, want {want_w}x{want_h}", file=sys.stderr)
        return 1
    colours = Counter()
    inked_rows = 0
    for y, line in enumerate(rows(width, height, bpp, raw)):
        if y % 4:
            continue
        row = Counter(bytes(line[x:x + 3]) for x in range(0, width * bpp, bpp * 2))
        colours.update(row)
        inked_rows += len(row) > 1
    background, count = colours.most_common(1)[0]
    ink = 1 - count / sum(colours.values())
    sampled_rows = (height + 3) // 4
    if ink < 0.002 or len(colours) < 16 or inked_rows < 20:
        print(f"png-check: looks blank: {ink:.1%} ink, {len(colours)} colours, {inked_rows}/{sampled_rows} rows",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
