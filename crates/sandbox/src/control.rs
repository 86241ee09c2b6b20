//! Sandbox-only endpoints (no credentials; the sandbox listens on 127.0.0.1 only): the simulated
//! customer phone, the profile switch, refund failure, faults and merchant key registration.
//! Documented in the README.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::routing::{get, post, put};
use serde::Deserialize;

use crate::money::Money;

use super::Shared;
use super::faults::{Fault, FaultKind};
use super::reply::{Reject, Reply, json, no_content};
use super::store::CustomerAction;

type S = State<Arc<Shared>>;

pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/sandbox", get(info))
        .route("/sandbox/payments", get(list))
        .route("/sandbox/payments/{id}/{action}", post(customer))
        .route("/sandbox/stickers/{pos_id}/scan", post(sticker_scan))
        .route("/sandbox/profile", get(profile).post(set_profile))
        .route("/sandbox/refunds/{id}/fail", post(fail_refund))
        .route("/sandbox/callbacks", get(callbacks))
        .route("/sandbox/payouts/{date}/skew", post(skew_payout))
        .route(
            "/sandbox/faults",
            get(faults).post(add_fault).delete(clear_faults),
        )
        .route(
            "/sandbox/merchant/jwks",
            put(merchant_jwks).post(add_merchant_jwks),
        )
        // What a phone does when it opens the QR's deeplink or a sticker's URL.
        .route("/pay/2/{id}", get(scan_deeplink))
        .route("/l/1/{profile}/{pos_id}", get(scan_sticker_url))
        // The same URL in capitals, as a QR code in alphanumeric mode carries it.
        .route("/L/1/{profile}/{pos_id}", get(scan_sticker_url))
}

async fn info(State(s): S) -> Reply {
    Ok(json(
        200,
        &serde_json::json!({
            "apiBase": s.base,
            "jwksUrl": format!("{}/jwks", s.base),
            "merchantId": s.cfg.merchant_id,
            "profileId": s.cfg.profile_id,
            "merchantName": s.cfg.merchant_name,
            "apiKey": s.cfg.api_key,
            "d24": {
                "baseUrl": format!("{}/d24", s.base),
                "login": s.cfg.d24_login,
                "secretKey": s.cfg.d24_secret,
            },
        }),
    ))
}

async fn list(State(s): S) -> Reply {
    Ok(json(200, &s.with_store(|st| st.all_payments(&s.cfg))))
}

#[derive(Deserialize, Default)]
struct Confirm {
    #[serde(default)]
    tip: Option<Money>,
}

async fn customer(State(s): S, Path((id, action)): Path<(String, String)>, body: Bytes) -> Reply {
    let action = match action.as_str() {
        "scan" => CustomerAction::Scan,
        "confirm" => {
            let c: Confirm = if body.is_empty() {
                Confirm::default()
            } else {
                serde_json::from_slice(&body).map_err(|_| {
                    Reject::new(
                        400,
                        "FIELD_IS_INVALID",
                        "The body must be {\"tip\": cents}, a whole number of cents",
                    )
                })?
            };
            let tip = c.tip.unwrap_or_default();
            if !(0..=crate::money::MAX_CENTS).contains(&tip.cents()) {
                return Err(Reject::new(
                    400,
                    "FIELD_IS_INVALID",
                    "tip must be between 0 and 999999 cents",
                ));
            }
            CustomerAction::Confirm { tip }
        }
        "decline" => CustomerAction::Decline,
        "insufficient-funds" => CustomerAction::InsufficientFunds,
        "fail" => CustomerAction::Fail,
        "expire" => CustomerAction::Expire,
        other => {
            return Err(Reject::new(
                404,
                "NOT_FOUND",
                format!("No customer action '{other}'"),
            ));
        }
    };
    let p = s.with_store(|st| st.customer(&s.cfg, &id, action))?;
    Ok(json(200, &p))
}

fn scan_at_pos(s: &Shared, pos_id: &str) -> Reply {
    let id = s
        .with_store(|st| st.pending_at_pos(&s.cfg, pos_id))
        .ok_or_else(|| {
            Reject::new(
                404,
                "PAYMENT_NOT_FOUND",
                format!("No payment waiting at '{pos_id}'"),
            )
        })?;
    let p = s.with_store(|st| st.customer(&s.cfg, &id, CustomerAction::Scan))?;
    Ok(json(200, &p))
}

async fn sticker_scan(State(s): S, Path(pos_id): Path<String>) -> Reply {
    scan_at_pos(&s, &pos_id)
}

async fn scan_sticker_url(State(s): S, Path((profile, pos_id)): Path<(String, String)>) -> Reply {
    // Another merchant's sticker is not one of this sandbox's (in any case: see above).
    if !profile.eq_ignore_ascii_case(&s.cfg.profile_id) {
        return Err(Reject::new(
            404,
            "PAYMENT_NOT_FOUND",
            format!("No sticker of profile '{profile}' here"),
        ));
    }
    scan_at_pos(&s, &pos_id)
}

async fn scan_deeplink(State(s): S, Path(id): Path<String>) -> Reply {
    let p = s.with_store(|st| st.customer(&s.cfg, &id, CustomerAction::Scan))?;
    Ok(json(200, &p))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Profile {
    void_enabled: bool,
}

async fn profile(State(s): S) -> Reply {
    let on = s.peek_store(|st| st.void_enabled);
    Ok(json(200, &serde_json::json!({ "voidEnabled": on })))
}

async fn set_profile(State(s): S, body: Bytes) -> Reply {
    let p: Profile = serde_json::from_slice(&body)
        .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e.to_string()))?;
    s.with_store(|st| st.void_enabled = p.void_enabled);
    Ok(no_content())
}

async fn fail_refund(State(s): S, Path(id): Path<String>) -> Reply {
    s.fail_refund(&id)?;
    Ok(no_content())
}

#[derive(Deserialize)]
struct Skew {
    cents: i64,
}

async fn skew_payout(State(s): S, Path(date): Path<String>, body: Bytes) -> Reply {
    let day = crate::payconiq::reconciliation::parse_date(&date)
        .ok_or_else(|| Reject::new(400, "BAD_REQUEST", "the date must be yyyy-MM-dd"))?;
    let skew: Skew = serde_json::from_slice(&body)
        .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e.to_string()))?;
    s.with_store(|st| st.payout_skew.insert(day, skew.cents));
    Ok(no_content())
}

async fn callbacks(State(s): S) -> Reply {
    let log: Vec<_> = {
        let cb = s.callbacks.lock().unwrap_or_else(|p| p.into_inner());
        cb.log.iter().cloned().collect()
    };
    Ok(json(200, &log))
}

async fn faults(State(s): S) -> Reply {
    Ok(json(200, &s.with_faults(|f| f.list())))
}

async fn add_fault(State(s): S, body: Bytes) -> Reply {
    let fault: Fault = serde_json::from_slice(&body)
        .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e.to_string()))?;
    // Faults are for testing, not for hanging the till's sandbox or answering nonsense.
    match &fault.kind {
        FaultKind::Latency { ms } if *ms > 60_000 => {
            return Err(Reject::new(
                400,
                "FIELD_IS_INVALID",
                "ms may be at most 60000",
            ));
        }
        FaultKind::Status { status } if !(400..=599).contains(status) => {
            return Err(Reject::new(
                400,
                "FIELD_IS_INVALID",
                "status must be an error status (400 to 599)",
            ));
        }
        _ => {}
    }
    s.with_faults(|f| f.add(fault));
    Ok(no_content())
}

async fn clear_faults(State(s): S) -> Reply {
    s.with_faults(|f| f.clear());
    Ok(no_content())
}

async fn add_merchant_jwks(State(s): S, body: Bytes) -> Reply {
    s.add_merchant_keys(&body)
        .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e))?;
    Ok(no_content())
}

async fn merchant_jwks(State(s): S, body: Bytes) -> Reply {
    s.set_merchant_keys(&body)
        .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e))?;
    Ok(no_content())
}
