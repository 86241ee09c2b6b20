-- 3: the provider's callbacks. Each verified callback is kept before it is answered (also one
-- for a payment no till has reported yet); `payment_status` holds the furthest status known
-- per payment (a status only moves forward); tills follow `callbacks` by its `id`.

-- The payment profiles whose callbacks are the shop's (the signature's `sub`): announced by
-- the shop's tills, or added with `kassa-server profile add`.
CREATE TABLE payment_profiles (
    profile_id TEXT PRIMARY KEY,
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    added_by TEXT NOT NULL,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Taken under the shop's advisory lock, so ids are committed in order: a till reading past id
-- N never misses a smaller one committed later.
CREATE SEQUENCE callback_ids;

CREATE TABLE callbacks (
    id BIGINT PRIMARY KEY,
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    -- Replays are refused by this key; the provider's own retry (the same signature) is
    -- answered 200 and stored once.
    jti TEXT NOT NULL UNIQUE,
    signature TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    status TEXT NOT NULL,
    status_rank INT NOT NULL,
    -- Whether it moved the payment's status forward (an older one changes nothing).
    advanced BOOLEAN NOT NULL,
    iat TIMESTAMPTZ NOT NULL,
    -- The body exactly as signed, so a till can check the provider's signature itself.
    body TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX callbacks_shop ON callbacks (shop_id, id);
CREATE INDEX callbacks_payment ON callbacks (payment_id);

CREATE TABLE payment_status (
    payment_id TEXT PRIMARY KEY,
    shop_id BIGINT NOT NULL REFERENCES shops(id),
    status TEXT NOT NULL,
    status_rank INT NOT NULL,
    callback_id BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
