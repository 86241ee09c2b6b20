//! Payouts (manager): what the bank paid out for a period, loaded a few dates at a time with a
//! progress bar, a bar per day, and a drill-down into one payout's payments and refunds with the
//! reconciliation check (`payouts::reconcile`). Both lists export as CSV.

use crate::widget::problem::problem;
use std::collections::VecDeque;

use crate::widget::action::button;
use iced::widget::{column, container, progress_bar, row, scrollable, space, text};
use iced::{Element, Fill, Length};
use time::Date;

use crate::fl;
use crate::i18n::Lang;
use crate::money::Money;
use crate::payconiq::model::{Payout, PayoutTransaction};
use crate::payconiq::reconciliation::{format_date, parse_date};
use crate::payouts::{self, Mismatch};
use crate::screen::export::{self, Export, Exporter};
use crate::theme;

/// Dates fetched together (the payout list answers one date per call).
pub const PARALLEL: usize = 4;

/// A payout opened for checking.
impl Drill {
    /// The till of the shop that rang up `payment_id`, when another till did.
    pub fn till_of(&self, payment_id: &str) -> Option<&str> {
        match &self.shop {
            Some(Ok(tills)) => tills.get(payment_id).map(String::as_str),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub payout: Payout,
    pub payments: Vec<PayoutTransaction>,
    pub refunds: Vec<PayoutTransaction>,
    pub mismatches: Vec<Mismatch>,
    /// In a shop: the other tills' payments, by payment id, with the till that rang them up
    /// (`Err`: the shop server could not be read).
    pub shop: Option<Result<std::collections::HashMap<String, String>, String>>,
}

#[derive(Debug)]
pub struct Payouts {
    lang: Lang,
    from: String,
    to: String,
    /// The period being shown.
    period: Option<(Date, Date)>,
    /// Dates still to fetch, a few at a time.
    pending: VecDeque<Vec<Date>>,
    total_dates: usize,
    done_dates: usize,
    payouts: Vec<Payout>,
    drill: Option<Drill>,
    exporter: Exporter,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    From(String),
    To(String),
    Show,
    /// The payouts of one batch of dates.
    Fetched(Result<Vec<Payout>, String>),
    Open(usize),
    Drilled(Box<Result<Drill, String>>),
    CloseDrill,
    SaveCsv,
    Export(export::Message),
    Back,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Fetch the payouts of these dates.
    Fetch(Vec<Date>),
    /// Load and check this payout's lines.
    Drill(Box<Payout>),
    Export(export::Action),
    Back,
}

impl Payouts {
    /// What Esc does: closes the open payout, else goes back.
    pub fn escape(&self) -> Message {
        if self.drill.is_some() {
            Message::CloseDrill
        } else {
            Message::Back
        }
    }

    /// Starts on the last 30 days up to yesterday (payouts come the day after).
    pub fn new(lang: Lang, today: Date) -> (Payouts, Action) {
        let to = today.previous_day().unwrap_or(today);
        let from = to - time::Duration::days(29);
        let mut p = Payouts {
            lang,
            from: format_date(from),
            to: format_date(to),
            period: None,
            pending: VecDeque::new(),
            total_dates: 0,
            done_dates: 0,
            payouts: Vec::new(),
            drill: None,
            exporter: Exporter::default(),
            problem: None,
        };
        let action = p.update(Message::Show);
        (p, action)
    }

    pub fn payouts(&self) -> &[Payout] {
        &self.payouts
    }

    pub fn drill(&self) -> Option<&Drill> {
        self.drill.as_ref()
    }

    /// (dates loaded, dates in the period).
    pub fn progress(&self) -> (usize, usize) {
        (self.done_dates, self.total_dates)
    }

    fn next(&mut self) -> Action {
        match self.pending.pop_front() {
            Some(batch) => Action::Fetch(batch),
            None => Action::None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::From(t) => self.from = t,
            Message::To(t) => self.to = t,
            Message::Show => {
                let (Some(from), Some(to)) =
                    (parse_date(self.from.trim()), parse_date(self.to.trim()))
                else {
                    self.problem = Some(fl!("history-bad-period"));
                    return Action::None;
                };
                let today = crate::clock::today_start().date();
                if let Some(problem) = payouts::period_problem(from, to, today) {
                    self.problem = Some(crate::words::period_problem(problem));
                    return Action::None;
                }
                let days = payouts::dates(from, to);
                self.period = Some((from, to));
                self.total_dates = days.len();
                self.done_dates = 0;
                self.payouts.clear();
                self.drill = None;
                self.problem = None;
                self.pending = days.chunks(PARALLEL).map(<[Date]>::to_vec).collect();
                return self.next();
            }
            Message::Fetched(result) => {
                match result {
                    Ok(list) => {
                        self.done_dates = (self.done_dates + PARALLEL).min(self.total_dates);
                        self.payouts.extend(list);
                        self.payouts.sort_by_key(|p| p.payout_date);
                        return self.next();
                    }
                    Err(e) => {
                        // Stop here; what was loaded stays, and Show starts again.
                        self.pending.clear();
                        self.problem = Some(e);
                    }
                }
            }
            Message::Open(i) => {
                if let Some(p) = self.payouts.get(i) {
                    return Action::Drill(Box::new(p.clone()));
                }
            }
            Message::Drilled(result) => match *result {
                Ok(d) => self.drill = Some(d),
                Err(e) => self.problem = Some(e),
            },
            Message::CloseDrill => self.drill = None,
            Message::SaveCsv => {
                let (file_name, bytes) = match (&self.drill, self.period) {
                    (Some(d), _) => (
                        format!(
                            "{}.csv",
                            fl!("file-payout", id = d.payout.payout_id.clone())
                        ),
                        payouts::lines_csv(&d.payments, &d.refunds),
                    ),
                    (None, Some((from, to))) => (
                        payouts::file_name(&fl!("file-payouts"), from, to),
                        payouts::payouts_csv(&self.payouts),
                    ),
                    (None, None) => return Action::None,
                };
                return Action::Export(self.exporter.save(Export {
                    file_name,
                    bytes: bytes.into_bytes(),
                }));
            }
            Message::Export(m) => return Action::Export(self.exporter.outcome(m)),
            Message::Back => return Action::Back,
        }
        Action::None
    }

    /// Where a payout line's payment was rung up: this till, another of the shop (named), or
    /// neither (a sticker, an invoice QR; or, out of a shop, possibly another till).
    fn line_origin(&self, d: &Drill, l: &PayoutTransaction, unknown: &[&str]) -> String {
        let Some(id) = l.payment_id.as_deref() else {
            return String::new();
        };
        if let Some(till) = d.till_of(id) {
            return fl!("history-at-till", till = till.to_string());
        }
        if unknown.contains(&id) {
            return match d.shop {
                Some(Ok(_)) => fl!("payouts-not-a-till"),
                _ => fl!("today-elsewhere"),
            };
        }
        fl!("payouts-this-till")
    }

    pub fn view(&self) -> Element<'_, Message> {
        let header = row![
            text(fl!("payouts-title")).size(24).style(theme::brand),
            space::horizontal(),
            button(text(fl!("shift-save-csv")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::SaveCsv),
            button(text(fl!("detail-back")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(if self.drill.is_some() {
                    Message::CloseDrill
                } else {
                    Message::Back
                }),
        ]
        .spacing(10)
        .align_y(iced::Center);
        let mut col = column![header].spacing(10);
        col = match &self.drill {
            Some(d) => col.push(self.drill_view(d)),
            None => col.push(self.list_view()),
        };
        if let Some(p) = &self.problem {
            col = col.push(problem(p, 16.0));
        }
        col = col.push(self.exporter.status().map(Message::Export));
        container(col)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }

    fn list_view(&self) -> Element<'_, Message> {
        let period = crate::widget::period::inputs(
            &self.from,
            &self.to,
            Message::From,
            Message::To,
            Message::Show,
        );
        let (done, all) = self.progress();
        let mut col = column![period].spacing(10);
        if done < all {
            col = col.push(
                row![
                    progress_bar(0.0..=all as f32, done as f32).length(Fill),
                    text(fl!(
                        "payouts-loading",
                        done = done.to_string(),
                        all = all.to_string()
                    ))
                    .size(14),
                ]
                .spacing(10)
                .align_y(iced::Center),
            );
        }
        col = col.push(self.chart());
        let mut list = column![].spacing(2);
        for (i, p) in self.payouts.iter().enumerate().rev() {
            let line = row![
                text(
                    p.payout_date
                        .map(crate::clock::date_time)
                        .unwrap_or_default()
                )
                .width(Length::Fixed(150.0)),
                // Figures right-aligned, so they line up down the column.
                crate::widget::figure::figure(text(p.payout_amount.format(self.lang)), 120.0),
                text(fl!(
                    "payouts-line",
                    payments = p.total_payments,
                    refunds = p.total_refunds
                ))
                .size(14)
                .width(Fill),
                text(match p.payout_status {
                    crate::payconiq::model::PayoutStatus::Succeeded => fl!("payouts-paid-out"),
                    crate::payconiq::model::PayoutStatus::Failed => fl!("payouts-failed"),
                    _ => p.payout_status.as_str().to_string(),
                })
                .size(14),
            ]
            .spacing(10)
            .align_y(iced::Center);
            list = list.push(
                button(line)
                    .width(Fill)
                    .padding([4, 8])
                    .style(theme::row)
                    .on_press(Message::Open(i)),
            );
        }
        let total: Money = self.payouts.iter().map(|p| p.payout_amount).sum();
        col.push(scrollable(list).height(Fill).spacing(6))
            .push(
                text(fl!(
                    "payouts-total",
                    count = self.payouts.len(),
                    total = total.format(self.lang)
                ))
                .size(16),
            )
            .into()
    }

    /// A bar per payout, as tall as its amount (containers, no canvas needed).
    fn chart(&self) -> Element<'_, Message> {
        const HEIGHT: f32 = 90.0;
        let max = self
            .payouts
            .iter()
            .map(|p| p.payout_amount.cents())
            .max()
            .unwrap_or(0)
            .max(1) as f32;
        let mut bars = row![].spacing(2).align_y(iced::Bottom).height(HEIGHT);
        for p in &self.payouts {
            let h = (p.payout_amount.cents().max(0) as f32 / max * HEIGHT).max(1.0);
            bars = bars.push(
                container(space::horizontal())
                    .width(Fill)
                    .height(h)
                    .style(theme::bar),
            );
        }
        bars.into()
    }

    fn drill_view<'a>(&'a self, d: &'a Drill) -> Element<'a, Message> {
        let p = &d.payout;
        let lang = self.lang;
        let mut col = column![
            text(fl!(
                "payouts-drill-title",
                day = p
                    .payout_date
                    .map(crate::clock::date_time)
                    .unwrap_or_default(),
                amount = p.payout_amount.format(lang)
            ))
            .size(18),
            text(fl!(
                "payouts-sums",
                payments = p.total_payment_amount.format(lang),
                refunds = p.total_refund_amount.format(lang),
                payout = p.payout_amount.format(lang)
            ))
            .size(15),
        ]
        .spacing(8);
        let unknown: Vec<&str> = d
            .mismatches
            .iter()
            .filter_map(|m| match m {
                Mismatch::Unknown { payment_id } => Some(payment_id.as_str()),
                _ => None,
            })
            .collect();
        let sums_wrong = d.mismatches.len() > unknown.len();
        if !sums_wrong {
            col = col.push(text(fl!("payouts-sums-ok")).style(theme::success));
        }
        for m in &d.mismatches {
            let words = match m {
                Mismatch::Payout { expected, stated } => fl!(
                    "payouts-bad-payout",
                    expected = expected.format(lang),
                    stated = stated.format(lang)
                ),
                Mismatch::Payments { listed, stated } => fl!(
                    "payouts-bad-payments",
                    listed = listed.format(lang),
                    stated = stated.format(lang)
                ),
                Mismatch::Refunds { listed, stated } => fl!(
                    "payouts-bad-refunds",
                    listed = listed.format(lang),
                    stated = stated.format(lang)
                ),
                Mismatch::Unknown { .. } => continue,
            };
            col = col.push(text(words).size(15).style(theme::error));
        }
        let in_shop = matches!(d.shop, Some(Ok(_)));
        col = col.push(
            text(match (unknown.is_empty(), in_shop) {
                (true, false) => fl!("payouts-all-known"),
                (true, true) => fl!("payouts-all-known-shop"),
                (false, false) => fl!("payouts-unknown-count", count = unknown.len()),
                (false, true) => fl!("payouts-unknown-count-shop", count = unknown.len()),
            })
            .size(14)
            .style(theme::muted),
        );
        if let Some(Err(why)) = &d.shop {
            col = col.push(
                text(fl!("payouts-shop-offline", why = why.clone()))
                    .size(14)
                    .style(theme::muted),
            );
        }
        let mut lines = column![].spacing(2);
        for (l, sign) in d
            .payments
            .iter()
            .map(|l| (l, ""))
            .chain(d.refunds.iter().map(|l| (l, "−")))
        {
            lines = lines.push(
                row![
                    text(
                        l.transaction_date
                            .map(crate::clock::date_time)
                            .unwrap_or_default()
                    )
                    .width(Length::Fixed(150.0)),
                    crate::widget::figure::figure(
                        text(format!("{sign}{}", l.amount.format(lang))),
                        120.0
                    ),
                    text(l.description.clone().unwrap_or_default()).width(Fill),
                    text(self.line_origin(d, l, &unknown))
                        .size(12)
                        .style(theme::muted),
                ]
                .spacing(10),
            );
        }
        col.push(scrollable(lines).height(Fill).spacing(6)).into()
    }
}
