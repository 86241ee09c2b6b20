//! The sandbox's state on disk, so it behaves like the real service across restarts: payments,
//! refunds, its signing key and its port survive, and ids and URLs stay valid.
//!
//! A saver task writes the state (temp file, then rename) whenever the store was touched; it
//! sleeps while nothing happens, so an idle till does no work.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, watch};

use super::Shared;
use super::store::{SimPayment, SimRefund, Store};

/// What the file holds.
#[derive(Serialize, Deserialize)]
pub struct Snapshot {
    pub port: u16,
    /// The sandbox's response-signing key (PKCS#8 PEM); a fake, sandbox-only key.
    pub key_pem: String,
    pub void_enabled: bool,
    pub customers: usize,
    /// Oldest first.
    pub payments: Vec<SimPayment>,
    pub refunds: Vec<SimRefund>,
    /// The D24 side (absent in files saved before it existed: seeded afresh).
    #[serde(default)]
    pub d24: Option<super::d24::D24State>,
}

impl Snapshot {
    pub fn of(store: &Store, d24: &super::d24::D24State, port: u16, key_pem: String) -> Snapshot {
        Snapshot {
            port,
            key_pem,
            void_enabled: store.void_enabled,
            customers: store.customers,
            payments: store.stored_payments().cloned().collect(),
            refunds: store.stored_refunds().cloned().collect(),
            d24: Some(d24.clone()),
        }
    }

    /// Reads a snapshot; a missing file is `Ok(None)`, a damaged one an error (the caller keeps
    /// it aside rather than overwrite it).
    pub fn load(path: &Path) -> Result<Option<Snapshot>, String> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// The store it describes, with links moved to `base` if the port changed.
    pub fn into_store(self, old_base: &str, base: &str, retention: usize) -> Store {
        let mut store = Store::default();
        store.void_enabled = self.void_enabled;
        store.customers = self.customers;
        for mut p in self.payments {
            if old_base != base {
                rebase(&mut p, old_base, base);
            }
            store.insert(p, retention);
        }
        for r in self.refunds {
            // Refunds of payments dropped by the retention go with them.
            if store.has_payment(&r.view.payment_id) {
                store.insert_refund(r);
            }
        }
        store
    }
}

fn rebase(p: &mut SimPayment, old: &str, new: &str) {
    let links = &mut p.view.links;
    for link in [
        &mut links.self_,
        &mut links.deeplink,
        &mut links.qrcode,
        &mut links.cancel,
        &mut links.refund,
        &mut links.checkout,
    ]
    .into_iter()
    .flatten()
    {
        link.href = link.href.replace(old, new);
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new one, never half.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// How long the saver waits after a change for more changes to write with it.
const SAVE_GATHER: std::time::Duration = std::time::Duration::from_millis(300);

/// Keeps `path` up to date with the store until `stop` fires; one last save on the way out.
pub async fn saver(
    shared: Arc<Shared>,
    path: PathBuf,
    touched: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) {
    let mut last: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        let mut stopping = tokio::select! {
            _ = touched.notified() => false,
            _ = stop.changed() => true,
        };
        // Under a stream of requests, gather what a moment brings into one write rather than
        // rewriting the whole state for each.
        if !stopping && !first {
            stopping = tokio::select! {
                _ = tokio::time::sleep(SAVE_GATHER) => false,
                _ = stop.changed() => true,
            };
        }
        first = false;
        let bytes = shared.snapshot_json();
        if bytes != last {
            let (path2, bytes2) = (path.clone(), bytes.clone());
            match tokio::task::spawn_blocking(move || write_atomically(&path2, &bytes2)).await {
                Ok(Ok(())) => last = bytes,
                Ok(Err(e)) => {
                    tracing::warn!(path = %path.display(), error = %e, "sandbox state not saved")
                }
                Err(e) => tracing::warn!(error = %e, "sandbox saver failed"),
            }
        }
        if stopping {
            return;
        }
    }
}
