//! Text with positions: a source file's contents and the line and column of any byte in it.
//!
//! Kept apart from reading files (the `source` module) so that diagnostics, which point into
//! sources, depend on text alone and never on the file system.

/// A file read whole as UTF-8, remembered with the path shown to the user.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, as printed in messages (`content/tiers.yaml`).
    pub display: String,
    pub text: String,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    /// Builds a source from text already in memory (tests, front matter slices).
    ///
    /// A lone carriage return (old Mac line endings, or one pasted from a translation
    /// platform) becomes a line feed. Editors and the YAML and Markdown parsers all end a line
    /// there, while Fluent, Tera and this file's own line counting would not: after the
    /// change every parser sees the lines the translator sees, and since both characters are
    /// one byte, every byte offset stays where it was.
    pub fn from_text(display: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            display: display.into(),
            text: end_lines_with_line_feeds(text.into()),
        }
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        self.text
            .split('\n')
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// The byte offset of a 1-based line and column.
    pub fn offset(&self, pos: Position) -> usize {
        let mut start = 0;
        for _ in 1..pos.line {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return self.text.len(),
            }
        }
        let line = &self.text[start..];
        let line_end = line.find('\n').unwrap_or(line.len());
        start
            + line[..line_end]
                .char_indices()
                .nth(pos.column.saturating_sub(1))
                .map_or(line_end, |(i, _)| i)
    }
}

/// Replaces each `\r` that is not followed by `\n` with `\n`, in place.
fn end_lines_with_line_feeds(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only one ASCII byte was swapped for another, so the text is still UTF-8.
    String::from_utf8(bytes).expect("ASCII-for-ASCII replacement keeps UTF-8")
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = SourceFile::from_text("x", "a: 1\nnom: « été »\n");
        let offset = src.text.find('é').unwrap();
        assert_eq!(src.position(offset), Position { line: 2, column: 8 });
        assert_eq!(src.offset(Position { line: 2, column: 8 }), offset);
        assert_eq!(src.line_text(2), "nom: « été »");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_an_editor() {
        let src = SourceFile::from_text("x", "a: 1\rb: 2\r\nc: 3\r");
        assert_eq!(src.text, "a: 1\nb: 2\r\nc: 3\n");
        let offset = src.text.find('c').unwrap();
        assert_eq!(src.position(offset), Position { line: 3, column: 1 });
        assert_eq!(src.line_text(2), "b: 2");
    }
}
