//! A Fluent file as `polydocs::l10n` reads it: `FluentResource::try_new`, every syntax error
//! positioned with `SourceFile::at_range` and every message with its offset, then every
//! message formatted by a bundle with HTML isolation off, as the renderer does.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use libfuzzer_sys::fuzz_target;
use polydocs::diagnostic::Diagnostic;
use polydocs::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let src = SourceFile::from_text("locales/fr/x.ftl", text);
    // What polydocs parses: the text as read (a lone CR is a line break there).
    let resource = match FluentResource::try_new(src.text.clone()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let d = Diagnostic::error("fluent-syntax", format!("{}", e.kind))
                    .at_range(&src, e.pos.clone());
                common::check_diagnostic(&d, Some(&src));
            }
            r
        }
    };
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
        let d = Diagnostic::error("fuzz", "x").spanning(&src, pos, m.id.name.chars().count());
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
