//! The payment endpoints and the router that joins every part of the sandbox.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::OriginalUri;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Map, Value};
use time::OffsetDateTime;

use crate::money::Money;
use crate::payconiq::model::{PaymentStatus, SearchCriteria};
use crate::payconiq::validate::{self, Field};

use super::Shared;
use super::auth::Accepts;
use super::reply::{Reject, Reply, json, no_content};
use super::store::{Search, refundable, succeed};

/// How many payments a search looks at per hold of the store's lock.
const SEARCH_STRETCH: usize = 10_000;

type S = State<Arc<Shared>>;

pub fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/payments", post(create))
        .route("/payments/pos", post(create_pos))
        .route("/payments/search", post(search))
        .route("/payments/{id}", get(get_payment).delete(cancel))
        .route("/payments/{id}/acknowledge", post(acknowledge))
        .route("/payments/{id}/debtor/refundIban", get(refund_iban))
        .route("/payments/{id}/refunds", post(super::refunds::create))
        .route(
            "/payments/{id}/refunds/{refund_id}",
            get(super::refunds::get),
        );
    let reconciliation = super::payouts::router();
    Router::new()
        .nest("/v3", api)
        // Refund service 3.0.2 documents the refund paths without /v3.
        .route("/payments/{id}/refunds", post(super::refunds::create))
        .route(
            "/payments/{id}/refunds/{refund_id}",
            get(super::refunds::get),
        )
        // Reconciliation is documented both with and without /v3.
        .nest("/v3/reconciliation", reconciliation.clone())
        .nest("/reconciliation", reconciliation)
        .route("/jwks", get(jwks))
        .route("/qrcode", get(super::qrcode::qrcode))
        .route("/", get(jwks))
        .merge(super::control::router())
        .with_state(shared)
}

async fn jwks(State(s): S) -> Reply {
    Ok(json(200, &s.key.public_jwks()))
}

/// Reads a JSON object body, with the API's codes for a missing or malformed one.
pub fn object(body: &[u8]) -> Result<Map<String, Value>, Reject> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Reject::body_missing());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(Reject::new(
            400,
            "FIELD_IS_INVALID",
            "The body is not a JSON object",
        )),
    }
}

/// An optional string field, checked against the SEPA rules.
pub fn text(map: &Map<String, Value>, field: Field, max: usize) -> Result<Option<String>, Reject> {
    match map.get(field.api_name()) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            validate::check_text(field, s, max).map_err(|e| Reject::invalid(&e))?;
            Ok(Some(s.clone()).filter(|s| !s.is_empty()))
        }
        Some(_) => Err(Reject::new(
            400,
            "FIELD_IS_INVALID",
            format!("Field '{}' must be a string", field.api_name()),
        )),
    }
}

/// The `amount` field: required, whole cents (a numeric string is tolerated), 1..=999999.
pub fn amount(map: &Map<String, Value>, code: &'static str) -> Result<Money, Reject> {
    let bad = |m: &str| Reject::new(400, code, m.to_string());
    let cents = match map.get("amount") {
        None | Some(Value::Null) => return Err(Reject::required("amount")),
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| bad("Field 'amount' must be whole cents"))?,
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map_err(|_| bad("Field 'amount' must be whole cents"))?,
        Some(_) => return Err(bad("Field 'amount' must be a number")),
    };
    let money = Money::from_cents(cents);
    validate::check_amount(money).map_err(|e| bad(&e.to_string()))?;
    Ok(money)
}

pub fn currency(map: &Map<String, Value>, code: &'static str) -> Result<(), Reject> {
    match map.get("currency") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(c)) if c == "EUR" => Ok(()),
        Some(_) => Err(Reject::new(400, code, "Only EUR is supported")),
    }
}

fn new_payment(s: &Shared, body: &[u8], pos: bool) -> Reply {
    let map = object(body)?;
    let amount = amount(&map, "FIELD_IS_INVALID")?;
    currency(&map, "FIELD_IS_INVALID")?;
    let description = text(&map, Field::Description, validate::DESCRIPTION_MAX)?;
    let reference = text(&map, Field::Reference, validate::REFERENCE_MAX)?;
    let bulk_id = text(&map, Field::BulkId, validate::BULK_ID_MAX)?;
    let callback = match map.get("callbackUrl").and_then(Value::as_str) {
        Some(url) => {
            validate::check_callback_url(Some(url)).map_err(|e| Reject::invalid(&e))?;
            Some(url.to_string())
        }
        None => None,
    };
    let pos_id = if pos {
        let id = text(&map, Field::PosId, validate::POS_ID_MAX)?
            .ok_or_else(|| Reject::required("posId"))?;
        text(&map, Field::ShopId, validate::SHOP_ID_MAX)?;
        text(&map, Field::ShopName, validate::SHOP_NAME_MAX)?;
        Some(id)
    } else {
        None
    };
    let payment = s.with_store(|st| {
        st.create(
            &s.cfg,
            &s.base,
            amount,
            description,
            reference,
            bulk_id,
            callback,
            pos_id,
        )
    });
    // The create response says `expiresAt`, unlike get/search.
    let mut value = serde_json::to_value(&payment).unwrap_or_default();
    if let Some(obj) = value.as_object_mut()
        && let Some(at) = obj.remove("expireAt")
    {
        obj.insert("expiresAt".into(), at);
    }
    Ok(json(201, &value))
}

async fn create(
    State(s): S,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
    body: Bytes,
) -> Reply {
    s.authenticate(&headers, uri.path(), &body, Accepts::ApiKeyOrJws)?;
    new_payment(&s, &body, false)
}

async fn create_pos(
    State(s): S,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
    body: Bytes,
) -> Reply {
    s.authenticate(&headers, uri.path(), &body, Accepts::ApiKeyOrJws)?;
    new_payment(&s, &body, true)
}

async fn get_payment(
    State(s): S,
    Path(id): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    s.authenticate(&headers, uri.path(), &[], Accepts::ApiKeyOrJws)?;
    let p = s.with_store(|st| st.payment(&s.cfg, &id).map(|p| p.view.clone()));
    p.map(|p| json(200, &p))
        .ok_or_else(|| Reject::payment_not_found(&id))
}

#[derive(Deserialize)]
struct Paging {
    page: Option<u32>,
    size: Option<u32>,
}

async fn search(
    State(s): S,
    Query(paging): Query<Paging>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
    body: Bytes,
) -> Reply {
    s.authenticate(&headers, uri.path(), &body, Accepts::ApiKeyOrJws)?;
    let criteria: SearchCriteria = if body.iter().all(u8::is_ascii_whitespace) {
        SearchCriteria::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", format!("Search body: {e}")))?
    };
    let now = OffsetDateTime::now_utc();
    let from = criteria.from.unwrap_or(now - time::Duration::days(1));
    let to = criteria.to.unwrap_or(now);
    if from > to {
        return Err(Reject::new(400, "FIELD_IS_INVALID", "'from' is after 'to'"));
    }
    let (page, size) = (
        paging.page.unwrap_or(0),
        paging.size.unwrap_or(50).clamp(1, 1000),
    );
    let mut search = Search::new(from, to, page as usize * size as usize, size as usize);
    search.statuses = criteria.payment_statuses.filter(|set| !set.is_empty());
    search.reference = criteria.reference;
    // In stretches, letting other requests have the store in between.
    while !s.with_store(|st| st.search_step(&s.cfg, &mut search, SEARCH_STRETCH)) {
        tokio::task::yield_now().await;
    }
    let (total, details) = (search.total, search.page);
    Ok(json(
        200,
        &serde_json::json!({
            "size": details.len(),
            "totalPages": total.div_ceil(size as usize),
            "totalElements": total,
            "number": page,
            "details": details,
        }),
    ))
}

async fn cancel(
    State(s): S,
    Path(id): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    s.authenticate(&headers, uri.path(), &[], Accepts::ApiKeyOrJws)?;
    s.with_store(|st| {
        let p = st
            .payment(&s.cfg, &id)
            .ok_or_else(|| Reject::payment_not_found(&id))?;
        match p.view.status {
            PaymentStatus::Pending | PaymentStatus::Identified => {
                p.view.status = PaymentStatus::Cancelled
            }
            // On void-enabled profiles the same DELETE voids a confirmed payment.
            PaymentStatus::PendingMerchantAcknowledgement => p.view.status = PaymentStatus::Voided,
            PaymentStatus::Voided => {
                return Err(Reject::new(
                    422,
                    "PAYMENT_VOIDED",
                    "Payment is already voided",
                ));
            }
            _ => {
                return Err(Reject::new(
                    422,
                    "PAYMENT_NOT_PENDING",
                    format!("Payment '{id}' is not allowed to be cancelled"),
                ));
            }
        }
        Ok(no_content())
    })
}

async fn acknowledge(
    State(s): S,
    Path(id): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
    body: Bytes,
) -> Reply {
    s.authenticate(&headers, uri.path(), &body, Accepts::ApiKeyOrJws)?;
    let map = object(&body)?;
    let amount = amount(&map, "FIELD_IS_INVALID")?;
    currency(&map, "FIELD_IS_INVALID")?;
    text(&map, Field::Reference, validate::REFERENCE_MAX)?;
    s.with_store(|st| {
        let p = st
            .payment(&s.cfg, &id)
            .ok_or_else(|| Reject::payment_not_found(&id))?;
        if amount != p.view.amount {
            return Err(Reject::new(
                400,
                "FIELD_IS_INVALID",
                "The amount does not match the payment",
            ));
        }
        match p.view.status {
            PaymentStatus::PendingMerchantAcknowledgement => succeed(p, OffsetDateTime::now_utc()),
            // A repeated acknowledge (the first answer was lost) confirms again.
            PaymentStatus::Succeeded if p.void_enabled => {}
            PaymentStatus::Voided => {
                return Err(Reject::new(
                    422,
                    "PAYMENT_VOIDED",
                    "Payment is already voided",
                ));
            }
            _ => {
                return Err(Reject::new(
                    422,
                    "PAYMENT_NOT_PENDING",
                    format!("Payment '{id}' is not waiting for an acknowledgement"),
                ));
            }
        }
        Ok(no_content())
    })
}

async fn refund_iban(
    State(s): S,
    Path(id): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    s.authenticate(&headers, uri.path(), &[], Accepts::ApiKeyOrJws)?;
    s.with_store(|st| {
        let p = refundable(st, &s.cfg, &id, "REFUND_NOT_AVAILABLE")?;
        let iban = p.debtor_iban.clone().unwrap_or_default();
        Ok(json(200, &serde_json::json!({ "iban": iban })))
    })
}
