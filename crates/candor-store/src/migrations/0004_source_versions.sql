-- Candor project file, schema version 4: source versions.
-- When a source is imported again with new content (same id), the content it had is kept, so
-- that documents citing it can be told what changed; and each author's confirmation that a
-- citation still holds against a given version of its source.

CREATE TABLE source_version (
    source_id TEXT NOT NULL REFERENCES source (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    replaced_at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    content TEXT NOT NULL,
    PRIMARY KEY (source_id, number)
) STRICT;

CREATE TABLE citation_check (
    document_id TEXT NOT NULL REFERENCES document (id),
    source_id TEXT NOT NULL,
    passage_id TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    confirmed_by TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (document_id, source_id, passage_id, sha256)
) STRICT;
