-- One row per démarche: its latest snapshot and its durable version; the changes made since the
-- snapshot are rows of `journal`, appended in the same transaction that moves `version` on.
CREATE TABLE sessions (
    code        text PRIMARY KEY,
    snapshot    jsonb NOT NULL,
    version     integer NOT NULL,          -- the snapshot's version, or its last journal row's
    territory   text NOT NULL DEFAULT '',
    created_at  text NOT NULL DEFAULT '',  -- as the session says it (ISO 8601), for the home page's order
    updated_at  timestamptz NOT NULL DEFAULT now(),
    owner       text                       -- the server process serving it now (its lock decides)
);
CREATE INDEX sessions_by_creation ON sessions (created_at DESC);

CREATE TABLE journal (
    code    text NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
    v       integer NOT NULL,
    at      text NOT NULL,
    change  jsonb NOT NULL,
    PRIMARY KEY (code, v)
);

-- A démarche that could not be read, moved out of the way with the reason (never deleted).
CREATE TABLE set_aside (
    id        bigserial PRIMARY KEY,
    code      text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    reason    text NOT NULL,
    snapshot  jsonb,
    journal   jsonb
);
