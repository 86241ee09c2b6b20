//! What the payment detail screen shows: the payment, its refunds, the actions and the
//! refund form.

use iced::widget::{column, row};

use super::*;
use crate::fl;

impl Detail {
    pub fn view(&self) -> Element<'_, Message> {
        let lang = self.lang;
        let mut col = column![
            row![
                text(fl!("detail-title")).size(24).style(theme::brand),
                iced::widget::space::horizontal(),
                button(text(fl!("today-refresh")))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::Refresh),
                button(text(fl!("detail-back")))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::Back),
            ]
            .spacing(10)
            .align_y(iced::Center)
        ]
        .spacing(10);
        let Some(loaded) = &self.loaded else {
            col = col.push(text(fl!("today-loading")));
            if let Some(p) = &self.problem {
                col = col.push(problem(p, 16.0));
            }
            return container(col)
                .padding(20)
                .width(Fill)
                .height(Fill)
                .style(theme::card)
                .into();
        };
        let field = |label: String, value: String| {
            row![
                text(label)
                    .size(15)
                    .style(theme::muted)
                    .width(Length::Fixed(190.0)),
                text(value).size(15).width(Fill),
            ]
            .spacing(10)
        };
        let mut facts = column![].spacing(4);
        if let Some(p) = &loaded.payment {
            facts = facts
                .push(field(fl!("detail-status"), status_label(&p.status)))
                .push(field(fl!("detail-amount"), p.amount.format(lang)));
            if let Some(tip) = p.tip() {
                facts = facts.push(field(fl!("detail-tip"), tip.format(lang)));
            }
            // A payment made without a description or reference says so, not a blank.
            let given = |v: &Option<String>| {
                v.clone()
                    .filter(|v| !v.trim().is_empty())
                    .unwrap_or_else(|| "—".to_string())
            };
            // Only where the customer paid and keeps having paid: not for a payment still
            // waiting, ended unpaid, or voided (the money went back).
            let paid = matches!(
                p.status,
                PaymentStatus::Authorized
                    | PaymentStatus::PendingMerchantAcknowledgement
                    | PaymentStatus::Succeeded
            );
            if paid {
                facts = facts.push(field(fl!("detail-total"), p.paid_total().format(lang)));
            }
            facts = facts
                .push(field(fl!("detail-description"), given(&p.description)))
                .push(field(fl!("detail-reference"), given(&p.reference)))
                .push(field(fl!("detail-payment-id"), p.payment_id.clone()));
            for (label, at) in [
                (fl!("detail-created"), p.created_at),
                (fl!("detail-paid-at"), p.succeeded_at),
            ] {
                if let Some(at) = at {
                    facts = facts.push(field(label, crate::clock::date_time(at)));
                }
            }
            if let Some(d) = &p.debtor {
                let who = crate::words::debtor(d);
                facts = facts.push(field(fl!("detail-customer"), who));
            }
        }
        if let Some(p) = &loaded.shop_offline {
            facts = facts.push(problem(p, 15.0));
        }
        if let Some(p) = &loaded.problem {
            facts = facts.push(problem(p, 15.0));
        }
        let mut side = column![text(fl!("detail-journal")).size(18).style(theme::brand)].spacing(4);
        if loaded.events.is_empty() {
            side = side.push(
                text(fl!("detail-not-this-till"))
                    .size(14)
                    .style(theme::muted),
            );
        }
        for (at, e) in &loaded.events {
            let what = match e {
                Event::Status { status, .. } => status_label(status),
                Event::Unknown { .. } => fl!("attention-unknown"),
                Event::NotCreated { .. } => fl!("detail-not-created"),
            };
            side = side.push(text(format!("{} · {what}", crate::clock::date_time(*at))).size(14));
        }
        side = side.push(text(fl!("detail-refunds")).size(18).style(theme::brand));
        if loaded.refunds.is_empty() {
            side = side.push(text(fl!("detail-no-refunds")).size(14).style(theme::muted));
        }
        for r in &loaded.refunds {
            side = side.push(text(self.refund_line(r)).size(14));
        }
        if let Some(b) = self.balance().filter(|b| b.paid.cents() > 0) {
            side = side.push(
                text(fl!(
                    "detail-balance",
                    paid = b.paid.format(lang),
                    refunded = b.refunded.format(lang),
                    remaining = b.remaining.format(lang)
                ))
                .size(15),
            );
        }
        col = col
            .push(scrollable(row![facts.width(Fill), side.width(Fill)].spacing(20)).height(Fill));
        if let Some(i) = &self.iban {
            // In a field, so it can be selected and copied, and with a Copy button: the
            // manager types it into a bank transfer.
            col = col.push(
                row![
                    text(fl!("detail-iban-for-refund")).style(theme::success),
                    text_input("", &crate::words::iban_groups(i))
                        .on_input(Message::IbanField)
                        .padding(8)
                        .size(18)
                        .width(Length::Fixed(290.0)),
                    button(text(fl!("detail-copy")))
                        .style(theme::secondary)
                        .on_press(Message::CopyIban),
                ]
                .spacing(10)
                .align_y(iced::Center),
            );
        }
        if let Some(w) = &self.working {
            col = col.push(text(w.clone()).style(theme::muted));
        }
        if let Some(i) = &self.info {
            col = col.push(text(i.clone()).style(theme::success));
        }
        if let Some(p) = &self.problem {
            col = col.push(problem(p, 16.0));
        }
        col = col.push(match &self.form {
            Some(form) => self.refund_form(form),
            None => self.actions(),
        });
        container(col)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }

    /// A refund's state in words.
    pub(super) fn refund_state(&self, r: &RefundEntry) -> String {
        match &r.last {
            Some((_, RefundEvent::Status(s))) => refund_status(s),
            Some((_, RefundEvent::Unknown { .. })) | None => fl!("refund-state-unanswered"),
            Some((_, RefundEvent::CheckByHand)) => fl!("refund-check-by-hand"),
            Some((_, RefundEvent::Refused { detail, .. })) => {
                fl!("refund-state-refused", detail = detail.clone())
            }
        }
    }

    fn refund_line(&self, r: &RefundEntry) -> String {
        let state = self.refund_state(r);
        let mut line = format!(
            "{} · {} · {state}",
            crate::clock::date_time(r.requested_at),
            r.amount.format(self.lang)
        );
        if let Some(d) = &r.description {
            line += &format!(" · {d}");
        }
        line
    }

    fn actions(&self) -> Element<'_, Message> {
        let Some(p) = self.payment() else {
            return row![].into();
        };
        if self.confirm_void {
            return self.void_question(p);
        }
        let busy = self.busy;
        let act = |label: String,
                   m: Message,
                   style: fn(
            &iced::Theme,
            iced::widget::button::Status,
        ) -> iced::widget::button::Style| {
            button(text(label))
                .padding([10, 16])
                .style(style)
                .on_press_maybe((!busy).then_some(m))
        };
        let mut actions = row![].spacing(10).align_y(iced::Center);
        for a in actions_for(&p.status) {
            actions = actions.push(match a {
                PaymentAction::Cancel => {
                    act(fl!("checkout-cancel"), Message::Cancel, theme::danger)
                }
                PaymentAction::Complete => {
                    act(fl!("checkout-complete"), Message::Complete, theme::primary)
                }
                PaymentAction::Void => act(fl!("checkout-void"), Message::Void, theme::danger),
                PaymentAction::RefundIban => {
                    act(fl!("detail-get-iban"), Message::Iban, theme::secondary)
                }
                PaymentAction::Refund if !self.can_sign => {
                    // Refunds are signed: say what is missing and where to set it.
                    return row![
                        text(fl!("refund-needs-key")).size(15).width(Fill),
                        act(fl!("history-settings"), Message::Settings, theme::secondary),
                    ]
                    .spacing(10)
                    .align_y(iced::Center)
                    .into();
                }
                PaymentAction::Refund => {
                    // Another till's sale waits for the shop's word on its other refunds.
                    let blind = self
                        .loaded
                        .as_ref()
                        .is_some_and(|l| l.events.is_empty() && l.shop_offline.is_some());
                    let left = !blind && self.balance().is_some_and(|b| b.remaining.cents() > 0);
                    button(text(fl!("detail-refund")))
                        .padding([10, 16])
                        .style(theme::primary)
                        .on_press_maybe((!busy && left).then_some(Message::Refund))
                }
            });
        }
        if self.can_print
            && self
                .payment()
                .is_some_and(|p| p.status == PaymentStatus::Succeeded)
        {
            actions = actions.push(act(
                fl!("print-receipt"),
                Message::PrintReceipt,
                theme::secondary,
            ));
        }
        if self.can_print && !self.refunds().is_empty() {
            actions = actions.push(act(
                fl!("print-refund"),
                Message::PrintRefund,
                theme::secondary,
            ));
        }
        actions.into()
    }

    /// "Void this payment? The customer gets €x back." with keep (first) and void.
    fn void_question(&self, p: &Payment) -> Element<'_, Message> {
        column![
            text(fl!(
                "checkout-confirm-void",
                total = p.paid_total().format(self.lang)
            ))
            .size(16),
            row![
                button(text(fl!("checkout-keep-payment")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press(Message::KeepPayment),
                button(text(fl!("checkout-void-anyway")))
                    .padding([10, 16])
                    .style(theme::danger)
                    .on_press(Message::ConfirmVoid),
            ]
            .spacing(10),
        ]
        .spacing(8)
        .into()
    }

    fn refund_form<'a>(&'a self, form: &'a RefundForm) -> Element<'a, Message> {
        let Some(balance) = self.balance() else {
            return row![].into();
        };
        if let Some(amount) = form.review {
            let who = self
                .payment()
                .and_then(|p| p.debtor.as_ref())
                .and_then(|d| {
                    d.name
                        .clone()
                        .or(d.iban.as_deref().map(crate::words::iban_groups))
                })
                .unwrap_or_else(|| fl!("detail-the-customer"));
            return column![
                text(fl!(
                    "refund-review",
                    amount = amount.format(self.lang),
                    customer = who
                ))
                .size(18),
            ]
            // What it is for, as the customer's bank statement will say it.
            .push(
                Some(form.description.trim())
                    .filter(|d| !d.is_empty())
                    .map(|d| {
                        text(fl!(
                            "refund-review-description",
                            description = d.to_string()
                        ))
                        .size(16)
                    }),
            )
            .push(
                row![
                    button(text(fl!("refund-edit")))
                        .padding([10, 16])
                        .style(theme::secondary)
                        .on_press(Message::Edit),
                    button(text(fl!("refund-confirm")))
                        .padding([10, 16])
                        .style(theme::danger)
                        .on_press(Message::Confirm),
                ]
                .spacing(10),
            )
            .spacing(8)
            .into();
        }
        column![
            text(fl!(
                "refund-left",
                remaining = balance.remaining.format(self.lang)
            ))
            .size(15),
            row![
                text_input(&fl!("refund-amount"), &form.amount)
                    .on_input(Message::Amount)
                    .on_submit(Message::Review)
                    .padding(8)
                    .width(Length::Fixed(140.0)),
                text_input(&fl!("refund-description"), &form.description)
                    .on_input(Message::Description)
                    .on_submit(Message::Review)
                    .padding(8)
                    .width(Fill),
                button(text(fl!("refund-next")))
                    .padding([10, 16])
                    .style(theme::primary)
                    .on_press(Message::Review),
                button(text(fl!("file-cancel")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press(Message::Dismiss),
            ]
            .spacing(10)
            .align_y(iced::Center),
        ]
        .spacing(8)
        .into()
    }
}
