//! The till's keyboard shortcuts: one table, read by the key handler, shown on the buttons as
//! hints, and listed in the README (a test keeps the README and this table equal).

use iced::keyboard::{self, key::Named};

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Today's sales (from the till).
    Today,
    /// An invoice QR for a customer who pays later (from the till).
    Invoice,
    /// The manager's screens, behind the PIN (from the till).
    Manager,
    /// Shows or hides the customer display.
    Display,
    /// Locks the manager's screens now (from a manager screen).
    Lock,
    /// Full screen on and off.
    FullScreen,
}

pub struct Binding {
    pub command: Command,
    pub key: Named,
    /// The key as printed on the button and in the README.
    pub hint: &'static str,
}

/// F-keys, as counter software uses them: one press, no modifier to hold, on every keyboard
/// layout.
pub const BINDINGS: [Binding; 6] = [
    Binding {
        command: Command::Today,
        key: Named::F2,
        hint: "F2",
    },
    Binding {
        command: Command::Invoice,
        key: Named::F3,
        hint: "F3",
    },
    Binding {
        command: Command::Manager,
        key: Named::F4,
        hint: "F4",
    },
    Binding {
        command: Command::Display,
        key: Named::F6,
        hint: "F6",
    },
    Binding {
        command: Command::Lock,
        key: Named::F8,
        hint: "F8",
    },
    Binding {
        command: Command::FullScreen,
        key: Named::F11,
        hint: "F11",
    },
];

/// The command a key press asks for, if it is a shortcut.
pub fn command(event: &keyboard::Event) -> Option<Command> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    if modifiers.control() || modifiers.alt() || modifiers.logo() {
        return None;
    }
    let keyboard::Key::Named(named) = key else {
        return None;
    };
    BINDINGS.iter().find(|b| b.key == *named).map(|b| b.command)
}

/// The key printed on the button for `command`.
pub fn hint(command: Command) -> &'static str {
    BINDINGS
        .iter()
        .find(|b| b.command == command)
        .map_or("", |b| b.hint)
}

/// A key press of `key` (for tests and for the Tab handling).
pub fn press(key: Named, shift: bool) -> keyboard::Event {
    let modifiers = if shift {
        keyboard::Modifiers::SHIFT
    } else {
        keyboard::Modifiers::default()
    };
    keyboard::Event::KeyPressed {
        key: keyboard::Key::Named(key),
        modified_key: keyboard::Key::Named(key),
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_key_and_a_key_one_command() {
        for b in &BINDINGS {
            assert_eq!(command(&press(b.key, false)), Some(b.command));
            assert_eq!(hint(b.command), b.hint);
            assert_eq!(BINDINGS.iter().filter(|o| o.key == b.key).count(), 1);
        }
        assert_eq!(command(&press(Named::F1, false)), None);
    }
}
