//! Fluent syntax errors where the translator made them, in plain words, and parsing that
//! carries on past them.
//!
//! fluent-syntax reports where its parser gave up, which is not always where the text went
//! wrong: inside an unclosed `{` the parser skips line ends looking for the `}`, so the error
//! lands on a later line, often on the next message. Everything from the broken entry to the
//! next line that starts like an entry then becomes one piece of junk, and a message swallowed
//! that way would be reported "not translated" although it is there, intact.
//!
//! So each error is moved to its cause (the unclosed `{`, the opening quote of an unclosed
//! string, the ID that lacks its `=`...) and described in the words of Fluent's guide rather
//! than the parser's. Then, when a junk entry holds lines that start a new message or term
//! (`id =` or `-id =` at the start of a line), the broken lines before them are blanked and the
//! file is parsed again, so that those entries are defined as usual.

use std::ops::Range;

use fluent_bundle::FluentResource;
use fluent_syntax::parser::{ErrorKind, ParserError};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;

/// A Fluent file parsed for a bundle, with its syntax errors.
pub struct Parsed {
    /// The entries. When a broken entry swallowed others, the resource was parsed from the
    /// file's text with the broken lines blanked out: the text has the same length and every
    /// other line is unchanged, so offsets into it are offsets into the file.
    pub resource: FluentResource,
    /// Whether `resource.source()` differs from the file's text (some lines were blanked).
    pub(crate) blanked: bool,
    /// Messages whose definition is a syntax error. They are written in the file, so they
    /// are not also reported as missing there.
    pub(crate) broken: Vec<String>,
    /// One `fluent-syntax` error per broken entry.
    pub diagnostics: Vec<Diagnostic>,
}

/// Each pass over a file recovers at least one line; the bound keeps a hostile file (thousands
/// of unclosed `{` in a row) from being parsed thousands of times. Past it, what is still junk
/// stays junk: every error has been reported anyway.
const MAX_PASSES: usize = 16;

/// Parses `src` as `FluentResource::try_new` does, reporting each syntax error at its cause
/// and defining the entries that follow a broken one.
pub fn parse(src: &SourceFile) -> Parsed {
    let mut text = src.text.clone();
    let mut diagnostics = Vec::new();
    let mut broken = Vec::new();
    let mut blanked = false;
    let mut pass = 1;
    loop {
        let (resource, errors) = match FluentResource::try_new(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let source = resource.source();
        let mut resumes = false;
        let mut broken_lines = Vec::new();
        for e in &errors {
            let junk = e.slice.clone().unwrap_or_else(|| e.pos.clone());
            let junk = junk.start.min(source.len())..junk.end.min(source.len());
            let resume = resume_point(source, &junk);
            let fault = describe(source, e, junk.start..resume.unwrap_or(junk.end));
            diagnostics.push(
                Diagnostic::error(Code::FluentSyntax, fault.message)
                    .at_range(src, fault.at)
                    .hint(fault.hint),
            );
            if let Some((id, false)) = entry_id(source, junk.start) {
                broken.push(id.to_string());
            }
            resumes |= resume.is_some();
            broken_lines.push(junk.start..resume.unwrap_or(junk.end));
        }
        if !resumes || pass == MAX_PASSES {
            return Parsed {
                resource,
                blanked,
                broken,
                diagnostics,
            };
        }
        // Every broken entry is blanked, not only those that swallowed others: the next pass
        // then meets only the entries recovered, and reports no error twice.
        text = blank(source, &broken_lines);
        blanked = true;
        pass += 1;
    }
}

/// `text` with every character of `ranges` but line ends replaced by spaces, byte for byte:
/// blank lines separate entries and belong to none, and every offset stays where it was.
fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        for b in &mut bytes[range.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Ranges start and end at line starts, so no character is cut in two; should one be,
    // its remains become replacement characters rather than a panic.
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// The start of the first line inside `junk`, after its first, that starts a message or a
/// term: the parser went on reading the broken entry into it.
fn resume_point(text: &str, junk: &Range<usize>) -> Option<usize> {
    let mut at = junk.start;
    while let Some(newline) = text[at..junk.end].find('\n') {
        at += newline + 1;
        if at >= junk.end {
            return None;
        }
        if starts_entry(&text[at..]) {
            return Some(at);
        }
    }
    None
}

/// Whether `line` starts with `id =` or `-id =`.
fn starts_entry(line: &str) -> bool {
    let Some((id, _)) = entry_id(line, 0) else {
        return false;
    };
    let after = line.trim_start_matches('-')[id.len()..].trim_start_matches(' ');
    after.starts_with('=')
}

/// The ID of the entry written at `start`, and whether it is a term (`-brand`).
fn entry_id(text: &str, start: usize) -> Option<(&str, bool)> {
    let rest = text.get(start..)?;
    let (rest, term) = match rest.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest.find(|c: char| !is_id_char(c)).unwrap_or(rest.len());
    Some((&rest[..end], term))
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// What is open at a point of an entry: `{` placeables (their offsets, innermost last) and a
/// string literal (the offset of its opening quote). Text outside placeables holds no
/// strings; a string ends at its closing quote or at the end of its line.
#[derive(Default, Clone)]
struct Open {
    braces: Vec<usize>,
    string: Option<usize>,
    escaped: bool,
}

impl Open {
    fn step(&mut self, at: usize, c: char) {
        if self.string.is_some() {
            match c {
                '\n' => (self.string, self.escaped) = (None, false),
                _ if self.escaped => self.escaped = false,
                '\\' => self.escaped = true,
                '"' => self.string = None,
                _ => {}
            }
            return;
        }
        match c {
            '{' => self.braces.push(at),
            '}' => {
                self.braces.pop();
            }
            '"' if !self.braces.is_empty() => self.string = Some(at),
            _ => {}
        }
    }

    /// The state at `to`, reading from `from`, which is outside any placeable.
    fn at(text: &str, from: usize, to: usize) -> Open {
        let mut open = Open::default();
        for (i, c) in text[from..to].char_indices() {
            open.step(from + i, c);
        }
        open
    }

    /// Whether the innermost `{` open at `from` is closed before `to`.
    fn closes(&self, text: &str, from: usize, to: usize) -> bool {
        let mut open = self.clone();
        let depth = open.braces.len();
        for (i, c) in text[from..to].char_indices() {
            open.step(from + i, c);
            if open.braces.len() < depth {
                return true;
            }
        }
        false
    }
}

/// A syntax error as the translator should read it.
struct Fault {
    /// The bytes to underline.
    at: Range<usize>,
    message: String,
    hint: String,
}

impl Fault {
    fn new(at: Range<usize>, message: impl Into<String>, hint: impl Into<String>) -> Fault {
        Fault {
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Where and what the fault behind `e` is. `entry` spans the broken entry: from its start to
/// the next line that starts an entry, or to the end of the junk.
fn describe(text: &str, e: &ParserError, entry: Range<usize>) -> Fault {
    let pos = floor_boundary(text, e.pos.start.min(text.len()));
    // The parser may have read past the broken entry into the one it swallowed.
    let upto = pos.clamp(entry.start, entry.end);
    let open = Open::at(text, entry.start, upto);
    let at = At {
        text,
        pos,
        innermost: open.braces.last().copied(),
        entry,
    };
    if let Some(fault) = at.unclosed_brace(&e.kind, &open, upto) {
        return fault;
    }
    let here = at.here();
    match &e.kind {
        ErrorKind::ExpectedToken('"') | ErrorKind::UnterminatedStringLiteral => {
            at.unclosed_string(open.string)
        }
        ErrorKind::ExpectedToken(c) => at.expected_token(*c),
        ErrorKind::ExpectedCharRange { range } => at.expected_char(range),
        ErrorKind::ExpectedMessageField { entry_id } => Fault::new(
            at.entry.start..at.entry.start + entry_id.len(),
            format!("`{entry_id}` has no value"),
            "write the text after `=`, or attributes (`.name = text`) on indented lines below",
        ),
        ErrorKind::ExpectedTermField { entry_id } => Fault::new(
            at.entry.start..at.entry.start + entry_id.len() + 1,
            format!("the term `-{entry_id}` has no value: a term always has one"),
            "write the term's text after `=`",
        ),
        ErrorKind::ForbiddenCallee => at.forbidden_callee(),
        ErrorKind::MissingDefaultVariant => Fault::new(
            at.innermost.map_or(here, |b| b..b + 1),
            "this select expression has no default variant: one variant must be marked with `*`",
            "mark the variant to use when no other matches, as in `*[other]`",
        ),
        ErrorKind::MissingValue => at.variant_without_value(),
        ErrorKind::MultipleDefaultVariants => at.second_default(),
        ErrorKind::MessageReferenceAsSelector
        | ErrorKind::MessageAttributeAsSelector
        | ErrorKind::TermReferenceAsSelector
        | ErrorKind::TermAttributeAsPlaceable
        | ErrorKind::ExpectedSimpleExpressionAsSelector => at.misplaced_expression(&e.kind),
        ErrorKind::PositionalArgumentFollowsNamed => Fault::new(
            argument(text, pos),
            "a positional argument after a named one: positional arguments come first",
            "move it before the named arguments, as in `NUMBER($count, minimumFractionDigits: 2)`",
        ),
        ErrorKind::DuplicatedNamedArgument(name) => at.duplicated_argument(name),
        ErrorKind::UnknownEscapeSequence(_) => at.unknown_escape(),
        ErrorKind::InvalidUnicodeEscapeSequence(_) => at.bad_unicode_escape(),
        ErrorKind::UnbalancedClosingBrace => Fault::new(
            here,
            "this `}` closes nothing: a `}` ends a placeable opened with `{`",
            "remove it, or write `{\"}\"}` to show a brace",
        ),
        ErrorKind::ExpectedInlineExpression => at.placeable_content(),
        ErrorKind::ExpectedLiteral => Fault::new(
            here,
            "a named argument takes a string (`\"percent\"`) or a number (`2`), not a \
             variable or a message",
            "write the value itself",
        ),
    }
}

/// Whether the lines right after the one of `brace` are a select's variants left commented out
/// (`#     [one] …`, `#    *[other] …`, `# }`), as a translation template writes them: the
/// translator uncommented the message's first line only.
fn commented_variants_follow(text: &str, brace: usize) -> bool {
    let Some(line_end) = text[brace..].find('\n') else {
        return false;
    };
    // Only a `{` that ends its line opens a select written over several lines.
    if !text[brace..brace + line_end].trim_end().ends_with("->") {
        return false;
    }
    let mut variants = false;
    for line in text[brace + line_end + 1..].lines() {
        let Some(rest) = line.strip_prefix('#') else {
            break;
        };
        let rest = rest.trim_start();
        if rest.starts_with('[') || rest.starts_with("*[") {
            variants = true;
        } else if !(rest.starts_with('}') || rest.is_empty()) {
            break;
        }
    }
    variants
}

/// Where a parser error is: the text, the offset it gave, the innermost `{` still open
/// there, and the span of the broken entry.
struct At<'t> {
    text: &'t str,
    pos: usize,
    innermost: Option<usize>,
    entry: Range<usize>,
}

impl At<'_> {
    /// The character the parser stopped at.
    fn here(&self) -> Range<usize> {
        self.pos..self.pos + 1
    }

    fn found(&self) -> Option<char> {
        char_at(self.text, self.pos)
    }

    /// An unclosed `{`: the parser looked for its `}` on later lines, or met the end of the
    /// file. Whatever it then stumbled on, the fault is the brace.
    fn unclosed_brace(&self, kind: &ErrorKind, open: &Open, upto: usize) -> Option<Fault> {
        let brace = self.innermost?;
        let text = self.text;
        let ran_on = self.pos >= text.len() || text[brace..upto].contains('\n') || upto < self.pos;
        let expected_close = *kind == ErrorKind::ExpectedToken('}');
        let string_open = open.string.is_some();
        ((ran_on || expected_close) && !string_open && !open.closes(text, upto, self.entry.end))
            .then(|| {
                if commented_variants_follow(text, brace) {
                    return Fault::new(
                        brace..brace + 1,
                        "this `{` opens a select whose variant lines are still commented out",
                        "uncomment its variant lines too: remove the `# ` before each `[...]` \
                         line below it and before the closing `}`",
                    );
                }
                Fault::new(
                    brace..brace + 1,
                    "this `{` is never closed: a placeable ends with `}`",
                    "add the `}` after what the placeable holds, as in `{ $name }`; for a brace \
                     as text, write `{\"{\"}`",
                )
            })
    }

    /// The ID of the broken entry as written (`-brand` for a term), or `id`.
    fn entry_id(&self) -> String {
        entry_id(self.text, self.entry.start).map_or_else(
            || "id".to_string(),
            |(id, term)| {
                if term {
                    format!("-{id}")
                } else {
                    id.to_string()
                }
            },
        )
    }

    /// A token the parser expected (a quote aside: see the unclosed string).
    fn expected_token(&self, c: char) -> Fault {
        let here = self.here();
        match c {
            '}' => Fault::new(
                here,
                "expected `}` here: a placeable holds one thing to show, such as `{ $name }` \
                 or `{ -brand }`",
                "close the placeable before this point, and write any text after the `}`",
            ),
            '=' => {
                let id = self.entry_id();
                match self.found() {
                    Some(c) if !c.is_whitespace() && is_id_char_before(self.text, self.pos) => {
                        Fault::new(
                            here,
                            format!(
                                "`{c}` cannot be part of an ID: IDs hold letters, digits, `-` and `_`"
                            ),
                            format!("rename the entry, and write `=` after its ID: `{id} = ...`"),
                        )
                    }
                    _ => Fault::new(
                        here,
                        format!("expected `=` after `{id}`: an entry is written `{id} = text`"),
                        "add the `=`; if this line continues the message above, indent it",
                    ),
                }
            }
            ']' => Fault::new(
                here,
                "expected `]` to end the variant key: a key is one word (`[one]`) or one \
                 number (`[1]`)",
                "close the key with `]`, then write the variant's text",
            ),
            ')' => Fault::new(
                here,
                "expected `)` to end the function's arguments",
                "close the argument list with `)`, as in `NUMBER($count)`",
            ),
            c => Fault::new(
                here,
                format!("expected `{c}` here"),
                "compare this line with the Fluent syntax of a similar entry",
            ),
        }
    }

    /// A character of a range the parser expected: a name's first letter, a digit, a line
    /// break before variants.
    fn expected_char(&self, range: &str) -> Fault {
        let here = self.here();
        if range == "a-zA-Z" {
            expected_name(self.text, self.pos, self.entry.clone(), self.found())
        } else if range == "0-9" {
            Fault::new(
                here,
                "expected a digit here: a number is written `42`, `-1` or `1.5`",
                "write the number's digits",
            )
        } else if range.starts_with('\n') {
            Fault::new(
                here,
                "the variants of a select expression start on the line after `->`",
                "break the line after `->` and write each variant on its own line",
            )
        } else {
            Fault::new(
                here,
                format!("expected one of {range} here"),
                "compare this line with the Fluent syntax of a similar entry",
            )
        }
    }

    /// A string literal the line ends in: its quote is at `quote` (else where the parser stopped).
    fn unclosed_string(&self, quote: Option<usize>) -> Fault {
        let quote = quote.unwrap_or(self.pos);
        Fault::new(
            quote..quote + 1,
            "this string is never closed: a string literal ends with `\"` on the same line",
            "add the closing `\"`",
        )
    }

    fn second_default(&self) -> Fault {
        let star = self.pos.saturating_sub(1);
        Fault::new(
            star..star + 1,
            "a second default variant: only one variant may be marked with `*`",
            "remove one of the `*`",
        )
    }

    fn duplicated_argument(&self, name: &str) -> Fault {
        let end = self.text[..self.pos].trim_end().len();
        let start = end.saturating_sub(name.len());
        Fault::new(
            start..end,
            format!("the argument `{name}` is given twice"),
            "keep one of the two",
        )
    }

    fn forbidden_callee(&self) -> Fault {
        let name = callee(self.text, self.pos);
        Fault::new(
            name.clone(),
            format!(
                "`{}` cannot be called: only functions, written in capitals (`NUMBER`, \
                 `DATETIME`), take arguments in `( )`",
                shown(self.text, name)
            ),
            "remove the `( )` to show a message, or call a function",
        )
    }

    fn variant_without_value(&self) -> Fault {
        let key = variant_key(self.text, self.pos).unwrap_or(self.here());
        Fault::new(
            key.clone(),
            format!("the variant `{}` has no value", shown(self.text, key)),
            "write the variant's text after its key",
        )
    }

    /// An expression where it cannot be: a selector that is not one, a term's attribute shown.
    fn misplaced_expression(&self, kind: &ErrorKind) -> Fault {
        let selector = expression(self.text, self.innermost, self.pos);
        let (message, hint) = match kind {
            ErrorKind::TermReferenceAsSelector => (
                "a term cannot choose a variant, but one of its attributes can",
                "select on an attribute of the term, such as `-brand.gender`",
            ),
            ErrorKind::TermAttributeAsPlaceable => (
                "a term's attribute cannot be shown: it can only choose a variant",
                "show the term itself (`{ -brand }`), or select on the attribute \
                 (`{ -brand.gender -> ... }`)",
            ),
            ErrorKind::ExpectedSimpleExpressionAsSelector => (
                "this cannot choose a variant: the selector before `->` is a variable, a number, \
                 a string or a function call",
                "select on a variable such as `$count`",
            ),
            // A message or a message's attribute as the selector.
            _ => (
                "a message cannot choose a variant: the selector before `->` is a variable, \
                 a number, a string or a function call",
                "select on a variable such as `$count`, or on a term's attribute such as \
                 `-brand.gender`",
            ),
        };
        Fault::new(selector, message, hint)
    }

    fn unknown_escape(&self) -> Fault {
        // The parser stops at the backslash.
        let next = char_at(self.text, self.pos + 1).filter(|&c| c != '\n');
        let escape = self.pos..self.pos + 1 + next.map_or(0, char::len_utf8);
        Fault::new(
            escape.clone(),
            format!(
                "`{}` is not an escape sequence: a string literal knows `\\\"`, `\\\\`, \
                 `\\{{`, `\\uXXXX` and `\\UXXXXXX`",
                shown(self.text, escape)
            ),
            "write `\\\\` for a backslash",
        )
    }

    fn bad_unicode_escape(&self) -> Fault {
        // The parser stops at the first character that is not a hexadecimal digit.
        let pos = self.pos;
        let backslash = self.text[..pos].rfind('\\').unwrap_or(pos);
        Fault::new(
            backslash..pos.max(backslash + 1),
            format!(
                "`{}` is not a Unicode escape: `\\u` takes 4 hexadecimal digits \
                 (`\\u00A0`), `\\U` takes 6 (`\\U01F600`)",
                shown(self.text, backslash..pos.max(backslash + 1))
            ),
            "write every digit, with leading zeros",
        )
    }

    /// What a placeable shows is missing or cannot start with the character found.
    fn placeable_content(&self) -> Fault {
        let here = self.here();
        match self.found() {
            Some('}')
                if self
                    .innermost
                    .is_some_and(|b| unclosed_call(self.text, b, self.pos)) =>
            {
                Fault::new(
                    here,
                    "expected `)` before this `}`, to end the function's arguments",
                    "close the argument list with `)`, as in `NUMBER($count)`",
                )
            }
            Some('}') => Fault::new(
                self.innermost.map_or(here, |b| b..self.pos + 1),
                "this placeable is empty",
                "write what to show between `{` and `}`, such as `{ $name }`",
            ),
            Some(c) => Fault::new(
                here,
                format!(
                    "`{c}` cannot start what a placeable shows: write a variable (`$name`), a \
                     message (`other-id`), a term (`-brand`), a string (`\"text\"`) or a number"
                ),
                "fix or remove what is inside the `{ }`",
            ),
            None => Fault::new(
                here,
                "the file ends inside a placeable",
                "finish the placeable with what it shows and a `}`",
            ),
        }
    }
}

/// A name was expected: after `$`, `.` or `-`, in a variant key, or at the start of an entry.
fn expected_name(text: &str, pos: usize, entry: Range<usize>, found: Option<char>) -> Fault {
    let here = pos..pos + 1;
    let before = text[..pos].trim_end_matches(' ').chars().next_back();
    match (text[..pos].chars().next_back(), before) {
        (Some('$'), _) => Fault::new(
            here,
            "a variable's name must follow `$`, starting with a letter: `$count`",
            "write the variable's name after `$`",
        ),
        (Some('.'), _) => Fault::new(
            here,
            "an attribute's name must follow `.`, starting with a letter: `.title`",
            "write the attribute's name after `.`",
        ),
        (Some('-'), _) if pos == entry.start + 1 => Fault::new(
            here,
            "a term's name must follow `-`, starting with a letter: `-brand`",
            "write the term's name after `-`",
        ),
        (_, Some('[')) => Fault::new(
            here,
            "a variant key is one word (`[one]`) or one number (`[1]`)",
            "write the key between `[` and `]`",
        ),
        _ if pos == entry.start => at_line_start(text, pos, entry.end, found),
        _ => Fault::new(
            here,
            "expected a name here, starting with a letter (a-z, A-Z)",
            "names hold letters, digits, `-` and `_`",
        ),
    }
}

/// A line that does not start an entry where one was expected; the entry ends at `end`.
fn at_line_start(text: &str, pos: usize, end: usize, found: Option<char>) -> Fault {
    let here = pos..pos + 1;
    if found != Some(' ') {
        let shown = found.map_or("the end of the file".to_string(), |c| format!("`{c}`"));
        return Fault::new(
            here,
            format!("a message ID starts with a letter (a-z, A-Z), not {shown}"),
            "if this line continues the message above, indent it; otherwise start it with \
             the message ID",
        );
    }
    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let first = text[pos..line_end].trim_start_matches(' ');
    let start = line_end - first.len();
    let at = start..start + 1;
    match first.chars().next() {
        Some('.') => attribute(text, start, end),
        Some('[' | '*') => Fault::new(
            at,
            "this variant is outside a select expression",
            "write variants inside `{ $count -> ... }`, after the `->` line",
        ),
        Some('}') => Fault::new(
            at,
            "this `}` closes nothing: a `}` ends a placeable opened with `{`",
            "remove it, or write `{\"}\"}` to show a brace",
        ),
        _ => Fault::new(
            here,
            "this line is indented but continues no message",
            "start a message at the beginning of the line, or indent the lines of a message \
             under its first line",
        ),
    }
}

/// An attribute line the parser did not take (it gives up on the whole attribute and reports
/// the start of its line): the fault is found by parsing its value as a message's.
fn attribute(text: &str, dot: usize, end: usize) -> Fault {
    // The attribute ends before the next line that starts another attribute (or anything
    // at the start of a line): parsing its value then cannot meet another attribute.
    let mut line = dot;
    let end = loop {
        let Some(newline) = text[line..end].find('\n') else {
            break end;
        };
        line += newline + 1;
        let rest = text[line..end].trim_start_matches(' ');
        if !text[line..end].starts_with(' ') || rest.starts_with('.') {
            break line;
        }
    };
    let name_end = text[dot + 1..end]
        .find(|c: char| !is_id_char(c))
        .map_or(end, |i| dot + 1 + i);
    let name = &text[dot..name_end];
    let after = text[name_end..end].trim_start_matches(' ');
    let Some(value) = after.strip_prefix('=') else {
        return Fault::new(
            dot..name_end.max(dot + 1),
            format!("expected `=` after `{name}`: an attribute is written `{name} = text`"),
            "add the `=` and the attribute's text",
        );
    };
    if value.trim().is_empty() {
        return Fault::new(
            dot..name_end.max(dot + 1),
            format!("the attribute `{name}` has no value"),
            "write the attribute's text after `=`",
        );
    }
    // `x =` is as long as `=` plus two bytes: offsets in the copy are offsets here, shifted.
    let value_start = end - value.len();
    let copy = format!("x ={value}");
    let shift = value_start - "x =".len();
    if let Err((_, errors)) = fluent_syntax::parser::parse_runtime(copy.as_str())
        && let Some(e) = errors.first()
    {
        let junk = e.slice.clone().unwrap_or_else(|| e.pos.clone());
        let mut fault = describe(
            &copy,
            e,
            junk.start.min(copy.len())..junk.end.min(copy.len()),
        );
        fault.at = fault.at.start + shift..fault.at.end + shift;
        return fault;
    }
    Fault::new(
        dot..name_end.max(dot + 1),
        format!("the attribute `{name}` belongs to no message"),
        "write attributes on the lines right under their message, indented",
    )
}

/// Whether a `(` opened after the `{` at `brace` is still open at `pos`.
fn unclosed_call(text: &str, brace: usize, pos: usize) -> bool {
    let inside = text.get(brace..pos).unwrap_or("");
    inside.matches('(').count() > inside.matches(')').count()
}

/// The name of the function called just before `pos` (which follows its `)`).
fn callee(text: &str, pos: usize) -> Range<usize> {
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in text[..pos].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(open) = open else {
        return pos.saturating_sub(1)..pos;
    };
    let end = text[..open].trim_end().len();
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_id_char(c))
        .last()
        .map_or(end, |(i, _)| i);
    if start == end {
        open..open + 1
    } else {
        start..end
    }
}

/// The expression of the placeable opened at `brace`, up to `pos` (trimmed).
fn expression(text: &str, brace: Option<usize>, pos: usize) -> Range<usize> {
    let Some(brace) = brace else {
        return pos..pos + 1;
    };
    let Some(inner) = text.get(brace + 1..pos) else {
        return pos..pos + 1;
    };
    let start = brace + 1 + (inner.len() - inner.trim_start().len());
    let end = brace + 1 + inner.trim_end().len();
    if start < end {
        start..end
    } else {
        pos..pos + 1
    }
}

/// The argument that ends just before `pos`.
fn argument(text: &str, pos: usize) -> Range<usize> {
    let end = text[..pos].trim_end().len();
    let start = text[..end].rfind([',', '(']).map_or(end, |i| i + 1);
    let start = start + (text[start..end].len() - text[start..end].trim_start().len());
    if start < end {
        start..end
    } else {
        pos..pos + 1
    }
}

/// The key `[...]` of the variant whose value is missing at `pos`.
fn variant_key(text: &str, pos: usize) -> Option<Range<usize>> {
    let close = text[..pos].rfind(']')?;
    let open = text[..close].rfind('[')?;
    Some(open..close + 1)
}

/// Whether the character before `pos` belongs to an ID (`g@rbage`: the `@` follows `g`).
fn is_id_char_before(text: &str, pos: usize) -> bool {
    text[..pos].chars().next_back().is_some_and(is_id_char)
}

/// The text of `range`, or nothing if it does not fall on characters of `text`.
fn shown(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or("")
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use fluent_bundle::FluentBundle;
    use fluent_syntax::ast;

    use super::*;

    fn messages(parsed: &Parsed) -> Vec<&str> {
        parsed
            .resource
            .entries()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect()
    }

    /// The only diagnostic of `text`, as `line:column: message`.
    fn only_error(text: &str) -> String {
        let parsed = parse(&SourceFile::from_text("locales/fr/ui.ftl", text));
        assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code, Code::FluentSyntax);
        let p = d.position.expect("a position");
        format!("{}:{}: {}", p.line, p.column, d.message)
    }

    #[test]
    fn a_select_uncommented_on_its_first_line_only_says_to_uncomment_its_variants() {
        let text = "days = { $count ->\n#     [one] { $count } jour\n#    *[other] { $count } jours\n# }\nnext = Suite\n";
        let parsed = parse(&SourceFile::from_text("locales/fr/ui.ftl", text));
        let d = &parsed.diagnostics[0];
        assert_eq!(
            (d.position.unwrap().line, d.position.unwrap().column),
            (1, 8)
        );
        assert!(
            d.message.contains("variant lines are still commented out"),
            "{d:?}"
        );
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("uncomment its variant lines"),
            "{d:?}"
        );
        assert_eq!(
            only_error("a = Bonjour {\nb = Monde\n").split(": ").nth(1),
            Some("this `{` is never closed")
        );
    }

    #[test]
    fn an_unclosed_brace_is_reported_at_the_brace_and_the_next_message_is_defined() {
        let text = "a = Bonjour {\nb = Monde\nc = Fin\n";
        // What the parser alone does: `b` is swallowed into the junk of `a`, and the error
        // points at the `=` of `b`.
        let (raw, errors) = fluent_syntax::parser::parse_runtime(text).unwrap_err();
        assert_eq!(errors[0].pos.start, text.find("= Monde").unwrap());
        assert!(
            !raw.body
                .iter()
                .any(|e| matches!(e, ast::Entry::Message(m) if m.id.name == "b"))
        );

        let parsed = parse(&SourceFile::from_text("locales/fr/ui.ftl", text));
        assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        assert_eq!(
            d.to_string(),
            "locales/fr/ui.ftl:1:13: error[fluent-syntax]: this `{` is never closed: a \
             placeable ends with `}` (hint: add the `}` after what the placeable holds, as in \
             `{ $name }`; for a brace as text, write `{\"{\"}`)"
        );
        assert_eq!(
            d.excerpt.as_ref().map(|(line, _)| line.as_str()),
            Some("a = Bonjour {")
        );
        assert_eq!(messages(&parsed), ["b", "c"]);
        assert_eq!(parsed.broken, ["a"]);
        assert!(parsed.blanked);
        // Offsets still match the file: `b` is where it is written.
        let b = parsed.resource.source().find("b = Monde");
        assert_eq!(b, text.find("b = Monde"));

        let mut bundle = FluentBundle::new(vec!["fr".parse().unwrap()]);
        bundle.add_resource(parsed.resource).unwrap();
        let pattern = bundle.get_message("b").and_then(|m| m.value()).unwrap();
        let mut errors = Vec::new();
        assert_eq!(bundle.format_pattern(pattern, None, &mut errors), "Monde");
        assert!(errors.is_empty());
    }

    #[test]
    fn an_unclosed_brace_before_an_entry_the_parser_did_not_swallow() {
        // The parser stops at `b` itself: `b` was never lost, but the error pointed at it.
        assert_eq!(
            only_error("a = Bonjour { $name\nb = Monde\n"),
            "1:13: this `{` is never closed: a placeable ends with `}`"
        );
        // A select expression whose `}` is missing, and a file that ends inside a placeable.
        assert_eq!(
            only_error("a = { $n ->\n    [one] un\n   *[other] plusieurs\nb = x\n"),
            "1:5: this `{` is never closed: a placeable ends with `}`"
        );
        assert_eq!(
            only_error("a = x\nb = { $n"),
            "2:5: this `{` is never closed: a placeable ends with `}`"
        );
    }

    #[test]
    fn each_broken_entry_in_a_row_is_reported_once_and_the_last_good_one_is_defined() {
        let parsed = parse(&SourceFile::from_text(
            "x.ftl",
            "a = {\nb = {\nc = {\nd = ok\n",
        ));
        let mut at: Vec<String> = parsed.diagnostics.iter().map(|d| d.location()).collect();
        at.sort();
        assert_eq!(at, ["x.ftl:1:5", "x.ftl:2:5", "x.ftl:3:5"]);
        assert_eq!(messages(&parsed), ["d"]);
    }

    #[test]
    fn windows_line_ends_are_recovered_too() {
        let parsed = parse(&SourceFile::from_text("x.ftl", "a = x {\r\nb = y\r\n"));
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].location(), "x.ftl:1:7");
        assert_eq!(messages(&parsed), ["b"]);
    }

    #[test]
    fn a_file_without_errors_is_parsed_as_written() {
        let text = "a = { $n ->\n    [one] un\n   *[other] { $n }\n}\n    .title = T\n";
        let parsed = parse(&SourceFile::from_text("x.ftl", text));
        assert!(parsed.diagnostics.is_empty());
        assert!(!parsed.blanked);
        assert_eq!(parsed.resource.source(), text);
    }

    #[test]
    fn thousands_of_unclosed_braces_stay_cheap() {
        let text: String = (0..2000).map(|i| format!("m{i} = {{\n")).collect();
        let parsed = parse(&SourceFile::from_text("x.ftl", text));
        // Every broken entry is reported, each once, whatever is left unrecovered.
        let mut at: Vec<String> = parsed.diagnostics.iter().map(|d| d.location()).collect();
        let all = at.len();
        at.sort();
        at.dedup();
        assert_eq!(at.len(), all);
        assert!(all >= 1000, "{all}");
    }

    /// Every parser error kind polydocs can meet: the input, the kind the parser reports,
    /// and where and how polydocs reports it.
    const KINDS: &[(&str, &str, &str)] = &[
        (
            "skip-link Aller au contenu\n",
            "ExpectedToken('=')",
            "1:11: expected `=` after `skip-link`: an entry is written `skip-link = text`",
        ),
        (
            "g@rbage = x\n",
            "ExpectedToken('=')",
            "1:2: `@` cannot be part of an ID: IDs hold letters, digits, `-` and `_`",
        ),
        (
            "a = Bonjour { $name ami }\n",
            "ExpectedToken('}')",
            "1:21: expected `}` here: a placeable holds one thing to show, such as \
             `{ $name }` or `{ -brand }`",
        ),
        (
            "a = { $n ->\n   *[one x] un\n}\n",
            "ExpectedToken(']')",
            "2:10: expected `]` to end the variant key: a key is one word (`[one]`) or one \
             number (`[1]`)",
        ),
        (
            "a = { NUMBER($n",
            "ExpectedToken(')')",
            "1:5: this `{` is never closed: a placeable ends with `}`",
        ),
        (
            "a = { \"texte",
            "ExpectedToken('\"')",
            "1:7: this string is never closed: a string literal ends with `\"` on the same line",
        ),
        (
            "a = { \"texte }\n",
            "UnterminatedStringLiteral",
            "1:7: this string is never closed: a string literal ends with `\"` on the same line",
        ),
        (
            "a = { $ }\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "1:8: a variable's name must follow `$`, starting with a letter: `$count`",
        ),
        (
            "a = { autre. }\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "1:13: an attribute's name must follow `.`, starting with a letter: `.title`",
        ),
        (
            "-1 = x\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "1:2: a term's name must follow `-`, starting with a letter: `-brand`",
        ),
        (
            "a = { $n ->\n   *[ ] un\n}\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "2:7: a variant key is one word (`[one]`) or one number (`[1]`)",
        ),
        (
            "1a = x\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "1:1: a message ID starts with a letter (a-z, A-Z), not `1`",
        ),
        (
            "a = x\n   *[other] y\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "2:4: this variant is outside a select expression",
        ),
        (
            "a = x\n    .title\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "2:5: expected `=` after `.title`: an attribute is written `.title = text`",
        ),
        (
            "a = x\n    .title = { $n\n",
            "ExpectedCharRange { range: \"a-zA-Z\" }",
            "2:14: this `{` is never closed: a placeable ends with `}`",
        ),
        (
            "a = { 1. }\n",
            "ExpectedCharRange { range: \"0-9\" }",
            "1:9: expected a digit here: a number is written `42`, `-1` or `1.5`",
        ),
        (
            "a = { $n -> [one] un *[other] plusieurs }\n",
            "ExpectedCharRange { range: \"\\n | \\r\\n\" }",
            "1:13: the variants of a select expression start on the line after `->`",
        ),
        ("a =\n", "ExpectedMessageField", "1:1: `a` has no value"),
        (
            "-marque =\n",
            "ExpectedTermField",
            "1:1: the term `-marque` has no value: a term always has one",
        ),
        (
            "a = { autre() }\n",
            "ForbiddenCallee",
            "1:7: `autre` cannot be called: only functions, written in capitals (`NUMBER`, \
             `DATETIME`), take arguments in `( )`",
        ),
        (
            "a = { $n ->\n    [one] un\n    [other] plusieurs\n}\n",
            "MissingDefaultVariant",
            "1:5: this select expression has no default variant: one variant must be marked \
             with `*`",
        ),
        (
            "a = { $n ->\n    [one]\n   *[other] plusieurs\n}\n",
            "MissingValue",
            "2:5: the variant `[one]` has no value",
        ),
        (
            "a = { $n ->\n   *[one] un\n   *[other] plusieurs\n}\n",
            "MultipleDefaultVariants",
            "3:4: a second default variant: only one variant may be marked with `*`",
        ),
        (
            "a = { autre ->\n   *[x] y\n}\n",
            "MessageReferenceAsSelector",
            "1:7: a message cannot choose a variant: the selector before `->` is a variable, \
             a number, a string or a function call",
        ),
        (
            "a = { autre.genre ->\n   *[x] y\n}\n",
            "MessageAttributeAsSelector",
            "1:7: a message cannot choose a variant: the selector before `->` is a variable, \
             a number, a string or a function call",
        ),
        (
            "a = { -marque ->\n   *[x] y\n}\n",
            "TermReferenceAsSelector",
            "1:7: a term cannot choose a variant, but one of its attributes can",
        ),
        (
            "a = { -marque.genre }\n",
            "TermAttributeAsPlaceable",
            "1:7: a term's attribute cannot be shown: it can only choose a variant",
        ),
        (
            "a = { NUMBER($n, style: \"percent\", $m) }\n",
            "PositionalArgumentFollowsNamed",
            "1:36: a positional argument after a named one: positional arguments come first",
        ),
        (
            "a = { NUMBER($n, style: \"percent\", style: \"decimal\") }\n",
            "DuplicatedNamedArgument",
            "1:36: the argument `style` is given twice",
        ),
        (
            "a = { \"a\\qb\" }\n",
            "UnknownEscapeSequence",
            "1:9: `\\q` is not an escape sequence: a string literal knows `\\\"`, `\\\\`, \
             `\\{`, `\\uXXXX` and `\\UXXXXXX`",
        ),
        (
            "a = { \"\\u00G0\" }\n",
            "InvalidUnicodeEscapeSequence",
            "1:8: `\\u00` is not a Unicode escape: `\\u` takes 4 hexadecimal digits \
             (`\\u00A0`), `\\U` takes 6 (`\\U01F600`)",
        ),
        (
            "a = 100 % }\n",
            "UnbalancedClosingBrace",
            "1:11: this `}` closes nothing: a `}` ends a placeable opened with `{`",
        ),
        (
            "a = { }\n",
            "ExpectedInlineExpression",
            "1:5: this placeable is empty",
        ),
        (
            "a = { NUMBER($n }\n",
            "ExpectedInlineExpression",
            "1:17: expected `)` before this `}`, to end the function's arguments",
        ),
        (
            "a = { @ }\n",
            "ExpectedInlineExpression",
            "1:7: `@` cannot start what a placeable shows: write a variable (`$name`), a \
             message (`other-id`), a term (`-brand`), a string (`\"text\"`) or a number",
        ),
        (
            "a = { { $n } ->\n   *[x] y\n}\n",
            "ExpectedSimpleExpressionAsSelector",
            "1:7: this cannot choose a variant: the selector before `->` is a variable, a \
             number, a string or a function call",
        ),
        (
            "a = { NUMBER($n, style: $s) }\n",
            "ExpectedLiteral",
            "1:25: a named argument takes a string (`\"percent\"`) or a number (`2`), not a \
             variable or a message",
        ),
    ];

    #[test]
    fn every_parser_error_is_said_in_plain_words_at_its_fault() {
        let mut wrong = Vec::new();
        for (text, kind, want) in KINDS {
            let (_, errors) = fluent_syntax::parser::parse_runtime(*text).unwrap_err();
            let got_kind = format!("{:?}", errors[0].kind);
            assert!(
                got_kind.starts_with(kind),
                "{text:?}: the parser reports {got_kind}"
            );
            let got = only_error(text);
            if got != *want {
                wrong.push(format!("{text:?}\n  got:  {got}\n  want: {want}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_error_kind_has_a_case() {
        // A new kind in fluent-syntax fails to compile `describe` (its match is exhaustive);
        // this keeps the table above in step with it.
        let kinds = [
            "ExpectedToken",
            "ExpectedCharRange",
            "ExpectedMessageField",
            "ExpectedTermField",
            "ForbiddenCallee",
            "MissingDefaultVariant",
            "MissingValue",
            "MultipleDefaultVariants",
            "MessageReferenceAsSelector",
            "TermReferenceAsSelector",
            "MessageAttributeAsSelector",
            "TermAttributeAsPlaceable",
            "UnterminatedStringLiteral",
            "PositionalArgumentFollowsNamed",
            "DuplicatedNamedArgument",
            "UnknownEscapeSequence",
            "InvalidUnicodeEscapeSequence",
            "UnbalancedClosingBrace",
            "ExpectedInlineExpression",
            "ExpectedSimpleExpressionAsSelector",
            "ExpectedLiteral",
        ];
        for kind in kinds {
            assert!(
                KINDS.iter().any(|(_, k, _)| k.starts_with(kind)),
                "no case for {kind}"
            );
        }
    }
}
