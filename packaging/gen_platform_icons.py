#!/usr/bin/env python3
"""Write the installer icons that scripts/gen_icons.py does not: extra hicolor sizes for Linux
(64x64.png, 256x256.png), icon.ico for Windows (the .exe resource, MSI and NSIS) and icon.icns
for macOS (the .app and the DMG), all into src-tauri/icons/.

The pictures come from scripts/gen_icons.py's png() (same drawing at every size). Both container
formats hold plain PNGs (ICO with PNG entries: Windows Vista and later; ICNS icp4..ic09: macOS
10.7 and later). Standard library only:
    python3 packaging/gen_platform_icons.py
"""
import importlib.util
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "src-tauri" / "icons"


def load_gen_icons():
    spec = importlib.util.spec_from_file_location("gen_icons", ROOT / "scripts" / "gen_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ico(pngs):
    """pngs: [(size, png bytes)] -> .ico bytes with one PNG entry per size."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, data = b"", b""
    for size, blob in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return header + entries + data


def icns(pngs):
    """pngs: [(OSType, png bytes)] -> .icns bytes."""
    body = b"".join(kind + struct.pack(">I", 8 + len(blob)) + blob for kind, blob in pngs)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    gen = load_gen_icons()
    cache = {}

    def png(size):
        if size not in cache:
            cache[size] = gen.png(size)
        return cache[size]

    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "64x64.png").write_bytes(png(64))
    (ICONS / "256x256.png").write_bytes(png(256))
    (ICONS / "icon.ico").write_bytes(ico([(s, png(s)) for s in (16, 24, 32, 48, 64, 256)]))
    (ICONS / "icon.icns").write_bytes(icns([
        (b"icp4", png(16)), (b"icp5", png(32)), (b"icp6", png(64)),
        (b"ic07", png(128)), (b"ic08", png(256)), (b"ic09", png(512)),
    ]))


if __name__ == "__main__":
    main()
