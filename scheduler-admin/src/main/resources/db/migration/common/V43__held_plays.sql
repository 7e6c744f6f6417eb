-- How many proof-of-play records of an earlier screen a player holds and cannot upload (it was paired again
-- after its old token was revoked, and these plays started after that): shown as a HELD_PLAYS incident.
ALTER TABLE screen_status ADD COLUMN held_plays BIGINT;
