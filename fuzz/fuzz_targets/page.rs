//! A Markdown page: `polydocs::content::parse_page` splits and parses its front matter; a page
//! that loads is then fingerprinted, stamped as `mark` does, and its body rendered.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use polydocs::content;
use polydocs::diagnostic::{Code, Diagnostic};
use polydocs::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let display = "content/en/docs/page.md";
    let src = SourceFile::from_text(display, text);
    // The text as read: a lone CR is a line break there.
    let text = src.text.as_str();
    match content::parse_page(0, "docs/page.md".into(), src.clone()) {
        Err(d) => common::check_diagnostic(&d, Some(&src)),
        Ok(page) => {
            assert!(page.body_start <= text.len());
            assert!(!page.front.title.trim().is_empty());
            let body = page.body();
            assert!(text.ends_with(body));
            assert_eq!(
                page.body_line,
                text[..page.body_start].matches('\n').count()
            );
            for spanned in [&page.front.template, &page.front.tier]
                .into_iter()
                .flatten()
            {
                let pos = page.position_of(spanned);
                let d = Diagnostic::error(Code::UnknownTemplate, "x").spanning(
                    &page.source,
                    pos,
                    spanned.value.chars().count(),
                );
                common::check_diagnostic(&d, Some(&src));
            }
            let _ = page.url_path();
            let hash = polydocs::translation::page_fingerprint(&page);
            let stamped = polydocs::translation::stamp_page(text, &hash);
            // Stamping only touches the front matter: the body is kept byte for byte.
            assert!(stamped.ends_with(body), "stamping changed the body");
            let rendered = polydocs::markdown::render_with(body, false, "Table");
            common::assert_no_script(&rendered.html, body);
        }
    }
});
