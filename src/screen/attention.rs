//! "Needs attention": sales the till lost sight of (a crash, an unanswered create, a checkout
//! left while the outcome was unknown), shown on the till until they are settled. Live ones
//! reopen with one click; ones that ended while nobody watched say how.

use crate::widget::action::button;
use iced::widget::{column, container, row, text};
use iced::{Center, Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::recovery::{Watch, Watched};
use crate::screen::today::status_label;
use crate::theme;

#[derive(Debug, Clone)]
pub enum Message {
    Reopen(String),
    Dismiss(String),
}

/// At most this many lines; the rest are counted.
const SHOWN: usize = 3;

pub fn view(items: &[Watched], lang: Lang) -> Option<Element<'_, Message>> {
    if items.is_empty() {
        return None;
    }
    let mut list = column![text(fl!("attention-title")).size(18).style(theme::warning)].spacing(6);
    for item in items.iter().take(SHOWN) {
        let e = &item.entry;
        let (what, action): (String, Option<Element<'_, Message>>) = match &item.state {
            Watch::Checking { .. } if e.payment_id.is_none() => (fl!("attention-unknown"), None),
            Watch::Checking { .. } => (fl!("attention-checking"), None),
            Watch::Live(p) => (
                status_label(&p.status),
                Some(
                    button(text(fl!("attention-reopen")))
                        .padding([6, 12])
                        .style(theme::primary)
                        .on_press(Message::Reopen(e.reference.clone()))
                        .into(),
                ),
            ),
            Watch::Ended(p) => (
                fl!("attention-ended", status = status_label(&p.status)),
                Some(
                    button(text(fl!("attention-dismiss")))
                        .padding([6, 12])
                        .style(theme::secondary)
                        .on_press(Message::Dismiss(e.reference.clone()))
                        .into(),
                ),
            ),
        };
        let amount = item.amount();
        list = list.push(
            row![
                text(crate::clock::time_of_day(e.attempted_at)).size(15),
                text(amount.format(lang)).size(15),
                text(e.reference.clone()).size(13).style(theme::muted),
                text(what).size(15).width(Fill),
            ]
            .push(action)
            .spacing(12)
            .align_y(Center),
        );
    }
    if items.len() > SHOWN {
        let more = (items.len() - SHOWN) as u64;
        list = list.push(
            text(fl!("attention-more", count = more))
                .size(14)
                .style(theme::muted),
        );
    }
    Some(
        container(list)
            .padding([8, 14])
            .width(Fill)
            .style(theme::attention)
            .into(),
    )
}
