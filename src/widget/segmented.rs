//! A choice among a few options as a row of buttons, the chosen one filled: one tap instead of
//! opening a list, and no overlay. It replaces `pick_list` inside scrollables, whose label
//! tiny-skia's damage tracking painted past the scrollable's edge and never repainted (cached
//! text clipped by its centred bounds, iced-rs/iced#2665 and #3351).

use std::fmt::Display;

use crate::widget::action::button;
use iced::widget::{row, text};
use iced::{Element, Length};

use crate::theme;

/// One button per option, in order, wrapping onto a second line when the row is too narrow.
pub fn segmented<'a, T, M>(
    options: Vec<T>,
    selected: Option<T>,
    on_select: impl Fn(T) -> M + 'a,
) -> Element<'a, M>
where
    T: Display + PartialEq + Clone + 'a,
    M: Clone + 'a,
{
    let buttons = options.into_iter().map(|option| {
        let chosen = selected.as_ref() == Some(&option);
        let label = text(option.to_string()).size(16);
        let b = button(label)
            .padding([8, 14])
            .width(Length::Shrink)
            .style(if chosen {
                theme::chosen
            } else {
                theme::secondary
            });
        // The chosen option is not a button to press again.
        if chosen {
            b.into()
        } else {
            b.on_press(on_select(option)).into()
        }
    });
    row(buttons).spacing(6).wrap().into()
}
