//! Wall-clock time for people: the system time zone from its database (via jiff), so "today"
//! starts at local midnight and times read as on the shop's clock, DST included. The API and the
//! journal keep UTC instants. (`time`'s local offset is unavailable once threads run on
//! Linux/macOS, which made the till show UTC.)

use jiff::tz::TimeZone;
use time::OffsetDateTime;

fn to_jiff(at: OffsetDateTime) -> jiff::Timestamp {
    jiff::Timestamp::from_nanosecond(at.unix_timestamp_nanos())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

fn from_jiff(at: jiff::Timestamp) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(at.as_nanosecond())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// An instant as milliseconds since the epoch (UTC), as the journal and the shop server's
/// protocol carry instants.
pub fn millis(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}

/// The instant `ms` milliseconds after the epoch (`None` when out of range).
pub fn from_millis(ms: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
}

/// An instant for a file name, in UTC, sorting as it reads: `20261204T183000.123Z`.
pub fn file_stamp(at: OffsetDateTime) -> String {
    crate::payconiq::timestamp::format(at).replace(['-', ':'], "")
}

/// The machine's time zone (`TZ`, else the system setting; UTC if neither can be read).
pub fn zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// The start of the local day `at` falls in, in `tz` (midnight, or the first moment of the day
/// where a DST change skips midnight).
pub fn day_start_in(at: OffsetDateTime, tz: &TimeZone) -> OffsetDateTime {
    let zoned = to_jiff(at).to_zoned(tz.clone());
    match zoned.start_of_day() {
        Ok(start) => from_jiff(start.timestamp()),
        Err(_) => at,
    }
}

/// The start of the local day written `YYYY-MM-DD` (as a manager types a date), in `tz`.
pub fn day_start_of(date: &str, tz: &TimeZone) -> Option<OffsetDateTime> {
    let date: jiff::civil::Date = date.trim().parse().ok()?;
    let start = date.to_zoned(tz.clone()).ok()?.start_of_day().ok()?;
    Some(from_jiff(start.timestamp()))
}

/// When today began, on the shop's clock.
pub fn today_start() -> OffsetDateTime {
    day_start_in(OffsetDateTime::now_utc(), &zone())
}

/// `HH:MM:SS` on the shop's clock.
pub fn time_of_day(at: OffsetDateTime) -> String {
    let z = to_jiff(at).to_zoned(zone());
    format!("{:02}:{:02}:{:02}", z.hour(), z.minute(), z.second())
}

/// `YYYY-MM-DD HH:MM` on the shop's clock.
pub fn date_time(at: OffsetDateTime) -> String {
    let z = to_jiff(at).to_zoned(zone());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        z.year(),
        z.month(),
        z.day(),
        z.hour(),
        z.minute()
    )
}

/// An instant as the shop's clock read it, with its offset from UTC, for files a bookkeeper
/// imports: `2026-12-04T19:30:00+01:00` (ISO 8601 / RFC 3339, to the second).
pub fn local_iso(at: OffsetDateTime) -> String {
    local_iso_in(at, &zone())
}

pub fn local_iso_in(at: OffsetDateTime, tz: &TimeZone) -> String {
    to_jiff(at)
        .to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brussels() -> TimeZone {
        TimeZone::get("Europe/Brussels").expect("the tz database has Europe/Brussels")
    }

    fn utc(s: &str) -> OffsetDateTime {
        OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap()
    }

    #[test]
    fn files_get_the_shops_time_with_its_offset() {
        assert_eq!(
            local_iso_in(utc("2026-12-04T18:30:00.5Z"), &brussels()),
            "2026-12-04T19:30:00+01:00"
        );
        assert_eq!(
            local_iso_in(utc("2026-07-01T22:15:00Z"), &brussels()),
            "2026-07-02T00:15:00+02:00",
            "summer time, and the next local day"
        );
        assert_eq!(
            local_iso_in(utc("2026-07-01T22:15:00Z"), &TimeZone::UTC),
            "2026-07-01T22:15:00+00:00"
        );
    }

    #[test]
    fn the_local_day_starts_at_local_midnight_across_dst_changes() {
        let tz = brussels();
        // Winter (UTC+1): 00:30 local on 21 Nov is 23:30 UTC the day before.
        let sale = utc("2026-11-20T23:30:00Z");
        assert_eq!(day_start_in(sale, &tz), utc("2026-11-20T23:00:00Z"));
        // Summer (UTC+2): 00:30 local on 2 July.
        assert_eq!(
            day_start_in(utc("2026-07-01T22:30:00Z"), &tz),
            utc("2026-07-01T22:00:00Z")
        );
        // The night summer time ends (25 Oct 2026, 03:00 CEST -> 02:00 CET): midnight was CEST.
        assert_eq!(
            day_start_in(utc("2026-10-25T12:00:00Z"), &tz),
            utc("2026-10-24T22:00:00Z")
        );
        // The night it starts (29 Mar 2026): midnight was still CET.
        assert_eq!(
            day_start_in(utc("2026-03-29T12:00:00Z"), &tz),
            utc("2026-03-28T23:00:00Z")
        );
    }
}
