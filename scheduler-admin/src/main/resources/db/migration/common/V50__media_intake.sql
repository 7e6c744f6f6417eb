-- Media intake (issue 13): every video uploaded while ffmpeg is present gets one row. Videos that need
-- converting keep their original here; media.sha256 points at the original until the conversion succeeded,
-- then at the converted file. Posters and thumbnail strips are made for every video.
CREATE TABLE media_intake (
    media_id        VARCHAR(40)  PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
    original_sha256 VARCHAR(64)  NOT NULL,
    original_size   BIGINT       NOT NULL,
    converts        BOOLEAN      NOT NULL,             -- FALSE: plays as uploaded, only poster and strip
    reasons         VARCHAR(300) NOT NULL,             -- why it is converted: IntakePlan.Reason names, comma-separated
    state           VARCHAR(10)  NOT NULL,             -- QUEUED, RUNNING, DONE, FAILED
    percent         INT          NOT NULL DEFAULT 0,
    failure_detail  VARCHAR(1000),                     -- the end of ffmpeg's message, for staff
    poster_sha256   VARCHAR(64),
    strip_sha256    VARCHAR(64),
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX media_intake_state ON media_intake(state, queued_at);
CREATE INDEX media_intake_original ON media_intake(original_sha256);
