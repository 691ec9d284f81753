"""Package attributes that import their module on first use (PEP 562), shared by ``readouts`` and ``comparisons``.

``lazy_exports(package, exports)`` takes ``{submodule: (name, ...)}`` and returns the ``__getattr__`` and
``__dir__`` a package's ``__init__`` assigns, so that ``from readouts import Library`` works while a command that
needs only the error types never pays for YAML, the segmenter or the engine.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable, Mapping, Sequence

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: Mapping[str, Sequence[str]]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    module_of = {name: module for module, names in exports.items() for name in names}
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value  # found directly next time, without this hook
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(module_of))

    return __getattr__, __dir__
