-- Staff acknowledge an incident (someone is on it) and may close it by hand, each with a note; both audited.
-- closed_by is NULL when the server closed it (the screen beat again, the media completed a play).
ALTER TABLE incident ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN acknowledged_by VARCHAR(64);
ALTER TABLE incident ADD COLUMN acknowledge_note VARCHAR(1000);
ALTER TABLE incident ADD COLUMN closed_by VARCHAR(64);
ALTER TABLE incident ADD COLUMN close_note VARCHAR(1000);

-- Plays that failed because of their media, apart from plays cut short for other reasons (a plan change, a
-- slot taken before the item had a picture): only these are "media errors" in the DPRD reports. NULL on rows
-- rolled up before this column existed; the rollup job recomputes those days (PlayRollup.run).
ALTER TABLE play_daily ADD COLUMN media_error_plays INTEGER;

-- Media errors opened from plays that were not media errors (the texts of playlists' Interruption, which the
-- server now ignores): close them, saying why. They would otherwise stay open for ever.
UPDATE incident SET closed_at = CURRENT_TIMESTAMP, open_flag = NULL, closed_by = 'system',
       close_note = 'Not a media error: the play was cut short by the player, not by its file (migration V49).'
WHERE kind = 'MEDIA_ERROR' AND open_flag = 1
  AND detail IN ('pre-empted: the plan changed', 'replaced before it was shown', 'skipped: the player fell behind',
                 'the sound device failed; continued with the video-only copy', 'the player stopped', 'no plan',
                 'the plan has nothing at this time');
