//! Shift reports (manager): the X report of the open shift, the Z report that closes it under
//! the next number after a question (a closed shift cannot be reopened), and the earlier Z
//! reports, printed again exactly as they were taken. The figures come from `reports`; this
//! screen shows them and exports them as CSV and PDF.

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Fill, Length};

use crate::fl;
use crate::i18n::Lang;
use crate::journal::Session;
use crate::reports::{Kind, ShiftReport};
use crate::screen::export::{self, Export, Exporter};
use crate::theme;

#[derive(Debug)]
pub struct Shift {
    lang: Lang,
    /// Printed at the top of the PDF.
    shop: crate::reports::Shop,
    /// A receipt printer is set.
    can_print: bool,
    report: Option<ShiftReport>,
    /// The closed shifts of this account, newest first.
    past: Vec<Session>,
    /// Why the last Z closed nothing (the shift was closed elsewhere meanwhile).
    notice: Option<String>,
    confirming: bool,
    busy: bool,
    exporter: Exporter,
    problem: Option<String>,
    /// The till is in a shop: the shop's day report can be shown.
    in_shop: bool,
    /// The shop's day report, while it is shown instead of this till's report.
    shop_day: Option<crate::screen::shop_day::ShopDay>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Box<ShiftReport>, String>),
    Past(Result<Vec<Session>, String>),
    /// Show Z report number N again, as it was taken.
    Reprint(i64),
    /// The shift on screen was closed elsewhere before this Z: why nothing was closed.
    Moved(String),
    XReport,
    CloseShift,
    ConfirmClose,
    KeepOpen,
    SaveCsv,
    SavePdf,
    /// Print the report on the receipt printer.
    Print,
    Export(export::Message),
    /// Show the shop's day report (in a shop).
    OpenShopDay,
    ShopDay(crate::screen::shop_day::Message),
    Back,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ask the shop server for its day report of this date.
    LoadShopDay(String),
    None,
    /// Read the open shift (X report).
    LoadX,
    /// Close the open shift (Z report): the one on screen, when an X report is shown.
    CloseShift(Option<i64>),
    /// List the earlier Z reports.
    LoadPast,
    /// Read Z report number N as stored.
    Reprint(i64),
    Export(export::Action),
    /// Print this report on the receipt printer.
    Print(Box<ShiftReport>),
    Back,
}

/// The report's table: its label, count and amount columns, and its notes beneath.
const REPORT_WIDTH: f32 = 520.0;

impl Shift {
    /// Offers printing on the receipt printer.
    pub fn with_printer(mut self, can_print: bool) -> Shift {
        self.can_print = can_print;
        self
    }

    pub fn new(lang: Lang, shop: crate::reports::Shop) -> Shift {
        Shift {
            lang,
            shop,
            can_print: false,
            report: None,
            past: Vec::new(),
            notice: None,
            confirming: false,
            busy: true,
            exporter: Exporter::default(),
            problem: None,
            in_shop: false,
            shop_day: None,
        }
    }

    /// Offers the shop's day report (the till is in a shop).
    pub fn in_shop(mut self, in_shop: bool) -> Shift {
        self.in_shop = in_shop;
        self
    }

    pub fn shop_day(&self) -> Option<&crate::screen::shop_day::ShopDay> {
        self.shop_day.as_ref()
    }

    pub fn report(&self) -> Option<&ShiftReport> {
        self.report.as_ref()
    }

    pub fn update(&mut self, message: Message) -> Action {
        use crate::screen::shop_day::{Action as Day, ShopDay};
        match message {
            Message::OpenShopDay => {
                let (day, first) = ShopDay::today(self.lang);
                self.shop_day = Some(day);
                match first {
                    Day::Load(date) => Action::LoadShopDay(date),
                    _ => Action::None,
                }
            }
            Message::ShopDay(m) => {
                let Some(day) = self.shop_day.as_mut() else {
                    return Action::None;
                };
                match day.update(m) {
                    Day::None => Action::None,
                    Day::Load(date) => Action::LoadShopDay(date),
                    Day::Save(export) => Action::Export(self.exporter.save(export)),
                    Day::Close => {
                        self.shop_day = None;
                        Action::None
                    }
                }
            }
            Message::Loaded(r) => {
                self.busy = false;
                match r {
                    Ok(report) => {
                        self.report = Some(*report);
                        self.problem = None;
                    }
                    Err(e) => self.problem = Some(e),
                }
                // A Z just taken joins the list.
                if matches!(
                    self.report,
                    Some(ShiftReport {
                        kind: Kind::Z(_),
                        reprint: false,
                        ..
                    })
                ) {
                    Action::LoadPast
                } else {
                    Action::None
                }
            }
            Message::Past(r) => {
                match r {
                    Ok(past) => self.past = past,
                    Err(e) => self.problem = Some(e),
                }
                Action::None
            }
            Message::Reprint(n) => {
                self.busy = true;
                Action::Reprint(n)
            }
            Message::XReport => {
                self.busy = true;
                self.notice = None;
                Action::LoadX
            }
            Message::CloseShift => {
                self.confirming = true;
                Action::None
            }
            Message::KeepOpen => {
                self.confirming = false;
                Action::None
            }
            Message::ConfirmClose => {
                self.confirming = false;
                self.busy = true;
                self.notice = None;
                let shown = self
                    .report
                    .as_ref()
                    .filter(|r| r.kind == Kind::X)
                    .map(|r| r.session);
                Action::CloseShift(shown)
            }
            Message::Moved(why) => {
                self.notice = Some(why);
                Action::LoadX
            }
            Message::Print => match &self.report {
                Some(r) => Action::Print(Box::new(r.clone())),
                None => Action::None,
            },
            Message::SaveCsv | Message::SavePdf => {
                let Some(r) = &self.report else {
                    return Action::None;
                };
                let pdf = matches!(message, Message::SavePdf);
                let stem = match r.kind {
                    Kind::X => fl!("file-x-report", number = r.number.to_string()),
                    Kind::Z(n) if r.reprint => fl!("file-z-reprint", number = n.to_string()),
                    Kind::Z(n) => fl!("file-z-report", number = n.to_string()),
                };
                let export = if pdf {
                    Export {
                        file_name: format!("{stem}.pdf"),
                        bytes: crate::reports::pdf::pdf(
                            r,
                            self.lang,
                            &self.shop,
                            time::OffsetDateTime::now_utc(),
                        ),
                    }
                } else {
                    Export {
                        file_name: format!("{stem}.csv"),
                        bytes: r.csv(&self.shop).into_bytes(),
                    }
                };
                Action::Export(self.exporter.save(export))
            }
            Message::Export(m) => Action::Export(self.exporter.outcome(m)),
            Message::Back => Action::Back,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let header = row![
            text(fl!("shift-title")).size(24).style(theme::brand),
            iced::widget::space::horizontal(),
        ]
        .push((self.in_shop && self.shop_day.is_none()).then(|| {
            button(text(fl!("shift-shop-day-open")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::OpenShopDay)
        }))
        .push(
            button(text(fl!("detail-back")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press(Message::Back),
        )
        .spacing(10)
        .align_y(iced::Center);
        let mut col = column![header].spacing(12);
        if let Some(day) = &self.shop_day {
            col = col.push(scrollable(day.view().map(Message::ShopDay)).height(Fill));
            col = col.push(self.exporter.status().map(Message::Export));
            return container(col)
                .padding(20)
                .width(Fill)
                .height(Fill)
                .style(theme::card)
                .into();
        }
        if let Some(r) = &self.report {
            // The report and the list of Z reports side by side in the middle: a narrow
            // table stranded in a corner of a wide screen reads as a fragment.
            col = col.push(iced::widget::responsive(move |space| {
                // As wide as it reads well, narrower in a window shared with the display.
                let gap = if space.width > REPORT_WIDTH + 300.0 {
                    48.0
                } else {
                    16.0
                };
                let width = REPORT_WIDTH.min(space.width - 250.0 - gap).max(200.0);
                container(
                    row![
                        scrollable(
                            column![self.heading(r), self.table(r)]
                                .spacing(12)
                                .width(Length::Fixed(width))
                        )
                        .height(Fill),
                        scrollable(self.past_list())
                            .height(Fill)
                            .width(Length::Fixed(250.0)),
                    ]
                    .spacing(gap)
                    .height(Fill),
                )
                .center_x(Fill)
                .height(Fill)
                .into()
            }));
        } else if self.busy {
            col = col.push(text(fl!("today-loading")));
        }
        if let Some(n) = &self.notice {
            col = col.push(text(n.clone()).style(theme::error));
        }
        if let Some(p) = &self.problem {
            col = col.push(problem(p, 16.0));
        }
        col = col.push(self.exporter.status().map(Message::Export));
        let actions: Element<'_, Message> = if self.confirming {
            // Sales still open are named before the shift closes over them.
            let open = self
                .report
                .as_ref()
                .map(|r| r.open)
                .filter(|o| o.count > 0)
                .map(|o| {
                    fl!(
                        "shift-close-open-sales",
                        count = o.count,
                        amount = o.amount.format(self.lang)
                    )
                });
            row![
                column![text(fl!("shift-close-question"))]
                    .push(open.map(|o| text(o).style(theme::warning)))
                    .spacing(4)
                    .width(Fill),
                button(text(fl!("shift-keep-open")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press(Message::KeepOpen),
                button(text(fl!("shift-close-now")))
                    .padding([10, 16])
                    .style(theme::danger)
                    .on_press(Message::ConfirmClose),
            ]
            .spacing(10)
            .align_y(iced::Center)
            .into()
        } else {
            let idle = !self.busy;
            let showing_x = self.report.as_ref().is_some_and(|r| r.kind == Kind::X);
            row![
                button(text(fl!("shift-x")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press_maybe(idle.then_some(Message::XReport)),
                button(text(fl!("shift-save-csv")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press_maybe((idle && self.report.is_some()).then_some(Message::SaveCsv)),
                button(text(fl!("shift-save-pdf")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press_maybe((idle && self.report.is_some()).then_some(Message::SavePdf)),
                button(text(fl!("shift-print")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press_maybe(
                        (idle && self.report.is_some() && self.can_print).then_some(Message::Print)
                    ),
                // A Z closes the shift whose X is on screen, so the manager sees what closes.
                button(text(fl!("shift-z")))
                    .padding([10, 16])
                    .style(theme::danger)
                    .on_press_maybe((idle && showing_x).then_some(Message::CloseShift)),
            ]
            .spacing(10)
            .into()
        };
        col = col.push(actions);
        container(col)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }
}

impl Shift {
    /// Which report, of which books and shift, over which time.
    fn heading<'a>(&'a self, r: &'a ShiftReport) -> iced::widget::Column<'a, Message> {
        let title = match r.kind {
            Kind::X => fl!("shift-x-title", number = r.number.to_string()),
            Kind::Z(n) => fl!("shift-z-title", number = n.to_string()),
        };
        let mut heading = row![text(title).size(20)].spacing(12).align_y(iced::Center);
        if r.reprint {
            heading = heading.push(text(fl!("shift-reprint")).size(15).style(theme::brand));
        }
        column![
            heading,
            text(format!(
                "{}: {}",
                fl!("shift-account-label"),
                crate::reports::words::account_name(&r.account)
            ))
            .size(15),
            text(fl!(
                "shift-period",
                from = crate::clock::date_time(r.opened_at),
                until = crate::clock::date_time(r.until)
            ))
            .size(15)
            .style(theme::muted),
        ]
        .spacing(6)
    }

    /// The report's figures, its notes and its chain hash.
    fn table<'a>(&'a self, r: &'a ShiftReport) -> iced::widget::Column<'a, Message> {
        let mut table = column![].spacing(4);
        for (key, count, amount) in r.rows() {
            let line = row![
                text(crate::reports::words::label(key)).width(Length::Fixed(220.0)),
                text(count.map(|c| c.to_string()).unwrap_or_default())
                    .width(Length::Fixed(60.0))
                    .align_x(iced::alignment::Horizontal::Right),
                // Amounts flush right, so their decimals line up.
                crate::widget::figure::figure(text(amount.format(self.lang)), 120.0),
            ]
            .spacing(10);
            table = table.push(line);
        }
        for note in crate::reports::words::notes(r, self.lang) {
            table = table.push(text(note).size(14).style(theme::muted));
        }
        if let Some(hash) = &r.chain_hash {
            table = table.push(
                text(format!(
                    "{}: {}",
                    fl!("shift-chain"),
                    &hash[..hash.len().min(16)]
                ))
                .size(13)
                .style(theme::muted),
            );
        }
        table
    }

    /// The closed shifts, each reprinted on a press.
    fn past_list(&self) -> iced::widget::Column<'_, Message> {
        let mut past = column![text(fl!("shift-past")).size(15).style(theme::muted)].spacing(6);
        for z in &self.past {
            let Some(n) = z.z_number else { continue };
            let when = z.closed_at.map(crate::clock::date_time).unwrap_or_default();
            past = past.push(
                button(text(format!("{} {n} · {when}", fl!("shift-z-short"))).size(14))
                    .width(Fill)
                    .padding([6, 10])
                    .style(theme::secondary)
                    .on_press_maybe((!self.busy).then_some(Message::Reprint(n))),
            );
        }
        if self.past.is_empty() {
            past = past.push(text(fl!("shift-past-none")).size(14).style(theme::muted));
        }
        past
    }
}
