"""Exports of a session: the restitution document (DOCX), a CSV of contributions, a JSON archive.

Every export is a pure function of a `Session`: no NiceGUI, no storage, no clock. Pages and the CLI
call `render` (see `formats.py`), pages off the event loop.
"""
