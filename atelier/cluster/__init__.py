"""Several server processes over one PostgreSQL database, behind nginx: one démarche is served by
one process at a time (see the README's « Déploiement pour plusieurs territoires »)."""

import re

WORKER_NAME = re.compile(r"^w[0-9]{1,3}$")  # also the path prefix its pages use: /w2/…
