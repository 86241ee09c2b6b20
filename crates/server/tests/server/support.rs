//! The shop server's processes for its tests and its benchmark: `kassa-server serve` on a
//! database, a `kassa-server` command, and one value read with `psql`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use super::pg::Pg;

/// A `kassa-server serve` process; dropped, it is killed.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    /// Serving `database` with `pool` connections.
    pub fn start(database: &str, pool: usize) -> Server {
        Server::start_with(database, pool, &[])
    }

    /// [`Server::start`] with more of `serve`'s flags.
    pub fn start_with(database: &str, pool: usize, flags: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kassa-server"))
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--pool",
                &pool.to_string(),
            ])
            .args(flags)
            .env("DATABASE_URL", database)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("kassa-server listening on ")
            .unwrap_or_else(|| panic!("not the listening line: {line:?}"))
            .to_string();
        Server { child, url }
    }

    /// Stopped as systemd stops it (SIGTERM): whether it exited within `limit`.
    #[allow(dead_code)]
    pub fn stop(&mut self, limit: std::time::Duration) -> bool {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = std::time::Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        false
    }

    /// Killed as the machine would (SIGKILL): no shutdown, no flush.
    #[allow(dead_code)]
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `kassa-server ARGS` on `database`: its standard output, or its error.
pub fn cli(database: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_kassa-server"))
        .args(args)
        .env("DATABASE_URL", database)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if out.status.success() {
        Ok(text)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// One value from `sql` on database `db`.
pub fn psql(pg: &Pg, db: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            &pg.port.to_string(),
            "-U",
            "kassa",
            "-d",
            db,
        ])
        .args(["-Atc", sql])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
