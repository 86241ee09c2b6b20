//! The sandbox runs on this machine for this machine: a web page open in the till's browser must
//! not reach it. Every request must name a loopback host (`Host`: a DNS name rebound to
//! 127.0.0.1 does not), a request that says it comes from a web page must come from one on
//! this machine (`Origin`), and the control endpoints that change things (`/sandbox/...`,
//! anything but GET) need the header [`CONTROL_HEADER`]: a page cannot send it to another
//! origin without asking first (a CORS preflight, which the sandbox never allows).

use axum::http::{HeaderMap, Method};

use crate::reply::Reject;

/// The header a control request carries (any value): `curl -H 'X-Kassa-Sandbox: 1' …`.
pub const CONTROL_HEADER: &str = "x-kassa-sandbox";

fn loopback_host(host: &str) -> bool {
    // Host, without its port: a name, an IPv4 address, or [an IPv6 address].
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let name = name.trim().to_ascii_lowercase();
    name == "localhost"
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn loopback_origin(origin: &str) -> bool {
    url::Url::parse(origin).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some_and(|h| {
                loopback_host(&format!(
                    "{}:0",
                    h.trim_start_matches('[').trim_end_matches(']')
                )) || loopback_host(h)
            })
    })
}

/// Whether the request may be served, and why not.
pub fn check(method: &Method, path: &str, headers: &HeaderMap) -> Result<(), Reject> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(host) = header("host")
        && !loopback_host(host)
    {
        return Err(Reject::new(
            403,
            "ACCESS_DENIED",
            format!(
                "The sandbox answers this machine only, not host '{}'",
                host.chars().take(100).collect::<String>()
            ),
        ));
    }
    if let Some(origin) = header("origin")
        && !loopback_origin(origin)
    {
        return Err(Reject::new(
            403,
            "ACCESS_DENIED",
            "The sandbox does not answer web pages of other sites",
        ));
    }
    if path.starts_with("/sandbox/") && method != Method::GET && header(CONTROL_HEADER).is_none() {
        return Err(Reject::new(
            403,
            "ACCESS_DENIED",
            format!(
                "A sandbox control request needs the header {CONTROL_HEADER} (e.g. `curl -H '{CONTROL_HEADER}: 1'`)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn loopback_only_and_no_cross_site_control() {
        let ok = |m: Method, p: &str, h: &[(&'static str, &str)]| check(&m, p, &headers(h)).is_ok();
        assert!(ok(
            Method::GET,
            "/v3/payments/x",
            &[("host", "127.0.0.1:8080")]
        ));
        assert!(ok(
            Method::GET,
            "/v3/payments/x",
            &[("host", "localhost:8080")]
        ));
        assert!(ok(Method::GET, "/v3/payments/x", &[("host", "[::1]:8080")]));
        assert!(!ok(
            Method::GET,
            "/v3/payments/x",
            &[("host", "evil.example:8080")]
        ));
        assert!(!ok(
            Method::GET,
            "/v3/payments/x",
            &[("host", "127.0.0.1.evil.example")]
        ));
        assert!(ok(
            Method::GET,
            "/sandbox",
            &[("origin", "http://127.0.0.1:3000")]
        ));
        assert!(!ok(
            Method::GET,
            "/sandbox",
            &[("origin", "https://evil.example")]
        ));
        assert!(!ok(Method::POST, "/sandbox/payments/x/confirm", &[]));
        assert!(ok(
            Method::POST,
            "/sandbox/payments/x/confirm",
            &[(CONTROL_HEADER, "1")]
        ));
        assert!(!ok(
            Method::POST,
            "/sandbox/payments/x/confirm",
            &[(CONTROL_HEADER, "1"), ("origin", "https://evil.example")]
        ));
        assert!(
            ok(Method::POST, "/v3/payments", &[]),
            "the API is not a control"
        );
    }
}
