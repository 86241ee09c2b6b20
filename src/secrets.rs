//! Secrets (API key, private signing key) live in the OS keychain and nowhere else.
//! [`MemoryStore`] stands in for the keychain in unit tests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The keychain service name; one entry per secret below it.
pub const SERVICE: &str = "be.kassa.Kassa";
pub const API_KEY: &str = "api-key";
pub const SIGNING_KEY: &str = "signing-key";
/// The OneKey Payments (D24) API Signature, which signs every D24 request.
pub const D24_SECRET_KEY: &str = "d24-secret-key";
/// This till's token at its shop server (`kassa shop join`).
pub const SHOP_TOKEN: &str = "shop-token";

pub use kassa_core::secret::Secret;

/// What went wrong with the keychain, in words a shop owner can act on (the library's own
/// text is kept for the log).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretError {
    /// No keychain service runs (on Linux: no Secret Service such as gnome-keyring).
    NoService(String),
    /// The keychain is locked, or access was refused.
    Locked(String),
    /// Anything else the keychain said.
    Failed(String),
}

impl SecretError {
    /// What the keychain library said.
    pub fn detail(&self) -> &str {
        match self {
            SecretError::NoService(d) | SecretError::Locked(d) | SecretError::Failed(d) => d,
        }
    }

    /// Sorts a failure by the library's words (platform errors carry no better kind).
    fn from_text(text: String) -> SecretError {
        let t = text.to_lowercase();
        let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if any(&[
            "locked",
            "denied",
            "not authorized",
            "dismissed",
            "permission",
            "refused",
        ]) {
            SecretError::Locked(text)
        } else if any(&[
            "no default store",
            "serviceunknown",
            "service unknown",
            "not provided by any",
            "dbus",
            "d-bus",
            "secret service",
            "connection",
            "no such",
        ]) {
            SecretError::NoService(text)
        } else {
            SecretError::Failed(text)
        }
    }
}

impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = match self {
            SecretError::NoService(_) => crate::fl!("keychain-no-service"),
            SecretError::Locked(_) => crate::fl!("keychain-locked"),
            SecretError::Failed(d) => crate::fl!("keychain-failed", detail = d.clone()),
        };
        f.write_str(&words)
    }
}

impl std::error::Error for SecretError {}

/// Somewhere to keep secrets.
pub trait SecretStore: Send + Sync {
    fn get(&self, name: &str) -> Result<Option<String>, SecretError>;
    fn set(&self, name: &str, value: &str) -> Result<(), SecretError>;
    fn delete(&self, name: &str) -> Result<(), SecretError>;
}

/// The OS keychain: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows.
pub struct OsKeychain {
    service: String,
}

impl OsKeychain {
    /// This till's entries: the app's service, or its profile's own (see
    /// [`crate::config::keychain_service`]).
    pub fn new() -> OsKeychain {
        Self::with_service(&crate::config::keychain_service())
    }

    pub fn with_service(service: &str) -> OsKeychain {
        OsKeychain {
            service: service.into(),
        }
    }

    /// Whether a keychain can be reached at all on this machine.
    pub fn status() -> Result<(), SecretError> {
        keyring::Entry::store_status()
            .as_ref()
            .map(|_| ())
            .map_err(|e| {
                tracing::info!(error = %e, "no keychain");
                SecretError::from_text(e.to_string())
            })
    }

    fn entry(&self, name: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, name).map_err(classify)
    }
}

impl Default for OsKeychain {
    fn default() -> Self {
        Self::new()
    }
}

fn classify(e: keyring::Error) -> SecretError {
    tracing::info!(error = %e, "keychain failure");
    match e {
        keyring::Error::NoDefaultStore => SecretError::NoService(e.to_string()),
        keyring::Error::NoStorageAccess(_) => SecretError::Locked(e.to_string()),
        other => SecretError::from_text(other.to_string()),
    }
}

impl SecretStore for OsKeychain {
    fn get(&self, name: &str) -> Result<Option<String>, SecretError> {
        match self.entry(name)?.get_password() {
            Ok(v) => Ok(Some(v)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(classify(e)),
        }
    }

    fn set(&self, name: &str, value: &str) -> Result<(), SecretError> {
        self.entry(name)?.set_password(value).map_err(classify)
    }

    fn delete(&self, name: &str) -> Result<(), SecretError> {
        match self.entry(name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(classify(e)),
        }
    }
}

/// An in-memory store for tests (and a keychain-less sandbox session).
#[derive(Clone, Default)]
pub struct MemoryStore(Arc<Mutex<HashMap<String, String>>>);

impl SecretStore for MemoryStore {
    fn get(&self, name: &str) -> Result<Option<String>, SecretError> {
        Ok(self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(name)
            .cloned())
    }

    fn set(&self, name: &str, value: &str) -> Result<(), SecretError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(name.into(), value.into());
        Ok(())
    }

    fn delete(&self, name: &str) -> Result<(), SecretError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(name);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_round_trips() {
        let s = MemoryStore::default();
        assert_eq!(s.get(API_KEY).unwrap(), None);
        s.set(API_KEY, "k").unwrap();
        assert_eq!(s.get(API_KEY).unwrap().as_deref(), Some("k"));
        s.delete(API_KEY).unwrap();
        assert_eq!(s.get(API_KEY).unwrap(), None);
    }

    #[test]
    fn keychain_failures_are_told_in_words_to_act_on() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let none = classify(keyring::Error::NoDefaultStore);
        assert!(matches!(none, SecretError::NoService(_)));
        assert!(
            none.to_string()
                .starts_with("No keychain service is running")
        );
        assert!(
            !none.to_string().contains("default store"),
            "not the library's words"
        );
        let locked = SecretError::from_text("Prompt dismissed: the collection is locked".into());
        assert!(locked.to_string().starts_with("The keychain is locked"));
        let bus = SecretError::from_text(
            "Platform failure: org.freedesktop.DBus.Error.ServiceUnknown".into(),
        );
        assert!(matches!(bus, SecretError::NoService(_)));
    }
}
