//! Tills in a shop: real tills (the app through its views, each with its own journal) joined
//! to a real shop server (kassa-server's API in this process, on a throwaway PostgreSQL) with
//! one-time codes. What they sell reaches the shop's books in order; a till whose server is
//! down sells on, says how many events wait, and everything arrives exactly once when the
//! server is back. (The running till sends when its journal rings; here the test rings.)

#[path = "../../crates/server/tests/server/pg.rs"]
mod pg;

use std::sync::Arc;

use crate::support::ui::Harness;
use kassa::app::{Message, Screen};
use kassa::config::Settings;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::SandboxConfig;
use kassa::screen::history::ShopView;

/// A shop server on `pg`: its database, and the server itself on 127.0.0.1 (stopped by
/// aborting its task; started again on the same port).
struct Shop {
    database: String,
    pool: kassa_server::db::Pool,
    port: u16,
    task: Option<tokio::task::JoinHandle<()>>,
    /// The provider's key set, once the shop receives callbacks.
    jwks: Option<String>,
}

impl Shop {
    async fn start(pg: &pg::Pg, name: &str) -> Shop {
        let database = pg.database(name);
        let pool = kassa_server::db::pool(&database, 8).unwrap();
        kassa_server::db::migrate(&pool).await.unwrap();
        let mut shop = Shop {
            database,
            pool,
            port: 0,
            task: None,
            jwks: None,
        };
        shop.up().await;
        shop
    }

    async fn up(&mut self) {
        let listener = crate::support::bind_again(self.port).await;
        self.port = listener.local_addr().unwrap().port();
        self.task = Some(self.instance(listener));
    }

    /// One server instance on `listener`, on this shop's database (with a pool, a doorbell and
    /// a LISTEN connection of its own), receiving callbacks at this shop's URL when it does.
    fn instance(&self, listener: tokio::net::TcpListener) -> tokio::task::JoinHandle<()> {
        let pool = kassa_server::db::pool(&self.database, 4).unwrap();
        let receiver = self.jwks.as_ref().map(|jwks| {
            kassa_server::callbacks::configured(Some(&self.url()), std::slice::from_ref(jwks))
                .unwrap()
                .unwrap()
        });
        let state = kassa_server::http::AppState::new(pool, kassa_core::clock::zone(), receiver);
        let listening =
            kassa_server::stream::listen(kassa_server::db::config(&self.database).unwrap(), &state);
        let router = kassa_server::http::router(state);
        tokio::spawn(async move {
            let _listening = AbortOnDrop(listening);
            axum::serve(listener, router).await.unwrap();
        })
    }

    /// Started again on its port, receiving the callbacks signed with the keys at `jwks`.
    async fn receiving(&mut self, jwks: String) {
        self.down();
        self.jwks = Some(jwks);
        self.up().await;
    }

    fn down(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A till joined to this shop as `name`: its settings and keychain as `kassa shop join`
    /// leaves them.
    /// A till of this shop on `other`'s provider (one Payconiq account for the shop).
    async fn till_beside(&self, name: &str, other: &Harness) -> Harness {
        let mut h = self.till(name).await;
        h.share_provider_with(other).await;
        h
    }

    /// A till of this shop reaching it at `url` (through a proxy, or another instance).
    async fn till_at(&self, name: &str, url: &str) -> Harness {
        let code = kassa_server::tills::add(&self.pool, name).await.unwrap();
        let secrets: Arc<dyn kassa::secrets::SecretStore> =
            Arc::new(kassa::secrets::MemoryStore::default());
        let mut settings = Settings {
            pos_id: name.into(),
            ..Settings::default()
        };
        kassa::shop::join(url, &code, &mut settings, secrets.clone())
            .await
            .unwrap();
        Harness::stored(SandboxConfig::for_tests(), settings, secrets, None).await
    }

    async fn till(&self, name: &str) -> Harness {
        self.till_on(name, SandboxConfig::for_tests()).await
    }

    /// A till of this shop on a sandbox set up as `cfg` says.
    async fn till_on(&self, name: &str, cfg: SandboxConfig) -> Harness {
        let code = kassa_server::tills::add(&self.pool, name).await.unwrap();
        let secrets: Arc<dyn kassa::secrets::SecretStore> =
            Arc::new(kassa::secrets::MemoryStore::default());
        let mut settings = Settings {
            pos_id: name.into(),
            ..Settings::default()
        };
        let (shop, till) = kassa::shop::join(&self.url(), &code, &mut settings, secrets.clone())
            .await
            .unwrap();
        assert_eq!((shop.as_str(), till.as_str()), ("Shop", name));
        Harness::stored(cfg, settings, secrets, None).await
    }

    /// Another till of the shop as its own client, which pushes what the test gives it.
    async fn pushing_till(&self, name: &str) -> kassa_core::shop::ShopClient {
        let code = kassa_server::tills::add(&self.pool, name).await.unwrap();
        let token = kassa_core::shop::ShopClient::new(&self.url(), None)
            .unwrap()
            .join(&code)
            .await
            .unwrap()
            .token;
        kassa_core::shop::ShopClient::new(&self.url(), Some(kassa_core::secret::Secret::new(token)))
            .unwrap()
    }

    async fn one(&self, sql: &str) -> i64 {
        let client = self.pool.get().await.unwrap();
        client.query_one(sql, &[]).await.unwrap().get(0)
    }
}

/// Aborts its task when dropped (a server instance's LISTEN connection goes with it).
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A paid sale of `amount` on `h`, and its events sent as the journal's bell would have them.
async fn paid_sale(h: &mut Harness, amount: &str) -> String {
    h.charge(amount).await;
    let id = h.payment_id();
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    h.send(Message::ShopPush).await;
    id
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tills_sell_and_the_shop_has_both_in_order() {
    let pg = pg::Pg::start();
    let shop = Shop::start(&pg, "two_tills").await;
    let mut a = shop.till("Toog").await;
    let mut b = shop.till("Terras").await;
    let first = paid_sale(&mut a, "12.50").await;
    let second = paid_sale(&mut b, "3").await;
    let third = paid_sale(&mut a, "7.25").await;
    assert_eq!(a.app.shop_waiting(), Some(0), "everything sent");
    assert_eq!(b.app.shop_waiting(), Some(0));

    // Either till reads the whole shop.
    let page = b.shop_client().sales(10, None).await.unwrap();
    let seen: Vec<String> = page
        .sales
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {}",
                s.till,
                s.payment_id.as_deref().unwrap_or("-"),
                s.status.as_deref().unwrap_or("-"),
                s.amount_cents.unwrap_or(0)
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            format!("Toog {third} SUCCEEDED 725"),
            format!("Terras {second} SUCCEEDED 300"),
            format!("Toog {first} SUCCEEDED 1250"),
        ]
    );
    // Today's sales on B: A's sales are the shop's, named with their till.
    b.send(Message::OpenToday).await;
    let Screen::Today(t) = b.app.screen() else {
        panic!("today's sales open")
    };
    let notes: Vec<String> = t.sales().iter().map(kassa::words::sale_note).collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].starts_with("till Toog"), "{notes:?}");
    assert!(!notes[1].starts_with("till"), "B's own: {notes:?}");
    // This till's alone at a press, and the total with them.
    b.click("This till").await;
    let Screen::Today(t) = b.app.screen() else {
        unreachable!()
    };
    assert_eq!(t.shown().count(), 1);
    assert_eq!(t.total().cents(), 300);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_till_whose_server_is_down_sells_on_and_everything_arrives_once() {
    let pg = pg::Pg::start();
    let mut shop = Shop::start(&pg, "down").await;
    let mut till = shop.till("Toog").await;
    paid_sale(&mut till, "1").await;
    shop.down();
    for n in 0..50 {
        paid_sale(&mut till, &format!("{}", n + 2)).await;
    }
    let waiting = till.app.shop_waiting().unwrap();
    assert!(waiting >= 50 * 3, "{waiting} events wait");
    assert!(
        till.shows(&format!(
            "{waiting} events wait for the shop server: The shop server at {}/ cannot be reached. Nothing is lost; they are sent when it answers.",
            shop.url()
        )),
        "the cashier is told, and told nothing is lost"
    );
    // Back: one ring sends everything, batch after batch.
    shop.up().await;
    till.send(Message::ShopPush).await;
    assert_eq!(till.app.shop_waiting(), Some(0));
    assert!(!till.shows_prefix(&format!("{waiting} events wait")));
    let journal = till.app.journal().unwrap().clone();
    let recorded = journal.outbox_batch(100_000).await.unwrap().len();
    assert_eq!(recorded, 0, "nothing left to send");
    // Exactly once: every sequence number of the till, no gap, no repeat; 51 paid sales.
    assert_eq!(
        shop.one("SELECT COUNT(*) FROM events").await,
        shop.one("SELECT MAX(seq) FROM events").await
    );
    assert_eq!(
        shop.one("SELECT COUNT(*) FROM sales WHERE status = 'SUCCEEDED'")
            .await,
        51
    );
}

/// The manager's history in a shop: the whole shop's sales, another till's named; this till's
/// alone at a press; with the server down, this till's own, and it says so.
#[tokio::test(flavor = "multi_thread")]
async fn the_history_shows_the_whole_shop_or_this_till() {
    let pg = pg::Pg::start();
    let mut shop = Shop::start(&pg, "history").await;
    let mut a = shop.till("Toog").await;
    let mut b = shop.till("Terras").await;
    paid_sale(&mut a, "12.50").await;
    paid_sale(&mut b, "3").await;
    a.choose_pin("2468").await;
    let Screen::History(h) = a.app.screen() else {
        panic!("the history opens")
    };
    assert!(matches!(h.shop(), ShopView::Loaded(_)), "{:?}", h.shop());
    let lines: Vec<String> = h
        .shown()
        .map(|s| format!("{} {}", s.amount.cents(), kassa::words::sale_note(s)))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("300 till Terras"), "{lines:?}");
    assert!(
        lines[1].starts_with("1250 K"),
        "this till's own, by its reference: {lines:?}"
    );
    a.shoot("history-shop");
    a.click("This till").await;
    let Screen::History(h) = a.app.screen() else {
        unreachable!()
    };
    assert_eq!(h.shown().count(), 1);
    assert_eq!(h.shown().next().unwrap().amount.cents(), 1250);

    // The server down: the history says so and shows what the till knows itself.
    shop.down();
    a.click("Close").await;
    a.unlock("2468").await;
    assert!(
        a.shows_prefix(&format!(
            "The shop server at {}/ cannot be reached. This till's own sales are shown.",
            shop.url()
        )),
        "said on the history"
    );
}

/// A sale of till B refunded from till A: journalled on A, linked to B's sale; both tills see
/// the same balance (the shop's refunds count), and neither can refund more than is left.
#[tokio::test(flavor = "multi_thread")]
async fn a_sale_of_one_till_is_refunded_from_another_and_both_see_the_balance() {
    let pg = pg::Pg::start();
    let shop = Shop::start(&pg, "cross").await;
    let mut b = shop.till("Terras").await;
    let mut a = shop.till_beside("Toog", &b).await;
    let sale = paid_sale(&mut b, "9").await;

    // On A, in the whole shop's history: B's sale, refunded in part.
    a.choose_pin("2468").await;
    a.click("€9.00").await;
    assert!(a.shows("till Terras") || matches!(a.app.screen(), Screen::Detail(_)));
    a.click("Refund…").await;
    use kassa::screen::detail::Message as D;
    a.send(Message::Detail(D::Amount("3".into()))).await;
    a.click("Next").await;
    a.click("Refund now").await;
    let mine = a.app.journal().unwrap().refunds_for(&sale).await.unwrap();
    assert_eq!(mine.len(), 1, "journalled on A");
    assert_eq!(mine[0].amount.cents(), 300);
    a.send(Message::ShopPush).await;

    // On B: A's refund counts; €6.00 left, and a refund of €7 is refused as too much.
    b.choose_pin("2468").await;
    b.click("€9.00").await;
    let Screen::Detail(d) = b.app.screen() else {
        panic!("B's sale opens")
    };
    let refunds = d.refunds();
    assert_eq!(refunds.len(), 1, "{refunds:?}");
    assert_eq!(
        refunds[0].description.as_deref(),
        Some("refunded on till Toog")
    );
    b.click("Refund…").await;
    b.send(Message::Detail(D::Amount("7".into()))).await;
    b.click("Next").await;
    assert!(
        b.shows_prefix("At most €6.00"),
        "only what is left of the shop's balance"
    );
    assert_eq!(
        shop.one("SELECT COUNT(*) FROM refunds r JOIN tills t ON t.id = r.till_id WHERE t.name = 'Toog' AND r.amount_cents = 300").await,
        1
    );
    // The manager's refund on A is in the server's audit log, with the till and the time.
    assert_eq!(
        shop.one(&format!(
            "SELECT COUNT(*) FROM audit a JOIN tills t ON t.id = a.till_id
             WHERE t.name = 'Toog' AND a.action = 'refund' AND a.detail LIKE '{sale}%'"
        ))
        .await,
        1
    );
}

/// A payout checked in a shop: payments rung up on another till of the shop are the shop's
/// own (named with their till), not "another till, a sticker or an invoice".
#[tokio::test(flavor = "multi_thread")]
async fn a_payout_is_matched_across_the_tills_of_the_shop() {
    use kassa::screen::payouts::Message as Po;
    let pg = pg::Pg::start();
    let shop = Shop::start(&pg, "payouts").await;
    let cfg = SandboxConfig {
        demo_days: 3,
        ..SandboxConfig::for_tests()
    };
    let mut a = shop.till_on("Toog", cfg).await;
    a.choose_pin("2468").await;
    a.click("Payouts…").await;
    let Screen::Payouts(p) = a.app.screen() else {
        panic!("payouts open")
    };
    let newest = p.payouts().len() - 1;
    a.send(Message::Payouts(Po::Open(newest))).await;
    let Screen::Payouts(p) = a.app.screen() else {
        unreachable!()
    };
    let d = p.drill().unwrap().clone();
    assert!(
        !d.mismatches.is_empty(),
        "not this till's: {:?}",
        d.mismatches
    );
    assert!(matches!(d.shop, Some(Ok(_))));
    // They were rung up on the shop's other till (its outbox, as it would send it).
    let terras = shop.pushing_till("Terras").await;
    let events: Vec<kassa_core::shop::OutEvent> = d
        .payments
        .iter()
        .filter_map(|l| l.payment_id.clone())
        .enumerate()
        .flat_map(|(n, id)| {
            let seq = 2 * n as i64 + 1;
            let reference = format!("T-{n}");
            [
                kassa_core::shop::OutEvent {
                    seq,
                    id: format!("s{seq}"),
                    kind: "sale".into(),
                    at_ms: 1_780_000_000_000,
                    body: serde_json::json!({"reference": reference, "amount_cents": 100}),
                },
                kassa_core::shop::OutEvent {
                    seq: seq + 1,
                    id: format!("c{seq}"),
                    kind: "sale-created".into(),
                    at_ms: 1_780_000_000_000,
                    body: serde_json::json!({"reference": reference, "payment_id": id}),
                },
            ]
        })
        .collect();
    terras.push(&events).await.unwrap();
    a.send(Message::Payouts(Po::CloseDrill)).await;
    a.send(Message::Payouts(Po::Open(newest))).await;
    let Screen::Payouts(p) = a.app.screen() else {
        unreachable!()
    };
    let d = p.drill().unwrap();
    assert!(d.mismatches.is_empty(), "{:?}", d.mismatches);
    assert!(a.shows("Every payment was rung up on a till of this shop."));
    assert!(a.shows("till Terras"));
    assert!(!a.shows("other till, sticker or invoice"));
}

/// The shop's day report on the till: every till's Zs of the day added up, per till and in
/// all; the till's own sandbox Z (play money) left out.
#[tokio::test(flavor = "multi_thread")]
async fn the_shops_day_report_on_the_till() {
    let pg = pg::Pg::start();
    let shop = Shop::start(&pg, "day_on_till").await;
    let mut a = shop.till("Toog").await;
    paid_sale(&mut a, "4").await;
    // Toog takes its Z: on the sandbox, so play money.
    a.choose_pin("2468").await;
    a.click("Shift report…").await;
    a.click("Close the shift (Z report)…").await;
    a.click("Close the shift").await;
    a.send(Message::ShopPush).await;
    // Two other tills of the shop took real Zs today.
    let now = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
    for (till, paid, tips) in [("Terras", 12_500, 300), ("Kelder", 4_250, 0)] {
        let client = shop.pushing_till(till).await;
        let z = kassa_core::shop::OutEvent {
            seq: 1,
            id: format!("z-{till}"),
            kind: "z".into(),
            at_ms: now,
            body: serde_json::json!({
                "account": "https://merchant.api.bancontact.net#prof-1", "number": 7,
                "report": {"paid": {"count": 5, "amount": paid}, "tips": tips,
                    "refunded": {"count": 1, "amount": 500},
                    "refunds_undone": {"count": 0, "amount": 0}, "carried": []}
            }),
        };
        client.push(&[z]).await.unwrap();
    }
    a.click("The shop's day…").await;
    let Screen::Shift(s) = a.app.screen() else {
        panic!("on the shift screen")
    };
    let report = s.shop_day().unwrap().report().expect("loaded").clone();
    let lines: Vec<String> = report
        .tills
        .iter()
        .map(|l| format!("{} {:?} {} {}", l.till, l.zs, l.paid, l.net()))
        .collect();
    assert_eq!(
        lines,
        [
            "Kelder [7] 4250 3750",
            "Terras [7] 12500 12000",
            "Toog [] 0 0",
        ]
    );
    assert_eq!((report.total.paid, report.total.net()), (16_750, 15_750));
    assert!(
        a.shows("Toog (no Z of takings that day)"),
        "the sandbox Z is not takings"
    );
    assert!(a.shows("€157.50"), "the net of all tills");
    a.shoot("shop-day");
    assert!(
        report
            .csv()
            .contains(",TOTAL,,10,167.50,3.00,2,10.00,0.00,157.50,0")
    );
    // Its PDF's lines: a row per till and the total, money as on screen.
    let Screen::Shift(s) = a.app.screen() else {
        unreachable!()
    };
    let lines = s.shop_day().unwrap().lines(&report);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("All tills") && l.ends_with("€157.50")),
        "{lines:#?}"
    );
    a.click("This till's report").await;
    assert!(a.shows("The shop's day…"));
}

/// A shop server restored from an old backup holds less than the till sent: when the till
/// links up again it asks, and sends again from what the server holds.
#[tokio::test(flavor = "multi_thread")]
async fn a_server_restored_from_a_backup_gets_the_rest_again() {
    let pg = pg::Pg::start();
    let shop = Shop::start(&pg, "restored").await;
    let mut till = shop.till("Toog").await;
    paid_sale(&mut till, "2").await;
    paid_sale(&mut till, "3").await;
    let sent = shop.one("SELECT COUNT(*) FROM events").await;
    assert!(sent >= 6, "{sent}");
    // The backup was taken after the first sale's events.
    {
        let client = shop.pool.get().await.unwrap();
        client
            .batch_execute(
                "DELETE FROM events WHERE seq > 3; DELETE FROM sales WHERE amount_cents = 300",
            )
            .await
            .unwrap();
    }
    assert_eq!(shop.one("SELECT COUNT(*) FROM events").await, 3);
    till.restart().await;
    assert_eq!(till.app.shop_waiting(), Some(0));
    assert_eq!(shop.one("SELECT COUNT(*) FROM events").await, sent);
    assert_eq!(
        shop.one("SELECT COUNT(*) FROM sales WHERE status = 'SUCCEEDED'")
            .await,
        2
    );
}

/// A till the server revoked is told so (its events wait for a new join, not for the server),
/// and once it has joined again (here, with the running till's keychain) it sends what waits:
/// what the server already holds under its old name is not sent a second time.
#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_till_says_so_and_sends_again_once_it_joins_anew() {
    let pg = pg::Pg::start();
    let shop = Shop::start(&pg, "revoked").await;
    let mut till = shop.till("Toog").await;
    paid_sale(&mut till, "2").await;
    let before = shop.one("SELECT COUNT(*) FROM events").await;
    kassa_server::tills::revoke(&shop.pool, "Toog")
        .await
        .unwrap();
    paid_sale(&mut till, "3").await;
    let waiting = till.app.shop_waiting().unwrap();
    assert!(waiting > 0);
    assert!(
        till.shows_prefix("The shop server does not know this till (revoked, or never joined):"),
        "told what to do, not that the server will answer"
    );
    // Joined again (a new code; `kassa shop join` writes the new token to the keychain).
    let code = kassa_server::tills::add(&shop.pool, "Toog").await.unwrap();
    let mut settings = Settings::default();
    kassa::shop::join(&shop.url(), &code, &mut settings, till.secrets())
        .await
        .unwrap();
    till.send(Message::ShopPush).await;
    assert_eq!(till.app.shop_waiting(), Some(0), "sent once it joined");
    assert_eq!(
        shop.one("SELECT COUNT(*) FROM events").await,
        before + waiting,
        "the old events are not sent a second time"
    );
}

/// A TCP proxy on 127.0.0.1 to a port: a network between the till and its server that can
/// drop every connection and refuse new ones until it is back.
struct Proxy {
    port: u16,
    /// Bumped to cut every connection; `true` while new ones are refused.
    cut: tokio::sync::watch::Sender<(u64, bool)>,
    _task: AbortOnDrop,
}

impl Proxy {
    async fn to(target: u16) -> Proxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let cut = tokio::sync::watch::Sender::new((0u64, false));
        let watch = cut.subscribe();
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut inbound, _)) = listener.accept().await else {
                    return;
                };
                if watch.borrow().1 {
                    continue; // dropped: the network is down
                }
                let mut cuts = watch.clone();
                cuts.borrow_and_update();
                tokio::spawn(async move {
                    let Ok(mut outbound) =
                        tokio::net::TcpStream::connect(("127.0.0.1", target)).await
                    else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cuts.changed() => {}
                    }
                });
            }
        });
        Proxy {
            port,
            cut,
            _task: AbortOnDrop(task),
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every connection dropped, new ones refused.
    fn down(&self) {
        self.cut.send_modify(|(n, down)| {
            *n += 1;
            *down = true;
        });
    }

    fn back(&self) {
        self.cut.send_modify(|(_, down)| *down = false);
    }
}

/// The till's callback stream, run beside the harness as iced runs the subscription.
fn stream_of(
    h: &Harness,
) -> tokio::sync::mpsc::UnboundedReceiver<kassa::app::shop_stream::StreamEvent> {
    use iced::futures::StreamExt;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let mut events = Box::pin(kassa::app::shop_stream::notices(h.shop_client()));
    tokio::spawn(async move {
        while let Some(e) = events.next().await {
            if tx.send(e).is_err() {
                return;
            }
        }
    });
    rx
}

async fn next_event(
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<kassa::app::shop_stream::StreamEvent>,
) -> kassa::app::shop_stream::StreamEvent {
    tokio::time::timeout(std::time::Duration::from_secs(15), rx.recv())
        .await
        .expect("an event on the stream within 15 s")
        .expect("the stream runs")
}

/// How often the sandbox was asked for payment `id`.
fn reads_of(h: &Harness, id: &str) -> usize {
    let path = format!("/v3/payments/{id}");
    h.sandbox()
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path == path)
        .count()
}

/// The whole chain on a real PostgreSQL: the sandbox (the provider) calls back to the shop
/// server's instance A; the till follows instance B through a network that can drop. The
/// checkout shows Paid from the callback with no status read, polling slowed to the safety
/// net; with the stream cut mid-payment the till reads at once at its usual pace, and the
/// stream, back, resumes with the callback that came meanwhile.
#[tokio::test(flavor = "multi_thread")]
async fn a_callback_reaches_the_checkout_across_instances_and_cuts() {
    use kassa::app::shop_stream::StreamEvent;
    let pg = pg::Pg::start();
    let mut shop = Shop::start(&pg, "callbacks").await;
    // Instance B, reached through the proxy.
    let b_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let b_port = b_listener.local_addr().unwrap().port();
    let b = AbortOnDrop(shop.instance(b_listener));
    let proxy = Proxy::to(b_port).await;
    let mut h = shop.till_at("Toog", &proxy.url()).await;
    // Both instances receive callbacks at the shop's one public URL (A's), signed by the
    // provider the till uses.
    shop.receiving(h.sandbox().jwks_url()).await;
    drop(b);
    let b_listener = crate::support::bind_again(b_port).await;
    let _b = AbortOnDrop(shop.instance(b_listener));
    h.restart().await;
    h.send(Message::ShopPush).await;
    let mut rx = stream_of(&h);
    assert!(matches!(next_event(&mut rx).await, StreamEvent::Up));
    h.send(Message::ShopStream(StreamEvent::Up)).await;

    // A sale: created naming the shop's callback URL; read at the usual pace until a
    // callback has come (the provider's PENDING), then slowed to the safety net.
    h.charge("7.50").await;
    let id = h.payment_id();
    assert!(h.app.poll_interval() < Some(std::time::Duration::from_secs(2)));
    let pending = loop {
        match next_event(&mut rx).await {
            StreamEvent::Notice(n) if n.payment_id == id => break n,
            _ => continue,
        }
    };
    assert_eq!(pending.status, "PENDING");
    h.send(Message::ShopStream(StreamEvent::Notice(pending)))
        .await;
    assert_eq!(
        h.app.poll_interval(),
        Some(kassa::app::shop_stream::STREAM_POLL)
    );
    let reads = reads_of(&h, &id);
    h.sandbox()
        .confirm(&id, kassa::money::Money::default())
        .unwrap();
    let notice = loop {
        match next_event(&mut rx).await {
            StreamEvent::Notice(n) if n.status == "SUCCEEDED" => break n,
            _ => continue,
        }
    };
    assert_eq!(notice.payment_id, id);
    h.send(Message::ShopStream(StreamEvent::Notice(notice)))
        .await;
    assert_eq!(h.status(), PaymentStatus::Succeeded);
    assert!(h.shows("Paid"));
    assert_eq!(
        reads_of(&h, &id),
        reads,
        "shown from the callback, not read"
    );
    // The callback arrived at A, once.
    assert_eq!(
        shop.one(&format!(
            "SELECT count(*) FROM callbacks WHERE payment_id = '{id}' AND status = 'SUCCEEDED'"
        ))
        .await,
        1
    );

    // The next sale, and the network drops while the customer scans.
    h.click("New sale").await;
    h.charge("3").await;
    let second = h.payment_id();
    proxy.down();
    let down = next_event(&mut rx).await;
    assert!(matches!(down, StreamEvent::Down(_)), "{down:?}");
    let reads = reads_of(&h, &second);
    h.send(Message::ShopStream(down)).await;
    assert!(
        reads_of(&h, &second) > reads,
        "read at once when the stream drops"
    );
    assert!(
        h.app.poll_interval() < Some(std::time::Duration::from_secs(2)),
        "back to the usual pace: {:?}",
        h.app.poll_interval()
    );
    h.sandbox()
        .confirm(&second, kassa::money::Money::default())
        .unwrap();
    // The callback is stored while the till cannot hear of it.
    let stored = format!(
        "SELECT count(*) FROM callbacks WHERE payment_id = '{second}' AND status = 'SUCCEEDED'"
    );
    for _ in 0..100 {
        if shop.one(&stored).await == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        shop.one(&stored).await,
        1,
        "stored while the till was cut off"
    );
    proxy.back();
    // Back: the stream resumes after the last notice it saw, and brings what came meanwhile.
    let resumed = loop {
        match next_event(&mut rx).await {
            StreamEvent::Notice(n) if n.payment_id == second && n.status == "SUCCEEDED" => break n,
            StreamEvent::Notice(n) => assert_ne!(n.payment_id, id, "nothing seen twice"),
            e => h.send(Message::ShopStream(e)).await,
        }
    };
    h.send(Message::ShopStream(StreamEvent::Notice(resumed)))
        .await;
    assert_eq!(h.status(), PaymentStatus::Succeeded);

    // A read that finds news before the stream brings it takes the proof back: the next sale
    // is read at the usual pace until a callback comes again.
    h.click("New sale").await;
    h.charge("2").await;
    let third = h.payment_id();
    loop {
        match next_event(&mut rx).await {
            StreamEvent::Notice(n) if n.payment_id == third => {
                h.send(Message::ShopStream(StreamEvent::Notice(n))).await;
                break;
            }
            e => h.send(Message::ShopStream(e)).await,
        }
    }
    assert_eq!(
        h.app.poll_interval(),
        Some(kassa::app::shop_stream::STREAM_POLL)
    );
    h.sandbox()
        .confirm(&third, kassa::money::Money::default())
        .unwrap();
    h.tick().await;
    assert_ne!(h.status(), PaymentStatus::Pending, "news found by the read");
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    h.charge("1").await;
    assert!(
        h.app.poll_interval() < Some(std::time::Duration::from_secs(2)),
        "back to the usual pace: {:?}",
        h.app.poll_interval()
    );
}

/// The manager screens follow the same events: on till A, the whole shop's history shows till
/// B's sale paid as soon as the provider calls back, before B has said so itself.
#[tokio::test(flavor = "multi_thread")]
async fn the_shops_history_follows_the_callbacks() {
    use kassa::app::shop_stream::StreamEvent;
    let pg = pg::Pg::start();
    let mut shop = Shop::start(&pg, "follow_history").await;
    let mut b = shop.till("Terras").await;
    let mut a = shop.till_beside("Toog", &b).await;
    shop.receiving(b.sandbox().jwks_url()).await;
    for h in [&mut a, &mut b] {
        h.restart().await;
        h.send(Message::ShopPush).await;
    }
    let mut rx = stream_of(&a);
    assert!(matches!(next_event(&mut rx).await, StreamEvent::Up));
    a.send(Message::ShopStream(StreamEvent::Up)).await;

    // B rings up a sale, and tells the shop.
    b.charge("8").await;
    let id = b.payment_id();
    b.send(Message::ShopPush).await;
    a.choose_pin("2468").await;
    let status_of = |h: &Harness| match h.app.screen() {
        Screen::History(s) => s
            .shown()
            .find(|s| s.payment_id.as_deref() == Some(id.as_str()))
            .and_then(|s| s.status.clone()),
        _ => None,
    };
    assert_eq!(status_of(&a), Some(PaymentStatus::Pending));
    // Paid: B hears nothing yet (no read, no push); A's history hears the callback.
    a.sandbox()
        .confirm(&id, kassa::money::Money::default())
        .unwrap();
    loop {
        match next_event(&mut rx).await {
            StreamEvent::Notice(n) if n.payment_id == id && n.status == "SUCCEEDED" => {
                a.send(Message::ShopStream(StreamEvent::Notice(n))).await;
                break;
            }
            e => a.send(Message::ShopStream(e)).await,
        }
    }
    assert_eq!(status_of(&a), Some(PaymentStatus::Succeeded));
    assert_eq!(b.status(), PaymentStatus::Pending, "B has not read it yet");
}
