-- Issue 14 part 6: a player that sees its own picture black while content should show, or frozen while the video
-- runs, says so in each heartbeat until the picture is back: BLACK or FROZEN, the media that should show, since
-- when. NULL while the picture is fine (and for players before this). Shown as BLACK_PICTURE / FROZEN_PICTURE
-- incidents.
ALTER TABLE screen_status ADD COLUMN picture_fault VARCHAR(16);
ALTER TABLE screen_status ADD COLUMN picture_media VARCHAR(128);
ALTER TABLE screen_status ADD COLUMN picture_since TIMESTAMP WITH TIME ZONE;
