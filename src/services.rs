//! What the screens' actions run against: the API client, and the embedded sandbox when no
//! real account is configured. Built once at start-up, off the UI thread.

use std::fmt;
use std::sync::Arc;

use crate::config::Settings;
use crate::explain::Explain;
use crate::payconiq::jws::SigningKey;
use crate::payconiq::{
    Account, AuthMode, Client, ClientOptions, Environment, EnvironmentKind, Secret,
};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::secrets::{self, SecretStore};

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

    /// A client for the configured account.
    pub fn account(settings: &Settings, store: &dyn SecretStore) -> Result<Services, String> {
        let environment = environment_of(settings);
        let api_key = store
            .get(secrets::API_KEY)
            .map_err(|e| e.to_string())?
            .map(Secret::new);
        let signing_key = match store.get(secrets::SIGNING_KEY).map_err(|e| e.to_string())? {
            Some(pem) => {
                Some(SigningKey::import(&pem, settings.key_id.clone()).map_err(|e| e.to_string())?)
            }
            None => None,
        };
        // Refuse an account that cannot take a payment now, rather than at the first charge.
        if settings.merchant_id.trim().is_empty() || settings.profile_id.trim().is_empty() {
            return Err(crate::fl!("settings-missing-ids"));
        }
        match settings.auth_mode {
            AuthMode::ApiKey if api_key.as_ref().is_none_or(Secret::is_empty) => {
                return Err(crate::fl!("settings-missing-api-key"));
            }
            AuthMode::Jws if signing_key.is_none() => {
                return Err(crate::fl!("settings-missing-signing-key"));
            }
            _ => {}
        }
        let account = Account {
            environment,
            merchant_id: settings.merchant_id.clone(),
            profile_id: settings.profile_id.clone(),
            payment_auth: settings.auth_mode,
            api_key,
            signing_key,
        };
        let client = Client::new(account, ClientOptions::default()).map_err(|e| e.to_string())?;
        Ok(Services {
            client,
            sandbox: None,
        })
    }
}

/// The API environment `settings` name (a preset, or the custom one).
fn environment_of(settings: &Settings) -> Environment {
    match (&settings.custom, settings.environment) {
        (Some(custom), EnvironmentKind::Custom) => custom.clone(),
        (_, kind) => Environment::preset(kind),
    }
}

/// The books the till's sales and refunds are counted in with `settings`
/// ([`crate::journal::account_key`]), as the running till names them.
pub fn books(settings: &Settings) -> String {
    if settings.environment == EnvironmentKind::Sandbox {
        return crate::journal::SANDBOX.into();
    }
    crate::journal::account_key(&environment_of(settings).api_base, &settings.profile_id)
}

/// The D24 client for `settings`: the embedded sandbox's D24 side, or the configured account
/// with its secret key from `store`. Blocking (the keychain): call it off the UI thread.
pub fn d24_client(
    settings: &Settings,
    store: &dyn SecretStore,
    sandbox: Option<&Sandbox>,
) -> Result<crate::d24::Client, String> {
    use crate::config::D24Environment;
    let account = &settings.d24;
    let options = ClientOptions::default();
    let explain = |e: crate::d24::Error| e.explain();
    if account.environment == D24Environment::Sandbox {
        let sandbox = sandbox.ok_or_else(|| crate::fl!("d24-sandbox-needs-sandbox"))?;
        let (base, credentials) = sandbox.d24();
        return crate::d24::Client::new(&base, credentials, &options).map_err(explain);
    }
    let base = match account.environment {
        D24Environment::Staging => crate::d24::STAGING_URL.to_string(),
        _ => account.base_url.trim().to_string(),
    };
    if base.is_empty() {
        return Err(crate::fl!("d24-missing-url"));
    }
    if account.login.trim().is_empty() {
        return Err(crate::fl!("d24-missing-login"));
    }
    let secret = store
        .get(secrets::D24_SECRET_KEY)
        .map_err(|e| e.to_string())?
        .map(Secret::new)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| crate::fl!("d24-missing-secret"))?;
    let credentials = crate::d24::Credentials {
        login: account.login.trim().to_string(),
        secret,
    };
    crate::d24::Client::new(&base, credentials, &options).map_err(explain)
}
