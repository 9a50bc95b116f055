//! Fenced code blocks are highlighted at build time with classes; unknown languages and
//! blocks too large to highlight stay plain, the latter with a warning at the block.

use std::time::{Duration, Instant};

use crate::common::*;

const PAGE: &str = "---\ntitle: Code\n---\n\nIntro.\n\n```yaml\ntier: premium # the tier\nhours: 24\n```\n\n```rust\nfn main() { println!(\"hi\"); }\n```\n\n```klingon\nqapla' <b>\n```\n";

#[test]
fn yaml_and_rust_blocks_get_classed_spans_and_unknown_languages_stay_plain() {
    let site = TempSite::new("highlight-classes");
    site.write("content/en/code.md", PAGE);
    let run = site.build_ok();
    assert!(
        !run.stderr.contains("code-not-highlighted"),
        "{}",
        run.describe()
    );
    let html = site.page("en/code/index.html");
    assert!(
        html.contains(
            r#"<pre class="highlight" tabindex="0"><code class="language-yaml"><span class="t">tier</span>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<span class="c"># the tier"#), "{html}");
    assert!(
        html.contains(
            r#"<pre class="highlight" tabindex="0"><code class="language-rust"><span class="k">fn </span><span class="e">main</span>"#
        ),
        "{html}"
    );
    // No grammar: the block as any code block, escaped, without spans and without an error.
    assert!(
        html.contains(
            "<pre tabindex=\"0\"><code class=\"language-klingon\">qapla' &lt;b&gt;\n</code></pre>"
        ),
        "{html}"
    );
    // Colours come from classes (light and dark schemes), never from inline styles.
    assert!(!html.contains("style=\"color"), "{html}");
}

#[test]
fn a_one_mebibyte_line_stays_plain_fast_and_is_reported_where_it_is() {
    let site = TempSite::new("highlight-huge");
    let line = format!("[{}]", "[{\"a\": \"b\"},".repeat(1024 * 1024 / 12));
    let nested = format!("{}{}", "(".repeat(50_000), ")".repeat(50_000));
    let text = format!(
        "---\ntitle: Huge\n---\n\nIntro.\n\n```json\n{line}\n```\n\n```js\n{nested}\n```\n"
    );
    site.write("content/en/huge.md", &text);
    let started = Instant::now();
    let run = site.build_ok();
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    let html = site.page("en/huge/index.html");
    assert!(
        html.contains("<pre tabindex=\"0\"><code class=\"language-json\">[[{\"a\": \"b\"},"),
        "plain"
    );
    assert!(
        !html.contains("<pre class=\"highlight\""),
        "the large block is not highlighted"
    );
    // The warning names the page, the line of the fence and the limit.
    let (line_no, _) = locate(&text, "```json");
    assert!(
        run.stderr.contains("code-not-highlighted"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr
            .contains(&format!("content/en/huge.md:{line_no}:")),
        "{}",
        run.describe()
    );
    assert_eq!(
        run.stderr.matches("code-not-highlighted").count(),
        2,
        "one warning a block, not one a language: {}",
        run.describe()
    );
}

#[test]
fn a_block_past_the_work_budget_stays_plain_and_the_warning_names_the_limit() {
    let site = TempSite::new("highlight-budget");
    // Small enough for the size limits; a `makefile` pattern backtracks on it without end.
    let bang = "!".repeat(1_900);
    let text = format!(
        "---\ntitle: Bang\n---\n\nIntro.\n\n```yaml\nkey: value\n```\n\n```makefile\n{bang}\n```\n"
    );
    site.write("content/en/bang.md", &text);
    let started = Instant::now();
    let run = site.build_ok();
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    let html = site.page("en/bang/index.html");
    assert!(
        html.contains(&format!(
            "<pre tabindex=\"0\"><code class=\"language-makefile\">{bang}"
        )),
        "plain: {html}"
    );
    assert!(
        html.contains("<code class=\"language-yaml\"><span"),
        "{html}"
    );
    let (line_no, _) = locate(&text, "```makefile");
    assert!(
        run.stderr
            .contains(&format!("content/en/bang.md:{line_no}:")),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("backtracked more than 1000000 times"),
        "{}",
        run.describe()
    );
    assert_eq!(
        run.stderr.matches("code-not-highlighted").count(),
        1,
        "once, not once a language: {}",
        run.describe()
    );
}
