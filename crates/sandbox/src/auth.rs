//! How the sandbox decides who is calling: an API key, or a merchant JWS checked against the
//! merchant's registered public keys, as the provider does.

use axum::http::HeaderMap;

use crate::payconiq::jws::{self, Expect, SignatureError};

use super::Shared;
use super::reply::Reject;

/// Which credentials an endpoint accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    ApiKeyOrJws,
    JwsOnly,
}

impl Shared {
    pub fn authenticate(
        &self,
        headers: &HeaderMap,
        path: &str,
        body: &[u8],
        accepts: Accepts,
    ) -> Result<(), Reject> {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        if let Some(signature) = header("signature") {
            return self.check_merchant_jws(signature, path, body);
        }
        match header("authorization") {
            Some(_) if accepts == Accepts::JwsOnly => Err(Reject::unauthorized(
                "This endpoint accepts a JWS Signature only, not an API key",
            )),
            Some(value) => {
                let key = value.strip_prefix("Bearer ").unwrap_or_default().trim();
                if !key.is_empty() && key == self.cfg.api_key {
                    Ok(())
                } else {
                    Err(Reject::unauthorized("The API key is not valid"))
                }
            }
            None => Err(Reject::unauthorized("No API key or Signature provided")),
        }
    }

    fn check_merchant_jws(&self, signature: &str, path: &str, body: &[u8]) -> Result<(), Reject> {
        let keys = self
            .merchant_keys
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| {
                Reject::unauthorized("No merchant JWKS is registered with the sandbox")
            })?;
        let expect = Expect {
            iss: Some(&self.cfg.merchant_id),
            path: Some(path),
            sub: None,
            max_age: Some(time::Duration::minutes(5)),
        };
        let verified = jws::verify(signature, body, &keys, &expect).map_err(|e| match e {
            SignatureError::Claim {
                claim: jws::ISS, ..
            } => Reject::new(403, "ACCESS_DENIED", e.to_string()),
            other => Reject::unauthorized(format!("Signature rejected: {other}")),
        })?;
        if verified.claims.sub != self.cfg.profile_id {
            return Err(Reject::new(
                403,
                "ACCESS_DENIED",
                format!("Profile '{}' is not this merchant's", verified.claims.sub),
            ));
        }
        Ok(())
    }
}
