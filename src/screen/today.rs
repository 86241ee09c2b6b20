//! Today's sales, for counter staff: every sale since local midnight with its status, and the
//! total actually paid. The journal answers at once (also offline); the search API then adds
//! what this till did not ring up (another till, a sticker), marked as such; in a shop, the
//! shop server names the other tills' sales and adds those the API does not know.

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::journal::Entry;
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};
use crate::theme;
use crate::widget::sale_line;

/// The time column's width.
const WHEN: f32 = 80.0;

pub use crate::history::{Origin, Sale, merge};

#[derive(Debug)]
pub struct Today {
    lang: Lang,
    journal: Option<Vec<Entry>>,
    api: Option<Vec<Payment>>,
    /// The shop's sales of today, when the till is in a shop and the server answered.
    shop: Option<Vec<kassa_core::shop::ShopSale>>,
    /// The server's name for this till (its own sales are in its journal); `Some` in a shop.
    this_till: Option<String>,
    /// In a shop: this till's sales or the whole shop's.
    scope: crate::screen::history::Scope,
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
    /// The shop's sales of today (in a shop); when the server cannot be read, the list is the
    /// till's and the API's, as out of a shop.
    ShopLoaded(Result<Vec<kassa_core::shop::ShopSale>, String>),
    Refresh,
    /// In a shop: this till's sales or the whole shop's.
    Scope(crate::screen::history::Scope),
    Close,
    /// Cancel a payment still waiting (left behind by a crash, another till or a sticker).
    Cancel(String),
    ConfirmCancel,
    KeepIt,
    /// The cancel for this payment id ended.
    Cancelled(String, Result<(), String>),
    /// Open a sale (its payment, refunds and journal record), named by its ids rather than its
    /// line: a reload between drawing and the click must not open another sale.
    Open {
        payment_id: Option<String>,
        reference: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Load,
    Close,
    CancelPayment(String),
    /// Open a sale's payment (behind the manager's PIN).
    Open {
        payment_id: Option<String>,
        reference: Option<String>,
    },
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
            shop: None,
            this_till: None,
            scope: crate::screen::history::Scope::Shop,
            sales: None,
            problem: None,
            cancelling: None,
            info: None,
        }
    }

    /// In a shop, the server's name for this till.
    pub fn in_shop(mut self, till: Option<String>) -> Today {
        self.this_till = till;
        self
    }

    pub fn sales(&self) -> &[Sale] {
        self.sales.as_deref().unwrap_or_default()
    }

    fn remerge(&mut self) {
        if self.journal.is_none() && self.api.is_none() {
            return;
        }
        let merged = merge(
            self.journal.as_deref().unwrap_or_default(),
            self.api.as_deref().unwrap_or_default(),
        );
        self.sales = Some(match &self.shop {
            Some(shop) => crate::history::with_shop(merged, shop, self.this_till.as_deref()),
            None => merged,
        });
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::JournalLoaded(Ok(list)) => {
                self.journal = Some(list);
                self.remerge();
                Action::None
            }
            Message::ShopLoaded(Ok(list)) => {
                self.shop = Some(list);
                self.remerge();
                Action::None
            }
            Message::ShopLoaded(Err(why)) => {
                tracing::warn!(error = %why, "the shop server's sales of today were not read");
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
            Message::Scope(scope) => {
                self.scope = scope;
                Action::None
            }
            Message::Open {
                payment_id,
                reference,
            } => Action::Open {
                payment_id,
                reference,
            },
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

    /// Whether the till is in a shop (the other tills' sales can be shown).
    fn shop_known(&self) -> bool {
        self.this_till.is_some() || self.shop.is_some()
    }

    /// The lines shown: in a shop with "This till" chosen, only this till's.
    pub fn shown(&self) -> impl Iterator<Item = &Sale> {
        let own = self.shop_known() && self.scope == crate::screen::history::Scope::ThisTill;
        self.sales()
            .iter()
            .filter(move |s| !own || s.origin == Origin::ThisTill)
    }

    /// What was actually paid today (of the lines shown), tips included.
    pub fn total(&self) -> Money {
        crate::history::paid_total(self.shown())
    }

    pub fn view(&self) -> Element<'_, Message> {
        let header = row![
            text(fl!("today-title")).size(26).style(theme::brand),
            iced::widget::space::horizontal(),
        ]
        .push(self.shop_known().then(|| {
            crate::widget::segmented::segmented(
                vec![
                    crate::screen::history::Scope::ThisTill,
                    crate::screen::history::Scope::Shop,
                ],
                Some(self.scope),
                Message::Scope,
            )
        }))
        .push(
            row![
                button(text(fl!("today-refresh")))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::Refresh),
                button(text(fl!("settings-close")))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::Close),
            ]
            .spacing(10),
        )
        .spacing(10)
        .align_y(iced::Center);
        let mut list = column![].spacing(4);
        match &self.sales {
            None => list = list.push(text(fl!("today-loading"))),
            Some(ps) if ps.is_empty() => {
                list = list.push(text(fl!("today-none")).style(theme::muted))
            }
            Some(_) => {
                list = list.push(sale_line::header(fl!("sales-col-time"), WHEN));
                for s in self.shown() {
                    let when = crate::clock::time_of_day(s.at);
                    // The line opens the sale; cancelling stays beside it.
                    let line = button(sale_line::line(s, when, WHEN, 16.0, self.lang))
                        .width(Fill)
                        .padding([4, 8])
                        .style(theme::row)
                        .on_press(Message::Open {
                            payment_id: s.payment_id.clone(),
                            reference: s.reference.clone(),
                        });
                    list = list.push(
                        row![line]
                            .push(self.cancel_controls(s))
                            .spacing(8)
                            .align_y(iced::Center),
                    );
                }
            }
        }
        let mut col = column![header, scrollable(list).height(Fill)].spacing(14);
        if let Some(p) = &self.problem {
            col = col.push(problem(p, 16.0));
        }
        if let Some(i) = &self.info {
            col = col.push(text(i.clone()).style(theme::success));
        }
        let tips = crate::history::paid_tips(self.shown());
        let total = if tips.cents() > 0 {
            fl!(
                "today-total-tips",
                total = self.total().format(self.lang),
                tips = tips.format(self.lang)
            )
        } else {
            fl!("today-total", total = self.total().format(self.lang))
        };
        col = col.push(text(total).size(22));
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
