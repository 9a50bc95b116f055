//! `polydocs explain [CODE]`: what a diagnostic code means, with an example and the fix, as
//! `rustc --explain` does; without a code, every code with its summary.
//!
//! Exit status: 0 when the code is explained or the list printed, 2 for a code that is not
//! registered (a usage error, as clap reports a bad argument), after naming the closest codes.

use std::fmt::Write as _;

use crate::diagnostic::codes::{self, Area, CODES, Entry};

/// Width the explanations are wrapped to.
const WIDTH: usize = 80;

/// The command: prints the explanation or the list and returns the exit code.
pub fn run(code: Option<&str>) -> i32 {
    let Some(asked) = code else {
        print!("{}", listing());
        return 0;
    };
    let name = normalize(asked);
    match codes::find(&name) {
        Some(code) => {
            print!("{}", explanation(code));
            0
        }
        None => {
            eprint!("{}", unknown(asked, &name));
            2
        }
    }
}

/// The code as the user may paste it: `error[broken-link]`, `Broken-Link`, `broken-link:`.
fn normalize(asked: &str) -> String {
    let asked = asked.trim();
    let inner = match (asked.find('['), asked.rfind(']')) {
        (Some(open), Some(close)) if open < close => &asked[open + 1..close],
        _ => asked,
    };
    inner.trim().trim_end_matches(':').to_lowercase()
}

/// One code in full: the summary, the explanation, the example and the fix.
pub(crate) fn explanation(code: &Entry) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}, {})\n",
        code.name,
        code.level.label(),
        area_name(code.area)
    );
    paragraphs(&mut out, &sentence(code.summary));
    out.push('\n');
    paragraphs(&mut out, code.explanation);
    let place = if code.example_file == "shell" {
        "For example, on the command line:".to_string()
    } else {
        format!("For example, in {}:", code.example_file)
    };
    let _ = writeln!(out, "\n{place}\n");
    for line in code.example.lines() {
        let _ = writeln!(out, "    {line}");
    }
    out.push('\n');
    paragraphs(&mut out, &format!("Fix: {}", code.fix));
    out
}

/// Every code with its level and summary, by area.
pub(crate) fn listing() -> String {
    let width = CODES.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let level = CODES
        .iter()
        .map(|c| c.level.label().len())
        .max()
        .unwrap_or(0);
    let mut out = String::from(
        "Every diagnostic code polydocs reports. `polydocs explain CODE` explains one.\n",
    );
    for area in Area::ALL {
        let _ = writeln!(out, "\n{}", area.title());
        for c in CODES.iter().filter(|c| c.area == area) {
            let _ = writeln!(
                out,
                "  {:width$}  {:level$}  {}",
                c.name,
                c.level.label(),
                c.summary
            );
        }
    }
    out
}

/// The error for a code that is not registered, naming the closest ones.
fn unknown(asked: &str, name: &str) -> String {
    let closest: Vec<String> = codes::closest(name, 3)
        .iter()
        .map(|c| format!("`{c}`"))
        .collect();
    format!(
        "error: `{asked}` is not a diagnostic code of polydocs\n\
         the closest codes are {}\n\
         run `polydocs explain` to list every code\n",
        closest.join(", ")
    )
}

fn area_name(area: Area) -> &'static str {
    match area {
        Area::Site => "site configuration",
        Area::Files => "source files",
        Area::Data => "YAML and plan data",
        Area::Messages => "messages",
        Area::Translations => "translation state",
        Area::Pages => "pages",
        Area::Templates => "templates",
        Area::Output => "output and preview",
    }
}

/// A summary as a sentence: capital letter, final period.
fn sentence(summary: &str) -> String {
    let mut chars = summary.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    format!("{}{}.", first.unwrap_or_default(), chars.as_str())
}

/// Appends `text`, whose paragraphs are separated by blank lines, wrapped to [`WIDTH`]. A
/// `code span` is never broken across lines, so that it can be copied whole.
fn paragraphs(out: &mut String, text: &str) {
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = 0;
        for word in unbreakable(paragraph) {
            let len = word.chars().count();
            if line > 0 && line + 1 + len > WIDTH {
                out.push('\n');
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(&word);
            line += len;
        }
        out.push('\n');
    }
}

/// The words of `paragraph`, those of a `code span` joined into one.
fn unbreakable(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for word in paragraph.split_whitespace() {
        match out.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
        if word.matches('`').count() % 2 == 1 {
            open = !open;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explanation_has_the_summary_the_example_and_the_fix() {
        let text = explanation(codes::find("broken-link").unwrap());
        assert!(text.starts_with("broken-link (error, pages)\n\n"), "{text}");
        assert!(
            text.contains(
                "A link or image in a page leads to no published page, file or heading.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("For example, in content/fr/hours.md:\n\n    Voir ["),
            "{text}"
        );
        assert!(text.contains("\nFix: Link to"), "{text}");
        assert!(
            text.lines()
                .all(|l| l.chars().count() <= WIDTH || l.starts_with("    ")),
            "{text}"
        );
    }

    #[test]
    fn code_spans_are_not_broken_across_lines() {
        let mut out = String::new();
        let text = format!("{} `{{ $name }}` and `a b`", "word ".repeat(15));
        paragraphs(&mut out, &text);
        assert!(out.contains("`{ $name }`"), "{out}");
        assert_eq!(
            unbreakable("close it: `{ $name }`, or `x`."),
            ["close", "it:", "`{ $name }`,", "or", "`x`."]
        );
    }

    #[test]
    fn a_code_is_found_however_it_is_pasted() {
        for asked in [
            "broken-link",
            "error[broken-link]",
            " Broken-Link: ",
            "warning[broken-link]:",
        ] {
            assert_eq!(normalize(asked), "broken-link", "{asked:?}");
        }
    }

    #[test]
    fn an_unknown_code_names_the_closest_ones() {
        let text = unknown("brokn-link", "brokn-link");
        assert!(
            text.starts_with("error: `brokn-link` is not a diagnostic code"),
            "{text}"
        );
        assert!(
            text.contains("the closest codes are `broken-link`, "),
            "{text}"
        );
    }

    #[test]
    fn the_listing_has_every_code_under_its_area() {
        let text = listing();
        for c in CODES {
            let line = text
                .lines()
                .find(|l| l.split_whitespace().next() == Some(c.name))
                .unwrap_or_else(|| panic!("{} is not listed", c.name));
            assert!(line.ends_with(c.summary), "{line}");
        }
        for area in Area::ALL {
            assert!(text.contains(&format!("\n{}\n", area.title())), "{text}");
        }
    }
}
