-- Candor project file, schema version 2: review.
-- Comments gain replies, suggested replacements and the quoted text with its context (so
-- that a comment can be found again after the text around it was edited); approvals of an
-- exact version (by its SHA-256); the history of each document's status; the review copies
-- sent to reviewers and when each was merged back.

ALTER TABLE comment ADD COLUMN reply_to TEXT;
ALTER TABLE comment ADD COLUMN quote TEXT;
ALTER TABLE comment ADD COLUMN quote_before TEXT;
ALTER TABLE comment ADD COLUMN quote_after TEXT;
ALTER TABLE comment ADD COLUMN suggestion TEXT;
ALTER TABLE comment ADD COLUMN decision TEXT CHECK (decision IN ('accepted', 'rejected'));
ALTER TABLE comment ADD COLUMN decided_at TEXT;
ALTER TABLE comment ADD COLUMN author_role TEXT NOT NULL DEFAULT '';
ALTER TABLE comment ADD COLUMN author_email TEXT NOT NULL DEFAULT '';

-- A reviewer's approval of one version; it holds for that exact text only.
CREATE TABLE approval (
    id TEXT NOT NULL PRIMARY KEY,
    document_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    reviewer TEXT NOT NULL,
    role TEXT NOT NULL,
    email TEXT NOT NULL,
    at TEXT NOT NULL,
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, number)
) STRICT;

CREATE INDEX approval_by_document ON approval (document_id, at);

-- Every change of a document's status: who, when, for which version, and why.
CREATE TABLE status_change (
    document_id TEXT NOT NULL REFERENCES document (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in-review', 'approved', 'published')),
    version INTEGER NOT NULL,
    by_name TEXT NOT NULL,
    by_role TEXT NOT NULL,
    by_email TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (document_id, seq),
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, number)
) STRICT;

-- Review copies sent from this project, and when each was last merged back.
CREATE TABLE review_copy (
    id TEXT NOT NULL PRIMARY KEY,
    document_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    merged_at TEXT,
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, number)
) STRICT;
