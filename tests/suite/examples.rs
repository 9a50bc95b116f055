//! The deploy examples of `examples/` and the README's "Publishing" section must not drift
//! apart or rot: each file is in the README whole, the YAML parses and publishes `public`,
//! every polydocs command they run builds the site, the S3 pattern matches fingerprinted
//! assets, and nginx (when installed) accepts the server block and serves each language's
//! 404 page with the cache rules the README gives.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

/// The README's "Publishing" section.
fn publishing() -> String {
    let readme = read("README.md");
    let start = readme
        .find("\n## Publishing\n")
        .expect("README has a Publishing section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 4);
    rest[..end].to_string()
}

/// The fenced blocks of a Markdown text: (info string, body).
fn fenced(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        match &mut open {
            None if line.starts_with("```") => open = Some((line[3..].to_string(), String::new())),
            Some(_) if line == "```" => blocks.extend(open.take()),
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
            None => {}
        }
    }
    blocks
}

fn example_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(repo().join("examples"))
        .expect("examples/ exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .map(|name| {
            let text = read(&format!("examples/{name}"));
            (name, text)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_file_is_in_the_readme_whole() {
    let blocks = fenced(&publishing());
    let files = example_files();
    for name in [
        "github-pages.yml",
        "gitlab-ci.yml",
        "s3-deploy.sh",
        "nginx.conf",
    ] {
        assert!(
            files.iter().any(|(n, _)| n == name),
            "examples/{name} is missing"
        );
    }
    for (name, text) in &files {
        assert!(
            blocks.iter().any(|(_, body)| body == text),
            "examples/{name} differs from every block of the README's Publishing section: \
             copy the file into it whole"
        );
        assert!(
            publishing().contains(&format!("`examples/{name}`")),
            "the Publishing section does not name examples/{name}"
        );
    }
}

fn yaml(name: &str) -> serde_json::Value {
    serde_saphyr::from_str(&read(&format!("examples/{name}")))
        .unwrap_or_else(|e| panic!("examples/{name} is not valid YAML: {e}"))
}

#[test]
fn the_workflows_parse_and_publish_the_output_folder() {
    let site = read("site.yaml");
    assert!(
        site.lines().any(|l| l.trim() == "output: public"),
        "the workflows publish public/, the output of site.yaml"
    );
    let github = yaml("github-pages.yml");
    let steps = github["jobs"]["build"]["steps"]
        .as_array()
        .expect("jobs.build.steps");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))
        })
        .expect("a step uploads the Pages artifact");
    assert_eq!(upload["with"]["path"], "public");
    assert!(
        github["jobs"]["deploy"]["steps"][0]["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("actions/deploy-pages@")),
        "{github}"
    );
    let gitlab = yaml("gitlab-ci.yml");
    assert_eq!(
        gitlab["pages"]["artifacts"]["paths"],
        serde_json::json!(["public"]),
        "GitLab publishes the folder named public"
    );
}

/// Every command line of the examples and of the Publishing section's shell blocks that runs
/// cargo or polydocs.
fn commands() -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let github = yaml("github-pages.yml");
    for job in github["jobs"].as_object().expect("jobs").values() {
        for step in job["steps"].as_array().into_iter().flatten() {
            lines.extend(step["run"].as_str().map(str::to_string));
        }
    }
    let gitlab = yaml("gitlab-ci.yml");
    for job in gitlab.as_object().expect("jobs").values() {
        for key in ["before_script", "script"] {
            for line in job[key].as_array().into_iter().flatten() {
                lines.extend(line.as_str().map(str::to_string));
            }
        }
    }
    let mut shell = read("examples/s3-deploy.sh");
    for (info, body) in fenced(&publishing()) {
        if info == "sh" {
            shell.push_str(&body);
        }
    }
    lines.push(shell.replace("\\\n", " "));
    let mut commands: Vec<String> = lines
        .iter()
        .flat_map(|text| text.lines())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| l.starts_with("cargo ") || l.starts_with("polydocs "))
        .collect();
    commands.sort();
    commands.dedup();
    commands
}

/// The arguments a command gives polydocs: after `--` of `cargo run`, or after `polydocs`.
/// The flags given to cargo must be flags of `cargo run`.
fn polydocs_arguments(command: &str, cargo_run_help: &str) -> Vec<String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    assert!(
        !command.contains(['"', '\'', '$', '|', ';']),
        "keep example commands plain: {command}"
    );
    if words[0] == "polydocs" {
        return words[1..].iter().map(|w| w.to_string()).collect();
    }
    assert_eq!(
        words.get(1),
        Some(&"run"),
        "a cargo command of the examples runs polydocs: {command}"
    );
    let split = words
        .iter()
        .position(|w| *w == "--")
        .unwrap_or_else(|| panic!("`cargo run ... -- <polydocs arguments>`: {command}"));
    for flag in &words[2..split] {
        assert!(
            cargo_run_help.contains(&format!("{flag} "))
                || cargo_run_help.contains(&format!("{flag},")),
            "`{flag}` is not an option of `cargo run`: {command}"
        );
    }
    words[split + 1..].iter().map(|w| w.to_string()).collect()
}

#[test]
fn every_command_of_the_examples_is_shown_and_builds_the_site() {
    let commands = commands();
    assert!(
        commands.iter().any(|c| c.contains("build --strict")),
        "the examples build with --strict: {commands:?}"
    );
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let help = Command::new(cargo)
        .args(["run", "--help"])
        .output()
        .expect("run cargo run --help");
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let section = publishing();
    for command in &commands {
        assert!(
            section.contains(command.as_str()),
            "`{command}` is run by an example but not shown in the README's Publishing section"
        );
        let args = polydocs_arguments(command, &help);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // Run as CI runs it: in the site folder, on a fresh copy of the site.
        let site = TempSite::new("examples-command");
        let run = polydocs_in(&site.root, &args);
        assert_eq!(
            run.code,
            0,
            "`{command}` fails on the shipped site\n{}",
            run.describe()
        );
        assert!(
            site.public().join("index.html").is_file() && site.public().join("404.html").is_file(),
            "`{command}` did not write public/"
        );
    }
}

/// `ASSETS='...'` of the S3 script: the glob of fingerprinted assets.
fn s3_assets_pattern() -> String {
    let script = read("examples/s3-deploy.sh");
    let line = script
        .lines()
        .find_map(|l| l.strip_prefix("ASSETS='"))
        .expect("s3-deploy.sh sets ASSETS");
    line.trim_end_matches('\'').to_string()
}

#[test]
fn the_s3_script_is_valid_shell_and_its_pattern_matches_fingerprinted_assets_only() {
    let check = Command::new("sh")
        .args(["-n", "examples/s3-deploy.sh"])
        .current_dir(repo())
        .output()
        .expect("run sh -n");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // aws s3 sync matches --include and --exclude with Python's fnmatch.
    let pattern = s3_assets_pattern();
    let program = "import fnmatch, sys\n\
                   p = sys.argv[1]\n\
                   for name in sys.argv[2:]:\n    \
                   print(name, fnmatch.fnmatch(name, p))";
    let names = [
        "static/style.3f2a9c1e.css",
        "static/icons/chat.0123abcd.svg",
        "static/style.css",
        "static/icons/chat.svg",
        "en/index.html",
        "fr/search/t/12.json.gz",
    ];
    let Ok(out) = Command::new("python3")
        .arg("-c")
        .arg(program)
        .arg(&pattern)
        .args(names)
        .output()
    else {
        eprintln!("SKIPPED: python3 is not installed: the S3 pattern is not checked");
        return;
    };
    let got = String::from_utf8_lossy(&out.stdout).into_owned();
    let want = "static/style.3f2a9c1e.css True\nstatic/icons/chat.0123abcd.svg True\n\
                static/style.css False\nstatic/icons/chat.svg False\nen/index.html False\n\
                fr/search/t/12.json.gz False\n";
    assert_eq!(got, want, "pattern {pattern}");
}

/// nginx, started by a test, stopped when dropped.
struct Nginx(Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `GET path` from the server: (status line, headers, body).
fn get(port: u16, path: &str) -> (String, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: support.example.com\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let (status, headers) = head.split_once("\r\n").unwrap_or((head, ""));
    (status.to_string(), headers.to_lowercase(), body.to_string())
}

fn nginx_installed() -> bool {
    Command::new("nginx")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn nginx_accepts_the_server_block_and_serves_each_languages_404_page() {
    if !nginx_installed() {
        eprintln!(
            "SKIPPED: nginx is not installed (apt-get install nginx-light): nginx.conf is not checked"
        );
        return;
    }
    let site = TempSite::new("examples-nginx");
    site.build_ok();
    // The server block as written, served from a folder of the test on a free port.
    let dir = TempDir::new("examples-nginx-server");
    let served = dir.path.join("srv");
    copy_recursive(&site.public(), &served.join("plans"));
    let static_dir = served.join("plans/static");
    let fingerprinted = first_fingerprinted(&static_dir).unwrap_or_else(|| {
        // Until assets carry fingerprints, one stands in for them.
        std::fs::write(static_dir.join("style.3f2a9c1e.css"), "body{}").unwrap();
        "style.3f2a9c1e.css".to_string()
    });
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let example = read("examples/nginx.conf");
    assert!(example.contains("root /srv/support.example.com;"));
    let server = example
        .replace(
            "root /srv/support.example.com;",
            &format!("root {};", served.display()),
        )
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("listen [::]:80;", "");
    std::fs::write(dir.path.join("site.conf"), server).unwrap();
    std::fs::create_dir_all(dir.path.join("logs")).unwrap();
    let main = format!(
        "pid {0}/nginx.pid;\nerror_log {0}/logs/error.log;\nevents {{}}\n\
         http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n    include {0}/site.conf;\n}}\n",
        dir.path.display()
    );
    let conf = dir.path.join("nginx.conf");
    std::fs::write(&conf, main).unwrap();
    let nginx = |extra: &[&str]| {
        let mut cmd = Command::new("nginx");
        cmd.arg("-p")
            .arg(&dir.path)
            .arg("-e")
            .arg(dir.path.join("logs/error.log"))
            .arg("-c")
            .arg(&conf)
            .args(extra);
        cmd
    };
    let test = nginx(&["-t"]).output().expect("run nginx -t");
    assert!(
        test.status.success(),
        "nginx -t rejects examples/nginx.conf\n{}",
        String::from_utf8_lossy(&test.stderr)
    );

    let _server = Nginx(
        nginx(&["-g", "daemon off;"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nginx"),
    );
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let (status, headers, body) = get(port, "/plans/fr/");
    assert!(status.contains(" 200 "), "{status}");
    assert!(headers.contains("cache-control: no-cache"), "{headers}");
    assert!(body.contains("<html lang=\"fr\""));
    for (path, tag) in [
        ("/plans/fr/no-such-page/", "fr"),
        ("/plans/zh-tw/no/such/page", "zh-Hant-TW"),
        ("/plans/en/nope", "en"),
        ("/plans/nope", "en"),
    ] {
        let (status, headers, body) = get(port, path);
        assert!(status.contains(" 404 "), "{path}: {status}");
        assert!(
            body.contains(&format!("<html lang=\"{tag}\"")),
            "{path} should show the {tag} 404 page\n{body}"
        );
        assert!(headers.contains("cache-control: no-cache"), "{headers}");
    }
    let (status, headers, _) = get(port, &format!("/plans/static/{fingerprinted}"));
    assert!(status.contains(" 200 "), "{status}");
    assert!(
        headers.contains("cache-control: public, max-age=31536000, immutable"),
        "{headers}"
    );
    let (_, headers, _) = get(port, "/plans/static/search.js");
    assert!(headers.contains("cache-control: no-cache"), "{headers}");
    let (status, _, _) = get(port, "/plans/.polydocs-output");
    assert!(status.contains(" 404 "), "{status}");
}

/// The name of a file of `static/` with a fingerprint (`style.3f2a9c1e.css`), if any.
fn first_fingerprinted(dir: &Path) -> Option<String> {
    let is_fingerprinted = |name: &str| {
        let parts: Vec<&str> = name.split('.').collect();
        parts.len() >= 3
            && parts[parts.len() - 2].len() == 8
            && parts[parts.len() - 2]
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    };
    let names: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .map(|e| e.unwrap().path())
        .collect();
    names
        .iter()
        .filter_map(|p| p.file_name()?.to_str())
        .find(|n| is_fingerprinted(n))
        .map(str::to_string)
}
