//! What the panel shows for one text, read from the files as they are now: a message's
//! source and translation as written, a page's blocks with their state and source.

use std::path::Path;

use serde::Serialize;

use super::workbench::{Message, Page, State, Workbench};
use crate::content::{self, PageSource};
use crate::source::SourceFile;
use crate::translation::{self, blocks, diff, edit};

/// A file's text, `None` when it does not exist; its fingerprint is what a save compares to
/// know that nobody changed the file since the panel showed it.
pub(crate) fn read(root: &Path, file: &str) -> Result<Option<String>, String> {
    match std::fs::read_to_string(root.join(file)) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {file}: {e}")),
    }
}

/// The fingerprint of a file's text as [`read`] gives it (empty for no file).
pub(crate) fn base(text: Option<&str>) -> String {
    text.map(translation::fingerprint).unwrap_or_default()
}

/// A message, with its source and translation as written in their files.
#[derive(Debug, Serialize)]
pub(crate) struct MessageDetails<'a> {
    #[serde(flatten)]
    pub(crate) message: &'a Message,
    pub(crate) language: &'a str,
    pub(crate) dir: &'a str,
    pub(crate) plurals: &'a [&'static str],
    pub source: String,
    pub translation: Option<String>,
    pub(crate) base: String,
}

/// The details of message `id`.
pub(crate) fn message<'w>(wb: &'w Workbench, id: &str) -> Result<MessageDetails<'w>, String> {
    let m = wb
        .messages
        .get(id)
        .ok_or_else(|| format!("no message `{id}` in {}", wb.source_code))?;
    let source_text = read(&wb.root, &m.source_file)?.unwrap_or_default();
    let own = read(&wb.root, &m.file)?;
    Ok(MessageDetails {
        message: m,
        language: &wb.code,
        dir: wb.dir,
        plurals: &wb.plurals,
        source: edit::value_source(&source_text, id).unwrap_or_default(),
        translation: own.as_deref().and_then(|t| edit::value_source(t, id)),
        base: base(own.as_deref()),
    })
}

/// One block of a page as the preview shows it: a block of its body, or its title or
/// description (a field of its front matter).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Block {
    /// Its number among the blocks of the shown file's body (the page's mark); 0 for a field.
    pub(crate) n: usize,
    /// `title` or `description` for a field of the front matter.
    pub(crate) field: Option<&'static str>,
    pub(crate) kind: &'static str,
    pub(crate) state: State,
    /// Its line in the shown file (the translation, or the source when there is none).
    pub(crate) line: usize,
    pub(crate) text: String,
    /// The source block it translates, and its line in the source.
    pub source: Option<String>,
    pub(crate) source_line: Option<usize>,
    /// For an outdated block: what changed in its source since it was marked.
    pub(crate) diff: Vec<diff::Part>,
    /// The glossary's terms its source holds, with the renderings the language uses.
    pub(crate) terms: Vec<crate::check::TermHint>,
}

/// A page's blocks, read from its files.
pub(crate) struct PageBlocks {
    pub(crate) blocks: Vec<Block>,
    /// The text of the language's file (`None` when the page is not translated yet).
    pub(crate) own: Option<String>,
}

/// Reads a page of the language from `file` (key `key`) as `PageSource`.
pub fn parse(lang: usize, key: &str, file: &str, text: &str) -> Result<PageSource, String> {
    let src = SourceFile::from_text(file, text);
    content::parse_page(lang, key.to_string(), src).map_err(|d| d.to_string())
}

/// The blocks of `page`, with the state of each.
pub(crate) fn page_blocks(
    wb: &Workbench,
    page: &Page,
    default: usize,
) -> Result<PageBlocks, String> {
    let source_text = read(&wb.root, &page.source_file)?.unwrap_or_default();
    let source = parse(default, &page.key, &page.source_file, &source_text)?;
    let own = if page.translated {
        read(&wb.root, &page.file)?
    } else {
        None
    };
    let blocks = match &own {
        None => with_fields(&source)
            .into_iter()
            .map(|(n, b)| Block {
                n: n.unwrap_or(0),
                field: field_name(b.kind),
                kind: b.kind.name(),
                state: State::Missing,
                line: b.line,
                source: Some(b.text.clone()),
                source_line: Some(b.line),
                text: b.text,
                diff: Vec::new(),
                terms: Vec::new(),
            })
            .collect(),
        Some(text) => {
            let translation = parse(wb.lang, &page.key, &page.file, text)?;
            compare(wb, page, &source, &translation)
        }
    };
    let mut blocks: Vec<Block> = blocks;
    if wb.lang != default {
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| b.source.clone().unwrap_or_default())
            .collect();
        for (block, terms) in blocks.iter_mut().zip(wb.light.terms(&wb.code, &texts)) {
            block.terms = terms;
        }
    }
    Ok(PageBlocks { blocks, own })
}

/// The blocks of a page's body, each with its number among the body's blocks (empty blocks
/// skipped, as [`blocks::page_blocks`] skips them).
pub(crate) fn numbered(page: &PageSource) -> Vec<(usize, blocks::Block)> {
    let body = page.body();
    let mut line = page.body_line + 1;
    let mut at = 0;
    let mut out = Vec::new();
    for (n, (kind, range)) in blocks::body_ranges(body).into_iter().enumerate() {
        line += body[at..range.start].matches('\n').count();
        at = range.start;
        let text = body[range].trim_end();
        if !text.is_empty() {
            let text = text.to_string();
            out.push((n, blocks::Block { kind, text, line }));
        }
    }
    out
}

/// The name of a front matter field a block is, if it is one.
fn field_name(kind: blocks::Kind) -> Option<&'static str> {
    match kind {
        blocks::Kind::Title => Some("title"),
        blocks::Kind::Description => Some("description"),
        _ => None,
    }
}

/// A page's title and description (numbered `None`), then the blocks of its body.
fn with_fields(page: &PageSource) -> Vec<(Option<usize>, blocks::Block)> {
    let fields = blocks::page_blocks(page)
        .into_iter()
        .filter(|b| field_name(b.kind).is_some())
        .map(|b| (None, b));
    let body = numbered(page).into_iter().map(|(n, b)| (Some(n), b));
    fields.chain(body).collect()
}

/// A translated page's blocks against its source's: outdated where the source changed since
/// the page was marked, the same as the source where copied, else translated.
fn compare(
    wb: &Workbench,
    page: &Page,
    source: &PageSource,
    translation: &PageSource,
) -> Vec<Block> {
    let now = blocks::page_blocks(source);
    let translated = blocks::page_blocks(translation);
    let corresponding = blocks::correspond(&now, &translated);
    let source_of = |line: usize| {
        let t = translated.iter().position(|b| b.line == line)?;
        let s = corresponding.iter().position(|c| *c == Some(t))?;
        Some(&now[s])
    };
    let changes = match &page.recorded {
        Some(old) => translation::block_changes(old, source, translation),
        None => Vec::new(),
    };
    let copied: Vec<usize> = blocks::identical_blocks(&now, &translated, &wb.kept)
        .iter()
        .map(|b| b.line)
        .collect();
    with_fields(translation)
        .into_iter()
        .map(|(n, b)| {
            let change = (changes.iter()).find(|c| {
                c.change != "added" && c.kind == b.kind.name() && c.translation_line == Some(b.line)
            });
            let state = if change.is_some() {
                State::Outdated
            } else if copied.contains(&b.line) {
                State::SameAsSource
            } else {
                State::Translated
            };
            let source = source_of(b.line);
            Block {
                n: n.unwrap_or(0),
                field: field_name(b.kind),
                kind: b.kind.name(),
                state,
                line: b.line,
                source: source.map(|s| s.text.clone()),
                source_line: source.map(|s| s.line),
                diff: change.map(|c| c.parts.clone()).unwrap_or_default(),
                text: b.text,
                terms: Vec::new(),
            }
        })
        .collect()
}
