//! What checkout shows: the code beside amount, status, countdown and actions while the payment
//! is live; the questions (cancel, void); and the outcome, saying who ended a cancelled payment.

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{column, container, responsive, row, scrollable, text};
use iced::{Center, Element, Fill, Size};

use super::{Checkout, DETAILS_WIDTH, Message, Op};
use crate::fl;
use crate::payconiq::model::PaymentStatus;
use crate::theme;
use crate::widget::steps;

/// The code's container on the checkout (layout tests find it by this id).
pub const CODE: &str = "checkout-code";

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
            page = page.push(problem(p, 16.0));
        }
        page.push(content).height(Fill).into()
    }

    /// Amount, status, countdown and actions; `scale` grows the amount on a big screen.
    fn details(&self, scale: f32) -> iced::widget::Column<'_, Message> {
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
        let amount = text(shown.format(self.lang)).size(44.0 * scale);
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
            let busy = self.busy_with().is_some();
            // Within the moment the key is pressed: the request may take seconds.
            let (complete, void) = match self.busy_with() {
                Some(Op::Acknowledge) => (fl!("checkout-completing"), fl!("checkout-void")),
                Some(Op::Void) => (fl!("checkout-complete"), fl!("checkout-voiding")),
                _ => (fl!("checkout-complete"), fl!("checkout-void")),
            };
            actions = actions
                .push(
                    button(text(complete).size(20))
                        .padding([12, 20])
                        .style(theme::primary)
                        .on_press_maybe((!busy).then_some(Message::Complete)),
                )
                .push(
                    button(text(void).size(20))
                        .padding([12, 20])
                        .style(theme::danger)
                        .on_press_maybe((!busy).then_some(Message::Void)),
                );
            if self.confirm_void {
                actions = self.void_question();
            }
        } else if self.payment.status.is_cancellable() {
            let cancelling = self.checking_cancel || self.busy_with() == Some(Op::Cancel);
            actions = actions.push(
                button(
                    text(if cancelling {
                        fl!("checkout-cancelling")
                    } else {
                        fl!("checkout-cancel")
                    })
                    .size(18),
                )
                .padding([12, 20])
                .style(theme::secondary)
                .on_press_maybe(
                    (self.busy_with().is_none() && !self.checking_cancel)
                        .then_some(Message::Cancel),
                ),
            );
        }
        let details = column![amount]
            .push(tip)
            .push(description)
            .push(steps::steps(&self.payment.status))
            .push(text(self.status_text()).size(20))
            .push(countdown)
            .spacing(14);
        if self.confirm_cancel {
            details.push(self.confirm_view())
        } else {
            details.push(actions)
        }
    }

    pub(super) fn live_view(&self) -> Element<'_, Message> {
        // In sticker mode there is no code to show; the status line says to scan the sticker
        // (once).
        let Some(qr) = &self.qr else {
            return container(scrollable(self.details(1.0).width(Fill)))
                .padding(20)
                .width(Fill)
                .height(Fill)
                .style(theme::card)
                .into();
        };
        // The code as large as fits beside the details (drawn at that size, whole-pixel
        // modules), the two side by side in the middle of the card: amount, status, countdown
        // and buttons always in the window, next to the code they belong to.
        let layout = responsive(move |space| {
            let scale = (space.height / 620.0).clamp(1.0, 1.5);
            let details_width = (space.width * 0.3).clamp(DETAILS_WIDTH, 460.0);
            let gap = 32.0;
            let beside = Size::new(space.width - details_width - gap, space.height);
            // Too narrow for a code worth scanning beside the details (a window sharing its
            // screen with the customer display): the code above them.
            if beside.width < 200.0 {
                // Once scanned, or while a question is asked, the code has done its work: the
                // room goes to the question and the buttons.
                let scanning =
                    self.payment.status == PaymentStatus::Pending && !self.confirm_cancel;
                let room = Size::new(space.width, space.height * 0.34);
                return column![]
                    .push(scanning.then(|| container(qr.fitted_in(room)).id(CODE)))
                    .push(scrollable(self.details(1.0).width(Fill)).height(Fill))
                    .spacing(16)
                    .align_x(Center)
                    .into();
            }
            let details = scrollable(self.details(scale).width(Fill)).width(details_width);
            container(
                row![container(qr.fitted_in(beside)).id(CODE), details]
                    .spacing(gap)
                    .align_y(Center),
            )
            .center(Fill)
            .into()
        });
        container(layout)
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

    /// Who ended a cancelled payment, when this screen can tell, and that nothing was charged.
    pub(super) fn cancelled_why(&self) -> String {
        if self.cancel_sent {
            fl!("final-cancelled-here")
        } else if self.seen_live {
            fl!("final-declined-why")
        } else {
            fl!("final-nothing-charged")
        }
    }

    pub(super) fn confirm_view(&self) -> Element<'_, Message> {
        column![
            text(fl!("checkout-confirm-cancel")).size(18),
            column![
                button(text(fl!("checkout-keep-waiting")).size(18))
                    .padding([12, 20])
                    .width(Fill)
                    .style(theme::secondary)
                    .on_press(Message::KeepWaiting),
                button(text(fl!("checkout-cancel-anyway")).size(18))
                    .padding([12, 20])
                    .width(Fill)
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
        // The status in the words every screen uses for it; what it means beneath.
        let style: fn(&iced::Theme) -> text::Style = match &p.status {
            PaymentStatus::Succeeded => theme::success,
            PaymentStatus::AuthorizationFailed | PaymentStatus::Failed => theme::error,
            _ => theme::muted,
        };
        let title = crate::words::status_label(&p.status);
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
                    let who = crate::words::debtor(d);
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
            PaymentStatus::Cancelled => body = body.push(text(self.cancelled_why()).size(18)),
            PaymentStatus::Expired => body = body.push(text(fl!("final-expired-why")).size(18)),
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
