//! Which translations are up to date: fingerprints of source pages and messages, the lock
//! files that record them per language, and the state of every translation.
//!
//! A translated page records in its front matter (`source-hash:`) the fingerprint of the
//! default-language page it was translated from; a translated message is recorded in
//! `locales/<code>/translations.lock`. When the source changes, its fingerprint no longer
//! matches and the translation is *outdated*. `polydocs mark` writes the fingerprints, so
//! nobody edits hashes by hand.
//!
//! `mark` also keeps the source text it certified (messages in `translations.lock`, pages in
//! `locales/<code>/pages.lock`), so that an outdated translation can show what changed in
//! its source since ([`diff`]). A translation whose text is the source's own (English copied
//! over) is *same as source*, not translated, unless `mark --include-identical` recorded it
//! as identical on purpose (a brand name).
//!
//! A language or page never marked is *untracked*: nothing can say whether it is outdated,
//! and `status` says so rather than counting it up to date.

pub mod blocks;
pub mod diff;
pub mod edit;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic};
use crate::l10n::Locales;
use crate::site::Site;

/// The lock file of a language's messages, inside its locale folder.
pub(crate) const LOCK_FILE: &str = "translations.lock";
/// The lock file of a language's pages, inside its locale folder (the fingerprint itself is
/// in each page's front matter; this file keeps the source text it stands for).
pub(crate) const PAGES_LOCK_FILE: &str = "pages.lock";
/// The flag of a lock entry whose translation is identical to its source on purpose.
pub(crate) const IDENTICAL: &str = "same-as-source";
/// How a lock entry records the translation's own fingerprint: `translation=<fingerprint>`.
pub(crate) const TRANSLATION_PREFIX: &str = "translation=";
/// How a pages' lock entry records the blocks of the translation certified identical to
/// their source (`mark --include-identical`): `same-blocks=<fingerprint>,<fingerprint>`.
pub(crate) const SAME_BLOCKS_PREFIX: &str = "same-blocks=";

/// Whether a word of a lock file is a fingerprint: 16 hex digits.
fn is_fingerprint(word: &str) -> bool {
    word.len() == 16 && word.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A short, stable fingerprint (64-bit FNV-1a, hex): the same text gives the same value on
/// every machine and every version of polydocs.
pub(crate) fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// What a translator translates of a page: its title, description and body, as one text.
pub(crate) fn page_text(page: &PageSource) -> String {
    let description = page.front.description.as_deref().unwrap_or("");
    format!("{}\n{}\n{}", page.front.title, description, page.body())
}

/// The fingerprint of [`page_text`].
pub fn page_fingerprint(page: &PageSource) -> String {
    fingerprint(&page_text(page))
}

/// Whether a translated page is the source page copied: the same body (or, for a page
/// without a body, the same title).
pub(crate) fn page_is_copy(translation: &PageSource, source: &PageSource) -> bool {
    let (body, source_body) = (translation.body().trim(), source.body().trim());
    if source_body.is_empty() {
        body.is_empty() && translation.front.title.trim() == source.front.title.trim()
    } else {
        body == source_body
    }
}

/// One message of a language, as the fingerprint sees it: its normalized syntax (comments and
/// layout left out, so rewrapping a file or editing a comment outdates nothing), and whether
/// it has words to translate (`{ $coverage } / { $duration }` has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MessageText {
    pub(crate) text: String,
    pub(crate) has_words: bool,
}

impl MessageText {
    pub(crate) fn fingerprint(&self) -> String {
        fingerprint(&self.text)
    }
}

/// Every message of a language, by ID (the first definition wins).
pub(crate) fn message_texts(locales: &Locales, lang: usize) -> BTreeMap<String, MessageText> {
    messages(locales, lang)
        .into_iter()
        .map(|(id, m)| (id.to_string(), message_text(m)))
        .collect()
}

/// Every message of a language as parsed, by ID (the first definition wins): cheap to
/// compare before any text is made.
pub(crate) fn messages(locales: &Locales, lang: usize) -> BTreeMap<&str, &ast::Message<&str>> {
    let mut out = BTreeMap::new();
    for file in &locales.files[lang] {
        for entry in file.resource.entries() {
            if let ast::Entry::Message(m) = entry {
                out.entry(m.id.name).or_insert(m);
            }
        }
    }
    out
}

/// A message as text, comments left out (what fingerprints and copies are judged on).
pub(crate) fn message_text(m: &ast::Message<&str>) -> MessageText {
    let mut m = m.clone();
    m.comment = None;
    let has_words = m.value.as_ref().is_some_and(pattern_has_words)
        || m.attributes.iter().any(|a| pattern_has_words(&a.value));
    let text = fluent_syntax::serializer::serialize(&ast::Resource {
        body: vec![ast::Entry::Message(m)],
    });
    MessageText { text, has_words }
}

fn pattern_has_words(pattern: &ast::Pattern<&str>) -> bool {
    pattern.elements.iter().any(|e| match e {
        ast::PatternElement::TextElement { value } => value.chars().any(char::is_alphabetic),
        ast::PatternElement::Placeable { expression } => expression_has_words(expression),
    })
}

fn expression_has_words(expression: &ast::Expression<&str>) -> bool {
    match expression {
        ast::Expression::Select { variants, .. } => {
            variants.iter().any(|v| pattern_has_words(&v.value))
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_has_words(expression)
        }
        ast::Expression::Inline(_) => false,
    }
}

/// What `mark` recorded about one translation.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct LockEntry {
    /// The source's fingerprint when the translation was marked.
    pub(crate) hash: String,
    /// The translation was identical to its source, on purpose (`--include-identical`).
    pub(crate) identical: bool,
    /// The source text that was marked, when recorded.
    pub(crate) text: Option<String>,
    /// The translation's own fingerprint when it was marked (lock files written before it
    /// was recorded have none): a translation still at this fingerprint after its source
    /// changed was not updated, and `mark` does not certify it without `--force`.
    pub translation: Option<String>,
    /// For a page: the fingerprints of its blocks certified identical to their source on
    /// purpose (a name, a command), so that they are not reported as copied.
    pub(crate) same_blocks: Vec<String>,
}

/// A lock file: message ID (or page key) → what was marked.
///
/// One entry a block, sorted, so that a change shows in git as the lines it changes:
///
/// ```text
/// footer-note 1f0c9a62b7d3e854 translation=0c9a62b7d3e8541f
///   | footer-note = This site is available in several languages.
/// channel-experience-league 2b7d3e8541f0c9a6 same-as-source translation=2b7d3e8541f0c9a6
///   | channel-experience-league = Experience League
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Lock {
    pub(crate) entries: BTreeMap<String, LockEntry>,
}

impl Lock {
    /// The messages' lock file of a language.
    pub(crate) fn path(root: &Path, code: &str) -> PathBuf {
        root.join("locales").join(code).join(LOCK_FILE)
    }

    /// The pages' lock file of a language.
    pub(crate) fn pages_path(root: &Path, code: &str) -> PathBuf {
        root.join("locales").join(code).join(PAGES_LOCK_FILE)
    }

    /// Reads the messages' lock file of a language; a missing file is an empty lock.
    pub(crate) fn read(root: &Path, code: &str) -> Result<Lock, Box<Diagnostic>> {
        Lock::read_file(root, &Lock::path(root, code), code)
    }

    /// Reads the pages' lock file of a language; a missing file is an empty lock.
    pub(crate) fn read_pages(root: &Path, code: &str) -> Result<Lock, Box<Diagnostic>> {
        Lock::read_file(root, &Lock::pages_path(root, code), code)
    }

    fn read_file(root: &Path, path: &Path, code: &str) -> Result<Lock, Box<Diagnostic>> {
        if std::fs::symlink_metadata(path).is_err() {
            return Ok(Lock::default());
        }
        let src = crate::source::SourceFile::read(root, path)
            .map_err(|d| Box::new(d.in_language(code)))?;
        Lock::parse(&src.text).map_err(|line| {
            Box::new(
                Diagnostic::error(
                    Code::BadLockFile,
                    "this line is not `id fingerprint`, optionally followed by `same-as-source`, \
                     `translation=fingerprint` and `same-blocks=fingerprint,…`, nor `  | source text`",
                )
                .at(&src, crate::source::Position { line, column: 1 })
                .in_language(code)
                .hint(format!(
                    "delete the line and run `polydocs mark {code} --all` again"
                )),
            )
        })
    }

    /// Parses a lock file's text; `Err` holds the number of the first line that is wrong.
    pub fn parse(text: &str) -> Result<Lock, usize> {
        let mut entries: BTreeMap<String, LockEntry> = BTreeMap::new();
        // The entry being read, kept out of the map until its source lines are all read.
        let mut current: Option<(String, LockEntry)> = None;
        for (n, line) in text.lines().enumerate() {
            if let Some(rest) = line.strip_prefix("  |") {
                let Some((_, entry)) = current.as_mut() else {
                    return Err(n + 1);
                };
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                let text = entry.text.get_or_insert_with(String::new);
                text.push_str(rest);
                text.push('\n');
                continue;
            }
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            let (Some(id), Some(hash)) = (words.next(), words.next()) else {
                return Err(n + 1);
            };
            if !is_fingerprint(hash) {
                return Err(n + 1);
            }
            let mut entry = LockEntry {
                hash: hash.to_string(),
                ..LockEntry::default()
            };
            for word in words {
                if word == IDENTICAL && !entry.identical && entry.translation.is_none() {
                    entry.identical = true;
                } else if let Some(own) = word.strip_prefix(TRANSLATION_PREFIX)
                    && is_fingerprint(own)
                    && entry.translation.is_none()
                {
                    entry.translation = Some(own.to_string());
                } else if let Some(list) = word.strip_prefix(SAME_BLOCKS_PREFIX)
                    && entry.same_blocks.is_empty()
                    && list.split(',').all(is_fingerprint)
                {
                    entry.same_blocks = list.split(',').map(str::to_string).collect();
                } else {
                    return Err(n + 1);
                }
            }
            if let Some((id, done)) = current.replace((id.to_string(), entry)) {
                entries.insert(id, done);
            }
        }
        if let Some((id, done)) = current {
            entries.insert(id, done);
        }
        Ok(Lock { entries })
    }

    /// The text of a lock file, entries sorted.
    pub(crate) fn render(&self, header: &str) -> String {
        let mut text = String::from(header);
        for (id, entry) in &self.entries {
            text.push_str(id);
            text.push(' ');
            text.push_str(&entry.hash);
            if entry.identical {
                text.push(' ');
                text.push_str(IDENTICAL);
            }
            if let Some(own) = &entry.translation {
                text.push(' ');
                text.push_str(TRANSLATION_PREFIX);
                text.push_str(own);
            }
            if !entry.same_blocks.is_empty() {
                text.push(' ');
                text.push_str(SAME_BLOCKS_PREFIX);
                text.push_str(&entry.same_blocks.join(","));
            }
            text.push('\n');
            if let Some(source) = &entry.text {
                for line in source.strip_suffix('\n').unwrap_or(source).split('\n') {
                    if line.is_empty() {
                        text.push_str("  |\n");
                    } else {
                        text.push_str("  | ");
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
        }
        text
    }

    /// Writes the messages' lock file of a language.
    pub(crate) fn write(&self, root: &Path, code: &str) -> std::io::Result<()> {
        let text = self.render(
            "# Each message's source when its translation was marked up to date: its fingerprint,\n# `same-as-source` if the translation is identical on purpose, the translation's own\n# fingerprint, and the source text.\n# Written by `polydocs mark`; do not edit by hand.\n",
        );
        crate::source::replace_file(&Lock::path(root, code), text.as_bytes())
    }

    /// Writes the pages' lock file of a language.
    pub(crate) fn write_pages(&self, root: &Path, code: &str) -> std::io::Result<()> {
        let text = self.render(
            "# Each page's source (title, description, body) when its translation was marked up to\n# date, to show what changed since. The fingerprint is the page's `source-hash:`; then the\n# translation's own fingerprint.\n# Written by `polydocs mark`; do not edit by hand.\n",
        );
        crate::source::replace_file(&Lock::pages_path(root, code), text.as_bytes())
    }
}

/// Counts of one kind of translation (messages or pages) in one language.
///
/// `translated + missing + same_as_source == total`; `outdated` and `untracked` are parts
/// of `translated`.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub(crate) struct Counts {
    pub(crate) total: usize,
    /// Defined in the language, in words of its own (or identical on purpose).
    pub(crate) translated: usize,
    pub(crate) missing: usize,
    /// Defined in the language with the source's own text: a copy, not a translation.
    pub(crate) same_as_source: usize,
    /// Translated from a source that has changed since it was marked.
    pub(crate) outdated: usize,
    /// Translated, but never marked: nothing says whether it is up to date.
    pub(crate) untracked: usize,
}

impl Counts {
    /// Share of the source that is translated and not known to be outdated, in percent.
    pub(crate) fn percent_done(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            (self.translated - self.outdated) as f64 * 100.0 / self.total as f64
        }
    }
}

/// What changed in the source of an outdated translation since it was marked.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Change {
    /// `message` or `page`.
    pub(crate) kind: &'static str,
    /// The message ID or the page's key.
    pub(crate) key: String,
    /// One line, `[-old-]{+new+}` with a few words around each change.
    pub(crate) diff: String,
    /// The same, as runs (for the HTML report).
    pub(crate) parts: Vec<diff::Part>,
    /// For a page: its source file and its translation's (`content/en/hours.md`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) source_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) translation_file: Option<String>,
    /// For a page whose certified source was recorded: each block that changed, was added
    /// or was removed, whole.
    pub(crate) blocks: Vec<BlockChange>,
}

impl Change {
    fn new(kind: &'static str, key: &str, recorded: Option<&str>, current: &str) -> Change {
        let (diff, parts) = match recorded {
            Some(old) => {
                let full = diff::diff(old, current);
                (
                    diff::one_line(&diff::shorten(&full, 4), 240),
                    diff::shorten(&full, 12),
                )
            }
            None => (NOT_RECORDED.to_string(), Vec::new()),
        };
        Change {
            kind,
            key: key.to_string(),
            diff,
            parts,
            source_file: None,
            translation_file: None,
            blocks: Vec::new(),
        }
    }

    /// An outdated page: what changed in it, block by block when its certified source was
    /// recorded.
    fn page(recorded: Option<&str>, source: &PageSource, translation: &PageSource) -> Change {
        let mut change = Change::new("page", &translation.key, recorded, &page_text(source));
        change.source_file = Some(source.source.display.clone());
        change.translation_file = Some(translation.source.display.clone());
        if let Some(old) = recorded {
            change.blocks = block_changes(old, source, translation);
        }
        change
    }
}

/// Past this many characters, the diff of one block is cut (at the end of a word).
pub(crate) const BLOCK_DIFF_CHARS: usize = 4_000;

/// One block of an outdated page's source that changed, was added or was removed since the
/// translation was marked, with the block of the translation that says (or will say) it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct BlockChange {
    /// `changed`, `added` or `removed`.
    pub(crate) change: &'static str,
    /// `paragraph`, `list item`, `heading`, `table row`, `code block`, `title`, ….
    pub(crate) kind: &'static str,
    /// Its line in the current source (none for a removed block).
    pub(crate) source_line: Option<usize>,
    /// The line of the translation's corresponding block: for an added block, the block
    /// after which its translation goes (none when the translation has no such block).
    pub(crate) translation_line: Option<usize>,
    /// The certified source text of the block (none for an added block).
    pub(crate) old: Option<String>,
    /// Its current source text (none for a removed block).
    pub(crate) new: Option<String>,
    /// The translation's corresponding block as it is now (none for an added block).
    pub translation: Option<String>,
    /// The block's whole word diff on one line, `[-old-]{+new+}`.
    pub(crate) diff: String,
    /// The same, as runs.
    pub(crate) parts: Vec<diff::Part>,
}

/// The blocks of `source` that changed since `old` (the certified source text) was marked,
/// with where `translation` says each (see [`blocks`] for how blocks correspond).
pub(crate) fn block_changes(
    old: &str,
    source: &PageSource,
    translation: &PageSource,
) -> Vec<BlockChange> {
    use blocks::Edit;
    let before = blocks::text_blocks(old);
    let now = blocks::page_blocks(source);
    let translated = blocks::page_blocks(translation);
    let corresponding = blocks::correspond(&before, &translated);
    let line_of = |i: usize| corresponding[i].map(|t| translated[t].line);
    let mut out = Vec::new();
    // The last certified block still in the source: an added block goes after its
    // translation.
    let mut previous: Option<usize> = None;
    for edit in blocks::align(&before, &now) {
        let (change, a, b) = match edit {
            Edit::Same(i, _) => {
                previous = Some(i);
                continue;
            }
            Edit::Changed(i, j) => ("changed", Some(i), Some(j)),
            Edit::Removed(i) => ("removed", Some(i), None),
            Edit::Added(j) => ("added", None, Some(j)),
        };
        let old_text = a.map(|i| before[i].text.clone());
        let new_text = b.map(|j| now[j].text.clone());
        let parts = diff::diff(
            old_text.as_deref().unwrap_or(""),
            new_text.as_deref().unwrap_or(""),
        );
        let kind = b.map_or_else(|| before[a.unwrap_or(0)].kind, |j| now[j].kind);
        out.push(BlockChange {
            change,
            kind: kind.name(),
            source_line: b.map(|j| now[j].line),
            translation_line: match a {
                Some(i) => line_of(i),
                None => previous.and_then(line_of),
            },
            translation: a
                .and_then(|i| corresponding[i])
                .map(|t| translated[t].text.clone()),
            old: old_text,
            new: new_text,
            diff: diff::one_line(&parts, BLOCK_DIFF_CHARS),
            parts,
        });
        if let Some(i) = a {
            previous = Some(i);
        }
    }
    out
}

/// The source text recorded in a pages' lock file for a translation, if it is the one the
/// translation's `source-hash:` stands for.
pub(crate) fn recorded_page_text<'l>(lock: &'l Lock, translation: &PageSource) -> Option<&'l str> {
    let hash = translation.front.source_hash.as_deref()?;
    lock.entries
        .get(&translation.key)
        .filter(|e| e.hash == hash)
        .and_then(|e| e.text.as_deref())
}

/// Said of an outdated translation marked before `mark` kept source texts.
pub(crate) const NOT_RECORDED: &str =
    "(the source text it was marked from was not recorded; mark it again to track changes)";

/// What changed from the source text recorded in `entry` (if it is the one `hash` stands
/// for) to `current`, on one line.
pub(crate) fn change_summary(recorded: Option<&LockEntry>, hash: &str, current: &str) -> String {
    match recorded
        .filter(|e| e.hash == hash)
        .and_then(|e| e.text.as_deref())
    {
        Some(old) => diff::summary(old, current),
        None => NOT_RECORDED.to_string(),
    }
}

/// The translation state of one language.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct LanguageStatus {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) default: bool,
    /// Whether anything of the language was ever marked: when not, nothing can be called
    /// outdated, and `status` says "untracked" rather than 0.
    pub(crate) tracked: bool,
    pub(crate) messages: Counts,
    pub(crate) pages: Counts,
    pub(crate) missing_messages: Vec<String>,
    pub(crate) same_as_source_messages: Vec<String>,
    pub(crate) outdated_messages: Vec<String>,
    pub(crate) untracked_messages: Vec<String>,
    pub(crate) missing_pages: Vec<String>,
    pub(crate) same_as_source_pages: Vec<String>,
    pub(crate) outdated_pages: Vec<String>,
    pub(crate) untracked_pages: Vec<String>,
    /// What changed in the source of each outdated message and page.
    pub(crate) changes: Vec<Change>,
    /// For each missing, copied or outdated message: the pages of the language that show it
    /// (`/fr/hours/`), where a translator sees it; filled by `status`, which renders the site.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) message_pages: BTreeMap<String, Vec<String>>,
    /// The errors that kept part of the language from being read (a file that does not
    /// parse, a lock file that does not read), one line each with file:line:column: its
    /// counts leave out what could not be read.
    pub(crate) errors: Vec<String>,
}

impl LanguageStatus {
    /// Whether part of the language could not be read.
    pub(crate) fn broken(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// Whether a translation's recorded source fingerprint differs from its source page's.
/// A translation that records none is not tracked, so not reported outdated.
pub(crate) fn is_outdated(translation: &PageSource, source: &PageSource) -> bool {
    translation.lang != source.lang
        && translation
            .front
            .source_hash
            .as_ref()
            .is_some_and(|recorded| *recorded != page_fingerprint(source))
}

/// Whether a translated page counts as the source copied: identical text, not marked as
/// identical on purpose for the current source.
pub(crate) fn page_is_uncertified_copy(
    translation: &PageSource,
    source: &PageSource,
    pages_lock: &Lock,
) -> bool {
    page_is_copy(translation, source)
        && !pages_lock.entries.get(&translation.key).is_some_and(|e| {
            e.identical
                && translation.front.source_hash.as_deref() == Some(e.hash.as_str())
                && e.hash == page_fingerprint(source)
        })
}

/// Whether a translated message counts as the source copied: the source's text, with words
/// in it, not marked as identical on purpose for the current source.
pub(crate) fn message_is_uncertified_copy(
    translation: &MessageText,
    source: &MessageText,
    entry: Option<&LockEntry>,
) -> bool {
    translation.text == source.text
        && source.has_words
        && !entry.is_some_and(|e| e.identical && e.hash == source.fingerprint())
}

/// The pages of a site by language and key, for lookups in loops over many pages.
pub(crate) fn pages_by_key(site: &Site) -> std::collections::HashMap<(usize, &str), &PageSource> {
    site.pages
        .iter()
        .map(|p| ((p.lang, p.key.as_str()), p))
        .collect()
}

/// The state of every language (the pseudo-language left out). A language whose lock file
/// cannot be read is reported with the error, counted as if nothing were marked, and the
/// error is returned too.
pub(crate) fn status(site: &Site) -> (Vec<LanguageStatus>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let default = site.config.default;
    let source = Source {
        messages: message_texts(&site.locales, default),
        pages: site.pages.iter().filter(|p| p.lang == default).collect(),
        by_key: pages_by_key(site),
    };
    let mut out = Vec::new();
    for (lang, language) in site
        .config
        .languages
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.pseudo)
    {
        let is_default = lang == default;
        let mut unreadable = Vec::new();
        let (lock, pages_lock) = if is_default {
            (Lock::default(), Lock::default())
        } else {
            let mut read = |lock: Result<Lock, Box<Diagnostic>>| {
                lock.unwrap_or_else(|d| {
                    unreadable.push(*d);
                    Lock::default()
                })
            };
            (
                read(Lock::read(&site.root, &language.code)),
                read(Lock::read_pages(&site.root, &language.code)),
            )
        };
        let mut s = LanguageStatus {
            code: language.code.clone(),
            name: language.name.clone(),
            default: is_default,
            tracked: is_default
                || !lock.entries.is_empty()
                || site
                    .pages
                    .iter()
                    .any(|p| p.lang == lang && p.front.source_hash.is_some()),
            messages: Counts {
                total: source.messages.len(),
                ..Counts::default()
            },
            pages: Counts {
                total: source.pages.len(),
                ..Counts::default()
            },
            errors: unreadable.iter().map(ToString::to_string).collect(),
            ..LanguageStatus::default()
        };
        errors.append(&mut unreadable);
        s.count_messages(site, lang, &source, &lock);
        s.count_pages(lang, &source, &pages_lock);
        out.push(s);
    }
    (out, errors)
}

/// What the default language has, for the status of the others.
struct Source<'s> {
    messages: BTreeMap<String, MessageText>,
    pages: Vec<&'s PageSource>,
    by_key: std::collections::HashMap<(usize, &'s str), &'s PageSource>,
}

impl LanguageStatus {
    /// Sorts each source message into missing, copied, untracked, outdated or up to date.
    fn count_messages(&mut self, site: &Site, lang: usize, source: &Source, lock: &Lock) {
        let own = if self.default {
            BTreeMap::new()
        } else {
            message_texts(&site.locales, lang)
        };
        for (id, text) in &source.messages {
            if !site.locales.defines(lang, id) {
                self.messages.missing += 1;
                self.missing_messages.push(id.clone());
                continue;
            }
            if self.default {
                self.messages.translated += 1;
                continue;
            }
            let entry = lock.entries.get(id);
            if own
                .get(id)
                .is_some_and(|t| message_is_uncertified_copy(t, text, entry))
            {
                self.messages.same_as_source += 1;
                self.same_as_source_messages.push(id.clone());
                continue;
            }
            self.messages.translated += 1;
            match entry {
                None => {
                    self.messages.untracked += 1;
                    self.untracked_messages.push(id.clone());
                }
                Some(entry) if entry.hash != text.fingerprint() => {
                    self.messages.outdated += 1;
                    self.outdated_messages.push(id.clone());
                    self.changes.push(Change::new(
                        "message",
                        id,
                        entry.text.as_deref(),
                        &text.text,
                    ));
                }
                Some(_) => {}
            }
        }
    }

    /// Sorts each source page into missing, copied, untracked, outdated or up to date.
    fn count_pages(&mut self, lang: usize, source: &Source, pages_lock: &Lock) {
        for original in &source.pages {
            let Some(page) = source.by_key.get(&(lang, original.key.as_str())) else {
                self.pages.missing += 1;
                self.missing_pages.push(original.key.clone());
                continue;
            };
            if self.default {
                self.pages.translated += 1;
                continue;
            }
            if page_is_uncertified_copy(page, original, pages_lock) {
                self.pages.same_as_source += 1;
                self.same_as_source_pages.push(page.key.clone());
                continue;
            }
            self.pages.translated += 1;
            match &page.front.source_hash {
                None => {
                    self.pages.untracked += 1;
                    self.untracked_pages.push(page.key.clone());
                }
                Some(_) if is_outdated(page, original) => {
                    self.pages.outdated += 1;
                    self.outdated_pages.push(page.key.clone());
                    let text = recorded_page_text(pages_lock, page);
                    self.changes.push(Change::page(text, original, page));
                }
                Some(_) => {}
            }
        }
    }
}

/// Sets `source-hash:` in a page's front matter, keeping every other line as it is.
pub fn stamp_page(text: &str, hash: &str) -> String {
    let line = format!("source-hash: {hash}");
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1);
    let Some(close) = close else {
        return text.to_string();
    };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let replacement = format!("{line}{newline}");
    if let Some(i) = (1..close).find(|&i| lines[i].starts_with("source-hash:")) {
        lines[i] = &replacement;
        lines.concat()
    } else {
        lines.insert(close, &replacement);
        lines.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn stamping_replaces_or_inserts_the_line() {
        let page = "---\ntitle: T\n---\nBody\n";
        let stamped = stamp_page(page, "0123456789abcdef");
        assert_eq!(
            stamped,
            "---\ntitle: T\nsource-hash: 0123456789abcdef\n---\nBody\n"
        );
        assert_eq!(
            stamp_page(&stamped, "fedcba9876543210"),
            "---\ntitle: T\nsource-hash: fedcba9876543210\n---\nBody\n"
        );
    }

    #[test]
    fn lock_files_keep_flags_and_source_texts_and_read_the_old_form() {
        let mut lock = Lock::default();
        lock.entries.insert(
            "a".into(),
            LockEntry {
                hash: "0123456789abcdef".into(),
                identical: true,
                text: Some("a = One\n\n    two\n".into()),
                translation: Some("00000000000000aa".into()),
                same_blocks: vec!["00000000000000bb".into(), "00000000000000cc".into()],
            },
        );
        lock.entries.insert(
            "b".into(),
            LockEntry {
                hash: "fedcba9876543210".into(),
                identical: false,
                text: None,
                translation: None,
                same_blocks: Vec::new(),
            },
        );
        let text = lock.render("# header\n");
        assert_eq!(
            text,
            "# header\na 0123456789abcdef same-as-source translation=00000000000000aa same-blocks=00000000000000bb,00000000000000cc\n  | a = One\n  |\n  |     two\nb fedcba9876543210\n"
        );
        assert_eq!(Lock::parse(&text), Ok(lock));
        assert_eq!(
            Lock::parse("x 0123456789abcdef\n").unwrap().entries.len(),
            1
        );
        assert_eq!(Lock::parse("# c\n  | orphan\n"), Err(2));
        assert_eq!(Lock::parse("x 0123456789abcdef maybe\n"), Err(1));
        assert_eq!(Lock::parse("x 0123456789abcdef translation=zz\n"), Err(1));
        assert_eq!(
            Lock::parse(
                "x 0123456789abcdef translation=0123456789abcdef translation=0123456789abcdef\n"
            ),
            Err(1)
        );
    }
}
