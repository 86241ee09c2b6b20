//! D24's endpoints as the sandbox answers them, and its controls under `/sandbox/d24`.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::{D24State, Paid, SimRefund, rejection};
use crate::Shared;
use crate::payconiq::Secret;
use kassa_core::d24::amount::Amount;
use kassa_core::d24::auth::{parse_x_date, verify};
use kassa_core::d24::model::{BankAccount, RefundStatus, check_account};

type S = State<Arc<Shared>>;

/// A D24 error answer: `{"code", "description", "type"}` with its HTTP status.
pub struct D24Reject {
    status: u16,
    code: u32,
    kind: &'static str,
    description: String,
}

impl D24Reject {
    pub fn new(
        status: u16,
        code: u32,
        kind: &'static str,
        description: impl Into<String>,
    ) -> D24Reject {
        D24Reject {
            status,
            code,
            kind,
            description: description.into(),
        }
    }

    fn body(why: impl Into<String>) -> D24Reject {
        D24Reject::new(
            400,
            202,
            "INVALID_REQUEST_BODY",
            format!("Invalid request body: {}", why.into()),
        )
    }

    fn not_found() -> D24Reject {
        D24Reject::new(404, 208, "RESOURCE_NOT_FOUND", "Resource not found")
    }

    fn amount() -> D24Reject {
        D24Reject::new(
            400,
            802,
            "INVALID_AMOUNT_TO_REFUND",
            "Amount to refund not valid",
        )
    }
}

impl IntoResponse for D24Reject {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let body = json!({"code": self.code, "description": self.description, "type": self.kind});
        (status, axum::Json(body)).into_response()
    }
}

type D24Reply = Result<Response, D24Reject>;

pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/v3/refunds", post(create))
        .route("/v3/refunds/{id}", get(status))
}

pub(crate) fn control_router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/sandbox/d24/deposits", get(deposits))
        .route("/sandbox/d24/refunds/{id}/reject", post(reject))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// D24's checks on every request, in its order: headers there, a known login, a date in
/// range, then the signature over X-Date + X-Login + body.
fn authenticate(s: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<(), D24Reject> {
    let missing = |name: &str| {
        D24Reject::new(
            400,
            101,
            "MISSING_REQUIRED_HEADER",
            format!("Missing or invalid format for required header {name}"),
        )
    };
    let login = header(headers, "X-Login").ok_or_else(|| missing("X-Login"))?;
    let date = header(headers, "X-Date").ok_or_else(|| missing("X-Date"))?;
    let auth = header(headers, "Authorization").ok_or_else(|| missing("Authorization"))?;
    if !crate::auth::json_or_no_body(headers, body) {
        return Err(missing("Content-Type"));
    }
    if login != s.cfg.d24_login {
        return Err(D24Reject::new(
            401,
            100,
            "INVALID_CREDENTIALS",
            "Invalid credentials",
        ));
    }
    let at = parse_x_date(date).ok_or_else(|| missing("X-Date"))?;
    if (OffsetDateTime::now_utc() - at).abs() > super::DATE_WINDOW {
        return Err(D24Reject::new(
            400,
            103,
            "INVALID_DATE_RANGE",
            "X-Date header value out of valid range",
        ));
    }
    let secret = Secret::new(s.cfg.d24_secret.clone());
    if !verify(&secret, date, login, body, auth) {
        return Err(D24Reject::new(
            401,
            102,
            "INVALID_SIGNATURE",
            "Invalid signature",
        ));
    }
    Ok(())
}

/// A signed refund request counts once: its signature again (within the X-Date window that
/// makes it valid) is the same request only with the same idempotency key (a retry, answered
/// as before); with another key, or none, it is a replay and moves no money.
fn once(s: &Shared, headers: &HeaderMap) -> Result<(), D24Reject> {
    let Some(auth) = header(headers, "Authorization") else {
        return Ok(());
    };
    let key = header(headers, "X-Idempotency-Key").map(str::to_string);
    let first = s
        .d24_signatures
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .first(auth, key.clone());
    match first {
        Some(first) if first.is_none() || first != key => Err(D24Reject::new(
            401,
            102,
            "INVALID_SIGNATURE",
            "Signature already used: a request is signed once",
        )),
        _ => Ok(()),
    }
}

/// The longest D24 idempotency key kept.
const IDEMPOTENCY_KEY_MAX: usize = crate::payconiq::validate::IDEMPOTENCY_KEY_MAX;

fn with_d24<R>(s: &Shared, f: impl FnOnce(&mut D24State) -> R) -> R {
    let r = f(&mut s.d24.lock().unwrap_or_else(|p| p.into_inner()));
    s.touched.notify_one();
    r
}

async fn create(State(s): S, headers: HeaderMap, body: Bytes) -> D24Reply {
    authenticate(&s, &headers, &body)?;
    let key = header(&headers, "X-Idempotency-Key");
    // Kept with the answer for every refund: a key is an id, not a store (the client's are
    // UUIDs; 64 characters as for Payconiq's Idempotency-Key).
    if key.is_some_and(|k| k.is_empty() || k.len() > IDEMPOTENCY_KEY_MAX) {
        return Err(D24Reject::body(format!(
            "X-Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} characters"
        )));
    }
    once(&s, &headers)?;
    let key = key.map(|k| format!("{}/{k}", s.cfg.d24_login));
    if let Some(key) = &key {
        let earlier = s
            .d24
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .answered
            .get(key)
            .cloned();
        if let Some((first_body, answer)) = earlier {
            if first_body != body.as_ref() {
                return Err(D24Reject::body(
                    "X-Idempotency-Key already used for another request",
                ));
            }
            // The same request again: the same answer, no second refund.
            return Ok(raw_json(200, answer));
        }
    }
    let map = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(map)) => map,
        _ => return Err(D24Reject::body("not a JSON object")),
    };
    let deposit_id = map
        .get("deposit_id")
        .and_then(Value::as_u64)
        .ok_or_else(|| D24Reject::body("deposit_id"))?;
    let invoice_id = map
        .get("invoice_id")
        .and_then(Value::as_str)
        .filter(|i| !i.trim().is_empty())
        .ok_or_else(|| D24Reject::body("invoice_id"))?
        .to_string();
    let account = match map.get("bank_account") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let account: BankAccount = serde_json::from_value(v.clone())
                .map_err(|e| D24Reject::body(format!("bank_account: {e}")))?;
            check_account(&account).map_err(|p| D24Reject::body(format!("bank_account: {p:?}")))?;
            Some(account)
        }
    };
    let notification_url = map
        .get("notification_url")
        .and_then(Value::as_str)
        .map(str::to_string);
    let amount_text = match map.get("amount") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) => Some(t.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err(D24Reject::amount()),
    };
    let cfg = &s.cfg;
    let (answer, refund) = with_d24(&s, |st| {
        let deposit = st
            .deposits
            .get(&deposit_id)
            .filter(|d| d.invoice_id == invoice_id)
            .cloned()
            .ok_or_else(D24Reject::not_found)?;
        if !deposit.completed {
            return Err(D24Reject::new(
                400,
                801,
                "DEPOSIT_NOT_COMPLETED",
                "Refund cannot be applied since deposit is not in status completed",
            ));
        }
        let remaining = st.remaining(&deposit, cfg);
        let amount = match &amount_text {
            None => remaining,
            Some(t) => Amount::parse_api(t, &deposit.currency)
                .map_err(|_| D24Reject::amount())?
                .minor(),
        };
        if deposit.paid.is_card() && amount != deposit.amount {
            // Cards are refunded whole, once.
            return Err(D24Reject::amount());
        }
        if amount <= 0 || amount > remaining {
            return Err(D24Reject::amount());
        }
        if !deposit.paid.is_card() && account.is_none() {
            return Err(D24Reject::new(
                400,
                804,
                "MISSING_BANK_ACCOUNT",
                "Missing bank account information",
            ));
        }
        let rejected = match (&account, deposit.paid) {
            (_, Paid::CardDeclined) => true,
            (Some(a), _) => a
                .account_number
                .chars()
                .all(|c| c == '0' || c == '-' || c == ' '),
            _ => false,
        };
        let refund = SimRefund {
            refund_id: st.next_refund,
            deposit_id,
            amount,
            created: OffsetDateTime::now_utc(),
            rejected,
            notification_url,
        };
        st.next_refund += 1;
        st.refunds.insert(refund.refund_id, refund.clone());
        let answer = if deposit.paid.is_card() {
            let result = match st.status(&refund, cfg, refund.created) {
                RefundStatus::Completed => "SUCCESS",
                RefundStatus::Rejected => "REJECTED",
                _ => "IN_PROGRESS",
            };
            let (method, method_name) = deposit.paid.method_code();
            let mut info = json!({
                "type": "CREDIT_CARD",
                "result": result,
                "payment_method": method,
                "payment_method_name": method_name,
                "amount": "@amount@",
                "currency": deposit.currency,
                "created_at": refund.created.format(&time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]")).unwrap_or_default(),
            });
            if result == "REJECTED" {
                let (reason, code) = rejection(deposit.paid);
                info["reason"] = json!(reason);
                info["reason_code"] = json!(code);
            }
            json!({
                "refund_id": refund.refund_id.to_string(),
                "deposit_id": deposit_id,
                "merchant_invoice_id": deposit.invoice_id,
                "refund_info": info,
            })
        } else {
            json!({"refund_id": refund.refund_id})
        };
        let answer = with_amount(&answer, Some(&st.deposit_amount(&deposit, amount)));
        if let Some(key) = &key {
            st.remember(key.clone(), body.to_vec(), answer.clone());
        }
        Ok((answer, refund))
    })?;
    if let Some(url) = refund.notification_url.clone() {
        tokio::spawn(notify(s.clone(), url, refund));
    }
    Ok(raw_json(200, answer))
}

/// Where an amount goes in an answer, written in after serialising (a `Value` would hold it
/// as a float and lose the trailing zeros D24 writes: 100.00).
const AMOUNT_SLOT: &str = "\"@amount@\"";

/// The answer's bytes with its amount slot filled in as a JSON number (505.95, 100.00).
fn with_amount(answer: &Value, amount: Option<&Amount>) -> Vec<u8> {
    let text = answer.to_string();
    let number = amount.map(Amount::to_api).unwrap_or_else(|| "null".into());
    text.replacen(AMOUNT_SLOT, &number, 1).into_bytes()
}

fn raw_json(status: u16, body: Vec<u8>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    (status, [("content-type", "application/json")], body).into_response()
}

fn refund_view(st: &D24State, r: &SimRefund, cfg: &crate::SandboxConfig) -> Vec<u8> {
    let status = st.status(r, cfg, OffsetDateTime::now_utc());
    let deposit = st.deposits.get(&r.deposit_id);
    let mut view = json!({
        "deposit_id": r.deposit_id,
        "merchant_invoice_id": deposit.map(|d| d.invoice_id.clone()),
        "status": status.as_str(),
        "amount": "@amount@",
        "currency": deposit.map(|d| d.currency.clone()),
    });
    if status == RefundStatus::Rejected {
        let (reason, code) = rejection(deposit.map(|d| d.paid).unwrap_or(Paid::Cash));
        view["reason"] = json!(reason);
        view["reason_code"] = json!(code);
    }
    with_amount(
        &view,
        deposit.map(|d| st.deposit_amount(d, r.amount)).as_ref(),
    )
}

async fn status(State(s): S, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> D24Reply {
    authenticate(&s, &headers, &body)?;
    let id: u64 = id.parse().map_err(|_| D24Reject::not_found())?;
    let st = s.d24.lock().unwrap_or_else(|p| p.into_inner());
    let r = st.refunds.get(&id).ok_or_else(D24Reject::not_found)?;
    Ok(raw_json(200, refund_view(&st, r, &s.cfg)))
}

/// Tells `url` each time the refund's status changes, with its id (as D24 does: the receiver
/// then reads the status back). To this machine only; three tries each.
async fn notify(s: Arc<Shared>, url: String, refund: SimRefund) {
    let loopback =
        url::Url::parse(&url).is_ok_and(|u| crate::payconiq::environment::is_loopback(&u));
    if !loopback {
        tracing::info!(
            "sandbox D24: notification not sent, the sandbox notifies this machine only"
        );
        return;
    }
    // One client per sandbox for every notification: building one loads the system's
    // certificates. (Not a static: its connections belong to this sandbox's runtime.)
    let http = s.d24_http.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(5))
            .build()
            .unwrap_or_default()
    });
    let mut last = None;
    for _ in 0..8 {
        let status = {
            let st = s.d24.lock().unwrap_or_else(|p| p.into_inner());
            st.status(&refund, &s.cfg, OffsetDateTime::now_utc())
        };
        if last.as_ref() != Some(&status) {
            let body = json!({"refund_id": refund.refund_id}).to_string();
            for _ in 0..3 {
                let sent = http
                    .post(&url)
                    .header("content-type", "application/json")
                    .body(body.clone())
                    .send()
                    .await;
                if sent.is_ok_and(|r| r.status().is_success()) {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            if status.is_final() {
                return;
            }
            last = Some(status);
        }
        let half: time::Duration = s.cfg.refund_delay / 2;
        let step = half.max(time::Duration::milliseconds(20));
        tokio::time::sleep(std::time::Duration::try_from(step).unwrap_or_default()).await;
    }
}

async fn deposits(State(s): S) -> Response {
    let st = s.d24.lock().unwrap_or_else(|p| p.into_inner());
    let list: Vec<Value> = st
        .deposits
        .values()
        .map(|d| {
            json!({
                "deposit_id": d.deposit_id,
                "invoice_id": d.invoice_id,
                "method": d.paid,
                "card": d.paid.is_card(),
                "amount": st.deposit_amount(d, d.amount).to_api(),
                "remaining": st.deposit_amount(d, st.remaining(d, &s.cfg)).to_api(),
                "currency": d.currency,
                "status": if d.completed { "COMPLETED" } else { "PENDING" },
            })
        })
        .collect();
    axum::Json(list).into_response()
}

/// Makes a refund end REJECTED (as a bank refusing the transfer would), if not yet final.
async fn reject(State(s): S, Path(id): Path<u64>) -> D24Reply {
    let cfg = &s.cfg;
    with_d24(&s, |st| {
        let r = st
            .refunds
            .get(&id)
            .cloned()
            .ok_or_else(D24Reject::not_found)?;
        if st.status(&r, cfg, OffsetDateTime::now_utc()).is_final() {
            return Err(D24Reject::new(
                409,
                805,
                "ERROR_IN_REFUND",
                "The refund is already final",
            ));
        }
        if let Some(r) = st.refunds.get_mut(&id) {
            r.rejected = true;
        }
        Ok(StatusCode::NO_CONTENT.into_response())
    })
}
