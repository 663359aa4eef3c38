-- Local transcript import: how far each file has been read, so a re-import parses only appended bytes.
-- size and modified_at (epoch ms) are the file's values when byte_offset was recorded; byte_offset is the
-- end of the last complete line read.

CREATE TABLE transcript_files (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    path TEXT NOT NULL,
    size BIGINT NOT NULL,
    modified_at BIGINT NOT NULL,
    byte_offset BIGINT NOT NULL,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, path)
);
