//! A small HTTP/1.1 server on std's `TcpListener`: GET and HEAD, one request per connection.
//!
//! A preview has one user and a handful of tabs, so a thread per connection (bounded) is
//! simpler than a pool and lets the event streams, which stay open, block freely. Every
//! response closes its connection and forbids caching: a preview must never show a page from
//! the browser's cache after a rebuild.
//!
//! With `--bind 0.0.0.0` the server is reachable from the network, so no client may stall it:
//! the accept loop only accepts and hands off (a refused connection is answered on a thread of
//! its own), connections are capped in all and per address ([`slots`]), a connection still
//! sending its head is the first to lose its slot, and every read and write has a deadline for
//! the whole of it, not a timeout per call that a byte at a time would renew.
//!
//! [`slots`]: super::slots

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use super::live::{self, EVENTS_PATH, SCRIPT_PATH, STATUS_PATH};
use super::mime::content_type;
use super::open::requested_files;
use super::resolve::resolve;
use super::slots::{Slot, Slots};
use super::state::{Shared, Snapshot};
use super::translate;

/// The longest request head accepted.
const MAX_HEAD: u64 = 16 * 1024;
/// The longest request body accepted: an edit of translate mode (a message, a block).
const MAX_BODY: usize = 1024 * 1024;
/// How long a client may take to send its whole request head (and, for translate mode's
/// edits, its body).
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// How long a client may take to read a whole response (a large file, on a slow network).
const RESPONSE_DEADLINE: Duration = Duration::from_secs(30);
/// How long one write to an event stream may block: a tab reads its events at once, so a
/// stream this far behind is a tab that is gone or a client that does not read.
const EVENT_WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// After a response, how long the client's leftover input is read before closing, in all.
const LINGER: Duration = Duration::from_millis(500);
/// How long a refused connection's 503 may take to write.
const REFUSAL_DEADLINE: Duration = Duration::from_secs(1);
/// Refused connections answered at once; more are closed without an answer.
const MAX_REFUSING: usize = 16;
/// An idle event stream gets a comment this often, so a closed tab is noticed.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Accepts connections until the process ends. This thread only accepts and hands off: it
/// never reads or writes a connection, so no client can stall it.
pub(crate) fn run(listener: TcpListener, shared: Arc<Shared>) {
    let slots = Slots::new();
    let refusing = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors, say: wait a little rather than spin.
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        let slot = stream
            .peer_addr()
            .ok()
            .and_then(|peer| slots.admit(&stream, client(peer.ip())));
        match slot {
            Some(slot) => serve(stream, slot, &shared),
            None => refuse(stream, &refusing),
        }
    }
}

/// The client a peer address counts as for the cap per address: an IPv4 address (also when
/// mapped into IPv6), or an IPv6 address's /64, which is what one host is usually given.
fn client(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
        v4 => v4,
    }
}

/// Serves a connection on a thread of its own, which gives its slot back when it ends.
fn serve(stream: TcpStream, slot: Slot, shared: &Arc<Shared>) {
    let shared = Arc::clone(shared);
    // If no thread can be made, the stream and the slot are dropped: the connection closes.
    let _ = std::thread::Builder::new()
        .name("polydocs-http".into())
        .spawn(move || {
            let _ = handle(stream, &shared, &slot);
        });
}

/// Answers a connection over the caps with a 503 on a short-lived thread, or, if too many are
/// being answered already, closes it.
fn refuse(stream: TcpStream, refusing: &Arc<AtomicUsize>) {
    if refusing.fetch_add(1, Ordering::SeqCst) >= MAX_REFUSING {
        refusing.fetch_sub(1, Ordering::SeqCst);
        return;
    }
    let counter = Arc::clone(refusing);
    let spawned = std::thread::Builder::new()
        .name("polydocs-refuse".into())
        .spawn(move || {
            let deadline = Instant::now() + REFUSAL_DEADLINE;
            let _ = Response::text(503, "Too many connections.\n").write(stream, false, deadline);
            counter.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        refusing.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A parsed request line.
#[derive(Debug, PartialEq, Eq)]
struct RequestLine {
    method: String,
    target: String,
}

/// A request: its line, the headers translate mode reads, and its body (only a POST to
/// translate mode has one).
#[derive(Debug, Default)]
struct Head {
    host: Option<String>,
    origin: Option<String>,
    token: Option<String>,
    content_type: Option<String>,
    content_length: Option<usize>,
}

impl Head {
    /// Keeps the header `line` if it is one of those read.
    fn read(&mut self, line: &[u8]) {
        let Ok(line) = std::str::from_utf8(line) else {
            return;
        };
        let Some((name, value)) = line.split_once(':') else {
            return;
        };
        let value = Some(value.trim().to_string());
        match name.trim().to_ascii_lowercase().as_str() {
            "host" => self.host = value,
            "origin" => self.origin = value,
            "x-polydocs-token" => self.token = value,
            "content-type" => self.content_type = value,
            "content-length" => self.content_length = value.and_then(|v| v.parse().ok()),
            _ => {}
        }
    }
}

/// Reads one request and answers it. A client that has not sent its head by the deadline, or
/// whose connection was evicted meanwhile, gets no answer.
fn handle(stream: TcpStream, shared: &Shared, slot: &Slot) -> io::Result<()> {
    let head_deadline = Instant::now() + HEAD_DEADLINE;
    // Only translate mode takes a body: a preview shared on the network never holds one.
    let (request, headers, body) = read_request(&stream, head_deadline, shared.desk.is_some())?;
    slot.head_read();
    let deadline = Instant::now() + RESPONSE_DEADLINE;
    let Some(request) = request else {
        return Response::text(400, "Bad request.\n").write(stream, false, deadline);
    };
    let head = request.method == "HEAD";
    if let Some(desk) = &shared.desk {
        // Translate mode writes files: only this server, by its loopback name, is answered.
        if !desk.allows(headers.host.as_deref(), headers.origin.as_deref()) {
            return Response::text(403, "Translate mode answers only http://127.0.0.1 or http://localhost on its own port.\n")
                .write(stream, false, deadline);
        }
        if request.target.starts_with(translate::PREFIX) {
            let reply = translate::api::answer(
                desk,
                &translate::api::Request {
                    method: &request.method,
                    target: &request.target,
                    token: headers.token.as_deref(),
                    content_type: headers.content_type.as_deref(),
                    body: &body,
                },
                &shared.output(),
            );
            return Response::new(reply.status, reply.content_type, reply.body)
                .write(stream, head, deadline);
        }
    }
    if request.method != "GET" && !head {
        let mut r = Response::text(405, "Only GET and HEAD are served.\n");
        r.headers.push(("Allow", "GET, HEAD".into()));
        return r.write(stream, false, deadline);
    }
    let path = request.target.split('?').next().unwrap_or("");
    let response = match path {
        EVENTS_PATH if !head => {
            return events(stream, shared, requested_files(&request.target));
        }
        STATUS_PATH => Response::new(
            200,
            "application/json; charset=utf-8",
            shared.status().into_bytes(),
        ),
        SCRIPT_PATH => Response::new(
            200,
            "text/javascript; charset=utf-8",
            live::SCRIPT.as_bytes().to_vec(),
        ),
        _ => site_file(&shared.snapshot(), &request.target, shared.desk.as_deref()),
    };
    response.write(stream, head, deadline)
}

/// Reads the request head by `deadline`; `None` if it does not start with an HTTP/1.x request
/// line (one that is not UTF-8 included).
fn read_request(
    stream: &TcpStream,
    deadline: Instant,
    with_body: bool,
) -> io::Result<(Option<RequestLine>, Head, Vec<u8>)> {
    let mut reader = BufReader::new(Deadline::new(stream, deadline).take(MAX_HEAD));
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line)?;
    let parsed = std::str::from_utf8(&line).ok().and_then(parse_request_line);
    // Every header is read so the client is not cut off mid-send; those translate mode needs
    // are kept. They are not checked for UTF-8: values may hold any byte from 0x80 up
    // (RFC 9110, obs-text).
    let mut head = Head::default();
    let mut header = Vec::new();
    loop {
        header.clear();
        if reader.read_until(b'\n', &mut header)? == 0 || header.trim_ascii().is_empty() {
            break;
        }
        head.read(&header);
    }
    // A body only for a POST, within its limit and the same deadline as the head.
    let mut body = Vec::new();
    let posted = with_body && parsed.as_ref().is_some_and(|r| r.method == "POST");
    if let Some(length) = head.content_length.filter(|&n| posted && n <= MAX_BODY) {
        let buffered = reader.buffer().to_vec();
        reader.consume(buffered.len());
        body = buffered;
        body.truncate(length);
        let mut rest = Deadline::new(stream, deadline).take((length - body.len()) as u64);
        rest.read_to_end(&mut body)?;
    }
    Ok((parsed, head, body))
}

/// A socket read and written until an absolute deadline: each call may block only for the time
/// left, so a client that sends or reads a byte at a time cannot stretch it.
struct Deadline<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl<'a> Deadline<'a> {
    fn new(stream: &'a TcpStream, deadline: Instant) -> Deadline<'a> {
        Deadline { stream, deadline }
    }

    /// The time left, or a `TimedOut` error once it is past (a zero timeout would mean none).
    fn left(&self) -> io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        Ok(left)
    }
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.stream.set_read_timeout(Some(self.left()?))?;
        self.stream.read(buf)
    }
}

impl Write for Deadline<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.stream.set_write_timeout(Some(self.left()?))?;
        self.stream.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
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
fn site_file(snapshot: &Snapshot, target: &str, desk: Option<&translate::Desk>) -> Response {
    let output = &snapshot.output;
    let page = |status: u16, file: &str, bytes: &[u8]| {
        let body = match desk {
            // In translate mode pages show where each text comes from; other files (the
            // search index) lose the marks pages are rendered with.
            Some(desk) if file.ends_with(".html") => live::inject(
                &translate::api::page_html(desk, bytes),
                &snapshot.version,
                file,
            ),
            Some(_) => match std::str::from_utf8(bytes) {
                Ok(text) => translate::annotate::strip(text).into_owned().into_bytes(),
                Err(_) => bytes.to_vec(),
            },
            None if file.ends_with(".html") => live::inject(bytes, &snapshot.version, file),
            None => bytes.to_vec(),
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
    // No 404 page: nothing has been built yet (every build writes one). The overlay reads the
    // body's mark to say so rather than speak of a last good build.
    let fallback = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
        <title>Not found</title></head><body data-polydocs-unbuilt><h1>Not found</h1>\
        <p>The site has no page at this address.</p></body></html>\n";
    page(404, "404.html", fallback.as_bytes())
}

/// A server-sent events stream: the current state, then every change, until the page closes.
/// The page's `files` count as open as long as the stream is (a closed tab is noticed at the
/// next write to its stream, a keep-alive at the latest).
fn events(mut stream: TcpStream, shared: &Shared, files: Vec<String>) -> io::Result<()> {
    // No deadline for the whole: the stream is open as long as the page is.
    stream.set_write_timeout(Some(EVENT_WRITE_TIMEOUT))?;
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

    /// Writes the response by `deadline`, then closes the connection.
    fn write(self, stream: TcpStream, head_only: bool, deadline: Instant) -> io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            301 => "Moved Permanently",
            400 => "Bad Request",
            403 => "Forbidden",
            409 => "Conflict",
            415 => "Unsupported Media Type",
            422 => "Unprocessable Content",
            500 => "Internal Server Error",
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
        let mut out = Deadline::new(&stream, deadline);
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        close(&stream);
        Ok(())
    }
}

/// Closes a connection once its response is written, letting the client read all of it: a
/// close with unread input would reset the connection and could lose the response. The
/// client's leftover input is read and dropped for [`LINGER`] at most in all, so a client that
/// keeps sending cannot keep the thread. The close itself never blocks (no `SO_LINGER`): the
/// kernel sends what is left.
fn close(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let leftover = Deadline::new(stream, Instant::now() + LINGER);
    let _ = io::copy(&mut leftover.take(MAX_HEAD), &mut io::sink());
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
    fn a_head_sent_a_byte_at_a_time_is_cut_off_at_its_deadline() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let client = std::thread::spawn(move || {
            let mut stream = TcpStream::connect(address).unwrap();
            for byte in b"GET / HTTP/1.1\r\nX: y\r\n".iter().cycle().take(100) {
                if stream.write_all(&[*byte]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let (server, _) = listener.accept().unwrap();
        let start = Instant::now();
        // Each read gets a byte well within 20 ms: only the deadline for the whole ends it.
        assert!(read_request(&server, start + Duration::from_millis(200), false).is_err());
        let took = start.elapsed();
        assert!(took < Duration::from_millis(600), "{took:?}");
        drop(server);
        client.join().unwrap();
    }

    #[test]
    fn request_lines_that_are_not_utf8_are_bad_requests() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        client.write_all(b"GET /\xff HTTP/1.1\r\n\r\n").unwrap();
        let (server, _) = listener.accept().unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        assert_eq!(read_request(&server, deadline, false).unwrap().0, None);
    }

    #[test]
    fn ipv6_clients_count_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(client(a), client(b));
        assert_ne!(client(a), client("2001:db8:1:3::1".parse().unwrap()));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(client(mapped), IpAddr::from([192, 0, 2, 7]));
    }

    #[test]
    fn pages_get_the_script_and_other_files_do_not() {
        let site = site();
        let r = site_file(&site, "/fr/", None);
        assert_eq!(r.status, 200);
        assert!(body(&r).contains("accueil<script src=\"/__polydocs/live.js\""));
        assert!(body(&r).contains("data-file=\"fr/index.html\""));
        let r = site_file(&site, "/static/style.css", None);
        assert_eq!((r.status, body(&r).as_str()), (200, "body{}"));
        assert_eq!(r.headers[0].1, "text/css; charset=utf-8");
    }

    #[test]
    fn folders_without_a_slash_are_redirected() {
        let r = site_file(&site(), "/fr/docs?x=1", None);
        assert_eq!(r.status, 301);
        assert_eq!(r.headers[1], ("Location", "/fr/docs/?x=1".to_string()));
    }

    #[test]
    fn missing_pages_get_their_language_404() {
        let site = site();
        let r = site_file(&site, "/fr/nope/", None);
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("introuvable"));
        assert!(body(&r).contains("data-file=\"fr/404.html\""));
        let r = site_file(&site, "/nope.html", None);
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("not found"));
        for bad in ["/../site.yaml", "/fr/..%2f..%2fsite.yaml", "/static/"] {
            assert_eq!(site_file(&site, bad, None).status, 404, "{bad}");
        }
        // No build yet: a plain page, still with the script (to show the errors).
        let r = site_file(&snapshot(&[]), "/fr/", None);
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("/__polydocs/live.js"));
    }
}
