//! The on-screen number pad: digits, the decimal comma and backspace. It fills the room it is
//! given (a counter's touch screen is the point), keys never smaller than [`MIN_KEY`].

use iced::widget::{button, column, row, text};
use iced::{Center, Element, Fill};

use crate::theme;

/// What a key press means, for the till's amount buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Digit(char),
    Separator,
    Backspace,
}

/// The smallest key, in logical pixels: about 19 mm on a 15" 1024×768 panel, twice what touch
/// guidelines ask at the least.
pub const MIN_KEY: f32 = 64.0;
pub const GAP: f32 = 10.0;

/// A 4×3 pad filling its container; `separator` is the locale's decimal mark, `label` the size
/// of the digits.
pub fn keypad<'a, M: Clone + 'a>(
    separator: char,
    label: f32,
    on_key: impl Fn(Key) -> M + 'a,
) -> Element<'a, M> {
    let key = |caption: String, k: Key| {
        button(
            text(caption)
                .size(label)
                .width(Fill)
                .height(Fill)
                .align_x(Center)
                .align_y(Center),
        )
        .width(Fill)
        .height(Fill)
        .padding(4)
        .style(theme::key)
        .on_press(on_key(k))
    };
    let digit = |d: char| key(d.to_string(), Key::Digit(d));
    let line = |keys: [iced::widget::Button<'a, M>; 3]| {
        let [a, b, c] = keys;
        row![a, b, c].spacing(GAP).height(Fill)
    };
    column![
        line([digit('7'), digit('8'), digit('9')]),
        line([digit('4'), digit('5'), digit('6')]),
        line([digit('1'), digit('2'), digit('3')]),
        line([
            key(separator.to_string(), Key::Separator),
            digit('0'),
            key("⌫".into(), Key::Backspace)
        ]),
    ]
    .spacing(GAP)
    .width(Fill)
    .height(Fill)
    .into()
}
