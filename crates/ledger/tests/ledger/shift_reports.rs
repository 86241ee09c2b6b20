//! The books on a real journal file: every money event in exactly one shift (closing one opens
//! the next), Z reports stored as taken, books per account (the sandbox's are not takings), D24
//! refunds in X and Z, Z numbers without gaps across restarts, and a closed shift that nothing
//! reopens.

use kassa_core::d24::model::{Method, RefundStatus as D24Status};
use kassa_core::money::Money;
use kassa_core::payconiq::model::{Payment, Refund};
use kassa_ledger::journal::{
    Attempt, D24Event, D24Request, Door, Journal, RefundRequest, SANDBOX, account_key,
};
use kassa_ledger::reports::{self, CarriedKind, Kind, ShiftReport};
use time::OffsetDateTime;

fn prod() -> String {
    account_key("https://merchant.api.bancontact.net", "prof-1")
}

fn payment(reference: &str, status: &str, cents: i64) -> Payment {
    serde_json::from_value(serde_json::json!({
        "paymentId": format!("id-{reference}"), "status": status, "amount": cents,
        "totalAmount": cents
    }))
    .unwrap()
}

/// A sale on `account`, created with `status`.
async fn sale(j: &Journal, account: &str, reference: &str, cents: i64, status: &str) {
    j.record_attempt(Attempt {
        reference: reference.into(),
        amount: Money::from_cents(cents),
        description: None,
        pos_id: None,
        account: account.into(),
        at: OffsetDateTime::now_utc(),
    })
    .await
    .unwrap();
    j.record_created(reference, &payment(reference, status, cents))
        .await
        .unwrap();
}

async fn refund(j: &Journal, account: &str, payment_id: &str, cents: i64, key: &str) {
    j.record_refund_request(RefundRequest {
        key: key.into(),
        payment_id: payment_id.into(),
        amount: Money::from_cents(cents),
        description: None,
        account: account.into(),
        at: OffsetDateTime::now_utc(),
    })
    .await
    .unwrap();
    let made: Refund = serde_json::from_value(serde_json::json!({
        "refundId": format!("r-{key}"), "paymentId": payment_id, "amount": cents,
        "currency": "EUR", "status": "REFUNDED"
    }))
    .unwrap();
    j.record_refund(key, &made).await.unwrap();
}

fn open(dir: &tempfile::TempDir) -> Journal {
    Journal::open(&dir.path().join("journal.sqlite")).unwrap()
}

#[tokio::test]
async fn a_refund_after_a_z_is_in_the_next_x_and_z() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    sale(&j, &prod(), "K1", 1000, "SUCCEEDED").await;
    let z1 = reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(z1.kind, Kind::Z(1));
    assert_eq!(z1.paid.amount, Money::from_cents(1000));
    assert_eq!(z1.refunded.count, 0);

    // After the Z, before any sale: it used to fall between two shifts.
    refund(&j, &prod(), "id-K1", 250, "k-after-z").await;
    let x = reports::x_report(&j, &prod()).await.unwrap();
    assert_eq!(x.refunded.count, 1, "the next X has it");
    assert_eq!(x.refunded.amount, Money::from_cents(250));
    assert_eq!(x.net(), Money::from_cents(-250));
    let again = reports::reprint_z(&j, &prod(), 1).await.unwrap().unwrap();
    assert_eq!(again.refunded.count, 0, "the closed Z does not change");

    let z2 = reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(z2.kind, Kind::Z(2));
    assert_eq!(z2.refunded.amount, Money::from_cents(250));
    assert_eq!(
        z2.opened_at, z1.until,
        "the next shift opened as the Z closed the first"
    );
}

#[tokio::test]
async fn a_z_reprinted_after_its_pending_sale_was_paid_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    sale(&j, &prod(), "K1", 1000, "SUCCEEDED").await;
    sale(&j, &prod(), "K2", 700, "PENDING").await;
    let z1 = reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(z1.open.count, 1, "K2 still open at the Z");
    assert!(
        z1.chain_hash.is_some(),
        "the Z names its place in the chain"
    );

    // Paid after the Z.
    assert!(
        j.record_status(&payment("K2", "SUCCEEDED", 700))
            .await
            .unwrap()
    );
    let reprint = reports::reprint_z(&j, &prod(), 1).await.unwrap().unwrap();
    assert!(reprint.reprint);
    assert_eq!(
        ShiftReport {
            reprint: false,
            ..reprint.clone()
        },
        z1,
        "figures, lines, times and chain hash as when it was taken"
    );
    assert_eq!(
        reprint.csv(&Default::default()),
        z1.csv(&Default::default())
    );

    let x = reports::x_report(&j, &prod()).await.unwrap();
    assert_eq!(x.paid.count, 1, "the payment shows up in the next shift");
    assert_eq!(x.paid.amount, Money::from_cents(700));
    assert_eq!(x.carried.len(), 1);
    assert_eq!(x.carried[0].what, CarriedKind::Paid);
    assert_eq!(x.carried[0].reference, "K2");
    assert_eq!(x.carried[0].z_number, Some(1));
    // Every euro in exactly one Z.
    let z2 = reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(z1.paid.amount + z2.paid.amount, Money::from_cents(1700));
}

#[tokio::test]
async fn a_sandbox_sale_is_not_in_a_production_z() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    sale(&j, SANDBOX, "S1", 9900, "SUCCEEDED").await;
    sale(&j, &prod(), "P1", 500, "SUCCEEDED").await;
    let z = reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(z.paid.amount, Money::from_cents(500));
    assert_eq!(z.account, prod(), "the report names its account");
    assert_eq!(z.kind, Kind::Z(1));
    let sandbox = reports::x_report(&j, SANDBOX).await.unwrap();
    assert_eq!(sandbox.paid.amount, Money::from_cents(9900));
    assert_eq!(sandbox.account, SANDBOX);
    let sz = reports::take_z(&j, SANDBOX, Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(sz.kind, Kind::Z(1), "the sandbox numbers its own Zs");
    // The embedded sandbox moves port at every start; its books do not.
    assert_eq!(account_key("http://127.0.0.1:41234", "p"), SANDBOX);
    assert_eq!(account_key("http://127.0.0.1:41999", "p"), SANDBOX);
}

#[tokio::test]
async fn a_d24_refund_is_in_the_x_and_the_z() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    sale(&j, &prod(), "P1", 500, "SUCCEEDED").await;
    j.record_d24_request(D24Request {
        key: "d24-1".into(),
        account: "login@https://api.d24.example".into(),
        deposit_id: 300_123,
        invoice_id: "inv-7".into(),
        method: Method::Other,
        amount: None,
        currency: "MXN".into(),
        body: b"{}".to_vec(),
        at: OffsetDateTime::now_utc(),
        book: prod(),
    })
    .await
    .unwrap();
    let x = reports::x_report(&j, &prod()).await.unwrap();
    assert_eq!(x.d24.len(), 1);
    assert_eq!(x.d24[0].deposit_id, 300_123);
    assert_eq!(x.d24[0].status, "REQUESTED");
    j.record_d24_refund(
        "d24-1",
        "777",
        D24Event::Status {
            status: D24Status::Completed,
            reason: None,
            reason_code: None,
        },
    )
    .await
    .unwrap();
    let z = reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    assert_eq!(z.d24.len(), 1, "in the Z of its shift");
    assert_eq!(z.d24[0].status, "COMPLETED");
    assert!(
        z.csv(&Default::default()).contains("d24-refund"),
        "{}",
        z.csv(&Default::default())
    );
    let next = reports::x_report(&j, &prod()).await.unwrap();
    assert!(next.d24.is_empty(), "and in no other");
    let sandbox = reports::x_report(&j, SANDBOX).await.unwrap();
    assert!(sandbox.d24.is_empty());
}

#[tokio::test]
async fn z_numbers_have_no_gaps_across_restarts_and_processes() {
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=3 {
        let j = open(&dir);
        sale(&j, &prod(), &format!("K{n}"), 100 * n, "SUCCEEDED").await;
        let z = reports::take_z(&j, &prod(), Door::Screen, None)
            .await
            .unwrap();
        assert_eq!(z.kind, Kind::Z(n));
        assert_eq!(
            z.paid.amount,
            Money::from_cents(100 * n),
            "only its own sale"
        );
    }
    // A second handle on the same file (as `kassa report z` beside the till) takes the next.
    let till = open(&dir);
    let cli = open(&dir);
    sale(&till, &prod(), "K4", 400, "SUCCEEDED").await;
    let z4 = reports::take_z(&cli, &prod(), Door::CommandLine, None)
        .await
        .unwrap();
    assert_eq!(z4.kind, Kind::Z(4));
    assert_eq!(z4.paid.amount, Money::from_cents(400));
    let list = till.z_list(&prod()).await.unwrap();
    let numbers: Vec<i64> = list.iter().filter_map(|s| s.z_number).collect();
    assert_eq!(numbers, [4, 3, 2, 1]);
    let log = till.audit_log(10).await.unwrap();
    assert!(
        log.iter()
            .any(|a| a.action == "z-report" && a.detail == "4 (command line)"),
        "{log:?}"
    );
    let verdict = till.verify().await.unwrap();
    assert_eq!(verdict.problem, None);
    drop((till, cli));

    // Nothing reopens or renumbers a closed shift, not even SQL against the file.
    let conn = rusqlite::Connection::open(dir.path().join("journal.sqlite")).unwrap();
    let reopen = conn.execute(
        "UPDATE sessions SET closed_at = NULL WHERE z_number = 1",
        [],
    );
    assert!(reopen.is_err(), "{reopen:?}");
    let renumber = conn.execute("UPDATE sessions SET z_number = 9 WHERE z_number = 2", []);
    assert!(renumber.is_err());
    assert!(conn.execute("DELETE FROM sessions", []).is_err());
    assert!(
        conn.execute("UPDATE z_reports SET report = '{}'", [])
            .is_err()
    );
}

/// A Z asked for on a screen that shows a shift another window (or the command line) closed
/// meanwhile closes nothing, and says which Z it became.
#[tokio::test]
async fn a_z_for_a_shift_closed_elsewhere_closes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let screen = open(&dir);
    let cli = open(&dir);
    sale(&screen, &prod(), "K1", 100, "SUCCEEDED").await;
    let x = reports::x_report(&screen, &prod()).await.unwrap();
    assert_eq!(x.number, 1, "the shift is numbered as its Z will be");
    reports::take_z(&cli, &prod(), Door::CommandLine, None)
        .await
        .unwrap();
    let late = reports::take_z(&screen, &prod(), Door::Screen, Some(x.session)).await;
    assert_eq!(
        late,
        Err(kassa_ledger::journal::JournalError::ShiftMoved(Some(1)))
    );
    let now = reports::x_report(&screen, &prod()).await.unwrap();
    assert_eq!(now.number, 2, "nothing else was closed");
    let z2 = reports::take_z(&screen, &prod(), Door::Screen, Some(now.session))
        .await
        .unwrap();
    assert_eq!(z2.kind, Kind::Z(2));
}

/// The shift a sale's receipt names: the number its Z got, or will get while open; each
/// account counts its own.
#[tokio::test]
async fn a_sale_names_the_shift_its_z_has_or_will_have() {
    let dir = tempfile::tempdir().unwrap();
    let j = open(&dir);
    sale(&j, &prod(), "K1", 1000, "SUCCEEDED").await;
    assert_eq!(j.shift_of_payment("id-K1").await.unwrap(), Some(1));
    reports::take_z(&j, &prod(), Door::Screen, None)
        .await
        .unwrap();
    sale(&j, &prod(), "K2", 500, "SUCCEEDED").await;
    sale(&j, SANDBOX, "S1", 500, "SUCCEEDED").await;
    assert_eq!(j.shift_of_payment("id-K1").await.unwrap(), Some(1));
    assert_eq!(j.shift_of_payment("id-K2").await.unwrap(), Some(2));
    assert_eq!(j.shift_of_payment("id-S1").await.unwrap(), Some(1));
    assert_eq!(j.shift_of_payment("not-ours").await.unwrap(), None);
}
