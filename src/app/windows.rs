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
        self.monitor = Some(monitor);
        let place = self.main_place();
        let first_start = std::mem::take(&mut self.first_start);
        // Tills run full screen: the first start on a till's screen fills it, and so does a
        // start on a smaller one than the size remembered.
        if placement::fills(
            first_start,
            (place.width, place.height),
            (monitor.width, monitor.height),
        ) {
            // Maximized by the window manager; where there is none (a kiosk session), the
            // window itself takes the whole screen (no panel to leave room for).
            return Task::batch([
                window::move_to(id, iced::Point::ORIGIN),
                window::resize(id, monitor),
                window::maximize(id, true),
            ]);
        }
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
        // A second F6 before the first window is up opens no second display.
        if std::mem::replace(&mut self.display_opening, true) {
            return Task::none();
        }
        // Where the cashier placed it last time; else filling a second monitor when there is
        // one; else beside the cashier window on the one monitor, which makes room for it.
        let size = iced::Size::new(900.0, 700.0);
        let monitors = crate::monitors::list();
        // A place remembered on a monitor of its own, or beside the till, is taken again; one
        // that would cover the till on a single monitor is not.
        let remembered = self.settings.display_position.map(|(x, y)| {
            let (width, height) = self
                .settings
                .display_size
                .unwrap_or((size.width, size.height));
            Place {
                x,
                y,
                width,
                height,
            }
        });
        let on_a_monitor = |d: &Place| {
            monitors.is_empty()
                || monitors.iter().any(|m| {
                    d.x >= m.x && d.x < m.x + m.width && d.y >= m.y && d.y < m.y + m.height
                })
        };
        let remembered = remembered.filter(|d| {
            on_a_monitor(d) && (monitors.len() > 1 || !placement::overlap(*d, self.main_place()))
        });
        let (settings, make_room) = match remembered {
            Some(d) => (
                window::Settings {
                    size: iced::Size::new(d.width, d.height),
                    position: window::Position::Specific(iced::Point::new(d.x, d.y)),
                    ..base_window_settings()
                },
                Task::none(),
            ),
            None => match placement::display_monitor(&monitors, self.main_place()) {
                Some(m) => (
                    window::Settings {
                        size: iced::Size::new(size.width.min(m.width), size.height.min(m.height)),
                        position: window::Position::Specific(iced::Point::new(m.x, m.y)),
                        maximized: true,
                        ..base_window_settings()
                    },
                    Task::none(),
                ),
                None => {
                    let monitor = monitors.first().copied().or(self.monitor.map(|m| Place {
                        x: 0.0,
                        y: 0.0,
                        width: m.width,
                        height: m.height,
                    }));
                    match (monitor, self.main_window) {
                        (Some(monitor), Some(main)) => {
                            let (cashier, display) = placement::share(monitor);
                            // Full screen would keep covering the display: windowed first.
                            let windowed = if std::mem::take(&mut self.full_screen) {
                                window::set_mode(main, window::Mode::Windowed)
                            } else {
                                Task::none()
                            };
                            self.room_made.get_or_insert(self.main_place());
                            (
                                window::Settings {
                                    size: iced::Size::new(display.width, display.height),
                                    position: window::Position::Specific(iced::Point::new(
                                        display.x, display.y,
                                    )),
                                    ..base_window_settings()
                                },
                                Task::batch([windowed, place_window(main, cashier)]),
                            )
                        }
                        _ => (
                            window::Settings {
                                size,
                                ..base_window_settings()
                            },
                            Task::none(),
                        ),
                    }
                }
            },
        };
        let (_, open) = window::open(settings);
        Task::batch([make_room, open.map(Message::DisplayOpened)])
    }

    /// The display opened: the till keeps the keyboard (a key typed on the display must not act
    /// on a payment unseen).
    pub(super) fn display_opened(&mut self, id: window::Id) -> Task<Message> {
        self.display_opening = false;
        self.display_window = Some(id);
        match self.main_window {
            Some(main) => window::gain_focus(main),
            None => Task::none(),
        }
    }

    /// The display closed: the cashier window takes back the room it gave.
    pub(super) fn display_closed(&mut self) -> Task<Message> {
        self.display_window = None;
        match (self.room_made.take(), self.main_window) {
            (Some(before), Some(main)) => place_window(main, before),
            _ => Task::none(),
        }
    }
}

/// Puts a window at `place` (un-maximized first: a maximized window ignores a new size).
fn place_window(id: window::Id, place: Place) -> Task<Message> {
    Task::batch([
        window::maximize(id, false),
        window::move_to(id, iced::Point::new(place.x, place.y)),
        window::resize(id, iced::Size::new(place.width, place.height)),
    ])
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
