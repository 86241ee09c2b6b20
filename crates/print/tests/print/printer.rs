//! A virtual network receipt printer for tests: a TCP listener on 127.0.0.1 that answers the
//! paper status question (DLE EOT 4) as an ESC/POS printer does and keeps what it is sent.
#![allow(dead_code)]

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the printer does with a connection.
#[derive(Clone, Copy)]
pub enum Behaviour {
    /// Answers "paper present" and keeps what it is sent.
    Prints,
    /// Answers "paper end".
    PaperOut,
    /// Takes the connection and never reads or answers.
    Silent,
}

/// A printer on a free port taking `jobs` connections: its address (`tcp://127.0.0.1:PORT`)
/// and, once they are done, the bytes of each.
pub async fn printer(
    behaviour: Behaviour,
    jobs: usize,
) -> (String, tokio::task::JoinHandle<Vec<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let mut slips = Vec::new();
        for _ in 0..jobs {
            let (mut conn, _) = listener.accept().await.unwrap();
            let mut got = Vec::new();
            if let Behaviour::Silent = behaviour {
                tokio::time::sleep(Duration::from_secs(30)).await;
                slips.push(got);
                continue;
            }
            let mut buf = [0u8; 4096];
            loop {
                let n = conn.read(&mut buf).await.unwrap_or(0);
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
                // 0x12 paper present, 0x72 paper end.
                if got.ends_with(&[0x10, 0x04, 0x04]) {
                    let answer = match behaviour {
                        Behaviour::PaperOut => 0x72,
                        _ => 0x12,
                    };
                    conn.write_all(&[answer]).await.unwrap();
                }
            }
            slips.push(got);
        }
        slips
    });
    (format!("tcp://127.0.0.1:{port}"), handle)
}
