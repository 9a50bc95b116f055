//! The messages polydocs formats itself, named once: the renderer formats them, the checks
//! require them where they are needed and count them as used.
//!
//! The words of plan values come from the domain types ([`Coverage::message_id`],
//! [`DurationUnit::message_id`]), so a new coverage window or unit is required in every
//! language without anyone editing a list.

use crate::plan::{Coverage, DurationUnit};

pub(crate) const RESPONSE_TARGET: &str = "response-target";
pub(crate) const FEATURE_WITH_VALUE: &str = "feature-with-value";
pub(crate) const FEATURE_VALUE_COMPARED: &str = "feature-value-compared";
pub(crate) const HOURS_RANGE: &str = "hours-range";
/// After the link of a resource whose address leads to a page in another language
/// (`$language`: that language's code).
pub(crate) const RESOURCE_ADDRESS_LANGUAGE: &str = "resource-address-language";
pub(crate) const VALUE_INCLUDED: &str = "value-included";
pub(crate) const VALUE_NOT_INCLUDED: &str = "value-not-included";
pub(crate) const FALLBACK_NOTICE: &str = "fallback-notice";
pub(crate) const OUTDATED_NOTICE: &str = "outdated-notice";
pub(crate) const TABLE_LABEL: &str = "table-label";
/// The "Edit this page" label on a page shown from another language (`$language`: the
/// language of the file the link opens).
pub(crate) const EDIT_FALLBACK: &str = "edit-page-fallback";
pub(crate) const SITE_TITLE: &str = "site-title";
pub(crate) const NOT_FOUND_TITLE: &str = "not-found-title";
pub(crate) const LANGUAGE_CHOOSER_TITLE: &str = "language-chooser-title";
/// How a language writes a time of day, when CLDR's pattern is not what it wants.
pub(crate) const TIME_OF_DAY: &str = super::time::OVERRIDE_ID;

const DURATION_UNITS: [DurationUnit; 3] = [
    DurationUnit::Minutes,
    DurationUnit::Hours,
    DurationUnit::Days,
];

/// When a message the code formats must exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Whenever the site has plan data: it formats plan values.
    WithPlan,
    /// When some page is shown from another language.
    WhenAPageFallsBack,
    /// When some translated page is older than its source.
    WhenAPageIsOutdated,
    /// Never: polydocs has a default (an empty label, `title:` of site.yaml, CLDR's pattern).
    Optional,
}

/// Every message the code formats, with when it is needed.
pub(crate) fn formatted_by_code() -> Vec<(&'static str, Need)> {
    let mut out: Vec<(&'static str, Need)> = Coverage::ALL
        .iter()
        .map(|c| c.message_id())
        .chain(DURATION_UNITS.iter().map(|u| u.message_id()))
        .chain([
            RESPONSE_TARGET,
            FEATURE_WITH_VALUE,
            FEATURE_VALUE_COMPARED,
            HOURS_RANGE,
            RESOURCE_ADDRESS_LANGUAGE,
            VALUE_INCLUDED,
            VALUE_NOT_INCLUDED,
        ])
        .map(|id| (id, Need::WithPlan))
        .collect();
    out.push((FALLBACK_NOTICE, Need::WhenAPageFallsBack));
    out.push((OUTDATED_NOTICE, Need::WhenAPageIsOutdated));
    // Callout labels: the theme has them in its own words, English where it has none.
    out.extend(
        crate::markdown::Alert::ALL
            .iter()
            .map(|a| (a.message_id(), Need::Optional)),
    );
    out.extend(
        [
            TABLE_LABEL,
            EDIT_FALLBACK,
            SITE_TITLE,
            NOT_FOUND_TITLE,
            LANGUAGE_CHOOSER_TITLE,
            TIME_OF_DAY,
        ]
        .map(|id| (id, Need::Optional)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_word_is_required_with_plan_data() {
        let all = formatted_by_code();
        for id in [
            "coverage-24x7",
            "coverage-business-days",
            "duration-minutes",
            "duration-days",
        ] {
            assert!(all.contains(&(id, Need::WithPlan)), "{id}");
        }
        assert!(all.contains(&("time-of-day", Need::Optional)));
    }
}
