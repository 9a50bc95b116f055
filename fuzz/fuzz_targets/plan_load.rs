//! The whole plan resolver (`polydocs::plan::resolve`: YAML, then the checks of IDs, tiers,
//! durations, times, URLs and icons) on the shipped data files with one replaced: the first
//! byte picks which (`'0'` tiers ... `'5'` regions, as in `plan_yaml`), the rest replaces it.
//! Everything happens in memory: the resolver reads no file.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use polydocs::plan;
use polydocs::source::SourceFile;

const SHIPPED: [&str; 6] = [
    include_str!("../../content/tiers.yaml"),
    include_str!("../../content/comparison.yaml"),
    include_str!("../../content/response-targets.yaml"),
    include_str!("../../content/channels.yaml"),
    include_str!("../../content/resources.yaml"),
    include_str!("../../content/regions.yaml"),
];

const ICONS: [&str; 6] = ["chat", "forums", "journeys", "phone", "portal", "webinar"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let which = usize::from(which) % 6;
    let file = |i: usize| {
        let text = if i == which { text } else { SHIPPED[i] };
        Some(SourceFile::from_text(plan::FILES[i], text))
    };
    let sources = plan::PlanSources {
        tiers: file(0),
        comparison: file(1),
        response_targets: file(2),
        channels: file(3),
        resources: file(4),
        regions: file(5),
    };
    let ctx = plan::Context {
        language_codes: vec!["en", "fr", "zh-TW"],
        icons: ICONS.iter().map(|s| s.to_string()).collect(),
    };
    let (plan::Resolved { plan, .. }, diags) = plan::resolve(&sources, &ctx);
    let src = SourceFile::from_text(plan::FILES[which], text);
    common::check_all(&diags, Some(&src));
    if let Some(plan) = plan {
        assert!(!diags.iter().any(|d| d.is_error()));
        let _ = plan.message_refs();
        for r in &plan.resources {
            for url in r.urls.values().chain(r.url.as_ref()) {
                assert!(plan::is_safe_url(url), "unsafe URL {url:?} accepted");
            }
        }
        for c in &plan.channels {
            assert!(
                ICONS.contains(&c.icon.as_str()),
                "icon {:?} accepted",
                c.icon
            );
        }
    }
});
