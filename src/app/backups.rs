//! The daily automatic copy of the journal to the folder chosen in Settings, and the banner
//! that says when the last one failed (kept beside the journal, so it is still shown after a
//! restart, the next morning).

use std::path::PathBuf;

use iced::Task;
use time::OffsetDateTime;

use super::{App, Message};
use crate::fl;
use crate::journal::{Backup, BackupError, BackupState, Journal};

impl App {
    /// Makes the daily copy when one is due (called when the journal opens and every hour).
    /// The state file, the copy and its check are all read and written off the UI thread.
    pub(super) fn backup_if_due(&mut self) -> Task<Message> {
        let (Some(journal), Some(dir)) = (self.journal_path.clone(), self.backup_dir()) else {
            return Task::none();
        };
        if self.backing_up {
            return Task::none();
        }
        self.backing_up = true;
        let keep = self.settings.backup_keep.max(1) as usize;
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    let now = OffsetDateTime::now_utc();
                    let mut state = BackupState::load(&journal);
                    if !state.due(now) {
                        return (state, None);
                    }
                    let outcome = Journal::backup(&journal, &dir, Some(keep));
                    state.record(&dir, &outcome, now);
                    state.save(&journal);
                    (state, Some(outcome.map(|b: Backup| b.path)))
                })
                .await
                .unwrap_or_else(|e| {
                    let failed = Err(BackupError::Target(e.to_string()));
                    (BackupState::default(), Some(failed))
                })
            },
            |(state, outcome)| Message::BackedUp(Box::new(state), outcome),
        )
    }

    /// How a check (and the copy, when one was due) ended.
    pub(super) fn backed_up(
        &mut self,
        state: BackupState,
        outcome: Option<Result<PathBuf, BackupError>>,
    ) -> Task<Message> {
        self.backing_up = false;
        self.backup_failed = state.failed;
        match outcome {
            Some(Ok(path)) => tracing::info!(to = %path.display(), "daily journal backup made"),
            Some(Err(e)) => tracing::error!(error = %e, "daily journal backup failed"),
            None => {}
        }
        Task::none()
    }

    fn backup_dir(&self) -> Option<PathBuf> {
        let dir = self.settings.backup_dir.trim();
        (!dir.is_empty()).then(|| PathBuf::from(dir))
    }

    /// The banner's words when the last daily copy failed.
    pub(super) fn backup_problem(&self) -> Option<String> {
        let f = self.backup_failed.as_ref()?;
        let when = OffsetDateTime::from_unix_timestamp(f.at)
            .map(crate::clock::date_time)
            .unwrap_or_default();
        Some(fl!(
            "backup-failed-banner",
            dir = f.dir.clone(),
            when = when,
            why = f.why.clone()
        ))
    }
}
