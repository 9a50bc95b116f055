//! Code highlighting at build time: syntect's Sublime Text grammars parse the code, and each
//! stretch of text is written as a flat `<span>` whose one-letter class names its kind of token
//! ([`classes`]), so that the style sheet colours it for light and dark schemes alike and no
//! script runs in the visitor's browser. Lines already parsed are not parsed again ([`memo`]).
//!
//! The grammars are loaded once, on first use, and shared by every rendering thread. A grammar
//! is a set of backtracking regular expressions run line by line: time grows with the length of
//! a line, and a crafted line can take much longer. Blocks larger than [`MAX_BLOCK`] bytes or
//! [`MAX_LINES`] lines, with a line longer than [`MAX_LINE`] bytes or brackets nested deeper
//! than [`MAX_DEPTH`] are therefore left plain and reported.

use std::sync::OnceLock;

mod classes;
mod memo;

use syntect::parsing::{
    ParseState, ScopeStack, ScopeStackOp, SyntaxDefinition, SyntaxReference, SyntaxSet,
};
use syntect::util::LinesWithEndings;

use classes::Kind;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The largest code block highlighted, in bytes.
pub const MAX_BLOCK: usize = 64 * 1024;
/// The longest line highlighted, in bytes.
pub const MAX_LINE: usize = 2_000;
/// The most lines highlighted in a block: the time goes by the line (some 40 µs each, in a
/// release build), and 64 KiB of short lines would be 32 000 of them.
pub const MAX_LINES: usize = 2_000;

/// What became of a fenced code block.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Highlighted: the inside of `<code>`.
    Html(String),
    /// No grammar for the language (or none given): left plain, as any code block.
    Unknown,
    /// A grammar exists but the block is too large: left plain, and worth a warning.
    TooLarge,
}

/// A grammar and the set it belongs to: a parser reads its contexts from that set.
#[derive(Clone, Copy)]
pub struct Grammar {
    pub set: &'static SyntaxSet,
    pub syntax: &'static SyntaxReference,
}

/// The default grammars of Sublime Text, as syntect ships them: decoding the set takes about
/// a millisecond, and each grammar's contexts are decompressed only when a block first needs
/// them (a few milliseconds for YAML). Adding a grammar to this set would decompress every
/// one of them and compress them again: a fifth of a second of a build's CPU.
pub fn syntaxes() -> &'static SyntaxSet {
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
pub fn syntax_for(info: &str) -> Option<Grammar> {
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
pub fn language_of(info: &str) -> &str {
    let info = info.trim();
    let end = info
        .find(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .unwrap_or(info.len());
    &info[..end]
}

/// How deep brackets may nest in a highlighted block. A grammar opens a context for each
/// bracket, and the time per line grows with their depth: 15 000 nested brackets took half a
/// minute. Brackets in strings and comments count too; a block is then only left plain.
pub const MAX_DEPTH: usize = 256;

/// Whether a block is too large (or too deep) to highlight.
pub fn too_large(code: &str) -> bool {
    if code.len() > MAX_BLOCK
        || code.split('\n').any(|line| line.len() > MAX_LINE)
        || code
            .split('\n')
            .nth(MAX_LINES)
            .is_some_and(|rest| !rest.is_empty())
    {
        return true;
    }
    let mut depth = 0usize;
    for b in code.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Highlights a fenced block's code for the language of `info`.
pub fn highlight(info: &str, code: &str) -> Outcome {
    let Some(grammar) = syntax_for(info) else {
        return Outcome::Unknown;
    };
    if too_large(code) {
        return Outcome::TooLarge;
    }
    let mut state = ParseState::new(grammar.syntax);
    let mut writer = Writer::default();
    for line in LinesWithEndings::from(code) {
        let written = memo::parse_line(&mut state, line, grammar.set, |ops| writer.line(line, ops));
        if !matches!(written, Ok(Ok(()))) {
            // A grammar that fails on a line (syntect reports, say, a stack overflow of
            // contexts): the block is left plain rather than half coloured.
            return Outcome::Unknown;
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

/// The warning for a code block left plain because it is too large, at byte `at` of `source`.
pub fn not_highlighted(source: &SourceFile, at: usize, language: &str) -> Diagnostic {
    Diagnostic::warning(
        "code-not-highlighted",
        format!(
            "this `{language}` code block is not highlighted: it is larger than {} KiB or {MAX_LINES} lines, has a line longer than {MAX_LINE} bytes or nests brackets more than {MAX_DEPTH} deep",
            MAX_BLOCK / 1024
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

    #[test]
    fn deep_nesting_stays_plain_and_nesting_under_the_limit_stays_fast() {
        let deep = format!(
            "{}{}",
            "[\n".repeat(MAX_DEPTH + 1),
            "]\n".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(highlight("json", &deep), Outcome::TooLarge);
        let long = "x\n".repeat(MAX_LINES + 1);
        assert_eq!(highlight("json", &long), Outcome::TooLarge);
        assert!(!too_large(&"x\n".repeat(MAX_LINES)));
        for (lang, open, close) in [("json", "[", "]"), ("js", "(", ")"), ("rust", "{", "}")] {
            let nest = format!(
                "{}{}",
                format!("{open}\n").repeat(MAX_DEPTH),
                format!("{close}\n").repeat(MAX_DEPTH)
            );
            // A few thousand lines nested as deep as allowed (unoptimized, as tests run).
            let code = nest.repeat(MAX_LINES / 1024);
            assert!(!too_large(&code), "{lang}");
            let started = std::time::Instant::now();
            assert!(matches!(highlight(lang, &code), Outcome::Html(_)));
            let took = started.elapsed();
            assert!(
                took < std::time::Duration::from_secs(10),
                "{lang}: {took:?}"
            );
        }
    }
}
