//! Words to index terms, the same way for pages at build time and (in `static/search-client.js`) for
//! the visitor's query: lowercase, accents folded; Snowball stems for the languages that have
//! a stemmer; Chinese and Japanese cut into words by ICU4X's word segmenter.

use std::sync::OnceLock;

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;
use rust_stemmers::{Algorithm, Stemmer};

/// How a language's text becomes terms.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    /// Chinese and Japanese: no spaces between words, a segmenter finds them.
    segment: bool,
    /// Which cache of terms this analyzer uses: one per way of analyzing.
    kind: usize,
}

/// How many ways of analyzing there are (stemmers, none, segmented), for the caches.
const KINDS: usize = 20;

thread_local! {
    /// Words already analyzed by this thread, by kind of analyzer: a site's vocabulary is
    /// small next to its text, and stemming and folding each word every time took more time
    /// than the rest of the index.
    static TERMS: std::cell::RefCell<Vec<Cache>> =
        std::cell::RefCell::new(vec![Cache::default(); KINDS]);
}

/// A word as written → its term (none for a word left out).
type Cache = super::WordMap<Option<Box<str>>>;

/// A cache kept from growing without bound on a site of many distinct words.
const MAX_CACHED: usize = 200_000;

impl Analyzer {
    /// The analyzer for a BCP 47 tag (`en`, `fr-CA`, `zh-TW`).
    pub fn for_tag(tag: &str) -> Analyzer {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let algorithm = match primary.as_str() {
            "ar" => Some(Algorithm::Arabic),
            "da" => Some(Algorithm::Danish),
            "de" => Some(Algorithm::German),
            "el" => Some(Algorithm::Greek),
            "en" => Some(Algorithm::English),
            "es" => Some(Algorithm::Spanish),
            "fi" => Some(Algorithm::Finnish),
            "fr" => Some(Algorithm::French),
            "hu" => Some(Algorithm::Hungarian),
            "it" => Some(Algorithm::Italian),
            "nl" => Some(Algorithm::Dutch),
            "no" | "nb" | "nn" => Some(Algorithm::Norwegian),
            "pt" => Some(Algorithm::Portuguese),
            "ro" => Some(Algorithm::Romanian),
            "ru" => Some(Algorithm::Russian),
            "sv" => Some(Algorithm::Swedish),
            "ta" => Some(Algorithm::Tamil),
            "tr" => Some(Algorithm::Turkish),
            _ => None,
        };
        let segment = matches!(primary.as_str(), "zh" | "ja");
        let kind = match (segment, algorithm) {
            (true, _) => 0,
            (false, None) => 1,
            (false, Some(a)) => 2 + a as usize,
        };
        Analyzer {
            stemmer: algorithm.map(Stemmer::create),
            segment,
            kind: kind.min(KINDS - 1),
        }
    }

    /// Whether the language is written without spaces (the client then matches by the
    /// index's own words, see `static/search-client.js`).
    pub fn segments(&self) -> bool {
        self.segment
    }

    /// The terms of `text`, in order, repeats kept.
    pub fn terms(&self, text: &str, mut each: impl FnMut(&str)) {
        TERMS.with(|cache| {
            let mut caches = cache.borrow_mut();
            let cache = &mut caches[self.kind];
            if cache.len() > MAX_CACHED {
                cache.clear();
            }
            let mut one = |word: &str| {
                if word.is_empty() {
                    return;
                }
                if let Some(term) = cache.get(word) {
                    if let Some(term) = term {
                        each(term);
                    }
                    return;
                }
                let term = self.word(word).map(String::into_boxed_str);
                if let Some(term) = &term {
                    each(term);
                }
                cache.insert(word.into(), term);
            };
            if self.segment {
                let mut start = 0;
                let mut words = segmenter().segment_str(text);
                while let Some(end) = words.next() {
                    if end > start && words.is_word_like() {
                        one(&text[start..end]);
                    }
                    start = end;
                }
            } else {
                for word in text.split(|c: char| !c.is_alphanumeric()) {
                    one(word);
                }
            }
        });
    }

    /// One word: lowercase, stemmed, folded; words of one letter (or one digit) are left
    /// out, except ideographs (a Chinese word of one character is a word).
    fn word(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let mut chars = lower.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return None,
            (Some(c), None) if !is_ideograph(c) => return None,
            _ => {}
        }
        let stemmed = match &self.stemmer {
            Some(stemmer) if lower.chars().all(|c| c.is_alphabetic()) => {
                stemmer.stem(&lower).into_owned()
            }
            _ => lower,
        };
        Some(fold(&stemmed))
    }
}

/// Lowercase text without its accents: decomposed (NFD), combining marks U+0300–U+036F
/// removed, `œ` and `æ` spelled out. `static/search-client.js` does the same to the query.
pub fn fold(text: &str) -> String {
    let nfd = DecomposingNormalizerBorrowed::new_nfd();
    let mut out = String::with_capacity(text.len());
    for c in nfd.normalize_iter(text.chars()) {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// CJK ideographs (the unified blocks and their extensions, compatibility ideographs).
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{3040}'..='\u{30ff}' | '\u{20000}'..='\u{3134f}')
}

/// The word segmenter, loaded once (its dictionaries are compiled in).
fn segmenter() -> &'static icu_segmenter::WordSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<icu_segmenter::WordSegmenterBorrowed<'static>> = OnceLock::new();
    SEGMENTER.get_or_init(|| WordSegmenter::new_auto(WordBreakInvariantOptions::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(tag: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Analyzer::for_tag(tag).terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn french_is_stemmed_then_folded() {
        assert_eq!(terms("fr", "Délais généraux"), terms("fr", "delai general"));
        assert_eq!(terms("fr", "Téléphone"), ["telephon"]);
    }

    #[test]
    fn english_is_stemmed() {
        assert_eq!(terms("en", "Accounts running"), ["account", "run"]);
        assert_eq!(terms("en", "a I x"), Vec::<String>::new());
    }

    #[test]
    fn chinese_is_cut_into_words() {
        let words = terms("zh-TW", "我們提供技術支援服務");
        assert!(words.len() >= 3, "{words:?}");
        assert!(words.iter().any(|w| w == "支援"), "{words:?}");
        assert_eq!(terms("zh-TW", "API 服務"), ["api", "服務"]);
    }
}
