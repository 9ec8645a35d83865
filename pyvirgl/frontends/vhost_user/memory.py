"""Guest memory: the regions of a vhost-user memory table, mapped from their fds.

Two address spaces lead into the same mappings: guest-physical addresses
(what descriptors and virtio-gpu scatter lists carry) and the front-end's
user (virtual) addresses (what SET_VRING_ADDR carries). Every lookup checks
that the whole range lies inside mapped regions; a range that does not raises
`MemoryAccessError`, never touches memory outside a mapping.
"""
from __future__ import annotations

import bisect
import ctypes
import mmap
import os
from dataclasses import dataclass

from pyvirgl.frontends.vhost_user.protocol import MemRegion


class MemoryAccessError(Exception):
    """A guest-supplied address range is not (wholly) inside guest memory."""


@dataclass
class _Mapped:
    region: MemRegion
    mapping: mmap.mmap
    view: memoryview  # region.size bytes starting at the region's first byte
    fd: int           # our own duplicate: scattered backing is mapped again from it


PAGE = mmap.PAGESIZE
_libc = ctypes.CDLL(None, use_errno=True)
_libc.mmap.restype = ctypes.c_void_p
_libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
_libc.munmap.restype = ctypes.c_int
_libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_MAP_FAILED = ctypes.c_void_p(-1).value
_MAP_FIXED = 0x10
_MAP_ANONYMOUS = getattr(mmap, "MAP_ANONYMOUS", 0x20)


class ContiguousBacking:
    """A resource's scattered guest pages mapped again, side by side, at one address.

    The renderer treats a resource's backing as one buffer (vtest's shared memory): inline
    transfers, COPY_TRANSFER3D staging buffers and query results read and write it. Mapping the
    guest's pages from the memory fds into one reserved range gives that buffer with no copy, and
    writes land in the guest's pages."""

    def __init__(self, base: int, reserved: int, size: int) -> None:
        self._base = base
        self._reserved = reserved
        self.view: memoryview | None = memoryview((ctypes.c_ubyte * size).from_address(base)).cast("B")

    def close(self) -> None:
        if self.view is None:
            return
        self.view.release()
        self.view = None
        _libc.munmap(self._base, self._reserved)


class GuestMemory:
    def __init__(self) -> None:
        self._regions: list[_Mapped] = []
        self._by_gpa: list[_Mapped] = []
        self._gpa_starts: list[int] = []

    @classmethod
    def from_fds(cls, regions: list[MemRegion], fds: list[int]) -> "GuestMemory":
        """Map each region from its fd (the fds stay owned by the caller)."""
        if len(regions) != len(fds):
            raise MemoryAccessError(f"{len(regions)} regions but {len(fds)} file descriptors")
        mem = cls()
        try:
            for region, fd in zip(regions, fds):
                mem.add(region, fd)
        except BaseException:
            mem.close()
            raise
        return mem

    def add(self, region: MemRegion, fd: int) -> None:
        if region.size == 0 or region.size > 1 << 48 or region.mmap_offset > 1 << 48:
            raise MemoryAccessError(f"region of {region.size} bytes at offset {region.mmap_offset}")
        if region.guest_addr + region.size > 1 << 64 or region.user_addr + region.size > 1 << 64:
            raise MemoryAccessError("region wraps the address space")
        for other in self._regions:
            r = other.region
            if region.guest_addr < r.guest_addr + r.size and r.guest_addr < region.guest_addr + region.size:
                raise MemoryAccessError("overlapping guest regions")
        length = region.size + region.mmap_offset
        flags = mmap.MAP_SHARED | getattr(mmap, "MAP_NORESERVE", 0)
        try:
            mapping = mmap.mmap(fd, length, flags=flags, prot=mmap.PROT_READ | mmap.PROT_WRITE)
        except (OSError, ValueError, OverflowError) as err:
            raise MemoryAccessError(f"cannot map region: {err}") from None
        view = memoryview(mapping)[region.mmap_offset:length]
        mapped = _Mapped(region, mapping, view, os.dup(fd))
        self._regions.append(mapped)
        self._by_gpa = sorted(self._regions, key=lambda m: m.region.guest_addr)
        self._gpa_starts = [m.region.guest_addr for m in self._by_gpa]

    def remove(self, region: MemRegion) -> bool:
        for m in self._regions:
            r = m.region
            if (r.guest_addr, r.size, r.user_addr) == (region.guest_addr, region.size, region.user_addr):
                self._regions.remove(m)
                self._by_gpa = sorted(self._regions, key=lambda x: x.region.guest_addr)
                self._gpa_starts = [x.region.guest_addr for x in self._by_gpa]
                _unmap(m)
                return True
        return False

    @property
    def regions(self) -> list[MemRegion]:
        return [m.region for m in self._regions]

    def close(self) -> None:
        for m in self._regions:
            _unmap(m)
        self._regions = []
        self._by_gpa = []
        self._gpa_starts = []

    # -- lookups -----------------------------------------------------------------------

    def _find_gpa(self, addr: int) -> _Mapped | None:
        i = bisect.bisect_right(self._gpa_starts, addr) - 1
        if i >= 0:
            m = self._by_gpa[i]
            if addr < m.region.guest_addr + m.region.size:
                return m
        return None

    def gpa_view(self, addr: int, length: int) -> memoryview:
        """`length` bytes at guest-physical `addr`, which must lie inside one region."""
        m = self._find_gpa(addr)
        if m is None or length < 0:
            raise MemoryAccessError(f"guest address {addr:#x} is not in guest memory")
        off = addr - m.region.guest_addr
        if length > m.region.size - off:
            raise MemoryAccessError(f"{length} bytes at {addr:#x} run past the end of its region")
        return m.view[off:off + length]

    def gpa_views(self, addr: int, length: int) -> list[memoryview]:
        """A guest-physical range as views, split where it crosses into an adjacent region."""
        out: list[memoryview] = []
        if length < 0:
            raise MemoryAccessError("negative length")
        while length:
            m = self._find_gpa(addr)
            if m is None:
                raise MemoryAccessError(f"guest address {addr:#x} is not in guest memory")
            off = addr - m.region.guest_addr
            n = min(length, m.region.size - off)
            out.append(m.view[off:off + n])
            addr += n
            length -= n
        return out

    def map_contiguous(self, entries: list[tuple[int, int]]) -> ContiguousBacking | None:
        """The (guest address, length) entries as one contiguous view of the guest's own pages, or
        None when they cannot be mapped so (an entry not on page boundaries, or a region whose file
        offset is not page-aligned). The entries must already have been checked to lie in memory."""
        total = sum(length for _, length in entries)
        pieces: list[tuple[int, int, int]] = []  # (fd, file offset, length), merged where adjacent
        for i, (addr, length) in enumerate(entries):
            if addr % PAGE or (length % PAGE and i != len(entries) - 1):
                return None
            while length:
                m = self._find_gpa(addr)
                if m is None:
                    return None
                off = addr - m.region.guest_addr
                n = min(length, m.region.size - off)
                file_off = m.region.mmap_offset + off
                if file_off % PAGE:
                    return None
                if pieces and pieces[-1][0] == m.fd and pieces[-1][1] + pieces[-1][2] == file_off:
                    fd, start, size = pieces[-1]
                    pieces[-1] = (fd, start, size + n)
                else:
                    pieces.append((m.fd, file_off, n))
                addr += n
                length -= n
        reserved = -(-total // PAGE) * PAGE
        if reserved == 0:
            return None
        base = _libc.mmap(None, reserved, 0,  # PROT_NONE: a reservation only
                          mmap.MAP_PRIVATE | _MAP_ANONYMOUS | getattr(mmap, "MAP_NORESERVE", 0), -1, 0)
        if base in (None, _MAP_FAILED):
            return None
        pos = 0
        for fd, file_off, size in pieces:
            size = -(-size // PAGE) * PAGE
            got = _libc.mmap(base + pos, size, mmap.PROT_READ | mmap.PROT_WRITE, mmap.MAP_SHARED | _MAP_FIXED,
                             fd, file_off)
            if got != base + pos:
                _libc.munmap(base, reserved)
                return None
            pos += size
        return ContiguousBacking(base, reserved, total)

    def uva_view(self, addr: int, length: int) -> memoryview:
        """`length` bytes at front-end user address `addr` (vring addresses)."""
        for m in self._regions:
            r = m.region
            if r.user_addr <= addr < r.user_addr + r.size:
                off = addr - r.user_addr
                if length < 0 or length > r.size - off:
                    raise MemoryAccessError(f"{length} bytes at user address {addr:#x} run past its region")
                return m.view[off:off + length]
        raise MemoryAccessError(f"user address {addr:#x} is not in guest memory")

    def uva_to_gpa(self, addr: int) -> int:
        for m in self._regions:
            r = m.region
            if r.user_addr <= addr < r.user_addr + r.size:
                return addr - r.user_addr + r.guest_addr
        raise MemoryAccessError(f"user address {addr:#x} is not in guest memory")

    def read(self, addr: int, length: int) -> bytes:
        return b"".join(bytes(v) for v in self.gpa_views(addr, length))

    def write(self, addr: int, data: bytes) -> None:
        pos = 0
        for v in self.gpa_views(addr, len(data)):
            v[:] = data[pos:pos + len(v)]
            pos += len(v)


def _unmap(m: _Mapped) -> None:
    try:
        os.close(m.fd)
    except OSError:
        pass
    try:
        m.view.release()
    except BufferError:
        pass
    try:
        m.mapping.close()
    except BufferError:
        # A view handed out earlier is still alive; the mapping goes when it does.
        pass


def close_fds(fds: list[int]) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
