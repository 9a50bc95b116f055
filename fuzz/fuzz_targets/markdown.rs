//! Markdown bodies through `polydocs::markdown::render_with`: the first byte's low bit says
//! whether raw HTML is allowed. Without it, the HTML must carry no script, event attribute
//! or script/data address; every refused address must point into the input.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let raw_html = flags & 1 == 1;
    let rendered = polydocs::markdown::render_with(text, raw_html, "Tab\"le <x>");
    for (offset, _) in &rendered.refused {
        assert!(*offset <= text.len());
    }
    if let Some(offset) = rendered.too_deep {
        assert!(offset <= text.len());
        assert!(rendered.html.is_empty(), "a page too deep renders nothing");
    }
    let mut ids = std::collections::HashSet::new();
    for h in &rendered.headings {
        assert!(
            ids.insert(h.id.clone()),
            "heading id {:?} given twice",
            h.id
        );
        assert!((1..=6).contains(&h.level));
    }
    if !raw_html {
        common::assert_no_script(&rendered.html, text);
    }
});
