//! Words to index terms, the same way for pages at build time and (in `static/search-client.js`) for
//! the visitor's query: lowercase, accents folded; Snowball stems for the languages that have
//! a stemmer; Chinese and Japanese cut into words by ICU4X's word segmenter.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;
use rust_stemmers::{Algorithm, Stemmer};

/// How a language's text becomes terms.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    /// Chinese, Japanese, Thai, Lao, Khmer and Burmese: no spaces between words, a segmenter
    /// finds them.
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
    static VOCABULARIES: std::cell::RefCell<Vec<Vocabulary>> =
        std::cell::RefCell::new((0..KINDS).map(|_| Vocabulary::default()).collect());
}

/// The terms met by one thread with one way of analyzing, numbered, so that a page's terms
/// are counted in an array rather than in a map keyed by strings.
#[derive(Default)]
struct Vocabulary {
    /// A word as written → its terms' numbers ([`Numbers`]), for words of up to 15 bytes,
    /// most of them, packed into the key itself ([`packed`]): looking one up then compares
    /// two integers instead of following a pointer to the key's bytes.
    short_words: std::collections::HashMap<u128, Numbers, super::WordHasher>,
    /// The same for longer words.
    words: super::WordMap<Numbers>,
    /// A term → its number (several words stem to one term).
    numbers: super::WordMap<u32>,
    /// Each term, by number.
    terms: Vec<Box<str>>,
    /// The weight of each term in the document being weighed, by number (0: not in it).
    weights: Vec<u32>,
    /// The numbers of the terms of the document being weighed, in order of appearance.
    seen: Vec<u32>,
}

/// A word of up to 15 bytes as one integer: its bytes, then its length in the last byte (so
/// that `a` and `a\0` differ).
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    // Shifted in byte by byte: a copy of a variable length is a call to memcpy, for every
    // word of every page.
    let mut key = (bytes.len() as u128) << 120;
    for (i, &b) in bytes.iter().enumerate() {
        key |= u128::from(b) << (8 * i);
    }
    Some(key)
}

/// [`packed`] for a word of `text`: when 16 bytes of the text begin at the word, they are
/// read at once and the bytes past the word masked off, instead of being shifted in one by one.
fn packed_in(text: &str, word: &str) -> Option<u128> {
    let len = word.len();
    if len > 15 {
        return None;
    }
    let from = (word.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let chunk = text
        .as_bytes()
        .get(from..)
        .and_then(<[u8]>::first_chunk::<16>);
    match chunk {
        // The chunk begins where the word does: the word is this part of the text.
        Some(chunk) if std::ptr::eq(chunk.as_ptr(), word.as_ptr()) => {
            let bytes = u128::from_le_bytes(*chunk);
            let mask = (1u128 << (8 * len)) - 1;
            Some((bytes & mask) | ((len as u128) << 120))
        }
        _ => packed(word),
    }
}

/// The number of a word that makes no term.
const LEFT_OUT: u32 = u32::MAX;

/// The terms of a word: its stem's number, and the number of the word as written (folded)
/// where that differs from its stem ([`LEFT_OUT`] otherwise). Both are indexed, so that the
/// client ranks a page holding the very word typed above pages holding another form of it
/// (`unas` above the pages of `una`), and finds every other form through the stem.
#[derive(Clone, Copy)]
struct Numbers {
    stem: u32,
    written: u32,
}

const NO_TERM: Numbers = Numbers {
    stem: LEFT_OUT,
    written: LEFT_OUT,
};

/// A vocabulary kept from growing without bound on a site of many distinct words: it starts
/// again, between two documents, past this many words.
const MAX_CACHED: usize = 200_000;

impl Vocabulary {
    /// The numbers of `word`'s terms, analyzed by `analyzer` the first time it is met; `word`
    /// is a slice of `text`. Inlined into the word scan: it runs for every word of every page,
    /// and most of the time it is one lookup.
    #[inline]
    fn number(&mut self, analyzer: &Analyzer, text: &str, word: &str) -> Numbers {
        let short = packed_in(text, word);
        let known = match short {
            Some(key) => self.short_words.get(&key),
            None => self.words.get(word),
        };
        match known {
            Some(&n) => n,
            None => self.first_number(analyzer, word, short),
        }
    }

    /// The number of a word met for the first time, once analyzed (`short`: its key, if it
    /// has one).
    #[cold]
    #[inline(never)]
    fn first_number(&mut self, analyzer: &Analyzer, word: &str, short: Option<u128>) -> Numbers {
        let n = match analyzer.word(word) {
            None => NO_TERM,
            Some(term) => {
                let written = analyzer.note_ending(word, &term);
                Numbers {
                    stem: self.intern(term),
                    written: written.map_or(LEFT_OUT, |w| self.intern(w)),
                }
            }
        };
        match short {
            Some(key) => self.short_words.insert(key, n),
            None => self.words.insert(word.into(), n),
        };
        n
    }

    /// The number of a term, given on its first appearance.
    fn intern(&mut self, term: String) -> u32 {
        if let Some(&n) = self.numbers.get(term.as_str()) {
            return n;
        }
        let n = self.terms.len() as u32;
        self.numbers.insert(term.as_str().into(), n);
        self.terms.push(term.into_boxed_str());
        self.weights.push(0);
        n
    }

    fn clear_if_full(&mut self) {
        if self.words.len() + self.short_words.len() > MAX_CACHED {
            *self = Vocabulary::default();
        }
    }
}

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
        let segment = matches!(primary.as_str(), "zh" | "ja" | "th" | "lo" | "km" | "my");
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

    /// The number of this way of analyzing, which a [`super::Document`] keeps so that the
    /// index knows which [`endings`] its terms were made with.
    pub(crate) fn kind(&self) -> u8 {
        self.kind as u8
    }

    /// Remembers how the stemmer ended `word` as `term` ([`endings`]), and gives the word as
    /// written (folded) where it is not its term. Called once per word a thread meets for the
    /// first time: a site's vocabulary, not its text.
    fn note_ending(&self, word: &str, term: &str) -> Option<String> {
        self.stemmer.as_ref()?;
        let written = fold(word);
        if written == term {
            return None;
        }
        let common = common_prefix(&written, term);
        let ending = (written[common..].into(), term[common..].into());
        ENDINGS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(self.kind)
            .or_default()
            .insert(ending);
        Some(written)
    }

    /// Whether the language is written without spaces (the client then matches by the
    /// index's own words, see `static/search-client.js`).
    pub fn segments(&self) -> bool {
        self.segment
    }

    /// The terms of `text`, in order, repeats kept.
    #[cfg(test)]
    pub(crate) fn terms(&self, text: &str, mut each: impl FnMut(&str)) {
        VOCABULARIES.with(|vocabularies| {
            let vocabulary = &mut vocabularies.borrow_mut()[self.kind];
            vocabulary.clear_if_full();
            self.words(text, |word| {
                let n = vocabulary.number(self, text, word).stem;
                if n != LEFT_OUT {
                    each(&vocabulary.terms[n as usize]);
                }
            });
        });
    }

    /// The distinct terms of `texts`, each text with its weight, and each term's summed weight
    /// capped at `max` (one less than a power of two): the terms as one string, each followed by a NUL, in order of first
    /// appearance, and their weights. A weight above `max` is a mark (a power of two above
    /// `max`), set once rather than added: the title's words are marked so that a word of the
    /// title outranks any number of mentions in the text.
    pub(crate) fn weigh<'t>(
        &self,
        texts: impl IntoIterator<Item = (&'t str, u32)>,
        max: u32,
    ) -> (String, Vec<u32>) {
        VOCABULARIES.with(|vocabularies| {
            let vocabulary = &mut vocabularies.borrow_mut()[self.kind];
            vocabulary.clear_if_full();
            for (text, weight) in texts {
                self.words(text, |word| {
                    let numbers = vocabulary.number(self, text, word);
                    for n in [numbers.stem, numbers.written] {
                        if n == LEFT_OUT {
                            continue;
                        }
                        let total = &mut vocabulary.weights[n as usize];
                        if *total == 0 {
                            vocabulary.seen.push(n);
                        }
                        *total = if weight > max {
                            *total | weight
                        } else {
                            ((*total & max) + weight).min(max) | (*total & !max)
                        };
                    }
                });
            }
            let seen = std::mem::take(&mut vocabulary.seen);
            let mut terms = String::with_capacity(
                seen.iter()
                    .map(|&n| vocabulary.terms[n as usize].len() + 1)
                    .sum(),
            );
            let mut weights = Vec::with_capacity(seen.len());
            for &n in &seen {
                terms.push_str(&vocabulary.terms[n as usize]);
                terms.push('\0');
                weights.push(std::mem::take(&mut vocabulary.weights[n as usize]));
            }
            // The list's memory is kept for the next document.
            vocabulary.seen = seen;
            vocabulary.seen.clear();
            (terms, weights)
        })
    }

    /// The words of `text` as written, before analysis.
    fn words(&self, text: &str, mut each: impl FnMut(&str)) {
        if self.segment {
            // Besides its words, a text in a script without spaces gives each pair of
            // neighbouring characters (`安裝後` gives `安裝`, `裝後`), as Lucene's CJK bigrams
            // do: a query, any run of characters a visitor types or copies from the page,
            // finds the pages holding its pairs, wherever the segmenter cut the words.
            segmented_words(text, &mut each);
            unspaced_pairs(text, &mut each);
        } else {
            alphanumeric_runs(text, &mut each);
        }
    }

    /// One word: lowercase, stemmed, folded; words of one letter (or one digit) are left
    /// out, except ideographs (a Chinese word of one character is a word).
    fn word(&self, word: &str) -> Option<String> {
        if word.is_empty() {
            return None;
        }
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
/// removed, `œ` and `æ` spelled out, the rest composed again (NFC). `static/search-client.js` does the same to the query.
pub(crate) fn fold(text: &str) -> String {
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
    // The marks kept (kana's voicing marks, Hangul's jamo, Indic vowel signs) are composed
    // again, so that `で` stays one character, as it is typed and as its pairs are counted.
    if out.is_ascii() {
        return out;
    }
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(&out)
        .into_owned()
}

/// The runs of letters and digits of `text`, in order. Every word of every page goes through
/// here: ASCII, most of the text of most languages, is told apart by its byte, only other
/// characters are decoded, and each run is found by two tight loops, one over what is outside
/// and one over what is inside (a closure deciding each byte, not inlined, cost 25
/// instructions a byte).
fn alphanumeric_runs(text: &str, each: &mut impl FnMut(&str)) {
    let mut at = 0;
    while at < text.len() {
        let start = stretch_end(text, at, false);
        at = stretch_end(text, start, true);
        if at > start {
            each(&text[start..at]);
        }
    }
}

/// Where the stretch of `text` that begins at byte `at` ends: of letters and digits when
/// `letters`, of other characters when not. Always inlined, so that each loop of
/// [`alphanumeric_runs`] is compiled for its own case.
#[inline(always)]
fn stretch_end(text: &str, mut at: usize, letters: bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        let (letter, width) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            (is_letter_or_digit(c), c.len_utf8())
        };
        if letter != letters {
            break;
        }
        at += width;
    }
    at
}

/// Whether `c` is a letter or a digit: `char::is_alphanumeric`, looked up in a bitmap made
/// from it for the blocks that documentation text is mostly made of past ASCII (Latin,
/// Greek, Cyrillic, general punctuation, CJK punctuation, full-width forms). The standard
/// library's tables are searched per character, about as long as the rest of the word scan.
fn is_letter_or_digit(c: char) -> bool {
    /// Where the second block begins in the bitmap: after U+0000 to U+30FF.
    const FULL_WIDTH: usize = 0x3100;
    static BITMAP: OnceLock<Box<[u64]>> = OnceLock::new();
    let code = c as usize;
    let bit = match code {
        0..FULL_WIDTH => code,
        0xff00..0xfff0 => FULL_WIDTH + (code - 0xff00),
        _ => return c.is_alphanumeric(),
    };
    let bitmap = BITMAP.get_or_init(|| {
        let mut bitmap = vec![0u64; (FULL_WIDTH + 0xf0).div_ceil(64)];
        let codes = (0..FULL_WIDTH as u32).chain(0xff00..0xfff0);
        for (bit, code) in codes.enumerate() {
            if char::from_u32(code).is_some_and(char::is_alphanumeric) {
                bitmap[bit / 64] |= 1 << (bit % 64);
            }
        }
        bitmap.into_boxed_slice()
    });
    bitmap[bit / 64] >> (bit % 64) & 1 == 1
}

/// Each pair of neighbouring characters of the runs of `text` written without spaces
/// ([`is_ideograph`]), in order.
fn unspaced_pairs(text: &str, each: &mut impl FnMut(&str)) {
    let mut rest = text;
    loop {
        let start = first_ideograph(rest);
        rest = &rest[start..];
        let len = rest.find(|c: char| !is_ideograph(c)).unwrap_or(rest.len());
        if len == 0 {
            return;
        }
        let run = &rest[..len];
        let starts: Vec<usize> = run.char_indices().map(|(at, _)| at).collect();
        for pair in starts.windows(3) {
            each(&run[pair[0]..pair[2]]);
        }
        if let [.., before_last, _] = starts[..] {
            each(&run[before_last..]);
        }
        rest = &rest[len..];
    }
}

/// The length in bytes of the longest common beginning of `a` and `b`, whole characters.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or_else(|| a.len().min(b.len()), |((at, _), _)| at)
}

/// How the stemmers ended the words they met: for each way of analyzing, the pairs (the end
/// of a word as written, folded; the end of its term) past their common beginning —
/// `("ation", "")` for `configuration` → `configur`, `("y", "i")` for `policy` → `polici`.
/// The client has no stemmer: it tries these endings on a query word
/// (`static/search-client.js`), so that any form of a word the site holds finds its stem,
/// and so do most forms it does not hold. Kept for the process (a few hundred pairs a
/// language): every word of a build is analyzed at least once, by some thread, so the pairs
/// of a build are those of its words whatever thread met them.
static ENDINGS: std::sync::Mutex<BTreeMap<usize, BTreeSet<Ending>>> =
    std::sync::Mutex::new(BTreeMap::new());

/// The end of a word as written, and the end of its term ([`ENDINGS`]).
pub(crate) type Ending = (Box<str>, Box<str>);

/// The endings ([`ENDINGS`]) met with the ways of analyzing `kinds`, sorted.
pub(crate) fn endings(kinds: impl IntoIterator<Item = u8>) -> Vec<Ending> {
    let all = ENDINGS.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = BTreeSet::new();
    for kind in kinds {
        if let Some(set) = all.get(&usize::from(kind)) {
            out.extend(set.iter().cloned());
        }
    }
    out.into_iter().collect()
}

/// A character of a script written without spaces between words: CJK ideographs (the
/// unified blocks and their extensions, compatibility ideographs), kana, Thai, Lao, Myanmar
/// and Khmer. Their runs are cut into words by the segmenter, and one of them alone can be a
/// word. `static/search-client.js` has the same ranges.
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{3040}'..='\u{30ff}' | '\u{20000}'..='\u{3134f}'
        | '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}')
}

/// The start and end of each word of a run of ideographs.
type Words = Box<[(u16, u16)]>;

/// Runs of ideographs longer than this (in bytes) are segmented each time, not remembered.
const MAX_RUN: usize = 1_024;

/// The words of a text written without spaces: each run of ideographs and kana is cut into
/// words by the segmenter, the text between runs (Latin words, numbers) at what is not a
/// letter or a digit, as in other languages. A run is a clause between punctuation, and
/// documentation repeats its clauses (notes, steps, the same sentence on many pages): the
/// words of runs already segmented are remembered per thread, up to [`MAX_CACHED`] runs.
fn segmented_words(text: &str, each: &mut impl FnMut(&str)) {
    thread_local! {
        static RUNS: std::cell::RefCell<super::WordMap<Words>> =
            std::cell::RefCell::new(super::WordMap::default());
    }
    let mut rest = text;
    loop {
        let start = first_ideograph(rest);
        alphanumeric_runs(&rest[..start], each);
        rest = &rest[start..];
        if rest.is_empty() {
            return;
        }
        let len = rest.find(|c: char| !is_ideograph(c)).unwrap_or(rest.len());
        let (run, after) = rest.split_at(len);
        rest = after;
        if run.len() > MAX_RUN {
            segment(run, |from, to| each(&run[from..to]));
            continue;
        }
        RUNS.with(|runs| {
            let mut runs = runs.borrow_mut();
            // One lookup for a run met before, most runs of a large site.
            if let Some(words) = runs.get(run) {
                for &(from, to) in words.iter() {
                    each(&run[usize::from(from)..usize::from(to)]);
                }
                return;
            }
            if runs.len() > MAX_CACHED {
                runs.clear();
            }
            let words = shared_words(run);
            for &(from, to) in words.iter() {
                each(&run[usize::from(from)..usize::from(to)]);
            }
            runs.insert(run.into(), words);
        });
    }
}

/// The words of a run no thread-local memo held: from the memo the threads share, or the
/// segmenter's. Segmenting a run takes microseconds, a lookup here far less; and a memo of
/// its own each thread would segment every run once more. Each thread asks here only once a
/// run, so the lock is seldom waited for.
fn shared_words(run: &str) -> Words {
    static SHARED: std::sync::Mutex<Option<super::WordMap<Words>>> = std::sync::Mutex::new(None);
    let known = |shared: &Option<super::WordMap<Words>>| shared.as_ref()?.get(run).cloned();
    // A poisoned lock (a panic elsewhere while it was held) leaves a memo that is still whole.
    if let Some(words) = known(&SHARED.lock().unwrap_or_else(|e| e.into_inner())) {
        return words;
    }
    let mut words = Vec::new();
    // A run is at most MAX_RUN bytes: its offsets fit 16 bits.
    segment(run, |from, to| words.push((from as u16, to as u16)));
    let words: Words = words.into_boxed_slice();
    let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
    let shared = shared.get_or_insert_with(Default::default);
    if shared.len() > MAX_CACHED {
        shared.clear();
    }
    shared.insert(run.into(), words.clone());
    words
}

/// Where the first ideograph (or kana, or letter of Thai, Lao, Myanmar or Khmer) of `text`
/// begins, or its length if it has none. They all begin with one of eleven bytes: only
/// characters that begin with those are decoded.
fn first_ideograph(text: &str) -> usize {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .find(|&at| {
            matches!(bytes[at], 0xe0 | 0xe1 | 0xe3..=0xe9 | 0xef | 0xf0)
                && text[at..].chars().next().is_some_and(is_ideograph)
        })
        .unwrap_or(bytes.len())
}

/// The word-like segments of `run`, as the segmenter cuts it (start and end byte offsets).
fn segment(run: &str, mut each: impl FnMut(usize, usize)) {
    let mut start = 0;
    let mut words = segmenter().segment_str(run);
    while let Some(end) = words.next() {
        if end > start && words.is_word_like() {
            each(start, end);
        }
        start = end;
    }
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
    fn words_are_the_runs_of_letters_and_digits() {
        let mut words = Vec::new();
        alphanumeric_runs("  Délai: 4h, (p1)…l'œuvre—x9 ", &mut |w| {
            words.push(w.to_string())
        });
        assert_eq!(words, ["Délai", "4h", "p1", "l", "œuvre", "x9"]);
        let mut words = Vec::new();
        alphanumeric_runs("ab", &mut |w| words.push(w.to_string()));
        alphanumeric_runs("", &mut |w| words.push(w.to_string()));
        alphanumeric_runs("--", &mut |w| words.push(w.to_string()));
        assert_eq!(words, ["ab"]);
    }

    proptest::proptest! {
        /// The two-loop scanner finds the runs a character-by-character split finds.
        #[test]
        fn runs_are_the_runs_of_a_plain_split(text in "[a-c1 .,é×ß\u{3000}\u{4e00}\u{1f600}]{0,40}") {
            let mut found = Vec::new();
            alphanumeric_runs(&text, &mut |w| found.push(w.to_string()));
            let expected: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// A word's key read from its text is the key of the word alone.
        #[test]
        fn keys_read_from_the_text_are_the_words_keys(text in "[a-zé0-9 ]{0,60}") {
            alphanumeric_runs(&text, &mut |w| {
                assert_eq!(packed_in(&text, w), packed(w), "{w:?} in {text:?}");
            });
            // A word that is not part of the text is packed alone.
            assert_eq!(packed_in(&text, "abc"), packed("abc"));
        }
    }

    #[test]
    fn letters_and_digits_are_those_of_the_standard_library() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn ideographs_are_found_as_a_search_of_every_character_finds_them() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}");
            let expected = text.find(is_ideograph).unwrap_or(text.len());
            assert_eq!(first_ideograph(&text), expected, "{c:?}");
        }
    }

    #[test]
    fn short_words_pack_into_distinct_keys() {
        assert_ne!(packed("a"), packed("a\0"));
        assert_ne!(packed("ab"), packed("ba"));
        assert_eq!(
            packed("exactly15bytes!").map(|k| (k >> 120) as u8),
            Some(15)
        );
        assert_eq!(packed("sixteen bytes!!!"), None);
        // Long and short words both find their terms again.
        let long = "internationalisation internationalisation";
        assert_eq!(terms("fr", long), terms("fr", long));
        assert_eq!(terms("fr", long).len(), 2);
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

    /// Segmenting run by run gives the words the segmenter finds in the whole text.
    #[test]
    fn runs_give_the_words_of_the_whole_text() {
        let text = include_str!("../../content/zh-TW/_index.md");
        let mut whole = Vec::new();
        segment(text, |from, to| whole.push(&text[from..to]));
        let mut by_runs = Vec::new();
        segmented_words(text, &mut |w: &str| {
            if !w.is_empty() {
                by_runs.push(w.to_string())
            }
        });
        // The segmenter keeps `source-hash` and `3a62d006619e37c7` whole; between runs, words
        // are cut at what is not a letter or digit, as in other languages.
        let whole: Vec<String> = whole
            .iter()
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        assert_eq!(by_runs, whole);
    }

    #[test]
    fn chinese_is_cut_into_words() {
        let words = terms("zh-TW", "我們提供技術支援服務");
        assert!(words.len() >= 3, "{words:?}");
        assert!(words.iter().any(|w| w == "支援"), "{words:?}");
        assert_eq!(terms("zh-TW", "API 服務"), ["api", "服務", "服務"]);
        let pairs = terms("zh-TW", "安裝後。x");
        assert_eq!(&pairs[pairs.len() - 2..], ["安裝", "裝後"], "{pairs:?}");
        // Runs remembered give the words they gave the first time, between other text.
        let text = "請先登入，再聯絡支援。請先登入 v2 再試";
        assert_eq!(terms("zh-TW", text), terms("zh-TW", text));
        let again = terms("zh-TW", text);
        // The words, then the pairs: the last pair is the last two characters.
        assert_eq!(again.last().map(String::as_str), Some("再試"), "{again:?}");
        assert!(again.contains(&"v2".to_string()), "{again:?}");
        // Once as a word, once as a pair.
        assert_eq!(
            again.iter().filter(|w| *w == "支援").count(),
            2,
            "{again:?}"
        );
    }
}
