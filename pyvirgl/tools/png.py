"""A minimal PNG writer and X screenshot reader (no imaging dependency needed)."""
from __future__ import annotations

import struct
import subprocess
import zlib

import numpy as np


def write_png(path: str, rgb: np.ndarray) -> None:
    """Write an (h, w, 3) uint8 array as an 8-bit RGB PNG."""
    with open(path, "wb") as out:
        out.write(encode_png(rgb))


def encode_png(rgb: np.ndarray, level: int = 6) -> bytes:
    """An (h, w, 3) uint8 array as the bytes of an 8-bit RGB PNG."""
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise ValueError("expected an (h, w, 3) uint8 array")
    h, w, _ = rgb.shape
    raw = np.concatenate([np.zeros((h, 1), np.uint8), rgb.reshape(h, w * 3)], axis=1).tobytes()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, level)) + chunk(b"IEND", b""))


def read_png_rgb(path: str) -> np.ndarray:
    """Read back a PNG written by write_png (8-bit RGB, filter 0 rows)."""
    data = open(path, "rb").read()
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h = struct.unpack_from(">II", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(h, 1 + 3 * w)
    return rows[:, 1:].reshape(h, w, 3).copy()


def screenshot(display: str) -> np.ndarray:
    """The root window of an X display as (h, w, 3) RGB, via xwd (TrueColor 24/32-bit)."""
    raw = subprocess.run(["xwd", "-root", "-silent", "-display", display],
                         check=True, stdout=subprocess.PIPE).stdout
    header = struct.unpack_from(">25I", raw)
    header_size, width, height = header[0], header[4], header[5]
    bits_per_pixel, bytes_per_line, ncolors = header[11], header[12], header[19]
    byte_order = header[7]  # 0 = LSBFirst
    if bits_per_pixel not in (24, 32):
        raise RuntimeError(f"unsupported xwd pixel size {bits_per_pixel}")
    size = bits_per_pixel // 8
    start = header_size + 12 * ncolors
    pixels = np.frombuffer(raw, np.uint8, count=height * bytes_per_line, offset=start)
    pixels = pixels.reshape(height, bytes_per_line)[:, :width * size].reshape(height, width, size)
    if byte_order == 0:  # B, G, R(, X) in memory
        return pixels[:, :, [2, 1, 0]].copy()
    return pixels[:, :, [size - 3, size - 2, size - 1]].copy()
