-- 1: the shop's books. Every row names its shop, so one server can keep a chain's shops apart.
-- `events` is the truth: each till's events under (till, seq), stored once; `sales` and
-- `refunds` are what the events say, kept up to date in the same transaction.

CREATE TABLE shops (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO shops (name) VALUES ('Shop');

CREATE TABLE tills (
    id BIGSERIAL PRIMARY KEY,
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    name TEXT NOT NULL,
    -- The one-time join code's hash, until the till joins (or it expires).
    join_code_hash TEXT UNIQUE,
    join_expires_at TIMESTAMPTZ,
    -- The till's token's hash; the token itself is only ever in the till's keychain.
    token_hash TEXT UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    joined_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    last_seen_at TIMESTAMPTZ,
    UNIQUE (shop_id, name)
);

CREATE TABLE events (
    -- The order events arrived in, for whoever follows them.
    id BIGSERIAL UNIQUE,
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    till_id BIGINT NOT NULL REFERENCES tills(id),
    seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- When the till recorded it, by the till's clock.
    at TIMESTAMPTZ NOT NULL,
    body JSONB NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Idempotency lives here: a (till, seq) is stored once, whoever sends it how often.
    PRIMARY KEY (till_id, seq)
);

-- A till offered a different event under a sequence number already stored (a journal
-- restored from an old backup, a copied data folder): kept here, never written over.
CREATE TABLE event_conflicts (
    id BIGSERIAL PRIMARY KEY,
    till_id BIGINT NOT NULL REFERENCES tills(id),
    seq BIGINT NOT NULL,
    stored_event_id TEXT NOT NULL,
    offered_event_id TEXT NOT NULL,
    offered JSONB NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sales (
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    till_id BIGINT NOT NULL REFERENCES tills(id),
    reference TEXT NOT NULL,
    payment_id TEXT,
    account TEXT,
    amount_cents BIGINT,
    description TEXT,
    pos_id TEXT,
    attempted_at TIMESTAMPTZ,
    status TEXT,
    -- How far along the status is (waiting 0, scanned 1, authorised 2, final 9): a status only
    -- moves forward, whatever order events arrive in.
    status_rank INT NOT NULL DEFAULT -1,
    tip_cents BIGINT,
    total_cents BIGINT,
    updated_at TIMESTAMPTZ,
    PRIMARY KEY (till_id, reference)
);
CREATE INDEX sales_shop_time ON sales (shop_id, attempted_at DESC, till_id DESC, reference DESC);
CREATE INDEX sales_payment ON sales (payment_id);

CREATE TABLE refunds (
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    till_id BIGINT NOT NULL REFERENCES tills(id),
    key TEXT NOT NULL,
    payment_id TEXT,
    amount_cents BIGINT,
    description TEXT,
    account TEXT,
    requested_at TIMESTAMPTZ,
    refund_id TEXT,
    status TEXT,
    updated_at TIMESTAMPTZ,
    PRIMARY KEY (till_id, key)
);
CREATE INDEX refunds_payment ON refunds (payment_id);
CREATE INDEX refunds_shop_time ON refunds (shop_id, requested_at DESC);

-- What managers and administrators did that reached the server.
CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    till_id BIGINT REFERENCES tills(id),
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
