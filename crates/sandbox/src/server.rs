//! The accept loop. Runs hyper directly (not `axum::serve`) so that a fault can close a
//! connection without answering, and so every API answer is signed in one place.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;

use crate::payconiq::jws::{Claims, PROVIDER_ISSUER};

use super::Shared;
use super::d24::D24Reject;
use super::faults::{FaultKind, classify, latency};
use super::reply::Reject;

/// The error that makes hyper drop a connection (the "dropped connection" fault).
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for Dropped {}

pub async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    let router = super::routes::router(shared.clone());
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.changed() => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors, say: wait instead of spinning a core on retries.
                tracing::warn!(error = %e, "sandbox accept failed; backing off");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            }
        };
        let (router, shared, mut stop) = (router.clone(), shared.clone(), stop.clone());
        let timeout = shared.cfg.request_timeout;
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                let (router, shared) = (router.clone(), shared.clone());
                async move {
                    // A body that never arrives in full (shorter than its Content-Length, or
                    // trickled) ends the request instead of holding the connection.
                    match tokio::time::timeout(timeout, handle(router, shared, req)).await {
                        Ok(answer) => answer,
                        Err(_) => Ok(axum::response::IntoResponse::into_response(Reject::new(
                            408,
                            "REQUEST_TIMEOUT",
                            "The request did not arrive in time",
                        ))),
                    }
                }
            });
            // Headers that never finish (a slow-loris client) close the connection.
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(timeout)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = conn => {}
                _ = stop.changed() => {}
            }
        });
    }
}

async fn handle(
    router: axum::Router,
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Response<Body>, Dropped> {
    let path = req.uri().path().to_string();
    shared.log_request(req.method().as_str(), &path);
    if let Err(refused) = crate::guard::check(req.method(), &path, req.headers()) {
        return Ok(axum::response::IntoResponse::into_response(refused));
    }
    let endpoint = classify(req.method(), &path);
    // D24's answers are its own: error objects of its shape, never JWS-signed.
    let d24 = path.starts_with("/d24/");
    let faults = match endpoint {
        Some(name) => shared
            .faults
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take(name),
        None => Vec::new(),
    };
    let delay = latency(&faults);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let injected = faults.iter().find_map(|f| match f {
        FaultKind::Status { status } => Some(*status),
        _ => None,
    });
    let resp = match injected {
        Some(status) => {
            let mut resp = if d24 {
                axum::response::IntoResponse::into_response(D24Reject::new(
                    status,
                    500,
                    "GENERIC_ERROR",
                    "Injected fault",
                ))
            } else {
                let reject = Reject::new(status, "TECHNICAL_ERROR", "Injected fault");
                axum::response::IntoResponse::into_response(reject)
            };
            // As a rate-limited or overloaded API does: say when to come back.
            if status == 429 || status == 503 {
                resp.headers_mut()
                    .insert("Retry-After", HeaderValue::from_static("1"));
            }
            resp
        }
        None => match router.oneshot(req.map(Body::new)).await {
            Ok(resp) => error_object(resp, d24),
            Err(never) => match never {},
        },
    };
    // Every API answer is signed, errors included, as the provider does; controls and the
    // JWKS are not.
    let signed = endpoint.is_some_and(|e| e != "jwks") && !d24;
    let resp = if signed {
        sign(&shared, &path, resp).await
    } else {
        resp
    };

    // The provider's clock, as an HTTP server tells it (hyper adds none when one is set).
    let mut resp = resp;
    if let Ok(date) = HeaderValue::from_str(&crate::http::format_http_date(shared.cfg.now())) {
        resp.headers_mut().insert("Date", date);
    }

    if faults.contains(&FaultKind::Drop) {
        return Err(Dropped);
    }
    if faults.contains(&FaultKind::Tamper) {
        return Ok(tamper(resp).await);
    }
    Ok(resp)
}

/// Errors the HTTP framework answers itself (no route, wrong method, a path or body it cannot
/// read) get the API's error object too, as every error of the real API does: Payconiq's, or
/// D24's shape and codes under `/d24`.
fn error_object(resp: Response<Body>, d24: bool) -> Response<Body> {
    let status = resp.status();
    let is_json = resp
        .headers()
        .get("content-type")
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let status = status.as_u16();
    if d24 {
        let (code, kind, message) = match status {
            404 => (208, "RESOURCE_NOT_FOUND", "Resource not found"),
            405 => (200, "METHOD_NOT_ALLOWED", "Request method not supported"),
            400..=499 => (202, "INVALID_REQUEST_BODY", "Invalid request body"),
            _ => (500, "GENERIC_ERROR", "Generic error"),
        };
        return axum::response::IntoResponse::into_response(D24Reject::new(
            status, code, kind, message,
        ));
    }
    let (code, message) = match status {
        404 => ("NOT_FOUND", "No such resource"),
        405 => ("METHOD_NOT_ALLOWED", "This method is not allowed here"),
        413 => ("PAYLOAD_TOO_LARGE", "The body is too large"),
        415 => ("UNSUPPORTED_MEDIA_TYPE", "The body must be JSON"),
        400..=499 => ("BAD_REQUEST", "The request could not be read"),
        _ => ("TECHNICAL_ERROR", "Something went wrong"),
    };
    axum::response::IntoResponse::into_response(Reject::new(status, code, message))
}

async fn sign(shared: &Shared, path: &str, resp: Response<Body>) -> Response<Body> {
    let (mut parts, body) = resp.into_parts();
    let bytes = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    let claims = Claims::now(path, PROVIDER_ISSUER, &shared.cfg.profile_id);
    match shared.key.sign(&claims, &bytes) {
        Ok(sig) => {
            if let Ok(value) = HeaderValue::from_str(&sig) {
                parts.headers.insert("Signature", value);
            }
        }
        Err(e) => tracing::error!(%e, "sandbox could not sign a response"),
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Changes the body after signing: a digit becomes another, or an empty body gains `{}`.
async fn tamper(resp: Response<Body>) -> Response<Body> {
    let (mut parts, body) = resp.into_parts();
    let mut bytes = body
        .collect()
        .await
        .map(|c| c.to_bytes().to_vec())
        .unwrap_or_default();
    match bytes.iter().position(u8::is_ascii_digit) {
        Some(at) => {
            bytes[at] = if bytes[at] == b'9' {
                b'1'
            } else {
                bytes[at] + 1
            }
        }
        None => {
            bytes.extend_from_slice(b"{}");
            // A 204 may not carry a body.
            parts.status = axum::http::StatusCode::OK;
        }
    }
    parts.headers.remove("content-length");
    Response::from_parts(parts, Body::from(bytes))
}
