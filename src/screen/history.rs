//! Payment history (manager): the journal's sales and the search API's payments for a period,
//! merged (`history::merge`), filtered as typed without fetching again, in a list that lays out
//! only the rows in view, so thousands of payments stay fast. A row, or a typed payment id,
//! opens its detail.

use crate::widget::action::button;
use crate::widget::problem::problem;
use crate::widget::sale_line;
use iced::widget::scrollable::Viewport;
use iced::widget::{column, container, pick_list, row, scrollable, space, text, text_input};
use iced::{Element, Fill, Length};
use time::OffsetDateTime;

use crate::fl;
use crate::history::{self, Filter, Sale, StatusFilter};
use crate::i18n::Lang;
use crate::journal::{Entry, RefundEntry};
use crate::payconiq::model::Payment;
use crate::theme;

/// Every row has this height, so the rows in view follow from the scroll offset alone.
pub const ROW_HEIGHT: f32 = 46.0;
/// The date-and-time column's width.
const WHEN: f32 = 150.0;
/// Rows laid out beyond the visible ones, above and below.
const OVERSCAN: usize = 4;

/// The periods offered, in days back from now.
const RANGES: [u32; 4] = [1, 7, 30, 90];

#[derive(Debug)]
pub struct History {
    lang: Lang,
    days: u32,
    journal: Option<Vec<Entry>>,
    api: Option<Vec<Payment>>,
    sales: Vec<Sale>,
    filter: Filter,
    /// Positions in `sales` that pass the filter.
    shown: Vec<usize>,
    /// What those paid, tips included (worked out when the filter changes, not per frame).
    shown_paid: crate::money::Money,
    offset: f32,
    viewport: f32,
    typed_id: String,
    /// A period typed as dates (`YYYY-MM-DD`, both days included), instead of a preset.
    typed_from: String,
    typed_to: String,
    /// The period shown when it was typed: its start and its (exclusive) end.
    period: Option<(OffsetDateTime, OffsetDateTime)>,
    /// Refunds refused until the customer's account is known: to try again.
    reminders: Vec<RefundEntry>,
    problem: Option<String>,
    /// The shop server's sales, when the till is in a shop.
    shop: ShopView,
    /// This till's sales only, or the whole shop's.
    scope: Scope,
    /// The server's name for this till (its own sales are in its journal).
    this_till: Option<String>,
}

/// What the shop server said for the period.
#[derive(Debug, Clone, PartialEq)]
pub enum ShopView {
    /// The till is in no shop: its own history is all there is.
    NotInShop,
    Loading,
    Loaded(Vec<kassa_core::shop::ShopSale>),
    /// The server could not be read: this till's own sales are shown, and it says so.
    Offline(String),
}

/// Whose sales the list shows, when the till is in a shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    ThisTill,
    Shop,
}

#[derive(Debug, Clone)]
pub enum Message {
    JournalLoaded(Result<Vec<Entry>, String>),
    /// The shop server's sales for the period, or why not.
    ShopLoaded(Result<Vec<kassa_core::shop::ShopSale>, String>),
    Scope(Scope),
    ApiLoaded(Result<Vec<Payment>, String>),
    Reminders(Vec<RefundEntry>),
    /// Open the payment of reminder `n`.
    Remind(usize),
    Range(Range),
    Status(StatusChoice),
    Text(String),
    Scrolled(Viewport),
    Open(usize),
    TypedId(String),
    OpenTyped,
    From(String),
    To(String),
    ShowPeriod,
    Settings,
    Shift,
    Payouts,
    Refund,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Load the journal and the API for this period (start, exclusive end).
    Load(OffsetDateTime, OffsetDateTime),
    Open {
        payment_id: Option<String>,
        reference: Option<String>,
    },
    Settings,
    Shift,
    Payouts,
    Refund,
    Close,
}

/// A period choice, shown in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range(pub u32);

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            1 => fl!("history-range-today"),
            d => fl!("history-range-days", days = d.to_string()),
        })
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Scope::ThisTill => fl!("history-scope-till"),
            Scope::Shop => fl!("history-scope-shop"),
        })
    }
}

/// A status filter, shown in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChoice(pub StatusFilter);

impl std::fmt::Display for StatusChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            StatusFilter::All => fl!("history-status-all"),
            StatusFilter::Paid => fl!("history-status-paid"),
            StatusFilter::Open => fl!("history-status-open"),
            StatusFilter::NotPaid => fl!("history-status-not-paid"),
        })
    }
}

impl History {
    pub fn new(lang: Lang) -> History {
        History {
            lang,
            days: 7,
            journal: None,
            api: None,
            sales: Vec::new(),
            filter: Filter::default(),
            shown: Vec::new(),
            shown_paid: crate::money::Money::default(),
            offset: 0.0,
            viewport: 800.0,
            typed_id: String::new(),
            typed_from: String::new(),
            typed_to: String::new(),
            period: None,
            reminders: Vec::new(),
            problem: None,
            shop: ShopView::NotInShop,
            scope: Scope::Shop,
            this_till: None,
        }
    }

    /// Shows the whole shop's sales too (the till is in a shop, `till` to the server).
    pub fn in_shop(mut self, till: Option<String>) -> History {
        self.shop = ShopView::Loading;
        self.this_till = till;
        self
    }

    pub fn shop(&self) -> &ShopView {
        &self.shop
    }

    /// The period shown: a typed one, else from the beginning of the day `days - 1` days ago
    /// (local time) until now.
    pub fn period(&self) -> (OffsetDateTime, OffsetDateTime) {
        self.period.unwrap_or_else(|| {
            (
                crate::clock::today_start() - time::Duration::days(i64::from(self.days) - 1),
                OffsetDateTime::now_utc() + time::Duration::minutes(1),
            )
        })
    }

    pub fn sales(&self) -> &[Sale] {
        &self.sales
    }

    /// The lines passing the filter, in order.
    pub fn shown(&self) -> impl Iterator<Item = &Sale> {
        self.shown.iter().map(|&i| &self.sales[i])
    }

    /// The positions (in the filtered list) of the rows laid out now.
    pub fn laid_out(&self) -> std::ops::Range<usize> {
        let first = ((self.offset / ROW_HEIGHT).floor() as usize).saturating_sub(OVERSCAN);
        let count = (self.viewport / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        first.min(self.shown.len())..(first + count).min(self.shown.len())
    }

    fn reload(&mut self) -> Action {
        self.journal = None;
        self.api = None;
        if self.shop != ShopView::NotInShop {
            self.shop = ShopView::Loading;
        }
        let (from, to) = self.period();
        Action::Load(from, to)
    }

    fn remerge(&mut self) {
        self.sales = history::merge(
            self.journal.as_deref().unwrap_or_default(),
            self.api.as_deref().unwrap_or_default(),
        );
        if let ShopView::Loaded(shop) = &self.shop {
            self.sales = history::with_shop(
                std::mem::take(&mut self.sales),
                shop,
                self.this_till.as_deref(),
            );
        }
        self.refilter();
    }

    fn refilter(&mut self) {
        self.shown = history::filtered(&self.sales, &self.filter, self.lang);
        if self.scope == Scope::ThisTill && self.shop != ShopView::NotInShop {
            self.shown
                .retain(|&i| self.sales[i].origin == history::Origin::ThisTill);
        }
        self.shown_paid = history::paid_total(self.shown.iter().map(|&i| &self.sales[i]));
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
            Message::ShopLoaded(Ok(list)) => {
                self.shop = ShopView::Loaded(list);
                self.remerge();
                Action::None
            }
            Message::ShopLoaded(Err(why)) => {
                self.shop = ShopView::Offline(why);
                self.remerge();
                Action::None
            }
            Message::Scope(scope) => {
                self.scope = scope;
                self.refilter();
                // The whole shop as it is now: the other tills may have sold meanwhile.
                if scope == Scope::Shop {
                    return self.reload();
                }
                Action::None
            }
            Message::Reminders(list) => {
                self.reminders = list;
                Action::None
            }
            Message::Remind(n) => match self.reminders.get(n) {
                Some(r) => Action::Open {
                    payment_id: Some(r.payment_id.clone()),
                    reference: None,
                },
                None => Action::None,
            },
            Message::JournalLoaded(Err(e)) | Message::ApiLoaded(Err(e)) => {
                self.problem = Some(e);
                Action::None
            }
            Message::Range(r) => {
                self.days = r.0;
                self.period = None;
                self.reload()
            }
            Message::From(t) => {
                self.typed_from = t;
                Action::None
            }
            Message::To(t) => {
                self.typed_to = t;
                Action::None
            }
            Message::ShowPeriod => {
                let zone = crate::clock::zone();
                let from = crate::clock::day_start_of(&self.typed_from, &zone);
                // The end day is included: the period ends when the next day starts.
                let to = crate::clock::day_start_of(&self.typed_to, &zone)
                    .map(|d| crate::clock::day_start_in(d + time::Duration::hours(36), &zone));
                match (from, to) {
                    (Some(f), Some(t)) if f < t => {
                        self.period = Some((f, t));
                        self.problem = None;
                        self.reload()
                    }
                    _ => {
                        self.problem = Some(fl!("history-bad-period"));
                        Action::None
                    }
                }
            }
            Message::Status(s) => {
                self.filter.status = s.0;
                self.refilter();
                Action::None
            }
            Message::Text(t) => {
                self.filter.text = t;
                self.refilter();
                Action::None
            }
            Message::Scrolled(v) => {
                self.offset = v.absolute_offset().y;
                self.viewport = v.bounds().height;
                Action::None
            }
            Message::Open(i) => match self.sales.get(i) {
                Some(s) => Action::Open {
                    payment_id: s.payment_id.clone(),
                    reference: s.reference.clone(),
                },
                None => Action::None,
            },
            Message::TypedId(t) => {
                self.typed_id = t;
                Action::None
            }
            Message::OpenTyped => {
                let id = self.typed_id.trim();
                if id.is_empty() {
                    return Action::None;
                }
                Action::Open {
                    payment_id: Some(id.to_string()),
                    reference: None,
                }
            }
            Message::Settings => Action::Settings,
            Message::Shift => Action::Shift,
            Message::Payouts => Action::Payouts,
            Message::Refund => Action::Refund,
            Message::Close => Action::Close,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let ranges: Vec<Range> = RANGES.into_iter().map(Range).collect();
        let statuses: Vec<StatusChoice> = StatusFilter::ALL.into_iter().map(StatusChoice).collect();
        // The actions flow onto a second line in a narrow window (one shared with the
        // customer display) rather than running out of it.
        let actions = row![
            button(text(fl!("history-refund-button")))
                .style(theme::secondary)
                .on_press(Message::Refund),
            button(text(fl!("payouts-open-button")))
                .style(theme::secondary)
                .on_press(Message::Payouts),
            button(text(fl!("shift-open-button")))
                .style(theme::secondary)
                .on_press(Message::Shift),
            button(text(fl!("history-settings")))
                .style(theme::secondary)
                .on_press(Message::Settings),
            button(text(fl!("settings-close")))
                .style(theme::secondary)
                .on_press(Message::Close),
        ]
        .spacing(10)
        .wrap()
        .vertical_spacing(10)
        .align_x(iced::Right);
        let header = row![
            text(fl!("history-title")).size(24).style(theme::brand),
            space::horizontal(),
            actions,
        ]
        .spacing(10)
        .align_y(iced::Center);
        let filters = row![
            pick_list(ranges, Some(Range(self.days)), Message::Range),
            pick_list(
                statuses,
                Some(StatusChoice(self.filter.status)),
                Message::Status
            ),
            text_input(&fl!("history-search"), &self.filter.text)
                .on_input(Message::Text)
                .padding(8)
                .width(Fill),
        ]
        .spacing(10)
        .align_y(iced::Center);
        let period_and_id = crate::widget::period::inputs(
            &self.typed_from,
            &self.typed_to,
            Message::From,
            Message::To,
            Message::ShowPeriod,
        )
        .push(
            text_input(&fl!("history-payment-id"), &self.typed_id)
                .on_input(Message::TypedId)
                .on_submit(Message::OpenTyped)
                .padding(8)
                .width(Fill),
        )
        .push(
            button(text(fl!("history-open")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::OpenTyped),
        )
        .spacing(10);
        let mut col = column![header, filters, period_and_id].spacing(10);
        // In a shop: this till's sales or the whole shop's, and whether the server answered.
        if self.shop != ShopView::NotInShop {
            let mut line = row![crate::widget::segmented::segmented(
                vec![Scope::ThisTill, Scope::Shop],
                Some(self.scope),
                Message::Scope
            )]
            .spacing(12)
            .align_y(iced::Center);
            let note = match &self.shop {
                ShopView::Loading => Some(fl!("history-shop-loading")),
                ShopView::Offline(why) => Some(fl!("history-shop-offline", why = why.clone())),
                _ => None,
            };
            if let Some(note) = note {
                line = line.push(text(note).size(14).style(theme::muted).width(Fill));
            }
            col = col.push(line);
        }
        for (n, r) in self.reminders.iter().enumerate() {
            col = col.push(
                container(
                    row![
                        text(match r.last {
                            Some((_, crate::journal::RefundEvent::CheckByHand)) => fl!(
                                "history-check-by-hand",
                                amount = r.amount.format(self.lang),
                                day = crate::clock::date_time(r.requested_at),
                                payment = r.payment_id.clone(),
                                key = r.key.clone()
                            ),
                            _ => fl!(
                                "history-reminder",
                                amount = r.amount.format(self.lang),
                                day = crate::clock::date_time(r.requested_at)
                            ),
                        })
                        .size(15)
                        .width(Fill),
                        button(text(fl!("history-open")))
                            .padding([6, 12])
                            .style(theme::secondary)
                            .on_press(Message::Remind(n)),
                    ]
                    .spacing(10)
                    .align_y(iced::Center),
                )
                .padding([6, 12])
                .style(theme::offline_banner),
            );
        }
        if let Some(p) = &self.problem {
            col = col.push(problem(p, 15.0));
        }
        let loading = self.journal.is_none() && self.api.is_none();
        let body: Element<'_, Message> = if loading {
            text(fl!("today-loading")).into()
        } else if self.shown.is_empty() {
            text(fl!("history-none")).style(theme::muted).into()
        } else {
            column![sale_line::header(fl!("sales-col-date"), WHEN), self.list()]
                .spacing(4)
                .into()
        };
        col = col.push(body);
        col = col.push(
            text(fl!(
                "history-count",
                shown = self.shown.len(),
                paid = self.shown_paid.format(self.lang)
            ))
            .size(16),
        );
        container(col)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }

    /// Only the rows in view (and a few around) are built; spacers stand for the rest.
    fn list(&self) -> Element<'_, Message> {
        let range = self.laid_out();
        let above = range.start as f32 * ROW_HEIGHT;
        let below = (self.shown.len() - range.end) as f32 * ROW_HEIGHT;
        let mut rows = column![space::vertical().height(Length::Fixed(above))];
        for &i in &self.shown[range] {
            rows = rows.push(self.row(i));
        }
        rows = rows.push(space::vertical().height(Length::Fixed(below)));
        scrollable(rows.width(Fill))
            .on_scroll(Message::Scrolled)
            .spacing(6)
            .height(Fill)
            .into()
    }

    fn row(&self, i: usize) -> Element<'_, Message> {
        let s = &self.sales[i];
        let when = crate::clock::date_time(s.at);
        button(sale_line::line(s, when, WHEN, 15.0, self.lang))
            .width(Fill)
            .padding_within([2, 8], ROW_HEIGHT)
            .style(theme::row)
            .on_press(Message::Open(i))
            .into()
    }
}
