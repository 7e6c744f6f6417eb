-- Screens (videotrons): the playlists ScreenProfile plus what only the admin needs.
-- Operating hours, minimum shares and groups are kept in the same short text forms the screen form uses
-- (see screen/ScreenText.java), so a row reads like the form that wrote it.

CREATE TABLE screen (
    id              VARCHAR(64)   PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    location_text   VARCHAR(300)  NOT NULL,
    latitude        DOUBLE PRECISION NOT NULL,
    longitude       DOUBLE PRECISION NOT NULL,
    time_zone       VARCHAR(64)   NOT NULL,
    width_px        INTEGER       NOT NULL,
    height_px       INTEGER       NOT NULL,
    loop_seconds    INTEGER       NOT NULL,
    slot_seconds    INTEGER       NOT NULL,
    operating_hours VARCHAR(2000) NOT NULL,
    min_shares      VARCHAR(200)  NOT NULL,
    fit_mode        VARCHAR(16)   NOT NULL,
    audio           BOOLEAN       NOT NULL,
    screen_groups   VARCHAR(1000) NOT NULL,
    output_x        INTEGER,
    output_y        INTEGER,
    output_width    INTEGER,
    output_height   INTEGER,
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Counts edits: manifests and caches on every node compare it to notice a change.
    revision        BIGINT        NOT NULL DEFAULT 1
);
