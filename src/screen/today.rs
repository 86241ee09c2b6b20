//! Today's sales, for counter staff: every payment since midnight with its status, and the
//! total actually paid.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill, Length};

use crate::fl;
use crate::i18n::Lang;
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};
use crate::screen::checkout::local_time;
use crate::theme;

#[derive(Debug)]
pub struct Today {
    lang: Lang,
    payments: Option<Vec<Payment>>,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<Payment>, String>),
    Refresh,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Load,
    Close,
}

impl Today {
    pub fn new(lang: Lang) -> Today {
        Today {
            lang,
            payments: None,
            problem: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Loaded(Ok(list)) => {
                self.payments = Some(list);
                self.problem = None;
                Action::None
            }
            Message::Loaded(Err(e)) => {
                self.problem = Some(e);
                Action::None
            }
            Message::Refresh => Action::Load,
            Message::Close => Action::Close,
        }
    }

    /// What was actually paid today, tips included.
    pub fn total(&self) -> Money {
        self.payments
            .iter()
            .flatten()
            .filter(|p| p.status == PaymentStatus::Succeeded)
            .map(Payment::paid_total)
            .sum()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let header = row![
            text(fl!("today-title")).size(26).style(theme::brand),
            iced::widget::space::horizontal(),
            button(text(fl!("today-refresh")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::Refresh),
            button(text(fl!("settings-close")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::Close),
        ]
        .spacing(10);
        let mut list = column![].spacing(6);
        match &self.payments {
            None => list = list.push(text(fl!("today-loading"))),
            Some(ps) if ps.is_empty() => {
                list = list.push(text(fl!("today-none")).style(theme::muted))
            }
            Some(ps) => {
                for p in ps {
                    let time = p.created_at.map(local_time).unwrap_or_default();
                    let paid = p.status == PaymentStatus::Succeeded;
                    let status = text(status_label(&p.status)).width(Length::Fixed(220.0));
                    list = list.push(
                        row![
                            text(time).width(Length::Fixed(90.0)),
                            text(p.paid_total().format(self.lang)).width(Length::Fixed(120.0)),
                            if paid {
                                status.style(theme::success)
                            } else {
                                status.style(theme::muted)
                            },
                            text(p.description.clone().unwrap_or_default()).width(Fill),
                            text(p.reference.clone().unwrap_or_default())
                                .size(14)
                                .style(theme::muted),
                        ]
                        .spacing(12),
                    );
                }
            }
        }
        let mut col = column![header, scrollable(list).height(Fill)].spacing(14);
        if let Some(p) = &self.problem {
            col = col.push(text(p.clone()).style(theme::error));
        }
        col = col.push(text(fl!("today-total", total = self.total().format(self.lang))).size(22));
        container(col)
            .padding(24)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

pub fn status_label(status: &PaymentStatus) -> String {
    match status {
        PaymentStatus::Succeeded => fl!("final-paid"),
        PaymentStatus::Cancelled => fl!("final-cancelled"),
        PaymentStatus::Expired => fl!("final-expired"),
        PaymentStatus::AuthorizationFailed => fl!("final-authorization-failed"),
        PaymentStatus::Failed => fl!("final-failed"),
        PaymentStatus::Voided => fl!("final-voided"),
        PaymentStatus::Pending => fl!("step-waiting"),
        PaymentStatus::Identified => fl!("step-scanned"),
        PaymentStatus::Authorized => fl!("step-authorized"),
        PaymentStatus::PendingMerchantAcknowledgement => fl!("checkout-complete"),
        PaymentStatus::Other(s) => s.clone(),
    }
}
