//! The search index: for each language, a compact inverted index of normalized terms that
//! `static/search-client.js` downloads piece by piece, from the site's own host, once the visitor
//! focuses the search box.
//!
//! Files under `<prefix>/search/`:
//!
//! - `meta.json`: the number of term shards and of pages, and whether the language is
//!   segmented (written without spaces);
//! - `t/<n>.json.gz`: shard `n` of the terms, `{"term": [page, score, page, score, ...]}`, each
//!   page but the first given as its distance from the one before it (version 2 of the index:
//!   small numbers that repeat, a shard a third of the size gzipped); a term's
//!   shard comes from its first two characters (its first one for an ideograph), hashed the
//!   same way by the client, so a query loads one small file a word;
//! - `p/<n>.json.gz`: the texts of pages `n * group` to `n * group + group - 1` (`group` in
//!   `meta.json`), each its title, section, address and text cut at its headings, loaded only
//!   for the results shown, to write their snippets and link to the heading that matches.
//!   Pages are numbered by address, so a bundle holds neighbours of one section, which a
//!   query's results often are. A bundle rather than a file a page: a site of 5 000 pages a
//!   language would otherwise write 5 000 more files a language, and on a disk writing files
//!   is most of a build's time.
//!
//! Shards and page texts are stored gzipped, as Pagefind stores its index: the client reads
//! them with the browser's `DecompressionStream`, or as they come when the host has already
//! decompressed them (a host that sends `.gz` files with `Content-Encoding: gzip`).
//!
//! Terms are built by [`analyze`]: lowercase, accents folded, Snowball-stemmed where a
//! stemmer exists (the client, which has no stemmer, matches a query word to the stems that
//! begin it, see `search-client.js`), Chinese and Japanese segmented into words by ICU4X (the client
//! splits a query into the longest words of the index, left to right).

pub mod analyze;
pub mod html_text;
mod json;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown::PageText;
pub use analyze::Analyzer;

/// The hasher of the maps of words the index is built with: FxHash reads a word eight bytes
/// at a time and is several times faster than the default hasher on short keys; no input here
/// is chosen to collide (a site's own pages).
pub(crate) type WordHasher = rustc_hash::FxBuildHasher;

/// A map keyed by words.
pub(crate) type WordMap<V> = HashMap<Box<str>, V, WordHasher>;

/// The most text of a page kept for its snippets, in bytes (rounded to a character).
pub(crate) const MAX_PAGE_TEXT: usize = 3_000;
/// About how large a shard of terms may grow before the terms are spread over more shards.
const SHARD_BYTES: usize = 24 * 1024;
/// How many pages' texts one file of `p/` holds. A page's text is at most [`MAX_PAGE_TEXT`]
/// bytes (about a third gzipped), so ten results from ten different bundles stay under
/// ~100 KB, while the files of `p/` are eight times fewer.
pub const PAGES_PER_BUNDLE: usize = 8;

/// How much a word counts where it appears. A word of the title sets the score's high bit,
/// above anything mentions add up to (at most [`MAX_MENTIONS`]), so that a page named for a
/// query's words comes before every page that only mentions them, however often: a title such as
/// "Restore the ticket queue" must find its page among hundreds that mention tickets and queues.
const TITLE_MARK: u32 = 128;
const HEADING_WEIGHT: u32 = 12;
const TEXT_WEIGHT: u32 = 1;
const MAX_MENTIONS: u32 = TITLE_MARK - 1;

/// A page as the index knows it, made while it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The page's address from its language's root (`docs/setup/`).
    pub(crate) url: String,
    /// What a result shows of the page ([`fragment`]), as JSON: one allocation a page, where
    /// the fragment itself is three strings a section, and a build keeps every page's.
    fragment: Box<str>,
    /// The page's distinct terms, each followed by a NUL, and beside them their scores: two
    /// allocations a page. A build keeps every page's document until the index is written (and
    /// `serve` between rebuilds); a boxed string a term made that most of a large build's memory.
    terms: String,
    scores: Vec<u8>,
    /// The way of analyzing its terms were made with ([`Analyzer::kind`]): a page shown in
    /// another language keeps its own language's stems, and the index ships their endings.
    kind: u8,
}

impl Document {
    /// The page's terms with their scores.
    fn terms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.terms
            .split_terminator('\0')
            .zip(self.scores.iter().map(|&s| u32::from(s)))
    }
}

/// Makes the index's view of a page: its terms (weighted by where they appear) and what its
/// results show.
pub fn document(
    analyzer: &Analyzer,
    title: &str,
    section: &str,
    url: &str,
    text: &PageText,
) -> Document {
    let weighted = std::iter::once((title, TITLE_MARK)).chain(text.sections.iter().flat_map(|s| {
        [
            (s.heading.as_str(), HEADING_WEIGHT),
            (s.text.as_str(), TEXT_WEIGHT),
        ]
    }));
    let (terms, scores) = analyzer.weigh(weighted, MAX_MENTIONS);
    // The mark and the mentions fit a byte.
    let weights = scores.into_iter().map(|s| s as u8).collect();
    Document {
        url: url.to_string(),
        fragment: fragment(title, section, url, text).into_boxed_str(),
        terms,
        scores: weights,
        kind: analyzer.kind(),
    }
}

/// What a result shows of a page, as `search-client.js` reads it:
/// `{"t": title, "s": section (empty at the top), "u": address from the language's root,
/// "x": [[heading id, heading, text], ...]}`, the text cut at its headings, white space
/// squeezed, [`MAX_PAGE_TEXT`] bytes in all at most.
fn fragment(title: &str, section: &str, url: &str, text: &PageText) -> String {
    // Room for all of it, escapes aside: growing the string copied it several times a page.
    let sections: usize = (text.sections.iter())
        .map(|s| s.id.len() + s.heading.len() + 12)
        .sum();
    let body = (text.sections.iter().map(|s| s.text.len()).sum::<usize>()).min(MAX_PAGE_TEXT);
    let mut out =
        String::with_capacity(title.len() + section.len() + url.len() + sections + body + 32);
    out.push_str("{\"t\":");
    json::push_string(&mut out, title);
    out.push_str(",\"s\":");
    json::push_string(&mut out, section);
    out.push_str(",\"u\":");
    json::push_string(&mut out, url);
    out.push_str(",\"x\":[");
    let mut kept = 0;
    for (n, s) in text.sections.iter().enumerate() {
        let body = squeeze(&s.text, MAX_PAGE_TEXT.saturating_sub(kept));
        kept += body.len() + s.heading.len();
        if n > 0 {
            out.push(',');
        }
        out.push('[');
        json::push_string(&mut out, &s.id);
        out.push(',');
        json::push_string(&mut out, &s.heading);
        out.push(',');
        json::push_string(&mut out, &body);
        out.push(']');
    }
    out.push_str("]}");
    out
}

/// The index files of one language, paths relative to its `search/` folder, in a stable order.
pub fn build(mut documents: Vec<&Document>, segmented: bool) -> Vec<(String, Vec<u8>)> {
    documents.sort_by(|a, b| a.url.cmp(&b.url));
    let mut postings: HashMap<&str, Vec<(u32, u32)>, WordHasher> = HashMap::default();
    for (id, doc) in documents.iter().enumerate() {
        for (term, score) in doc.terms() {
            postings.entry(term).or_default().push((id as u32, score));
        }
    }
    // About what the shards weigh in all (`"term":[` and `12,3,` a posting).
    let weight: usize = postings
        .iter()
        .map(|(t, p)| t.len() + 5 + p.len() * 7)
        .sum();
    let shards = weight
        .div_ceil(SHARD_BYTES)
        .clamp(1, 4096)
        .next_power_of_two();
    // Pages are numbered in order and read in order: each list is sorted by page already;
    // the terms of a shard are sorted for a stable output.
    let mut sharded: Vec<BTreeMap<&str, Vec<u32>>> = vec![BTreeMap::new(); shards];
    for (term, list) in postings {
        let mut previous = 0;
        let flat = list
            .iter()
            .flat_map(|&(id, score)| [id - std::mem::replace(&mut previous, id), score])
            .collect();
        sharded[shard_of(term, shards)].insert(term, flat);
    }
    let mut files = Vec::with_capacity(shards + documents.len() + 1);
    let mut kinds: Vec<u8> = documents.iter().map(|d| d.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let meta = serde_json::json!({
        "version": 2,
        "shards": shards,
        "pages": documents.len(),
        "segmented": segmented,
        "group": PAGES_PER_BUNDLE,
        "endings": analyze::endings(kinds),
    });
    files.push(("meta.json".to_string(), meta.to_string().into_bytes()));
    // Compressing is most of the work: the files are made side by side.
    files.par_extend(
        sharded
            .par_iter()
            .enumerate()
            .map(|(n, shard)| (format!("t/{n}.json.gz"), gzip(&to_json(shard)))),
    );
    files.par_extend(
        documents
            .par_chunks(PAGES_PER_BUNDLE)
            .enumerate()
            .map(|(n, bundle)| {
                let fragments: Vec<&str> = bundle.iter().map(|d| &*d.fragment).collect();
                let json = format!("[{}]", fragments.join(","));
                (format!("p/{n}.json.gz"), gzip(json.as_bytes()))
            }),
    );
    files
}

/// The compression level. libdeflate's level 1 wrote an index the size zlib-rs's level 2 did
/// (4.1 MB of page texts and 3.6 MB of terms for three languages at 2 000 pages) in 60 % of
/// its time; zlib-rs's level 1 (its "quick" strategy) wrote one 38 % larger.
const LEVEL: i32 = 1;

/// Gzip at a fast level: the index is a fifth of its JSON. Deterministic: libdeflate writes no
/// time or name in the header. One compressor a thread serves every file, as does one buffer
/// of the room the worst case needs: setting a compressor up costs more than compressing a
/// small file, an index is many small files, and each file keeps only the bytes it has.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static DEFLATE: std::cell::RefCell<(libdeflater::Compressor, Vec<u8>)> =
            std::cell::RefCell::new((
                libdeflater::Compressor::new(
                    libdeflater::CompressionLvl::new(LEVEL).unwrap_or_default(),
                ),
                Vec::new(),
            ));
    }
    DEFLATE.with(|deflate| {
        let (deflate, room) = &mut *deflate.borrow_mut();
        room.resize(deflate.gzip_compress_bound(bytes.len()), 0);
        // The bound is room enough: compressing into it does not fail.
        let size = deflate.gzip_compress(bytes, room).unwrap_or_default();
        room[..size].to_vec()
    })
}

/// A file of the index as JSON, gzipped or not.
pub fn read_json(bytes: &[u8]) -> Option<serde_json::Value> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return serde_json::from_slice(bytes).ok();
    }
    // The trailer's last four bytes: the size of the data, modulo 2^32.
    let size = u32::from_le_bytes(bytes.get(bytes.len().checked_sub(4)?..)?.try_into().ok()?);
    let mut json = vec![0; size as usize];
    let unpacked = libdeflater::Decompressor::new()
        .gzip_decompress(bytes, &mut json)
        .ok()?;
    serde_json::from_slice(&json[..unpacked]).ok()
}

/// The shard of a term: FNV-1a over the code points of its first two characters (its first
/// one when it begins with an ideograph), modulo the number of shards. `search-client.js` computes
/// the same.
pub(crate) fn shard_of(term: &str, shards: usize) -> usize {
    let mut chars = term.chars();
    let first = chars.next();
    let second = match first {
        Some(c) if analyze::is_ideograph(c) => None,
        _ => chars.next(),
    };
    let mut hash: u32 = 0x811c_9dc5;
    for c in first.into_iter().chain(second) {
        hash ^= c as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % shards.max(1)
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    // Maps of strings and numbers always serialize.
    serde_json::to_vec(value).unwrap_or_default()
}

/// At most `max` bytes of `text` (cut at a character boundary), runs of white space as one
/// space. Only what is kept is looked at, and it is copied a stretch at a time: the single
/// spaces between words, most of a text's white space, stay inside the stretch copied.
fn squeeze(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(max.min(text.len()));
    let bytes = text.as_bytes();
    let mut at = 0;
    while out.len() < max {
        while let Some(width) = white_space_at(text, at) {
            at += width;
        }
        if at >= bytes.len() {
            break;
        }
        let from = at;
        loop {
            while bytes
                .get(at)
                .is_some_and(|&b| !MAY_BEGIN_WHITE_SPACE[usize::from(b)])
            {
                at += 1;
            }
            match white_space_at(text, at) {
                // The first byte of a character that is not white space.
                None if at < bytes.len() => at += 1,
                // One space between two words, while the stretch is short of `max`.
                Some(1)
                    if bytes[at] == b' '
                        && bytes.get(at + 1).is_some()
                        && white_space_at(text, at + 1).is_none()
                        && out.len() + (at - from) < max =>
                {
                    at += 1
                }
                _ => break,
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[from..at]);
    }
    let kept = truncate(&out, max).len();
    out.truncate(kept);
    out
}

/// The bytes a white space character (as `char::is_whitespace` has it) may begin with: ASCII's
/// (and the vertical tab), and the four first bytes of all the others.
const MAY_BEGIN_WHITE_SPACE: [bool; 256] = {
    let mut may = [false; 256];
    let mut b = 0;
    while b < 256 {
        may[b] = matches!(b, 0x09..=0x0d | 0x20 | 0xc2 | 0xe1 | 0xe2 | 0xe3);
        b += 1;
    }
    may
};

/// The width of the white space character (as `char::is_whitespace` has it) that begins at
/// byte `at` of `text`, if one does. Past ASCII, only the characters that begin with one of
/// [`MAY_BEGIN_WHITE_SPACE`]'s bytes are decoded.
fn white_space_at(text: &str, at: usize) -> Option<usize> {
    match *text.as_bytes().get(at)? {
        // The vertical tab (0x0b) is white space to `char::is_whitespace`, not to ASCII's.
        b if b.is_ascii() => (b.is_ascii_whitespace() || b == 0x0b).then_some(1),
        b if MAY_BEGIN_WHITE_SPACE[usize::from(b)] => {
            let c = text.get(at..)?.chars().next()?;
            c.is_whitespace().then(|| c.len_utf8())
        }
        _ => None,
    }
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The text of page `id` in files made by [`build`]: its title `t`, section `s`, address `u`
/// and text `x`, as `search-client.js` reads it. For tests and tools.
pub fn page_text(files: &[(String, Vec<u8>)], id: u32) -> Option<serde_json::Value> {
    let name = format!("p/{}.json.gz", id as usize / PAGES_PER_BUNDLE);
    let (_, bytes) = files.iter().find(|(n, _)| *n == name)?;
    let bundle = read_json(bytes)?;
    bundle.get(id as usize % PAGES_PER_BUNDLE).cloned()
}

/// Looks a query up in files made by [`build`], the way `search-client.js` does for a
/// language with spaces: each word folded, its stems found by the endings `meta.json` lists,
/// the pages that answer every word ranked by where the word is on them and how rare it is.
/// The last word counts as being typed (terms it begins match) unless the query ends with a
/// space. For tests and tools.
pub fn lookup(files: &[(String, Vec<u8>)], query: &str) -> Vec<u32> {
    let Some(meta) = json_file(files, "meta.json") else {
        return Vec::new();
    };
    let shards = meta["shards"].as_u64().unwrap_or(1) as usize;
    let pages = meta["pages"].as_f64().unwrap_or(1.0);
    let endings: Vec<(String, String)> =
        serde_json::from_value(meta["endings"].clone()).unwrap_or_default();
    let segmented = meta["segmented"].as_bool().unwrap_or(false);
    let mut total: Option<HashMap<u32, f64>> = None;
    for (word, last) in &query_units(query, segmented) {
        let forms = stems(word, &endings);
        let terms = terms_of(files, &forms, shards);
        let found = unit_pages(word, &forms, *last, &terms);
        let rarity = (1.0 + pages / found.len().max(1) as f64).ln();
        let score = |(s, best, titled): (f64, u64, bool)| unit_score(best, titled, s * rarity);
        // A page must answer every unit: its scores add up.
        total = Some(match total {
            None => found.into_iter().map(|(id, f)| (id, score(f))).collect(),
            Some(before) => before
                .into_iter()
                .filter_map(|(id, s)| found.get(&id).map(|&f| (id, s + score(f))))
                .collect(),
        });
    }
    let mut ranked: Vec<(u32, f64)> = total.unwrap_or_default().into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(id, _)| id).collect()
}

/// The JSON of the file `name` among `files`, as [`build`] wrote it.
fn json_file(files: &[(String, Vec<u8>)], name: &str) -> Option<serde_json::Value> {
    files
        .iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, b)| read_json(b))
}

/// Each unit of a query, and whether terms it begins answer it (the word being typed): words
/// with spaces, and, when the index is `segmented`, the pairs of neighbouring characters of a
/// run without spaces, as `unspacedUnits` in `search-client.js` (one character alone begins
/// its terms). The last word is being typed unless the query ends with a space or a mark.
fn query_units(query: &str, segmented: bool) -> Vec<(String, bool)> {
    let folded = analyze::fold(query);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let typing = !query.ends_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
    let mut units: Vec<(String, bool)> = Vec::new();
    for (k, word) in words.iter().enumerate() {
        for (part, unspaced) in runs(word) {
            let chars: Vec<char> = part.chars().collect();
            if segmented && unspaced {
                let pairs = chars.windows(2).map(|p| (p.iter().collect(), false));
                units.extend(pairs);
                if chars.len() == 1 {
                    units.push((part.to_string(), true));
                }
            } else if chars.len() > 1 {
                units.push((part.to_string(), typing && k + 1 == words.len()));
            }
        }
    }
    units
}

/// The terms of the shards where the `forms` of a unit would be, with their lists of pages
/// (gap from the previous page, score): a term is looked for in the shard its form names.
fn terms_of(
    files: &[(String, Vec<u8>)],
    forms: &[String],
    shards: usize,
) -> BTreeMap<String, Vec<u64>> {
    let mut terms: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for form in forms {
        let name = format!("t/{}.json.gz", shard_of(form, shards));
        if let Some(serde_json::Value::Object(shard)) = json_file(files, &name) {
            for (term, list) in shard {
                let list = list.as_array().map(|a| a.iter().filter_map(|v| v.as_u64()));
                terms.insert(term, list.map(Iterator::collect).unwrap_or_default());
            }
        }
    }
    terms
}

/// The pages that answer the unit `word` (its stems `forms`, `last` when it is being typed)
/// among `terms`: per page, the summed mentions, the best quality of the terms that answer
/// the unit and whether one of them is in the page's title. A near spelling counts only when
/// no term answers well, so that a typo still finds its pages.
fn unit_pages(
    word: &str,
    forms: &[String],
    last: bool,
    terms: &BTreeMap<String, Vec<u64>>,
) -> HashMap<u32, (f64, u64, bool)> {
    let mut scored: Vec<(u64, &Vec<u64>)> = terms
        .iter()
        .map(|(t, list)| (quality(word, forms, last, t), list))
        .collect();
    if !scored.iter().any(|(q, _)| *q >= 3) {
        for ((t, _), (q, _)) in terms.iter().zip(scored.iter_mut()) {
            if *q == 0 && near(word, t) {
                *q = 2;
            }
        }
    }
    let mut found: HashMap<u32, (f64, u64, bool)> = HashMap::new();
    for (q, list) in scored.into_iter().filter(|(q, _)| *q > 0) {
        let mut id = 0;
        for pair in list.chunks(2) {
            if let [gap, score] = pair {
                id += gap;
                let entry = found.entry(id as u32).or_default();
                entry.0 += (q * (score & u64::from(MAX_MENTIONS))) as f64;
                entry.1 = entry.1.max(q);
                entry.2 |= score & u64::from(TITLE_MARK) != 0;
            }
        }
    }
    found
}

/// A word cut into its runs of characters of scripts without spaces and the rest, each
/// with whether it is unspaced (`api服務` → `api`, `服務`).
fn runs(word: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut kind = None;
    for (at, c) in word.char_indices() {
        let unspaced = analyze::is_ideograph(c);
        if kind.is_some_and(|k| k != unspaced) {
            out.push((&word[start..at], !unspaced));
            start = at;
        }
        kind = Some(unspaced);
    }
    if let Some(unspaced) = kind {
        out.push((&word[start..], unspaced));
    }
    out
}

/// A page's score for one unit of a query, in this order of importance: how the page holds
/// the unit (the word or one of its stems, a near form, a word it begins), whether the title
/// holds it, the word as typed above a stem, then its mentions times its rarity (under 1e6
/// for any page). As `unitScore` in `search-client.js`.
fn unit_score(best: u64, titled: bool, mentions: f64) -> f64 {
    let class = if best >= 3 { 3 } else { best };
    class as f64 * 1e9 + f64::from(u8::from(titled)) * 1e8 + best as f64 * 1e6 + mentions
}

/// The stems a folded query word may have, by the endings the index lists (the word itself
/// first): as `stems` in `search-client.js`.
fn stems(word: &str, endings: &[(String, String)]) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for (end, stem) in endings {
        if word.len() > end.len() && word.ends_with(end.as_str()) {
            let form = format!("{}{stem}", &word[..word.len() - end.len()]);
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// How well an index term answers a query word, as `quality` in `search-client.js`: 4 the
/// word, 3 one of its stems, 1 a term the word being typed begins, 0 not at all.
fn quality(word: &str, forms: &[String], typing: bool, term: &str) -> u64 {
    if term == word {
        4
    } else if forms.iter().any(|f| f == term) {
        3
    } else if typing && word.chars().count() > 1 && term.starts_with(word) {
        1
    } else {
        0
    }
}

/// A stem that begins a word no ending explains (`near` in `search-client.js`): the whole
/// term begins the word and is longer than two letters, or all but its last letter do.
fn near(word: &str, term: &str) -> bool {
    let p = word
        .chars()
        .zip(term.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let t = term.chars().count();
    (p == t && p > 2) || (p >= 4 && p + 1 >= t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezing_keeps_at_most_max_bytes_of_single_spaced_text() {
        assert_eq!(squeeze("  a \n\t b  c ", 100), "a b c");
        assert_eq!(squeeze("aaa bbb ccc", 5), "aaa b");
        assert_eq!(squeeze("aaa bbb", 4), "aaa ");
        assert_eq!(squeeze("支援 服務", 4), "支");
        assert_eq!(squeeze("x", 0), "");
        assert_eq!(
            squeeze("a\u{a0}\u{b}b\u{3000}c\u{200b}d", 100),
            "a b c\u{200b}d"
        );
    }

    proptest::proptest! {
        /// Squeezing is splitting at white space, joining with single spaces and cutting.
        #[test]
        fn squeezing_is_a_split_and_a_join(
            text in "[ab é©支\u{2010}\u{3001}\u{a0}\u{b}\u{85}\u{2003}\u{3000}\n\t]{0,30}",
            max in 0usize..40,
        ) {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squeeze(&text, max), truncate(&joined, max));
        }
    }

    #[test]
    fn white_space_is_found_as_the_standard_library_finds_it() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("{c}x");
            let first = text.as_bytes()[0];
            if c.is_whitespace() {
                assert!(MAY_BEGIN_WHITE_SPACE[usize::from(first)], "{c:?}");
            }
            assert_eq!(
                white_space_at(&text, 0),
                c.is_whitespace().then(|| c.len_utf8()),
                "{c:?}"
            );
        }
    }

    /// Postings give each page as its distance from the one before, and a lookup adds them up.
    #[test]
    fn postings_are_distances_between_pages() {
        let analyzer = Analyzer::for_tag("en");
        let text = |words: &str| PageText {
            sections: vec![crate::markdown::Section {
                text: words.to_string(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let pages = [
            ("a/", "escalation"),
            ("b/", "other"),
            ("c/", "escalation"),
            ("d/", "escalation"),
        ];
        let documents: Vec<Document> = pages
            .iter()
            .map(|(url, words)| document(&analyzer, "Page", "", url, &text(words)))
            .collect();
        let files = build(documents.iter().collect(), false);
        let meta = read_json(&files.iter().find(|(n, _)| n == "meta.json").unwrap().1).unwrap();
        assert_eq!(meta["version"], 2);
        let shard = format!(
            "t/{}.json.gz",
            shard_of("escal", meta["shards"].as_u64().unwrap() as usize)
        );
        let terms = read_json(&files.iter().find(|(n, _)| *n == shard).unwrap().1).unwrap();
        // Pages 0, 2 and 3: 0, then 2 on, then 1 on.
        assert_eq!(terms["escal"], serde_json::json!([0, 1, 2, 1, 1, 1]));
        assert_eq!(lookup(&files, "escalation"), [0, 2, 3]);
        assert_eq!(lookup(&files, "escalations "), [0, 2, 3]);
    }

    /// Long words lose five letters or more to their stems: typed as written, or in another
    /// form the site holds, each finds its page.
    #[test]
    fn a_page_named_for_the_query_comes_before_pages_that_only_mention_its_words() {
        let analyzer = Analyzer::for_tag("en");
        let page = |title: &str, heading: &str, text: &str, n: usize| {
            let text = PageText {
                sections: vec![crate::markdown::Section {
                    heading: heading.to_string(),
                    text: text.to_string(),
                    ..Default::default()
                }],
                ..Default::default()
            };
            document(&analyzer, title, "", &format!("{n:02}/"), &text)
        };
        // Thirty pages saying "ticket queue" in a heading and two hundred times in the text,
        // and the one page whose title is the query, saying it nowhere else.
        let noisy = "the ticket queue and the tickets of the queue restore ".repeat(50);
        let mut documents: Vec<Document> = (0..30)
            .map(|n| page("Tickets", "Restore the ticket queue", &noisy, n))
            .collect();
        documents.push(page(
            "Restore the ticket queue",
            "Steps",
            "Open the console.",
            30,
        ));
        let files = build(documents.iter().collect(), false);
        for query in [
            "Restore the ticket queue",
            "restore the ticket queue ",
            "ticket queue",
        ] {
            assert_eq!(lookup(&files, query).first(), Some(&30), "{query:?}");
        }
        // Among pages named alike, the word as typed still comes before its other forms.
        assert_eq!(lookup(&files, "tickets ").first(), Some(&0));
    }

    #[test]
    fn long_words_find_their_pages_in_any_form() {
        let cases: [(&str, &[(&str, &str)]); 2] = [
            (
                "en",
                &[
                    ("configurations of the agent", "configuration"),
                    ("installation steps", "installation"),
                    ("documentation index", "documentation"),
                    ("notifications by mail", "notification"),
                    ("escalated cases", "escalation"),
                    ("third-party integration", "integrations"),
                    ("availability zones", "availability"),
                ],
            ),
            (
                "fr",
                &[
                    ("configurations réseau", "configuration"),
                    ("le déploiement continu", "déploiement"),
                    ("des documentations à jour", "documentations"),
                    ("silencieusement ignoré", "silencieusement"),
                    ("le fonctionnement du service", "fonctionnement"),
                ],
            ),
        ];
        for (tag, pages) in cases {
            let analyzer = Analyzer::for_tag(tag);
            let documents: Vec<Document> = pages
                .iter()
                .enumerate()
                .map(|(n, (words, _))| {
                    let text = PageText {
                        sections: vec![crate::markdown::Section {
                            text: words.to_string(),
                            ..Default::default()
                        }],
                        ..Default::default()
                    };
                    document(&analyzer, "Page", "", &format!("{n:02}/"), &text)
                })
                .collect();
            let files = build(documents.iter().collect(), false);
            for (n, (words, query)) in pages.iter().enumerate() {
                let found = lookup(&files, query);
                assert!(
                    found.contains(&(n as u32)),
                    "{tag}: {query:?} in {words:?}: {found:?}"
                );
                let written = words.split(' ').max_by_key(|w| w.len()).unwrap();
                assert_eq!(
                    lookup(&files, written).first(),
                    Some(&(n as u32)),
                    "{written}"
                );
            }
        }
    }

    #[test]
    fn gzip_round_trips_with_one_compressor_for_many_files() {
        for text in ["", "a", &"{\"w\":[1,2,3]}".repeat(5000), "second file"] {
            let packed = gzip(text.as_bytes());
            let mut unpacked = vec![0; text.len()];
            let size = libdeflater::Decompressor::new()
                .gzip_decompress(&packed, &mut unpacked)
                .unwrap();
            assert_eq!(&unpacked[..size], text.as_bytes());
            // No time in the header: the same input gives the same bytes.
            assert_eq!(packed, gzip(text.as_bytes()));
        }
    }

    #[test]
    fn shards_hash_the_first_two_characters_or_one_ideograph() {
        assert_eq!(shard_of("account", 64), shard_of("acme", 64));
        assert_eq!(shard_of("支援", 64), shard_of("支付", 64));
        assert_eq!(shard_of("x", 1), 0);
        // The value search-client.js computes for "ac" (FNV-1a over code points 97, 99).
        let expected =
            ((0x811c_9dc5u32 ^ 97).wrapping_mul(0x0100_0193) ^ 99).wrapping_mul(0x0100_0193);
        assert_eq!(shard_of("acme", 1 << 20), expected as usize % (1 << 20));
    }
}
