//! Rejected inputs: break a good copy of the site, run `build` (and `check`), and assert
//! what a person sees: exit status 1, every expected error with its code, file and position
//! (worked out from the text as it was broken), the error count, and `public/` byte-for-byte
//! as it was, with no staging folder left behind.

use std::ops::RangeInclusive;

use super::*;

/// What the failed run must print.
pub enum Want {
    /// `error[code]`, `--> file:line:col`, the source line and a caret under the column.
    At {
        code: &'static str,
        file: String,
        line: usize,
        col: usize,
        source_line: String,
    },
    /// `error[code]` at `file:line:col` with the line and column in these ranges (used where
    /// a parser's limit trips somewhere inside a run of brackets, or on a line too long to be
    /// printed whole). `code` `"*"` accepts any code.
    Near {
        code: &'static str,
        file: String,
        lines: RangeInclusive<usize>,
        cols: RangeInclusive<usize>,
    },
    /// `error[code]` naming one of `files` (a problem with a file as a whole: its name, its
    /// size, a symbolic link), without a position.
    File {
        code: &'static str,
        files: Vec<String>,
    },
}

impl Want {
    /// Exactly at `needle` (its first occurrence) in `text`, the file as broken.
    pub fn at(code: &'static str, file: &str, text: &str, needle: &str) -> Want {
        let (line, col) = locate(text, needle);
        Want::At {
            code,
            file: file.to_string(),
            line,
            col,
            source_line: line_of(text, line).to_string(),
        }
    }

    /// At the value of `key_and_value` (the first occurrence of `key: value` in `text`).
    pub fn at_value(code: &'static str, file: &str, text: &str, key_and_value: &str) -> Want {
        let (line, col) = locate(text, key_and_value);
        let shift = key_and_value.find(": ").map_or(0, |i| i + 2);
        Want::At {
            code,
            file: file.to_string(),
            line,
            col: col + key_and_value[..shift].chars().count(),
            source_line: line_of(text, line).to_string(),
        }
    }

    /// The same position, `columns` characters further along the line.
    pub fn shifted(mut self, columns: usize) -> Want {
        if let Want::At { col, .. } = &mut self {
            *col += columns;
        }
        self
    }

    pub fn file(code: &'static str, file: &str) -> Want {
        Want::File {
            code,
            files: vec![file.to_string()],
        }
    }
}

/// The `(code, location)` of every diagnostic block in `stderr`: `error[code]: ...` followed by
/// its `--> location` line.
pub fn diagnostics(stderr: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("error[") else {
            continue;
        };
        let code = rest.split(']').next().unwrap_or("").to_string();
        let location = lines
            .get(i + 1)
            .and_then(|l| l.trim().strip_prefix("--> "))
            .unwrap_or("")
            .to_string();
        out.push((code, location));
    }
    out
}

pub fn check_want(name: &str, stderr: &str, want: &Want) {
    let found = diagnostics(stderr);
    match want {
        Want::At {
            code,
            file,
            line,
            col,
            source_line,
        } => assert_diagnostic(stderr, code, file, *line, *col, source_line),
        Want::Near {
            code,
            file,
            lines,
            cols,
        } => {
            let ok = found.iter().any(|(c, loc)| {
                let mut parts = loc.rsplitn(3, ':');
                let (Some(col), Some(line), Some(f)) = (parts.next(), parts.next(), parts.next())
                else {
                    return false;
                };
                (*code == "*" || c == code)
                    && f == file
                    && line.parse().is_ok_and(|l: usize| lines.contains(&l))
                    && col.parse().is_ok_and(|c: usize| cols.contains(&c))
            });
            assert!(
                ok,
                "{name}: no error[{code}] at {file}:{lines:?}:{cols:?}\n--- stderr ---\n{stderr}"
            );
        }
        Want::File { code, files } => {
            let ok = found
                .iter()
                .any(|(c, loc)| c == code && files.iter().any(|f| f == loc));
            assert!(
                ok,
                "{name}: no error[{code}] naming {files:?}\n--- stderr ---\n{stderr}"
            );
        }
    }
}

/// No staging folder or lock of a build is left beside `public/`.
pub fn assert_no_leftovers(site: &TempSite, name: &str) {
    let leftovers: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{name}: left beside public/: {leftovers:?}"
    );
}

/// Builds a good copy, breaks it, and checks that `build` fails cleanly as `wants` say.
pub fn rejected(name: &str, break_it: impl FnOnce(&TempSite) -> Vec<Want>) -> Run {
    rejected_by(name, &["build"], break_it)
}

/// As [`rejected`], and `check` must then report the same errors (and write nothing).
pub fn rejected_by_build_and_check(
    name: &str,
    break_it: impl FnOnce(&TempSite) -> Vec<Want>,
) -> Run {
    rejected_by(name, &["build", "check"], break_it)
}

fn rejected_by(
    name: &str,
    commands: &[&str],
    break_it: impl FnOnce(&TempSite) -> Vec<Want>,
) -> Run {
    let site = TempSite::new(name);
    site.build_ok();
    let before = snapshot(&site.public());
    assert!(before.len() > 50, "{name}: the first build wrote the site");

    let wants = break_it(&site);
    let mut runs = Vec::new();
    for command in commands {
        let run = site.run(&[command]);
        assert_eq!(
            run.code,
            1,
            "{name}: `{command}` must fail with an error (not succeed, not crash)\n{}",
            run.describe()
        );
        for want in &wants {
            check_want(name, &run.stderr, want);
        }
        assert_same_tree(
            &before,
            &snapshot(&site.public()),
            &format!("{name}: public/ after `{command}`"),
        );
        assert_no_leftovers(&site, name);
        runs.push(run);
    }
    let build = runs.swap_remove(0);
    let errors = diagnostics(&build.stderr).len();
    assert!(
        build
            .stderr
            .contains(&format!("build failed with {errors} error")),
        "{name}: the run ends with its error count ({errors})\n{}",
        build.stderr
    );
    build
}
