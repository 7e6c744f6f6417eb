-- Which files each screen's manifests named, and when last: a player may fetch a file of its current manifest, and
-- for ManifestService.FILE_GRACE (24 h) the files of a manifest that replaced it. Kept in the database so that every
-- node behind a load balancer answers the same (it was a per-node map in memory: a node that had not built the
-- older manifest answered 404 to a player still downloading or playing it).
CREATE TABLE device_file (
    screen_id       VARCHAR(64)  NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    last_named      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (screen_id, sha256)
);
CREATE INDEX device_file_last_named ON device_file(last_named);
