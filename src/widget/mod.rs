//! Reusable pieces of the cashier screens.

pub mod described;
pub mod form;
pub mod framed_qr;
pub mod keypad;
pub mod path_prompt;
pub mod period;
pub mod segmented;
pub mod steps;
