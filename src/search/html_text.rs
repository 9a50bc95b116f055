//! The text a visitor reads in a rendered page's `<main>`, cut at its headings: what the index
//! holds of a page whose template shows the plan's data (the comparison's rows and cells, the
//! channel cards, a tier's "adds / does not include" lists, the regions' hours), which its
//! Markdown does not have. Only what the page shows is kept: scripts, styles, templates,
//! navigation, the `<h1>` (the title, indexed apart) and text hidden from sight
//! (`aria-hidden="true"`, `hidden`, `class="visually-hidden"`) are left out, so that a snippet
//! never shows words the page does not.

use crate::markdown::{PageText, Section};

/// Elements whose content is never text a visitor reads.
const SKIPPED: [&str; 6] = ["script", "style", "template", "nav", "h1", "noscript"];
/// Elements that end a line of text: a space is put between their contents.
const BLOCKS: [&str; 16] = [
    "p",
    "div",
    "li",
    "td",
    "th",
    "tr",
    "caption",
    "dd",
    "dt",
    "br",
    "section",
    "article",
    "h4",
    "h5",
    "h6",
    "figcaption",
];

/// The sections of the text of `html`'s `<main>` (the whole document if it has none), a
/// section starting at each `<h2>` or `<h3>` (linked to by its `id`, where it has one).
pub fn main_text(html: &str) -> PageText {
    let start = html.find("<main").unwrap_or(0);
    let end = html[start..]
        .find("</main>")
        .map_or(html.len(), |e| start + e);
    let mut reader = Reader {
        page: PageText {
            sections: vec![Section::default()],
            ..PageText::default()
        },
        skipping: Vec::new(),
        in_heading: None,
    };
    reader.read(&html[start..end]);
    reader
        .page
        .sections
        .retain(|s| !s.text.is_empty() || !s.heading.is_empty());
    reader.page
}

struct Reader {
    page: PageText,
    /// The names of the open elements whose text is left out, innermost last.
    skipping: Vec<String>,
    /// Inside an `<h2>` or `<h3>` that starts a section: its name.
    in_heading: Option<String>,
}

impl Reader {
    fn read(&mut self, html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            self.text(&rest[..open]);
            rest = &rest[open..];
            let Some(close) = tag_end(rest) else {
                return;
            };
            self.tag(&rest[1..close]);
            rest = &rest[close + 1..];
        }
        self.text(rest);
    }

    fn tag(&mut self, inside: &str) {
        if inside.starts_with('!') || inside.starts_with('?') {
            return;
        }
        let closing = inside.starts_with('/');
        let body = inside.trim_start_matches('/');
        let name_end = body
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(body.len());
        let name = body[..name_end].to_ascii_lowercase();
        let void = matches!(
            name.as_str(),
            "br" | "img" | "input" | "hr" | "meta" | "link" | "col"
        ) || body.ends_with('/');
        if closing {
            if self.skipping.last() == Some(&name) {
                self.skipping.pop();
            } else if self.skipping.is_empty() && self.in_heading.as_deref() == Some(&name) {
                self.in_heading = None;
            }
        } else if !self.skipping.is_empty() {
            if !void && self.skipping.last() == Some(&name) {
                self.skipping.push(name.clone());
            }
        } else if !void && (SKIPPED.contains(&name.as_str()) || hides(body)) {
            self.skipping.push(name.clone());
        } else if matches!(&*name, "h2" | "h3") {
            // A heading without an id (a channel's card, a tier's list) still starts a section,
            // so that its words weigh as a heading's; its results link to the page's top.
            self.page.sections.push(Section {
                id: attribute(body, "id").map(decode).unwrap_or_default(),
                ..Section::default()
            });
            self.in_heading = Some(name.clone());
        }
        if self.skipping.is_empty() && BLOCKS.contains(&name.as_str()) {
            self.text(" ");
        }
    }

    fn text(&mut self, raw: &str) {
        if !self.skipping.is_empty() || raw.is_empty() {
            return;
        }
        let text = decode(raw);
        let section = self.page.sections.last_mut().expect("a first section");
        let into = if self.in_heading.is_some() {
            &mut section.heading
        } else {
            &mut section.text
        };
        let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if squeezed.is_empty() {
            if !into.is_empty() && !into.ends_with(' ') && text.starts_with(char::is_whitespace) {
                into.push(' ');
            }
            return;
        }
        if !into.is_empty() && !into.ends_with(' ') && text.starts_with(char::is_whitespace) {
            into.push(' ');
        }
        into.push_str(&squeezed);
        if text.ends_with(char::is_whitespace) {
            into.push(' ');
        }
    }
}

/// Where the tag that begins `html` (at its `<`) ends: its `>`, outside quoted values.
fn tag_end(html: &str) -> Option<usize> {
    let mut quote = None;
    for (at, b) in html.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(at),
            _ => {}
        }
    }
    None
}

/// Whether a start tag hides its content from sight.
fn hides(tag: &str) -> bool {
    attribute(tag, "aria-hidden") == Some("true")
        || has_attribute(tag, "hidden")
        || attribute(tag, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == "visually-hidden"))
}

/// The value of attribute `name` of a start tag's text (after `<`), quoted or not.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attributes(tag)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))?
        .1
}

fn has_attribute(tag: &str, name: &str) -> bool {
    attributes(tag).any(|(n, _)| n.eq_ignore_ascii_case(name))
}

/// The attributes of a start tag's text (after `<`, its name first): name and value.
fn attributes(tag: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    let mut rest = tag
        .find(|c: char| c.is_ascii_whitespace())
        .map_or("", |at| &tag[at..]);
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            return Some((name, None));
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                (&after[1..end], after.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        rest = next;
        Some((name, Some(value)))
    })
}

/// Text with its character references replaced: the named ones templates write and every
/// numeric one.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[..rest.len().min(12)].find(';');
        let reference = end.map(|e| &rest[1..e]);
        let c = reference.and_then(|r| match r {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let number = r.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code).filter(|&c| c != '\0')
            }
        });
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_what_the_main_element_shows_cut_at_its_headings() {
        let html = r#"<header><p>Menu</p></header><main id="main"><h1>Compare</h1>
<p>Intro &amp; more</p><nav><a>Skip</a></nav>
<table><tr><th scope="row">Named <b>engineer</b></th><td><span aria-hidden="true">✓</span><span class="visually-hidden">Included</span></td><td>24x7</td></tr></table>
<h2 id="hours">Hours &lt;UTC&gt;</h2><p>Mon&#8211;Fri</p><script>var x = "<p>no</p>";</script><div hidden>gone</div>
</main><footer>Footer</footer>"#;
        let text = main_text(html);
        assert_eq!(text.sections.len(), 2, "{text:?}");
        assert_eq!(text.sections[0].id, "");
        assert_eq!(
            text.sections[0].text.trim(),
            "Intro & more Named engineer 24x7"
        );
        assert_eq!(text.sections[1].id, "hours");
        assert_eq!(text.sections[1].heading.trim(), "Hours <UTC>");
        assert_eq!(text.sections[1].text.trim(), "Mon–Fri");
    }

    #[test]
    fn nested_hidden_elements_end_where_they_end() {
        let html = "<main><div hidden><div>a</div><div>b</div></div>c <span aria-hidden=true><span>x</span></span>d</main>";
        let text = main_text(html);
        assert_eq!(text.sections[0].text.trim(), "c d");
    }

    #[test]
    fn broken_markup_and_references_do_not_panic() {
        for html in [
            "<main><p",
            "<main>&#xFFFFFFFF; &#0; &bogus; &",
            "<main><a title='>'>x</a>",
        ] {
            let _ = main_text(html);
        }
        assert_eq!(main_text("<main><a title='>'>x</a>").sections[0].text, "x");
    }
}
