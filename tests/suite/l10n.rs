//! Plurals, coverage words and times of day through the library, with the shipped locales.

use polydocs::config::{self, SiteConfig};
use polydocs::l10n::Locales;
use polydocs::plan::{Duration, TimeOfDay};
use polydocs::source::SourceFile;

/// The shipped site's configuration and strings (read only; nothing is written).
fn shipped() -> (SiteConfig, Locales) {
    let root = crate::common::shipped_root();
    let src = SourceFile::read(&root, &root.join("site.yaml")).expect("site.yaml is readable");
    let cfg = config::parse(&src).expect("site.yaml is valid");
    let (locales, diags) = Locales::load(&root, &cfg);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the shipped locales load cleanly: {errors:#?}"
    );
    (cfg, locales)
}

fn lang(cfg: &SiteConfig, code: &str) -> usize {
    cfg.language_index(code)
        .unwrap_or_else(|| panic!("no language {code}"))
}

/// A duration written as in response-targets.yaml, formatted for a language.
fn duration(locales: &Locales, l: usize, text: &str) -> String {
    let d = Duration::parse(text).unwrap();
    locales
        .format_count(l, d.unit.message_id(), d.amount)
        .unwrap()
}

fn time(locales: &Locales, l: usize, text: &str) -> String {
    let t = TimeOfDay::parse(text).unwrap();
    crate::common::normalize_spaces(&locales.format_time(l, t).unwrap())
}

#[test]
fn durations_take_the_plural_of_each_language() {
    let (cfg, locales) = shipped();
    let (en, fr, zh) = (lang(&cfg, "en"), lang(&cfg, "fr"), lang(&cfg, "zh-TW"));

    assert_eq!(duration(&locales, en, "1 h"), "1 hour");
    assert_eq!(duration(&locales, en, "4 h"), "4 hours");
    assert_eq!(duration(&locales, en, "1 day"), "1 day");
    assert_eq!(duration(&locales, en, "3 days"), "3 days");
    assert_eq!(duration(&locales, en, "1 min"), "1 minute");
    assert_eq!(duration(&locales, en, "15 min"), "15 minutes");

    // French joins the number and its unit with a no-break space.
    assert_eq!(duration(&locales, fr, "1 h"), "1\u{a0}heure");
    assert_eq!(duration(&locales, fr, "4 h"), "4\u{a0}heures");
    assert_eq!(duration(&locales, fr, "1 day"), "1\u{a0}jour");
    assert_eq!(duration(&locales, fr, "3 days"), "3\u{a0}jours");
    assert_eq!(duration(&locales, fr, "30 min"), "30\u{a0}minutes");

    assert_eq!(duration(&locales, zh, "1 h"), "1 小時");
    assert_eq!(duration(&locales, zh, "4 h"), "4 小時");
    assert_eq!(duration(&locales, zh, "3 days"), "3 天");
    assert_eq!(duration(&locales, zh, "15 min"), "15 分鐘");
}

#[test]
fn french_coverage_agrees_with_its_count() {
    let (cfg, locales) = shipped();
    let fr = lang(&cfg, "fr");
    assert_eq!(
        locales
            .format_count(fr, "coverage-business-days", 1)
            .unwrap(),
        "Jour ouvrable"
    );
    assert_eq!(
        locales
            .format_count(fr, "coverage-business-days", 3)
            .unwrap(),
        "Jours ouvrables"
    );
    let en = lang(&cfg, "en");
    assert_eq!(
        locales.format_count(en, "coverage-24x7", 1).unwrap(),
        "24x7"
    );
}

#[test]
fn times_of_day_in_each_language() {
    let (cfg, locales) = shipped();
    let (en, fr, zh) = (lang(&cfg, "en"), lang(&cfg, "fr"), lang(&cfg, "zh-TW"));

    // English: CLDR's pattern (ICU may put a narrow no-break space before AM/PM).
    assert_eq!(time(&locales, en, "06:00"), "6:00 AM");
    assert_eq!(time(&locales, en, "17:30"), "5:30 PM");
    assert_eq!(time(&locales, en, "09:00"), "9:00 AM");
    assert_eq!(time(&locales, en, "12:00"), "12:00 PM");

    // French: the translators' `time-of-day` message overrides CLDR.
    assert_eq!(time(&locales, fr, "06:00"), "6 h 00");
    assert_eq!(time(&locales, fr, "17:30"), "17 h 30");
    assert_eq!(time(&locales, fr, "09:05"), "9 h 05");
    // Its spaces are no-break spaces, so that a time never breaks across lines.
    let raw = locales.format_time(fr, TimeOfDay::parse("06:00").unwrap());
    assert_eq!(raw.unwrap(), "6\u{a0}h\u{a0}00");

    // Traditional Chinese: period first, 12-hour clock, "點" on the hour (as the published
    // Business support page writes "上午 6 點 - 下午 5:30").
    assert_eq!(time(&locales, zh, "06:00"), "上午 6 點");
    assert_eq!(time(&locales, zh, "17:30"), "下午 5:30");
    assert_eq!(time(&locales, zh, "12:00"), "下午 12 點");
    assert_eq!(time(&locales, zh, "00:30"), "上午 12:30");
}

#[test]
fn response_target_joins_coverage_and_duration() {
    let (cfg, locales) = shipped();
    let en = lang(&cfg, "en");
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("coverage", "24x7");
    args.set("duration", "1 hour");
    assert_eq!(
        locales.format(en, "response-target", Some(&args)).unwrap(),
        "24x7 / 1 hour"
    );
}
