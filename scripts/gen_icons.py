#!/usr/bin/env python3
"""Draw the ExportDesk app icon (a parcel with an outbound arrow on a navy tile) as PNGs.

Standard library only, so the icon can be regenerated on any machine:
    python3 scripts/gen_icons.py
"""
import struct
import zlib
from pathlib import Path

NAVY = (23, 52, 94, 255)
WHITE = (255, 255, 255, 255)
AMBER = (245, 166, 35, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y):
    """Colour at unit coordinates (0..1)."""
    r = 0.18  # corner radius of the tile
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return CLEAR
    # Outbound arrow (upper right).
    if 0.55 <= x <= 0.85 and 0.15 <= y <= 0.45:
        if abs((x - 0.55) - (0.45 - y)) < 0.05 and x <= 0.82:
            return AMBER
        if (y <= 0.22 and x >= 0.62) or (x >= 0.78 and y <= 0.38):
            return AMBER
    # Parcel: a box with a tape line.
    if 0.2 <= x <= 0.7 and 0.42 <= y <= 0.82:
        if 0.2 + 0.035 <= x <= 0.7 - 0.035 and 0.42 + 0.035 <= y <= 0.82 - 0.035:
            if abs(x - 0.45) < 0.03 or abs(y - 0.55) < 0.025:
                return WHITE
            return NAVY
        return WHITE
    return NAVY


def png(size):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            # 4x supersampling for smooth edges.
            acc = [0, 0, 0, 0]
            for sy in range(2):
                for sx in range(2):
                    c = pixel((i + (sx + 0.5) / 2) / size, (j + (sy + 0.5) / 2) / size)
                    for k in range(4):
                        acc[k] += c[k]
            row.extend(v // 4 for v in acc)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def main():
    out = Path(__file__).resolve().parent.parent / "src-tauri" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        (out / name).write_bytes(png(size))
    ui_public = Path(__file__).resolve().parent.parent / "ui" / "public"
    ui_public.mkdir(parents=True, exist_ok=True)
    (ui_public / "icon.png").write_bytes(png(64))


if __name__ == "__main__":
    main()
