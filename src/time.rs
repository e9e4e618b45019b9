//! Calendar dates and times as the gateways write them, without a date library:
//! `yyyy-MM-dd HH:mm:ss` (TOP, in GMT+8) and `yyyy-MM-dd`.

use crate::decimal::push_decimal;

/// A wall-clock date and time. Field order makes the derived `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

const CHINA_STANDARD_TIME_OFFSET_MS: i64 = 8 * 3600 * 1000;
const MS_PER_DAY: i64 = 86_400_000;

impl DateTime {
    /// The wall-clock time in GMT+8 (China Standard Time, no daylight saving) at `epoch_ms`,
    /// whatever the host's time zone.
    pub fn gmt8_from_epoch_ms(epoch_ms: i64) -> DateTime {
        let local = epoch_ms + CHINA_STANDARD_TIME_OFFSET_MS;
        let days = local.div_euclid(MS_PER_DAY);
        let ms_of_day = local.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let secs = (ms_of_day / 1000) as u32;
        DateTime { year, month, day, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60 }
    }

    /// Parses `yyyy-MM-dd HH:mm:ss` exactly (two-digit fields, one space) and checks the calendar.
    pub fn parse(text: &str) -> Option<DateTime> {
        let b = text.as_bytes();
        if b.len() != 19 || b.get(10) != Some(&b' ') || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
            return None;
        }
        let (year, month, day) = parse_date(text.get(..10)?)?;
        let hour = digits(b.get(11..13)?)?;
        let minute = digits(b.get(14..16)?)?;
        let second = digits(b.get(17..19)?)?;
        (hour < 24 && minute < 60 && second < 60).then_some(DateTime { year, month, day, hour, minute, second })
    }

    /// `yyyy-MM-dd HH:mm:ss`
    pub fn format(&self) -> String {
        let Some(year) = u32::try_from(self.year).ok().filter(|y| *y <= 9999) else {
            // Not a four-digit year: the gateways never see one (their readers keep 1000..=9999).
            return format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                self.year, self.month, self.day, self.hour, self.minute, self.second
            );
        };
        // Without the formatter: this runs for every TOP request (see `decimal`).
        let mut out = String::with_capacity(19);
        let parts =
            [(year, 4, "-"), (self.month, 2, "-"), (self.day, 2, " "), (self.hour, 2, ":"), (self.minute, 2, ":")];
        for (value, width, then) in parts {
            push_decimal(&mut out, u64::from(value), width);
            out.push_str(then);
        }
        push_decimal(&mut out, u64::from(self.second), 2);
        out
    }
}

/// Parses `yyyy-MM-dd` exactly and checks that the day exists in that month.
pub fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(b.get(0..4)?)?;
    let month = digits(b.get(5..7)?)?;
    let day = digits(b.get(8..10)?)?;
    let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year as i64, month);
    valid.then_some((year as i64, month, day))
}

/// The value of two or four ASCII digits (`None` if any byte is not one). By hand, not `parse`:
/// every date-time field of every order comes through here.
fn digits(text: &[u8]) -> Option<u32> {
    text.iter().try_fold(0, |value: u32, &b| b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0')))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a proleptic Gregorian date.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_epoch_in_gmt8() {
        // 2018-01-25T08:40:12Z is 16:40:12 in Beijing.
        assert_eq!(DateTime::gmt8_from_epoch_ms(1_516_869_612_000).format(), "2018-01-25 16:40:12");
        // 16:00Z crosses midnight in GMT+8.
        assert_eq!(DateTime::gmt8_from_epoch_ms(1_709_222_400_000).format(), "2024-03-01 00:00:00");
        assert_eq!(DateTime::gmt8_from_epoch_ms(0).format(), "1970-01-01 08:00:00");
        assert_eq!(DateTime::gmt8_from_epoch_ms(-28_800_001).format(), "1969-12-31 23:59:59");
        // Years outside four digits keep `{:04}`'s form.
        let at = |year| DateTime { year, month: 2, day: 3, hour: 4, minute: 5, second: 6 }.format();
        assert_eq!(
            (at(7).as_str(), at(-7).as_str(), at(12345).as_str()),
            ("0007-02-03 04:05:06", "-007-02-03 04:05:06", "12345-02-03 04:05:06")
        );
    }

    #[test]
    fn parses_only_real_calendar_times() {
        assert!(DateTime::parse("2024-02-29 23:59:59").is_some());
        for bad in [
            "2019-02-29 10:00:00",
            "2019-02-30 10:00:00",
            "2019-13-01 10:00:00",
            "2019-04-31 10:00:00",
            "2019-01-01 24:00:00",
            "2019-01-01 10:60:00",
            "2019-1-01 10:00:00",
            "2019-01-01T10:00:00",
            "2019-01-01 10:00:00 ",
            "2019-01-0１ 10:00:00",
            "+019-01-01 10:00:00",
            "2019-01-01 1+:00:00",
            "2019-0a-01 10:00:00",
            "2019-01-01 10:00:5/",
            "1900-02-29 00:00:00",
        ] {
            assert!(DateTime::parse(bad).is_none(), "{bad}");
        }
        assert!(DateTime::parse("2000-02-29 00:00:00").is_some());
    }

    #[test]
    fn orders_chronologically() {
        let a = DateTime::parse("2018-01-25 17:00:00");
        let b = DateTime::parse("2018-01-25 17:00:01");
        assert!(a < b);
    }

    #[test]
    fn civil_round_trip_over_four_centuries() {
        let mut expected = (1970_i64, 1_u32, 1_u32);
        for days in 0..146_097 {
            assert_eq!(civil_from_days(days), expected);
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }
}
