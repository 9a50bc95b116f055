//! What `polydocs check` does with a translator's Fluent file: a small site (English strings as
//! shipped) whose `locales/fr/x.ftl` is the input, loaded with `Locales::load` (through
//! `site::load_partial`), indexed, and checked by every check `polydocs check` runs.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polydocs::source::SourceFile;

const FILE: &str = "locales/fr/x.ftl";

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = common::scratch_site("fluent_check");
        for dir in ["locales/en", "locales/fr", "templates", "content/en"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        let files = [
            (
                "site.yaml",
                "base_url: /\ndefault_language: en\nlanguages:\n  - {code: en, tag: en, name: English}\n  - {code: fr, tag: fr, name: Français}\n",
            ),
            ("locales/en/ui.ftl", include_str!("../../locales/en/ui.ftl")),
            ("locales/en/plan.ftl", include_str!("../../locales/en/plan.ftl")),
            (
                "templates/home.html",
                "<title>{{ t(id=\"site-title\") }}</title><p>{{ t(id=\"footer-note\") }}</p>",
            ),
            ("content/en/_index.md", "---\ntitle: Home\n---\nHello.\n"),
        ];
        for (file, text) in files {
            std::fs::write(root.join(file), text).unwrap();
        }
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let root = root();
    std::fs::write(root.join(FILE), text).unwrap();
    let src = SourceFile::from_text(FILE, text);
    let (site, report) = polydocs::site::load_partial(root, &Default::default());
    common::check_all(&report.diagnostics, Some(&src));
    if let Some(site) = site {
        let index = polydocs::index::Index::build(&site.config, &site.pages);
        let findings = polydocs::check::check(&site, &index, Default::default());
        common::check_all(&findings, Some(&src));
    }
});
