//! Kassa: a desktop cashier for Bancontact Payconiq QR payments.
//!
//! UI-free engine modules (`payconiq`, `sandbox`, `money`, `qr`, `secrets`) never import iced.

pub mod cli;
pub mod i18n;
pub mod money;
pub mod payconiq;
pub mod qr;
pub mod sandbox;
pub mod secrets;
