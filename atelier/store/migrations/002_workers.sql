-- The server processes of a deployment, each with the backend of its ownership connection: a process
-- is alive while that backend is, and serves the démarches whose advisory locks it holds.
CREATE TABLE workers (
    name         text PRIMARY KEY,
    backend_pid  integer NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now()
);
