//! Messages as HTML for a page of one language.
//!
//! A message is HTML-escaped here, not by the template engine, so that text a page shows in
//! another language than its own (a message the language lacks, falling back) gets its own
//! `lang` (and `dir` when the direction differs) around it, while the rest of the page stays
//! as it was: `<span lang="en" dir="ltr">Region</span>` inside an Arabic page.

use fluent_bundle::{FluentArgs, FluentValue};

use super::{FormatError, Locales};

/// Arguments of a message: plain values (numbers, text, which Fluent may select on) and HTML
/// fragments (names already formatted as HTML, inserted as they are).
#[derive(Default)]
pub(crate) struct HtmlArgs<'a> {
    pub(crate) args: FluentArgs<'a>,
    html: Vec<String>,
}

/// Marks where an HTML argument goes in the formatted text: private-use characters, which
/// no message writes and escaping leaves alone.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl<'a> HtmlArgs<'a> {
    pub(crate) fn new() -> HtmlArgs<'a> {
        HtmlArgs::default()
    }

    /// A value Fluent formats (and selects on) itself; escaped with the message.
    pub(crate) fn plain(&mut self, name: &str, value: impl Into<FluentValue<'a>>) {
        self.args.set(name.to_string(), value);
    }

    /// An HTML fragment, inserted as it is.
    pub(crate) fn html(&mut self, name: &str, html: impl Into<String>) {
        let at = self.html.len();
        self.args
            .set(name.to_string(), format!("{OPEN}{at}{CLOSE}"));
        self.html.push(html.into());
    }
}

/// `html` marked as written in language `from`, for a page in `page`: unchanged when both are
/// the same language, else inside `<span lang>`, with `dir` when the directions differ (an
/// element with `dir` is isolated from the text around it, so "English (US)" keeps its order
/// inside Arabic).
pub fn mark(locales: &Locales, page: usize, from: usize, html: String) -> String {
    if locales.tag(from) == locales.tag(page) {
        return html;
    }
    if locales.dir(from) == locales.dir(page) {
        format!("<span lang=\"{}\">{html}</span>", locales.tag(from))
    } else {
        format!(
            "<span lang=\"{}\" dir=\"{}\">{html}</span>",
            locales.tag(from),
            locales.dir(from)
        )
    }
}

/// A message for a page in `lang` as HTML: its text escaped, HTML arguments inserted as they
/// are, and marked with its own language when it comes from another one (see [`mark`]).
pub(crate) fn message_html(
    locales: &Locales,
    lang: usize,
    id: &str,
    args: Option<&HtmlArgs>,
) -> Result<String, FormatError> {
    let text = locales.format(lang, id, args.map(|a| &a.args))?;
    let mut html = crate::escape::html(&text);
    let from = locales.resolve(lang, id).unwrap_or(lang);
    if let Some(args) = args.filter(|a| !a.html.is_empty()) {
        let isolate = locales.dir(lang) == "rtl" || locales.dir(from) == "rtl";
        html = insert(&html, &args.html, isolate);
    }
    Ok(locales.shown(id, mark(locales, lang, from, html)))
}

/// Replaces each `OPEN n CLOSE` of `text` with `fragments[n]`; inside `<bdi>` when
/// `isolate`.
///
/// A value inserted into a message (a time, a name, a link) may run in another direction
/// than the words around it: "6:00 ص" in an Arabic page's fallback "{ $opens } – { $closes }"
/// made the browser show "6:00 م 5:30 – ص", the dash and the second time pulled into the
/// first time's right-to-left run. Isolated, each value keeps its own order and the message
/// orders them. `<bdi>` rather than the invisible FSI/PDI characters: it is HTML's own
/// isolate (it sets `dir=auto` and `unicode-bidi: isolate`), leaves nothing in copied text,
/// and cannot end up in an attribute. Pages and messages that are left-to-right on both sides
/// get none: a Latin or Chinese value cannot reorder left-to-right text.
fn insert(text: &str, fragments: &[String], isolate: bool) -> String {
    let (open, close) = if isolate {
        ("<bdi>", "</bdi>")
    } else {
        ("", "")
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            out.push_str(&rest[start..]);
            return out;
        };
        match after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| fragments.get(n))
        {
            Some(fragment) => {
                out.push_str(open);
                out.push_str(fragment);
                out.push_str(close);
            }
            None => out.push_str(&rest[start..start + OPEN.len_utf8() + end + CLOSE.len_utf8()]),
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_replace_their_marks() {
        let text = format!("Only for {OPEN}0{CLOSE} &amp; {OPEN}1{CLOSE}.");
        let frags = ["<b>A</b>".to_string(), "B".to_string()];
        assert_eq!(insert(&text, &frags, false), "Only for <b>A</b> &amp; B.");
        assert_eq!(insert("plain", &frags, false), "plain");
        assert_eq!(
            insert(&text, &frags, true),
            "Only for <bdi><b>A</b></bdi> &amp; <bdi>B</bdi>."
        );
    }
}
