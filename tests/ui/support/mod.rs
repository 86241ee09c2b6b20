//! The UI tests' set-up: the shared helpers, and the iced harness (`ui`).
#![allow(dead_code)]

#[path = "../../common/mod.rs"]
mod common;
pub use common::*;

pub mod ui;
