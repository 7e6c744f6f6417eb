-- Bookings (the editable working set), immutable published schedule versions, and alerts.
-- A booking's full specification (items, targets, weekdays, windows, frequency) is kept as the JSON of the
-- playlists Booking record, so the form, the snapshot and the manifest can never disagree about a field;
-- the columns beside it are what lists and jobs filter on.

CREATE TABLE booking (
    id              VARCHAR(40)   PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    category        VARCHAR(16)   NOT NULL,
    owner_org       VARCHAR(200)  NOT NULL,
    date_from       DATE          NOT NULL,
    date_to         DATE          NOT NULL,
    priority        INT           NOT NULL,
    spec            VARCHAR(20000) NOT NULL,
    -- DRAFT: new or changed since the last publish; PUBLISHED: live exactly as stored; WITHDRAWN: live, but
    -- removed at the next publish; ARCHIVED: not in the working set any more; ENDED: its last day has passed.
    status          VARCHAR(16)   NOT NULL,
    started         BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX booking_status ON booking(status, date_to);

-- One row per publish or rollback; never updated or deleted. The primary key on the version number is what
-- stops two editors publishing "version n+1" at once: the second insert fails and is told to review again.
CREATE TABLE schedule_version (
    version         BIGINT        PRIMARY KEY,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    VARCHAR(64)   NOT NULL,
    note            VARCHAR(1000) NOT NULL,
    rollback_of     BIGINT,
    snapshot        VARCHAR(1000000) NOT NULL
);

CREATE TABLE schedule_alert (
    id              VARCHAR(40)   PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    media_id        VARCHAR(100)  NOT NULL,
    targets         VARCHAR(4000) NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE,
    priority        INT           NOT NULL,
    -- SCHEDULED, ACTIVE, ENDED, CANCELLED: kept current by the boundary job so lists and ETags are right.
    state           VARCHAR(16)   NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_by    VARCHAR(64),
    cancelled_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX schedule_alert_state ON schedule_alert(state);
