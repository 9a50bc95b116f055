//! GitHub alerts (`> [!NOTE]`...) as callouts a reader and a screen reader can tell apart,
//! and a warning for the markup of other tools (Hugo shortcodes, Liquid tags, `:::` notes),
//! which polydocs publishes as written.

use crate::common::*;

const PAGE: &str = "---
title: Alerts
---

Intro.

> [!NOTE]
> Read *this* first: [the priorities](../choosing-a-priority/).

> [!TIP]
> Press <kbd>Tab</kbd> to move on. <script>alert(1)</script>

> [!IMPORTANT]
> Keep your contract number.

> [!WARNING]
> Back up first.
>
> > A quote inside a warning.

> [!CAUTION]
> Deleting cannot be undone.

> A plain quote.

```text
{% note %} and :::note in code are shown as code
```

`{{< inline >}}` is code too.

:::note
Docusaurus wrote this.
:::

Then {{< tabs name=\"os\" >}} in a paragraph.
";

/// The callouts of `html`: (kind, label, text of the body), in order.
fn callouts(html: &str) -> Vec<(String, String, String)> {
    html.split("<div class=\"callout callout-")
        .skip(1)
        .map(|rest| {
            let kind = rest[..rest.find('"').unwrap()].to_string();
            let label_start = rest.find("<p class=\"callout-label\">").unwrap();
            let label_html = &rest[label_start..];
            let label_end = label_html.find("</p>").unwrap();
            let label = normalize_spaces(&text_of(&label_html[..label_end]));
            let body_end = rest.find("</div>").unwrap();
            let body = normalize_spaces(&text_of(&label_html[label_end..body_end - label_start]));
            (kind, label, body)
        })
        .collect()
}

#[test]
fn alerts_are_callouts_with_a_translated_label_and_a_hidden_icon() {
    let site = TempSite::new("alerts");
    site.write("content/en/docs/alerts.md", PAGE);
    let run = site.build_ok();

    let html = site.page("en/docs/alerts/index.html");
    let found = callouts(&html);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|(k, l, _)| (k.as_str(), l.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("note", "Note"),
            ("tip", "Tip"),
            ("important", "Important"),
            ("warning", "Warning"),
            ("caution", "Caution"),
        ],
        "{html}"
    );
    assert_eq!(found[0].2, "Read this first: the priorities.");
    assert!(found[3].2.starts_with("Back up first."), "{:?}", found[3]);
    // Each is a note for assistive technology; the icon is hidden from it.
    assert_eq!(html.matches("role=\"note\"").count(), 5, "{html}");
    for tag in start_tags(&html, "svg")
        .into_iter()
        .filter(|t| has_class(t, "callout-icon"))
    {
        assert_eq!(attr(tag, "aria-hidden").as_deref(), Some("true"), "{tag}");
    }
    assert_eq!(
        start_tags(&html, "svg")
            .iter()
            .filter(|t| has_class(t, "callout-icon"))
            .count(),
        5,
        "the icons survive the sanitizer of a page with raw HTML: {html}"
    );
    // The body is Markdown like any other: emphasis, links, and raw HTML sanitized.
    assert!(html.contains("<em>this</em>"), "{html}");
    assert!(html.contains("href=\"../choosing-a-priority/\""), "{html}");
    assert!(!html.contains("alert(1)"), "{html}");
    assert!(html.contains("<kbd>Tab</kbd>"), "{html}");
    assert!(
        html.contains("<blockquote>"),
        "a plain quote stays a quote: {html}"
    );
    assert!(!html.contains("[!NOTE]"), "{html}");

    // Shown in French or Chinese, the labels are the visitor's language's.
    let labels = |page: &str| -> Vec<String> {
        callouts(&site.page(page))
            .into_iter()
            .map(|(_, l, _)| l)
            .collect()
    };
    assert_eq!(
        labels("fr/docs/alerts/index.html"),
        [
            "Remarque",
            "Astuce",
            "Important",
            "Avertissement",
            "Attention"
        ]
    );
    assert_eq!(
        labels("zh-tw/docs/alerts/index.html"),
        ["備註", "提示", "重要", "警告", "注意"]
    );

    // The style sheet colours each kind, in the light and the dark scheme.
    let css = std::fs::read_to_string(shipped_root().join("static/style.css")).unwrap();
    for kind in ["tip", "important", "warning", "caution"] {
        assert!(css.contains(&format!(".callout-{kind} {{")), "{kind}");
    }

    // Other tools' markup outside code is reported where it is, once each.
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning[foreign-shortcode]"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", run.describe());
    for (needle, what) in [
        (":::note\nDocusaurus", "admonition"),
        ("{{< tabs", "Hugo shortcode"),
    ] {
        let (line, col) = locate(PAGE, needle);
        assert!(
            run.stderr
                .contains(&format!("content/en/docs/alerts.md:{line}:{col}")),
            "{needle} at {line}:{col}\n{}",
            run.describe()
        );
        assert!(
            warnings.iter().any(|w| w.contains(what)),
            "{what}: {warnings:?}"
        );
    }
    assert!(run.stderr.contains("> [!NOTE]"), "the hint offers alerts");
}

#[test]
fn a_site_without_callout_words_gets_the_theme_s_own() {
    let site = TempSite::new("alerts-builtin");
    // The site's English words lose the labels: the theme's own stand in, and `check` is clean.
    let ui = site.read("locales/en/ui.ftl");
    let kept: String = ui
        .lines()
        .filter(|l| !l.starts_with("callout-"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("locales/en/ui.ftl", &kept);
    site.write(
        "content/en/docs/alerts.md",
        "---\ntitle: Alerts\n---\n\n> [!WARNING]\n> Careful.\n",
    );
    site.build_ok();
    let html = site.page("en/docs/alerts/index.html");
    assert_eq!(
        callouts(&html),
        [(
            "warning".to_string(),
            "Warning".to_string(),
            "Careful.".to_string()
        )]
    );
}
