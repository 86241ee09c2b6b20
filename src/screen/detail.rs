//! One payment, for the manager: every field the API gives, what the journal saw happen, its
//! refunds with their statuses, and the actions that fit its state (`history::actions_for`):
//! cancel, refund (amount defaults to what is left; a review step restates amount and customer;
//! then the refund is followed), the customer's IBAN for a manual refund, complete or void.
//! The rules live in `refund.rs` and `history.rs`; this screen shows what they decide.

mod view;

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{container, scrollable, text, text_input};
use iced::{Element, Fill, Length};
use time::OffsetDateTime;

use crate::fl;
use crate::history::{PaymentAction, actions_for};
use crate::i18n::Lang;
use crate::journal::{Event, RefundEntry, RefundEvent};
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};
use crate::refund::{self, Refundable, Refusal};
use crate::screen::today::status_label;
use crate::theme;

/// What the app found about the payment.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub payment: Option<Payment>,
    /// What the journal recorded for it, oldest first (empty for another till's payment).
    pub events: Vec<(OffsetDateTime, Event)>,
    pub refunds: Vec<RefundEntry>,
    /// Why the API's side could not be read (the journal's is still shown).
    pub problem: Option<String>,
    /// In a shop, why the other tills' refunds could not be read (another till's sale is not
    /// refunded meanwhile: its balance is not known).
    pub shop_offline: Option<String>,
}

#[derive(Debug)]
pub struct Detail {
    lang: Lang,
    payment_id: Option<String>,
    reference: Option<String>,
    loaded: Option<Loaded>,
    /// Whether refunds can be signed (refunds need the JWS signing key).
    can_sign: bool,
    form: Option<RefundForm>,
    iban: Option<String>,
    busy: bool,
    /// A receipt printer is set.
    can_print: bool,
    /// What is under way while `busy`, in words ("Refunding…"), shown at once.
    working: Option<String>,
    /// An operation's outcome, told once the payment has been read again after it (so the
    /// words and the status above agree).
    outcome: Option<Result<String, String>>,
    /// A read was already under way when the answer came: read once more after it.
    read_again: bool,
    /// A load is out (reloads wait for it).
    loading: bool,
    info: Option<String>,
    problem: Option<String>,
    /// Void was pressed: the money goes back only once confirmed, as at the checkout.
    confirm_void: bool,
}

#[derive(Debug, Default)]
struct RefundForm {
    amount: String,
    description: String,
    /// The review step: amount and customer restated, Confirm sends.
    review: Option<Money>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Box<Result<Loaded, String>>),
    Refresh,
    /// The automatic reload while a refund settles (follows, never re-sends).
    Follow,
    Refund,
    Amount(String),
    Description(String),
    Review,
    Edit,
    /// Closes the refund form without refunding.
    Dismiss,
    Confirm,
    /// A refund request, cancel, acknowledge, void or IBAN request ended.
    Done(Result<String, String>),
    Iban,
    IbanKnown(Result<String, String>),
    /// Puts the customer's IBAN on the clipboard.
    CopyIban,
    /// Print the slip of the newest refund.
    PrintRefund,
    /// Print the customer's receipt of this paid payment.
    PrintReceipt,
    /// An edit in the IBAN's field (it is there to be selected and copied: nothing changes).
    IbanField(String),
    Cancel,
    Complete,
    /// Asks whether to void (the customer gets the money back).
    Void,
    ConfirmVoid,
    /// Back from the void question without voiding.
    KeepPayment,
    Settings,
    Back,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Load {
        payment_id: Option<String>,
        reference: Option<String>,
        /// Send unanswered refunds again (not on the automatic reloads).
        resend: bool,
    },
    Refund {
        payment: Box<Payment>,
        refunds: Vec<RefundEntry>,
        amount: Money,
        description: Option<String>,
    },
    Iban(String),
    /// Put this text on the clipboard.
    Copy(String),
    /// Print a refund's slip: the refund, and its state in words.
    PrintRefund(Box<RefundEntry>, String),
    /// The customer's receipt of this paid payment.
    PrintReceipt(Box<Payment>),
    Cancel(String),
    Complete(Box<Payment>),
    Void(String),
    Settings,
    Back,
}

impl Detail {
    /// Offers printing refund slips on the receipt printer.
    pub fn with_printer(mut self, can_print: bool) -> Detail {
        self.can_print = can_print;
        self
    }

    /// What Esc does: answers the void question with "keep", closes the refund form when it
    /// is open, else goes back.
    pub fn escape(&self) -> Message {
        if self.confirm_void {
            Message::KeepPayment
        } else if self.form.is_some() {
            Message::Dismiss
        } else {
            Message::Back
        }
    }

    pub fn new(
        lang: Lang,
        payment_id: Option<String>,
        reference: Option<String>,
        can_sign: bool,
    ) -> Detail {
        Detail {
            lang,
            payment_id,
            reference,
            loaded: None,
            can_sign,
            form: None,
            iban: None,
            busy: false,
            working: None,
            can_print: false,
            outcome: None,
            read_again: false,
            loading: false,
            info: None,
            problem: None,
            confirm_void: false,
        }
    }

    /// Loads the payment, sending unanswered refunds again (when it opens, and on Refresh).
    pub fn load(&mut self) -> Action {
        self.load_with(true)
    }

    /// One load at a time: a reload asked for while one is out is dropped (the answer on its
    /// way is as new).
    fn load_with(&mut self, resend: bool) -> Action {
        if self.loading {
            return Action::None;
        }
        self.loading = true;
        Action::Load {
            payment_id: self.payment_id.clone(),
            reference: self.reference.clone(),
            resend,
        }
    }

    pub fn payment(&self) -> Option<&Payment> {
        self.loaded.as_ref()?.payment.as_ref()
    }

    pub fn refunds(&self) -> &[RefundEntry] {
        self.loaded.as_ref().map_or(&[], |l| &l.refunds)
    }

    /// Whether a refund is still settling (the app then refreshes the screen).
    pub fn following(&self) -> bool {
        let now = time::OffsetDateTime::now_utc();
        self.refunds()
            .iter()
            .any(|r| r.settling() || (r.unanswered() && refund::may_resend(r, now)))
    }

    fn balance(&self) -> Option<Refundable> {
        Some(refund::refundable(self.payment()?, self.refunds()))
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Loaded(result) => {
                self.loading = false;
                match *result {
                    Ok(loaded) => {
                        if let Some(p) = &loaded.payment {
                            self.payment_id = Some(p.payment_id.clone());
                        }
                        self.loaded = Some(loaded);
                    }
                    Err(e) => self.problem = Some(e),
                }
                // That read left before the operation's answer: the next one tells.
                if std::mem::take(&mut self.read_again) {
                    return self.load();
                }
                if let Some(outcome) = self.outcome.take() {
                    self.working = None;
                    match outcome {
                        Ok(info) => {
                            self.info = Some(info);
                            self.problem = None;
                        }
                        Err(e) => self.problem = Some(e),
                    }
                }
                Action::None
            }
            Message::Refresh => self.load(),
            Message::Follow => self.load_with(false),
            Message::Refund => {
                let remaining = self.balance().map(|b| b.remaining).unwrap_or_default();
                self.form = Some(RefundForm {
                    amount: remaining.input(self.lang),
                    ..RefundForm::default()
                });
                self.info = None;
                self.problem = None;
                Action::None
            }
            Message::Amount(a) => {
                if let Some(f) = &mut self.form {
                    f.amount = a;
                }
                Action::None
            }
            Message::Description(d) => {
                if let Some(f) = &mut self.form {
                    f.description = d;
                }
                Action::None
            }
            Message::Review => {
                self.problem = None;
                let (Some(payment), Some(balance), Some(form)) =
                    (self.payment(), self.balance(), self.form.as_ref())
                else {
                    return Action::None;
                };
                let checked = Money::parse(&form.amount)
                    .map_err(|e| crate::screen::till::money_problem(&e, self.lang))
                    .and_then(|a| refund::check(payment, &balance, a).map_err(|r| self.refusal(&r)))
                    .and_then(|a| {
                        crate::payconiq::validate::check_optional(
                            crate::payconiq::validate::Field::Description,
                            Some(form.description.trim()).filter(|d| !d.is_empty()),
                            crate::payconiq::validate::DESCRIPTION_MAX,
                        )
                        .map(|()| a)
                        .map_err(|e| crate::screen::till::field_problem(&e))
                    });
                match checked {
                    Ok(a) => {
                        if let Some(f) = &mut self.form {
                            f.review = Some(a);
                        }
                    }
                    Err(p) => self.problem = Some(p),
                }
                Action::None
            }
            Message::Edit => {
                if let Some(f) = &mut self.form {
                    f.review = None;
                }
                Action::None
            }
            Message::Dismiss => {
                self.form = None;
                self.problem = None;
                Action::None
            }
            Message::Confirm => {
                let Some(form) = &self.form else {
                    return Action::None;
                };
                let (Some(amount), Some(payment)) = (form.review, self.payment()) else {
                    return Action::None;
                };
                let description =
                    Some(form.description.trim().to_string()).filter(|d| !d.is_empty());
                let action = Action::Refund {
                    payment: Box::new(payment.clone()),
                    refunds: self.refunds().to_vec(),
                    amount,
                    description,
                };
                self.busy = true;
                self.working = Some(fl!("detail-refunding"));
                self.form = None;
                action
            }
            Message::Done(result) => {
                // Still "Refunding…" (or "Cancelling…") until the payment is read again.
                self.busy = false;
                self.outcome = Some(result);
                if self.loading {
                    self.read_again = true;
                    return Action::None;
                }
                self.load()
            }
            Message::Iban => match &self.payment_id {
                Some(id) => {
                    self.busy = true;
                    self.working = Some(fl!("detail-asking-iban"));
                    Action::Iban(id.clone())
                }
                None => Action::None,
            },
            Message::CopyIban => match &self.iban {
                Some(iban) => {
                    self.info = Some(fl!("detail-iban-copied"));
                    Action::Copy(iban.chars().filter(|c| !c.is_whitespace()).collect())
                }
                None => Action::None,
            },
            Message::IbanField(_) => Action::None,
            Message::PrintReceipt => match self.payment() {
                Some(p) if p.status == PaymentStatus::Succeeded => {
                    Action::PrintReceipt(Box::new(p.clone()))
                }
                _ => Action::None,
            },
            Message::PrintRefund => match self.refunds().iter().max_by_key(|r| r.requested_at) {
                Some(r) => Action::PrintRefund(Box::new(r.clone()), self.refund_state(r)),
                None => Action::None,
            },
            Message::IbanKnown(result) => {
                self.busy = false;
                self.working = None;
                match result {
                    Ok(iban) => self.iban = Some(iban),
                    Err(e) => self.problem = Some(e),
                }
                Action::None
            }
            Message::Cancel => self.op(fl!("checkout-cancelling"), |id, _| Action::Cancel(id)),
            Message::Void => {
                self.confirm_void = self.payment().is_some();
                Action::None
            }
            Message::KeepPayment => {
                self.confirm_void = false;
                Action::None
            }
            Message::ConfirmVoid => {
                self.confirm_void = false;
                self.op(fl!("checkout-voiding"), |id, _| Action::Void(id))
            }
            Message::Complete => self.op(fl!("checkout-completing"), |_, p| {
                Action::Complete(Box::new(p))
            }),
            Message::Settings => Action::Settings,
            Message::Back => Action::Back,
        }
    }

    fn op(&mut self, working: String, make: impl FnOnce(String, Payment) -> Action) -> Action {
        let Some(p) = self.payment().cloned() else {
            return Action::None;
        };
        self.busy = true;
        self.working = Some(working);
        self.info = None;
        self.problem = None;
        make(p.payment_id.clone(), p)
    }

    fn refusal(&self, r: &Refusal) -> String {
        crate::words::refusal(r, self.lang)
    }
}

pub fn refund_status(s: &crate::payconiq::model::RefundStatus) -> String {
    use crate::payconiq::model::RefundStatus;
    match s {
        RefundStatus::Pending | RefundStatus::Processing => fl!("refund-state-pending"),
        RefundStatus::Refunded => fl!("refund-state-refunded"),
        RefundStatus::Failed => fl!("refund-state-failed"),
        RefundStatus::Other(o) => o.clone(),
    }
}
