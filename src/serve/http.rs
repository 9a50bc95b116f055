//! A small HTTP/1.1 server on std's `TcpListener`: GET and HEAD, one request per connection.
//!
//! A preview has one user and a handful of tabs, so a thread per connection (bounded) is
//! simpler than a pool and lets the event streams, which stay open, block freely. Every
//! response closes its connection and forbids caching: a preview must never show a page from
//! the browser's cache after a rebuild.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use super::live::{self, EVENTS_PATH, SCRIPT_PATH, STATUS_PATH};
use super::mime::content_type;
use super::open::requested_files;
use super::resolve::resolve;
use super::state::{Shared, Snapshot};

/// Connections open at once; more are answered 503 at once.
const MAX_CONNECTIONS: usize = 256;
/// The longest request head accepted.
const MAX_HEAD: u64 = 16 * 1024;
/// How long a client may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// An idle event stream gets a comment this often, so a closed tab is noticed.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Accepts connections until the process ends.
pub fn run(listener: TcpListener, shared: Arc<Shared>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors, say: wait a little rather than spin.
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = Response::text(503, "Too many connections.\n").write(stream, false);
            continue;
        }
        let shared = Arc::clone(&shared);
        let counter = Arc::clone(&open);
        let spawned = std::thread::Builder::new()
            .name("polydocs-http".into())
            .spawn(move || {
                let _ = handle(stream, &shared);
                counter.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// A parsed request line.
#[derive(Debug, PartialEq, Eq)]
struct RequestLine {
    method: String,
    target: String,
}

fn handle(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    stream.set_write_timeout(Some(READ_TIMEOUT))?;
    let Some(request) = read_request(&stream)? else {
        return Response::text(400, "Bad request.\n").write(stream, false);
    };
    let head = request.method == "HEAD";
    if request.method != "GET" && !head {
        let mut r = Response::text(405, "Only GET and HEAD are served.\n");
        r.headers.push(("Allow", "GET, HEAD".into()));
        return r.write(stream, false);
    }
    let path = request.target.split('?').next().unwrap_or("");
    match path {
        EVENTS_PATH if !head => events(stream, shared, requested_files(&request.target)),
        STATUS_PATH => Response::new(
            200,
            "application/json; charset=utf-8",
            shared.status().into_bytes(),
        )
        .write(stream, head),
        SCRIPT_PATH => Response::new(
            200,
            "text/javascript; charset=utf-8",
            live::SCRIPT.as_bytes().to_vec(),
        )
        .write(stream, head),
        _ => site_file(&shared.snapshot(), &request.target).write(stream, head),
    }
}

/// Reads the request head; `None` if it is not an HTTP/1.x request line.
fn read_request(stream: &TcpStream) -> io::Result<Option<RequestLine>> {
    let mut reader = BufReader::new(stream.take(MAX_HEAD));
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let parsed = parse_request_line(&line);
    // The headers are not used, but are read so the client is not cut off mid-send.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
    }
    Ok(parsed)
}

fn parse_request_line(line: &str) -> Option<RequestLine> {
    let mut parts = line.trim_end_matches(['\r', '\n']).split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !version.starts_with("HTTP/1.") || method.is_empty() {
        return None;
    }
    Some(RequestLine {
        method: method.to_string(),
        target: target.to_string(),
    })
}

/// A file of the site, a redirect to a folder's address, or the language's 404 page. HTML is
/// served with the live-reload script.
fn site_file(snapshot: &Snapshot, target: &str) -> Response {
    let output = &snapshot.output;
    let page = |status: u16, file: &str, bytes: &[u8]| {
        let body = if file.ends_with(".html") {
            live::inject(bytes, &snapshot.version, file)
        } else {
            bytes.to_vec()
        };
        Response::new(status, content_type(file), body)
    };
    let request = resolve(target);
    if let Some(r) = &request {
        if let Some(bytes) = output.get(&r.file) {
            return page(200, &r.file, bytes);
        }
        // `/fr/docs` → `/fr/docs/`, as static hosts do, so relative links resolve.
        if !r.folder && output.contains(&format!("{}/index.html", r.file)) {
            let (path, query) = target.split_once('?').unwrap_or((target, ""));
            let query = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            let mut response = Response::text(301, "Moved permanently.\n");
            response
                .headers
                .push(("Location", format!("{path}/{query}")));
            return response;
        }
    }
    // The 404 page of the language the path starts with, else the default language's.
    let language_404 = request
        .as_ref()
        .filter(|r| !r.first_segment.is_empty())
        .map(|r| format!("{}/404.html", r.first_segment));
    for file in language_404.iter().map(String::as_str).chain(["404.html"]) {
        if let Some(bytes) = output.get(file) {
            return page(404, file, bytes);
        }
    }
    let fallback = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
        <title>Not found</title></head><body><h1>Not found</h1>\
        <p>The site has no page at this address.</p></body></html>\n";
    page(404, "404.html", fallback.as_bytes())
}

/// A server-sent events stream: the current state, then every change, until the page closes.
/// The page's `files` count as open as long as the stream is (a closed tab is noticed at the
/// next write to its stream, a keep-alive at the latest).
fn events(mut stream: TcpStream, shared: &Shared, files: Vec<String>) -> io::Result<()> {
    let subscription = shared.subscribe(files);
    let (first, news) = (&subscription.first, &subscription.news);
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
    )?;
    // Reconnect quickly when serve restarts.
    stream.write_all(b"retry: 500\n\n")?;
    send_event(&mut stream, first)?;
    loop {
        match news.recv_timeout(KEEPALIVE) {
            Ok(message) => send_event(&mut stream, &message)?,
            Err(RecvTimeoutError::Timeout) => {
                stream.write_all(b": keep-alive\n\n")?;
                stream.flush()?;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

fn send_event(stream: &mut TcpStream, data: &str) -> io::Result<()> {
    // The JSON is on one line (newlines inside strings are escaped), as `data:` requires.
    stream.write_all(format!("data: {data}\n\n").as_bytes())?;
    stream.flush()
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    fn text(status: u16, text: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    fn write(self, mut stream: TcpStream, head_only: bool) -> io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            301 => "Moved Permanently",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            503 => "Service Unavailable",
            _ => "",
        };
        let mut head = format!("HTTP/1.1 {} {reason}\r\n", self.status);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Connection: close\r\n\r\n",
            self.body.len()
        ));
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()?;
        let _ = stream.shutdown(std::net::Shutdown::Write);
        // Let the client read everything before the socket closes (a close with unread input
        // would reset the connection and could lose the response).
        let mut sink = [0u8; 512];
        stream.set_read_timeout(Some(Duration::from_millis(200)))?;
        while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Sink;
    use crate::serve::output::{Collector, Output};

    fn snapshot(files: &[(&str, &str)]) -> Snapshot {
        let c = Collector::fresh(Arc::new(Output::default()));
        for (p, b) in files {
            c.put(p, b.as_bytes().to_vec()).unwrap();
        }
        Snapshot {
            output: Arc::new(c.finish().0),
            version: "v.1".into(),
        }
    }

    fn site() -> Snapshot {
        snapshot(&[
            ("index.html", "<body>chooser</body>"),
            ("404.html", "<body>not found</body>"),
            ("fr/index.html", "<body>accueil</body>"),
            ("fr/404.html", "<body>introuvable</body>"),
            ("fr/docs/index.html", "<body>docs</body>"),
            ("static/style.css", "body{}"),
        ])
    }

    fn body(r: &Response) -> String {
        String::from_utf8(r.body.clone()).unwrap()
    }

    #[test]
    fn request_lines() {
        assert_eq!(
            parse_request_line("GET /fr/ HTTP/1.1\r\n"),
            Some(RequestLine {
                method: "GET".into(),
                target: "/fr/".into()
            })
        );
        assert_eq!(parse_request_line("GET /fr/ HTTP/2\r\n"), None);
        assert_eq!(parse_request_line("GET /a b HTTP/1.1\r\n"), None);
        assert_eq!(parse_request_line("\r\n"), None);
    }

    #[test]
    fn pages_get_the_script_and_other_files_do_not() {
        let site = site();
        let r = site_file(&site, "/fr/");
        assert_eq!(r.status, 200);
        assert!(body(&r).contains("accueil<script src=\"/__polydocs/live.js\""));
        assert!(body(&r).contains("data-file=\"fr/index.html\""));
        let r = site_file(&site, "/static/style.css");
        assert_eq!((r.status, body(&r).as_str()), (200, "body{}"));
        assert_eq!(r.headers[0].1, "text/css; charset=utf-8");
    }

    #[test]
    fn folders_without_a_slash_are_redirected() {
        let r = site_file(&site(), "/fr/docs?x=1");
        assert_eq!(r.status, 301);
        assert_eq!(r.headers[1], ("Location", "/fr/docs/?x=1".to_string()));
    }

    #[test]
    fn missing_pages_get_their_language_404() {
        let site = site();
        let r = site_file(&site, "/fr/nope/");
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("introuvable"));
        assert!(body(&r).contains("data-file=\"fr/404.html\""));
        let r = site_file(&site, "/nope.html");
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("not found"));
        for bad in ["/../site.yaml", "/fr/..%2f..%2fsite.yaml", "/static/"] {
            assert_eq!(site_file(&site, bad).status, 404, "{bad}");
        }
        // No build yet: a plain page, still with the script (to show the errors).
        let r = site_file(&snapshot(&[]), "/fr/");
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("/__polydocs/live.js"));
    }
}
