//! The manager's side of the app: the PIN lock, its inactivity timeout, and the settings
//! screen's requests (save, test connection, signing keys, JWKS export).

use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::Task;

use super::{App, Message, Screen};
use crate::config::Settings;
use crate::explain::Explain;
use crate::file_dialog::{self, FileError};
use crate::fl;
use crate::journal::AuditAction;
use crate::payconiq::EnvironmentKind;
use crate::payconiq::jws::SigningKey;
use crate::screen::lock::{self, Lock};
use crate::screen::settings::{self as settings_screen, Settings as SettingsScreen};
use crate::screen::till::Till;
use crate::secrets::{self, Secret, SecretStore};
use crate::services::Services;
use crate::widget::path_prompt;

impl App {
    /// Opens a sale's payment from Today's sales: at once when the manager is unlocked, else
    /// after the PIN.
    pub(super) fn open_payment(
        &mut self,
        payment_id: Option<String>,
        reference: Option<String>,
    ) -> Task<Message> {
        self.after_unlock = Some((payment_id, reference));
        self.open_manager()
    }

    /// The Manager button: the payment history once unlocked (refunds and look-ups are what a
    /// manager comes for most), else the PIN.
    pub(super) fn open_manager(&mut self) -> Task<Message> {
        // Unreadable settings: there is no PIN to check, and none may be chosen over them.
        if self.settings_problem.is_some() {
            return Task::none();
        }
        if self.manager_unlocked() {
            self.enter_manager()
        } else {
            self.manager_active = None;
            self.set_screen(Screen::Lock(Lock::new(
                &self.settings.manager_pin_hash,
                self.pin_locked_until(),
            )));
            // Wrong PINs typed on the command line count here too (the journal has them all).
            let shared = match self.journal.clone() {
                Some(j) => Task::perform(
                    async move { j.pin_failures().await.ok() },
                    Message::PinFailures,
                ),
                None => Task::none(),
            };
            Task::batch([iced::widget::operation::focus(lock::PIN_INPUT), shared])
        }
    }

    fn manager_unlocked(&self) -> bool {
        self.manager_active
            .is_some_and(|at| at.elapsed() < self.lock_after())
    }

    fn lock_after(&self) -> Duration {
        // 0 minutes: ask for the PIN every time.
        Duration::from_secs(u64::from(self.settings.lock_after_minutes) * 60)
    }

    /// Unlocked: starts the manager's activity clock and shows the payment history.
    fn enter_manager(&mut self) -> Task<Message> {
        self.manager_active = Some(Instant::now());
        // Unlocked to open a sale from Today's sales: that payment, not the history.
        if let Some((payment_id, reference)) = self.after_unlock.take()
            && self.services.is_some()
        {
            let shown = self.show_payment(payment_id, reference);
            self.detail_from_today = true;
            return shown;
        }
        // A till whose account cannot be used has no history to show: the manager came to fix
        // the account.
        if self.services.is_none() {
            return self.open_settings();
        }
        self.open_history()
    }

    /// Opens settings; which keys the keychain holds is asked off the UI thread (a Secret
    /// Service may be slow, or prompt to unlock).
    pub(super) fn open_settings(&mut self) -> Task<Message> {
        let screen = SettingsScreen::new(&self.settings, false, false);
        self.manager_active = Some(Instant::now());
        self.set_screen(Screen::Settings(Box::new(screen)));
        let store = self.secrets.clone();
        let keys = Task::perform(
            blocking(move || {
                let has = |name| store.get(name).ok().flatten().is_some();
                (
                    has(secrets::API_KEY),
                    has(secrets::SIGNING_KEY),
                    has(secrets::D24_SECRET_KEY),
                )
            }),
            |known| {
                let (api, signing, d24) = known.unwrap_or((false, false, false));
                Message::Settings(settings_screen::Message::KeysKnown { api, signing, d24 })
            },
        );
        let printers = Task::perform(kassa_print::system::printers(), |found| {
            Message::Settings(settings_screen::Message::SystemPrinters(
                found.map_err(|e| crate::explain::Explain::explain(&e)),
            ))
        });
        Task::batch([keys, printers])
    }

    pub(super) fn check_lock(&mut self) -> Task<Message> {
        if self.manager_active.is_some() && !self.manager_unlocked() {
            tracing::info!("manager lock re-engaged after inactivity");
            // Every manager-only screen closes with the lock.
            let leave = self.on_manager_screen();
            self.manager_active = None;
            if leave {
                self.set_screen(Screen::Till(Till::new(self.lang)));
            }
        }
        Task::none()
    }

    pub(super) fn lock(&mut self, message: lock::Message) -> Task<Message> {
        let Screen::Lock(l) = &mut self.screen else {
            return Task::none();
        };
        match l.update(message) {
            lock::Action::None => Task::none(),
            lock::Action::Back => {
                self.after_unlock = None;
                self.set_screen(Screen::Till(Till::new(self.lang)));
                Task::none()
            }
            lock::Action::Unlocked => {
                if self.settings.pin_failures > 0 || self.settings.pin_locked_until.is_some() {
                    self.settings.pin_failures = 0;
                    self.settings.pin_locked_until = None;
                    self.save_pin_state();
                }
                let audit = self.audit(AuditAction::Unlock);
                Task::batch([audit, self.enter_manager()])
            }
            lock::Action::Wrong => self.wrong_pin(),
            lock::Action::NewPin(hash) => {
                // A changed PIN goes back to the settings it was changed from.
                let changed = !self.settings.manager_pin_hash.is_empty();
                self.settings.manager_pin_hash = hash;
                if let Err(e) = self.save_settings() {
                    tracing::error!(error = %e, "could not save the new PIN");
                }
                let audit = self.audit(AuditAction::PinSet);
                let next = if changed {
                    self.open_settings()
                } else {
                    self.enter_manager()
                };
                Task::batch([audit, next])
            }
        }
    }

    fn is_sandbox_mode(&self) -> bool {
        self.settings.environment == EnvironmentKind::Sandbox
    }

    /// The sticker's payload: the environment's payload host, profile id and POS id.
    fn sticker_payload(&self) -> Option<String> {
        let services = self.services.as_ref()?;
        let account = services.client.account();
        if account.profile_id.is_empty() || self.settings.pos_id.trim().is_empty() {
            return None;
        }
        Some(
            account
                .environment
                .sticker_payload(&account.profile_id, self.settings.pos_id.trim()),
        )
    }

    pub(super) fn save_settings(&self) -> Result<(), String> {
        // An unreadable settings file is never overwritten: it waits to be set aside.
        if self.settings_problem.is_some() {
            return Ok(());
        }
        match &self.settings_path {
            Some(path) => self.settings.save(path),
            None => Ok(()),
        }
    }

    pub(super) fn settings(&mut self, message: settings_screen::Message) -> Task<Message> {
        let Screen::Settings(s) = &mut self.screen else {
            return Task::none();
        };
        let done = |r: Result<String, String>| Message::Settings(settings_screen::Message::Done(r));
        let key_ready =
            |r: Result<String, String>| Message::Settings(settings_screen::Message::KeyReady(r));
        match s.update(message) {
            settings_screen::Action::None => Task::none(),
            settings_screen::Action::Close => {
                self.set_screen(Screen::Till(Till::new(self.lang)));
                Task::none()
            }
            settings_screen::Action::History => self.open_history(),
            settings_screen::Action::Sticker => {
                let payload = (!self.settings.profile_id.is_empty() || self.is_sandbox_mode())
                    .then(|| self.sticker_payload())
                    .flatten();
                self.screen = Screen::Sticker(
                    crate::screen::sticker::Sticker::new(payload, self.settings.qr_colour)
                        .with_printer(self.has_printer()),
                );
                Task::none()
            }
            settings_screen::Action::PrintTest { settings, a4 } => self.print_test(&settings, a4),
            settings_screen::Action::ChangePin => {
                self.set_screen(Screen::Lock(Lock::new("", None)));
                iced::widget::operation::focus(lock::PIN_INPUT)
            }
            settings_screen::Action::Save {
                settings,
                api_key,
                d24_secret,
            } => {
                let real = settings.environment != EnvironmentKind::Sandbox;
                let d24_real = settings.d24.environment != crate::config::D24Environment::Sandbox;
                let store = self.secrets.clone();
                let journal = self.journal.clone();
                // Keys go to the keychain first; only then are the settings applied.
                Task::perform(
                    async move {
                        let stored = blocking(move || {
                            let put = |name, key: Option<Secret>| match key {
                                Some(key) => {
                                    store.set(name, key.expose()).map(|()| true).map_err(|e| {
                                        fl!("settings-no-keychain", detail = e.to_string())
                                    })
                                }
                                None => Ok(false),
                            };
                            Ok::<_, String>((
                                put(secrets::API_KEY, api_key.filter(|_| real))?,
                                put(secrets::D24_SECRET_KEY, d24_secret.filter(|_| d24_real))?,
                            ))
                        })
                        .await
                        .and_then(|r| r);
                        if let (Ok((api, d24)), Some(j)) = (&stored, journal) {
                            if *api {
                                let _ = j.audit(AuditAction::ApiKeyStored).await;
                            }
                            if *d24 {
                                let _ = j.audit(AuditAction::D24SecretStored).await;
                            }
                        }
                        stored.map(|_| ())
                    },
                    move |stored| Message::Apply(settings.clone(), stored),
                )
            }
            settings_screen::Action::Test { settings, api_key } => {
                let store = self.secrets.clone();
                let current = self.services.clone();
                Task::perform(test_connection(*settings, api_key, store, current), done)
            }
            settings_screen::Action::TestD24 { settings, secret } => {
                let overlay = Overlay {
                    base: self.secrets.clone(),
                    api_key: None,
                    d24_secret: secret,
                };
                let services = self.services.clone();
                Task::perform(
                    async move {
                        let client = blocking(move || {
                            crate::services::d24_client(
                                &settings,
                                &overlay,
                                services.as_ref().and_then(|s| s.sandbox.as_ref()),
                            )
                            .map(|c| (c, settings.d24.environment))
                        })
                        .await
                        .and_then(|r| r)?;
                        let (client, env) = client;
                        client.test_connection().await.map_err(|e| e.explain())?;
                        Ok(fl!(
                            "settings-d24-test-ok",
                            environment = crate::screen::settings::d24_env_label(env)
                        ))
                    },
                    done,
                )
            }
            settings_screen::Action::GenerateKey { kid } => {
                let store = self.secrets.clone();
                let journal = self.journal.clone();
                Task::perform(
                    async move {
                        let r = blocking(move || {
                            store_key(
                                &*store,
                                SigningKey::generate(kid).map_err(|e| e.to_string()),
                            )
                        })
                        .await
                        .and_then(|r| r);
                        audit_if_ok(journal, AuditAction::SigningKeyGenerated, r).await
                    },
                    key_ready,
                )
            }
            settings_screen::Action::ImportKey { kid, typed } => {
                let target = self.file_target(typed);
                let store = self.secrets.clone();
                let journal = self.journal.clone();
                Task::perform(
                    async move {
                        let file = match target {
                            FileTarget::Dialog => {
                                file_dialog::open("PEM / JWK", &["pem", "key", "json", "jwk"]).await
                            }
                            FileTarget::NoDialog => Err(FileError::NoDialog),
                            FileTarget::Typed(path) => {
                                tokio::task::spawn_blocking(move || file_dialog::open_typed(&path))
                                    .await
                                    .unwrap_or_else(|e| Err(FileError::Io(e.to_string())))
                            }
                        };
                        let bytes = match file {
                            Ok((_, bytes)) => bytes,
                            Err(e) => return Err(e),
                        };
                        let r = String::from_utf8(bytes)
                            .map_err(|_| fl!("settings-key-unreadable"))
                            .and_then(|text| {
                                store_key(
                                    &*store,
                                    SigningKey::import(&text, kid).map_err(|e| e.to_string()),
                                )
                            });
                        Ok(audit_if_ok(journal, AuditAction::SigningKeyImported, r).await)
                    },
                    move |r| match r {
                        Err(FileError::NoDialog) => {
                            Message::Settings(settings_screen::Message::NoDialog(
                                settings_screen::FileKind::ImportKey,
                            ))
                        }
                        Err(e) => key_ready(Err(path_prompt::problem(&e))),
                        Ok(r) => key_ready(r),
                    },
                )
            }
            settings_screen::Action::SaveJwks { jwks, typed } => Task::perform(
                save_file(
                    "jwks.json".into(),
                    jwks.into_bytes(),
                    self.file_target(typed),
                    self.journal.clone(),
                    AuditAction::JwksExported,
                ),
                move |r| match r {
                    Err(FileError::NoDialog) => Message::Settings(
                        settings_screen::Message::NoDialog(settings_screen::FileKind::SaveJwks),
                    ),
                    Err(e) => done(Err(path_prompt::problem(&e))),
                    Ok(r) => done(Ok(r)),
                },
            ),
        }
    }

    /// Applies saved settings once their key is in the keychain, and restarts the services.
    pub(super) fn apply_saved(
        &mut self,
        settings: Settings,
        stored: Result<(), String>,
    ) -> Task<Message> {
        let done = |r: Result<String, String>| Message::Settings(settings_screen::Message::Done(r));
        let display_was = self.settings.customer_display;
        let before = self.settings.clone();
        let was_sandbox = self.services.as_ref().is_some_and(|s| s.sandbox.is_some());
        let result = stored.and_then(|()| self.apply(settings));
        let changed = changed_fields(&before, &self.settings);
        let restart = result.is_ok();
        let mut tasks = vec![Task::done(done(result))];
        // Switching the customer display on or off takes effect at once.
        if restart && self.settings.customer_display != display_was {
            match (self.settings.customer_display, self.display_window) {
                (true, None) => tasks.push(self.open_display()),
                (false, Some(id)) => tasks.push(iced::window::close(id)),
                _ => {}
            }
        }
        if restart && !changed.is_empty() {
            tasks.push(self.audit(AuditAction::SettingsChanged(changed)));
        }
        if restart && self.settings.shop_server != before.shop_server {
            tasks.push(self.connect_shop());
        }
        // The sandbox keeps running (and its history with it) when it stays the environment;
        // anything else restarts the services with the new account.
        let still_sandbox = was_sandbox && self.settings.environment == EnvironmentKind::Sandbox;
        if restart && !still_sandbox {
            let start = Services::start(
                self.settings.clone(),
                self.secrets.clone(),
                self.sandbox_config.clone(),
            );
            tasks.push(Task::perform(start, |r| Message::Started(r.map(Arc::new))));
        }
        Task::batch(tasks)
    }

    /// Takes the settings and writes the file (secrets are already in the keychain).
    fn apply(&mut self, mut settings: Settings) -> Result<String, String> {
        // Kept by the app itself while the form was open.
        settings.display_position = self.settings.display_position;
        settings.display_size = self.settings.display_size;
        settings.window = self.settings.window;
        settings.pin_failures = self.settings.pin_failures;
        settings.pin_locked_until = self.settings.pin_locked_until;
        let language_changed = settings.language != self.settings.language;
        // The restart that follows tries the account again.
        self.account_problem = None;
        self.settings = settings;
        self.save_settings()?;
        if language_changed {
            self.lang = self.settings.language();
            crate::i18n::set_language(self.lang);
        }
        Ok(fl!("settings-saved"))
    }
}

/// The names of the settings that differ (never their values: some name key material).
fn changed_fields(before: &Settings, after: &Settings) -> Vec<String> {
    let table = |s: &Settings| match toml::Value::try_from(s) {
        Ok(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    };
    let (a, b) = (table(before), table(after));
    let mut names: Vec<String> = a
        .keys()
        .chain(b.keys())
        // Window places are kept by the app, not chosen in the form.
        .filter(|k| {
            !matches!(
                k.as_str(),
                "display-position" | "window" | "pin-failures" | "pin-locked-until"
            ) && a.get(*k) != b.get(*k)
        })
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Records `action` in the audit log when `result` is a success; passes `result` on.
pub(super) async fn audit_if_ok<T>(
    journal: Option<crate::journal::Journal>,
    action: AuditAction,
    result: Result<T, String>,
) -> Result<T, String> {
    audit_when(journal, result.is_ok(), action).await;
    result
}

/// Writes `action` to the audit log when it `happened`; a failed write is logged, not fatal
/// (the action itself is done).
pub(super) async fn audit_when(
    journal: Option<crate::journal::Journal>,
    happened: bool,
    action: AuditAction,
) {
    if let (true, Some(j)) = (happened, journal)
        && let Err(e) = j.audit(action).await
    {
        tracing::error!(error = %e, "audit log not written");
    }
}

/// Runs a money operation (void, cancel, acknowledge) audited as it is asked, before it leaves,
/// and with its outcome after: one that timed out but happened still leaves a trace.
pub(super) async fn audited<T, E: std::fmt::Display>(
    journal: Option<crate::journal::Journal>,
    action: AuditAction,
    op: impl std::future::Future<Output = Result<T, E>>,
) -> Result<T, E> {
    audit_when(journal.clone(), true, action.clone()).await;
    let r = op.await;
    let outcome = match &r {
        Ok(_) => "done".to_string(),
        Err(e) => e.to_string(),
    };
    let action = Box::new(action);
    audit_when(journal, true, AuditAction::Outcome { action, outcome }).await;
    r
}

/// Where a file comes from or goes to.
pub(super) enum FileTarget {
    Dialog,
    /// Known up front that no dialog can be shown.
    NoDialog,
    Typed(String),
}

impl App {
    pub(super) fn file_target(&self, typed: Option<String>) -> FileTarget {
        match typed {
            Some(path) => FileTarget::Typed(path),
            None if self.file_dialogs => FileTarget::Dialog,
            None => FileTarget::NoDialog,
        }
    }
}

/// Saves `bytes`: through the native dialog (suggesting `file_name`), or to the path the user
/// typed when no dialog can be shown; a saved file is written to the audit log as `audit`.
pub(super) async fn save_file(
    file_name: String,
    bytes: Vec<u8>,
    target: FileTarget,
    journal: Option<crate::journal::Journal>,
    audit: AuditAction,
) -> Result<String, FileError> {
    let saved = match target {
        FileTarget::Dialog => file_dialog::save(&file_name, bytes).await,
        FileTarget::NoDialog => Err(FileError::NoDialog),
        FileTarget::Typed(path) => {
            tokio::task::spawn_blocking(move || file_dialog::save_typed(&path, &file_name, &bytes))
                .await
                .unwrap_or_else(|e| Err(FileError::Io(e.to_string())))
        }
    };
    let path = saved?;
    audit_when(journal, true, audit).await;
    Ok(fl!(
        "settings-jwks-saved",
        path = path.display().to_string()
    ))
}

/// Runs keychain work on a blocking thread: a Secret Service may be slow or prompt to unlock.
pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| e.to_string())
}

/// Puts a signing key's private half in the keychain; answers its public JWKS.
fn store_key(store: &dyn SecretStore, key: Result<SigningKey, String>) -> Result<String, String> {
    let key = key?;
    store
        .set(secrets::SIGNING_KEY, &key.to_pem())
        .map_err(|e| fl!("settings-no-keychain", detail = e.to_string()))?;
    Ok(serde_json::to_string_pretty(&key.public_jwks()).unwrap_or_default())
}

/// Makes one real authenticated call with `settings` and says what happened.
async fn test_connection(
    settings: Settings,
    api_key: Option<crate::payconiq::Secret>,
    store: Arc<dyn SecretStore>,
    current: Option<Arc<Services>>,
) -> Result<String, String> {
    let services = if settings.environment == EnvironmentKind::Sandbox {
        current.ok_or_else(|| fl!("app-starting"))?
    } else {
        let overlay = Overlay {
            base: store,
            api_key,
            d24_secret: None,
        };
        Arc::new(Services::account(&settings, &overlay)?)
    };
    let now = time::OffsetDateTime::now_utc();
    let criteria = crate::payconiq::model::SearchCriteria {
        from: Some(now - time::Duration::minutes(5)),
        to: Some(now),
        ..Default::default()
    };
    match services.client.search_payments(&criteria, 0, 1).await {
        Ok(_) => Ok(fl!(
            "settings-test-ok",
            environment = crate::screen::settings::env_label(settings.environment)
        )),
        Err(e) => Err(e.explain()),
    }
}

/// The keychain, with typed-but-unsaved keys taking precedence (for the connection tests).
struct Overlay {
    base: Arc<dyn SecretStore>,
    api_key: Option<crate::payconiq::Secret>,
    d24_secret: Option<crate::payconiq::Secret>,
}

impl SecretStore for Overlay {
    fn get(&self, name: &str) -> Result<Option<String>, secrets::SecretError> {
        match (&self.api_key, name) {
            (Some(k), secrets::API_KEY) => Ok(Some(k.expose().to_string())),
            _ if name == secrets::D24_SECRET_KEY && self.d24_secret.is_some() => {
                Ok(self.d24_secret.as_ref().map(|k| k.expose().to_string()))
            }
            _ => self.base.get(name),
        }
    }
    fn set(&self, name: &str, value: &str) -> Result<(), secrets::SecretError> {
        self.base.set(name, value)
    }
    fn delete(&self, name: &str) -> Result<(), secrets::SecretError> {
        self.base.delete(name)
    }
}
