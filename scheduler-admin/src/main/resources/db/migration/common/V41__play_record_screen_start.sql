-- Proof of play of one screen over a time range: the rollup job (PlayRollup, a screen-day at a time), the
-- delivery report's count of the days not rolled up yet, the dashboard's counts. Without it each such query
-- read every screen's records of the range (play_record_start) or the screen's whole history (screen_seq):
-- at 100 screens x 30 days the rollup read about a billion rows.
CREATE INDEX play_record_screen_start ON play_record(screen_id, actual_start);
