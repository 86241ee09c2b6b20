//! The guide's tables, written down once: the fields of each request body (required or not,
//! kind, length) and the error codes each endpoint answers with. The client checks its
//! request bodies with [`check_body`] before sending, the sandbox checks what it receives with
//! the same function, and the tests generate their cases from these tables.
//!
//! Sources: the merchant API guide ("Create Payment Request Body", the POS variant, "Get
//! Payments List Request Body", the "… HTTP Status and Error Codes" tables, "Payment Refund
//! Service") and the refund service 3.0.2.

use serde_json::{Map, Value};

use super::validate::{self, Field, Problem, ValidationError};
use crate::money::Money;

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Euro cents, 1..=999999 (a JSON number, or a numeric string as in the guide's example).
    Amount,
    /// "EUR" only.
    Currency,
    /// Text in the SEPA character set, at most this many characters.
    Text(usize),
    /// An https URL (plain http only to this machine).
    Url,
    /// Where the provider's checkout page sends the customer back: an absolute http(s) URL
    /// of at most this many characters (a `javascript:` or relative "URL" would run or land
    /// on the provider's own page).
    ReturnUrl(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub field: Field,
    pub required: bool,
    pub kind: Kind,
}

const fn rule(field: Field, required: bool, kind: Kind) -> Rule {
    Rule {
        field,
        required,
        kind,
    }
}

const PAYMENT_FIELDS: [Rule; 6] = [
    rule(Field::Amount, true, Kind::Amount),
    rule(Field::Currency, false, Kind::Currency),
    rule(
        Field::Description,
        false,
        Kind::Text(validate::DESCRIPTION_MAX),
    ),
    rule(Field::Reference, false, Kind::Text(validate::REFERENCE_MAX)),
    rule(Field::BulkId, false, Kind::Text(validate::BULK_ID_MAX)),
    rule(Field::CallbackUrl, false, Kind::Url),
];

/// The online variant of `POST /v3/payments` ("Online" section of the guide, lines 6571–6573:
/// "returnUrl [String, optional] Maximum Length: 2048 chars"): the in-store fields and the
/// return URL. The same path serves both; a body naming `returnUrl` is an online payment.
const ONLINE_FIELDS: [Rule; 7] = [
    PAYMENT_FIELDS[0],
    PAYMENT_FIELDS[1],
    PAYMENT_FIELDS[2],
    PAYMENT_FIELDS[3],
    PAYMENT_FIELDS[4],
    PAYMENT_FIELDS[5],
    rule(
        Field::ReturnUrl,
        false,
        Kind::ReturnUrl(validate::RETURN_URL_MAX),
    ),
];

const POS_FIELDS: [Rule; 9] = [
    PAYMENT_FIELDS[0],
    PAYMENT_FIELDS[1],
    PAYMENT_FIELDS[2],
    PAYMENT_FIELDS[3],
    PAYMENT_FIELDS[4],
    PAYMENT_FIELDS[5],
    rule(Field::PosId, true, Kind::Text(validate::POS_ID_MAX)),
    rule(Field::ShopId, false, Kind::Text(validate::SHOP_ID_MAX)),
    rule(Field::ShopName, false, Kind::Text(validate::SHOP_NAME_MAX)),
];

const ACKNOWLEDGE_FIELDS: [Rule; 3] = [
    rule(Field::Amount, true, Kind::Amount),
    rule(Field::Currency, false, Kind::Currency),
    rule(Field::Reference, false, Kind::Text(validate::REFERENCE_MAX)),
];

const REFUND_FIELDS: [Rule; 3] = [
    rule(Field::Amount, true, Kind::Amount),
    rule(Field::Currency, false, Kind::Currency),
    rule(
        Field::Description,
        false,
        Kind::Text(validate::DESCRIPTION_MAX),
    ),
];

/// The endpoints the guide describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    CreatePayment,
    /// `POST /v3/payments` with a `returnUrl`: paid on the provider's checkout page.
    CreateOnlinePayment,
    CreatePosPayment,
    GetPayment,
    SearchPayments,
    /// `DELETE /v3/payments/{id}`: cancel, and void on void-enabled profiles.
    CancelPayment,
    Acknowledge,
    /// `GET /v3/payments/{id}/debtor/refundIban`.
    RefundIban,
    CreateRefund,
    GetRefund,
    Payouts,
    PayoutPayments,
    PayoutRefunds,
}

impl Endpoint {
    pub const ALL: [Endpoint; 13] = [
        Endpoint::CreatePayment,
        Endpoint::CreateOnlinePayment,
        Endpoint::CreatePosPayment,
        Endpoint::GetPayment,
        Endpoint::SearchPayments,
        Endpoint::CancelPayment,
        Endpoint::Acknowledge,
        Endpoint::RefundIban,
        Endpoint::CreateRefund,
        Endpoint::GetRefund,
        Endpoint::Payouts,
        Endpoint::PayoutPayments,
        Endpoint::PayoutRefunds,
    ];

    /// The fields of its JSON body (none for bodiless calls).
    pub fn body(self) -> &'static [Rule] {
        match self {
            Endpoint::CreatePayment => &PAYMENT_FIELDS,
            Endpoint::CreateOnlinePayment => &ONLINE_FIELDS,
            Endpoint::CreatePosPayment => &POS_FIELDS,
            Endpoint::Acknowledge => &ACKNOWLEDGE_FIELDS,
            Endpoint::CreateRefund => &REFUND_FIELDS,
            _ => &[],
        }
    }

    /// The (status, code) pairs its error table lists; 429 and 503 carry whatever code the
    /// gateway gives and are allowed everywhere; 415 is the HTTP layer's (see
    /// [`Endpoint::wrong_content_type`]).
    ///
    /// A payment in the wrong state, per endpoint, as its table names it:
    /// - `DELETE /v3/payments/{id}` (cancel, and void on void-enabled profiles): every cancel
    ///   table and the void table (guide lines 2325, 13696) name one code, "422
    ///   PAYMENT_NOT_PENDING: Payment is not in a pending or identify state", so a payment
    ///   already voided, or one acknowledged (SUCCEEDED), gets that code too.
    /// - acknowledge: its table (line 13843, and the "Void Payments" table at 2192 that
    ///   documents the same POST) names "422 PAYMENT_VOIDED Payment is already voided" and
    ///   nothing for a payment never confirmed (PENDING, EXPIRED…). The guide is silent there;
    ///   chosen: 422 PAYMENT_NOT_PENDING, the code the void table of the same profile gives for
    ///   "not in the state this needs", so a client reads both the same. An acknowledge repeated
    ///   on a SUCCEEDED payment succeeds again ("This endpoint can be called multiple times").
    ///   Its body is checked as the create table's fields are (400 codes), though the table
    ///   lists no 400.
    /// - refund IBAN: its table (line 2584) names "422 REFUND_NOT_ALLOWED" (a consumer
    ///   payment) and "422 REFUND_NOT_AVAILABLE: The details of the consumer is not available
    ///   yet"; a payment that did not succeed has no consumer account to give, so it gets
    ///   REFUND_NOT_AVAILABLE (not the refund service's REFUND_NOT_POSSIBLE).
    /// - create refund: the refund service's table (line 11377) names REFUND_NOT_POSSIBLE for
    ///   a payment that cannot be refunded and DEBTOR_IBAN_NOT_AVAILABLE while the account is
    ///   not known yet.
    pub fn errors(self) -> &'static [(u16, &'static str)] {
        const AUTH: [(u16, &str); 2] = [(401, "UNAUTHORIZED"), (403, "ACCESS_DENIED")];
        match self {
            Endpoint::CreatePayment
            | Endpoint::CreateOnlinePayment
            | Endpoint::CreatePosPayment => &[
                AUTH[0],
                AUTH[1],
                (400, "BODY_MISSING"),
                (400, "FIELD_IS_REQUIRED"),
                (400, "FIELD_IS_INVALID"),
                (404, "MERCHANT_PROFILE_NOT_FOUND"),
                (422, "UNABLE_TO_PAY_CREDITOR"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::GetPayment => &[
                AUTH[0],
                AUTH[1],
                (404, "PAYMENT_NOT_FOUND"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::SearchPayments => &[AUTH[0], AUTH[1], (500, "TECHNICAL_ERROR")],
            // The cancel table and the void table: the same codes.
            Endpoint::CancelPayment => &[
                AUTH[0],
                AUTH[1],
                (403, "CALLER_NOT_ALLOWED_TO_CANCEL"),
                (404, "PAYMENT_NOT_FOUND"),
                (422, "PAYMENT_NOT_PENDING"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::RefundIban => &[
                AUTH[0],
                AUTH[1],
                (404, "PAYMENT_NOT_FOUND"),
                (422, "REFUND_NOT_ALLOWED"),
                (422, "REFUND_NOT_AVAILABLE"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::Acknowledge => &[
                AUTH[0],
                AUTH[1],
                (400, "BODY_MISSING"),
                (400, "FIELD_IS_REQUIRED"),
                (400, "FIELD_IS_INVALID"),
                (404, "PAYMENT_NOT_FOUND"),
                (422, "PAYMENT_NOT_PENDING"),
                (422, "PAYMENT_VOIDED"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::CreateRefund => &[
                AUTH[0],
                AUTH[1],
                (400, "VALIDATION_ERROR"),
                (404, "PAYMENT_NOT_FOUND"),
                (422, "PAYMENT_FOR_REFUND_NOT_FOUND"),
                (422, "INVALID_REFUND_AMOUNT"),
                (422, "REFUND_NOT_ALLOWED"),
                (422, "REFUND_NOT_POSSIBLE"),
                (422, "DEBTOR_IBAN_NOT_AVAILABLE"),
                (422, "REFUND_REQUEST_CONFLICT"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::GetRefund => &[
                AUTH[0],
                AUTH[1],
                (400, "VALIDATION_ERROR"),
                (404, "REFUND_NOT_FOUND"),
                (404, "PAYMENT_NOT_FOUND"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::Payouts => &[
                AUTH[0],
                AUTH[1],
                (400, "BAD_REQUEST"),
                (500, "TECHNICAL_ERROR"),
            ],
            Endpoint::PayoutPayments | Endpoint::PayoutRefunds => &[
                AUTH[0],
                AUTH[1],
                (400, "BAD_REQUEST"),
                (404, "PAYOUT_NOT_FOUND"),
                (500, "TECHNICAL_ERROR"),
            ],
        }
    }

    /// Whether its table lists this answer (429 and 503 always pass, and 415 where the
    /// endpoint takes a body).
    pub fn answers_with(self, status: u16, code: &str) -> bool {
        status == 429
            || status == 503
            || (status, code) == Self::WRONG_CONTENT_TYPE && self.takes_body()
            || self.errors().contains(&(status, code))
    }

    /// The answer to a body sent as anything but JSON. Every request-header table marks
    /// "Content-type [String, required] application/json" (guide line 899 and each
    /// endpoint's); no error table names what a wrong one gets. Chosen: the HTTP layer's
    /// 415 Unsupported Media Type, as a Spring service answers by default (the provider's
    /// gateway is assumed to; not documented), with the
    /// guide's error object; a charset parameter (`application/json; charset=utf-8`) is fine.
    pub const WRONG_CONTENT_TYPE: (u16, &'static str) = (415, "UNSUPPORTED_MEDIA_TYPE");

    /// Whether requests carry a JSON body (and so a content type).
    pub fn takes_body(self) -> bool {
        !self.body().is_empty() || self == Endpoint::SearchPayments
    }

    /// The code for a body that breaks a rule, as this endpoint's table names it.
    pub fn invalid_code(self, problem: &Problem) -> &'static str {
        match (self, problem) {
            (Endpoint::CreateRefund | Endpoint::GetRefund, _) => "VALIDATION_ERROR",
            (_, Problem::Required) => "FIELD_IS_REQUIRED",
            _ => "FIELD_IS_INVALID",
        }
    }

    /// The code for a missing (or non-object) body.
    pub fn missing_body_code(self) -> &'static str {
        match self {
            Endpoint::CreateRefund | Endpoint::GetRefund => "VALIDATION_ERROR",
            _ => "BODY_MISSING",
        }
    }
}

/// The amount a request's JSON value holds: a number of cents, or a string of digits.
///
/// The guide contradicts itself here: its tables say "amount [Integer, required]" (merchant
/// guide lines 476, 928, 1067), while its own create-payment example sends
/// `"amount" : "1"` (line 916, and again at 6534, 8048, 12321). Chosen: a string of digits is
/// taken as that many cents, as the example shows and as the provider's JSON reader takes it
/// (a numeric string read into an integer field); anything else — a fraction, a comma, a
/// boolean, letters — is refused as not whole cents. Tested in `api_tables.rs`.
pub fn cents(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        _ => None,
    }
}

/// Checks `body` against `endpoint`'s rules; the first problem found, in the table's order.
/// Fields the table does not name are let through, as the API does.
pub fn check_body(endpoint: Endpoint, body: &Map<String, Value>) -> Result<(), ValidationError> {
    for rule in endpoint.body() {
        let invalid = |problem| Err(ValidationError::new(rule.field, problem));
        let value = match body.get(rule.field.api_name()) {
            None | Some(Value::Null) if rule.required => return invalid(Problem::Required),
            None | Some(Value::Null) => continue,
            Some(v) => v,
        };
        match rule.kind {
            Kind::Amount => {
                let Some(c) = cents(value) else {
                    return invalid(Problem::NotWholeCents);
                };
                validate::check_amount(Money::from_cents(c))?;
            }
            Kind::Currency => match value.as_str() {
                Some(c) => validate::check_currency(c)?,
                None => return invalid(Problem::NotEur),
            },
            Kind::Text(max) => match value.as_str() {
                Some("") if rule.required => return invalid(Problem::Required),
                Some(s) => validate::check_text(rule.field, s, max)?,
                None => return invalid(Problem::NotText),
            },
            Kind::Url => match value.as_str() {
                Some(u) => validate::check_callback_url(Some(u))?,
                None => return invalid(Problem::NotHttps),
            },
            Kind::ReturnUrl(max) => match value.as_str() {
                Some(u) => validate::check_return_url(u, max)?,
                None => return invalid(Problem::NotText),
            },
        }
    }
    Ok(())
}

/// Checks a request the client is about to send, as its JSON.
pub fn check_request<T: serde::Serialize>(
    endpoint: Endpoint,
    request: &T,
) -> Result<(), ValidationError> {
    match serde_json::to_value(request) {
        Ok(Value::Object(map)) => check_body(endpoint, &map),
        // Our own request types are objects; anything else is a bug caught in tests.
        _ => Err(ValidationError::new(Field::Amount, Problem::Required)),
    }
}
