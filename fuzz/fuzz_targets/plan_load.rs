//! The whole plan loader (`polydocs::plan::load`: YAML, then the resolver that checks IDs,
//! tiers, durations, times, URLs and icons) on a site whose data files are the shipped ones
//! except one: the first byte picks which (`'0'` tiers ... `'5'` regions, as in `plan_yaml`),
//! the rest replaces it.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polydocs::plan;
use polydocs::source::SourceFile;

const SHIPPED: [(&str, &str); 6] = [
    (plan::TIERS_FILE, include_str!("../../content/tiers.yaml")),
    (
        plan::COMPARISON_FILE,
        include_str!("../../content/comparison.yaml"),
    ),
    (
        plan::RESPONSE_TARGETS_FILE,
        include_str!("../../content/response-targets.yaml"),
    ),
    (
        plan::CHANNELS_FILE,
        include_str!("../../content/channels.yaml"),
    ),
    (
        plan::RESOURCES_FILE,
        include_str!("../../content/resources.yaml"),
    ),
    (
        plan::REGIONS_FILE,
        include_str!("../../content/regions.yaml"),
    ),
];

const ICONS: [&str; 6] = ["chat", "forums", "journeys", "phone", "portal", "webinar"];

/// A site folder of this process (in memory when /dev/shm exists), with the shipped data.
fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = common::scratch_site("plan_load");
        std::fs::create_dir_all(root.join("static/icons")).unwrap();
        std::fs::create_dir_all(root.join("content")).unwrap();
        for (file, text) in SHIPPED {
            std::fs::write(root.join(file), text).unwrap();
        }
        for icon in ICONS {
            std::fs::write(root.join(format!("static/icons/{icon}.svg")), "<svg/>").unwrap();
        }
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let root = root();
    let (file, shipped) = SHIPPED[usize::from(which) % 6];
    std::fs::write(root.join(file), text).unwrap();
    let (plan, diags) = plan::load(&plan::Context {
        root,
        language_codes: vec!["en", "fr", "zh-TW"],
    });
    std::fs::write(root.join(file), shipped).unwrap();
    let src = SourceFile::from_text(file, text);
    common::check_all(&diags, Some(&src));
    if let Some(plan) = plan {
        assert!(!diags.iter().any(|d| d.is_error()));
        let _ = plan.message_refs();
        for r in &plan.resources {
            for url in r.urls.values().chain(r.url.as_ref()) {
                assert!(plan::is_safe_url(url), "unsafe URL {url:?} accepted");
            }
        }
    }
});
