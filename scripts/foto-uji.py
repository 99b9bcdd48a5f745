#!/usr/bin/env python3
"""Writes a 600x800 test card photo (a figure on a transparent, or with --opaque a red,
background) as PNG, with no third-party modules. Usage: foto-uji.py OUT.png [--opaque]"""
import struct
import sys
import zlib


def png(path, w, h, opaque):
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            head = ((x - w / 2) / (w * 0.2)) ** 2 + ((y - h * 0.36) / (h * 0.2)) ** 2 < 1
            body = ((x - w / 2) / (w * 0.45)) ** 2 + ((y - h) / (h * 0.33)) ** 2 < 1
            if head:
                row += bytes([196, 140, 105, 255])
            elif body:
                row += bytes([30, 40, 70, 255])
            elif opaque:
                row += bytes([200, 30, 30, 255])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", raw))
        f.write(chunk(b"IEND", b""))


png(sys.argv[1], 600, 800, "--opaque" in sys.argv)
