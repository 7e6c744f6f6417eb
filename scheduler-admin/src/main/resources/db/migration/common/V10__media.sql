-- The content library: uploaded videos and images, slides, their approval and their derived files.
-- Files live in <data>/media/<sha256>; rows point at them by SHA-256.

CREATE TABLE media (
    id              VARCHAR(40)  PRIMARY KEY,
    kind            VARCHAR(8)   NOT NULL,             -- VIDEO, IMAGE, SLIDE
    title           VARCHAR(200) NOT NULL,
    owner_org       VARCHAR(200) NOT NULL,
    category        VARCHAR(8)   NOT NULL,             -- HEALTH, CITY
    tags            VARCHAR(1000) NOT NULL,            -- ",dbd,gizi," so one tag matches with LIKE '%,dbd,%'
    status          VARCHAR(10)  NOT NULL,             -- PENDING, APPROVED, REJECTED
    reject_reason   VARCHAR(1000),
    valid_from      TIMESTAMP WITH TIME ZONE,
    valid_until     TIMESTAMP WITH TIME ZONE,
    display_seconds INT          NOT NULL,             -- how long an image or slide is shown
    sha256          VARCHAR(64),                       -- uploads only; NULL for slides
    size_bytes      BIGINT,
    content_type    VARCHAR(64),
    duration_ms     BIGINT,
    width           INT,
    height          INT,
    video_codec     VARCHAR(16),
    has_audio       BOOLEAN      NOT NULL DEFAULT FALSE,
    video_only_sha256 VARCHAR(64),
    video_only_size BIGINT,
    original_name   VARCHAR(255),
    slide_title     VARCHAR(200),
    slide_text      VARCHAR(2000),
    slide_background VARCHAR(7),
    slide_foreground VARCHAR(7),
    slide_qr_url    VARCHAR(500),
    created_by      VARCHAR(64)  NOT NULL,
    created_role    VARCHAR(32)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMP WITH TIME ZONE
);
-- One row per content: the same file uploaded twice is found, not stored twice.
CREATE UNIQUE INDEX media_sha256 ON media(sha256);
CREATE INDEX media_status ON media(status, category);

-- A slide rendered at one screen resolution; dropped (and its file purged later) when the slide changes.
CREATE TABLE slide_rendition (
    media_id        VARCHAR(40)  NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    width           INT          NOT NULL,
    height          INT          NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (media_id, width, height)
);
CREATE INDEX slide_rendition_sha ON slide_rendition(sha256);

-- Stored files no row refers to, and since when; the purge job deletes them after a grace period.
CREATE TABLE media_orphan (
    sha256          VARCHAR(64)  PRIMARY KEY,
    since           TIMESTAMP WITH TIME ZONE NOT NULL
);
