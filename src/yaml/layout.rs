//! Tabs and uneven indentation: the two ways a hand-edited YAML file most often goes wrong,
//! found by reading the lines the way a person sees them.
//!
//! The YAML reader notices both late and names them in its own terms: a tab is reported on
//! the line above it, a key indented one space too few as a "missing field" of the entry
//! above. This scan follows the indentation of each line against the levels already open
//! (a `key:`'s entries, a list's `- `), and names the first line that fits none of them. It is
//! a heuristic, so it only runs once the reader has already refused the text.

use std::ops::ControlFlow;

/// A line whose layout YAML cannot read as it was meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based, in the scanned text.
    pub(crate) line: usize,
    /// 1-based, in characters.
    pub(crate) column: usize,
    /// How many characters to underline.
    pub(crate) width: usize,
    pub(crate) message: String,
    pub(crate) hint: String,
    /// The first line of the entries around the problem: a reader's error from this line on
    /// is a consequence of it, one before it is a separate mistake.
    pub(crate) region_start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `key: value` lines.
    Keys,
    /// `- ` lines.
    List,
}

/// An open indentation level.
#[derive(Debug, Clone, Copy)]
struct Level {
    indent: usize,
    kind: Kind,
    /// Where its first entry was written.
    line: usize,
    /// The width of its first entry's key (or `-`), to underline it.
    width: usize,
    /// How many entries it has had so far.
    entries: usize,
}

/// Multi-line values whose lines are not structure.
enum Within {
    Nothing,
    /// A `|` or `>` block: lines indented deeper than the key belong to it.
    Block {
        parent: usize,
    },
    /// `[ ...` or `{ ...` not yet closed, maybe inside a quoted value.
    Flow {
        depth: usize,
        quote: Option<char>,
    },
    /// A quoted value not yet closed.
    Quote(char),
}

/// The first tab or uneven indentation in `text`, if any.
pub(crate) fn find(text: &str) -> Option<Problem> {
    let mut scan = Scan {
        levels: Vec::new(),
        opens: true,
        previous: None,
    };
    let mut within = Within::Nothing;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.trim_end_matches('\r');
        let indent = line.len() - line.trim_start_matches(' ').len();
        if within.holds(line, indent) {
            continue;
        }
        if let ControlFlow::Break(found) = scan.line(i + 1, line, indent, &mut within) {
            return found;
        }
    }
    None
}

impl Within {
    /// Whether `line` still belongs to the multi-line value open before it (so it is not
    /// structure); moves past the value where it ends.
    fn holds(&mut self, line: &str, indent: usize) -> bool {
        match *self {
            Within::Block { parent } => {
                if line.trim().is_empty() || indent > parent {
                    return true;
                }
                *self = Within::Nothing;
                false
            }
            Within::Flow { depth, quote } => {
                *self = flow(line, depth, quote);
                true
            }
            Within::Quote(q) => {
                if closing_quote(line, q).is_some() {
                    *self = Within::Nothing;
                }
                true
            }
            Within::Nothing => false,
        }
    }
}

/// The levels a line's content opens, from its indentation: one per `- `, then its key if
/// it has one; with the text after the dashes and the value after the key.
fn levels_opened(content: &str, indent: usize) -> (Vec<(usize, Kind)>, &str, Option<&str>) {
    let mut tokens = Vec::new();
    let mut column = indent;
    let mut rest = content;
    while rest == "-" || rest.starts_with("- ") {
        tokens.push((column, Kind::List));
        let after = rest[1..].trim_start_matches(' ');
        column += rest.len() - after.len();
        rest = after;
    }
    let value = key_value(rest);
    if value.is_some() {
        tokens.push((column, Kind::Keys));
    }
    (tokens, rest, value)
}

/// The indentation levels open at a line.
struct Scan {
    levels: Vec<Level>,
    /// Whether the line before opened a nested value (`key:` or `- ` with nothing after).
    opens: bool,
    /// The level of the line before, and the levels it closed.
    previous: Option<(Level, Vec<Level>)>,
}

impl Scan {
    /// Reads one line of structure (`number` is 1-based): breaks with the problem it finds,
    /// or with `None` where the scan stops guessing.
    fn line(
        &mut self,
        number: usize,
        line: &str,
        indent: usize,
        within: &mut Within,
    ) -> ControlFlow<Option<Problem>> {
        let content = line.trim_start_matches([' ', '\t']);
        if content.is_empty() || content.starts_with('#') {
            return ControlFlow::Continue(());
        }
        let lead = &line[..line.len() - content.len()];
        if let Some(tab) = lead.find('\t') {
            return ControlFlow::Break(Some(self.tab(number, lead, tab)));
        }
        if indent == 0 && (content.starts_with("---") || content.starts_with("...")) {
            // A new document: nothing of the one before stays open.
            self.levels.clear();
            self.opens = true;
            self.previous = None;
            return ControlFlow::Continue(());
        }
        if content.starts_with(['?', '%', '&', '!', '*', '|', '>']) || content.starts_with(": ") {
            // Explicit keys, directives and node properties at the start of a line are rare
            // in hand-written files; the scan does not guess about them.
            return ControlFlow::Break(None);
        }
        let (tokens, rest, value) = levels_opened(content, indent);
        let Some(&(first_indent, first_kind)) = tokens.first() else {
            // A value on a line of its own, such as the rest of a long text: not structure.
            *within = after_value(rest, indent);
            self.opens = false;
            return ControlFlow::Continue(());
        };
        if let Some(problem) = self.place(first_indent, first_kind, number, content) {
            return ControlFlow::Break(Some(problem));
        }
        for &(indent, kind) in &tokens[1..] {
            let content = &line[indent..];
            self.levels.push(Level {
                indent,
                kind,
                line: number,
                width: width(kind, content),
                entries: 1,
            });
        }
        let Some(&(last_indent, _)) = tokens.last() else {
            return ControlFlow::Break(None);
        };
        let value = value.unwrap_or(rest).trim_start_matches(' ');
        self.opens = value.is_empty() || value.starts_with('#') || is_property(value);
        *within = after_value(value, last_indent);
        ControlFlow::Continue(())
    }

    /// A tab in the indentation of line `number`, at byte `tab` of its `lead`: YAML refuses
    /// it, and reports it on the line above.
    fn tab(&self, number: usize, lead: &str, tab: usize) -> Problem {
        Problem {
            line: number,
            column: lead[..tab].chars().count() + 1,
            width: 1,
            message: "YAML indents with spaces, not tabs".into(),
            hint: "replace the tab with spaces".into(),
            region_start: self.levels.last().map_or(1, |l| l.line),
        }
    }

    /// Fits a line's first level among the open ones; says what is wrong when it fits none.
    fn place(&mut self, indent: usize, kind: Kind, line: usize, content: &str) -> Option<Problem> {
        let new = Level {
            indent,
            kind,
            line,
            width: width(kind, content),
            entries: 1,
        };
        let open = self.levels.clone();
        let problem = self.fit(new);
        if problem.is_none() {
            let closed = open
                .iter()
                .filter(|l| {
                    !self
                        .levels
                        .iter()
                        .any(|k| k.line == l.line && k.indent == l.indent)
                })
                .copied()
                .collect();
            self.previous = Some((new, closed));
        }
        problem
    }

    fn fit(&mut self, new: Level) -> Option<Problem> {
        let Level { indent, kind, .. } = new;
        let levels = &mut self.levels;
        let Some(&top) = levels.last() else {
            levels.push(new);
            return None;
        };
        if indent > top.indent {
            if self.opens {
                levels.push(new);
                return None;
            }
            // Back at the indentation of entries the line before closed: that line is the
            // odd one (a key of an entry written at the margin).
            if let Some((previous, closed)) = &self.previous
                && closed.iter().any(|l| l.indent == indent && l.kind == kind)
                && let Some(like) = nearest(closed, previous)
            {
                return Some(uneven(previous, like.indent, "around", like.line));
            }
            return Some(uneven(&new, top.indent, "around", top.line));
        }
        let open = levels.clone();
        while levels.last().is_some_and(|l| l.indent > indent) {
            levels.pop();
        }
        // With no level to suggest, the line starts a level of its own.
        let misplaced = |levels: &mut Vec<Level>| match nearest(&open, &new) {
            // Less indented than the first line of the text, which stands alone at its level:
            // that first line is the odd one (a space pasted before it).
            Some(_) if levels.is_empty() && open[0].entries == 1 => {
                Some(uneven(&open[0], indent, "after", open[0].line))
            }
            Some(like) => Some(uneven(&new, like.indent, "around", like.line)),
            None => {
                levels.push(new);
                None
            }
        };
        let at_indent = levels.last().filter(|l| l.indent == indent).map(|l| l.kind);
        match at_indent {
            None => misplaced(levels),
            Some(k) if k == kind => {
                if let Some(l) = levels.last_mut() {
                    l.entries += 1;
                }
                None
            }
            // A list may be written at the indentation of the key it belongs to.
            Some(_) if kind == Kind::List => {
                if self.opens {
                    levels.push(new);
                }
                None
            }
            // A key at the indentation of a list's `- `: the end of a list written at the
            // indentation of its key, or a key that belongs inside the entry above.
            Some(_) => {
                levels.pop();
                match levels.last_mut() {
                    Some(l) if l.indent == indent && l.kind == kind => {
                        l.entries += 1;
                        None
                    }
                    _ => misplaced(levels),
                }
            }
        }
    }
}

/// The level among `levels` that `line` should have lined up with: the nearest one of its
/// kind, else the nearest one; never one at its own indentation.
fn nearest(levels: &[Level], line: &Level) -> Option<Level> {
    let nearest = |same: bool| {
        levels
            .iter()
            .filter(|l| (!same || l.kind == line.kind) && l.indent != line.indent)
            .min_by_key(|l| (l.indent.abs_diff(line.indent), usize::MAX - l.indent))
            .copied()
    };
    nearest(true).or(nearest(false))
}

/// The width of what a line's level starts with: its key, or the `-` of a list entry.
fn width(kind: Kind, content: &str) -> usize {
    match kind {
        Kind::Keys => content
            .find(':')
            .map_or(1, |i| content[..i].chars().count())
            .max(1),
        Kind::List => 1,
    }
}

/// `line` is indented unlike the entries `around` (or `after`) it, which use `expected`.
fn uneven(line: &Level, expected: usize, around: &str, region_start: usize) -> Problem {
    let Level {
        indent,
        kind,
        line,
        width,
        ..
    } = *line;
    let spaces = |n: usize| match n {
        1 => "1 space".to_string(),
        n => format!("{n} spaces"),
    };
    let (what, rule) = match kind {
        Kind::Keys => ("this line", "keys of one mapping must line up"),
        Kind::List => (
            "this `- ` entry",
            "the `- ` entries of one list must line up",
        ),
    };
    let indented = match indent {
        0 => "is not indented".to_string(),
        n => format!("is indented {}", spaces(n)),
    };
    Problem {
        line,
        column: indent + 1,
        width,
        message: format!(
            "{what} {indented}, but the entries {around} it use {}: YAML nests by indentation, so {rule}",
            if expected == 0 {
                "none".to_string()
            } else {
                expected.to_string()
            }
        ),
        hint: if expected == 0 {
            format!("remove the spaces before it, like the entries {around} it")
        } else {
            format!(
                "indent it by {}, like the entries {around} it",
                spaces(expected)
            )
        },
        region_start,
    }
}

/// The value after `key:` when `text` starts with a key, `None` when it does not.
fn key_value(text: &str) -> Option<&str> {
    let after_key = if let Some(q) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        &text[closing_quote(&text[1..], q)? + 1..]
    } else if text.starts_with(['[', '{', '#', '@', '`', '"', '\'']) {
        return None;
    } else {
        let mut end = None;
        for (i, c) in text.char_indices() {
            if c == '#' && text[..i].ends_with(' ') {
                return None;
            }
            if c == ':' && text[i + 1..].chars().next().is_none_or(|n| n == ' ') {
                end = Some(i);
                break;
            }
        }
        &text[end?..]
    };
    let after_key = after_key.trim_start_matches(' ');
    after_key
        .strip_prefix(':')
        .filter(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// The end (byte index just past it) of a quoted value that `text` continues, if it closes here.
fn closing_quote(text: &str, q: char) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                continue;
            }
            return Some(i + c.len_utf8());
        }
    }
    None
}

/// `&anchor` or `!tag` alone: the value is on the lines below.
fn is_property(value: &str) -> bool {
    value.starts_with(['&', '!']) && !value.contains(' ')
}

/// What a value that starts on this line leaves open for the lines below.
fn after_value(value: &str, indent: usize) -> Within {
    let value = value.trim_start_matches(' ');
    if value.starts_with(['|', '>'])
        && value[1..]
            .trim_start_matches(|c: char| c == '+' || c == '-' || c.is_ascii_digit())
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| c == '#')
    {
        return Within::Block { parent: indent };
    }
    if let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') {
        return match closing_quote(&value[1..], q) {
            Some(_) => Within::Nothing,
            None => Within::Quote(q),
        };
    }
    if value.starts_with(['[', '{']) {
        return flow(value, 0, None);
    }
    Within::Nothing
}

/// Follows brackets (outside quotes and comments) through a line of a flow collection.
fn flow(line: &str, mut depth: usize, mut quote: Option<char>) -> Within {
    let mut chars = line.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some(q) if c == q => {
                if q == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None => match c {
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                '"' | '\'' if matches!(previous, ' ' | '[' | '{' | ',' | ':') => quote = Some(c),
                '#' if previous == ' ' => break,
                _ => {}
            },
        }
        previous = c;
    }
    if depth == 0 {
        Within::Nothing
    } else {
        Within::Flow { depth, quote }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIERS: &str = "\
paid-banner: tier-paid-banner
tiers:
  - id: online
    name: tier-online
    paid: false
  - id: business
    name: tier-business
    highlights:
      - title: a
        description: b
    paid: true
";

    #[test]
    fn consistent_files_have_no_problem() {
        assert_eq!(find(TIERS), None);
        for text in [
            include_str!("../../content/tiers.yaml"),
            include_str!("../../content/comparison.yaml"),
            include_str!("../../content/response-targets.yaml"),
            include_str!("../../content/channels.yaml"),
            include_str!("../../content/resources.yaml"),
            include_str!("../../content/regions.yaml"),
            include_str!("../../site.yaml"),
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn valid_shapes_are_not_problems() {
        for text in [
            // A list at the indentation of its key, then the next key.
            "a:\n- x\n- y\nb: 1\n",
            "- id: x\n  notes:\n  - a\n  name: y\n",
            // Block text, long plain text and multi-line flow collections.
            "a: |\n  any: thing\n     - here\nb: 1\n",
            "a: some long\n   text that goes on\nb: 1\n",
            "a: { x: 1,\n   y: 2 }\nb: [1,\n 2]\nc: 1\n",
            "a: \"quoted\n  over lines\"\nb: 1\n",
            "a:\n    deep: 1\n    deeper:\n          x: 1\nb: 2\n",
            "# comment\n  # indented comment\na: 1 # trailing\n\n\nb: 2\n",
            "a: 'it''s: fine'\nb: \"x: y\"\n",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn a_key_one_space_short_is_named() {
        let text = TIERS.replace("    name: tier-business", "   name: tier-business");
        let p = find(&text).unwrap();
        assert_eq!((p.line, p.column, p.width), (7, 4, 4));
        assert_eq!(
            p.message,
            "this line is indented 3 spaces, but the entries around it use 4: YAML nests by indentation, so keys of one mapping must line up"
        );
        assert_eq!(p.hint, "indent it by 4 spaces, like the entries around it");
        assert_eq!(p.region_start, 6);
    }

    #[test]
    fn a_key_one_space_deep_is_named() {
        let text = TIERS.replace("    name: tier-business", "     name: tier-business");
        let p = find(&text).unwrap();
        assert_eq!((p.line, p.column), (7, 6));
        assert!(
            p.message
                .starts_with("this line is indented 5 spaces, but the entries around it use 4")
        );
    }

    #[test]
    fn a_list_entry_out_of_line_is_named() {
        let text = TIERS.replace("  - id: business", "   - id: business");
        let p = find(&text).unwrap();
        assert_eq!((p.line, p.column), (6, 4));
        assert!(
            p.message.starts_with(
                "this `- ` entry is indented 3 spaces, but the entries around it use 2"
            ),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_key_at_the_indentation_of_the_dashes_is_named() {
        let text = TIERS.replace("    name: tier-business", "  name: tier-business");
        let p = find(&text).unwrap();
        assert_eq!((p.line, p.column), (7, 3));
        assert!(
            p.message
                .starts_with("this line is indented 2 spaces, but the entries around it use 4"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_top_level_key_indented_is_named() {
        let text = TIERS.replace("tiers:", " tiers:");
        let p = find(&text).unwrap();
        assert_eq!((p.line, p.column), (2, 2));
        assert!(p.message.contains("use none"), "{}", p.message);
        assert_eq!(
            p.hint,
            "remove the spaces before it, like the entries around it"
        );
    }

    #[test]
    fn a_first_line_indented_alone_is_named() {
        let p = find(" title: a\ndescription: b\nweight: 1\n").unwrap();
        assert_eq!((p.line, p.column, p.width), (1, 2, 5));
        assert_eq!(
            p.message,
            "this line is indented 1 space, but the entries after it use none: YAML nests by indentation, so keys of one mapping must line up"
        );
        assert_eq!(
            p.hint,
            "remove the spaces before it, like the entries after it"
        );
    }

    #[test]
    fn a_line_not_indented_says_so() {
        let text = TIERS.replace("    paid: false", "paid: false");
        let p = find(&text).unwrap();
        assert!(
            p.message
                .starts_with("this line is not indented, but the entries around it use 4"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_tab_is_named_at_its_own_column() {
        let text = TIERS.replace("    paid: false", "\tpaid: false");
        let p = find(&text).unwrap();
        assert_eq!((p.line, p.column), (5, 1));
        assert_eq!(p.message, "YAML indents with spaces, not tabs");
        assert_eq!(p.hint, "replace the tab with spaces");
        let text = TIERS.replace("    paid: false", "  \t  paid: false");
        assert_eq!(find(&text).unwrap().column, 3);
    }

    #[test]
    fn tabs_inside_values_are_not_indentation() {
        assert_eq!(find("a: |\n  x\n  \ty\nb: \"t\tt\"\n"), None);
    }
}
