//! `kassa shop`: joining a shop server, and whether it has everything this till recorded.

use std::sync::Arc;

use clap::Subcommand;

use crate::fl;
use crate::journal::Journal;
use crate::secrets::{OsKeychain, SecretStore};

#[derive(Subcommand, Debug)]
pub enum ShopCommand {
    /// Join the shop server at URL with the one-time code `kassa-server till add` printed; the
    /// till's token goes to the keychain.
    Join { url: String, code: String },
    /// The shop server this till is in, and how many events wait to be sent.
    Status,
    /// Send what waits now (the running till does this by itself).
    Push,
}

type Outcome = Result<String, String>;

fn journal() -> Result<Journal, String> {
    let path = crate::config::journal_path().ok_or_else(|| fl!("app-no-data-dir"))?;
    Journal::open(&path).map_err(|e| crate::explain::Explain::explain(&e))
}

pub async fn shop(command: ShopCommand) -> Outcome {
    shop_with(command, Arc::new(OsKeychain::new())).await
}

/// [`shop`] with the keychain given (tests give a stand-in).
pub async fn shop_with(command: ShopCommand, secrets: Arc<dyn SecretStore>) -> Outcome {
    let path = crate::config::Settings::default_path().ok_or_else(|| fl!("app-no-data-dir"))?;
    let mut settings = crate::config::Settings::load(&path)?;
    match command {
        ShopCommand::Join { url, code } => {
            // A running till reads its shop when it starts and would write its own settings
            // over these: it is closed first (held closed while the code is spent).
            let dir = crate::config::data_dir().ok_or_else(|| fl!("app-no-data-dir"))?;
            let _closed = crate::config::lock_data_dir(&dir).map_err(|e| match e {
                crate::config::LockError::Busy { .. } => fl!("shop-join-till-running"),
                other => other.explain(),
            })?;
            let (shop, till) = crate::shop::join(&url, &code, &mut settings, secrets).await?;
            settings.save(&path)?;
            let journal = journal()?;
            let _ = journal
                .audit(crate::journal::AuditAction::ShopJoined {
                    server: settings.shop_server.clone(),
                })
                .await;
            let waiting = journal.outbox_waiting().await.unwrap_or(0);
            Ok(fl!(
                "shop-joined",
                shop = shop,
                till = till,
                waiting = waiting
            ))
        }
        ShopCommand::Status => {
            let journal = journal()?;
            let waiting = journal.outbox_waiting().await.unwrap_or(0);
            let Some(client) = crate::shop::client(&settings, secrets.as_ref()) else {
                return Err(fl!("shop-none"));
            };
            let client = client?;
            match client.status().await {
                Ok(s) => {
                    let linked = fl!(
                        "shop-status",
                        shop = s.shop,
                        till = s.till,
                        url = settings.shop_server.clone(),
                        waiting = waiting
                    );
                    let callbacks = match &s.callback_url {
                        Some(url) => {
                            let last = s
                                .last_callback_ms
                                .and_then(crate::clock::from_millis)
                                .map(crate::clock::date_time)
                                .unwrap_or_else(|| "none".into());
                            fl!("shop-status-callbacks", url = url.clone(), last = last)
                        }
                        None => fl!("shop-status-no-callbacks"),
                    };
                    Ok(format!("{linked}\n{callbacks}"))
                }
                Err(e) => Err(fl!(
                    "shop-status-offline",
                    why = crate::shop::explain(&e),
                    waiting = waiting
                )),
            }
        }
        ShopCommand::Push => {
            let journal = journal()?;
            let Some(client) = crate::shop::client(&settings, secrets.as_ref()) else {
                return Err(fl!("shop-none"));
            };
            let pushed = kassa_ledger::shop_push::push_waiting(&journal, &client?)
                .await
                .map_err(|e| crate::shop::explain_push(&e))?;
            Ok(fl!("shop-pushed", sent = pushed.sent))
        }
    }
}
