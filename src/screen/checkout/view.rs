//! What checkout shows: the code beside amount, status, countdown and actions while the payment
//! is live; the questions (cancel, void); and the outcome, saying who ended a cancelled payment.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Center, Element, Fill};

use super::{Checkout, DETAILS_WIDTH, Message};
use crate::fl;
use crate::payconiq::model::PaymentStatus;
use crate::theme;
use crate::widget::framed_qr::FramedQr;
use crate::widget::steps;

impl Checkout {
    pub(super) fn status_text(&self) -> String {
        match &self.payment.status {
            PaymentStatus::Pending if self.qr.is_none() => fl!("checkout-scan-sticker"),
            PaymentStatus::Pending => fl!("checkout-scan-qr"),
            PaymentStatus::Identified => fl!("checkout-scanned"),
            PaymentStatus::Authorized => fl!("checkout-authorizing"),
            PaymentStatus::PendingMerchantAcknowledgement => fl!("checkout-needs-ack"),
            other => other.to_string(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let content: Element<'_, Message> = if self.payment.status.is_final() {
            self.final_view()
        } else {
            self.live_view()
        };
        let mut page = column![].spacing(12).align_x(Center);
        if self.offline {
            page = page.push(
                container(text(fl!("checkout-offline")).size(16))
                    .padding([6, 14])
                    .style(theme::offline_banner),
            );
        }
        if let Some(p) = &self.problem {
            page = page.push(text(p.clone()).size(16).style(theme::error));
        }
        page.push(content).height(Fill).into()
    }

    pub(super) fn live_view(&self) -> Element<'_, Message> {
        // Once the customer paid, the total they authorised (tip included) is what counts.
        let paid = matches!(
            self.payment.status,
            PaymentStatus::Authorized | PaymentStatus::PendingMerchantAcknowledgement
        );
        let shown = if paid {
            self.payment.paid_total()
        } else {
            self.payment.amount
        };
        let amount = text(shown.format(self.lang)).size(44);
        let tip = self
            .payment
            .tip()
            .filter(|_| paid)
            .map(|t| text(fl!("final-tip", tip = t.format(self.lang))).size(18));
        let description = self
            .payment
            .description
            .clone()
            .map(|d| text(d).size(18).style(theme::muted));
        // The code takes what room is left beside the details, shrinking by whole module pixels
        // so the amount, status, countdown and buttons always stay in the window.
        // In sticker mode there is no code to show; the status line says to scan the sticker
        // (once).
        let code = self.qr.as_ref().map(FramedQr::view_fitted);
        let countdown = self.seconds_left().map(|s| {
            text(fl!(
                "checkout-expires-in",
                time = format!("{}:{:02}", s / 60, s % 60)
            ))
            .size(16)
            .style(theme::muted)
        });
        // Stacked, so the buttons keep their size beside a large code on a small screen.
        let mut actions = column![].spacing(10);
        if self.payment.status == PaymentStatus::PendingMerchantAcknowledgement {
            let busy = self.op.is_some();
            actions = actions
                .push(
                    button(text(fl!("checkout-complete")).size(20))
                        .padding([12, 20])
                        .style(theme::primary)
                        .on_press_maybe((!busy).then_some(Message::Complete)),
                )
                .push(
                    button(text(fl!("checkout-void")).size(20))
                        .padding([12, 20])
                        .style(theme::danger)
                        .on_press_maybe((!busy).then_some(Message::Void)),
                );
            if self.confirm_void {
                actions = self.void_question();
            }
        } else if self.payment.status.is_cancellable() {
            actions = actions.push(
                button(text(fl!("checkout-cancel")).size(18))
                    .padding([12, 20])
                    .style(theme::secondary)
                    .on_press_maybe(
                        (self.op.is_none() && !self.checking_cancel).then_some(Message::Cancel),
                    ),
            );
        }
        let mut details = column![amount]
            .push(tip)
            .push(description)
            .push(steps::steps(&self.payment.status))
            .push(text(self.status_text()).size(20))
            .push(countdown)
            .spacing(14);
        details = if self.confirm_cancel {
            details.push(self.confirm_view())
        } else {
            details.push(actions)
        };
        // The code on the left, what is happening on the right, at a fixed width so a long word
        // never squeezes the buttons.
        let details = scrollable(details.width(Fill)).width(if code.is_some() {
            iced::Length::Fixed(DETAILS_WIDTH)
        } else {
            Fill
        });
        let body = row![].push(code).push(details).spacing(24).align_y(Center);
        container(body)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }

    /// Voiding returns the customer's money: say how much, and ask.
    pub(super) fn void_question(&self) -> iced::widget::Column<'_, Message> {
        column![
            text(fl!(
                "checkout-confirm-void",
                total = self.payment.paid_total().format(self.lang)
            ))
            .size(18),
            button(text(fl!("checkout-keep-payment")).size(18))
                .padding([12, 20])
                .style(theme::secondary)
                .on_press(Message::KeepPayment),
            button(text(fl!("checkout-void-anyway")).size(18))
                .padding([12, 20])
                .style(theme::danger)
                .on_press(Message::ConfirmVoid),
        ]
        .spacing(10)
    }

    /// Who ended a cancelled payment, when this screen can tell.
    pub(super) fn cancelled_title(&self) -> (String, Option<String>) {
        if self.cancel_sent {
            (fl!("final-cancelled-here"), None)
        } else if self.seen_live {
            (fl!("final-declined"), Some(fl!("final-declined-why")))
        } else {
            (fl!("final-cancelled"), None)
        }
    }

    pub(super) fn confirm_view(&self) -> Element<'_, Message> {
        column![
            text(fl!("checkout-confirm-cancel")).size(18),
            column![
                button(text(fl!("checkout-keep-waiting")).size(18))
                    .padding([12, 20])
                    .style(theme::secondary)
                    .on_press(Message::KeepWaiting),
                button(text(fl!("checkout-cancel-anyway")).size(18))
                    .padding([12, 20])
                    .style(theme::danger)
                    .on_press(Message::ConfirmCancel),
            ]
            .spacing(10)
        ]
        .spacing(10)
        .align_x(Center)
        .into()
    }

    pub(super) fn final_view(&self) -> Element<'_, Message> {
        let p = &self.payment;
        let (title, style): (String, fn(&iced::Theme) -> text::Style) = match &p.status {
            PaymentStatus::Succeeded => (fl!("final-paid"), theme::success),
            PaymentStatus::Cancelled => (self.cancelled_title().0, theme::muted),
            PaymentStatus::Expired => (fl!("final-expired"), theme::muted),
            PaymentStatus::AuthorizationFailed => (fl!("final-authorization-failed"), theme::error),
            PaymentStatus::Failed => (fl!("final-failed"), theme::error),
            PaymentStatus::Voided => (fl!("final-voided"), theme::muted),
            other => (other.to_string(), theme::muted),
        };
        let mut body = column![
            text(title).size(40).style(style),
            text(p.paid_total().format(self.lang)).size(36)
        ]
        .spacing(10)
        .align_x(Center);
        match &p.status {
            PaymentStatus::Succeeded => {
                if let Some(tip) = p.tip() {
                    body = body.push(text(fl!("final-tip", tip = tip.format(self.lang))).size(18));
                }
                if let Some(d) = &p.debtor {
                    let who = [d.name.clone(), d.iban.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    body = body.push(text(who).size(18).style(theme::muted));
                }
                if let Some(at) = p.succeeded_at {
                    body = body.push(
                        text(crate::clock::time_of_day(at))
                            .size(16)
                            .style(theme::muted),
                    );
                }
            }
            PaymentStatus::AuthorizationFailed => {
                body = body.push(text(fl!("final-authorization-failed-why")).size(18));
            }
            PaymentStatus::Failed => body = body.push(text(fl!("final-failed-why")).size(18)),
            PaymentStatus::Voided => body = body.push(text(fl!("final-voided-why")).size(18)),
            PaymentStatus::Cancelled => {
                if let Some(why) = self.cancelled_title().1 {
                    body = body.push(text(why).size(18));
                }
            }
            _ => {}
        }
        let mut actions = row![].spacing(10);
        if matches!(
            p.status,
            PaymentStatus::Expired
                | PaymentStatus::AuthorizationFailed
                | PaymentStatus::Failed
                | PaymentStatus::Cancelled
        ) {
            actions = actions.push(
                button(text(fl!("final-try-again")).size(20))
                    .padding([12, 20])
                    .style(theme::secondary)
                    .on_press(Message::TryAgain),
            );
        }
        actions = actions.push(
            button(text(fl!("final-new-sale")).size(20))
                .padding([12, 20])
                .style(theme::primary)
                .on_press(Message::NewSale),
        );
        container(body.push(actions))
            .padding(32)
            .width(Fill)
            .align_x(Center)
            .style(theme::card)
            .into()
    }
}
