//! Where an account's API lives. Merchants moved from the legacy Payconiq hosts to the new
//! Bancontact hosts one by one, so this is a per-account setting, never a global constant.

use serde::{Deserialize, Serialize};

/// The known environments; `Custom` and the sandbox take their URLs from the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum EnvironmentKind {
    /// The embedded simulator on 127.0.0.1.
    #[default]
    Sandbox,
    BancontactProd,
    BancontactPreprod,
    /// Legacy `api.payconiq.com`.
    PayconiqProd,
    /// Legacy `api.ext.payconiq.com`.
    PayconiqExt,
    Custom,
}

impl EnvironmentKind {
    pub const ALL: [EnvironmentKind; 6] = [
        EnvironmentKind::Sandbox,
        EnvironmentKind::BancontactProd,
        EnvironmentKind::BancontactPreprod,
        EnvironmentKind::PayconiqProd,
        EnvironmentKind::PayconiqExt,
        EnvironmentKind::Custom,
    ];

    /// Whether real money moves here.
    pub fn is_production(self) -> bool {
        matches!(
            self,
            EnvironmentKind::BancontactProd | EnvironmentKind::PayconiqProd
        )
    }
}

/// The URLs one account talks to. Every field can be overridden in the settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Environment {
    pub kind: EnvironmentKind,
    /// Base of the payment API; paths `/v3/payments…` are appended.
    pub api_base: String,
    /// Base of the reconciliation API; `/payouts`, `/payments`, `/refunds` are appended.
    /// Documented both with and without `/v3`, hence its own setting.
    pub reconciliation_base: String,
    /// Where the provider publishes the keys it signs responses and callbacks with.
    pub jwks_url: String,
    /// Host of payload URLs the app builds itself (sticker `l/1`), moved to
    /// `pay.bancontact.net` on 2026-05-11.
    pub payload_base: String,
}

impl Environment {
    pub fn preset(kind: EnvironmentKind) -> Environment {
        let (api, recon, jwks, payload) = match kind {
            EnvironmentKind::BancontactProd => (
                "https://merchant.api.bancontact.net",
                "https://merchant.api.bancontact.net/v3/reconciliation",
                "https://jwks.bancontact.net/",
                "https://pay.bancontact.net",
            ),
            EnvironmentKind::BancontactPreprod => (
                "https://merchant.api.preprod.bancontact.net",
                "https://merchant.api.preprod.bancontact.net/v3/reconciliation",
                "https://jwks.preprod.bancontact.net/",
                "https://pay.bancontact.net",
            ),
            EnvironmentKind::PayconiqProd => (
                "https://api.payconiq.com",
                "https://api.payconiq.com/v3/reconciliation",
                "https://payconiq.com/certificates",
                "https://payconiq.com",
            ),
            EnvironmentKind::PayconiqExt => (
                "https://api.ext.payconiq.com",
                "https://api.ext.payconiq.com/v3/reconciliation",
                "https://ext.payconiq.com/certificates",
                "https://payconiq.com",
            ),
            // Filled in by `sandbox(base)` or by the user.
            EnvironmentKind::Sandbox | EnvironmentKind::Custom => ("", "", "", ""),
        };
        Environment {
            kind,
            api_base: api.into(),
            reconciliation_base: recon.into(),
            jwks_url: jwks.into(),
            payload_base: payload.into(),
        }
    }

    /// The embedded or standalone sandbox at `base` (e.g. `http://127.0.0.1:41234`).
    pub fn sandbox(base: &str) -> Environment {
        let base = base.trim_end_matches('/');
        Environment {
            kind: EnvironmentKind::Sandbox,
            api_base: base.into(),
            reconciliation_base: format!("{base}/v3/reconciliation"),
            jwks_url: format!("{base}/jwks"),
            payload_base: base.into(),
        }
    }

    pub fn payment_url(&self, path: &str) -> String {
        format!("{}{path}", self.api_base.trim_end_matches('/'))
    }

    pub fn reconciliation_url(&self, path: &str) -> String {
        format!("{}{path}", self.reconciliation_base.trim_end_matches('/'))
    }

    /// The payload a static sticker QR encodes: `{payload_base}/l/1/{profileId}/{posId}`.
    pub fn sticker_payload(&self, profile_id: &str, pos_id: &str) -> String {
        let enc = |s: &str| super::path_segment(s);
        format!(
            "{}/l/1/{}/{}",
            self.payload_base.trim_end_matches('/'),
            enc(profile_id),
            enc(pos_id)
        )
    }

    /// Whether every URL is filled in and parses.
    /// Every URL is https, or plain http to this machine (see [`is_safe_url`]).
    pub fn check(&self) -> Result<(), String> {
        for (name, value) in [
            ("api-base", &self.api_base),
            ("reconciliation-base", &self.reconciliation_base),
            ("jwks-url", &self.jwks_url),
            ("payload-base", &self.payload_base),
        ] {
            url::Url::parse(value).map_err(|_| format!("{name} is not a URL: '{value}'"))?;
            if !is_safe_url(value) {
                return Err(format!(
                    "{name} must be https (plain http only to this machine): '{value}'"
                ));
            }
        }
        Ok(())
    }
}

/// Whether `url` points at this machine.
pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    }
}

/// Whether answers from `value` can be trusted not to be rewritten on the way: https, or plain
/// http only to this machine (the sandbox).
pub fn is_safe_url(value: &str) -> bool {
    let Ok(url) = url::Url::parse(value.trim()) else {
        return false;
    };
    url.scheme() == "https" || (url.scheme() == "http" && is_loopback(&url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_point_at_the_documented_hosts() {
        let prod = Environment::preset(EnvironmentKind::BancontactProd);
        assert_eq!(
            prod.payment_url("/v3/payments"),
            "https://merchant.api.bancontact.net/v3/payments"
        );
        assert_eq!(prod.jwks_url, "https://jwks.bancontact.net/");
        assert!(prod.check().is_ok());
        let mut plain = prod.clone();
        plain.api_base = "http://merchant.api.bancontact.net".into();
        assert!(
            plain.check().unwrap_err().contains("https"),
            "plain http elsewhere refused"
        );
        plain.api_base = "http://127.0.0.1:8080".into();
        assert!(plain.check().is_ok(), "the sandbox on this machine");
        plain.api_base = "http://[::1]:8080".into();
        assert!(plain.check().is_ok());
        let legacy = Environment::preset(EnvironmentKind::PayconiqExt);
        assert_eq!(
            legacy.reconciliation_url("/payouts"),
            "https://api.ext.payconiq.com/v3/reconciliation/payouts"
        );
        assert!(
            Environment::preset(EnvironmentKind::Custom)
                .check()
                .is_err()
        );
    }

    #[test]
    fn sticker_payload_takes_its_host_from_the_environment() {
        let prod = Environment::preset(EnvironmentKind::BancontactProd);
        assert_eq!(
            prod.sticker_payload("5bb37284e35e2b29e363df22", "POS00001"),
            "https://pay.bancontact.net/l/1/5bb37284e35e2b29e363df22/POS00001"
        );
        let legacy = Environment::preset(EnvironmentKind::PayconiqProd);
        assert!(
            legacy
                .sticker_payload("p", "POS 1")
                .ends_with("/l/1/p/POS%201")
        );
    }
}
