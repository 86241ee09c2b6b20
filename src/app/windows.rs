//! The windows: where the cashier window opens and how it fits the monitor, and the customer
//! display (on a second monitor when there is one).

use iced::{Task, window};

use super::{APP_ID, App, Message};
use crate::placement::{self, Place};

impl App {
    /// The cashier window's place as last seen (or as it was opened).
    pub(super) fn main_place(&self) -> Place {
        self.settings.window.unwrap_or(Place {
            x: 0.0,
            y: 0.0,
            width: placement::FIRST_SIZE.0,
            height: placement::FIRST_SIZE.1,
        })
    }

    /// Fits the cashier window to `monitor`: a size remembered from a bigger screen must not cut
    /// the till off. It shrinks, and is maximized so that the window manager (which knows where
    /// the monitors start) puts it wholly on this one.
    pub(super) fn fit_to_monitor(&mut self, id: window::Id, monitor: iced::Size) -> Task<Message> {
        let place = self.main_place();
        let (width, height) =
            placement::fit((place.width, place.height), (monitor.width, monitor.height));
        if (width, height) == (place.width, place.height) {
            return Task::none();
        }
        Task::batch([
            window::resize(id, iced::Size::new(width, height)),
            window::maximize(id, true),
        ])
    }

    pub(super) fn open_display(&mut self) -> Task<Message> {
        // Where it stood last time; else filling a second monitor when there is one; else
        // wherever the window manager puts it.
        let size = iced::Size::new(900.0, 700.0);
        let settings = match self.settings.display_position {
            Some((x, y)) => window::Settings {
                size,
                position: window::Position::Specific(iced::Point::new(x, y)),
                ..base_window_settings()
            },
            None => match placement::display_monitor(&crate::monitors::list(), self.main_place()) {
                Some(m) => window::Settings {
                    size: iced::Size::new(size.width.min(m.width), size.height.min(m.height)),
                    position: window::Position::Specific(iced::Point::new(m.x, m.y)),
                    maximized: true,
                    ..base_window_settings()
                },
                None => window::Settings {
                    size,
                    ..base_window_settings()
                },
            },
        };
        let (_, open) = window::open(settings);
        open.map(Message::DisplayOpened)
    }
}

pub(super) fn base_window_settings() -> window::Settings {
    window::Settings {
        #[cfg(target_os = "linux")]
        platform_specific: window::settings::PlatformSpecific {
            application_id: APP_ID.to_string(),
            ..Default::default()
        },
        ..window::Settings::default()
    }
}

/// The cashier window: where it was last time, else a size that fits a 1024×768 till screen
/// (checked against the real monitor once open, see `App::fit_to_monitor`).
pub(super) fn main_window_settings(last: Option<Place>) -> window::Settings {
    let (size, position) = match last {
        Some(p) => (
            iced::Size::new(p.width, p.height),
            window::Position::Specific(iced::Point::new(p.x, p.y)),
        ),
        None => (
            iced::Size::new(placement::FIRST_SIZE.0, placement::FIRST_SIZE.1),
            window::Position::Centered,
        ),
    };
    window::Settings {
        size,
        position,
        min_size: Some(iced::Size::new(
            placement::MIN_SIZE.0,
            placement::MIN_SIZE.1,
        )),
        ..base_window_settings()
    }
}
