//! Secrets (API key, private signing key) live in the OS keychain and nowhere else.
//! [`MemoryStore`] stands in for the keychain in unit tests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The keychain service name; one entry per secret below it.
pub const SERVICE: &str = "be.kassa.Kassa";
pub const API_KEY: &str = "api-key";
pub const SIGNING_KEY: &str = "signing-key";

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("{0}")]
    Unavailable(String),
    #[error("the keychain refused: {0}")]
    Failed(String),
}

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
    pub fn new() -> OsKeychain {
        Self::with_service(SERVICE)
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
            .map_err(|e| SecretError::Unavailable(e.to_string()))
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
    match e {
        keyring::Error::NoDefaultStore
        | keyring::Error::NoStorageAccess(_)
        | keyring::Error::PlatformFailure(_) => SecretError::Unavailable(e.to_string()),
        other => SecretError::Failed(other.to_string()),
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
}
