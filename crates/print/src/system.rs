//! The system's printers: CUPS on Linux and macOS, through its `lp` client (the print service's
//! own door, so a queue set up in the OS's printer settings — an A4 office printer or a receipt
//! printer installed as a raw queue — prints from Kassa with nothing linked in). `CUPS_SERVER`
//! is honoured as `lp` honours it. The Windows spooler is not reached yet: a system printer
//! there says so rather than pretending to print.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::PrintError;

/// What the bytes of a job are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// The printer's own commands (ESC/POS): passed through the queue untouched.
    Raw,
    /// A PDF document, for the queue's driver to print (A4 or letter reports).
    Pdf,
}

/// How long the print service may take to accept a job (it prints later, on its own).
pub const ACCEPT: Duration = Duration::from_secs(10);

/// Hands `bytes` to the system printer `queue` as a job called `title`; returns the job's id
/// as the print service names it (`Office-12`).
pub async fn print(
    queue: &str,
    bytes: &[u8],
    content: Content,
    title: &str,
) -> Result<String, PrintError> {
    if cfg!(windows) {
        return Err(PrintError::NoSystemPrinting);
    }
    let mut lp = Command::new("lp");
    lp.arg("-d").arg(queue).arg("-t").arg(title);
    if content == Content::Raw {
        lp.arg("-o").arg("raw");
    }
    lp.arg("-");
    let out = run(lp, bytes.to_vec(), queue).await?;
    let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if !out.status.success() {
        // `lp` says "no such printer" also when no scheduler runs to ask.
        return Err(match refusal(queue, &said) {
            PrintError::UnknownPrinter(_) if !scheduler_running().await => {
                PrintError::NoSystemPrinting
            }
            other => other,
        });
    }
    // "request id is Office-12 (1 file(s))"
    Ok(String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .unwrap_or_default()
        .to_string())
}

/// Runs `cmd` with `input` on its standard input, off the async threads, killed when it
/// takes longer than [`ACCEPT`].
async fn run(mut cmd: Command, input: Vec<u8>, queue: &str) -> Result<Output, PrintError> {
    let queue = queue.to_string();
    let work = move || {
        // Its words in English, to be read here (they are never shown as they are).
        let mut child = cmd
            .env("LC_ALL", "C")
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => PrintError::NoSystemPrinting,
                _ => PrintError::Io(e.to_string()),
            })?;
        // A service that refuses at once closes its end: its words on stderr say why.
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(&input);
        }
        let started = Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if started.elapsed() > ACCEPT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(PrintError::Timeout(queue));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => return Err(PrintError::Io(e.to_string())),
            }
        }
        child
            .wait_with_output()
            .map_err(|e| PrintError::Io(e.to_string()))
    };
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| PrintError::Io(e.to_string()))?
}

/// What `lp`'s complaint means.
fn refusal(queue: &str, said: &str) -> PrintError {
    let lower = said.to_ascii_lowercase();
    if lower.contains("does not exist") || lower.contains("no such") {
        PrintError::UnknownPrinter(queue.to_string())
    } else if lower.contains("connect") || lower.contains("scheduler") {
        PrintError::NoSystemPrinting
    } else {
        PrintError::Refused(said.trim_start_matches("lp:").trim().to_string())
    }
}

/// Whether the print service's scheduler answers (`lpstat -r`).
async fn scheduler_running() -> bool {
    let mut lpstat = Command::new("lpstat");
    lpstat.arg("-r");
    match run(lpstat, Vec::new(), "lpstat").await {
        Ok(out) => {
            let said = String::from_utf8_lossy(&out.stdout);
            said.contains("is running") && !said.contains("not running")
        }
        Err(_) => false,
    }
}

/// The system's printers, by name (`lpstat -e`), for the settings to offer.
pub async fn printers() -> Result<Vec<String>, PrintError> {
    if cfg!(windows) || !scheduler_running().await {
        return Err(PrintError::NoSystemPrinting);
    }
    let mut lpstat = Command::new("lpstat");
    lpstat.arg("-e");
    let out = run(lpstat, Vec::new(), "lpstat").await?;
    if !out.status.success() {
        return Err(PrintError::NoSystemPrinting);
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_lp_says_is_told_apart() {
        assert_eq!(
            refusal("Office", "lp: The printer or class does not exist."),
            PrintError::UnknownPrinter("Office".into())
        );
        assert_eq!(
            refusal("Office", "lp: Unable to connect to server."),
            PrintError::NoSystemPrinting
        );
        assert_eq!(
            refusal(
                "Office",
                "lp: Destination \"Office\" is not accepting jobs."
            ),
            PrintError::Refused("Destination \"Office\" is not accepting jobs.".into())
        );
    }
}
