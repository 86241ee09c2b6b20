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

use crate::money::Money;
use crate::payconiq::model::{PaymentStatus, SearchCriteria};
use crate::payconiq::spec::{self, Endpoint};
use crate::payconiq::validate::{self, Field};

use super::Shared;
use super::auth::Accepts;
use super::reply::{Reject, Reply, json, no_content};
use super::store::{Order, Search, refundable, succeed};

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
        .nest("/d24", super::d24::router())
        .merge(super::d24::control_router())
        .merge(super::control::router())
        .with_state(shared)
}

async fn jwks(State(s): S) -> Reply {
    Ok(json(200, &s.key.public_jwks()))
}

/// Reads a JSON object body and checks it against `endpoint`'s field table (the same check
/// the client makes before sending), with the codes that endpoint's error table names.
pub fn checked_body(body: &[u8], endpoint: Endpoint) -> Result<Map<String, Value>, Reject> {
    let missing = || {
        Reject::new(
            400,
            endpoint.missing_body_code(),
            "A JSON body needs to be provided",
        )
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(missing());
    }
    let map = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => map,
        _ => {
            return Err(Reject::new(
                400,
                endpoint.invalid_code(&validate::Problem::NotText),
                "The body is not a JSON object",
            ));
        }
    };
    spec::check_body(endpoint, &map)
        .map_err(|e| Reject::new(400, endpoint.invalid_code(&e.problem), e.to_string()))?;
    Ok(map)
}

/// A text field of a checked body (`None` when absent or empty).
pub fn text(map: &Map<String, Value>, field: Field) -> Option<String> {
    map.get(field.api_name())
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The amount of a checked body.
pub fn amount(map: &Map<String, Value>) -> Money {
    Money::from_cents(map.get("amount").and_then(spec::cents).unwrap_or_default())
}

/// Which create table a body of `POST /v3/payments` answers to: one naming a return URL is
/// an online payment, the rest in-store.
fn create_variant(body: &[u8]) -> Endpoint {
    let online = serde_json::from_slice::<Value>(body).is_ok_and(|v| {
        v.get(Field::ReturnUrl.api_name())
            .is_some_and(|r| !r.is_null())
    });
    if online {
        Endpoint::CreateOnlinePayment
    } else {
        Endpoint::CreatePayment
    }
}

fn new_payment(s: &Shared, body: &[u8], pos: bool) -> Reply {
    let endpoint = if pos {
        Endpoint::CreatePosPayment
    } else {
        create_variant(body)
    };
    let map = checked_body(body, endpoint)?;
    let order = Order {
        amount: amount(&map),
        description: text(&map, Field::Description),
        reference: text(&map, Field::Reference),
        bulk_id: text(&map, Field::BulkId),
        callback_url: text(&map, Field::CallbackUrl),
        pos_id: text(&map, Field::PosId),
        return_url: (endpoint == Endpoint::CreateOnlinePayment)
            .then(|| text(&map, Field::ReturnUrl))
            .flatten(),
    };
    let payment = s.with_store(|st| st.create(&s.cfg, &s.base, order));
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
    s.authenticate(&headers, &uri, &body, Accepts::ApiKeyOrJws)?;
    new_payment(&s, &body, false)
}

async fn create_pos(
    State(s): S,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
    body: Bytes,
) -> Reply {
    s.authenticate(&headers, &uri, &body, Accepts::ApiKeyOrJws)?;
    new_payment(&s, &body, true)
}

async fn get_payment(
    State(s): S,
    Path(id): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    s.authenticate(&headers, &uri, &[], Accepts::ApiKeyOrJws)?;
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
    s.authenticate(&headers, &uri, &body, Accepts::ApiKeyOrJws)?;
    let criteria: SearchCriteria = if body.iter().all(u8::is_ascii_whitespace) {
        SearchCriteria::default()
    } else {
        // The search's error table has no 400: only a body that cannot be read at all is
        // refused, as the HTTP layer refuses it for every endpoint.
        serde_json::from_slice(&body)
            .map_err(|e| Reject::new(400, "BAD_REQUEST", format!("Search body: {e}")))?
    };
    let now = s.cfg.now();
    let from = criteria.from.unwrap_or(now - time::Duration::days(1));
    let to = criteria.to.unwrap_or(now);
    let (page, size) = (
        paging.page.unwrap_or(0),
        paging.size.unwrap_or(50).clamp(1, 1000),
    );
    let mut search = Search::new(from, to, page as usize * size as usize, size as usize);
    search.statuses = criteria.payment_statuses.filter(|set| !set.is_empty());
    search.reference = criteria.reference;
    // On a thread of its own and in stretches, letting go of the store in between: requests
    // keep being served meanwhile, and the search does not queue behind them for each stretch.
    // A period that ends before it starts holds no payments.
    if from <= to {
        let shared = s.clone();
        search = tokio::task::spawn_blocking(move || {
            while !shared.with_store(|st| st.search_step(&shared.cfg, &mut search, SEARCH_STRETCH))
            {
                std::thread::yield_now();
            }
            search
        })
        .await
        .map_err(|e| Reject::new(500, "TECHNICAL_ERROR", e.to_string()))?;
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
    s.authenticate(&headers, &uri, &[], Accepts::ApiKeyOrJws)?;
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
            // Voided, acknowledged or ended otherwise: the cancel and void tables name one
            // code for all of them (see `spec::Endpoint::errors`).
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
    s.authenticate(&headers, &uri, &body, Accepts::ApiKeyOrJws)?;
    let map = checked_body(&body, Endpoint::Acknowledge)?;
    let amount = amount(&map);
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
            PaymentStatus::PendingMerchantAcknowledgement => succeed(p, s.cfg.now()),
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
    s.authenticate(&headers, &uri, &[], Accepts::ApiKeyOrJws)?;
    s.with_store(|st| {
        // Its table names no "not possible": a payment that did not succeed has no
        // customer's account to give, which is "not available".
        let codes = ("REFUND_NOT_AVAILABLE", "REFUND_NOT_AVAILABLE");
        let p = refundable(st, &s.cfg, &id, codes)?;
        let iban = p.debtor_iban.clone().unwrap_or_default();
        Ok(json(200, &serde_json::json!({ "iban": iban })))
    })
}
