//! Kassa: a desktop cashier for Bancontact Payconiq QR payments.
//!
//! UI-free engine modules (`payconiq`, `sandbox`, `money`, `qr`, `secrets`) never import iced.

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod d24;
pub mod file_dialog;
pub mod history;
pub mod http;
pub mod i18n;
pub mod invoices;
pub mod journal;
pub mod logging;
pub mod money;
pub mod monitors;
pub mod payconiq;
pub mod payouts;
pub mod pin;
pub mod placement;
pub mod qr;
pub mod recovery;
pub mod refund;
pub mod reports;
pub mod sale;
pub mod sandbox;
pub mod screen;
pub mod secrets;
pub mod services;
pub mod theme;
pub mod widget;
pub mod words;
