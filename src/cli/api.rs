//! `kassa payment|refund|payouts`: what the API says, for integrators and support, with the
//! till's own account (settings and keychain) or a sandbox given by URL. Readable by default,
//! JSON with `--json`; errors explained as on the till's screen.

use clap::{Args, Subcommand};
use time::{Date, OffsetDateTime};

use crate::config::Settings;
use crate::explain::Explain;
use crate::fl;
use crate::i18n;
use crate::journal::{AuditAction, Door, Journal};
use crate::money::Money;
use crate::payconiq::jws::SigningKey;
use crate::payconiq::model::{PaymentStatus, SearchCriteria};
use crate::payconiq::reconciliation::{format_date, parse_date};
use crate::payconiq::{
    Account, AuthMode, Client, ClientOptions, Environment, EnvironmentKind, Error, Secret,
};
use crate::refund::RefundError;
use crate::secrets::OsKeychain;
use crate::words::{self, money_problem};

use super::show::{payment_text, payments_table, payouts_table, refund_text};

/// Where the API calls go, and how answers are printed.
#[derive(Args, Debug, Clone, Default)]
pub struct Connect {
    /// A running sandbox (`kassa sandbox`) to ask instead of the till's account, e.g.
    /// http://127.0.0.1:8085.
    #[arg(long, global = true)]
    pub sandbox: Option<String>,
    /// Print the API's answer as JSON.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum PaymentCommand {
    /// Create a payment (instore; with --pos-id, for the shop's sticker).
    Create {
        /// The amount, e.g. 12.50 or 12,50.
        #[arg(long)]
        amount: String,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        reference: Option<String>,
        #[arg(long)]
        callback_url: Option<String>,
        /// Create it for the sticker with this POS id.
        #[arg(long)]
        pos_id: Option<String>,
    },
    /// Show one payment as the API has it now.
    Get { payment_id: String },
    /// Cancel a payment that is still waiting (or void one waiting for acknowledgement); asks
    /// the manager PIN.
    Cancel {
        payment_id: String,
        #[command(flatten)]
        pin: super::pin::PinArgs,
    },
    /// List payments created in a period (default: the last 24 hours).
    Search {
        /// From (YYYY-MM-DD, local midnight, or an RFC 3339 time).
        #[arg(long)]
        from: Option<String>,
        /// To (YYYY-MM-DD, the end of that local day, or an RFC 3339 time).
        #[arg(long)]
        to: Option<String>,
        /// Only this status (repeatable), e.g. SUCCEEDED.
        #[arg(long)]
        status: Vec<String>,
        #[arg(long)]
        reference: Option<String>,
        /// At most this many.
        #[arg(long, default_value_t = 200)]
        limit: usize,
    },
}

#[derive(Subcommand, Debug)]
pub enum RefundCommand {
    /// Refund (part of) a paid payment. Repeating with the same --idempotency-key never
    /// refunds twice.
    Create {
        payment_id: String,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        description: Option<String>,
        /// Defaults to a new random key. The key is printed as soon as the journal holds the
        /// request, before it leaves: run the command again with it after a lost answer (or a
        /// Ctrl-C) and the refund is never made twice.
        #[arg(long)]
        idempotency_key: Option<String>,
        #[command(flatten)]
        pin: super::pin::PinArgs,
    },
    /// Show one refund.
    Get {
        payment_id: String,
        refund_id: String,
    },
}

type Outcome = Result<String, String>;

/// A client for the sandbox at `url`, or for the till's account.
pub async fn client(connect: &Connect) -> Result<Client, String> {
    match &connect.sandbox {
        Some(url) => sandbox_client(url).await,
        None => till_client().await,
    }
}

/// The till's journal (money moved from the command line is recorded there, as at the till).
pub(super) fn till_journal() -> Result<Journal, String> {
    let path = crate::config::journal_path().ok_or_else(|| fl!("app-no-data-dir"))?;
    Journal::open(&path).map_err(|e| e.explain())
}

/// Prints a refund's Idempotency-Key at once, on standard error, before the request leaves.
pub(super) fn announce_key(key: &str) {
    super::show::note(&fl!("cli-api-refund-key", key = key.to_string()));
}

/// The till's settings, as Kassa would start with them.
pub(super) fn till_settings() -> Result<Settings, String> {
    match Settings::default_path() {
        Some(path) => Settings::load(&path),
        None => Ok(Settings::default()),
    }
}

/// The address of the till's embedded sandbox, which is there only while Kassa is open.
pub(super) fn till_sandbox_url() -> Result<String, String> {
    let port = crate::config::data_dir()
        .and_then(|dir| std::fs::read(dir.join("sandbox.json")).ok())
        .and_then(|bytes| serde_json::from_slice::<SavedPort>(&bytes).ok())
        .map(|s| s.port)
        .ok_or_else(|| fl!("cli-api-no-sandbox"))?;
    Ok(format!("http://127.0.0.1:{port}"))
}

/// The till's account from its settings and the OS keychain; in sandbox mode, the till's
/// embedded sandbox while the till runs.
async fn till_client() -> Result<Client, String> {
    let settings = till_settings()?;
    if settings.environment == EnvironmentKind::Sandbox {
        return sandbox_client(&till_sandbox_url()?)
            .await
            .map_err(|_| fl!("cli-api-no-sandbox"));
    }
    // Keychain reads may block (D-Bus, an unlock prompt).
    tokio::task::spawn_blocking(move || {
        crate::services::Services::account(&settings, &OsKeychain::new()).map(|s| s.client)
    })
    .await
    .map_err(|e| e.to_string())?
}

#[derive(serde::Deserialize)]
struct SavedPort {
    port: u16,
}

/// What a running sandbox says about itself (`GET /sandbox`).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SandboxInfo {
    api_base: String,
    merchant_id: String,
    profile_id: String,
    api_key: String,
    pub d24: D24Info,
}

/// The sandbox's D24 account.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct D24Info {
    pub base_url: String,
    pub login: String,
    pub secret_key: String,
}

/// No sandbox answered at `base`, and why.
fn unreachable(base: &str, detail: String) -> String {
    fl!("cli-api-sandbox-unreachable", url = base, detail = detail)
}

/// Asks the sandbox at `url` what it is; with the HTTP client that asked.
pub(super) async fn sandbox_info(url: &str) -> Result<(SandboxInfo, reqwest::Client), String> {
    let base = url.trim_end_matches('/');
    // The sandbox is on this machine, and nowhere else (its API key is no secret).
    let on_this_machine = url::Url::parse(base).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && crate::payconiq::environment::is_loopback(&u)
    });
    if !on_this_machine {
        return Err(fl!("cli-sandbox-not-here", url = base.to_string()));
    }
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| unreachable(base, e.to_string()))?;
    let info: SandboxInfo = http
        .get(format!("{base}/sandbox"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| unreachable(base, e.to_string()))?
        .json()
        .await
        .map_err(|e| unreachable(base, e.to_string()))?;
    Ok((info, http))
}

/// A client for a running sandbox: its ids and API key from `/sandbox`, and a new signing key
/// added to the ones it accepts (refunds and reconciliation are signed).
async fn sandbox_client(url: &str) -> Result<Client, String> {
    let (info, http) = sandbox_info(url).await?;
    let base = url.trim_end_matches('/');
    let kid = format!(
        "kassa-cli-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let key = SigningKey::generate(kid).map_err(|e| e.to_string())?;
    http.post(format!("{base}/sandbox/merchant/jwks"))
        .header(crate::sandbox::guard::CONTROL_HEADER, "1")
        .body(key.public_jwks().to_string())
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| unreachable(base, e.to_string()))?;
    let account = Account {
        environment: Environment::sandbox(&info.api_base),
        merchant_id: info.merchant_id,
        profile_id: info.profile_id,
        payment_auth: AuthMode::ApiKey,
        api_key: Some(Secret::new(info.api_key)),
        signing_key: Some(key),
    };
    Client::new(account, ClientOptions::default()).map_err(|e| e.to_string())
}

/// An API error as the till explains it, with what support needs (status, code, traceId).
fn failed(e: &Error) -> String {
    format!("{}\n  ({e})", e.explain())
}

fn amount(text: &str) -> Result<Money, String> {
    Money::parse(text).map_err(|e| money_problem(&e, i18n::current_language()))
}

/// The API's answer as JSON with `--json`, else as `text` makes it readable.
pub(super) fn answer<T: serde::Serialize>(
    connect: &Connect,
    value: &T,
    text: impl FnOnce(&T) -> String,
) -> String {
    if connect.json {
        serde_json::to_string_pretty(value).unwrap_or_default()
    } else {
        text(value)
    }
}

pub async fn payment(command: PaymentCommand, connect: &Connect) -> Outcome {
    // Refused input is explained before any connection is made.
    if let PaymentCommand::Create { amount: a, .. } = &command {
        amount(a)?;
    }
    let client = client(connect).await?;
    match command {
        PaymentCommand::Create {
            amount: a,
            description,
            reference,
            callback_url,
            pos_id,
        } => {
            // A payment made here is a sale of this till, in its journal and books like one
            // rung up at the counter (the till follows it from there).
            let sale = crate::sale::Sale {
                amount: amount(&a)?,
                description,
                reference: reference.unwrap_or_else(crate::sale::till_reference),
                callback_url,
                mode: if pos_id.is_some() {
                    crate::config::PayMode::Sticker
                } else {
                    crate::config::PayMode::Dynamic
                },
                pos_id: pos_id.unwrap_or_default(),
                shop_id: None,
                shop_name: None,
            };
            let journal = till_journal()?;
            let created = crate::sale::create_recorded(&client, &journal, sale)
                .await
                .map_err(|e| match e {
                    crate::sale::CreateError::Journal(j) => j.explain(),
                    crate::sale::CreateError::NotCreated(e) => failed(&e),
                    crate::sale::CreateError::Unknown(e) => {
                        format!("{}\n{}", failed(&e), fl!("cli-api-create-unknown"))
                    }
                })?;
            Ok(answer(connect, &created, payment_text))
        }
        PaymentCommand::Get { payment_id } => {
            let p = client
                .get_payment(&payment_id)
                .await
                .map_err(|e| failed(&e))?;
            // What it says now goes to the journal when it is this till's sale.
            if let Ok(journal) = till_journal()
                && let Err(e) = journal.record_status(&p).await
            {
                tracing::warn!(error = %e, "status not journalled");
            }
            Ok(answer(connect, &p, payment_text))
        }
        PaymentCommand::Cancel { payment_id, pin } => {
            let (settings, journal) = (till_settings()?, till_journal()?);
            super::pin::ask(&settings, &journal, &pin).await?;
            // Audited as asked before it leaves, and its outcome after: a cancel that timed
            // out but happened leaves a trace.
            let action = AuditAction::Cancel {
                payment_id: payment_id.clone(),
            };
            journal
                .audit_from(action.clone(), Door::CommandLine)
                .await
                .map_err(|e| e.explain())?;
            let outcome = client.cancel_payment(&payment_id).await;
            let _ = journal
                .audit_from(
                    AuditAction::Outcome {
                        action: Box::new(action),
                        outcome: match &outcome {
                            Ok(()) => "done".into(),
                            Err(e) => e.to_string(),
                        },
                    },
                    Door::CommandLine,
                )
                .await;
            outcome.map_err(|e| failed(&e))?;
            // What it is now, as the API says (a cancel answers with nothing).
            let p = client
                .get_payment(&payment_id)
                .await
                .map_err(|e| failed(&e))?;
            Ok(answer(connect, &p, |p| {
                format!(
                    "{}\n\n{}",
                    fl!("cli-api-cancelled", id = payment_id.clone()),
                    payment_text(p)
                )
            }))
        }
        PaymentCommand::Search {
            from,
            to,
            status,
            reference,
            limit,
        } => {
            let now = OffsetDateTime::now_utc();
            let from = match from {
                Some(t) => moment(&t, false)?,
                None => now - time::Duration::days(1),
            };
            let to = match to {
                Some(t) => moment(&t, true)?,
                None => now,
            };
            if from > to {
                return Err(fl!("cli-api-bad-period"));
            }
            let statuses = status
                .iter()
                .map(
                    |s| match PaymentStatus::parse(&s.trim().to_ascii_uppercase()) {
                        PaymentStatus::Other(_) => Err(fl!(
                            "cli-api-bad-status",
                            status = s.clone(),
                            known = PaymentStatus::KNOWN
                                .map(|k| k.as_str().to_string())
                                .join(", ")
                        )),
                        known => Ok(known),
                    },
                )
                .collect::<Result<Vec<_>, _>>()?;
            let criteria = SearchCriteria {
                from: Some(from),
                to: Some(to),
                payment_statuses: (!statuses.is_empty()).then_some(statuses),
                reference,
            };
            let found = client
                .search_all(&criteria, limit.max(1))
                .await
                .map_err(|e| failed(&e))?;
            Ok(answer(connect, &found, |f| payments_table(f)))
        }
    }
}

pub async fn refund(command: RefundCommand, connect: &Connect) -> Outcome {
    if let RefundCommand::Create { amount: a, .. } = &command {
        amount(a)?;
    }
    let client = client(connect).await?;
    match command {
        RefundCommand::Create {
            payment_id,
            amount: a,
            description,
            idempotency_key,
            pin,
        } => {
            let amount = amount(&a)?;
            let (settings, journal) = (till_settings()?, till_journal()?);
            super::pin::ask(&settings, &journal, &pin).await?;
            let explain = |e: crate::journal::JournalError| e.explain();
            let known = match &idempotency_key {
                Some(key) => journal.refund_by_key(key).await.map_err(explain)?,
                None => None,
            };
            let audit = AuditAction::Refund {
                payment_id: payment_id.clone(),
                amount,
            };
            let outcome = match known {
                // The journal holds this request: it goes again with its key (never a
                // second refund), and only as it was first asked.
                Some(entry) => {
                    if entry.payment_id != payment_id || entry.amount != amount {
                        return Err(fl!(
                            "cli-api-refund-key-other",
                            key = entry.key.clone(),
                            payment = entry.payment_id.clone(),
                            amount = entry.amount.to_decimal_string()
                        ));
                    }
                    announce_key(&entry.key);
                    crate::refund::resume(&client, &journal, &entry).await
                }
                None => {
                    let payment = client
                        .get_payment(&payment_id)
                        .await
                        .map_err(|e| failed(&e))?;
                    let refunds = journal.refunds_for(&payment_id).await.map_err(explain)?;
                    journal
                        .audit_from(audit.clone(), Door::CommandLine)
                        .await
                        .map_err(explain)?;
                    let key = idempotency_key.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
                    crate::refund::request_keyed(
                        &client,
                        &journal,
                        &payment,
                        &refunds,
                        amount,
                        description,
                        key,
                        |request| announce_key(&request.key),
                    )
                    .await
                }
            };
            let refund = outcome.map_err(|e| match e {
                RefundError::Refused(r) => words::refusal(&r, i18n::current_language()),
                RefundError::Journal(e) => e.explain(),
                RefundError::Api(e) => failed(&e),
                RefundError::InFlight => fl!("refund-in-flight"),
                RefundError::CheckByHand { .. } => fl!("refund-check-by-hand"),
                // The key was printed before the request left.
                RefundError::Unknown { key, error } => format!(
                    "{}\n{}",
                    failed(&error),
                    fl!("cli-api-refund-key", key = key)
                ),
            })?;
            Ok(answer(connect, &refund, refund_text))
        }
        RefundCommand::Get {
            payment_id,
            refund_id,
        } => {
            let refund = client
                .get_refund(&payment_id, &refund_id)
                .await
                .map_err(|e| failed(&e))?;
            Ok(answer(connect, &refund, refund_text))
        }
    }
}

pub async fn payouts(
    from: Option<String>,
    to: Option<String>,
    csv: bool,
    connect: &Connect,
) -> Outcome {
    let today = crate::clock::today_start().date();
    let day = |text: Option<String>, default: Date| match text {
        Some(t) => parse_date(t.trim()).ok_or_else(|| fl!("cli-api-bad-date", date = t)),
        None => Ok(default),
    };
    let end = day(to, today)?;
    let start = day(from, end - time::Duration::days(6))?;
    if start > end {
        return Err(fl!("cli-api-bad-period"));
    }
    if let Some(problem) = crate::payouts::period_problem(start, end, today) {
        return Err(crate::words::period_problem(problem));
    }
    let client = client(connect).await?;
    // Progress on a terminal: a long period is many calls.
    let found = crate::payouts::payouts_between(&client, start, end, 4, |done, total| {
        if total > 8 {
            super::show::progress(
                &fl!("cli-payouts-progress", done = done, total = total),
                done == total,
            );
        }
    })
    .await
    .map_err(|e| failed(&e))?;
    Ok(answer(connect, &found, |found| {
        if csv {
            crate::payouts::payouts_csv(found)
        } else {
            payouts_table(found, start, end)
        }
    }))
}

/// A date (local midnight, or the end of that local day) or an RFC 3339 moment.
fn moment(text: &str, end_of_day: bool) -> Result<OffsetDateTime, String> {
    let text = text.trim();
    if let Ok(at) = OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339) {
        return Ok(at);
    }
    let start = crate::clock::day_start_of(text, &crate::clock::zone())
        .ok_or_else(|| fl!("cli-api-bad-date", date = text))?;
    Ok(if end_of_day {
        let next = parse_date(text)
            .and_then(Date::next_day)
            .map(format_date)
            .and_then(|d| crate::clock::day_start_of(&d, &crate::clock::zone()));
        next.map_or(start + time::Duration::days(1), |n| n) - time::Duration::milliseconds(1)
    } else {
        start
    })
}
