//! "Needs attention": sales the till lost sight of (a crash, an unanswered create, a checkout
//! left while the outcome was unknown), shown on the till until they are settled. Live ones
//! reopen with one click; ones that ended while nobody watched say how.

use iced::task;
use iced::widget::{button, column, container, row, text};
use iced::{Center, Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::journal::Entry;
use crate::payconiq::model::Payment;
use crate::screen::today::status_label;
use crate::theme;

/// What is known of a sale needing attention.
#[derive(Debug, Clone)]
pub enum State {
    /// Being looked up (`tries` so far; why the last could not decide).
    Checking { tries: u32, problem: Option<String> },
    /// Still live at the provider: the checkout can reopen.
    Live(Box<Payment>),
    /// It ended while nobody watched; the cashier should know how.
    Ended(Box<Payment>),
}

#[derive(Debug)]
pub struct Item {
    pub entry: Entry,
    pub state: State,
    /// The look-up under way or waiting to run; dropping the item aborts it.
    pub task: Option<task::Handle>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Reopen(String),
    Dismiss(String),
}

/// At most this many lines; the rest are counted.
const SHOWN: usize = 3;

pub fn view(items: &[Item], lang: Lang) -> Option<Element<'_, Message>> {
    if items.is_empty() {
        return None;
    }
    let mut list = column![text(fl!("attention-title")).size(18).style(theme::warning)].spacing(6);
    for item in items.iter().take(SHOWN) {
        let e = &item.entry;
        let (what, action): (String, Option<Element<'_, Message>>) = match &item.state {
            State::Checking { .. } if e.payment_id.is_none() => (fl!("attention-unknown"), None),
            State::Checking { .. } => (fl!("attention-checking"), None),
            State::Live(p) => (
                status_label(&p.status),
                Some(
                    button(text(fl!("attention-reopen")))
                        .padding([6, 12])
                        .style(theme::primary)
                        .on_press(Message::Reopen(e.reference.clone()))
                        .into(),
                ),
            ),
            State::Ended(p) => (
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
        let amount = match &item.state {
            State::Live(p) | State::Ended(p) => p.paid_total(),
            State::Checking { .. } => e.amount,
        };
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
