//! Reusable pieces of the cashier screens.

pub mod action;
pub mod described;
pub mod figure;
pub mod focus;
pub mod form;
pub mod framed_qr;
pub mod keypad;
pub mod path_prompt;
pub mod period;
pub mod problem;
pub mod sale_line;
pub mod segmented;
pub mod steps;
