//! Lines already parsed, kept per thread: a grammar's work on a line depends only on the line
//! and the parser's state before it, so the same line met again in the same state (the same
//! `support:` key, the same shell command in every translation of a page) is not parsed again.
//!
//! Documentation repeats its code: a page's code blocks come back in each of its translations,
//! often with only their comments translated, and examples repeat the same keys and commands
//! from page to page. Parsing is the costly part of highlighting (backtracking regular
//! expressions tried at each position of a line); looking a line up costs a hash of it.
//!
//! The memo is bounded ([`MAX_ENTRIES`] lines a thread, each shorter than [`MAX_LENGTH`]) and
//! forgets everything when full, so its memory stays a few MiB whatever the size of the site.

use std::cell::RefCell;
use std::collections::HashMap;

use syntect::parsing::{ParseState, ParsingError, ScopeStackOp, SyntaxSet};

/// Lines remembered per thread before the memo starts again.
const MAX_ENTRIES: usize = 8_192;
/// Longer lines are parsed each time: they rarely repeat, and would fill the memo.
const MAX_LENGTH: usize = 200;
/// The most parser states remembered for one line's text.
const MAX_STATES: usize = 4;

type Ops = Vec<(usize, ScopeStackOp)>;

struct Parsed {
    /// The set the state's contexts belong to: states of two sets may look alike.
    set: *const SyntaxSet,
    before: ParseState,
    ops: Ops,
    after: ParseState,
}

#[derive(Default)]
struct Lines {
    by_text: HashMap<Box<str>, Vec<Parsed>>,
    entries: usize,
}

thread_local! {
    static LINES: RefCell<Lines> = RefCell::new(Lines::default());
}

/// Parses `line` (with its line feed) from `state`, which it advances, and hands the
/// operations on the scope stack to `write`.
pub fn parse_line<T>(
    state: &mut ParseState,
    line: &str,
    syntaxes: &SyntaxSet,
    write: impl FnOnce(&[(usize, ScopeStackOp)]) -> T,
) -> Result<T, ParsingError> {
    if line.len() > MAX_LENGTH {
        let ops = state.parse_line(line, syntaxes)?;
        return Ok(write(&ops));
    }
    LINES.with(|lines| {
        let mut lines = lines.borrow_mut();
        if let Some(parsed) = lines.by_text.get(line).and_then(|known| {
            known
                .iter()
                .find(|p| std::ptr::eq(p.set, syntaxes) && p.before == *state)
        }) {
            state.clone_from(&parsed.after);
            return Ok(write(&parsed.ops));
        }
        let before = state.clone();
        let ops = state.parse_line(line, syntaxes)?;
        let result = write(&ops);
        if lines.entries >= MAX_ENTRIES {
            lines.by_text.clear();
            lines.entries = 0;
        }
        let known = lines.by_text.entry(line.into()).or_default();
        if known.len() < MAX_STATES {
            known.push(Parsed {
                set: syntaxes,
                before,
                ops,
                after: state.clone(),
            });
            lines.entries += 1;
        }
        Ok(result)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line met again in the same state gives the same operations and the same next state
    /// as parsing it afresh; in another state (inside a block comment) it is parsed again.
    #[test]
    fn a_remembered_line_parses_as_a_fresh_one() {
        let js = crate::highlight::syntax_for("js").unwrap();
        let (syntaxes, js) = (js.set, js.syntax);
        let lines = [
            "let a = 1; /*\n",
            "let a = 1; /*\n",
            "*/ let a = 1; /*\n",
            "let a = 1; /*\n",
        ];
        let mut fresh = ParseState::new(js);
        let mut memo = ParseState::new(js);
        for line in lines {
            let expected = fresh.parse_line(line, syntaxes).unwrap();
            let got = parse_line(&mut memo, line, syntaxes, |ops| ops.to_vec()).unwrap();
            assert_eq!(got, expected, "{line}");
            assert_eq!(memo, fresh);
        }
    }

    /// TOML's grammar lives in a set of its own, where its contexts are numbered as those of
    /// the first default grammar are: a line remembered in one must not answer for the other.
    #[test]
    fn states_of_two_sets_are_told_apart() {
        let toml = crate::highlight::syntax_for("toml").unwrap();
        let defaults = crate::highlight::syntaxes();
        let twin = defaults
            .syntaxes()
            .iter()
            .find(|s| ParseState::new(s) == ParseState::new(toml.syntax))
            .expect("a default grammar whose first state equals TOML's");
        let line = "# a = \"b\"\n";
        let mut state = ParseState::new(toml.syntax);
        let as_toml = parse_line(&mut state, line, toml.set, |ops| ops.to_vec()).unwrap();
        let mut state = ParseState::new(twin);
        let as_twin = parse_line(&mut state, line, defaults, |ops| ops.to_vec()).unwrap();
        let fresh = ParseState::new(twin).parse_line(line, defaults).unwrap();
        assert_eq!(as_twin, fresh);
        assert_ne!(as_toml, as_twin, "{}", twin.name);
    }
}
