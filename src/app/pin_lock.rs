//! The manager PIN's lock-out: wrong PINs counted at the till (kept in the settings, so a
//! restart does not reset them) and on the command line (in the journal's audit log), the
//! stricter of the two deciding.

use iced::Task;

use super::{App, Message, Screen};
use crate::journal::AuditAction;

impl App {
    /// The wrong PINs the journal counts (at the till and on the command line): the lock-out is
    /// the stricter of that and the till's own count.
    pub(super) fn pin_failures(
        &mut self,
        known: Option<(u32, Option<time::OffsetDateTime>)>,
    ) -> Task<Message> {
        let Some((failures, last)) = known else {
            return Task::none();
        };
        if failures <= self.settings.pin_failures {
            return Task::none();
        }
        self.settings.pin_failures = failures;
        let until = crate::pin::lockout(failures)
            .zip(last)
            .map(|(d, at)| at + d)
            .filter(|u| *u > time::OffsetDateTime::now_utc());
        if let Some(u) = until {
            self.settings.pin_locked_until = Some(u.unix_timestamp());
        }
        if let Screen::Lock(l) = &mut self.screen {
            if until.is_some() {
                l.set_locked_until(until);
            }
            l.set_tries_left(crate::pin::FREE_TRIES.saturating_sub(failures));
        }
        Task::none()
    }

    pub(super) fn pin_locked_until(&self) -> Option<time::OffsetDateTime> {
        self.settings
            .pin_locked_until
            .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
    }

    /// Counts a wrong PIN (kept in the settings file, so a restart does not reset it); from
    /// the fifth in a row the entry locks for a growing time, written to the audit log.
    pub(super) fn wrong_pin(&mut self) -> Task<Message> {
        let failures = self.settings.pin_failures.saturating_add(1);
        self.settings.pin_failures = failures;
        let mut audits = vec![self.audit(AuditAction::UnlockRefused)];
        let until = crate::pin::lockout(failures).map(|d| {
            audits.push(self.audit(AuditAction::PinLockedOut {
                failures,
                seconds: d.as_secs(),
            }));
            time::OffsetDateTime::now_utc() + d
        });
        self.settings.pin_locked_until = until.map(|t| t.unix_timestamp());
        self.save_pin_state();
        if let Screen::Lock(l) = &mut self.screen {
            l.set_locked_until(until);
            l.set_tries_left(crate::pin::FREE_TRIES.saturating_sub(failures));
        }
        Task::batch(audits)
    }

    pub(super) fn save_pin_state(&self) {
        if let Err(e) = self.save_settings() {
            tracing::error!(error = %e, "could not save the PIN lockout state");
        }
    }
}
