"""The démarche as plain Python: no web framework, no database."""
