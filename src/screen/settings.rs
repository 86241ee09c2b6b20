//! Settings (behind the manager lock): environment and URLs, credentials (API key and signing
//! key go to the OS keychain only), merchant ids, sticker ids, QR look, customer display,
//! language, PIN, and a connection test.

use crate::config::{D24Environment, PayMode, Settings as Config};
use crate::fl;
use crate::i18n::Lang;
use crate::payconiq::Secret;
use crate::payconiq::{AuthMode, Environment, EnvironmentKind};
use crate::qr::{QrColour, QrSize};

#[derive(Debug)]
pub struct Settings {
    draft: Config,
    /// The form as last saved (or opened): Close asks when the draft differs.
    baseline: Config,
    /// Close was pressed with unsaved changes.
    confirm_close: bool,
    /// A newly typed API key; empty keeps the stored one.
    /// Typed but not yet saved; redacted in `Debug` like every secret.
    api_key: Secret,
    has_api_key: bool,
    has_signing_key: bool,
    /// A newly typed D24 secret key; empty keeps the stored one.
    d24_secret: Secret,
    has_d24_secret: bool,
    /// The public JWKS of the signing key, after generating or importing one.
    jwks: Option<String>,
    info: Option<String>,
    problem: Option<String>,
    busy: bool,
    /// Whether the outstanding request is a save (not a connection test).
    saving: bool,
    /// No file dialog can be shown: the file asked for, and the path typed instead.
    typed: Option<(FileKind, String)>,
    /// The system's printers as the print service lists them (`None`: not asked yet).
    system_printers: Option<Result<Vec<String>, String>>,
}

/// A file the settings read or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    ImportKey,
    SaveJwks,
}

#[derive(Debug, Clone)]
pub enum Message {
    Environment(Choice<EnvironmentKind>),
    Auth(Choice<AuthMode>),
    Text(Field, String),
    ApiKey(Secret),
    PayMode(Choice<PayMode>),
    QrSize(QrSize),
    QrColour(Choice<QrColour>),
    Language(Choice<Option<Lang>>),
    CustomerDisplay(bool),
    /// The receipt paper's width in millimetres.
    Paper(u32),
    PrintAfterPayment(bool),
    /// Print a test page on the printer as the form has it.
    PrintTest,
    /// Print an A4 test page on the report printer as the form has it.
    PrintTestA4,
    /// The system's printers, or why none can be listed.
    SystemPrinters(Result<Vec<String>, String>),
    D24Environment(Choice<D24Environment>),
    D24Secret(Secret),
    TestD24,
    ImportKey,
    GenerateKey,
    SaveJwks,
    TestConnection,
    Save,
    Close,
    /// Close without saving, after the question.
    Discard,
    /// Back to the form from the unsaved-changes question.
    KeepEditing,
    /// The outcome of something the app did for this screen.
    Done(Result<String, String>),
    /// A signing key is now in the keychain; its public JWKS.
    KeyReady(Result<String, String>),
    ChangePin,
    Sticker,
    History,
    /// The app could not show a file dialog for this: ask for a typed path.
    NoDialog(FileKind),
    TypedPath(String),
    UseTyped,
    CancelTyped,
    /// Which secrets the keychain already holds.
    KeysKnown {
        api: bool,
        signing: bool,
        d24: bool,
    },
}

/// The text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    MerchantId,
    ProfileId,
    KeyId,
    CallbackUrl,
    PosId,
    ShopId,
    ShopName,
    ShopAddress,
    ShopVat,
    Printer,
    ReportPrinter,
    ApiBase,
    ReconciliationBase,
    JwksUrl,
    PayloadBase,
    LockMinutes,
    D24BaseUrl,
    D24Login,
    BackupDir,
    BackupKeep,
}

/// A pick-list option with a translated label.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    pub value: T,
    label: String,
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

fn selected<T: PartialEq + Clone>(list: &[Choice<T>], value: &T) -> Option<Choice<T>> {
    list.iter().find(|c| c.value == *value).cloned()
}

fn choice<T>(value: T, label: String) -> Choice<T> {
    Choice::new(value, label)
}

impl<T> Choice<T> {
    pub fn new(value: T, label: String) -> Choice<T> {
        Choice { value, label }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Save {
        settings: Box<Config>,
        api_key: Option<Secret>,
        d24_secret: Option<Secret>,
    },
    /// One signed D24 call with the form's D24 account (a typed secret before the stored one).
    TestD24 {
        settings: Box<Config>,
        secret: Option<Secret>,
    },
    Test {
        settings: Box<Config>,
        api_key: Option<Secret>,
    },
    /// A test page on the form's printer (with `a4`: its report printer).
    PrintTest {
        settings: Box<Config>,
        a4: bool,
    },
    ImportKey {
        kid: String,
        /// A typed path, when no dialog can be shown.
        typed: Option<String>,
    },
    GenerateKey {
        kid: String,
    },
    SaveJwks {
        jwks: String,
        typed: Option<String>,
    },
    ChangePin,
    Sticker,
    History,
    Close,
}

impl Settings {
    pub fn new(current: &Config, has_api_key: bool, has_signing_key: bool) -> Settings {
        let mut draft = current.clone();
        if draft.custom.is_none() {
            draft.custom = Some(Environment::preset(EnvironmentKind::Custom));
        }
        Settings {
            baseline: draft.clone(),
            confirm_close: false,
            draft,
            api_key: Secret::new(String::new()),
            has_api_key,
            has_signing_key,
            d24_secret: Secret::new(String::new()),
            has_d24_secret: false,
            jwks: None,
            info: None,
            problem: None,
            busy: false,
            saving: false,
            typed: None,
            system_printers: None,
        }
    }

    /// The system's printers, for the report printer's field.
    fn system_printers_line(&self) -> String {
        match &self.system_printers {
            None => fl!("settings-system-printers-asking"),
            Some(Ok(names)) if names.is_empty() => fl!("settings-system-printers-none"),
            Some(Ok(names)) => fl!("settings-system-printers", names = names.join(", ")),
            Some(Err(why)) => why.clone(),
        }
    }

    /// Whether the form holds changes that Save has not stored.
    pub fn unsaved(&self) -> bool {
        self.draft != self.baseline
            || self.new_api_key().is_some()
            || self.new_d24_secret().is_some()
    }

    fn new_d24_secret(&self) -> Option<Secret> {
        Some(Secret::new(self.d24_secret.expose().trim())).filter(|k| !k.is_empty())
    }

    /// What the D24 account lacks (nothing when refunds go to the sandbox).
    fn d24_missing(&self) -> Option<String> {
        let a = &self.draft.d24;
        if a.environment == D24Environment::Sandbox {
            return None;
        }
        if a.environment.typed_url() {
            if a.base_url.trim().is_empty() {
                return Some(fl!("d24-missing-url"));
            }
            if let Err(e) = crate::d24::client::check_base_url(&a.base_url) {
                return Some(fl!(
                    "settings-bad-url",
                    field = format!("{} ({e})", fl!("settings-d24-url"))
                ));
            }
        }
        if a.login.trim().is_empty() {
            return Some(fl!("d24-missing-login"));
        }
        (!self.has_d24_secret && self.new_d24_secret().is_none()).then(|| fl!("d24-missing-secret"))
    }

    fn new_api_key(&self) -> Option<Secret> {
        Some(Secret::new(self.api_key.expose().trim())).filter(|k| !k.is_empty())
    }

    /// What is missing before this configuration can take payments.
    fn missing(&self) -> Option<String> {
        let d = &self.draft;
        if d.environment == EnvironmentKind::Sandbox {
            return None;
        }
        if d.merchant_id.trim().is_empty() || d.profile_id.trim().is_empty() {
            return Some(fl!("settings-missing-ids"));
        }
        match d.auth_mode {
            AuthMode::ApiKey if !self.has_api_key && self.new_api_key().is_none() => {
                Some(fl!("settings-missing-api-key"))
            }
            AuthMode::Jws if !self.has_signing_key => Some(fl!("settings-missing-signing-key")),
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        let d = &mut self.draft;
        match message {
            Message::Environment(c) => d.environment = c.value,
            Message::Auth(c) => d.auth_mode = c.value,
            Message::PayMode(c) => d.pay_mode = c.value,
            Message::QrSize(s) => d.qr_size = s,
            Message::QrColour(c) => d.qr_colour = c.value,
            Message::Language(c) => d.language = c.value,
            Message::CustomerDisplay(on) => d.customer_display = on,
            Message::Paper(mm) => d.paper_mm = mm,
            Message::PrintAfterPayment(on) => d.print_after_payment = on,
            Message::PrintTest => {
                return Action::PrintTest {
                    settings: Box::new(d.clone()),
                    a4: false,
                };
            }
            Message::PrintTestA4 => {
                return Action::PrintTest {
                    settings: Box::new(d.clone()),
                    a4: true,
                };
            }
            Message::ApiKey(k) => self.api_key = k,
            Message::D24Environment(c) => d.d24.environment = c.value,
            Message::D24Secret(k) => self.d24_secret = k,
            Message::TestD24 => {
                if let Some(missing) = self.d24_missing() {
                    self.problem = Some(missing);
                    self.info = None;
                    return Action::None;
                }
                self.busy = true;
                self.info = Some(fl!("settings-testing"));
                self.problem = None;
                return Action::TestD24 {
                    settings: Box::new(self.draft.clone()),
                    secret: self.new_d24_secret(),
                };
            }
            Message::Text(field, value) => self.set_text(field, value),
            Message::ImportKey => {
                return Action::ImportKey {
                    kid: d.key_id.clone(),
                    typed: None,
                };
            }
            Message::NoDialog(kind) => {
                let name = match kind {
                    FileKind::ImportKey => "",
                    FileKind::SaveJwks => "jwks.json",
                };
                self.typed = Some((kind, crate::file_dialog::suggested(name)));
                self.problem = None;
            }
            Message::TypedPath(p) => {
                if let Some((_, path)) = &mut self.typed {
                    *path = p;
                }
            }
            Message::CancelTyped => self.typed = None,
            Message::UseTyped => {
                let Some((kind, path)) = self.typed.take() else {
                    return Action::None;
                };
                return match kind {
                    FileKind::ImportKey => Action::ImportKey {
                        kid: d.key_id.clone(),
                        typed: Some(path),
                    },
                    FileKind::SaveJwks => {
                        self.jwks
                            .clone()
                            .map_or(Action::None, |jwks| Action::SaveJwks {
                                jwks,
                                typed: Some(path),
                            })
                    }
                };
            }
            Message::GenerateKey => {
                return Action::GenerateKey {
                    kid: d.key_id.clone(),
                };
            }
            Message::SaveJwks => {
                return self
                    .jwks
                    .clone()
                    .map_or(Action::None, |jwks| Action::SaveJwks { jwks, typed: None });
            }
            Message::ChangePin => return Action::ChangePin,
            Message::Sticker => return Action::Sticker,
            Message::History => return Action::History,
            Message::SystemPrinters(found) => self.system_printers = Some(found),
            Message::KeysKnown { api, signing, d24 } => {
                self.has_api_key = api;
                self.has_signing_key = self.has_signing_key || signing;
                self.has_d24_secret = d24;
            }
            Message::Close if self.unsaved() => self.confirm_close = true,
            Message::Close | Message::Discard => return Action::Close,
            Message::KeepEditing => self.confirm_close = false,
            Message::TestConnection => {
                self.busy = true;
                self.info = Some(fl!("settings-testing"));
                self.problem = None;
                return Action::Test {
                    settings: Box::new(self.draft.clone()),
                    api_key: self.new_api_key(),
                };
            }
            Message::Save => {
                if let Some(missing) = self.missing() {
                    self.problem = Some(missing);
                    return Action::None;
                }
                if let Some(custom) = &self.draft.custom
                    && self.draft.environment == EnvironmentKind::Custom
                    && let Some(problem) = bad_url(custom)
                {
                    self.problem = Some(problem);
                    return Action::None;
                }
                if let Some(missing) = self.d24_missing() {
                    self.problem = Some(missing);
                    return Action::None;
                }
                self.busy = true;
                self.saving = true;
                return Action::Save {
                    settings: Box::new(self.draft.clone()),
                    api_key: self.new_api_key(),
                    d24_secret: self.new_d24_secret(),
                };
            }
            Message::Done(result) => {
                self.busy = false;
                let saved = std::mem::take(&mut self.saving);
                match result {
                    Ok(info) => {
                        self.info = Some(info);
                        self.problem = None;
                        if saved {
                            self.baseline = self.draft.clone();
                        }
                        // A saved key now lives in the keychain; a tested one is kept typed.
                        if saved && self.new_api_key().is_some() {
                            self.api_key = Secret::new(String::new());
                            self.has_api_key = true;
                        }
                        if saved && self.new_d24_secret().is_some() {
                            self.d24_secret = Secret::new(String::new());
                            self.has_d24_secret = true;
                        }
                    }
                    Err(problem) => {
                        self.info = None;
                        self.problem = Some(problem);
                    }
                }
            }
            Message::KeyReady(result) => match result {
                Ok(jwks) => {
                    self.has_signing_key = true;
                    self.jwks = Some(jwks);
                    self.problem = None;
                    self.info = Some(fl!("settings-key-stored"));
                }
                Err(e) => self.problem = Some(e),
            },
        }
        Action::None
    }

    fn set_text(&mut self, field: Field, value: String) {
        let d = &mut self.draft;
        let custom = d
            .custom
            .get_or_insert_with(|| Environment::preset(EnvironmentKind::Custom));
        match field {
            Field::MerchantId => d.merchant_id = value,
            Field::ProfileId => d.profile_id = value,
            Field::KeyId => d.key_id = value,
            Field::CallbackUrl => d.callback_url = value,
            Field::PosId => d.pos_id = value,
            Field::ShopId => d.shop_id = value,
            Field::ShopName => d.shop_name = value,
            Field::ShopAddress => d.shop_address = value,
            Field::ShopVat => d.shop_vat = value,
            Field::Printer => d.printer = value,
            Field::ReportPrinter => d.report_printer = value,
            Field::ApiBase => custom.api_base = value,
            Field::ReconciliationBase => custom.reconciliation_base = value,
            Field::JwksUrl => custom.jwks_url = value,
            Field::PayloadBase => custom.payload_base = value,
            Field::D24BaseUrl => d.d24.base_url = value,
            Field::D24Login => d.d24.login = value,
            Field::BackupDir => d.backup_dir = value,
            Field::BackupKeep => {
                if let Ok(n) = value.trim().parse::<u32>() {
                    d.backup_keep = n.clamp(1, 365);
                }
            }
            Field::LockMinutes => {
                if let Ok(m) = value.trim().parse::<u32>() {
                    d.lock_after_minutes = m.min(240);
                }
            }
        }
    }
}

/// The first custom URL that is not an http(s) URL, named by its label.
fn bad_url(custom: &Environment) -> Option<String> {
    [
        (fl!("settings-api-base"), &custom.api_base),
        (
            fl!("settings-reconciliation-base"),
            &custom.reconciliation_base,
        ),
        (fl!("settings-jwks-url"), &custom.jwks_url),
        (fl!("settings-payload-base"), &custom.payload_base),
    ]
    .into_iter()
    .find(|(_, value)| !crate::payconiq::environment::is_safe_url(value))
    .map(|(label, _)| fl!("settings-bad-url", field = label))
}

pub fn d24_env_label(env: D24Environment) -> String {
    match env {
        D24Environment::Sandbox => fl!("d24-env-sandbox"),
        D24Environment::Staging => fl!("d24-env-staging"),
        D24Environment::Production => fl!("d24-env-production"),
        D24Environment::Custom => fl!("d24-env-custom"),
    }
}

pub fn env_label(kind: EnvironmentKind) -> String {
    match kind {
        EnvironmentKind::Sandbox => fl!("env-sandbox"),
        EnvironmentKind::BancontactProd => fl!("env-bancontact-prod"),
        EnvironmentKind::BancontactPreprod => fl!("env-bancontact-preprod"),
        EnvironmentKind::PayconiqProd => fl!("env-payconiq-prod"),
        EnvironmentKind::PayconiqExt => fl!("env-payconiq-ext"),
        EnvironmentKind::Custom => fl!("env-custom"),
    }
}

mod view;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_urls_are_checked_before_saving() {
        crate::i18n::set_language(Lang::En);
        let config = Config {
            environment: EnvironmentKind::Custom,
            merchant_id: "m".into(),
            profile_id: "p".into(),
            ..Config::default()
        };
        let mut s = Settings::new(&config, true, false);
        assert_eq!(s.update(Message::Save), Action::None);
        assert_eq!(
            s.problem.as_deref(),
            Some("API base URL must be an https:// address (plain http:// only to this computer).")
        );
        for (field, value) in [
            (Field::ApiBase, "https://api.example"),
            (
                Field::ReconciliationBase,
                "https://api.example/v3/reconciliation",
            ),
            (Field::JwksUrl, "http://keys.example"),
            (Field::PayloadBase, "https://pay.example"),
        ] {
            s.update(Message::Text(field, value.into()));
        }
        assert_eq!(s.update(Message::Save), Action::None);
        assert!(
            s.problem
                .as_deref()
                .unwrap()
                .starts_with("Provider JWKS URL")
        );
        s.update(Message::Text(
            Field::JwksUrl,
            "https://keys.example/".into(),
        ));
        assert!(matches!(s.update(Message::Save), Action::Save { .. }));
    }
}
