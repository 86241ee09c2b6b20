//! A sale as a line of a list (Today's sales, the payment history): when, the amount and the
//! tip right-aligned in their columns so the figures line up, the status in the shared words,
//! and what was sold. One layout for both lists, with a header of the same columns.

use iced::widget::{Row, row, text};
use iced::{Element, Length, Right};

use crate::fl;
use crate::history::Sale;
use crate::i18n::Lang;
use crate::payconiq::model::PaymentStatus;
use crate::theme;
use crate::widget::figure::figure;

/// Column widths: room for €9,999.99 (and "9.999,99 €"), a tip, and the longest status word.
pub const AMOUNT: f32 = 110.0;
pub const TIP: f32 = 80.0;
pub const STATUS: f32 = 170.0;
const SPACING: f32 = 12.0;

/// The column titles; `when` names the first column (time or date) of `when_width`.
pub fn header<'a, M: 'a>(when: String, when_width: f32) -> Element<'a, M> {
    let title = |s: String| text(s).size(13).style(theme::muted);
    row![
        title(when).width(Length::Fixed(when_width)),
        title(fl!("sales-col-amount"))
            .width(Length::Fixed(AMOUNT))
            .align_x(Right),
        title(fl!("sales-col-tip"))
            .width(Length::Fixed(TIP))
            .align_x(Right),
        title(fl!("sales-col-status")).width(Length::Fixed(STATUS)),
        title(fl!("sales-col-sale")),
    ]
    .spacing(SPACING)
    // As the lines' content sits inside their buttons' padding.
    .padding([0, 8])
    .into()
}

/// `sale` as a line: `when` in its column, then amount, tip, status and what was sold.
pub fn line<'a, M: 'a>(
    sale: &Sale,
    when: String,
    when_width: f32,
    size: f32,
    lang: Lang,
) -> Row<'a, M> {
    let status = match &sale.status {
        Some(st) => crate::words::status_label(st),
        None => fl!("attention-unknown"),
    };
    let paid = sale.status == Some(PaymentStatus::Succeeded);
    let tip = sale.tip.filter(|_| paid).map(|t| t.format(lang));
    row![
        text(when).size(size).width(Length::Fixed(when_width)),
        figure(text(sale.amount.format(lang)).size(size), AMOUNT),
        figure(
            text(tip.unwrap_or_default()).size(size).style(theme::muted),
            TIP
        ),
        text(status)
            .size(size)
            .width(Length::Fixed(STATUS))
            .style(if paid { theme::success } else { theme::muted }),
        crate::widget::described::described(
            sale.description.as_deref(),
            &crate::words::sale_note(sale),
            size,
        ),
    ]
    .spacing(SPACING)
    .align_y(iced::Center)
}
