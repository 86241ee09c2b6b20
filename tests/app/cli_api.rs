//! `kassa payment|refund|payouts|d24`, run as a support person would, against a sandbox over
//! loopback: the answers printed readable and as JSON, errors explained, bad input refused
//! before anything is sent.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use kassa::money::Money;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::{Sandbox, SandboxConfig};

/// The manager PIN of the tills these tests run as (commands that move money ask it).
const PIN: &str = "2468";

/// Runs `kassa` with `args` in English, with its own home and data directories (settings with
/// a manager PIN, given on standard input), off the async runtime (the sandbox keeps serving
/// meanwhile).
async fn kassa<S: AsRef<str>>(home: &Path, args: &[S]) -> Output {
    let args: Vec<String> = args.iter().map(|a| a.as_ref().to_string()).collect();
    let home = home.to_path_buf();
    let settings = home.join("data/settings.toml");
    if !settings.exists() {
        kassa::config::Settings {
            manager_pin_hash: kassa::pin::hash(PIN).unwrap(),
            ..Default::default()
        }
        .save(&settings)
        .unwrap();
    }
    tokio::task::spawn_blocking(move || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kassa"))
            .args(&args)
            .env("LANG", "en_US.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("KASSA_DATA_DIR", home.join("data"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Commands that do not ask may be gone before they read it.
        let _ = child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{PIN}\n").as_bytes());
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap()
}

/// Runs `args` with no account set up: refused while the till (and so its embedded sandbox) is
/// not running, then answered once the till's sandbox state names `sandbox`'s port.
async fn through_the_tills_sandbox(home: &Path, sandbox: &Sandbox, args: &[&str]) -> Output {
    let out = kassa(home, args).await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("embedded sandbox"),
        "{}",
        stderr(&out)
    );
    let data = home.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("sandbox.json"),
        format!(r#"{{"port": {}}}"#, sandbox.addr().port()),
    )
    .unwrap();
    let out = kassa(home, args).await;
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("--json prints JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payments_and_refunds_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let sandbox = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    let url = sandbox.base_url().to_string();
    let at = |args: &[&'static str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--sandbox", url.as_str()]);
        all.iter().map(|s| s.to_string()).collect::<Vec<String>>()
    };
    let run = |args: Vec<String>| {
        let home = home.path().to_path_buf();
        async move { kassa(&home, &args).await }
    };

    let created = json(
        &run(at(&[
            "payment",
            "create",
            "--amount",
            "12,50",
            "--description",
            "Koffie",
            "--reference",
            "CLI-1",
            "--json",
        ]))
        .await,
    );
    assert_eq!(created["status"], "PENDING");
    assert_eq!(created["amount"], 1250);
    let id = created["paymentId"].as_str().unwrap().to_string();
    // A sale of this till: in its journal, on the sandbox's books.
    let journal = kassa::journal::Journal::open(&home.path().join("data/journal.sqlite")).unwrap();
    let sale = journal.entry("CLI-1").await.unwrap().expect("journalled");
    assert_eq!(sale.payment_id.as_deref(), Some(id.as_str()));
    assert_eq!(sale.account.as_deref(), Some(kassa::journal::SANDBOX));

    let mut get = at(&["payment", "get"]);
    get.insert(2, id.clone());
    let shown = run(get.clone()).await;
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(text.contains("Waiting for scan (PENDING)"), "{text}");
    assert!(text.contains("€12.50") && text.contains("CLI-1"), "{text}");

    sandbox.confirm(&id, Money::from_cents(150)).unwrap();
    crate::support::wait_for_status(&sandbox, &id, PaymentStatus::Succeeded).await;
    let found = json(
        &run(at(&[
            "payment",
            "search",
            "--reference",
            "CLI-1",
            "--status",
            "succeeded",
            "--json",
        ]))
        .await,
    );
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["paymentId"], id.as_str());
    let table = stdout(&run(at(&["payment", "search"])).await);
    assert!(
        table.contains("Paid") && table.contains("€14.00"),
        "{table}"
    );

    // A refund, repeated with the same key: one refund.
    let mut refund = at(&[
        "refund",
        "create",
        "--amount",
        "2.50",
        "--idempotency-key",
        "cli-key-1",
        "--json",
        "--pin-stdin",
    ]);
    refund.insert(2, id.clone());
    let first = json(&run(refund.clone()).await);
    let again = json(&run(refund).await);
    assert_eq!(first["refundId"], again["refundId"]);
    assert_eq!(sandbox.refunds_of(&id).len(), 1);
    let mut get_refund = at(&["refund", "get", "--json"]);
    get_refund.insert(2, id.clone());
    get_refund.insert(3, first["refundId"].as_str().unwrap().to_string());
    assert_eq!(json(&run(get_refund).await)["amount"], 250);

    // More than is left: refused, explained, with the API's code for support.
    let mut too_much = at(&["refund", "create", "--amount", "50", "--pin-stdin"]);
    too_much.insert(2, id.clone());
    let out = run(too_much).await;
    assert!(!out.status.success());
    // Checked against the balance before anything is sent, as on the till's screen.
    assert!(
        stderr(&out).contains("can still be refunded"),
        "{}",
        stderr(&out)
    );

    // Cancel a new payment; the answer shows what the API says now.
    let other = json(&run(at(&["payment", "create", "--amount", "3", "--json"])).await);
    let other_id = other["paymentId"].as_str().unwrap().to_string();
    let mut cancel = at(&["payment", "cancel", "--pin-stdin"]);
    cancel.insert(2, other_id);
    let out = run(cancel).await;
    assert!(stdout(&out).contains("CANCELLED"), "{}", stdout(&out));

    // Unknown payment: the till's explanation and the API's code and trace id.
    let out = run(at(&["payment", "get", "000000000000000000000000"])).await;
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("Payconiq does not know this payment"), "{err}");
    assert!(
        err.contains("PAYMENT_NOT_FOUND") && err.contains("traceId"),
        "{err}"
    );

    // Bad input is refused before anything is sent.
    let before = sandbox.payments().len();
    for (args, says) in [
        (
            vec!["payment", "create", "--amount", "12.345"],
            "two decimals",
        ),
        (vec!["payment", "create", "--amount", "0"], "at least"),
        (vec!["payment", "create", "--amount", "12,5x"], "amount"),
        (
            vec!["payment", "search", "--status", "PAYED"],
            "not a payment status",
        ),
        (
            vec!["payment", "search", "--from", "yesterday"],
            "not a date",
        ),
    ] {
        let out = run(at(&args)).await;
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(sandbox.payments().len(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payouts_as_a_table_csv_and_json() {
    let home = tempfile::tempdir().unwrap();
    let sandbox = crate::support::sandbox_with(SandboxConfig {
        demo_days: 5,
        ..SandboxConfig::for_tests()
    })
    .await;
    let url = sandbox.base_url();
    let out = kassa(home.path(), &["payouts", "--csv", "--sandbox", url]).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("payout_id,payout_date"));
    assert!(lines.count() >= 3, "{csv}");
    let list = json(&kassa(home.path(), &["payouts", "--json", "--sandbox", url]).await);
    assert!(list.as_array().unwrap().len() >= 3);
    let table = stdout(&kassa(home.path(), &["payouts", "--sandbox", url]).await);
    assert!(
        table.contains("Paid out") && table.contains("paid out"),
        "{table}"
    );

    // A period that would be a call per day for a century, one before Payconiq, one in the
    // future, and no date at all: each refused at once, no call made.
    let requests = sandbox.requests().len();
    for (args, says) in [
        (&["--from", "2020-01-01"][..], "is too long"),
        (
            &["--from", "1900-01-01"][..],
            "paid nothing out before 2014",
        ),
        (&["--from=-0001-01-01"][..], "paid nothing out before 2014"),
        (&["--from", "2026-02-30"][..], "is not a date"),
        (&["--to", "2999-01-01"][..], "ends after today"),
    ] {
        let mut all = vec!["payouts", "--sandbox", url];
        all.extend_from_slice(args);
        let out = kassa(home.path(), &all).await;
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(sandbox.requests().len(), requests, "no call made");

    // The sandbox is on this machine only: another host is refused, named for what it is.
    for other in ["https://sandbox.example.com", "http://192.168.1.20:8080"] {
        let out = kassa(home.path(), &["payouts", "--sandbox", other]).await;
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains(&format!("--sandbox names a sandbox on this computer (http://127.0.0.1:PORT or localhost), not {other}")),
            "{}",
            stderr(&out)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tills_own_sandbox_is_used_while_the_till_runs() {
    let home = tempfile::tempdir().unwrap();
    let sandbox: Sandbox = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    let p = crate::support::charge_in(&sandbox, 700).await;

    // No settings: the embedded sandbox, used while the till runs.
    let out = through_the_tills_sandbox(home.path(), &sandbox, &["payment", "get", &p]).await;
    assert!(stdout(&out).contains("€7.00"));

    // A sandbox URL that is not this machine is refused (the sandbox is this machine's).
    let out = kassa(
        home.path(),
        &[
            "payment",
            "get",
            &p,
            "--sandbox",
            "http://sandbox.example.com:8080",
        ],
    )
    .await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("--sandbox names a sandbox on this computer"),
        "{}",
        stderr(&out)
    );
}

/// `kassa report x` as one line (the paper's width wraps it).
async fn x_report(home: &Path) -> String {
    let out = kassa(home, &["report", "x"]).await;
    stdout(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The customer's account as a refund file (`--account`), of this account type; the path, kept
/// for the test's life.
fn account_file(home: &Path, account_type: &str) -> &'static str {
    let path = home.join(format!("account-{account_type}.toml"));
    std::fs::write(
        &path,
        format!(
            "beneficiary = \"Jan Peeters\"\nbank_code = 101\nbranch = \"0001\"\n\
             account_number = \"12345678\"\naccount_type = \"{account_type}\"\n\
             document_id = \"ID-778899\"\n"
        ),
    )
    .unwrap();
    Box::leak(path.display().to_string().into_boxed_str())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn d24_refunds_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let sandbox = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    let url = sandbox.base_url().to_string();
    let run = |args: &[&str]| {
        let mut all: Vec<&str> = vec!["d24", "--sandbox", url.as_str()];
        all.extend(args);
        let all: Vec<String> = all.iter().map(|s| s.to_string()).collect();
        let home = home.path().to_path_buf();
        async move { kassa(&home, &all).await }
    };
    let bank = ["--account", account_file(home.path(), "checking")];
    let deposit_4 = [
        "refund",
        "--pin-stdin",
        "--deposit",
        "300000004",
        "--invoice",
        "KASSA-D24-0004",
    ];
    let bank_refund = |amount: &'static str, key: &'static str| {
        let mut args = deposit_4.to_vec();
        args.extend(["--amount", amount, "--idempotency-key", key]);
        args.extend(bank);
        args
    };

    // A card deposit, refunded whole: done at once.
    let out = run(&[
        "refund",
        "--pin-stdin",
        "--deposit",
        "300000001",
        "--invoice",
        "KASSA-D24-0001",
    ])
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Completed: the money went back"), "{text}");
    assert!(text.contains("€45.00"), "{text}");
    assert!(text.contains("Idempotency key: "), "{text}");
    assert_eq!(crate::support::d24_left(&sandbox, 300000001).await, "0.00");

    // Part of a bank-transfer deposit; asked twice with one key, refunded once.
    let first = json(&run(&[&bank_refund("30,00", "cli-d24-1")[..], &["--json"]].concat()).await);
    let again = json(&run(&[&bank_refund("30,00", "cli-d24-1")[..], &["--json"]].concat()).await);
    assert_eq!(first["refund_id"], again["refund_id"]);
    assert_eq!(crate::support::d24_left(&sandbox, 300000004).await, "90.00");

    // More than is left: D24's 802 in words, nothing refunded.
    let out = run(&bank_refund("100", "cli-d24-2")).await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("more than is left of the deposit"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("802"), "{}", stderr(&out));
    assert_eq!(crate::support::d24_left(&sandbox, 300000004).await, "90.00");

    // Refused before anything is sent: an amount without the bank account it needs, an
    // unknown account type, three decimals in euros.
    let out = run(&[&deposit_4[..], &["--amount", "5"]].concat()).await;
    assert!(
        stderr(&out).contains("needs the customer's bank account"),
        "{}",
        stderr(&out)
    );
    let mut current = deposit_4.to_vec();
    current.extend(["--amount", "5", "--idempotency-key", "cli-d24-3"]);
    current.extend(["--account", account_file(home.path(), "current")]);
    let out = run(&current).await;
    assert!(
        stderr(&out).contains("'current' is not an account type"),
        "{}",
        stderr(&out)
    );
    let out = run(&bank_refund("1.234", "cli-d24-4")).await;
    assert!(
        stderr(&out).contains("Check this field: Amount."),
        "{}",
        stderr(&out)
    );
    assert_eq!(crate::support::d24_left(&sandbox, 300000004).await, "90.00");

    // The status, readable and as JSON; an id D24 does not know.
    let id = first["refund_id"].as_str().unwrap().to_string();
    let out = run(&["status", &id]).await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("€30.00"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("Deposit 300000004 · invoice KASSA-D24-0004"),
        "{}",
        stdout(&out)
    );
    let state = json(&run(&["status", &id, "--json"]).await);
    assert_eq!(state["deposit_id"], 300000004);
    assert_eq!(state["amount"], "30.00");
    let out = run(&["status", "424242"]).await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("D24 knows no refund with id 424242"),
        "{}",
        stderr(&out)
    );

    // The X report lists it once, amount and currency as D24 writes them.
    let flat = x_report(home.path()).await;
    // With the status `d24 status` last read (it is journalled).
    let seen = state["status"].as_str().unwrap();
    assert!(
        flat.contains(&format!("D24 refund, deposit 300000004: 30.00 EUR, {seen}")),
        "{seen}: {flat}"
    );
    assert!(!flat.contains("EUR EUR"), "{flat}");

    // The bank turns another down; what `d24 status` reads is journalled, the report follows.
    let made = json(&run(&[&bank_refund("5", "cli-d24-5")[..], &["--json"]].concat()).await);
    let other = made["refund_id"].as_str().unwrap().to_string();
    let rejected = kassa::sandbox::testing::control_client()
        .post(format!("{url}/sandbox/d24/refunds/{other}/reject"))
        .send()
        .await
        .unwrap();
    assert!(rejected.status().is_success(), "{}", rejected.status());
    let out = run(&["status", &other]).await;
    assert!(stdout(&out).starts_with("Rejected:"), "{}", stdout(&out));
    let flat = x_report(home.path()).await;
    assert!(
        flat.contains("D24 refund, deposit 300000004: 5.00 EUR, REJECTED"),
        "{flat}"
    );

    // Without --sandbox: the till's D24 account, here its embedded sandbox while it runs.
    let out = through_the_tills_sandbox(home.path(), &sandbox, &["d24", "status", &id]).await;
    assert!(stdout(&out).contains("€30.00"), "{}", stdout(&out));

    // The port a till left behind when it closed answers nothing: said as such.
    let (_held, port) = kassa::sandbox::testing::closed_port();
    std::fs::write(
        home.path().join("data").join("sandbox.json"),
        format!(r#"{{"port": {port}}}"#),
    )
    .unwrap();
    let out = kassa(home.path(), &["d24", "status", &id]).await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("embedded sandbox"),
        "{}",
        stderr(&out)
    );
}

/// `kassa d24 refund` never has the customer's name, account or ID document number on its
/// command line, where `ps` shows them to every local user and the shell keeps them: the old
/// flags are refused before anything is sent, and the refund is made from an account file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn d24_customer_data_never_reaches_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let sandbox = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    let url = sandbox.base_url().to_string();
    let refund = |extra: &[&str]| {
        let mut args = vec![
            "d24",
            "--sandbox",
            &url,
            "refund",
            "--pin-stdin",
            "--deposit",
            "300000004",
            "--invoice",
            "KASSA-D24-0004",
            "--amount",
            "10",
        ];
        args.extend_from_slice(extra);
        args.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let personal = ["Jan Peeters", "12345678", "ID-778899"];

    // The flags earlier versions took: refused, with where to give the account instead.
    for flag in [
        "--beneficiary",
        "--account-number",
        "--document-id",
        "--bank-code",
    ] {
        let out = kassa(home.path(), &refund(&[flag, "x"])).await;
        assert!(!out.status.success(), "{flag}");
        assert!(
            stderr(&out).contains("not taken from the command line")
                && stderr(&out).contains("--account FILE"),
            "{flag}: {}",
            stderr(&out)
        );
    }
    // Asked on a terminal, with the PIN (not the first line of standard input, which the
    // questions read); a pipe is not a terminal.
    let args = refund(&["--account-prompt"]);
    let out = kassa(home.path(), &args).await;
    assert!(
        stderr(&out).contains("'--pin-stdin' cannot be used with '--account-prompt'"),
        "{}",
        stderr(&out)
    );
    let args: Vec<String> = args.into_iter().filter(|a| a != "--pin-stdin").collect();
    let out = kassa(home.path(), &args).await;
    assert!(
        stderr(&out).contains("standard input is not one"),
        "{}",
        stderr(&out)
    );
    // A device is not an account file.
    let out = kassa(home.path(), &refund(&["--account", "/dev/zero"])).await;
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        crate::support::d24_left(&sandbox, 300000004).await,
        "120.00",
        "nothing sent"
    );

    // From a file: refunded, with the customer's account nowhere on the command line (it
    // names the file only).
    let file = account_file(home.path(), "checking");
    let args = refund(&["--account", file, "--idempotency-key", "argv-1"]);
    assert!(personal.iter().all(|d| !args.iter().any(|a| a.contains(d))));
    let out = kassa(home.path(), &args).await;
    assert!(out.status.success(), "{}", stderr(&out));
    // The same key with another amount: refused, not answered with the first refund.
    let mut other = args.clone();
    let at = other.iter().position(|a| a == "10").unwrap();
    other[at] = "11".into();
    let out = kassa(home.path(), &other).await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("asked with another amount"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        crate::support::d24_left(&sandbox, 300000004).await,
        "110.00"
    );
}
