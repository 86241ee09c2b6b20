//! Which account the till runs on, decided from its settings and the keys the keychain gave:
//! the embedded sandbox, or a real account that can take a payment now — refused with the
//! reason otherwise, never swapped for the sandbox. And the books its money is counted in.
//! The same for the D24 account refunds over D24 deposits go to.

use serde::{Deserialize, Serialize};

use crate::d24;
use crate::journal::{SANDBOX, account_key};
use crate::payconiq::jws::SigningKey;
use crate::payconiq::{Account, AuthMode, Environment, EnvironmentKind};
use crate::secret::Secret;

/// The Payconiq part of the till's settings.
#[derive(Clone, Copy, Debug)]
pub struct PayconiqSettings<'a> {
    pub environment: EnvironmentKind,
    /// Overrides for Custom.
    pub custom: Option<&'a Environment>,
    pub merchant_id: &'a str,
    pub profile_id: &'a str,
    /// The `kid` of the signing key.
    pub key_id: &'a str,
    pub auth_mode: AuthMode,
}

impl PayconiqSettings<'_> {
    /// The API environment they name (a preset, or the custom one).
    pub fn environment(&self) -> Environment {
        match (self.custom, self.environment) {
            (Some(custom), EnvironmentKind::Custom) => custom.clone(),
            (_, kind) => Environment::preset(kind),
        }
    }

    /// The books the till's sales and refunds are counted in ([`account_key`]).
    pub fn books(&self) -> String {
        if self.environment == EnvironmentKind::Sandbox {
            return SANDBOX.into();
        }
        account_key(&self.environment().api_base, self.profile_id)
    }
}

/// Where the till takes its payments.
#[derive(Clone, Debug)]
pub enum Till {
    /// The embedded simulator: play money, in the sandbox's books.
    Sandbox,
    /// A real account that has what a payment needs.
    Account(Box<Account>),
}

/// Why the configured account cannot take a payment now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountProblem {
    /// No merchant or payment profile id.
    MissingIds,
    MissingApiKey,
    MissingSigningKey,
    /// The stored signing key could not be read (the library's words).
    SigningKey(String),
}

/// The till's account for `settings`, with the API key and the signing key (PEM) the
/// keychain holds.
pub fn decide(
    settings: &PayconiqSettings,
    api_key: Option<Secret>,
    signing_key: Option<String>,
) -> Result<Till, AccountProblem> {
    if settings.environment == EnvironmentKind::Sandbox {
        return Ok(Till::Sandbox);
    }
    let signing_key = match signing_key {
        Some(pem) => Some(
            SigningKey::import(&pem, settings.key_id.to_string())
                .map_err(|e| AccountProblem::SigningKey(e.to_string()))?,
        ),
        None => None,
    };
    // Refuse an account that cannot take a payment now, rather than at the first charge.
    if settings.merchant_id.trim().is_empty() || settings.profile_id.trim().is_empty() {
        return Err(AccountProblem::MissingIds);
    }
    match settings.auth_mode {
        AuthMode::ApiKey if api_key.as_ref().is_none_or(Secret::is_empty) => {
            return Err(AccountProblem::MissingApiKey);
        }
        AuthMode::Jws if signing_key.is_none() => return Err(AccountProblem::MissingSigningKey),
        _ => {}
    }
    Ok(Till::Account(Box::new(Account {
        environment: settings.environment(),
        merchant_id: settings.merchant_id.to_string(),
        profile_id: settings.profile_id.to_string(),
        payment_auth: settings.auth_mode,
        api_key,
        signing_key,
    })))
}

/// Where D24 refunds go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum D24Environment {
    /// The embedded sandbox's D24 side (only while the till runs on the sandbox).
    #[default]
    Sandbox,
    Staging,
    /// The production host D24 gives at onboarding.
    Production,
    Custom,
}

impl D24Environment {
    pub const ALL: [D24Environment; 4] = [
        D24Environment::Sandbox,
        D24Environment::Staging,
        D24Environment::Production,
        D24Environment::Custom,
    ];

    /// Whether the base URL is typed (production is given at onboarding).
    pub fn typed_url(self) -> bool {
        matches!(self, D24Environment::Production | D24Environment::Custom)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct D24Account {
    pub environment: D24Environment,
    /// For production and custom.
    pub base_url: String,
    /// X-Login (the API key).
    pub login: String,
}

/// Where D24 refund requests go.
#[derive(Clone, Debug)]
pub enum D24Target {
    /// The embedded sandbox's D24 side.
    Sandbox,
    Remote {
        base: String,
        credentials: d24::Credentials,
    },
}

/// Why the configured D24 account cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum D24Problem {
    MissingUrl,
    MissingLogin,
    MissingSecret,
}

/// Where D24 refunds go for `account`, with the secret key the keychain holds.
pub fn d24_target(account: &D24Account, secret: Option<Secret>) -> Result<D24Target, D24Problem> {
    if account.environment == D24Environment::Sandbox {
        return Ok(D24Target::Sandbox);
    }
    let base = match account.environment {
        D24Environment::Staging => d24::STAGING_URL.to_string(),
        _ => account.base_url.trim().to_string(),
    };
    if base.is_empty() {
        return Err(D24Problem::MissingUrl);
    }
    if account.login.trim().is_empty() {
        return Err(D24Problem::MissingLogin);
    }
    let secret = secret
        .filter(|s| !s.is_empty())
        .ok_or(D24Problem::MissingSecret)?;
    Ok(D24Target::Remote {
        base,
        credentials: d24::Credentials {
            login: account.login.trim().to_string(),
            secret,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(environment: EnvironmentKind, auth_mode: AuthMode) -> PayconiqSettings<'static> {
        PayconiqSettings {
            environment,
            custom: None,
            merchant_id: "m",
            profile_id: "p",
            key_id: "k",
            auth_mode,
        }
    }

    #[test]
    fn a_real_account_without_its_key_is_refused_not_swapped_for_the_sandbox() {
        let prod = settings(EnvironmentKind::BancontactPreprod, AuthMode::ApiKey);
        assert_eq!(
            decide(&prod, None, None).unwrap_err(),
            AccountProblem::MissingApiKey
        );
        assert_eq!(
            decide(&prod, Some(Secret::new("  ")), None).unwrap_err(),
            AccountProblem::MissingApiKey
        );
        let jws = settings(EnvironmentKind::BancontactPreprod, AuthMode::Jws);
        assert_eq!(
            decide(&jws, Some(Secret::new("k")), None).unwrap_err(),
            AccountProblem::MissingSigningKey
        );
        assert!(matches!(
            decide(&jws, None, Some("not a key".into())).unwrap_err(),
            AccountProblem::SigningKey(_)
        ));
        let no_ids = PayconiqSettings {
            profile_id: " ",
            ..prod
        };
        assert_eq!(
            decide(&no_ids, Some(Secret::new("k")), None).unwrap_err(),
            AccountProblem::MissingIds
        );
        assert!(matches!(
            decide(&prod, Some(Secret::new("k")), None),
            Ok(Till::Account(_))
        ));
        assert!(matches!(
            decide(
                &settings(EnvironmentKind::Sandbox, AuthMode::ApiKey),
                None,
                None
            ),
            Ok(Till::Sandbox)
        ));
    }

    #[test]
    fn books_are_the_sandbox_or_the_api_and_profile() {
        assert_eq!(
            settings(EnvironmentKind::Sandbox, AuthMode::ApiKey).books(),
            SANDBOX
        );
        let prod = settings(EnvironmentKind::BancontactPreprod, AuthMode::ApiKey);
        assert_eq!(prod.books(), account_key(&prod.environment().api_base, "p"));
    }

    #[test]
    fn a_d24_account_needs_its_url_login_and_secret() {
        let mut account = D24Account {
            environment: D24Environment::Production,
            base_url: String::new(),
            login: "l".into(),
        };
        let secret = || Some(Secret::new("s"));
        assert_eq!(
            d24_target(&account, secret()).unwrap_err(),
            D24Problem::MissingUrl
        );
        account.base_url = "https://d24.example".into();
        assert!(matches!(
            d24_target(&account, secret()),
            Ok(D24Target::Remote { .. })
        ));
        assert_eq!(
            d24_target(&account, None).unwrap_err(),
            D24Problem::MissingSecret
        );
        account.login = " ".into();
        assert_eq!(
            d24_target(&account, secret()).unwrap_err(),
            D24Problem::MissingLogin
        );
        account.environment = D24Environment::Sandbox;
        assert!(matches!(d24_target(&account, None), Ok(D24Target::Sandbox)));
    }
}
