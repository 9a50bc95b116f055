//! `polydocs init [DIR]`: starts a new site that builds at once with `build --strict`, as
//! `zola init` does. It writes `site.yaml` (commented like the repository's), a home page, a
//! docs section with one guide, and `locales/<code>/ui.ftl` for every language.
//!
//! The theme is not copied into the new site: `templates/` and `static/` come from the
//! binary ([`crate::theme`]). A site that copied them would stop receiving fixes to the theme
//! the day it was created, and would carry dozens of files its author never wrote; relying on
//! the theme keeps the site to what its author writes, and any file of the theme is replaced
//! by writing one of the same name (`templates/page.html`, `static/style.css`).
//! `--example` is the exception: it writes the whole support-plan site of the repository,
//! theme included, to learn from and to change.
//!
//! The starter text exists in a few languages (`init/starter/<code>/`, one folder a
//! language); it is marked as translated, as `polydocs mark --all` would. A language without
//! starter text gets translation templates, as `polydocs new-language` writes them, so
//! nothing pretends to be translated.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/starter.rs"));
    include!(concat!(env!("OUT_DIR"), "/example.rs"));
}

/// A language init has starter text for: its folder under `init/starter/`, its BCP 47 tag,
/// its name in itself, and whether it is written right to left.
pub(crate) struct Known {
    pub(crate) code: &'static str,
    pub(crate) tag: &'static str,
    pub(crate) name: &'static str,
    pub(crate) rtl: bool,
}

/// The languages with starter text (a folder `src/cmd/init/starter/<code>/` each).
pub(crate) const KNOWN: &[Known] = &[
    known("en", "en", "English"),
    known("fr", "fr", "Français"),
    known("de", "de", "Deutsch"),
    known("es", "es", "Español"),
    Known {
        code: "ar",
        tag: "ar",
        name: "العربية",
        rtl: true,
    },
    known("zh-TW", "zh-Hant-TW", "繁體中文"),
    known("ja", "ja", "日本語"),
];

const fn known(folder: &'static str, tag: &'static str, name: &'static str) -> Known {
    Known {
        code: folder,
        tag,
        name,
        rtl: false,
    }
}

/// The language whose starter text stands in for a default language init does not know.
const STARTER_FALLBACK: &str = "en";

/// What the command was asked for; `None` where a flag was not given.
#[derive(Default)]
pub struct InitOptions {
    pub dir: PathBuf,
    pub languages: Option<Vec<String>>,
    pub default: Option<String>,
    pub base_url: Option<String>,
    pub example: bool,
}

pub fn run(options: InitOptions) -> i32 {
    let mut options = options;
    // A folder that cannot be used is refused before any question is asked.
    let result = check_folder(&options.dir).and_then(|()| {
        if !options.example && std::io::stdin().is_terminal() {
            ask(&mut options);
        }
        init(&options)
    });
    match result {
        Ok(summary) => {
            println!("{summary}");
            0
        }
        Err(d) => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprintln!("{}\n\nNothing was written.", d.render(color));
            1
        }
    }
}

/// On a terminal, asks for what the flags did not give, showing the default.
fn ask(options: &mut InitOptions) {
    let stdin = std::io::stdin();
    let line = |question: &str, default: &str| -> String {
        print!("{question} [{default}]: ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        if stdin.lock().read_line(&mut answer).is_err() {
            return default.to_string();
        }
        let answer = answer.trim();
        if answer.is_empty() {
            default.to_string()
        } else {
            answer.to_string()
        }
    };
    if options.languages.is_none() {
        let answer = line(
            "Languages, comma-separated (en, fr, de, es, ar, zh-TW, ja, ...)",
            "en",
        );
        options.languages = Some(split_list(&answer));
    }
    if options.default.is_none() {
        let first = options
            .languages
            .as_ref()
            .and_then(|l| l.first().cloned())
            .unwrap_or_else(|| "en".into());
        options.default = Some(line(
            "Default language (the source of translations)",
            &first,
        ));
    }
    if options.base_url.is_none() {
        let answer = line("Address the site is published at (`/` while unknown)", "/");
        options.base_url = (answer != "/").then_some(answer);
    }
}

/// `en, fr ,ar` → `["en", "fr", "ar"]`.
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// What `init` will write, checked before anything is: the new site's languages (`default` is
/// the index of the default one) and its address. Not a support plan ([`crate::plan::Plan`]).
struct Starter {
    languages: Vec<Lang>,
    default: usize,
    base_url: String,
}

struct Lang {
    code: String,
    known: Option<&'static Known>,
}

impl Lang {
    fn name(&self) -> &str {
        self.known.map_or(&self.code, |k| k.name)
    }
    fn tag(&self) -> &str {
        self.known.map_or(&self.code, |k| k.tag)
    }
}

fn init_error(code: Code, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(code, message).hint(hint.to_string())
}

/// Checks everything before anything is written.
fn starter(options: &InitOptions) -> Result<Starter, Diagnostic> {
    // Without --languages, the site has the --default language alone, or English.
    let codes = options
        .languages
        .clone()
        .unwrap_or_else(|| vec![options.default.clone().unwrap_or_else(|| "en".to_string())]);
    let languages = starter_languages(&codes)?;
    let default = match &options.default {
        None => 0,
        Some(d) => default_index(&languages, &codes, d)?,
    };
    let base_url = match &options.base_url {
        None => "/".to_string(),
        Some(url) => starter_base_url(url)?,
    };
    Ok(Starter {
        languages,
        default,
        base_url,
    })
}

/// The languages of `--languages`, in order: each a usable code, listed once. A known
/// language keeps its usual spelling (`zh-TW`, not `zh-tw`) and gets its starter text.
fn starter_languages(codes: &[String]) -> Result<Vec<Lang>, Diagnostic> {
    if codes.is_empty() {
        return Err(init_error(
            Code::InitLanguage,
            "--languages lists no language".into(),
            "name at least one: `--languages en` or `--languages en,fr,ar`",
        ));
    }
    let mut languages: Vec<Lang> = Vec::new();
    for code in codes {
        if !crate::config::is_language_code(code) {
            return Err(init_error(
                Code::InitLanguage,
                format!("`{code}` is not a language code"),
                &format!(
                    "write {}, such as `en`, `pt-BR` or `zh-TW`, separated by commas",
                    crate::config::LANGUAGE_CODE_RULE
                ),
            ));
        }
        if languages.iter().any(|l| l.code.eq_ignore_ascii_case(code)) {
            return Err(init_error(
                Code::InitLanguage,
                format!("`{code}` is listed twice in --languages"),
                "list each language once",
            ));
        }
        let known = KNOWN.iter().find(|k| k.code.eq_ignore_ascii_case(code));
        languages.push(Lang {
            code: known.map_or_else(|| code.clone(), |k| k.code.to_string()),
            known,
        });
    }
    Ok(languages)
}

/// The index of `--default` among the languages (any case), which it must be one of.
fn default_index(languages: &[Lang], codes: &[String], default: &str) -> Result<usize, Diagnostic> {
    languages
        .iter()
        .position(|l| l.code.eq_ignore_ascii_case(default))
        .ok_or_else(|| {
            init_error(
                Code::InitLanguage,
                format!(
                    "--default `{default}` is not one of --languages ({})",
                    codes.join(", ")
                ),
                "name one of the listed languages, or add it to --languages",
            )
        })
}

/// `--base-url` as site.yaml gets it: an http(s) address with a host, ending with `/`.
fn starter_base_url(url: &str) -> Result<String, Diagnostic> {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("");
    if host.is_empty() || url.contains(char::is_whitespace) || url.contains(['?', '#', '"']) {
        return Err(init_error(
            Code::InitBaseUrl,
            format!("`{url}` is not an http(s) address"),
            "write the address the site will be published at, such as \
             `--base-url https://docs.example.com/`, or leave it out and set \
             `base_url:` in site.yaml later",
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The folder init writes into: new, or empty.
fn check_folder(dir: &Path) -> Result<(), Diagnostic> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(init_error(
                    Code::InitNotEmpty,
                    format!("{} is not empty", dir.display()),
                    "name a new folder (init creates it) or an empty one: `polydocs init mysite`",
                ));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(dir).is_ok() {
                return Err(init_error(
                    Code::InitNotEmpty,
                    format!("{} is a symbolic link that leads nowhere", dir.display()),
                    "name a new folder, or an empty one",
                ));
            }
            Ok(())
        }
        Err(_) if dir.is_file() || dir.exists() => Err(init_error(
            Code::InitNotEmpty,
            format!("{} exists and is not a folder", dir.display()),
            "name a new folder, or an empty one",
        )),
        Err(e) => Err(init_error(
            Code::InitNotEmpty,
            format!("cannot read {}: {e}", dir.display()),
            "check the folder's permissions",
        )),
    }
}

/// Writes the site; returns what to print.
pub(crate) fn init(options: &InitOptions) -> Result<String, Diagnostic> {
    let dir = &options.dir;
    let files = if options.example {
        example_files()
    } else {
        let starter = starter(options)?;
        let files = starter_files(&starter);
        let (_lock, created) = claim(dir)?;
        write_all(dir, &files, created)?;
        mark_translations(dir, &starter)?;
        return Ok(summary(dir, &starter));
    };
    let (_lock, created) = claim(dir)?;
    write_all(dir, &files, created)?;
    Ok(format!(
        "Created the example support-plan site in {}: plan data, pages, messages in three \
         languages, and its own copy of the theme (templates/, static/).\n{}",
        dir.display(),
        next_steps(dir)
    ))
}

/// Every file of `--example`: the repository's site, theme included.
fn example_files() -> Vec<(String, Vec<u8>)> {
    let site = embedded::EXAMPLE_SITE
        .iter()
        .chain(embedded::EXAMPLE_CONTENT)
        .chain(embedded::EXAMPLE_LOCALES)
        .map(|(path, bytes)| (path.to_string(), bytes.to_vec()));
    let templates = crate::theme::THEME_TEMPLATES
        .iter()
        .map(|(name, text)| (format!("templates/{name}"), text.as_bytes().to_vec()));
    let statics = crate::theme::THEME_STATIC
        .iter()
        .map(|(path, bytes)| (path.to_string(), bytes.to_vec()));
    site.chain(templates).chain(statics).collect()
}

/// The starter files of one language, relative to its folder.
fn starter_of(code: &str) -> Vec<(&'static str, &'static str)> {
    let prefix = format!("{code}/");
    embedded::STARTER
        .iter()
        .filter_map(|(p, text)| Some((p.strip_prefix(&prefix)?, *text)))
        .collect()
}

/// The files of a new site, by path relative to it.
fn starter_files(starter: &Starter) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("site.yaml".to_string(), site_yaml(starter).into_bytes())];
    let default = &starter.languages[starter.default];
    let default_starter = default.known.map_or(STARTER_FALLBACK, |k| k.code);
    for lang in &starter.languages {
        let own = lang.known.map(|k| k.code);
        let from = if std::ptr::eq(lang, default) {
            Some(default_starter)
        } else {
            own
        };
        match from {
            Some(from) => {
                for (file, text) in starter_of(from) {
                    let path = if file.ends_with(".ftl") {
                        format!("locales/{}/{file}", lang.code)
                    } else {
                        format!("content/{}/{file}", lang.code)
                    };
                    files.push((path, text.as_bytes().to_vec()));
                }
            }
            None => {
                // No starter text: translation templates of the default language's messages,
                // as `new-language` writes them; pages fall back until written.
                for (file, text) in starter_of(default_starter) {
                    if !file.ends_with(".ftl") {
                        continue;
                    }
                    let display = format!("locales/{}/{file}", default.code);
                    let (template, _) =
                        super::new_language::template(text, &display, &default.code, lang.name());
                    files.push((
                        format!("locales/{}/{file}", lang.code),
                        template.into_bytes(),
                    ));
                }
            }
        }
    }
    files
}

/// `site.yaml`, commented as the repository's is.
fn site_yaml(starter: &Starter) -> String {
    let mut out = String::from(
        "# The site: its languages, the default language, where it is published and built.\n\
         # A language's `code` is its folder under locales/ and content/; `tag` is its BCP 47 tag\n\
         # (used for lang=\"\" and hreflang); `prefix` its URL folder (default: the code in lowercase);\n\
         # `direction: rtl` for a language written right to left; `fallback` the languages to\n\
         # borrow from, in order, before the default language.\n\
         # The theme comes with polydocs: to change one of its files, write a file of the same\n\
         # name under templates/ or static/ (`polydocs init --example` shows them all).\n",
    );
    out.push_str(&format!("base_url: {}\n", starter.base_url));
    out.push_str(&format!(
        "default_language: {}\n",
        starter.languages[starter.default].code
    ));
    out.push_str("output: public\nlanguages:\n");
    for lang in &starter.languages {
        out.push_str(&format!("  - code: {}\n", lang.code));
        out.push_str(&format!("    tag: {}\n", lang.tag()));
        if lang.code.contains(|c: char| c.is_ascii_uppercase()) {
            out.push_str(&format!("    prefix: {}\n", lang.code.to_lowercase()));
        }
        out.push_str(&format!("    name: {}\n", yaml_text(lang.name())));
        if lang.known.is_some_and(|k| k.rtl) {
            out.push_str("    direction: rtl\n");
        }
    }
    out
}

/// A name as a YAML scalar (quoted when YAML would read it as something else).
fn yaml_text(value: &str) -> String {
    let plain = value.chars().all(|c| c.is_alphanumeric() || c == '-')
        && value.parse::<f64>().is_err()
        && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
            .contains(&value.to_ascii_lowercase().as_str());
    if plain {
        value.to_string()
    } else {
        format!("\"{value}\"")
    }
}

/// Takes the folder for this command: creates it if needed, holds the site's sources lock in
/// it ([`crate::source::SourceLock`]) and checks, under the lock, that it is still empty. Of
/// two `init`s of one folder, the second waits for the first and then finds it full, and
/// writes nothing. Also says whether this command created the folder.
fn claim(dir: &Path) -> Result<(crate::source::SourceLock, bool), Diagnostic> {
    check_folder(dir)?;
    let created = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|e| {
        init_error(
            Code::WriteFailed,
            format!("cannot create {}: {e}", dir.display()),
            "check the permissions of the folder it goes in",
        )
    })?;
    let lock = crate::source::SourceLock::take(dir)
        .map_err(|m| init_error(Code::WriteFailed, m, "try again"))?;
    let others = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name() != crate::source::SourceLock::FILE)
        })
        .unwrap_or(true);
    if others {
        return Err(init_error(
            Code::InitNotEmpty,
            format!(
                "{} was filled by another command while this one started",
                dir.display()
            ),
            "name a new folder (init creates it) or an empty one",
        ));
    }
    Ok((lock, created))
}

/// Writes every file; on failure removes what it wrote (and the folder, when `created`), so
/// nothing is left half-made.
fn write_all(dir: &Path, files: &[(String, Vec<u8>)], created: bool) -> Result<(), Diagnostic> {
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (path, bytes) in files {
            let path = dir.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, bytes)?;
        }
        Ok(())
    })();
    written.map_err(|e| {
        if created {
            let _ = std::fs::remove_dir_all(dir);
        } else {
            let tops: std::collections::BTreeSet<&str> = files
                .iter()
                .filter_map(|(p, _)| p.split('/').next())
                .collect();
            for top in tops {
                let path = dir.join(top);
                let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
            }
        }
        Diagnostic::error(
            Code::WriteFailed,
            format!("cannot write the new site into {}: {e}", dir.display()),
        )
        .hint("check free disk space and the permissions of the folder")
    })
}

/// Marks the starter translations up to date, as `polydocs mark <code> --all` does: they are
/// real translations of the starter text, identical words included (`Documentation`).
fn mark_translations(dir: &Path, starter: &Starter) -> Result<(), Diagnostic> {
    let default = starter.languages[starter.default].code.as_str();
    let translated: Vec<&Lang> = starter
        .languages
        .iter()
        .filter(|l| l.known.is_some() && l.code != default)
        .collect();
    if translated.is_empty() {
        return Ok(());
    }
    let site = match crate::site::load(dir) {
        Ok((site, _)) => site,
        Err(report) => {
            let first = report.sorted().into_iter().find(|d| d.is_error());
            return Err(first.unwrap_or_else(|| {
                Diagnostic::error(Code::WriteFailed, "the new site does not load".to_string())
            }));
        }
    };
    for lang in translated {
        let options = super::mark::Options {
            include_identical: true,
            force: true,
        };
        super::mark::mark(&site, &lang.code, &super::mark::Target::All, options)
            .map_err(|e| Diagnostic::error(Code::WriteFailed, e))?;
    }
    Ok(())
}

fn summary(dir: &Path, starter: &Starter) -> String {
    let names: Vec<String> = starter
        .languages
        .iter()
        .map(|l| format!("{} ({})", l.name(), l.code))
        .collect();
    let default = &starter.languages[starter.default];
    let mut out = format!(
        "Created a site in {} in {}; {} is the default language, the source of translations.",
        dir.display(),
        names.join(", "),
        default.code
    );
    if default.known.is_none() {
        out.push_str(&format!(
            "\npolydocs has no starter text in {0}: content/{0}/ and locales/{0}/ hold the \
             English text; write yours in its place.",
            default.code
        ));
    }
    let untranslated: Vec<&str> = starter
        .languages
        .iter()
        .filter(|l| l.known.is_none() && l.code != default.code)
        .map(|l| l.code.as_str())
        .collect();
    if !untranslated.is_empty() {
        let list = untranslated.join(", ");
        out.push_str(&format!(
            "\npolydocs has no starter text in {list}: locales/<code>/ui.ftl holds every message \
             to translate (shown in {0} as comments) and pages fall back to {0} until translated \
             under content/<code>/. `polydocs build` works now; `polydocs build --strict` fails \
             until they are translated. `polydocs status` shows what is left, \
             `polydocs check --lang <code>` lists it.",
            default.code
        ));
        for code in &untranslated {
            out.push_str(&format!(
                "\nSet the `name:` of {code} in site.yaml to the language's name in itself."
            ));
        }
    }
    out.push('\n');
    out.push_str(&next_steps(dir));
    out
}

fn next_steps(dir: &Path) -> String {
    format!(
        "Next:\n  cd {}\n  polydocs serve           preview at http://127.0.0.1:8000/, rebuilt on each save\n  \
         polydocs build --strict  write the site into public/\n\
         The theme comes with polydocs: to change one of its files, write a file of the same \
         name under templates/ or static/.",
        dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every starter language's code and tag pass the rule site.yaml applies to the site
    /// `init` writes.
    #[test]
    fn starter_languages_have_codes_and_tags() {
        for known in KNOWN {
            assert!(
                crate::config::is_language_code(known.code),
                "{}",
                known.code
            );
            assert!(crate::config::is_language_tag(known.tag), "{}", known.tag);
        }
    }

    #[test]
    fn codes_that_are_no_bcp47_tag_are_refused() {
        for bad in ["x1", "en-abc", "de_DE", "de-a"] {
            let error = starter_languages(&[bad.to_string()]).err().expect(bad);
            assert_eq!(error.code, Code::InitLanguage, "{bad}");
        }
    }

    #[test]
    fn every_known_language_has_the_same_starter_files() {
        let english: Vec<&str> = starter_of("en").iter().map(|(f, _)| *f).collect();
        assert!(english.contains(&"ui.ftl") && english.contains(&"_index.md"));
        for k in KNOWN {
            let files: Vec<&str> = starter_of(k.code).iter().map(|(f, _)| *f).collect();
            assert_eq!(files, english, "{}", k.code);
        }
        for (path, _) in embedded::STARTER {
            let code = path.split('/').next().unwrap();
            assert!(
                KNOWN.iter().any(|k| k.code == code),
                "starter/{code}/ has no entry in KNOWN"
            );
        }
    }

    #[test]
    fn every_starter_language_defines_the_same_messages() {
        let ids = |code: &str| -> Vec<String> {
            let (_, text) = starter_of(code)
                .into_iter()
                .find(|(f, _)| *f == "ui.ftl")
                .unwrap();
            let resource = fluent_syntax::parser::parse(text).expect("valid Fluent");
            resource
                .body
                .iter()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect()
        };
        let english = ids("en");
        for k in KNOWN {
            assert_eq!(ids(k.code), english, "{}", k.code);
        }
    }

    #[test]
    fn bad_input_is_refused_before_anything_is_written() {
        let options = |languages: &[&str], default: Option<&str>, url: Option<&str>| InitOptions {
            dir: PathBuf::from("unused"),
            languages: Some(languages.iter().map(|s| s.to_string()).collect()),
            default: default.map(str::to_string),
            base_url: url.map(str::to_string),
            example: false,
        };
        for (o, code) in [
            (options(&["../x"], None, None), Code::InitLanguage),
            (options(&["a/b"], None, None), Code::InitLanguage),
            (options(&["en", "en"], None, None), Code::InitLanguage),
            (options(&["en", "fr"], Some("de"), None), Code::InitLanguage),
            (options(&["en"], None, Some("ftp://x/")), Code::InitBaseUrl),
            (
                options(&["en"], None, Some("docs.example.com")),
                Code::InitBaseUrl,
            ),
        ] {
            assert_eq!(starter(&o).err().map(|d| d.code), Some(code));
        }
        let ok = starter(&options(
            &["EN", "zh-tw"],
            Some("zh-TW"),
            Some("https://x.org"),
        ))
        .unwrap();
        assert_eq!(ok.languages[1].code, "zh-TW");
        assert_eq!(ok.default, 1);
        assert_eq!(ok.base_url, "https://x.org/");
    }
}
