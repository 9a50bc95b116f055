//! Invisible marks around the text a page shows from a message or a Markdown block, for the
//! preview's translate mode (`serve --translate`): the page is rendered as usual, with each
//! formatted message between marks that name it and each block of Markdown starting with a
//! mark that numbers it; the preview then turns the marks into attributes its editor reads
//! (`serve::translate::annotate`). Private-use characters: no message or page writes them,
//! escaping leaves them alone, and a page rendered without translate mode has none.

use std::borrow::Cow;

/// Opens a marked message: OPEN, the message ID, NAME_END, the formatted text, CLOSE.
pub const OPEN: char = '\u{E010}';
pub const NAME_END: char = '\u{E011}';
pub const CLOSE: char = '\u{E012}';
/// A block of Markdown: BLOCK, its number among the blocks of its page's body
/// ([`crate::translation::blocks::body_ranges`]), BLOCK_END, right after the element that
/// holds the block opens.
pub const BLOCK: char = '\u{E013}';
pub const BLOCK_END: char = '\u{E014}';

/// `text` (a formatted message, text or HTML) marked as message `id`.
pub fn mark(id: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + id.len() + 9);
    out.push(OPEN);
    out.push_str(id);
    out.push(NAME_END);
    out.push_str(text);
    out.push(CLOSE);
    out
}

/// The mark that starts block `n` of a page's body.
pub fn block(n: usize) -> String {
    format!("{BLOCK}{n}{BLOCK_END}")
}

/// Whether `c` is one of the marks.
pub fn is_mark(c: char) -> bool {
    ('\u{E010}'..='\u{E014}').contains(&c)
}

/// `text` without its marks, and without the message IDs and block numbers they hold: for
/// the files that are not pages (the search index, the sitemap) and the places on a page
/// where nothing can be annotated. Borrowed when there is no mark, the common case.
pub fn strip(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_mark) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut skipping = false;
    for c in text.chars() {
        match c {
            OPEN | BLOCK => skipping = true,
            NAME_END | BLOCK_END => skipping = false,
            CLOSE => {}
            _ if !skipping => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_stripped_with_what_they_name() {
        let page = format!("<p>{}{}</p>", block(3), mark("tier-name", "Elite"));
        assert_eq!(strip(&page), "<p>Elite</p>");
        assert!(matches!(strip("plain"), Cow::Borrowed("plain")));
        let nested = mark("a", &format!("x {} y", mark("b", "z")));
        assert_eq!(strip(&nested), "x z y");
    }
}
