-- Displacement: a publish that takes plays from another organisation's booking must say why. The reason is
-- kept on the version it made; each booking that lost plays is kept beside it, with its owner, so the owner
-- sees it (booking page, versions list, dashboard notices) even after later versions change the plan.
ALTER TABLE schedule_version ADD COLUMN displacement_reason VARCHAR(1000);

CREATE TABLE schedule_displacement (
    version         BIGINT        NOT NULL,
    booking_id      VARCHAR(40)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    category        VARCHAR(16)   NOT NULL,
    owner_org       VARCHAR(200)  NOT NULL,
    -- The account that created the booking (booking.created_by): the person told.
    owner_user      VARCHAR(64)   NOT NULL,
    -- The first screen-local day (from the publish) on which it loses plays, summed over its screens.
    lost_on         DATE          NOT NULL,
    requested       INT           NOT NULL,
    planned         INT           NOT NULL,
    -- Plays this publish took (beyond what it already lost before): requested - planned at most.
    lost            INT           NOT NULL,
    -- Shortfall.Reason: OUTRANKED, SHARE_RESERVED or OVERBOOKED.
    reason          VARCHAR(32)   NOT NULL,
    PRIMARY KEY (version, booking_id)
);
CREATE INDEX schedule_displacement_owner ON schedule_displacement(owner_user, version);
CREATE INDEX schedule_displacement_booking ON schedule_displacement(booking_id, version);
