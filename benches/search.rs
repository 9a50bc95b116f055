//! Criterion benchmarks of the search index on its own: a page's text collected from its
//! Markdown, its document (terms weighed, result fragment), and a language's index files
//! (postings, JSON, gzip). The pages are this repository's `content/`, or those of the site
//! at `POLYDOCS_BENCH_SITE` (say, `../shared/bench/gen_site.py --layout neutral` output) for a
//! volume closer to a large site's.
//!
//! `cargo bench --bench search`
//! `POLYDOCS_BENCH_SITE=/dev/shm/gen cargo bench --bench search`

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use polydocs::markdown::{self, PageText};
use polydocs::search::{self, Analyzer};

/// A language's pages: folder name (its tag, as gen_site.py and this repository name them),
/// and each page's Markdown without its front matter.
fn languages() -> Vec<(String, Vec<String>)> {
    let root = std::env::var_os("POLYDOCS_BENCH_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let content = root.join("content");
    let mut languages = Vec::new();
    for entry in std::fs::read_dir(&content).expect("a content/ folder") {
        let folder = entry.expect("a readable content/").path();
        if !folder.is_dir() {
            continue;
        }
        let mut pages: Vec<String> = walkdir::WalkDir::new(&folder)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|text| body(&text).to_string())
            .collect();
        pages.retain(|p| !p.trim().is_empty());
        let tag = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        languages.push((tag, pages));
    }
    languages.sort();
    languages
}

/// The Markdown after a page's front matter.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text, |(_, body)| body)
}

fn search(c: &mut Criterion) {
    let languages = languages();
    let pages: usize = languages.iter().map(|(_, p)| p.len()).sum();
    let mut group = c.benchmark_group(format!("search, {pages} pages"));
    group.sample_size(10);

    let texts: Vec<(Analyzer, Vec<PageText>)> = languages
        .iter()
        .map(|(tag, pages)| {
            let texts = pages.iter().map(|p| markdown::page_text(p)).collect();
            (Analyzer::for_tag(tag), texts)
        })
        .collect();
    group.bench_function("page text", |b| {
        b.iter(|| {
            for (_, pages) in &languages {
                for page in pages {
                    std::hint::black_box(markdown::page_text(page));
                }
            }
        })
    });

    let document = |analyzer: &Analyzer, n: usize, text: &PageText| {
        let url = format!("page-{n}/");
        search::document(analyzer, "A page", "Section", &url, text)
    };
    group.bench_function("documents", |b| {
        b.iter(|| {
            for (analyzer, texts) in &texts {
                for (n, text) in texts.iter().enumerate() {
                    std::hint::black_box(document(analyzer, n, text));
                }
            }
        })
    });

    let documents: Vec<(bool, Vec<search::Document>)> = texts
        .iter()
        .map(|(analyzer, texts)| {
            let docs = texts
                .iter()
                .enumerate()
                .map(|(n, t)| document(analyzer, n, t));
            (analyzer.segments(), docs.collect())
        })
        .collect();
    group.bench_function("index files", |b| {
        b.iter(|| {
            for (segmented, docs) in &documents {
                std::hint::black_box(search::build(docs.iter().collect(), *segmented));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
