-- Candor project file, schema version 1.
-- Migrations are append-only: never edit this file once released; add 0002_….sql instead.

-- Imported technical documents: the original bytes and what the importer extracted
-- (`content`: serde JSON of candor_model::SourceContent). `original` comes last, so listing
-- sources never reads the large original bytes.
CREATE TABLE source (
    id TEXT NOT NULL PRIMARY KEY,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    section_count INTEGER NOT NULL CHECK (section_count >= 0),
    passage_count INTEGER NOT NULL CHECK (passage_count >= 0),
    page_count INTEGER CHECK (page_count >= 0),
    content TEXT NOT NULL,
    original BLOB NOT NULL
) STRICT;

CREATE INDEX source_by_sha256 ON source (sha256);

-- Full-text search over the passages of every source; written in the same transaction
-- as the source row (no triggers: triggers are disabled on every connection).
CREATE VIRTUAL TABLE passage_search USING fts5 (
    source_id UNINDEXED,
    passage_id UNINDEXED,
    page UNINDEXED,
    section,
    text,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Deleted passages leave no trace in the index.
INSERT INTO passage_search (passage_search, rank) VALUES ('secure-delete', 1);

-- Companion documents; their text lives in document_version.
CREATE TABLE document (
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- Every explicit save, export, restore and import of a document; never rewritten.
CREATE TABLE document_version (
    document_id TEXT NOT NULL REFERENCES document (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('save', 'export', 'restore', 'import')),
    note TEXT NOT NULL,
    restored_from INTEGER,
    byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    text TEXT NOT NULL,
    PRIMARY KEY (document_id, number),
    FOREIGN KEY (document_id, restored_from) REFERENCES document_version (document_id, number),
    CHECK ((kind = 'restore') = (restored_from IS NOT NULL))
) STRICT;

-- The working text of a document between saves (one row per document), for crash recovery.
CREATE TABLE autosave (
    document_id TEXT NOT NULL PRIMARY KEY REFERENCES document (id),
    based_on INTEGER NOT NULL,
    at TEXT NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (document_id, based_on) REFERENCES document_version (document_id, number)
) STRICT;

-- Project settings (branding and others), key -> value.
CREATE TABLE setting (
    key TEXT NOT NULL PRIMARY KEY,
    value ANY NOT NULL
) STRICT;

-- Review comments on a version of a document, anchored to a byte range of its text, to a
-- source passage, or to the whole document.
CREATE TABLE comment (
    id TEXT NOT NULL PRIMARY KEY,
    document_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    anchor_start INTEGER,
    anchor_end INTEGER,
    anchor_source TEXT,
    anchor_passage TEXT,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, number),
    CHECK ((anchor_start IS NULL) = (anchor_end IS NULL)),
    CHECK (anchor_start IS NULL OR (anchor_start >= 0 AND anchor_start <= anchor_end)),
    CHECK ((anchor_source IS NULL) = (anchor_passage IS NULL)),
    CHECK (anchor_start IS NULL OR anchor_source IS NULL)
) STRICT;

CREATE INDEX comment_by_document ON comment (document_id, created_at);
