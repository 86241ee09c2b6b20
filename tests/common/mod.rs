//! Shared set-up for the app's integration tests: the sandbox helpers (from the sandbox crate)
//! and a private X server.
#![allow(dead_code)]

pub use kassa::sandbox::testing::*;

/// The `kassa` binary in English with a home of its own (settings and data under it, none of
/// the machine's); `KASSA_DATA_DIR` is set by the caller when wanted.
pub fn kassa_in(home: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kassa"));
    c.env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("share"))
        .env_remove("KASSA_DATA_DIR")
        .env("ICED_BACKEND", "tiny-skia");
    c
}

/// A private X server for tests that start the real app; dropped, it stops.
pub struct Xvfb(std::process::Child, pub String);

impl Xvfb {
    pub fn start() -> Xvfb {
        use std::io::BufRead;
        let mut child = std::process::Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1024x768x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("Xvfb is needed for this test: run packaging/linux/install-deps.sh");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Xvfb(child, format!(":{}", line.trim()))
    }

    /// The display name, for `DISPLAY`.
    pub fn display(&self) -> &str {
        &self.1
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A listener on `port` of 127.0.0.1 (0: any), waiting for an aborted server that held it to
/// let go.
pub async fn bind_again(port: u16) -> tokio::net::TcpListener {
    for _ in 0..100 {
        if let Ok(l) = tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
            return l;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("port {port} stays taken")
}
