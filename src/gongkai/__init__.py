"""Gongkai (公开): government affairs openness platform."""

__version__ = "0.1.0"
