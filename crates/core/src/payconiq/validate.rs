//! Checks the API's field rules before a request leaves the machine, so a cashier sees a clear
//! reason instead of a 400. The sandbox applies the same rules on its side.

use std::fmt;

use crate::money::{Money, MoneyError};

pub const DESCRIPTION_MAX: usize = 140;
pub const REFERENCE_MAX: usize = 35;
pub const BULK_ID_MAX: usize = 35;
pub const POS_ID_MAX: usize = 36;
pub const SHOP_ID_MAX: usize = 36;
pub const SHOP_NAME_MAX: usize = 36;
pub const IDEMPOTENCY_KEY_MAX: usize = 64;
pub const RETURN_URL_MAX: usize = 2048;

/// The request field a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Amount,
    Currency,
    Description,
    Reference,
    BulkId,
    CallbackUrl,
    PosId,
    ShopId,
    ShopName,
    IdempotencyKey,
    ReturnUrl,
}

impl Field {
    /// The field's name in the API's JSON.
    pub fn api_name(self) -> &'static str {
        match self {
            Field::Amount => "amount",
            Field::Currency => "currency",
            Field::Description => "description",
            Field::Reference => "reference",
            Field::BulkId => "bulkId",
            Field::CallbackUrl => "callbackUrl",
            Field::PosId => "posId",
            Field::ShopId => "shopId",
            Field::ShopName => "shopName",
            Field::IdempotencyKey => "Idempotency-Key",
            Field::ReturnUrl => "returnUrl",
        }
    }
}

/// What is wrong with the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
        len: usize,
    },
    /// A character outside the SEPA character set, with its 1-based position.
    Character {
        found: char,
        position: usize,
    },
    Amount(MoneyError),
    /// An amount that is not a whole number of cents (a fraction, text, an object…).
    NotWholeCents,
    /// A value that should be text but is a number, a list…
    NotText,
    NotHttps,
    /// Not an absolute http(s) address.
    NotWebAddress,
    NotEur,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.field.api_name();
        match &self.problem {
            Problem::Required => write!(f, "{name} is required"),
            Problem::TooLong { max, len } => {
                write!(
                    f,
                    "{name} is {len} characters long; at most {max} are allowed"
                )
            }
            Problem::Character { found, position } => write!(
                f,
                "{name}: '{found}' (character {position}) is not in the SEPA character set banks accept"
            ),
            Problem::Amount(err) => write!(f, "{name}: {err}"),
            Problem::NotWholeCents => write!(f, "{name} must be a whole number of euro cents"),
            Problem::NotText => write!(f, "{name} must be text"),
            Problem::NotHttps => write!(f, "{name} must be an https:// address"),
            Problem::NotWebAddress => {
                write!(f, "{name} must be a whole https:// or http:// address")
            }
            Problem::NotEur => write!(f, "{name}: only EUR is supported"),
        }
    }
}

impl ValidationError {
    pub fn new(field: Field, problem: Problem) -> Self {
        ValidationError { field, problem }
    }
}

/// Whether `c` is in the EPC "SEPA Requirements for an Extended Character Set (UNICODE
/// Subset)": printable Basic Latin, Latin-1 Supplement and Latin Extended-A letters and signs,
/// the Romanian comma-below letters, Greek and Cyrillic (for the SEPA countries using them), and
/// the euro sign. Control characters, emoji and other scripts are refused.
pub fn is_sepa_char(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0xFF
        | 0x100..=0x17F
        | 0x218..=0x21B
        | 0x386 | 0x388..=0x38A | 0x38C | 0x38E..=0x3A1 | 0x3A3..=0x3CE
        | 0x400..=0x45F
        | 0x20AC)
}

/// Checks a free-text field: optional, bounded length, SEPA characters only.
pub fn check_text(field: Field, value: &str, max: usize) -> Result<(), ValidationError> {
    let len = value.chars().count();
    if len > max {
        return Err(ValidationError::new(field, Problem::TooLong { max, len }));
    }
    if let Some((i, found)) = value.chars().enumerate().find(|(_, c)| !is_sepa_char(*c)) {
        return Err(ValidationError::new(
            field,
            Problem::Character {
                found,
                position: i + 1,
            },
        ));
    }
    Ok(())
}

/// Checks an optional text field; `None` and empty both pass.
pub fn check_optional(
    field: Field,
    value: Option<&str>,
    max: usize,
) -> Result<(), ValidationError> {
    value.map_or(Ok(()), |v| check_text(field, v, max))
}

/// Checks a required text field.
pub fn check_required(field: Field, value: &str, max: usize) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    check_text(field, value, max)
}

pub fn check_amount(amount: Money) -> Result<(), ValidationError> {
    amount
        .check_payable()
        .map(|_| ())
        .map_err(|e| ValidationError::new(Field::Amount, Problem::Amount(e)))
}

pub fn check_currency(currency: &str) -> Result<(), ValidationError> {
    if currency == "EUR" {
        Ok(())
    } else {
        Err(ValidationError::new(Field::Currency, Problem::NotEur))
    }
}

/// Callback URLs must be https, except plain http to this machine (sandbox and local tests).
pub fn check_callback_url(url: Option<&str>) -> Result<(), ValidationError> {
    let Some(raw) = url else { return Ok(()) };
    let bad = || ValidationError::new(Field::CallbackUrl, Problem::NotHttps);
    let parsed = url::Url::parse(raw).map_err(|_| bad())?;
    let loopback = super::environment::is_loopback(&parsed);
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(bad()),
    }
}

/// A return URL: at most `max` characters, an absolute http or https URL.
pub fn check_return_url(raw: &str, max: usize) -> Result<(), ValidationError> {
    let len = raw.chars().count();
    if len > max {
        return Err(ValidationError::new(
            Field::ReturnUrl,
            Problem::TooLong { max, len },
        ));
    }
    let bad = || ValidationError::new(Field::ReturnUrl, Problem::NotWebAddress);
    // Written out whole: a URL parser forgives spaces, tabs, newlines and `https:host`, and
    // what is forgiven here would travel as typed into the checkout link.
    let lower = raw.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(bad)?;
    if rest.starts_with('/') || raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    match url::Url::parse(raw) {
        // No user name or password: a link the customer's browser follows carries none.
        Ok(u) if u.host().is_some() && u.username().is_empty() && u.password().is_none() => Ok(()),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_return_url_is_a_whole_web_address_as_written() {
        for ok in [
            "https://shop.example/back?order=7",
            "http://shop.example/back",
            "HTTPS://Shop.Example/",
        ] {
            assert!(check_return_url(ok, RETURN_URL_MAX).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "/back",
            "https:shop.example",
            "https:///x",
            "  https://shop.example/",
            "https://shop.example/a\nb",
            "https://shop.example/a\tb",
            "https://shop.example/\u{0}",
            "https://user:pw@shop.example/",
            "ftp://shop.example/",
            "",
        ] {
            assert!(check_return_url(bad, RETURN_URL_MAX).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sepa_set_takes_european_text_and_refuses_the_rest() {
        for ok in [
            "Café au lait",
            "Straße 12/3",
            "Œuvre – no",
            "Ärger ÿ €5",
            "Șoseaua",
            "Αθήνα",
            "София",
        ] {
            // The en dash is outside the set; the rest of the line is in it.
            let expect_ok = !ok.contains('–');
            assert_eq!(
                check_text(Field::Description, ok, 140).is_ok(),
                expect_ok,
                "{ok}"
            );
        }
        let err = check_text(Field::Description, "Pizza 🍕", 140).unwrap_err();
        assert_eq!(
            err.problem,
            Problem::Character {
                found: '🍕',
                position: 7
            }
        );
        assert!(check_text(Field::Reference, "tab\there", 35).is_err());
        assert!(check_text(Field::Reference, "漢字", 35).is_err());
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        assert!(check_text(Field::Reference, &"é".repeat(35), REFERENCE_MAX).is_ok());
        let err = check_text(Field::Reference, &"a".repeat(36), REFERENCE_MAX).unwrap_err();
        assert_eq!(err.problem, Problem::TooLong { max: 35, len: 36 });
        assert!(err.to_string().contains("reference is 36 characters long"));
    }

    #[test]
    fn callback_urls_must_be_https_except_loopback() {
        assert!(check_callback_url(Some("https://shop.example/cb")).is_ok());
        assert!(check_callback_url(Some("http://127.0.0.1:8080/cb")).is_ok());
        assert!(check_callback_url(Some("http://shop.example/cb")).is_err());
        assert!(check_callback_url(Some("not a url")).is_err());
        assert!(check_callback_url(None).is_ok());
    }

    #[test]
    fn amounts_and_currency() {
        assert!(check_amount(Money::from_cents(1)).is_ok());
        assert!(check_amount(Money::from_cents(0)).is_err());
        assert!(check_amount(Money::from_cents(1_000_000)).is_err());
        assert!(check_currency("EUR").is_ok());
        assert!(check_currency("USD").is_err());
    }
}
