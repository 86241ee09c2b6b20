//! Money as integer euro cents: parsing what a cashier types and formatting per language.
//!
//! Never floating point. The API accepts 1..=999999 cents; [`Money::parse`] enforces that range
//! so a bad amount is refused before anything is sent.

use std::fmt;

use crate::lang::Lang;

/// Smallest amount the API accepts, in cents.
pub const MIN_CENTS: i64 = 1;
/// Largest amount the API accepts, in cents (€ 9 999,99).
pub const MAX_CENTS: i64 = 999_999;

/// An amount of euro cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Money(i64);

/// Cents as a JSON integer; a string of digits is accepted too (the guide's own examples send
/// `"amount": "1"`).
impl<'de> serde::Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Int(cents) => Ok(Money(cents)),
            Raw::Text(text) => text
                .trim()
                .parse()
                .map(Money)
                .map_err(|_| serde::de::Error::custom("amount must be a whole number of cents")),
        }
    }
}

/// Why a typed amount was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("no amount entered")]
    Empty,
    #[error("'{0}' is not allowed in an amount")]
    InvalidCharacter(char),
    #[error("an amount has at most two decimals")]
    TooManyDecimals,
    #[error("the amount is not written correctly")]
    Malformed,
    #[error("the amount must be at least € 0,01")]
    TooSmall,
    #[error("the amount must be at most € 9 999,99")]
    TooLarge,
}

impl Money {
    pub const fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Whether the API would accept this as a payment or refund amount.
    pub fn is_payable(self) -> bool {
        (MIN_CENTS..=MAX_CENTS).contains(&self.0)
    }

    /// Checks the API range, for amounts that did not come from [`Money::parse`].
    pub fn check_payable(self) -> Result<Self, MoneyError> {
        if self.0 < MIN_CENTS {
            Err(MoneyError::TooSmall)
        } else if self.0 > MAX_CENTS {
            Err(MoneyError::TooLarge)
        } else {
            Ok(self)
        }
    }

    /// Parses "12,50", "12.50", "12", "12,5", "€ 1.234,56", "1,234.56" into cents, and checks the
    /// API range. When both separators appear, the last one is the decimal separator and the
    /// others must group thousands.
    pub fn parse(input: &str) -> Result<Self, MoneyError> {
        Self::parse_unchecked(input)?.check_payable()
    }

    /// Parses without the range check (a zero is valid here): for keypad buffers and sums.
    pub fn parse_unchecked(input: &str) -> Result<Self, MoneyError> {
        let trimmed: String = input
            .trim()
            .trim_start_matches('€')
            .trim_end_matches('€')
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        if let Some(bad) = trimmed
            .chars()
            .find(|c| !c.is_ascii_digit() && *c != ',' && *c != '.')
        {
            return Err(MoneyError::InvalidCharacter(bad));
        }
        let Some(at) = trimmed.rfind([',', '.']) else {
            return Self::combine(&trimmed, "");
        };
        let sep = trimmed.as_bytes()[at] as char;
        let (whole, fraction) = (&trimmed[..at], &trimmed[at + 1..]);
        if whole.contains(sep) {
            // The same separator twice: only valid as thousands grouping with no decimals.
            return Self::parse_grouped(&trimmed, sep).map(|euros| Money(euros * 100));
        }
        let other = if sep == ',' { '.' } else { ',' };
        if whole.contains(other) {
            return Self::combine(&Self::ungroup(whole, other)?, fraction);
        }
        Self::combine(whole, fraction)
    }

    fn combine(whole: &str, fraction: &str) -> Result<Self, MoneyError> {
        if fraction.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        if whole.is_empty() && fraction.is_empty() {
            return Err(MoneyError::Malformed);
        }
        if whole.len() > 9 {
            return Err(MoneyError::TooLarge);
        }
        let euros: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyError::Malformed)?
        };
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| MoneyError::Malformed)? * 10,
            _ => fraction.parse().map_err(|_| MoneyError::Malformed)?,
        };
        Ok(Money(euros * 100 + cents))
    }

    /// "1.234" with `sep = '.'` → "1234", checking groups of three.
    fn ungroup(whole: &str, sep: char) -> Result<String, MoneyError> {
        let groups: Vec<&str> = whole.split(sep).collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(MoneyError::Malformed);
        }
        Ok(groups.concat())
    }

    fn parse_grouped(input: &str, sep: char) -> Result<i64, MoneyError> {
        let digits = Self::ungroup(input, sep)?;
        if digits.len() > 9 {
            return Err(MoneyError::TooLarge);
        }
        digits.parse().map_err(|_| MoneyError::Malformed)
    }

    /// Formats for display in `lang`: "€ 12,50" (nl), "€12.50" (en), "12,50 €" (fr, de).
    pub fn format(self, lang: Lang) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let number = localized_number(abs / 100, &format!("{:02}", abs % 100), lang);
        match lang {
            Lang::En => format!("{sign}€{number}"),
            Lang::Nl => format!("{sign}€ {number}"),
            Lang::Fr | Lang::De => format!("{sign}{number}\u{a0}€"),
        }
    }

    /// As typed in an input in `lang`: the language's decimal mark, no grouping, no sign of
    /// the currency ("7,99" in Dutch, French and German; "7.99" in English).
    pub fn input(self, lang: Lang) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}{}{:02}", abs / 100, decimal_mark(lang), abs % 100)
    }

    /// Plain decimal with a dot and two decimals ("12.50"), for exports and the command line.
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// What goes before the decimals in `lang`.
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::En => '.',
        Lang::Nl | Lang::Fr | Lang::De => ',',
    }
}

/// `whole` with the language's digit grouping, then its decimal mark and `fraction` (its
/// digits as they are; none, and no mark, when empty).
pub fn localized_number(whole: u64, fraction: &str, lang: Lang) -> String {
    let group = match lang {
        Lang::En => ',',
        Lang::Nl | Lang::De => '.',
        // French writes a narrow no-break space (U+202F); the app's face (Fira Sans) has no
        // such glyph and would show none at all, so the full no-break space, which it has.
        Lang::Fr => '\u{a0}',
    };
    let decimal = decimal_mark(lang);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(c);
    }
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}{decimal}{fraction}")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "€ {}", self.to_decimal_string())
    }
}

// Saturating: a hostile or broken input (a huge tip, a bad answer) must never panic or wrap.
impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money(0), |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_cashiers_type() {
        assert_eq!(Money::parse("12,50").unwrap().cents(), 1250);
        assert_eq!(Money::parse("12.50").unwrap().cents(), 1250);
        assert_eq!(Money::parse("12").unwrap().cents(), 1200);
        assert_eq!(Money::parse("12,5").unwrap().cents(), 1250);
        assert_eq!(Money::parse(",99").unwrap().cents(), 99);
        assert_eq!(Money::parse("0,01").unwrap().cents(), 1);
        assert_eq!(Money::parse(" € 1.234,56 ").unwrap().cents(), 123_456);
        assert_eq!(Money::parse("1,234.56").unwrap().cents(), 123_456);
        assert_eq!(Money::parse("1.234.00").unwrap_err(), MoneyError::Malformed);
        assert_eq!(Money::parse("9999,99").unwrap().cents(), 999_999);
        assert_eq!(Money::parse("12,").unwrap().cents(), 1200);
    }

    #[test]
    fn refuses_bad_amounts_with_a_reason() {
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("  "), Err(MoneyError::Empty));
        assert_eq!(Money::parse("0"), Err(MoneyError::TooSmall));
        assert_eq!(Money::parse("0,00"), Err(MoneyError::TooSmall));
        assert_eq!(Money::parse("10000"), Err(MoneyError::TooLarge));
        assert_eq!(
            Money::parse("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Money::parse("1,234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Money::parse("-5"), Err(MoneyError::InvalidCharacter('-')));
        assert_eq!(Money::parse("12a"), Err(MoneyError::InvalidCharacter('a')));
        assert_eq!(Money::parse("1,2,3"), Err(MoneyError::Malformed));
        assert_eq!(Money::parse(","), Err(MoneyError::Malformed));
    }

    #[test]
    fn formats_per_language() {
        let m = Money::from_cents(123_456);
        assert_eq!(m.format(Lang::Nl), "€ 1.234,56");
        assert_eq!(m.format(Lang::En), "€1,234.56");
        assert_eq!(m.format(Lang::De), "1.234,56\u{a0}€");
        assert_eq!(m.format(Lang::Fr), "1\u{a0}234,56\u{a0}€");
        assert_eq!(Money::from_cents(1250).format(Lang::Nl), "€ 12,50");
        assert_eq!(Money::from_cents(5).format(Lang::En), "€0.05");
        assert_eq!(Money::from_cents(-250).to_decimal_string(), "-2.50");
    }

    #[test]
    fn inputs_are_prefilled_with_the_language_decimal_mark() {
        let m = Money::from_cents(123_499);
        assert_eq!(m.input(Lang::En), "1234.99");
        for lang in [Lang::Nl, Lang::Fr, Lang::De] {
            assert_eq!(m.input(lang), "1234,99");
        }
        for lang in Lang::ALL {
            assert_eq!(Money::parse(&m.input(lang)).unwrap(), m);
        }
    }

    #[test]
    fn formatting_round_trips_through_parsing() {
        for cents in [1, 99, 100, 1250, 99_999, 123_456, 999_999] {
            for lang in Lang::ALL {
                let shown = Money::from_cents(cents).format(lang);
                assert_eq!(Money::parse(&shown).unwrap().cents(), cents, "{shown}");
            }
        }
    }
}
