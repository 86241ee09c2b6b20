use super::*;
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};

fn attempt(reference: &str, cents: i64) -> Attempt {
    Attempt {
        reference: reference.into(),
        amount: Money::from_cents(cents),
        description: Some("Koffie".into()),
        pos_id: None,
        account: account_key("http://127.0.0.1:1", "profile"),
        at: OffsetDateTime::now_utc(),
    }
}

fn payment(id: &str, status: PaymentStatus, cents: i64) -> Payment {
    serde_json::from_value(serde_json::json!({
        "paymentId": id, "status": status.as_str(), "amount": cents,
        "createdAt": "2026-11-21T10:00:00.000Z"
    }))
    .unwrap()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn a_sale_is_recorded_before_and_after_its_create_and_closes_when_final() {
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(async {
        let j = Journal::open(&dir.path().join(FILE_NAME)).unwrap();
        j.record_attempt(attempt("K1", 1250)).await.unwrap();
        let open = j.open_entries().await.unwrap();
        assert_eq!(open.len(), 1, "an unanswered create is open");
        assert_eq!(open[0].last, None);
        assert_eq!(open[0].amount, Money::from_cents(1250));
        assert_eq!(open[0].session, 1, "the sandbox's first shift");

        j.record_created("K1", &payment("p1", PaymentStatus::Pending, 1250))
            .await
            .unwrap();
        // Polls repeat the same status: recorded once.
        for _ in 0..3 {
            let news = j
                .record_status(&payment("p1", PaymentStatus::Identified, 1250))
                .await
                .unwrap();
            let _ = news;
        }
        let mut paid = payment("p1", PaymentStatus::Succeeded, 1250);
        paid.tipping_amount = Some(Money::from_cents(100));
        paid.total_amount = Some(Money::from_cents(1350));
        assert!(j.record_status(&paid).await.unwrap());
        assert!(!j.record_status(&paid).await.unwrap());

        let history = j.history("K1").await.unwrap();
        let statuses: Vec<_> = history
            .iter()
            .map(|(_, e)| match e {
                Event::Status { status, .. } => status.as_str().to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(statuses, ["PENDING", "IDENTIFIED", "SUCCEEDED"]);
        assert!(j.open_entries().await.unwrap().is_empty());
        let e = j.entry("K1").await.unwrap().unwrap();
        assert_eq!(e.payment_id.as_deref(), Some("p1"));
        assert_eq!(e.paid_total(), Some(Money::from_cents(1350)));
        assert_eq!(e.tip(), Some(Money::from_cents(100)));
        // Another till's payment is not this journal's to record.
        assert!(
            !j.record_status(&payment("other", PaymentStatus::Pending, 5))
                .await
                .unwrap()
        );
    });
}

#[test]
fn unknown_and_not_created_outcomes_and_a_reused_reference() {
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(async {
        let j = Journal::open(&dir.path().join(FILE_NAME)).unwrap();
        j.record_attempt(attempt("K2", 500)).await.unwrap();
        j.record_unknown("K2", "timeout").await.unwrap();
        assert!(j.open_entries().await.unwrap()[0].is_open());
        j.record_not_created("K2", "not found by reference")
            .await
            .unwrap();
        assert!(j.open_entries().await.unwrap().is_empty());
        // The till never reuses a reference for a second sale.
        assert!(j.record_attempt(attempt("K2", 500)).await.is_err());
        let since = j
            .entries_since(OffsetDateTime::now_utc() - time::Duration::hours(1))
            .await
            .unwrap();
        assert_eq!(since.len(), 1);
    });
}

#[test]
fn history_cannot_be_deleted_or_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    rt().block_on(async {
        let j = Journal::open(&path).unwrap();
        j.record_attempt(attempt("K3", 700)).await.unwrap();
        j.record_created("K3", &payment("p3", PaymentStatus::Pending, 700))
            .await
            .unwrap();
        j.audit(AuditAction::Unlock).await.unwrap();
    });
    let conn = Connection::open(&path).unwrap();
    for sql in [
        "DELETE FROM payments",
        "DELETE FROM payment_events",
        "UPDATE payment_events SET status = 'SUCCEEDED'",
        "UPDATE payments SET amount_cents = 1",
        "UPDATE payments SET payment_id = 'other'",
        "DELETE FROM audit",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }
}

#[test]
fn a_file_from_the_previous_schema_is_upgraded_with_its_sales_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    {
        // The schema before the ledger's chain and shifts per account (5).
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, opened_at) VALUES (1, 1763719200000);
             INSERT INTO payments (reference, session_id, amount_cents, description, attempted_at)
                 VALUES ('OLD-1', 1, 995, 'from v1', 1763719200000);",
        )
        .unwrap();
        assert_eq!(schema::version(&conn).unwrap(), 5);
    }
    rt().block_on(async {
        let j = Journal::open(&path).unwrap();
        let open = j.open_entries().await.unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].reference, "OLD-1");
        assert_eq!(open[0].description.as_deref(), Some("from v1"));
        assert_eq!(open[0].pos_id, None);
        let shift = j.current_shift(SANDBOX).await.unwrap();
        assert_eq!(
            shift.session.id, 1,
            "the open session carries on, as the sandbox's"
        );
        assert_eq!(shift.sales.len(), 1);
        let verdict = j.verify().await.unwrap();
        assert_eq!(verdict.problem, None, "the rows from before are chained");
        assert!(verdict.checked >= 2);
        j.audit(AuditAction::SettingsChanged(vec!["qr-size".into()]))
            .await
            .unwrap();
        let log = j.audit_log(10).await.unwrap();
        assert_eq!(log[0].action, "settings-changed");
        assert_eq!(log[0].detail, "qr-size");
    });
    let conn = Connection::open(&path).unwrap();
    assert_eq!(schema::version(&conn).unwrap(), schema::CURRENT);
}

#[test]
fn a_damaged_file_is_reported_and_kept_untouched_until_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let garbage = b"this is not an SQLite database, but a damaged file of some length.".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    match Journal::open(&path) {
        Err(JournalError::Corrupt { path: p, .. }) => assert_eq!(p, path),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), garbage, "never overwritten");
    let aside = Journal::set_aside(&path).unwrap();
    assert_eq!(std::fs::read(&aside).unwrap(), garbage, "kept aside");
    assert!(Journal::open(&path).is_ok(), "a new journal starts");
}

#[test]
fn a_place_that_cannot_be_written_and_a_newer_schema_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the journal's folder should be.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, b"x").unwrap();
    assert!(matches!(
        Journal::open(&blocker.join(FILE_NAME)),
        Err(JournalError::ReadOnly(_))
    ));
    let path = dir.path().join(FILE_NAME);
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    assert_eq!(Journal::open(&path).unwrap_err(), JournalError::Newer(99));
}

#[test]
fn wal_and_full_sync_are_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let _j = Journal::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[cfg(unix)]
#[test]
fn the_journal_and_its_folder_are_the_users_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/journal.sqlite");
    let _j = Journal::open(&path).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

#[test]
fn statuses_only_move_forward() {
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(async {
        let j = Journal::open(&dir.path().join(FILE_NAME)).unwrap();
        j.record_attempt(attempt("K9", 500)).await.unwrap();
        j.record_created("K9", &payment("p9", PaymentStatus::Identified, 500))
            .await
            .unwrap();
        // A late answer from before the scan: dropped.
        let news = j
            .record_status(&payment("p9", PaymentStatus::Pending, 500))
            .await
            .unwrap();
        assert!(!news, "PENDING after IDENTIFIED is stale");
        assert!(
            j.record_status(&payment("p9", PaymentStatus::Cancelled, 500))
                .await
                .unwrap()
        );
        for late in [PaymentStatus::Pending, PaymentStatus::Succeeded] {
            assert!(
                !j.record_status(&payment("p9", late, 500)).await.unwrap(),
                "nothing follows a final status"
            );
        }
        j.record_unknown("K9", "timeout").await.unwrap();
        let e = j.entry("K9").await.unwrap().unwrap();
        assert_eq!(e.status(), Some(&PaymentStatus::Cancelled));
        assert!(!e.is_open(), "a stale PENDING does not revive it");
        assert_eq!(j.history("K9").await.unwrap().len(), 2);
    });
}

#[test]
fn the_chain_names_the_row_edited_behind_kassas_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    rt().block_on(async {
        let j = Journal::open(&path).unwrap();
        for (r, id) in [("K1", "p1"), ("K2", "p2")] {
            j.record_attempt(attempt(r, 700)).await.unwrap();
            j.record_created(r, &payment(id, PaymentStatus::Pending, 700))
                .await
                .unwrap();
            j.record_status(&payment(id, PaymentStatus::Succeeded, 700))
                .await
                .unwrap();
        }
        let good = j.verify().await.unwrap();
        assert_eq!(good.problem, None);
        assert!(good.head.is_some());
    });
    let conn = Connection::open(&path).unwrap();
    let id: i64 = conn
        .query_row(
            "SELECT id FROM payment_events WHERE reference = 'K1' AND status = 'SUCCEEDED'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(&format!(
        "DROP TRIGGER payment_events_never_edited;
         UPDATE payment_events SET total_cents = 70 WHERE id = {id};"
    ))
    .unwrap();
    let verdict = ledger::verify(&conn).unwrap();
    match verdict.problem {
        Some(ledger::Problem::Edited { table, row_id, .. }) => {
            assert_eq!(table, "payment_events");
            assert_eq!(row_id, id);
        }
        other => panic!("expected the edited row, got {other:?}"),
    }
}

#[test]
fn the_daily_backup_is_due_once_a_day_and_a_failure_is_kept_until_it_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    rt().block_on(async {
        let j = Journal::open(&path).unwrap();
        j.record_attempt(attempt("B1", 100)).await.unwrap();
    });
    let now = OffsetDateTime::now_utc();
    let mut state = BackupState::load(&path);
    assert!(state.due(now), "never made");
    // A folder that cannot be made (a file is in the way): failed, said, kept.
    let blocked = dir.path().join("usb");
    std::fs::write(&blocked, b"not a folder").unwrap();
    let failed = Journal::backup(&path, &blocked, Some(3));
    assert!(failed.is_err());
    state.record(&blocked, &failed, now);
    state.save(&path);
    let state = BackupState::load(&path);
    let f = state
        .failed
        .clone()
        .expect("the failure is kept for the next start");
    assert!(f.dir.ends_with("usb"));
    assert!(state.due(now), "tried again");
    let good_dir = dir.path().join("share");
    let ok = Journal::backup(&path, &good_dir, Some(3));
    let mut state = state;
    state.record(&good_dir, &ok, now);
    assert_eq!(state.failed, None);
    assert!(!state.due(now + time::Duration::hours(23)));
    assert!(state.due(now + time::Duration::hours(24)));
    let copy = ok.unwrap().path;
    assert_eq!(backup::verify_file(&copy).unwrap().problem, None);
}

#[test]
fn a_new_file_opened_by_several_at_once_is_migrated_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let start = std::sync::Arc::new(std::sync::Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (path, start) = (path.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                Journal::open(&path).map(|_| ())
            })
        })
        .collect();
    let opened: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(opened.iter().all(Result::is_ok), "{opened:?}");
    let conn = Connection::open(&path).unwrap();
    assert_eq!(schema::version(&conn).unwrap(), schema::CURRENT);
}

/// A journal of schema 5, with what its rules left out of every shift report, upgraded:
/// `sql` fills it before Kassa opens it.
fn upgraded(sql: &str) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut conn = Connection::open(&path).unwrap();
    schema::migrate_to(&mut conn, 5).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    let j = Journal::open(&path).unwrap();
    (dir, j)
}

#[test]
fn an_upgrade_puts_a_refund_made_after_the_last_z_in_the_next_shift() {
    let (_dir, j) = upgraded(
        "INSERT INTO sessions (id, opened_at, closed_at, z_number) VALUES (1, 1000, 2000, 1);
         INSERT INTO payments (reference, session_id, amount_cents, attempted_at, payment_id,
             account) VALUES ('P1', 1, 1000, 1100, 'id-1', 'http://127.0.0.1:5000#p');
         INSERT INTO payment_events (reference, at, kind, status) VALUES
             ('P1', 1200, 'status', 'SUCCEEDED');
         INSERT INTO refunds (idempotency_key, payment_id, amount_cents, account, requested_at,
             refund_id) VALUES ('k1', 'id-1', 300, 'http://127.0.0.1:5000#p', 2500, 'r1');
         INSERT INTO refund_events (idempotency_key, at, kind, status) VALUES
             ('k1', 2600, 'status', 'REFUNDED');",
    );
    rt().block_on(async {
        let x = crate::reports::x_report(&j, SANDBOX).await.unwrap();
        assert_eq!(
            x.refunded.amount,
            Money::from_cents(300),
            "no longer in no shift"
        );
        let z1 = crate::reports::reprint_z(&j, SANDBOX, 1)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(z1.paid.amount, Money::from_cents(1000));
        assert_eq!(z1.refunded.count, 0);
        assert_eq!(j.verify().await.unwrap().problem, None);
    });
}

#[test]
fn an_upgrade_splits_an_open_shift_holding_sandbox_and_real_sales() {
    let (_dir, j) = upgraded(
        "INSERT INTO sessions (id, opened_at) VALUES (1, 1000);
         INSERT INTO payments (reference, session_id, amount_cents, attempted_at, payment_id,
             account) VALUES
             ('S1', 1, 500, 1100, 'id-s', 'http://127.0.0.1:5000#p'),
             ('P1', 1, 800, 1200, 'id-p', 'https://merchant.api.bancontact.net#prof');
         INSERT INTO payment_events (reference, at, kind, status) VALUES
             ('S1', 1150, 'status', 'SUCCEEDED'), ('P1', 1250, 'status', 'SUCCEEDED');",
    );
    rt().block_on(async {
        let prod = account_key("https://merchant.api.bancontact.net", "prof");
        let real = crate::reports::x_report(&j, &prod).await.unwrap();
        assert_eq!(
            real.paid.amount,
            Money::from_cents(800),
            "play money is not takings"
        );
        let play = crate::reports::x_report(&j, SANDBOX).await.unwrap();
        assert_eq!(play.paid.amount, Money::from_cents(500));
        assert_eq!(j.verify().await.unwrap().problem, None);
    });
}

/// The outbox for the shop server: a journal from before it queues its history first, in the
/// order it happened; every event recorded after goes in by itself, in the same transaction;
/// what the server has is not sent again.
#[test]
fn the_outbox_queues_history_then_every_new_event_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    {
        // A journal from before the chain (5), with a paid sale: upgraded through 6 and 7.
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, opened_at) VALUES (1, 1763719200000);
             INSERT INTO payments (reference, session_id, amount_cents, attempted_at, payment_id, created_at)
                 VALUES ('OLD', 1, 500, 1763719200000, 'p-old', 1763719201000);
             INSERT INTO payment_events (reference, at, kind, status, total_cents)
                 VALUES ('OLD', 1763719260000, 'status', 'SUCCEEDED', 500);",
        )
        .unwrap();
    }
    rt().block_on(async {
        let j = Journal::open(&path).unwrap();
        let queued = j.outbox_batch(100).await.unwrap();
        let kinds: Vec<&str> = queued.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["sale", "sale-created", "sale-event"]);
        assert_eq!(queued[2].body["status"], "SUCCEEDED");
        assert_eq!(queued[2].at_ms, 1763719260000);
        assert_eq!(queued[0].body["reference"], "OLD");
        assert_eq!(queued[0].body["amount_cents"], 500);
        assert!(queued.windows(2).all(|w| w[0].seq < w[1].seq));
        let before = queued.len() as i64;
        assert_eq!(j.outbox_waiting().await.unwrap(), before);

        j.record_attempt(attempt("NEW", 700)).await.unwrap();
        j.record_created("NEW", &payment("p-new", PaymentStatus::Pending, 700))
            .await
            .unwrap();
        j.audit(AuditAction::Unlock).await.unwrap();
        let all = j.outbox_batch(100).await.unwrap();
        let new: Vec<(&str, &serde_json::Value)> = all[queued.len()..]
            .iter()
            .map(|e| (e.kind.as_str(), &e.body))
            .collect();
        assert_eq!(new[0].0, "sale");
        assert_eq!(new[0].1["reference"], "NEW");
        assert_eq!(new[1].0, "sale-created");
        assert_eq!(new[1].1["payment_id"], "p-new");
        assert!(
            new.iter()
                .any(|(k, b)| *k == "sale-event" && b["status"] == "PENDING")
        );
        assert_eq!(new.last().unwrap().0, "audit");
        let ids: std::collections::HashSet<&str> = all.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), all.len(), "every event has its own id");

        // The server has the first ones: only the rest wait; an older answer moves nothing back.
        j.outbox_sent(all[2].seq).await.unwrap();
        j.outbox_sent(all[0].seq).await.unwrap();
        let rest = j.outbox_batch(100).await.unwrap();
        assert_eq!(rest.first().unwrap().seq, all[3].seq);
        assert_eq!(j.outbox_waiting().await.unwrap(), all.len() as i64 - 3);
        // A server that holds less (joined anew, restored): sent again from there.
        j.outbox_rewind(1).await.unwrap();
        assert_eq!(
            j.outbox_batch(100).await.unwrap().first().unwrap().seq,
            all[1].seq
        );
        j.outbox_rewind(5).await.unwrap();
        assert_eq!(
            j.outbox_waiting().await.unwrap(),
            all.len() as i64 - 1,
            "never forward"
        );
    });
    // The outbox is not rewritten behind the pusher's back.
    let conn = Connection::open(&path).unwrap();
    assert!(conn.execute("UPDATE outbox SET kind = 'x'", []).is_err());
}

/// The journal's doorbell rings when a write changed the file, not for reads: whoever sends
/// events on waits on it instead of polling.
#[test]
fn the_doorbell_rings_for_writes_only() {
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(async {
        let j = Journal::open(&dir.path().join(FILE_NAME)).unwrap();
        let mut bell = j.changes();
        bell.borrow_and_update();
        j.open_entries().await.unwrap();
        j.outbox_waiting().await.unwrap();
        assert!(!bell.has_changed().unwrap(), "a read rings nothing");
        j.record_attempt(attempt("K1", 100)).await.unwrap();
        // The writer rings once the job is done, which may be just after its answer arrived.
        let rang = tokio::time::timeout(std::time::Duration::from_secs(5), bell.changed()).await;
        assert!(matches!(rang, Ok(Ok(()))), "a sale rings");
    });
}
