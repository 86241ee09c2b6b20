//! Command-line tools for integrators. Each returns the text to print; `main` prints it.

pub mod api;
pub mod books;
mod customer_account;
pub mod d24;
mod files;
pub mod pin;
pub mod shop;
mod show;
use files::write_error;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::fl;
use crate::payconiq::jws::{self, Expect, KeySet, PROVIDER_ISSUER, SigningKey};
use crate::qr::{self, QrColour, QrSize};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::secrets::{self, OsKeychain, SecretStore};

#[derive(Parser, Debug)]
#[command(
    name = "kassa",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("KASSA_COMMIT"), ")"),
    about = "Kassa: a cashier for Bancontact Payconiq QR payments"
)]
pub struct Cli {
    /// Run as this till profile: its own data folder, settings, PIN, account and keychain
    /// entries (a second till on one machine).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the Payconiq API simulator on 127.0.0.1 until interrupted.
    Sandbox {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Seconds a payment stays payable (the API's is 120).
        #[arg(long, default_value_t = 120)]
        expiry_seconds: i64,
        /// Start without the seeded demo history.
        #[arg(long)]
        no_demo: bool,
        /// Make new payments wait for acknowledge/void.
        #[arg(long)]
        void_enabled: bool,
        /// A merchant JWKS file whose keys may sign requests.
        #[arg(long)]
        merchant_jwks: Option<PathBuf>,
        /// How many payments to keep (the oldest are dropped beyond it; demo history is kept).
        #[arg(long, default_value_t = SandboxConfig::default().retention)]
        retention: usize,
    },
    /// Signing keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Check a callback's detached JWS signature.
    VerifyCallback {
        #[arg(long)]
        body: PathBuf,
        /// The Signature header's value.
        #[arg(long)]
        signature: String,
        /// The provider's JWKS, as a file or an http(s) URL.
        #[arg(long)]
        jwks: String,
        /// The callback URL the signature must name (its `path` claim): the callback URL the
        /// merchant configured.
        #[arg(long)]
        path: Option<String>,
        /// The payment profile id the callback must be for (its `sub` claim).
        #[arg(long)]
        profile: Option<String>,
        /// Refuse a signature older than this many minutes (default: the provider's 24-hour
        /// retry period plus 5 minutes).
        #[arg(long, default_value_t = 24 * 60 + 5)]
        max_age_minutes: i64,
    },
    /// The OS keychain.
    Keychain {
        #[command(subcommand)]
        command: KeychainCommand,
    },
    /// Receipt printers.
    Print {
        #[command(subcommand)]
        command: PrintCommand,
    },
    /// Payments as the API has them: create, get, cancel, search.
    Payment {
        #[command(flatten)]
        connect: api::Connect,
        #[command(subcommand)]
        command: api::PaymentCommand,
    },
    /// Refunds: create, get.
    Refund {
        #[command(flatten)]
        connect: api::Connect,
        #[command(subcommand)]
        command: api::RefundCommand,
    },
    /// Refunds over D24 (OneKey Payments) deposits: refund, status.
    D24 {
        #[command(flatten)]
        connect: api::Connect,
        #[command(subcommand)]
        command: d24::D24Command,
    },
    /// Payouts to the shop's account in a period (default: the last 7 days).
    Payouts {
        #[command(flatten)]
        connect: api::Connect,
        /// First payout date (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last payout date (YYYY-MM-DD, default today).
        #[arg(long)]
        to: Option<String>,
        /// Print CSV (as the payouts screen exports it).
        #[arg(long)]
        csv: bool,
    },
    /// Shift reports, as on the Shift screen: `x` (nothing closes), `z` (closes the shift,
    /// manager PIN) or `z --number N` (an earlier Z, printed again).
    Report {
        #[command(subcommand)]
        command: books::ReportCommand,
    },
    /// The journal: verify its hash chain, back it up, restore a backup.
    Journal {
        #[command(subcommand)]
        command: books::JournalCommand,
    },
    /// The shop server: join it, see what it has of this till, send what waits.
    Shop {
        #[command(subcommand)]
        command: shop::ShopCommand,
    },
    /// Draw a framed Payconiq QR code to PNG or SVG.
    Qr {
        #[arg(long)]
        payload: String,
        #[arg(long, default_value = "M")]
        size: QrSize,
        #[arg(long, default_value = "magenta")]
        colour: QrColour,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum PrintCommand {
    /// Print a test page (the shop's head, "é ë ç è à ô ü ß €", an amount and a QR code) on the
    /// till's receipt printer, or on the one named, for installers and support.
    Test {
        /// tcp://HOST:PORT (port 9100 when left out), a device such as /dev/usb/lp0, or a
        /// system printer's name (a raw queue); the till's printer when left out.
        #[arg(long)]
        printer: Option<String>,
        /// The paper's width in millimetres (58 or 80); the till's when left out.
        #[arg(long)]
        paper: Option<u32>,
        /// An A4 test page on the report printer (a system printer; with --printer, that one).
        #[arg(long)]
        a4: bool,
    },
    /// The system's printers (CUPS), by the names the settings take.
    List,
}

#[derive(Subcommand, Debug)]
pub enum KeychainCommand {
    /// Store, read back and delete a test API key, to show the keychain works here. Uses its
    /// own keychain service, never the till's real entries.
    Check,
}

#[derive(Subcommand, Debug)]
pub enum KeysCommand {
    /// Make a new ES256 key: the private key goes to the OS keychain (or --out), the public
    /// JWKS is printed for you to host.
    Generate {
        #[arg(long, default_value = "kassa-1")]
        kid: String,
        /// Write the private key to this PEM file instead of the keychain (for export only).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also write the public JWKS to this file.
        #[arg(long)]
        jwks_out: Option<PathBuf>,
        /// Replace a signing key already in the keychain (the till then signs with the new one).
        #[arg(long)]
        force: bool,
    },
}

type Outcome = Result<String, String>;

/// How `kassa sandbox` was asked to run.
pub struct SandboxArgs {
    pub port: u16,
    pub expiry_seconds: i64,
    pub no_demo: bool,
    pub void_enabled: bool,
    pub merchant_jwks: Option<PathBuf>,
    pub retention: usize,
}

pub async fn sandbox(args: SandboxArgs) -> Result<Sandbox, String> {
    let SandboxArgs {
        port,
        expiry_seconds,
        no_demo,
        void_enabled,
        merchant_jwks,
        retention,
    } = args;
    let mut cfg = SandboxConfig {
        expiry: time::Duration::seconds(expiry_seconds.max(1)),
        retention,
        ..SandboxConfig::default()
    };
    if no_demo {
        cfg.demo_days = 0;
    }
    let sandbox = Sandbox::start(cfg, port)
        .await
        .map_err(|e| fl!("cli-sandbox-failed", detail = e.to_string()))?;
    sandbox.set_void_enabled(void_enabled);
    if let Some(file) = merchant_jwks {
        let text = files::read_capped(&file, crate::payconiq::jwks::MAX_JWKS_BYTES)?;
        sandbox.register_merchant_keys(&text)?;
    }
    Ok(sandbox)
}

pub fn sandbox_banner(s: &Sandbox) -> String {
    let cfg = s.config();
    fl!(
        "cli-sandbox-running",
        base = s.base_url().to_string(),
        jwks = s.jwks_url(),
        merchant = cfg.merchant_id.clone(),
        profile = cfg.profile_id.clone(),
        apikey = cfg.api_key.clone(),
        d24base = format!("{}/d24", s.base_url()),
        d24login = cfg.d24_login.clone(),
        d24secret = cfg.d24_secret.clone(),
        d24deposits = format!("{}/sandbox/d24/deposits", s.base_url())
    )
}

/// The keychain service `keychain check` uses, apart from the till's own.
pub const CHECK_SERVICE: &str = "be.kassa.Kassa.check";

/// `kassa print test`: a test page on the printer, said printed or why not.
pub async fn print_test(printer: Option<String>, paper: Option<u32>, a4: bool) -> Outcome {
    let mut settings = api::till_settings().unwrap_or_default();
    let lang = crate::i18n::current_language();
    if let Some(p) = printer {
        match a4 {
            true => settings.report_printer = p,
            false => settings.printer = p,
        }
    }
    if let Some(mm) = paper {
        settings.paper_mm = mm;
    }
    let job = if a4 {
        let lines = crate::receipts::a4_test_page(&settings, lang);
        crate::receipts::a4_job(&settings, fl!("receipt-test-title"), lines).map(Ok)
    } else {
        let page = crate::receipts::test_page(&settings, lang);
        crate::receipts::job(&settings, page, fl!("print-test-done"))
    };
    if a4 && job.is_none() {
        return Err(fl!("print-no-report-printer"));
    }
    run_print(job).await
}

/// Runs a print job from the command line: printed, or why not.
pub async fn run_print(job: Option<Result<crate::receipts::Job, String>>) -> Outcome {
    match job {
        None => Err(fl!("print-no-printer")),
        Some(job) => job?
            .await
            .map_err(|why| fl!("print-failed-plain", why = why)),
    }
}

/// `kassa print list`: the system's printers, one per line.
pub async fn print_list() -> Outcome {
    let names = kassa_print::system::printers()
        .await
        .map_err(|e| crate::explain::Explain::explain(&e))?;
    if names.is_empty() {
        return Ok(fl!("settings-system-printers-none"));
    }
    Ok(names.join("\n"))
}

pub fn keychain_check() -> Outcome {
    let store = OsKeychain::with_service(CHECK_SERVICE);
    let value = format!("check-{}", uuid::Uuid::new_v4().simple());
    let fail = |e: secrets::SecretError| fl!("cli-keychain-check-failed", detail = e.to_string());
    store.set(secrets::API_KEY, &value).map_err(fail)?;
    let read = store.get(secrets::API_KEY).map_err(fail)?;
    store.delete(secrets::API_KEY).map_err(fail)?;
    let after = store.get(secrets::API_KEY).map_err(fail)?;
    if read.as_deref() != Some(value.as_str()) {
        return Err(fl!(
            "cli-keychain-check-failed",
            detail = "the stored value did not read back"
        ));
    }
    if after.is_some() {
        return Err(fl!(
            "cli-keychain-check-failed",
            detail = "the entry was not deleted"
        ));
    }
    Ok(fl!("cli-keychain-check-ok"))
}

pub fn keys_generate(
    kid: &str,
    out: Option<&Path>,
    jwks_out: Option<&Path>,
    force: bool,
) -> Outcome {
    keys_generate_in(&OsKeychain::new(), kid, out, jwks_out, force)
}

/// [`keys_generate`] with the keychain given (tests use an in-memory one). An existing keychain
/// key is kept unless `force`: replacing it silently would break a JWKS already registered.
pub fn keys_generate_in(
    store: &dyn SecretStore,
    kid: &str,
    out: Option<&Path>,
    jwks_out: Option<&Path>,
    force: bool,
) -> Outcome {
    let kid_ok = (1..=64).contains(&kid.len())
        && kid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !kid_ok {
        return Err(fl!("cli-kid-invalid"));
    }
    if let (Some(out), Some(jwks)) = (out, jwks_out)
        && same_file(out, jwks)
    {
        return Err(fl!("cli-keys-same-file"));
    }
    // Nothing is written over: neither file may exist yet.
    for path in out.into_iter().chain(jwks_out) {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(fl!("cli-file-exists", path = path.display().to_string()));
        }
    }
    if out.is_none() && !force {
        let existing = store
            .get(secrets::SIGNING_KEY)
            .map_err(|e| fl!("cli-keychain-unavailable", detail = e.to_string()))?;
        if existing.is_some() {
            return Err(fl!("cli-keys-exists"));
        }
    }
    let key = SigningKey::generate(kid).map_err(|e| e.to_string())?;
    let jwks = serde_json::to_string_pretty(&key.public_jwks()).unwrap_or_default();
    let place = match out {
        Some(path) => {
            write_private(path, key.to_pem().as_bytes()).map_err(|e| write_error(path, e))?;
            path.display().to_string()
        }
        None => {
            store
                .set(secrets::SIGNING_KEY, &key.to_pem())
                .map_err(|e| fl!("cli-keychain-unavailable", detail = e.to_string()))?;
            fl!(
                "cli-keychain-place",
                service = secrets::SERVICE,
                entry = secrets::SIGNING_KEY
            )
        }
    };
    if let Some(path) = jwks_out {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, jwks.as_bytes()))
            .map_err(|e| write_error(path, e))?;
    }
    Ok(format!(
        "{}\n{jwks}\n{}",
        fl!("cli-keys-host-this", kid = kid.to_string()),
        fl!("cli-keys-private-at", place = place)
    ))
}

/// Whether `a` and `b` name one file (the same path, or one path through a link or `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    let full = |p: &Path| {
        let parent = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(parent)
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    a == b || matches!((full(a), full(b)), (Some(x), Some(y)) if x == y)
}

/// Private keys exported by request are readable by their owner only.
fn write_private(path: &Path, data: &[u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)?;
        f.write_all(data)
    }
    #[cfg(not(unix))]
    {
        std::fs::write(path, data)
    }
}

/// The callback URL and profile a callback must name: those given, else the ones in the
/// till's settings (the callback URL the merchant configured, the account's profile).
pub fn callback_expectations(
    path: Option<String>,
    profile: Option<String>,
) -> (Option<String>, Option<String>) {
    let settings = crate::config::Settings::default_path()
        .and_then(|p| crate::config::Settings::load(&p).ok())
        .unwrap_or_default();
    let configured = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
    (
        path.or_else(|| configured(&settings.callback_url)),
        profile.or_else(|| configured(&settings.profile_id)),
    )
}

/// What a callback must be to be believed.
pub struct CallbackCheck<'a> {
    pub path: Option<&'a str>,
    pub profile: Option<&'a str>,
    pub max_age: time::Duration,
}

pub async fn verify_callback(
    body: &Path,
    signature: &str,
    jwks: &str,
    check: CallbackCheck<'_>,
) -> Outcome {
    let body = files::read_capped(body, MAX_CALLBACK_BODY)?;
    let invalid = |reason: String| fl!("cli-callback-invalid", reason = reason);
    let text = if jwks.starts_with("http://") || jwks.starts_with("https://") {
        url::Url::parse(jwks).map_err(|e| invalid(e.to_string()))?;
        // Keys fetched in the clear could be anyone's: plain http only to this machine.
        if !crate::payconiq::environment::is_safe_url(jwks) {
            return Err(invalid(fl!("cli-jwks-not-https")));
        }
        // No redirect is followed (each hop would need the https rule); two tries of 5 s.
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| invalid(e.to_string()))?;
        let keys = crate::payconiq::jwks::fetch(&http, jwks)
            .await
            .map_err(|e| invalid(e.to_string()))?;
        return finish_callback(&body, signature, &keys, &check, false);
    } else {
        files::read_capped(Path::new(jwks), crate::payconiq::jwks::MAX_JWKS_BYTES)?
    };
    let private = holds_private_keys(&text);
    let keys = KeySet::parse(&text).map_err(|e| invalid(e.to_string()))?;
    finish_callback(&body, signature, &keys, &check, private)
}

/// Whether a JWKS carries private key material (an EC `d`): never meant to be shared.
fn holds_private_keys(jwks: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(jwks)
        .ok()
        .and_then(|v| v.get("keys").and_then(|k| k.as_array()).cloned())
        .is_some_and(|keys| keys.iter().any(|k| k.get("d").is_some()))
}

fn finish_callback(
    body: &[u8],
    signature: &str,
    keys: &KeySet,
    check: &CallbackCheck<'_>,
    private: bool,
) -> Outcome {
    if private {
        return Err(fl!(
            "cli-callback-invalid",
            reason = fl!("cli-jwks-private")
        ));
    }
    let expect = Expect {
        iss: Some(PROVIDER_ISSUER),
        path: check.path,
        sub: check.profile,
        max_age: Some(check.max_age),
    };
    match jws::verify(signature, body, keys, &expect) {
        Ok(v) => {
            let valid = fl!(
                "cli-callback-valid",
                kid = v.kid,
                iat = jws::format_iat(v.claims.iat),
                path = v.claims.path,
                sub = v.claims.sub
            );
            // "Valid" must not read as more than was checked.
            let unchecked: Vec<String> = [
                check
                    .path
                    .is_none()
                    .then(|| fl!("cli-callback-path-unchecked")),
                check
                    .profile
                    .is_none()
                    .then(|| fl!("cli-callback-profile-unchecked")),
            ]
            .into_iter()
            .flatten()
            .collect();
            Ok(if unchecked.is_empty() {
                valid
            } else {
                format!("{valid}\n{}", unchecked.join("\n"))
            })
        }
        Err(e) => Err(fl!("cli-callback-invalid", reason = e.to_string())),
    }
}

pub fn qr(payload: &str, size: QrSize, colour: QrColour, out: &Path) -> Outcome {
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let data = match ext.as_deref() {
        Some("svg") => qr::to_svg(payload, size, colour).map(String::into_bytes),
        Some("png") => qr::render(payload, size, colour).and_then(|q| q.to_png()),
        _ => return Err(fl!("cli-qr-extension")),
    }
    .map_err(|e| e.to_string())?;
    std::fs::write(out, data).map_err(|e| write_error(out, e))?;
    Ok(fl!(
        "cli-qr-written",
        path = out.display().to_string(),
        size = size.label()
    ))
}

/// The largest callback body `verify-callback` reads: a payment is well under 2 KB.
const MAX_CALLBACK_BODY: usize = 64 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_generate_keeps_an_existing_keychain_key_unless_forced() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let store = crate::secrets::MemoryStore::default();
        keys_generate_in(&store, "k1", None, None, false).unwrap();
        let first = store.get(secrets::SIGNING_KEY).unwrap().unwrap();
        let refused = keys_generate_in(&store, "k2", None, None, false).unwrap_err();
        assert!(refused.contains("--force"), "{refused}");
        assert_eq!(store.get(secrets::SIGNING_KEY).unwrap().unwrap(), first);
        keys_generate_in(&store, "k2", None, None, true).unwrap();
        assert_ne!(store.get(secrets::SIGNING_KEY).unwrap().unwrap(), first);
    }
}
