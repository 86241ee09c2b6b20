//! `kassa d24 refund|status`: refunds over D24 deposits for integrators and support, with the
//! till's D24 account (settings and keychain) or a sandbox given by URL. Like `kassa refund`,
//! nothing is journalled: the idempotency key is printed, and asking again with it never
//! refunds twice.

use clap::{Args, Subcommand};

use crate::config::D24Environment;
use crate::d24::model::{Created, RefundState};
use crate::d24::words::status_words;
use crate::d24::{AccountType, Amount, BankAccount, Credentials, Error, Method, RefundRequest};
use crate::fl;
use crate::http::ClientOptions;
use crate::secrets::{OsKeychain, Secret};

use super::api::{Connect, answer, sandbox_info, till_sandbox_url, till_settings};

#[derive(Subcommand, Debug)]
pub enum D24Command {
    /// Refund a deposit. A card deposit is refunded whole: give only --deposit and --invoice.
    /// For other methods give the customer's bank account (--beneficiary, --bank-code,
    /// --branch, --account-number), and --amount for part of the deposit. Repeating with the
    /// same --idempotency-key never refunds twice.
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
    #[command(flatten)]
    bank: BankInput,
    #[arg(long)]
    comments: Option<String>,
    /// Defaults to a new random key (printed, so a lost answer can be asked again).
    #[arg(long)]
    idempotency_key: Option<String>,
}

/// The bank account as typed; any of it makes a non-card refund, which needs all of it.
#[derive(Args, Debug)]
struct BankInput {
    /// The bank account's holder.
    #[arg(long)]
    beneficiary: Option<String>,
    /// D24's code for the customer's bank.
    #[arg(long)]
    bank_code: Option<String>,
    #[arg(long)]
    branch: Option<String>,
    #[arg(long)]
    account_number: Option<String>,
    /// checking, saving or salary.
    #[arg(long, default_value = "checking")]
    account_type: String,
    /// The beneficiary's ID document number, where the country requires it.
    #[arg(long)]
    document_id: Option<String>,
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
                bank,
                comments,
                idempotency_key,
            } = *args;
            // Refused input is explained before any connection is made.
            let request = build_request(
                &deposit,
                &invoice,
                amount.as_deref(),
                &currency,
                bank,
                comments.as_deref(),
            )?;
            let client = client(connect).await?;
            let key = idempotency_key.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            let created = client.create_refund(&request, &key).await.map_err(|e| {
                // When the outcome is unclear, the key goes with the error: asking again with
                // it never refunds twice.
                if e.may_have_created() {
                    format!(
                        "{}\n{}",
                        failed(&e),
                        fl!("cli-api-refund-key", key = key.clone())
                    )
                } else {
                    failed(&e)
                }
            })?;
            // Most creation answers carry only the id: the status is read at once, so what is
            // printed is true now (a repeated request may find the refund long completed).
            let now = match &created.refund_info {
                Some(_) => None,
                None => client.refund(&created.refund_id).await.ok(),
            };
            Ok(answer(connect, &created, |c| {
                let status = match &now {
                    Some(state) => format!(
                        "{}\n{}",
                        fl!("d24-refund-id", id = c.refund_id.clone()),
                        state_text(state)
                    ),
                    None => created_text(c),
                };
                format!("{status}\n{}", fl!("cli-api-refund-key", key = key))
            }))
        }
        D24Command::Status { refund_id } => {
            let client = client(connect).await?;
            let state = client
                .refund(&refund_id)
                .await
                .map_err(|e| match e.code() {
                    Some(208) => fl!("cli-d24-no-refund", id = refund_id.clone()),
                    _ => failed(&e),
                })?;
            Ok(answer(connect, &state, state_text))
        }
    }
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
    bank: BankInput,
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
    let typed = [
        &bank.beneficiary,
        &bank.bank_code,
        &bank.branch,
        &bank.account_number,
    ];
    let (method, account) = if typed.iter().all(|f| f.is_none()) && bank.document_id.is_none() {
        if amount.is_some() {
            return Err(fl!("cli-d24-amount-needs-account"));
        }
        (Method::Card, None)
    } else {
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

fn created_text(c: &Created) -> String {
    let info = c.refund_info.as_ref();
    let mut lines = vec![
        fl!("d24-refund-id", id = c.refund_id.clone()),
        status_words(&c.status(), info.and_then(|i| i.reason.as_deref())),
    ];
    if let Some(i) = info
        && let (Some(amount), Some(currency)) = (&i.amount, &i.currency)
    {
        lines.push(amount_words(amount, currency));
    }
    lines.join("\n")
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
