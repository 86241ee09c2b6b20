//! "Today" on the shop's clock: with `TZ=Europe/Brussels`, a sale at 00:30 local time is in
//! today's sales, on ordinary days and on the nights the clocks change. The check runs in a child
//! process so that `TZ` is set before anything reads the time zone.

use std::process::Command;

use kassa::journal::{Attempt, Journal, account_key};
use kassa::money::Money;
use kassa::payconiq::model::Payment;
use kassa::screen::today;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

#[test]
fn a_sale_at_half_past_midnight_brussels_time_is_in_todays_sales() {
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "local_time::brussels_child",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env("TZ", "Europe/Brussels")
        .env("KASSA_TZ_CHILD", "1")
        .status()
        .unwrap();
    assert!(
        status.success(),
        "the check under TZ=Europe/Brussels failed"
    );
}

fn utc(s: &str) -> OffsetDateTime {
    OffsetDateTime::parse(s, &Rfc3339).unwrap()
}

#[test]
#[ignore = "run by the test above with TZ=Europe/Brussels"]
fn brussels_child() {
    if std::env::var_os("KASSA_TZ_CHILD").is_none() {
        return;
    }
    assert_eq!(
        kassa::clock::zone().iana_name(),
        Some("Europe/Brussels"),
        "the system time zone follows TZ"
    );
    // (sale at 00:30 local, a moment later that day), in winter, summer and both DST nights.
    let days = [
        ("2026-11-20T23:30:00Z", "2026-11-21T10:00:00Z"),
        ("2026-07-01T22:30:00Z", "2026-07-02T10:00:00Z"),
        ("2026-10-24T22:30:00Z", "2026-10-25T10:00:00Z"),
        ("2026-03-28T23:30:00Z", "2026-03-29T10:00:00Z"),
    ];
    let rt = tokio::runtime::Runtime::new().unwrap();
    for (sale_at, now) in days {
        let (sale_at, now) = (utc(sale_at), utc(now));
        assert_eq!(kassa::clock::time_of_day(sale_at), "00:30:00");
        let start = kassa::clock::day_start_in(now, &kassa::clock::zone());
        assert!(
            start <= sale_at,
            "{sale_at} is before the day starting {start}"
        );
        assert!(sale_at - start == time::Duration::minutes(30));
        // Through the journal and the merge, as Today's sales reads them.
        let dir = tempfile::tempdir().unwrap();
        let listed = rt.block_on(async {
            let j = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
            for (reference, at) in [
                ("AT-0030", sale_at),
                ("YESTERDAY-2359", sale_at - time::Duration::minutes(31)),
            ] {
                j.record_attempt(Attempt {
                    reference: reference.into(),
                    amount: Money::from_cents(1250),
                    description: None,
                    pos_id: None,
                    account: account_key("http://127.0.0.1:1", "p"),
                    at,
                })
                .await
                .unwrap();
            }
            j.entries_since(start).await.unwrap()
        });
        let sales = today::merge(&listed, &[] as &[Payment]);
        let refs: Vec<_> = sales.iter().filter_map(|s| s.reference.clone()).collect();
        assert_eq!(refs, ["AT-0030"], "only today's sale, for the day of {now}");
    }
}
