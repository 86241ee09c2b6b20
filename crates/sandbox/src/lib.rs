//! An embedded simulator of the Payconiq merchant API on 127.0.0.1, with a simulated customer
//! phone, demo history and fault injection. No UI here; the till and every test use it.

// The core's modules under their old names, so `crate::money` reads as it did in the app.
use kassa_core::{http, money, payconiq, qr};

mod auth;
pub mod callbacks;
mod control;
pub mod d24;
mod demo;
pub mod faults;
pub mod guard;
mod payouts;
mod persist;
mod qrcode;
mod refunds;
mod replay;
mod reply;
mod routes;
mod server;
pub mod store;
pub mod testing;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use time::Duration;
use tokio::sync::{Notify, watch};

use crate::money::Money;
use crate::payconiq::jws::{KeySet, SigningKey};
use crate::payconiq::model::Payment;
use crate::payconiq::{Account, AuthMode, Environment, Secret};

pub use faults::{Fault, FaultKind};
pub use store::CustomerAction;

/// The key id the sandbox signs its responses with.
pub const SANDBOX_KID: &str = "es.signature.sandbox.kassa";

/// How the simulated merchant and its payments behave.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    pub merchant_id: String,
    pub profile_id: String,
    pub merchant_name: String,
    pub merchant_iban: String,
    pub api_key: String,
    /// How long an instore payment may be paid (the API's is 2 minutes).
    pub expiry: Duration,
    /// How long an online payment (one with a return URL) may be paid (the API's: 20 minutes).
    pub online_expiry: Duration,
    /// From the customer's confirmation (AUTHORIZED) to SUCCEEDED.
    pub settle_delay: Duration,
    /// How long a void-enabled payment waits for acknowledge before it is voided (7 days).
    pub ack_window: Duration,
    /// From a refund's creation to REFUNDED.
    pub refund_delay: Duration,
    /// From success until the customer's IBAN is known (the real API: a day or two).
    pub iban_delay: Duration,
    /// From the end of a day until its payout is visible (the real API: next morning).
    pub payout_delay: Duration,
    /// Days of demo history to seed (0 for none) when there is no saved state.
    pub demo_days: u32,
    /// Where the state is kept across restarts (`None`: in memory only).
    pub state_file: Option<PathBuf>,
    /// A connection that has not sent a request's headers (or its body) within this long is
    /// closed: a slow or stuck client must not hold the till's sandbox.
    pub request_timeout: std::time::Duration,
    /// How many payments (demo history aside) are kept; beyond it the oldest are dropped, so
    /// a sandbox left running under load keeps its memory and its saved state bounded.
    pub retention: usize,
    /// The simulated D24 merchant's X-Login and secret key (sandbox-only values).
    pub d24_login: String,
    pub d24_secret: String,
    /// How far the simulated provider's clock is off the machine's (tests of a till whose
    /// clock differs from the provider's): its payments' times and its `Date` header follow it.
    pub clock_offset: Duration,
}

impl SandboxConfig {
    /// The simulated provider's clock.
    pub fn now(&self) -> time::OffsetDateTime {
        time::OffsetDateTime::now_utc() + self.clock_offset
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            merchant_id: "5fd9c3a1b0e2a40007d1a0c1".into(),
            profile_id: "5fd9c3a1b0e2a40007d1a0c2".into(),
            merchant_name: "Kassa Demo Shop".into(),
            merchant_iban: "BE68539007547034".into(),
            api_key: "sandbox-api-key".into(),
            expiry: Duration::minutes(2),
            online_expiry: Duration::minutes(20),
            settle_delay: Duration::milliseconds(800),
            ack_window: Duration::days(7),
            refund_delay: Duration::seconds(3),
            iban_delay: Duration::ZERO,
            payout_delay: Duration::hours(6),
            demo_days: 21,
            state_file: None,
            request_timeout: std::time::Duration::from_secs(10),
            retention: 20_000,
            d24_login: "kassa-sandbox-d24".into(),
            d24_secret: "sandbox-d24-secret-not-for-production".into(),
            clock_offset: Duration::ZERO,
        }
    }
}

impl SandboxConfig {
    /// The till's own sandbox: its state kept in `state_file` across restarts.
    pub fn persistent(state_file: Option<std::path::PathBuf>) -> SandboxConfig {
        SandboxConfig {
            state_file,
            ..SandboxConfig::default()
        }
    }

    /// Settings for tests: no demo history, quick transitions.
    pub fn for_tests() -> SandboxConfig {
        SandboxConfig {
            demo_days: 0,
            settle_delay: Duration::milliseconds(50),
            refund_delay: Duration::milliseconds(50),
            ..SandboxConfig::default()
        }
    }
}

/// A request as the sandbox saw it arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedRequest {
    pub at: std::time::Instant,
    pub method: String,
    pub path: String,
}

/// How many requests the log keeps.
const REQUEST_LOG: usize = 10_000;

/// State shared by the routes, the server loop and the in-process controls.
pub(crate) struct Shared {
    pub cfg: SandboxConfig,
    pub base: String,
    pub store: Mutex<store::Store>,
    pub faults: Mutex<faults::Faults>,
    pub key: SigningKey,
    pub merchant_keys: RwLock<Option<KeySet>>,
    /// Merchant JWS ids seen: a signed request is accepted once.
    pub(crate) jtis: Mutex<replay::Seen<()>>,
    /// The most recent requests, as they arrived (for measuring a client from the API's side).
    pub requests: Mutex<std::collections::VecDeque<LoggedRequest>>,
    /// Woken whenever the store was touched, for the state saver.
    pub touched: Arc<Notify>,
    pub port: u16,
    /// Callbacks notified and the delivery log.
    pub callbacks: Mutex<callbacks::Callbacks>,
    /// The D24 side: deposits and refunds over them.
    pub d24: Mutex<d24::D24State>,
    /// D24 request signatures seen, with the idempotency key each came with: the HMAC does not
    /// cover the key, so the same signature under another key is a replay.
    pub(crate) d24_signatures: Mutex<replay::Seen<Option<String>>>,
    /// The client that sends D24 notifications, made at the first one.
    pub d24_http: std::sync::OnceLock<reqwest::Client>,
}

impl Shared {
    /// Runs `f` on the store. A panic elsewhere must not take the sandbox down with it, so a
    /// poisoned lock is recovered.
    pub fn with_store<R>(&self, f: impl FnOnce(&mut store::Store) -> R) -> R {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let out = f(&mut guard);
        drop(guard);
        // Reads advance time-driven transitions too, so any touch may need saving.
        self.touched.notify_one();
        out
    }

    /// Runs `f` on the store without waking the state saver: for the callback watcher, which
    /// looks ten times a second. Time-driven transitions it applies follow from the saved
    /// timestamps anyway, so nothing is lost by not saving them at once.
    pub fn peek_store<R>(&self, f: impl FnOnce(&mut store::Store) -> R) -> R {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    pub fn log_request(&self, method: &str, path: &str) {
        let mut log = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        if log.len() >= REQUEST_LOG {
            log.pop_front();
        }
        log.push_back(LoggedRequest {
            at: std::time::Instant::now(),
            method: method.to_string(),
            path: path.to_string(),
        });
    }

    /// The state as the saver writes it.
    pub fn snapshot_json(&self) -> Vec<u8> {
        let d24 = self.d24.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let snapshot = persist::Snapshot::of(&guard, &d24, self.port, self.key.to_pem());
        drop(guard);
        serde_json::to_vec(&snapshot).unwrap_or_default()
    }

    pub fn with_faults<R>(&self, f: impl FnOnce(&mut faults::Faults) -> R) -> R {
        let mut guard = self.faults.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    /// Replaces the merchant's registered public keys with the JWKS `jwks_json`.
    pub fn set_merchant_keys(&self, jwks_json: &[u8]) -> Result<(), String> {
        let keys = KeySet::parse(jwks_json).map_err(|e| e.to_string())?;
        *self
            .merchant_keys
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Some(keys);
        Ok(())
    }

    /// Adds the keys of `jwks_json` to the merchant's registered ones (the newest 32 are kept),
    /// so one more client can sign without breaking the others.
    pub fn add_merchant_keys(&self, jwks_json: &[u8]) -> Result<(), String> {
        let keys = KeySet::parse(jwks_json).map_err(|e| e.to_string())?;
        let mut registered = self
            .merchant_keys
            .write()
            .unwrap_or_else(|p| p.into_inner());
        *registered = Some(match registered.take() {
            Some(old) => old.merged(keys, 32),
            None => keys,
        });
        Ok(())
    }

    /// Makes a pending refund fail instead of completing.
    pub fn fail_refund(&self, id: &str) -> Result<(), reply::Reject> {
        self.with_store(|s| match s.refund_mut(id) {
            Some(r) => {
                r.fail = true;
                Ok(())
            }
            None => Err(reply::Reject::new(
                404,
                "REFUND_NOT_FOUND",
                format!("Refund not found '{id}'"),
            )),
        })
    }
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    _stop: watch::Sender<bool>,
}

impl Sandbox {
    /// Starts on 127.0.0.1:`port` (0 picks a free port, or the saved one when there is saved
    /// state). With a state file, what it held is served again and every change is saved.
    pub async fn start(cfg: SandboxConfig, port: u16) -> std::io::Result<Sandbox> {
        let saved = match cfg.state_file.as_deref().map(persist::Snapshot::load) {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                // Kept aside, never overwritten; the sandbox starts afresh.
                tracing::warn!(error = %e, "sandbox state unreadable; starting afresh");
                if let Some(path) = &cfg.state_file {
                    let aside = path.with_extension(format!(
                        "damaged-{}",
                        time::OffsetDateTime::now_utc().unix_timestamp()
                    ));
                    let _ = std::fs::rename(path, aside);
                }
                None
            }
            None => None,
        };
        let listener = match (&saved, port) {
            (Some(s), 0) => match tokio::net::TcpListener::bind(("127.0.0.1", s.port)).await {
                Ok(l) => l,
                // Taken by something else: ids stay valid, links move to the new port.
                Err(_) => tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?,
            },
            _ => tokio::net::TcpListener::bind(("127.0.0.1", port)).await?,
        };
        let addr = listener.local_addr()?;
        let base = format!("http://{addr}");
        let d24_state = saved
            .as_ref()
            .and_then(|s| s.d24.clone())
            .unwrap_or_else(d24::D24State::seeded);
        let (key, store) = match saved {
            Some(s) => {
                let old_base = format!("http://127.0.0.1:{}", s.port);
                let key = SigningKey::from_pem(s.key_pem.as_bytes(), SANDBOX_KID)
                    .or_else(|_| SigningKey::generate(SANDBOX_KID))
                    .map_err(std::io::Error::other)?;
                (key, s.into_store(&old_base, &base, cfg.retention))
            }
            None => {
                let mut store = store::Store::default();
                demo::seed(&mut store, &cfg, &base);
                let key = SigningKey::generate(SANDBOX_KID).map_err(std::io::Error::other)?;
                (key, store)
            }
        };
        let state_file = cfg.state_file.clone();
        let shared = Arc::new(Shared {
            cfg,
            base,
            store: Mutex::new(store),
            faults: Mutex::new(faults::Faults::default()),
            key,
            merchant_keys: RwLock::new(None),
            jtis: Mutex::new(replay::Seen::new(auth::JTI_KEPT)),
            requests: Mutex::new(std::collections::VecDeque::new()),
            touched: Arc::new(Notify::new()),
            port: addr.port(),
            callbacks: Mutex::new(callbacks::Callbacks::default()),
            d24: Mutex::new(d24_state),
            d24_signatures: Mutex::new(replay::Seen::new(d24::signature_kept())),
            d24_http: std::sync::OnceLock::new(),
        });
        let (stop, stopped) = watch::channel(false);
        if let Some(path) = state_file {
            tokio::spawn(persist::saver(
                shared.clone(),
                path,
                shared.touched.clone(),
                stopped.clone(),
            ));
            shared.touched.notify_one();
        }
        tokio::spawn(callbacks::watcher(shared.clone(), stopped.clone()));
        tokio::spawn(server::serve(listener, shared.clone(), stopped));
        tracing::info!(%addr, "sandbox listening");
        Ok(Sandbox {
            shared,
            addr,
            _stop: stop,
        })
    }

    /// The sandbox's D24 deposits with what is left of each.
    pub fn d24_deposits(&self) -> Vec<d24::DepositSummary> {
        let st = self.shared.d24.lock().unwrap_or_else(|p| p.into_inner());
        st.summaries(&self.shared.cfg)
    }

    /// The simulated D24 merchant: base URL and credentials.
    pub fn d24(&self) -> (String, kassa_core::d24::Credentials) {
        let cfg = &self.shared.cfg;
        (
            format!("{}/d24", self.shared.base),
            kassa_core::d24::Credentials {
                login: cfg.d24_login.clone(),
                secret: kassa_core::secret::Secret::new(cfg.d24_secret.clone()),
            },
        )
    }

    pub fn base_url(&self) -> &str {
        &self.shared.base
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn jwks_url(&self) -> String {
        format!("{}/jwks", self.shared.base)
    }

    pub fn config(&self) -> &SandboxConfig {
        &self.shared.cfg
    }

    pub fn environment(&self) -> Environment {
        Environment::sandbox(&self.shared.base)
    }

    /// Registers the public keys merchant-signed requests are checked against (the JWKS a real
    /// merchant hosts at a public URL).
    pub fn register_merchant_keys(&self, jwks_json: &[u8]) -> Result<(), String> {
        self.shared.set_merchant_keys(jwks_json)
    }

    /// An account for this sandbox. With `signing_key`, its public half is registered.
    pub fn account(&self, mode: AuthMode, signing_key: Option<SigningKey>) -> Account {
        if let Some(key) = &signing_key {
            // Our own JWKS always parses.
            let _ = self.register_merchant_keys(key.public_jwks().to_string().as_bytes());
        }
        Account {
            environment: self.environment(),
            merchant_id: self.shared.cfg.merchant_id.clone(),
            profile_id: self.shared.cfg.profile_id.clone(),
            payment_auth: mode,
            api_key: Some(Secret::new(self.shared.cfg.api_key.clone())),
            signing_key,
        }
    }

    /// The simulated customer acts on payment `id`.
    pub fn customer(&self, id: &str, action: CustomerAction) -> Result<Payment, String> {
        let cfg = &self.shared.cfg;
        self.shared
            .with_store(|s| s.customer(cfg, id, action))
            .map_err(|r| r.message)
    }

    /// Scans the shop's sticker at `pos_id`: identifies the payment waiting there.
    pub fn scan_sticker(&self, pos_id: &str) -> Result<Payment, String> {
        let cfg = &self.shared.cfg;
        let id = self
            .shared
            .with_store(|s| s.pending_at_pos(cfg, pos_id))
            .ok_or_else(|| format!("no payment is waiting at sticker '{pos_id}'"))?;
        self.customer(&id, CustomerAction::Scan)
    }

    /// The customer's app scans an invoice (template) QR: it creates the payment for the
    /// amount, description and reference the code carries, already scanned, as Payconiq does.
    pub fn scan_template(&self, payload: &str) -> Result<Payment, String> {
        let cfg = &self.shared.cfg;
        let (profile, invoice) = crate::payconiq::template::parse(payload)
            .ok_or_else(|| "not an invoice QR code".to_string())?;
        if profile != cfg.profile_id {
            return Err(format!("invoice QR for another profile ('{profile}')"));
        }
        let some = |s: String| Some(s).filter(|s| !s.is_empty());
        let base = self.base_url().to_string();
        let order = store::Order {
            amount: invoice.amount,
            description: some(invoice.description),
            reference: some(invoice.reference),
            ..Default::default()
        };
        let created = self.shared.with_store(|s| s.create(cfg, &base, order));
        self.customer(&created.payment_id, CustomerAction::Scan)
    }

    /// Confirms with a tip, a shorthand for tests and the customer panel.
    pub fn confirm(&self, id: &str, tip: Money) -> Result<Payment, String> {
        self.customer(id, CustomerAction::Confirm { tip })
    }

    /// Switches the simulated profile to void-enabled (new payments wait for acknowledge).
    pub fn set_void_enabled(&self, on: bool) {
        self.shared.with_store(|s| s.void_enabled = on);
    }

    /// A read: it wakes no state saver (the till's phone panel asks at every redraw).
    pub fn void_enabled(&self) -> bool {
        self.shared.peek_store(|s| s.void_enabled)
    }

    /// Makes refund `id` fail instead of completing.
    pub fn fail_refund(&self, id: &str) -> Result<(), String> {
        self.shared.fail_refund(id).map_err(|r| r.message)
    }

    pub fn inject(&self, fault: Fault) {
        self.shared.with_faults(|f| f.add(fault));
    }

    pub fn clear_faults(&self) {
        self.shared.with_faults(|f| f.clear());
    }

    /// The most recent requests (up to 10,000), oldest first, with their arrival times.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        let log = self
            .shared
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        log.iter().cloned().collect()
    }

    /// Every payment, newest first (for tests and the demo panel).
    pub fn payments(&self) -> Vec<Payment> {
        let cfg = &self.shared.cfg;
        self.shared.with_store(|s| s.all_payments(cfg))
    }

    /// Makes the payout of `day` pay out `cents` more (or less) than its lines add up to, as a
    /// provider mistake would: for testing the reconciliation check.
    pub fn skew_payout(&self, day: time::Date, cents: i64) {
        self.shared.with_store(|s| s.payout_skew.insert(day, cents));
    }

    /// The callback deliveries so far (oldest first, the last 500).
    pub fn callbacks(&self) -> Vec<callbacks::Delivery> {
        let cb = self
            .shared
            .callbacks
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cb.log.iter().cloned().collect()
    }

    /// Every refund made on payment `id` (as the provider's records would show them).
    pub fn refunds_of(&self, id: &str) -> Vec<crate::payconiq::model::Refund> {
        let cfg = &self.shared.cfg;
        self.shared.with_store(|s| {
            s.refunds_of(cfg, id)
                .into_iter()
                .map(|r| r.view.clone())
                .collect()
        })
    }
}
