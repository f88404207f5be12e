-- The sourcetrace corpus store (DuckDB), schema version 1; documented in docs/store.md.
-- One table per layer of the Article, keyed by article_id (= documents.id). Offsets are Python str
-- indices into the article text, which is not stored: each span's text is stored beside it.
-- "references" and "end" are SQL keywords, so the table is quoted and offsets are *_start/*_end.
-- Every statement is idempotent: the file is run on every open.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row per audited article; an input is either here or in failures, never both.
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,        -- the input's id: file path, JSONL "id", or WARC-Record-ID
    source VARCHAR,                -- where it was read from: a path, "file.jsonl:12", "crawl.warc.gz"
    url VARCHAR,
    site VARCHAR,                  -- host name (from the input's metadata, the page, or the URL)
    title VARCHAR,
    authors VARCHAR[],
    date VARCHAR,                  -- ISO 8601 publication date, partial allowed ("2010-11")
    section VARCHAR[],
    format VARCHAR,                -- text | html
    language VARCHAR,
    n_chars INTEGER,
    n_attributions INTEGER,
    n_speakers INTEGER,
    n_references INTEGER,
    n_findings INTEGER,
    audited_at TIMESTAMP,          -- UTC
    schema_version INTEGER
);

CREATE TABLE IF NOT EXISTS regions (
    article_id VARCHAR NOT NULL,
    kind VARCHAR,                  -- title | byline | breadcrumb | body | chrome | references | dateline
    label VARCHAR,
    region_start INTEGER,
    region_end INTEGER
);

CREATE TABLE IF NOT EXISTS attributions (
    article_id VARCHAR NOT NULL,
    id VARCHAR,                    -- "q1", "q2", ... in document order
    kind VARCHAR,                  -- direct | indirect | mixed
    speaker_id VARCHAR,            -- speakers.id in the same article
    speaker VARCHAR,               -- the speaker's canonical name
    source_text VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    cue_text VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    content_text VARCHAR,          -- content spans joined with " … " when interrupted
    content_start INTEGER,         -- first content offset
    content_end INTEGER,           -- last content offset
    content_starts INTEGER[],      -- every content span
    content_ends INTEGER[],
    n_words INTEGER,               -- words in the content
    confidence DOUBLE,
    method VARCHAR                 -- rules | crf | ...
);

CREATE TABLE IF NOT EXISTS speakers (
    article_id VARCHAR NOT NULL,
    id VARCHAR,                    -- "s1", ... in order of first mention
    name VARCHAR,                  -- canonical (fullest) name in this article
    kind VARCHAR,                  -- person | organization | group | unknown
    aliases VARCHAR[],             -- distinct texts of its mentions ("Disney", "Patrick Disney", "he")
    n_mentions INTEGER,
    n_attributions INTEGER
);

CREATE TABLE IF NOT EXISTS "references" (
    article_id VARCHAR NOT NULL,
    id VARCHAR,                    -- "r1", ...
    label VARCHAR,                 -- the number it is cited by, NULL when unnumbered
    kind VARCHAR,                  -- note | hyperlink
    raw VARCHAR,
    ref_start INTEGER,
    ref_end INTEGER,
    authors VARCHAR[],             -- "Family, Given"
    title VARCHAR,
    container VARCHAR,
    publisher VARCHAR,
    date VARCHAR,
    accessed VARCHAR,
    doi VARCHAR,
    type VARCHAR,
    urls VARCHAR[],
    url_statuses VARCHAR[]         -- parallel to urls: ok | truncated | malformed | dead | ...
);

CREATE TABLE IF NOT EXISTS markers (
    article_id VARCHAR NOT NULL,
    id VARCHAR,                    -- "m1", ...
    label VARCHAR,                 -- "2"
    marker_start INTEGER,
    marker_end INTEGER,
    reference VARCHAR              -- references.id, NULL for an orphan marker
);

CREATE TABLE IF NOT EXISTS links (
    article_id VARCHAR NOT NULL,
    attribution VARCHAR,           -- attributions.id, NULL for a cited claim with no quotation
    reference VARCHAR,
    marker VARCHAR,
    method VARCHAR,                -- marker | hyperlink | speaker | inherited
    confidence DOUBLE,
    claim_start INTEGER,
    claim_end INTEGER
);

CREATE TABLE IF NOT EXISTS findings (
    article_id VARCHAR NOT NULL,
    code VARCHAR,                  -- stable slug, see docs/checks.md
    severity VARCHAR,              -- info | warning | error
    message VARCHAR,
    attribution_ids VARCHAR[],
    reference_ids VARCHAR[],
    marker_ids VARCHAR[],
    evidence_text VARCHAR,         -- the first evidence span's text
    evidence_starts INTEGER[],
    evidence_ends INTEGER[]
);

-- Inputs we could not audit (batch mode): recorded, never raised.
CREATE TABLE IF NOT EXISTS failures (
    doc_id VARCHAR PRIMARY KEY,
    stage VARCHAR,                 -- read | ingest | pipeline | worker
    code VARCHAR,                  -- e.g. empty, binary, timeout, worker-crashed, internal
    message VARCHAR,
    digest VARCHAR,                -- short traceback digest
    failed_at TIMESTAMP            -- UTC
);

-- A cache for --check-links: one row per URL, newest check wins.
CREATE TABLE IF NOT EXISTS url_checks (
    url VARCHAR PRIMARY KEY,
    status VARCHAR,                -- live | redirected | dead | blocked | unknown
    final_url VARCHAR,
    http_status INTEGER,
    reason VARCHAR,
    checked_at TIMESTAMP
);
