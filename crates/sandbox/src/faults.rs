//! Fault injection per endpoint: added latency, error statuses, dropped connections and
//! tampered signatures, each for a number of requests or until cleared.

use std::time::Duration;

use axum::http::Method;
use serde::{Deserialize, Serialize};

/// What goes wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FaultKind {
    /// The answer comes `ms` milliseconds late.
    Latency { ms: u64 },
    /// The answer is this status (429, 500, 503, …) and nothing is processed.
    Status { status: u16 },
    /// The request is processed, then the connection is closed without an answer: the caller
    /// cannot know whether it happened.
    Drop,
    /// The request is processed and signed, then the body is altered so the signature fails.
    Tamper,
}

/// A fault on one endpoint (or `*` for all API endpoints).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    pub endpoint: String,
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many requests it hits; `None` until cleared.
    #[serde(default)]
    pub count: Option<u32>,
}

impl Fault {
    pub fn new(endpoint: &str, kind: FaultKind, count: Option<u32>) -> Fault {
        Fault {
            endpoint: endpoint.into(),
            kind,
            count,
        }
    }
}

/// The endpoint names faults are keyed by.
pub const ENDPOINTS: [&str; 15] = [
    "create",
    "create-pos",
    "search",
    "get",
    "cancel",
    "acknowledge",
    "refund-iban",
    "refund-create",
    "refund-get",
    "payouts",
    "payout-payments",
    "payout-refunds",
    "jwks",
    "d24-refund-create",
    "d24-refund-get",
];

/// Names the API endpoint a request is for; `None` for sandbox controls and unknown paths.
pub fn classify(method: &Method, path: &str) -> Option<&'static str> {
    let path = path.strip_prefix("/v3").unwrap_or(path);
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let name = match (method.as_str(), parts.as_slice()) {
        ("POST", ["payments"]) => "create",
        ("POST", ["payments", "pos"]) => "create-pos",
        ("POST", ["payments", "search"]) => "search",
        ("GET", ["payments", _]) => "get",
        ("DELETE", ["payments", _]) => "cancel",
        ("POST", ["payments", _, "acknowledge"]) => "acknowledge",
        ("GET", ["payments", _, "debtor", "refundIban"]) => "refund-iban",
        ("POST", ["payments", _, "refunds"]) => "refund-create",
        ("GET", ["payments", _, "refunds", _]) => "refund-get",
        ("GET", ["reconciliation", "payouts"]) => "payouts",
        ("GET", ["reconciliation", "payments"]) => "payout-payments",
        ("GET", ["reconciliation", "refunds"]) => "payout-refunds",
        ("GET", ["jwks"]) => "jwks",
        ("POST", ["d24", "v3", "refunds"]) => "d24-refund-create",
        ("GET", ["d24", "v3", "refunds", _]) => "d24-refund-get",
        _ => return None,
    };
    Some(name)
}

#[derive(Default, Debug)]
pub struct Faults {
    active: Vec<Fault>,
}

impl Faults {
    pub fn add(&mut self, fault: Fault) {
        self.active.push(fault);
    }

    pub fn clear(&mut self) {
        self.active.clear();
    }

    pub fn list(&self) -> Vec<Fault> {
        self.active.clone()
    }

    /// The faults hitting this request (latency first), spending one of each one's count.
    pub fn take(&mut self, endpoint: &str) -> Vec<FaultKind> {
        let mut hits = Vec::new();
        for f in &mut self.active {
            let matches = f.endpoint == endpoint || (f.endpoint == "*" && endpoint != "jwks");
            if !matches || f.count == Some(0) {
                continue;
            }
            if let Some(n) = f.count.as_mut() {
                *n -= 1;
            }
            hits.push(f.kind.clone());
        }
        self.active.retain(|f| f.count != Some(0));
        hits.sort_by_key(|k| !matches!(k, FaultKind::Latency { .. }));
        hits
    }
}

pub fn latency(kinds: &[FaultKind]) -> Duration {
    kinds
        .iter()
        .map(|k| match k {
            FaultKind::Latency { ms } => Duration::from_millis(*ms),
            _ => Duration::ZERO,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_endpoint() {
        assert_eq!(classify(&Method::POST, "/v3/payments"), Some("create"));
        assert_eq!(classify(&Method::GET, "/v3/payments/abc"), Some("get"));
        assert_eq!(
            classify(&Method::POST, "/payments/abc/refunds"),
            Some("refund-create")
        );
        assert_eq!(
            classify(&Method::GET, "/reconciliation/payouts"),
            Some("payouts")
        );
        assert_eq!(
            classify(&Method::GET, "/v3/reconciliation/refunds"),
            Some("payout-refunds")
        );
        assert_eq!(classify(&Method::POST, "/sandbox/faults"), None);
    }

    #[test]
    fn counted_faults_run_out() {
        let mut f = Faults::default();
        f.add(Fault::new(
            "get",
            FaultKind::Status { status: 503 },
            Some(2),
        ));
        f.add(Fault::new("*", FaultKind::Latency { ms: 5 }, None));
        assert_eq!(f.take("get").len(), 2);
        assert_eq!(f.take("get")[0], FaultKind::Latency { ms: 5 });
        assert_eq!(f.take("get"), vec![FaultKind::Latency { ms: 5 }]);
        assert_eq!(f.take("jwks"), vec![]);
    }
}
