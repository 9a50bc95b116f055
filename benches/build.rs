//! Criterion benchmarks of the shipped site: the whole build, and each stage on its own
//! (load → index → check → render → publish), so a regression can be traced to its stage.
//!
//! `cargo bench --bench build`

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use polydocs::check;
use polydocs::cmd::build::{BuildOptions, build};
use polydocs::index::Index;
use polydocs::publish;
use polydocs::render::{self, Folder, Scope};
use polydocs::site;

fn site_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("polydocs-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn stages(c: &mut Criterion) {
    let root = site_root();
    let mut group = c.benchmark_group("shipped site");

    group.bench_function("load", |b| {
        b.iter(|| site::load(&root).unwrap_or_else(|_| panic!("the shipped site loads")))
    });

    let (loaded, _) = site::load(&root).unwrap_or_else(|_| panic!("the shipped site loads"));
    group.bench_function("index", |b| b.iter(|| Index::of(&loaded)));

    let index = Index::of(&loaded);
    group.bench_function("check", |b| {
        b.iter(|| check::check(&loaded, &index, check::Options::default()))
    });

    let out = scratch("render");
    group.bench_function("render", |b| {
        b.iter(|| {
            let _ = std::fs::remove_dir_all(&out);
            std::fs::create_dir_all(&out).unwrap();
            let (rendered, errors) = render::render(&loaded, &index, &Scope::All, &Folder(&out));
            assert!(errors.is_empty(), "the shipped site renders");
            rendered
        })
    });

    // Publishing: check the output folder, stage, and swap a rendered tree in.
    let publish_root = scratch("publish");
    std::fs::create_dir_all(&publish_root).unwrap();
    group.bench_function("publish", |b| {
        b.iter(|| {
            let target = publish::check_output(&publish_root, Path::new("public"))
                .unwrap_or_else(|_| panic!("publishing failed"));
            let staging = target
                .stage()
                .unwrap_or_else(|_| panic!("publishing failed"));
            copy_tree(&out, &staging.dir);
            staging
                .commit()
                .unwrap_or_else(|_| panic!("publishing failed"));
        })
    });

    let full_out = scratch("full");
    let options = BuildOptions {
        output: Some(full_out.clone()),
        ..BuildOptions::default()
    };
    group.bench_function("full build", |b| {
        b.iter(|| build(&root, &options).unwrap_or_else(|_| panic!("the shipped site builds")))
    });
    group.finish();

    for dir in [out, publish_root, full_out] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
