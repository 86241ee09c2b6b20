//! Callbacks pushed to the tills, measured from outside. Twenty real `App`s (each its own
//! journal), joined to a shop server on a real PostgreSQL (`pg_virtualenv`-like throwaway
//! cluster) through a network of their own, each with a live payment on one provider (the
//! embedded sandbox), which calls back to the server's public URL: an HTTP front on 127.0.0.1
//! that notes when each callback arrives and hands it to the server. A till "shows" a status
//! when its `App` holds it after the stream's event (the next frame draws it).
//!
//! - callback arrival at the server → the till shows it: p50, p95, p99 (target p95 ≤ 100 ms);
//! - reads of the provider per live payment while the stream is up (target ≤ 0.2/s), counted
//!   by the sandbox;
//! - the network dropped (connections reset) or gone silent (nothing more arrives): from the
//!   drop to each live payment's first read at the provider (target ≤ 2 s).
//!
//! Run with `cargo bench --bench callback_latency` (about two minutes; needs PostgreSQL, as
//! `packaging/linux/install-deps.sh` installs it).

#[path = "support/drive.rs"]
mod drive;
#[path = "../crates/server/tests/server/pg.rs"]
mod pg;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use drive::{charge, send};
use futures::StreamExt;
use kassa::app::shop_stream::{StreamEvent, notices};
use kassa::app::{App, Message, Screen};
use kassa::config::Settings;
use kassa::i18n::Lang;
use kassa::journal::Journal;
use kassa::money::Money;
use kassa::payconiq::ClientOptions;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::SandboxConfig;
use kassa::screen::checkout::PollPolicy;
use kassa::services::Services;

const TILLS: usize = 20;
const ROUNDS: u64 = 10;

/// When each callback (payment id, status) arrived at the server's front.
type Arrivals = Arc<Mutex<HashMap<(String, String), Instant>>>;

#[derive(Clone)]
struct Front {
    arrivals: Arrivals,
    server: String,
    http: reqwest::Client,
}

/// The server's public face: notes each callback's arrival, then forwards it whole.
async fn front(
    State(f): State<Front>,
    headers: HeaderMap,
    body: Bytes,
) -> (axum::http::StatusCode, String) {
    let at = Instant::now();
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&body) {
        let key = (
            v["paymentId"].as_str().unwrap_or("").to_string(),
            v["status"].as_str().unwrap_or("").to_string(),
        );
        f.arrivals.lock().unwrap().entry(key).or_insert(at);
    }
    let mut req = f
        .http
        .post(format!("{}/callbacks/payconiq", f.server))
        .body(body);
    for name in ["content-type", "signature", "user-agent"] {
        if let Some(v) = headers.get(name) {
            req = req.header(name, v.as_bytes());
        }
    }
    match req.send().await {
        Ok(r) => (
            axum::http::StatusCode::from_u16(r.status().as_u16())
                .unwrap_or(axum::http::StatusCode::BAD_GATEWAY),
            r.text().await.unwrap_or_default(),
        ),
        Err(e) => (axum::http::StatusCode::BAD_GATEWAY, e.to_string()),
    }
}

/// The tills' network to the server: forwards bytes; can drop every connection (reset) or
/// go silent (nothing more passes, the connections stay open) until it is back.
#[derive(Clone)]
struct Network {
    state: Arc<tokio::sync::watch::Sender<(u64, bool)>>,
}

impl Network {
    async fn to(target: u16) -> (Network, u16) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(tokio::sync::watch::Sender::new((0u64, false)));
        let watch = state.subscribe();
        tokio::spawn(async move {
            while let Ok((inbound, _)) = listener.accept().await {
                let mut w = watch.clone();
                w.borrow_and_update();
                tokio::spawn(async move {
                    let Ok(outbound) = tokio::net::TcpStream::connect(("127.0.0.1", target)).await
                    else {
                        return;
                    };
                    let (mut ri, mut wi) = inbound.into_split();
                    let (mut ro, mut wo) = outbound.into_split();
                    let up = tokio::io::copy(&mut ri, &mut wo);
                    let down = tokio::io::copy(&mut ro, &mut wi);
                    tokio::select! {
                        _ = async { tokio::join!(up, down) } => {}
                        _ = w.changed() => {
                            // Silent: hold the sockets, pass nothing, until the network is back.
                            if w.borrow().1 {
                                let _ = w.changed().await;
                            }
                        }
                    }
                });
            }
        });
        (Network { state }, port)
    }

    /// Every connection reset.
    fn drop_all(&self) {
        self.state.send_modify(|(n, _)| *n += 1);
    }

    /// Nothing passes any more; the connections stay open.
    fn go_silent(&self) {
        self.state.send_modify(|(n, silent)| {
            *n += 1;
            *silent = true;
        });
    }

    fn back(&self) {
        self.state.send_modify(|(n, silent)| {
            *n += 1;
            *silent = false;
        });
    }
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (p50, p95, p99) = (
        percentile(&mut samples, 0.50),
        percentile(&mut samples, 0.95),
        percentile(&mut samples, 0.99),
    );
    println!(
        "{name:<48} p50 {:>6.1} ms   p95 {:>6.1} ms   p99 {:>6.1} ms   max {:>6.1} ms   (n = {})",
        ms(p50),
        ms(p95),
        ms(p99),
        ms(*samples.last().unwrap()),
        samples.len()
    );
}

fn status(app: &App) -> Option<PaymentStatus> {
    match app.screen() {
        Screen::Checkout(c) => Some(c.status().clone()),
        _ => None,
    }
}

fn payment_id(app: &App) -> String {
    match app.screen() {
        Screen::Checkout(c) => c.payment().payment_id.clone(),
        _ => unreachable!(),
    }
}

/// One till: its app, linked to the shop, following the stream.
struct Till {
    app: App,
    events: std::pin::Pin<Box<dyn futures::Stream<Item = StreamEvent> + Send>>,
    _dir: tempfile::TempDir,
}

impl Till {
    /// Handles stream events and poll ticks (at the app's own pace, as its subscription
    /// would) until `done` holds or `limit` passes; returns when `done` first held.
    async fn run(&mut self, limit: Duration, done: impl Fn(&App) -> bool) -> Option<Instant> {
        let deadline = tokio::time::Instant::now() + limit;
        let mut pace = self.app.poll_interval();
        let mut next = pace.map(|p| tokio::time::Instant::now() + p);
        loop {
            let tick = async {
                match next {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                e = self.events.next() => {
                    send(&mut self.app, Message::ShopStream(e.expect("the stream runs"))).await;
                }
                _ = tick => {
                    send(&mut self.app, Message::Poll).await;
                    next = next.map(|at| at + pace.unwrap_or_default());
                }
                _ = tokio::time::sleep_until(deadline) => return None,
            }
            if done(&self.app) {
                return Some(Instant::now());
            }
            // A new interval is a new subscription: its first tick one interval away.
            let now_pace = self.app.poll_interval();
            if now_pace != pace {
                pace = now_pace;
                next = pace.map(|p| tokio::time::Instant::now() + p);
            }
        }
    }
}

async fn till(
    n: usize,
    pool: &kassa_server::db::Pool,
    network: &str,
    services: &Arc<Services>,
) -> Till {
    let code = kassa_server::tills::add(pool, &format!("Kassa {n}"))
        .await
        .unwrap();
    let secrets: Arc<dyn kassa::secrets::SecretStore> =
        Arc::new(kassa::secrets::MemoryStore::default());
    let mut settings = Settings {
        language: Some(Lang::En),
        ..Settings::default()
    };
    kassa::shop::join(network, &code, &mut settings, secrets.clone())
        .await
        .unwrap();
    let client = kassa::shop::client(&settings, secrets.as_ref())
        .unwrap()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(settings, PollPolicy::default()).with_storage(secrets, None);
    drop(app.open_with(Journal::open(&dir.path().join("journal.sqlite"))));
    drop(app.start_with(services.clone()));
    send(&mut app, Message::ShopLinked(Ok(client.clone()))).await;
    let mut events = Box::pin(notices(client));
    // Open before the first sale.
    loop {
        let e = events.next().await.unwrap();
        let up = matches!(e, StreamEvent::Up);
        send(&mut app, Message::ShopStream(e)).await;
        if up {
            break;
        }
    }
    assert!(app.following_callbacks());
    Till {
        app,
        events,
        _dir: dir,
    }
}

fn reads(sandbox: &kassa::sandbox::Sandbox, id: &str, from: Instant, to: Instant) -> usize {
    let path = format!("/v3/payments/{id}");
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == path && r.at >= from && r.at <= to)
        .count()
}

fn first_read_after(
    sandbox: &kassa::sandbox::Sandbox,
    id: &str,
    since: Instant,
) -> Option<Instant> {
    let path = format!("/v3/payments/{id}");
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == path && r.at >= since)
        .map(|r| r.at)
        .min()
}

fn main() {
    kassa::i18n::set_language(Lang::En);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let pg = pg::Pg::start();
        let database = pg.database("callback_bench");
        let pool = kassa_server::db::pool(&database, 16).unwrap();
        kassa_server::db::migrate(&pool).await.unwrap();
        let services = Arc::new(
            Services::embedded(
                SandboxConfig {
                    demo_days: 0,
                    ..SandboxConfig::default()
                },
                ClientOptions::default(),
            )
            .await
            .unwrap(),
        );
        let sandbox = services.sandbox.as_ref().unwrap();

        // The server, its front (the public URL the provider calls) and the tills' network.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server_port = listener.local_addr().unwrap().port();
        let front_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let public = format!("http://{}", front_listener.local_addr().unwrap());
        let arrivals: Arrivals = Arc::default();
        let receiver =
            kassa_server::callbacks::configured(Some(&public), &[sandbox.jwks_url()]).unwrap();
        let state =
            kassa_server::http::AppState::new(pool.clone(), kassa_core::clock::zone(), receiver);
        kassa_server::stream::listen(kassa_server::db::config(&database).unwrap(), &state);
        let router = kassa_server::http::router(state);
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        let front_app = axum::Router::new()
            .route("/callbacks/payconiq", axum::routing::post(front))
            .with_state(Front {
                arrivals: arrivals.clone(),
                server: format!("http://127.0.0.1:{server_port}"),
                http: reqwest::Client::new(),
            });
        tokio::spawn(async move { axum::serve(front_listener, front_app).await.unwrap() });
        let (network, network_port) = Network::to(server_port).await;
        let network_url = format!("http://127.0.0.1:{network_port}");

        let mut tills = Vec::new();
        for n in 0..TILLS {
            tills.push(till(n, &pool, &network_url, &services).await);
        }
        println!("{TILLS} tills follow the shop server's callbacks");

        // Rounds: every till charges; each customer pays at a moment of their own.
        let mut latency = Vec::new();
        let (mut read_count, mut live_secs) = (0usize, 0f64);
        for round in 0..ROUNDS {
            let mut runs = Vec::new();
            for (n, mut t) in tills.drain(..).enumerate() {
                let services = services.clone();
                runs.push(tokio::spawn(async move {
                    charge(&mut t.app).await;
                    let id = payment_id(&t.app);
                    let created = Instant::now();
                    let pay_after =
                        Duration::from_millis(1500 + ((n as u64 * 7919 + round * 104_729) % 4000));
                    let payer = {
                        let (services, id) = (services.clone(), id.clone());
                        tokio::spawn(async move {
                            tokio::time::sleep(pay_after).await;
                            let sandbox = services.sandbox.as_ref().unwrap();
                            sandbox.confirm(&id, Money::default()).unwrap();
                        })
                    };
                    let shown = t
                        .run(Duration::from_secs(20), |a| {
                            status(a) == Some(PaymentStatus::Succeeded)
                        })
                        .await
                        .expect("the payment shows as paid");
                    payer.await.unwrap();
                    send(
                        &mut t.app,
                        Message::Checkout(kassa::screen::checkout::Message::NewSale),
                    )
                    .await;
                    (t, id, created, shown)
                }));
            }
            for run in runs {
                let (t, id, created, shown) = run.await.unwrap();
                let arrived = arrivals
                    .lock()
                    .unwrap()
                    .get(&(id.clone(), "SUCCEEDED".to_string()))
                    .copied()
                    .expect("the callback came");
                latency.push(shown.saturating_duration_since(arrived));
                read_count += reads(sandbox, &id, created, shown);
                live_secs += (shown - created).as_secs_f64();
                tills.push(t);
            }
        }
        report("callback at the server -> till shows it", latency);
        println!(
            "{:<48} {:.3} per second per payment ({read_count} reads over {live_secs:.0} s)",
            "reads of the provider while the stream is up",
            read_count as f64 / live_secs
        );

        // The network between tills and server fails while every till waits for a customer.
        for (name, silent) in [("connections reset", false), ("gone silent", true)] {
            let mut first_reads = Vec::new();
            for _ in 0..3 {
                let mut ids = Vec::new();
                for t in tills.iter_mut() {
                    charge(&mut t.app).await;
                    ids.push(payment_id(&t.app));
                }
                // Let the tills settle to the slow pace.
                tokio::time::sleep(Duration::from_millis(300)).await;
                let cut = Instant::now();
                if silent {
                    network.go_silent();
                } else {
                    network.drop_all();
                }
                let mut runs = Vec::new();
                for mut t in tills.drain(..) {
                    runs.push(tokio::spawn(async move {
                        t.run(Duration::from_secs(4), |_| false).await;
                        t
                    }));
                }
                for run in runs {
                    tills.push(run.await.unwrap());
                }
                for id in &ids {
                    let first = first_read_after(sandbox, id, cut).expect("read after the drop");
                    first_reads.push(first - cut);
                }
                network.back();
                // Each sale runs out; the streams open again.
                for (t, id) in tills.iter_mut().zip(&ids) {
                    let _ = sandbox.customer(id, kassa::sandbox::CustomerAction::Expire);
                    let mut runs = 0;
                    while t.app.poll_interval().is_some() && runs < 50 {
                        t.run(
                            Duration::from_millis(200),
                            |a| !matches!(a.screen(), Screen::Checkout(c) if c.is_live()),
                        )
                        .await;
                        runs += 1;
                    }
                    send(
                        &mut t.app,
                        Message::Checkout(kassa::screen::checkout::Message::NewSale),
                    )
                    .await;
                }
                for t in tills.iter_mut() {
                    while !t.app.following_callbacks() {
                        let e = t.events.next().await.unwrap();
                        send(&mut t.app, Message::ShopStream(e)).await;
                    }
                }
            }
            report(
                &format!("network {name} -> first read at the provider"),
                first_reads,
            );
        }
    });
}
