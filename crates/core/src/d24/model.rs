//! The D24 refund API's requests and answers, as its refund creation and status pages show
//! them. Amounts cross as decimal text (requests) or JSON numbers (answers), read exactly.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use super::amount::{Amount, AmountProblem};

/// Field limits (the docs' v1 table; the v3 page names the same fields without limits).
pub const MAX_INVOICE_ID: usize = 125;
pub const MAX_BENEFICIARY: usize = 100;
pub const MAX_ACCOUNT_NUMBER: usize = 45;
pub const MAX_BRANCH: usize = 15;
pub const MAX_DOCUMENT_ID: usize = 30;
pub const MAX_COMMENTS: usize = 200;

/// How the customer paid the deposit, which decides what a refund needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Back to the same card: full refunds only, nothing but the deposit's ids.
    Card,
    /// Cash, bank transfer, voucher…: D24 has no account to pay back to, so the request
    /// carries the customer's bank account; partial refunds allowed.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountType {
    Checking,
    Saving,
    Salary,
}

impl AccountType {
    pub const ALL: [AccountType; 3] = [
        AccountType::Checking,
        AccountType::Saving,
        AccountType::Salary,
    ];
}

/// Where a non-card refund is paid to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub beneficiary: String,
    /// From D24's bank codes endpoint (a number in the docs' example).
    pub bank_code: u32,
    pub branch: String,
    pub account_number: String,
    pub account_type: AccountType,
    /// The beneficiary's ID document number, where the country requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
}

/// `POST /v3/refunds`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRequest {
    pub deposit_id: u64,
    pub invoice_id: String,
    /// Decimal text; absent for card refunds (the whole deposit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_account: Option<BankAccount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_url: Option<String>,
}

/// A field of a refund request that cannot be sent as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestProblem {
    DepositId,
    InvoiceId,
    Amount(AmountProblem),
    /// A card deposit is refunded whole: no amount.
    CardAmount,
    /// A non-card refund needs the customer's bank account.
    MissingBankAccount,
    Beneficiary,
    BankCode,
    Branch,
    AccountNumber,
    DocumentId,
    Comments,
    NotificationUrl,
}

fn text_ok(s: &str, max: usize) -> bool {
    let s = s.trim();
    !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control)
}

impl RefundRequest {
    /// Builds and checks a request the way the docs describe it. `amount` is `None` for a
    /// full refund.
    pub fn new(
        method: Method,
        deposit_id: u64,
        invoice_id: &str,
        amount: Option<&Amount>,
        bank_account: Option<BankAccount>,
        comments: Option<&str>,
    ) -> Result<RefundRequest, RequestProblem> {
        if deposit_id == 0 {
            return Err(RequestProblem::DepositId);
        }
        if !text_ok(invoice_id, MAX_INVOICE_ID) {
            return Err(RequestProblem::InvoiceId);
        }
        let comments = comments.map(str::trim).filter(|c| !c.is_empty());
        if comments.is_some_and(|c| !text_ok(c, MAX_COMMENTS)) {
            return Err(RequestProblem::Comments);
        }
        let (amount, bank_account) = match method {
            Method::Card if amount.is_some() => return Err(RequestProblem::CardAmount),
            Method::Card => (None, None),
            Method::Other => {
                let account = bank_account.ok_or(RequestProblem::MissingBankAccount)?;
                check_account(&account)?;
                let amount = match amount {
                    Some(a) => Some(
                        a.clone()
                            .positive()
                            .map_err(RequestProblem::Amount)?
                            .to_api(),
                    ),
                    None => None,
                };
                (amount, Some(account))
            }
        };
        Ok(RefundRequest {
            deposit_id,
            invoice_id: invoice_id.trim().to_string(),
            amount,
            bank_account,
            comments: comments.map(str::to_string),
            notification_url: None,
        })
    }
}

/// The bank account's own rules (also the sandbox's).
pub fn check_account(a: &BankAccount) -> Result<(), RequestProblem> {
    let digits_or_dash = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ')
    };
    if !text_ok(&a.beneficiary, MAX_BENEFICIARY) {
        return Err(RequestProblem::Beneficiary);
    }
    if a.bank_code == 0 {
        return Err(RequestProblem::BankCode);
    }
    if !text_ok(&a.branch, MAX_BRANCH) || !digits_or_dash(&a.branch) {
        return Err(RequestProblem::Branch);
    }
    if !text_ok(&a.account_number, MAX_ACCOUNT_NUMBER) || !digits_or_dash(&a.account_number) {
        return Err(RequestProblem::AccountNumber);
    }
    if let Some(id) = &a.document_id
        && (!text_ok(id, MAX_DOCUMENT_ID) || !digits_or_dash(id))
    {
        return Err(RequestProblem::DocumentId);
    }
    Ok(())
}

/// What `POST /v3/refunds` answers: only the id for most methods; for a card refund done
/// at once, the details too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    #[serde(deserialize_with = "id_text")]
    pub refund_id: String,
    #[serde(default)]
    pub deposit_id: Option<u64>,
    #[serde(default)]
    pub merchant_invoice_id: Option<String>,
    #[serde(default)]
    pub refund_info: Option<RefundInfo>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundInfo {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    pub result: CardResult,
    #[serde(default)]
    pub payment_method: Option<String>,
    #[serde(default)]
    pub payment_method_name: Option<String>,
    #[serde(default, deserialize_with = "raw_number")]
    pub amount: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default, deserialize_with = "opt_id_text")]
    pub reason_code: Option<String>,
}

/// The result of a card refund in the creation answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CardResult {
    Success,
    InProgress,
    Rejected,
    #[serde(other)]
    Unknown,
}

/// `GET /v3/refunds/{refund_id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundState {
    #[serde(default)]
    pub deposit_id: Option<u64>,
    #[serde(default)]
    pub merchant_invoice_id: Option<String>,
    pub status: RefundStatus,
    #[serde(default, deserialize_with = "raw_number")]
    pub amount: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default, deserialize_with = "opt_id_text")]
    pub reason_code: Option<String>,
}

/// A refund's status on D24's side.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RefundStatus {
    /// Created, waiting to be processed; can still be cancelled.
    Pending,
    /// D24 needs corrected details; can still be cancelled.
    IncorrectDetails,
    /// Sent to the bank; can no longer be cancelled.
    Delivered,
    /// Final: the money went back.
    Completed,
    /// Final: the bank refused it.
    Rejected,
    /// Final: cancelled by the merchant.
    Cancelled,
    #[serde(other)]
    Unknown,
}

impl RefundStatus {
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            RefundStatus::Completed | RefundStatus::Rejected | RefundStatus::Cancelled
        )
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            RefundStatus::Pending => "PENDING",
            RefundStatus::IncorrectDetails => "INCORRECT_DETAILS",
            RefundStatus::Delivered => "DELIVERED",
            RefundStatus::Completed => "COMPLETED",
            RefundStatus::Rejected => "REJECTED",
            RefundStatus::Cancelled => "CANCELLED",
            RefundStatus::Unknown => "UNKNOWN",
        }
    }

    pub fn parse(text: &str) -> RefundStatus {
        serde_json::from_value(serde_json::Value::String(text.into()))
            .unwrap_or(RefundStatus::Unknown)
    }
}

impl Created {
    /// The creation answer in the status words of the status endpoint: a card refund done at
    /// once is COMPLETED or REJECTED; IN_PROGRESS and an id alone are PENDING.
    pub fn status(&self) -> RefundStatus {
        match self.refund_info.as_ref().map(|i| &i.result) {
            Some(CardResult::Success) => RefundStatus::Completed,
            Some(CardResult::Rejected) => RefundStatus::Rejected,
            _ => RefundStatus::Pending,
        }
    }
}

/// An error answer: `{"code": 802, "description": "...", "type": "INVALID_AMOUNT_TO_REFUND"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub code: Option<u32>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

/// Ids come as numbers or strings ("This might be an integer or a string").
fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Number(u64),
        Text(String),
    }
    Ok(match Id::deserialize(d)? {
        Id::Number(n) => n.to_string(),
        Id::Text(s) => s,
    })
}

fn opt_id_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match value {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// A JSON number (or numeric string) kept as its exact text, for `Amount::parse_api`.
fn raw_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let raw = Option::<Box<RawValue>>::deserialize(d)?;
    Ok(raw.and_then(|r| {
        let text = r.get().trim();
        match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            Some(inner) => Some(inner.to_string()),
            None if text == "null" => None,
            None => Some(text.to_string()),
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> BankAccount {
        BankAccount {
            beneficiary: "Carlos Ramirez".into(),
            bank_code: 1,
            branch: "9283".into(),
            account_number: "18293435".into(),
            account_type: AccountType::Saving,
            document_id: None,
        }
    }

    #[test]
    fn requests_are_written_as_the_docs_show() {
        let amount = Amount::parse_api("100", "MXN").unwrap();
        let req = RefundRequest::new(
            Method::Other,
            300533646,
            "newIUnit45328731",
            Some(&amount),
            Some(account()),
            Some("Test refund over v3"),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&req).unwrap(),
            r#"{"deposit_id":300533646,"invoice_id":"newIUnit45328731","amount":"100.00","bank_account":{"beneficiary":"Carlos Ramirez","bank_code":1,"branch":"9283","account_number":"18293435","account_type":"SAVING"},"comments":"Test refund over v3"}"#
        );
        let card = RefundRequest::new(Method::Card, 300533647, "inv", None, None, None).unwrap();
        assert_eq!(
            serde_json::to_string(&card).unwrap(),
            r#"{"deposit_id":300533647,"invoice_id":"inv"}"#
        );
    }

    #[test]
    fn requests_that_break_the_rules_are_refused_before_sending() {
        let a = Amount::parse_api("1", "EUR").unwrap();
        let new =
            |m, amount: Option<&Amount>, acc| RefundRequest::new(m, 1, "inv", amount, acc, None);
        assert_eq!(
            new(Method::Card, Some(&a), None),
            Err(RequestProblem::CardAmount)
        );
        assert_eq!(
            new(Method::Other, Some(&a), None),
            Err(RequestProblem::MissingBankAccount)
        );
        let zero = Amount::parse_api("0", "EUR").unwrap();
        assert_eq!(
            new(Method::Other, Some(&zero), Some(account())),
            Err(RequestProblem::Amount(AmountProblem::NotPositive))
        );
        let mut bad = account();
        bad.account_number = "12;DROP".into();
        assert_eq!(
            new(Method::Other, None, Some(bad)),
            Err(RequestProblem::AccountNumber)
        );
        let mut bad = account();
        bad.beneficiary = "x".repeat(101);
        assert_eq!(
            new(Method::Other, None, Some(bad)),
            Err(RequestProblem::Beneficiary)
        );
        assert_eq!(
            RefundRequest::new(Method::Card, 0, "inv", None, None, None),
            Err(RequestProblem::DepositId)
        );
        assert_eq!(
            RefundRequest::new(Method::Card, 1, "  ", None, None, None),
            Err(RequestProblem::InvoiceId)
        );
    }

    #[test]
    fn answers_are_read_as_the_docs_show() {
        let card: Created = serde_json::from_str(
            r#"{"refund_id":"80000001","deposit_id":300604089,"merchant_invoice_id":"test766106146",
            "refund_info":{"type":"CREDIT_CARD","result":"SUCCESS","payment_method":"AE",
            "payment_method_name":"American Express","amount":505.95,"currency":"MXN",
            "created_at":"2021-02-05 22:10:45"}}"#,
        )
        .unwrap();
        let info = card.refund_info.as_ref().unwrap();
        assert_eq!(info.amount.as_deref(), Some("505.95"));
        assert_eq!(card.status(), RefundStatus::Completed);
        let cash: Created = serde_json::from_str(r#"{"refund_id":168284}"#).unwrap();
        assert_eq!(
            (cash.refund_id.as_str(), cash.status()),
            ("168284", RefundStatus::Pending)
        );
        let state: RefundState = serde_json::from_str(
            r#"{"deposit_id":300533569,"merchant_invoice_id":"84044","status":"COMPLETED","amount":100.00,"new_field":1}"#,
        )
        .unwrap();
        assert_eq!(state.amount.as_deref(), Some("100.00"));
        assert!(state.status.is_final());
        let odd: RefundState = serde_json::from_str(r#"{"status":"ON_HOLD"}"#).unwrap();
        assert_eq!(odd.status, RefundStatus::Unknown);
    }
}
