//! YAML through serde-saphyr, with its errors turned into positioned diagnostics in the words
//! of the person editing the file.
//!
//! serde-saphyr is used rather than the archived serde_yaml: it is maintained, pure Rust,
//! rejects duplicate keys, bounds alias expansion, and reports line and column for both
//! syntax and type errors, which is what a publisher editing YAML by hand needs.
//!
//! Its messages, though, speak of Rust and serde ("invalid type: string, expected a
//! sequence", "missing field", "untagged enum"). None of that may reach a publisher: when a
//! parse fails, `layout` first looks for a tab or an uneven indentation (the usual cause,
//! which the reader reports late and elsewhere), then `words` says what the reader refused
//! in terms of keys, lists and values, naming the entry by what the file calls it
//! ([`Vocabulary`]).

mod collections;
mod context;
mod layout;
mod words;

#[cfg(test)]
mod tests;

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, Spanned};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, SourceFile};

pub use collections::{OrderedMap, list, ordered_map};

/// A text value with where it was written.
pub type Text = Spanned<String>;

/// What a file calls its entries, so that messages can say "this tier" rather than "this
/// entry of `tiers:`".
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    /// The whole text: "this file", "the front matter".
    pub(crate) whole: &'static str,
    /// The entries of a list, or values of a mapping, under a key: `("tiers", "tier")`.
    pub(crate) entries: &'static [(&'static str, &'static str)],
    /// Keys accepted but never offered in a list of the keys (what tools write, not people).
    pub(crate) unlisted: &'static [&'static str],
}

/// A file with no names for its entries: they are named by the key of their list.
pub(crate) const PLAIN_FILE: Vocabulary = Vocabulary {
    whole: "this file",
    entries: &[],
    unlisted: &[],
};

/// The YAML at the top of a Markdown page.
pub(crate) const FRONT_MATTER: Vocabulary = Vocabulary {
    whole: "the front matter",
    entries: &[],
    // Written by `polydocs mark` and by translation platforms.
    unlisted: &[
        "source-hash",
        "source-git-commit",
        "workflow-type",
        "source-wordcount",
        "ht-degree",
    ],
};

/// Parses a whole file into `T`, or says where and why it cannot.
pub fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, Box<Diagnostic>> {
    parse_with(source, &PLAIN_FILE)
}

/// As [`parse`], naming the file's entries with `vocabulary`.
pub fn parse_with<T: DeserializeOwned>(
    source: &SourceFile,
    vocabulary: &Vocabulary,
) -> Result<T, Box<Diagnostic>> {
    parse_text(source, &source.text, 0, vocabulary)
}

/// Parses `text`, the front matter of `source`, which starts `line_offset` lines into it.
pub(crate) fn parse_str<T: DeserializeOwned>(
    source: &SourceFile,
    text: &str,
    line_offset: usize,
) -> Result<T, Box<Diagnostic>> {
    parse_text(source, text, line_offset, &FRONT_MATTER)
}

fn parse_text<T: DeserializeOwned>(
    source: &SourceFile,
    text: &str,
    line_offset: usize,
    vocabulary: &Vocabulary,
) -> Result<T, Box<Diagnostic>> {
    let error = match serde_saphyr::from_str::<T>(text) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    let at = |d: Diagnostic, loc: Option<Location>, width: usize| match loc {
        Some(loc) => d.spanning(source, position(loc, line_offset), width),
        None => d.in_file(&source.display),
    };
    if let Some(d) = limit(&error.without_snippet().to_string()) {
        return Err(Box::new(at(d, error.location(), 1)));
    }
    if let Some(p) = layout::find(text)
        && error
            .location()
            .is_none_or(|l| l.line() as usize >= p.region_start)
    {
        let d = Diagnostic::error(Code::YamlIndent, p.message).hint(p.hint);
        let pos = Position {
            line: p.line + line_offset,
            column: p.column,
        };
        return Err(Box::new(d.spanning(source, pos, p.width)));
    }
    if is_blank(text) {
        // An empty file is a type error of its first required key, not a syntax error.
        let needs = match serde_saphyr::from_str::<T>("{}") {
            Err(e) => words::first_missing_key(&e),
            Ok(_) => None,
        };
        let message = match needs {
            Some(key) => format!("{} is empty: it needs a `{key}:` key", vocabulary.whole),
            None => format!("{} is empty", vocabulary.whole),
        };
        let d = Diagnostic::error(Code::YamlType, message)
            .hint("write its `key: value` lines; the README lists them");
        let start = Position {
            line: 1 + line_offset,
            column: 1,
        };
        return Err(Box::new(d.at(source, start)));
    }
    let found = words::describe(&error, text, vocabulary);
    let d = Diagnostic::error(found.code, found.message).hint(found.hint);
    Err(Box::new(match found.at {
        Some((line, column)) => {
            let pos = Position {
                line: line + line_offset,
                column,
            };
            d.spanning(source, pos, found.width)
        }
        None => at(d, error.location(), found.width),
    }))
}

/// Only blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
}

/// A breach of the parser's limits (alias expansion, nesting, size) in words a person editing
/// the file can act on; the library's own message names its internal counters.
fn limit(message: &str) -> Option<Diagnostic> {
    let breach = if let Some(rest) = message.split("budget breached: ").nth(1) {
        rest.split([' ', '{']).next().unwrap_or("")
    } else if message.contains("recursion limit exceeded") {
        "Depth"
    } else {
        return None;
    };
    let (what, hint) = match breach {
        "Depth" => (
            "collections are nested deeper than the YAML reader allows",
            "flatten this value: site and plan data need only a few levels",
        ),
        "Aliases" | "Nodes" | "Events" | "Anchors" => (
            "this YAML grows too large as it is read: aliases (`*name`) repeat anchored values (`&name`) too many times",
            "write the values out instead of repeating aliases of aliases",
        ),
        _ => (
            "this YAML goes beyond what the reader accepts in one file",
            "split the file or shorten the value",
        ),
    };
    Some(Diagnostic::error(Code::YamlLimit, what).hint(hint))
}

/// A serde-saphyr location as a position, shifted for text embedded in a larger file.
pub(crate) fn position(loc: Location, line_offset: usize) -> Position {
    Position {
        line: loc.line() as usize + line_offset,
        column: (loc.column() as usize).max(1),
    }
}

/// Where a spanned value was written.
pub(crate) fn spanned_position<T>(value: &Spanned<T>, line_offset: usize) -> Position {
    position(value.referenced, line_offset)
}
