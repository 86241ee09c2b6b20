//! The Bancontact Payconiq merchant API: typed models, the HTTP client, JWS signing and
//! verification. No UI here.

pub mod auth;
pub mod client;
pub mod environment;
pub mod error;
pub mod jwks;
pub mod jws;
pub mod model;
mod payments;
pub mod reconciliation;
mod refunds;
pub mod spec;
pub mod template;
pub mod timestamp;
pub mod validate;

pub use auth::{Account, AuthMode, Secret};
pub use client::{Client, ClientOptions, RetryPolicy};
pub use environment::{Environment, EnvironmentKind};
pub use error::Error;
pub use payments::MAX_PAGE_SIZE;

/// Percent-encodes one URL path segment (ids come from the API or the user; never trust them
/// to be URL-safe).
pub fn path_segment(s: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, SET).to_string()
}
