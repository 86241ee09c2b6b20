//! Detached ES256 JWS as the API uses it: `base64url(header)..base64url(signature)`, signed over
//! `base64url(header) + "." + base64url(body)`, with the `https://payconiq.com/*` critical claims.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use josekit::jwk::alg::ec::{EcCurve, EcKeyPair};
use josekit::jwk::{Jwk, KeyPair};
use josekit::jws::alg::ecdsa::{EcdsaJwsSigner, EcdsaJwsVerifier};
use josekit::jws::{ES256, JwsSigner, JwsVerifier};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

pub const IAT: &str = "https://payconiq.com/iat";
pub const JTI: &str = "https://payconiq.com/jti";
pub const PATH: &str = "https://payconiq.com/path";
pub const ISS: &str = "https://payconiq.com/iss";
pub const SUB: &str = "https://payconiq.com/sub";
/// Every critical claim we understand, in the order the 3.6.3 docs list them.
pub const UNDERSTOOD: [&str; 5] = [IAT, JTI, PATH, ISS, SUB];
/// Critical claims that must be listed on anything we accept.
pub const REQUIRED: [&str; 4] = [IAT, JTI, PATH, ISS];
/// The issuer the provider puts on its own signatures.
pub const PROVIDER_ISSUER: &str = "Payconiq";

/// Why a signature was not accepted. `Clone` so it can travel inside UI messages.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the response carries no Signature header")]
    Missing,
    #[error("the signature is not a detached JWS: {0}")]
    Malformed(String),
    #[error("algorithm '{0}' is not accepted (only ES256)")]
    Algorithm(String),
    #[error("typ '{0}' is not jose+json")]
    Type(String),
    #[error("critical header problem: {0}")]
    Critical(String),
    #[error("claim {claim}: {detail}")]
    Claim { claim: &'static str, detail: String },
    #[error("no key with kid '{0}' in the provider's key set")]
    UnknownKey(String),
    #[error("the provider's key set could not be used: {0}")]
    KeySet(String),
    #[error("the signature does not match the content (tampered or wrong key)")]
    Mismatch,
}

/// The critical claims of one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claims {
    pub iat: OffsetDateTime,
    pub jti: String,
    pub path: String,
    pub iss: String,
    pub sub: String,
}

impl Claims {
    /// Claims for a request made now with a fresh `jti`.
    pub fn now(path: impl Into<String>, iss: impl Into<String>, sub: impl Into<String>) -> Claims {
        Claims {
            iat: OffsetDateTime::now_utc(),
            jti: uuid::Uuid::new_v4().simple().to_string(),
            path: path.into(),
            iss: iss.into(),
            sub: sub.into(),
        }
    }
}

/// The JOSE header, fields in the order of the 3.6.3 docs so the encoding is stable.
#[derive(Serialize)]
struct HeaderOut<'a> {
    typ: &'static str,
    kid: &'a str,
    alg: &'static str,
    #[serde(rename = "https://payconiq.com/iat")]
    iat: String,
    #[serde(rename = "https://payconiq.com/jti")]
    jti: &'a str,
    #[serde(rename = "https://payconiq.com/path")]
    path: &'a str,
    #[serde(rename = "https://payconiq.com/iss")]
    iss: &'a str,
    #[serde(rename = "https://payconiq.com/sub")]
    sub: &'a str,
    crit: [&'static str; 5],
}

/// A verified header's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub kid: String,
    pub claims: Claims,
}

/// What a verifier insists on beyond the signature itself.
#[derive(Clone, Debug, Default)]
pub struct Expect<'a> {
    /// Exact issuer (`Payconiq` for the provider, the merchant id for merchant requests).
    pub iss: Option<&'a str>,
    /// Exact path (the request path, or the full callback URL).
    pub path: Option<&'a str>,
    /// Exact subject (payment profile id).
    pub sub: Option<&'a str>,
    /// Largest accepted age of `iat` (and future skew), when freshness matters.
    pub max_age: Option<time::Duration>,
}

/// An ES256 private key with its key id. Its `Debug` never shows the key.
#[derive(Clone)]
pub struct SigningKey {
    kid: String,
    pair: EcKeyPair,
    signer: EcdsaJwsSigner,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey {{ kid: {:?}, key: <redacted> }}", self.kid)
    }
}

impl SigningKey {
    /// A new random P-256 key.
    pub fn generate(kid: impl Into<String>) -> Result<SigningKey, SignatureError> {
        let pair = EcKeyPair::generate(EcCurve::P256).map_err(key_err)?;
        Self::from_pair(pair, kid.into())
    }

    /// Imports a private key from PEM (PKCS#8 or SEC1 "EC PRIVATE KEY").
    pub fn from_pem(pem: &[u8], kid: impl Into<String>) -> Result<SigningKey, SignatureError> {
        let pair = EcKeyPair::from_pem(pem, Some(EcCurve::P256)).map_err(key_err)?;
        Self::from_pair(pair, kid.into())
    }

    /// Imports a private JWK (`{"kty":"EC","crv":"P-256","d":…}`); its `kid` wins if present.
    pub fn from_jwk_json(json: &str, kid: impl Into<String>) -> Result<SigningKey, SignatureError> {
        let jwk = Jwk::from_bytes(json.as_bytes()).map_err(key_err)?;
        let kid = jwk
            .key_id()
            .map(str::to_string)
            .unwrap_or_else(|| kid.into());
        let pair = EcKeyPair::from_jwk(&jwk).map_err(key_err)?;
        Self::from_pair(pair, kid)
    }

    /// Imports PEM or JWK, whichever `text` is.
    pub fn import(text: &str, kid: impl Into<String>) -> Result<SigningKey, SignatureError> {
        if text.trim_start().starts_with('{') {
            Self::from_jwk_json(text, kid)
        } else {
            Self::from_pem(text.as_bytes(), kid)
        }
    }

    fn from_pair(pair: EcKeyPair, kid: String) -> Result<SigningKey, SignatureError> {
        if pair.curve() != EcCurve::P256 {
            return Err(SignatureError::KeySet(
                "the key is not on curve P-256".into(),
            ));
        }
        let mut signer = ES256
            .signer_from_der(pair.to_der_private_key())
            .map_err(key_err)?;
        signer.set_key_id(kid.clone());
        Ok(SigningKey { kid, pair, signer })
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// PKCS#8 PEM of the private key, for the keychain. Handle as a secret.
    pub fn to_pem(&self) -> String {
        String::from_utf8_lossy(&self.pair.to_pem_private_key()).into_owned()
    }

    /// The public key as a JWK with `kid`, `use: sig` and `alg: ES256`.
    pub fn public_jwk(&self) -> serde_json::Value {
        let mut jwk = self.pair.to_jwk_public_key();
        jwk.set_key_id(self.kid.clone());
        jwk.set_key_use("sig");
        jwk.set_algorithm("ES256");
        serde_json::Value::Object(jwk.as_ref().clone())
    }

    /// The JWKS a merchant must host for the provider to verify its requests.
    pub fn public_jwks(&self) -> serde_json::Value {
        serde_json::json!({ "keys": [self.public_jwk()] })
    }

    /// A verifier for this key's own signatures.
    pub fn verifier(&self) -> Result<KeyVerifier, SignatureError> {
        KeyVerifier::from_jwk_value(&self.public_jwk())
    }

    /// Signs `payload` detached, returning the `Signature` header value.
    pub fn sign(&self, claims: &Claims, payload: &[u8]) -> Result<String, SignatureError> {
        let header = HeaderOut {
            typ: "jose+json",
            kid: &self.kid,
            alg: "ES256",
            iat: format_iat(claims.iat),
            jti: &claims.jti,
            path: &claims.path,
            iss: &claims.iss,
            sub: &claims.sub,
            crit: UNDERSTOOD,
        };
        self.sign_serialized(&header, payload)
    }
}

impl SigningKey {
    /// Signs `payload` detached under `header` exactly as given, whatever it says: for tests
    /// that make signatures a verifier must refuse (requests use [`SigningKey::sign`]).
    pub fn sign_with_header(
        &self,
        header: &serde_json::Value,
        payload: &[u8],
    ) -> Result<String, SignatureError> {
        self.sign_serialized(header, payload)
    }

    /// Signs `payload` detached under `header`, serialized as it is.
    fn sign_serialized(
        &self,
        header: &impl Serialize,
        payload: &[u8],
    ) -> Result<String, SignatureError> {
        let header =
            serde_json::to_vec(header).map_err(|e| SignatureError::Malformed(e.to_string()))?;
        let header_b64 = B64.encode(header);
        let input = signing_input(&header_b64, payload);
        let signature = self.signer.sign(input.as_bytes()).map_err(key_err)?;
        Ok(format!("{header_b64}..{}", B64.encode(signature)))
    }
}

fn key_err(e: josekit::JoseError) -> SignatureError {
    SignatureError::KeySet(e.to_string())
}

/// `iat` with milliseconds, UTC, as the docs show: `2019-03-07T10:24:23.880Z`.
pub fn format_iat(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

fn signing_input(header_b64: &str, payload: &[u8]) -> String {
    format!("{header_b64}.{}", B64.encode(payload))
}

/// One public key able to check signatures.
#[derive(Clone, Debug)]
pub struct KeyVerifier(EcdsaJwsVerifier);

impl KeyVerifier {
    pub fn from_jwk_value(jwk: &serde_json::Value) -> Result<KeyVerifier, SignatureError> {
        let map = jwk
            .as_object()
            .ok_or_else(|| SignatureError::KeySet("a key is not a JSON object".into()))?;
        let jwk = Jwk::from_map(map.clone()).map_err(key_err)?;
        if jwk.key_type() != "EC" {
            return Err(SignatureError::KeySet(format!(
                "key type {} is not EC",
                jwk.key_type()
            )));
        }
        ES256
            .verifier_from_jwk(&jwk)
            .map(KeyVerifier)
            .map_err(key_err)
    }

    fn verify(&self, input: &[u8], raw_signature: &[u8]) -> Result<(), SignatureError> {
        self.0
            .verify(input, raw_signature)
            .map_err(|_| SignatureError::Mismatch)
    }
}

/// A JSON Web Key Set, indexed by `kid`.
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    keys: Vec<(String, KeyVerifier)>,
}

#[derive(Deserialize)]
struct RawKeySet {
    keys: Vec<serde_json::Value>,
}

impl KeySet {
    /// Parses a JWKS document. Keys we cannot use (RSA, no kid) are skipped; none usable is an error.
    pub fn parse(json: &[u8]) -> Result<KeySet, SignatureError> {
        let raw: RawKeySet = serde_json::from_slice(json)
            .map_err(|e| SignatureError::KeySet(format!("not a JWKS document: {e}")))?;
        let keys: Vec<_> = raw
            .keys
            .iter()
            .filter_map(|k| {
                let kid = k.get("kid")?.as_str()?.to_string();
                KeyVerifier::from_jwk_value(k).ok().map(|v| (kid, v))
            })
            .collect();
        if keys.is_empty() {
            return Err(SignatureError::KeySet(
                "no usable ES256 key in the set".into(),
            ));
        }
        Ok(KeySet { keys })
    }

    pub fn single(kid: impl Into<String>, verifier: KeyVerifier) -> KeySet {
        KeySet {
            keys: vec![(kid.into(), verifier)],
        }
    }

    /// This set with `other`'s keys added (a kid already here takes the new key), keeping the
    /// newest `max` keys.
    pub fn merged(mut self, other: KeySet, max: usize) -> KeySet {
        for (kid, key) in other.keys {
            self.keys.retain(|(k, _)| *k != kid);
            self.keys.push((kid, key));
        }
        let extra = self.keys.len().saturating_sub(max);
        self.keys.drain(..extra);
        self
    }

    /// This set without the keys whose kid `keep` refuses.
    pub fn retained(mut self, keep: impl Fn(&str) -> bool) -> KeySet {
        self.keys.retain(|(kid, _)| keep(kid));
        self
    }

    pub fn get(&self, kid: &str) -> Option<&KeyVerifier> {
        self.keys.iter().find(|(k, _)| k == kid).map(|(_, v)| v)
    }

    pub fn kids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|(k, _)| k.as_str())
    }
}

/// A signature split into its parts, header decoded, before any key is chosen.
#[derive(Clone, Debug)]
pub struct Parsed {
    header_b64: String,
    signature: Vec<u8>,
    pub kid: String,
    header: serde_json::Map<String, serde_json::Value>,
}

/// Splits and decodes a detached JWS and checks the header rules that need no key.
pub fn parse(jws: &str) -> Result<Parsed, SignatureError> {
    let mut parts = jws.trim().split('.');
    let (Some(header_b64), Some(middle), Some(sig_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SignatureError::Malformed(
            "expected header..signature".into(),
        ));
    };
    if !middle.is_empty() {
        return Err(SignatureError::Malformed(
            "the payload is attached, not detached".into(),
        ));
    }
    let header_bytes = B64
        .decode(header_b64)
        .map_err(|_| SignatureError::Malformed("the header is not base64url".into()))?;
    let header: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&header_bytes)
        .map_err(|_| SignatureError::Malformed("the header is not a JSON object".into()))?;
    let signature = B64
        .decode(sig_b64)
        .map_err(|_| SignatureError::Malformed("the signature is not base64url".into()))?;

    let text = |name: &str| header.get(name).and_then(|v| v.as_str());
    match text("alg") {
        Some("ES256") => {}
        other => return Err(SignatureError::Algorithm(other.unwrap_or("(none)").into())),
    }
    if let Some(typ) = header.get("typ") {
        let typ = typ.as_str().unwrap_or_default();
        if !typ.eq_ignore_ascii_case("jose+json") {
            return Err(SignatureError::Type(typ.into()));
        }
    }
    let kid = text("kid")
        .ok_or_else(|| SignatureError::Malformed("the header has no kid".into()))?
        .to_string();
    let crit = header
        .get("crit")
        .and_then(|c| c.as_array())
        .ok_or_else(|| SignatureError::Critical("no crit list".into()))?;
    let mut listed = Vec::new();
    for name in crit {
        let name = name
            .as_str()
            .ok_or_else(|| SignatureError::Critical("a crit entry is not a string".into()))?;
        if !UNDERSTOOD.contains(&name) {
            return Err(SignatureError::Critical(format!(
                "'{name}' is not understood"
            )));
        }
        if !header.contains_key(name) {
            return Err(SignatureError::Critical(format!(
                "'{name}' is listed but absent"
            )));
        }
        listed.push(name);
    }
    if let Some(missing) = REQUIRED.iter().find(|r| !listed.contains(r)) {
        return Err(SignatureError::Critical(format!(
            "'{missing}' is not listed"
        )));
    }
    Ok(Parsed {
        header_b64: header_b64.to_string(),
        signature,
        kid,
        header,
    })
}

impl Parsed {
    /// Whether the header's `crit` lists `name` (checked present by [`parse`]).
    pub fn lists(&self, name: &str) -> bool {
        self.header
            .get("crit")
            .and_then(|c| c.as_array())
            .is_some_and(|c| c.iter().any(|n| n.as_str() == Some(name)))
    }

    /// A claim as written, before any check (`None` when absent or not a string).
    pub fn claim_text(&self, name: &str) -> Option<&str> {
        self.header.get(name).and_then(|v| v.as_str())
    }

    fn claim(&self, name: &'static str) -> Result<String, SignatureError> {
        match self.header.get(name) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(SignatureError::Claim {
                claim: name,
                detail: "is not a string".into(),
            }),
            None => Ok(String::new()),
        }
    }

    /// Checks the claims against `expect` and the signature against `keys`.
    pub fn verify(
        &self,
        payload: &[u8],
        keys: &KeySet,
        expect: &Expect<'_>,
    ) -> Result<Verified, SignatureError> {
        let iat_text = self.claim(IAT)?;
        let iat =
            OffsetDateTime::parse(&iat_text, &Rfc3339).map_err(|_| SignatureError::Claim {
                claim: IAT,
                detail: format!("'{iat_text}' is not an ISO date-time"),
            })?;
        let claims = Claims {
            iat,
            jti: self.claim(JTI)?,
            path: self.claim(PATH)?,
            iss: self.claim(ISS)?,
            sub: self.claim(SUB)?,
        };
        let must_equal = |claim: &'static str, got: &str, want: Option<&str>| match want {
            Some(want) if got != want => Err(SignatureError::Claim {
                claim,
                detail: format!("is '{got}', expected '{want}'"),
            }),
            _ => Ok(()),
        };
        must_equal(ISS, &claims.iss, expect.iss)?;
        must_equal(PATH, &claims.path, expect.path)?;
        must_equal(SUB, &claims.sub, expect.sub)?;
        if let Some(max_age) = expect.max_age {
            let skew = OffsetDateTime::now_utc() - iat;
            if skew.abs() > max_age {
                return Err(SignatureError::Claim {
                    claim: IAT,
                    detail: format!("is {} s away from now", skew.whole_seconds()),
                });
            }
        }
        let key = keys
            .get(&self.kid)
            .ok_or_else(|| SignatureError::UnknownKey(self.kid.clone()))?;
        let raw = raw_signature(&self.signature)?;
        key.verify(signing_input(&self.header_b64, payload).as_bytes(), &raw)?;
        Ok(Verified {
            kid: self.kid.clone(),
            claims,
        })
    }
}

/// Parses and verifies in one step, for callers with the key set at hand.
pub fn verify(
    jws: &str,
    payload: &[u8],
    keys: &KeySet,
    expect: &Expect<'_>,
) -> Result<Verified, SignatureError> {
    parse(jws)?.verify(payload, keys, expect)
}

/// ES256 signatures are 64 bytes `r||s`; some signers send ASN.1 DER instead, which we convert.
fn raw_signature(sig: &[u8]) -> Result<Vec<u8>, SignatureError> {
    if sig.len() == 64 {
        return Ok(sig.to_vec());
    }
    der_to_raw(sig).ok_or_else(|| {
        SignatureError::Malformed(format!(
            "a {}-byte signature is neither raw nor DER",
            sig.len()
        ))
    })
}

fn der_to_raw(der: &[u8]) -> Option<Vec<u8>> {
    // SEQUENCE { INTEGER r, INTEGER s }, short-form lengths (always the case for P-256).
    let (&tag, rest) = der.split_first()?;
    let (&len, body) = rest.split_first()?;
    if tag != 0x30 || len as usize != body.len() {
        return None;
    }
    let mut out = Vec::with_capacity(64);
    let mut body = body;
    for _ in 0..2 {
        let (&tag, rest) = body.split_first()?;
        let (&len, rest) = rest.split_first()?;
        let len = len as usize;
        if tag != 0x02 || rest.len() < len {
            return None;
        }
        let int = &rest[..len];
        let int = &int[int.iter().take_while(|b| **b == 0).count()..];
        if int.len() > 32 {
            return None;
        }
        out.extend(std::iter::repeat_n(0u8, 32 - int.len()));
        out.extend_from_slice(int);
        body = &rest[len..];
    }
    body.is_empty().then_some(out)
}

#[cfg(test)]
mod tests;
