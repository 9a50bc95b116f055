//! What docs readers expect: a self-link beside each h2–h4 of a Markdown page, code blocks
//! that name their language in words (no script needed) and get a copy button only from a
//! script, and the colour scheme switch, applied before the page shows.

use crate::common::*;

const HEADINGS: &str = "---\ntitle: Reading\n---\n\nIntro.\n\n## First steps\n\nA.\n\n### Use `<script>alert(\"x\")</script>` & \"quotes\"\n\nB.\n\n#### Deep <script>alert(1)</script> {#deep}\n\nC.\n\n##### Too deep\n\nD.\n\n## First steps\n\nAgain.\n";

#[test]
fn headings_link_to_themselves_named_in_words_and_hostile_text_stays_text() {
    let site = TempSite::new("readers-headings");
    site.write("content/en/docs/reading.md", HEADINGS);
    site.build_ok();
    let html = site.page("en/docs/reading/index.html");

    // h2, h3 and h4 get a link to themselves, after their text; h5 does not. (The page has
    // raw HTML, so it went through the sanitizer, which gives links a `rel`.)
    for id in [
        "first-steps",
        "use-script-alert-x-script-quotes",
        "deep",
        "first-steps-1",
    ] {
        let link = format!(
            r##"<a class="heading-link" href="#{id}" aria-labelledby="_hl {id}" rel="noopener noreferrer"></a></h"##
        );
        assert!(html.contains(&link), "no self-link for #{id}:\n{html}");
    }
    assert_eq!(html.matches("class=\"heading-link\"").count(), 4, "{html}");
    assert!(html.contains("<h5 id=\"too-deep\">Too deep</h5>"), "{html}");
    // Its name: the hidden words once a page, then the heading's own text.
    assert!(
        html.contains(r#"<span id="_hl" hidden>Link to this section:</span>"#),
        "{html}"
    );
    // The hostile heading's markup stays text (in a code span) or is removed (raw HTML).
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("<code>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</code> &amp; &quot;quotes&quot;")
            || html.contains("<code>&lt;script&gt;alert(\"x\")&lt;/script&gt;</code> &amp; \"quotes\""),
        "{html}"
    );
    // The link has no words of its own: the contents list the headings' text alone.
    let toc_start = html.find("<nav class=\"toc").expect("contents");
    let toc = &html[toc_start..toc_start + html[toc_start..].find("</nav>").unwrap()];
    assert!(!toc.contains("Link to this section"), "{toc}");
    assert!(toc.contains(">First steps</a>"), "{toc}");
}

#[test]
fn a_page_without_raw_html_gets_the_bare_link() {
    let site = TempSite::new("readers-plain-heading");
    site.write(
        "content/en/docs/plain.md",
        "---\ntitle: Plain\n---\n\n## One\n\nText.\n",
    );
    site.build_ok();
    let html = site.page("en/docs/plain/index.html");
    assert!(
        html.contains(r##"<h2 id="one">One<a class="heading-link" href="#one" aria-labelledby="_hl one"></a></h2>"##),
        "{html}"
    );
}

#[test]
fn heading_links_are_named_in_the_visitors_language_and_searched_text_has_no_label() {
    let site = TempSite::new("readers-heading-fr");
    site.write("content/en/docs/reading.md", HEADINGS);
    site.build_ok();
    // The page shown in French (a fallback) names its links in French.
    let html = site.page("fr/docs/reading/index.html");
    assert!(
        html.contains("<span id=\"_hl\" hidden>Lien vers cette section\u{a0}:</span>"),
        "{html}"
    );
    // A page without a self-link has no hidden label to point at.
    let compare = site.page("en/compare/index.html");
    assert!(!compare.contains("id=\"_hl\""));
    // The words searched: a page's sections (from its Markdown) and a data page's rendered
    // <main> (read back from its HTML) hold the headings' words, never the link's name.
    let rendered = polydocs::markdown::render_page(
        HEADINGS,
        false,
        &polydocs::markdown::Labels::english("Table"),
        true,
    );
    let headings: Vec<String> = rendered
        .text
        .unwrap()
        .sections
        .into_iter()
        .map(|s| s.heading)
        .collect();
    assert!(
        headings.contains(&"First steps".to_string()),
        "{headings:?}"
    );
    assert!(
        headings
            .iter()
            .all(|h| !h.contains('#') && !h.contains("Link")),
        "{headings:?}"
    );
    let main = format!("<main>{}</main>", rendered.html);
    let read = polydocs::search::html_text::main_text(&main);
    for section in &read.sections {
        assert!(
            !section.heading.contains("Link to this section"),
            "{:?}",
            section.heading
        );
        assert!(
            !section.text.contains("Link to this section"),
            "{:?}",
            section.text
        );
    }
    assert!(
        read.sections.iter().any(|s| s.heading == "First steps"),
        "{:?}",
        read.sections
    );
}

#[test]
fn code_blocks_name_their_language_and_the_copy_button_needs_a_script() {
    let site = TempSite::new("readers-code");
    site.write(
        "content/en/docs/code.md",
        "---\ntitle: Code\n---\n\n```bash\necho \"hi\" <there>\n```\n\n```klingon\nqapla'\n```\n\n```\nplain\n```\n\n```\"><script>x</script>\nhostile info\n```\n",
    );
    site.build_ok();
    let html = site.page("en/docs/code/index.html");

    assert!(
        html.contains(r#"<div class="code"><span class="code-lang">bash</span><pre class="highlight" tabindex="0"><code class="language-bash">"#),
        "{html}"
    );
    // A language with no highlighter is named too; a block with none is framed without a name.
    assert!(
        html.contains("<div class=\"code\"><span class=\"code-lang\">klingon</span>\n<pre tabindex=\"0\"><code class=\"language-klingon\">qapla'\n</code></pre>\n</div>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<div class=\"code\">\n<pre tabindex=\"0\"><code>plain\n</code></pre>\n</div>"
        ),
        "{html}"
    );
    // A hostile info string stays text in the label.
    assert!(
        html.contains("<span class=\"code-lang\">&quot;&gt;&lt;script&gt;x&lt;/script&gt;</span>"),
        "{html}"
    );
    assert!(!html.contains("<script>x"), "{html}");
    // No copy button in the HTML: static/copy.js adds them, with words from Fluent.
    assert!(!html.contains("<button"), "{html}");
    assert!(!html.contains("class=\"copy\""), "{html}");
    let script = html
        .split("<script src=")
        .find(|s| s.contains("copy."))
        .expect("pages with code load copy.js");
    assert!(
        script.contains(r#"defer data-copy="Copy" data-copied="Copied""#),
        "{script}"
    );
    // A page without code does not load it.
    assert!(!site.page("en/compare/index.html").contains("static/copy."));
}

#[test]
fn the_colour_scheme_is_applied_before_the_stylesheet_and_switched_only_with_scripts() {
    let site = TempSite::new("readers-scheme");
    site.build_ok();
    let html = site.page("fr/compare/index.html");
    let script = html.find("localStorage").expect("the scheme script");
    let stylesheet = html.find("rel=\"stylesheet\"").unwrap();
    assert!(
        script < stylesheet,
        "the scheme must be set before the stylesheet applies"
    );
    assert!(
        html.contains(r#"<select class="scheme" hidden aria-label="Thème de couleurs"><option value="">Auto<option value="light">Clair<option value="dark">Sombre</select>"#),
        "{html}"
    );
}
