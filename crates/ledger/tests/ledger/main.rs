//! The books against the sandbox and real journal files: crash recovery (a drill that kills a
//! child of this binary), D24 and Payconiq refunds, payouts, network faults, shift reports.
//! One binary (modules below) so the tests link once.

mod crash;
mod d24;
mod payouts;
mod refund_flow;
mod resilience;
mod shift_reports;
