//! Real documentation written by others (`tests/corpus/hexo-docs/`: Hexo's user docs, 25
//! pages in nine languages, MIT), turned into a polydocs site by `ci/corpus/hexo_site.py`
//! the way a publisher would, built, and searched the way a visitor searches: for each page,
//! rare words of its text typed as written must find it among the results shown.

use std::collections::HashMap;
use std::path::Path;

use polydocs::search;

use crate::common::*;

/// The results a visitor sees before asking for more.
const SHOWN: usize = 10;

/// The corpus converted into a site in `dir` and built; python3 runs the conversion.
fn build_corpus(dir: &TempDir) -> std::path::PathBuf {
    let root = dir.path.join("hexo");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("ci/corpus/hexo_site.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_polydocs"))
        .arg(&root)
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) => panic!("python3 is needed to convert the corpus: {e}"),
    };
    assert!(
        out.status.success(),
        "hexo_site.py failed\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = polydocs_in(&root, &["--quiet", "build"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    root
}

/// Whether a character belongs to a script written without spaces.
fn unspaced(c: char) -> bool {
    search::analyze::is_ideograph(c)
}

/// The queries for one page: its three rarest words as written (four letters or more, in
/// the fewest pages of its language), where a run of two to four characters of a script
/// without spaces counts as a word (runs taken at 40 places spread over the page's text).
fn queries(text: &str, texts: &[String], frequency: &HashMap<String, usize>) -> Vec<String> {
    let mut candidates: Vec<(usize, usize, String)> = words_of(text)
        .enumerate()
        .filter(|(_, w)| {
            w.chars().count() >= 4 && w.chars().all(|c| c.is_alphabetic() && !unspaced(c))
        })
        .map(|(at, w)| (frequency[&w.to_lowercase()], at, w.to_string()))
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let starts: Vec<usize> = (0..chars.len()).filter(|&i| unspaced(chars[i])).collect();
    for n in 0..40.min(starts.len()) {
        let start = starts[starts.len() * n / 40.min(starts.len())];
        let run: String = chars[start..]
            .iter()
            .take_while(|&&c| unspaced(c))
            .take(2 + n % 3)
            .collect();
        if run.chars().count() >= 2 {
            let pages = texts.iter().filter(|t| t.contains(&run)).count();
            candidates.push((pages, 1_000_000 + n, run));
        }
    }
    candidates.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, _, w) in candidates {
        if !out.iter().any(|o| o.to_lowercase() == w.to_lowercase()) {
            out.push(w);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The text of every page of an index: its sections' headings and texts.
fn page_texts(files: &[(String, Vec<u8>)]) -> Vec<(String, String)> {
    let meta = search::read_json(&files.iter().find(|(n, _)| n == "meta.json").unwrap().1).unwrap();
    (0..meta["pages"].as_u64().unwrap() as u32)
        .map(|id| {
            let page = search::page_text(files, id).unwrap();
            let text = page["x"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| format!("{} {}", s[1].as_str().unwrap(), s[2].as_str().unwrap()))
                .collect::<Vec<_>>()
                .join(" ");
            (page["u"].as_str().unwrap().to_string(), text)
        })
        .collect()
}

#[test]
fn every_language_of_a_real_corpus_finds_its_pages_by_their_rare_words() {
    let dir = TempDir::new("corpus-recall");
    let root = build_corpus(&dir);
    let public = root.join("public");
    let mut report = Vec::new();
    let mut misses = Vec::new();
    for prefix in [
        "en", "es", "ja", "ko", "pt-br", "ru", "th", "zh-cn", "zh-tw",
    ] {
        let files = search_index_files(&public, prefix);
        let pages = page_texts(&files);
        let mut frequency: HashMap<String, usize> = HashMap::new();
        for (_, text) in &pages {
            let mut seen: Vec<String> = words_of(text).map(str::to_lowercase).collect();
            seen.sort();
            seen.dedup();
            for w in seen {
                *frequency.entry(w).or_default() += 1;
            }
        }
        let texts: Vec<String> = pages.iter().map(|(_, t)| t.clone()).collect();
        let (mut asked, mut found) = (0, 0);
        for (id, (url, text)) in pages.iter().enumerate() {
            for query in queries(text, &texts, &frequency) {
                asked += 1;
                let results = search::lookup(&files, &query);
                if results.iter().take(SHOWN).any(|&r| r as usize == id) {
                    found += 1;
                } else {
                    misses.push(format!("{prefix}: {query:?} does not find {url}"));
                }
            }
        }
        assert!(asked >= 50, "{prefix}: only {asked} queries");
        // `bench/search_recall.mjs` asks the same queries of the real client and of Pagefind.
        if let Some(path) = std::env::var_os("POLYDOCS_RECALL_QUERIES") {
            let lines: String = pages
                .iter()
                .flat_map(|(url, text)| {
                    queries(text, &texts, &frequency).into_iter().map(move |q| {
                        serde_json::json!({"prefix": prefix, "url": url, "query": q}).to_string()
                            + "\n"
                    })
                })
                .collect();
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .unwrap();
            std::io::Write::write_all(&mut file, lines.as_bytes()).unwrap();
        }
        report.push((prefix, found, asked));
    }
    let summary: Vec<String> = report
        .iter()
        .map(|(p, f, a)| format!("{p} {f}/{a}"))
        .collect();
    println!("recall: {}", summary.join(", "));
    for (prefix, found, asked) in &report {
        assert!(
            *found * 100 >= *asked * 99,
            "{prefix}: {found} of {asked} found (at least 99 % must be)\n{}\n{}",
            summary.join(", "),
            misses.join("\n")
        );
    }
}
