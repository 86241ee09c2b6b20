//! The keyboard: shortcuts (one table, `crate::shortcuts`, also behind the header's buttons),
//! Esc leaving every secondary screen, and keys meant for the screen on show.

use iced::{Task, keyboard, window};

use super::{App, Message, Screen};
use crate::screen::{checkout, invoice, settings as settings_screen, sticker, till, today};
use crate::shortcuts::{self, Command};

impl App {
    /// What `command` does now, or `None` when it cannot (the header's button is then
    /// disabled, and the key does nothing).
    pub fn command(&self, command: Command) -> Option<Message> {
        // From the till, and not while a create is under way: its answer belongs there.
        let on_till =
            matches!(self.screen, Screen::Till(_)) && !self.is_stopped() && self.charging.is_none();
        match command {
            Command::Today => on_till.then_some(Message::OpenToday),
            Command::Invoice => on_till.then_some(Message::OpenInvoice),
            Command::Manager => on_till.then_some(Message::OpenManager),
            Command::Display => Some(Message::ToggleDisplay),
            Command::Lock => (self.on_manager_screen() && self.manager_active.is_some())
                .then_some(Message::LockNow),
            Command::FullScreen => Some(Message::ToggleFullScreen),
        }
    }

    /// The screens only an unlocked manager sees (they close when the lock comes back); the
    /// PIN screen while unlocked is the manager changing the PIN.
    pub(super) fn on_manager_screen(&self) -> bool {
        match self.screen {
            Screen::Settings(_)
            | Screen::Sticker(_)
            | Screen::History(_)
            | Screen::Detail(_)
            | Screen::Shift(_)
            | Screen::Refund(_)
            | Screen::Payouts(_) => true,
            Screen::Lock(_) => self.manager_active.is_some(),
            _ => false,
        }
    }

    pub(super) fn keyboard(&mut self, event: keyboard::Event) -> Task<Message> {
        if let Some(command) = shortcuts::command(&event) {
            return match self.command(command) {
                Some(m) => self.update(m),
                None => Task::none(),
            };
        }
        if is_escape(&event)
            && let Some(m) = self.escape()
        {
            return self.update(m);
        }
        match &self.screen {
            Screen::Till(_) if self.charging.is_none() => {
                self.update(Message::Till(till::Message::Keyboard(event)))
            }
            Screen::Checkout(_) => self.checkout(checkout::Message::Keyboard(event)),
            _ => Task::none(),
        }
    }

    /// What Esc does on the secondary screens: what their Close or Back button does (settings
    /// ask first when unsaved). The till and checkout handle Esc themselves.
    fn escape(&self) -> Option<Message> {
        use crate::screen::{history, lock, shift, unknown};
        Some(match &self.screen {
            Screen::Today(_) => Message::Today(today::Message::Close),
            Screen::Invoice(_) => Message::Invoice(invoice::Message::Close),
            Screen::Sticker(_) => Message::Sticker(sticker::Message::Close),
            Screen::Settings(_) => Message::Settings(settings_screen::Message::Close),
            Screen::History(_) => Message::History(history::Message::Close),
            Screen::Detail(d) => Message::Detail(d.escape()),
            Screen::Shift(_) => Message::Shift(shift::Message::Back),
            Screen::Payouts(p) => Message::Payouts(p.escape()),
            Screen::Refund(r) => Message::Refund(r.escape()),
            Screen::Lock(_) => Message::Lock(lock::Message::Back),
            Screen::Unknown(_) => Message::Unknown(unknown::Message::Leave),
            Screen::Starting | Screen::Till(_) | Screen::Checkout(_) => return None,
        })
    }

    /// Locks the manager's screens now and goes back to the till (unsaved settings are asked
    /// about first, as on Close; the lock follows when the screen closes).
    pub(super) fn lock_now(&mut self) -> Task<Message> {
        if let Screen::Settings(_) = self.screen {
            return self.settings(settings_screen::Message::Close);
        }
        tracing::info!("manager locked");
        let leave = self.on_manager_screen();
        self.manager_active = None;
        if leave {
            self.set_screen(Screen::Till(till::Till::new(self.lang)));
        }
        Task::none()
    }

    pub fn is_full_screen(&self) -> bool {
        self.full_screen
    }

    pub(super) fn toggle_full_screen(&mut self) -> Task<Message> {
        self.full_screen = !self.full_screen;
        let Some(id) = self.main_window else {
            return Task::none();
        };
        window::set_mode(
            id,
            if self.full_screen {
                window::Mode::Fullscreen
            } else {
                window::Mode::Windowed
            },
        )
    }
}

pub(super) fn is_escape(event: &keyboard::Event) -> bool {
    matches!(
        event,
        keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(keyboard::key::Named::Escape),
            ..
        }
    )
}
