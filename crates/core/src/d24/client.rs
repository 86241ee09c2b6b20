//! A typed client for D24's refund endpoints. Every attempt is signed afresh (a retry after a
//! wait must not carry a stale X-Date); creating a refund always carries the idempotency key
//! the caller committed to the journal, so repeating it after an unclear outcome is safe.

use std::sync::Arc;

use reqwest::Method;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

use super::auth::{Credentials, authorization, x_date};
use super::error::{ApiFailure, Error};
use super::model::{Created, ErrorBody, RefundRequest, RefundState};
use crate::http::{ClientOptions, Repeat, RetryPolicy, with_retries};

/// D24's staging host (production is given at onboarding).
pub const STAGING_URL: &str = "https://api-stg.directa24.com";

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: Arc<str>,
    credentials: Arc<Credentials>,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("d24::Client")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

/// Checks a base URL: https, or plain http to this machine only (the sandbox).
pub fn check_base_url(base: &str) -> Result<String, String> {
    let url = url::Url::parse(base.trim()).map_err(|e| format!("{base}: {e}"))?;
    let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match url.scheme() {
        "https" => {}
        "http" if local => {}
        _ => return Err(format!("{base}: https only")),
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

impl Client {
    pub fn new(
        base: &str,
        credentials: Credentials,
        options: &ClientOptions,
    ) -> Result<Client, Error> {
        let base = check_base_url(base).map_err(Error::Config)?;
        if credentials.login.trim().is_empty() {
            return Err(Error::Config("X-Login".into()));
        }
        if credentials.secret.is_empty() {
            return Err(Error::Config("secret key".into()));
        }
        Ok(Client {
            http: options.build().map_err(Error::Config)?,
            base: base.into(),
            credentials: Arc::new(credentials),
            retry: options.retry.clone(),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    pub fn login(&self) -> &str {
        &self.credentials.login
    }

    /// `POST /v3/refunds` with `key` as `X-Idempotency-Key`. Repeated on a transient failure
    /// with the same key and the same body, which D24 answers without a second refund.
    pub async fn create_refund(
        &self,
        request: &RefundRequest,
        key: &str,
    ) -> Result<Created, Error> {
        let body = serde_json::to_vec(request).map_err(|e| Error::Response(e.to_string()))?;
        self.create_refund_raw(&body, key).await
    }

    /// As [`create_refund`](Self::create_refund), with the body exactly as first sent (the
    /// journal keeps it, so a resumed request is byte for byte the same).
    pub async fn create_refund_raw(&self, body: &[u8], key: &str) -> Result<Created, Error> {
        let url = format!("{}/v3/refunds", self.base);
        self.json(Method::POST, &url, body, Some(key)).await
    }

    /// `GET /v3/refunds/{refund_id}`.
    pub async fn refund(&self, refund_id: &str) -> Result<RefundState, Error> {
        let id: String = url::form_urlencoded::byte_serialize(refund_id.as_bytes()).collect();
        let url = format!("{}/v3/refunds/{id}", self.base);
        self.json(Method::GET, &url, b"", None).await
    }

    /// Whether the credentials are accepted: a status read of a refund that cannot exist.
    /// D24 checks the signature before looking the refund up, so "not found" (208) means the
    /// login, secret key and clock are right.
    pub async fn test_connection(&self) -> Result<(), Error> {
        match self.refund("0").await {
            Ok(_) => Ok(()),
            Err(Error::Api(f)) if f.code == Some(208) || f.status == 404 => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn json<T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
        body: &[u8],
        key: Option<&str>,
    ) -> Result<T, Error> {
        let what = format!("D24 {method} {url}");
        let answer = with_retries(&self.retry, Repeat::Safe, &what, || {
            self.attempt(method.clone(), url, body, key)
        })
        .await?;
        serde_json::from_slice(&answer).map_err(|e| Error::Response(e.to_string()))
    }

    async fn attempt(
        &self,
        method: Method,
        url: &str,
        body: &[u8],
        key: Option<&str>,
    ) -> Result<bytes::Bytes, Error> {
        let date = x_date(OffsetDateTime::now_utc());
        let c = &self.credentials;
        let mut req = self
            .http
            .request(method.clone(), url)
            .header("X-Login", &c.login)
            .header("X-Date", &date)
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                authorization(&c.secret, &date, &c.login, body),
            );
        if let Some(key) = key {
            req = req.header("X-Idempotency-Key", key);
        }
        if method != Method::GET {
            req = req.body(body.to_vec());
        }
        let resp = req.send().await.map_err(transport)?;
        let status = resp.status();
        let retry_after = crate::http::retry_after_header(resp.headers());
        let bytes = resp.bytes().await.map_err(transport)?;
        if status.is_success() {
            Ok(bytes)
        } else {
            let parsed: ErrorBody = serde_json::from_slice(&bytes).unwrap_or_default();
            Err(Error::Api(ApiFailure::from_body(
                status.as_u16(),
                parsed,
                retry_after,
            )))
        }
    }
}

fn transport(e: reqwest::Error) -> Error {
    Error::Transport {
        kind: crate::http::transport_kind(&e),
        detail: e.to_string(),
    }
}
