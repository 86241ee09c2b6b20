//! Creating a payment with its journal record: the sale is committed before the request leaves,
//! and what the API answered (or did not) is recorded after. No UI: the till and the crash
//! drill share it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::journal::{Attempt, Journal, JournalError, account_key};
use crate::money::Money;
use crate::payconiq::model::{CreatePayment, CreatePosPayment, Payment};
use crate::payconiq::{Client, Error};

/// How the customer pays at this till.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayMode {
    /// A fresh QR code per payment, on screen.
    #[default]
    Dynamic,
    /// The shop's static sticker; payments are created for its POS id.
    Sticker,
}

/// A sale the cashier rang up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sale {
    pub amount: Money,
    pub description: Option<String>,
    /// Unique per sale (see `till_reference`): how an unanswered create is found again.
    pub reference: String,
    pub callback_url: Option<String>,
    pub mode: PayMode,
    pub pos_id: String,
    pub shop_id: Option<String>,
    pub shop_name: Option<String>,
}

/// How a create ended when it did not give a payment.
#[derive(Clone, Debug, PartialEq)]
pub enum CreateError {
    /// The journal could not record the sale: nothing was sent.
    Journal(JournalError),
    /// The API refused it or it never reached the API: no payment exists; charging again is
    /// safe.
    NotCreated(Error),
    /// No clear answer: the payment may exist. Look it up by reference before charging again.
    Unknown(Error),
}

/// Records the attempt, creates the payment, records the outcome.
pub async fn create_recorded(
    client: &Client,
    journal: &Journal,
    sale: Sale,
) -> Result<Payment, CreateError> {
    let account = client.account();
    let attempt = Attempt {
        reference: sale.reference.clone(),
        amount: sale.amount,
        description: sale.description.clone(),
        pos_id: (sale.mode == PayMode::Sticker).then(|| sale.pos_id.clone()),
        account: account_key(&account.environment.api_base, &account.profile_id),
        at: OffsetDateTime::now_utc(),
    };
    journal
        .record_attempt(attempt)
        .await
        .map_err(CreateError::Journal)?;
    let request = CreatePayment::new(sale.amount)
        .description(sale.description.unwrap_or_default())
        .reference(sale.reference.clone())
        .callback_url(sale.callback_url);
    let result = match sale.mode {
        PayMode::Dynamic => client.create_payment(&request).await,
        PayMode::Sticker => {
            let pos = CreatePosPayment {
                payment: request,
                pos_id: sale.pos_id,
                shop_id: sale.shop_id,
                shop_name: sale.shop_name,
            };
            client.create_pos_payment(&pos).await
        }
    };
    // The journal's word on the outcome matters for recovery, but a failed write must not hide
    // a payment that exists: it is logged, and recovery finds the sale by its reference anyway.
    match result {
        Ok(payment) => {
            if let Err(e) = journal.record_created(&sale.reference, &payment).await {
                tracing::error!(reference = %sale.reference, error = %e, "journal: created payment not recorded");
            }
            Ok(payment)
        }
        Err(e) if e.may_have_created() => {
            if let Err(je) = journal
                .record_unknown(&sale.reference, &e.to_string())
                .await
            {
                tracing::error!(reference = %sale.reference, error = %je, "journal: unknown outcome not recorded");
            }
            Err(CreateError::Unknown(e))
        }
        Err(e) => {
            if let Err(je) = journal
                .record_not_created(&sale.reference, &e.to_string())
                .await
            {
                tracing::error!(reference = %sale.reference, error = %je, "journal: refusal not recorded");
            }
            Err(CreateError::NotCreated(e))
        }
    }
}

/// `K` + date + random: unique per till and day, within the API's 35 characters.
pub fn till_reference() -> String {
    let now = OffsetDateTime::now_utc();
    // 48 random bits: a collision within one day's sales is out of reach.
    let random: u64 = rand::random::<u64>() & 0xFFFF_FFFF_FFFF;
    format!(
        "K{:02}{:02}{:02}-{:012X}",
        now.year() % 100,
        u8::from(now.month()),
        now.day(),
        random
    )
}
