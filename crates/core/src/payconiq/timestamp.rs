//! The API's timestamps: written as the guide shows them (`yyyy-MM-ddTHH:mm:ss.SSSZ`, UTC,
//! milliseconds), read in any RFC 3339 form (other precisions, offsets).

use serde::{Deserialize, Deserializer, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// `2026-11-21T09:30:00.123Z`.
pub fn format(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// For `Option<OffsetDateTime>` fields (`#[serde(with = "…::timestamp::option")]`).
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(at: &Option<OffsetDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_str(&format(*at)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| OffsetDateTime::parse(&t, &Rfc3339).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milliseconds_always_three_digits_in_utc() {
        let at = OffsetDateTime::parse("2026-11-21T10:30:00.123456+01:00", &Rfc3339).unwrap();
        assert_eq!(format(at), "2026-11-21T09:30:00.123Z");
        let whole = OffsetDateTime::parse("2026-11-21T09:30:00Z", &Rfc3339).unwrap();
        assert_eq!(format(whole), "2026-11-21T09:30:00.000Z");
    }
}
