//! Escaping for text written into HTML and XML outside Tera (which escapes on its own):
//! attribute values and text of the sitemap, the status report, the live-reload tag and the
//! Markdown table label.

/// `&`, `<`, `>` and `"` as entities: safe in text and in double-quoted attributes.
pub fn markup(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_characters() {
        assert_eq!(super::markup(r#"a<b>&"c""#), "a&lt;b&gt;&amp;&quot;c&quot;");
    }
}
