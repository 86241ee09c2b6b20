//! The journal: one SQLite file (WAL, `synchronous=FULL`) in the OS data directory that
//! remembers every sale the till attempted and every manager action, so nothing is lost when the
//! till is killed. No UI here, and no SQL outside this module.
//!
//! One writer thread owns the connection; callers send it jobs and await the answer, so no
//! write ever blocks the UI thread.

mod audit;
mod backup;
mod d24;
mod invoices;
pub mod ledger;
mod outbox;
mod payments;
mod refunds;
pub mod schema;
mod sessions;

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use rusqlite::{Connection, ErrorCode};
use time::OffsetDateTime;
use tokio::sync::oneshot;

pub use audit::{AuditAction, AuditEntry};
pub use backup::{Backup, BackupError, BackupFailure, BackupState, verify_file};
pub use d24::{D24Entry, D24Event, D24Request};
pub use invoices::{InvoiceRecord, OpenInvoice};
pub use payments::{Attempt, Entry, Event, SANDBOX, account_key};
pub use refunds::{RefundEntry, RefundEvent, RefundRequest};
pub use sessions::{D24Move, Door, Earlier, RefundMove, SaleMove, Session, ShiftData, StoredZ};

/// The journal file's name inside the data directory.
pub const FILE_NAME: &str = "journal.sqlite";

/// Why the journal cannot be used. `Clone`, so it can travel in a UI message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JournalError {
    /// The file is not a readable database; it is left exactly as it was.
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    /// The disk is full.
    Full(String),
    /// The file or its folder cannot be written.
    ReadOnly(String),
    /// Written by a newer Kassa.
    Newer(u32),
    /// A sale with this reference is already in the journal.
    Duplicate(String),
    /// The writer thread is gone (the journal was closed).
    Closed,
    /// The shift asked to be closed was closed meanwhile (from another window or the command
    /// line, as Z report no. N); nothing was closed now.
    ShiftMoved(Option<i64>),
    Other(String),
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JournalError::Corrupt { path, detail } => {
                write!(f, "{} is damaged: {detail}", path.display())
            }
            JournalError::Full(d) => write!(f, "disk full: {d}"),
            JournalError::ReadOnly(d) => write!(f, "cannot write: {d}"),
            JournalError::Newer(v) => write!(f, "written by a newer Kassa (schema {v})"),
            JournalError::Duplicate(r) => write!(f, "reference {r} already used"),
            JournalError::Closed => f.write_str("the journal is closed"),
            JournalError::ShiftMoved(z) => write!(f, "the shift was already closed (Z {z:?})"),
            JournalError::Other(d) => f.write_str(d),
        }
    }
}

impl JournalError {
    fn from_sql(e: rusqlite::Error, path: &Path) -> JournalError {
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => JournalError::Corrupt {
                path: path.to_path_buf(),
                detail,
            },
            Some(ErrorCode::DiskFull) => JournalError::Full(detail),
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                JournalError::ReadOnly(detail)
            }
            _ => JournalError::Other(detail),
        }
    }
}

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// A handle to the journal. Cheap to clone; the file closes when the last handle goes.
#[derive(Clone)]
pub struct Journal {
    jobs: mpsc::Sender<Job>,
    path: Arc<PathBuf>,
    /// How many jobs of this handle's writer have changed the file: a doorbell for whoever
    /// sends its events on (the shop server's pusher), so nothing polls while nothing happens.
    changes: tokio::sync::watch::Receiver<u64>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("path", &self.path).finish()
    }
}

impl Journal {
    /// Opens (creating if needed) and migrates the journal at `path`, and starts its writer.
    /// Blocking: call it off the UI thread.
    pub fn open(path: &Path) -> Result<Journal, JournalError> {
        if let Some(dir) = path.parent() {
            crate::files::private_dir(dir)
                .map_err(|e| JournalError::ReadOnly(format!("{}: {e}", dir.display())))?;
        }
        let mut conn = Connection::open(path).map_err(|e| JournalError::from_sql(e, path))?;
        // The user's only; SQLite gives its WAL and shared-memory files the same mode.
        if let Err(e) = crate::files::private_file(path) {
            tracing::warn!(error = %e, "journal permissions not narrowed");
        }
        prepare(&mut conn).map_err(|e| match e {
            schema::MigrateError::Newer(v) => JournalError::Newer(v),
            schema::MigrateError::Sql(e) => JournalError::from_sql(e, path),
        })?;
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (rang, changes) = tokio::sync::watch::channel(0u64);
        std::thread::Builder::new()
            .name("kassa-journal".into())
            .spawn(move || {
                let changed = |conn: &Connection| {
                    conn.query_row("SELECT total_changes()", [], |r| r.get::<_, i64>(0))
                        .unwrap_or(0)
                };
                for job in inbox {
                    let before = changed(&conn);
                    job(&mut conn);
                    if changed(&conn) != before {
                        rang.send_modify(|n| *n += 1);
                    }
                }
            })
            .map_err(|e| JournalError::Other(e.to_string()))?;
        tracing::info!(path = %path.display(), "journal open");
        Ok(Journal {
            jobs,
            path: Arc::new(path.to_path_buf()),
            changes,
        })
    }

    /// Rings each time this handle's writer has changed the file (another process's writes
    /// are not seen here).
    pub fn changes(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changes.clone()
    }

    /// Moves a damaged journal aside (it is kept, renamed, never overwritten) and returns where
    /// it went; the next [`Journal::open`] starts a new file.
    pub fn set_aside(path: &Path) -> Result<PathBuf, JournalError> {
        let stamp = OffsetDateTime::now_utc().unix_timestamp();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| FILE_NAME.into());
        let aside = path.with_file_name(format!("{name}.damaged-{stamp}"));
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", path.display()));
            if from.exists() {
                let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&from, &to)
                    .map_err(|e| JournalError::ReadOnly(format!("{}: {e}", from.display())))?;
            }
        }
        tracing::warn!(from = %path.display(), to = %aside.display(), "damaged journal set aside");
        Ok(aside)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Walks the hash chain of the live file (see [`ledger::verify`]).
    pub async fn verify(&self) -> Result<ledger::Verdict, JournalError> {
        self.run(|conn| ledger::verify(conn)).await
    }

    /// Runs `f` on the writer thread and waits for its answer without blocking the caller's
    /// thread.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, JournalError> {
        let (tx, rx) = oneshot::channel();
        let path = self.path.clone();
        self.jobs
            .send(Box::new(move |conn| {
                let _ = tx.send(f(conn).map_err(|e| JournalError::from_sql(e, &path)));
            }))
            .map_err(|_| JournalError::Closed)?;
        rx.await.map_err(|_| JournalError::Closed)?
    }

    /// Runs `f` in a write transaction taken at once (IMMEDIATE): another process (the till, a
    /// command) cannot close a shift between reading which one is open and writing into it.
    async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, JournalError> {
        self.run(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }
}

fn prepare(conn: &mut Connection) -> Result<(), schema::MigrateError> {
    // Another process (the till, a command) may hold the file for a moment: wait for it.
    conn.execute_batch("PRAGMA busy_timeout = 5000;")?;
    // A damaged file fails here, before anything is written to it.
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(schema::MigrateError::Sql(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(check),
        )));
    }
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    // The chain's triggers hash with it.
    ledger::register(conn)?;
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
    )?;
    schema::migrate_to(conn, schema::CURRENT)
}

/// Instants are stored as UTC milliseconds since the epoch.
fn to_ms(at: OffsetDateTime) -> i64 {
    crate::clock::millis(at)
}

fn from_ms(ms: i64) -> OffsetDateTime {
    crate::clock::from_millis(ms).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn now_ms() -> i64 {
    to_ms(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests;
