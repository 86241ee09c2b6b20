//! The on-screen number pad: digits, the decimal comma and backspace.

use iced::widget::{button, column, row, text};
use iced::{Center, Element, Fill, Length};

use crate::theme;

/// What a key press means, for the till's amount buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Digit(char),
    Separator,
    Backspace,
}

/// Height of one key: a comfortable touch target that keeps the pad within a 768-pixel screen.
const KEY_HEIGHT: f32 = 58.0;
const GAP: f32 = 8.0;

/// A 4×3 pad; `separator` is the locale's decimal mark.
pub fn keypad<'a, M: Clone + 'a>(
    separator: char,
    on_key: impl Fn(Key) -> M + 'a,
) -> Element<'a, M> {
    let key = |label: String, k: Key| {
        button(text(label).size(28).width(Fill).align_x(Center))
            .width(Length::Fixed(92.0))
            .height(Length::Fixed(KEY_HEIGHT))
            .padding([12, 8])
            .style(theme::key)
            .on_press(on_key(k))
    };
    let digit = |d: char| key(d.to_string(), Key::Digit(d));
    column![
        row![digit('7'), digit('8'), digit('9')].spacing(GAP),
        row![digit('4'), digit('5'), digit('6')].spacing(GAP),
        row![digit('1'), digit('2'), digit('3')].spacing(GAP),
        row![
            key(separator.to_string(), Key::Separator),
            digit('0'),
            key("⌫".into(), Key::Backspace)
        ]
        .spacing(GAP),
    ]
    .spacing(GAP)
    .into()
}
