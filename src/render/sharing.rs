//! What link previews and browsers read in a page's head, beyond the page itself: the
//! Open Graph locale of each language (`fr_FR`, `zh_TW`), which the `head-meta.html`
//! partial writes as `og:locale` and `og:locale:alternate`.

use std::collections::BTreeMap;

use icu_locale::LanguageIdentifier;
use icu_locale::LocaleExpander;

use crate::config::Language;

/// The Open Graph form of a BCP 47 tag: language and territory joined by `_`, the territory
/// being the most likely one when the tag names none (`fr` → `fr_FR`, `en` → `en_US`,
/// `zh-Hant-TW` → `zh_TW`); the language alone when no territory is likely.
pub(crate) fn og_locale(tag: &str) -> String {
    let Ok(mut id) = tag.parse::<LanguageIdentifier>() else {
        return tag.replace('-', "_");
    };
    LocaleExpander::new_common().maximize(&mut id);
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
}

/// Each language's tag with its Open Graph locale, for templates: `og_locales[alt.hreflang]`.
pub(crate) fn og_locales(languages: &[Language]) -> BTreeMap<String, String> {
    languages
        .iter()
        .map(|l| (l.tag.clone(), og_locale(&l.tag)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::og_locale;

    #[test]
    fn tags_take_the_open_graph_form() {
        assert_eq!(og_locale("fr"), "fr_FR");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("zh-Hant-TW"), "zh_TW");
        assert_eq!(og_locale("zh-Hant"), "zh_TW");
        assert_eq!(og_locale("pt-BR"), "pt_BR");
    }
}
