//! Reading the shop's books: its sales newest first, a page at a time (keyset pagination on
//! the index, so the first page is as quick over a million sales as over ten).

use base64::Engine;
use deadpool_postgres::Pool;
use kassa_core::shop::{PaymentTill, SalesPage, ShopRefund, ShopSale};
use time::OffsetDateTime;

use crate::ServerError;

/// Where a page ends: the last sale's time, till and reference.
fn cursor(at: OffsetDateTime, till: i64, reference: &str) -> String {
    let ms = at.unix_timestamp_nanos() / 1_000_000;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{ms}:{till}:{reference}"))
}

fn read_cursor(text: &str) -> Result<(OffsetDateTime, i64, String), ServerError> {
    let bad = || ServerError::BadRequest("not a page cursor".into());
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| bad())?;
    let raw = String::from_utf8(raw).map_err(|_| bad())?;
    let mut parts = raw.splitn(3, ':');
    let ms: i128 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let till: i64 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let reference = parts.next().ok_or_else(bad)?.to_string();
    let at = OffsetDateTime::from_unix_timestamp_nanos(ms * 1_000_000).map_err(|_| bad())?;
    Ok((at, till, reference))
}

/// The sales asked for: rung up in [from, to) when given, before a page's `next`.
#[derive(Clone, Debug, Default)]
pub struct SalesQuery {
    pub from: Option<OffsetDateTime>,
    pub to: Option<OffsetDateTime>,
    pub before: Option<String>,
}

/// Up to `limit` sales of `shop` as `q` asks, newest first.
pub async fn sales(
    pool: &Pool,
    shop: i64,
    limit: u32,
    q: &SalesQuery,
) -> Result<SalesPage, ServerError> {
    let limit = i64::from(limit.clamp(1, 500));
    let client = pool.get().await?;
    // The newest possible cursor when none is given: the same query, one plan.
    let (at, till, reference) = match &q.before {
        Some(c) => read_cursor(c)?,
        None => (
            OffsetDateTime::from_unix_timestamp(253_402_300_799)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
            i64::MAX,
            String::new(),
        ),
    };
    let from = q.from.unwrap_or(OffsetDateTime::UNIX_EPOCH);
    // No end given: no end (the cursor alone pages; a sale in the cursor's very millisecond
    // must not fall between two pages).
    let to = q.to.unwrap_or(
        OffsetDateTime::from_unix_timestamp(253_402_300_799).unwrap_or(OffsetDateTime::UNIX_EPOCH),
    );
    let rows = client
        .query(
            // The status is the furthest known: the till's, or the provider's callback when
            // it is ahead (a sale paid a moment ago, before its till has said so).
            "SELECT s.attempted_at, s.till_id, s.reference, t.name, s.payment_id,
                    s.amount_cents, s.tip_cents, s.total_cents,
                    CASE WHEN ps.status_rank > s.status_rank THEN ps.status ELSE s.status END,
                    s.description, s.account
             FROM sales s JOIN tills t ON t.id = s.till_id
             LEFT JOIN payment_status ps ON ps.payment_id = s.payment_id
             WHERE s.shop_id = $1 AND s.attempted_at IS NOT NULL
               AND s.attempted_at >= $6 AND s.attempted_at < $7
               AND (s.attempted_at, s.till_id, s.reference) < ($3, $4, $5)
             ORDER BY s.attempted_at DESC, s.till_id DESC, s.reference DESC LIMIT $2",
            &[&shop, &limit, &at, &till, &reference, &from, &to],
        )
        .await?;
    let mut page = SalesPage::default();
    for r in &rows {
        let attempted: OffsetDateTime = r.get(0);
        page.sales.push(ShopSale {
            till: r.get(3),
            reference: r.get(2),
            payment_id: r.get(4),
            amount_cents: r.get(5),
            tip_cents: r.get(6),
            total_cents: r.get(7),
            status: r.get(8),
            description: r.get(9),
            attempted_at_ms: Some(kassa_core::clock::millis(attempted)),
            account: r.get(10),
        });
    }
    if rows.len() as i64 == limit
        && let Some(last) = rows.last()
    {
        page.next = Some(cursor(last.get(0), last.get(1), &last.get::<_, String>(2)));
    }
    Ok(page)
}

/// Which till of `shop` rang up each of `ids` (at most 1,000).
pub async fn tills_of(
    pool: &Pool,
    shop: i64,
    ids: &[String],
) -> Result<Vec<PaymentTill>, ServerError> {
    if ids.len() > 1000 {
        return Err(ServerError::BadRequest(
            "at most 1,000 payment ids at once".into(),
        ));
    }
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT s.payment_id, t.name FROM sales s JOIN tills t ON t.id = s.till_id
             WHERE s.shop_id = $1 AND s.payment_id = ANY($2)",
            &[&shop, &ids],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| PaymentTill {
            payment_id: r.get(0),
            till: r.get(1),
        })
        .collect())
}

/// The refunds of payment `payment_id` made on any till of `shop`, oldest first.
pub async fn refunds_of(
    pool: &Pool,
    shop: i64,
    payment_id: &str,
) -> Result<Vec<ShopRefund>, ServerError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT t.name, r.key, r.payment_id, r.amount_cents, r.refund_id, r.status,
                    r.requested_at
             FROM refunds r JOIN tills t ON t.id = r.till_id
             WHERE r.shop_id = $1 AND r.payment_id = $2
             ORDER BY r.requested_at NULLS LAST, r.key",
            &[&shop, &payment_id],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| ShopRefund {
            till: r.get(0),
            key: r.get(1),
            payment_id: r.get::<_, Option<String>>(2).unwrap_or_default(),
            amount_cents: r.get(3),
            refund_id: r.get(4),
            status: r.get(5),
            requested_at_ms: r
                .get::<_, Option<OffsetDateTime>>(6)
                .map(kassa_core::clock::millis),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_read_back() {
        let at = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let c = cursor(at, 7, "K1:with:colons");
        assert_eq!(
            read_cursor(&c).unwrap(),
            (at, 7, "K1:with:colons".to_string())
        );
        assert!(read_cursor("!!").is_err());
    }
}
