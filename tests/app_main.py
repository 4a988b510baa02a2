"""The app as NiceGUI's `user` fixture starts it: data dir and token come from the test's environment."""

import os
from pathlib import Path

from nicegui import ui

from atelier import app
from atelier.config import AppConfig

config = AppConfig.from_data_dir(Path(os.environ["ATELIER_TEST_DATA_DIR"]), "http://192.168.1.20:8080")
app.build(config)
ui.run(storage_secret=config.storage_secret, language="fr", reload=False, show=False)
