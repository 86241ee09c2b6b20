//! Asking D24 for a refund with the same care as a Payconiq one: the request (body and key)
//! is in the journal before it leaves; an unclear outcome is re-sent byte for byte with the
//! same key (D24 answers it without a second refund); the status is followed until final.
//! No UI.

use time::OffsetDateTime;

use crate::d24::amount::Amount;
use crate::d24::client::Client;
use crate::d24::error::Error;
use crate::d24::model::{Created, Method, RefundRequest, RefundState, RefundStatus};
use crate::journal::{AuditAction, D24Entry, D24Event, D24Request, Door, Journal, JournalError};

/// What went wrong in a refund flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlowError {
    /// The journal could not keep the request, so it was not sent.
    Journal(JournalError),
    /// D24 refused it or could not be reached (the journal says which, and whether to resend).
    D24(Error),
    /// Not sent: this refund's request is already on its way (another window or command).
    InFlight,
    /// Not sent: a real D24 account while the till runs on the sandbox, whose books are play
    /// money.
    SandboxBooks,
}

impl From<JournalError> for FlowError {
    fn from(e: JournalError) -> Self {
        FlowError::Journal(e)
    }
}

/// How often an unanswered request is sent again while someone follows it (in seconds): D24
/// answers a repeat of the same key with the refund the first made, never a second one.
pub const RESEND_EVERY: u32 = 5;

/// What a refund being followed needs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Wait,
    /// Read its status (made, not settled).
    Check,
    /// Send the unanswered request again with its own key.
    Resend,
}

/// The next step for `entry`, `seconds` after it began to be followed (asked each second).
pub fn next_step(entry: &D24Entry, seconds: u32) -> Step {
    if entry.settling() {
        Step::Check
    } else if entry.unanswered() && seconds.is_multiple_of(RESEND_EVERY) {
        Step::Resend
    } else {
        Step::Wait
    }
}

/// The account a client talks to, as the journal names it.
pub fn account_of(client: &Client) -> String {
    format!("{}@{}", client.login(), client.base_url())
}

fn status_event(
    status: RefundStatus,
    reason: Option<String>,
    reason_code: Option<String>,
) -> D24Event {
    D24Event::Status {
        status,
        reason,
        reason_code,
    }
}

fn created_event(c: &Created) -> D24Event {
    let info = c.refund_info.as_ref();
    status_event(
        c.status(),
        info.and_then(|i| i.reason.clone()),
        info.and_then(|i| i.reason_code.clone()),
    )
}

/// Journals the request, sends it, journals the answer. Returns the journal's entry, and the
/// error when D24 refused it or the outcome is unclear (the entry says which).
///
/// `books` are the till's ([`crate::journal::account_key`]) the refund is counted in; one to a
/// D24 simulator on loopback is play money, counted in the sandbox's.
pub async fn request(
    client: &Client,
    journal: &Journal,
    books: &str,
    request: &RefundRequest,
    method: Method,
    currency: &str,
) -> Result<D24Entry, (Option<D24Entry>, FlowError)> {
    let key = uuid::Uuid::new_v4().to_string();
    request_keyed(
        client,
        journal,
        books,
        request,
        (method, currency),
        (key, Door::Screen),
        |_| {},
    )
    .await
}

/// [`request`] with the key chosen by the caller, who is told it (`committed`) once the
/// journal holds the request, before it leaves; audited as from `door`.
pub async fn request_keyed(
    client: &Client,
    journal: &Journal,
    books: &str,
    request: &RefundRequest,
    (method, currency): (Method, &str),
    (key, door): (String, Door),
    committed: impl FnOnce(&str),
) -> Result<D24Entry, (Option<D24Entry>, FlowError)> {
    let simulated = url::Url::parse(client.base_url())
        .is_ok_and(|u| crate::payconiq::environment::is_loopback(&u));
    // Real money out of D24 while the till's books are the sandbox's would be in no real Z.
    if !simulated && books == crate::journal::SANDBOX {
        return Err((None, FlowError::SandboxBooks));
    }
    let book = if simulated {
        crate::journal::SANDBOX
    } else {
        books
    }
    .to_string();
    let body = serde_json::to_vec(request)
        .map_err(|e| (None, FlowError::D24(Error::Response(e.to_string()))))?;
    let amount = request
        .amount
        .as_deref()
        .and_then(|a| Amount::parse_api(a, currency).ok());
    journal
        .record_d24_request(D24Request {
            key: key.clone(),
            account: account_of(client),
            deposit_id: request.deposit_id,
            invoice_id: request.invoice_id.clone(),
            method,
            amount: amount.clone(),
            currency: currency.to_string(),
            body: body.clone(),
            at: OffsetDateTime::now_utc(),
            book,
        })
        .await
        .map_err(|e| (None, e.into()))?;
    let _ = journal
        .audit_from(
            AuditAction::D24Refund {
                deposit_id: request.deposit_id,
                amount: amount
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "full".into()),
            },
            door,
        )
        .await;
    send(client, journal, &key, &body, || committed(&key)).await
}

/// Sends (again) the journalled request `key` and records what came back.
/// Takes the request's flight, says so (`taken`), sends it and records the answer, and gives
/// the flight back.
async fn send(
    client: &Client,
    journal: &Journal,
    key: &str,
    body: &[u8],
    taken: impl FnOnce(),
) -> Result<D24Entry, (Option<D24Entry>, FlowError)> {
    // One request per refund at a time, whichever window, task or command asks.
    let op = send_taken(client, journal, key, body);
    match journal
        .in_flight(key, crate::refund::FLIGHT_LEASE, taken, op)
        .await
    {
        Ok(Some(outcome)) => outcome,
        Ok(None) => {
            let entry = journal.d24_refund(key).await.ok().flatten();
            Err((entry, FlowError::InFlight))
        }
        Err(e) => Err((None, e.into())),
    }
}

async fn send_taken(
    client: &Client,
    journal: &Journal,
    key: &str,
    body: &[u8],
) -> Result<D24Entry, (Option<D24Entry>, FlowError)> {
    let outcome = client.create_refund_raw(body, key).await;
    let recorded = match &outcome {
        Ok(created) => {
            journal
                .record_d24_refund(key, &created.refund_id, created_event(created))
                .await
        }
        Err(e) if e.may_have_created() => {
            journal
                .record_d24_event(
                    key,
                    D24Event::Unknown {
                        detail: e.to_string(),
                    },
                )
                .await
        }
        Err(e) => {
            let (code, kind, detail) = match e {
                Error::Api(f) => (
                    f.code,
                    f.kind.clone(),
                    f.description.clone().unwrap_or_default(),
                ),
                other => (None, None, other.to_string()),
            };
            journal
                .record_d24_event(key, D24Event::Refused { code, kind, detail })
                .await
        }
    };
    let entry = journal.d24_refund(key).await.ok().flatten();
    if let Err(e) = recorded {
        return Err((entry, e.into()));
    }
    match (outcome, entry) {
        (Ok(_), Some(entry)) => Ok(entry),
        (Ok(_), None) => Err((None, JournalError::Closed.into())),
        (Err(e), entry) => Err((entry, FlowError::D24(e))),
    }
}

/// Re-sends an unanswered request: the same bytes, the same key.
pub async fn resume(
    client: &Client,
    journal: &Journal,
    entry: &D24Entry,
) -> Result<D24Entry, (Option<D24Entry>, FlowError)> {
    send(client, journal, &entry.key, &entry.body, || {}).await
}

/// Reads a made refund's status once and journals it if it changed.
pub async fn check(
    client: &Client,
    journal: &Journal,
    entry: &D24Entry,
) -> Result<D24Entry, FlowError> {
    if entry.refund_id.is_none() {
        return Ok(entry.clone());
    }
    read_state(client, journal, entry).await?;
    Ok(journal
        .d24_refund(&entry.key)
        .await?
        .unwrap_or_else(|| entry.clone()))
}

/// What D24 says of a made refund now, journalled when it changed (so the shift's report
/// shows what whoever read it last saw, screen or command line).
pub async fn read_state(
    client: &Client,
    journal: &Journal,
    entry: &D24Entry,
) -> Result<RefundState, FlowError> {
    let Some(id) = &entry.refund_id else {
        return Err(FlowError::D24(Error::Response("no refund id yet".into())));
    };
    let state: RefundState = client.refund(id).await.map_err(FlowError::D24)?;
    journal
        .record_d24_event(
            &entry.key,
            status_event(
                state.status.clone(),
                state.reason.clone(),
                state.reason_code.clone(),
            ),
        )
        .await?;
    Ok(state)
}

/// At start-up (or on the Refund screen's opening): resends what has no answer and reads the
/// status of what is still settling, for this client's account only.
pub async fn recover(client: &Client, journal: &Journal) -> Result<Vec<D24Entry>, FlowError> {
    let account = account_of(client);
    let mut out = Vec::new();
    for entry in journal.open_d24_refunds().await? {
        if entry.account != account {
            out.push(entry);
            continue;
        }
        let now = if entry.unanswered() {
            match resume(client, journal, &entry).await {
                Ok(e) => e,
                Err((e, _)) => e.unwrap_or(entry),
            }
        } else {
            check(client, journal, &entry).await.unwrap_or(entry)
        };
        out.push(now);
    }
    Ok(out)
}
