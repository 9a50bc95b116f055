//! The YAML reader's errors, said in terms of keys, lists and values.
//!
//! serde-saphyr gives each error as a structured value; this matches on it rather than on its
//! English text, and never passes on a Rust type name, a serde term ("sequence", "map",
//! "variant") or the reader's advice to programmers.

use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{Error, ExternalMessageSource};

use super::Vocabulary;
use super::context::{Node, Place, Step, place_at, value_of_key_at};
use crate::diagnostic::Code;

/// A diagnostic's words before it is placed.
pub(crate) struct Words {
    pub(crate) code: Code,
    pub(crate) message: String,
    pub(crate) hint: String,
    /// How many characters to underline.
    pub(crate) width: usize,
    /// Where the error is, when not where the reader said (1-based line and column).
    pub(crate) at: Option<(usize, usize)>,
}

fn words(code: Code, message: String, hint: impl Into<String>) -> Words {
    Words {
        code,
        message,
        hint: hint.into(),
        width: 1,
        at: None,
    }
}

const SYNTAX_HINT: &str =
    "fix the YAML syntax here (indentation, a missing colon, quote or bracket)";
const LIST_HINT: &str = "write the items in brackets, like `[a, b]`, or one per line after `- `";
const KEYS_HINT: &str =
    "write it as `key: value` lines indented under its key, like the entries around it";
const TEXT_HINT: &str =
    "write one value; put it in quotes if it starts with `[`, `{` or `-`, or holds `: `";

/// The key the error of an empty text names first, when it is a missing key.
pub(crate) fn first_missing_key(error: &Error) -> Option<&'static str> {
    match inner(error) {
        Error::SerdeMissingField { field, .. } => Some(field),
        _ => None,
    }
}

/// The error under the snippet and alias wrappers the reader adds.
fn inner(error: &Error) -> &Error {
    match error.without_snippet() {
        Error::AliasError { error, .. } => inner(error),
        e => e,
    }
}

/// What went wrong, for a person editing `text`.
pub(crate) fn describe(error: &Error, text: &str, vocabulary: &Vocabulary) -> Words {
    let location = error
        .location()
        .map(|l| (l.line() as usize, l.column() as usize));
    let mut place = location.and_then(|(line, column)| place_at(text, line, column));
    let mut at = None;
    // A value refused by its visitor is reported at its key: point at the value itself.
    if let (
        Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. },
        Some((line, column)),
        Some(Place { step: None, .. }),
    ) = (inner(error), location, &place)
        && let Some((value, start)) = value_of_key_at(text, line, column)
    {
        place = Some(value);
        at = Some(start);
    }
    let mut words = describe_at(error, place.as_ref(), vocabulary);
    words.at = words.at.or(at);
    words
}

fn describe_at(error: &Error, place: Option<&Place>, vocabulary: &Vocabulary) -> Words {
    let at = Around { place, vocabulary };
    match inner(error) {
        Error::SerdeMissingField { field, .. } => at.missing_key(field),
        Error::SerdeUnknownField {
            field, expected, ..
        } => at.unknown_key(field, expected),
        Error::DuplicateMappingKey { key, .. } => at.duplicate_key(key.as_deref()),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let allowed = expected.join(", ");
            words(
                Code::YamlType,
                format!(
                    "{} cannot be `{variant}`; it takes one of: {allowed}",
                    at.the_key()
                ),
                format!("write one of: {allowed}"),
            )
        }
        Error::SerdeInvalidType { expected, .. } | Error::SerdeInvalidValue { expected, .. } => {
            let (expected, hint) = expectation(expected);
            words(
                Code::YamlType,
                format!("expected {expected}; found {}", at.found()),
                hint,
            )
        }
        Error::SerdeInvalidLength { len, expected, .. } => {
            let (expected, hint) = expectation(expected);
            words(
                Code::YamlType,
                format!("expected {expected}; found {len} items"),
                hint,
            )
        }
        Error::Unexpected { expected, .. } => at.unexpected(expected),
        Error::InvalidScalar { ty, .. } => at.invalid_scalar(ty),
        Error::NullIntoString { .. } => words(
            Code::YamlType,
            format!("{} has no value", at.the_key()),
            "write its value after the colon, or remove the line if it is optional",
        ),
        Error::Message { msg, .. } if msg.contains("did not match any") => words(
            Code::YamlType,
            format!("{} cannot be {}", at.the_key(), at.found()),
            "see what this key takes in the comments at the top of the file or in the README",
        ),
        other => document_syntax(other),
    }
}

/// Errors of the document as text rather than of a value: the reader's syntax errors, a
/// second document, an alias without its anchor, an early end.
fn document_syntax(error: &Error) -> Words {
    match error {
        Error::ExternalMessage { source, msg, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => syntax(scan.kind(), msg),
            _ => words(Code::YamlSyntax, msg.clone(), SYNTAX_HINT),
        },
        Error::MultipleDocuments { .. } => words(
            Code::YamlSyntax,
            "a `---` line ends the YAML here, but more follows".into(),
            "remove the `---` line: a file holds one YAML document",
        ),
        Error::UnknownAnchor { .. } => words(
            Code::YamlSyntax,
            "this alias (`*name`) repeats an anchor (`&name`) that is not defined above it".into(),
            "define the anchor before the alias, or write the value out",
        ),
        Error::Eof { .. } => words(
            Code::YamlSyntax,
            "the text ends where a value is still expected".into(),
            SYNTAX_HINT,
        ),
        other => words(
            Code::YamlSyntax,
            in_plain_words(&without_location(other)),
            SYNTAX_HINT,
        ),
    }
}

/// Where in the document an error is, as its words name it: the key, the list, the entry.
struct Around<'p> {
    place: Option<&'p Place>,
    vocabulary: &'p Vocabulary,
}

impl Around<'_> {
    /// What the reader found, in words (`the text "maybe"`), or "something else".
    fn found(&self) -> String {
        self.place
            .map_or_else(|| "something else".to_string(), found)
    }

    /// ` after `key:``, ` as an item of `list:``, or nothing.
    fn after_key(&self) -> String {
        match self.place {
            Some(p) => match (p.key(), p.list_key()) {
                (Some(key), _) => format!(" after `{key}:`"),
                (None, Some(list)) => format!(" as an item of `{list}:`"),
                _ => String::new(),
            },
            None => String::new(),
        }
    }

    /// `` `key:` `` or "this value".
    fn the_key(&self) -> String {
        self.place
            .and_then(Place::key)
            .map_or_else(|| "this value".to_string(), |k| format!("`{k}:`"))
    }

    /// The entry the error is in, named with the vocabulary of its file.
    fn entry(&self) -> Entry {
        Entry::of(
            self.place.map(Place::entry_path).unwrap_or_default(),
            self.vocabulary,
        )
    }

    /// The reader names the last key it read; the entry that lacks one starts earlier.
    fn missing_key(&self, field: &str) -> Words {
        let entry = self.entry();
        Words {
            at: self.place.and_then(|p| p.entry_start),
            ..words(
                Code::YamlType,
                format!("{} needs a `{field}:` key", entry.definite()),
                format!(
                    "add a `{field}:` line to {}, lined up with its other keys",
                    entry.definite()
                ),
            )
        }
    }

    fn unknown_key(&self, field: &str, expected: &[&str]) -> Words {
        let entry = self.entry();
        let listed: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|k| !self.vocabulary.unlisted.contains(k))
            .collect();
        // A key of ours misspelt: one or two letters off (a third of a long key).
        let limit = (field.chars().count() / 3).clamp(1, 2);
        let near = listed
            .iter()
            .map(|k| {
                (
                    crate::diagnostic::edit_distance(&field.to_lowercase(), k),
                    *k,
                )
            })
            .filter(|(d, _)| *d <= limit)
            .min();
        if let Some((_, near)) = near {
            return Words {
                width: field.chars().count(),
                ..words(
                    Code::YamlType,
                    format!(
                        "`{field}` is not a key of {}; did you mean `{near}`?",
                        entry.indefinite()
                    ),
                    format!("rename the key to `{near}:`"),
                )
            };
        }
        let message = if listed.is_empty() {
            format!("`{field}` is not a key of {}", entry.indefinite())
        } else {
            format!(
                "`{field}` is not a key of {}; the keys here are: {}",
                entry.indefinite(),
                listed.join(", ")
            )
        };
        Words {
            width: field.chars().count(),
            ..words(
                Code::YamlType,
                message,
                "check the spelling of the key, or remove the line",
            )
        }
    }

    fn duplicate_key(&self, key: Option<&str>) -> Words {
        match key {
            Some(key) => Words {
                width: key.chars().count(),
                ..words(
                    Code::YamlDuplicateKey,
                    format!("`{key}` is written twice in {}", self.entry().definite()),
                    format!("keep one `{key}:` line and remove the other"),
                )
            },
            None => words(
                Code::YamlDuplicateKey,
                format!("this key is written twice in {}", self.entry().definite()),
                "keep one of the two and remove the other",
            ),
        }
    }

    /// A value of another shape than the one expected here: a list, `key: value` lines, a
    /// single value.
    fn unexpected(&self, expected: &str) -> Words {
        match expected {
            "sequence start" => words(
                Code::YamlType,
                format!(
                    "expected a list{}; found {}",
                    self.after_key(),
                    self.found()
                ),
                LIST_HINT,
            ),
            "mapping start" => {
                let entry = match self.place {
                    Some(p) if p.path.is_empty() && p.step.is_none() => {
                        format!("`key: value` lines at the top of {}", self.vocabulary.whole)
                    }
                    Some(p) => {
                        let mut path = p.path.clone();
                        path.extend(p.step.clone());
                        match Entry::of(path, self.vocabulary) {
                            Entry::Noun(noun, _) => {
                                format!("{} {noun}, written as `key: value` lines", article(noun))
                            }
                            _ => format!("`key: value` lines{}", self.after_key()),
                        }
                    }
                    None => "`key: value` lines".to_string(),
                };
                words(
                    Code::YamlType,
                    format!("expected {entry}; found {}", self.found()),
                    KEYS_HINT,
                )
            }
            "string scalar" | "scalar" => words(
                Code::YamlType,
                format!(
                    "expected a single value{}; found {}",
                    self.after_key(),
                    self.found()
                ),
                TEXT_HINT,
            ),
            _ => words(
                Code::YamlType,
                format!("{} does not fit here", capitalized(&self.found())),
                "compare it with the entries around it",
            ),
        }
    }

    fn invalid_scalar(&self, ty: &str) -> Words {
        let (kind, hint) = match ty {
            "boolean" => ("`true` or `false`", "write `true` or `false`"),
            "floating point" | "f32" | "f64" => ("a number", "write a number, like `2.5`"),
            t if t.contains("int") || t.starts_with(['u', 'i']) => {
                ("a whole number", "write a whole number, like `3`")
            }
            _ => (
                "another kind of value",
                "compare it with the entries around it",
            ),
        };
        words(
            Code::YamlType,
            format!("{} takes {kind}, not {}", self.the_key(), self.found()),
            hint,
        )
    }
}

/// A syntax error of the YAML reader, in plain words where it is a common mistake.
fn syntax(kind: &ErrorKind, parser_text: &str) -> Words {
    let (code, message, hint): (Code, String, &str) = match kind {
        ErrorKind::MappingValueNotAllowed => (
            Code::YamlSyntax,
            "a second `: ` on this line: YAML reads it as the start of another key".into(),
            "put the value in quotes if it holds `: `, like `label: \"a: b\"`",
        ),
        ErrorKind::UnclosedQuotedScalar => (
            Code::YamlSyntax,
            "this quoted value has no closing quote".into(),
            "add the closing quote",
        ),
        ErrorKind::UnclosedFlowCollection { open } => (
            Code::YamlSyntax,
            format!("this `{open}` is not closed"),
            "close the bracket, and separate its items with commas",
        ),
        ErrorKind::MismatchedFlowCollectionEnd { open, close } => (
            Code::YamlSyntax,
            format!("`{close}` closes a `{open}`"),
            "close `[` with `]` and `{` with `}`",
        ),
        ErrorKind::MisplacedFlowCollectionEnd => (
            Code::YamlSyntax,
            "this bracket closes nothing".into(),
            "remove it, or add the bracket it closes",
        ),
        ErrorKind::ExpectedFlowMappingSeparator | ErrorKind::ExpectedFlowSequenceSeparator => (
            Code::YamlSyntax,
            "expected a comma or the closing bracket here".into(),
            "separate the items in brackets with commas",
        ),
        ErrorKind::UnexpectedCharacter { character } => (
            Code::YamlSyntax,
            format!("a value cannot start with `{character}`"),
            "put the value in quotes",
        ),
        ErrorKind::CommentNotSeparated => (
            Code::YamlSyntax,
            "a `#` comment must follow a space".into(),
            "add a space before `#`, or put the value in quotes if `#` is part of it",
        ),
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabInPlainScalar
        | ErrorKind::TabAtBlockScalarStart => (
            Code::YamlIndent,
            "YAML indents with spaces, not tabs".into(),
            "replace the tab with spaces",
        ),
        ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidIndentation
        | ErrorKind::InvalidBlockScalarIndent
        | ErrorKind::InvalidQuotedScalarIndent
        | ErrorKind::InvalidFlowScalarIndent => (
            Code::YamlIndent,
            "this line does not line up with the entries around it".into(),
            "YAML nests by indentation: indent it like the entries it belongs with",
        ),
        ErrorKind::BlockSequenceEntryNotAllowed => (
            Code::YamlSyntax,
            "a `- ` list cannot start on the line of a value".into(),
            "start the list on the next line, indented under its key",
        ),
        ErrorKind::MappingKeyNotAllowed
        | ErrorKind::InvalidColonPlacement
        | ErrorKind::FlowMappingValueAdjacentCollection => (
            Code::YamlSyntax,
            "a `key:` cannot start here".into(),
            "put the value in quotes if it holds a colon, or start the key on a line of its own",
        ),
        ErrorKind::BlockEntryInFlowCollection => (
            Code::YamlSyntax,
            "a `- ` entry cannot stand inside brackets".into(),
            "inside brackets, separate the items with commas: `[a, b]`",
        ),
        ErrorKind::SimpleKeyExpected | ErrorKind::InvalidSimpleKey => (
            Code::YamlSyntax,
            "this key has no colon after it, or runs over more than one line".into(),
            "write the key and its colon on one line: `key: value`",
        ),
        ErrorKind::ExpectedNodeContent => (
            Code::YamlSyntax,
            "a value is missing here".into(),
            "write the value, or remove what stands in its place",
        ),
        ErrorKind::InvalidMappingValueWhitespace => (
            Code::YamlSyntax,
            "a colon after a key must be followed by a space".into(),
            "write `key: value`, with a space after the colon",
        ),
        ErrorKind::InvalidBlockEntryWhitespace => (
            Code::YamlSyntax,
            "the `-` of a list entry must be followed by a space".into(),
            "write `- value`, with a space after the dash",
        ),
        ErrorKind::InvalidTrailingSingleQuotedScalar
        | ErrorKind::InvalidTrailingDoubleQuotedScalar => (
            Code::YamlSyntax,
            "more text follows the closing quote of this value".into(),
            "put the whole value inside the quotes",
        ),
        ErrorKind::UnknownQuotedScalarEscape
        | ErrorKind::InvalidQuotedScalarHexEscape
        | ErrorKind::InvalidLowSurrogateHexEscape
        | ErrorKind::InvalidLowSurrogate
        | ErrorKind::MissingLowSurrogate
        | ErrorKind::UnpairedLowSurrogate
        | ErrorKind::InvalidUnicodeEscape => (
            Code::YamlSyntax,
            "this `\\` escape in double quotes is not one YAML knows".into(),
            "write `\\\\` for a backslash, or put the value in single quotes",
        ),
        ErrorKind::UnexpectedEof
        | ErrorKind::UnexpectedEofBlockMapping
        | ErrorKind::UnexpectedEofBlockSequence
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnexpectedEofFlowSequence
        | ErrorKind::UnexpectedEofImplicitFlowMapping => (
            Code::YamlSyntax,
            "the text ends inside an unfinished value".into(),
            "close the bracket or quote that is still open",
        ),
        ErrorKind::UnknownAnchor => (
            Code::YamlSyntax,
            "this alias (`*name`) repeats an anchor (`&name`) that is not defined above it".into(),
            "define the anchor before the alias, or write the value out",
        ),
        _ => (Code::YamlSyntax, in_plain_words(parser_text), SYNTAX_HINT),
    };
    words(code, message, hint)
}

/// A message of the YAML reader without its technical terms, for the errors that are too rare
/// to have words of their own.
fn in_plain_words(text: &str) -> String {
    let mut text = text.to_string();
    for (term, plain) in [
        ("block sequence entries", "`- ` entries"),
        ("block sequence", "list"),
        ("flow sequence", "list in brackets"),
        ("sequence", "list"),
        ("block mapping", "set of keys"),
        ("flow mapping", "set of keys in braces"),
        ("mapping values", "values after a key"),
        ("mapping keys", "keys"),
        ("a mapping", "a set of keys"),
        ("mapping", "set of keys"),
        ("plain scalar", "value"),
        ("quoted scalar", "quoted value"),
        ("block scalar", "block of text"),
        ("scalar", "value"),
        ("node content", "value"),
        ("a node", "a value"),
    ] {
        text = text.replace(term, plain);
    }
    text
}

/// A visitor's "expected" phrase in plain words, with the matching hint. Phrases written for
/// the file (such as "a list of tier IDs, like `[business, elite]`") pass as they are.
fn expectation(expected: &str) -> (String, &'static str) {
    let plain = match expected {
        "a string" | "a borrowed string" | "a character" | "a char" => "text",
        "a boolean" => "`true` or `false`",
        "a sequence" | "a tuple" => "a list",
        "a map" => "`key: value` lines",
        e if e.starts_with("struct ") => "`key: value` lines",
        e if e.starts_with("enum ") || e.starts_with("variant ") => "one of the allowed words",
        e if is_integer_type(e) => "a whole number",
        "f32" | "f64" | "a float" => "a number",
        e => e,
    };
    let hint = if plain.starts_with("a list") {
        LIST_HINT
    } else if plain.contains("key: value") || plain.contains("`{") {
        KEYS_HINT
    } else if plain == "a whole number" {
        "write a whole number, like `3`"
    } else if plain == "`true` or `false`" {
        "write `true` or `false`"
    } else if plain == "text" {
        TEXT_HINT
    } else {
        "write it like the example in the message"
    };
    (plain.to_string(), hint)
}

fn is_integer_type(name: &str) -> bool {
    name.contains("integer")
        || matches!(
            name,
            "u8" | "u16"
                | "u32"
                | "u64"
                | "u128"
                | "usize"
                | "i8"
                | "i16"
                | "i32"
                | "i64"
                | "i128"
                | "isize"
        )
}

/// What is written at a place, in a few words.
fn found(place: &Place) -> String {
    match &place.node {
        Node::Text(t) => format!("`{t}`"),
        Node::Empty => "nothing".into(),
        Node::List => "a list".into(),
        Node::Keys => "`key: value` lines".into(),
        Node::Alias => "an alias (`*name`)".into(),
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// An error the reader has no structured words for, without its "at line" suffix.
fn without_location(error: &Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The `key: value` collection an error is about, as the person editing the file names it.
enum Entry {
    /// The whole text.
    Whole(&'static str),
    /// An entry with a name in the file's vocabulary, and the key it is the value of.
    Noun(&'static str, Option<String>),
    /// An item of the list under this key.
    Item(String),
    /// The value of this key.
    Value(String),
    Unknown,
}

impl Entry {
    fn of(path: Vec<Step>, vocabulary: &Vocabulary) -> Entry {
        let noun = |key: &str| {
            vocabulary
                .entries
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, noun)| *noun)
        };
        match path.as_slice() {
            [] => Entry::Whole(vocabulary.whole),
            [.., Step::Key(list), Step::Item] => match noun(list) {
                Some(n) => Entry::Noun(n, None),
                None => Entry::Item(list.clone()),
            },
            [.., Step::Key(parent), Step::Key(key)] => match noun(parent) {
                Some(n) => Entry::Noun(n, Some(key.clone())),
                None => Entry::Value(key.clone()),
            },
            [.., Step::Key(key)] => Entry::Value(key.clone()),
            _ => Entry::Unknown,
        }
    }

    /// "this tier", "the response target of `online`", "the front matter".
    fn definite(&self) -> String {
        match self {
            Entry::Whole(w) => (*w).to_string(),
            Entry::Noun(n, None) => format!("this {n}"),
            Entry::Noun(n, Some(key)) => format!("the {n} of `{key}`"),
            Entry::Item(list) => format!("this entry of `{list}:`"),
            Entry::Value(key) => format!("`{key}:`"),
            Entry::Unknown => "this entry".into(),
        }
    }

    /// "a tier", "an entry of `languages:`", "the front matter".
    fn indefinite(&self) -> String {
        match self {
            Entry::Whole(w) => (*w).to_string(),
            Entry::Noun(n, _) => format!("{} {n}", article(n)),
            Entry::Item(list) => format!("an entry of `{list}:`"),
            Entry::Value(key) => format!("`{key}:`"),
            Entry::Unknown => "this entry".into(),
        }
    }
}
