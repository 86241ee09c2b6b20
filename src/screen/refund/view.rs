//! The Refund screen as drawn: provider tabs, the D24 form, review and outcome, the list of
//! D24 refunds asked for, and the step's buttons below the scrolling part.

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{column, container, row, scrollable, space, text, text_input};
use iced::{Element, Fill, Length};

use super::*;
use crate::journal::D24Event;
use crate::theme;
use crate::widget::form::{action, labelled};

/// A D24 refund's state in words (true at that moment: "checking" only while the screen
/// checks, "sent again" only while it resends).
pub fn entry_words(e: &D24Entry) -> String {
    match &e.last {
        Some((_, D24Event::Status { status, reason, .. })) => {
            crate::d24::words::status_words(status, reason.as_deref())
        }
        Some((_, D24Event::Unknown { .. })) | None => fl!("d24-status-unanswered"),
        Some((_, D24Event::Refused { .. })) => fl!("d24-status-refused"),
    }
}

fn amount_words(e: &D24Entry) -> String {
    e.amount
        .as_ref()
        .map(|a| a.format(crate::i18n::current_language()))
        .unwrap_or_else(|| fl!("d24-whole-deposit"))
}

impl Refund {
    pub fn view(&self) -> Element<'_, Message> {
        let tab = |label: String, p: Provider| {
            button(text(label))
                .padding([8, 14])
                .style(if self.provider == p {
                    theme::primary
                } else {
                    theme::secondary
                })
                .on_press(Message::Provider(p))
        };
        let header = row![
            text(fl!("refund-title")).size(24).style(theme::brand),
            space::horizontal(),
            tab(fl!("refund-provider-payconiq"), Provider::Payconiq),
            tab(fl!("refund-provider-d24"), Provider::D24),
        ]
        .spacing(10)
        .align_y(iced::Center);
        let body: Element<'_, Message> = match self.provider {
            Provider::Payconiq => column![
                text(fl!("refund-payconiq-how")),
                action(fl!("history-open-button"), Message::History),
            ]
            .spacing(12)
            .into(),
            Provider::D24 => self.d24_view(),
        };
        let outcome = self.problem.as_ref().map(|p| problem(p, 16.0));
        // The step's buttons stay in view below the scrolling form.
        let mut footer = row![action(fl!("settings-close"), Message::Close)].spacing(10);
        if self.provider == Provider::D24 && matches!(self.client, Some(Ok(_))) {
            footer = footer.push(space::horizontal());
            footer = if self.current.is_some() {
                footer.push(action(fl!("d24-another"), Message::New))
            } else if self.review.is_some() {
                footer.push(action(fl!("refund-edit"), Message::Back)).push(
                    button(text(fl!("refund-confirm")))
                        .padding([10, 16])
                        .style(theme::danger)
                        .on_press_maybe((!self.busy).then_some(Message::Confirm)),
                )
            } else {
                footer.push(
                    button(text(fl!("refund-next")))
                        .padding([10, 16])
                        .style(theme::primary)
                        .on_press(Message::Review),
                )
            };
        }
        container(
            column![header, scrollable(body).height(Fill)]
                .push(outcome)
                .push(footer)
                .spacing(14),
        )
        .padding(24)
        .width(Fill)
        .style(theme::card)
        .into()
    }

    fn d24_view(&self) -> Element<'_, Message> {
        let client = match &self.client {
            None => return text(fl!("d24-connecting")).into(),
            Some(Err(why)) => {
                return column![
                    text(why.clone()).style(theme::error),
                    action(fl!("history-settings"), Message::Settings),
                ]
                .spacing(12)
                .into();
            }
            Some(Ok(c)) => c,
        };
        let mut page = column![
            text(fl!(
                "d24-account",
                login = client.login().to_string(),
                base = client.base_url().to_string()
            ))
            .size(14)
        ]
        .spacing(10)
        .padding([0, 16]);
        if let Some(entry) = &self.current {
            page = page.push(self.current_view(entry));
        } else if let Some((request, amount)) = &self.review {
            page = page.push(self.review_view(request, amount.as_ref()));
        } else {
            page = page.push(self.form_view());
        }
        if !self.recent.is_empty() {
            page = page.push(text(fl!("d24-recent")).size(18).style(theme::brand));
            for e in self.recent.iter().take(20) {
                page = page.push(
                    row![
                        text(crate::clock::date_time(e.requested_at)).width(Length::Fixed(150.0)),
                        text(format!("{} · {}", e.deposit_id, e.invoice_id))
                            .width(Length::Fixed(260.0)),
                        text(amount_words(e)).width(Length::Fixed(130.0)),
                        text(entry_words(e)).width(Fill),
                    ]
                    .spacing(8),
                );
            }
        }
        page.into()
    }

    fn form_view(&self) -> Element<'_, Message> {
        let lang = crate::i18n::current_language();
        let zero = format!("0{}00", crate::money::decimal_mark(lang));
        // One of a few choices, as buttons: a pick list half hidden at the scrolling form's
        // edge draws its text past the edge (iced's tiny-skia clipping), buttons do not.
        let choice = |label: String, chosen: bool, message: Message| {
            button(text(label))
                .padding([8, 14])
                .style(if chosen {
                    theme::primary
                } else {
                    theme::secondary
                })
                .on_press(message)
        };
        let method = |label: String, m: Method| choice(label, self.method == m, Message::Method(m));
        let mut form = column![
            labelled(
                fl!("d24-method"),
                LABEL_WIDTH,
                row![
                    method(fl!("d24-method-card"), Method::Card),
                    method(fl!("d24-method-other"), Method::Other),
                ]
                .spacing(10),
            ),
            input(fl!("d24-field-deposit"), &self.deposit, Field::Deposit),
            input(fl!("d24-field-invoice"), &self.invoice, Field::Invoice),
        ]
        .spacing(10);
        match self.method {
            Method::Card => form = form.push(text(fl!("d24-card-whole")).size(14)),
            Method::Other => {
                form = form
                    .push(labelled(
                        fl!("d24-field-amount"),
                        LABEL_WIDTH,
                        row![
                            text_input(&zero, &self.amount)
                                .on_input(|v| Message::Text(Field::Amount, v))
                                .padding(8)
                                .width(Length::Fixed(160.0)),
                            text_input("EUR", &self.currency)
                                .on_input(|v| Message::Text(Field::Currency, v))
                                .padding(8)
                                .width(Length::Fixed(80.0)),
                        ]
                        .spacing(10),
                    ))
                    .push(text(fl!("d24-bank-account")).size(16).style(theme::brand))
                    .push(input(
                        fl!("d24-field-beneficiary"),
                        &self.beneficiary,
                        Field::Beneficiary,
                    ))
                    .push(input(
                        fl!("d24-field-bank-code"),
                        &self.bank_code,
                        Field::BankCode,
                    ))
                    .push(input(fl!("d24-field-branch"), &self.branch, Field::Branch))
                    .push(input(
                        fl!("d24-field-account-number"),
                        &self.account_number,
                        Field::AccountNumber,
                    ))
                    .push(labelled(
                        fl!("d24-account-type"),
                        LABEL_WIDTH,
                        iced::widget::Row::with_children(AccountType::ALL.into_iter().map(|t| {
                            choice(
                                account_type_label(t),
                                self.account_type == t,
                                Message::AccountType(t),
                            )
                            .into()
                        }))
                        .spacing(10),
                    ))
                    .push(input(
                        fl!("d24-field-document-id"),
                        &self.document_id,
                        Field::DocumentId,
                    ));
            }
        }
        form = form.push(input(
            fl!("d24-field-comments"),
            &self.comments,
            Field::Comments,
        ));
        if !self.deposits.is_empty() {
            form = form.push(
                text(fl!("d24-sandbox-deposits"))
                    .size(16)
                    .style(theme::brand),
            );
            for (i, d) in self.deposits.iter().enumerate() {
                let state = if d.completed {
                    fl!("d24-deposit-left", left = d.remaining.format(lang))
                } else {
                    fl!("d24-deposit-not-completed")
                };
                form = form.push(
                    row![
                        text(format!("{} · {}", d.deposit_id, d.invoice_id))
                            .width(Length::Fixed(250.0)),
                        text(d.method).width(Length::Fixed(140.0)),
                        text(d.amount.format(lang)).width(Length::Fixed(110.0)),
                        text(state).width(Fill),
                        button(text(fl!("d24-use")))
                            .padding([4, 10])
                            .style(theme::secondary)
                            .on_press(Message::UseDeposit(i)),
                    ]
                    .spacing(8)
                    .align_y(iced::Center),
                );
            }
        }
        form.into()
    }

    fn review_view(
        &self,
        request: &RefundRequest,
        amount: Option<&Amount>,
    ) -> Element<'_, Message> {
        let what = match amount {
            Some(a) => fl!(
                "d24-review-amount",
                amount = a.format(crate::i18n::current_language())
            ),
            None => fl!("d24-review-card"),
        };
        let mut lines = column![
            text(what).size(20),
            text(fl!(
                "d24-review-deposit",
                deposit = request.deposit_id.to_string(),
                invoice = request.invoice_id.clone()
            )),
        ]
        .spacing(8);
        if let Some(a) = &request.bank_account {
            lines = lines.push(text(fl!(
                "d24-review-account",
                beneficiary = a.beneficiary.clone(),
                account = a.account_number.clone(),
                kind = account_type_label(a.account_type),
                bank = a.bank_code.to_string(),
                branch = a.branch.clone()
            )));
        }
        lines.into()
    }

    fn current_view(&self, e: &D24Entry) -> Element<'_, Message> {
        let mut lines = column![
            text(fl!(
                "d24-review-deposit",
                deposit = e.deposit_id.to_string(),
                invoice = e.invoice_id.clone()
            )),
            text(amount_words(e)),
            text(entry_words(e)).size(20),
        ]
        .spacing(8);
        if let Some(id) = &e.refund_id {
            lines = lines.push(text(fl!("d24-refund-id", id = id.clone())).size(14));
        }
        if self.following() {
            let note = if e.unanswered() {
                fl!("d24-resending", seconds = RESEND_EVERY)
            } else {
                fl!("d24-following")
            };
            lines = lines.push(text(note).size(14));
        }
        lines.into()
    }
}

pub fn account_type_label(t: AccountType) -> String {
    match t {
        AccountType::Checking => fl!("d24-account-checking"),
        AccountType::Saving => fl!("d24-account-saving"),
        AccountType::Salary => fl!("d24-account-salary"),
    }
}

/// The form's label column.
const LABEL_WIDTH: f32 = 200.0;

fn input<'a>(label: String, value: &str, which: Field) -> Element<'a, Message> {
    labelled(
        label.clone(),
        LABEL_WIDTH,
        text_input(&label, value)
            .on_input(move |v| Message::Text(which, v))
            .padding(8),
    )
}
