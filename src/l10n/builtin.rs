//! The theme's own words, built into the binary: the messages its templates use (skip link,
//! search, navigation, contents, pagination, notices, the draft notice, edit link, the labels
//! of callouts written as GitHub alerts) in every language `polydocs init` has starter text
//! for — the starter's `ui.ftl` files themselves. A site's `locales/`
//! override them message by message; a message the site does not write comes from here, so
//! that a site written for an older theme, or with no `locales/` at all, still builds when
//! the theme gains a word. Built-in words are not the site's: `status` does not count them and
//! no check calls them unused.

use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentResource;

/// The starter languages' words: the folder's code, and the file.
const WORDS: [(&str, &str); 7] = [
    ("en", include_str!("../cmd/init/starter/en/ui.ftl")),
    ("fr", include_str!("../cmd/init/starter/fr/ui.ftl")),
    ("de", include_str!("../cmd/init/starter/de/ui.ftl")),
    ("es", include_str!("../cmd/init/starter/es/ui.ftl")),
    ("ar", include_str!("../cmd/init/starter/ar/ui.ftl")),
    ("zh-TW", include_str!("../cmd/init/starter/zh-TW/ui.ftl")),
    ("ja", include_str!("../cmd/init/starter/ja/ui.ftl")),
];

/// The built-in words of the language of BCP 47 tag `tag` (`fr-CA` has French's; Chinese
/// written in traditional characters has `zh-TW`'s), if the theme has them.
pub(crate) fn messages_for(tag: &str) -> Option<Arc<FluentResource>> {
    let at = index_of(tag)?;
    static PARSED: OnceLock<Vec<Arc<FluentResource>>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        WORDS
            .iter()
            .map(|(_, text)| {
                // The starter files are checked by the tests: a syntax error would be a bug of
                // the theme, and the entries that parse are kept.
                Arc::new(FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r))
            })
            .collect()
    });
    parsed.get(at).cloned()
}

/// The English words, which stand in for a default language the theme has no words in.
pub(crate) fn english() -> Arc<FluentResource> {
    messages_for("en").expect("English words are built in")
}

fn index_of(tag: &str) -> Option<usize> {
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let language = subtags.next()?;
    let code = match language {
        "zh" => {
            let rest: Vec<&str> = subtags.collect();
            let traditional = rest
                .iter()
                .any(|s| matches!(*s, "hant" | "tw" | "hk" | "mo"));
            traditional.then_some("zh-TW")?
        }
        other => other,
    };
    WORDS.iter().position(|(c, _)| c.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_find_their_words_by_tag() {
        assert_eq!(index_of("fr-CA"), index_of("fr"));
        assert_eq!(index_of("zh-Hant-TW"), index_of("zh-TW"));
        assert_eq!(index_of("zh-HK"), index_of("zh-TW"));
        assert_eq!(index_of("zh-CN"), None);
        assert_eq!(index_of("ko"), None);
    }

    #[test]
    fn every_file_parses_and_defines_the_theme_words() {
        for (code, text) in WORDS {
            let resource = FluentResource::try_new(text.to_string());
            assert!(resource.is_ok(), "{code}: the built-in words do not parse");
        }
        let en = english();
        let ids: Vec<&str> = en
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect();
        for id in ["skip-link", "search-label", "search-more", "toc-label"] {
            assert!(ids.contains(&id), "{id}");
        }
    }
}
