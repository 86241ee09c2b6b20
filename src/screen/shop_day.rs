//! The shop's day report (manager, in a shop): the Z reports every till of the shop took that
//! day, per till and in all, as the shop server adds them up; saved as CSV for the accountant.
//! Shown inside the Shift screen.

use iced::widget::{column, row, text, text_input};
use iced::{Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::money::Money;
use crate::screen::export::Export;
use crate::theme;
use crate::widget::action::button;
use crate::widget::figure::figure;
use crate::widget::problem::problem;
use kassa_core::shop::{DayLine, DayReport};

#[derive(Debug)]
pub struct ShopDay {
    lang: Lang,
    date: String,
    report: Option<DayReport>,
    problem: Option<String>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Date(String),
    Show,
    Loaded(Result<Box<DayReport>, String>),
    SaveCsv,
    SavePdf,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Ask the shop server for the day report of this date (YYYY-MM-DD, the shop's clock).
    Load(String),
    Save(Export),
    Close,
}

/// The money columns' width.
const MONEY: f32 = 110.0;

impl ShopDay {
    /// Today's, on the shop's clock; with the action that loads it.
    pub fn today(lang: Lang) -> (ShopDay, Action) {
        let date = crate::clock::date_time(time::OffsetDateTime::now_utc())
            .chars()
            .take(10)
            .collect::<String>();
        let day = ShopDay {
            lang,
            date: date.clone(),
            report: None,
            problem: None,
            busy: true,
        };
        (day, Action::Load(date))
    }

    pub fn report(&self) -> Option<&DayReport> {
        self.report.as_ref()
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Date(d) => {
                self.date = d;
                Action::None
            }
            Message::Show => {
                self.busy = true;
                self.problem = None;
                Action::Load(self.date.trim().to_string())
            }
            Message::Loaded(r) => {
                self.busy = false;
                match r {
                    Ok(report) => {
                        self.report = Some(*report);
                        self.problem = None;
                    }
                    Err(why) => self.problem = Some(why),
                }
                Action::None
            }
            Message::SaveCsv => match &self.report {
                Some(r) => Action::Save(Export {
                    file_name: format!("{}.csv", fl!("file-shop-day", date = r.date.clone())),
                    bytes: r.csv().into_bytes(),
                }),
                None => Action::None,
            },
            Message::SavePdf => match &self.report {
                Some(r) => Action::Save(Export {
                    file_name: format!("{}.pdf", fl!("file-shop-day", date = r.date.clone())),
                    bytes: crate::reports::pdf::a4(&self.lines(r)),
                }),
                None => Action::None,
            },
            Message::Close => Action::Close,
        }
    }

    /// The report as the PDF's lines: a fixed-width table, money as the language writes it.
    pub fn lines(&self, r: &DayReport) -> Vec<String> {
        let money = |cents: i64| Money::from_cents(cents).format(self.lang);
        let row = |till: &str, zs: &str, count: &str, cells: [String; 4]| {
            format!(
                "{:<22}{:>6}{:>7}{:>12}{:>10}{:>11}{:>12}",
                till.chars().take(21).collect::<String>(),
                zs,
                count,
                cells[0],
                cells[1],
                cells[2],
                cells[3]
            )
        };
        let mut out = vec![
            fl!("shop-day-title"),
            r.date.clone(),
            String::new(),
            row(
                &fl!("shop-day-till"),
                &fl!("shop-day-z"),
                &fl!("shop-day-count"),
                [
                    fl!("shop-day-paid"),
                    fl!("shop-day-tips"),
                    fl!("shop-day-refunded"),
                    fl!("shop-day-net"),
                ],
            ),
        ];
        let line = |l: &DayLine, name: String| {
            let zs: Vec<String> = l.zs.iter().map(|n| n.to_string()).collect();
            row(
                &name,
                &zs.join(","),
                &l.paid_count.to_string(),
                [
                    money(l.paid),
                    money(l.tips),
                    money(l.refunded),
                    money(l.net()),
                ],
            )
        };
        for l in &r.tills {
            out.push(line(l, l.till.clone()));
        }
        out.push("-".repeat(80));
        out.push(line(&r.total, fl!("shop-day-total")));
        out.push(String::new());
        out.extend(fl!("shop-day-note").split(". ").map(str::to_string));
        out
    }

    fn line<'a>(&self, l: &'a DayLine, label: String) -> Element<'a, Message> {
        let money = |cents: i64| figure(text(Money::from_cents(cents).format(self.lang)), MONEY);
        let zs = if l.zs.is_empty() {
            String::new()
        } else {
            l.zs.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        row![
            text(label).width(Fill),
            figure(text(zs), 70.0),
            figure(text(l.paid_count.to_string()), 60.0),
            money(l.paid),
            money(l.tips),
            money(l.refunded),
            money(l.net()),
        ]
        .spacing(12)
        .into()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut col = column![
            text(fl!("shop-day-title")).size(20).style(theme::brand),
            row![
                text_input(&fl!("shop-day-date"), &self.date)
                    .on_input(Message::Date)
                    .on_submit(Message::Show)
                    .padding(8)
                    .width(160),
                button(text(fl!("history-show")))
                    .style(theme::secondary)
                    .on_press_maybe((!self.busy).then_some(Message::Show)),
                button(text(fl!("shift-save-csv")))
                    .style(theme::secondary)
                    .on_press_maybe(self.report.is_some().then_some(Message::SaveCsv)),
                button(text(fl!("shift-save-pdf")))
                    .style(theme::secondary)
                    .on_press_maybe(self.report.is_some().then_some(Message::SavePdf)),
                iced::widget::space::horizontal(),
                button(text(fl!("shop-day-close")))
                    .style(theme::secondary)
                    .on_press(Message::Close),
            ]
            .spacing(10)
            .align_y(iced::Center),
            text(fl!("shop-day-note")).size(14).style(theme::muted),
        ]
        .spacing(10);
        if let Some(p) = &self.problem {
            col = col.push(problem(p, 15.0));
        }
        if self.busy {
            col = col.push(text(fl!("today-loading")));
        } else if let Some(r) = &self.report {
            let head = |s: String, w: f32| figure(text(s).size(13).style(theme::muted), w);
            col = col.push(
                row![
                    text(fl!("shop-day-till"))
                        .size(13)
                        .style(theme::muted)
                        .width(Fill),
                    head(fl!("shop-day-z"), 70.0),
                    head(fl!("shop-day-count"), 60.0),
                    head(fl!("shop-day-paid"), MONEY),
                    head(fl!("shop-day-tips"), MONEY),
                    head(fl!("shop-day-refunded"), MONEY),
                    head(fl!("shop-day-net"), MONEY),
                ]
                .spacing(12),
            );
            for l in &r.tills {
                let label = if l.zs.is_empty() {
                    fl!("shop-day-no-z", till = l.till.clone())
                } else {
                    l.till.clone()
                };
                col = col.push(self.line(l, label));
            }
            col = col.push(self.line(&r.total, fl!("shop-day-total")));
        }
        col.into()
    }
}
