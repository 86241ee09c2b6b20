//! The crash drill: a child process rings up sales against the sandbox with the real client and
//! journal, and is killed with SIGKILL at random points, hundreds of times, across create, poll
//! and cancel. After each kill the journal and the sandbox must agree: every payment the sandbox
//! made is in the journal (the sale was committed before its create left), and no sale was
//! created twice. Every few kills, and at the end, a restart settles every open sale and the two
//! must agree on every payment's final status.
//!
//! The child is this test binary again (`crash_child`, run only with `KASSA_CRASH_CHILD` set).

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use kassa_core::money::Money;
use kassa_core::payconiq::model::PaymentStatus;
use kassa_core::payconiq::{Account, AuthMode, Client, Environment, Secret};
use kassa_ledger::journal::{Event, Journal};
use kassa_ledger::sale::{self, Sale};
use kassa_sandbox::SandboxConfig;

const KILLS: usize = 200;
/// The drill's look-up window: the process that sent a create is dead and the sandbox is local
/// (it answers within the 40 ms latency injected below), so a create not found a second after it
/// was sent was never made.
const WINDOW: time::Duration = time::Duration::seconds(1);

fn child(journal: &std::path::Path, base: &str, settle: bool) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "crash::crash_child",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("KASSA_CRASH_CHILD", "1")
    .env("KASSA_CRASH_JOURNAL", journal)
    .env("KASSA_CRASH_SANDBOX", base)
    .env("KASSA_CRASH_SETTLE", if settle { "1" } else { "" })
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    cmd
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_points_the_journal_and_the_sandbox_still_agree() {
    let dir = tempfile::tempdir().unwrap();
    let journal_path = dir.path().join("journal.sqlite");
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let base = sandbox.base_url().to_string();
    // A create takes a while at the provider, as it does for real: kills land while it is in
    // flight, before it is processed or after it was processed but not answered.
    for (endpoint, ms) in [("create", 40), ("cancel", 25)] {
        sandbox.inject(kassa_sandbox::Fault::new(
            endpoint,
            kassa_sandbox::FaultKind::Latency { ms },
            None,
        ));
    }
    let mut phases: HashMap<String, usize> = HashMap::new();
    for kill in 0..KILLS {
        let mut c = child(&journal_path, &base, false).spawn().unwrap();
        // Uniform over a few sales' worth of work, so kills land in every phase.
        let wait = 80 + rand::random::<u64>() % 500;
        tokio::time::sleep(Duration::from_millis(wait)).await;
        c.kill().unwrap(); // SIGKILL
        c.wait().unwrap();
        let mut out = String::new();
        c.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        // libtest prints "test crash_child ... " before the child's first line.
        let last = out.lines().last().unwrap_or_default();
        let phase = match last.rsplit_once("... ") {
            Some((_, p)) => p,
            None => last,
        };
        let phase = if phase.trim().is_empty() {
            "starting"
        } else {
            phase.trim()
        }
        .to_string();
        *phases.entry(phase).or_default() += 1;
        check_consistent(&sandbox, &journal_path).await;
        if kill % 25 == 24 {
            settle_and_check(&sandbox, &journal_path, &base).await;
        }
    }
    settle_and_check(&sandbox, &journal_path, &base).await;
    eprintln!("kills by phase: {phases:?}");
    assert!(phases.values().sum::<usize>() == KILLS);
    for phase in ["create", "poll", "cancel"] {
        assert!(
            phases.get(phase).copied().unwrap_or(0) >= 5,
            "too few kills during {phase}: {phases:?}"
        );
    }
    let made = sandbox.payments().len();
    eprintln!("payments made: {made}");
    assert!(made >= 50, "the drill made only {made} payments");
}

/// What must hold at any instant, even right after a kill.
async fn check_consistent(sandbox: &kassa_sandbox::Sandbox, journal_path: &std::path::Path) {
    let journal = Journal::open(journal_path).expect("the journal opens after a kill");
    let entries = journal
        .entries_since(time::OffsetDateTime::UNIX_EPOCH)
        .await
        .unwrap();
    let references: HashSet<_> = entries.iter().map(|e| e.reference.clone()).collect();
    let mut seen = HashSet::new();
    for p in sandbox.payments() {
        let r = p
            .reference
            .clone()
            .expect("every drill payment has a reference");
        assert!(
            references.contains(&r),
            "payment {} missing from the journal",
            p.payment_id
        );
        assert!(seen.insert(r.clone()), "sale {r} was created twice");
    }
}

/// A restart that settles every open sale; then journal and sandbox agree on every status.
async fn settle_and_check(
    sandbox: &kassa_sandbox::Sandbox,
    journal_path: &std::path::Path,
    base: &str,
) {
    let status = child(journal_path, base, true)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the settling restart failed");
    check_consistent(sandbox, journal_path).await;
    let journal = Journal::open(journal_path).unwrap();
    assert!(
        journal.open_entries().await.unwrap().is_empty(),
        "every open sale is resolved"
    );
    let by_reference: HashMap<_, _> = sandbox
        .payments()
        .into_iter()
        .map(|p| (p.reference.clone().unwrap(), p))
        .collect();
    for e in journal
        .entries_since(time::OffsetDateTime::UNIX_EPOCH)
        .await
        .unwrap()
    {
        match (&e.last, by_reference.get(&e.reference)) {
            (Some((_, Event::NotCreated { .. })), None) => {}
            (Some((_, Event::NotCreated { .. })), Some(p)) => {
                panic!(
                    "{} recorded as not created, but exists as {}",
                    e.reference, p.payment_id
                )
            }
            (_, Some(p)) => {
                assert_eq!(e.payment_id.as_deref(), Some(p.payment_id.as_str()));
                assert_eq!(e.status(), Some(&p.status), "sale {}", e.reference);
                assert!(p.status.is_final());
            }
            (last, None) => panic!(
                "{} is {last:?} in the journal but unknown to the sandbox",
                e.reference
            ),
        }
    }
}

/// The till process of the drill. Prints the phase it enters on stdout, so the parent knows
/// where each kill landed.
#[tokio::test]
#[ignore = "run by the crash drill as its child process"]
async fn crash_child() {
    if std::env::var_os("KASSA_CRASH_CHILD").is_none() {
        return;
    }
    let journal_path = std::env::var("KASSA_CRASH_JOURNAL").unwrap();
    let base = std::env::var("KASSA_CRASH_SANDBOX").unwrap();
    let settle = std::env::var("KASSA_CRASH_SETTLE").is_ok_and(|v| v == "1");
    let journal = Journal::open(std::path::Path::new(&journal_path)).unwrap();
    let cfg = SandboxConfig::default();
    let client = Client::new(
        Account {
            environment: Environment::sandbox(&base),
            merchant_id: cfg.merchant_id.clone(),
            profile_id: cfg.profile_id.clone(),
            payment_auth: AuthMode::ApiKey,
            api_key: Some(Secret::new(cfg.api_key.clone())),
            signing_key: None,
        },
        kassa_sandbox::testing::quick_options(),
    )
    .unwrap();
    let phase = |p: &str| {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{p}");
        let _ = out.flush();
    };

    // Recovery, as the till does at start: look every open sale up, and finish live ones.
    phase("recover");
    for entry in journal.open_entries().await.unwrap() {
        if let kassa_ledger::recovery::Resolution::Found(p) =
            kassa_ledger::recovery::resolve(&client, &journal, &entry, WINDOW).await
            && !p.status.is_final()
        {
            finish(&client, &journal, &p.payment_id, &phase).await;
        }
    }
    if settle {
        return;
    }
    let http = kassa_sandbox::testing::control_client();
    loop {
        let cents = 100 + rand::random::<i64>().rem_euclid(9_900);
        let sale = Sale {
            amount: Money::from_cents(cents),
            description: Some("Crash drill".into()),
            reference: sale::till_reference(),
            callback_url: None,
            mode: kassa_ledger::sale::PayMode::Dynamic,
            pos_id: "POS00001".into(),
            shop_id: None,
            shop_name: None,
        };
        phase("create");
        let Ok(p) = sale::create_recorded(&client, &journal, sale).await else {
            continue;
        };
        phase("poll");
        for _ in 0..3 {
            let now = client.get_payment(&p.payment_id).await.unwrap();
            journal.record_status(&now).await.unwrap();
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        // The customer scans, then pays or not; or the cashier cancels.
        match rand::random::<u8>() % 3 {
            0 => {
                let _ = http
                    .post(format!("{base}/sandbox/payments/{}/confirm", p.payment_id))
                    .json(&serde_json::json!({}))
                    .send()
                    .await;
                phase("poll");
                loop {
                    let now = client.get_payment(&p.payment_id).await.unwrap();
                    journal.record_status(&now).await.unwrap();
                    if now.status.is_final() {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
            1 => {
                let _ = http
                    .post(format!("{base}/sandbox/payments/{}/scan", p.payment_id))
                    .send()
                    .await;
                finish(&client, &journal, &p.payment_id, &phase).await;
            }
            _ => finish(&client, &journal, &p.payment_id, &phase).await,
        }
    }
}

/// Cancels a live payment and records how it ended (it may have been paid meanwhile).
async fn finish(client: &Client, journal: &Journal, id: &str, phase: &impl Fn(&str)) {
    phase("cancel");
    loop {
        let _ = client.cancel_payment(id).await;
        let now = client.get_payment(id).await.unwrap();
        journal.record_status(&now).await.unwrap();
        match now.status {
            s if s.is_final() => return,
            PaymentStatus::Authorized | PaymentStatus::PendingMerchantAcknowledgement => {
                tokio::time::sleep(Duration::from_millis(20)).await
            }
            _ => {}
        }
    }
}
