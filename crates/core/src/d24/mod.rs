//! OneKey Payments (D24): refunds over deposits taken through D24, the till's second refund
//! provider beside Payconiq. A typed client (`client`), its request signing (`auth`), exact
//! amounts (`amount`), the API's shapes (`model`), errors as data (`error`; the app puts them into words). No UI; shares the HTTP and retry pieces (`crate::http`) and secret handling with Payconiq.

pub mod amount;
pub mod auth;
pub mod client;
pub mod error;
pub mod model;

pub use amount::Amount;
pub use auth::Credentials;
pub use client::{Client, STAGING_URL};
pub use error::Error;
pub use model::{AccountType, BankAccount, Method, RefundRequest, RefundStatus};
