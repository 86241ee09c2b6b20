//! The manager PIN: 4 to 8 digits, kept only as an Argon2id hash in the settings.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

pub const MIN_LEN: usize = 4;
pub const MAX_LEN: usize = 8;

/// Wrong PINs in a row before the entry locks.
pub const FREE_TRIES: u32 = 5;

/// How long the PIN entry stays locked after `failures` wrong PINs in a row: not at all for
/// the first four, 30 s after the fifth, doubling with each one after, at most an hour.
pub fn lockout(failures: u32) -> Option<std::time::Duration> {
    let beyond = failures.checked_sub(FREE_TRIES)?;
    let seconds = 30u64.saturating_mul(1u64 << beyond.min(10)).min(3600);
    Some(std::time::Duration::from_secs(seconds))
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is 4 to 8 digits")]
    Format,
    #[error("the PIN could not be hashed")]
    Hash,
}

pub fn check_format(pin: &str) -> Result<(), PinError> {
    let ok = (MIN_LEN..=MAX_LEN).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit());
    if ok { Ok(()) } else { Err(PinError::Format) }
}

/// The PHC string to store (`$argon2id$v=19$…`), with a random salt.
pub fn hash(pin: &str) -> Result<String, PinError> {
    check_format(pin)?;
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|_| PinError::Hash)
}

/// Whether `pin` matches `stored`; a malformed stored hash never matches.
pub fn verify(pin: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    Argon2::default()
        .verify_password(pin.as_bytes(), &parsed)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_formats_are_enforced() {
        let h = hash("4321").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(!h.contains("4321"));
        assert!(verify("4321", &h));
        assert!(!verify("4322", &h));
        assert!(!verify("4321", "not a hash"));
        assert_ne!(hash("4321").unwrap(), h, "salted");
        for bad in ["123", "123456789", "12a4", "", "12 34"] {
            assert_eq!(hash(bad), Err(PinError::Format), "{bad}");
        }
    }
}

#[cfg(test)]
mod lockout_tests {
    use super::*;

    #[test]
    fn the_delay_grows_after_five_wrong_pins() {
        assert_eq!(lockout(4), None);
        let secs = |n| lockout(n).unwrap().as_secs();
        assert_eq!([secs(5), secs(6), secs(7)], [30, 60, 120]);
        assert_eq!(secs(40), 3600, "at most an hour");
    }
}
