//! Words a translation must get right beyond being there: each language's typography and the
//! site's glossary.
//!
//! Both read the text a reader sees, where it is written: the text of each message (not its
//! placeables, IDs or comments) and of each page (its `title:` and `description:`, and the
//! Markdown text outside code, link addresses and markup), so that every finding points at the
//! character to change.
//!
//! Typography (`typography`), by the language's tag:
//! - French: `:` `;` `!` `?` `»` take a no-break space (U+00A0) or a narrow no-break space
//!   (U+202F) before them, `«` one after it; a number and the unit that follows it (`6 h 00`,
//!   `15 minutes`, `3 jours`, `50 %`) are joined by one, so that they never break across lines.
//!   A `:` or `?` with no space before it and none after it is left alone (`https://`,
//!   `10:30`, `?lang=fr`).
//! - Chinese: a half-width `,` `;` `:` `?` `!` between two Chinese characters, and a half-width
//!   `(` or `)` on the outer side of a Chinese character, where full-width punctuation belongs.
//!
//! Terminology (`terminology`): `locales/glossary.yaml` names terms of the default language
//! and, per language, the renderings a translation must use and the variants it must not. A
//! message or page whose source holds a term gets a finding when its translation has none of
//! the renderings, or has one of the variants (at the variant).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Deserialize;

use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic};
use crate::site::Site;
use crate::source::SourceFile;
use crate::yaml::{self, Text};

/// Where the glossary is read from, relative to the site's folder.
pub(crate) const GLOSSARY: &str = "locales/glossary.yaml";

/// Every finding of the typography and terminology checks.
///
/// Pages are checked in parallel (a large site's translated pages are most of the check's
/// work) and their findings kept in the order of the pages, so that a run reports the same
/// list whatever the thread count.
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    let glossary = load_glossary(site, out);
    let default = site.config.default;
    let source_files = message_files(site, default);
    let source_messages = messages(site, default, &source_files);
    // The default language's pages by key, looked up once a translated page (a scan of every
    // page for each was quadratic: 75 million comparisons at 5 000 pages a language).
    let source_pages: HashMap<&str, &PageSource> = (site.pages)
        .iter()
        .filter(|p| p.lang == default)
        .map(|p| (p.key.as_str(), p))
        .collect();
    let source_terms = held_terms(site, &glossary, &source_pages);
    for (lang, language) in site.config.languages.iter().enumerate() {
        if language.pseudo {
            continue;
        }
        let rules = Rules::of(&language.tag);
        let terms: Vec<(&Term, &Rendering)> = glossary
            .iter()
            .filter(|_| lang != default)
            .filter_map(|t| t.translations.get(&language.code).map(|r| (t, r)))
            .collect();
        if rules == Rules::None && terms.is_empty() {
            continue;
        }
        let files = message_files(site, lang);
        for unit in messages(site, lang, &files) {
            if rules != Rules::None {
                typography(rules, &unit, &language.code, usize::MAX, out);
            }
            if let Some(source) = source_messages.iter().find(|s| s.name == unit.name) {
                let folded = Folded::of(source);
                let held: Vec<(&Term, &Rendering)> = terms
                    .iter()
                    .filter(|(t, _)| t.is_in(&folded))
                    .copied()
                    .collect();
                terminology(&held, &unit, &language.code, usize::MAX, out);
            }
        }
        let pages: Vec<&PageSource> = site.pages.iter().filter(|p| p.lang == lang).collect();
        let found: Vec<Vec<Diagnostic>> = pages
            .par_iter()
            .map(|page| {
                let mut found = Vec::new();
                let unit = page_unit(page);
                if rules != Rules::None {
                    typography(rules, &unit, &language.code, PAGE_SLIPS, &mut found);
                }
                if let Some(held) = source_terms.get(page.key.as_str()) {
                    let terms: Vec<(&Term, &Rendering)> = (glossary.iter().zip(held.iter()))
                        .filter(|(_, held)| **held)
                        .filter_map(|(t, _)| t.translations.get(&language.code).map(|r| (t, r)))
                        .collect();
                    terminology(&terms, &unit, &language.code, PAGE_SLIPS, &mut found);
                }
                found
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }
}

/// Which of the glossary's terms each source page holds, for the pages some language
/// translates (none without a glossary). A source page serves every language, so this is
/// found once; its folded text is not kept.
fn held_terms<'a>(
    site: &'a Site,
    glossary: &[Term],
    source_pages: &HashMap<&'a str, &'a PageSource>,
) -> HashMap<&'a str, Vec<bool>> {
    if glossary.is_empty() {
        return HashMap::new();
    }
    let default = site.config.default;
    let mut translated: Vec<&PageSource> = (site.pages.iter())
        .filter(|p| p.lang != default)
        .filter_map(|p| source_pages.get(p.key.as_str()).copied())
        .collect();
    translated.sort_by_key(|p| p.key.as_str());
    translated.dedup_by_key(|p| p.key.as_str());
    translated
        .par_iter()
        .map(|source| {
            let folded = Folded::of(&page_unit(source));
            let held = glossary.iter().map(|t| t.is_in(&folded)).collect();
            (source.key.as_str(), held)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// What a reader sees: text segments of messages and pages, as byte ranges of their file.

/// One message or one page: its file and the byte ranges of its visible text. A segment that
/// follows a placeable starts with a value the check cannot see (a number, a name).
struct Unit<'a> {
    /// The message ID, or the page's key.
    name: &'a str,
    src: &'a SourceFile,
    segments: Vec<Segment>,
    /// Where a finding about the whole unit points (the message ID, the page's first line).
    at: Range<usize>,
}

struct Segment {
    range: Range<usize>,
    after_value: bool,
}

impl<'a> Unit<'a> {
    /// A file's whole text as one unit named `a.md` (the tests' pages, a text the
    /// translate panel matches terms in).
    fn whole(src: &'a SourceFile) -> Unit<'a> {
        Unit {
            name: "a.md",
            src,
            segments: vec![Segment {
                range: 0..src.text.len(),
                after_value: false,
            }],
            at: 0..1,
        }
    }

    fn segment(&self, seg: &Segment) -> &str {
        &self.src.text[seg.range.clone()]
    }
}

/// A language's own message files, as the text their units point into.
fn message_files(site: &Site, lang: usize) -> Vec<SourceFile> {
    (site.locales.files.get(lang))
        .map(|files| files.iter().map(|f| f.source()).collect())
        .unwrap_or_default()
}

/// Every message of a language's own files (`sources`: [`message_files`]), as units.
fn messages<'a>(site: &'a Site, lang: usize, sources: &'a [SourceFile]) -> Vec<Unit<'a>> {
    let Some(files) = site.locales.files.get(lang) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (file, src) in files.iter().zip(sources) {
        let resource: &FluentResource = &file.resource;
        let base = resource.source().as_ptr() as usize;
        let offset = |s: &str| s.as_ptr() as usize - base;
        for entry in resource.entries() {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let mut segments = Vec::new();
            if let Some(value) = &m.value {
                pattern_segments(value, &offset, &mut segments);
            }
            for attribute in &m.attributes {
                pattern_segments(&attribute.value, &offset, &mut segments);
            }
            let at = offset(m.id.name);
            out.push(Unit {
                name: m.id.name,
                src,
                segments,
                at: at..at + m.id.name.len(),
            });
        }
    }
    out
}

fn pattern_segments(
    pattern: &ast::Pattern<&str>,
    offset: &dyn Fn(&str) -> usize,
    out: &mut Vec<Segment>,
) {
    let mut after_value = false;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                let start = offset(value);
                out.push(Segment {
                    range: start..start + value.len(),
                    after_value,
                });
                after_value = false;
            }
            ast::PatternElement::Placeable { expression } => {
                if let ast::Expression::Select { variants, .. } = expression {
                    for v in variants {
                        pattern_segments(&v.value, offset, out);
                    }
                }
                after_value = true;
            }
        }
    }
}

/// A page's title, description and Markdown text.
fn page_unit(page: &PageSource) -> Unit<'_> {
    let text = page.source.text.as_str();
    let mut segments = Vec::new();
    // The front matter's `title:` and `description:` values, as written on their line.
    let mut line_start = 0;
    for line in text[..page.body_start].split_inclusive('\n') {
        for key in ["title:", "description:"] {
            if let Some(rest) = line.strip_prefix(key) {
                let value = rest.trim();
                if !value.is_empty() {
                    let start = line_start + key.len() + (rest.len() - rest.trim_start().len());
                    segments.push(Segment {
                        range: start..start + value.len(),
                        after_value: false,
                    });
                }
            }
        }
        line_start += line.len();
    }
    let body = page.body();
    let mut in_code = 0usize;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            // Text as written (not rebuilt from escapes or entities), so that its offsets are
            // the file's.
            Event::Text(t) if in_code == 0 && body.get(range.clone()) == Some(&*t) => {
                let range = page.body_start + range.start..page.body_start + range.end;
                // The parser cuts text where markup might start (`!`, `[`...): rejoin it.
                match segments.last_mut() {
                    Some(last) if last.range.end == range.start => last.range.end = range.end,
                    _ => segments.push(Segment {
                        range,
                        after_value: false,
                    }),
                }
            }
            _ => {}
        }
    }
    // A finding about the whole page points at its first text below the front matter.
    let at = segments
        .iter()
        .map(|s| s.range.start)
        .find(|&start| start >= page.body_start)
        .unwrap_or(page.body_start.min(text.len()));
    Unit {
        name: &page.key,
        src: &page.source,
        segments,
        at: at..at + text[at..].chars().next().map_or(0, char::len_utf8),
    }
}

// ---------------------------------------------------------------------------------------------
// Typography.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rules {
    French,
    Chinese,
    None,
}

impl Rules {
    /// Whether `text` holds a character some rule looks at: most runs of prose hold none, and
    /// are passed over at the speed of a byte scan instead of a character at a time.
    fn may_slip(self, text: &str, after_value: bool) -> bool {
        let bytes = text.as_bytes();
        match self {
            // Punctuation, digits (a number before its unit) and `«` `»` (after 0xC2).
            Rules::French => {
                after_value
                    || bytes
                        .iter()
                        .any(|b| matches!(b, b':' | b';' | b'!' | b'?' | b'0'..=b'9' | 0xC2))
            }
            Rules::Chinese => {
                (bytes.iter()).any(|b| matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')'))
            }
            Rules::None => false,
        }
    }

    fn of(tag: &str) -> Rules {
        match tag.split(['-', '_']).next().unwrap_or("") {
            "fr" => Rules::French,
            "zh" => Rules::Chinese,
            _ => Rules::None,
        }
    }
}

/// A slip: its byte range in the segment, what is wrong, the hint, and what to write in
/// place of the range (what `polydocs fix` writes).
#[derive(Debug, PartialEq, Eq)]
struct Slip {
    range: Range<usize>,
    message: String,
    hint: &'static str,
    write: String,
}

/// The space French typography wants before `c`: a narrow no-break space before `;` `!` `?`
/// (as the Imprimerie nationale sets them), a no-break space before `:` and `»`.
fn french_space_before(c: char) -> char {
    if matches!(c, ';' | '!' | '?') {
        NNBSP
    } else {
        NBSP
    }
}

/// The full-width form of a half-width punctuation mark.
fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

/// How many typography slips (or glossary findings) of one page are reported one by one; the
/// last of them counts the rest. A page written with plain spaces throughout (as much French on the web is) has one
/// slip a sentence: a 5 000-page site gave 105 000 findings, which cost the build more time
/// and memory than rendering the pages, and told the publisher nothing the first ones do not.
const PAGE_SLIPS: usize = 3;

fn typography(rules: Rules, unit: &Unit, code: &str, most: usize, out: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut skipped = 0;
    for (at, slip) in slips_of(rules, unit) {
        // Past what is shown, a slip is only counted (placing it costs a scan of the file).
        if found.len() == most {
            skipped += 1;
            continue;
        }
        found.push(
            Diagnostic::warning(Code::Typography, slip.message)
                .at_range(unit.src, at)
                .in_language(code)
                .hint(slip.hint),
        );
    }
    push_capped(found, skipped, "typography slip(s)", most, out);
}

/// The typography slips of a unit, each with its byte range in the unit's file.
fn slips_of(rules: Rules, unit: &Unit) -> Vec<(Range<usize>, Slip)> {
    let mut out = Vec::new();
    for seg in &unit.segments {
        let text = unit.segment(seg);
        let slips = match rules {
            _ if !rules.may_slip(text, seg.after_value) => Vec::new(),
            Rules::French => french(text, seg.after_value),
            Rules::Chinese => chinese(text),
            Rules::None => Vec::new(),
        };
        for slip in slips {
            let at = seg.range.start + slip.range.start..seg.range.start + slip.range.end;
            out.push((at, slip));
        }
    }
    out
}

/// One typography slip as `polydocs fix` rewrites it: in `file` (relative to the site, as
/// read: line feeds), replace `range` with `write`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub(crate) file: String,
    pub(crate) range: Range<usize>,
    pub(crate) write: String,
    /// What was wrong, and where (`file:line:column`), for the report.
    pub(crate) message: String,
    pub(crate) position: crate::source::Position,
}

/// Every typography slip of the site's messages and pages in language `only` (or every
/// language), with what to write instead: `check` reports them, `fix` writes them.
pub fn typography_fixes(site: &Site, only: Option<usize>) -> Vec<Fix> {
    let mut fixes = Vec::new();
    for (lang, language) in site.config.languages.iter().enumerate() {
        let rules = Rules::of(&language.tag);
        if language.pseudo || rules == Rules::None || only.is_some_and(|o| o != lang) {
            continue;
        }
        let files = message_files(site, lang);
        let units = messages(site, lang, &files)
            .into_iter()
            .chain(site.pages.iter().filter(|p| p.lang == lang).map(page_unit));
        for unit in units {
            for (range, slip) in slips_of(rules, &unit) {
                fixes.push(Fix {
                    file: unit.src.display.clone(),
                    position: unit.src.position(range.start),
                    range,
                    write: slip.write,
                    message: slip.message,
                });
            }
        }
    }
    fixes
}

/// Pushes the first `most` of one page's findings, the last of them counting the rest (and
/// `skipped`, those counted without being made).
fn push_capped(
    mut found: Vec<Diagnostic>,
    skipped: usize,
    what: &str,
    most: usize,
    out: &mut Vec<Diagnostic>,
) {
    if found.len() > most || skipped > 0 {
        let more = found.len().saturating_sub(most) + skipped;
        found.truncate(most);
        if let Some(last) = found.last_mut() {
            last.message = format!(
                "{} (and {more} more {what} further in this page, not listed one by one)",
                last.message
            );
        }
    }
    out.extend(found);
}

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';
const FRENCH_HINT: &str = "write a no-break space (U+00A0) or a narrow no-break space (U+202F) \
    there; `polydocs` keeps it as written";
const FRENCH_UNITS: [&str; 11] = [
    "h", "min", "minute", "minutes", "heure", "heures", "jour", "jours", "an", "ans", "%",
];

/// French slips in one run of text. `after_value`: the text follows a placeable (a number or
/// a name the check cannot see), which counts as a word or a number before it.
fn french(text: &str, after_value: bool) -> Vec<Slip> {
    let run = FrenchRun {
        text,
        chars: text.char_indices().collect(),
        after_value,
    };
    let mut slips = Vec::new();
    for (i, &(_, c)) in run.chars.iter().enumerate() {
        match c {
            ':' | ';' | '!' | '?' | '»' => slips.extend(run.space_before_mark(i, c)),
            '«' => slips.extend(run.space_after_opening_quote(i)),
            ' ' => {
                slips.extend(run.space_before_unit(i));
                slips.extend(run.space_in_time(i));
            }
            _ => {}
        }
    }
    // The minutes' check needs the character before the space to be `h`; a time whose `h`
    // follows a placeable is "{ $hour } h { $minute }", seen as " h " after a value.
    if after_value && text.starts_with(" h ") {
        slips.push(time_slip(2..3));
    }
    slips.sort_by_key(|s| s.range.start);
    slips.dedup_by_key(|s| s.range.start);
    slips
}

/// One run of French text, read a character at a time: each rule looks at the characters
/// around one.
struct FrenchRun<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
    /// The text follows a placeable, which counts as a word or a number before it.
    after_value: bool,
}

impl FrenchRun<'_> {
    /// Where the character at `i` ends.
    #[inline]
    fn end_of(&self, i: usize) -> usize {
        self.chars.get(i + 1).map_or(self.text.len(), |&(at, _)| at)
    }

    /// The range of the character at `i`.
    #[inline]
    fn range(&self, i: usize) -> Range<usize> {
        self.chars[i].0..self.end_of(i)
    }

    #[inline]
    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).map(|j| self.chars[j].1)
    }

    #[inline]
    fn after(&self, i: usize) -> Option<char> {
        self.chars.get(i + 1).map(|&(_, c)| c)
    }

    /// `:` `;` `!` `?` `»` (`c`, at `i`) want a no-break space before them: a plain one lets the
    /// line break there, and none at all is a slip too, but for a colon or question mark glued
    /// to both sides, which is an address or a time.
    fn space_before_mark(&self, i: usize, c: char) -> Option<Slip> {
        let missing = || mark_slip(self.range(i), format!("no space before « {c} »"), c);
        match self.before(i) {
            Some(' ') => Some(mark_slip(
                self.chars[i - 1].0..self.end_of(i),
                format!("a plain space before « {c} », which can break the line there"),
                c,
            )),
            Some(b) if b != NBSP && b != NNBSP && !is_space(b) && !"«:;!?".contains(b) => {
                let glued = self.after(i).is_some_and(|a| !is_space(a));
                (c == '»' || !glued).then(missing)
            }
            None if self.after_value && matches!(c, ':' | ';' | '!' | '?') => Some(missing()),
            _ => None,
        }
    }

    /// `«` (at `i`) wants a no-break space after it.
    fn space_after_opening_quote(&self, i: usize) -> Option<Slip> {
        match self.after(i) {
            Some(' ') => Some(Slip {
                range: self.range(i + 1),
                message: "a plain space after « « », which can break the line there".into(),
                hint: FRENCH_HINT,
                write: NBSP.to_string(),
            }),
            Some(a) if a != NBSP && a != NNBSP && !is_space(a) => Some(Slip {
                range: self.range(i),
                message: "no space after « « »".into(),
                hint: FRENCH_HINT,
                write: format!("«{NBSP}"),
            }),
            _ => None,
        }
    }

    /// The plain space at `i` between a number and a unit ("3 jours"), which lets a line
    /// break between them.
    fn space_before_unit(&self, i: usize) -> Option<Slip> {
        let number_before = match self.before(i) {
            Some(b) => b.is_ascii_digit(),
            None => self.after_value,
        };
        let rest = &self.text[self.end_of(i)..];
        let word = match rest.find(|c: char| !(c.is_alphabetic() || c == '%')) {
            Some(end) => &rest[..end],
            None => rest,
        };
        let ends = rest[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (number_before && ends && FRENCH_UNITS.contains(&word)).then(|| Slip {
            range: self.range(i),
            message: format!(
                "a plain space between a number and « {word} »: they can be split across two lines"
            ),
            hint: FRENCH_HINT,
            write: NBSP.to_string(),
        })
    }

    /// The plain space at `i` before the minutes of a time: "6 h 00".
    fn space_in_time(&self, i: usize) -> Option<Slip> {
        let minutes = self.before(i) == Some('h')
            && self.after(i).is_some_and(|a| a.is_ascii_digit())
            && i >= 2
            && matches!(self.chars[i - 2].1, ' ' | NBSP | NNBSP);
        minutes.then(|| time_slip(self.range(i)))
    }
}

/// A slip about the space before the mark `c`, at `range`: the fix writes the space French
/// wants there and the mark.
fn mark_slip(range: Range<usize>, message: String, c: char) -> Slip {
    Slip {
        range,
        message,
        hint: FRENCH_HINT,
        write: format!("{}{c}", french_space_before(c)),
    }
}

/// A plain space inside a time, at `range`.
fn time_slip(range: Range<usize>) -> Slip {
    Slip {
        range,
        message: "a plain space inside a time (« h 00 »)".into(),
        hint: FRENCH_HINT,
        write: NBSP.to_string(),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

const CHINESE_HINT: &str = "write the full-width form (，；：？！（）) beside Chinese characters";

/// Whether a character is written in a CJK script or is CJK punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// Whether a character is a CJK letter (not punctuation).
fn is_cjk_letter(c: char) -> bool {
    is_cjk(c) && !matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Chinese slips in one run of text: half-width punctuation beside Chinese characters.
fn chinese(text: &str) -> Vec<Slip> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let near = |from: usize, back: bool| -> Option<char> {
        if back {
            chars[..from]
                .iter()
                .rev()
                .map(|&(_, c)| c)
                .find(|c| *c != ' ')
        } else {
            chars[from + 1..]
                .iter()
                .map(|&(_, c)| c)
                .find(|c| *c != ' ')
        }
    };
    let mut slips = Vec::new();
    // Whether the last `(` was reported: its `)` is too, whatever follows it (`）。`).
    let mut open = false;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let wrong = match c {
            ',' | ';' | ':' | '?' | '!' => {
                near(i, true).is_some_and(is_cjk) && near(i, false).is_none_or(is_cjk)
            }
            '(' => {
                open = near(i, true).is_some_and(is_cjk_letter);
                open
            }
            ')' => std::mem::take(&mut open) || near(i, false).is_some_and(is_cjk_letter),
            _ => false,
        };
        if wrong {
            slips.push(Slip {
                range: at..at + 1,
                message: format!("half-width `{c}` beside Chinese characters"),
                hint: CHINESE_HINT,
                write: full_width(c).to_string(),
            });
        }
    }
    slips
}

// ---------------------------------------------------------------------------------------------
// Terminology.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    terms: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    /// The term as the default language writes it.
    term: Text,
    /// Why the renderings are what they are (for the people who edit the file).
    #[serde(default)]
    #[allow(dead_code)]
    why: Option<String>,
    /// Per language code: how a translation writes the term.
    #[serde(default)]
    translations: BTreeMap<String, Rendering>,
}

impl Term {
    /// Whether a source's folded text holds the term.
    fn is_in(&self, source: &Folded) -> bool {
        !find_folded(source, &self.term.value).is_empty()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rendering {
    /// The accepted renderings (forms of one term: singular, plural...); one is required.
    #[serde(default, rename = "use")]
    required: Vec<String>,
    /// Renderings a translation must not use.
    #[serde(default)]
    avoid: Vec<String>,
}

/// The glossary's terms that a language writes as the source does (its accepted rendering is
/// the term itself: a product name): left out when a block's words are weighed for
/// translation. An unreadable glossary gives none (`check` reports it).
pub fn kept_terms(site: &Site, code: &str) -> Vec<String> {
    let mut ignored = Vec::new();
    kept_of(&load_glossary(site, &mut ignored), code)
}

/// A glossary term a source text holds, with how language `code` writes it: what the
/// preview's translate panel shows beside a message or a block.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TermHint {
    pub(crate) term: String,
    #[serde(rename = "use")]
    pub(crate) required: Vec<String>,
    pub(crate) avoid: Vec<String>,
}

/// For each of `texts` (source texts), the glossary's terms it holds that language `code`
/// has renderings for; the glossary read once. Matched as the check matches them, case and
/// width folded.
pub fn terms_in(
    root: &std::path::Path,
    config: &crate::config::SiteConfig,
    code: &str,
    texts: &[String],
) -> Vec<Vec<TermHint>> {
    let glossary = load_glossary_of(root, config, &mut Vec::new());
    let wanted: Vec<(&Term, &Rendering)> = (glossary.iter())
        .filter_map(|t| t.translations.get(code).map(|r| (t, r)))
        .collect();
    texts
        .iter()
        .map(|text| {
            if wanted.is_empty() {
                return Vec::new();
            }
            let src = SourceFile::from_text("text", text.clone());
            let folded = Folded::of(&Unit::whole(&src));
            (wanted.iter())
                .filter(|(t, _)| t.is_in(&folded))
                .map(|(t, r)| TermHint {
                    term: t.term.value.clone(),
                    required: r.required.clone(),
                    avoid: r.avoid.clone(),
                })
                .collect()
        })
        .collect()
}

/// [`kept_terms`] for every language, the glossary read once.
pub(crate) fn kept_terms_by_language(
    site: &Site,
) -> std::collections::HashMap<String, Vec<String>> {
    let mut ignored = Vec::new();
    let glossary = load_glossary(site, &mut ignored);
    (site.config.languages.iter())
        .map(|l| (l.code.clone(), kept_of(&glossary, &l.code)))
        .collect()
}

fn kept_of(glossary: &[Term], code: &str) -> Vec<String> {
    glossary
        .iter()
        .filter(|t| {
            t.translations.get(code).is_some_and(|r| {
                r.required
                    .iter()
                    .any(|u| u.to_lowercase() == t.term.value.to_lowercase())
            })
        })
        .map(|t| t.term.value.clone())
        .collect()
}

/// The glossary's terms; none when the site has no glossary. An unreadable glossary is
/// reported and counts as empty.
fn load_glossary(site: &Site, out: &mut Vec<Diagnostic>) -> Vec<Term> {
    load_glossary_of(&site.root, &site.config, out)
}

/// [`load_glossary`] of the site at `root` with settings `config`.
fn load_glossary_of(
    root: &std::path::Path,
    config: &crate::config::SiteConfig,
    out: &mut Vec<Diagnostic>,
) -> Vec<Term> {
    let path = root.join(GLOSSARY);
    if !path.exists() {
        return Vec::new();
    }
    let src = match SourceFile::read(root, &path) {
        Ok(src) => src,
        Err(d) => {
            out.push(*d);
            return Vec::new();
        }
    };
    let file: GlossaryFile = match yaml::parse(&src) {
        Ok(file) => file,
        Err(d) => {
            out.push(*d);
            return Vec::new();
        }
    };
    let codes = config.codes();
    let mut terms = Vec::new();
    for term in file.terms {
        let position = yaml::spanned_position(&term.term, 0);
        let blank = term.term.value.trim().is_empty()
            || term.translations.values().any(|r| {
                r.required
                    .iter()
                    .chain(&r.avoid)
                    .any(|s| s.trim().is_empty())
            });
        if blank {
            out.push(
                Diagnostic::warning(Code::EmptyValue, "a glossary term or rendering is empty")
                    .spanning(&src, position, term.term.value.chars().count())
                    .hint("write the term and each rendering, or remove the entry"),
            );
            continue;
        }
        if let Some(unknown) = term
            .translations
            .keys()
            .find(|c| !codes.contains(&c.as_str()))
        {
            out.push(
                Diagnostic::error(
                    Code::UnknownLanguage,
                    format!(
                        "the glossary entry `{}` names the unknown language `{unknown}`",
                        term.term.value
                    ),
                )
                .spanning(&src, position, term.term.value.chars().count())
                .hint(format!(
                    "use a language code of site.yaml: {}",
                    codes.join(", ")
                )),
            );
            continue;
        }
        terms.push(term);
    }
    terms
}

/// The glossary's findings in `unit` for `terms`, the terms its source holds.
fn terminology(
    terms: &[(&Term, &Rendering)],
    unit: &Unit,
    code: &str,
    most: usize,
    out: &mut Vec<Diagnostic>,
) {
    let mut found = Vec::new();
    if terms.is_empty() {
        return;
    }
    let text = Folded::of(unit);
    for (term, rendering) in terms {
        let required: Vec<Range<usize>> = rendering
            .required
            .iter()
            .flat_map(|r| find_folded(&text, r))
            .collect();
        let mut avoided: Vec<(Range<usize>, &str)> = Vec::new();
        for variant in &rendering.avoid {
            for r in find_folded(&text, variant) {
                let inside = required
                    .iter()
                    .any(|q| q.start <= r.start && r.end <= q.end);
                if !inside {
                    avoided.push((r, variant.as_str()));
                }
            }
        }
        avoided.sort_by_key(|(r, _)| r.start);
        let use_list = rendering
            .required
            .iter()
            .map(|r| format!("« {r} »"))
            .collect::<Vec<_>>()
            .join(" or ");
        for (at, variant) in avoided {
            let hint = if use_list.is_empty() {
                format!("the glossary ({GLOSSARY}) rules « {variant} » out")
            } else {
                format!("write {use_list}, as the glossary ({GLOSSARY}) says")
            };
            found.push(
                Diagnostic::warning(
                    Code::Terminology,
                    format!(
                        "`{}` renders « {} » as « {variant} », a variant the glossary rules out",
                        unit.name, term.term.value
                    ),
                )
                .at_range(unit.src, text.original(at))
                .in_language(code)
                .hint(hint),
            );
        }
        if required.is_empty() && !rendering.required.is_empty() {
            found.push(
                Diagnostic::warning(
                    Code::Terminology,
                    format!(
                        "the source of `{}` says « {} », and its translation has none of the glossary's renderings",
                        unit.name, term.term.value
                    ),
                )
                .at_range(unit.src, unit.at.clone())
                .in_language(code)
                .hint(format!("write {use_list}, as the glossary ({GLOSSARY}) says")),
            );
        }
    }
    push_capped(found, 0, "terminology finding(s)", most, out);
}

/// Folds a character for matching: lower case, typographic apostrophe as `'`, no-break
/// spaces as spaces.
fn fold(c: char) -> char {
    match c {
        '\u{2019}' => '\'',
        NBSP | NNBSP => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The byte ranges where `needle` occurs in `hay`, folded (see [`fold`]); a needle that
/// starts with a letter matches only at the start of a word.
#[cfg(test)]
fn find(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let src = SourceFile::from_text("a.md", hay);
    let unit = Unit::whole(&src);
    let folded = Folded::of(&unit);
    (find_folded(&folded, needle).into_iter())
        .map(|r| folded.original(r))
        .collect()
}

/// A unit's text folded once for all of its searches: its segments folded (see [`fold`]) one
/// after the other, apart by a space where only white space parts them in the file (the
/// lines of a paragraph) and otherwise by a line break that no term holds, so that no match
/// spans two cells, items or messages.
///
/// A substring search (SIMD) over the one string finds a term anywhere in a page, where a
/// scan per segment and character cost the check more than rendering the page. A match of a
/// folded needle starts at a character (UTF-8 does not match inside one).
struct Folded {
    text: String,
    /// Where the folded text and the file stop moving together (a segment's start; after a
    /// character whose fold has another length): a folded offset and the file's offset there.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    fn of(unit: &Unit) -> Folded {
        let mut text = String::new();
        let mut anchors = Vec::new();
        let mut end = None;
        for seg in &unit.segments {
            // Lines of one paragraph read as one text: a term may wrap.
            let gap = end.and_then(|end| unit.src.text.get(end..seg.range.start));
            text.push(match gap {
                Some(gap) if gap.chars().all(char::is_whitespace) => ' ',
                _ => '\n',
            });
            end = Some(seg.range.end);
            anchors.push((text.len(), seg.range.start));
            let segment = unit.segment(seg);
            // Most text is ASCII: its bytes fold in place, a stretch at a time.
            let mut from = 0;
            while from < segment.len() {
                let ascii = segment.as_bytes()[from..]
                    .iter()
                    .position(|b| !b.is_ascii())
                    .map_or(segment.len(), |n| from + n);
                let start = text.len();
                text.push_str(&segment[from..ascii]);
                text[start..].make_ascii_lowercase();
                let Some(c) = segment[ascii..].chars().next() else {
                    break;
                };
                let at = ascii;
                from = ascii + c.len_utf8();
                let folded = fold(c);
                text.push(folded);
                if folded.len_utf8() != c.len_utf8() {
                    anchors.push((text.len(), seg.range.start + at + c.len_utf8()));
                }
            }
        }
        Folded { text, anchors }
    }

    /// The file's byte range of a folded range.
    fn original(&self, range: Range<usize>) -> Range<usize> {
        let at = |folded: usize| {
            let i = self.anchors.partition_point(|&(f, _)| f <= folded);
            match i.checked_sub(1).map(|i| self.anchors[i]) {
                Some((f, o)) => o + (folded - f),
                None => folded,
            }
        };
        at(range.start)..at(range.end)
    }
}

/// Where `needle`, folded, occurs in `hay`, as ranges of the folded text.
fn find_folded(hay: &Folded, needle: &str) -> Vec<Range<usize>> {
    let needle: String = needle.chars().map(fold).collect();
    let Some(first) = needle.chars().next() else {
        return Vec::new();
    };
    let at_word_start = first.is_alphanumeric() && !is_cjk(first);
    memchr::memmem::find_iter(hay.text.as_bytes(), needle.as_bytes())
        .filter(|&start| {
            !at_word_start
                || !(hay.text[..start].chars().next_back()).is_some_and(char::is_alphanumeric)
        })
        .map(|start| start..start + needle.len())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slips(v: Vec<Slip>) -> Vec<(usize, String)> {
        v.into_iter().map(|s| (s.range.start, s.message)).collect()
    }

    #[test]
    fn french_punctuation_takes_a_no_break_space() {
        assert!(french("Et ensuite\u{a0}?", false).is_empty());
        assert!(french("Réservé à\u{202f}: x", false).is_empty());
        assert!(french("«\u{a0}Office Hours\u{a0}»", false).is_empty());
        let s = slips(french("Examens : 2", false));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, 7, "{s:?}");
        assert!(s[0].1.contains("plain space before « : »"), "{s:?}");
        assert_eq!(slips(french("Quoi?", false))[0].1, "no space before « ? »");
        assert_eq!(french("« Office Hours »", false).len(), 2);
        assert_eq!(french("«Office»", false).len(), 2);
    }

    #[test]
    fn french_leaves_addresses_and_clock_times_alone() {
        assert!(french("https://status.adobe.com/?lang=fr", false).is_empty());
        assert!(french("entre 10:30 et 11:00", false).is_empty());
    }

    #[test]
    fn french_numbers_and_units_stay_together() {
        assert!(french("6\u{a0}h\u{a0}00 et 15\u{a0}minutes", false).is_empty());
        let s = slips(french("6 h 00", false));
        assert_eq!(
            s.iter().map(|s| s.0).collect::<Vec<_>>(),
            vec![1, 3],
            "{s:?}"
        );
        assert_eq!(french("en 3 jours", false).len(), 1);
        // Not a unit: the space may break.
        assert!(french("les 4 offres et la priorité 1 à traiter", false).is_empty());
        // After a placeable: "{ $count } heures", "{ $hour } h { $minute }".
        assert_eq!(french(" heures", true).len(), 1);
        assert_eq!(french(" h ", true).len(), 2);
        assert_eq!(slips(french(" : ", true)).len(), 1);
        assert_eq!(slips(french(": x", true)).len(), 1);
    }

    #[test]
    fn chinese_punctuation_is_full_width_beside_han() {
        assert!(chinese("支援（依據產品）與 24x7, P1 (API)").is_empty());
        assert!(chinese("請見 https://status.adobe.com/ (English, French)。").is_empty());
        let s = slips(chinese("支援聯絡人 (依據產品)，以及"));
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].1, "half-width `(` beside Chinese characters");
        assert_eq!(chinese("這是,那是").len(), 1);
        assert_eq!(chinese("問題?").len(), 1);
        assert!(chinese("Adobe, Inc.").is_empty());
    }

    #[test]
    fn terms_match_folded_and_at_word_starts() {
        assert_eq!(
            find("Les Contacts d’assistance", "contacts d'assistance"),
            vec![4..27]
        );
        assert!(find("uncontacts", "contacts").is_empty());
        assert_eq!(find("服務層級目標：最初回應", "最初回應").len(), 1);
        assert!(find("abc", "").is_empty());
    }

    #[test]
    fn a_page_full_of_slips_gives_a_few_findings_and_counts_the_rest() {
        let text = "Note : un. Note : deux. Note : trois. Note : quatre. Note : cinq.";
        let src = SourceFile::from_text("content/fr/a.md", text);
        let unit = Unit::whole(&src);
        let mut out = Vec::new();
        typography(Rules::French, &unit, "fr", PAGE_SLIPS, &mut out);
        assert_eq!(out.len(), PAGE_SLIPS);
        assert!(
            out[PAGE_SLIPS - 1].message.contains("and 2 more"),
            "{}",
            out[2].message
        );
        assert!(!out[0].message.contains("more"));
        // Messages are short: every slip of one is listed.
        let mut all = Vec::new();
        typography(Rules::French, &unit, "fr", usize::MAX, &mut all);
        assert_eq!(all.len(), 5);
    }

    #[test]
    fn rules_follow_the_language_tag() {
        assert_eq!(Rules::of("fr"), Rules::French);
        assert_eq!(Rules::of("fr-CA"), Rules::French);
        assert_eq!(Rules::of("zh-Hant-TW"), Rules::Chinese);
        assert_eq!(Rules::of("en"), Rules::None);
    }
}
