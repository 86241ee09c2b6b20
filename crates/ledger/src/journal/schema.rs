//! Numbered schema migrations, tracked in `PRAGMA user_version` and applied at open in one
//! transaction. A migration is never edited once shipped: changes are new migrations.

use rusqlite::Connection;

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`.
const MIGRATIONS: &[&str] = &[
    // 1: sales. A payment row is written before its create request leaves; everything learnt
    // afterwards is an event. Rows are never deleted, and a payment's facts never change once set.
    r#"
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        opened_at INTEGER NOT NULL
    );
    CREATE TABLE payments (
        reference TEXT PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        amount_cents INTEGER NOT NULL,
        description TEXT,
        attempted_at INTEGER NOT NULL,
        payment_id TEXT UNIQUE,
        created_at INTEGER
    );
    CREATE INDEX payments_attempted ON payments(attempted_at);
    CREATE TABLE payment_events (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL REFERENCES payments(reference),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        status TEXT,
        tip_cents INTEGER,
        total_cents INTEGER,
        detail TEXT
    );
    CREATE INDEX payment_events_reference ON payment_events(reference, id);
    CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes a payment'); END;
    CREATE TRIGGER payment_events_never_deleted BEFORE DELETE ON payment_events
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes an event'); END;
    CREATE TRIGGER payment_events_never_edited BEFORE UPDATE ON payment_events
        BEGIN SELECT RAISE(ABORT, 'the journal never edits an event'); END;
    CREATE TRIGGER payments_facts_fixed BEFORE UPDATE ON payments
        WHEN NEW.reference IS NOT OLD.reference
          OR NEW.amount_cents IS NOT OLD.amount_cents
          OR NEW.description IS NOT OLD.description
          OR NEW.attempted_at IS NOT OLD.attempted_at
          OR NEW.session_id IS NOT OLD.session_id
          OR (OLD.payment_id IS NOT NULL AND NEW.payment_id IS NOT OLD.payment_id)
          OR (OLD.created_at IS NOT NULL AND NEW.created_at IS NOT OLD.created_at)
        BEGIN SELECT RAISE(ABORT, 'a payment''s recorded facts never change'); END;
    "#,
    // 2: the manager audit log, sticker payments' POS id, the account a sale was made on (its
    // API base and profile: a sandbox payment is not looked up in production), and the closing
    // of a cashier session (by a Z report).
    r#"
    ALTER TABLE sessions ADD COLUMN closed_at INTEGER;
    ALTER TABLE payments ADD COLUMN pos_id TEXT;
    ALTER TABLE payments ADD COLUMN account TEXT;
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER audit_never_deleted BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log never deletes'); END;
    CREATE TRIGGER audit_never_edited BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log never edits'); END;
    "#,
    // 3: refunds. The request (with its Idempotency-Key) is written before it leaves, so a
    // refund whose answer was lost is re-sent with the same key and never made twice.
    r#"
    CREATE TABLE refunds (
        idempotency_key TEXT PRIMARY KEY,
        payment_id TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        description TEXT,
        account TEXT,
        requested_at INTEGER NOT NULL,
        refund_id TEXT
    );
    CREATE INDEX refunds_payment ON refunds(payment_id);
    CREATE TABLE refund_events (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL REFERENCES refunds(idempotency_key),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        status TEXT,
        detail TEXT
    );
    CREATE INDEX refund_events_key ON refund_events(idempotency_key, id);
    CREATE TRIGGER refunds_never_deleted BEFORE DELETE ON refunds
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes a refund'); END;
    CREATE TRIGGER refund_events_never_deleted BEFORE DELETE ON refund_events
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes an event'); END;
    CREATE TRIGGER refund_events_never_edited BEFORE UPDATE ON refund_events
        BEGIN SELECT RAISE(ABORT, 'the journal never edits an event'); END;
    CREATE TRIGGER refunds_facts_fixed BEFORE UPDATE ON refunds
        WHEN NEW.idempotency_key IS NOT OLD.idempotency_key
          OR NEW.payment_id IS NOT OLD.payment_id
          OR NEW.amount_cents IS NOT OLD.amount_cents
          OR NEW.description IS NOT OLD.description
          OR NEW.requested_at IS NOT OLD.requested_at
          OR (OLD.refund_id IS NOT NULL AND NEW.refund_id IS NOT OLD.refund_id)
        BEGIN SELECT RAISE(ABORT, 'a refund''s recorded facts never change'); END;
    "#,
    // 4: Z reports. Closing a cashier session gives it the next Z number; a closed session is
    // never reopened or renumbered.
    r#"
    ALTER TABLE sessions ADD COLUMN z_number INTEGER;
    CREATE UNIQUE INDEX sessions_z_number ON sessions(z_number);
    CREATE TRIGGER sessions_never_reopened BEFORE UPDATE ON sessions
        WHEN OLD.closed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a closed cashier session is never reopened'); END;
    CREATE TRIGGER sessions_never_deleted BEFORE DELETE ON sessions
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes a session'); END;
    "#,
    // 5: refunds over D24 deposits. The request body is kept exactly as sent, with its
    // X-Idempotency-Key, before it leaves: a resumed request is the same bytes with the same key.
    r#"
    CREATE TABLE d24_refunds (
        idempotency_key TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        deposit_id INTEGER NOT NULL,
        invoice_id TEXT NOT NULL,
        method TEXT NOT NULL,
        amount_minor INTEGER,
        currency TEXT NOT NULL,
        body BLOB NOT NULL,
        requested_at INTEGER NOT NULL,
        refund_id TEXT
    );
    CREATE INDEX d24_refunds_deposit ON d24_refunds(deposit_id);
    CREATE TABLE d24_refund_events (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL REFERENCES d24_refunds(idempotency_key),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        status TEXT,
        code TEXT,
        detail TEXT
    );
    CREATE INDEX d24_refund_events_key ON d24_refund_events(idempotency_key, id);
    CREATE TRIGGER d24_refunds_never_deleted BEFORE DELETE ON d24_refunds
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes a refund'); END;
    CREATE TRIGGER d24_refund_events_never_deleted BEFORE DELETE ON d24_refund_events
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes an event'); END;
    CREATE TRIGGER d24_refund_events_never_edited BEFORE UPDATE ON d24_refund_events
        BEGIN SELECT RAISE(ABORT, 'the journal never edits an event'); END;
    CREATE TRIGGER d24_refunds_facts_fixed BEFORE UPDATE ON d24_refunds
        WHEN NEW.idempotency_key IS NOT OLD.idempotency_key
          OR NEW.account IS NOT OLD.account
          OR NEW.deposit_id IS NOT OLD.deposit_id
          OR NEW.invoice_id IS NOT OLD.invoice_id
          OR NEW.method IS NOT OLD.method
          OR NEW.amount_minor IS NOT OLD.amount_minor
          OR NEW.currency IS NOT OLD.currency
          OR NEW.body IS NOT OLD.body
          OR NEW.requested_at IS NOT OLD.requested_at
          OR (OLD.refund_id IS NOT NULL AND NEW.refund_id IS NOT OLD.refund_id)
        BEGIN SELECT RAISE(ABORT, 'a refund''s recorded facts never change'); END;
    "#,
    // 6: a ledger, not a log. Shifts are per account (the embedded sandbox is one account,
    // 'sandbox'; a real one is its API base and profile), and every money event carries the
    // shift that was open for its account when it was recorded. A Z report is stored as it was
    // taken. Every row is hash-chained (see ledger.rs; its triggers follow this SQL).
    // Rows from before: loopback and unknown accounts are the sandbox's; events are given the
    // shift the old rules counted them in (a sale's events its sale's shift, a refund the shift
    // open at its request, else the next one); closed shifts keep their numbers, with no account.
    r#"
    ALTER TABLE sessions ADD COLUMN account TEXT;
    ALTER TABLE payment_events ADD COLUMN session_id INTEGER REFERENCES sessions(id);
    ALTER TABLE refunds ADD COLUMN session_id INTEGER REFERENCES sessions(id);
    ALTER TABLE refund_events ADD COLUMN session_id INTEGER REFERENCES sessions(id);
    ALTER TABLE d24_refunds ADD COLUMN book TEXT;
    ALTER TABLE d24_refunds ADD COLUMN session_id INTEGER REFERENCES sessions(id);
    ALTER TABLE d24_refund_events ADD COLUMN session_id INTEGER REFERENCES sessions(id);
    CREATE INDEX payment_events_session ON payment_events(session_id);
    CREATE INDEX refund_events_session ON refund_events(session_id);
    CREATE INDEX d24_refund_events_session ON d24_refund_events(session_id);
    CREATE INDEX payments_session ON payments(session_id);

    UPDATE payments SET account = 'sandbox'
        WHERE account IS NULL OR account LIKE 'http://127.0.0.1:%'
           OR account LIKE 'http://localhost:%' OR account LIKE 'http://[::1]:%';
    UPDATE refunds SET account = 'sandbox'
        WHERE account IS NULL OR account LIKE 'http://127.0.0.1:%'
           OR account LIKE 'http://localhost:%' OR account LIKE 'http://[::1]:%';

    DROP TRIGGER sessions_never_reopened;
    UPDATE sessions SET account = COALESCE(
        (SELECT p.account FROM payments p WHERE p.session_id = sessions.id
         ORDER BY p.attempted_at DESC LIMIT 1), 'sandbox')
        WHERE closed_at IS NULL;
    -- Two open sessions of one account (two processes under the old rules): the newest
    -- keeps the account, the others' sales move to it below.
    UPDATE sessions SET account = NULL WHERE closed_at IS NULL AND id <
        (SELECT MAX(o.id) FROM sessions o WHERE o.closed_at IS NULL AND o.account = sessions.account);
    -- An open session holding sales of several accounts (first-run sandbox sales, then real
    -- ones): every other account gets an open shift of its own, and its sales move there.
    INSERT INTO sessions (opened_at, account)
        SELECT MIN(s.opened_at), p.account FROM payments p JOIN sessions s ON s.id = p.session_id
        WHERE s.closed_at IS NULL AND p.account IS NOT s.account
          AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.closed_at IS NULL AND o.account = p.account)
        GROUP BY p.account;
    -- Refunds asked for after the last Z and before any sale (in no shift under the old
    -- rules): their account's open shift, opened for them where there is none.
    INSERT INTO sessions (opened_at, account)
        SELECT MIN(r.requested_at), r.account FROM refunds r
        WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.opened_at <= r.requested_at
                AND (s.closed_at IS NULL OR s.closed_at > r.requested_at))
          AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.closed_at IS NULL AND o.account = r.account)
        GROUP BY r.account;
    CREATE TRIGGER sessions_never_reopened BEFORE UPDATE ON sessions
        WHEN OLD.closed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a closed cashier session is never reopened'); END;
    CREATE TRIGGER sessions_account_fixed BEFORE UPDATE OF account ON sessions
        WHEN OLD.account IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a shift''s account never changes'); END;
    DROP INDEX sessions_z_number;
    CREATE UNIQUE INDEX sessions_account_z ON sessions(account, z_number);
    CREATE UNIQUE INDEX sessions_one_open ON sessions(account) WHERE closed_at IS NULL;

    DROP TRIGGER payments_facts_fixed;
    UPDATE payments SET session_id =
        (SELECT o.id FROM sessions o WHERE o.closed_at IS NULL AND o.account = payments.account)
        WHERE session_id IN (SELECT id FROM sessions WHERE closed_at IS NULL)
          AND account IS NOT (SELECT account FROM sessions WHERE id = payments.session_id);
    CREATE TRIGGER payments_facts_fixed BEFORE UPDATE ON payments
        WHEN NEW.reference IS NOT OLD.reference
          OR NEW.amount_cents IS NOT OLD.amount_cents
          OR NEW.description IS NOT OLD.description
          OR NEW.attempted_at IS NOT OLD.attempted_at
          OR NEW.session_id IS NOT OLD.session_id
          OR NEW.account IS NOT OLD.account
          OR (OLD.payment_id IS NOT NULL AND NEW.payment_id IS NOT OLD.payment_id)
          OR (OLD.created_at IS NOT NULL AND NEW.created_at IS NOT OLD.created_at)
        BEGIN SELECT RAISE(ABORT, 'a payment''s recorded facts never change'); END;

    DROP TRIGGER payment_events_never_edited;
    UPDATE payment_events SET session_id =
        (SELECT session_id FROM payments WHERE reference = payment_events.reference);
    CREATE TRIGGER payment_events_never_edited BEFORE UPDATE ON payment_events
        BEGIN SELECT RAISE(ABORT, 'the journal never edits an event'); END;

    DROP TRIGGER refunds_facts_fixed;
    UPDATE refunds SET session_id = COALESCE(
        (SELECT id FROM sessions s WHERE s.opened_at <= refunds.requested_at
            AND (s.closed_at IS NULL OR s.closed_at > refunds.requested_at)
         ORDER BY s.account IS refunds.account DESC, id DESC LIMIT 1),
        (SELECT o.id FROM sessions o WHERE o.closed_at IS NULL AND o.account = refunds.account));
    CREATE TRIGGER refunds_facts_fixed BEFORE UPDATE ON refunds
        WHEN NEW.idempotency_key IS NOT OLD.idempotency_key
          OR NEW.payment_id IS NOT OLD.payment_id
          OR NEW.amount_cents IS NOT OLD.amount_cents
          OR NEW.description IS NOT OLD.description
          OR NEW.requested_at IS NOT OLD.requested_at
          OR NEW.account IS NOT OLD.account
          OR NEW.session_id IS NOT OLD.session_id
          OR (OLD.refund_id IS NOT NULL AND NEW.refund_id IS NOT OLD.refund_id)
        BEGIN SELECT RAISE(ABORT, 'a refund''s recorded facts never change'); END;
    DROP TRIGGER refund_events_never_edited;
    UPDATE refund_events SET session_id =
        (SELECT session_id FROM refunds WHERE idempotency_key = refund_events.idempotency_key);
    CREATE TRIGGER refund_events_never_edited BEFORE UPDATE ON refund_events
        BEGIN SELECT RAISE(ABORT, 'the journal never edits an event'); END;

    DROP TRIGGER d24_refunds_facts_fixed;
    UPDATE d24_refunds SET
        book = CASE WHEN account LIKE '%127.0.0.1%' OR account LIKE '%localhost%'
                    THEN 'sandbox' END,
        session_id = COALESCE(
            (SELECT id FROM sessions s WHERE s.opened_at <= d24_refunds.requested_at
                AND (s.closed_at IS NULL OR s.closed_at > d24_refunds.requested_at)
             ORDER BY id DESC LIMIT 1),
            (SELECT o.id FROM sessions o WHERE o.closed_at IS NULL AND o.account = 'sandbox'
                AND (d24_refunds.account LIKE '%127.0.0.1%'
                     OR d24_refunds.account LIKE '%localhost%')));
    CREATE TRIGGER d24_refunds_facts_fixed BEFORE UPDATE ON d24_refunds
        WHEN NEW.idempotency_key IS NOT OLD.idempotency_key
          OR NEW.account IS NOT OLD.account
          OR NEW.deposit_id IS NOT OLD.deposit_id
          OR NEW.invoice_id IS NOT OLD.invoice_id
          OR NEW.method IS NOT OLD.method
          OR NEW.amount_minor IS NOT OLD.amount_minor
          OR NEW.currency IS NOT OLD.currency
          OR NEW.body IS NOT OLD.body
          OR NEW.requested_at IS NOT OLD.requested_at
          OR NEW.book IS NOT OLD.book
          OR NEW.session_id IS NOT OLD.session_id
          OR (OLD.refund_id IS NOT NULL AND NEW.refund_id IS NOT OLD.refund_id)
        BEGIN SELECT RAISE(ABORT, 'a refund''s recorded facts never change'); END;
    DROP TRIGGER d24_refund_events_never_edited;
    UPDATE d24_refund_events SET session_id = (SELECT session_id FROM d24_refunds
        WHERE idempotency_key = d24_refund_events.idempotency_key);
    CREATE TRIGGER d24_refund_events_never_edited BEFORE UPDATE ON d24_refund_events
        BEGIN SELECT RAISE(ABORT, 'the journal never edits an event'); END;

    -- Refund requests on their way, so that one goes at a time whichever window, task or
    -- command asks: a lease that runs out if its holder dies.
    CREATE TABLE flights (
        key TEXT PRIMARY KEY,
        until INTEGER NOT NULL,
        holder INTEGER NOT NULL
    );

    -- Money is only ever recorded into an open shift.
    CREATE TRIGGER payments_open_shift BEFORE INSERT ON payments
        WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id AND closed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a closed shift takes no new money event'); END;
    CREATE TRIGGER payment_events_open_shift BEFORE INSERT ON payment_events
        WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id AND closed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a closed shift takes no new money event'); END;
    CREATE TRIGGER refunds_open_shift BEFORE INSERT ON refunds
        WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id AND closed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a closed shift takes no new money event'); END;
    CREATE TRIGGER refund_events_open_shift BEFORE INSERT ON refund_events
        WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id AND closed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a closed shift takes no new money event'); END;
    CREATE TRIGGER d24_refunds_open_shift BEFORE INSERT ON d24_refunds
        WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id AND closed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a closed shift takes no new money event'); END;
    CREATE TRIGGER d24_refund_events_open_shift BEFORE INSERT ON d24_refund_events
        WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id AND closed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a closed shift takes no new money event'); END;

    CREATE TABLE z_reports (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        taken_at INTEGER NOT NULL,
        report TEXT NOT NULL
    );
    CREATE TRIGGER z_reports_never_deleted BEFORE DELETE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes a Z report'); END;
    CREATE TRIGGER z_reports_never_edited BEFORE UPDATE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'a Z report never changes once taken'); END;

    -- Invoice QR codes this till made (saved or shown to the sandbox customer): a payment
    -- made with one becomes a sale of this till, counted in the shift it is found paid in.
    CREATE TABLE invoices (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        description TEXT,
        reference TEXT,
        made_at INTEGER NOT NULL,
        payment_id TEXT UNIQUE
    );
    CREATE TRIGGER invoices_never_deleted BEFORE DELETE ON invoices
        BEGIN SELECT RAISE(ABORT, 'the journal never deletes an invoice'); END;
    CREATE TRIGGER invoices_facts_fixed BEFORE UPDATE ON invoices
        WHEN NEW.id IS NOT OLD.id OR NEW.account IS NOT OLD.account
          OR NEW.amount_cents IS NOT OLD.amount_cents
          OR NEW.description IS NOT OLD.description OR NEW.reference IS NOT OLD.reference
          OR NEW.made_at IS NOT OLD.made_at
          OR (OLD.payment_id IS NOT NULL AND NEW.payment_id IS NOT OLD.payment_id)
        BEGIN SELECT RAISE(ABORT, 'an invoice''s recorded facts never change'); END;
    "#,
    // 7: the outbox for the shop server. Every money event, Z and audit line is also written,
    // by these triggers and so in the same transaction whatever door recorded it, as an event
    // under the till's own sequence number (never reused: AUTOINCREMENT) with an id of its
    // own. The pusher sends them in order and remembers how far the server has them; the
    // server stores each (till, seq) once. What the journal held before is queued first, in
    // the order it happened, so a till that joins a shop brings its history.
    r#"
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE outbox_sent (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        through INTEGER NOT NULL
    );
    INSERT INTO outbox_sent (id, through) VALUES (1, 0);
    CREATE TRIGGER outbox_never_edited BEFORE UPDATE ON outbox
        BEGIN SELECT RAISE(ABORT, 'the outbox never edits an event'); END;
    CREATE TRIGGER outbox_sent_forward BEFORE UPDATE ON outbox_sent
        WHEN NEW.through < OLD.through
        BEGIN SELECT RAISE(ABORT, 'what the server has never goes back'); END;

    CREATE TEMP TABLE outbox_backfill (at INTEGER, ord INTEGER, kind TEXT, body TEXT);
    INSERT INTO outbox_backfill SELECT attempted_at, 0, 'sale', json_object(
        'reference', reference, 'amount_cents', amount_cents, 'description', description,
        'pos_id', pos_id, 'account', account) FROM payments;
    INSERT INTO outbox_backfill SELECT created_at, 1, 'sale-created', json_object(
        'reference', reference, 'payment_id', payment_id, 'created_at', created_at)
        FROM payments WHERE payment_id IS NOT NULL;
    INSERT INTO outbox_backfill SELECT at, 2, 'sale-event', json_object(
        'reference', reference, 'kind', kind, 'status', status, 'tip_cents', tip_cents,
        'total_cents', total_cents, 'detail', detail) FROM payment_events;
    INSERT INTO outbox_backfill SELECT requested_at, 3, 'refund', json_object(
        'key', idempotency_key, 'payment_id', payment_id, 'amount_cents', amount_cents,
        'description', description, 'account', account, 'refund_id', refund_id) FROM refunds;
    INSERT INTO outbox_backfill SELECT at, 4, 'refund-event', json_object(
        'key', idempotency_key, 'kind', kind, 'status', status, 'detail', detail)
        FROM refund_events;
    INSERT INTO outbox_backfill SELECT taken_at, 5, 'z', json_object(
        'account', s.account, 'number', s.z_number, 'report', json(z.report))
        FROM z_reports z JOIN sessions s ON s.id = z.session_id;
    INSERT INTO outbox (event_id, kind, at, body)
        SELECT lower(hex(randomblob(16))), kind, COALESCE(at, 0), body FROM outbox_backfill
        ORDER BY at, ord, rowid;
    DROP TABLE outbox_backfill;

    CREATE TRIGGER outbox_sale AFTER INSERT ON payments BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'sale', NEW.attempted_at, json_object('reference', NEW.reference,
            'amount_cents', NEW.amount_cents, 'description', NEW.description,
            'pos_id', NEW.pos_id, 'account', NEW.account));
    END;
    CREATE TRIGGER outbox_sale_created AFTER UPDATE OF payment_id ON payments
        WHEN OLD.payment_id IS NULL AND NEW.payment_id IS NOT NULL BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'sale-created', COALESCE(NEW.created_at, NEW.attempted_at), json_object(
            'reference', NEW.reference, 'payment_id', NEW.payment_id,
            'created_at', NEW.created_at));
    END;
    CREATE TRIGGER outbox_sale_event AFTER INSERT ON payment_events BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'sale-event', NEW.at, json_object('reference', NEW.reference, 'kind', NEW.kind,
            'status', NEW.status, 'tip_cents', NEW.tip_cents, 'total_cents', NEW.total_cents,
            'detail', NEW.detail));
    END;
    CREATE TRIGGER outbox_refund AFTER INSERT ON refunds BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'refund', NEW.requested_at, json_object('key', NEW.idempotency_key,
            'payment_id', NEW.payment_id, 'amount_cents', NEW.amount_cents,
            'description', NEW.description, 'account', NEW.account,
            'refund_id', NEW.refund_id));
    END;
    CREATE TRIGGER outbox_refund_made AFTER UPDATE OF refund_id ON refunds
        WHEN OLD.refund_id IS NULL AND NEW.refund_id IS NOT NULL BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'refund-made', NEW.requested_at, json_object('key', NEW.idempotency_key,
            'refund_id', NEW.refund_id));
    END;
    CREATE TRIGGER outbox_refund_event AFTER INSERT ON refund_events BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'refund-event', NEW.at, json_object('key', NEW.idempotency_key,
            'kind', NEW.kind, 'status', NEW.status, 'detail', NEW.detail));
    END;
    CREATE TRIGGER outbox_d24_refund AFTER INSERT ON d24_refunds BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'd24-refund', NEW.requested_at, json_object('key', NEW.idempotency_key,
            'deposit_id', NEW.deposit_id, 'invoice_id', NEW.invoice_id,
            'method', NEW.method, 'amount_minor', NEW.amount_minor,
            'currency', NEW.currency, 'book', NEW.book));
    END;
    CREATE TRIGGER outbox_d24_refund_event AFTER INSERT ON d24_refund_events BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'd24-refund-event', NEW.at, json_object('key', NEW.idempotency_key,
            'kind', NEW.kind, 'status', NEW.status, 'code', NEW.code));
    END;
    CREATE TRIGGER outbox_z AFTER INSERT ON z_reports BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'z', NEW.taken_at, json_object(
            'account', (SELECT account FROM sessions WHERE id = NEW.session_id),
            'number', (SELECT z_number FROM sessions WHERE id = NEW.session_id),
            'report', json(NEW.report)));
    END;
    CREATE TRIGGER outbox_audit AFTER INSERT ON audit BEGIN
        INSERT INTO outbox (event_id, kind, at, body) VALUES (lower(hex(randomblob(16))),
            'audit', NEW.at, json_object('action', NEW.action, 'detail', NEW.detail));
    END;
    "#,
    // 8: what the server has can go back: a till that joins a server anew (or one restored
    // from a backup) sends again from what that server holds, not from what an earlier one
    // acknowledged.
    r#"
    DROP TRIGGER outbox_sent_forward;
    "#,
];

/// The migration that adds the hash chain (its triggers and the chaining of earlier rows run
/// after its SQL; see ledger.rs).
const CHAIN_MIGRATION: usize = 6;

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;

pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the file up to `target` (normally [`CURRENT`]) in one transaction: either every
/// pending migration applies, or none does.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), MigrateError> {
    // The version is read inside a write transaction: two processes opening a new file at
    // once (the till and a command) must not both migrate it.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let from = version(&tx)?;
    if from > CURRENT {
        return Err(MigrateError::Newer(from));
    }
    if from >= target {
        return Ok(());
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(from as usize)
    {
        tx.execute_batch(sql)?;
        if i + 1 == CHAIN_MIGRATION {
            super::ledger::register(&tx)?;
            tx.execute_batch(&super::ledger::schema_sql())?;
            super::ledger::backfill(&tx)?;
        }
        tracing::info!(version = i + 1, "journal schema migrated");
    }
    // PRAGMA takes no bound parameters; `target` is our own number.
    tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
    tx.commit()?;
    Ok(())
}

#[derive(Debug)]
pub enum MigrateError {
    /// Written by a newer Kassa: opening it here could misread it.
    Newer(u32),
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sql(e)
    }
}
