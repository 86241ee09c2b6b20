//! Invoice QR codes this till made, and the payments made with them. A payment found paid for
//! one becomes a sale of this till in the same transaction, counted in the shift it is found
//! in, so Today's sales and the X report agree.

use rusqlite::params;
use time::OffsetDateTime;

use super::payments::{insert_event, status_event};
use super::sessions::open_session;
use super::{Journal, JournalError, from_ms, now_ms, to_ms};
use crate::money::Money;
use crate::payconiq::model::Payment;

/// An invoice code as it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceRecord {
    pub account: String,
    pub amount: Money,
    pub description: Option<String>,
    pub reference: Option<String>,
    pub at: OffsetDateTime,
}

/// An invoice not yet found paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenInvoice {
    pub id: i64,
    pub amount: Money,
    pub description: Option<String>,
    pub reference: Option<String>,
    pub made_at: OffsetDateTime,
}

impl Journal {
    /// Keeps an invoice code the till made (the same code made again is kept once while it is
    /// unpaid). Returns whether it was new.
    pub async fn record_invoice(&self, r: InvoiceRecord) -> Result<bool, JournalError> {
        self.write(move |conn| {
            let known: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM invoices WHERE payment_id IS NULL AND account = ?1
                    AND amount_cents = ?2 AND description IS ?3 AND reference IS ?4)",
                params![r.account, r.amount.cents(), r.description, r.reference],
                |row| row.get(0),
            )?;
            if !known {
                conn.execute(
                    "INSERT INTO invoices (account, amount_cents, description, reference, made_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        r.account,
                        r.amount.cents(),
                        r.description,
                        r.reference,
                        to_ms(r.at)
                    ],
                )?;
            }
            Ok(!known)
        })
        .await
    }

    /// The invoices of `account` made since `since` and not yet found paid, oldest first.
    pub async fn open_invoices(
        &self,
        account: &str,
        since: OffsetDateTime,
    ) -> Result<Vec<OpenInvoice>, JournalError> {
        let account = account.to_string();
        self.run(move |conn| {
            conn.prepare(
                "SELECT id, amount_cents, description, reference, made_at FROM invoices
                 WHERE account = ?1 AND payment_id IS NULL AND made_at >= ?2
                 ORDER BY made_at, id",
            )?
            .query_map(params![account, to_ms(since)], |r| {
                Ok(OpenInvoice {
                    id: r.get(0)?,
                    amount: Money::from_cents(r.get(1)?),
                    description: r.get(2)?,
                    reference: r.get(3)?,
                    made_at: from_ms(r.get(4)?),
                })
            })?
            .collect()
        })
        .await
    }

    /// Invoice `id` was paid with `payment`: it becomes a sale of this till (reference
    /// `invoice-<id>`) with the payment's status, in the shift open now, in one transaction.
    /// Returns false when it was already found.
    pub async fn record_invoice_paid(
        &self,
        id: i64,
        payment: &Payment,
    ) -> Result<bool, JournalError> {
        let payment = payment.clone();
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE invoices SET payment_id = ?2 WHERE id = ?1 AND payment_id IS NULL",
                params![id, payment.payment_id],
            )?;
            if changed == 0 {
                return Ok(false);
            }
            let (account, amount, description, typed): (
                String,
                i64,
                Option<String>,
                Option<String>,
            ) = tx.query_row(
                "SELECT account, amount_cents, description, reference FROM invoices
                     WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            // The invoice's own reference names the sale, unless a sale already has it.
            let taken = |r: &str| -> rusqlite::Result<bool> {
                tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM payments WHERE reference = ?1)",
                    [r],
                    |row| row.get(0),
                )
            };
            let reference = match typed {
                Some(r) if !taken(&r)? => r,
                _ => format!("invoice-{id}"),
            };
            // A sale of today when it is found paid today (the code was made earlier), so
            // Today's sales and the X report agree.
            let now = now_ms();
            let session = open_session(tx, &account, now)?;
            tx.execute(
                "INSERT INTO payments (reference, session_id, amount_cents, description,
                    attempted_at, account)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![reference, session, amount, description, now, account],
            )?;
            tx.execute(
                "UPDATE payments SET payment_id = ?2, created_at = ?3 WHERE reference = ?1",
                params![reference, payment.payment_id, payment.created_at.map(to_ms)],
            )?;
            insert_event(tx, &reference, &status_event(&payment))?;
            Ok(true)
        })
        .await
    }
}
