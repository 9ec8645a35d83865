"""Resources: validated templates, their level layout and guest transfers.

A resource's bytes live in a `Storage`. Host-memory storage is what backs
resources that never reach GL (fence buffers, staging) and every resource
until the GL storage of the backend takes over; the transfer checks here are
the same for both, so no storage ever sees a box that was not checked.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.types import Box, ResourceTemplate

# Gallium texture targets (pipe_texture_target).
BUFFER, TEX_1D, TEX_2D, TEX_3D, CUBE, RECT, TEX_1D_ARRAY, TEX_2D_ARRAY, CUBE_ARRAY = range(9)
TARGET_NAMES = ("BUFFER", "1D", "2D", "3D", "CUBE", "RECT", "1D_ARRAY", "2D_ARRAY", "CUBE_ARRAY")


@dataclass(frozen=True)
class Limits:
    """Sizes a guest may ask for; from the host's GL limits and our own memory policy."""
    max_texture_size: int = 16384
    max_3d_size: int = 2048
    max_cube_size: int = 16384
    max_array_layers: int = 2048
    max_samples: int = 4
    max_buffer_size: int = 1 << 30
    max_resource_bytes: int = 1 << 30
    max_total_bytes: int = 4 << 30


@dataclass(frozen=True)
class LevelLayout:
    """Where one mip level sits in a packed copy of the resource (Mesa's own packing)."""
    offset: int
    width: int
    height: int
    depth: int  # depth for 3D, layers (faces) otherwise
    stride: int
    layer_stride: int

    @property
    def size(self) -> int:
        return self.layer_stride * self.depth


def _minify(size: int, level: int) -> int:
    return max(1, size >> level)


class Layout:
    """The packed layout of every level, and the checks every transfer goes through."""

    def __init__(self, template: ResourceTemplate) -> None:
        self.template = template
        self.format = formats.info(template.format)
        self.block_w, self.block_h, self.block_bytes = (
            self.format.block_width, self.format.block_height, self.format.block_bytes)
        self.levels: list[LevelLayout] = []
        offset = 0
        for level in range(template.last_level + 1):
            w = _minify(template.width, level)
            h = _minify(template.height, level)
            d = _minify(template.depth, level) if template.target == TEX_3D else template.array_size
            stride = self.row_bytes(w)
            layer_stride = stride * self.rows(h)
            self.levels.append(LevelLayout(offset, w, h, d, stride, layer_stride))
            offset += layer_stride * d
        self.total_size = offset

    def row_bytes(self, width: int) -> int:
        return -(-width // self.block_w) * self.block_bytes

    def rows(self, height: int) -> int:
        return -(-height // self.block_h)

    def check_box(self, command: str, level: int, box: Box) -> LevelLayout:
        if level >= len(self.levels):
            raise GuestError(command, f"level {level} beyond last level {len(self.levels) - 1}")
        lv = self.levels[level]
        for name, origin, extent, limit in (("x", box.x, box.width, lv.width),
                                           ("y", box.y, box.height, lv.height),
                                           ("z", box.z, box.depth, lv.depth)):
            if extent <= 0 or origin >= limit or origin + extent > limit:
                raise GuestError(command, f"box {name}={origin}+{extent} outside level {level} extent {limit}")
        if box.x % self.block_w or box.y % self.block_h:
            raise GuestError(command, "box origin not aligned to the format's blocks")
        return lv

    def transfer_strides(self, command: str, level: int, box: Box,
                         stride: int, layer_stride: int) -> tuple[int, int, int]:
        """The (stride, layer_stride, byte size) a guest buffer needs for this box; 0 strides mean natural."""
        t = self.template
        try:
            tl = formats.transfer_layout(self.format, t.width, t.height, level, box.width, box.height,
                                         box.depth, stride, layer_stride)
        except formats.FormatError as err:
            raise GuestError(command, str(err)) from None
        return tl.stride, tl.layer_stride, tl.size


def normalize_template(t: ResourceTemplate) -> ResourceTemplate:
    """Gallium leaves depth and array_size at 0 where they mean 1 (Mesa's fence buffers do)."""
    if t.depth and t.array_size:
        return t
    return dataclasses.replace(t, depth=max(t.depth, 1), array_size=max(t.array_size, 1))


def validate_template(t: ResourceTemplate, limits: Limits, command: str) -> None:
    """Refuse any template Gallium could not have made, before any memory is committed."""
    if t.handle == 0:
        raise GuestError(command, "resource handle 0 is reserved")
    if t.target >= len(TARGET_NAMES):
        raise GuestError(command, f"unknown texture target {t.target}")
    try:
        fmt = formats.info(t.format)
    except formats.FormatError:
        raise GuestError(command, f"unknown format {t.format}") from None
    if fmt.planar or fmt.block_bytes == 0:
        raise GuestError(command, f"format {fmt.name} cannot back a resource here")
    if min(t.height, t.depth, t.array_size) < 1 or (t.width < 1 and t.target != BUFFER):
        raise GuestError(command, "zero-sized resource")
    target = t.target
    if target == BUFFER:
        if (t.height, t.depth, t.array_size, t.last_level) != (1, 1, 1, 0) or t.width > limits.max_buffer_size:
            raise GuestError(command, f"buffer of {t.width}x{t.height}x{t.depth} is not a valid buffer")
    if target in (TEX_1D, TEX_1D_ARRAY) and t.height != 1:
        raise GuestError(command, "1D texture with height > 1")
    if target != TEX_3D and t.depth != 1:
        raise GuestError(command, f"{TARGET_NAMES[target]} texture with depth {t.depth}")
    if target in (BUFFER, TEX_1D, TEX_2D, TEX_3D, RECT) and t.array_size != 1:
        raise GuestError(command, f"{TARGET_NAMES[target]} texture with {t.array_size} layers")
    if target == CUBE and (t.array_size != 6 or t.width != t.height):
        raise GuestError(command, "cube map must be square with 6 faces")
    if target == CUBE_ARRAY and (t.array_size % 6 or t.width != t.height):
        raise GuestError(command, "cube map array needs square faces and a multiple of 6 layers")
    if target != BUFFER:
        biggest = limits.max_3d_size if target == TEX_3D else (
            limits.max_cube_size if target in (CUBE, CUBE_ARRAY) else limits.max_texture_size)
        if max(t.width, t.height, t.depth) > biggest:
            raise GuestError(command, f"{t.width}x{t.height}x{t.depth} exceeds the host limit {biggest}")
        if t.array_size > limits.max_array_layers:
            raise GuestError(command, f"{t.array_size} layers exceed the host limit {limits.max_array_layers}")
    if target == RECT and t.last_level != 0:
        raise GuestError(command, "rectangle textures have no mipmaps")
    if t.last_level >= 1 and (1 << t.last_level) > max(t.width, t.height, t.depth if target == TEX_3D else 1):
        raise GuestError(command, f"last level {t.last_level} beyond the mip chain")
    if t.nr_samples > 1 and (t.nr_samples > limits.max_samples or t.last_level or
                             target not in (TEX_2D, TEX_2D_ARRAY)):
        raise GuestError(command, f"{t.nr_samples} samples not possible for this resource")


class Storage(Protocol):
    def write(self, level: int, box: Box, src: np.ndarray) -> None: ...
    def read(self, level: int, box: Box) -> np.ndarray: ...
    def release(self) -> None: ...


class HostMemoryStorage:
    """A packed copy of the resource in host memory; new resources read back as zeros."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.data = np.zeros(layout.total_size, dtype=np.uint8)

    def _view(self, level: int, box: Box) -> np.ndarray:
        lo = self.layout
        lv = lo.levels[level]
        plane = self.data[lv.offset:lv.offset + lv.size].reshape(lv.depth, lo.rows(lv.height), lv.stride)
        y0, x0 = box.y // lo.block_h, box.x // lo.block_w * lo.block_bytes
        return plane[box.z:box.z + box.depth, y0:y0 + lo.rows(box.height), x0:x0 + lo.row_bytes(box.width)]

    def write(self, level: int, box: Box, src: np.ndarray) -> None:
        self._view(level, box)[...] = src

    def read(self, level: int, box: Box) -> np.ndarray:
        return self._view(level, box).copy()

    def release(self) -> None:
        self.data = np.zeros(0, dtype=np.uint8)


def strided_view(buf: memoryview, offset: int, layout: Layout, box: Box,
                 stride: int, layer_stride: int) -> np.ndarray:
    """The guest's box in `buf` as a (layers, rows, row_bytes) array, without copying."""
    rows, row_bytes = layout.rows(box.height), layout.row_bytes(box.width)
    base = np.frombuffer(buf, dtype=np.uint8)
    return np.lib.stride_tricks.as_strided(
        base[offset:], shape=(box.depth, rows, row_bytes), strides=(layer_stride, stride, 1),
        writeable=base.flags.writeable)


class Resource:
    def __init__(self, template: ResourceTemplate, layout: Layout, storage: Storage) -> None:
        self.template = template
        self.layout = layout
        self.storage = storage
        self.backing: memoryview | None = None
        self.backing_size = 0
        self.refs = 1

    @property
    def handle(self) -> int:
        return self.template.handle
