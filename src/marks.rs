//! Invisible marks around the text a page shows from a message or a Markdown block, for the
//! preview's translate mode (`serve --translate`): the page is rendered as usual, with each
//! formatted message between marks that name it and each block of Markdown starting with a
//! mark that numbers it; the preview then turns the marks into attributes its editor reads
//! (`serve::translate::annotate`, which also strips them from the files that are not pages).
//! Private-use characters: no message or page writes them, escaping leaves them alone, and a
//! page rendered without translate mode has none.

/// Opens a marked message: OPEN, the message ID, NAME_END, the formatted text, CLOSE.
pub const OPEN: char = '\u{E010}';
pub const NAME_END: char = '\u{E011}';
pub const CLOSE: char = '\u{E012}';
/// A block of Markdown: BLOCK, its number among the blocks of its page's body
/// (as `translation::blocks::body_ranges` numbers them), BLOCK_END, right before the element that
/// holds the block.
pub(crate) const BLOCK: char = '\u{E013}';
pub(crate) const BLOCK_END: char = '\u{E014}';

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
pub(crate) fn block(n: usize) -> String {
    format!("{BLOCK}{n}{BLOCK_END}")
}

/// The IDs of the messages marked in a rendered page, in order (a message shown twice is
/// listed twice): which messages a page shows. One scan for the marks' lead byte.
pub fn message_ids(html: &[u8]) -> Vec<&str> {
    let open = OPEN.to_string();
    let name_end = NAME_END.to_string();
    let (open, name_end) = (open.as_bytes(), name_end.as_bytes());
    let is_id_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-';
    let mut ids = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&html[at..], open) {
        at += found + open.len();
        let end = html[at..]
            .iter()
            .position(|b| !is_id_byte(b))
            .map_or(html.len(), |n| at + n);
        if end > at && html[end..].starts_with(name_end) {
            // The bytes of an ID are ASCII: always a `str`.
            ids.extend(std::str::from_utf8(&html[at..end]).ok());
            at = end + name_end.len();
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ids_a_page_shows_are_listed_in_order() {
        let page = format!(
            "<title>{}</title><p>{}</p><p>{OPEN}bad id{NAME_END}x{CLOSE}</p>",
            mark("site-title", "Docs"),
            mark("a", &mark("b_2", "x"))
        );
        assert_eq!(message_ids(page.as_bytes()), ["site-title", "a", "b_2"]);
        assert!(message_ids(b"<p>plain</p>").is_empty());
    }

    #[test]
    fn marks_name_what_they_mark() {
        assert_eq!(
            mark("tier-name", "Elite"),
            "\u{E010}tier-name\u{E011}Elite\u{E012}"
        );
        assert_eq!(block(12), "\u{E013}12\u{E014}");
    }
}
