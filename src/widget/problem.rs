//! Why something failed, as a screen shows it: the words in the cashier's language, and the
//! provider's code beneath in small print (see `explain::FINE_PRINT`).

use iced::Element;
use iced::widget::{column, text};

use crate::theme;

pub fn problem<'a, M: 'a>(explained: &str, size: f32) -> Element<'a, M> {
    let (words, fine) = crate::explain::split(explained);
    column![text(words.to_string()).size(size).style(theme::error)]
        .push(fine.map(|f| text(f.to_string()).size(12).style(theme::muted)))
        .spacing(2)
        .into()
}
