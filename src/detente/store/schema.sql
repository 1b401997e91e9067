-- detente store schema, version 2 (see docs/store.md). Dates are ISO strings YYYY-MM-DD.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    url VARCHAR,
    source VARCHAR,
    title VARCHAR,
    published VARCHAR,
    language VARCHAR,
    text VARCHAR,
    duplicate_of VARCHAR,
    coded BOOLEAN
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR,
    sentence INTEGER,
    date VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    source_org VARCHAR,
    source_json VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_org VARCHAR,
    target_json VARCHAR,
    cameo VARCHAR,
    root VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    negated BOOLEAN,
    modality VARCHAR,
    evidence_json VARCHAR,
    quote_id VARCHAR,
    rule VARCHAR,
    confidence DOUBLE,
    coder_version VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY,
    article_id VARCHAR,
    text VARCHAR,
    direct BOOLEAN,
    start_char INTEGER,
    end_char INTEGER,
    cue VARCHAR,
    speaker_code VARCHAR,
    speaker_json VARCHAR
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id VARCHAR PRIMARY KEY,
    minhash BLOB
);
-- version 2: LSH band keys of the originals (ingest/dedup.py), for finding wire copies.
CREATE TABLE IF NOT EXISTS minhash_bands (
    key BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
