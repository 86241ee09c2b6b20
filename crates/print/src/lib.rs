//! Printing for Kassa, below the app: what a slip holds as a [`document::Document`] (the app
//! puts the words in, in the till's language), its ESC/POS bytes for a thermal receipt
//! printer ([`escpos`], through the `escpos` crate, code page PC858 so é, ë, ç and € print as
//! themselves), and sending them to a printer on the network or on USB ([`transport`]) or to
//! the system's printers (CUPS, [`system`]: raw receipts and PDF reports) with time limits, so
//! a printer that is off or stuck never holds a sale.

pub mod codepage;
pub mod document;
pub mod escpos;
pub mod system;
pub mod transport;

pub use document::{Align, Block, Document, Paper};
pub use transport::{PrintError, Target};
