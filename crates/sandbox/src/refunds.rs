//! Refund endpoints: partial and repeated refunds up to the amount paid, idempotent by key.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::OriginalUri;
use axum::extract::{Path, State};
use axum::http::HeaderMap;

use crate::money::Money;
use crate::payconiq::model::{Refund, RefundStatus};
use crate::payconiq::spec::Endpoint;
use crate::payconiq::validate::{self, Field};

use super::Shared;
use super::auth::Accepts;
use super::reply::{Reject, Reply, json};
use super::routes::{amount, checked_body, text};
use super::store::{SimRefund, new_id, refundable};

pub async fn create(
    State(s): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
    body: Bytes,
) -> Reply {
    s.authenticate(&headers, &uri, &body, Accepts::JwsOnly)?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .filter(|k| !k.is_empty())
        .ok_or_else(|| {
            Reject::new(
                400,
                "VALIDATION_ERROR",
                "The Idempotency-Key header is required",
            )
        })?;
    if key.chars().count() > validate::IDEMPOTENCY_KEY_MAX {
        return Err(Reject::new(
            400,
            "VALIDATION_ERROR",
            "The Idempotency-Key is longer than 64 characters",
        ));
    }
    let map = checked_body(&body, Endpoint::CreateRefund)?;
    let amount = amount(&map);
    let description = text(&map, Field::Description);
    let request = (amount.cents(), description.clone());

    s.with_store(|st| {
        if let Some(earlier) = st.refund_by_key(&id, &key) {
            if earlier.request == request {
                let refund = earlier.view.clone();
                let now_view = st.refund(&s.cfg, &refund.refund_id).map(|r| r.view.clone());
                return Ok(json(201, &now_view.unwrap_or(refund)));
            }
            return Err(Reject::new(
                422,
                "REFUND_REQUEST_CONFLICT",
                "The Idempotency-Key was already used for a refund with different parameters",
            ));
        }
        let now = s.cfg.now();
        let p = refundable(
            st,
            &s.cfg,
            &id,
            ("REFUND_NOT_POSSIBLE", "DEBTOR_IBAN_NOT_AVAILABLE"),
        )?;
        let paid = p.view.paid_total();
        let refunded: Money = st
            .refunds_of(&s.cfg, &id)
            .into_iter()
            .filter(|r| r.view.status.holds_funds())
            .map(|r| r.view.amount)
            .sum();
        if amount > paid - refunded {
            return Err(Reject::new(
                422,
                "INVALID_REFUND_AMOUNT",
                format!(
                    "Refund of {} exceeds the {} left to refund",
                    amount.to_decimal_string(),
                    (paid - refunded).to_decimal_string()
                ),
            ));
        }
        let view = Refund {
            refund_id: new_id(),
            payment_id: id.clone(),
            amount,
            currency: Some("EUR".into()),
            status: RefundStatus::Pending,
            description,
            creation_date: Some(now),
        };
        st.insert_refund(SimRefund {
            view: view.clone(),
            fail: false,
            idempotency_key: key,
            request,
        });
        Ok(json(201, &view))
    })
}

pub async fn get(
    State(s): State<Arc<Shared>>,
    Path((id, refund_id)): Path<(String, String)>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    s.authenticate(&headers, &uri, &[], Accepts::JwsOnly)?;
    s.with_store(|st| {
        if !st.has_payment(&id) {
            return Err(Reject::payment_not_found(&id));
        }
        match st.refund(&s.cfg, &refund_id) {
            Some(r) if r.view.payment_id == id => Ok(json(200, &r.view)),
            _ => Err(Reject::new(
                404,
                "REFUND_NOT_FOUND",
                format!("Refund not found '{refund_id}'"),
            )),
        }
    })
}
