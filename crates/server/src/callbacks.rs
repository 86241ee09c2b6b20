//! The provider's callbacks, at `{public URL}/callbacks/payconiq`: verified as strictly as the
//! guide allows and more, stored, and only then answered 200.
//!
//! The provider retries a callback for 24 hours when it gets no answer within 15 s or a
//! 429/5xx, with the same headers and body; a 200 or any other answer ends it. So:
//! - a genuine callback is stored before the 200, also one for a payment no till has reported
//!   yet (a 404, as some point-of-sale servers answer, would lose that status for good);
//! - 503 only when we could not store it or could not read the provider's keys (retry, please);
//! - 4xx, logged with why, only for what is not genuine: no or a bad signature, another
//!   issuer, path or profile, an `iat` outside [`PAST`]..[`FUTURE`], a `jti` seen before on
//!   another callback, a body that is not a payment, not JSON, or too big.
//!
//! The same signature again is the provider's retry: answered 200, stored once. A replay must
//! carry a `jti` seen before (the signature covers it), and every `jti` is kept, so replays are
//! refused for as long as their `iat` is accepted (and after that by the `iat`).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use deadpool_postgres::Pool;
use kassa_core::payconiq::jwks::JwksCache;
use kassa_core::payconiq::jws::{self, Expect, KeySet, PROVIDER_ISSUER, SignatureError};
use kassa_core::payconiq::model::PaymentStatus;
use time::OffsetDateTime;

use crate::ServerError;

/// The oldest `iat` accepted: the provider retries unchanged for 24 hours (a margin for its
/// clock and queues).
pub const PAST: time::Duration = time::Duration::minutes(24 * 60 + 15);
/// The furthest ahead `iat` may be: clocks differ a little, never by minutes.
pub const FUTURE: time::Duration = time::Duration::minutes(5);
/// The largest body accepted: a payment is well under 2 KB.
pub const MAX_BODY: usize = 64 * 1024;

/// The advisory lock a shop's callbacks are stored under: this plus the shop's id.
const CALLBACK_LOCK: i64 = 0x4b43_4200_0000_0000;

/// The NOTIFY channel: its payload is the shop's id (a doorbell; the table is the truth).
pub const CHANNEL: &str = "kassa_callbacks";

/// Why a callback was refused: what it is answered, and the log's words.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("content type '{0}' is not application/json")]
    ContentType(String),
    #[error("no Signature header")]
    NoSignature,
    #[error("signature: {0}")]
    Signature(SignatureError),
    #[error("'iat' {0}")]
    Iat(String),
    #[error("'sub' {0} is not one of the shop's payment profiles")]
    Profile(String),
    #[error("'jti' {0} was seen before on another callback (a replay)")]
    Replay(String),
    #[error("the body is not a payment: {0}")]
    Body(String),
    /// Not the callback's fault: the provider's keys could not be read, or the database.
    #[error("cannot be checked or stored now: {0}")]
    Unavailable(String),
}

impl Refused {
    pub fn status(&self) -> StatusCode {
        match self {
            Refused::ContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refused::NoSignature | Refused::Signature(_) | Refused::Iat(_) => {
                StatusCode::UNAUTHORIZED
            }
            Refused::Profile(_) => StatusCode::FORBIDDEN,
            Refused::Replay(_) => StatusCode::CONFLICT,
            Refused::Body(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Refused::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

/// A callback whose signature holds.
#[derive(Clone, Debug)]
pub struct Verified {
    pub jti: String,
    pub profile: String,
    pub iat: OffsetDateTime,
    pub payment_id: String,
    pub status: PaymentStatus,
    pub body: String,
    pub signature: String,
}

/// What became of a verified callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// New, under this id; `advanced` when it moved the payment's status forward.
    New { id: i64, advanced: bool },
    /// The provider's retry of one stored before.
    Again,
}

/// The receiver: the exact URL the provider calls, and the provider's key sets.
pub struct Receiver {
    pub url: String,
    keys: Vec<JwksCache>,
}

impl Receiver {
    /// Callbacks at `{public_url}/callbacks/payconiq`, signed by a key of one of `jwks`.
    pub fn new(public_url: &str, jwks: Vec<JwksCache>) -> Receiver {
        Receiver {
            url: callback_url(public_url),
            keys: jwks,
        }
    }

    /// The key set holding `kid` (the first of the provider's sets that has it), and when the
    /// provider stopped publishing that key if it did. A key that cannot be checked now (the
    /// set unreachable, or read less than a minute ago) is the provider's to send again (503),
    /// not a refusal: a genuine callback under a new key must not be lost.
    async fn keys_for(&self, kid: &str) -> Result<(KeySet, Option<OffsetDateTime>), Refused> {
        let mut unreachable = None;
        for cache in &self.keys {
            match cache.keys_for(kid).await {
                Ok(keys) => return Ok((keys, cache.withdrawn_at(kid).await)),
                Err(SignatureError::KeySet(e)) => unreachable = Some(e),
                Err(_) => {}
            }
        }
        Err(match unreachable {
            Some(e) => Refused::Unavailable(format!("the provider's keys: {e}")),
            None => Refused::Signature(SignatureError::UnknownKey(kid.into())),
        })
    }

    /// Whether the provider's key sets can be read (at start, to say so in the log).
    pub async fn check_keys(&self) -> Result<(), String> {
        for cache in &self.keys {
            match cache.keys_for("").await {
                Ok(_) | Err(SignatureError::UnknownKey(_)) => {}
                Err(e) => return Err(e.to_string()),
            }
        }
        Ok(())
    }

    /// Checks a callback's headers and body; the profile is checked by [`store`].
    pub async fn verify(&self, headers: &HeaderMap, body: &Bytes) -> Result<Verified, Refused> {
        let content_type = headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let essence = content_type.split(';').next().unwrap_or("").trim();
        if !essence.eq_ignore_ascii_case("application/json") {
            return Err(Refused::ContentType(
                content_type.chars().take(80).collect(),
            ));
        }
        let signature = headers
            .get("signature")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or(Refused::NoSignature)?;
        let parsed = jws::parse(signature).map_err(Refused::Signature)?;
        // The profile is part of a callback's signature: it must be listed as critical.
        if !parsed.lists(jws::SUB) {
            return Err(Refused::Signature(SignatureError::Critical(format!(
                "'{}' is not listed",
                jws::SUB
            ))));
        }
        let (keys, withdrawn) = self.keys_for(&parsed.kid).await?;
        let expect = Expect {
            iss: Some(PROVIDER_ISSUER),
            path: Some(&self.url),
            sub: None,
            max_age: None,
        };
        let verified = parsed
            .verify(body, &keys, &expect)
            .map_err(Refused::Signature)?;
        let claims = verified.claims;
        // A key kept past its withdrawal vouches only for what it signed before.
        if let Some(at) = withdrawn.filter(|at| claims.iat > *at) {
            return Err(Refused::Signature(SignatureError::Claim {
                claim: jws::IAT,
                detail: format!("is after its key was withdrawn ({at})"),
            }));
        }
        let age = OffsetDateTime::now_utc() - claims.iat;
        if age > PAST {
            return Err(Refused::Iat(format!(
                "is {} h old (accepted: {} h)",
                age.whole_hours(),
                PAST.whole_hours()
            )));
        }
        if -age > FUTURE {
            return Err(Refused::Iat(format!(
                "is {} s ahead (accepted: {} s)",
                (-age).whole_seconds(),
                FUTURE.whole_seconds()
            )));
        }
        if claims.jti.is_empty() || claims.jti.len() > 128 {
            return Err(Refused::Signature(SignatureError::Claim {
                claim: jws::JTI,
                detail: "is empty or too long".into(),
            }));
        }
        let text = std::str::from_utf8(body)
            .map_err(|_| Refused::Body("not UTF-8".into()))?
            .to_string();
        let (payment_id, status) = payment_of(&text)?;
        Ok(Verified {
            jti: claims.jti,
            profile: claims.sub,
            iat: claims.iat,
            payment_id,
            status,
            body: text,
            signature: signature.to_string(),
        })
    }
}

/// The callback receiver `kassa-server serve` is asked for: at `public_url`, checking signatures with the keys at `jwks` (https,
/// or http to this machine); none without a public URL.
pub fn configured(
    public_url: Option<&str>,
    jwks: &[String],
) -> Result<Option<Arc<Receiver>>, ServerError> {
    let Some(public_url) = public_url.map(str::trim).filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let parsed = url::Url::parse(public_url).map_err(|_| {
        ServerError::BadRequest(format!("--public-url: '{public_url}' is not a URL"))
    })?;
    // The provider calls https only; plain http is for this machine (the sandbox, tests).
    if parsed.scheme() != "https" && !kassa_core::payconiq::environment::is_loopback(&parsed) {
        tracing::warn!(
            public_url,
            "the provider's callbacks are not received: it calls https URLs only (the tills read each payment themselves)"
        );
        return Ok(None);
    }
    // Two tries of 3 s at most: well within the 10 s a callback may take before its 503.
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(3))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| ServerError::BadRequest(e.to_string()))?;
    let mut caches = Vec::new();
    for u in jwks.iter().map(|u| u.trim()).filter(|u| !u.is_empty()) {
        let parsed = url::Url::parse(u)
            .map_err(|_| ServerError::BadRequest(format!("--provider-jwks: '{u}' is not a URL")))?;
        let loopback = kassa_core::payconiq::environment::is_loopback(&parsed);
        if parsed.scheme() != "https" && !(parsed.scheme() == "http" && loopback) {
            return Err(ServerError::BadRequest(format!(
                "--provider-jwks: '{u}' must be https (plain http only to this machine)"
            )));
        }
        caches.push(kassa_core::payconiq::jwks::JwksCache::from_url(
            u,
            http.clone(),
        ));
    }
    if caches.is_empty() {
        return Err(ServerError::BadRequest(
            "--provider-jwks: no key set to check callbacks with".into(),
        ));
    }
    Ok(Some(Arc::new(Receiver::new(public_url, caches))))
}

/// The URL the provider calls under `public_url`.
pub fn callback_url(public_url: &str) -> String {
    format!(
        "{}{}",
        public_url.trim().trim_end_matches('/'),
        kassa_core::shop::CALLBACK_PATH
    )
}

/// The payment id and status a callback's body names.
fn payment_of(body: &str) -> Result<(String, PaymentStatus), Refused> {
    let value: serde_json::Value =
        serde_json::from_str(body).map_err(|e| Refused::Body(format!("not JSON ({e})")))?;
    let field = |name: &str| value.get(name).and_then(|v| v.as_str());
    let id = field("paymentId").ok_or_else(|| Refused::Body("no paymentId".into()))?;
    if id.is_empty() || id.len() > 64 || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Refused::Body(format!(
            "paymentId '{}' is not one",
            id.chars().take(64).collect::<String>()
        )));
    }
    let status = field("status").ok_or_else(|| Refused::Body("no status".into()))?;
    // A status this version does not know is kept as it is (a later API may add one);
    // only something that cannot be a status is refused.
    if status.is_empty()
        || status.len() > 64
        || !status.chars().all(|c| c.is_ascii_uppercase() || c == '_')
    {
        return Err(Refused::Body("status is not one".into()));
    }
    Ok((id.to_string(), PaymentStatus::parse(status)))
}

/// Stores a verified callback for the shop its profile belongs to, in one transaction with
/// the doorbell (NOTIFY is delivered at commit): a `jti` stored before is the provider's retry
/// when the signature is the same, a replay otherwise.
pub async fn store(pool: &Pool, cb: &Verified) -> Result<(i64, Stored), Refused> {
    let unavailable = |e: tokio_postgres::Error| {
        tracing::error!(error = %e, "a callback could not be stored");
        Refused::Unavailable("the database".into())
    };
    let mut client = pool
        .get()
        .await
        .map_err(|e| Refused::Unavailable(format!("the database: {e}")))?;
    let tx = client.transaction().await.map_err(unavailable)?;
    let shop: i64 = tx
        .query_opt(
            "SELECT shop_id FROM payment_profiles WHERE profile_id = $1",
            &[&cb.profile],
        )
        .await
        .map_err(unavailable)?
        .map(|r| r.get(0))
        .ok_or_else(|| Refused::Profile(cb.profile.chars().take(64).collect()))?;
    // One writer per shop at a time: ids are committed in the order they are taken.
    tx.execute(
        "SELECT pg_advisory_xact_lock($1)",
        &[&(CALLBACK_LOCK + shop)],
    )
    .await
    .map_err(unavailable)?;
    if let Some(row) = tx
        .query_opt("SELECT signature FROM callbacks WHERE jti = $1", &[&cb.jti])
        .await
        .map_err(unavailable)?
    {
        let stored: String = row.get(0);
        return if stored == cb.signature {
            Ok((shop, Stored::Again))
        } else {
            Err(Refused::Replay(cb.jti.clone()))
        };
    }
    let rank = i32::from(cb.status.rank());
    let id: i64 = tx
        .query_one("SELECT nextval('callback_ids')", &[])
        .await
        .map_err(unavailable)?
        .get(0);
    let advanced = tx
        .execute(
            "INSERT INTO payment_status (payment_id, shop_id, status, status_rank, callback_id)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (payment_id) DO UPDATE
               SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
                   callback_id = EXCLUDED.callback_id, updated_at = now()
               WHERE payment_status.status_rank < EXCLUDED.status_rank",
            &[&cb.payment_id, &shop, &cb.status.as_str(), &rank, &id],
        )
        .await
        .map_err(unavailable)?
        > 0;
    tx.execute(
        "INSERT INTO callbacks (id, shop_id, jti, signature, payment_id, status, status_rank,
                                advanced, iat, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            &id,
            &shop,
            &cb.jti,
            &cb.signature,
            &cb.payment_id,
            &cb.status.as_str(),
            &rank,
            &advanced,
            &cb.iat,
            &cb.body,
        ],
    )
    .await
    .map_err(unavailable)?;
    tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &shop.to_string()])
        .await
        .map_err(unavailable)?;
    tx.commit().await.map_err(unavailable)?;
    Ok((shop, Stored::New { id, advanced }))
}

/// How long a callback may take before we give up and answer 503 (the provider waits 15 s).
pub const ANSWER_WITHIN: Duration = Duration::from_secs(10);
