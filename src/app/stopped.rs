//! The till stopped: its account cannot be used, or its settings file cannot be read. What the
//! card says and offers, and starting afresh from unreadable settings. It never falls back to
//! the sandbox.

use crate::widget::action::button;
use iced::Element;
use iced::Task;
use iced::widget::{column, container, text};

use super::{App, Message, Screen};
use crate::config::Settings;
use crate::fl;
use crate::journal::AuditAction;
use crate::secrets;
use crate::theme;

impl App {
    /// Whether something stops the till (see [`App::stopped`]).
    pub(super) fn is_stopped(&self) -> bool {
        self.settings_problem.is_some()
            || (self.account_problem.is_some()
                && self.services.is_none()
                && !matches!(self.screen, Screen::Lock(_) | Screen::Settings(_)))
    }

    /// What stops the till, when something does: an unreadable settings file, or an account
    /// that cannot be used (except on the PIN and Settings, where the manager fixes it).
    pub(super) fn stopped(&self) -> Option<Element<'_, Message>> {
        if let Some(p) = &self.settings_problem {
            return Some(stop_card(
                fl!("app-settings-stopped-title"),
                fl!(
                    "app-settings-stopped",
                    path = p.path.display().to_string(),
                    detail = p.detail.clone()
                ),
                fl!("app-settings-stopped-what-to-do"),
                vec![
                    button(text(fl!("app-start-afresh")))
                        .padding([10, 16])
                        .style(theme::danger)
                        .on_press(Message::StartAfresh)
                        .into(),
                ],
            ));
        }
        let problem = self.account_problem.as_ref()?;
        if self.services.is_some() || matches!(self.screen, Screen::Lock(_) | Screen::Settings(_)) {
            return None;
        }
        let account = crate::reports::words::account_name(&crate::services::books(&self.settings));
        Some(stop_card(
            fl!("app-blocked-title"),
            fl!(
                "app-blocked-why",
                account = account,
                detail = problem.clone()
            ),
            fl!("app-blocked-what-to-do"),
            vec![
                button(text(if self.retrying {
                    fl!("app-blocked-retrying")
                } else {
                    fl!("app-blocked-retry")
                }))
                .padding([10, 16])
                .style(theme::primary)
                .on_press_maybe((!self.retrying).then_some(Message::RetryAccount))
                .into(),
                button(text(fl!("app-blocked-settings")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press(Message::OpenManager)
                    .into(),
            ],
        ))
    }
    /// The unreadable settings file is set aside (kept, renamed), and the keys this till kept
    /// in the keychain are forgotten: defaults (the sandbox, no PIN) reach no real account
    /// until someone sets one up again with its keys.
    pub(super) fn start_afresh(&mut self) -> Task<Message> {
        let Some(problem) = self.settings_problem.clone() else {
            return Task::none();
        };
        let store = self.secrets.clone();
        Task::perform(
            super::manager::blocking(move || {
                for name in [
                    secrets::API_KEY,
                    secrets::SIGNING_KEY,
                    secrets::D24_SECRET_KEY,
                ] {
                    store.delete(name).map_err(|e| e.to_string())?;
                }
                Settings::set_aside(&problem.path)
            }),
            |r| Message::StartedAfresh(r.and_then(|inner| inner)),
        )
    }

    pub(super) fn started_afresh(
        &mut self,
        result: Result<std::path::PathBuf, String>,
    ) -> Task<Message> {
        match result {
            Ok(aside) => {
                self.settings_problem = None;
                if let Err(e) = self.save_settings() {
                    tracing::error!(error = %e, "fresh settings not saved");
                }
                self.audit(AuditAction::SettingsSetAside {
                    to: aside.display().to_string(),
                })
            }
            Err(e) => {
                if let Some(p) = &mut self.settings_problem {
                    p.detail = format!("{} — {e}", p.detail);
                }
                Task::none()
            }
        }
    }
}

/// A card that says the till is stopped: what, why, what to do, and the ways out.
fn stop_card<'a>(
    title: String,
    why: String,
    what: String,
    actions: Vec<Element<'a, Message>>,
) -> Element<'a, Message> {
    container(
        column![
            text(title).size(24).style(theme::error),
            text(why).size(18),
            text(what).size(16),
            iced::widget::Row::with_children(actions).spacing(12),
        ]
        .spacing(14)
        .max_width(720),
    )
    .padding(24)
    .style(theme::card)
    .into()
}
