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
];

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;

pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the file up to `target` (normally [`CURRENT`]) in one transaction: either every
/// pending migration applies, or none does.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), MigrateError> {
    let from = version(conn)?;
    if from > CURRENT {
        return Err(MigrateError::Newer(from));
    }
    if from >= target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(from as usize)
    {
        tx.execute_batch(sql)?;
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
