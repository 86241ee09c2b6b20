//! Payments made with this till's invoice QR codes, found by the payment search and taken into
//! the journal as this till's sales (counted in the shift they are found paid in). UI-free: the
//! Today's sales screen, the shift reports and `kassa report` all call [`sync`] first, so they
//! agree.

use time::OffsetDateTime;

use crate::journal::{Journal, OpenInvoice};
use crate::payconiq::Client;
use crate::payconiq::model::{Payment, PaymentStatus, SearchCriteria};
use crate::recovery::RecoveryError;

/// Whether `payment` is what `invoice` asked for: its amount, and its reference (or, without
/// one, its description), paid after the code was made (by the provider's clock).
fn pays(invoice: &OpenInvoice, payment: &Payment, offset: time::Duration) -> bool {
    // Without a reference, the description must tell it apart (an invoice with neither
    // cannot be told from any other payment of its amount, so it is never matched).
    let same_text = match (&invoice.reference, &invoice.description) {
        (Some(r), _) => payment.reference.as_deref() == Some(r.as_str()),
        (None, Some(d)) => payment.description.as_deref() == Some(d.as_str()),
        (None, None) => false,
    };
    payment.amount == invoice.amount
        && same_text
        && payment
            .created_at
            .is_none_or(|at| at >= invoice.made_at + offset - time::Duration::minutes(5))
}

/// How long an invoice code is looked for: a bill is paid within weeks, and the search window
/// (from the oldest open invoice) stays bounded.
pub const INVOICE_LIFE: time::Duration = time::Duration::days(60);

/// Looks for paid payments made with `account`'s open invoices and records each as a sale of
/// this till. Returns how many it found (an error: the API or the journal failed). Nothing is asked of the API when no invoice is open.
pub async fn sync(
    client: &Client,
    journal: &Journal,
    account: &str,
) -> Result<usize, RecoveryError> {
    let since = OffsetDateTime::now_utc() - INVOICE_LIFE;
    let mut open = journal.open_invoices(account, since).await?;
    let Some(first) = open.first().map(|i| i.made_at) else {
        return Ok(0);
    };
    // A day of slack each way: the provider's clock may be off the till's.
    let criteria = SearchCriteria {
        from: Some(first - time::Duration::days(1)),
        to: Some(OffsetDateTime::now_utc() + time::Duration::days(1)),
        payment_statuses: Some(vec![PaymentStatus::Succeeded]),
        reference: None,
    };
    let mut paid = client.search_all(&criteria, 2_000).await?;
    let known = journal
        .known_payment_ids(paid.iter().map(|p| p.payment_id.clone()).collect())
        .await?;
    paid.retain(|p| !known.contains(&p.payment_id));
    // A payment carrying one of this till's own sale references is that sale (its create's
    // answer may still be on its way), never an invoice's.
    let own = journal
        .known_references(paid.iter().filter_map(|p| p.reference.clone()).collect())
        .await?;
    paid.retain(|p| p.reference.as_ref().is_none_or(|r| !own.contains(r)));
    paid.sort_by_key(|p| p.created_at);
    let offset = client.provider_offset().unwrap_or_default();
    let mut found = 0;
    for payment in &paid {
        let Some(at) = open.iter().position(|i| pays(i, payment, offset)) else {
            continue;
        };
        let invoice = open.remove(at);
        if journal.record_invoice_paid(invoice.id, payment).await? {
            tracing::info!(invoice = invoice.id, payment_id = %payment.payment_id, "invoice paid");
            found += 1;
        }
    }
    Ok(found)
}
