//! Who the till is to the API: the account's ids, environment and credentials.

use serde::{Deserialize, Serialize};

use super::environment::Environment;
use super::jws::{Claims, SigningKey};

pub use crate::secret::Secret;

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
