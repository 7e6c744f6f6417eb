-- Proof of play that cannot be rewritten (docs/player-api.md, "Anchored and signed records").

-- The Ed25519 public key a player made at pairing (X.509, base64), kept with its request and then with the
-- device token it collects: records uploaded under that token must be signed with the matching private key.
-- NULL for players paired before keys existed: their records are accepted unsigned and marked so in reports.
ALTER TABLE pairing_request ADD COLUMN public_key VARCHAR(200);
ALTER TABLE device_token ADD COLUMN public_key VARCHAR(200);

-- The record's signature (base64) as verified at upload; NULL when its player has no key.
ALTER TABLE play_record ADD COLUMN signature VARCHAR(200);

-- Every head the server acknowledged: after each accepted batch that extended the screen's unbroken chain,
-- the seq and hash it now ends with. A record that contradicts one of them is refused; records after a
-- screen's newest head (behind a gap or a broken link) are shown as unanchored.
CREATE TABLE play_anchor (
    screen_id       VARCHAR(64)   NOT NULL,
    seq             BIGINT        NOT NULL,
    hash            VARCHAR(64)   NOT NULL,
    anchored_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (screen_id, seq)
);

-- How many of a screen's records were accepted without a signature (from a player paired without a key),
-- counted as they are stored so reports need not read the records.
CREATE TABLE play_unsigned (
    screen_id       VARCHAR(64)   PRIMARY KEY,
    records         BIGINT        NOT NULL
);

-- Records acknowledged before this version were acknowledged all the same: each screen's chain is anchored at
-- its newest hashed record (gaps and edits found earlier stay listed as chain problems), and every one of
-- them is unsigned.
INSERT INTO play_anchor (screen_id, seq, hash, anchored_at)
SELECT p.screen_id, p.seq, MIN(p.hash), CURRENT_TIMESTAMP
FROM play_record p
JOIN (SELECT screen_id, MAX(seq) AS top FROM play_record WHERE hash IS NOT NULL GROUP BY screen_id) m
  ON m.screen_id = p.screen_id AND m.top = p.seq
WHERE p.hash IS NOT NULL
GROUP BY p.screen_id, p.seq;

INSERT INTO play_unsigned (screen_id, records)
SELECT screen_id, COUNT(*) FROM play_record GROUP BY screen_id;
