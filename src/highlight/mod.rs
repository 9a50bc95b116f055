//! Code highlighting at build time: syntect's Sublime Text grammars parse the code, and each
//! stretch of text is written as a flat `<span>` whose one-letter class names its kind of token
//! ([`classes`]), so that the style sheet colours it for light and dark schemes alike and no
//! script runs in the visitor's browser. Lines already parsed are not parsed again ([`memo`]).
//!
//! The grammars are loaded once, on first use, and shared by every rendering thread. A grammar
//! is a set of backtracking regular expressions run line by line: time grows with the length of
//! a line, and a crafted line can take much longer. Each block therefore has a work budget,
//! counted in the grammar's own steps so that a site builds the same on any machine: blocks
//! larger than [`MAX_BLOCK`] bytes or [`MAX_LINES`] lines or with a line longer than
//! [`MAX_LINE`] bytes are not parsed; a pattern that backtracks more than [`RETRY_LIMIT`] times
//! in one search, a block that takes more than [`STEPS_PER_BYTE`] steps a byte, and scopes
//! nested deeper than [`MAX_DEPTH`] stop the parse (at the end of the line). Such blocks are
//! left plain and reported ([`Limit`]).

use std::sync::OnceLock;

mod classes;
mod memo;

use syntect::parsing::{
    ParseState, ScopeStack, ScopeStackOp, SyntaxDefinition, SyntaxReference, SyntaxSet,
};
use syntect::util::LinesWithEndings;

use classes::Kind;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;

/// The largest code block highlighted, in bytes.
pub(crate) const MAX_BLOCK: usize = 64 * 1024;
/// The longest line highlighted, in bytes.
pub(crate) const MAX_LINE: usize = 2_000;
/// The most lines highlighted in a block: the time goes by the line (some 40 µs each, in a
/// release build), and 64 KiB of short lines would be 32 000 of them.
pub(crate) const MAX_LINES: usize = 2_000;

/// The most times one search of a grammar's pattern may backtrack (Oniguruma's retry limit
/// in search, for the whole process; its default is 10 million in a match and none in a
/// search). A `makefile` line of 1 900 `!` made one backtrack for 52 s. Past the limit,
/// syntect takes the search for one that found nothing: polydocs notices and leaves the block
/// plain ([`Limit::Backtracking`]). Of 400 real files, a few Markdown and HTML ones need more
/// than 100 000; two Markdown changelogs pass even Oniguruma's default (which syntect used to
/// take for no match, silently).
pub(crate) const RETRY_LIMIT: u32 = 1_000_000;

/// The steps a block may take per byte of its code (and [`BASE_STEPS`] more), the budget
/// that keeps a block's time in proportion to its size whatever its grammar does. A step is
/// a search of one of the grammar's patterns, or a byte of the range it searched (a search
/// tries each position of the rest of the line). Real code takes up to some 130 steps a byte
/// (400 files of Rust, C, Python, shell, HTML, Markdown, JSON, YAML and TOML were measured);
/// crafted lines of operators or brackets up to several thousand.
pub(crate) const STEPS_PER_BYTE: u64 = 1_000;
/// The steps any block may take, however short.
pub(crate) const BASE_STEPS: u64 = 100_000;

/// What became of a fenced code block.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Highlighted: the inside of `<code>`.
    Html(String),
    /// No grammar for the language (or none given): left plain, as any code block.
    Unknown,
    /// A grammar exists but a limit was reached: left plain, and worth a warning.
    Plain(Limit),
}

/// The limit that left a block with a grammar plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Larger than [`MAX_BLOCK`] bytes or [`MAX_LINES`] lines, or a line longer than
    /// [`MAX_LINE`] bytes: not parsed at all.
    Size,
    /// A pattern backtracked more than [`RETRY_LIMIT`] times in one search.
    Backtracking,
    /// More than [`STEPS_PER_BYTE`] steps a byte (and [`BASE_STEPS`]).
    Steps,
    /// The grammar's scopes nested more than [`MAX_DEPTH`] deep.
    Depth,
}

impl Limit {
    /// Why the block is plain, for the warning: after "this block is not highlighted:".
    pub(crate) fn reason(self) -> String {
        match self {
            Limit::Size => format!(
                "it is larger than {} KiB or {MAX_LINES} lines, or has a line longer than {MAX_LINE} bytes",
                MAX_BLOCK / 1024
            ),
            Limit::Backtracking => format!(
                "a pattern of the grammar backtracked more than {RETRY_LIMIT} times on one of its lines"
            ),
            Limit::Steps => format!(
                "the grammar needed more than {STEPS_PER_BYTE} steps a byte (and {BASE_STEPS}) for this block"
            ),
            Limit::Depth => {
                format!("the grammar nested its scopes more than {MAX_DEPTH} deep")
            }
        }
    }
}

/// A grammar and the set it belongs to: a parser reads its contexts from that set.
#[derive(Clone, Copy)]
pub(crate) struct Grammar {
    pub(crate) set: &'static SyntaxSet,
    pub syntax: &'static SyntaxReference,
}

/// The default grammars of Sublime Text, as syntect ships them: decoding the set takes about
/// a millisecond, and each grammar's contexts are decompressed only when a block first needs
/// them (a few milliseconds for YAML). Adding a grammar to this set would decompress every
/// one of them and compress them again: a fifth of a second of a build's CPU.
pub(crate) fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The grammars written in this crate, which Sublime Text's defaults lack: TOML. A set of
/// their own, so that the defaults stay lazily decoded. A test checks that they load.
fn own_syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut builder = syntect::parsing::SyntaxSetBuilder::new();
        if let Ok(toml) =
            SyntaxDefinition::load_from_str(include_str!("toml.sublime-syntax"), true, None)
        {
            builder.add(toml);
        }
        builder.build()
    })
}

/// The grammar for the language named by a fence's info string (`rust`, `sh`, `yml`,
/// `rust,ignore`), if any.
pub(crate) fn syntax_for(info: &str) -> Option<Grammar> {
    let name = language_of(info);
    if name.is_empty() {
        return None;
    }
    // Grammars are found by extension or name, ignoring case; these are other names
    // fences use for them.
    const ALIASES: &[(&[&str], &str)] = &[
        (&["shell", "console", "zsh", "bash"], "sh"),
        (&["yml"], "yaml"),
        (&["javascript", "mjs", "node"], "js"),
        (&["python3", "py3"], "py"),
        (&["jsonc", "json5"], "json"),
        (&["postgresql", "postgres", "mysql", "sqlite"], "sql"),
        (&["xhtml"], "html"),
    ];
    let token = ALIASES
        .iter()
        .find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map_or(name, |&(_, token)| token);
    [own_syntaxes(), syntaxes()].into_iter().find_map(|set| {
        set.find_syntax_by_token(token)
            .map(|syntax| Grammar { set, syntax })
    })
}

/// The language word of a fence's info string: up to the first space, comma or `{`.
pub(crate) fn language_of(info: &str) -> &str {
    let info = info.trim();
    let end = info
        .find(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .unwrap_or(info.len());
    &info[..end]
}

/// How deep a grammar's scopes may nest in a highlighted block: a grammar opens a context
/// (most with a scope) for each bracket, string or block, and the time per line grows with
/// their depth: 60 KB of `(")"` took 2 s as JavaScript, nested 51 scopes deep (syntect stops
/// pushing contexts at 100), against 20 ms once stopped here. Real code nests up to some 11
/// (in 400 files measured). Counted on the scopes the grammar opens, so that a `)` in a string
/// does not close a `(`.
pub(crate) const MAX_DEPTH: usize = 40;

/// Whether a block is too large to parse at all.
pub fn too_large(code: &str) -> bool {
    code.len() > MAX_BLOCK
        || code.split('\n').any(|line| line.len() > MAX_LINE)
        || code
            .split('\n')
            .nth(MAX_LINES)
            .is_some_and(|rest| !rest.is_empty())
}

/// Sets Oniguruma's [`RETRY_LIMIT`], once, before the first search. The limit is global to
/// the process: syntect gives its searches Oniguruma's default parameters.
fn limit_retries() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| {
        // SAFETY: sets a plain global of the C library, before any search reads it (the
        // grammars are reached only through `highlight`, which calls this first).
        unsafe {
            onig_sys::onig_set_retry_limit_in_search(std::ffi::c_ulong::from(RETRY_LIMIT));
        }
    });
}

/// Highlights a fenced block's code for the language of `info`.
pub fn highlight(info: &str, code: &str) -> Outcome {
    let Some(grammar) = syntax_for(info) else {
        return Outcome::Unknown;
    };
    if too_large(code) {
        return Outcome::Plain(Limit::Size);
    }
    limit_retries();
    let budget = STEPS_PER_BYTE * code.len() as u64 + BASE_STEPS;
    let mut steps = 0;
    let mut state = ParseState::new(grammar.syntax);
    let mut writer = Writer::default();
    for line in LinesWithEndings::from(code) {
        let parsed = memo::parse_line(&mut state, line, grammar.set, writer.stack.len(), |ops| {
            writer.line(line, ops)
        });
        let Ok((Ok(()), work)) = parsed else {
            // A grammar that fails on a line (syntect reports, say, a stack overflow of
            // contexts): the block is left plain rather than half coloured.
            return Outcome::Unknown;
        };
        steps += work.steps;
        let limit = if work.failed {
            Some(Limit::Backtracking)
        } else if steps > budget {
            Some(Limit::Steps)
        } else if writer.deepest > MAX_DEPTH {
            Some(Limit::Depth)
        } else {
            None
        };
        if let Some(limit) = limit {
            return Outcome::Plain(limit);
        }
    }
    Outcome::Html(writer.finish())
}

/// Writes parsed lines as HTML: the text escaped, each stretch of one kind in one span (a
/// span may run over several lines, as a block comment does).
#[derive(Default)]
struct Writer {
    html: String,
    /// The scopes open at the current position.
    stack: ScopeStack,
    /// The kind of the span open at the end of `html`, if one is.
    open: Option<Kind>,
    /// The most scopes `stack` has held.
    deepest: usize,
}

impl Writer {
    fn line(
        &mut self,
        line: &str,
        ops: &[(usize, ScopeStackOp)],
    ) -> Result<(), syntect::parsing::ScopeError> {
        let mut at = 0;
        for (position, op) in ops {
            if *position > at {
                self.text(&line[at..*position]);
                at = *position;
            }
            self.stack.apply(op)?;
            self.deepest = self.deepest.max(self.stack.len());
        }
        self.text(&line[at..]);
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let kind = classes::kind_under(&self.stack);
        // White space takes any colour: it does not break the span it is in.
        if kind != self.open
            && !(self.open.is_some() && text.bytes().all(|b| b.is_ascii_whitespace()))
        {
            if self.open.is_some() {
                self.html.push_str("</span>");
            }
            if let Some(kind) = kind {
                self.html.push_str("<span class=\"");
                self.html.push_str(kind.class());
                self.html.push_str("\">");
            }
            self.open = kind;
        }
        // As pulldown-cmark escapes the text of a code block it leaves plain: `&`, `<`, `>`.
        // Writing into a String does not fail.
        let _ = pulldown_cmark_escape::escape_html_body_text(&mut self.html, text);
    }

    fn finish(mut self) -> String {
        if self.open.is_some() {
            self.html.push_str("</span>");
        }
        self.html
    }
}

/// The warning for a code block left plain by `limit`, at byte `at` of `source`.
pub(crate) fn not_highlighted(
    source: &SourceFile,
    at: usize,
    language: &str,
    limit: Limit,
) -> Diagnostic {
    Diagnostic::warning(
        Code::CodeNotHighlighted,
        format!(
            "this `{language}` code block is not highlighted: {}",
            limit.reason()
        ),
    )
    .at_range(source, at..at + 1)
    .hint("split the block, or mark it as plain text with ```text if it is data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_promised_language_has_a_grammar() {
        for lang in [
            "sh",
            "bash",
            "shell",
            "json",
            "yaml",
            "yml",
            "toml",
            "rust",
            "python",
            "py",
            "javascript",
            "js",
            "html",
            "css",
            "sql",
        ] {
            assert!(syntax_for(lang).is_some(), "no grammar for {lang}");
        }
        assert!(syntax_for("no-such-language").is_none());
        assert!(syntax_for("").is_none());
        assert_eq!(language_of("rust,ignore"), "rust");
        assert_eq!(language_of(" toml {.x}"), "toml");
    }

    #[test]
    fn toml_is_coloured() {
        let Outcome::Html(html) = highlight("toml", "[package]\nname = \"x\" # c\n") else {
            panic!("not highlighted");
        };
        assert_eq!(
            html,
            "[<span class=\"e\">package</span>]\n<span class=\"t\">name </span>= \
             <span class=\"s\">\"x\" </span><span class=\"c\"># c\n</span>"
        );
    }

    #[test]
    fn code_is_escaped() {
        let Outcome::Html(html) = highlight("html", "<script>alert('&')</script>\n") else {
            panic!("not highlighted");
        };
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;"), "{html}");
    }
}

#[cfg(test)]
mod hostile {
    use super::*;
    use std::time::{Duration, Instant};

    /// A fence name for each grammar polydocs ships: its first extension, or its name.
    fn every_grammar() -> Vec<String> {
        let mut names: Vec<String> = [own_syntaxes(), syntaxes()]
            .into_iter()
            .flat_map(|set| set.syntaxes())
            .map(|s| s.file_extensions.first().unwrap_or(&s.name).clone())
            .filter(|name| !name.contains(char::is_whitespace) && syntax_for(name).is_some())
            .collect();
        names.extend(["make", "mk", "mak", "GNUmakefile", "makefile"].map(String::from));
        names
    }

    /// The fence names the README promises, with `make`'s: each gets the full attacks.
    const MAIN: &[&str] = &[
        "makefile", "make", "sh", "bash", "json", "yaml", "toml", "rust", "python", "js", "html",
        "css", "sql",
    ];

    /// Lines of `unit` repeated to about 2 000 bytes, `n` of them.
    fn lines(unit: &str, n: usize) -> String {
        format!("{}\n", unit.repeat(1_990 / unit.len())).repeat(n)
    }

    /// A long line of one operator, quote, bracket or escape.
    fn short_attacks() -> Vec<(&'static str, String)> {
        [
            ("!", "!"),
            (" !", " !"),
            ("(\")\"", "(\")\""),
            ("(", "("),
            ("[{", "[{"),
            ("quotes", "\"'`"),
            ("double quotes", "\""),
            ("operators", "+-*/%=<>!&|^~?:;.,"),
            ("comment marks", "/*#--<!--"),
            ("escapes", "\\$(${{"),
            ("spaces and tabs", " \t"),
            ("words", "a1_ "),
        ]
        .into_iter()
        .map(|(name, unit)| (name, lines(unit, 1)))
        .collect()
    }

    /// The worst cases of the issue, at full size: a `makefile` line of 1 900 `!` took 52 s,
    /// three of `' !'` × 995 185 s; 16 000 `(")"` (a bracket, and one in a string) nested
    /// past the old bracket guard.
    fn full_attacks() -> Vec<(&'static str, String)> {
        vec![
            ("! x 1900", "!".repeat(1_900)),
            (
                "' !' x 995 x 3",
                format!("{}\n", " !".repeat(995)).repeat(3),
            ),
            ("(\")\" x 16 000", lines("(\")\"", 32)),
            ("operators x 32 lines", lines("+-*/%=<>!&|^~?:;.,", 32)),
        ]
    }

    /// Highlights `code` as `lang`, asserting that it is highlighted or left plain for a limit
    /// of the work budget (the attacks fit the size limits), and returns the time it took.
    fn check(lang: &str, name: &str, code: &str) -> Duration {
        assert!(!too_large(code), "{name}");
        let started = Instant::now();
        let outcome = highlight(lang, code);
        let took = started.elapsed();
        assert!(
            matches!(
                outcome,
                Outcome::Html(_)
                    | Outcome::Plain(Limit::Backtracking | Limit::Steps | Limit::Depth)
            ),
            "{lang}, {name}: {outcome:?}"
        );
        took
    }

    /// Every grammar, fed every attack, either highlights it or leaves it plain for a limit
    /// of the budget, and none takes long. The budget is counted in steps, not time: the
    /// times asserted are a loose guard (in an unoptimized build; Oniguruma and syntect are
    /// optimized in tests too, see `Cargo.toml`).
    #[test]
    fn no_grammar_takes_long_on_crafted_code() {
        let started = Instant::now();
        let mut cases: Vec<(String, &str, String)> = Vec::new();
        for lang in every_grammar() {
            cases.extend(
                short_attacks()
                    .into_iter()
                    .map(|(n, c)| (lang.clone(), n, c)),
            );
        }
        for lang in MAIN {
            cases.extend(
                full_attacks()
                    .into_iter()
                    .map(|(n, c)| (lang.to_string(), n, c)),
            );
        }
        let mut slowest = (Duration::ZERO, String::new());
        for (lang, name, code) in &cases {
            let took = check(lang, name, code);
            if took > slowest.0 {
                slowest = (took, format!("{lang}, {name}"));
            }
        }
        let took = started.elapsed();
        eprintln!("{} blocks: {took:?}; slowest {slowest:?}", cases.len());
        assert!(slowest.0 < Duration::from_secs(3), "{slowest:?}");
        assert!(took < Duration::from_secs(30), "{took:?}");
    }

    /// The attacks of the issue are stopped by the limit meant for them.
    #[test]
    fn the_issues_attacks_stay_plain_for_the_right_reason() {
        let bang = "!".repeat(1_900);
        assert_eq!(
            highlight("makefile", &bang),
            Outcome::Plain(Limit::Backtracking)
        );
        let nested = lines("(\")\"", 32);
        assert_eq!(highlight("js", &nested), Outcome::Plain(Limit::Depth));
        let short = format!("{}\n", "(\")\"".repeat(40)).repeat(375);
        assert_eq!(highlight("python", &short), Outcome::Plain(Limit::Depth));
        // Nesting as deep as real code's stays highlighted, however long the block.
        for (lang, open, close) in [("json", "[", "]"), ("js", "(", ")"), ("rust", "{", "}")] {
            let nest = format!(
                "{}{}",
                format!("{open}\n").repeat(12),
                format!("{close}\n").repeat(12)
            );
            let code = nest.repeat(MAX_LINES / 48);
            assert!(matches!(highlight(lang, &code), Outcome::Html(_)), "{lang}");
        }
    }
}
