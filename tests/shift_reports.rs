//! Shift reports on a real journal file: X reports close nothing, Z reports number the shifts
//! one after another, the next sale opens a new shift, and a closed shift cannot be reopened
//! (the file refuses it, whoever asks).

use kassa::journal::{Attempt, Journal, account_key};
use kassa::money::Money;
use kassa::payconiq::model::Payment;
use kassa::reports::{Kind, ShiftReport};
use time::OffsetDateTime;

async fn paid_sale(j: &Journal, reference: &str, cents: i64, tip: i64) {
    j.record_attempt(Attempt {
        reference: reference.into(),
        amount: Money::from_cents(cents),
        description: None,
        pos_id: None,
        account: account_key("http://127.0.0.1:1", "p"),
        at: OffsetDateTime::now_utc(),
    })
    .await
    .unwrap();
    let p: Payment = serde_json::from_value(serde_json::json!({
        "paymentId": format!("id-{reference}"), "status": "SUCCEEDED", "amount": cents,
        "tippingAmount": tip, "totalAmount": cents + tip
    }))
    .unwrap();
    j.record_created(reference, &p).await.unwrap();
}

#[tokio::test]
async fn z_reports_are_numbered_and_a_closed_shift_stays_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    let j = Journal::open(&path).unwrap();
    paid_sale(&j, "K1", 1000, 100).await;
    paid_sale(&j, "K2", 500, 0).await;

    let x = ShiftReport::from_shift(
        &j.current_shift().await.unwrap(),
        Kind::X,
        OffsetDateTime::now_utc(),
    );
    assert_eq!(x.paid.count, 2);
    assert_eq!(x.paid.amount, Money::from_cents(1600));
    assert_eq!(x.tips, Money::from_cents(100));
    assert!(
        j.current_shift().await.unwrap().session.closed_at.is_none(),
        "X closes nothing"
    );

    let z1 = j.close_shift().await.unwrap();
    assert_eq!(z1.session.z_number, Some(1));
    assert_eq!(z1.sales.len(), 2);

    paid_sale(&j, "K3", 250, 0).await;
    let open = j.current_shift().await.unwrap();
    assert_ne!(
        open.session.id, z1.session.id,
        "the next sale opened a new shift"
    );
    assert_eq!(open.sales.len(), 1);
    let z2 = j.close_shift().await.unwrap();
    assert_eq!(z2.session.z_number, Some(2));
    assert_eq!(z2.sales.len(), 1);

    // The first Z report reads the same as when it was made.
    let again = j.z_report(1).await.unwrap().unwrap();
    assert_eq!(again.sales, z1.sales);
    assert_eq!(again.session, z1.session);

    // Nothing reopens or renumbers a closed shift, not even SQL against the file.
    drop(j);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let reopen = conn.execute(
        "UPDATE sessions SET closed_at = NULL WHERE z_number = 1",
        [],
    );
    assert!(reopen.is_err(), "{reopen:?}");
    let renumber = conn.execute("UPDATE sessions SET z_number = 9 WHERE z_number = 2", []);
    assert!(renumber.is_err());
    assert!(conn.execute("DELETE FROM sessions", []).is_err());
}
