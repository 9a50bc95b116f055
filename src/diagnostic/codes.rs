//! The registry of diagnostic codes: the one place where every code is listed, with what it
//! means, an example that triggers it and how to fix it.
//!
//! A code is what a user searches for and what a CI script filters on, so codes are stable and
//! each is explained once, here, for `polydocs explain CODE` (as `rustc --explain` does).
//! The table below generates the [`Code`] enum, its kebab-case names and its [`Entry`] in the
//! registry, so that a diagnostic can only be given a registered code (any other is a compile
//! error) and the list, `explain` and the codes the checks give cannot drift apart.

use super::Severity;
use super::edit_distance;

/// What the user edits to fix a problem: codes are listed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Area {
    Site,
    Files,
    Data,
    Messages,
    Translations,
    Pages,
    Templates,
    Output,
}

impl Area {
    /// Every area, in the order `polydocs explain` lists them.
    pub(crate) const ALL: [Area; 8] = [
        Area::Site,
        Area::Files,
        Area::Data,
        Area::Messages,
        Area::Translations,
        Area::Pages,
        Area::Templates,
        Area::Output,
    ];

    pub(crate) fn title(self) -> &'static str {
        match self {
            Area::Site => "Site configuration (site.yaml)",
            Area::Files => "Any source file",
            Area::Data => "YAML and plan data (content/*.yaml)",
            Area::Messages => "Messages (locales/<code>/*.ftl)",
            Area::Translations => "Translation state",
            Area::Pages => "Pages (content/<code>/**/*.md)",
            Area::Templates => "Templates (templates/*.html)",
            Area::Output => "Output and preview",
        }
    }
}

/// How findings of one kind are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Error,
    Warning,
    /// A warning in some runs or cases, an error in others (the explanation says when).
    WarningOrError,
}

impl Level {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::WarningOrError => "warning or error",
        }
    }

    /// Whether a diagnostic of this severity may carry a code of this level.
    pub(crate) fn allows(self, severity: Severity) -> bool {
        match self {
            Level::Error => severity == Severity::Error,
            Level::Warning => severity == Severity::Warning,
            Level::WarningOrError => true,
        }
    }
}

/// One code's entry in the registry: what `polydocs explain` prints about it.
#[derive(Debug)]
pub struct Entry {
    /// The code the entry explains; the registry's tests check that each entry sits at its
    /// code's place.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) code: Code,
    /// The code as users see it, in brackets in a report and in the JSON `code` field.
    pub name: &'static str,
    pub(crate) level: Level,
    pub(crate) area: Area,
    /// One line, lowercase, no final period: what the problem is.
    pub summary: &'static str,
    /// What it means and why polydocs refuses or warns; paragraphs separated by a blank line.
    pub explanation: &'static str,
    /// The file the example would be in (or `shell` for a command line).
    pub(crate) example_file: &'static str,
    /// Input that triggers it.
    pub(crate) example: &'static str,
    /// What to do.
    pub(crate) fix: &'static str,
}

/// The table of codes as the [`Code`] enum (one variant per entry, documented by its summary)
/// and [`CODES`] (the entries, in the same order, so that a code's entry is found by its index).
macro_rules! registry {
    ($(
        $variant:ident {
            name: $name:literal,
            level: $level:expr,
            area: $area:expr,
            summary: $summary:literal,
            explanation: $explanation:expr,
            example_file: $example_file:expr,
            example: $example:expr,
            fix: $fix:expr $(,)?
        }
    ),* $(,)?) => {
        /// A registered diagnostic code; [`Code::as_str`] is its name as users see it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", $name, "`: ", $summary, ".")]
                $variant,
            )*
        }

        impl Code {
            /// The code as users see it (`broken-link`): in brackets in a report, in the JSON
            /// `code` field, as `polydocs explain` takes it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }

        /// Every code's entry, grouped by area, in the order of [`Code`].
        pub static CODES: &[Entry] = &[
            $(
                Entry {
                    code: Code::$variant,
                    name: $name,
                    level: $level,
                    area: $area,
                    summary: $summary,
                    explanation: $explanation,
                    example_file: $example_file,
                    example: $example,
                    fix: $fix,
                },
            )*
        ];
    };
}

impl Code {
    /// The code's entry in the registry.
    pub(crate) fn entry(self) -> &'static Entry {
        &CODES[self as usize]
    }

    /// Whether findings of this code are errors, warnings or either.
    pub(crate) fn level(self) -> Level {
        self.entry().level
    }
}

/// The code named `name` (as users write it), if it is registered.
pub fn find(name: &str) -> Option<&'static Entry> {
    CODES.iter().find(|c| c.name == name)
}

/// Up to `n` registered codes closest to `name`: those containing it first, then by edit
/// distance.
pub(crate) fn closest(name: &str, n: usize) -> Vec<&'static str> {
    let mut ranked: Vec<(bool, usize, &'static str)> = CODES
        .iter()
        .map(|c| (!c.name.contains(name), edit_distance(name, c.name), c.name))
        .collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(n)
        .map(|(_, _, name)| name)
        .collect()
}

// Every code, grouped by area, in the order `polydocs explain` lists them.
registry! {
    // --- site.yaml --------------------------------------------------------------------------
    NoSite {
        name: "no-site",
        level: Level::Error,
        area: Area::Site,
        summary: "there is no site.yaml in the folder polydocs runs on",
        explanation: "polydocs works on a site folder: the one holding site.yaml, next to \
            content/, locales/ and templates/. Without site.yaml it does not know the \
            languages or where to write, so it stops before reading anything else.",
        example_file: "shell",
        example: "$ cd ~ && polydocs build",
        fix: "Run polydocs in the site folder, or name it with `--root path/to/site`.",
    },
    InitNotEmpty {
        name: "init-not-empty",
        level: Level::Error,
        area: Area::Site,
        summary: "`polydocs init` was given a folder that already holds files",
        explanation: "init writes a whole new site and never mixes it with files that are \
            already there: it could overwrite them, and the result would be neither the \
            old site nor the new one. It writes nothing when the folder is not empty.",
        example_file: "shell",
        example: "$ polydocs init docs   # docs/ already holds a README",
        fix: "Name a new folder (init creates it) or an empty one: `polydocs init mysite`.",
    },
    InitLanguage {
        name: "init-language",
        level: Level::Error,
        area: Area::Site,
        summary: "a language given to `polydocs init` is not a usable language code",
        explanation: "Each code of --languages names folders (locales/<code>/, \
            content/<code>/) and is the page's language tag, so it must be a BCP 47 code, \
            as site.yaml requires: a language of two or three letters, then its script, \
            region or spelling if needed, joined by hyphens. A code such as `../x` or `a/b` \
            would write outside the site. A code listed twice, or a --default that is not \
            in the list, is refused too.",
        example_file: "shell",
        example: "$ polydocs init mysite --languages en,fr_FR",
        fix: "Write codes such as `en`, `fr`, `pt-BR` or `zh-TW`, each once, separated by \
            commas; --default must be one of them.",
    },
    InitBaseUrl {
        name: "init-base-url",
        level: Level::Error,
        area: Area::Site,
        summary: "the --base-url given to `polydocs init` is not an http(s) address",
        explanation: "The base URL is the address the site is published at: canonical links, \
            hreflang alternates and the sitemap start with it, so it must be an absolute \
            http:// or https:// address.",
        example_file: "shell",
        example: "$ polydocs init mysite --base-url docs.example.com",
        fix: "Write the whole address: `--base-url https://docs.example.com/`.",
    },
    BadLanguageCode {
        name: "bad-language-code",
        level: Level::Error,
        area: Area::Site,
        summary: "a language code is not a BCP 47 code",
        explanation: "A language's `code` names its folders (locales/<code>/, content/<code>/) \
            and is what `mark` and `status` take, so it must be usable as a folder name on \
            every system. site.yaml, `init` and `new-language` take the same codes: a BCP 47 \
            tag whose language has two or three letters, then its script, region or spelling \
            if needed, joined by hyphens (`fr`, `pt-BR`, `zh-Hant-TW`, `es-419`).",
        example_file: "site.yaml",
        example: "languages:\n  - code: fr_FR\n    tag: fr-FR\n    name: Français",
        fix: "Write a code such as `fr` or `zh-TW`, and rename the language's folders to match.",
    },
    DuplicateLanguage {
        name: "duplicate-language",
        level: Level::Error,
        area: Area::Site,
        summary: "the same language code is listed twice",
        explanation: "Each language has its own folders and URL prefix; two entries with one \
            code would share them, and which one wins would be an accident of order.",
        example_file: "site.yaml",
        example: "languages:\n  - code: fr\n    tag: fr\n    name: Français\n  - code: fr\n    tag: fr-CA\n    name: Français (Canada)",
        fix: "Remove one entry, or give the second language its own code (`fr-CA`).",
    },
    BadLanguageTag {
        name: "bad-language-tag",
        level: Level::Error,
        area: Area::Site,
        summary: "a language's `tag` is not a BCP 47 language tag",
        explanation: "The tag goes into `<html lang>` and `hreflang`, and picks the plural \
            rules and time formats of the language. Browsers, screen readers and search \
            engines only understand well-formed BCP 47 tags.",
        example_file: "site.yaml",
        example: "  - code: fr\n    tag: français\n    name: Français",
        fix: "Write a tag such as `en`, `fr-CA` or `zh-Hant-TW`.",
    },
    BadPrefix {
        name: "bad-prefix",
        level: Level::Error,
        area: Area::Site,
        summary: "a language's URL prefix holds characters other than a-z, 0-9 and -",
        explanation: "The prefix is the folder a language is published under (`/fr/`). \
            Lowercase letters, digits and hyphens read the same on every host and never \
            need escaping. Without `prefix:`, the code in lowercase is used, so a code \
            with other characters needs an explicit prefix.",
        example_file: "site.yaml",
        example: "  - code: zh-TW\n    tag: zh-Hant-TW\n    prefix: zh_TW\n    name: 繁體中文",
        fix: "Set `prefix:` to a lowercase folder name such as `zh-tw`.",
    },
    DuplicatePrefix {
        name: "duplicate-prefix",
        level: Level::Error,
        area: Area::Site,
        summary: "two languages would be published under the same URL prefix",
        explanation: "Each language gets its own folder of the output; two languages with \
            one prefix would overwrite each other's pages. `static` is taken by the site's \
            static files.",
        example_file: "site.yaml",
        example: "  - code: zh-TW\n    tag: zh-Hant-TW\n    name: 繁體中文\n  - code: zh-tw\n    tag: zh-Hant-TW\n    name: 繁體中文",
        fix: "Give each language its own `prefix:`, and do not use `static`.",
    },
    UnknownLanguage {
        name: "unknown-language",
        level: Level::Error,
        area: Area::Site,
        summary: "a language code is used that site.yaml does not list",
        explanation: "`default_language:`, a language's `fallback:` and the per-language \
            `urls:` of resources name languages by code; each must be one of the codes \
            under `languages:`, or the fallback chain and the links would lead nowhere.",
        example_file: "site.yaml",
        example: "default_language: english\nlanguages:\n  - code: en\n    tag: en\n    name: English",
        fix: "Use a code listed under `languages:` (the hint lists them), or add the language.",
    },
    BadBaseUrl {
        name: "bad-base-url",
        level: Level::Error,
        area: Area::Site,
        summary: "`base_url` is neither an absolute http(s) address nor a path",
        explanation: "Canonical links, `hreflang` alternates and the sitemap are built from \
            the base URL, so it must be where the site is published: an http or https \
            address, or a path such as `/support/` when the host is not known. Query \
            strings and fragments are not allowed.",
        example_file: "site.yaml",
        example: "base_url: support.example.com/plans",
        fix: "Write the full address, such as `https://support.example.com/plans/`.",
    },
    RelativeBaseUrl {
        name: "relative-base-url",
        level: Level::Warning,
        area: Area::Site,
        summary: "`base_url` is a path without a host: no sitemap is written",
        explanation: "A site whose address is not known yet (`base_url: /`, as `polydocs init` \
            writes without `--base-url`) builds, previews and checks: its links are relative. \
            But a sitemap's `<loc>` and robots.txt's `Sitemap:` line must be absolute addresses; \
            with relative ones search engines reject them. So no sitemap.xml is written and \
            robots.txt has no `Sitemap:` line until the site has an address. It stays a warning \
            under `--strict`.",
        example_file: "site.yaml",
        example: "base_url: /",
        fix: "Set `base_url:` to the address the site is published at \
            (`https://docs.example.com/`), or give one for a single build with \
            `polydocs build --base-url https://preview.example.com/`.",
    },
    DoubtfulBaseUrl {
        name: "doubtful-base-url",
        level: Level::Warning,
        area: Area::Site,
        summary: "`base_url` is on localhost or ends in a file name",
        explanation: "`base_url` is where visitors and search engines are sent by canonical \
            links, `hreflang` alternates and the sitemap. An address on this computer \
            (`localhost`, `127.0.0.1`) works only here; one that ends in a file name \
            (`https://example.com/docs/index.html`) publishes every page under a folder named \
            after the file.",
        example_file: "site.yaml",
        example: "base_url: http://localhost:8000/index.html",
        fix: "Write the folder the site is published at, such as `https://docs.example.com/`; \
            `polydocs serve` previews the site without any `base_url`.",
    },
    BadEditUrl {
        name: "bad-edit-url",
        level: Level::Error,
        area: Area::Site,
        summary: "`edit_url` is not an absolute http(s) address",
        explanation: "Every page built from a Markdown file links to `edit_url` followed by \
            the file's path from the site's folder (`content/fr/docs/x.md`), so that a reader \
            can propose a correction. The address must be absolute (http or https), without a \
            query string or fragment; a missing final `/` is added.",
        example_file: "site.yaml",
        example: "edit_url: github.com/acme/support/edit/main",
        fix: "Write the full address of the repository's editor up to the site's folder, such \
            as `https://github.com/acme/support/edit/main/`, or remove `edit_url` to show no \
            edit links.",
    },
    BadOutput {
        name: "bad-output",
        level: Level::Error,
        area: Area::Site,
        summary: "`output` names no folder",
        explanation: "`output:` is the folder `build` writes the site into. An empty value \
            would mean the site folder itself, which a build would then replace.",
        example_file: "site.yaml",
        example: "output: \"\"",
        fix: "Write a folder name such as `public`, or remove the key to use `public`.",
    },
    PseudoOutput {
        name: "pseudo-output",
        level: Level::Error,
        area: Area::Site,
        summary: "`build --pseudo` was asked to write into the published output folder",
        explanation: "The pseudo-language is a test of templates and layouts, not a language \
            for visitors. A pseudo build goes to its own folder (`public-pseudo/` beside \
            `public/`), so that one upload of the published folder can never show it, nor \
            name it in the chooser, the language switcher, the sitemap or `hreflang`.",
        example_file: "shell",
        example: "polydocs build --pseudo --output public",
        fix: "Leave out `--output`, or give a folder that is not the published one.",
    },
    UnsafeOutput {
        name: "unsafe-output",
        level: Level::Error,
        area: Area::Site,
        summary: "the output folder is one polydocs must not replace",
        explanation: "A build replaces the whole output folder. polydocs refuses a folder \
            whose loss would destroy something else: the root of the file system, your \
            home folder, the site folder or a folder holding it, a folder inside the \
            site's sources, a file, or a folder that is not empty and was not written \
            by polydocs.",
        example_file: "site.yaml",
        example: "output: content",
        fix: "Set `output:` (or `--output`) to a folder of its own, such as `public`.",
    },
    // --- any file ---------------------------------------------------------------------------
    UnreadableFile {
        name: "unreadable-file",
        level: Level::Error,
        area: Area::Files,
        summary: "a source file or folder cannot be read",
        explanation: "The operating system refused to read a file or list a folder of the \
            site (missing, permissions, a disk error). polydocs stops rather than build a \
            site with part of its sources left out.",
        example_file: "shell",
        example: "$ chmod 000 locales/fr/ui.ftl && polydocs check",
        fix: "Check that the file exists and that you may read it (and list its folder).",
    },
    AssetCollision {
        name: "asset-collision",
        level: Level::Error,
        area: Area::Files,
        summary: "a static file has the fingerprinted name of another",
        explanation: "Static files are published under a name holding a hash of their bytes \
            (`style.css` as `style.3f2a9c1e.css`) as well as their own. A file of `static/` \
            whose own name is another file's fingerprinted name would replace it, or be \
            replaced, without a word.",
        example_file: "static/",
        example: "static/evil.css\nstatic/evil.02402211.css",
        fix: "Rename the file: names of the form `<name>.<8 hex digits>.<extension>` are \
            polydocs' own.",
    },
    MissingAsset {
        name: "missing-asset",
        level: Level::Error,
        area: Area::Files,
        summary: "a stylesheet's url() names a file that is not in static/",
        explanation: "Stylesheets, scripts, images and fonts of static/ are published under \
            fingerprinted names (`style.3f2a9c1e.css`), and a stylesheet's `url(...)` \
            references to other files of the site are rewritten to those names. A reference \
            to a file that does not exist would be a broken image or font on every page. \
            (A template's `asset(path=...)` naming a missing file is reported as \
            template-render, at the call.)",
        example_file: "static/style.css",
        example: ".logo { background: url(icons/logo.svg); }",
        fix: "Add the file under static/, or correct the address: it is relative to the \
            stylesheet's own folder.",
    },
    NotUtf8 {
        name: "not-utf8",
        level: Level::Error,
        area: Area::Files,
        summary: "a source file is not valid UTF-8",
        explanation: "Every source is read as UTF-8, the only encoding the parsers and the \
            published pages use. A file saved in another encoding (Latin-1, UTF-16, a \
            legacy Windows code page) would show garbled letters; the position of the \
            first byte that is not UTF-8 is reported.",
        example_file: "locales/fr/ui.ftl",
        example: "site-title = Offres d\u{2019}assistance   (saved as Windows-1252)",
        fix: "Save the file as UTF-8 in your editor.",
    },
    FileTooLarge {
        name: "file-too-large",
        level: Level::Error,
        area: Area::Files,
        summary: "a source file is larger than 16 MiB",
        explanation: "No source of a documentation site comes near this size; a file that \
            does is most likely not a source (a log, a dump, a video renamed). Reading it \
            whole could exhaust memory, so it is refused.",
        example_file: "shell",
        example: "$ cp build.log content/en/docs/log.md",
        fix: "Split the file, or move large data out of the site's sources.",
    },
    Symlink {
        name: "symlink",
        level: Level::WarningOrError,
        area: Area::Files,
        summary: "a source is a symbolic link",
        explanation: "Links found while walking content/, locales/ or templates/ are not \
            followed, so the site builds the same on every machine: a warning for a link \
            to another file of the site (which is left out), an error for a link that \
            loops, leads nowhere, or leads outside the site (which could publish a file \
            from elsewhere on the machine).",
        example_file: "shell",
        example: "$ ln -s ~/notes.md content/en/notes.md",
        fix: "Replace the link with the file itself.",
    },
    RootFileCollision {
        name: "root-file-collision",
        level: Level::Error,
        area: Area::Files,
        summary: "a file of `root/` would replace a file the build writes",
        explanation: "The files under `root/` are published as they are at the root of the \
            output (`root/CNAME` → `/CNAME`, `root/.well-known/security.txt` → \
            `/.well-known/security.txt`), for the files hosts and crawlers read at the domain's \
            root only. The build writes some files there itself: `sitemap.xml`, `robots.txt`, \
            `404.html`, `index.html` (the language chooser), one folder a language and \
            `static/`. A file of `root/` that would replace one of them, or go into one of \
            those folders, is refused rather than silently winning or losing.",
        example_file: "root/sitemap.xml",
        example: "<urlset>...</urlset>",
        fix: "Remove or rename the file. The sitemap, robots.txt and 404 pages are made from the \
            site's pages and templates (override `templates/robots.txt` to change robots.txt); \
            a file for a language's folder belongs in its pages or in `static/`.",
    },
    // --- YAML and plan data -----------------------------------------------------------------
    YamlSyntax {
        name: "yaml-syntax",
        level: Level::Error,
        area: Area::Data,
        summary: "a YAML file (site.yaml, plan data, front matter) is not valid YAML",
        explanation: "The file cannot be read as YAML: usually an indentation that does not \
            line up, a missing `:` after a key, or an unclosed quote or bracket. The \
            position is where the reader gave up, which is at or just after the mistake.",
        example_file: "content/tiers.yaml",
        example: "tiers:\n  - id: online\n     name: tier-online",
        fix: "Correct the YAML at the position shown: align the keys of a mapping, close quotes \
            and brackets.",
    },
    YamlIndent {
        name: "yaml-indent",
        level: Level::Error,
        area: Area::Data,
        summary: "a YAML line is indented with a tab, or out of line with its neighbours",
        explanation: "YAML nests by indentation, and only with spaces: a tab in the \
            indentation is refused, and a key indented one space more or less than the keys \
            beside it belongs to no mapping (the reader then reports a missing key on another \
            line). The finding points at the line whose indentation is wrong.",
        example_file: "content/tiers.yaml",
        example: "tiers:\n  - id: online\n     name: tier-online",
        fix: "Indent with spaces, lining the key up with the keys of its entry.",
    },
    YamlType {
        name: "yaml-type",
        level: Level::Error,
        area: Area::Data,
        summary: "a YAML value has the wrong type or a key is unknown or missing",
        explanation: "The YAML is well formed but does not fit what polydocs reads there: a \
            key it does not know (often a misspelling), a required key left out, or a \
            value of the wrong kind (text where a number or `true`/`false` is expected).",
        example_file: "content/tiers.yaml",
        example: "  - id: online\n    name: tier-online\n    summary: tier-online-summary\n    paid: maybe",
        fix: "Check the key's spelling and the value's type; the message lists the keys \
            allowed there.",
    },
    YamlDuplicateKey {
        name: "yaml-duplicate-key",
        level: Level::Error,
        area: Area::Data,
        summary: "a key appears twice in one YAML mapping",
        explanation: "YAML readers disagree on which of two equal keys wins, and the second \
            is almost always a mistake (a copied line, a merge). polydocs refuses to guess.",
        example_file: "content/regions.yaml",
        example: "  - id: emea\n    opens: \"09:00\"\n    opens: \"08:00\"",
        fix: "Remove or rename one of the two keys.",
    },
    YamlLimit {
        name: "yaml-limit",
        level: Level::Error,
        area: Area::Data,
        summary: "a YAML file nests too deep or expands too much through aliases",
        explanation: "The YAML reader bounds nesting and the expansion of aliases (`*name` \
            repeating an `&name` anchor), so that a small file cannot take all the memory \
            or time of a build (the \"billion laughs\" attack). Site data never needs more \
            than a few levels.",
        example_file: "content/comparison.yaml",
        example: "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]",
        fix: "Write the values out instead of repeating aliases of aliases; flatten deep \
            nesting.",
    },
    BadMessageId {
        name: "bad-message-id",
        level: Level::Error,
        area: Area::Data,
        summary: "plan data names a label that is not a Fluent message ID",
        explanation: "Labels in plan data are Fluent message IDs, looked up in \
            locales/<code>/*.ftl. An ID starts with a letter and holds only ASCII letters, \
            digits, `-` and `_`; anything else can never be defined, so the label could \
            not be shown in any language.",
        example_file: "content/tiers.yaml",
        example: "  - id: online\n    name: Online support",
        fix: "Write a message ID (`tier-online`) and define it in every language's .ftl files.",
    },
    BadId {
        name: "bad-id",
        level: Level::Error,
        area: Area::Data,
        summary: "an ID in plan data holds characters other than a-z, 0-9 and -",
        explanation: "IDs of tiers, features, priorities, channels, resources and regions \
            appear in addresses and anchors (`/en/tiers/business/`, `#p1`), so they are \
            lowercase letters, digits and inner hyphens.",
        example_file: "content/tiers.yaml",
        example: "  - id: Business Plus",
        fix: "Use lowercase letters, digits and hyphens: `business-plus`.",
    },
    DuplicateId {
        name: "duplicate-id",
        level: Level::Error,
        area: Area::Data,
        summary: "two entries of plan data have the same ID",
        explanation: "IDs are how tables, pages and links refer to an entry; two entries \
            with one ID would make every reference ambiguous.",
        example_file: "content/channels.yaml",
        example: "  - id: phone\n    icon: phone\n  - id: phone\n    icon: chat",
        fix: "Give each entry its own ID.",
    },
    UnknownTier {
        name: "unknown-tier",
        level: Level::Error,
        area: Area::Data,
        summary: "a tier ID is used that content/tiers.yaml does not define",
        explanation: "Comparison values, response targets, resources and tier pages (`tier:` \
            in front matter) refer to tiers by their ID in content/tiers.yaml. A misspelt \
            ID would drop a value from the tables without a trace.",
        example_file: "content/comparison.yaml",
        example: "        tiers: { buisness: included }",
        fix: "Use one of the tier IDs of content/tiers.yaml (the hint lists them).",
    },
    PaidTiersOrder {
        name: "paid-tiers-order",
        level: Level::Error,
        area: Area::Data,
        summary: "a tier that is not paid comes after a paid tier",
        explanation: "The comparison table shows one \"paid support\" banner over the paid \
            tiers' columns, so the paid tiers must come last and together.",
        example_file: "content/tiers.yaml",
        example: "  - id: business\n    paid: true\n  - id: online\n    paid: false",
        fix: "List the tiers that are not paid first, then the paid ones.",
    },
    BadTierValue {
        name: "bad-tier-value",
        level: Level::Error,
        area: Area::Data,
        summary: "a comparison value is not one a tier can have",
        explanation: "In content/comparison.yaml a tier's value for a feature is `included`, \
            a whole number (how many), or a coverage window. These are language-neutral: \
            each language's messages say them in words, so free text is not allowed here.",
        example_file: "content/comparison.yaml",
        example: "        tiers: { business: yes }",
        fix: "Write `included`, a whole number, or one of 24x7, 24x5, business-hours, \
            business-days.",
    },
    BadCoverage {
        name: "bad-coverage",
        level: Level::Error,
        area: Area::Data,
        summary: "a response target's coverage is not a known coverage window",
        explanation: "Coverage windows are keywords each language translates (\"24x7\", \
            \"Heures d\u{2019}ouverture\"...): 24x7, 24x5, business-hours and business-days.",
        example_file: "content/response-targets.yaml",
        example: "      online: { coverage: weekdays, within: 4 h }",
        fix: "Write one of 24x7, 24x5, business-hours, business-days.",
    },
    BadDuration {
        name: "bad-duration",
        level: Level::Error,
        area: Area::Data,
        summary: "a response time is not a whole number and a unit",
        explanation: "Durations are written once, language-neutrally, and formatted by each \
            language with its plural rules (\"1 heure\", \"4 hours\", \"4 小時\"): a whole \
            number, a space and a unit (`min`, `h`, `days`).",
        example_file: "content/response-targets.yaml",
        example: "      online: { coverage: 24x7, within: an hour }",
        fix: "Write a whole number and a unit: `15 min`, `4 h`, `3 days`.",
    },
    MissingTarget {
        name: "missing-target",
        level: Level::Error,
        area: Area::Data,
        summary: "a priority has no response target for some tier",
        explanation: "The response-targets table has a cell for every priority and tier; a \
            missing target would leave a hole that reads as \"no response\".",
        example_file: "content/response-targets.yaml",
        example: "  - id: p1\n    targets:\n      online: { coverage: 24x7, within: 1 h }",
        fix: "Give every tier a coverage and a response time under `targets:`.",
    },
    MissingIcon {
        name: "missing-icon",
        level: Level::Error,
        area: Area::Data,
        summary: "a channel names an icon that static/icons/ does not hold",
        explanation: "A channel's `icon:` names an SVG file of static/icons/ (without \
            `.svg`); a missing file would be a broken image on every page listing channels.",
        example_file: "content/channels.yaml",
        example: "  - id: phone\n    icon: telephone",
        fix: "Add static/icons/<name>.svg, or name an icon that exists there.",
    },
    BadUrl {
        name: "bad-url",
        level: Level::Error,
        area: Area::Data,
        summary: "a resource address is not an http, https or mailto address",
        explanation: "Resource links are published as they are written; only addresses a \
            visitor can safely follow are accepted, never `javascript:` or `data:` ones, \
            nor addresses without a scheme (which would resolve inside the site).",
        example_file: "content/resources.yaml",
        example: "    url: www.example.com/training",
        fix: "Write a full address such as `https://www.example.com/training`.",
    },
    BadTime {
        name: "bad-time",
        level: Level::Error,
        area: Area::Data,
        summary: "an opening or closing time is not a 24-hour HH:MM time",
        explanation: "Times are written once, as 24-hour `HH:MM`, and formatted by each \
            language (\"6 h 00\", \"上午 6:00\", \"6:00 AM\"). Quote them, as the shipped \
            files do, so that YAML reads them as text.",
        example_file: "content/regions.yaml",
        example: "    opens: 9am",
        fix: "Write a quoted 24-hour time such as \"09:00\" or \"17:30\".",
    },
    ClosesBeforeOpens {
        name: "closes-before-opens",
        level: Level::Error,
        area: Area::Data,
        summary: "a region closes at or before the time it opens",
        explanation: "Business hours are a span within one day; a closing time that is not \
            after the opening time is almost always swapped or mistyped.",
        example_file: "content/regions.yaml",
        example: "  - id: emea\n    opens: \"17:00\"\n    closes: \"09:00\"",
        fix: "Make the closing time later than the opening time on the same day.",
    },
    UnknownNote {
        name: "unknown-note",
        level: Level::Error,
        area: Area::Data,
        summary: "a region refers to a note that is not listed under `notes:`",
        explanation: "A region's notes are numbered marks in the hours table, each explained \
            under it; a note that does not exist would be a mark without an explanation.",
        example_file: "content/regions.yaml",
        example: "    notes: [japan-language]",
        fix: "Name a note listed under `notes:` in the same file, or add it there.",
    },
    // --- Fluent messages --------------------------------------------------------------------
    MissingLocale {
        name: "missing-locale",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a language of site.yaml has no folder under locales/",
        explanation: "Every language listed in site.yaml should have locales/<code>/ with its \
            .ftl files. Until it does, every string of the language falls back along its \
            chain, visibly, and is reported.",
        example_file: "site.yaml",
        example: "  - code: de\n    tag: de\n    name: Deutsch\n# but no locales/de/",
        fix: "Create locales/<code>/ (copy the default language's files and translate them).",
    },
    FluentSyntax {
        name: "fluent-syntax",
        level: Level::Error,
        area: Area::Messages,
        summary: "a Fluent file has a syntax error",
        explanation: "An entry of a .ftl file cannot be read as Fluent: an unclosed `{`, a \
            missing `=`, a select expression without a `*` default variant, a line that \
            continues a message without being indented... The error points at the fault \
            and says what is wrong; the broken message is missing in this language until \
            it is fixed, and the messages after it are read as usual.\n\n\
            `build` refuses any syntax error: a broken file would otherwise publish pages \
            with text missing.",
        example_file: "locales/fr/ui.ftl",
        example: "skip-link = Aller au contenu {\nnav-label = Navigation principale",
        fix: "Correct the entry at the position shown, for instance close the placeable: \
            `{ $name }`. To write a brace as text, use `{\"{\"}`.",
    },
    FluentTooDeep {
        name: "fluent-too-deep",
        level: Level::Error,
        area: Area::Messages,
        summary: "placeables are nested more than 64 deep",
        explanation: "No message needs placeables nested this deep, and the Fluent parser \
            recurses once per level: the file is refused before parsing, so that it \
            cannot overflow the stack.",
        example_file: "locales/fr/ui.ftl",
        example: "title = { { { { { { { { { { { { { { { { { { { { ... \"x\" } } } ...",
        fix: "Close the `{` placeables; write the text out instead.",
    },
    DuplicateMessage {
        name: "duplicate-message",
        level: Level::Error,
        area: Area::Messages,
        summary: "a message is defined twice in one language",
        explanation: "Each message ID has one definition per language; with two, which one \
            shows depends on file order, and an edit to the other one would silently do \
            nothing. The first definition is kept until this is fixed.",
        example_file: "locales/fr/ui.ftl",
        example: "site-title = Offres d\u{2019}assistance\nsite-title = Assistance",
        fix: "Keep one of the two definitions (the hint says where the first one is).",
    },
    UnknownReference {
        name: "unknown-reference",
        level: Level::Error,
        area: Area::Messages,
        summary: "a message refers to a message or term its language does not define",
        explanation: "References (`{ other-message }`, `{ -brand }`) are resolved inside one \
            language's bundle: Fluent does not follow the fallback chain for them, so a \
            reference to something the language does not define shows as an error in the \
            page.",
        example_file: "locales/fr/ui.ftl",
        example: "footer-note = Proposé par { -marque }",
        fix: "Define the message or term in this language, or fix the name.",
    },
    UnknownVariable {
        name: "unknown-variable",
        level: Level::Error,
        area: Area::Messages,
        summary: "a translation uses a variable the source message does not have",
        explanation: "Variables (`{ $count }`) are given by polydocs; only those of the \
            default language's message (or named in its `# Variables:` comment) exist. Any \
            other variable is never set and shows as an error in the page, often because \
            it was translated or misspelt.",
        example_file: "locales/fr/ui.ftl",
        example: "fallback-notice = Cette page est affichée en { $langue }.",
        fix: "Use the variable names of the source message (the hint lists them).",
    },
    EmptyValue {
        name: "empty-value",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a message's value is empty",
        explanation: "An empty message shows nothing, with no fallback and no notice: the \
            visitor sees a blank where a word belongs. A message not yet translated is \
            better removed, so that it falls back visibly.",
        example_file: "locales/fr/ui.ftl",
        example: "skip-link = { \"\" }",
        fix: "Write the text, or remove the message so that it falls back visibly.",
    },
    NumericPluralKey {
        name: "numeric-plural-key",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a plural variant is keyed `[1]` where `[one]` is meant",
        explanation: "`[1]` matches the number 1 only, while `[one]` matches every number of \
            the language's `one` category (in French 0 and 1, in some languages 21, 31...). \
            With `[1]` alone, those other numbers take the default variant.",
        example_file: "locales/fr/ui.ftl",
        example: "duration-hours = { $count ->\n    [1] une heure\n   *[other] { $count } heures\n}",
        fix: "Write `[one]`.",
    },
    MissingPluralCategory {
        name: "missing-plural-category",
        level: Level::WarningOrError,
        area: Area::Messages,
        summary: "a plural select lacks a variant for a category the language needs",
        explanation: "Each language sorts numbers into its own plural categories (CLDR): \
            English one/other, Polish one/few/many/other, Chinese other only... A plural select \
            without a variant for a category the language uses shows the default variant \
            for those numbers, which is often grammatically wrong.\n\n\
            It is an error when a number the plan data really formats with the message falls \
            into the missing category (a duration of 1 day in German needs `one`, or visitors \
            read \"1 Tage\"), so the build refuses; a warning when no published number does.",
        example_file: "locales/de/plan.ftl",
        example: "duration-days = { $count ->\n   *[other] { $count } Tage\n}",
        fix: "Add a variant for each category the hint lists.",
    },
    MisspeltMessage {
        name: "misspelt-message",
        level: Level::WarningOrError,
        area: Area::Messages,
        summary: "a translation defines a message under a misspelling of a source ID",
        explanation: "The translation has a message the default language does not have, and \
            lacks one it has whose ID differs by a letter or two: almost certainly one \
            message with a typo in its ID. The translated text is never used, and pages show \
            the source text where it belongs. Reported once, where the misspelt ID is \
            written, instead of as an obsolete message and a missing one. Like a missing \
            message, it is an error under `--strict` when a page shows the fallback.",
        example_file: "locales/fr/plan.ftl",
        example: "tier-busines = Assistance Business",
        fix: "Correct the ID to the one the hint names.",
    },
    ObsoleteMessage {
        name: "obsolete-message",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a translation defines a message the default language does not have",
        explanation: "The default language's files are the list of messages. A message only \
            a translation has is never used: it was removed or renamed in the source, or \
            its ID is misspelt (and the real one is then missing).",
        example_file: "locales/fr/ui.ftl",
        example: "site-titel = Offres d\u{2019}assistance",
        fix: "Remove it, or rename it to the ID the default language uses.",
    },
    MessageInWrongFile {
        name: "message-in-wrong-file",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a translation defines a message in another file than its source does",
        explanation: "A language's messages are looked up by ID whatever their file, so the \
            message works; but a translator looks for it in the file named as the source's \
            (`plan.ftl` beside `plan.ftl`), the translation template for that file lists it \
            as still to translate, and a later copy of the file may define it twice.",
        example_file: "locales/fr/ui.ftl",
        example: "# locales/en/plan.ftl defines it\ntier-enterprise = Assistance Enterprise",
        fix: "Move the message to the file of the same name as the source's (the warning \
            names it).",
    },
    ObsoleteAttribute {
        name: "obsolete-attribute",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a translation has an attribute the source message does not have",
        explanation: "Attributes (`.title = ...`) are read by the templates by name; one the \
            source message lacks is never shown.",
        example_file: "locales/fr/ui.ftl",
        example: "breadcrumb-label = Fil d\u{2019}Ariane\n    .titre = Où vous êtes",
        fix: "Remove it, or rename it to an attribute of the source message.",
    },
    MissingAttribute {
        name: "missing-attribute",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a translation lacks an attribute the source message has",
        explanation: "Attributes (`.title = ...`) are text that belongs with the message, \
            such as a tooltip; whatever shows the source's attribute finds nothing in this \
            language.",
        example_file: "locales/fr/ui.ftl",
        example: "# en: breadcrumb-label = Breadcrumb\n#         .title = Where you are\nbreadcrumb-label = Fil d\u{2019}Ariane",
        fix: "Add `.name = ...` under the message, indented.",
    },
    MissingValue {
        name: "missing-value",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a translation has only attributes where the source message has a value",
        explanation: "A message's value is the text templates and plan data show; a \
            translation with attributes only has nothing to show there.",
        example_file: "locales/fr/ui.ftl",
        example: "breadcrumb-label =\n    .title = Où vous êtes",
        fix: "Write the text after `=`.",
    },
    DroppedVariable {
        name: "dropped-variable",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a translation leaves out a variable the source message uses",
        explanation: "The translation then shows less than the source: a count, a name or a \
            language that the visitor of this language never sees. Sometimes that is \
            intended (a language that needs no number); usually it is an oversight.",
        example_file: "locales/fr/ui.ftl",
        example: "# en: fallback-notice = ... in its original language ({ $language }).\nfallback-notice = Cette page n\u{2019}est pas encore traduite.",
        fix: "Place `{ $name }` where it belongs in the translation.",
    },
    MissingMessage {
        name: "missing-message",
        level: Level::WarningOrError,
        area: Area::Messages,
        summary: "a message of the default language is not translated",
        explanation: "The language does not define a message the default language has. \
            Until it is translated, pages show it from the next language of the fallback \
            chain; the finding names every place that shows it (one finding per message and \
            language). With `--strict`, a missing message that pages show is an error. A \
            message whose translation has a syntax error is reported as `fluent-syntax` \
            instead.",
        example_file: "locales/fr/ui.ftl",
        example: "# en/ui.ftl has nav-label = Main navigation; fr/ui.ftl has no nav-label",
        fix: "Add the message to the file the hint names.",
    },
    UnusedMessage {
        name: "unused-message",
        level: Level::Warning,
        area: Area::Messages,
        summary: "a message of the default language is used by nothing",
        explanation: "No plan data, template (`t(id=\"...\")`) or built-in text uses the \
            message, nor does another message refer to it: translators would translate it \
            for nothing. Often it was renamed where it is used.",
        example_file: "locales/en/ui.ftl",
        example: "old-banner = Try our new plans",
        fix: "Remove it, or use it.",
    },
    UnknownMessage {
        name: "unknown-message",
        level: Level::Error,
        area: Area::Messages,
        summary: "plan data or a template uses a message no language can show",
        explanation: "A message ID used by the plan data, a template or polydocs itself is \
            defined nowhere along some language's fallback chain, so that language would \
            show an error instead of text. (A message defined in the default language is \
            never unknown: other languages fall back to it.)",
        example_file: "templates/base.html",
        example: "<a href=\"#main\">{{ t(id=\"skip-to-content\") }}</a>",
        fix: "Define the message in the default language's files (locales/<default>/), or \
            fix the ID.",
    },
    MessageCycle {
        name: "message-cycle",
        level: Level::Error,
        area: Area::Messages,
        summary: "a message refers back to itself through its references",
        explanation: "A message that includes itself, directly or through other messages, \
            can never be formatted. It is reported at its definition rather than at each \
            template that uses it.",
        example_file: "locales/fr/ui.ftl",
        example: "site-title = { site-name }\nsite-name = { site-title }",
        fix: "Remove the reference that leads back to the message.",
    },
    MessageTooLarge {
        name: "message-too-large",
        level: Level::Error,
        area: Area::Messages,
        summary: "a message expands to more than 100 placeables",
        explanation: "Fluent stops formatting a message past 100 placeables, so that messages \
            referring to messages that refer to messages (a \"billion laughs\") cannot \
            blow up a page. No real message comes near.",
        example_file: "locales/fr/ui.ftl",
        example: "a = x\nb = { a }{ a }{ a }{ a }{ a }{ a }{ a }{ a }{ a }{ a }\nc = { b }{ b }{ b }{ b }{ b }{ b }{ b }{ b }{ b }{ b }\nd = { c }{ c }",
        fix: "Write the text out instead of nesting references to references.",
    },
    MessageFormat {
        name: "message-format",
        level: Level::Error,
        area: Area::Messages,
        summary: "a message could not be formatted while rendering a page",
        explanation: "While rendering, formatting a message failed: a variable polydocs does \
            not pass, a reference to something missing, a function given a wrong argument. \
            `check` finds most of these before a build; this is the error for the rest, \
            named with the message, the language and where it is defined.",
        example_file: "locales/fr/ui.ftl",
        example: "fallback-notice = Traduit de { $langue-source }.",
        fix: "Correct the message at the position shown, using the variables of the source \
            message.",
    },
    // --- translation state ------------------------------------------------------------------
    StrayPage {
        name: "stray-page",
        level: Level::Warning,
        area: Area::Translations,
        summary: "a translated page has no page of the same name in the default language",
        explanation: "Translations are matched to their source page by file name. A page \
            under a name the default language does not have is published as an extra page \
            of that language only, while the page it was meant to translate keeps falling \
            back to the source language: usually a file saved under a wrong name.",
        example_file: "content/de/",
        example: "content/de/channel.md, where the source page is content/en/channels.md",
        fix: "Rename the file to the source page's name (the hint names the closest one), \
            or add the page to the default language too.",
    },
    MissingPage {
        name: "missing-page",
        level: Level::WarningOrError,
        area: Area::Translations,
        summary: "a page of the default language is not translated",
        explanation: "A language has no page where the default language (or a language of \
            its fallback chain) has one, so its visitors are shown that other language's page \
            at the address of theirs, with a notice in their language. One finding per page \
            and language; with `--strict`, each is an error, for CI that requires complete \
            translations.",
        example_file: "content/fr/",
        example: "content/en/docs/setup.md exists, content/fr/docs/setup.md does not",
        fix: "Translate the page under the same name in the language's folder, or build \
            without `--strict` to publish with the fallback.",
    },
    OutdatedMessage {
        name: "outdated-message",
        level: Level::Warning,
        area: Area::Translations,
        summary: "the source of a message changed after its translation was marked up to date",
        explanation: "`polydocs mark` records in locales/<code>/translations.lock what each \
            message was translated from: its fingerprint and its text. When the default \
            language's message changes afterwards, its translation may say something else \
            now; the finding shows what changed in the source, word by word \
            (`[-removed-]{+added+}`), as `polydocs status` does.",
        example_file: "locales/en/ui.ftl",
        example: "# marked, then the source changed:\nfooter-note = This site is offered in three languages.",
        fix: "Update the translation, then run `polydocs mark <code> --message <id>`; `mark` \
            refuses a translation that did not change since its source did, unless the \
            source's change needs no new wording and you add `--force`.",
    },
    OutdatedPage {
        name: "outdated-page",
        level: Level::Warning,
        area: Area::Translations,
        summary: "the source of a page changed after its translation was marked up to date",
        explanation: "`polydocs mark` records in a translated page's front matter \
            (`source-hash:`) what it was translated from, and the source text itself in \
            locales/<code>/pages.lock. When the default language's page changes afterwards, \
            the translation is reported with what changed, word by word \
            (`[-removed-]{+added+}`), and the page tells visitors it may be out of date.\n\n\
            The page is compared block by block (title, description, headings, paragraphs, \
            list items, table rows, code blocks): each block that changed, was added or was \
            removed is one finding, at the translation's block that says it (the block of the \
            same kind and rank; for a new block, the one after which it goes), naming the \
            block's line in the source and giving its whole diff; at most 10 a page, the last \
            counting the rest (`polydocs status` lists them all). A page whose certified \
            source text was not recorded is reported as a whole, at line 1.",
        example_file: "content/en/hours.md",
        example: "# marked, then the English page gained a paragraph",
        fix: "Update the translation, then run `polydocs mark <code> --page <path>`; `mark` \
            refuses a page that did not change since its source did, unless the source's \
            change needs no new wording and you add `--force`.",
    },
    SameAsSource {
        name: "same-as-source",
        level: Level::WarningOrError,
        area: Area::Translations,
        summary: "a translation is the source text copied, not translated",
        explanation: "A message (or a page's body) of the language is identical to the \
            default language's: usually the source was copied and not yet translated. It is \
            counted as \"same as source\" in `polydocs status`, not as translated, and \
            `mark --all` leaves it unmarked, so a copy never passes for a translation. With \
            `--strict`, one that visitors see is an error, as a fallback is.\n\n\
            A text that is the same in both languages on purpose (a product name such as \
            \"Experience League\") is recorded as such with `polydocs mark <code> --message \
            <id> --include-identical` (or `--page`): the lock file notes it `same-as-source`, \
            and it counts as translated until its source changes. A message with no words \
            (`{ $coverage } / { $duration }`) is never reported.",
        example_file: "locales/de/ui.ftl",
        example: "# locales/en/ui.ftl has the same line\nfooter-note = This site is available in several languages.",
        fix: "Translate it; if it is the same on purpose, run `polydocs mark <code> --message \
            <id> --include-identical`.",
    },
    UntranslatedSentence {
        name: "untranslated-sentence",
        level: Level::Warning,
        area: Area::Translations,
        summary: "a sentence of a translated page is still in the source language",
        explanation: "A translated page holds a sentence (or a table cell, a list item, a \
            heading) written in the default language: left over when the page was \
            translated, or pasted in since. Each sentence of a page's text (code, link \
            addresses, URLs and paths left out) is weighed: for a language written in another \
            script (Chinese, Japanese, Korean, Russian, Arabic, Thai...), a sentence of five \
            Latin words or more, nearly all of its letters Latin, two of them among the \
            source's most common small words (`the`, `and`, `with`, `you`...); for a language \
            written in Latin letters, a sentence of six words or more, a quarter of them and \
            at least three such words of English (words that are also the language's own, \
            as German `was` or Portuguese `for`, do not count), with fewer of the language's \
            own small words. Short cells and product names are too short to tell, and are \
            left alone. It runs where the default language is English. At most three \
            findings a page, the third counting the rest.",
        example_file: "content/de/hours.md",
        example: "Die Zeiten gelten werktags. The notes on Japan are listed under the table.",
        fix: "Translate the sentence. A whole block left as in the source is reported as \
            `same-as-source` instead; if it is the same on purpose, `polydocs mark <code> \
            --page <path> --include-identical` certifies it.",
    },
    BadLockFile {
        name: "bad-lock-file",
        level: Level::Error,
        area: Area::Translations,
        summary: "a line of translations.lock or pages.lock is not in the form `mark` writes",
        explanation: "locales/<code>/translations.lock (messages) and pages.lock (pages) are \
            written by `polydocs mark`: per translation, a line with its ID (or page path), \
            a 16-digit fingerprint, optionally `same-as-source`, optionally \
            `translation=` and the translation's own fingerprint, then the source text it \
            was marked from, each line after `  | `. A line in another form (an edit by \
            hand, a merge conflict) cannot be read.",
        example_file: "locales/fr/translations.lock",
        example: "<<<<<<< HEAD\nsite-title 3f2a9c0d1e4b5a6c",
        fix: "Delete the line and run `polydocs mark <code> --all` again (or resolve the \
            merge).",
    },
    Typography {
        name: "typography",
        level: Level::Warning,
        area: Area::Translations,
        summary: "punctuation or spacing a French or Chinese reader would correct",
        explanation: "In French, `:` `;` `!` `?` and `»` take a no-break space (U+00A0) or a \
            narrow no-break space (U+202F) before them, and `«` one after it; a plain space lets \
            the line break before the mark, and no space at all is a slip. A number and the unit \
            after it (`6 h 00`, `15 minutes`, `3 jours`) are joined by no-break spaces, so that a \
            time or a duration never breaks across lines. A `:` or `?` glued to both sides \
            (`https://`, `10:30`) is left alone. In Chinese, `,` `;` `:` `?` `!` between Chinese \
            characters, and `(` `)` on the outer side of one, are half-width where the full-width \
            form belongs. Messages and pages (title, description and text outside code) are \
            checked, in languages whose tag starts with `fr` or `zh`.",
        example_file: "locales/fr/ui.ftl",
        example: "feature-with-value = { $feature } : { $value }",
        fix: "Write a no-break space (U+00A0, or U+202F) in place of the plain space at the \
            position shown, or the full-width mark in Chinese text. Your editor inserts U+00A0 \
            with Option+Space (macOS) or Ctrl+Shift+Space (many Linux editors).",
    },
    Terminology {
        name: "terminology",
        level: Level::Warning,
        area: Area::Translations,
        summary: "a translation does not use the glossary's rendering of a term its source holds",
        explanation: "`locales/glossary.yaml` lists terms of the default language and, per \
            language, the renderings a translation must use (`use:`, any one of them) and the \
            variants it must not (`avoid:`). A message or page whose source holds the term \
            (case and apostrophes aside) is reported when its translation has none of the \
            renderings (at the message ID, or the page's first line of text), and at each \
            variant it uses.",
        example_file: "locales/glossary.yaml",
        example: "terms:\n  - term: business functions\n    translations:\n      fr:\n        use: [fonctions commerciales]\n        avoid: [fonctions métier]",
        fix: "Write one of the renderings in the translation; if the glossary is wrong, \
            correct the glossary.",
    },
    // --- pages ------------------------------------------------------------------------------
    BadPageName {
        name: "bad-page-name",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page's file or folder name cannot be part of an address",
        explanation: "A page's path under content/<code>/ is its address (`docs/setup.md` → \
            `/en/docs/setup/`). Lowercase letters, digits and hyphens work on every host \
            and never need escaping; `_index.md` is a section's own page.",
        example_file: "content/en/",
        example: "content/en/Getting Started.md",
        fix: "Rename the file or folder with lowercase letters, digits and hyphens \
            (`getting-started.md`).",
    },
    MissingFrontMatter {
        name: "missing-front-matter",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page does not start with front matter",
        explanation: "Every page starts with YAML front matter between two `---` lines, \
            holding at least its title (used in navigation, the language switcher and \
            `<title>`).",
        example_file: "content/fr/hours.md",
        example: "# Horaires régionaux\n\nL\u{2019}assistance s\u{2019}organise en quatre régions.",
        fix: "Begin the file with `---`, `title: ...` and a closing `---` line.",
    },
    UnclosedFrontMatter {
        name: "unclosed-front-matter",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page's front matter has no closing `---` line",
        explanation: "Without the closing line, the whole page would be read as front \
            matter.",
        example_file: "content/fr/hours.md",
        example: "---\ntitle: Horaires régionaux\n\nL\u{2019}assistance s\u{2019}organise en quatre régions.",
        fix: "Add a line holding only `---` after the front matter.",
    },
    ControlCharacter {
        name: "control-character",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page's title or description holds a control character",
        explanation: "A title and a description are one line of text, shown in navigation, \
            `<title>`, search results and on every page that lists the page. A control \
            character (NUL, written `\\0` in a double-quoted YAML string, a line break, an \
            escape) or a bidirectional override (U+202A to U+202E, which reorders the text \
            after it: `exe.txt` shown as `txt.exe`) would reach all of them.",
        example_file: "content/en/docs/setup.md",
        example: "---\ntitle: \"Setup\\0\"\n---",
        fix: "Remove the character. Text in another direction needs none: write it as it is.",
    },
    MissingTitle {
        name: "missing-title",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page has no title",
        explanation: "The title is the page's `<h1>` and `<title>`, and names it in \
            navigation and the language switcher; an empty one would leave all of these \
            blank.",
        example_file: "content/fr/hours.md",
        example: "---\ntitle: \"\"\n---",
        fix: "Write the page's title after `title:`.",
    },
    UnknownTemplate {
        name: "unknown-template",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page asks for a template that templates/ does not hold",
        explanation: "`template:` in front matter picks the Tera template a page is rendered \
            with; it must name a file of templates/.",
        example_file: "content/fr/hours.md",
        example: "---\ntitle: Horaires régionaux\ntemplate: horaires.html\n---",
        fix: "Name a file of templates/, such as `page.html` or `hours.html`.",
    },
    DuplicateTierPage {
        name: "duplicate-tier-page",
        level: Level::Error,
        area: Area::Pages,
        summary: "two pages of one language present the same tier",
        explanation: "`tier:` in front matter makes a page the tier's page, which tables \
            link to; with two, links could go to either.",
        example_file: "content/en/tiers/business-plus.md",
        example: "---\ntitle: Business Plus\ntier: business\n---",
        fix: "Keep one page per tier and language.",
    },
    MissingHome {
        name: "missing-home",
        level: Level::Error,
        area: Area::Pages,
        summary: "the default language has no home page",
        explanation: "content/<default>/_index.md is the site's home page, which every other \
            language falls back to; without it the site has no entry point.",
        example_file: "content/en/",
        example: "content/en/_index.md is missing",
        fix: "Add content/<default>/_index.md.",
    },
    PageCollision {
        name: "page-collision",
        level: Level::Error,
        area: Area::Pages,
        summary: "two pages would be published at the same address",
        explanation: "`docs/setup.md`, `docs/setup/_index.md` and the page bundle \
            `docs/setup/index.md` are all published at `/<prefix>/docs/setup/`; one would \
            overwrite the other. A file beside the pages (a bundle's image) may not be named \
            `index.html`, nor be the language's `404.html` or under its `search/` folder, \
            which the build writes.",
        example_file: "content/en/",
        example: "content/en/docs/setup.md\ncontent/en/docs/setup/_index.md",
        fix: "Rename or remove one of the two files.",
    },
    ForeignFrontMatter {
        name: "foreign-front-matter",
        level: Level::Warning,
        area: Area::Pages,
        summary: "a page's front matter has a key of another site generator",
        explanation: "Pages brought from Hugo, Zola, Jekyll, Docusaurus or Starlight carry \
            keys polydocs does not use (`date`, `slug`, `linkTitle`, `tags`, \
            `sidebar_position`, ...). They are read past, so the page is published, and \
            reported once a run per key name (with how many other pages have it): the hint \
            says what polydocs offers instead, if anything. A key that is neither ours nor \
            another generator's is an error, with a did-you-mean when it is one of ours \
            misspelt.",
        example_file: "content/en/docs/setup.md",
        example: "---\ntitle: Setup\nslug: installation\nsidebar_position: 2\n---",
        fix: "Remove the key, or use what the hint names (`weight:` to order pages, \
            `aliases:` for old addresses, the file's name for the address).",
    },
    BadAlias {
        name: "bad-alias",
        level: Level::Error,
        area: Area::Pages,
        summary: "an alias (an old address of a page) cannot be published",
        explanation: "Each address of a page's `aliases:` is published as a small page that \
            sends the visitor on to the page (a meta refresh, a link, and `noindex` so that \
            search engines keep the new address). An alias is a path from the site's root as \
            Hugo writes it (`/en/docs/setup/`; polydocs adds the base path): it may not lead \
            to another site (`//host`, `https:`, `javascript:`), climb out with `..`, hold \
            spaces, `?`, `#` or `%`, replace a page or a file the build writes (the chooser, \
            a 404 page, `static/`, a search index), or be another page's alias. A page may \
            have at most 100 aliases.",
        example_file: "content/en/docs/install.md",
        example: "aliases: [../setup/, /en/docs/]",
        fix: "Write the old address from the site's root, such as `/en/docs/setup/`, and \
            remove aliases that are the address of a page that exists.",
    },
    BrokenLink {
        name: "broken-link",
        level: Level::Error,
        area: Area::Pages,
        summary: "a link or image in a page leads to no published page, file or heading",
        explanation: "Links and images are checked as a browser follows them: a relative \
            address from the page's own address (`docs/setup/`), a root-absolute one \
            (`/en/docs/`, `/static/images/a.png`) from the site's root under its base path. \
            They must lead to a page published in the page's language (its own or fallen \
            back) or a static file, and a `#fragment` to an id the target page is really \
            rendered with (its headings, and what its template marks). A link to nothing is \
            a 404 for the visitor; usually a page was renamed, a heading reworded, the link \
            names the page's Markdown file (`../linux.md`) instead of its address \
            (`../linux/`), or has one `../` too many or too few. Every broken link of every \
            page is reported in one run.",
        example_file: "content/fr/hours.md",
        example: "Voir [les délais de réponse](../delais-de-reponse/) et [les horaires](#horaire).",
        fix: "Link to a published page with a relative address such as \
            `../response-targets/` (or `/en/response-targets/` from the site's root, which \
            polydocs publishes as a relative address); for a heading, use the id made from its text \
            (`## Opening hours` → `#opening-hours`), as the hint suggests.",
    },
    UnsafeLink {
        name: "unsafe-link",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page links to an address of a scheme that is not allowed",
        explanation: "Links and images may point to http, https and mailto addresses, or to \
            pages and files of the site. Other schemes (`javascript:`, `data:`, \
            `vbscript:`...) can run code in the visitor's browser and are never published.",
        example_file: "content/fr/hours.md",
        example: "[Cliquez ici](javascript:alert(1))",
        fix: "Link to an http, https or mailto address, or to a page with a relative \
            address.",
    },
    MarkdownTooDeep {
        name: "markdown-too-deep",
        level: Level::Error,
        area: Area::Pages,
        summary: "a page nests lists, quotes or emphasis more than 128 levels deep",
        explanation: "Real pages stay under 20 levels. Past the limit, the HTML sanitizer \
            and browsers slow down with the square of the depth, so such a page could \
            stall a build or a visitor's browser.",
        example_file: "content/fr/hours.md",
        example: "> > > > > > > > > > > > > > > > > > > > ... (129 levels)",
        fix: "Flatten the structure: split deep lists and quotes into sections.",
    },
    CodeNotHighlighted {
        name: "code-not-highlighted",
        level: Level::Warning,
        area: Area::Pages,
        summary: "a fenced code block is too large or too costly to highlight and is shown plain",
        explanation: "Code blocks are coloured at build time by grammars of regular \
            expressions run line by line; their time grows with the length of a line, some \
            lines make them backtrack for very long, and deeply nested brackets slow every \
            line. A block larger than 64 KiB or 2 000 lines, or with a line longer than 2 000 \
            bytes, is not parsed. Every other block has a work budget, counted in the \
            grammar's own steps so that the site builds the same on every machine: a pattern \
            may backtrack 1 000 000 times in one search, the grammar may take 1 000 steps a \
            byte of the block and 100 000 more (a step is a search, or a byte searched; real \
            code takes up to some 130 a byte), and its scopes may nest 40 deep (real code \
            nests up to some 11; brackets inside strings do not count). A block past a limit is shown as plain text, and the \
            warning says which limit it reached: the page is published, only without colours \
            in that block.",
        example_file: "content/en/setup.md",
        example: "```json\n{\"data\": [1, 2, 3, ... one line of 100 000 characters ...]}\n```",
        fix: "Split the block into smaller ones, wrap its long lines, or mark it as \
            ```text when it is data rather than code meant to be read.",
    },
    ForeignShortcode {
        name: "foreign-shortcode",
        level: Level::Warning,
        area: Area::Pages,
        summary: "a page holds another tool's shortcode or tag, which polydocs publishes as written",
        explanation: "Hugo's shortcodes (`{{< tabs >}}`, `{{% note %}}`), Liquid tags of \
            Jekyll, Hexo and Eleventy (`{% note info %}`) and the admonitions of Docusaurus, \
            VuePress and Starlight (`:::note`) are not Markdown: polydocs does not run them, \
            and readers would see them as text. For notes and warnings polydocs renders \
            GitHub alerts: a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, \
            `[!WARNING]` or `[!CAUTION]` becomes a callout with a label in the reader's \
            language and an icon. The same text in a code block or inline code is not reported.",
        example_file: "content/en/setup.md",
        example: ":::warning\nBack up your data first.\n:::",
        fix: "Write a GitHub alert: `> [!WARNING]` on one line, then `> Back up your data \
            first.`; write other markup as Markdown, or in a code block to show it as code.",
    },
    // --- templates --------------------------------------------------------------------------
    MarkupInAttribute {
        name: "markup-in-attribute",
        level: Level::Warning,
        area: Area::Templates,
        summary: "`t()` is used inside a tag or `<title>` without `plain=true`",
        explanation: "`t()` returns HTML: the message's text escaped, and, when the page's \
            language lacks the message and it falls back, marked with its own language \
            (`<span lang=\"en\">...</span>`). An attribute value or a `<title>` cannot hold \
            markup: the day the message falls back, the tag breaks or the title shows the \
            markup.",
        example_file: "templates/base.html",
        example: "<nav aria-label=\"{{ t(id=\"nav-label\") }}\">",
        fix: "Write `t(id=\"nav-label\", plain=true)` there: it returns the text alone.",
    },
    TemplateSyntax {
        name: "template-syntax",
        level: Level::Error,
        area: Area::Templates,
        summary: "a template has a Tera syntax error",
        explanation: "The template cannot be parsed: an unclosed `{% if %}`, a tag without \
            its end tag, an expression missing where one is required...",
        example_file: "templates/page.html",
        example: "{% if %}\n<p>never</p>\n{% endif %}",
        fix: "Correct the template at the position shown.",
    },
    TemplateRender {
        name: "template-render",
        level: Level::Error,
        area: Area::Templates,
        summary: "a template failed while rendering a page",
        explanation: "The template parsed, but rendering it failed: a variable that does not \
            exist for this page, a filter given the wrong type, a division by zero...",
        example_file: "templates/page.html",
        example: "<h1>{{ page.heading }}</h1>",
        fix: "Correct the template at the position shown; the message says what failed.",
    },
    TemplateReference {
        name: "template-reference",
        level: Level::Error,
        area: Area::Templates,
        summary: "a template uses a filter, function, test or block that does not exist",
        explanation: "Tera checks every name a template uses once all templates are loaded: \
            filters, functions (`t`), tests, and blocks overridden from a parent. A \
            misspelt name is reported at its use.",
        example_file: "templates/page.html",
        example: "{{ page.title | upcase }}",
        fix: "Check the spelling: templates may use Tera's built-ins and `t()`; a block \
            must exist in the parent template.",
    },
    TemplateNotFound {
        name: "template-not-found",
        level: Level::Error,
        area: Area::Templates,
        summary: "a template includes or imports a template that does not exist",
        explanation: "`{% include %}` (and any other tag naming a template) names a file \
            of templates/; a missing one would fail every page using it.",
        example_file: "templates/base.html",
        example: "{% include \"partials/footer.html\" %}",
        fix: "Add the template under templates/, or use the name of an existing one.",
    },
    TemplateMissingParent {
        name: "template-missing-parent",
        level: Level::Error,
        area: Area::Templates,
        summary: "a template extends a template that does not exist",
        explanation: "`{% extends %}` names the parent a template fills in; without it the \
            template cannot be rendered.",
        example_file: "templates/page.html",
        example: "{% extends \"layout.html\" %}",
        fix: "Add the parent under templates/, or fix the name in `{% extends %}`.",
    },
    TemplateCycle {
        name: "template-cycle",
        level: Level::Error,
        area: Area::Templates,
        summary: "templates extend or include each other in a loop",
        explanation: "A template cannot extend or include itself, directly or through \
            others: rendering it would never end. The message shows the loop.",
        example_file: "templates/base.html",
        example: "{% extends \"page.html\" %}   (and page.html extends base.html)",
        fix: "Remove the `extends` or `include` that leads back to a template of the loop.",
    },
    Template {
        name: "template",
        level: Level::Error,
        area: Area::Templates,
        summary: "the templates cannot be loaded for another reason",
        explanation: "Tera refused the templates with an error none of the other \
            template codes covers; the message is Tera's own.",
        example_file: "templates/",
        example: "(any error Tera reports that has no code of its own)",
        fix: "Correct the templates under templates/ as the message says.",
    },
    LiteralTemplateText {
        name: "literal-template-text",
        level: Level::Warning,
        area: Area::Templates,
        summary: "words are written straight into a template, untranslated",
        explanation: "Text between tags, and `alt`, `title`, `aria-label` and `placeholder` \
            attributes, is shown to visitors; written into a template it appears in every \
            language as it is. `build --pseudo` makes such text easy to spot.",
        example_file: "templates/page.html",
        example: "<p>Last updated</p>",
        fix: "Move the words to a message in locales/<code>/ui.ftl and write \
            `{{ t(id=\"...\") }}` in the template.",
    },
    // --- output and preview -----------------------------------------------------------------
    OutputLocked {
        name: "output-locked",
        level: Level::Error,
        area: Area::Output,
        summary: "another build is writing the output folder",
        explanation: "A build takes a lock beside the output folder (`.public.lock`), so that \
            two builds never write it at once. A lock left by a build that was killed is \
            taken over; one held by a live process is not.",
        example_file: "shell",
        example: "$ polydocs build & polydocs build",
        fix: "Wait for the other build to finish; if none is running, delete the lock file \
            the message names.",
    },
    WriteFailed {
        name: "write-failed",
        level: Level::Error,
        area: Area::Output,
        summary: "the output could not be written",
        explanation: "Creating the staging folder, writing a page or swapping the new site \
            in failed (a full disk, permissions, a program holding the folder open). The \
            previous output is left as it was.",
        example_file: "shell",
        example: "$ chmod a-w . && polydocs build",
        fix: "Check free disk space and the permissions of the output folder and its \
            parent.",
    },
    CannotListen {
        name: "cannot-listen",
        level: Level::Error,
        area: Area::Output,
        summary: "`serve` cannot listen on the address and port asked for",
        explanation: "Another program uses the port, or the port needs privileges (below \
            1024), or the address is not one of this machine's.",
        example_file: "shell",
        example: "$ polydocs serve --port 80",
        fix: "Choose another `--port`, or `--port 0` for any free port.",
    },
    ServeFailed {
        name: "serve-failed",
        level: Level::Error,
        area: Area::Output,
        summary: "`serve` cannot start: watching files, handling Ctrl-C or starting a thread",
        explanation: "The preview needs to watch the site's files, stop cleanly on Ctrl-C and \
            run its server in a thread; the system refused one of them. On Linux, watching \
            fails when the inotify watches are exhausted.",
        example_file: "shell",
        example: "$ sysctl fs.inotify.max_user_watches=10 && polydocs serve",
        fix: "On Linux, raise fs.inotify.max_user_watches; otherwise the message says what \
            the system refused.",
    },
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_entry_is_complete_and_listed_once() {
        let mut names = BTreeSet::new();
        for (i, c) in CODES.iter().enumerate() {
            assert!(names.insert(c.name), "{} is registered twice", c.name);
            assert_eq!(
                c.code as usize, i,
                "{}: entries are in the order of `Code`",
                c.name
            );
            assert_eq!(c.code.as_str(), c.name);
            assert!(std::ptr::eq(c.code.entry(), c), "{}", c.name);
            assert_eq!(find(c.name).map(|e| e.code), Some(c.code));
            assert!(
                c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{}: codes are lowercase words and digits joined by hyphens",
                c.name
            );
            assert!(
                c.summary.starts_with(|ch: char| !ch.is_uppercase()) && !c.summary.ends_with('.'),
                "{}: a summary is one lowercase line without a final period",
                c.name
            );
            for (what, text) in [
                ("summary", c.summary),
                ("explanation", c.explanation),
                ("example_file", c.example_file),
                ("example", c.example),
                ("fix", c.fix),
            ] {
                assert!(!text.trim().is_empty(), "{}: empty {what}", c.name);
            }
            assert!(
                !c.summary.contains('\n'),
                "{}: a summary is one line",
                c.name
            );
        }
        // Entries of one area are together, so the registry reads in the order listed.
        let areas: Vec<Area> = CODES.iter().map(|c| c.area).collect();
        let mut seen = Vec::new();
        for a in areas {
            if seen.last() != Some(&a) {
                assert!(!seen.contains(&a), "{a:?} entries are not together");
                seen.push(a);
            }
        }
    }

    #[test]
    fn closest_codes_by_containment_then_edit_distance() {
        assert_eq!(closest("broken-lnk", 1), ["broken-link"]);
        assert_eq!(
            closest("syntax", 3),
            ["yaml-syntax", "fluent-syntax", "template-syntax"]
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(closest("nonsense", 3).len(), 3);
    }
}
