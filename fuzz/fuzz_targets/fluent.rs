//! A Fluent file as `polydocs::l10n` reads it: `l10n::syntax::parse` (every syntax error at its
//! fault, entries swallowed by a broken one parsed again), every message with its offset, then
//! every message formatted by a bundle with HTML isolation off, as the renderer does.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use libfuzzer_sys::fuzz_target;
use polydocs::diagnostic::{Code, Diagnostic};
use polydocs::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let src = SourceFile::from_text("locales/fr/x.ftl", text);
    // What polydocs parses: the text as read (a lone CR is a line break there), each syntax
    // error moved to its fault, the entries a broken one swallowed parsed again.
    let parsed = polydocs::l10n::syntax::parse(&src);
    for d in &parsed.diagnostics {
        common::check_diagnostic(d, Some(&src));
    }
    let resource = parsed.resource;
    assert_eq!(
        resource.source().len(),
        src.text.len(),
        "blanking moved offsets"
    );
    let source = resource.source();
    let start = source.as_ptr() as usize;
    let mut ids = Vec::new();
    for entry in resource.entries() {
        let fluent_syntax::ast::Entry::Message(m) = entry else {
            continue;
        };
        let at = m.id.name.as_ptr() as usize;
        assert!(
            at >= start && at <= start + source.len(),
            "message id outside the source"
        );
        let pos = src.position(at - start);
        let d = Diagnostic::error(Code::DuplicateMessage, "x").spanning(
            &src,
            pos,
            m.id.name.chars().count(),
        );
        common::check_diagnostic(&d, Some(&src));
        ids.push(m.id.name.to_string());
    }
    let langid: unic_langid::LanguageIdentifier = "fr".parse().unwrap();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    let mut args = FluentArgs::new();
    args.set("count", 3);
    args.set("language", "English");
    for id in ids {
        if let Some(value) = bundle.get_message(&id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let _ = bundle.format_pattern(value, Some(&args), &mut errors);
        }
    }
});
