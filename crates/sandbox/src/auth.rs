//! How the sandbox decides who is calling: an API key, or a merchant JWS checked against the
//! merchant's registered public keys, as the provider does.

use axum::http::{HeaderMap, Uri};

use crate::payconiq::jws::{self, Expect, SignatureError};

use super::Shared;
use super::reply::Reject;

/// Which credentials an endpoint accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    ApiKeyOrJws,
    JwsOnly,
}

/// Whether a request with a body says it is JSON, as every request-header table of the guide
/// requires ("Content-type [String, required] application/json"); parameters such as a
/// charset are allowed. A request without a body needs none.
pub(crate) fn json_or_no_body(headers: &HeaderMap, body: &[u8]) -> bool {
    if body.iter().all(u8::is_ascii_whitespace) {
        return true;
    }
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

impl Shared {
    /// Who is calling, after the body's content type (before a signature's id is spent on a
    /// request that is refused anyway); see `spec::Endpoint::WRONG_CONTENT_TYPE`.
    pub fn authenticate(
        &self,
        headers: &HeaderMap,
        uri: &Uri,
        body: &[u8],
        accepts: Accepts,
    ) -> Result<(), Reject> {
        if !json_or_no_body(headers, body) {
            let (status, code) = crate::payconiq::spec::Endpoint::WRONG_CONTENT_TYPE;
            return Err(Reject::new(
                status,
                code,
                "Content type not supported: send the body as application/json",
            ));
        }
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        if let Some(signature) = header("signature") {
            return self.check_merchant_jws(signature, uri, body);
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

    fn check_merchant_jws(&self, signature: &str, uri: &Uri, body: &[u8]) -> Result<(), Reject> {
        let rejected = |e: SignatureError| match e {
            SignatureError::Claim {
                claim: jws::ISS, ..
            } => Reject::new(403, "ACCESS_DENIED", e.to_string()),
            other => Reject::unauthorized(format!("Signature rejected: {other}")),
        };
        let parsed = jws::parse(signature).map_err(rejected)?;
        // The guide's `path` is "the request path"; whether its query belongs to it, it does
        // not say. The client signs the path alone, as integrations do, and that is taken; a
        // claim that names a query must name this request's (a signed page 1 is not page 2).
        let names_query = parsed
            .claim_text(jws::PATH)
            .is_some_and(|p| p.contains('?'));
        let path = match uri.path_and_query() {
            Some(pq) if names_query => pq.as_str(),
            _ => uri.path(),
        };
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
        let verified = parsed.verify(body, &keys, &expect).map_err(rejected)?;
        if verified.claims.sub != self.cfg.profile_id {
            return Err(Reject::new(
                403,
                "ACCESS_DENIED",
                format!("Profile '{}' is not this merchant's", verified.claims.sub),
            ));
        }
        // A signed request counts once: a captured one sent again (with a new Idempotency-Key,
        // which the signature does not cover) would move money again.
        if self
            .jtis
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .first(&verified.claims.jti, ())
            .is_some()
        {
            return Err(Reject::unauthorized(format!(
                "Signature rejected: jti '{}' was used before (a request is signed once)",
                verified.claims.jti.chars().take(64).collect::<String>()
            )));
        }
        Ok(())
    }
}

/// How long a merchant JWS id is kept: the 5 minutes its `iat` is accepted either way, and
/// more (an older request is refused by its `iat`, so its id need not be kept longer).
pub(crate) const JTI_KEPT: std::time::Duration = std::time::Duration::from_secs(11 * 60);
