//! Form rows shared by the manager's forms (settings, refunds): a label of fixed width beside
//! its control, and the plain secondary button.

use crate::widget::action::button;
use iced::widget::{row, text};
use iced::{Element, Length};

use crate::theme;

/// `label` in a column of `width` pixels, then `control`.
pub fn labelled<'a, M: 'a>(
    label: String,
    width: f32,
    control: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    row![text(label).width(Length::Fixed(width)), control.into()]
        .spacing(12)
        .align_y(iced::Center)
        .into()
}

/// A secondary button that always does `message`.
pub fn action<'a, M: Clone + 'a>(label: String, message: M) -> Element<'a, M> {
    button(text(label))
        .padding([8, 14])
        .style(theme::secondary)
        .on_press(message)
        .into()
}
