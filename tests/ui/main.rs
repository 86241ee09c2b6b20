//! The till driven through its real iced views (iced_test, tiny-skia): every screen's flows,
//! layouts at the screen sizes shops use, the four languages. One binary (modules below).

mod support;

mod flows;
mod history;
mod invoice;
mod keyboard;
mod languages;
mod layout;
mod payouts;
mod printing;
mod recovery;
mod refund_d24;
mod shift;
mod shop;
mod words;
