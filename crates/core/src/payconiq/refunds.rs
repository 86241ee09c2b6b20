//! Refund endpoints (JWS only). Creation is idempotent by key: the caller commits the key to
//! its journal before calling, and a retry with the same key and body returns the same refund.

use reqwest::Method;

use super::client::{Call, Client, encode};
use super::error::Error;
use super::model::{CreateRefund, Refund};
use super::path_segment;
use super::spec::{self, Endpoint};
use super::validate::{self, Field, Problem, ValidationError};

impl Client {
    /// `POST /v3/payments/{id}/refunds` with `Idempotency-Key`. Safe to repeat because of the key.
    pub async fn create_refund(
        &self,
        payment_id: &str,
        refund: &CreateRefund,
        idempotency_key: &str,
    ) -> Result<Refund, Error> {
        spec::check_request(Endpoint::CreateRefund, refund)?;
        if idempotency_key.is_empty() {
            return Err(ValidationError::new(Field::IdempotencyKey, Problem::Required).into());
        }
        validate::check_text(
            Field::IdempotencyKey,
            idempotency_key,
            validate::IDEMPOTENCY_KEY_MAX,
        )?;
        self.json(
            Call::with_body(
                Method::POST,
                self.payment_url(&format!(
                    "/v3/payments/{}/refunds",
                    path_segment(payment_id)
                )),
                encode(refund),
            )
            .jws_only()
            .idempotency_key(idempotency_key),
        )
        .await
    }

    /// `GET /v3/payments/{id}/refunds/{refundId}`.
    pub async fn get_refund(&self, payment_id: &str, refund_id: &str) -> Result<Refund, Error> {
        let refund: Refund = self
            .json(
                Call::get(self.payment_url(&format!(
                    "/v3/payments/{}/refunds/{}",
                    path_segment(payment_id),
                    path_segment(refund_id)
                )))
                .jws_only(),
            )
            .await?;
        // As for payments: a signed answer about another refund is not this one's status.
        if refund.refund_id != refund_id || refund.payment_id != payment_id {
            return Err(Error::Response(format!(
                "asked for refund {refund_id} of payment {payment_id}, the answer is about refund {} of payment {}",
                refund.refund_id, refund.payment_id
            )));
        }
        Ok(refund)
    }
}
