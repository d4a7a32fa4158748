"""supplint: regulatory and safety linter for supplement and nootropic articles."""

__version__ = "0.2.0"
