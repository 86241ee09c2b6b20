//! Today's sales, for counter staff: every sale since local midnight with its status, and the
//! total actually paid. The journal answers at once (also offline); the search API then adds
//! what this till did not ring up (another till, a sticker), marked as such.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill, Length};

use crate::fl;
use crate::i18n::Lang;
use crate::journal::Entry;
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};
use crate::theme;

pub use crate::history::{Origin, Sale, merge};

#[derive(Debug)]
pub struct Today {
    lang: Lang,
    journal: Option<Vec<Entry>>,
    api: Option<Vec<Payment>>,
    sales: Option<Vec<Sale>>,
    problem: Option<String>,
    /// The payment whose cancel is being asked about (`false`), then sent (`true`).
    cancelling: Option<(String, bool)>,
    info: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    JournalLoaded(Result<Vec<Entry>, String>),
    ApiLoaded(Result<Vec<Payment>, String>),
    Refresh,
    Close,
    /// Cancel a payment still waiting (left behind by a crash, another till or a sticker).
    Cancel(String),
    ConfirmCancel,
    KeepIt,
    /// The cancel for this payment id ended.
    Cancelled(String, Result<(), String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Load,
    Close,
    CancelPayment(String),
}

/// Whether a line can still be cancelled from here (nobody has paid it yet).
pub fn can_cancel(sale: &Sale) -> bool {
    sale.payment_id.is_some()
        && sale
            .status
            .as_ref()
            .is_some_and(PaymentStatus::is_cancellable)
}

impl Today {
    pub fn new(lang: Lang) -> Today {
        Today {
            lang,
            journal: None,
            api: None,
            sales: None,
            problem: None,
            cancelling: None,
            info: None,
        }
    }

    pub fn sales(&self) -> &[Sale] {
        self.sales.as_deref().unwrap_or_default()
    }

    fn remerge(&mut self) {
        if self.journal.is_none() && self.api.is_none() {
            return;
        }
        self.sales = Some(merge(
            self.journal.as_deref().unwrap_or_default(),
            self.api.as_deref().unwrap_or_default(),
        ));
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::JournalLoaded(Ok(list)) => {
                self.journal = Some(list);
                self.remerge();
                Action::None
            }
            Message::ApiLoaded(Ok(list)) => {
                self.api = Some(list);
                self.problem = None;
                self.remerge();
                Action::None
            }
            Message::JournalLoaded(Err(e)) | Message::ApiLoaded(Err(e)) => {
                self.problem = Some(e);
                if self.sales.is_none() {
                    self.journal.get_or_insert_with(Vec::new);
                    self.remerge();
                }
                Action::None
            }
            Message::Refresh => Action::Load,
            Message::Close => Action::Close,
            Message::Cancel(id) => {
                self.cancelling = Some((id, false));
                self.info = None;
                Action::None
            }
            Message::KeepIt => {
                self.cancelling = None;
                Action::None
            }
            Message::ConfirmCancel => match &mut self.cancelling {
                Some((id, sent)) if !*sent => {
                    *sent = true;
                    Action::CancelPayment(id.clone())
                }
                _ => Action::None,
            },
            Message::Cancelled(id, result) => {
                if self.cancelling.as_ref().is_some_and(|(c, _)| *c == id) {
                    self.cancelling = None;
                }
                match result {
                    Ok(()) => {
                        self.info = Some(fl!("today-cancelled"));
                        self.problem = None;
                    }
                    Err(e) => self.problem = Some(e),
                }
                Action::Load
            }
        }
    }

    /// What was actually paid today, tips included.
    pub fn total(&self) -> Money {
        crate::history::paid_total(self.sales())
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
        match &self.sales {
            None => list = list.push(text(fl!("today-loading"))),
            Some(ps) if ps.is_empty() => {
                list = list.push(text(fl!("today-none")).style(theme::muted))
            }
            Some(ps) => {
                for s in ps {
                    let paid = s.status == Some(PaymentStatus::Succeeded);
                    let label = match &s.status {
                        Some(st) => status_label(st),
                        None => fl!("attention-unknown"),
                    };
                    let status = text(label).width(Length::Fixed(200.0));
                    // Description with where it came from and its reference beneath, so a long
                    // one is not squeezed.
                    let what = crate::widget::described::described(
                        s.description.as_deref(),
                        &crate::words::sale_note(s),
                        16.0,
                    );
                    let line = row![
                        text(crate::clock::time_of_day(s.at)).width(Length::Fixed(90.0)),
                        text(s.amount.format(self.lang)).width(Length::Fixed(110.0)),
                        if paid {
                            status.style(theme::success)
                        } else {
                            status.style(theme::muted)
                        },
                        what,
                    ]
                    .push(self.cancel_controls(s))
                    .spacing(12)
                    .align_y(iced::Center);
                    list = list.push(line);
                }
            }
        }
        let mut col = column![header, scrollable(list).height(Fill)].spacing(14);
        if let Some(p) = &self.problem {
            col = col.push(text(p.clone()).style(theme::error));
        }
        if let Some(i) = &self.info {
            col = col.push(text(i.clone()).style(theme::success));
        }
        col = col.push(text(fl!("today-total", total = self.total().format(self.lang))).size(22));
        container(col)
            .padding(24)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

impl Today {
    /// Cancel for a line still waiting; the question (or "Cancelling…") for the one asked about.
    fn cancel_controls(&self, sale: &Sale) -> Option<Element<'_, Message>> {
        if !can_cancel(sale) {
            return None;
        }
        let id = sale.payment_id.clone()?;
        let small = |label: String| button(text(label).size(14)).padding([6, 10]);
        Some(match &self.cancelling {
            Some((c, false)) if *c == id => row![
                text(fl!("today-cancel-question")).size(14),
                small(fl!("today-keep"))
                    .style(theme::secondary)
                    .on_press(Message::KeepIt),
                small(fl!("today-cancel-it"))
                    .style(theme::danger)
                    .on_press(Message::ConfirmCancel),
            ]
            .spacing(6)
            .align_y(iced::Center)
            .into(),
            Some((c, true)) if *c == id => text(fl!("today-cancelling")).size(14).into(),
            _ => small(fl!("today-cancel"))
                .style(theme::secondary)
                .on_press(Message::Cancel(id))
                .into(),
        })
    }
}

pub use crate::words::status_label;
