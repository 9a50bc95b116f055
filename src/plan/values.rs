//! The language-neutral values of plan data: coverage windows, durations and times of day.
//!
//! They are written in YAML in one fixed, readable notation (`24x5`, `4 h`, `17:30`) and
//! parsed here; turning them into words is the localizer's job, never the data's.

use std::fmt;

/// When a tier's support is staffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    /// Around the clock, every day of the year.
    AllWeek,
    /// Around the clock, Monday to Friday.
    Weekdays,
    /// The region's business hours.
    BusinessHours,
    /// The region's business days.
    BusinessDays,
}

impl Coverage {
    pub(crate) const ALL: [Coverage; 4] = [
        Coverage::AllWeek,
        Coverage::Weekdays,
        Coverage::BusinessHours,
        Coverage::BusinessDays,
    ];

    /// The notation used in YAML.
    pub(crate) fn keyword(self) -> &'static str {
        match self {
            Coverage::AllWeek => "24x7",
            Coverage::Weekdays => "24x5",
            Coverage::BusinessHours => "business-hours",
            Coverage::BusinessDays => "business-days",
        }
    }

    /// The Fluent message that names the window.
    pub(crate) fn message_id(self) -> &'static str {
        match self {
            Coverage::AllWeek => "coverage-24x7",
            Coverage::Weekdays => "coverage-24x5",
            Coverage::BusinessHours => "coverage-business-hours",
            Coverage::BusinessDays => "coverage-business-days",
        }
    }

    pub fn parse(word: &str) -> Option<Coverage> {
        Coverage::ALL.into_iter().find(|c| c.keyword() == word)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
}

impl DurationUnit {
    /// The Fluent message that formats an amount of this unit (with CLDR plurals).
    pub fn message_id(self) -> &'static str {
        match self {
            DurationUnit::Minutes => "duration-minutes",
            DurationUnit::Hours => "duration-hours",
            DurationUnit::Days => "duration-days",
        }
    }
}

/// A span of time such as "30 min" or "3 days", kept in the unit it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub amount: u32,
    pub unit: DurationUnit,
}

impl Duration {
    /// Parses `15 min`, `4 h`, `1 hour`, `3 days` (the space is optional).
    pub fn parse(text: &str) -> Result<Duration, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let amount: u32 = number
            .parse()
            .map_err(|_| format!("`{text}` does not start with a whole number"))?;
        if amount == 0 {
            return Err(format!(
                "`{text}` is zero; a response target must be positive"
            ));
        }
        let unit = match unit.trim() {
            "min" | "mins" | "minute" | "minutes" => DurationUnit::Minutes,
            "h" | "hour" | "hours" => DurationUnit::Hours,
            "d" | "day" | "days" => DurationUnit::Days,
            other => return Err(format!("unknown unit `{other}`")),
        };
        Ok(Duration { amount, unit })
    }

    /// Length in minutes, for comparing targets (a day counts as 24 hours).
    #[cfg(test)]
    pub(crate) fn minutes(self) -> u64 {
        let per = match self.unit {
            DurationUnit::Minutes => 1,
            DurationUnit::Hours => 60,
            DurationUnit::Days => 24 * 60,
        };
        u64::from(self.amount) * per
    }
}

/// A local time of day, from `00:00` to `24:00` (a closing time may be midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay {
    pub(crate) hour: u8,
    pub(crate) minute: u8,
}

impl TimeOfDay {
    /// Parses `HH:MM` on a 24-hour clock.
    pub fn parse(text: &str) -> Result<TimeOfDay, String> {
        let (h, m) = text
            .split_once(':')
            .ok_or_else(|| format!("`{text}` is not a time written as HH:MM"))?;
        let digits = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit());
        if !(digits(h) || (h.len() == 1 && digits(&format!("0{h}")))) || !digits(m) {
            return Err(format!("`{text}` is not a time written as HH:MM"));
        }
        let hour: u8 = h
            .parse()
            .map_err(|_| format!("`{text}` has no valid hour"))?;
        let minute: u8 = m
            .parse()
            .map_err(|_| format!("`{text}` has no valid minute"))?;
        if minute > 59 || hour > 24 || (hour == 24 && minute != 0) {
            return Err(format!("`{text}` is not a time of day (00:00 to 24:00)"));
        }
        Ok(TimeOfDay { hour, minute })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_their_unit() {
        assert_eq!(
            Duration::parse("15 min"),
            Ok(Duration {
                amount: 15,
                unit: DurationUnit::Minutes
            })
        );
        assert_eq!(
            Duration::parse("4h"),
            Ok(Duration {
                amount: 4,
                unit: DurationUnit::Hours
            })
        );
        assert_eq!(Duration::parse("1 day").unwrap().minutes(), 1440);
        assert!(Duration::parse("soon").is_err());
        assert!(Duration::parse("3 weeks").is_err());
        assert!(Duration::parse("0 h").is_err());
    }

    #[test]
    fn times_of_day_reject_impossible_values() {
        assert_eq!(
            TimeOfDay::parse("06:00"),
            Ok(TimeOfDay { hour: 6, minute: 0 })
        );
        assert_eq!(TimeOfDay::parse("24:00").unwrap().to_string(), "24:00");
        assert!(TimeOfDay::parse("25:00").is_err());
        assert!(TimeOfDay::parse("17:60").is_err());
        assert!(TimeOfDay::parse("5 pm").is_err());
    }

    #[test]
    fn coverage_keywords_round_trip() {
        for c in Coverage::ALL {
            assert_eq!(Coverage::parse(c.keyword()), Some(c));
        }
        assert_eq!(Coverage::parse("24x6"), None);
    }
}
