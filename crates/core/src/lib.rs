//! Kassa's engine below the till: money, the HTTP pieces, the Bancontact Payconiq and OneKey
//! Payments (D24) protocols and clients, QR rendering, the clock. No UI, no SQL, no server:
//! errors carry data (codes, amounts, ids) and the app puts them into words.

pub mod clock;
pub mod csv;
pub mod d24;
pub mod files;
pub mod http;
pub mod lang;
pub mod money;
pub mod payconiq;
pub mod qr;
pub mod secret;
pub mod shop;
