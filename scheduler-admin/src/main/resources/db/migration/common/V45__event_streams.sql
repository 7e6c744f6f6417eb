-- The open event streams of the whole cluster, one row per stream, so all nodes agree on the limit of
-- event streams per device token (PlayerHub.MAX_STREAMS_PER_TOKEN): the newest win, the oldest are closed.
-- opened_seq orders the streams of one token; it is taken while the token's device_token row is locked.
CREATE TABLE event_stream (
    id              VARCHAR(36)   PRIMARY KEY,
    token_hash      VARCHAR(64)   NOT NULL,
    screen_id       VARCHAR(64)   NOT NULL,
    opened_seq      BIGINT        NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX event_stream_token ON event_stream(token_hash, opened_seq);
-- Row 3 counts closings of streams by the limit: every node then checks that its own streams still have a row.
INSERT INTO player_sync (id, generation) VALUES (3, 0);
