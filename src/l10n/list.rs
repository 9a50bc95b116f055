//! Lists of names as each language writes them: CLDR list patterns ("A, B and C", "A, B et C",
//! "A、B和C"), from ICU4X compiled data, never ", " everywhere.

use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale::Locale;

/// `items` joined with the "and" list pattern of the language `tag` (the root patterns for a
/// tag CLDR does not know). The items are inserted as they are: HTML stays HTML, as CLDR's
/// list patterns hold no markup characters.
pub(crate) fn join<S: AsRef<str>>(tag: &str, items: &[S]) -> String {
    let locale: Locale = tag.parse().unwrap_or(Locale::UNKNOWN);
    let options = ListFormatterOptions::default().with_length(ListLength::Wide);
    let formatter = ListFormatter::try_new_and((&locale).into(), options)
        .or_else(|_| ListFormatter::try_new_and(Locale::UNKNOWN.into(), options));
    match formatter {
        Ok(f) => f.format_to_string(items.iter().map(AsRef::as_ref)),
        Err(_) => items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn lists_follow_each_language() {
        let two = ["Premier", "Elite"];
        let three = ["A", "B", "C"];
        assert_eq!(join("en", &three), "A, B, and C");
        assert_eq!(join("en", &two), "Premier and Elite");
        assert_eq!(join("fr", &two), "Premier et Elite");
        assert_eq!(join("de", &two), "Premier und Elite");
        assert_eq!(join("zh-Hant-TW", &three), "A、B和C");
        assert_eq!(join("en", &["Only"]), "Only");
    }
}
