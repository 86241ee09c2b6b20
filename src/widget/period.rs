//! Two typed dates (`YYYY-MM-DD`, both days included) and a Show button, as the history and
//! payout screens ask for a period.

use crate::widget::action::button;
use iced::widget::{Row, row, text, text_input};
use iced::{Length, Theme};

use crate::fl;
use crate::theme;

pub fn inputs<'a, M: Clone + 'a>(
    from: &str,
    to: &str,
    on_from: impl Fn(String) -> M + 'a,
    on_to: impl Fn(String) -> M + 'a,
    show: M,
) -> Row<'a, M, Theme> {
    let date = |placeholder: String, value: &str| {
        text_input(&placeholder, value)
            .on_submit(show.clone())
            .padding(8)
            .width(Length::Fixed(160.0))
    };
    row![
        date(fl!("history-from"), from).on_input(on_from),
        date(fl!("history-to"), to).on_input(on_to),
        button(text(fl!("history-show")))
            .padding([8, 14])
            .style(theme::secondary)
            .on_press(show),
    ]
    .spacing(10)
}
