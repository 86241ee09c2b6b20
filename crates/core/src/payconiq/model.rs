//! The API's JSON shapes, typed. Tolerant of what the real API does: `expireAt` or `expiresAt`,
//! optional tip fields, statuses this version does not know (kept as text), extra fields ignored.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;

use crate::money::Money;

/// Timestamps travel as RFC 3339 (`2019-11-26T15:26:19.363Z`); any sub-second precision parses.
pub type Timestamp = OffsetDateTime;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            /// A value this version does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Other(s) => s,
                }
            }

            pub fn parse(s: &str) -> Self {
                match s {
                    $($text => $name::$variant,)+
                    other => $name::Other(other.to_string()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok($name::parse(&String::deserialize(d)?))
            }
        }
    };
}

text_enum!(
    /// A payment's status. Final ones never change again.
    PaymentStatus {
        Pending => "PENDING",
        Identified => "IDENTIFIED",
        Authorized => "AUTHORIZED",
        AuthorizationFailed => "AUTHORIZATION_FAILED",
        Succeeded => "SUCCEEDED",
        Failed => "FAILED",
        Cancelled => "CANCELLED",
        Expired => "EXPIRED",
        PendingMerchantAcknowledgement => "PENDING_MERCHANT_ACKNOWLEDGEMENT",
        Voided => "VOIDED",
    }
);

impl PaymentStatus {
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            PaymentStatus::Succeeded
                | PaymentStatus::AuthorizationFailed
                | PaymentStatus::Failed
                | PaymentStatus::Cancelled
                | PaymentStatus::Expired
                | PaymentStatus::Voided
        )
    }

    /// How far along the API's order a status is: waiting, scanned, authorised, then final.
    pub fn rank(&self) -> u8 {
        match self {
            s if s.is_final() => 9,
            PaymentStatus::Pending => 0,
            PaymentStatus::Identified | PaymentStatus::Other(_) => 1,
            _ => 2,
        }
    }

    /// Whether a payment may go from `old` to this status: statuses only move forward (never
    /// from a final one, never back in the API's order), so a late answer is not news.
    pub fn may_follow(&self, old: &PaymentStatus) -> bool {
        self == old || (!old.is_final() && self.rank() >= old.rank())
    }

    /// Whether this status is a step on from `old`, strictly: what a callback may do to a
    /// payment (callbacks come out of order and again; a read may repeat a status, a callback
    /// is only news when it moves on). Authorised comes before waiting for the merchant's
    /// acknowledgement, which a read's rank puts level.
    pub fn advances(&self, old: &PaymentStatus) -> bool {
        let step = |s: &PaymentStatus| match s {
            s if s.is_final() => 9,
            PaymentStatus::PendingMerchantAcknowledgement => 3,
            PaymentStatus::Authorized => 2,
            s => s.rank(),
        };
        !old.is_final() && step(self) > step(old)
    }

    /// Whether the merchant may still cancel (DELETE) it.
    pub fn is_cancellable(&self) -> bool {
        matches!(self, PaymentStatus::Pending | PaymentStatus::Identified)
    }

    /// The statuses this version knows, for filters.
    pub const KNOWN: [PaymentStatus; 10] = [
        PaymentStatus::Pending,
        PaymentStatus::Identified,
        PaymentStatus::Authorized,
        PaymentStatus::AuthorizationFailed,
        PaymentStatus::Succeeded,
        PaymentStatus::Failed,
        PaymentStatus::Cancelled,
        PaymentStatus::Expired,
        PaymentStatus::PendingMerchantAcknowledgement,
        PaymentStatus::Voided,
    ];
}

text_enum!(
    /// A refund's status.
    RefundStatus {
        Pending => "PENDING",
        Processing => "PROCESSING",
        Refunded => "REFUNDED",
        Failed => "FAILED",
    }
);

impl RefundStatus {
    /// Whether the refund still counts against the refundable balance.
    pub fn holds_funds(&self) -> bool {
        !matches!(self, RefundStatus::Failed)
    }
}

text_enum!(
    /// A payout's status.
    PayoutStatus {
        Succeeded => "SUCCEEDED",
        Failed => "FAILED",
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
}

/// Hypermedia links of a payment. The deeplink is what the QR code encodes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_: Option<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deeplink: Option<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qrcode: Option<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel: Option<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund: Option<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkout: Option<Link>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Creditor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debtor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Masked by the API, e.g. `*************12636`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
}

/// A payment as returned by create, get, search and callbacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    pub payment_id: String,
    pub status: PaymentStatus,
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<Timestamp>,
    /// Create says `expiresAt`, get/search/callback say `expireAt`.
    #[serde(
        default,
        alias = "expiresAt",
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expire_at: Option<Timestamp>,
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub succeeded_at: Option<Timestamp>,
    pub amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creditor: Option<Creditor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor: Option<Debtor>,
    /// Tip fields: dropped from the 3.6.2 OpenAPI, still sent by some profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tipping_amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_amount: Option<Money>,
    #[serde(rename = "_links", default)]
    pub links: Links,
}

impl Payment {
    /// This payment with what a callback says of it: its status and what comes with the
    /// status (when it succeeded, who paid, the tip and totals). A callback carries no links
    /// or creditor, so the rest is kept as it was.
    pub fn updated_by(mut self, callback: &Payment) -> Payment {
        self.status = callback.status.clone();
        self.succeeded_at = callback.succeeded_at.or(self.succeeded_at);
        self.debtor = callback.debtor.clone().or(self.debtor);
        self.transfer_amount = callback.transfer_amount.or(self.transfer_amount);
        self.tipping_amount = callback.tipping_amount.or(self.tipping_amount);
        self.total_amount = callback.total_amount.or(self.total_amount);
        self
    }

    /// What the QR code must encode: the deeplink, verbatim.
    pub fn deeplink(&self) -> Option<&str> {
        self.links.deeplink.as_ref().map(|l| l.href.as_str())
    }

    /// The tip, when the customer added one.
    pub fn tip(&self) -> Option<Money> {
        self.tipping_amount.filter(|t| t.cents() > 0)
    }

    /// What the customer paid in total (amount plus tip).
    pub fn paid_total(&self) -> Money {
        self.total_amount
            .unwrap_or_else(|| self.amount + self.tip().unwrap_or_default())
    }
}

/// Body of `POST /v3/payments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatePayment {
    pub amount: Money,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
}

impl CreatePayment {
    pub fn new(amount: Money) -> Self {
        CreatePayment {
            amount,
            currency: "EUR".into(),
            description: None,
            reference: None,
            callback_url: None,
            bulk_id: None,
        }
    }

    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into()).filter(|d: &String| !d.is_empty());
        self
    }

    pub fn reference(mut self, r: impl Into<String>) -> Self {
        self.reference = Some(r.into()).filter(|r: &String| !r.is_empty());
        self
    }

    pub fn callback_url(mut self, u: Option<String>) -> Self {
        self.callback_url = u.filter(|u| !u.is_empty());
        self
    }
}

/// Body of `POST /v3/payments/pos` (static sticker).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatePosPayment {
    #[serde(flatten)]
    pub payment: CreatePayment,
    pub pos_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_name: Option<String>,
}

/// Body of `POST /v3/payments/search`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchCriteria {
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<Timestamp>,
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_statuses: Option<Vec<PaymentStatus>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// One page of search results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPage {
    pub size: u32,
    pub total_pages: u32,
    pub total_elements: u64,
    pub number: u32,
    #[serde(default)]
    pub details: Vec<Payment>,
}

/// Body of `POST /v3/payments/{id}/acknowledge`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Acknowledge {
    pub amount: Money,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl Acknowledge {
    /// The acknowledgement of `payment` as it was created: its amount, in euro, its reference.
    pub fn for_payment(payment: &Payment) -> Acknowledge {
        Acknowledge {
            amount: payment.amount,
            currency: "EUR".into(),
            reference: payment.reference.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundIban {
    pub iban: String,
}

/// Body of `POST /v3/payments/{id}/refunds`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRefund {
    pub amount: Money,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refund {
    pub refund_id: String,
    pub payment_id: String,
    pub amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub status: RefundStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_date: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payout {
    pub payout_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    pub payout_status: PayoutStatus,
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub payout_date: Option<Timestamp>,
    #[serde(default, alias = "currency", skip_serializing_if = "Option::is_none")]
    pub payout_currency: Option<String>,
    #[serde(default)]
    pub total_payments: u32,
    #[serde(default)]
    pub total_refunds: u32,
    pub total_payment_amount: Money,
    pub total_refund_amount: Money,
    pub payout_amount: Money,
}

/// A payment or refund line of a payout (reconciliation payments/refunds endpoints).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayoutTransaction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_profile_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submerchant_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submerchant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        default,
        with = "super::timestamp::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub transaction_date: Option<Timestamp>,
}

/// A page of reconciliation results; the list's JSON name differs per endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReconciliationPage<T> {
    #[serde(default)]
    pub size: u32,
    #[serde(default)]
    pub total_pages: u32,
    #[serde(default)]
    pub total_elements: u64,
    #[serde(default)]
    pub number: u32,
    #[serde(
        alias = "payouts",
        alias = "payments",
        alias = "refunds",
        default = "Vec::new"
    )]
    pub items: Vec<T>,
}

/// The API's error body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub trace_id: Option<String>,
    #[serde(default)]
    pub span_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callback_only_moves_a_payment_strictly_forward() {
        use PaymentStatus::*;
        let order = [
            Pending,
            Identified,
            Authorized,
            PendingMerchantAcknowledgement,
            Succeeded,
        ];
        for (i, old) in order.iter().enumerate() {
            for (j, new) in order.iter().enumerate() {
                assert_eq!(new.advances(old), j > i, "{old} -> {new}");
            }
        }
        // Never from a final status, never sideways between finals.
        assert!(!Cancelled.advances(&Succeeded) && !Succeeded.advances(&Expired));
        assert!(Expired.advances(&Identified) && Voided.advances(&PendingMerchantAcknowledgement));
    }

    #[test]
    fn a_callback_updates_the_status_and_keeps_what_it_lacks() {
        let json = |body: &str| serde_json::from_str::<Payment>(body).unwrap();
        let created = json(
            r#"{"paymentId":"p1","status":"PENDING","amount":1250,
                "_links":{"deeplink":{"href":"https://payconiq.com/pay/2/p1"}},
                "creditor":{"profileId":"x"}}"#,
        );
        let callback = json(
            r#"{"paymentId":"p1","status":"SUCCEEDED","amount":1250,"tippingAmount":150,
                "totalAmount":1400,"succeededAt":"2026-12-05T10:01:00.000Z",
                "debtor":{"name":"Jan","iban":"*************12636"}}"#,
        );
        let after = created.clone().updated_by(&callback);
        assert_eq!(after.status, PaymentStatus::Succeeded);
        assert_eq!(after.paid_total().cents(), 1400);
        assert!(after.succeeded_at.is_some() && after.debtor.is_some());
        assert_eq!(after.deeplink(), created.deeplink(), "the code is kept");
        assert!(after.creditor.is_some());
    }

    #[test]
    fn reads_the_guides_get_payment_example() {
        let json = r#"{
            "paymentId": "5bdaf066b93d1c000bde9683",
            "createdAt": "2019-11-26T15:26:19.363Z",
            "expireAt": "2019-11-26T15:29:19.363Z",
            "succeededAt": "2019-11-26T15:27:34.835Z",
            "currency": "EUR", "status": "SUCCEEDED",
            "creditor": {"profileId": "5b71369f5832fd22658e0ef4", "merchantId": "5b71369f5832fd09188e0915",
                         "name": "Merchant Name", "iban": "NL47FRBK0293409698"},
            "debtor": {"name": "John", "iban": "*************12636"},
            "amount": 10, "transferAmount": 10, "tippingAmount": 0, "totalAmount": 10,
            "description": "Otto's Payment Test", "bulkId": "centraal station pos-2",
            "_links": {"deeplink": {"href": "https://payconiq.com/pay/2/5bdaf066b93d1c000bde9683"},
                       "refund": {"href": "https://x/refundIban"}},
            "somethingNew": {"ignored": true}
        }"#;
        let p: Payment = serde_json::from_str(json).unwrap();
        assert_eq!(p.status, PaymentStatus::Succeeded);
        assert_eq!(p.amount.cents(), 10);
        assert_eq!(p.tip(), None);
        assert_eq!(
            p.deeplink(),
            Some("https://payconiq.com/pay/2/5bdaf066b93d1c000bde9683")
        );
        assert_eq!(p.debtor.unwrap().name.as_deref(), Some("John"));
    }

    #[test]
    fn accepts_expires_at_and_missing_tips_and_unknown_statuses() {
        let json = r#"{"paymentId":"a","status":"SOMETHING_NEW","amount":112,
                       "createdAt":"2018-09-18T11:43:29.160Z","expiresAt":"2018-09-18T11:45:29.16012345Z"}"#;
        let p: Payment = serde_json::from_str(json).unwrap();
        assert_eq!(p.status, PaymentStatus::Other("SOMETHING_NEW".into()));
        assert!(!p.status.is_final());
        assert!(p.expire_at.is_some());
        assert_eq!(p.paid_total().cents(), 112);
        // Round trip keeps the unknown status text.
        let again: Payment = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(again.status.as_str(), "SOMETHING_NEW");
    }

    #[test]
    fn reads_reconciliation_pages_by_any_list_name() {
        let json = r#"{"size":10000,"totalPages":1,"totalElements":1,"number":0,"payouts":[
            {"payoutId":"5f44fd40812c8c49d8705541","payoutStatus":"SUCCEEDED","payoutDate":"2020-08-25T12:00:00.211Z",
             "payoutCurrency":"EUR","totalPayments":3,"totalRefunds":0,"totalPaymentAmount":1549,
             "totalRefundAmount":0,"payoutAmount":1549}]}"#;
        let page: ReconciliationPage<Payout> = serde_json::from_str(json).unwrap();
        assert_eq!(page.items[0].payout_amount.cents(), 1549);
    }
}
