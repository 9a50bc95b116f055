//! Code through `polydocs::highlight::highlight`: the first byte picks the language (among the
//! fence names below), the rest is the block's code. Highlighted HTML, its tags taken out and
//! its three entities decoded, must give back the code; highlighting the same block again (the
//! second time from the line memo) must give the same outcome; a block within the size limits
//! left plain must name a limit of the work budget.

#![no_main]

use libfuzzer_sys::fuzz_target;
use polydocs::highlight::{self, Limit, Outcome};

const LANGUAGES: &[&str] = &[
    "makefile", "sh", "json", "yaml", "toml", "rust", "python", "js", "html", "css", "sql", "c",
    "cpp", "go", "java", "ruby", "perl", "php", "lua", "xml", "markdown", "diff", "d", "latex",
    "haskell", "ocaml", "scala", "erlang", "clojure", "r", "objc", "cs", "tcl", "lisp",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(code) = std::str::from_utf8(rest) else {
        return;
    };
    let language = LANGUAGES[usize::from(pick) % LANGUAGES.len()];
    let first = highlight::highlight(language, code);
    match &first {
        Outcome::Html(html) => assert_eq!(text_of(html), code),
        Outcome::Plain(Limit::Size) => assert!(highlight::too_large(code)),
        Outcome::Plain(_) => assert!(!highlight::too_large(code)),
        Outcome::Unknown => {}
    }
    assert_eq!(highlight::highlight(language, code), first, "{language}");
});

/// The text of highlighted HTML: spans taken out, `&amp;`, `&lt;` and `&gt;` decoded.
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let end = rest[at..].find('>').expect("a tag ends") + at;
        let tag = &rest[at..=end];
        assert!(
            tag == "</span>" || (tag.starts_with("<span class=\"") && tag.len() == 16),
            "{tag}"
        );
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
