//! The tills' stream of the provider's callbacks, as server-sent events: one long-lived GET per
//! till, `id:` the callback's place in the shop's stream, resumed after `Last-Event-ID` when
//! the till comes back. Server-sent events rather than a WebSocket: the flow is one way (the
//! till sends nothing back on it), it is plain HTTP through any reverse proxy, and resuming
//! from the last event id is part of the format.
//!
//! The `callbacks` table is the truth; a notification is only a doorbell. Every instance
//! LISTENs on [`CHANNEL`]: a callback stored by any instance (NOTIFY in the same transaction,
//! delivered at commit) rings every instance's streams, which read the rows after their
//! cursor. Streams also read every [`SAFETY`] without a ring, so a lost notification or a
//! listener reconnecting delays, never loses.

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use deadpool_postgres::Pool;
use futures::Stream;
use kassa_core::shop::{PaymentNotice, StreamHello};
use tokio::sync::watch;
use tokio_postgres::{AsyncMessage, NoTls};

use crate::ServerError;
use crate::callbacks::CHANNEL;
use crate::tills::Till;

/// How often a stream reads without a ring, and checks its till is not revoked.
pub const SAFETY: Duration = Duration::from_secs(15);
/// How often a quiet stream says it is alive (an SSE comment of a few bytes): a till that
/// hears nothing for three of these takes the stream for dead and reads the provider at its
/// usual pace, within the two seconds a dropped stream may cost.
pub const KEEP_ALIVE: Duration = Duration::from_millis(500);

/// Rings (bumps the number) whenever some instance stored a callback.
pub type Doorbell = watch::Sender<u64>;

/// Listens on [`CHANNEL`] over a connection of its own, ringing `state`'s bell for each
/// notification;
/// reconnects after a second when the connection is lost (ringing once then, as a
/// notification may have been missed meanwhile).
pub fn listen(
    config: tokio_postgres::Config,
    state: &crate::http::AppState,
) -> tokio::task::JoinHandle<()> {
    let bell = state.bell.clone();
    tokio::spawn(async move {
        loop {
            match config.connect(NoTls).await {
                Ok((client, mut connection)) => {
                    let messages = futures::stream::poll_fn(move |cx| connection.poll_message(cx));
                    let listening = async {
                        client.batch_execute(&format!("LISTEN {CHANNEL}")).await?;
                        tracing::debug!("listening for callbacks stored by any instance");
                        std::future::pending::<()>().await;
                        Ok::<_, tokio_postgres::Error>(())
                    };
                    let ringing = async {
                        use futures::StreamExt;
                        let mut messages = std::pin::pin!(messages);
                        while let Some(m) = messages.next().await {
                            match m {
                                Ok(AsyncMessage::Notification(_)) => {
                                    bell.send_modify(|n| *n = n.wrapping_add(1))
                                }
                                Ok(_) => {}
                                Err(e) => return e.to_string(),
                            }
                        }
                        "closed".to_string()
                    };
                    tokio::select! {
                        r = listening => if let Err(e) = r {
                            tracing::warn!(error = %e, "cannot listen for callbacks");
                        },
                        why = ringing => tracing::warn!(why, "the callback listener's connection ended"),
                    }
                }
                Err(e) => tracing::warn!(error = %e, "the callback listener cannot connect"),
            }
            bell.send_modify(|n| *n = n.wrapping_add(1));
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

/// The newest callback id of `shop` (a new stream starts after it).
pub async fn newest(pool: &Pool, shop: i64) -> Result<i64, ServerError> {
    let client = pool.get().await?;
    let row = client
        .query_one(
            "SELECT COALESCE(MAX(id), 0) FROM callbacks WHERE shop_id = $1",
            &[&shop],
        )
        .await?;
    Ok(row.get(0))
}

/// The shop's callbacks after `after`, oldest first, at most `limit`.
pub async fn after(
    pool: &Pool,
    shop: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<PaymentNotice>, ServerError> {
    let client = pool.get().await?;
    let statement = client
        .prepare_cached(
            "SELECT id, payment_id, status, body, signature,
                    (EXTRACT(EPOCH FROM received_at) * 1000)::BIGINT
             FROM callbacks WHERE shop_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .await?;
    let rows = client.query(&statement, &[&shop, &after, &limit]).await?;
    Ok(rows
        .iter()
        .map(|r| PaymentNotice {
            id: r.get(0),
            payment_id: r.get(1),
            status: r.get(2),
            body: r.get(3),
            signature: r.get(4),
            received_at_ms: r.get(5),
        })
        .collect())
}

/// Whether `till` is still one the shop accepts.
async fn still_joined(pool: &Pool, till: i64) -> Result<bool, ServerError> {
    let client = pool.get().await?;
    Ok(client
        .query_opt(
            "SELECT 1 FROM tills WHERE id = $1 AND revoked_at IS NULL",
            &[&till],
        )
        .await?
        .is_some())
}

/// Which stream of each till is its current one: a till has one stream; when it opens
/// another (it lost the first without the server noticing), the older one ends.
#[derive(Clone, Default)]
pub struct Streams(Arc<Mutex<HashMap<i64, u64>>>);

impl Streams {
    /// Makes a new stream `till`'s current one; its number.
    fn open(&self, till: i64) -> u64 {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let n = map.get(&till).map_or(1, |n| n.wrapping_add(1));
        map.insert(till, n);
        n
    }

    /// Ends every stream (the server is stopping: its connections must close for it to).
    pub fn close_all(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    fn is_current(&self, till: i64, n: u64) -> bool {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&till) == Some(&n)
    }
}

struct Follow {
    pool: Pool,
    till: Till,
    cursor: i64,
    hello: bool,
    bell: watch::Receiver<u64>,
    ready: VecDeque<PaymentNotice>,
    streams: Streams,
    number: u64,
    /// When the till was last checked not revoked.
    checked: tokio::time::Instant,
}

fn event(notice: &PaymentNotice) -> Event {
    Event::default()
        .id(notice.id.to_string())
        .event("payment")
        .json_data(notice)
        .unwrap_or_else(|_| Event::default().comment("unencodable"))
}

/// The events for `till` after `cursor`: a hello, then each callback of its shop as it is
/// stored. Ends when the till is revoked, or opens another stream (`bell` is rung so that the
/// older one sees it at once).
pub fn follow(
    pool: Pool,
    till: Till,
    cursor: i64,
    bell: &watch::Sender<u64>,
    streams: Streams,
) -> Sse<impl Stream<Item = Result<Event, Infallible>> + use<>> {
    let number = streams.open(till.id);
    let state = Follow {
        pool,
        till,
        cursor,
        hello: false,
        bell: bell.subscribe(),
        ready: VecDeque::new(),
        streams,
        number,
        checked: tokio::time::Instant::now(),
    };
    bell.send_modify(|n| *n = n.wrapping_add(1));
    let events = futures::stream::unfold(state, |mut s| async move {
        if !s.hello {
            s.hello = true;
            let hello = Event::default()
                .event("hello")
                .json_data(StreamHello { after: s.cursor })
                .unwrap_or_default();
            return Some((Ok(hello), s));
        }
        loop {
            if !s.streams.is_current(s.till.id, s.number) {
                tracing::debug!(till = %s.till.name, "a stream replaced by the till's newer one ends");
                return None;
            }
            if let Some(n) = s.ready.pop_front() {
                s.cursor = n.id;
                return Some((Ok(event(&n)), s));
            }
            // Seen before reading: a ring during the read is not lost.
            s.bell.borrow_and_update();
            match after(&s.pool, s.till.shop_id, s.cursor, 200).await {
                Ok(rows) if !rows.is_empty() => {
                    s.ready.extend(rows);
                    continue;
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, till = %s.till.name, "a stream cannot read"),
            }
            let rung = tokio::select! {
                r = s.bell.changed() => r.is_ok(),
                _ = tokio::time::sleep(SAFETY) => false,
            };
            if !rung && s.bell.has_changed().is_err() {
                // No bell any more (the server is stopping): read at the safety pace.
                tokio::time::sleep(SAFETY).await;
            }
            if s.checked.elapsed() >= SAFETY {
                s.checked = tokio::time::Instant::now();
                if !still_joined(&s.pool, s.till.id).await.unwrap_or(true) {
                    tracing::info!(till = %s.till.name, "a revoked till's stream ends");
                    return None;
                }
            }
        }
    });
    Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}
