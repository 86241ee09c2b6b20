//! What the screens' actions run against: the API client, and the embedded sandbox when no
//! real account is configured. Built once at start-up, off the UI thread.

use std::fmt;
use std::sync::Arc;

use crate::config::Settings;
use crate::explain::Explain;
use crate::payconiq::jws::SigningKey;
use crate::payconiq::{AuthMode, Client, ClientOptions, EnvironmentKind, Secret};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::secrets::{self, SecretStore};
use crate::till_account::{self, D24Problem, D24Target, PayconiqSettings, Till};

pub struct Services {
    pub client: Client,
    /// The embedded simulator, when running in sandbox mode.
    pub sandbox: Option<Sandbox>,
}

impl fmt::Debug for Services {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Services")
            .field("environment", &self.client.account().environment.kind)
            .field("sandbox", &self.sandbox.as_ref().map(Sandbox::base_url))
            .finish()
    }
}

impl Services {
    /// Services for `settings`: the embedded sandbox (as `sandbox` says), or the configured
    /// account with its secrets from `store` (the OS keychain).
    pub async fn start(
        settings: Settings,
        store: Arc<dyn SecretStore>,
        sandbox: SandboxConfig,
    ) -> Result<Services, String> {
        match settings.environment {
            EnvironmentKind::Sandbox => Self::embedded(sandbox, ClientOptions::default()).await,
            // Keychain reads may block (D-Bus, an unlock prompt): not on the executor.
            _ => tokio::task::spawn_blocking(move || Self::account(&settings, &*store))
                .await
                .map_err(|e| e.to_string())?,
        }
    }

    /// An embedded sandbox on a free loopback port and a client for it.
    pub async fn embedded(cfg: SandboxConfig, options: ClientOptions) -> Result<Services, String> {
        let sandbox = Sandbox::start(cfg, 0).await.map_err(|e| e.to_string())?;
        // A throwaway signing key: refunds and reconciliation are JWS-only, also in the sandbox.
        let key = SigningKey::generate("kassa-sandbox").map_err(|e| e.to_string())?;
        let client = Client::new(sandbox.account(AuthMode::ApiKey, Some(key)), options)
            .map_err(|e| e.to_string())?;
        Ok(Services {
            client,
            sandbox: Some(sandbox),
        })
    }

    /// A client for the configured account, with its keys from `store`; refused with the
    /// reason when it cannot take a payment now (never the sandbox instead).
    pub fn account(settings: &Settings, store: &dyn SecretStore) -> Result<Services, String> {
        let api_key = store
            .get(secrets::API_KEY)
            .map_err(|e| e.to_string())?
            .map(Secret::new);
        let signing_key = store.get(secrets::SIGNING_KEY).map_err(|e| e.to_string())?;
        let account = match till_account::decide(&payconiq_settings(settings), api_key, signing_key)
        {
            Ok(Till::Account(account)) => *account,
            // Callers start the embedded sandbox themselves; asked for an account while set
            // to the sandbox, there are no ids of a real one.
            Ok(Till::Sandbox) => return Err(crate::fl!("settings-missing-ids")),
            Err(problem) => return Err(problem.explain()),
        };
        let client = Client::new(account, ClientOptions::default()).map_err(|e| e.to_string())?;
        Ok(Services {
            client,
            sandbox: None,
        })
    }
}

/// The Payconiq part of `settings`, as the ledger decides on it.
pub fn payconiq_settings(settings: &Settings) -> PayconiqSettings<'_> {
    PayconiqSettings {
        environment: settings.environment,
        custom: settings.custom.as_ref(),
        merchant_id: &settings.merchant_id,
        profile_id: &settings.profile_id,
        key_id: &settings.key_id,
        auth_mode: settings.auth_mode,
    }
}

/// The books the till's sales and refunds are counted in with `settings`
/// ([`crate::journal::account_key`]), as the running till names them.
pub fn books(settings: &Settings) -> String {
    payconiq_settings(settings).books()
}

/// The D24 client for `settings`: the embedded sandbox's D24 side, or the configured account
/// with its secret key from `store`. Blocking (the keychain): call it off the UI thread.
pub fn d24_client(
    settings: &Settings,
    store: &dyn SecretStore,
    sandbox: Option<&Sandbox>,
) -> Result<crate::d24::Client, String> {
    let options = ClientOptions::default();
    // The URL and the login are checked before the keychain is asked (it may prompt).
    let target = match till_account::d24_target(&settings.d24, None) {
        Err(D24Problem::MissingSecret) => {
            let secret = store
                .get(secrets::D24_SECRET_KEY)
                .map_err(|e| e.to_string())?
                .map(Secret::new);
            till_account::d24_target(&settings.d24, secret)
        }
        other => other,
    };
    let (base, credentials) = match target {
        Ok(D24Target::Sandbox) => sandbox
            .ok_or_else(|| crate::fl!("d24-sandbox-needs-sandbox"))?
            .d24(),
        Ok(D24Target::Remote { base, credentials }) => (base, credentials),
        Err(problem) => return Err(problem.explain()),
    };
    crate::d24::Client::new(&base, credentials, &options).map_err(|e| e.explain())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::SecretError;
    use crate::till_account::{D24Account, D24Environment};

    /// A keychain that must not be asked.
    struct Untouchable;

    impl SecretStore for Untouchable {
        fn get(&self, _: &str) -> Result<Option<String>, SecretError> {
            panic!("the keychain was asked")
        }
        fn set(&self, _: &str, _: &str) -> Result<(), SecretError> {
            panic!("the keychain was asked")
        }
        fn delete(&self, _: &str) -> Result<(), SecretError> {
            panic!("the keychain was asked")
        }
    }

    #[test]
    fn an_incomplete_d24_account_is_named_before_the_keychain_is_asked() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let mut settings = Settings {
            d24: D24Account {
                environment: D24Environment::Production,
                base_url: String::new(),
                login: "login".into(),
            },
            ..Settings::default()
        };
        let no_url = d24_client(&settings, &Untouchable, None).unwrap_err();
        assert_eq!(no_url, crate::fl!("d24-missing-url"));
        settings.d24.base_url = "https://d24.example".into();
        settings.d24.login = " ".into();
        let no_login = d24_client(&settings, &Untouchable, None).unwrap_err();
        assert_eq!(no_login, crate::fl!("d24-missing-login"));
        // Complete but for the secret: only now is the keychain read.
        settings.d24.login = "login".into();
        let store = crate::secrets::MemoryStore::default();
        let no_secret = d24_client(&settings, &store, None).unwrap_err();
        assert_eq!(no_secret, crate::fl!("d24-missing-secret"));
    }
}
