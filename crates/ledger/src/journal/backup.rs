//! Copies of the journal that outlive the disk: made with SQLite's online backup while the till
//! runs (one read transaction, so a sale being recorded is wholly in the copy or wholly out),
//! verified like the live file, and restored in place of a lost journal.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use time::OffsetDateTime;

use super::{FILE_NAME, Journal, ledger};

/// A copy made and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub verdict: ledger::Verdict,
    /// Older copies removed to keep the last N.
    pub removed: Vec<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// The journal could not be read.
    Source(String),
    /// The folder or the copy could not be written.
    Target(String),
    /// The copy (or the backup to restore) does not verify.
    Verify(String),
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupError::Source(d) => write!(f, "cannot read the journal: {d}"),
            BackupError::Target(d) => write!(f, "cannot write the backup: {d}"),
            BackupError::Verify(d) => write!(f, "the copy does not verify: {d}"),
        }
    }
}

/// Backups are named by the UTC instant they were taken, so names sort by age.
const PREFIX: &str = "journal-";
const SUFFIX: &str = ".sqlite";

fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Checks the hash chain of the journal (or a backup of it) at `path` without changing it.
pub fn verify_file(path: &Path) -> Result<ledger::Verdict, String> {
    if !path.is_file() {
        return Err(format!("{}: no such file", path.display()));
    }
    let conn = read_only(path).map_err(|e| format!("{}: {e}", path.display()))?;
    ledger::verify(&conn).map_err(|e| format!("{}: {e}", path.display()))
}

impl Journal {
    /// Copies the journal at `source` into `dir` as `journal-<UTC instant>.sqlite`, verifies the
    /// copy, and keeps the newest `keep` copies there (all, if `None`). Blocking; safe while a
    /// till writes the journal.
    pub fn backup(source: &Path, dir: &Path, keep: Option<usize>) -> Result<Backup, BackupError> {
        let src = read_only(source).map_err(|e| BackupError::Source(e.to_string()))?;
        std::fs::create_dir_all(dir)
            .map_err(|e| BackupError::Target(format!("{}: {e}", dir.display())))?;
        let stamp = crate::clock::file_stamp(OffsetDateTime::now_utc());
        let name = format!("{PREFIX}{stamp}{SUFFIX}");
        let path = dir.join(&name);
        let part = dir.join(format!("{name}.part"));
        let _ = std::fs::remove_file(&part);
        {
            let mut dst =
                Connection::open(&part).map_err(|e| BackupError::Target(e.to_string()))?;
            // One step of all pages copies inside one read transaction: a consistent snapshot.
            let source_error = |e: rusqlite::Error| BackupError::Source(e.to_string());
            let backup = rusqlite::backup::Backup::new(&src, &mut dst).map_err(source_error)?;
            let mut waits = 0;
            loop {
                use rusqlite::backup::StepResult;
                match backup.step(-1).map_err(source_error)? {
                    StepResult::Done => break,
                    // The till is writing: try again shortly (for up to ~10 s).
                    _ if waits < 200 => {
                        waits += 1;
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    _ => return Err(BackupError::Source("the journal stayed busy".into())),
                }
            }
            drop(backup);
            // A single file, whatever mode the live journal uses.
            dst.pragma_update(None, "journal_mode", "DELETE")
                .map_err(|e| BackupError::Target(e.to_string()))?;
        }
        std::fs::File::open(&part)
            .and_then(|f| f.sync_all())
            .map_err(|e| BackupError::Target(format!("{}: {e}", part.display())))?;
        let verdict = verify_file(&part).map_err(BackupError::Verify)?;
        if let Some(problem) = &verdict.problem {
            let _ = std::fs::remove_file(&part);
            return Err(BackupError::Verify(problem.to_string()));
        }
        std::fs::rename(&part, &path)
            .map_err(|e| BackupError::Target(format!("{}: {e}", path.display())))?;
        let _ = crate::files::private_file(&path);
        let removed = match keep {
            Some(keep) => prune(dir, keep.max(1)),
            None => Vec::new(),
        };
        tracing::info!(to = %path.display(), entries = verdict.checked, "journal backed up");
        Ok(Backup {
            path,
            verdict,
            removed,
        })
    }

    /// Puts the backup at `from` in place of the journal at `to` (which no till may have open):
    /// the backup must verify first; a journal already at `to` is set aside, never overwritten.
    /// Returns where that one went.
    pub fn restore(from: &Path, to: &Path) -> Result<Option<PathBuf>, BackupError> {
        let verdict = verify_file(from).map_err(BackupError::Verify)?;
        if let Some(problem) = verdict.problem {
            return Err(BackupError::Verify(problem.to_string()));
        }
        let aside = if to.exists() {
            Some(Journal::set_aside(to).map_err(|e| BackupError::Target(e.to_string()))?)
        } else {
            None
        };
        if let Some(dir) = to.parent() {
            crate::files::private_dir(dir)
                .map_err(|e| BackupError::Target(format!("{}: {e}", dir.display())))?;
        }
        let part = to.with_file_name(format!("{FILE_NAME}.restoring"));
        std::fs::copy(from, &part)
            .and_then(|_| std::fs::File::open(&part)?.sync_all())
            .and_then(|_| std::fs::rename(&part, to))
            .map_err(|e| BackupError::Target(format!("{}: {e}", to.display())))?;
        let _ = crate::files::private_file(to);
        tracing::warn!(from = %from.display(), to = %to.display(), "journal restored from a backup");
        Ok(aside)
    }
}

/// Removes all but the newest `keep` backups in `dir`; returns what it removed.
fn prune(dir: &Path, keep: usize) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    copies.sort();
    let excess = copies.len().saturating_sub(keep);
    copies
        .into_iter()
        .take(excess)
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect()
}

/// What the daily automatic backup last did, kept beside the journal (`backup-state.json`) so a
/// failure is still shown after a restart, the next morning.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BackupState {
    /// When the last good copy was made (unix seconds).
    pub last_ok: Option<i64>,
    /// The last attempt, when it failed: when, where to, and why.
    pub failed: Option<BackupFailure>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BackupFailure {
    pub at: i64,
    pub dir: String,
    pub why: String,
}

/// A backup is made at most once a day.
pub const DAILY: time::Duration = time::Duration::hours(24);

impl BackupState {
    fn path(journal: &Path) -> PathBuf {
        journal.with_file_name("backup-state.json")
    }

    /// The state beside the journal at `journal` (nothing known when unreadable).
    pub fn load(journal: &Path) -> BackupState {
        std::fs::read(Self::path(journal))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, journal: &Path) {
        let path = Self::path(journal);
        let tmp = path.with_extension("json.tmp");
        let written = serde_json::to_vec_pretty(self)
            .map_err(std::io::Error::other)
            .and_then(|b| std::fs::write(&tmp, b))
            .and_then(|_| std::fs::rename(&tmp, &path));
        if let Err(e) = written {
            tracing::error!(path = %path.display(), error = %e, "backup state not saved");
        }
    }

    /// Whether the daily copy is due at `now`: none made yet, or the last one a day old (a
    /// failed attempt is tried again at the next check).
    pub fn due(&self, now: OffsetDateTime) -> bool {
        self.last_ok
            .is_none_or(|t| now.unix_timestamp() - t >= DAILY.whole_seconds())
            || self.failed.is_some()
    }

    /// Records how an attempt ended.
    pub fn record(
        &mut self,
        dir: &Path,
        outcome: &Result<Backup, BackupError>,
        now: OffsetDateTime,
    ) {
        match outcome {
            Ok(_) => {
                self.last_ok = Some(now.unix_timestamp());
                self.failed = None;
            }
            Err(e) => {
                self.failed = Some(BackupFailure {
                    at: now.unix_timestamp(),
                    dir: dir.display().to_string(),
                    why: e.to_string(),
                })
            }
        }
    }
}
