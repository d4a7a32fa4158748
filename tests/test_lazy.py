"""lint.lazy.cached_property: the drop-in for functools.cached_property, without its lock."""

from lint.lazy import cached_property


class Counted:
    def __init__(self) -> None:
        self.calls = 0

    @cached_property
    def value(self) -> int:
        """The docstring is kept."""
        self.calls += 1
        return self.calls * 10


def test_computed_once_then_read_from_the_instance() -> None:
    item = Counted()
    assert (item.value, item.value, item.calls) == (10, 10, 1)
    assert item.__dict__["value"] == 10  # later reads never reach the descriptor


def test_each_instance_has_its_own_value() -> None:
    first, second = Counted(), Counted()
    first.calls = 4
    assert (first.value, second.value) == (50, 10)


def test_class_access_gives_the_descriptor() -> None:
    assert isinstance(Counted.value, cached_property)
    assert Counted.value.__doc__ == "The docstring is kept."


def test_deleting_recomputes() -> None:
    item = Counted()
    assert item.value == 10
    del item.value
    assert item.value == 20
