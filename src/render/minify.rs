//! Stylesheets published without their comments and layout whitespace.
//!
//! A page's weight counts the stylesheet it loads before it can be shown, and the theme's
//! stylesheet is written for people: comments that say why a rule exists, one declaration a
//! line. Publishing it without them takes about a fifth off every first visit, while the
//! source stays readable. Only what is certainly safe is removed: comments, and white space
//! next to `{`, `}`, `;` and `,` or at the ends; strings, `url(…)` and the white space inside
//! selectors and values (`a :hover`, `calc(1px + 2px)`) are kept as written.

/// `css` without comments and without the white space that means nothing.
pub fn css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // White space seen and not yet written: written as one space if the next character needs it.
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                skip_comment(&mut chars);
                // A comment separates what is around it, as white space does.
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                copy_string(&mut out, &mut chars, c);
            }
            'u' if starts_url(&out, &mut chars) => {
                flush_space(&mut out, &mut pending_space, c);
                // `url(` unquoted: copied as it is to its closing parenthesis.
                out.push_str("url(");
                for s in chars.by_ref() {
                    out.push(s);
                    if s == ')' {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            ':' => {
                // Nothing may follow a colon after white space in a selector, so white space
                // after one is always layout (`margin: 0`); before one it is not (`a :hover`).
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            '{' | '}' | ';' | ',' => {
                pending_space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            // A child combinator needs no white space, nor does `!important`, nor a `/` in
            // a value (`1 / -1`, `rgb(0 0 0 / 0.5)`; a selector holds none).
            '>' | '!' | '/' => {
                pending_space = false;
                out.push(c);
                while c != '!' && chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            // `0.5rem` is `.5rem`, when the `0` begins a number (`10.5` keeps its digits).
            '0' if starts_fraction(&chars)
                && (pending_space
                    || out.ends_with([':', '(', ',', '/'])
                    || (out.ends_with('-') && !ends_in_word(&out))) =>
            {
                flush_space(&mut out, &mut pending_space, c);
            }
            c => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out.push('\n');
    out
}

/// Skips a comment whose `/` was read, to its `*/`.
fn skip_comment(chars: &mut std::iter::Peekable<std::str::Chars>) {
    chars.next();
    let mut last = '\0';
    for c in chars.by_ref() {
        if last == '*' && c == '/' {
            break;
        }
        last = c;
    }
}

/// Copies a string whose opening `quote` was read, to its closing quote (or the end of its
/// line). An attribute selector's value that is a name needs no quotes: `[scope=row]`.
fn copy_string(out: &mut String, chars: &mut std::iter::Peekable<std::str::Chars>, quote: char) {
    let mut string = String::from(quote);
    let mut escaped = false;
    for s in chars.by_ref() {
        string.push(s);
        if escaped {
            escaped = false;
        } else if s == '\\' {
            escaped = true;
        } else if s == quote || s == '\n' {
            break;
        }
    }
    // A quote alone at the end of the file has no inside.
    let inner = string.get(1..string.len() - 1).unwrap_or_default();
    if out.ends_with('=')
        && string.len() > 2
        && string.ends_with(quote)
        && chars.peek() == Some(&']')
        && is_name(inner)
    {
        out.push_str(inner);
    } else {
        out.push_str(&string);
    }
}

/// Writes the white space seen before `next` when something came before it that it may
/// separate from (not after `{`, `}`, `;`, `,` or at the start).
fn flush_space(out: &mut String, pending: &mut bool, _next: char) {
    if *pending && !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
        out.push(' ');
    }
    *pending = false;
}

/// Whether a `.` and a digit come next.
fn starts_fraction(chars: &std::iter::Peekable<std::str::Chars>) -> bool {
    let mut ahead = chars.clone();
    ahead.next() == Some('.') && ahead.next().is_some_and(|d| d.is_ascii_digit())
}

/// Whether the `-` that `out` ends with is part of a name (`a-0.5` is not a number).
fn ends_in_word(out: &str) -> bool {
    out[..out.len() - 1].ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Whether `s` is a CSS name (an identifier), which an attribute selector may leave unquoted.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    let first = chars.next();
    first.is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Whether `url(` begins here (the `u` just read), not inside a longer word; consumes `rl(`.
fn starts_url(out: &str, chars: &mut std::iter::Peekable<std::str::Chars>) -> bool {
    if out.ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
        return false;
    }
    let ahead: String = chars.clone().take(3).collect();
    if ahead.eq_ignore_ascii_case("rl(") {
        chars.nth(2);
        true
    } else {
        false
    }
}

/// A page without the indentation and blank lines of its templates: white space at the start
/// of a line of text (not inside a tag, a comment, `<pre>`, `<textarea>`, `<script>` or
/// `<style>`) and at the end of one is dropped, the line break kept. A run of white space
/// between words or elements shows as one space whatever it holds, so the page looks the same.
pub(crate) fn html(page: &[u8]) -> Vec<u8> {
    // Every page of a build goes through here: text is copied in runs found by memchr, not
    // byte by byte (a third of the time this took over a 2 000-page site).
    let mut out = Vec::with_capacity(page.len());
    let mut i = 0;
    while let Some(found) = memchr::memchr2(b'<', b'\n', &page[i..]) {
        let at = i + found;
        out.extend_from_slice(&page[i..at]);
        i = at;
        if page[at] == b'\n' {
            while out.last().is_some_and(|&c| c == b' ' || c == b'\t') {
                out.pop();
            }
            if out.last() != Some(&b'\n') {
                out.push(b'\n');
            }
            i += 1;
            while i < page.len() && matches!(page[i], b' ' | b'\t' | b'\r' | b'\n') {
                i += 1;
            }
            continue;
        }
        let rest = &page[at..];
        // A comment, copied whole.
        if rest.starts_with(b"<!--") {
            let end = find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            out.extend_from_slice(&rest[..end]);
            i += end;
            continue;
        }
        if rest.len() < 2
            || !(rest[1].is_ascii_alphabetic() || matches!(rest[1], b'/' | b'!' | b'?'))
        {
            // A `<` of the text.
            out.push(b'<');
            i += 1;
            continue;
        }
        // A tag, copied as written (attribute values may hold line breaks).
        let end = tag_end(rest);
        out.extend_from_slice(&rest[..end]);
        i += end;
        // The text of an element whose white space counts, copied to its end tag.
        if let Some(name) = [&b"pre"[..], b"textarea", b"script", b"style"]
            .into_iter()
            .find(|name| {
                rest.len() > name.len() + 1
                    && rest[1..=name.len()].eq_ignore_ascii_case(name)
                    && !rest[name.len() + 1].is_ascii_alphanumeric()
            })
        {
            let tail = &page[i..];
            let close = memchr::memmem::find_iter(tail, b"</")
                .find(|&at| {
                    tail.len() >= at + 2 + name.len()
                        && tail[at + 2..at + 2 + name.len()].eq_ignore_ascii_case(name)
                })
                .unwrap_or(tail.len());
            out.extend_from_slice(&tail[..close]);
            i += close;
        }
    }
    out.extend_from_slice(&page[i..]);
    out
}

/// Where the tag at the start of `rest` ends: past its `>`, quoted attribute values skipped
/// (they may hold a `>`), or at the end of `rest` when it is not closed.
fn tag_end(rest: &[u8]) -> usize {
    let mut at = 1;
    while let Some(found) = memchr::memchr3(b'>', b'"', b'\'', &rest[at..]) {
        let c = rest[at + found];
        at += found + 1;
        if c == b'>' {
            return at;
        }
        match memchr::memchr(c, &rest[at..]) {
            Some(close) => at += close + 1,
            None => return rest.len(),
        }
    }
    rest.len()
}

/// A script without its indentation and the lines that are only a `//` comment, when that is
/// certainly safe: it has no template literal (a back-quote) nor a string continued on the next
/// line, so no line break is inside a string. Otherwise it is returned as written.
pub(crate) fn js(script: &str) -> String {
    if script.contains('`') || script.contains("\\\n") || script.contains("\\\r") {
        return script.to_string();
    }
    let mut out = String::with_capacity(script.len());
    for line in script.lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::css;

    #[test]
    fn a_quote_alone_at_the_end_is_kept() {
        assert_eq!(css("a{content:\""), "a{content:\"\n");
        assert_eq!(css("[x='"), "[x='\n");
    }

    #[test]
    fn pages_lose_indentation_and_blank_lines_but_not_what_shows() {
        let page = b"<ul>\n  <li>a</li>\n\n  \n  <li title=\"x\n  y\">b  \n  c</li>\n</ul>\n<pre>\n  code\n\n  more</pre>\n  <!-- a\n  b -->\n <p>x < y</p>\n";
        assert_eq!(
            String::from_utf8(super::html(page)).unwrap(),
            "<ul>\n<li>a</li>\n<li title=\"x\n  y\">b\nc</li>\n</ul>\n<pre>\n  code\n\n  more</pre>\n<!-- a\n  b -->\n<p>x < y</p>\n"
        );
    }

    /// The minifier as first written, a byte at a time: the one above must agree with it.
    fn byte_by_byte(page: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(page.len());
        let mut i = 0;
        while i < page.len() {
            let b = page[i];
            if b == b'<' {
                let rest = &page[i..];
                if rest.starts_with(b"<!--") {
                    let end = super::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
                    out.extend_from_slice(&rest[..end]);
                    i += end;
                    continue;
                }
                if rest.len() > 1
                    && (rest[1].is_ascii_alphabetic() || matches!(rest[1], b'/' | b'!' | b'?'))
                {
                    let mut quote = 0u8;
                    let mut end = 1;
                    while end < rest.len() {
                        let c = rest[end];
                        end += 1;
                        if quote != 0 {
                            if c == quote {
                                quote = 0;
                            }
                        } else if c == b'"' || c == b'\'' {
                            quote = c;
                        } else if c == b'>' {
                            break;
                        }
                    }
                    out.extend_from_slice(&rest[..end]);
                    i += end;
                    if let Some(name) = [&b"pre"[..], b"textarea", b"script", b"style"]
                        .into_iter()
                        .find(|name| {
                            rest.len() > name.len() + 1
                                && rest[1..=name.len()].eq_ignore_ascii_case(name)
                                && !rest[name.len() + 1].is_ascii_alphanumeric()
                        })
                    {
                        let tail = &page[i..];
                        let close = (0..tail.len())
                            .find(|&at| {
                                tail[at..].starts_with(b"</")
                                    && tail.len() >= at + 2 + name.len()
                                    && tail[at + 2..at + 2 + name.len()].eq_ignore_ascii_case(name)
                            })
                            .unwrap_or(tail.len());
                        out.extend_from_slice(&tail[..close]);
                        i += close;
                    }
                    continue;
                }
            }
            if b == b'\n' {
                while out.last().is_some_and(|&c| c == b' ' || c == b'\t') {
                    out.pop();
                }
                if out.last() != Some(&b'\n') {
                    out.push(b'\n');
                }
                i += 1;
                while i < page.len() && matches!(page[i], b' ' | b'\t' | b'\r' | b'\n') {
                    i += 1;
                }
                continue;
            }
            out.push(b);
            i += 1;
        }
        out
    }

    #[test]
    fn pages_are_minified_as_byte_by_byte() {
        // Every string of up to 6 pieces drawn from these, then a few long ones: unclosed tags
        // and quotes, raw-text elements, comments, text `<`, line breaks and indentation.
        let pieces: [&[u8]; 12] = [
            b"<p>",
            b"</p>",
            b"<pre>",
            b"</PRE>",
            b"<a title=\"x>\n y\">",
            b"'",
            b"\"",
            b" \t\n  ",
            b"\r\n",
            b"<!-- c\n -->",
            b"a < b",
            b"<script>x\n  </scripta></script>",
        ];
        let mut state = 7u64;
        for _ in 0..20_000 {
            let mut page = Vec::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut r = state;
            for _ in 0..(r % 7) {
                r /= 7;
                page.extend_from_slice(pieces[(r % 12) as usize]);
                r /= 12;
            }
            assert_eq!(
                super::html(&page),
                byte_by_byte(&page),
                "{:?}",
                String::from_utf8_lossy(&page)
            );
        }
        let theme = include_bytes!("../../templates/base.html");
        assert_eq!(super::html(theme), byte_by_byte(theme));
    }

    #[test]
    fn drops_comments_and_layout_white_space() {
        let source = "/* The page. */\nbody {\n  margin: 0;\n  color: #111; /* ink */\n}\n\na,\nb { x: y }\n";
        assert_eq!(css(source), "body{margin:0;color:#111}a,b{x:y}\n");
    }

    #[test]
    fn keeps_what_white_space_means() {
        // Descendant selectors, values with several parts, calc(), media queries.
        let source = "nav a :hover { margin: 0 auto; width: calc(100% - 2rem) }\n@media (max-width: 40em) and (prefers-color-scheme: dark) { a { b: c } }";
        assert_eq!(
            css(source),
            "nav a :hover{margin:0 auto;width:calc(100% - 2rem)}@media (max-width:40em) and (prefers-color-scheme:dark){a{b:c}}\n"
        );
    }

    #[test]
    fn shortens_numbers_combinators_and_attribute_values() {
        let source = "a > b[scope=\"row\"], c[x='1 2'] { margin: 0.5rem -0.25em 10.5px 0; top: calc(1px - 0.5px); x: a-0.5 !important; grid-column: 1 / -1 }";
        assert_eq!(
            css(source),
            "a>b[scope=row],c[x='1 2']{margin:.5rem -.25em 10.5px 0;top:calc(1px - .5px);x:a-0.5!important;grid-column:1/-1}\n"
        );
    }

    #[test]
    fn scripts_lose_comment_lines_and_indentation_only_when_safe() {
        let script = "// Why.\n(() => {\n  // How.\n  const a = \"// kept\"; // kept too\n\n  f(a);\n})();\n";
        assert_eq!(
            super::js(script),
            "(() => {\nconst a = \"// kept\"; // kept too\nf(a);\n})();\n"
        );
        for unsafe_script in ["const a = `\n  // text`;\n", "const a = \"x\\\n  // y\";\n"] {
            assert_eq!(super::js(unsafe_script), unsafe_script);
        }
    }

    #[test]
    fn keeps_strings_and_urls_as_written() {
        let source = "a::before { content: \"  /* not a comment */ ;} \" }\nb { background: url(icons/a b.svg) }\nc { font-family: 'Noto  Sans' }";
        assert_eq!(
            css(source),
            "a::before{content:\"  /* not a comment */ ;} \"}b{background:url(icons/a b.svg)}c{font-family:'Noto  Sans'}\n"
        );
    }

    #[test]
    fn a_minified_theme_is_smaller_and_has_the_same_rules() {
        let theme = include_str!("../../static/style.css");
        let small = css(theme);
        assert!(
            small.len() < theme.len() * 9 / 10,
            "{} of {}",
            small.len(),
            theme.len()
        );
        let rules = |text: &str| {
            text.split("/*")
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.split_once("*/").map_or("", |(_, after)| after)
                    }
                })
                .map(|part| part.matches('{').count())
                .sum::<usize>()
        };
        assert_eq!(rules(&small), rules(theme));
        assert_eq!(css(&small), small, "minifying twice changes nothing");
    }
}
