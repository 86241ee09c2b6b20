//! The books from the command line and around the real process, as a shop meets them: one till
//! per data folder (a second start says so and exits, the first keeps running), two profiles side
//! by side, `kassa journal verify|backup|restore`, `kassa report`, and refunds that keep the
//! till's rules (manager PIN with the shared lock-out, journal and audit log, the key printed
//! before the request leaves, a killed command run again makes exactly one refund).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use kassa::journal::{Attempt, AuditAction, Journal, SANDBOX};
use kassa::money::Money;
use kassa::payconiq::model::Payment;
use kassa::sandbox::{Fault, FaultKind, SandboxConfig};
use time::OffsetDateTime;

const PIN: &str = "2468";

/// `kassa` in English with its own home; `KASSA_DATA_DIR` is set by the caller when wanted.
fn kassa(home: &Path) -> Command {
    crate::support::kassa_in(home)
}

fn in_data(home: &Path) -> Command {
    let mut c = kassa(home);
    c.env("KASSA_DATA_DIR", home.join("data"));
    c
}

/// Runs `cmd` with `input` on its standard input.
fn run_with(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Settings with a manager PIN (and a POS id to tell tills apart) at `path`.
fn settings_with_pin(path: &Path, pin: &str, pos_id: &str) {
    let settings = kassa::config::Settings {
        manager_pin_hash: kassa::pin::hash(pin).unwrap(),
        pos_id: pos_id.into(),
        ..Default::default()
    };
    settings.save(path).unwrap();
}

/// Waits until the data folder's lock names a process (the till has taken it).
fn wait_for_lock(dir: &Path) -> u32 {
    let start = Instant::now();
    loop {
        if let Some(pid) = std::fs::read_to_string(dir.join(kassa::config::LOCK_FILE))
            .ok()
            .and_then(|t| t.trim().parse().ok())
        {
            return pid;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the till never took {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_second_kassa_on_the_same_data_says_so_and_the_first_keeps_running() {
    let home = tempfile::tempdir().unwrap();
    let x = crate::support::Xvfb::start();
    let mut first = Running(
        in_data(home.path())
            .env("DISPLAY", x.display())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let pid = wait_for_lock(&home.path().join("data"));
    assert_eq!(pid, first.0.id());
    let second = in_data(home.path())
        .env("DISPLAY", x.display())
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(3), "{}", text(&second));
    let said = text(&second);
    assert!(said.contains("Kassa is already running"), "{said}");
    assert!(said.contains(&pid.to_string()), "{said}");
    assert!(
        first.0.try_wait().unwrap().is_none(),
        "the first till keeps running"
    );
}

#[test]
fn two_profiles_run_side_by_side_each_with_its_own_settings() {
    let home = tempfile::tempdir().unwrap();
    let profiles = home.path().join("share/kassa/profiles");
    settings_with_pin(&profiles.join("front/settings.toml"), "1111", "POS-FRONT");
    settings_with_pin(&profiles.join("back/settings.toml"), "2222", "POS-BACK");
    let x = crate::support::Xvfb::start();
    let start = |name: &str| {
        Running(
            kassa(home.path())
                .args(["--profile", name])
                .env("DISPLAY", x.display())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        )
    };
    let (front, back) = (start("front"), start("back"));
    assert_eq!(wait_for_lock(&profiles.join("front")), front.0.id());
    assert_eq!(wait_for_lock(&profiles.join("back")), back.0.id());

    // Each profile's PIN is its own (taking a Z asks it).
    let z = |profile: &str, pin: &str| {
        let mut c = kassa(home.path());
        c.args(["--profile", profile, "report", "z", "--pin-stdin"]);
        run_with(c, &format!("{pin}\n"))
    };
    let ok = z("front", "1111");
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(text(&ok).contains("Z report no. 1"), "{}", text(&ok));
    let refused = z("back", "1111");
    assert!(!refused.status.success());
    assert!(text(&refused).contains("Wrong PIN"), "{}", text(&refused));
    for (name, pos) in [("front", "POS-FRONT"), ("back", "POS-BACK")] {
        let s = kassa::config::Settings::load(&profiles.join(name).join("settings.toml")).unwrap();
        assert_eq!(s.pos_id, pos);
    }
    assert!(
        profiles.join("front/journal.sqlite").exists()
            && profiles.join("back/journal.sqlite").exists(),
        "a journal each"
    );
    let bad = kassa(home.path())
        .args(["--profile", "../x", "report", "x"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(
        text(&bad).contains("is not a profile name"),
        "{}",
        text(&bad)
    );
}

fn paid(reference: &str, cents: i64) -> Payment {
    serde_json::from_value(serde_json::json!({
        "paymentId": format!("id-{reference}"), "status": "SUCCEEDED", "amount": cents,
        "totalAmount": cents
    }))
    .unwrap()
}

async fn sandbox_sale(j: &Journal, reference: &str, cents: i64) {
    j.record_attempt(Attempt {
        reference: reference.into(),
        amount: Money::from_cents(cents),
        description: None,
        pos_id: None,
        account: SANDBOX.into(),
        at: OffsetDateTime::now_utc(),
    })
    .await
    .unwrap();
    j.record_created(reference, &paid(reference, cents))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journal_verify_passes_then_names_the_row_edited_with_sql() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("data/journal.sqlite");
    let printed = {
        let j = Journal::open(&path).unwrap();
        for n in 1..=3 {
            sandbox_sale(&j, &format!("K{n}"), 100 * n).await;
        }
        let z = kassa::reports::take_z(&j, SANDBOX, kassa::journal::Door::Screen, None)
            .await
            .unwrap();
        z.chain_hash.unwrap()
    };
    let good = in_data(home.path())
        .args(["journal", "verify"])
        .output()
        .unwrap();
    assert!(good.status.success(), "{}", text(&good));
    assert!(text(&good).contains("the chain holds"), "{}", text(&good));
    assert!(
        text(&good).contains(&format!(
            "Last Z report of Sandbox (play money, not takings): no. 1, chain {}",
            &printed[..16]
        )),
        "the hash on the Z's paper, to compare: {}",
        text(&good)
    );

    let conn = rusqlite::Connection::open(&path).unwrap();
    let id: i64 = conn
        .query_row(
            "SELECT id FROM payment_events WHERE reference = 'K2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(&format!(
        "DROP TRIGGER payment_events_never_edited;
         UPDATE payment_events SET total_cents = 1 WHERE id = {id};"
    ))
    .unwrap();
    drop(conn);
    let bad = in_data(home.path())
        .args(["journal", "verify"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let said = text(&bad);
    assert!(said.contains("DOES NOT VERIFY"), "{said}");
    assert!(
        said.contains(&format!("payment_events row {id}")),
        "names the row: {said}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_sales_are_recorded_verifies_and_restores() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("data/journal.sqlite");
    let j = Journal::open(&path).unwrap();
    sandbox_sale(&j, "K0", 100).await;
    let writer = {
        let j = j.clone();
        tokio::spawn(async move {
            for n in 1..=60 {
                sandbox_sale(&j, &format!("W{n}"), n).await;
            }
        })
    };
    let backups = home.path().join("usb");
    let mut made = Vec::new();
    while !writer.is_finished() {
        let cmd = {
            let mut c = in_data(home.path());
            c.args(["journal", "backup"]).arg(&backups);
            c
        };
        let out = tokio::task::spawn_blocking(move || {
            let mut cmd = cmd;
            cmd.output().unwrap()
        })
        .await
        .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        made.push(out);
    }
    writer.await.unwrap();
    assert!(!made.is_empty());
    for file in std::fs::read_dir(&backups).unwrap() {
        let file = file.unwrap().path();
        let v = kassa::journal::verify_file(&file).unwrap();
        assert_eq!(v.problem, None, "{} verifies", file.display());
    }
    // The last one, taken after the sales, restored to another till's folder.
    let last = in_data(home.path())
        .args(["journal", "backup"])
        .arg(&backups)
        .args(["--keep", "2"])
        .output()
        .unwrap();
    assert!(last.status.success(), "{}", text(&last));
    assert_eq!(
        std::fs::read_dir(&backups).unwrap().count(),
        2,
        "keeps the last 2"
    );
    let copy = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .max()
        .unwrap();
    let other = tempfile::tempdir().unwrap();
    let restored = in_data(other.path())
        .args(["journal", "restore"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(restored.status.success(), "{}", text(&restored));
    let r = Journal::open(&other.path().join("data/journal.sqlite")).unwrap();
    let log = r.audit_log(5).await.unwrap();
    assert!(
        log.iter()
            .any(|a| a.action == "journal-restored" && a.detail.contains("[command line]")),
        "the restored books say so: {log:?}"
    );
    let since = OffsetDateTime::UNIX_EPOCH;
    assert_eq!(
        r.entries_since(since).await.unwrap(),
        j.entries_since(since).await.unwrap(),
        "the same history"
    );
    let (a, b) = (
        kassa::reports::x_report(&r, SANDBOX).await.unwrap(),
        kassa::reports::x_report(&j, SANDBOX).await.unwrap(),
    );
    assert_eq!((a.paid, a.session), (b.paid, b.session), "the same report");
    // A second restore keeps the journal it replaces.
    let again = in_data(other.path())
        .args(["journal", "restore"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(text(&again).contains("is kept as"), "{}", text(&again));
}

/// The sandbox's account in the till's data folder: a PIN, and the embedded sandbox's port.
fn till_on(home: &Path, sandbox: &kassa::sandbox::Sandbox) {
    let data = home.join("data");
    settings_with_pin(&data.join("settings.toml"), PIN, "POS00001");
    std::fs::write(
        data.join("sandbox.json"),
        format!(r#"{{"port": {}}}"#, sandbox.addr().port()),
    )
    .unwrap();
}

fn refund_cmd(home: &Path, payment: &str, key: Option<&str>) -> Command {
    let mut c = in_data(home);
    c.args([
        "refund",
        "create",
        payment,
        "--amount",
        "2.50",
        "--pin-stdin",
    ]);
    if let Some(k) = key {
        c.args(["--idempotency-key", k]);
    }
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refund_from_the_command_line_keeps_the_tills_rules() {
    let home = tempfile::tempdir().unwrap();
    let sandbox = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    till_on(home.path(), &sandbox);
    let client = crate::support::api_key_client(&sandbox);
    let payment = crate::support::paid(&sandbox, &client, 1000, 0)
        .await
        .payment_id;

    // A wrong PIN: nothing sent, and counted.
    let p = payment.clone();
    let h = home.path().to_path_buf();
    let wrong = tokio::task::spawn_blocking(move || run_with(refund_cmd(&h, &p, None), "1357\n"))
        .await
        .unwrap();
    assert!(!wrong.status.success());
    assert!(text(&wrong).contains("Wrong PIN"), "{}", text(&wrong));
    assert!(sandbox.refunds_of(&payment).is_empty());

    // A Z first, from the command line: the refund that follows falls after it.
    let h = home.path().to_path_buf();
    let z = tokio::task::spawn_blocking(move || {
        let mut c = in_data(&h);
        c.args(["report", "z", "--pin-stdin"]);
        run_with(c, "2468\n")
    })
    .await
    .unwrap();
    assert!(z.status.success(), "{}", text(&z));
    assert!(text(&z).contains("Z report no. 1"), "{}", text(&z));

    // The right PIN: the key is printed, the refund made, journalled and audited.
    let p = payment.clone();
    let h = home.path().to_path_buf();
    let ok = tokio::task::spawn_blocking(move || run_with(refund_cmd(&h, &p, None), "2468\n"))
        .await
        .unwrap();
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(
        String::from_utf8_lossy(&ok.stderr).contains("Idempotency key:"),
        "{}",
        text(&ok)
    );
    assert_eq!(sandbox.refunds_of(&payment).len(), 1);
    let j = Journal::open(&home.path().join("data/journal.sqlite")).unwrap();
    let journalled = j.refunds_for(&payment).await.unwrap();
    assert_eq!(journalled.len(), 1);
    assert!(journalled[0].refund_id.is_some());
    let log = j.audit_log(20).await.unwrap();
    for (action, cli) in [("unlock-refused", true), ("unlock", true), ("refund", true)] {
        assert!(
            log.iter()
                .any(|a| a.action == action && a.detail.contains("[command line]") == cli),
            "{action} in {log:?}"
        );
    }
    // In the next X report of the sandbox's books, and its Z, not in Z 1.
    let x = kassa::reports::x_report(&j, SANDBOX).await.unwrap();
    assert_eq!(x.refunded.amount, Money::from_cents(250));
    let h = home.path().to_path_buf();
    let z2 = tokio::task::spawn_blocking(move || {
        let mut c = in_data(&h);
        c.args(["report", "z", "--pin-stdin", "--csv"]);
        run_with(c, "2468\n")
    })
    .await
    .unwrap();
    assert!(z2.status.success(), "{}", text(&z2));
    let csv = String::from_utf8_lossy(&z2.stdout).into_owned();
    assert!(
        csv.contains("Z2,sandbox,") && csv.contains(",refunded,1,2.50,"),
        "{csv}"
    );
    let z1 = kassa::reports::reprint_z(&j, SANDBOX, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(z1.refunded.count, 0);

    // Killed while the request is out: run again with the printed key, one refund.
    sandbox.inject(Fault::new(
        "refund-create",
        FaultKind::Latency { ms: 4000 },
        Some(1),
    ));
    let mut child = refund_cmd(home.path(), &payment, None)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"2468\n").unwrap();
    let stderr = child.stderr.take().unwrap();
    let key = tokio::task::spawn_blocking(move || {
        for line in BufReader::new(stderr).lines() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("Idempotency key: ") {
                return rest.split_whitespace().next().unwrap().to_string();
            }
        }
        panic!("no key printed");
    })
    .await
    .unwrap();
    // While that command's request is out, this process (as the till would) does not send it
    // a second time: the journal says it is on its way.
    let entry = j
        .refund_by_key(&key)
        .await
        .unwrap()
        .expect("journalled first");
    assert!(matches!(
        kassa::refund::resume(&client, &j, &entry).await,
        Err(kassa::refund::RefundError::InFlight)
    ));
    child.kill().unwrap();
    child.wait().unwrap();
    let p = payment.clone();
    let h = home.path().to_path_buf();
    let k = key.clone();
    let again =
        tokio::task::spawn_blocking(move || run_with(refund_cmd(&h, &p, Some(&k)), "2468\n"))
            .await
            .unwrap();
    assert!(again.status.success(), "{}", text(&again));
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        sandbox.refunds_of(&payment).len(),
        2,
        "the first refund and the killed one, made once"
    );
    let journalled = j.refunds_for(&payment).await.unwrap();
    assert_eq!(journalled.len(), 2);
    assert!(
        journalled
            .iter()
            .any(|r| r.key == key && r.refund_id.is_some())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pin_lock_out_is_shared_with_the_till() {
    let home = tempfile::tempdir().unwrap();
    let sandbox = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    till_on(home.path(), &sandbox);
    // Five wrong PINs at the till (it writes them to the journal's audit log).
    {
        let j = Journal::open(&home.path().join("data/journal.sqlite")).unwrap();
        for _ in 0..5 {
            j.audit(AuditAction::UnlockRefused).await.unwrap();
        }
    }
    let h = home.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || {
        let mut c = in_data(&h);
        c.args(["report", "z", "--pin-stdin"]);
        run_with(c, &format!("{PIN}\n"))
    })
    .await
    .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("PIN entry is locked until"),
        "{}",
        text(&out)
    );
    // Reading asks nothing.
    let h = home.path().to_path_buf();
    let x =
        tokio::task::spawn_blocking(move || in_data(&h).args(["report", "x"]).output().unwrap())
            .await
            .unwrap();
    assert!(x.status.success(), "{}", text(&x));
    assert!(text(&x).contains("Sandbox (play money"), "{}", text(&x));
    // An account typed by hand that the journal keeps no books for: refused, nothing opened.
    let h = home.path().to_path_buf();
    let typo = tokio::task::spawn_blocking(move || {
        in_data(&h)
            .args(["report", "x", "--account", "https://typo.example#p"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(!typo.status.success());
    assert!(text(&typo).contains("keeps no books"), "{}", text(&typo));
}

/// A reader that stops early (`kassa report x | head -3`) is no reason to panic.
#[test]
fn a_closed_pipe_is_no_panic() {
    let home = tempfile::tempdir().unwrap();
    let mut child = in_data(home.path())
        .args(["report", "x"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        text(&out)
    );
    assert!(out.status.success(), "{}", text(&out));
}

/// With no invoice code waiting, `kassa report x` asks the API nothing and says nothing about it.
#[test]
fn a_report_without_invoices_waiting_needs_no_connection() {
    let home = tempfile::tempdir().unwrap();
    let out = in_data(home.path()).args(["report", "x"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("not looked up"),
        "{}",
        text(&out)
    );
}
