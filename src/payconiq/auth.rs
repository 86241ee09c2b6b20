//! Who the till is to the API: the account's ids, environment and credentials.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::environment::Environment;
use super::jws::{Claims, SigningKey};

/// A secret string (API key). `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself; call only where it leaves for the keychain or the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How payment calls authenticate. Refund and reconciliation calls always use JWS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMode {
    #[default]
    ApiKey,
    Jws,
}

/// Everything the client needs to talk to one merchant account.
#[derive(Clone, Debug)]
pub struct Account {
    pub environment: Environment,
    pub merchant_id: String,
    /// The payment profile id (the JWS `sub`, and part of sticker payloads).
    pub profile_id: String,
    pub payment_auth: AuthMode,
    pub api_key: Option<Secret>,
    pub signing_key: Option<SigningKey>,
}

/// The header that authenticates one request.
pub(crate) enum AuthHeader {
    Bearer(String),
    Signature(String),
}

impl Account {
    /// Authenticates a request for `path` with `body`. `jws_only` for refunds and reconciliation.
    pub(crate) fn authenticate(
        &self,
        path: &str,
        body: &[u8],
        jws_only: bool,
    ) -> Result<AuthHeader, super::Error> {
        if jws_only || self.payment_auth == AuthMode::Jws {
            let key = self.signing_key.as_ref().ok_or_else(|| {
                super::Error::Config(if jws_only {
                    "refunds and reconciliation need a signing key (JWS)".into()
                } else {
                    "JWS mode needs a signing key".into()
                })
            })?;
            let claims = Claims::now(path, &self.merchant_id, &self.profile_id);
            Ok(AuthHeader::Signature(key.sign(&claims, body)?))
        } else {
            let key = self
                .api_key
                .as_ref()
                .filter(|k| !k.is_empty())
                .ok_or_else(|| super::Error::Config("no API key".into()))?;
            Ok(AuthHeader::Bearer(format!("Bearer {}", key.expose())))
        }
    }

    /// Whether this call's response must carry a valid provider signature.
    pub(crate) fn requires_signed_response(&self, jws_only: bool) -> bool {
        jws_only || self.payment_auth == AuthMode::Jws
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("sk_live_123");
        assert_eq!(format!("{s:?} {s}"), "Secret(<redacted>) <redacted>");
        let key = SigningKey::generate("k1").unwrap();
        let shown = format!("{key:?}");
        assert!(shown.contains("k1") && shown.contains("redacted"));
        assert!(!shown.contains("PRIVATE"));
    }
}
