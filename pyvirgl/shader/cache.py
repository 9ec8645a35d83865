"""A bounded LRU cache of translations keyed by (text, key, host caps).

Guests re-create identical shaders constantly (one per context, per variant);
translating is pure, so results can be shared. Failures are cached too, as
the same ShaderError, so a guest resending bad text costs a dict lookup.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from .errors import ShaderError
from .glsl.key import HostShaderCaps, ShaderKey
from .glsl.result import TranslatedShader


class TranslationCache:
    def __init__(self, max_entries: int = 512) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, TranslatedShader | ShaderError] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def translate(self, text: str, key: ShaderKey, host: HostShaderCaps) -> TranslatedShader:
        from . import translate  # late import: the package imports this module
        cache_key = (text, key, host)
        with self._lock:
            found = self._entries.get(cache_key)
            if found is not None:
                self._entries.move_to_end(cache_key)
                self.hits += 1
        if found is None:
            self.misses += 1
            try:
                found = translate(text, key, host)
            except ShaderError as err:
                found = err
            with self._lock:
                self._entries[cache_key] = found
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        if isinstance(found, ShaderError):
            raise ShaderError(found.reason)
        return found

    def __len__(self) -> int:
        return len(self._entries)
