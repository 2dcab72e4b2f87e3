"""crosscheck: finds claims that contradict each other across news articles about one event."""

__version__ = "0.1.0"
