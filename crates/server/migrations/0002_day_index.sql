-- 2: the day report reads a day's Z events: found by kind and time, not by a scan.
CREATE INDEX events_kind_at ON events (shop_id, kind, at);
