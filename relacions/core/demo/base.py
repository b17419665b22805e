"""What every part of the demo loader shares: its error and its counts."""

from dataclasses import dataclass


class DemoContentError(Exception):
    """A demo file that cannot be loaded as written; the message names the file and the entry."""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.created + other.created, self.updated + other.updated)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated"
