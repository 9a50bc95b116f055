//! YAML through serde-saphyr, with its errors turned into positioned diagnostics.
//!
//! serde-saphyr is used rather than the archived serde_yaml: it is maintained, pure Rust,
//! rejects duplicate keys, bounds alias expansion, and reports line and column for both
//! syntax and type errors, which is what a publisher editing YAML by hand needs.

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, Spanned};

use crate::diagnostic::Diagnostic;
use crate::source::{Position, SourceFile};

/// Parses a whole file into `T`, or says where and why it cannot.
pub fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, Box<Diagnostic>> {
    parse_str(source, &source.text, 0)
}

/// Parses `text`, a part of `source` that starts `line_offset` lines into it (front matter).
pub fn parse_str<T: DeserializeOwned>(
    source: &SourceFile,
    text: &str,
    line_offset: usize,
) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let plain = e.without_snippet().to_string();
        if let Some(d) = limit(&plain) {
            return Box::new(match e.location() {
                Some(loc) => d.at(source, position(loc, line_offset)),
                None => d.in_file(&source.display),
            });
        }
        let mut message = match plain.rfind(" at line ") {
            Some(i) => plain[..i].to_string(),
            None => plain,
        };
        // The library's advice is for programmers, not for the person editing the file.
        if let Some(i) = message.find(", set DuplicateKeyPolicy") {
            message.truncate(i);
        }
        let code = if message.contains("duplicate mapping key") {
            "yaml-duplicate-key"
        } else if message.contains("unknown field")
            || message.contains("missing field")
            || message.contains("invalid type")
            || message.contains("invalid value")
            || message.starts_with("invalid ")
            || message.contains("unknown variant")
        {
            "yaml-type"
        } else {
            "yaml-syntax"
        };
        let hint = yaml_hint(code, &message);
        let d = Diagnostic::error(code, message).hint(hint);
        Box::new(match e.location() {
            Some(loc) => d.at(source, position(loc, line_offset)),
            None => d.in_file(&source.display),
        })
    })
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
    Some(Diagnostic::error("yaml-limit", what).hint(hint))
}

fn yaml_hint(code: &str, message: &str) -> String {
    if message.contains("duplicate mapping key") {
        "each key may appear once in a mapping: remove or rename one of them".into()
    } else if message.contains("unknown field") {
        "check the spelling of this key; the message lists the keys allowed here".into()
    } else if message.contains("missing field") {
        "add the missing key to this mapping".into()
    } else if code == "yaml-type" {
        "this value has the wrong type for its key".into()
    } else {
        "fix the YAML syntax here (indentation, a missing colon, quote or bracket)".into()
    }
}

/// A serde-saphyr location as a position, shifted for text embedded in a larger file.
pub fn position(loc: Location, line_offset: usize) -> Position {
    Position {
        line: loc.line() as usize + line_offset,
        column: (loc.column() as usize).max(1),
    }
}

/// Where a spanned value was written.
pub fn spanned_position<T>(value: &Spanned<T>, line_offset: usize) -> Position {
    position(value.referenced, line_offset)
}
