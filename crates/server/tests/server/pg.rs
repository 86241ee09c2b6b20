//! A real PostgreSQL for a test: Debian's server binaries (`postgresql`, installed by
//! `packaging/linux/install-deps.sh`), a throwaway cluster made with `initdb` in a temporary
//! folder and run by `postgres` on a free port of 127.0.0.1. PostgreSQL refuses to run as
//! root, so as root (CI) both run as the `postgres` user the package made. Dropped, the
//! server stops and the folder goes.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Pg {
    dir: tempfile::TempDir,
    child: Child,
    pub port: u16,
}

/// The newest Debian PostgreSQL's programs (15 or later).
fn bin_dir() -> PathBuf {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("postgres").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    match versions.pop() {
        Some((v, bin)) if v >= 15 => bin,
        _ => panic!(
            "PostgreSQL 15 or later is missing from /usr/lib/postgresql: run packaging/linux/install-deps.sh"
        ),
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `program` run as the user that may run PostgreSQL.
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=postgres",
            "--regid=postgres",
            "--init-groups",
            "--",
        ])
        .arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Pg {
    pub fn start() -> Pg {
        let bin = bin_dir();
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        if is_root() {
            let own = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(own.success(), "chown to postgres");
        }
        let init = as_postgres(&bin.join("initdb"))
            .args(["-D"])
            .arg(&data)
            .args([
                "-A",
                "trust",
                "-U",
                "kassa",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert!(
            init.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&init.stderr)
        );
        let port = free_port();
        let child = as_postgres(&bin.join("postgres"))
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-k"])
            .arg(dir.path())
            .args([
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=200",
                "-c",
                "log_min_messages=warning",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let pg = Pg { dir, child, port };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "PostgreSQL never listened on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        // Listening is not yet accepting: wait for a query to go through.
        while Command::new(bin.join("psql"))
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
                "-U",
                "kassa",
                "-d",
                "postgres",
            ])
            .args(["-Atc", "SELECT 1"])
            .output()
            .map(|o| !o.status.success())
            .unwrap_or(true)
        {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "PostgreSQL never answered"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        pg
    }

    /// A new empty database `name` on this server, and its URL.
    pub fn database(&self, name: &str) -> String {
        let out = Command::new(bin_dir().join("psql"))
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "kassa",
                "-d",
                "postgres",
            ])
            .args(["-c", &format!("CREATE DATABASE \"{name}\"")])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "createdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        format!("postgres://kassa@127.0.0.1:{}/{name}", self.port)
    }

    #[allow(dead_code)]
    pub fn folder(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        // A fast shutdown (SIGINT), then no more waiting.
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
