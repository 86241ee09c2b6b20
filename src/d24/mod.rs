//! OneKey Payments (D24) as the app sees it: the protocol and client (core), the journalled
//! refund flow (ledger), and the words for its statuses (here).

pub use kassa_core::d24::*;
pub use kassa_ledger::d24_flow as flow;

pub mod words;
