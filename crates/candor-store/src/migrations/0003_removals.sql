-- Candor project file, schema version 3: the removals log.
-- The Code of Practice lets providers leave security-sensitive or commercially sensitive
-- content out of the public summary. Each deliberate omission is recorded here: what was
-- left out, why, who decided and when, and optionally the source passage it comes from.
-- The log stays in the project file; it is never part of an export. A removal is never
-- deleted: when it no longer holds it is withdrawn (`withdrawn_at`).

CREATE TABLE removal (
    id TEXT NOT NULL PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document (id),
    what TEXT NOT NULL CHECK (length(what) > 0),
    why TEXT NOT NULL CHECK (why IN ('security', 'commercial', 'personal-data', 'other')),
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_by_role TEXT NOT NULL,
    decided_by_email TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    source_id TEXT,
    passage_id TEXT,
    withdrawn_at TEXT,
    CHECK (passage_id IS NULL OR source_id IS NOT NULL)
) STRICT;

CREATE INDEX removal_by_document ON removal (document_id, decided_at);
