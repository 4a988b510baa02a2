"""Atelier: live facilitation of a démarche « politique sociale intercommunale »."""

__version__ = "0.1.0"
