//! What the windows show: the cashier window (header, banners, the current screen, the sandbox
//! phone) and the customer display.

use crate::widget::action::button;
use iced::widget::{column, container, responsive, row, scrollable, text};
use iced::{Center, Element, Fill, window};

use super::{App, Message, Screen};
use crate::explain::Explain;
use crate::fl;
use crate::screen::{display, till};
use crate::shortcuts::{self, Command};
use crate::theme;
use crate::widget::{action, focus};

impl App {
    pub fn view(&self, window: window::Id) -> Element<'_, Message> {
        if Some(window) == self.display_window {
            let checkout = match &self.screen {
                Screen::Checkout(c) => Some(c),
                _ => None,
            };
            return display::view(checkout.map(|c| &**c), self.lang);
        }
        self.view_main()
    }

    /// The cashier window.
    pub fn view_main(&self) -> Element<'_, Message> {
        // What stops the till, if anything (built once: it replaces the screen).
        let mut stopped = self.stopped();
        // A stopped till is no sandbox to play with either.
        let sandbox = self.is_sandbox() && self.settings_problem.is_none();
        let mut header = row![text(super::app_title()).size(22).style(theme::brand)]
            .spacing(12)
            .align_y(Center);
        // Screens with no live payment leave out the phone panel (and use its room).
        let manager = matches!(
            self.screen,
            Screen::Lock(_)
                | Screen::Settings(_)
                | Screen::Sticker(_)
                | Screen::Today(_)
                | Screen::Invoice(_)
                | Screen::History(_)
                | Screen::Detail(_)
                | Screen::Shift(_)
                | Screen::Refund(_)
                | Screen::Payouts(_)
        );
        header = header.push(iced::widget::space::horizontal());
        let key = |label: String, command: Command| {
            action::with_hint(label, shortcuts::hint(command))
                .style(theme::secondary)
                .on_press_maybe(self.command(command))
        };
        // A stopped till offers only its way out (on its card).
        if matches!(self.screen, Screen::Till(_)) && stopped.is_none() {
            header = header.push(key(fl!("invoice-open"), Command::Invoice));
            header = header.push(key(fl!("today-open"), Command::Today));
            header = header.push(key(fl!("manager-open"), Command::Manager));
        }
        // Receipts: the paid payment's, or the last one again from the till.
        if self.has_printer() {
            let paid = matches!(&self.screen, Screen::Checkout(c)
                if *c.status() == crate::payconiq::model::PaymentStatus::Succeeded);
            let on_till = matches!(self.screen, Screen::Till(_)) && stopped.is_none();
            // While the customer is to scan: the code on paper, for a counter without a
            // customer display.
            let scanning = matches!(&self.screen, Screen::Checkout(c)
                if *c.status() == crate::payconiq::model::PaymentStatus::Pending
                    && c.qr().is_some());
            let (label, message) = if paid {
                (fl!("print-receipt"), Some(Message::PrintReceipt))
            } else if scanning {
                (fl!("print-qr"), Some(Message::PrintQr))
            } else if on_till && self.last_receipt.is_some() {
                (fl!("print-reprint"), Some(Message::Reprint))
            } else {
                (String::new(), None)
            };
            if let Some(m) = message {
                let label = if self.printing {
                    fl!("print-printing")
                } else {
                    label
                };
                header = header.push(
                    button(text(label))
                        .style(theme::secondary)
                        .on_press_maybe((!self.printing).then_some(m)),
                );
            }
        }
        if self.command(Command::Lock).is_some() {
            header = header.push(key(fl!("manager-lock-now"), Command::Lock));
        }
        header = header.push(key(
            if self.display_window.is_some() {
                fl!("display-hide")
            } else {
                fl!("display-show")
            },
            Command::Display,
        ));
        // Screens of natural height scroll when the window is short; checkout fits itself (its
        // code shrinks), so its buttons never need scrolling to.
        let body: Element<'_, Message> = match (&self.screen, &self.startup_error) {
            (_, Some(e)) => scrolled(
                text(fl!("app-start-failed", detail = e.clone()))
                    .style(theme::error)
                    .into(),
            ),
            (_, None) if stopped.is_some() => {
                scrolled(stopped.take().unwrap_or_else(|| text("").into()))
            }
            (Screen::Starting, None) => text(fl!("app-starting")).size(20).into(),
            (Screen::Till(t), None) => {
                let creating = self.charging.is_some();
                // The till fills the window: no scrolling, its keys grow with the screen.
                responsive(move |space| {
                    column![]
                        .push(
                            crate::screen::attention::view(self.attention.items(), self.lang)
                                .map(|e| e.map(Message::Attention)),
                        )
                        .push(t.view(space).map(Message::Till))
                        .push(creating.then(|| text(fl!("till-creating")).size(18)))
                        .spacing(10)
                        .align_x(Center)
                        .width(Fill)
                        .height(Fill)
                        .into()
                })
                .into()
            }
            (Screen::Unknown(u), None) => scrolled(u.view().map(Message::Unknown)),
            (Screen::Checkout(c), None) => c.view().map(Message::Checkout),
            (Screen::Lock(l), None) => scrolled(l.view().map(Message::Lock)),
            (Screen::Settings(s), None) => s.view().map(Message::Settings),
            (Screen::Sticker(s), None) => s.view().map(Message::Sticker),
            (Screen::Today(t), None) => t.view().map(Message::Today),
            (Screen::Invoice(i), None) => i.view().map(Message::Invoice),
            (Screen::History(h), None) => h.view().map(Message::History),
            (Screen::Detail(d), None) => d.view().map(Message::Detail),
            (Screen::Shift(s), None) => s.view().map(Message::Shift),
            (Screen::Payouts(p), None) => p.view().map(Message::Payouts),
            (Screen::Refund(r), None) => r.view().map(Message::Refund),
        };
        let mut main = row![container(body).width(Fill).height(Fill).align_x(Center)].spacing(16);
        if sandbox && !manager {
            let status = match &self.screen {
                Screen::Checkout(c) => Some(c.status()),
                _ => None,
            };
            let void_enabled = self
                .services
                .as_ref()
                .and_then(|s| s.sandbox.as_ref())
                .is_some_and(|s| s.void_enabled());
            main = main.push(self.phone.view(status, void_enabled).map(Message::Phone));
        }
        let mut page = column![];
        if let Some(problem) = &self.journal_problem {
            let mut strip = row![text(problem.explain()).size(16).width(Fill)]
                .spacing(12)
                .align_y(Center);
            strip = strip.push(
                if matches!(problem, crate::journal::JournalError::Corrupt { .. }) {
                    button(text(fl!("journal-set-aside")))
                        .style(theme::danger)
                        .padding([6, 12])
                        .on_press(Message::JournalSetAside)
                } else {
                    button(text(fl!("journal-retry")))
                        .style(theme::secondary)
                        .padding([6, 12])
                        .on_press(Message::JournalRetry)
                },
            );
            page = page.push(
                container(strip)
                    .width(Fill)
                    .padding([6, 16])
                    .style(theme::offline_banner),
            );
        }
        // How the last print went, on the screen it was asked from (a printer never holds a
        // sale: this is only news).
        if let Some(note) = &self.print_note {
            let (words, style): (&String, fn(&iced::Theme) -> container::Style) = match note {
                Ok(done) => (done, theme::card),
                Err(why) => (why, theme::offline_banner),
            };
            page = page.push(
                container(text(words.clone()).size(16))
                    .width(Fill)
                    .padding([6, 16])
                    .style(style),
            );
        }
        if let Some(problem) = self.shop_problem() {
            page = page.push(
                container(text(problem).size(16))
                    .width(Fill)
                    .padding([6, 16])
                    .style(theme::offline_banner),
            );
        }
        if let Some(problem) = self.backup_problem() {
            page = page.push(
                container(text(problem).size(16))
                    .width(Fill)
                    .padding([6, 16])
                    .style(theme::offline_banner),
            );
        }
        if sandbox {
            page = page.push(
                container(text(fl!("app-sandbox-banner")).size(16))
                    .width(Fill)
                    .padding([6, 16])
                    .align_x(Center)
                    .style(theme::sandbox_banner),
            );
        }
        let page = page.push(
            container(column![header, main].spacing(10))
                .padding([10, 12])
                .width(Fill)
                .height(Fill),
        );
        // On the till, Tab starts at the description (the amount takes typed digits as it is).
        let start = matches!(self.screen, Screen::Till(_)).then_some(till::DESCRIPTION);
        focus::root(page.into(), start, self.screen_generation)
    }
}

/// A screen of natural height, centred, scrolling when the window is shorter than it.
fn scrolled(content: Element<'_, Message>) -> Element<'_, Message> {
    scrollable(container(content).width(Fill).align_x(Center))
        .height(Fill)
        .into()
}
