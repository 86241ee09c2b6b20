//! Sandbox throughput and latency under a bounded load, as an integrator's load test would
//! see it: the sandbox runs as its own process (`kassa sandbox`, release build) and this
//! program is the load generator, on one thread, with a fixed number of keep-alive connections
//! each sending its next request when the previous answer is in (closed loop), for a fixed time.
//!
//! Phases: create at 50 connections; GET at 50 connections on a small store; the store filled
//! to 100,000 payments; GET again, alone and with a client searching back to back beside it;
//! searches alone at 100,000 payments (every payment of the last day matches).
//!
//! Run with `cargo bench --bench sandbox_load` (about a minute after the build). Figures are
//! printed; nothing is asserted (these machines are noisy).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const API_KEY: &str = "sandbox-api-key";
const CONNECTIONS: usize = 50;
const FILL: usize = 100_000;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `kassa sandbox` and returns it with its address (read from its banner).
fn start_server() -> (Server, String) {
    let data = std::env::temp_dir().join(format!("kassa-load-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .args(["sandbox", "--no-demo", "--retention", "200000"])
        .env("KASSA_DATA_DIR", &data)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("kassa sandbox starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let addr = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let at = line.find("http://127.0.0.1:")?;
            Some(line[at + "http://".len()..].trim().to_string())
        })
        .expect("the banner names the API base");
    // Keep reading what it prints: a closed pipe would make its next line fail.
    std::thread::spawn(move || lines.for_each(drop));
    (Server(child), addr)
}

/// One keep-alive HTTP/1.1 connection that sends a request and reads the whole answer.
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    async fn open(addr: &str) -> Conn {
        let stream = TcpStream::connect(addr).await.expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        Conn {
            stream,
            buf: Vec::with_capacity(16 * 1024),
        }
    }

    /// Sends `request` (complete bytes) and returns the status and body.
    async fn call(&mut self, request: &[u8]) -> (u16, Vec<u8>) {
        self.stream.write_all(request).await.expect("write");
        self.buf.clear();
        let mut chunk = [0u8; 16 * 1024];
        loop {
            if let Some(end) = find(&self.buf, b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buf[..end]).to_ascii_lowercase();
                let status = head[9..12].parse().unwrap_or(0);
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                while self.buf.len() < end + 4 + length {
                    let n = self.stream.read(&mut chunk).await.expect("read");
                    assert!(n > 0, "connection closed mid-answer");
                    self.buf.extend_from_slice(&chunk[..n]);
                }
                return (status, self.buf[end + 4..end + 4 + length].to_vec());
            }
            let n = self.stream.read(&mut chunk).await.expect("read");
            assert!(n > 0, "connection closed");
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn request(method: &str, path: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {API_KEY}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn create_request(n: usize) -> Vec<u8> {
    request(
        "POST",
        "/v3/payments",
        &format!(
            r#"{{"amount":{},"currency":"EUR","description":"Load {n}","reference":"L{n}"}}"#,
            100 + n % 5000
        ),
    )
}

fn payment_id(body: &[u8]) -> String {
    let v: serde_json::Value = serde_json::from_slice(body).expect("JSON answer");
    v["paymentId"].as_str().expect("paymentId").to_string()
}

/// What one phase measured.
struct Figures {
    done: usize,
    errors: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Figures {
    fn rate(&self) -> f64 {
        self.done as f64 / self.elapsed.as_secs_f64()
    }

    fn quantile(&mut self, q: f64) -> Duration {
        self.latencies.sort_unstable();
        let at = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
        self.latencies.get(at).copied().unwrap_or_default()
    }

    fn print(&mut self, what: &str) {
        let (p50, p99) = (self.quantile(0.50), self.quantile(0.99));
        println!(
            "{what:<58} {:>8.0} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  ({} requests, {} errors)",
            self.rate(),
            p50.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3,
            self.done,
            self.errors
        );
    }
}

/// Runs `connections` closed-loop connections for `duration`; `next(i)` is request number i.
async fn load(
    addr: &str,
    connections: usize,
    duration: Duration,
    next: impl Fn(usize) -> Vec<u8> + Clone + 'static,
) -> Figures {
    let deadline = Instant::now() + duration;
    let counter = std::rc::Rc::new(std::cell::Cell::new(0usize));
    let start = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..connections {
        let (addr, next, counter) = (addr.to_string(), next.clone(), counter.clone());
        handles.push(tokio::task::spawn_local(async move {
            let mut conn = Conn::open(&addr).await;
            let mut latencies = Vec::new();
            let mut errors = 0;
            while Instant::now() < deadline {
                let n = counter.get();
                counter.set(n + 1);
                let req = next(n);
                let sent = Instant::now();
                let (status, _) = conn.call(&req).await;
                latencies.push(sent.elapsed());
                if !(200..300).contains(&status) {
                    errors += 1;
                }
            }
            (latencies, errors)
        }));
    }
    let mut figures = Figures {
        done: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    for h in handles {
        let (lat, err) = h.await.expect("connection task");
        figures.done += lat.len();
        figures.errors += err;
        figures.latencies.extend(lat);
    }
    figures.elapsed = start.elapsed();
    figures
}

/// Creates payments over `connections` connections until the sandbox holds `total`.
async fn fill(addr: &str, from: usize, total: usize) -> Figures {
    let counter = std::rc::Rc::new(std::cell::Cell::new(from));
    let start = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..CONNECTIONS {
        let (addr, counter) = (addr.to_string(), counter.clone());
        handles.push(tokio::task::spawn_local(async move {
            let mut conn = Conn::open(&addr).await;
            let mut latencies = Vec::new();
            loop {
                let n = counter.get();
                if n >= total {
                    return latencies;
                }
                counter.set(n + 1);
                let sent = Instant::now();
                let (status, _) = conn.call(&create_request(n)).await;
                assert_eq!(status, 201);
                latencies.push(sent.elapsed());
            }
        }));
    }
    let mut latencies = Vec::new();
    for h in handles {
        latencies.extend(h.await.expect("fill task"));
    }
    Figures {
        done: latencies.len(),
        errors: 0,
        elapsed: start.elapsed(),
        latencies,
    }
}

/// Searches back to back on one connection until `stop`; returns each search's latency.
async fn searcher(addr: String, body: &'static str, stop: Instant) -> Figures {
    let req = request("POST", "/v3/payments/search?page=0&size=50", body);
    let mut conn = Conn::open(&addr).await;
    let mut latencies = Vec::new();
    let mut total = 0;
    let start = Instant::now();
    while Instant::now() < stop {
        let sent = Instant::now();
        let (status, body) = conn.call(&req).await;
        latencies.push(sent.elapsed());
        assert_eq!(status, 200);
        let v: serde_json::Value = serde_json::from_slice(&body).expect("search answer");
        total = v["totalElements"].as_u64().unwrap_or(0);
    }
    assert!(total as usize >= FILL, "the search saw {total} payments");
    Figures {
        done: latencies.len(),
        errors: 0,
        elapsed: start.elapsed(),
        latencies,
    }
}

/// The store itself, without HTTP: one search over `FILL` payments, all in range.
fn search_in_store() {
    use kassa::money::Money;
    use kassa::sandbox::SandboxConfig;
    use kassa::sandbox::store::{Order, Search, Store};
    let cfg = SandboxConfig {
        retention: FILL,
        ..SandboxConfig::default()
    };
    let mut store = Store::default();
    for n in 0..FILL {
        let order = Order {
            amount: Money::from_cents(100 + n as i64 % 5000),
            description: Some(format!("Load {n}")),
            reference: Some(format!("L{n}")),
            ..Order::default()
        };
        store.create(&cfg, "http://127.0.0.1:1", order);
    }
    let now = time::OffsetDateTime::now_utc();
    let mut times = Vec::new();
    for _ in 0..50 {
        let mut search = Search::new(now - time::Duration::days(1), now, 0, 50);
        let started = Instant::now();
        while !store.search_step(&cfg, &mut search, usize::MAX) {}
        times.push(started.elapsed());
        assert_eq!(search.total, FILL);
    }
    let mut figures = Figures {
        done: times.len(),
        errors: 0,
        elapsed: times.iter().sum(),
        latencies: times,
    };
    figures.print(&format!(
        "search in the store itself, {FILL} payments (no HTTP)"
    ));
}

fn main() {
    search_in_store();
    let (_server, addr) = start_server();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    println!(
        "sandbox at {addr}; load generator: one thread, {CONNECTIONS} keep-alive connections, closed loop"
    );
    // One thread for the whole generator: its tasks are local to it.
    tokio::task::LocalSet::new().block_on(&runtime, async {
        // A few payments to read, then create and GET on a small store.
        let mut conn = Conn::open(&addr).await;
        let mut ids = Vec::new();
        for n in 0..1000 {
            ids.push(payment_id(&conn.call(&create_request(n)).await.1));
        }
        let ids = std::rc::Rc::new(ids);
        let get = {
            let ids = ids.clone();
            move |n: usize| {
                request(
                    "GET",
                    &format!("/v3/payments/{}", ids[n.wrapping_mul(7919) % ids.len()]),
                    "",
                )
            }
        };

        let mut created = load(&addr, CONNECTIONS, Duration::from_secs(5), |n| {
            create_request(1_000_000 + n)
        })
        .await;
        created.print("create (POST /v3/payments), 50 connections");
        let mut small = load(&addr, CONNECTIONS, Duration::from_secs(8), get.clone()).await;
        small.print(&format!(
            "GET /v3/payments/{{id}}, 50 connections, {} payments",
            1000 + created.done
        ));

        let have = 1000 + created.done;
        let mut filled = fill(&addr, have, FILL).await;
        filled.print(&format!("create, filling to {FILL} payments"));

        let mut big = load(&addr, CONNECTIONS, Duration::from_secs(8), get.clone()).await;
        big.print(&format!(
            "GET /v3/payments/{{id}}, 50 connections, {FILL} payments"
        ));

        let stop = Instant::now() + Duration::from_secs(8);
        let searching = tokio::task::spawn_local(searcher(addr.clone(), "{}", stop));
        let mut beside = load(&addr, CONNECTIONS, Duration::from_secs(8), get.clone()).await;
        let mut searches = searching.await.expect("searcher");
        beside.print("GET, 50 connections, with one client searching beside them");
        searches.print("  search (POST /v3/payments/search, last day) during that GET load");

        let mut alone = searcher(addr.clone(), "{}", Instant::now() + Duration::from_secs(5)).await;
        alone.print(&format!(
            "search alone, {FILL} payments all in range (page of 50)"
        ));
        // Every payment is PENDING or (after two minutes) EXPIRED: both match, so each one's
        // status is looked at.
        let by_status = r#"{"paymentStatuses":["PENDING","EXPIRED"]}"#;
        let mut filtered = searcher(
            addr.clone(),
            by_status,
            Instant::now() + Duration::from_secs(5),
        )
        .await;
        filtered.print("search by status alone, all matching (page of 50)");
    });
}
