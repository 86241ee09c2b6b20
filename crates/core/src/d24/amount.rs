//! D24 amounts: decimal text in the deposit's currency ("100", "505.95"), held as whole minor
//! units. Parsed digit by digit, never through floating point.

use std::fmt;

/// Currencies without minor units (ISO 4217 exponent 0) among those D24 serves; every other
/// currency has two decimals (D24 accepts "up to 2 decimal places").
const NO_DECIMALS: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV",
    "XAF", "XOF", "XPF",
];

/// Largest amount handled: far above any deposit, far below `i64`'s end.
const MAX_MINOR: i64 = 1_000_000_000_000_000;

/// An amount of money in one currency.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    minor: i64,
    currency: String,
}

/// Why a text is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountProblem {
    Empty,
    NotANumber,
    /// More decimals than the currency has.
    TooPrecise,
    NotPositive,
    TooLarge,
    UnknownCurrency,
}

/// Digits after the decimal point in `currency`.
pub fn decimals(currency: &str) -> u32 {
    if NO_DECIMALS.contains(&currency) {
        0
    } else {
        2
    }
}

fn currency_code(currency: &str) -> Result<String, AmountProblem> {
    let c = currency.trim().to_ascii_uppercase();
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(AmountProblem::UnknownCurrency)
    }
}

impl Amount {
    pub fn from_minor(minor: i64, currency: &str) -> Result<Amount, AmountProblem> {
        if minor > MAX_MINOR {
            return Err(AmountProblem::TooLarge);
        }
        Ok(Amount {
            minor,
            currency: currency_code(currency)?,
        })
    }

    /// Reads the API's decimal text ("100", "100.5", "505.95"; a JSON number's text too).
    /// Trailing zeros beyond the currency's decimals are fine ("100.000" is 100); any other
    /// digit there is refused rather than rounded.
    pub fn parse_api(text: &str, currency: &str) -> Result<Amount, AmountProblem> {
        Self::parse_with(text, currency, '.')
    }

    /// Reads what a person typed: a comma or a point before the decimals ("12,50", "12.50").
    pub fn parse_typed(text: &str, currency: &str) -> Result<Amount, AmountProblem> {
        Self::parse_with(&text.trim().replace(',', "."), currency, '.')
    }

    fn parse_with(text: &str, currency: &str, point: char) -> Result<Amount, AmountProblem> {
        let currency = currency_code(currency)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(AmountProblem::Empty);
        }
        let (whole, fraction) = text.split_once(point).unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return Err(AmountProblem::NotANumber);
        }
        let places = decimals(&currency) as usize;
        let (kept, rest) = fraction.split_at(fraction.len().min(places));
        if rest.bytes().any(|b| b != b'0') {
            return Err(AmountProblem::TooPrecise);
        }
        let mut minor: i64 = 0;
        let padded = format!("{kept:0<places$}");
        for b in whole.bytes().chain(padded.bytes()) {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .filter(|m| *m <= MAX_MINOR)
                .ok_or(AmountProblem::TooLarge)?;
        }
        Ok(Amount { minor, currency })
    }

    /// Refund amounts must be above zero.
    pub fn positive(self) -> Result<Amount, AmountProblem> {
        if self.minor > 0 {
            Ok(self)
        } else {
            Err(AmountProblem::NotPositive)
        }
    }

    pub fn minor(&self) -> i64 {
        self.minor
    }

    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// As the API writes it: "100.00", "1500" (no decimals for CLP and the like).
    pub fn to_api(&self) -> String {
        let places = decimals(&self.currency);
        if places == 0 {
            return self.minor.to_string();
        }
        let unit = 10i64.pow(places);
        format!(
            "{}.{:0width$}",
            self.minor / unit,
            self.minor % unit,
            width = places as usize
        )
    }

    pub fn checked_sub(&self, other: &Amount) -> Option<Amount> {
        (self.currency == other.currency).then(|| Amount {
            minor: self.minor - other.minor,
            currency: self.currency.clone(),
        })
    }

    pub fn checked_add(&self, other: &Amount) -> Option<Amount> {
        (self.currency == other.currency).then(|| Amount {
            minor: self.minor.saturating_add(other.minor),
            currency: self.currency.clone(),
        })
    }

    /// For people: euros as the rest of the till writes them ("€12.50", "12,50 €"), other
    /// currencies as a localized number and the code ("1.500,00 MXN").
    pub fn format(&self, lang: crate::lang::Lang) -> String {
        if self.currency == "EUR" {
            return crate::money::Money::from_cents(self.minor).format(lang);
        }
        let places = decimals(&self.currency);
        let unit = 10u64.pow(places);
        let abs = self.minor.unsigned_abs();
        let fraction = match places {
            0 => String::new(),
            _ => format!("{:0width$}", abs % unit, width = places as usize),
        };
        let sign = if self.minor < 0 { "-" } else { "" };
        let number = crate::money::localized_number(abs / unit, &fraction, lang);
        format!("{sign}{number}\u{a0}{}", self.currency)
    }

    /// As a person would type it in `lang` (no grouping; the language's decimal mark), for
    /// filling in a form field.
    pub fn to_typed(&self, lang: crate::lang::Lang) -> String {
        self.to_api()
            .replace('.', &crate::money::decimal_mark(lang).to_string())
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_api(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_for_people_in_each_language() {
        use crate::lang::Lang;
        let eur = Amount::parse_api("1500", "EUR").unwrap();
        assert_eq!(eur.format(Lang::En), "€1,500.00");
        assert_eq!(eur.format(Lang::De), "1.500,00\u{a0}€");
        let mxn = Amount::parse_api("505.95", "MXN").unwrap();
        assert_eq!(mxn.format(Lang::En), "505.95\u{a0}MXN");
        assert_eq!(mxn.format(Lang::Nl), "505,95\u{a0}MXN");
        let clp = Amount::parse_api("1500", "CLP").unwrap();
        assert_eq!(clp.format(Lang::Fr), "1\u{a0}500\u{a0}CLP");
        assert_eq!(mxn.to_typed(Lang::De), "505,95");
        assert_eq!(mxn.to_typed(Lang::En), "505.95");
        assert_eq!(
            Amount::parse_typed(&mxn.to_typed(Lang::Fr), "MXN").unwrap(),
            mxn
        );
    }

    #[test]
    fn api_text_is_read_exactly() {
        let a = Amount::parse_api("505.95", "MXN").unwrap();
        assert_eq!((a.minor(), a.to_api().as_str()), (50595, "505.95"));
        assert_eq!(Amount::parse_api("100", "EUR").unwrap().minor(), 10000);
        assert_eq!(Amount::parse_api("100.5", "EUR").unwrap().minor(), 10050);
        assert_eq!(Amount::parse_api("100.500", "EUR").unwrap().minor(), 10050);
        assert_eq!(Amount::parse_api("1500", "CLP").unwrap().to_api(), "1500");
        // 0.1 + 0.2 style float trouble cannot happen: 0.29 stays 29 minor units.
        assert_eq!(Amount::parse_api("0.29", "EUR").unwrap().minor(), 29);
        assert_eq!(
            Amount::parse_api("1500.5", "CLP"),
            Err(AmountProblem::TooPrecise)
        );
        assert_eq!(
            Amount::parse_api("1.005", "EUR"),
            Err(AmountProblem::TooPrecise)
        );
        for bad in ["", "-1", "1e3", "1.2.3", ".5", "abc", "1 000"] {
            assert!(Amount::parse_api(bad, "EUR").is_err(), "{bad}");
        }
        assert_eq!(
            Amount::parse_api("99999999999999999999", "EUR"),
            Err(AmountProblem::TooLarge)
        );
        assert_eq!(
            Amount::parse_api("1", "EURO"),
            Err(AmountProblem::UnknownCurrency)
        );
        assert_eq!(
            Amount::parse_typed(" 12,5 ", "eur").unwrap().to_string(),
            "12.50 EUR"
        );
        assert_eq!(
            Amount::parse_api("0", "EUR").unwrap().positive(),
            Err(AmountProblem::NotPositive)
        );
    }
}
