//! What the screens' actions run against: the API client, and the embedded sandbox when no
//! real account is configured. Built once at start-up, off the UI thread.

use std::fmt;
use std::sync::Arc;

use crate::config::Settings;
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
        let environment = match (&settings.custom, settings.environment) {
            (Some(custom), EnvironmentKind::Custom) => custom.clone(),
            (_, kind) => Environment::preset(kind),
        };
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
