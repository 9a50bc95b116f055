//! Source-language text inside translated pages: blocks copied from the source page as they
//! are (`same-as-source`, at the block), and sentences still written in the source language
//! (`untranslated-sentence`, at the sentence).
//!
//! A block is copied when the source page has a block of the same kind with the same text and
//! it has words to translate (code blocks, figures, commands, URLs and the glossary's names
//! kept as written have none); blocks `mark --include-identical` certified stay quiet.
//!
//! Sentences are told apart without a language model, from what an English sentence always
//! has: its small words. For a language written in another script, a sentence almost all in
//! Latin letters with at least five words, two of them among English's most common small
//! words, is English (a product name or a command has none). For a language written in Latin
//! letters, a sentence of six words or more where at least a quarter, and at least three, are
//! English small words that are not also the language's own (German `was`, Portuguese `for`),
//! and that has fewer of the language's own small words, is English. Shorter text (a table
//! cell of two words) is not judged. Only an English default language is weighed this way.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::diagnostic::{Code, Diagnostic};
use crate::site::Site;
use crate::span::Position;
use crate::translation::blocks::{
    Block, Kind, has_words_to_translate, identical_blocks, page_blocks,
};
use crate::translation::{Lock, fingerprint, page_is_copy};

/// Findings of each code a page gives one by one; the last counts the rest.
const PAGE_FINDINGS: usize = 3;

pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    let default = site.config.default;
    let default_language = site.config.default_language();
    let english = primary(&default_language.tag) == "en";
    let sources: HashMap<&str, &crate::content::PageSource> = site
        .pages
        .iter()
        .filter(|p| p.lang == default)
        .map(|p| (p.key.as_str(), p))
        .collect();
    // A source page's blocks serve every language: split once, each with its searcher.
    let mut source_blocks: HashMap<&str, SourceBlocks> = HashMap::new();
    let mut kept_by_language = super::words::kept_terms_by_language(site);
    for (lang, language) in site.config.languages.iter().enumerate() {
        if lang == default || language.pseudo {
            continue;
        }
        let code = &language.code;
        let pages: Vec<&crate::content::PageSource> =
            site.pages.iter().filter(|p| p.lang == lang).collect();
        if pages.is_empty() {
            continue;
        }
        // An unreadable lock file is reported by the translations' check.
        let lock = Lock::read_pages(&site.root, code).unwrap_or_default();
        let kept = kept_by_language.remove(code).unwrap_or_default();
        let kept_lowercase: Vec<String> = kept.iter().map(|n| n.to_lowercase()).collect();
        let profile = Profile::of(&language.tag);
        for page in pages {
            let Some(source) = sources.get(page.key.as_str()) else {
                continue;
            };
            let entry = lock.entries.get(&page.key);
            // A page copied whole is reported as a whole; one identical on purpose, not at all.
            if page_is_copy(page, source) {
                continue;
            }
            let source_blocks = source_blocks
                .entry(source.key.as_str())
                .or_insert_with(|| SourceBlocks::of(source));
            // Only a page that holds the text of one of its source's blocks can have copied
            // it: most pages are split into blocks for nothing else, so most are not.
            let own = if source_blocks.any_in(&page.source.text, &kept) {
                page_blocks(page)
            } else {
                Vec::new()
            };
            let copied = identical_blocks(&source_blocks.blocks, &own, &kept);
            let copied_lines: HashSet<usize> = copied.iter().map(|b| b.line).collect();
            let certified =
                |b: &Block| entry.is_some_and(|e| e.same_blocks.contains(&fingerprint(&b.text)));
            let reported: Vec<&&Block> = copied.iter().filter(|b| !certified(b)).collect();
            let default_code = &default_language.code;
            for (n, block) in reported.iter().take(PAGE_FINDINGS).enumerate() {
                let more = rest(n, reported.len(), "copied blocks");
                out.push(
                    Diagnostic::warning(
                        Code::SameAsSource,
                        format!(
                            "this {} of `{}` in {code} is the {default_code} text copied, not a translation{more}",
                            block.kind.name(),
                            page.key
                        ),
                    )
                    .at(&page.source, Position { line: block.line, column: 1 })
                    .in_language(code)
                    .about_page(&page.key)
                    .hint(format!(
                        "translate it; if it is the same in {code} on purpose (a name), run `polydocs mark {code} --page {} --include-identical`",
                        page.key
                    )),
                );
            }
            if english && profile.known {
                sentences(page, &profile, &kept_lowercase, &copied_lines, code, out);
            }
        }
    }
}

/// A source page's blocks, with a searcher for the start of each block a translation could
/// copy (code and HTML are not translated): built once for every language, where building a
/// searcher per page and for a whole block cost a tenth of the check.
struct SourceBlocks {
    blocks: Vec<Block>,
    /// A block's number and the searcher for its start.
    finders: Vec<(usize, memchr::memmem::Finder<'static>)>,
}

/// How much of a block's start is searched for: a page that holds a block holds its start,
/// and a longer needle costs more to prepare than it saves.
const BLOCK_START: usize = 32;

impl SourceBlocks {
    fn of(source: &crate::content::PageSource) -> SourceBlocks {
        let blocks = page_blocks(source);
        let finders = (blocks.iter().enumerate())
            .filter(|(_, b)| !matches!(b.kind, Kind::Code | Kind::Html))
            .map(|(n, b)| {
                let start = &b.text.as_bytes()[..b.text.len().min(BLOCK_START)];
                (n, memchr::memmem::Finder::new(start).into_owned())
            })
            .collect();
        SourceBlocks { blocks, finders }
    }

    /// Whether `text` may hold one of the blocks that could be reported as copied: it holds
    /// the start of one with words to translate. Table rules and one-word headings
    /// (`Configuration`) are in most translations as they are in the source, and have none.
    fn any_in(&self, text: &str, kept: &[String]) -> bool {
        let bytes = text.as_bytes();
        self.finders.iter().any(|(n, f)| {
            f.find(bytes).is_some() && has_words_to_translate(&self.blocks[*n].text, kept)
        })
    }
}

/// `" (and N more …)"` on the last finding shown of a page.
fn rest(n: usize, total: usize, what: &str) -> String {
    if n + 1 == PAGE_FINDINGS && total > PAGE_FINDINGS {
        format!(" (and {} more {what} in this page)", total - PAGE_FINDINGS)
    } else {
        String::new()
    }
}

/// The primary subtag of a language tag, lowercase (`zh-Hant-TW` → `zh`).
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// How a language is told from English.
struct Profile {
    /// Whether the language is written in Latin letters.
    latin: bool,
    /// English small words that are also this language's own (not evidence of English).
    shared: &'static [&'static str],
    /// The language's own small words.
    own: &'static [&'static str],
    /// Whether the language is one this check knows how to tell from English.
    known: bool,
}

impl Profile {
    fn of(tag: &str) -> Profile {
        let primary = primary(tag);
        let other_script = [
            "zh", "ja", "ko", "ru", "uk", "be", "bg", "mk", "sr", "el", "ar", "he", "fa", "ur",
            "hi", "bn", "ta", "te", "mr", "th", "lo", "km", "my", "ka", "hy", "am", "kk",
        ];
        if other_script.contains(&primary.as_str()) {
            return Profile {
                latin: false,
                shared: &[],
                own: &[],
                known: true,
            };
        }
        let (shared, own): (&[&str], &[&str]) = match primary.as_str() {
            "fr" => (
                &["on", "or", "as", "an", "a"],
                &[
                    "le", "la", "les", "des", "du", "un", "une", "et", "est", "pour", "dans",
                    "que", "qui", "vous", "pas", "sur", "avec", "ce", "cette", "par", "au", "aux",
                    "de",
                ],
            ),
            "es" => (
                &["a"],
                &[
                    "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es",
                    "para", "con", "por", "se", "su", "lo", "como", "al",
                ],
            ),
            "pt" => (
                &["do", "as", "for", "a"],
                &[
                    "o", "os", "de", "da", "dos", "das", "e", "que", "em", "um", "uma", "é",
                    "para", "com", "por", "se", "no", "na", "você",
                ],
            ),
            "de" => (
                &["in", "an", "was", "also", "will", "so", "as"],
                &[
                    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine",
                    "zu", "für", "auf", "sie", "es", "von", "sich",
                ],
            ),
            "it" => (
                &["in", "a"],
                &[
                    "il", "lo", "la", "gli", "le", "di", "e", "che", "è", "un", "una", "per",
                    "con", "non", "del", "della",
                ],
            ),
            "nl" => (
                &["of", "is", "in", "was", "an", "so"],
                &[
                    "de", "het", "een", "en", "van", "dat", "niet", "met", "voor", "op", "te",
                    "zijn",
                ],
            ),
            "sv" | "da" | "no" | "nb" | "nn" => (&["for", "at", "in", "an", "so", "a"], &[]),
            _ => (&["a"], &[]),
        };
        Profile {
            latin: true,
            shared,
            own,
            known: true,
        }
    }

    /// Whether a sentence of a page in this language is written in English. `kept` holds
    /// the names kept as written, in lower case: they are not words of any language.
    fn is_english(&self, sentence: &str, kept: &[String]) -> bool {
        // Too few Latin letters for five words: nothing to weigh (most sentences of a page
        // in another script, every short cell).
        if sentence.bytes().filter(u8::is_ascii_alphabetic).count() < 12 {
            return false;
        }
        let mut sentence = sentence.to_lowercase();
        for name in kept {
            if sentence.contains(name.as_str()) {
                sentence = sentence.replace(name.as_str(), " ");
            }
        }
        // Most sentences of a translation hold too few of English's small words to be
        // English, counted over all their words (the scan below leaves some out): they stop
        // here, before the scan.
        if self.small_english_words(&sentence) < if self.latin { 3 } else { 2 } {
            return false;
        }
        let scan = |with_own: bool| {
            let mut c = Counts::default();
            // URLs, paths, file names, options and placeholders are not words.
            let chunks = sentence.split_whitespace().filter(|c| {
                !(c.contains("://")
                    || c.contains(['/', '\\', '@', '_', '='])
                    || c.starts_with(['-', '$'])
                    || c.trim_end_matches(['.', ',', ':', ';']).contains('.'))
            });
            for chunk in chunks {
                for word in chunk.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                {
                    let word = word.trim_matches(['\'', '’']);
                    let count = word.chars().filter(|c| is_letter(*c)).count();
                    if count == 0 {
                        continue;
                    }
                    let latin = word
                        .chars()
                        .filter(|c| (*c as u32) < 0x250 && is_letter(*c))
                        .count();
                    c.letters += count;
                    c.latin_letters += latin;
                    c.words += 1;
                    if latin < count {
                        // A word of another script, or a run of ideographs: its letters
                        // count, it is not a Latin word.
                        continue;
                    }
                    c.latin_words += 1;
                    let word = straight(word);
                    if self.is_hit(&word) {
                        c.hits += 1;
                    }
                    if with_own && self.own.contains(&&*word) {
                        c.own += 1;
                    }
                }
            }
            c
        };
        let c = scan(false);
        if self.latin {
            // The language's own small words are counted only for a sentence that could be
            // English.
            c.words >= 6 && c.hits >= 3 && c.hits * 4 >= c.words && scan(true).own * 2 < c.hits
        } else {
            c.latin_words >= 5 && c.hits >= 2 && c.latin_letters * 10 >= c.letters * 9
        }
    }
}

impl Profile {
    /// How many words of a lowercase sentence are English small words that are not also
    /// this language's: at least as many as [`Profile::is_english`]'s scan counts, which cuts
    /// words the same way but skips URLs, paths and options.
    fn small_english_words(&self, sentence: &str) -> usize {
        sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|word| word.trim_matches(['\'', '’']))
            // The longest small word is six letters, `don’t` seven bytes.
            .filter(|word| (1..=7).contains(&word.len()))
            .filter(|word| self.is_hit(&straight(word)))
            .count()
    }

    /// Whether a lowercase word with straight apostrophes is evidence of English: one of its
    /// small words that this language does not share.
    fn is_hit(&self, word: &str) -> bool {
        is_small_english(word) && !self.shared.contains(&word)
    }
}

/// A word with its typographic apostrophes made straight (`don’t` → `don't`), as
/// [`is_small_english`] lists them; borrowed when it has none.
fn straight(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('’') {
        std::borrow::Cow::Owned(word.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// What [`Profile::is_english`] counts in a sentence.
#[derive(Default)]
struct Counts {
    words: usize,
    latin_words: usize,
    hits: usize,
    own: usize,
    letters: usize,
    latin_letters: usize,
}

/// Whether a lowercase word is one of English's most common small words: an English sentence
/// has several, other text few.
fn is_small_english(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "and"
            | "with"
            | "this"
            | "that"
            | "you"
            | "your"
            | "which"
            | "are"
            | "from"
            | "have"
            | "has"
            | "its"
            | "it's"
            | "were"
            | "been"
            | "would"
            | "should"
            | "could"
            | "there"
            | "their"
            | "they"
            | "these"
            | "those"
            | "what"
            | "when"
            | "where"
            | "into"
            | "than"
            | "then"
            | "about"
            | "other"
            | "some"
            | "each"
            | "is"
            | "of"
            | "to"
            | "for"
            | "on"
            | "in"
            | "it"
            | "be"
            | "can"
            | "not"
            | "or"
            | "by"
            | "at"
            | "will"
            | "was"
            | "also"
            | "an"
            | "as"
            | "if"
            | "how"
            | "we"
            | "our"
            | "does"
            | "do"
            | "all"
            | "more"
            | "only"
            | "but"
            | "so"
            | "any"
            | "may"
            | "must"
            | "don't"
            | "a"
    )
}

/// The sentences of a page's text (code, inline code and link addresses left out) that are
/// English, each reported at its first character.
fn sentences(
    page: &crate::content::PageSource,
    profile: &Profile,
    kept: &[String],
    copied_lines: &HashSet<usize>,
    code: &str,
    out: &mut Vec<Diagnostic>,
) {
    let body = page.body();
    let units = text_units(body, page.body_start);
    let found = english_offsets(&units, body, page.body_start, profile, kept);
    if found.is_empty() {
        return;
    }
    report_sentences(page, found, copied_lines, code, out);
}

/// A piece of a block's text and its file offset.
type Piece = (usize, String);

/// The runs of text of each block of `body` (a paragraph, heading, cell, item), as pieces
/// with their file offset (`base` is the body's): a sentence never runs across blocks, while
/// inline tags (a link, emphasis) stay inside one. Code blocks are left out.
fn text_units(body: &str, base: usize) -> Vec<Vec<Piece>> {
    let mut units: Vec<Vec<Piece>> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut in_code = 0usize;
    let mut flush = |current: &mut Vec<Piece>| {
        if !current.is_empty() {
            units.push(std::mem::take(current));
        }
    };
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(t) if in_code == 0 => {
                // Text as written keeps its offsets; text rebuilt from escapes points at its
                // start.
                current.push((base + range.start, t.to_string()));
            }
            Event::SoftBreak | Event::HardBreak => current.push((base + range.start, " ".into())),
            // An inline tag does not cut a run.
            Event::Start(tag) if !is_block(&tag) => {}
            Event::Start(_)
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::TableCell
                | TagEnd::Item
                | TagEnd::BlockQuote(_),
            ) => flush(&mut current),
            _ => {}
        }
    }
    flush(&mut current);
    units
}

/// Whether a tag opens a block, where a run of text starts anew.
fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::TableCell
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
    )
}

/// The file offsets of the English sentences of `units` (the text units of `body`, which
/// starts at `base`), in order.
fn english_offsets(
    units: &[Vec<Piece>],
    body: &str,
    base: usize,
    profile: &Profile,
    kept: &[String],
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    for unit in units {
        let mut text = String::new();
        // Where each piece starts: in the unit's text, in the file.
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for (at, piece) in unit {
            starts.push((text.len(), *at));
            text.push_str(piece);
        }
        for (start, sentence) in split_sentences(&text, !profile.latin) {
            if profile.is_english(sentence, kept) {
                found.push(sentence_offset(unit, &starts, start, body, base));
            }
        }
    }
    found
}

/// The file offset of the sentence at byte `start` of a unit's text: exact inside a piece
/// written as it reads, the piece's start for one rebuilt from escapes (its bytes are not the
/// file's).
fn sentence_offset(
    unit: &[Piece],
    starts: &[(usize, usize)],
    start: usize,
    body: &str,
    base: usize,
) -> usize {
    let (unit_at, file_at) = starts
        .iter()
        .rev()
        .find(|(u, _)| *u <= start)
        .copied()
        .unwrap_or((0, unit[0].0));
    let piece_len = unit
        .iter()
        .find(|(at, _)| *at == file_at)
        .map_or(0, |(_, p)| p.len());
    if body.get(file_at - base..file_at - base + piece_len)
        == unit
            .iter()
            .find(|(at, _)| *at == file_at)
            .map(|(_, p)| p.as_str())
    {
        file_at + (start - unit_at)
    } else {
        file_at
    }
}

/// Warns about the English sentences at `found` (file offsets) of `page` in language `code`,
/// but those on the lines of blocks copied from the source (`copied_lines`: reported as
/// copies, or the same on purpose): the first [`PAGE_FINDINGS`], the last saying how many more
/// there are.
fn report_sentences(
    page: &crate::content::PageSource,
    found: Vec<usize>,
    copied_lines: &HashSet<usize>,
    code: &str,
    out: &mut Vec<Diagnostic>,
) {
    let mut shown = Vec::new();
    for offset in found {
        let position = page.source.position(offset);
        if copied_lines.contains(&position.line) {
            continue;
        }
        shown.push((offset, position));
    }
    let total = shown.len();
    for (n, (offset, position)) in shown.into_iter().take(PAGE_FINDINGS).enumerate() {
        let more = rest(n, total, "sentences in the source language");
        let first: String = page.source.text[offset..]
            .chars()
            .take_while(|c| *c != '\n')
            .take(60)
            .collect();
        out.push(
            Diagnostic::warning(
                Code::UntranslatedSentence,
                format!(
                    "this sentence of `{}` in {code} is still in English: “{}…”{more}",
                    page.key,
                    first.trim_end()
                ),
            )
            .at(&page.source, position)
            .in_language(code)
            .about_page(&page.key)
            .hint("translate it (code, names and URLs are left alone)"),
        );
    }
}

/// `char::is_alphabetic`, answered without its table for ASCII and the common ideographs,
/// which are most of the letters this check reads.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// The sentences of a run of text: (start, sentence), cut after `.` `!` `?` `;` followed by a
/// space (not inside `e.g.` nor `v1.2`), and after `。` `！` `？`; with `by_script`, also where
/// Latin letters follow letters of another script (`使用者 You may…`), since a page in that
/// script holds an English sentence there. A sentence starts at its first letter or digit.
fn split_sentences<'t>(text: &'t str, by_script: bool) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let is_latin = |c: char| (c as u32) < 0x250 && is_letter(c);
    let mut last_letter_latin: Option<bool> = None;
    let push = |out: &mut Vec<(usize, &'t str)>, from: usize, to: usize| {
        let sentence = &text[from..to];
        if let Some(lead) = sentence.find(char::is_alphanumeric) {
            out.push((from + lead, sentence[lead..].trim_end()));
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if by_script && is_letter(c) {
            let latin = is_latin(c);
            if latin && last_letter_latin == Some(false) && i > start {
                push(&mut out, start, i);
                start = i;
            }
            last_letter_latin = Some(latin);
        }
        let end = match c {
            '。' | '！' | '？' => Some(i + c.len_utf8()),
            '.' | '!' | '?' | ';' => match chars.peek() {
                Some((_, next)) if next.is_whitespace() => Some(i + 1),
                None => Some(i + 1),
                _ => None,
            },
            _ => None,
        };
        if let Some(end) = end {
            push(&mut out, start, end);
            start = end;
        }
    }
    push(&mut out, start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_told_apart_from_each_language() {
        let zh = Profile::of("zh-TW");
        assert!(zh.is_english(
            "Business functions suffer a serious service degradation or possible data loss.",
            &[]
        ));
        assert!(!zh.is_english("Adobe Experience Manager Cloud Service", &[]));
        assert!(!zh.is_english("使用 hexo server 命令啟動伺服器。", &[]));
        let de = Profile::of("de");
        assert!(de.is_english(
            "The notes on Japan, about languages and case priorities, are listed under the table.",
            &[]
        ));
        assert!(!de.is_english(
            "Die Hinweise zu Japan stehen unter der Tabelle, was die Sprachen betrifft.",
            &[]
        ));
        assert!(!de.is_english("Hauptnavigation (Main navigation)", &[]));
        let pt = Profile::of("pt-BR");
        assert!(!pt.is_english(
            "Se for necessário, use o comando para gerar os arquivos do site.",
            &[]
        ));
    }

    #[test]
    fn sentences_are_cut_at_their_end_not_inside_a_version() {
        let cut = |text, by_script| -> Vec<&str> {
            split_sentences(text, by_script)
                .into_iter()
                .map(|(_, s)| s)
                .collect()
        };
        assert_eq!(
            cut("Use v1.2 now. Then stop! 好。了", false),
            vec!["Use v1.2 now.", "Then stop!", "好。", "了"]
        );
        assert_eq!(
            cut("**Mac 使用者** You may encounter problems.", true),
            vec!["Mac 使用者**", "You may encounter problems."]
        );
        assert_eq!(
            cut("\" %} %} Because it is.", false),
            vec!["Because it is."]
        );
    }
}
