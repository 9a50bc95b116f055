//! Every claim of the support site's prose is backed by a fact the project lists.
//!
//! `content/facts/<page>.yaml` (beside `content/<code>/<page>.md`) lists the facts a prose page
//! states, each backed by the published support page's own words (which page, and the
//! sentence, quoted) or by the plan data it is computed from (a file of `content/` and a key),
//! with the words that state it on the page in each language (`says:`).
//!
//! The rules, kept simple enough to explain:
//! 1. In each language's page (title, description and text; not link addresses or code), a
//!    claim is a number (digits, or a number word: "four", « quatre », 四種 — not an ordinal
//!    such as 第一次 nor the article 一個), a tier's name, a support channel, or a word of
//!    every/only/most/never/all (and their French and Chinese equivalents, listed below;
//!    最 of 最初, "initial", is not "most").
//! 2. Each claim must lie inside a phrase one of the page's facts `says` in that language.
//! 3. Each fact is backed: a quote names a published page of `content/facts/sources.yaml` and
//!    gives its sentence; a data key resolves in the plan data (an entry's `id`, then keys).
//! 4. Every phrase a fact `says` is on the page (facts do not outlive the text they back).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::shipped_root;

const LANGUAGES: [&str; 3] = ["en", "fr", "zh-TW"];

/// Words that state how many, which tier, which channel, or every/only/most/never/all.
fn vocabulary(lang: &str) -> Vocabulary {
    match lang {
        "en" => Vocabulary {
            numbers: &[
                "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen",
            ],
            tiers: &["Online", "Business", "Enterprise", "Elite"],
            channels: &[
                "forum",
                "forums",
                "Office Hours",
                "Experience League",
                "self-help portal",
                "chat",
                "phone",
            ],
            quantifiers: &["every", "only", "most", "never", "all"],
        },
        "fr" => Vocabulary {
            numbers: &[
                "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "quinze",
            ],
            tiers: &[
                "Assistance en ligne",
                "Assistance commerciale",
                "Assistance aux entreprises",
                "Assistance Elite",
                "Elite",
            ],
            channels: &[
                "forum",
                "forums",
                "Office Hours",
                "Experience League",
                "portail d'aide automatique",
                "messagerie instantanée",
                "téléphone",
                "téléphonique",
            ],
            quantifiers: &[
                "tout",
                "tous",
                "toute",
                "toutes",
                "chaque",
                "seul",
                "seule",
                "seuls",
                "seules",
                "seulement",
                "uniquement",
                "plupart",
                "jamais",
                "aucun",
                "aucune",
            ],
        },
        _ => Vocabulary {
            numbers: &[],
            tiers: &["標準支援", "商務支援", "企業支援", "菁英支援"],
            channels: &[
                "論壇",
                "諮詢時間",
                "Experience League",
                "自助式入口網站",
                "聊天",
                "電話",
            ],
            quantifiers: &[
                "所有", "每", "僅", "只", "唯一", "最", "絕不", "從不", "全部", "任何",
            ],
        },
    }
}

struct Vocabulary {
    numbers: &'static [&'static str],
    tiers: &'static [&'static str],
    channels: &'static [&'static str],
    quantifiers: &'static [&'static str],
}

/// A claim found on a page: where (byte range in the folded text), what and of which kind.
#[derive(Debug)]
struct Claim {
    range: std::ops::Range<usize>,
    word: String,
    kind: &'static str,
}

/// A page's text with no-break spaces as spaces and `’` as `'` (one character for one, so
/// that phrases copied by hand match), and the parts that are not prose blanked out.
struct PageText {
    folded: String,
    prose: String,
    original: String,
}

fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' => ' ',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

/// Blanks (with spaces, byte for byte) what is not prose: front matter other than the
/// title and description, link addresses, footnote markers and code.
fn prose_of(folded: &str) -> String {
    let mut out: Vec<u8> = folded.as_bytes().to_vec();
    let blank = |out: &mut Vec<u8>, r: std::ops::Range<usize>| {
        for b in &mut out[r] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    // Front matter.
    if let Some(rest) = folded.strip_prefix("---\n") {
        let end = rest.find("\n---").map_or(folded.len(), |e| e + 8);
        let mut at = 0;
        for line in folded[..end].split_inclusive('\n') {
            let keep = ["title: ", "description: "]
                .iter()
                .find(|k| line.starts_with(**k))
                .map(|k| k.len());
            match keep {
                Some(k) => blank(&mut out, at..at + k),
                None => blank(&mut out, at..at + line.len()),
            }
            at += line.len();
        }
    }
    // Link addresses `](...)`, footnote markers `[^1]`, code spans.
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"](") {
            let end = folded[i..].find(')').map_or(bytes.len(), |e| i + e + 1);
            blank(&mut out, i..end);
            i = end;
        } else if bytes[i..].starts_with(b"[^") {
            let end = folded[i..].find(']').map_or(bytes.len(), |e| i + e + 1);
            blank(&mut out, i..end);
            i = end;
        } else if bytes[i] == b'`' {
            let end = folded[i + 1..].find('`').map_or(bytes.len(), |e| i + e + 2);
            blank(&mut out, i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only ASCII bytes were replaced")
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() && !is_han(c))
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// The claims of a page's prose, by the rules above.
fn claims(text: &PageText, lang: &str) -> Vec<Claim> {
    let prose = &text.prose;
    let mut out = Vec::new();
    // Numbers: a run of letters and digits holding a digit ("4", "P1", "24x7x365").
    let mut start = None;
    for (i, c) in prose.char_indices().chain([(prose.len(), ' ')]) {
        let part = c.is_ascii_alphanumeric();
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &prose[s..i];
                if word.chars().any(|c| c.is_ascii_digit()) {
                    out.push(Claim {
                        range: s..i,
                        word: word.to_string(),
                        kind: "number",
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    // Chinese numbers: numerals before a counter (四種, 十五位, 兩次).
    if lang.starts_with("zh") {
        let chars: Vec<(usize, char)> = prose.char_indices().collect();
        let numeral = |c: char| "一二兩三四五六七八九十".contains(c);
        let mut i = 0;
        while i < chars.len() {
            if numeral(chars[i].1) {
                let mut j = i;
                while j < chars.len() && numeral(chars[j].1) {
                    j += 1;
                }
                // Not an ordinal (第一次, "the first time") nor the article 一個 ("a").
                let ordinal = i > 0 && chars[i - 1].1 == '第';
                let article =
                    j == i + 1 && chars[i].1 == '一' && chars.get(j).is_some_and(|c| c.1 == '個');
                if !ordinal && !article && j < chars.len() && "種位次個項".contains(chars[j].1)
                {
                    let end = chars.get(j + 1).map_or(prose.len(), |c| c.0);
                    out.push(Claim {
                        range: chars[i].0..end,
                        word: prose[chars[i].0..end].to_string(),
                        kind: "number",
                    });
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
    }
    let v = vocabulary(lang);
    for (kind, words, case_sensitive) in [
        ("number", v.numbers, false),
        ("tier", v.tiers, true),
        ("channel", v.channels, false),
        ("every/only/most/never/all", v.quantifiers, false),
    ] {
        for word in words {
            let (hay, needle) = if case_sensitive {
                (prose.clone(), word.to_string())
            } else {
                (prose.to_lowercase(), word.to_lowercase())
            };
            // Lower-casing keeps these texts' byte offsets (no letter changes length here).
            assert_eq!(hay.len(), prose.len());
            for (at, _) in hay.match_indices(&needle) {
                let end = at + needle.len();
                let before = hay[..at].chars().next_back();
                let after = hay[end..].chars().next();
                if !word.chars().next().is_some_and(is_han)
                    && (is_word_char(before) || is_word_char(after))
                {
                    continue;
                }
                // 最初 is "initial" (最初回應, the initial response), not "most".
                if *word == "最" && after == Some('初') {
                    continue;
                }
                out.push(Claim {
                    range: at..end,
                    word: prose[at..end].to_string(),
                    kind,
                });
            }
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}

// ---------------------------------------------------------------------------------------------
// The facts files.

struct Facts {
    path: PathBuf,
    value: Value,
}

fn read_yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Finds the entry whose `id` is `id` anywhere in `v`.
fn entry<'a>(v: &'a Value, id: &str) -> Option<&'a Value> {
    match v {
        Value::Object(m) => {
            if m.get("id").and_then(Value::as_str) == Some(id) {
                return Some(v);
            }
            m.values().find_map(|x| entry(x, id))
        }
        Value::Array(a) => a.iter().find_map(|x| entry(x, id)),
        _ => None,
    }
}

/// Resolves `file.yaml key.path`: the first part is a key of the file or an entry's `id`,
/// each next part a key of what the previous one found (or an entry's `id` inside it).
fn resolve(content: &Path, data: &str) -> Result<Value, String> {
    let (file, key) = data
        .split_once(' ')
        .ok_or_else(|| format!("`{data}`: write `file.yaml key.path`"))?;
    let path = content.join(file);
    if !path.is_file() {
        return Err(format!("`{data}`: content/{file} does not exist"));
    }
    let mut v = read_yaml(&path);
    for part in key.split('.') {
        let next = v
            .get(part)
            .cloned()
            .or_else(|| entry(&v, part).cloned())
            .ok_or_else(|| format!("`{data}`: no `{part}` there"))?;
        v = next;
    }
    Ok(v)
}

/// Problems with one page's facts, and the phrases they say, per language.
fn facts_of(
    root: &Path,
    facts: &Facts,
    sources: &BTreeMap<String, Value>,
    problems: &mut Vec<String>,
) -> BTreeMap<String, Vec<String>> {
    let mut says: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let shown = facts.path.strip_prefix(root).unwrap().display().to_string();
    let list = facts.value.get("facts").and_then(Value::as_array);
    let Some(list) = list else {
        problems.push(format!("{shown}: no `facts:` list"));
        return says;
    };
    for (n, fact) in list.iter().enumerate() {
        let name = fact
            .get("fact")
            .and_then(Value::as_str)
            .map_or(format!("fact {}", n + 1), |s| format!("« {s} »"));
        let backing = fact.get("backed-by").and_then(Value::as_array);
        match backing {
            None => problems.push(format!("{shown}: {name} has no `backed-by:`")),
            Some(b) if b.is_empty() => {
                problems.push(format!("{shown}: {name} has no `backed-by:`"))
            }
            Some(b) => {
                for item in b {
                    if let Some(data) = item.get("data").and_then(Value::as_str) {
                        if let Err(e) = resolve(&root.join("content"), data) {
                            problems.push(format!("{shown}: {name}: {e}"));
                        }
                    } else if let Some(page) = item.get("quote").and_then(Value::as_str) {
                        if !sources.contains_key(page) {
                            problems.push(format!(
                                "{shown}: {name} quotes `{page}`, which content/facts/sources.yaml does not list"
                            ));
                        }
                        let text = item.get("text").and_then(Value::as_str).unwrap_or("");
                        if text.trim().is_empty() {
                            problems.push(format!(
                                "{shown}: {name} quotes `{page}` without its `text:`"
                            ));
                        }
                    } else {
                        problems.push(format!(
                            "{shown}: {name}: each backing is `data: file.yaml key` or `quote: page` with `text:`"
                        ));
                    }
                }
            }
        }
        let Some(phrases) = fact.get("says").and_then(Value::as_object) else {
            problems.push(format!("{shown}: {name} has no `says:`"));
            continue;
        };
        for (lang, list) in phrases {
            if !LANGUAGES.contains(&lang.as_str()) {
                problems.push(format!(
                    "{shown}: {name} says something in unknown `{lang}`"
                ));
            }
            let list: Vec<String> = match list {
                Value::String(s) => vec![s.clone()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).map(fold).collect(),
                _ => Vec::new(),
            };
            says.entry(lang.clone())
                .or_default()
                .extend(list.into_iter().map(|s| fold(&s)));
        }
    }
    says
}

fn pages(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            pages(&path, base, out);
        } else if path.extension().is_some_and(|x| x == "md") {
            out.push(
                path.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Every problem of the shipped site's facts and claims, one line each.
fn audit(root: &Path) -> (Vec<String>, usize, usize) {
    let content = root.join("content");
    let sources_file = content.join("facts/sources.yaml");
    let sources: BTreeMap<String, Value> = read_yaml(&sources_file)
        .get("sources")
        .and_then(Value::as_object)
        .map(|m| m.clone().into_iter().collect())
        .unwrap_or_default();
    let mut keys = Vec::new();
    pages(&content.join("en"), &content.join("en"), &mut keys);
    keys.sort();
    let mut problems = Vec::new();
    let (mut claim_count, mut fact_count) = (0, 0);
    for key in &keys {
        let facts_path = content.join("facts").join(key.replace(".md", ".yaml"));
        let says = if facts_path.is_file() {
            let facts = Facts {
                value: read_yaml(&facts_path),
                path: facts_path,
            };
            fact_count += facts
                .value
                .get("facts")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            facts_of(root, &facts, &sources, &mut problems)
        } else {
            BTreeMap::new()
        };
        for lang in LANGUAGES {
            let page = content.join(lang).join(key);
            let Ok(original) = std::fs::read_to_string(&page) else {
                continue;
            };
            let folded = fold(&original);
            let text = PageText {
                prose: prose_of(&folded),
                folded,
                original,
            };
            let phrases = says.get(lang).cloned().unwrap_or_default();
            let mut covered = Vec::new();
            for phrase in &phrases {
                let found: Vec<usize> = text
                    .folded
                    .match_indices(phrase.as_str())
                    .map(|(at, _)| at)
                    .collect();
                if found.is_empty() {
                    problems.push(format!(
                        "content/{lang}/{key}: a fact says « {phrase} », which the page does not"
                    ));
                }
                covered.extend(found.into_iter().map(|at| at..at + phrase.len()));
            }
            for claim in claims(&text, lang) {
                claim_count += 1;
                let backed = covered
                    .iter()
                    .any(|c| c.start <= claim.range.start && claim.range.end <= c.end);
                if !backed {
                    let line = line_of(&text.folded, claim.range.start);
                    let sentence = text.original.lines().nth(line - 1).unwrap_or("").trim();
                    let context: String = sentence.chars().take(160).collect();
                    problems.push(format!(
                        "content/{lang}/{key}:{line}: {} « {} » is backed by no fact of content/facts/{}: {context}",
                        claim.kind,
                        claim.word,
                        key.replace(".md", ".yaml")
                    ));
                }
            }
        }
    }
    (problems, claim_count, fact_count)
}

#[test]
fn every_claim_of_the_prose_is_backed_by_a_listed_fact() {
    let root = shipped_root();
    let (problems, claims, facts) = audit(&root);
    println!(
        "{claims} claims in the prose of {} languages, {facts} facts listed, {} problems",
        LANGUAGES.len(),
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "{} claim(s) or fact(s) to fix:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_rules_find_numbers_tiers_channels_and_quantifiers() {
    let page = |text: &str| {
        let folded = fold(text);
        PageText {
            prose: prose_of(&folded),
            folded,
            original: text.to_string(),
        }
    };
    let words = |text: &str, lang: &str| -> Vec<(String, &'static str)> {
        claims(&page(text), lang)
            .into_iter()
            .map(|c| (c.word, c.kind))
            .collect()
    };
    let en = words(
        "---\ntitle: All tiers\nweight: 3\n---\n\nEvery tier has four P1 [hours](../x2/) and live chat; `only` code.[^1]\n",
        "en",
    );
    assert_eq!(
        en,
        vec![
            ("All".to_string(), "every/only/most/never/all"),
            ("Every".to_string(), "every/only/most/never/all"),
            ("four".to_string(), "number"),
            ("P1".to_string(), "number"),
            ("chat".to_string(), "channel"),
        ]
    );
    // Words inside longer words are not claims ("allowed", "Businesses" are not "all", a tier).
    assert!(words("Allowed Businesses overall.", "en").is_empty());
    let fr = words(
        "L’Assistance Elite offre quinze contacts à toutes les offres.",
        "fr",
    );
    let kinds: Vec<&str> = fr.iter().map(|(_, k)| *k).collect();
    assert_eq!(
        kinds,
        ["tier", "tier", "number", "every/only/most/never/all"],
        "{fr:?}"
    );
    let zh = words("菁英支援每項產品最多可指定十五位聯絡人。", "zh-TW");
    let found: Vec<&str> = zh.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(found, ["菁英支援", "每", "最", "十五位"], "{zh:?}");
}

#[test]
fn a_claim_without_a_fact_fails_the_audit() {
    let site = crate::common::TempSite::new("facts-unbacked");
    site.replace_once(
        "content/en/hours.md",
        "The table gives the local business hours of each region.",
        "The table gives the local business hours of every region, and Elite support gets six more.",
    );
    let (problems, _, _) = audit(&site.path(""));
    let joined = problems.join("\n");
    for (kind, word) in [
        ("every/only/most/never/all", "every"),
        ("tier", "Elite"),
        ("number", "six"),
    ] {
        assert!(
            joined.contains(&format!(
                "content/en/hours.md:8: {kind} « {word} » is backed by no fact"
            )),
            "{joined}"
        );
    }
}
