//! Checks of each language's Fluent files against the default language's, in the spirit of
//! compare-locales: obsolete messages, missing and obsolete attributes, variables, plural
//! variants, references, empty values. (Messages missing from a language are reported with
//! where they are used, by [`super::translations`].)

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::diagnostic::{Code, Diagnostic};
use crate::l10n::LocaleFile;
use crate::site::Site;
use crate::source::SourceFile;

/// What a lint needs to know of one message or term.
struct Entry<'a> {
    file: usize,
    id: &'a str,
    is_term: bool,
    has_value: bool,
    empty: bool,
    attributes: Vec<&'a str>,
    /// Variables used, each with its first occurrence.
    variables: BTreeMap<&'a str, &'a str>,
    /// Messages referenced (`{ other }`), and terms referenced (`{ -brand }`).
    messages: Vec<&'a str>,
    terms: Vec<&'a str>,
    selects: Vec<Select<'a>>,
}

/// A select expression: its variant keys as written.
struct Select<'a> {
    keys: Vec<VariantKey<'a>>,
}

struct VariantKey<'a> {
    text: &'a str,
    numeric: bool,
}

/// The entries of one language's files, by ID.
struct Catalog<'a> {
    /// The language's code: the subject of every finding in these files.
    code: &'a str,
    files: &'a [LocaleFile],
    /// Each file as a source, made when a finding first points into it.
    sources: Vec<OnceCell<SourceFile>>,
    entries: BTreeMap<&'a str, Entry<'a>>,
    /// Messages written in these files but not parsed: their syntax error is reported, so
    /// they are not reported missing (or obsolete) as well.
    broken: BTreeSet<&'a str>,
}

impl<'a> Catalog<'a> {
    fn new(code: &'a str, files: &'a [LocaleFile]) -> Catalog<'a> {
        let mut entries = BTreeMap::new();
        for (i, file) in files.iter().enumerate() {
            for entry in file.resource.entries() {
                let e = match entry {
                    ast::Entry::Message(m) => {
                        collect(i, m.id.name, false, m.value.as_ref(), &m.attributes)
                    }
                    ast::Entry::Term(t) => {
                        collect(i, t.id.name, true, Some(&t.value), &t.attributes)
                    }
                    _ => continue,
                };
                entries.entry(e.id).or_insert(e);
            }
        }
        let broken = files
            .iter()
            .flat_map(|f| f.broken.iter().map(String::as_str))
            .collect();
        Catalog {
            code,
            files,
            sources: files.iter().map(|_| OnceCell::new()).collect(),
            entries,
            broken,
        }
    }

    /// The variables the translator comment of message `id` names: the `#` lines right above
    /// its definition (a blank line detaches a comment, as in Fluent). Bundles are parsed
    /// without comments, so the lines are read from the file's text, only when asked.
    fn documented(&self, id: &str) -> BTreeSet<&'a str> {
        let Some(entry) = self.entries.get(id) else {
            return BTreeSet::new();
        };
        let text = self.files[entry.file].resource.source();
        let start = (entry.id.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let before = &text[..start.min(text.len())];
        before
            .lines()
            .rev()
            .skip(usize::from(!before.ends_with('\n')))
            .take_while(|line| line.starts_with('#'))
            .flat_map(documented_variables)
            .collect()
    }

    /// A finding about `entry` of this catalog, pointing at `slice` of its definition.
    fn at(&self, d: Diagnostic, entry: &Entry, slice: &str) -> Diagnostic {
        let file = entry.file;
        let res = &self.files[file].resource;
        let start = res.source().as_ptr() as usize;
        let offset = (slice.as_ptr() as usize).saturating_sub(start);
        let source = self.sources[file].get_or_init(|| self.files[file].source());
        d.at_range(source, offset..offset + slice.len())
            .in_language(self.code)
            .about_message(entry.id)
    }
}

fn collect<'a>(
    file: usize,
    id: &'a str,
    is_term: bool,
    value: Option<&'a ast::Pattern<&'a str>>,
    attributes: &'a [ast::Attribute<&'a str>],
) -> Entry<'a> {
    let mut e = Entry {
        file,
        id,
        is_term,
        has_value: value.is_some(),
        empty: value.is_some_and(is_empty),
        attributes: attributes.iter().map(|a| a.id.name).collect(),
        variables: BTreeMap::new(),
        messages: Vec::new(),
        terms: Vec::new(),
        selects: Vec::new(),
    };
    for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
        walk_pattern(pattern, &mut e);
    }
    e
}

/// `$name` words in a comment line.
fn documented_variables(line: &str) -> Vec<&str> {
    line.match_indices('$')
        .filter_map(|(i, _)| {
            let rest = &line[i + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            (end > 0).then(|| &rest[..end])
        })
        .collect()
}

fn is_empty(p: &ast::Pattern<&str>) -> bool {
    p.elements.iter().all(|el| match el {
        ast::PatternElement::TextElement { value } => value.trim().is_empty(),
        ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
        } => value.trim().is_empty(),
        _ => false,
    })
}

fn walk_pattern<'a>(p: &'a ast::Pattern<&'a str>, e: &mut Entry<'a>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            walk_expression(expression, e);
        }
    }
}

fn walk_expression<'a>(x: &'a ast::Expression<&'a str>, e: &mut Entry<'a>) {
    match x {
        ast::Expression::Inline(inline) => walk_inline(inline, e),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, e);
            e.selects.push(Select {
                keys: variants
                    .iter()
                    .map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => VariantKey {
                            text: name,
                            numeric: false,
                        },
                        ast::VariantKey::NumberLiteral { value } => VariantKey {
                            text: value,
                            numeric: true,
                        },
                    })
                    .collect(),
            });
            for v in variants {
                walk_pattern(&v.value, e);
            }
        }
    }
}

fn walk_inline<'a>(x: &'a ast::InlineExpression<&'a str>, e: &mut Entry<'a>) {
    match x {
        ast::InlineExpression::VariableReference { id } => {
            e.variables.entry(id.name).or_insert(id.name);
        }
        ast::InlineExpression::MessageReference { id, .. } => e.messages.push(id.name),
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            e.terms.push(id.name);
            if let Some(args) = arguments {
                walk_arguments(args, e);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => walk_arguments(arguments, e),
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, e),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_arguments<'a>(args: &'a ast::CallArguments<&'a str>, e: &mut Entry<'a>) {
    for a in &args.positional {
        walk_inline(a, e);
    }
    for a in &args.named {
        walk_inline(&a.value, e);
    }
}

/// A language's cardinal plural rules, looked up by its bare language as CLDR keys them.
fn plural_rules(tag: &str) -> Option<PluralRules> {
    let langid: unic_langid::LanguageIdentifier = tag.parse().ok()?;
    let bare = unic_langid::LanguageIdentifier::from_parts(langid.language, None, None, &[]);
    PluralRules::create(bare, PluralRuleType::CARDINAL).ok()
}

/// The plural category of `n` under `rules`, as Fluent variant keys name it.
fn category_of(rules: &PluralRules, n: u32) -> Option<&'static str> {
    Some(match rules.select(n).ok()? {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    })
}

/// The plural categories whole numbers (0 to 1000) fall into under `rules`.
fn needed_categories(rules: &PluralRules) -> BTreeSet<&'static str> {
    (0..=1000u32)
        .filter_map(|n| category_of(rules, n))
        .collect()
}

/// The plural categories a language's whole numbers need, in CLDR's order (`one`, `other`):
/// the variants a translation of a plural message writes. `other` alone when the language's
/// rules are unknown.
pub fn plural_categories(tag: &str) -> Vec<&'static str> {
    let needed = plural_rules(tag)
        .map(|r| needed_categories(&r))
        .unwrap_or_default();
    let mut out: Vec<&'static str> = CATEGORIES
        .iter()
        .copied()
        .filter(|c| needed.contains(c))
        .collect();
    if out.is_empty() {
        out.push("other");
    }
    out
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Every Fluent finding of every language. `counts` holds, per message, the numbers the plan
/// formats it with: a plural category one of them selects is an error when missing.
///
/// Each rule is a function of one entry of one language (and, for the rules that compare
/// with the default language, its source entry), so that a rule is added beside the others.
pub(crate) fn lint(
    site: &Site,
    used: Option<&BTreeSet<String>>,
    counts: &BTreeMap<&'static str, BTreeSet<u32>>,
    out: &mut Vec<Diagnostic>,
) {
    let default = site.config.default;
    let source = Catalog::new(
        &site.config.default_language().code,
        &site.locales.files[default],
    );
    for (lang, language) in site.config.languages.iter().enumerate() {
        if language.pseudo {
            continue;
        }
        // The default language's own catalog is the source's: built once.
        let own;
        let catalog = if lang == default {
            &source
        } else {
            own = Catalog::new(&language.code, &site.locales.files[lang]);
            &own
        };
        let plurals = Plurals::of(&language.tag);
        for entry in catalog.entries.values() {
            unknown_references(catalog, entry, out);
            empty_value(catalog, entry, out);
            for select in &entry.selects {
                plural_variants(catalog, entry, select, &plurals, counts, out);
            }
            if lang != default && !entry.is_term {
                against_source(site, &source, catalog, entry, out);
            }
        }
    }
    if let Some(used) = used {
        unused_messages(&source, used, out);
    }
}

/// The rules that compare a translated message with the default language's: first whether
/// the source has it at all, then, when it does, each difference that matters.
fn against_source(
    site: &Site,
    source: &Catalog,
    catalog: &Catalog,
    entry: &Entry,
    out: &mut Vec<Diagnostic>,
) {
    let Some(src) = source_entry(site, source, catalog, entry, out) else {
        return;
    };
    wrong_file(source, catalog, entry, src, out);
    attributes(catalog, entry, src, out);
    missing_value(catalog, entry, src, out);
    variables(source, catalog, entry, src, out);
}

/// References must resolve inside the language's own bundle: Fluent does not follow the
/// fallback chain for them.
fn unknown_references(catalog: &Catalog, entry: &Entry, out: &mut Vec<Diagnostic>) {
    let code = catalog.code;
    for m in &entry.messages {
        if catalog.entries.get(m).is_none_or(|e| e.is_term) {
            out.push(
                catalog.at(
                    Diagnostic::error(
                        Code::UnknownReference,
                        format!("message `{m}` is referenced here but not defined in {code}"),
                    )
                    .hint("define it in this language, or fix the name"),
                    entry,
                    m,
                ),
            );
        }
    }
    for t in &entry.terms {
        if !catalog.entries.get(t).is_some_and(|e| e.is_term) {
            out.push(
                catalog.at(
                    Diagnostic::error(
                        Code::UnknownReference,
                        format!("term `-{t}` is referenced here but not defined in {code}"),
                    )
                    .hint("define the term in this language, or fix the name"),
                    entry,
                    t,
                ),
            );
        }
    }
}

/// A blank value shows nothing at all, where a missing message would fall back visibly to
/// another language's text: removing it is often the better fix.
fn empty_value(catalog: &Catalog, entry: &Entry, out: &mut Vec<Diagnostic>) {
    if entry.empty {
        out.push(
            catalog.at(
                Diagnostic::warning(
                    Code::EmptyValue,
                    format!("`{}` has an empty value", entry.id),
                )
                .hint("write the text, or remove the message so that it falls back visibly"),
                entry,
                entry.id,
            ),
        );
    }
}

/// A language's plural rules and the categories its plural variants need, when CLDR has them.
struct Plurals {
    rules: Option<PluralRules>,
    needed: Option<BTreeSet<&'static str>>,
}

impl Plurals {
    fn of(tag: &str) -> Plurals {
        let rules = plural_rules(tag);
        let needed = rules.as_ref().map(needed_categories);
        Plurals { rules, needed }
    }
}

/// The rules of a plural select (one with a numeric key or a CLDR category as a key): `[1]`
/// where the language has a `one` category, and the categories the language needs that it
/// lacks. A select with no such key (`[masculine]`, `*[feminine]`) is not plural: left alone.
fn plural_variants(
    catalog: &Catalog,
    entry: &Entry,
    select: &Select,
    plurals: &Plurals,
    counts: &BTreeMap<&'static str, BTreeSet<u32>>,
    out: &mut Vec<Diagnostic>,
) {
    let plural = select
        .keys
        .iter()
        .any(|k| k.numeric || CATEGORIES.contains(&k.text));
    if !plural {
        return;
    }
    numeric_one(catalog, entry, select, plurals, out);
    missing_categories(catalog, entry, select, plurals, counts, out);
}

/// A `[1]` variant where the language has a `one` category: it matches only the number 1,
/// where `[one]` matches every number the language says as one (21 in Russian, 0 in French).
fn numeric_one(
    catalog: &Catalog,
    entry: &Entry,
    select: &Select,
    plurals: &Plurals,
    out: &mut Vec<Diagnostic>,
) {
    for key in select.keys.iter().filter(|k| k.numeric && k.text == "1") {
        if plurals.needed.as_ref().is_some_and(|n| n.contains("one")) {
            out.push(catalog.at(
                Diagnostic::warning(Code::NumericPluralKey, "variant `[1]` matches only the number 1")
                    .hint("write `[one]` to match every number of the `one` category of this language"),
                entry,
                key.text,
            ));
        }
    }
}

/// The plural categories the language's numbers fall into that a plural select has no
/// variant for: an error when the plan formats the message with such a number (visitors would
/// read the default variant), else a warning.
fn missing_categories(
    catalog: &Catalog,
    entry: &Entry,
    select: &Select,
    plurals: &Plurals,
    counts: &BTreeMap<&'static str, BTreeSet<u32>>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(needed) = &plurals.needed else {
        return;
    };
    let code = catalog.code;
    let present: BTreeSet<&str> = select.keys.iter().map(|k| k.text).collect();
    let missing: Vec<&str> = needed
        .iter()
        .filter(|c| !present.contains(*c))
        .copied()
        .collect();
    if missing.is_empty() {
        return;
    }
    // Numbers the plan really formats with this message that fall into a missing category:
    // visitors would read the default variant ("1 Tage").
    let shown = counts
        .get(entry.id)
        .into_iter()
        .flatten()
        .filter_map(|&n| category_of(plurals.rules.as_ref()?, n).map(|c| (n, c)))
        .find(|(_, c)| missing.contains(c));
    let d = match shown {
        Some((n, category)) => Diagnostic::error(
            Code::MissingPluralCategory,
            format!(
                "`{}` has no `[{category}]` variant, which the plan data needs in {code}: {n} is `{category}`, and pages would show it with the default variant",
                entry.id
            ),
        ),
        None => Diagnostic::warning(
            Code::MissingPluralCategory,
            format!(
                "`{}` has no variant for the plural categor{} {} of {code}",
                entry.id,
                if missing.len() == 1 { "y" } else { "ies" },
                missing.join(", ")
            ),
        ),
    };
    out.push(catalog.at(
        d.hint(format!(
            "{code} needs variants for: {}",
            needed.iter().copied().collect::<Vec<_>>().join(", ")
        )),
        entry,
        entry.id,
    ));
}

/// The default language's entry for a translated `entry`; without one, the entry is
/// obsolete (unless the source failed to parse it, which is reported as its syntax error).
fn source_entry<'s>(
    site: &Site,
    source: &'s Catalog,
    catalog: &Catalog,
    entry: &Entry,
    out: &mut Vec<Diagnostic>,
) -> Option<&'s Entry<'s>> {
    let src = source.entries.get(entry.id);
    if src.is_none()
        && entry.id != crate::l10n::time::OVERRIDE_ID
        && !source.broken.contains(entry.id)
    {
        out.push(
            catalog.at(
                Diagnostic::warning(
                    Code::ObsoleteMessage,
                    format!(
                        "`{}` is not in the default language ({})",
                        entry.id,
                        site.config.default_language().code
                    ),
                )
                .hint("remove it, or rename it to the ID the default language uses"),
                entry,
                entry.id,
            ),
        );
    }
    src
}

/// A message defined in another file than the source's: named with the file it belongs in.
fn wrong_file(
    source: &Catalog,
    catalog: &Catalog,
    entry: &Entry,
    src: &Entry,
    out: &mut Vec<Diagnostic>,
) {
    let name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_string();
    let (here, there) = (
        &catalog.files[entry.file].display,
        &source.files[src.file].display,
    );
    if name(here) == name(there) {
        return;
    }
    let folder = here.rsplit_once('/').map_or("", |(folder, _)| folder);
    let right = format!("{folder}/{}", name(there));
    out.push(catalog.at(
        Diagnostic::warning(
            Code::MessageInWrongFile,
            format!(
                "`{}` is defined in {here}, but its source is in {there}: it belongs in {right}",
                entry.id
            ),
        )
        .hint(format!("move it to {right}")),
        entry,
        entry.id,
    ));
}

/// Attributes the translation has and the source does not, and the reverse.
fn attributes(catalog: &Catalog, entry: &Entry, src: &Entry, out: &mut Vec<Diagnostic>) {
    for a in &entry.attributes {
        if !src.attributes.contains(a) {
            out.push(
                catalog.at(
                    Diagnostic::warning(
                        Code::ObsoleteAttribute,
                        format!(
                            "attribute `.{a}` of `{}` is not in the default language",
                            entry.id
                        ),
                    )
                    .hint("remove it, or rename it to an attribute of the source message"),
                    entry,
                    a,
                ),
            );
        }
    }
    for a in &src.attributes {
        if !entry.attributes.contains(a) {
            out.push(
                catalog.at(
                    Diagnostic::warning(
                        Code::MissingAttribute,
                        format!(
                            "`{}` has no attribute `.{a}`, which the default language has",
                            entry.id
                        ),
                    )
                    .hint(format!("add `.{a} = ...` under the message")),
                    entry,
                    entry.id,
                ),
            );
        }
    }
}

/// A translation with attributes only, where the source has a value too: the text itself was
/// left out.
fn missing_value(catalog: &Catalog, entry: &Entry, src: &Entry, out: &mut Vec<Diagnostic>) {
    if src.has_value && !entry.has_value {
        out.push(
            catalog.at(
                Diagnostic::warning(
                    Code::MissingValue,
                    format!(
                        "`{}` has no value, which the default language has",
                        entry.id
                    ),
                )
                .hint("write the text after `=`"),
                entry,
                entry.id,
            ),
        );
    }
}

/// Variables the translation uses that the source neither uses nor documents, and variables
/// of the source the translation drops.
fn variables(
    source: &Catalog,
    catalog: &Catalog,
    entry: &Entry,
    src: &Entry,
    out: &mut Vec<Diagnostic>,
) {
    for (var, slice) in &entry.variables {
        if src.variables.contains_key(var) {
            continue;
        }
        let documented = source.documented(src.id);
        if !documented.contains(var) {
            out.push(
                catalog.at(
                    Diagnostic::error(
                        Code::UnknownVariable,
                        format!("`${var}` is not a variable of `{}`", entry.id),
                    )
                    .hint(format!(
                        "the source message has: {}",
                        vars(src, &documented)
                    )),
                    entry,
                    slice,
                ),
            );
        }
    }
    for var in src.variables.keys() {
        if !entry.variables.contains_key(var) {
            out.push(
                catalog.at(
                    Diagnostic::warning(
                        Code::DroppedVariable,
                        format!(
                            "`{}` does not use `${var}`, which the source uses",
                            entry.id
                        ),
                    )
                    .hint(format!(
                        "place {{ ${var} }} where it belongs in the translation"
                    )),
                    entry,
                    entry.id,
                ),
            );
        }
    }
}

/// Messages of the default language that nothing uses.
fn unused_messages(source: &Catalog, used: &BTreeSet<String>, out: &mut Vec<Diagnostic>) {
    let referenced: BTreeSet<&str> = source
        .entries
        .values()
        .flat_map(|e| e.messages.iter().copied())
        .collect();
    for entry in source.entries.values() {
        if entry.is_term
            || referenced.contains(entry.id)
            || used.contains(entry.id)
            || entry.id == crate::l10n::time::OVERRIDE_ID
        {
            continue;
        }
        out.push(
            source.at(
                Diagnostic::warning(
                    Code::UnusedMessage,
                    format!(
                        "`{}` is not used by the plan data, the templates or polydocs",
                        entry.id
                    ),
                )
                .hint("remove it, or use it"),
                entry,
                entry.id,
            ),
        );
    }
}

/// The variables a finding lists as the source message's: those it uses and those its
/// comment documents, which a translation may use too.
fn vars(e: &Entry, documented: &BTreeSet<&str>) -> String {
    let all: BTreeSet<&str> = e
        .variables
        .keys()
        .copied()
        .chain(documented.iter().copied())
        .collect();
    if all.is_empty() {
        "no variables".into()
    } else {
        all.iter()
            .map(|v| format!("${v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
