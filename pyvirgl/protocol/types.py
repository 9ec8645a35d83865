"""Plain values shared by every transport and the renderer API."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A region of one mip level: x/y/z origin and extent (z is depth or first layer)."""
    x: int
    y: int
    z: int
    width: int
    height: int
    depth: int


@dataclass(frozen=True)
class ResourceTemplate:
    """A Gallium resource description, as RESOURCE_CREATE and virtio-gpu's CREATE_3D carry it."""
    handle: int
    target: int
    format: int
    bind: int
    width: int
    height: int
    depth: int
    array_size: int
    last_level: int
    nr_samples: int
