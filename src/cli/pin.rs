//! The manager PIN on the terminal. Commands that move money or close a shift ask it, as the
//! till does, and share the till's lock-out: wrong PINs are counted from the journal's audit log,
//! where the till and the command line both write them.

use std::io::{BufRead, IsTerminal, Write};

use clap::Args;

use crate::config::Settings;
use crate::explain::Explain;
use crate::fl;
use crate::journal::{AuditAction, Door, Journal};

#[derive(Args, Debug, Clone, Default)]
pub struct PinArgs {
    /// Read the manager PIN from the first line of standard input (for scripts) instead of
    /// asking on the terminal.
    #[arg(long)]
    pub pin_stdin: bool,
}

/// Asks for the manager PIN and checks it, within the shared lock-out; every answer is audited
/// as from the command line. `Ok` only for the right PIN.
pub async fn ask(settings: &Settings, journal: &Journal, args: &PinArgs) -> Result<(), String> {
    if settings.manager_pin_hash.is_empty() {
        return Err(fl!("cli-pin-none"));
    }
    let explain = |e: crate::journal::JournalError| e.explain();
    let pin = read_pin(args)?;
    // Nothing typed is no attempt (a script that gave no PIN), not a wrong PIN.
    if pin.trim().is_empty() {
        return Err(fl!("cli-pin-empty"));
    }
    // One check at a time across commands: guesses run in parallel each see the others'
    // failures, so the lock-out holds.
    let _turn = take_turn()?;
    let (failures, last) = journal.pin_failures().await.map_err(explain)?;
    let now = time::OffsetDateTime::now_utc();
    let journal_until = crate::pin::lockout(failures)
        .zip(last)
        .map(|(d, at)| at + d);
    let settings_until = settings
        .pin_locked_until
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok());
    if let Some(until) = journal_until.max(settings_until).filter(|u| *u > now) {
        return Err(fl!(
            "cli-pin-locked",
            until = crate::clock::date_time(until)
        ));
    }
    if crate::pin::verify(pin.trim(), &settings.manager_pin_hash) {
        journal
            .audit_from(AuditAction::Unlock, Door::CommandLine)
            .await
            .map_err(explain)?;
        return Ok(());
    }
    journal
        .audit_from(AuditAction::UnlockRefused, Door::CommandLine)
        .await
        .map_err(explain)?;
    let failures = failures + 1;
    if let Some(d) = crate::pin::lockout(failures) {
        let _ = journal
            .audit_from(
                AuditAction::PinLockedOut {
                    failures,
                    seconds: d.as_secs(),
                },
                Door::CommandLine,
            )
            .await;
    }
    Err(fl!(
        "cli-pin-wrong",
        left = crate::pin::FREE_TRIES.saturating_sub(failures).to_string()
    ))
}

/// Waits for, then holds, the data folder's PIN lock (released when dropped or when the process
/// ends).
fn take_turn() -> Result<Option<std::fs::File>, String> {
    let Some(dir) = crate::config::data_dir() else {
        return Ok(None);
    };
    let path = dir.join("pin.lock");
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    crate::config::private_dir(&dir).map_err(err)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(err)?;
    file.lock().map_err(err)?;
    Ok(Some(file))
}

fn read_pin(args: &PinArgs) -> Result<String, String> {
    if args.pin_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        return Ok(line);
    }
    if !std::io::stdin().is_terminal() {
        return Err(fl!("cli-pin-no-terminal"));
    }
    let _ = std::io::stderr().flush();
    rpassword::prompt_password(fl!("cli-pin-prompt")).map_err(|e| e.to_string())
}
