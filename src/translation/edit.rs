//! Saving one Fluent message from the in-page translation editor into a translator's `.ftl`
//! file, every other byte of the file kept: its comments, its order, its blank lines and
//! its line endings are the translator's, and a save must show in git as the lines of that
//! one message.
//!
//! fluent-syntax gives no offsets, but with `&str` input every name, text and comment it
//! returns is a slice of the file, so where an entry starts is where its first slice is. An
//! entry ends where the next one starts, less the blank lines between them (they belong to
//! no entry). The file is read as polydocs loads it ([`crate::l10n::syntax`]): a message
//! that follows a broken one is defined, so the editor finds it where the site does.
//!
//! The editor shows a message's pattern the way the translator wrote it
//! ([`value_source`]), and writes what is typed back so that Fluent reads the same text
//! ([`entry_text`]): the few things Fluent would misread (leading spaces, a line starting
//! with `[`, `*`, `.` or `}`, an empty first or last line) are written as string literal
//! placeables (`{"["}`), which [`value_source`] shows as the characters they stand for.

use std::ops::Range;

use fluent_syntax::ast;

use crate::l10n::{MAX_NESTING, too_deep};
use crate::source::SourceFile;

/// How far continuation lines are indented in an entry written by [`entry_text`].
const INDENT: &str = "    ";

/// Characters that Fluent reads as syntax when they start a continuation line of text: a
/// variant (`[`, `*`), an attribute (`.`), the end of a placeable (`}`).
const LINE_START_SYNTAX: [char; 4] = ['[', '*', '.', '}'];

/// One entry of a file, located.
#[derive(Debug)]
struct Placed {
    /// The ID when the entry is a message (terms, comments and junk have none).
    message: Option<String>,
    /// The start of its first line, the comment attached above a message included.
    start: usize,
    /// The start of its `id =` line (of its first line for other entries).
    head: usize,
    /// Just after the line break of its last line (the end of the file when it has none).
    end: usize,
    /// The start of its first attribute line, else `end`.
    value_end: usize,
}

/// Byte offset of `slice`, a slice of `text`, within it (clamped, never a panic).
fn offset_in(text: &str, slice: &str) -> usize {
    let offset = (slice.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    offset.min(text.len())
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Whether a line holds only spaces (and the `\r` of a CRLF ending): Fluent's blank line.
fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\r')
}

/// The first slice an entry was read from, where its first line is. An empty comment at the
/// very end of a file (`#`) has none.
fn first_slice<'a>(entry: &ast::Entry<&'a str>) -> Option<&'a str> {
    let commented = |comment: &Option<ast::Comment<&'a str>>| {
        comment.as_ref().and_then(|c| c.content.first().copied())
    };
    match entry {
        ast::Entry::Message(m) => commented(&m.comment).or(Some(m.id.name)),
        ast::Entry::Term(t) => commented(&t.comment).or(Some(t.id.name)),
        ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
            c.content.first().copied()
        }
        ast::Entry::Junk { content } => Some(content),
    }
}

/// Where an entry's first line and its `id =` line start.
fn starts(text: &str, entry: &ast::Entry<&str>) -> (usize, usize) {
    let start = first_slice(entry).map_or_else(
        || line_start(text, text.len()),
        |s| line_start(text, offset_in(text, s)),
    );
    let head = match entry {
        ast::Entry::Message(m) => line_start(text, offset_in(text, m.id.name)),
        ast::Entry::Term(t) => line_start(text, offset_in(text, t.id.name)),
        _ => start,
    };
    (start, head)
}

/// The end of an entry that starts at `head` and is followed by the entry at `next`: after
/// the line break of its last line that is not blank.
fn content_end(text: &str, head: usize, next: usize) -> usize {
    let Some(region) = text.get(head..next) else {
        return head;
    };
    let Some(last) = region.rfind(|c| !matches!(c, ' ' | '\r' | '\n')) else {
        return head;
    };
    let from = head + last;
    text[from..next].find('\n').map_or(next, |i| from + i + 1)
}

/// `text` as polydocs' loader parses it, with the same length (offsets are the file's): a
/// lone `\r` ends a line, and the lines of a broken entry that swallowed the entries after it
/// are blanked. None when the file nests too deep to be parsed at all.
fn as_loaded(text: &str) -> Option<String> {
    if too_deep(text).is_some() {
        return None;
    }
    let source = SourceFile::from_text("", text);
    if fluent_syntax::parser::parse_runtime(source.text.as_str()).is_ok() {
        return Some(source.text);
    }
    Some(
        crate::l10n::syntax::parse(&source)
            .resource
            .source()
            .to_string(),
    )
}

/// Every entry of `text`, in the order of the file (none when it cannot be parsed).
fn placed(text: &str) -> Vec<Placed> {
    let Some(loaded) = as_loaded(text) else {
        return Vec::new();
    };
    let text = loaded.as_str();
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let bounds: Vec<(usize, usize)> = resource.body.iter().map(|e| starts(text, e)).collect();
    let mut out = Vec::with_capacity(bounds.len());
    for (i, entry) in resource.body.iter().enumerate() {
        let (start, head) = bounds[i];
        let next = bounds.get(i + 1).map_or(text.len(), |b| b.0).max(head);
        let end = content_end(text, head, next);
        let (message, value_end) = match entry {
            ast::Entry::Message(m) => (Some(m.id.name.to_string()), attributes_start(text, m, end)),
            _ => (None, end),
        };
        out.push(Placed {
            message,
            start,
            head,
            end,
            value_end,
        });
    }
    out
}

/// The start of a message's first attribute line, or `end` when it has none.
fn attributes_start(text: &str, m: &ast::Message<&str>, end: usize) -> usize {
    m.attributes.first().map_or(end, |a| {
        line_start(text, offset_in(text, a.id.name)).min(end)
    })
}

/// The first definition of message `id` in `text`.
fn find<'a>(placed: &'a [Placed], id: &str) -> Option<&'a Placed> {
    placed.iter().find(|p| p.message.as_deref() == Some(id))
}

/// Byte range of message `id`'s entry in `ftl`: from the start of its `id =` line through
/// the end of its last value/attribute line, the final line break included; attached
/// comments (`#` lines right above) are NOT included. None when the file does not define
/// `id` as a message (terms `-x` are not messages).
pub(crate) fn message_range(ftl: &str, id: &str) -> Option<Range<usize>> {
    find(&placed(ftl), id).map(|p| p.head..p.end)
}

/// The message's pattern as a translator edits it: the text after `id =` with continuation
/// lines un-indented by their common indentation (a multi-line select expression comes back
/// as written, relative indentation kept), attributes left out; trailing line break removed.
/// None when not defined.
///
/// A value written on the lines below `id =` comes back without the empty first line
/// (Fluent does not read it either), and the placeables [`entry_text`] writes for what
/// Fluent would misread come back as the characters they stand for.
pub(crate) fn value_source(ftl: &str, id: &str) -> Option<String> {
    let placed = placed(ftl);
    let message = find(&placed, id)?;
    let after_id = message.head + id.len();
    let eq = after_id + ftl.get(after_id..message.value_end)?.find('=')?;
    let lines = value_lines(&ftl[eq + 1..message.value_end]);
    Some(unescape(&lines).join("\n"))
}

/// The lines of a pattern's source (what follows `=`, up to the attributes): the first
/// without its leading spaces, the others un-indented by their common indentation, trailing
/// blank lines (between entries, not in the pattern) dropped.
fn value_lines(raw: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = raw
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    while lines.len() > 1 && lines.last().is_some_and(|l| is_blank(l)) {
        lines.pop();
    }
    let first = lines[0].trim_start_matches(' ');
    let common = common_indent(&lines[1..]);
    let rest = lines[1..].iter().map(|l| &l[indent_of(l).min(common)..]);
    if first.is_empty() && lines.len() > 1 {
        // The value starts on the lines below `id =`: Fluent skips the blank lines first.
        rest.skip_while(|l| is_blank(l)).collect()
    } else {
        std::iter::once(first).chain(rest).collect()
    }
}

/// How many spaces start a line (Fluent indents with spaces only).
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The smallest indentation of the lines that are not blank (0 when all are).
fn common_indent<S: AsRef<str>>(lines: &[S]) -> usize {
    lines
        .iter()
        .map(AsRef::as_ref)
        .filter(|l| !is_blank(l))
        .map(indent_of)
        .min()
        .unwrap_or(0)
}

/// How deep inside placeables each line starts: 0 is the pattern's own text, where a line
/// start can be misread. String literals (inside placeables only) end at their closing quote
/// or at the end of their line, and may hold braces.
fn line_depths<S: AsRef<str>>(lines: &[S]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        out.push(depth);
        let (mut in_string, mut escaped) = (false, false);
        for c in line.as_ref().chars() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                '"' if depth > 0 => in_string = true,
                _ => {}
            }
        }
    }
    out
}

/// A string literal placeable that shows `text` (spaces or one syntax character, which
/// need no escaping inside quotes).
fn quoted(text: &str) -> String {
    format!("{{\"{text}\"}}")
}

/// The lines of a pattern with the placeables [`escape`] writes turned back into the
/// characters they stand for, at the line starts where it writes them.
fn unescape(lines: &[&str]) -> Vec<String> {
    let depths = line_depths(lines);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| match depths[i] {
            0 => unescape_line(line, i > 0),
            _ => line.to_string(),
        })
        .collect()
}

/// One line of text with a leading `{"   "}` (spaces, or nothing) turned into what it
/// quotes, and, on a continuation line, a `{"["}` (or `*`, `.`, `}`) after the indentation.
fn unescape_line(line: &str, continuation: bool) -> String {
    if let Some((spaces, rest)) = leading_quote(line)
        && spaces.bytes().all(|b| b == b' ')
    {
        return format!("{spaces}{rest}");
    }
    let indent = indent_of(line);
    if continuation
        && let Some((quoted, rest)) = leading_quote(&line[indent..])
        && quoted.len() == 1
        && quoted.starts_with(LINE_START_SYNTAX)
    {
        return format!("{}{quoted}{rest}", &line[..indent]);
    }
    line.to_string()
}

/// Splits `{"text"}rest` into `text` and `rest` (a literal without quotes or backslashes).
fn leading_quote(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix("{\"")?;
    let close = inner.find("\"}")?;
    let text = &inner[..close];
    (!text.contains(['"', '\\'])).then(|| (text, &inner[close + 2..]))
}

/// The entry text for `id` with the pattern `value` as typed in the editor (may be several
/// lines, may hold placeables `{ $var }` and select expressions): `id = first line` and each
/// further line indented by 4 spaces; a value starting with a line break or leading spaces,
/// or a continuation line starting with `[`, `*`, `.` or `}` in a position where Fluent
/// would misread it, is written so that it parses back to the same text (e.g. `{"["}` or a
/// quoted-literal placeable for leading whitespace). Any attributes the existing entry had
/// (`.title = ...`) are kept when `keep_attributes_from` is Some(existing entry text). Ends
/// with a line break (`\n`, or `\r\n` when `crlf`).
///
/// An empty value is written `{""}`, unless there are attributes: the message then has no
/// value at all, as before. Inside a placeable, line starts are Fluent syntax and are
/// written as typed; when every continuation line is inside one and indented (a select whose
/// closing `}` is indented too), [`value_source`] gives them back less that common
/// indentation, which Fluent ignores there anyway.
pub(crate) fn entry_text(
    id: &str,
    value: &str,
    keep_attributes_from: Option<&str>,
    crlf: bool,
) -> String {
    let eol = if crlf { "\r\n" } else { "\n" };
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let attributes = keep_attributes_from.and_then(attribute_block);
    let mut out = format!("{id} =");
    if !(value.is_empty() && attributes.is_some()) {
        let typed: Vec<&str> = value.split('\n').collect();
        for (i, line) in escape(&typed).iter().enumerate() {
            match i {
                0 => out.push(' '),
                _ if line.is_empty() => out.push_str(eol),
                _ => {
                    out.push_str(eol);
                    out.push_str(INDENT);
                }
            }
            out.push_str(line);
        }
    }
    out.push_str(eol);
    for line in attributes.iter().flat_map(|block| block.lines()) {
        out.push_str(line);
        out.push_str(eol);
    }
    out
}

/// The attribute lines of an existing entry (from its first `.name =` line to its end).
fn attribute_block(entry: &str) -> Option<&str> {
    let placed = placed(entry);
    let message = placed.iter().find(|p| p.message.is_some())?;
    (message.value_end < message.end).then(|| &entry[message.value_end..message.end])
}

/// The typed lines of a pattern, each written so that Fluent reads it as typed (before
/// indentation): the first line's leading spaces, an indentation shared by every
/// continuation line, a blank last line and a syntax character starting a line of text are
/// quoted; lines inside placeables are Fluent syntax, written as typed.
fn escape(typed: &[&str]) -> Vec<String> {
    let depths = line_depths(typed);
    let rest = typed.get(1..).unwrap_or_default();
    // When every continuation line is indented, that indentation would read as layout:
    // one line of text keeps it as a placeable, and the others keep theirs relative to it.
    let least = common_indent(rest);
    let keep_indent = (least > 0)
        .then(|| {
            (1..typed.len())
                .find(|&i| depths[i] == 0 && !is_blank(typed[i]) && indent_of(typed[i]) == least)
        })
        .flatten();
    typed
        .iter()
        .enumerate()
        .map(|(i, line)| match i {
            0 => escape_first(line),
            _ if depths[i] > 0 => line.to_string(),
            _ if Some(i) == keep_indent => quote_indent(line),
            _ if i == typed.len() - 1 && is_blank(line) => quoted(line),
            _ => escape_line_start(line),
        })
        .collect()
}

/// The first line: Fluent skips the spaces after `=`, and reads an empty first line as
/// layout, so leading spaces (or the empty line) are quoted.
fn escape_first(line: &str) -> String {
    if line.is_empty() || line.starts_with(' ') {
        quote_indent(line)
    } else {
        line.to_string()
    }
}

/// A line with its leading spaces written as a placeable: `{"  "}text`.
fn quote_indent(line: &str) -> String {
    let indent = indent_of(line);
    format!("{}{}", quoted(&line[..indent]), &line[indent..])
}

/// A continuation line of text whose first character would start a variant, an attribute
/// or the end of a placeable: that character is quoted.
fn escape_line_start(line: &str) -> String {
    let indent = indent_of(line);
    let rest = &line[indent..];
    match rest.chars().next() {
        Some(c) if LINE_START_SYNTAX.contains(&c) => {
            let (head, tail) = rest.split_at(c.len_utf8());
            format!("{}{}{tail}", &line[..indent], quoted(head))
        }
        _ => line.to_string(),
    }
}

/// `ftl` with message `id`'s entry replaced by `entry` (every other byte kept). None when
/// `ftl` does not define `id`.
///
/// The entry is written as given (its line endings are the caller's, see [`entry_text`]);
/// a file whose last line has no line break keeps it that way.
pub(crate) fn replace_message(ftl: &str, id: &str, entry: &str) -> Option<String> {
    let range = message_range(ftl, id)?;
    let body = without_final_break(entry);
    let eol = match (final_break(&ftl[range.clone()]), final_break(entry)) {
        ("", _) => "",
        (old, "") => old,
        (_, own) => own,
    };
    let mut out = String::with_capacity(ftl.len() + entry.len());
    out.push_str(&ftl[..range.start]);
    out.push_str(body);
    out.push_str(eol);
    out.push_str(&ftl[range.end..]);
    Some(out)
}

/// `text` without its final line break, if it has one.
fn without_final_break(text: &str) -> &str {
    &text[..text.len() - final_break(text).len()]
}

/// The line break that ends `text`: `\r\n`, `\n`, or nothing.
fn final_break(text: &str) -> &str {
    if text.ends_with("\r\n") {
        "\r\n"
    } else if text.ends_with('\n') {
        "\n"
    } else {
        ""
    }
}

/// The line ending a file uses (that of its first line), None when it has a single line.
fn line_end(text: &str) -> Option<&'static str> {
    let newline = text.find('\n')?;
    Some(if text[..newline].ends_with('\r') {
        "\r\n"
    } else {
        "\n"
    })
}

/// `text` with its line breaks written `eol`, ending with one.
fn with_line_ends(text: &str, eol: &str) -> String {
    let mut out = String::with_capacity(text.len() + eol.len());
    for line in text.lines() {
        out.push_str(line);
        out.push_str(eol);
    }
    if text.is_empty() {
        out.push_str(eol);
    }
    out
}

/// `target` (None when the translator's file does not exist yet) with `entry` inserted
/// where the source file orders it: right after the closest message that precedes `id` in
/// `source_ftl` and that `target` defines; else before the closest following one that
/// target defines; else at the end. It is separated from its neighbours the way the
/// target's messages are separated (a blank line when they are, none when they are not); a
/// file that does not end with a line break gets one first; line endings follow the target
/// (CRLF kept). For None, the new file is just the entry.
///
/// A target that already defines `id` has that entry replaced instead: a second definition
/// would be ignored by Fluent. A target with too few messages to tell how they are
/// separated is taken to be separated as the source is, else with blank lines.
pub(crate) fn insert_message(
    target: Option<&str>,
    source_ftl: &str,
    id: &str,
    entry: &str,
) -> String {
    let Some(target) = target else {
        return entry.to_string();
    };
    let eol = line_end(target).or_else(|| line_end(entry)).unwrap_or("\n");
    let entry = with_line_ends(entry, eol);
    if let Some(replaced) = replace_message(target, id, &entry) {
        return replaced;
    }
    let in_target = placed(target);
    let in_source = placed(source_ftl);
    let at = insertion_point(&in_target, &in_source, id).unwrap_or(target.len());
    let blank = separated(target, &in_target)
        .or_else(|| separated(source_ftl, &in_source))
        .unwrap_or(true);
    splice(target, at, &entry, blank, eol)
}

/// Where the source's order puts message `id` in the target: after the closest preceding
/// message the target defines, else before (and before the comment of) the closest
/// following one. None when neither exists.
fn insertion_point(target: &[Placed], source: &[Placed], id: &str) -> Option<usize> {
    let order: Vec<&str> = source.iter().filter_map(|p| p.message.as_deref()).collect();
    let i = order.iter().position(|m| *m == id)?;
    order[..i]
        .iter()
        .rev()
        .find_map(|m| find(target, m))
        .map(|p| p.end)
        .or_else(|| {
            order[i + 1..]
                .iter()
                .find_map(|m| find(target, m))
                .map(|p| p.start)
        })
}

/// Whether the messages of a file are separated by blank lines (most pairs of neighbours
/// are); None when it has no two messages in a row.
fn separated(text: &str, placed: &[Placed]) -> Option<bool> {
    let (mut blank, mut tight) = (0, 0);
    for pair in placed.windows(2) {
        if pair[0].message.is_none() || pair[1].message.is_none() {
            continue;
        }
        match text.get(pair[0].end..pair[1].start) {
            Some(gap) if gap.contains('\n') => blank += 1,
            _ => tight += 1,
        }
    }
    (blank + tight > 0).then_some(blank >= tight)
}

/// `text` with `entry` (ending with `eol`) inserted at `at`, a line start or the end, with
/// a blank line on each side that has text and none yet when `blank`.
fn splice(text: &str, at: usize, entry: &str, blank: bool, eol: &str) -> String {
    let (before, after) = text.split_at(at);
    let mut out = String::with_capacity(text.len() + entry.len() + 3 * eol.len());
    out.push_str(before);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    if blank && !out.is_empty() && !ends_with_blank_line(&out) {
        out.push_str(eol);
    }
    out.push_str(entry);
    if blank && !after.is_empty() && !is_blank(after.split('\n').next().unwrap_or("")) {
        out.push_str(eol);
    }
    out.push_str(after);
    out
}

/// Whether the last line of `text` (which ends with a line break) is blank.
fn ends_with_blank_line(text: &str) -> bool {
    let body = without_final_break(text);
    is_blank(&body[line_start(body, body.len())..])
}

/// An error in a candidate file or entry: the 1-based line and column in `text` and what is
/// wrong, in words for a translator ("expected `}` to close the placeable opened at column
/// 12").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

/// Parses `text` (a whole candidate .ftl file) and returns its syntax errors (Fluent
/// "junk"), each positioned.
///
/// The words and positions are those `polydocs check` gives ([`crate::l10n::syntax`]): at
/// the cause (the unclosed `{`, not the later line where the parser gave up), with what to
/// do about it after the fault. Sorted by position.
pub(crate) fn syntax_errors(text: &str) -> Vec<SyntaxError> {
    let source = SourceFile::from_text("", text);
    if let Some(offset) = too_deep(text) {
        let position = source.position(offset);
        return vec![SyntaxError {
            line: position.line,
            column: position.column,
            message: format!(
                "placeables are nested more than {MAX_NESTING} deep here (hint: a message \
                 never needs this; close the `{{` placeables)"
            ),
        }];
    }
    let mut errors: Vec<SyntaxError> = crate::l10n::syntax::parse(&source)
        .diagnostics
        .into_iter()
        .map(|d| {
            let position = d
                .position
                .unwrap_or(crate::source::Position { line: 1, column: 1 });
            let message = match d.hint {
                Some(hint) => format!("{} (hint: {hint})", d.message),
                None => d.message,
            };
            SyntaxError {
                line: position.line,
                column: position.column,
                message,
            }
        })
        .collect();
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

/// `ftl` with the commented-out template of message `id` (`# id = source text` and its
/// continuation lines, as `polydocs new-language` writes them) replaced by `entry`: the
/// translation takes the template's place, under the comment that explains it. None when the
/// file has no such template.
pub(crate) fn replace_template(ftl: &str, id: &str, entry: &str) -> Option<String> {
    let mut at = 0;
    let mut found: Option<Range<usize>> = None;
    for line in ftl.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match &mut found {
            None => {
                let rest = bare.strip_prefix("# ").and_then(|r| r.strip_prefix(id));
                if rest.is_some_and(|r| r.trim_start().starts_with('=')) {
                    found = Some(at..at + line.len());
                }
            }
            Some(range) => {
                let continues = bare
                    .strip_prefix("# ")
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_whitespace() || matches!(c, '[' | '*' | '}' | '.'));
                if !continues {
                    break;
                }
                range.end = at + line.len();
            }
        }
        at += line.len();
    }
    let range = found?;
    let mut entry = entry.to_string();
    if !ftl[range.clone()].ends_with('\n') {
        entry = entry.trim_end_matches(['\n', '\r']).to_string();
    }
    Some(format!(
        "{}{entry}{}",
        &ftl[..range.start],
        &ftl[range.end..]
    ))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_template_written_by_new_language_is_replaced_in_place() {
        let ftl = "# The footer. A sentence.\n# footer-note = This site.\n# Next comment.\n# n = { $count ->\n#     [one] one\n#    *[other] many\n# }\n# Last.\n";
        assert_eq!(
            replace_template(ftl, "footer-note", "footer-note = Ce site.\n").unwrap(),
            "# The footer. A sentence.\nfooter-note = Ce site.\n# Next comment.\n# n = { $count ->\n#     [one] one\n#    *[other] many\n# }\n# Last.\n"
        );
        assert_eq!(
            replace_template(
                ftl,
                "n",
                "n = { $count ->\n    [one] un\n   *[other] plusieurs\n}\n"
            )
            .unwrap(),
            "# The footer. A sentence.\n# footer-note = This site.\n# Next comment.\nn = { $count ->\n    [one] un\n   *[other] plusieurs\n}\n# Last.\n"
        );
        assert_eq!(replace_template(ftl, "footer", "x"), None);
        assert_eq!(
            replace_template("footer-note = x\n", "footer-note", "y"),
            None
        );
    }
    use super::*;

    /// A translator's file: a resource comment, group comments, a message comment, a
    /// message with an attribute, IDs that prefix others, a term and a message of the same
    /// name, a select written below its `=`.
    const FILE: &str = "\
### Mots de l'en-tête et du pied de page.

## Navigation

# Dans l'en-tête.
home = Accueil
tier = Niveau
tier-name = Nom du niveau
    .title = Le nom du niveau

-brand = Polydocs
brand = Marque

## Décomptes

days =
    { $count ->
        [one] un jour
       *[other] { $count } jours
    }
last = Fin
";

    fn slice<'a>(text: &'a str, id: &str) -> Option<&'a str> {
        message_range(text, id).map(|r| &text[r])
    }

    #[test]
    fn a_range_is_the_message_from_its_id_line_to_its_last_line_break() {
        assert_eq!(slice(FILE, "home"), Some("home = Accueil\n"));
        assert_eq!(slice(FILE, "tier"), Some("tier = Niveau\n"));
        assert_eq!(
            slice(FILE, "tier-name"),
            Some("tier-name = Nom du niveau\n    .title = Le nom du niveau\n")
        );
        assert_eq!(slice(FILE, "brand"), Some("brand = Marque\n"));
        assert_eq!(
            slice(FILE, "days"),
            Some(
                "days =\n    { $count ->\n        [one] un jour\n       *[other] { $count } jours\n    }\n"
            )
        );
        assert_eq!(slice(FILE, "last"), Some("last = Fin\n"));
    }

    #[test]
    fn terms_comments_and_unknown_ids_are_not_messages() {
        assert_eq!(message_range(FILE, "-brand"), None);
        assert_eq!(message_range(FILE, "Polydocs"), None);
        assert_eq!(message_range(FILE, "tie"), None);
        assert_eq!(message_range(FILE, "Navigation"), None);
        assert_eq!(message_range("-brand = Polydocs\n", "brand"), None);
        assert_eq!(value_source(FILE, "-brand"), None);
        assert_eq!(replace_message(FILE, "nowhere", "nowhere = x\n"), None);
        // A broken definition is junk, not a message; the one after it is read as the site
        // reads it, though the parser alone swallows it into the junk.
        assert_eq!(message_range("a = {\nb = ok\n", "a"), None);
        assert_eq!(slice("a = {\nb = ok\n", "b"), Some("b = ok\n"));
        assert_eq!(
            replace_message("a = {\nb = ok\n\nc = C\n", "b", "b = bien\n").as_deref(),
            Some("a = {\nb = bien\n\nc = C\n")
        );
    }

    #[test]
    fn ranges_end_at_the_last_line_of_the_file_with_or_without_a_line_break() {
        assert_eq!(slice("a = 1\nlast = Fin", "last"), Some("last = Fin"));
        assert_eq!(slice("a = 1\nlast = Fin  ", "last"), Some("last = Fin  "));
        assert_eq!(
            slice("a = 1\nlast = Fin\n\n  \n", "last"),
            Some("last = Fin\n")
        );
        assert_eq!(slice("a = 1\r\nb = 2\r\n\r\n", "b"), Some("b = 2\r\n"));
        // An empty comment ending the file belongs to no message.
        assert_eq!(slice("a = 1\n#", "a"), Some("a = 1\n"));
    }

    #[test]
    fn value_source_is_the_pattern_as_written() {
        assert_eq!(value_source(FILE, "home").as_deref(), Some("Accueil"));
        assert_eq!(value_source(FILE, "tier").as_deref(), Some("Niveau"));
        assert_eq!(
            value_source(FILE, "tier-name").as_deref(),
            Some("Nom du niveau")
        );
        assert_eq!(value_source(FILE, "brand").as_deref(), Some("Marque"));
        assert_eq!(
            value_source(FILE, "days").as_deref(),
            Some("{ $count ->\n    [one] un jour\n   *[other] { $count } jours\n}")
        );
        let paragraph = "p = Première ligne\r\n    seconde ligne\r\n\r\n      retrait\r\n";
        assert_eq!(
            value_source(paragraph, "p").as_deref(),
            Some("Première ligne\nseconde ligne\n\n  retrait")
        );
        let only_attributes = "a =\n    .title = Titre\n";
        assert_eq!(value_source(only_attributes, "a").as_deref(), Some(""));
        assert_eq!(value_source("a =\n\n    x\n", "a").as_deref(), Some("x"));
    }

    #[test]
    fn entry_text_indents_further_lines_and_ends_with_a_line_break() {
        assert_eq!(entry_text("home", "Maison", None, false), "home = Maison\n");
        assert_eq!(
            entry_text("p", "Une\ndeux\n\n  trois", None, true),
            "p = Une\r\n    deux\r\n\r\n      trois\r\n"
        );
        assert_eq!(
            entry_text(
                "days",
                "{ $n ->\n    [one] un\n   *[other] { $n } autres\n}",
                None,
                false
            ),
            "days = { $n ->\n        [one] un\n       *[other] { $n } autres\n    }\n"
        );
    }

    #[test]
    fn entry_text_quotes_what_fluent_would_misread() {
        let written = |value| entry_text("a", value, None, false);
        assert_eq!(written("   retrait"), "a = {\"   \"}retrait\n");
        assert_eq!(written("[bêta] Nouveau"), "a = [bêta] Nouveau\n");
        assert_eq!(
            written("Liste :\n[1] un\n*fin*\n.net\n  } x"),
            "a = Liste :\n    {\"[\"}1] un\n    {\"*\"}fin*\n    {\".\"}net\n      {\"}\"} x\n"
        );
        assert_eq!(written("\nAprès"), "a = {\"\"}\n    Après\n");
        assert_eq!(written("Fin\n"), "a = Fin\n    {\"\"}\n");
        assert_eq!(written(""), "a = {\"\"}\n");
        assert_eq!(
            written("Titre\n  retrait\n    plus"),
            "a = Titre\n    {\"  \"}retrait\n        plus\n"
        );
        // Inside a placeable, line starts are Fluent's own syntax: left as typed.
        assert_eq!(
            written("{ $n ->\n[one] un\n*[other] autres\n}"),
            "a = { $n ->\n    [one] un\n    *[other] autres\n    }\n"
        );
    }

    #[test]
    fn entry_text_keeps_the_attributes_of_the_existing_entry() {
        let old = "tier-name = Nom du niveau\n    .title = Le nom\n\n    .alt = Autre\n";
        assert_eq!(
            entry_text("tier-name", "Nom", Some(old), true),
            "tier-name = Nom\r\n    .title = Le nom\r\n\r\n    .alt = Autre\r\n"
        );
        // No value typed: the message keeps only its attributes, as Fluent allows.
        assert_eq!(
            entry_text("tier-name", "", Some(old), false),
            "tier-name =\n    .title = Le nom\n\n    .alt = Autre\n"
        );
        assert_eq!(
            entry_text("home", "Maison", Some("home = Accueil\n"), false),
            "home = Maison\n"
        );
        assert_eq!(
            entry_text("home", "Maison", Some("{ broken"), false),
            "home = Maison\n"
        );
    }

    #[test]
    fn replacing_a_message_keeps_every_other_byte() {
        let new = entry_text("home", "Maison", Some(slice(FILE, "home").unwrap()), false);
        assert_eq!(
            replace_message(FILE, "home", &new).unwrap(),
            "\
### Mots de l'en-tête et du pied de page.

## Navigation

# Dans l'en-tête.
home = Maison
tier = Niveau
tier-name = Nom du niveau
    .title = Le nom du niveau

-brand = Polydocs
brand = Marque

## Décomptes

days =
    { $count ->
        [one] un jour
       *[other] { $count } jours
    }
last = Fin
"
        );
        let new = entry_text("tier", "Palier", None, false);
        let out = replace_message(FILE, "tier", &new).unwrap();
        assert_eq!(out, FILE.replace("tier = Niveau\n", "tier = Palier\n"));
        let new = entry_text("tier-name", "Nom", slice(FILE, "tier-name"), false);
        let out = replace_message(FILE, "tier-name", &new).unwrap();
        assert_eq!(
            out,
            FILE.replace("tier-name = Nom du niveau\n", "tier-name = Nom\n")
        );
        let out = replace_message(FILE, "brand", "brand = Griffe\n").unwrap();
        assert_eq!(out, FILE.replace("brand = Marque", "brand = Griffe"));
    }

    #[test]
    fn replacing_a_select_and_the_first_and_last_messages() {
        let new = entry_text(
            "days",
            "{ $count ->\n   *[other] { $count } j.\n}",
            None,
            false,
        );
        assert_eq!(
            replace_message(FILE, "days", &new).unwrap(),
            FILE.replace(
                "days =\n    { $count ->\n        [one] un jour\n       *[other] { $count } jours\n    }\n",
                "days = { $count ->\n       *[other] { $count } j.\n    }\n"
            )
        );
        let file = "first = Un\nsecond = Deux\n\nlast = Fin";
        assert_eq!(
            replace_message(file, "first", "first = 1\n").unwrap(),
            "first = 1\nsecond = Deux\n\nlast = Fin"
        );
        // The last line keeps its lack of a line break.
        assert_eq!(
            replace_message(
                file,
                "last",
                &entry_text("last", "Fin\nde tout", None, false)
            )
            .unwrap(),
            "first = Un\nsecond = Deux\n\nlast = Fin\n    de tout"
        );
    }

    #[test]
    fn replacing_in_a_crlf_file_keeps_its_line_endings() {
        let file = "# Titre\r\ntitle = Titre\r\n    .alt = Texte\r\n\r\nnext = Suite\r\n";
        let new = entry_text("title", "Nouveau\ntitre", slice(file, "title"), true);
        assert_eq!(
            replace_message(file, "title", &new).unwrap(),
            "# Titre\r\ntitle = Nouveau\r\n    titre\r\n    .alt = Texte\r\n\r\nnext = Suite\r\n"
        );
        // An entry given without its line break gets the file's.
        assert_eq!(
            replace_message(file, "next", "next = Ensuite").unwrap(),
            "# Titre\r\ntitle = Titre\r\n    .alt = Texte\r\n\r\nnext = Ensuite\r\n"
        );
    }

    /// The text a pattern shows when it holds only text and string literals.
    fn shown(pattern: &ast::Pattern<&str>) -> String {
        let mut out = String::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
                } => out.push_str(value),
                ast::PatternElement::Placeable { .. } => out.push('…'),
            }
        }
        out
    }

    const TYPED: &[&str] = &[
        "{ $count ->\n    [one] un\n   *[other] { $count } autres\n}",
        "   trois espaces devant",
        "[bêta] Nouveau",
        "Première ligne\nseconde ligne\n\ntroisième, après une ligne vide",
        "Il reste { $n } jours sur { NUMBER($total) } ; accolades : {\"{\"} et {\"}\"}",
        "Vous avez { $n ->\n    [one] un message\n   *[other] { $n } messages\n} non lus.",
        "Liste :\n[1] un\n*fin*\n.net\n  } x",
        "\nAprès une ligne vide",
        "Fin\n",
        "Fin suivie de deux lignes vides\n\n",
        "Titre\n  retrait\n    plus",
        "  \n  ",
        "",
        "Texte avec \"guillemets\" et \\ barre",
        "Émoji 🎉 et 日本語",
    ];

    #[test]
    fn what_is_typed_is_what_is_read_back() {
        let files = [
            (FILE, false),
            (&*FILE.replace('\n', "\r\n"), true),
            ("a = 1\nhome = Accueil\n    .title = T", false),
        ];
        for (file, crlf) in files {
            for typed in TYPED {
                let old = slice(file, "home").unwrap();
                let out =
                    replace_message(file, "home", &entry_text("home", typed, Some(old), crlf))
                        .unwrap();
                let parsed = fluent_syntax::parser::parse(out.as_str());
                let resource = parsed.unwrap_or_else(|(_, e)| panic!("{typed:?}: {e:?}\n{out}"));
                let message = resource.body.iter().find_map(|e| match e {
                    ast::Entry::Message(m) if m.id.name == "home" => Some(m),
                    _ => None,
                });
                let message = message.expect("home is defined");
                assert_eq!(value_source(&out, "home").as_deref(), Some(*typed), "{out}");
                assert_eq!(
                    message.attributes.len(),
                    usize::from(old.contains(".title"))
                );
                assert_eq!(syntax_errors(&out), [], "{out}");
                let plain = !typed.contains(['{', '}']) && !typed.contains("\n ");
                if plain && !typed.is_empty() {
                    let value = message.value.as_ref().expect("a value");
                    assert_eq!(shown(value), *typed, "{out}");
                }
            }
        }
    }

    const SOURCE: &str = "a = A\nb = B\nc = C\nd = D\ne = E\n";

    #[test]
    fn a_new_message_goes_after_the_closest_preceding_one() {
        let target = "## Groupe\n\na = A fr\n\nb = B fr\n\n# Commentaire de e\ne = E fr\n";
        assert_eq!(
            insert_message(Some(target), SOURCE, "c", "c = C fr\n"),
            "## Groupe\n\na = A fr\n\nb = B fr\n\nc = C fr\n\n# Commentaire de e\ne = E fr\n"
        );
        let tight = "a = A fr\nb = B fr\ne = E fr\n";
        assert_eq!(
            insert_message(Some(tight), SOURCE, "c", "c = C fr\n"),
            "a = A fr\nb = B fr\nc = C fr\ne = E fr\n"
        );
    }

    #[test]
    fn a_new_message_goes_before_the_closest_following_one_and_its_comment() {
        let target = "### Fichier\n\n# Commentaire de d\nd = D fr\n\ne = E fr\n";
        assert_eq!(
            insert_message(Some(target), SOURCE, "b", "b = B fr\n"),
            "### Fichier\n\nb = B fr\n\n# Commentaire de d\nd = D fr\n\ne = E fr\n"
        );
        let tight = "# Commentaire de d\nd = D fr\ne = E fr\n";
        assert_eq!(
            insert_message(Some(tight), SOURCE, "b", "b = B fr\n"),
            "b = B fr\n# Commentaire de d\nd = D fr\ne = E fr\n"
        );
    }

    #[test]
    fn a_new_message_with_no_neighbour_in_the_target_goes_at_the_end() {
        let target = "x = X\n\ny = Y";
        assert_eq!(
            insert_message(Some(target), SOURCE, "c", "c = C fr\n"),
            "x = X\n\ny = Y\n\nc = C fr\n"
        );
        let tight = "x = X\ny = Y\n";
        assert_eq!(
            insert_message(Some(tight), SOURCE, "c", "c = C fr\n"),
            "x = X\ny = Y\nc = C fr\n"
        );
        // An ID the source does not have either.
        assert_eq!(
            insert_message(Some("a = A\n\nb = B\n"), SOURCE, "zz", "zz = Z\n"),
            "a = A\n\nb = B\n\nzz = Z\n"
        );
        // After the last message, at the end of a file without a final line break.
        assert_eq!(
            insert_message(Some("a = A\nb = B"), SOURCE, "c", "c = C\n"),
            "a = A\nb = B\nc = C\n"
        );
    }

    #[test]
    fn a_new_file_is_the_entry_and_an_empty_one_too() {
        assert_eq!(
            insert_message(None, SOURCE, "c", "c = C fr\n"),
            "c = C fr\n"
        );
        assert_eq!(
            insert_message(Some(""), SOURCE, "c", "c = C fr\n"),
            "c = C fr\n"
        );
        // Too few messages to tell: the source is tight, so is the new neighbour.
        assert_eq!(
            insert_message(Some("### Fichier\n"), SOURCE, "c", "c = C\n"),
            "### Fichier\nc = C\n"
        );
        assert_eq!(
            insert_message(Some("a = A\n"), "a = A\n\nb = B\n", "b", "b = B\n"),
            "a = A\n\nb = B\n"
        );
    }

    #[test]
    fn inserting_follows_the_targets_line_endings() {
        let target = "a = A fr\r\n\r\ne = E fr\r\n";
        assert_eq!(
            insert_message(Some(target), SOURCE, "b", "b = B fr\n    suite\n"),
            "a = A fr\r\n\r\nb = B fr\r\n    suite\r\n\r\ne = E fr\r\n"
        );
    }

    #[test]
    fn inserting_a_message_the_target_has_replaces_it() {
        assert_eq!(
            insert_message(Some("a = A\nc = vieux\n"), SOURCE, "c", "c = neuf\n"),
            "a = A\nc = neuf\n"
        );
    }

    #[test]
    fn syntax_errors_are_positioned_and_worded_for_a_translator() {
        assert_eq!(syntax_errors(FILE), []);
        let errors = syntax_errors("a = Bonjour {\nb = Monde\nc = 100 % }\n");
        let at: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(1, 13), (3, 11)]);
        assert!(
            errors[0]
                .message
                .starts_with("this `{` is never closed: a placeable ends with `}` (hint: "),
            "{errors:?}"
        );
        assert!(errors[1].message.contains("closes nothing"), "{errors:?}");
    }

    /// A small xorshift: the same "random" inputs on every run, without a dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % 1_000_003) as usize
        }

        fn text(&mut self, fragments: &[&str], most: usize) -> String {
            let n = self.next() % most;
            (0..n)
                .map(|_| fragments[self.next() % fragments.len()])
                .collect()
        }
    }

    const FRAGMENTS: &[&str] = &[
        "a = x\n",
        "tier = N\n",
        "tier-name = M\n",
        "-tier = T\n",
        "# c\n",
        "## g\n",
        "###\n",
        "#",
        "    .title = t\n",
        "    [one] un\n",
        "   *[other] o\n",
        "}\n",
        "{ $n ->\n",
        "{",
        "}",
        "\"",
        "\\",
        "\r\n",
        "\r",
        "\n",
        "\n\n",
        " ",
        "    ",
        "é",
        "🎉",
        "a",
        "tier",
        " = ",
        "=",
        ".",
        "*",
        "[",
        "{\"[\"}",
        "{\"  \"}",
        "{\"\"}",
        "$n",
        "->",
        "\t",
    ];

    #[test]
    fn no_input_panics_and_a_range_spliced_back_is_the_file() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut found = 0;
        for _ in 0..400 {
            let id = ["a", "tier", "tier-name", "-tier", "x"][rng.next() % 5];
            // Half the files hold a definition of `id` among the fragments.
            let planted = match rng.next() % 2 {
                0 => format!("{id} = {}\n", rng.text(FRAGMENTS, 4)),
                _ => String::new(),
            };
            let ftl = rng.text(FRAGMENTS, 8) + "\n" + &planted + &rng.text(FRAGMENTS, 8);
            let source = rng.text(FRAGMENTS, 10);
            let value = rng.text(FRAGMENTS, 6);
            if let Some(range) = message_range(&ftl, id) {
                assert!(ftl.is_char_boundary(range.start) && ftl.is_char_boundary(range.end));
                let same = replace_message(&ftl, id, &ftl[range.clone()]);
                assert_eq!(same.as_deref(), Some(ftl.as_str()), "{ftl:?}");
                found += 1;
            }
            let _ = value_source(&ftl, id);
            let entry = entry_text(
                id,
                &value,
                message_range(&ftl, id).map(|r| &ftl[r]),
                rng.next().is_multiple_of(2),
            );
            let _ = replace_message(&ftl, id, &entry);
            let _ = insert_message(Some(&ftl), &source, id, &entry);
            let _ = entry_text(id, &value, Some(&ftl), false);
            let _ = syntax_errors(&ftl);
            let _ = syntax_errors(&entry);
        }
        assert!(found > 40, "only {found} inputs define their message");
    }

    #[test]
    fn nesting_that_would_overflow_the_parser_is_refused_not_parsed() {
        let braces = format!("a = {}\nb = B\n", "{".repeat(100_000));
        let calls = format!("a = {{ {}$x }}\nb = B\n", "F(".repeat(100_000));
        let args = format!("a = {{ {} }}\n", "F({ $x }, ".repeat(100_000));
        for text in [&braces, &calls, &args] {
            assert_eq!(message_range(text, "b"), None);
            assert_eq!(value_source(text, "b"), None);
            assert_eq!(replace_message(text, "b", "b = x\n"), None);
            assert!(insert_message(Some(text), text, "c", "c = C\n").ends_with("\n\nc = C\n"));
            assert!(entry_text("b", text, Some(text), false).starts_with("b = a = {"));
            let errors = syntax_errors(text);
            assert_eq!((errors.len(), errors[0].line), (1, 1), "{errors:?}");
            assert!(
                errors[0]
                    .message
                    .starts_with("placeables are nested more than 64")
            );
        }
        // As deep as a message ever goes is read as usual.
        let fine = format!("a = {{ {}$x{} }}\n", "F(".repeat(60), ")".repeat(60));
        assert_eq!(slice(&fine, "a"), Some(fine.as_str()));
        assert_eq!(syntax_errors(&fine), []);
    }
}
