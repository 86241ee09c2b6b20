//! The Refund screen (manager): choose the provider. A Payconiq refund starts from its payment
//! (History → the payment → Refund); a D24 deposit is refunded here: deposit and invoice id,
//! card (whole, nothing else asked) or another method (amount and the customer's bank
//! account, checked before sending), a review, then the status followed to the end. The rules
//! live in `d24::model` and `d24::flow`; this screen shows what they decide.

use iced::widget::{
    button, column, container, pick_list, row, scrollable, space, text, text_input,
};
use iced::{Element, Fill, Length};

use crate::d24::amount::AmountProblem;
use crate::d24::model::{AccountType, BankAccount, Method, RefundRequest, RefundStatus};
use crate::d24::{Amount, Client};
use crate::fl;
use crate::journal::{D24Entry, D24Event};
use crate::sandbox::d24::DepositSummary;
use crate::screen::settings::Choice;
use crate::theme;
use crate::widget::form::{action, labelled};

/// How often an unanswered request is sent again while the screen is open (ticks of 1 s).
const RESEND_EVERY: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Payconiq,
    D24,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Deposit,
    Invoice,
    Currency,
    Amount,
    Beneficiary,
    BankCode,
    Branch,
    AccountNumber,
    DocumentId,
    Comments,
}

#[derive(Debug)]
pub struct Refund {
    provider: Provider,
    /// The D24 account, once the app has built it (`Err`: why there is none).
    client: Option<Result<Client, String>>,
    method: Method,
    deposit: String,
    invoice: String,
    currency: String,
    amount: String,
    beneficiary: String,
    bank_code: String,
    branch: String,
    account_number: String,
    account_type: AccountType,
    document_id: String,
    comments: String,
    /// The checked request, shown for confirmation.
    review: Option<(RefundRequest, Option<Amount>)>,
    busy: bool,
    /// The refund being followed (or the last one asked for).
    current: Option<D24Entry>,
    recent: Vec<D24Entry>,
    /// On the sandbox: its deposits, to pick one to try.
    deposits: Vec<DepositSummary>,
    ticks: u32,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Provider(Provider),
    Method(Method),
    Text(Field, String),
    AccountType(Choice<AccountType>),
    Review,
    Back,
    Confirm,
    /// Another refund: the form emptied.
    New,
    /// The D24 client and the journal's D24 refunds (open ones resent or read again).
    Ready(Result<(Client, Vec<D24Entry>), String>),
    /// The sandbox's deposits (none on a real account).
    Deposits(Vec<DepositSummary>),
    /// Fills the form with the sandbox deposit at this index.
    UseDeposit(usize),
    Sent(Result<D24Entry, (Option<D24Entry>, String)>),
    Checked(Result<D24Entry, String>),
    Tick,
    History,
    Settings,
    Close,
}

#[derive(Debug, Clone)]
pub enum Action {
    None,
    Send {
        client: Client,
        request: Box<RefundRequest>,
        method: Method,
        currency: String,
    },
    Check(Client, Box<D24Entry>),
    /// The sandbox's deposits again (what is left of each changed).
    Deposits,
    Resume(Client, Box<D24Entry>),
    History,
    Settings,
    Close,
}

fn blank(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

impl Refund {
    pub fn new() -> Refund {
        Refund {
            provider: Provider::D24,
            client: None,
            method: Method::Card,
            deposit: String::new(),
            invoice: String::new(),
            currency: "EUR".into(),
            amount: String::new(),
            beneficiary: String::new(),
            bank_code: String::new(),
            branch: String::new(),
            account_number: String::new(),
            account_type: AccountType::Checking,
            document_id: String::new(),
            comments: String::new(),
            review: None,
            busy: false,
            current: None,
            recent: Vec::new(),
            deposits: Vec::new(),
            ticks: 0,
            problem: None,
        }
    }

    /// Whether a refund is being followed (the app ticks the screen each second meanwhile).
    pub fn following(&self) -> bool {
        self.current
            .as_ref()
            .is_some_and(|e| e.settling() || e.unanswered())
    }

    fn client(&self) -> Option<Client> {
        match &self.client {
            Some(Ok(c)) => Some(c.clone()),
            _ => None,
        }
    }

    /// The request the form describes, checked as the docs require, or what to fix.
    fn checked(&self) -> Result<(RefundRequest, Option<Amount>), String> {
        let field = |f: String| fl!("d24-problem-field", field = f);
        let deposit: u64 = self
            .deposit
            .trim()
            .parse()
            .map_err(|_| field(fl!("d24-field-deposit")))?;
        let (amount, account) = match self.method {
            Method::Card => (None, None),
            Method::Other => {
                let amount = Amount::parse_typed(&self.amount, &self.currency)
                    .and_then(Amount::positive)
                    .map_err(|p| match p {
                        AmountProblem::UnknownCurrency => field(fl!("d24-field-currency")),
                        _ => field(fl!("d24-field-amount")),
                    })?;
                let bank_code: u32 = self
                    .bank_code
                    .trim()
                    .parse()
                    .map_err(|_| field(fl!("d24-field-bank-code")))?;
                let account = BankAccount {
                    beneficiary: self.beneficiary.trim().to_string(),
                    bank_code,
                    branch: self.branch.trim().to_string(),
                    account_number: self.account_number.trim().to_string(),
                    account_type: self.account_type,
                    document_id: blank(&self.document_id).map(str::to_string),
                };
                (Some(amount), Some(account))
            }
        };
        let request = RefundRequest::new(
            self.method,
            deposit,
            &self.invoice,
            amount.as_ref(),
            account,
            blank(&self.comments),
        )
        .map_err(|p| crate::d24::Error::Invalid(p).explain())?;
        Ok((request, amount))
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Provider(p) => self.provider = p,
            Message::Method(m) => {
                self.method = m;
                self.review = None;
            }
            Message::Text(field, value) => self.set_text(field, value),
            Message::AccountType(c) => self.account_type = c.value,
            Message::Review => match self.checked() {
                Ok(checked) => {
                    self.review = Some(checked);
                    self.problem = None;
                }
                Err(problem) => self.problem = Some(problem),
            },
            Message::Back => self.review = None,
            Message::Confirm => {
                let (Some((request, _)), Some(client)) = (self.review.take(), self.client()) else {
                    return Action::None;
                };
                self.busy = true;
                self.problem = None;
                return Action::Send {
                    client,
                    request: Box::new(request),
                    method: self.method,
                    currency: self.currency.trim().to_ascii_uppercase(),
                };
            }
            Message::New => {
                let (client, recent) = (self.client.take(), std::mem::take(&mut self.recent));
                *self = Refund::new();
                self.client = client;
                self.recent = recent;
                return Action::Deposits;
            }
            Message::Deposits(list) => self.deposits = list,
            Message::UseDeposit(i) => {
                if let Some(d) = self.deposits.get(i).cloned() {
                    self.method = if d.card { Method::Card } else { Method::Other };
                    self.deposit = d.deposit_id.to_string();
                    self.invoice = d.invoice_id.clone();
                    self.currency = d.remaining.currency().to_string();
                    self.amount = if d.card {
                        String::new()
                    } else {
                        d.remaining.to_api()
                    };
                    self.review = None;
                    self.problem = None;
                }
            }
            Message::Ready(r) => match r {
                Ok((client, recent)) => {
                    self.client = Some(Ok(client));
                    self.recent = recent;
                }
                Err(why) => self.client = Some(Err(why)),
            },
            Message::Sent(r) => {
                self.busy = false;
                match r {
                    Ok(entry) => self.show(entry),
                    Err((entry, problem)) => {
                        self.problem = Some(problem);
                        if let Some(entry) = entry {
                            self.show(entry);
                        }
                    }
                }
            }
            Message::Checked(r) => match r {
                Ok(entry) => {
                    self.problem = None;
                    self.show(entry);
                }
                Err(problem) => self.problem = Some(problem),
            },
            Message::Tick => {
                self.ticks += 1;
                let (Some(entry), Some(client)) = (&self.current, self.client()) else {
                    return Action::None;
                };
                if self.busy {
                    return Action::None;
                }
                if entry.settling() {
                    return Action::Check(client, Box::new(entry.clone()));
                }
                if entry.unanswered() && self.ticks.is_multiple_of(RESEND_EVERY) {
                    self.busy = true;
                    return Action::Resume(client, Box::new(entry.clone()));
                }
            }
            Message::History => return Action::History,
            Message::Settings => return Action::Settings,
            Message::Close => return Action::Close,
        }
        Action::None
    }

    fn show(&mut self, entry: D24Entry) {
        match self.recent.iter_mut().find(|e| e.key == entry.key) {
            Some(e) => *e = entry.clone(),
            None => self.recent.insert(0, entry.clone()),
        }
        self.current = Some(entry);
    }

    fn set_text(&mut self, field: Field, value: String) {
        self.review = None;
        let slot = match field {
            Field::Deposit => &mut self.deposit,
            Field::Invoice => &mut self.invoice,
            Field::Currency => &mut self.currency,
            Field::Amount => &mut self.amount,
            Field::Beneficiary => &mut self.beneficiary,
            Field::BankCode => &mut self.bank_code,
            Field::Branch => &mut self.branch,
            Field::AccountNumber => &mut self.account_number,
            Field::DocumentId => &mut self.document_id,
            Field::Comments => &mut self.comments,
        };
        *slot = value;
    }
}

impl Default for Refund {
    fn default() -> Self {
        Refund::new()
    }
}

/// A D24 refund's state in words (true at that moment: "checking" only while the screen
/// checks, "sent again" only while it resends).
pub fn entry_words(e: &D24Entry) -> String {
    match &e.last {
        Some((_, D24Event::Status { status, reason, .. })) => match status {
            RefundStatus::Completed => fl!("d24-status-completed"),
            RefundStatus::Rejected => fl!(
                "d24-status-rejected",
                reason = reason.clone().unwrap_or_default()
            ),
            RefundStatus::Cancelled => fl!("d24-status-cancelled"),
            RefundStatus::Delivered => fl!("d24-status-delivered"),
            RefundStatus::IncorrectDetails => fl!("d24-status-incorrect-details"),
            RefundStatus::Pending | RefundStatus::Unknown => fl!("d24-status-pending"),
        },
        Some((_, D24Event::Unknown { .. })) | None => fl!("d24-status-unanswered"),
        Some((_, D24Event::Refused { .. })) => fl!("d24-status-refused"),
    }
}

fn amount_words(e: &D24Entry) -> String {
    e.amount
        .as_ref()
        .map(Amount::to_string)
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
        let outcome = self
            .problem
            .as_ref()
            .map(|p| text(p.clone()).style(theme::error));
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
        let method = |label: String, m: Method| {
            button(text(label))
                .padding([8, 14])
                .style(if self.method == m {
                    theme::primary
                } else {
                    theme::secondary
                })
                .on_press(Message::Method(m))
        };
        let mut form = column![
            row![
                text(fl!("d24-method")).width(Length::Fixed(200.0)),
                method(fl!("d24-method-card"), Method::Card),
                method(fl!("d24-method-other"), Method::Other),
            ]
            .spacing(10)
            .align_y(iced::Center),
            input(fl!("d24-field-deposit"), &self.deposit, Field::Deposit),
            input(fl!("d24-field-invoice"), &self.invoice, Field::Invoice),
        ]
        .spacing(10);
        match self.method {
            Method::Card => form = form.push(text(fl!("d24-card-whole")).size(14)),
            Method::Other => {
                let types: Vec<Choice<AccountType>> = AccountType::ALL
                    .into_iter()
                    .map(|t| Choice::new(t, account_type_label(t)))
                    .collect();
                let current = types.iter().find(|c| c.value == self.account_type).cloned();
                form = form
                    .push(
                        row![
                            text(fl!("d24-field-amount")).width(Length::Fixed(200.0)),
                            text_input("0.00", &self.amount)
                                .on_input(|v| Message::Text(Field::Amount, v))
                                .padding(8)
                                .width(Length::Fixed(160.0)),
                            text_input("EUR", &self.currency)
                                .on_input(|v| Message::Text(Field::Currency, v))
                                .padding(8)
                                .width(Length::Fixed(80.0)),
                        ]
                        .spacing(10)
                        .align_y(iced::Center),
                    )
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
                    .push(
                        row![
                            text(fl!("d24-account-type")).width(Length::Fixed(200.0)),
                            pick_list(types, current, Message::AccountType),
                        ]
                        .spacing(10)
                        .align_y(iced::Center),
                    )
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
                    fl!("d24-deposit-left", left = d.remaining.to_string())
                } else {
                    fl!("d24-deposit-not-completed")
                };
                form = form.push(
                    row![
                        text(format!("{} · {}", d.deposit_id, d.invoice_id))
                            .width(Length::Fixed(250.0)),
                        text(d.method).width(Length::Fixed(140.0)),
                        text(d.amount.to_string()).width(Length::Fixed(110.0)),
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
            Some(a) => fl!("d24-review-amount", amount = a.to_string()),
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

fn input<'a>(label: String, value: &str, which: Field) -> Element<'a, Message> {
    labelled(
        label.clone(),
        200.0,
        text_input(&label, value)
            .on_input(move |v| Message::Text(which, v))
            .padding(8),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_that_cannot_be_sent_says_which_field() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let mut r = Refund::new();
        let send = |r: &mut Refund, field: Field, value: &str| {
            r.update(Message::Text(field, value.into()));
            r.update(Message::Review);
            r.problem.clone()
        };
        r.update(Message::Method(Method::Other));
        assert_eq!(
            send(&mut r, Field::Deposit, "30000x"),
            Some("Check this field: Deposit id.".into())
        );
        r.update(Message::Text(Field::Deposit, "300000004".into()));
        r.update(Message::Text(Field::Invoice, "KASSA-D24-0004".into()));
        assert_eq!(
            send(&mut r, Field::Amount, "12,505"),
            Some("Check this field: Amount.".into())
        );
        r.update(Message::Text(Field::Amount, "12,50".into()));
        assert_eq!(
            send(&mut r, Field::Currency, "EURO"),
            Some("Check this field: Currency (three letters, e.g. EUR).".into())
        );
        r.update(Message::Text(Field::Currency, "eur".into()));
        for (field, value) in [
            (Field::Beneficiary, "Carlos Ramirez"),
            (Field::BankCode, "1"),
            (Field::Branch, "9283"),
        ] {
            r.update(Message::Text(field, value.into()));
        }
        assert_eq!(
            send(&mut r, Field::AccountNumber, "12;34"),
            Some("Check this field: Account number.".into())
        );
        r.update(Message::Text(Field::AccountNumber, "18293435".into()));
        r.update(Message::Review);
        assert!(r.review.is_some(), "{:?}", r.problem);
        // What was typed is kept through every refusal.
        assert_eq!(
            (r.deposit.as_str(), r.amount.as_str()),
            ("300000004", "12,50")
        );
    }
}
