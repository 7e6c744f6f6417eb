-- When the trouble behind an incident began, if before it was detected: an OFFLINE incident is opened three
-- missed heartbeats after the last one, and the screen was offline from that last heartbeat. NULL = opened_at.
-- The delivery reports count offline time from here.
ALTER TABLE incident ADD COLUMN began_at TIMESTAMP WITH TIME ZONE;
