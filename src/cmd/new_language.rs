//! `polydocs new-language <code>`: starts a language honestly. It adds the language to
//! `site.yaml` by editing the text (comments and layout stay as they are) and writes
//! `locales/<code>/*.ftl` as translation templates: every message of the default language
//! with its comment, its source text shown as a comment, and nothing defined. The language
//! starts at 0 %, everything falls back visibly, and `check --lang <code>` lists what to
//! translate. No page is copied: a page is translated by writing it under `content/<code>/`.

use std::path::{Path, PathBuf};

use crate::config::{self, CONFIG_FILE, SiteConfig};
use crate::source::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// What the command was asked to add.
pub struct NewLanguage {
    pub code: String,
    pub name: Option<String>,
    pub tag: Option<String>,
    pub direction: Option<Direction>,
    pub fallback: Vec<String>,
}

pub fn run(root: &Path, request: &NewLanguage) -> i32 {
    match add(root, request) {
        Ok(summary) => {
            println!("{summary}");
            0
        }
        Err(message) => {
            eprintln!("error: {message}\nNothing was written.");
            1
        }
    }
}

/// Adds the language; returns what was done, or why nothing was.
pub(crate) fn add(root: &Path, request: &NewLanguage) -> Result<String, String> {
    let code = request.code.as_str();
    let tag = checked_tag(request)?;
    // One writer at a time: what follows reads site.yaml and the locale folders and writes
    // them, and reads them after any other command has written.
    let _lock = crate::source::SourceLock::take(root)?;
    let yaml_path = root.join(CONFIG_FILE);
    let (yaml, config) = read_config(root, &yaml_path)?;
    refuse_clashes(root, &config, request)?;
    let name = request.name.clone().unwrap_or_else(|| code.to_string());
    let entry = Entry {
        code,
        tag,
        name: &name,
        direction: request.direction,
        fallback: &request.fallback,
    };
    let new_yaml = add_to_site_yaml(&yaml.text, &entry)?;
    if let Err(errors) = config::parse(&SourceFile::from_text(CONFIG_FILE, new_yaml.clone())) {
        let shown: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
        return Err(format!(
            "site.yaml would not be valid with the new language:\n{}",
            shown.join("\n")
        ));
    }
    let default = &config.default_language().code;
    let locale_dir = root.join("locales").join(code);
    let (templates, messages) = locale_templates(root, default, &locale_dir, &name)?;

    // Everything is known to be writable in principle: the locale files first, site.yaml
    // last, so that a failure leaves the site as it was.
    let written = templates.iter().try_for_each(|(path, text)| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)
    });
    let written =
        written.and_then(|()| crate::source::replace_file(&yaml_path, new_yaml.as_bytes()));
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&locale_dir);
        return Err(format!("cannot write the new language's files: {e}"));
    }
    let shown: Vec<String> = templates
        .iter()
        .map(|(p, _)| crate::source::display_path(root, p))
        .collect();
    Ok(summary(request, &name, default, &shown, messages))
}

/// The language's tag (its code unless given), once the code and the tag are known valid.
fn checked_tag(request: &NewLanguage) -> Result<&str, String> {
    let code = request.code.as_str();
    if !crate::config::is_language_code(code) {
        return Err(format!(
            "`{code}` is not a language code: write {}, such as `de`, `pt-BR` or `zh-TW`",
            crate::config::LANGUAGE_CODE_RULE
        ));
    }
    let tag = request.tag.as_deref().unwrap_or(code);
    if !crate::config::is_language_tag(tag) {
        return Err(format!(
            "`{tag}` is not a BCP 47 language tag; write one such as `de`, `fr-CA` or `zh-Hant-TW`"
        ));
    }
    Ok(tag)
}

/// site.yaml, as text and as configuration; refused when it is a link or has errors.
fn read_config(root: &Path, yaml_path: &Path) -> Result<(SourceFile, SiteConfig), String> {
    if std::fs::symlink_metadata(yaml_path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(
            "site.yaml is a symbolic link; add the language to the file it links to by hand"
                .to_string(),
        );
    }
    let yaml = SourceFile::read(root, yaml_path).map_err(|d| d.to_string())?;
    let config = config::parse(&yaml).map_err(|errors| {
        let shown: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
        format!(
            "site.yaml has errors; fix them first:\n{}",
            shown.join("\n")
        )
    })?;
    Ok((yaml, config))
}

/// Refuses a language the site has (by code or URL prefix), a fallback it lacks, and
/// folders that already exist.
fn refuse_clashes(root: &Path, config: &SiteConfig, request: &NewLanguage) -> Result<(), String> {
    let code = request.code.as_str();
    if let Some(existing) = config
        .languages
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(code) || l.prefix == code.to_lowercase())
    {
        return Err(format!(
            "the site already has the language `{}` ({}) in site.yaml",
            existing.code, existing.name
        ));
    }
    for fallback in &request.fallback {
        if config.language_index(fallback).is_none() {
            let codes = config.codes();
            return Err(format!(
                "fallback `{fallback}` is not a language of the site; use one of: {}",
                codes.join(", ")
            ));
        }
    }
    for dir in [
        root.join("locales").join(code),
        root.join("content").join(code),
    ] {
        if std::fs::symlink_metadata(&dir).is_ok() {
            return Err(format!(
                "{} already exists; move it away, or add the language to site.yaml by hand",
                crate::source::display_path(root, &dir)
            ));
        }
    }
    Ok(())
}

/// The new language's files: each Fluent file of the default language as a translation
/// template under `locale_dir`, with the number of messages to translate.
fn locale_templates(
    root: &Path,
    default: &str,
    locale_dir: &Path,
    name: &str,
) -> Result<(Vec<(PathBuf, String)>, usize), String> {
    let source_dir = root.join("locales").join(default);
    let (files, walk_errors) = crate::source::walk(root, &source_dir, &["ftl"]);
    if let Some(d) = walk_errors.iter().find(|d| d.is_error()) {
        return Err(d.to_string());
    }
    let mut templates: Vec<(PathBuf, String)> = Vec::new();
    let mut messages = 0;
    for path in &files {
        let source = SourceFile::read(root, path).map_err(|d| d.to_string())?;
        let relative = path.strip_prefix(&source_dir).unwrap_or(path);
        let (text, count) = template(&source.text, &source.display, default, name);
        messages += count;
        templates.push((locale_dir.join(relative), text));
    }
    Ok((templates, messages))
}

/// What was done, and what to do next.
fn summary(
    request: &NewLanguage,
    name: &str,
    default: &str,
    written: &[String],
    messages: usize,
) -> String {
    let code = request.code.as_str();
    let mut summary = format!(
        "Added {code} ({name}) to site.yaml, and {} with {messages} messages to translate \
         (each shown in {default} as a comment: remove the `# ` before its lines and translate it).",
        written.join(", "),
    );
    if request.name.is_none() {
        summary.push_str(&format!(
            "\nThe language switcher shows it as `{code}`: set its `name:` in site.yaml to the language's name in itself."
        ));
    }
    summary.push_str(&format!(
        "\nUntil translated, pages fall back visibly to {default}. Next: `polydocs check --lang {code}` lists what to \
         translate, `polydocs status` shows progress; translate a page by writing it under content/{code}/ \
         with the same name as in content/{default}/, then `polydocs mark {code} --page <path>`."
    ));
    summary
}

/// The new entry of `languages:`.
struct Entry<'a> {
    code: &'a str,
    tag: &'a str,
    name: &'a str,
    /// As asked; without it, site.yaml leaves the direction to the tag (`ar` is right-to-left).
    direction: Option<Direction>,
    fallback: &'a [String],
}

impl Entry<'_> {
    fn fields(&self) -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("code", scalar(self.code)),
            ("tag", scalar(self.tag)),
            ("name", scalar(self.name)),
        ];
        if let Some(direction) = self.direction {
            let direction = match direction {
                Direction::Ltr => "ltr",
                Direction::Rtl => "rtl",
            };
            fields.push(("direction", direction.to_string()));
        }
        match self.fallback {
            [] => {}
            [one] => fields.push(("fallback", scalar(one))),
            many => fields.push((
                "fallback",
                format!(
                    "[{}]",
                    many.iter()
                        .map(|f| scalar(f))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
        fields
    }
}

/// A YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
fn scalar(value: &str) -> String {
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == ' ' || c == '(' || c == ')')
        && !value.starts_with([' ', '-'])
        && !value.ends_with(' ')
        && !reserved.contains(&value.to_ascii_lowercase().as_str())
        && value.parse::<f64>().is_err();
    if plain {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// `site.yaml` with `entry` added at the end of `languages:`, in the layout of the entries
/// before it (block or flow mappings, their indentation); every other line as it was.
fn add_to_site_yaml(text: &str, entry: &Entry) -> Result<String, String> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let by_hand = "add the language to `languages:` in site.yaml by hand";
    let start = lines
        .iter()
        .position(|l| {
            l.strip_prefix("languages:")
                .is_some_and(|rest| rest.trim().is_empty() || rest.trim().starts_with('#'))
        })
        .ok_or_else(|| {
            format!("site.yaml has no `languages:` block list polydocs can extend; {by_hand}")
        })?;
    // The block ends at the next line that starts a top-level key.
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            let t = l.trim_end();
            !t.is_empty() && !t.starts_with([' ', '\t', '#', '-'])
        })
        .map_or(lines.len(), |i| start + 1 + i);
    let items: Vec<usize> = (start + 1..end)
        .filter(|&i| lines[i].trim_start().starts_with("- "))
        .collect();
    let first = *items
        .first()
        .ok_or_else(|| format!("`languages:` in site.yaml lists no language; {by_hand}"))?;
    let item_indent = &lines[first][..lines[first].len() - lines[first].trim_start().len()];
    // The last line that belongs to an entry (not a comment or blank line after it).
    let last = (first..end)
        .rev()
        .find(|&i| {
            let t = lines[i].trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .unwrap_or(first);
    let after_dash = lines[first].trim_start()[2..].trim_start();
    let fields = entry.fields();
    let new_entry = if after_dash.starts_with('{') {
        let inner: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!("{item_indent}- {{{}}}{newline}", inner.join(", "))
    } else {
        let dash_line = lines[first];
        let key_column = dash_line.len() - dash_line.trim_start().len()
            + 2
            + (dash_line.trim_start()[2..].len() - after_dash.len());
        let key_indent = " ".repeat(key_column);
        let mut out = String::new();
        for (i, (k, v)) in fields.iter().enumerate() {
            if i == 0 {
                out.push_str(&format!(
                    "{}{k}: {v}{newline}",
                    &dash_line[..key_column.min(dash_line.len())]
                ));
            } else {
                out.push_str(&format!("{key_indent}{k}: {v}{newline}"));
            }
        }
        out
    };
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i == last {
            if !line.ends_with('\n') {
                out.push_str(newline);
            }
            out.push_str(&new_entry);
        }
    }
    Ok(out)
}

/// The translation template of one source file: its comments as they are, each message
/// commented out (`# id = Source text`), so that it is shown but defines nothing. Returns
/// the text and the number of messages in it.
pub(crate) fn template(
    source: &str,
    display: &str,
    source_code: &str,
    name: &str,
) -> (String, usize) {
    let mut out = format!(
        "# {name}: translation of {display}.\n\
         # Each message is shown in {source_code} as a comment. To translate one, remove the\n\
         # `# ` before its lines and write the {name} text after `=`; a message left as a\n\
         # comment falls back to {source_code}.\n\n"
    );
    let mut messages = 0;
    let mut in_entry = false;
    for line in source.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let starts_entry = bare
            .split_once('=')
            .map(|(id, _)| id.trim_end())
            .is_some_and(|id| {
                let id = id.strip_prefix('-').unwrap_or(id);
                id.starts_with(|c: char| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
        if starts_entry {
            in_entry = true;
            if !bare.starts_with('-') {
                messages += 1;
            }
        } else if bare.starts_with('#') {
            in_entry = false;
        }
        // A blank line may be part of a message's text: it stays blank either way.
        if in_entry && !bare.trim().is_empty() {
            out.push_str("# ");
            out.push_str(bare);
            out.push('\n');
        } else {
            out.push_str(bare);
            out.push('\n');
        }
    }
    (out, messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(fallback: &'a [String]) -> Entry<'a> {
        Entry {
            code: "de",
            tag: "de",
            name: "Deutsch",
            direction: None,
            fallback,
        }
    }

    #[test]
    fn the_entry_follows_the_last_language_and_keeps_comments() {
        let yaml = "# Top comment.\nbase_url: /\nlanguages:\n  # The source.\n  - code: en\n    tag: en\n    name: English  # itself\n\n# After.\noutput: public\n";
        let out = add_to_site_yaml(yaml, &entry(&[])).unwrap();
        assert_eq!(
            out,
            "# Top comment.\nbase_url: /\nlanguages:\n  # The source.\n  - code: en\n    tag: en\n    name: English  # itself\n  - code: de\n    tag: de\n    name: Deutsch\n\n# After.\noutput: public\n"
        );
        let flow = "languages:\n  - {code: en, tag: en, name: English}\n";
        let fallback = ["en".to_string()];
        assert_eq!(
            add_to_site_yaml(flow, &entry(&fallback)).unwrap(),
            "languages:\n  - {code: en, tag: en, name: English}\n  - {code: de, tag: de, name: Deutsch, fallback: en}\n"
        );
        let unindented = "languages:\n- code: en\n  tag: en\n  name: English";
        assert_eq!(
            add_to_site_yaml(unindented, &entry(&[])).unwrap(),
            "languages:\n- code: en\n  tag: en\n  name: English\n- code: de\n  tag: de\n  name: Deutsch\n"
        );
        assert!(add_to_site_yaml("languages: [en]\n", &entry(&[])).is_err());
    }

    #[test]
    fn codes_are_bcp47_like_and_cannot_name_other_folders() {
        for good in ["de", "pt-BR", "zh-Hant-TW", "es-419", "ast"] {
            assert!(crate::config::is_language_code(good), "{good}");
        }
        for bad in [
            "",
            "../x",
            "de/..",
            "d",
            "de_DE",
            "de-",
            "-de",
            "deutsch",
            "de-toolongsubtag",
            ".",
            "x1",
            "en-abc",
            "de-x-private",
        ] {
            assert!(!crate::config::is_language_code(bad), "{bad}");
        }
    }

    #[test]
    fn values_that_yaml_would_read_otherwise_are_quoted() {
        assert_eq!(scalar("Deutsch"), "Deutsch");
        assert_eq!(scalar("Français (Canada)"), "Français (Canada)");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("1.0"), "\"1.0\"");
    }

    #[test]
    fn templates_comment_out_every_message_and_keep_comments() {
        let source = "### Strings.\n\n## Group\n\n# What it is.\nsite-title = Support\nplural = { $n ->\n    [one] one\n   *[other] many\n}\n    .title = T\n-brand = Brand\n";
        let (text, count) = template(source, "locales/en/ui.ftl", "en", "Deutsch");
        assert_eq!(count, 2);
        assert!(
            text.ends_with("### Strings.\n\n## Group\n\n# What it is.\n# site-title = Support\n# plural = { $n ->\n#     [one] one\n#    *[other] many\n# }\n#     .title = T\n# -brand = Brand\n"),
            "{text}"
        );
        let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
        assert!(
            !resource.body.iter().any(|e| matches!(
                e,
                fluent_syntax::ast::Entry::Message(_) | fluent_syntax::ast::Entry::Junk { .. }
            )),
            "nothing is defined"
        );
    }
}
