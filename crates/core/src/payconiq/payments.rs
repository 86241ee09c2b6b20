//! Payment endpoints: create (terminal and sticker), get, search, cancel/void, acknowledge,
//! refund IBAN.

use reqwest::Method;

use crate::money::Money;
use time::OffsetDateTime;

use super::client::{Call, Client, decode, encode};
use super::error::Error;
use super::model::{
    Acknowledge, CreatePayment, CreatePosPayment, Payment, PaymentPage, RefundIban, SearchCriteria,
};
use super::path_segment;
use super::spec::{self, Endpoint};
use super::validate::{self, Field};

/// Largest page the search endpoint is asked for.
pub const MAX_PAGE_SIZE: u32 = 200;

impl Client {
    /// `POST /v3/payments`. Never repeated blindly: when the outcome is unknown (timeout, dropped
    /// connection, 5xx), the payment is looked up by its reference instead.
    pub async fn create_payment(&self, request: &CreatePayment) -> Result<Payment, Error> {
        spec::check_request(Endpoint::CreatePayment, request)?;
        self.create_at(
            "/v3/payments",
            encode(request),
            request.reference.as_deref(),
            request.amount,
        )
        .await
    }

    /// `POST /v3/payments/pos`: a payment the customer pays by scanning the shop's sticker.
    pub async fn create_pos_payment(&self, request: &CreatePosPayment) -> Result<Payment, Error> {
        spec::check_request(Endpoint::CreatePosPayment, request)?;
        self.create_at(
            "/v3/payments/pos",
            encode(request),
            request.payment.reference.as_deref(),
            request.payment.amount,
        )
        .await
    }

    async fn create_at(
        &self,
        path: &str,
        body: Vec<u8>,
        reference: Option<&str>,
        amount: Money,
    ) -> Result<Payment, Error> {
        let started = OffsetDateTime::now_utc();
        let call = Call::with_body(Method::POST, self.payment_url(path), body).never_repeat();
        match self.execute(call).await {
            Ok(answer) => decode(&answer.body),
            Err(err) if err.may_have_created() => {
                self.resolve_unknown(err, reference, amount, started).await
            }
            Err(err) => Err(err),
        }
    }

    /// After an unclear create, one immediate look-up by reference: the payment it finds, or
    /// the original error when the search shows none (yet), or `UnknownOutcome` when the search
    /// fails too. A payment can still appear after this: the till keeps searching
    /// (see `recovery`).
    async fn resolve_unknown(
        &self,
        original: Error,
        reference: Option<&str>,
        amount: Money,
        started: OffsetDateTime,
    ) -> Result<Payment, Error> {
        let Some(reference) = reference else {
            return Err(Error::UnknownOutcome { reference: None });
        };
        tracing::warn!(%reference, error = %original, "create-payment outcome unknown; searching its reference");
        match self.find_created(reference, amount, started).await {
            Ok(Some(found)) => Ok(found),
            // Not there now: the original failure stands (the caller decides how long to look).
            Ok(None) => Err(original),
            Err(_) => Err(Error::UnknownOutcome {
                reference: Some(reference.to_string()),
            }),
        }
    }

    /// The payment a create with `reference` and `amount`, sent at `started` (this machine's
    /// clock), made, if any. Only a payment with the same amount, created from a minute before
    /// the attempt on, counts: a reference typed by hand may have been used before. The
    /// provider's clock may be minutes off the till's, so the search spans a day each way and
    /// the payment's own time is judged by the provider's clock (the answer's `Date` header).
    pub async fn find_created(
        &self,
        reference: &str,
        amount: Money,
        started: OffsetDateTime,
    ) -> Result<Option<Payment>, Error> {
        let criteria = SearchCriteria {
            from: Some(started - time::Duration::days(1)),
            to: Some(OffsetDateTime::now_utc() + time::Duration::days(1)),
            payment_statuses: None,
            reference: Some(reference.to_string()),
        };
        let page = self.search_payments(&criteria, 0, 10).await?;
        let started_there = started + self.provider_offset().unwrap_or_default();
        let Some(found) = page
            .details
            .into_iter()
            .filter(|p| p.amount == amount)
            .filter(|p| {
                p.created_at
                    .is_none_or(|at| at >= started_there - time::Duration::minutes(1))
            })
            .max_by_key(|p| p.created_at)
        else {
            return Ok(None);
        };
        tracing::info!(payment_id = %found.payment_id, "found the payment by its reference");
        // Search results omit nothing the till needs, but get gives the full record.
        Ok(Some(
            self.get_payment(&found.payment_id).await.unwrap_or(found),
        ))
    }

    /// `GET /v3/payments/{id}`: the till's source of truth while a payment is on screen.
    pub async fn get_payment(&self, payment_id: &str) -> Result<Payment, Error> {
        let payment: Payment = self
            .json(Call::get(self.payment_url(&format!(
                "/v3/payments/{}",
                path_segment(payment_id)
            ))))
            .await?;
        // A signed answer about another payment (replayed by someone on the way) is not this
        // payment's status.
        if payment.payment_id != payment_id {
            return Err(Error::Response(format!(
                "asked for payment {payment_id}, the answer is about {}",
                payment.payment_id
            )));
        }
        Ok(payment)
    }

    /// `POST /v3/payments/search?page&size`. Read-only, so repeated on transient failures.
    pub async fn search_payments(
        &self,
        criteria: &SearchCriteria,
        page: u32,
        size: u32,
    ) -> Result<PaymentPage, Error> {
        validate::check_optional(
            Field::Reference,
            criteria.reference.as_deref(),
            validate::REFERENCE_MAX,
        )?;
        let size = size.clamp(1, MAX_PAGE_SIZE);
        self.json(Call::with_body(
            Method::POST,
            self.payment_url(&format!("/v3/payments/search?page={page}&size={size}")),
            encode(criteria),
        ))
        .await
    }

    /// Every page of a search, up to `limit` payments.
    pub async fn search_all(
        &self,
        criteria: &SearchCriteria,
        limit: usize,
    ) -> Result<Vec<Payment>, Error> {
        let mut out = Vec::new();
        let mut page = 0;
        loop {
            let result = self.search_payments(criteria, page, MAX_PAGE_SIZE).await?;
            let last = page + 1 >= result.total_pages || result.details.is_empty();
            out.extend(result.details);
            if last || out.len() >= limit {
                out.truncate(limit);
                return Ok(out);
            }
            page += 1;
        }
    }

    /// `DELETE /v3/payments/{id}`: cancels a PENDING or IDENTIFIED payment.
    pub async fn cancel_payment(&self, payment_id: &str) -> Result<(), Error> {
        self.empty(Call::delete(self.payment_url(&format!(
            "/v3/payments/{}",
            path_segment(payment_id)
        ))))
        .await
    }

    /// Voids a payment in PENDING_MERCHANT_ACKNOWLEDGEMENT (void-enabled profiles): the same
    /// `DELETE`, which there returns the money to the customer.
    pub async fn void_payment(&self, payment_id: &str) -> Result<(), Error> {
        self.cancel_payment(payment_id).await
    }

    /// `POST /v3/payments/{id}/acknowledge`: completes a void-enabled payment.
    pub async fn acknowledge_payment(
        &self,
        payment_id: &str,
        ack: &Acknowledge,
    ) -> Result<(), Error> {
        spec::check_request(Endpoint::Acknowledge, ack)?;
        self.empty(Call::with_body(
            Method::POST,
            self.payment_url(&format!(
                "/v3/payments/{}/acknowledge",
                path_segment(payment_id)
            )),
            encode(ack),
        ))
        .await
    }

    /// `GET /v3/payments/{id}/debtor/refundIban`: the customer's IBAN, for refunds paid by hand.
    pub async fn refund_iban(&self, payment_id: &str) -> Result<String, Error> {
        let answer: RefundIban = self
            .json(Call::get(self.payment_url(&format!(
                "/v3/payments/{}/debtor/refundIban",
                path_segment(payment_id)
            ))))
            .await?;
        Ok(answer.iban)
    }
}
