//! `kassa d24 refund|status`: refunds over D24 deposits for integrators and support, with the
//! till's D24 account (settings and keychain) or a sandbox given by URL. Like `kassa refund`,
//! a refund asks for the manager PIN and goes through the journal (counted in the till's
//! books, audited as from the command line); its idempotency key is printed before the
//! request leaves, and asking again with it never refunds twice.

use clap::{Args, Subcommand};

use crate::config::D24Environment;
use crate::d24::flow;
use crate::d24::model::RefundState;
use crate::d24::words::status_words;
use crate::d24::{AccountType, Amount, BankAccount, Credentials, Error, Method, RefundRequest};
use crate::explain::Explain;
use crate::fl;
use crate::http::ClientOptions;
use crate::journal::Door;
use crate::secrets::{OsKeychain, Secret};

use super::api::{Connect, answer, sandbox_info, till_sandbox_url, till_settings};
use super::customer_account::{self, BankInput};

#[derive(Subcommand, Debug)]
pub enum D24Command {
    /// Refund a deposit. A card deposit is refunded whole: give only --deposit and --invoice.
    /// For other methods give the customer's bank account in a file (--account FILE) or on
    /// the terminal (--account-prompt), never as arguments, and --amount for part of the
    /// deposit. Repeating with the same --idempotency-key never refunds twice.
    Refund(Box<RefundArgs>),
    /// Show a refund's status.
    Status { refund_id: String },
}

#[derive(Args, Debug)]
pub struct RefundArgs {
    /// D24's deposit id.
    #[arg(long)]
    deposit: String,
    /// The invoice id the deposit was made with (D24 finds the deposit by both).
    #[arg(long)]
    invoice: String,
    /// Part of a non-card deposit, e.g. 10.00 (default: all of it).
    #[arg(long)]
    amount: Option<String>,
    /// The deposit's currency, which decides how many decimals an amount has.
    #[arg(long, default_value = "EUR")]
    currency: String,
    /// A TOML file with the customer's bank account: beneficiary, bank_code, branch,
    /// account_number, and optionally account_type (checking, saving or salary) and
    /// document_id.
    #[arg(long, value_name = "FILE", conflicts_with = "account_prompt")]
    account: Option<std::path::PathBuf>,
    /// Ask for the customer's bank account on the terminal (and the PIN there too).
    #[arg(long, conflicts_with = "pin_stdin")]
    account_prompt: bool,
    #[command(flatten)]
    on_command_line: CustomerDataArgs,
    /// A note kept with the refund at D24.
    #[arg(long)]
    comments: Option<String>,
    /// Defaults to a new random key, printed as soon as the journal holds the request and
    /// before it leaves, so a lost answer can be asked again with it.
    #[arg(long)]
    idempotency_key: Option<String>,
    #[command(flatten)]
    pin: super::pin::PinArgs,
}

/// What `kassa d24 refund` prints as JSON: the refund, its key, and its status now.
#[derive(serde::Serialize)]
struct Made {
    refund_id: String,
    idempotency_key: String,
    state: Option<RefundState>,
}

/// The method the request was built for (a bank account means a non-card deposit).
fn request_method(r: &RefundRequest) -> Method {
    if r.bank_account.is_some() {
        Method::Other
    } else {
        Method::Card
    }
}

/// The customer's account as arguments, as earlier versions took it: refused, before anything
/// else, with where to give it instead (hidden from the help).
#[derive(Args, Debug)]
struct CustomerDataArgs {
    #[arg(long, hide = true)]
    beneficiary: Option<String>,
    #[arg(long, hide = true)]
    bank_code: Option<String>,
    #[arg(long, hide = true)]
    branch: Option<String>,
    #[arg(long, hide = true)]
    account_number: Option<String>,
    #[arg(long, hide = true)]
    account_type: Option<String>,
    #[arg(long, hide = true)]
    document_id: Option<String>,
}

impl CustomerDataArgs {
    fn any(&self) -> bool {
        [
            &self.beneficiary,
            &self.bank_code,
            &self.branch,
            &self.account_number,
            &self.account_type,
            &self.document_id,
        ]
        .iter()
        .any(|f| f.is_some())
    }
}

/// The account from where it was given, or none (a card deposit).
fn bank_input(file: Option<&std::path::Path>, prompt: bool) -> Result<Option<BankInput>, String> {
    match (file, prompt) {
        (Some(path), _) => customer_account::from_file(path).map(Some),
        (None, true) => customer_account::from_terminal().map(Some),
        (None, false) => Ok(None),
    }
}

type Outcome = Result<String, String>;

pub async fn d24(command: D24Command, connect: &Connect) -> Outcome {
    match command {
        D24Command::Refund(args) => {
            let RefundArgs {
                deposit,
                invoice,
                amount,
                currency,
                account,
                account_prompt,
                on_command_line,
                comments,
                idempotency_key,
                pin,
            } = *args;
            if on_command_line.any() {
                return Err(fl!("cli-d24-account-not-in-arguments"));
            }
            // Refused input is explained before any connection is made, and what can be
            // checked is checked before the customer's account is typed in.
            let request = build_request(
                &deposit,
                &invoice,
                amount.as_deref(),
                &currency,
                || bank_input(account.as_deref(), account_prompt),
                comments.as_deref(),
            )?;
            let client = client(connect).await?;
            // Money moves: the manager PIN, the journal and the audit log, as at the till.
            let settings = till_settings()?;
            let journal = super::api::till_journal()?;
            super::pin::ask(&settings, &journal, &pin).await?;
            let explain = |e: crate::journal::JournalError| e.explain();
            let known = match &idempotency_key {
                Some(key) => journal.d24_refund(key).await.map_err(explain)?,
                None => None,
            };
            let outcome = match known {
                // The journal holds this request: the same bytes go again with its key.
                Some(entry) => {
                    if entry.deposit_id != request.deposit_id {
                        return Err(fl!(
                            "cli-d24-key-other",
                            key = entry.key.clone(),
                            deposit = entry.deposit_id.to_string()
                        ));
                    }
                    // The same key asks the same refund: another amount, account or
                    // currency under it would be answered with the first one, silently.
                    let same_body = serde_json::to_vec(&request).is_ok_and(|b| b == entry.body);
                    if !same_body || entry.currency != currency.trim().to_ascii_uppercase() {
                        return Err(fl!("cli-d24-key-other-request", key = entry.key.clone()));
                    }
                    super::api::announce_key(&entry.key);
                    flow::resume(&client, &journal, &entry).await
                }
                None => {
                    let key = idempotency_key.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
                    flow::request_keyed(
                        &client,
                        &journal,
                        &crate::services::books(&settings),
                        &request,
                        (
                            request_method(&request),
                            &currency.trim().to_ascii_uppercase(),
                        ),
                        (key, Door::CommandLine),
                        super::api::announce_key,
                    )
                    .await
                }
            };
            let entry = outcome.map_err(|(entry, e)| {
                let text = match &e {
                    flow::FlowError::D24(d) => failed(d),
                    other => other.explain(),
                };
                // When the outcome is unclear, the key goes with the error: asking again with
                // it never refunds twice.
                match entry.filter(|en| en.unanswered()) {
                    Some(en) => format!("{text}\n{}", fl!("cli-api-refund-key", key = en.key)),
                    None => text,
                }
            })?;
            let id = entry.refund_id.clone().unwrap_or_default();
            // The status read at once, so what is printed is true now (a repeated request may
            // find the refund long completed), and journalled for the shift's report.
            let now = flow::read_state(&client, &journal, &entry).await.ok();
            let made = Made {
                refund_id: id,
                idempotency_key: entry.key.clone(),
                state: now,
            };
            Ok(answer(connect, &made, |m| {
                let status = match &m.state {
                    Some(state) => state_text(state),
                    None => String::new(),
                };
                format!(
                    "{}\n{status}\n{}",
                    fl!("d24-refund-id", id = m.refund_id.clone()),
                    fl!("cli-api-refund-key", key = m.idempotency_key.clone())
                )
            }))
        }
        D24Command::Status { refund_id } => {
            let client = client(connect).await?;
            let no_refund = |e: &Error| match e.code() {
                Some(208) => fl!("cli-d24-no-refund", id = refund_id.clone()),
                _ => failed(e),
            };
            // A refund this till asked for: what is read is journalled too, so the shift's
            // report says what was seen here.
            let state = match journalled(&client, &refund_id).await {
                Some((journal, entry)) => flow::read_state(&client, &journal, &entry)
                    .await
                    .map_err(|e| match e {
                        flow::FlowError::D24(d) => no_refund(&d),
                        other => other.explain(),
                    })?,
                None => client.refund(&refund_id).await.map_err(|e| no_refund(&e))?,
            };
            Ok(answer(connect, &state, state_text))
        }
    }
}

/// The till's journal entry of refund `refund_id` on `client`'s account, when it has one (a
/// till without a journal yet, or a refund made elsewhere, has none).
async fn journalled(
    client: &crate::d24::Client,
    refund_id: &str,
) -> Option<(crate::journal::Journal, crate::journal::D24Entry)> {
    // A status read makes no journal where there is none.
    if !crate::config::journal_path()?.exists() {
        return None;
    }
    let journal = super::api::till_journal().ok()?;
    let account = flow::account_of(client);
    let entry = journal
        .d24_refunds()
        .await
        .ok()?
        .into_iter()
        .find(|e| e.refund_id.as_deref() == Some(refund_id) && e.account == account)?;
    Some((journal, entry))
}

fn problem(p: crate::d24::model::RequestProblem) -> String {
    Error::Invalid(p).explain()
}

/// The request as the Refund screen would send it: a bank account given means a non-card
/// deposit (partial refunds allowed); none means a card deposit, refunded whole.
fn build_request(
    deposit: &str,
    invoice: &str,
    amount: Option<&str>,
    currency: &str,
    bank: impl FnOnce() -> Result<Option<BankInput>, String>,
    comments: Option<&str>,
) -> Result<RefundRequest, String> {
    use crate::d24::model::RequestProblem as P;
    let deposit_id = deposit
        .trim()
        .parse::<u64>()
        .map_err(|_| problem(P::DepositId))?;
    let currency = currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(fl!("d24-problem-field", field = fl!("d24-field-currency")));
    }
    let amount = amount
        .map(|a| Amount::parse_typed(a, &currency).map_err(|e| problem(P::Amount(e))))
        .transpose()?;
    // What can be refused without the account is refused before it is asked for.
    if deposit_id == 0 {
        return Err(problem(P::DepositId));
    }
    if let Some(a) = &amount {
        a.clone().positive().map_err(|e| problem(P::Amount(e)))?;
    }
    let (method, account) = if let Some(bank) = bank()? {
        let text = |f: Option<String>, p: P| f.filter(|t| !t.trim().is_empty()).ok_or(p);
        let account_type = match bank.account_type.trim().to_ascii_lowercase().as_str() {
            "checking" => AccountType::Checking,
            "saving" | "savings" => AccountType::Saving,
            "salary" => AccountType::Salary,
            _ => return Err(fl!("cli-d24-account-type", given = bank.account_type)),
        };
        let account = BankAccount {
            beneficiary: text(bank.beneficiary, P::Beneficiary).map_err(problem)?,
            bank_code: text(bank.bank_code, P::BankCode)
                .map_err(problem)?
                .trim()
                .parse()
                .map_err(|_| problem(P::BankCode))?,
            branch: text(bank.branch, P::Branch).map_err(problem)?,
            account_number: text(bank.account_number, P::AccountNumber).map_err(problem)?,
            account_type,
            document_id: bank.document_id.filter(|d| !d.trim().is_empty()),
        };
        (Method::Other, Some(account))
    } else {
        if amount.is_some() {
            return Err(fl!("cli-d24-amount-needs-account"));
        }
        (Method::Card, None)
    };
    RefundRequest::new(
        method,
        deposit_id,
        invoice,
        amount.as_ref(),
        account,
        comments,
    )
    .map_err(problem)
}

/// A D24 client for the sandbox at `--sandbox`, or for the till's D24 account (its embedded
/// sandbox while Kassa is open, when that is the account's environment).
async fn client(connect: &Connect) -> Result<crate::d24::Client, String> {
    if let Some(url) = &connect.sandbox {
        return sandbox_client(url).await;
    }
    let settings = till_settings()?;
    if settings.d24.environment == D24Environment::Sandbox {
        // The port left by a till that has since closed answers nothing: say why.
        return sandbox_client(&till_sandbox_url()?)
            .await
            .map_err(|_| fl!("cli-api-no-sandbox"));
    }
    // Keychain reads may block (D-Bus, an unlock prompt).
    tokio::task::spawn_blocking(move || {
        crate::services::d24_client(&settings, &OsKeychain::new(), None)
    })
    .await
    .map_err(|e| e.to_string())?
}

/// A client for the D24 account of the sandbox at `url`, as `GET /sandbox` names it.
async fn sandbox_client(url: &str) -> Result<crate::d24::Client, String> {
    let (info, _) = sandbox_info(url).await?;
    let credentials = Credentials {
        login: info.d24.login,
        secret: Secret::new(info.d24.secret_key),
    };
    crate::d24::Client::new(&info.d24.base_url, credentials, &ClientOptions::default())
        .map_err(|e| e.explain())
}

/// A D24 error as the Refund screen explains it, with what support needs (status, code).
fn failed(e: &Error) -> String {
    format!("{}\n  ({e})", e.explain())
}

fn state_text(s: &RefundState) -> String {
    let mut lines = vec![status_words(&s.status, s.reason.as_deref())];
    if let (Some(amount), Some(currency)) = (&s.amount, &s.currency) {
        lines.push(amount_words(amount, currency));
    }
    if let Some(deposit) = s.deposit_id {
        lines.push(fl!(
            "cli-d24-deposit",
            deposit = deposit.to_string(),
            invoice = s.merchant_invoice_id.clone().unwrap_or_default()
        ));
    }
    lines.join("\n")
}

/// An answer's amount as the till writes amounts; as D24 wrote it when it cannot be read.
fn amount_words(amount: &str, currency: &str) -> String {
    Amount::parse_api(amount, currency)
        .map(|a| a.format(crate::i18n::current_language()))
        .unwrap_or_else(|_| format!("{amount} {currency}"))
}
