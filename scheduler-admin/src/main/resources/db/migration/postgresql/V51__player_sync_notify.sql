-- Every node learns of a change (a publish, a revoked token, a closed stream, a screenshot request) at once, not
-- at its next one-second look at player_sync: PostgreSQL sends a notification at commit to the nodes that LISTEN
-- (player.ChangeListener). The look stays as the fallback when the listening connection is lost. H2 runs one node.
CREATE FUNCTION ihati_player_sync_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ihati_player_sync', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER player_sync_notify AFTER UPDATE ON player_sync
    FOR EACH STATEMENT EXECUTE FUNCTION ihati_player_sync_notify();
CREATE TRIGGER screenshot_request_notify AFTER INSERT ON screenshot_request
    FOR EACH STATEMENT EXECUTE FUNCTION ihati_player_sync_notify();
