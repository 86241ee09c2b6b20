//! A sale's words in a list row: its description, with a smaller muted note beneath (where it
//! came from, its reference).

use iced::widget::{column, text};
use iced::{Element, Fill};

use crate::theme;

/// `description` above `note`. An empty one takes no line, so a sale without a description
/// shows its note level with the rest of the row rather than under a blank line.
pub fn described<'a, M: 'a>(description: Option<&str>, note: &str, size: f32) -> Element<'a, M> {
    let description = description.map(str::trim).filter(|d| !d.is_empty());
    column![]
        .push(description.map(|d| text(d.to_string()).size(size)))
        .push(
            (!note.is_empty()).then(|| text(note.to_string()).size(size - 3.0).style(theme::muted)),
        )
        .width(Fill)
        .into()
}
