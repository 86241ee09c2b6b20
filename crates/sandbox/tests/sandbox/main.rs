//! The sandbox and the Payconiq client against each other over real HTTP on 127.0.0.1: the
//! guide's tables, payments, refunds, signatures, the QR service, hardening, persistence.
//! One binary (modules below) so the tests link once.

mod api_tables;
mod client_payments;
mod client_refunds;
mod guide_fidelity;
mod jwks_rotation;
mod no_secrets_in_logs;
mod qr_service;
mod sandbox_hardening;
mod sandbox_persist;
mod signature_proxy;
