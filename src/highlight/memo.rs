//! Lines already parsed, kept per thread: a grammar's work on a line depends only on the line
//! and the parser's state before it, so the same line met again in the same state (the same
//! `support:` key, the same shell command in every translation of a page) is not parsed again.
//!
//! Documentation repeats its code: a page's code blocks come back in each of its translations,
//! often with only their comments translated, and examples repeat the same keys and commands
//! from page to page. Parsing is the costly part of highlighting (backtracking regular
//! expressions tried at each position of a line); looking a line up costs a hash of it.
//!
//! The memo is bounded in bytes for the whole process, whatever the number of threads: all
//! threads' memos together hold at most [`MAX_BYTES`] (line text, operations and two parser
//! states, as estimated by [`cost`]). A thread whose memo would pass the bound forgets its own
//! lines and starts again; lines longer than [`MAX_LENGTH`] and parser states nested deeper
//! than [`MAX_DEPTH`] are never kept. What a line cost to parse ([`Work`]) is kept with it, so
//! that a block's budget counts the same whether its lines were remembered or not.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use syntect::parsing::{ParseState, ParsingError, ScopeStackOp, SyntaxSet};

/// The bytes the memos of all threads may hold together, as [`cost`] estimates them: some
/// 20 000 lines of real code (an entry takes 1 to 2 KB). A smaller memo costs time on sites
/// whose pages fall back to another language: 8 MiB made a site of 2 MB of code, built in
/// three languages, take 75 % more CPU.
pub(crate) const MAX_BYTES: usize = 32 << 20;
/// Longer lines are parsed each time: they rarely repeat, and would fill the memo.
const MAX_LENGTH: usize = 200;
/// The most parser states remembered for one line's text.
const MAX_STATES: usize = 4;
/// Lines parsed in a state with more scopes open are not remembered: such a state is large,
/// and real code rarely nests so deep.
const MAX_DEPTH: usize = 32;
/// A generous estimate of the bytes one level of a parser state takes (syntect's context,
/// its prototypes and captures), as the memo cannot see inside a state. It counts a level
/// for each scope open, which most contexts open (a context without one is not counted).
const LEVEL_BYTES: usize = 128;
/// A generous estimate of the bytes of an entry besides its text, operations and states
/// (the map's slot, the key's and the vectors' headers).
const ENTRY_BYTES: usize = 128;

/// The bytes held by the memos of all threads.
static HELD: AtomicUsize = AtomicUsize::new(0);

type Ops = Vec<(usize, ScopeStackOp)>;

/// What parsing a line cost: the steps of the grammar's searches (one a search, and one a
/// byte of the range each searched), and whether one of them failed (reached Oniguruma's
/// retry limit, which syntect takes for no match).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Work {
    pub(crate) steps: u64,
    pub(crate) failed: bool,
}

struct Parsed {
    /// The set the state's contexts belong to: states of two sets may look alike.
    set: *const SyntaxSet,
    before: ParseState,
    ops: Ops,
    after: ParseState,
    work: Work,
}

#[derive(Default)]
struct Lines {
    by_text: HashMap<Box<str>, Vec<Parsed>>,
    /// The bytes of `by_text`, as [`cost`] estimates them: its share of [`HELD`].
    bytes: usize,
}

impl Lines {
    /// Forgets every line, giving back their bytes.
    fn clear(&mut self) {
        self.by_text.clear();
        HELD.fetch_sub(self.bytes, Ordering::Relaxed);
        self.bytes = 0;
    }

    /// Takes `bytes` more from [`HELD`], forgetting this thread's lines first if all threads
    /// together would hold more than [`MAX_BYTES`]. False if even then they would: the other
    /// threads hold the rest, and the line is not remembered.
    fn reserve(&mut self, bytes: usize) -> bool {
        for _ in 0..2 {
            let held = HELD.fetch_add(bytes, Ordering::Relaxed) + bytes;
            if held <= MAX_BYTES {
                self.bytes += bytes;
                return true;
            }
            HELD.fetch_sub(bytes, Ordering::Relaxed);
            self.clear();
        }
        false
    }
}

impl Drop for Lines {
    fn drop(&mut self) {
        self.clear();
    }
}

thread_local! {
    static LINES: RefCell<Lines> = RefCell::new(Lines::default());
}

/// The bytes an entry for `line` is taken to hold, in a state with `depth` scopes open:
/// the text, the operations, two states (before and after: the after state is at most one
/// level deeper for each scope the line pushes) and the entry's own overhead.
fn cost(line: &str, ops: &[(usize, ScopeStackOp)], depth: usize) -> usize {
    let pushes = ops
        .iter()
        .filter(|(_, op)| matches!(op, ScopeStackOp::Push(_)))
        .count();
    let levels = 2 * (depth + 1) + pushes;
    ENTRY_BYTES + line.len() + std::mem::size_of_val(ops) + levels * LEVEL_BYTES
}

/// Parses `line` (with its line feed) from `state`, which it advances, and hands the
/// operations on the scope stack to `write`. `depth` is the number of scopes open before
/// the line (the writer's count): states deeper than [`MAX_DEPTH`] are not remembered.
pub(crate) fn parse_line<T>(
    state: &mut ParseState,
    line: &str,
    syntaxes: &SyntaxSet,
    depth: usize,
    write: impl FnOnce(&[(usize, ScopeStackOp)]) -> T,
) -> Result<(T, Work), ParsingError> {
    if line.len() > MAX_LENGTH || depth > MAX_DEPTH {
        let (ops, work) = parse_counted(state, line, syntaxes)?;
        return Ok((write(&ops), work));
    }
    LINES.with(|lines| {
        let mut lines = lines.borrow_mut();
        if let Some(parsed) = lines.by_text.get(line).and_then(|known| {
            known
                .iter()
                .find(|p| std::ptr::eq(p.set, syntaxes) && p.before == *state)
        }) {
            state.clone_from(&parsed.after);
            return Ok((write(&parsed.ops), parsed.work));
        }
        let before = state.clone();
        let (ops, work) = parse_counted(state, line, syntaxes)?;
        let result = write(&ops);
        let known = lines.by_text.get(line).map_or(0, Vec::len);
        if known < MAX_STATES && lines.reserve(cost(line, &ops, depth)) {
            lines.by_text.entry(line.into()).or_default().push(Parsed {
                set: syntaxes,
                before,
                ops,
                after: state.clone(),
                work,
            });
        }
        Ok((result, work))
    })
}

/// Parses `line` from `state`, counting the work of the searches it runs.
fn parse_counted(
    state: &mut ParseState,
    line: &str,
    syntaxes: &SyntaxSet,
) -> Result<(Ops, Work), ParsingError> {
    let before = onig::polydocs::searches();
    let ops = state.parse_line(line, syntaxes)?;
    let after = onig::polydocs::searches();
    let work = Work {
        steps: (after.run - before.run) + (after.scanned - before.scanned),
        failed: after.failed > before.failed,
    };
    Ok((ops, work))
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
            let got = parse_line(&mut memo, line, syntaxes, 0, |ops| ops.to_vec())
                .unwrap()
                .0;
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
        let as_toml = parse_line(&mut state, line, toml.set, 0, |ops| ops.to_vec())
            .unwrap()
            .0;
        let mut state = ParseState::new(twin);
        let as_twin = parse_line(&mut state, line, defaults, 0, |ops| ops.to_vec())
            .unwrap()
            .0;
        let fresh = ParseState::new(twin).parse_line(line, defaults).unwrap();
        assert_eq!(as_twin, fresh);
        assert_ne!(as_toml, as_twin, "{}", twin.name);
    }

    /// However many lines are parsed, all memos together stay within their bytes; a line
    /// answered from the memo reports the work its first parse did, so that a block's budget
    /// does not depend on what the thread parsed before.
    #[test]
    fn the_memo_stays_within_its_bytes_and_remembers_the_work() {
        let js = crate::highlight::syntax_for("js").unwrap();
        let mut state = ParseState::new(js.syntax);
        for i in 0..30_000 {
            let line = format!("let a{i} = {i};\n");
            parse_line(&mut state, &line, js.set, 0, |_| ()).unwrap();
            assert!(HELD.load(Ordering::Relaxed) <= MAX_BYTES);
        }
        let line = "let unique_to_this_test = 1;\n";
        let start = ParseState::new(js.syntax);
        let (_, fresh) = parse_line(&mut start.clone(), line, js.set, 0, |_| ()).unwrap();
        let (_, again) = parse_line(&mut start.clone(), line, js.set, 0, |_| ()).unwrap();
        assert!(fresh.steps > 0 && !fresh.failed);
        assert_eq!(again, fresh);
    }
}
