//! The Refund screen (manager): choose the provider. A Payconiq refund starts from its payment
//! (History → the payment → Refund); a D24 deposit is refunded here: deposit and invoice id,
//! card (whole, nothing else asked) or another method (amount and the customer's bank
//! account, checked before sending), a review, then the status followed to the end. The rules
//! live in `d24::model` and `d24::flow`; this screen shows what they decide.

use crate::d24::amount::AmountProblem;
use crate::d24::flow::Step;
use crate::d24::model::{AccountType, BankAccount, Method, RefundRequest};
use crate::d24::{Amount, Client};
use crate::explain::Explain;
use crate::fl;
use crate::journal::D24Entry;
use crate::sandbox::d24::DepositSummary;

use crate::d24::flow::RESEND_EVERY;

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
    AccountType(AccountType),
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
    /// What Esc does: from the review back to the form, else back to the payment history it
    /// was opened from (as Esc does from the history's other screens).
    pub fn escape(&self) -> Message {
        if self.review.is_some() && self.current.is_none() && !self.busy {
            Message::Back
        } else {
            Message::History
        }
    }

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
            Message::AccountType(t) => self.account_type = t,
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
                        d.remaining.to_typed(crate::i18n::current_language())
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
                match crate::d24::flow::next_step(entry, self.ticks) {
                    Step::Check => return Action::Check(client, Box::new(entry.clone())),
                    Step::Resend => {
                        self.busy = true;
                        return Action::Resume(client, Box::new(entry.clone()));
                    }
                    Step::Wait => {}
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

mod view;

pub use view::entry_words;

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
