//! The invoice ("template") QR: a code a customer pays later, from an invoice or a receipt.
//! `{payload host}/t/1/{profileId}?D={description}&A={cents}&R={reference}`, each value UTF-8
//! URL-encoded (merchant API guide, "Payconiq Invoice"). The customer's app creates the
//! payment when it is scanned, so it appears in the payment search, not in the till's journal.

use crate::money::Money;

/// Longest description and reference the template accepts, in characters.
pub const TEXT_MAX: usize = 35;

/// What the customer pays and what their bank statement shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invoice {
    pub amount: Money,
    /// Shown to the customer; may be empty.
    pub description: String,
    /// The invoice number or structured communication; may be empty.
    pub reference: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("the amount must be between 0.01 and 9999.99 euro")]
    Amount,
    #[error("{field} is {len} characters; at most {TEXT_MAX}")]
    TooLong { field: &'static str, len: usize },
    #[error("{field} contains a control character")]
    Control { field: &'static str },
    #[error("no payment profile id")]
    NoProfile,
}

/// Percent-encodes everything but the unreserved characters: a space becomes `%20` (never
/// `+`), `?` `%3F`, `&` `%26`, `é` `%C3%A9`, as the guide's examples show.
fn encode(value: &str) -> String {
    super::path_segment(value)
}

fn check(field: &'static str, value: &str) -> Result<(), TemplateError> {
    let len = value.chars().count();
    if len > TEXT_MAX {
        return Err(TemplateError::TooLong { field, len });
    }
    if value.chars().any(char::is_control) {
        return Err(TemplateError::Control { field });
    }
    Ok(())
}

impl Invoice {
    /// Checks the invoice against the template's limits.
    pub fn check(&self) -> Result<(), TemplateError> {
        if !self.amount.is_payable() {
            return Err(TemplateError::Amount);
        }
        check("description", &self.description)?;
        check("reference", &self.reference)
    }

    /// The payload to draw as a QR code; `payload_base` is the environment's payload host.
    pub fn payload(&self, payload_base: &str, profile_id: &str) -> Result<String, TemplateError> {
        self.check()?;
        if profile_id.trim().is_empty() {
            return Err(TemplateError::NoProfile);
        }
        let mut url = format!(
            "{}/t/1/{}?",
            payload_base.trim_end_matches('/'),
            encode(profile_id.trim())
        );
        // D and R are left out when empty (the guide's structured-remittance example has no R).
        if !self.description.is_empty() {
            url += &format!("D={}&", encode(&self.description));
        }
        url += &format!("A={}", self.amount.cents());
        if !self.reference.is_empty() {
            url += &format!("&R={}", encode(&self.reference));
        }
        Ok(url)
    }
}

/// Reads a template payload back (the sandbox's phone does, as the customer's app would).
pub fn parse(payload: &str) -> Option<(String, Invoice)> {
    let url = url::Url::parse(payload).ok()?;
    let mut segments = url.path_segments()?;
    if (segments.next()?, segments.next()?) != ("t", "1") {
        return None;
    }
    let profile = percent_encoding::percent_decode_str(segments.next()?)
        .decode_utf8()
        .ok()?
        .into_owned();
    let mut invoice = Invoice {
        amount: Money::default(),
        description: String::new(),
        reference: String::new(),
    };
    for (key, value) in url.query_pairs() {
        match key.as_ref() {
            "D" => invoice.description = value.into_owned(),
            "R" => invoice.reference = value.into_owned(),
            "A" => invoice.amount = Money::from_cents(value.parse().ok()?),
            _ => {}
        }
    }
    invoice.check().ok()?;
    Some((profile, invoice))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice(cents: i64, d: &str, r: &str) -> Invoice {
        Invoice {
            amount: Money::from_cents(cents),
            description: d.into(),
            reference: r.into(),
        }
    }

    #[test]
    fn the_guides_example_exactly() {
        let url = invoice(1000, "Invoice Payment", "sd89sd91?sd9")
            .payload("https://payconiq.com", "5c18cbd1296e9a26d3278518")
            .unwrap();
        assert_eq!(
            url,
            "https://payconiq.com/t/1/5c18cbd1296e9a26d3278518?D=Invoice%20Payment&A=1000&R=sd89sd91%3Fsd9"
        );
        let structured = invoice(250, "173855053134", "")
            .payload("https://payconiq.com/", "5c18cbd1296e9a26d3278518")
            .unwrap();
        assert_eq!(
            structured,
            "https://payconiq.com/t/1/5c18cbd1296e9a26d3278518?D=173855053134&A=250"
        );
    }

    #[test]
    fn values_that_need_encoding_round_trip() {
        let inv = invoice(999_999, "Café & thé? 100%", "Factuur #12 é/ü");
        let url = inv.payload("https://payconiq.com", "prof 1").unwrap();
        assert_eq!(
            url,
            "https://payconiq.com/t/1/prof%201?D=Caf%C3%A9%20%26%20th%C3%A9%3F%20100%25&A=999999&R=Factuur%20%2312%20%C3%A9%2F%C3%BC"
        );
        assert_eq!(parse(&url), Some(("prof 1".to_string(), inv)));
    }

    #[test]
    fn limits_are_refused_with_reasons() {
        let long = "x".repeat(36);
        assert_eq!(
            invoice(100, &long, "").check(),
            Err(TemplateError::TooLong {
                field: "description",
                len: 36
            })
        );
        assert!(
            invoice(100, &"é".repeat(35), "").check().is_ok(),
            "characters, not bytes"
        );
        assert_eq!(invoice(0, "", "").check(), Err(TemplateError::Amount));
        assert_eq!(
            invoice(1_000_000, "", "").check(),
            Err(TemplateError::Amount)
        );
        assert_eq!(
            invoice(100, "", "a\nb").check(),
            Err(TemplateError::Control { field: "reference" })
        );
    }
}
