//! One module per screen. Each owns its state and `Message`, and answers `update` with an
//! `Action` for `app.rs` to carry out; none of them touches the network.

pub mod attention;
pub mod checkout;
pub mod detail;
pub mod display;
pub mod export;
pub mod history;
pub mod invoice;
pub mod lock;
pub mod payouts;
pub mod phone;
pub mod refund;
pub mod settings;
pub mod shift;
pub mod shop_day;
pub mod sticker;
pub mod till;
pub mod today;
pub mod unknown;
