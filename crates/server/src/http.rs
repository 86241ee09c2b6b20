//! The server's HTTP API under `/api/v1`: tills join with a code, push their events and read
//! the shop. Every call but joining names its till by `Authorization: Bearer <token>`.

use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use deadpool_postgres::Pool;
use kassa_core::shop::{API, JoinRequest, PushRequest, TillStatus};
use serde::Deserialize;

use std::sync::Arc;

use axum::body::Bytes;

use crate::ServerError;
use crate::callbacks::{Receiver, Refused, Stored};
use crate::stream::{self, Doorbell};
use crate::tills::{self, Till};

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    /// The shop's time zone, for day reports asked without one.
    pub zone: jiff::tz::TimeZone,
    /// The provider's callbacks, when the server has a public URL to receive them at.
    pub receiver: Option<Arc<Receiver>>,
    /// Rung when a callback is stored (by this instance, or by another: see [`stream`]).
    pub bell: Arc<Doorbell>,
    /// Each till's current stream.
    pub streams: stream::Streams,
}

impl AppState {
    /// One instance's state: its doorbell and its tills' streams are its own.
    pub fn new(pool: Pool, zone: jiff::tz::TimeZone, receiver: Option<Arc<Receiver>>) -> AppState {
        AppState {
            pool,
            zone,
            receiver,
            bell: Arc::new(tokio::sync::watch::Sender::new(0)),
            streams: stream::Streams::default(),
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = match &self {
            ServerError::Unauthorised => StatusCode::UNAUTHORIZED,
            ServerError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServerError::NotFound(_) => StatusCode::NOT_FOUND,
            ServerError::Db(e) => {
                tracing::error!(error = %e, "the database failed a request");
                // The database's own words stay in the log.
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the shop's books cannot be written now; send again later",
                )
                    .into_response();
            }
        };
        (status, self.to_string()).into_response()
    }
}

/// The till a request comes from.
async fn till_of(state: &AppState, headers: &HeaderMap) -> Result<Till, ServerError> {
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ServerError::Unauthorised)?;
    tills::authenticate(&state.pool, token.trim()).await
}

async fn join(
    State(state): State<AppState>,
    Json(req): Json<JoinRequest>,
) -> Result<impl IntoResponse, ServerError> {
    let answer = tills::join(&state.pool, &req.code).await?;
    tracing::info!(till = %answer.till, "a till joined");
    Ok(Json(answer))
}

async fn push(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<PushRequest>,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    let answer = crate::ingest::ingest(&state.pool, &till, &req.events).await?;
    tracing::debug!(till = %till.name, stored = answer.stored, duplicates = answer.duplicates, "events pushed");
    Ok(Json(answer))
}

async fn till_status(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    let client = state.pool.get().await?;
    let last: Option<i64> = client
        .query_one(
            "SELECT MAX(seq) FROM events WHERE till_id = $1",
            &[&till.id],
        )
        .await?
        .get(0);
    Ok(Json(TillStatus {
        shop: till.shop,
        till: till.name,
        last_seq: last.unwrap_or(0),
        callback_url: state.receiver.as_ref().map(|r| r.url.clone()),
        last_callback_ms: client
            .query_one(
                "SELECT (EXTRACT(EPOCH FROM MAX(received_at)) * 1000)::BIGINT
                 FROM callbacks WHERE shop_id = $1",
                &[&till.shop_id],
            )
            .await?
            .get(0),
    }))
}

/// A provider's callback: 200 once it is stored (or was: the provider's retry), 503 when it
/// could not be stored (the provider retries), 4xx with why for what is not genuine.
async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(e) => {
            let status = e.status();
            let why = if status == StatusCode::PAYLOAD_TOO_LARGE {
                format!(
                    "the body is larger than {} KiB",
                    crate::callbacks::MAX_BODY / 1024
                )
            } else {
                format!("the body could not be read ({})", e.body_text())
            };
            tracing::warn!(why, status = status.as_u16(), "a callback was refused");
            return (status, why).into_response();
        }
    };
    let Some(receiver) = state.receiver.clone() else {
        // Not "not found": the provider would stop retrying what a configured server could
        // still take.
        tracing::warn!("a callback came, but this server has no public URL to receive them at");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "callbacks are not received here: start kassa-server with --public-url",
        )
            .into_response();
    };
    let handled = async {
        let verified = receiver.verify(&headers, &body).await?;
        let (_, stored) = crate::callbacks::store(&state.pool, &verified).await?;
        Ok::<_, Refused>((verified, stored))
    };
    match tokio::time::timeout(crate::callbacks::ANSWER_WITHIN, handled).await {
        Ok(Ok((cb, Stored::New { id, advanced }))) => {
            state.bell.send_modify(|n| *n = n.wrapping_add(1));
            tracing::info!(payment = %cb.payment_id, status = %cb.status, id, advanced, "a callback was stored");
            (StatusCode::OK, "stored").into_response()
        }
        Ok(Ok((cb, Stored::Again))) => {
            tracing::info!(payment = %cb.payment_id, status = %cb.status, "a callback came again (the provider's retry): stored before");
            (StatusCode::OK, "stored before").into_response()
        }
        Ok(Err(refused)) => {
            let status = refused.status();
            tracing::warn!(why = %refused, status = status.as_u16(), "a callback was refused");
            (status, refused.to_string()).into_response()
        }
        Err(_) => {
            tracing::error!("a callback could not be stored in time");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "cannot be stored now; send again later",
            )
                .into_response()
        }
    }
}

#[derive(Deserialize)]
struct StreamQuery {
    /// Resume after this callback (as `Last-Event-ID` does).
    after: Option<i64>,
}

/// The till's stream of its shop's callbacks (server-sent events).
async fn follow(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<StreamQuery>,
) -> Result<Response, ServerError> {
    let till = till_of(&state, &headers).await?;
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(q.after);
    let newest = stream::newest(&state.pool, till.shop_id).await?;
    // A place past the newest (a database restored from a backup, another server): from the
    // newest on, not from a number that may never come.
    let cursor = resume.map_or(newest, |n| n.clamp(0, newest));
    tracing::debug!(till = %till.name, cursor, "a till follows the callbacks");
    Ok(stream::follow(
        state.pool.clone(),
        till,
        cursor,
        &state.bell,
        state.streams.clone(),
    )
    .into_response())
}

/// A till names the payment profile it sells on: callbacks signed for it are the shop's.
async fn profile(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<kassa_core::shop::ProfileRequest>,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    crate::tills::add_profile(&state.pool, till.shop_id, &req.profile_id, &till.name).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct SalesQuery {
    limit: Option<u32>,
    before: Option<String>,
    /// Rung up from (ms since the epoch, included) …
    from: Option<i64>,
    /// … to (excluded).
    to: Option<i64>,
}

fn instant(ms: Option<i64>) -> Result<Option<time::OffsetDateTime>, ServerError> {
    ms.map(|ms| {
        kassa_core::clock::from_millis(ms)
            .ok_or_else(|| ServerError::BadRequest("not a time".into()))
    })
    .transpose()
}

async fn sales(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<SalesQuery>,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    let query = crate::queries::SalesQuery {
        from: instant(q.from)?,
        to: instant(q.to)?,
        before: q.before,
    };
    let page =
        crate::queries::sales(&state.pool, till.shop_id, q.limit.unwrap_or(50), &query).await?;
    Ok(Json(page))
}

async fn refunds_of(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Path(payment_id): axum::extract::Path<String>,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    Ok(Json(
        crate::queries::refunds_of(&state.pool, till.shop_id, &payment_id).await?,
    ))
}

async fn tills_of(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<kassa_core::shop::TillsOf>,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    Ok(Json(
        crate::queries::tills_of(&state.pool, till.shop_id, &req.payment_ids).await?,
    ))
}

#[derive(Deserialize)]
struct DayQuery {
    date: String,
    /// The shop's time zone (an IANA name); the server's own when left out.
    tz: Option<String>,
}

async fn day_report(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<DayQuery>,
) -> Result<impl IntoResponse, ServerError> {
    let till = till_of(&state, &headers).await?;
    let tz = match q.tz.as_deref() {
        None => state.zone.clone(),
        Some(n) => jiff::tz::TimeZone::get(n)
            .map_err(|_| ServerError::BadRequest(format!("not a time zone: '{n}'")))?,
    };
    Ok(Json(
        crate::books::day_report(&state.pool, till.shop_id, &q.date, &tz).await?,
    ))
}

async fn health(State(state): State<AppState>) -> Result<&'static str, ServerError> {
    let client = state.pool.get().await?;
    client.query_one("SELECT 1", &[]).await?;
    Ok("ok")
}

/// The API's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(&format!("{API}/join"), post(join))
        .route(&format!("{API}/events"), post(push))
        .route(&format!("{API}/till"), get(till_status))
        .route(&format!("{API}/sales"), get(sales))
        .route(&format!("{API}/payments/{{id}}/refunds"), get(refunds_of))
        .route(&format!("{API}/payments/tills"), post(tills_of))
        .route(&format!("{API}/reports/day"), get(day_report))
        .route(
            &format!("{API}{}", kassa_core::shop::STREAM_PATH),
            get(follow),
        )
        .route(&format!("{API}/profiles"), post(profile))
        .route("/health", get(health))
        // A full batch of events with their bodies fits well within this.
        .layer(DefaultBodyLimit::max(8 * 1024 * 1024))
        .merge(
            Router::new()
                .route(kassa_core::shop::CALLBACK_PATH, post(callback))
                .layer(DefaultBodyLimit::max(crate::callbacks::MAX_BODY)),
        )
        .with_state(state)
}
