//! `site.yaml`: `polydocs::config::parse` on any text must return a config or positioned errors.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use polydocs::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let src = SourceFile::from_text("site.yaml", text);
    match polydocs::config::parse(&src) {
        Ok(mut config) => {
            let default = config.default_language().code.clone();
            assert_eq!(config.language_index(&default), Some(config.default));
            assert!(config.base_url.ends_with('/'));
            for lang in &config.languages {
                assert_eq!(
                    lang.chain.first(),
                    Some(&config.language_index(&lang.code).unwrap())
                );
                assert!(lang.chain.contains(&config.default));
                assert!(
                    !lang.prefix.is_empty()
                        && lang
                            .prefix
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "prefix {:?}",
                    lang.prefix
                );
            }
            polydocs::l10n::pseudo::add_language(&mut config);
        }
        Err(ds) => {
            assert!(!ds.is_empty());
            common::check_all(&ds, Some(&src));
        }
    }
});
