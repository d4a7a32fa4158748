"""`cached_property` without a lock.

Python 3.11's `functools.cached_property` takes an `RLock` on every first read (3.12 dropped
it): sentences are read once each by many rules, so the lock was ~2.5 us of ~3 on 80,000 reads
per 100 articles. Nothing here is read from two threads at once (one file, one thread), and a
race would only compute the same value twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    """Computed on first read, then kept in the instance's `__dict__`, which shadows this
    non-data descriptor: later reads never reach `__get__`."""

    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
