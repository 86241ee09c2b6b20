//! D24 request authentication, as its docs define it: `X-Login` (the API key), `X-Date`
//! (ISO 8601 in UTC, `yyyy-MM-dd'T'HH:mm:ssZ`) and `Authorization: D24 <hex>`, the hex being
//! lowercase HMAC-SHA256 keyed with the API Signature over X-Date + X-Login + the JSON body as
//! sent (UTF-8; an empty body counts as "").

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use time::OffsetDateTime;

pub use crate::secret::Secret;

pub const SCHEME: &str = "D24 ";

/// One D24 merchant's credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// `X-Login`: the API key (not secret on its own, but kept out of logs anyway).
    pub login: String,
    /// The API Signature, the HMAC key. Lives in the OS keychain.
    pub secret: Secret,
}

/// The `X-Date` value for `at`.
pub fn x_date(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Reads an `X-Date`: the documented form with `Z`, or with a numeric offset
/// (`+0000`, `+00:00`), fractions of a second allowed. `None` when it is not a date.
pub fn parse_x_date(text: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::{Iso8601, Rfc3339};
    let text = text.trim();
    OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Iso8601::DEFAULT))
        .ok()
        .or_else(|| {
            // Java's `Z` pattern letter writes the offset without a colon: +0000.
            let (head, tail) = text.split_at(text.len().checked_sub(5)?);
            let (sign, digits) = tail.split_at(1);
            if !(sign == "+" || sign == "-") || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let with_colon = format!("{head}{sign}{}:{}", &digits[..2], &digits[2..]);
            OffsetDateTime::parse(&with_colon, &Rfc3339).ok()
        })
}

fn mac(secret: &Secret, x_date: &str, login: &str, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes())
        .expect("HMAC accepts any key length");
    mac.update(x_date.as_bytes());
    mac.update(login.as_bytes());
    mac.update(body);
    mac
}

/// Lowercase hex HMAC-SHA256 of X-Date + X-Login + body.
pub fn signature(secret: &Secret, x_date: &str, login: &str, body: &[u8]) -> String {
    let bytes = mac(secret, x_date, login, body).finalize().into_bytes();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The whole `Authorization` value.
pub fn authorization(secret: &Secret, x_date: &str, login: &str, body: &[u8]) -> String {
    format!("{SCHEME}{}", signature(secret, x_date, login, body))
}

/// Whether `header` is the right `Authorization` for this request (compared in constant time;
/// the sandbox's check, and the one a server makes).
pub fn verify(secret: &Secret, x_date: &str, login: &str, body: &[u8], header: &str) -> bool {
    let Some(hex) = header.strip_prefix(SCHEME) else {
        return false;
    };
    let Some(bytes) = decode_hex(hex.trim()) else {
        return false;
    };
    mac(secret, x_date, login, body)
        .verify_slice(&bytes)
        .is_ok()
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values computed outside this code, with Python's hmac module and with
    // `printf '%s' "$date$login$body" | openssl dgst -sha256 -hmac "$key"`.
    const KEY: &str = "mQ8vZt3kLp0sXc7RnWe2Yh5Jd9Fa4Gb1";
    const DATE: &str = "2020-06-21T12:33:20Z";
    const LOGIN: &str = "aB3xK9pQ2w";

    #[test]
    fn known_answers() {
        let key = Secret::new(KEY);
        let body = br#"{"deposit_id":300533646,"invoice_id":"newIUnit45328731","amount":"100"}"#;
        assert_eq!(
            authorization(&key, DATE, LOGIN, body),
            "D24 30d3583b05fdc88064cc53b3c4b090f7226ef9462f9c5e6d9b0cf5d09f2ffbe0"
        );
        // A GET: the empty body hashes as "".
        assert_eq!(
            signature(&key, DATE, LOGIN, b""),
            "cbcee14f4077896592c19e93ad65d4b620a47d3cfb65f1509600d2b961eb93e5"
        );
        // The body as UTF-8 bytes.
        assert_eq!(
            signature(&key, DATE, LOGIN, r#"{"comments":"Zoë"}"#.as_bytes()),
            "26401f248d8184ddb95e25b17cf6bd557634b5ae7d6dc767aa194eaac3faa25a"
        );
        // RFC 4231 test case 2, to pin the HMAC itself.
        assert_eq!(
            signature(
                &Secret::new("Jefe"),
                "what do ya ",
                "want ",
                b"for nothing?"
            ),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn verify_accepts_only_the_right_header() {
        let key = Secret::new(KEY);
        let good = authorization(&key, DATE, LOGIN, b"{}");
        assert!(verify(&key, DATE, LOGIN, b"{}", &good));
        assert!(!verify(&key, DATE, LOGIN, b"{ }", &good));
        assert!(!verify(&Secret::new("other"), DATE, LOGIN, b"{}", &good));
        assert!(!verify(
            &key,
            DATE,
            LOGIN,
            b"{}",
            good.trim_start_matches("D24 ")
        ));
        assert!(!verify(&key, DATE, LOGIN, b"{}", "D24 zz"));
        assert!(!verify(&key, DATE, LOGIN, b"{}", "D24 "));
    }

    #[test]
    fn dates_are_written_and_read_as_documented() {
        let at = time::macros::datetime!(2020-06-21 14:33:20 +02:00);
        assert_eq!(x_date(at), DATE);
        for text in [
            DATE,
            "2020-06-21T12:33:20+0000",
            "2020-06-21T14:33:20+02:00",
            "2020-06-21T12:33:20.123Z",
        ] {
            let read = parse_x_date(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(read.unix_timestamp(), at.unix_timestamp(), "{text}");
        }
        for bad in ["", "yesterday", "2020-06-21", "2020-06-21T12:33:20"] {
            assert!(parse_x_date(bad).is_none(), "{bad}");
        }
    }
}
