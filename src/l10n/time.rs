//! Times of day, written the way each language writes them.
//!
//! By default the CLDR pattern of the language's tag (ICU4X compiled data): "6:00 AM" in
//! English, "06:00" in French. A translator who wants another convention — the French page
//! writes "6 h 00" — defines the optional message `time-of-day` in the language's `.ftl`,
//! and it wins over CLDR for that language only.

use fluent_bundle::FluentArgs;
use icu_datetime::NoCalendarFormatter;
use icu_datetime::fieldsets::T;
use icu_locale::Locale;

use super::{FormatError, Locales};
use crate::plan::TimeOfDay;

/// The optional message that overrides the CLDR pattern.
/// Variables: `$hour` (0–23), `$hour12` (1–12), `$minute` ("00"–"59"), `$period` ("am" or "pm"),
/// `$oclock` ("yes" on the hour, else "no": "上午 6 點" but "下午 5:30").
pub(crate) const OVERRIDE_ID: &str = "time-of-day";

/// How one language writes times. The ICU formatter is built when used: it is not `Sync`,
/// and a site formats only a handful of times per language.
pub enum TimeFormat {
    Cldr(Locale),
    Fluent,
}

impl TimeFormat {
    pub(crate) fn new(tag: &str, overridden: bool) -> TimeFormat {
        if overridden {
            return TimeFormat::Fluent;
        }
        TimeFormat::Cldr(tag.parse().unwrap_or(Locale::UNKNOWN))
    }

    /// A formatter for many times in a row (the ICU one is built once for them all).
    pub(crate) fn formatter<'a>(&self, locales: &'a Locales, lang: usize) -> TimeFormatter<'a> {
        match self {
            TimeFormat::Cldr(locale) => {
                let formatter = NoCalendarFormatter::try_new(locale.clone().into(), T::hm())
                    .or_else(|_| NoCalendarFormatter::try_new(Locale::UNKNOWN.into(), T::hm()))
                    .expect("ICU4X compiled data always has the root locale's time pattern");
                TimeFormatter::Cldr(Box::new(formatter))
            }
            TimeFormat::Fluent => TimeFormatter::Fluent(locales, lang),
        }
    }
}

/// Formats times of day for one language; not `Sync`, made where it is used.
pub(crate) enum TimeFormatter<'a> {
    Cldr(Box<NoCalendarFormatter<T>>),
    Fluent(&'a Locales, usize),
}

impl TimeFormatter<'_> {
    pub(crate) fn format(&self, time: TimeOfDay) -> Result<String, FormatError> {
        match self {
            TimeFormatter::Cldr(formatter) => {
                // ICU has no 24:00; a closing time of midnight is written as 00:00.
                let t = icu_time::Time::try_new(time.hour % 24, time.minute, 0, 0)
                    .expect("TimeOfDay is validated to 00:00–24:00");
                Ok(formatter.format(&t).to_string())
            }
            TimeFormatter::Fluent(locales, lang) => {
                let mut args = FluentArgs::new();
                let hour12 = match time.hour % 12 {
                    0 => 12,
                    h => h,
                };
                args.set("hour", time.hour);
                args.set("hour12", hour12);
                args.set("minute", format!("{:02}", time.minute));
                args.set("oclock", if time.minute == 0 { "yes" } else { "no" });
                args.set("period", if time.hour % 24 < 12 { "am" } else { "pm" });
                locales.format(*lang, OVERRIDE_ID, Some(&args))
            }
        }
    }
}
