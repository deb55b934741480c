//! The JSON-RPC transport: reads LSP frames from stdin, hands them to tower-lsp's service, and
//! writes its answers and requests to stdout.
//!
//! tower-lsp 0.20 has a `Server` for this, but it reads through tokio-util's `FramedRead`, which
//! ends the stream after the first decode error (one malformed message and the server stops
//! reading for good while staying alive), and whose buffer keeps the size of the largest message
//! ever received (a closed 50 MB document would pin 64 MB for the life of the server). This loop
//! skips malformed frames with a line on stderr, resynchronising on the next `Content-Length`,
//! and gives a big frame's buffer back once it is read.

use crate::server::analysis::panic_message;
use futures::channel::mpsc;
use futures::future::BoxFuture;
use futures::{future, stream, FutureExt, SinkExt, StreamExt};
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp::jsonrpc::{Error, Id, Request, Response};
use tower_lsp::ClientSocket;
use tower_service::Service;

const HEADER: &[u8] = b"Content-Length";
/// A header block longer than this without its blank line is garbage, not a header.
const MAX_HEADER: usize = 8 * 1024;

/// What the front of the buffer holds.
#[derive(Debug, PartialEq)]
enum Frame {
    /// Not enough bytes yet; `needs` is the whole frame's length when the header gave it, else 0.
    Incomplete { needs: usize },
    /// A whole frame: its body starts at `body` and ends at `end`.
    Whole { body: usize, end: usize },
    /// Garbage up to `skip` (the next `Content-Length`, or all but a possible partial header).
    Garbage { skip: usize },
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Where to resume after garbage at the front of `buf`.
fn resync(buf: &[u8]) -> usize {
    match find(buf.get(1..).unwrap_or_default(), HEADER) {
        Some(i) => i + 1,
        None => buf.len().saturating_sub(HEADER.len() - 1),
    }
}

fn next_frame(buf: &[u8]) -> Frame {
    let Some(header_end) = find(buf, b"\r\n\r\n") else {
        return if buf.len() > MAX_HEADER {
            Frame::Garbage { skip: resync(buf) }
        } else {
            Frame::Incomplete { needs: 0 }
        };
    };
    let mut length = None;
    for line in buf[..header_end].split(|&b| b == b'\n') {
        let line = std::str::from_utf8(line).unwrap_or("").trim();
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    match length {
        Some(n) => {
            let body = header_end + 4;
            match body.checked_add(n) {
                Some(end) if buf.len() >= end => Frame::Whole { body, end },
                Some(end) => Frame::Incomplete { needs: end },
                None => Frame::Garbage { skip: resync(buf) },
            }
        }
        None => Frame::Garbage {
            skip: resync(buf).max(1).min(header_end + 4),
        },
    }
}

fn some<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The envelope of a JSON-RPC message, read without copying the params. tower-lsp's `Request`
/// and `Response` decode exactly when this does (see the tests), with `method` telling which.
#[derive(Deserialize)]
struct Shape<'a> {
    #[serde(borrow)]
    jsonrpc: Cow<'a, str>,
    #[serde(default, borrow, deserialize_with = "some")]
    method: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "some")]
    #[allow(dead_code)]
    params: Option<IgnoredAny>,
    #[serde(default, deserialize_with = "some")]
    #[allow(dead_code)]
    id: Option<Id>,
}

/// One message from the client, as tower-lsp's types take it.
#[derive(Debug)]
enum Incoming {
    Request(Request),
    Response(Response),
}

/// Decodes a frame's body; `None` when it is not a JSON-RPC 2.0 request or response. The shape
/// is checked first without copying the params, so that a 50 MB didOpen is scanned, not built
/// twice, and so that a request is told from a response without serde's buffering `untagged`.
fn decode(body: &[u8]) -> Option<Incoming> {
    let shape = serde_json::from_slice::<Shape>(body).ok()?;
    if shape.jsonrpc != "2.0" {
        return None;
    }
    // As tower-lsp's own decoder: a response if it reads as one, else a request (whose method
    // may be missing; the service answers that one with "method not found").
    if shape.method.is_none() {
        if let Ok(response) = serde_json::from_slice(body) {
            return Some(Incoming::Response(response));
        }
    }
    serde_json::from_slice(body).ok().map(Incoming::Request)
}

/// Reads whole, well-formed messages from the client's byte stream.
struct MessageReader<R> {
    input: R,
    buf: Vec<u8>,
    chunk: Vec<u8>,
}

/// What the reader keeps between messages; a bigger buffer is given back after a big message.
const READ_BUFFER: usize = 64 * 1024;
/// The largest announced message the reader allocates for up front.
const MAX_RESERVE: usize = 1 << 30;

impl<R: AsyncRead + Unpin> MessageReader<R> {
    fn new(input: R) -> Self {
        MessageReader {
            input,
            buf: Vec::with_capacity(READ_BUFFER),
            chunk: vec![0; READ_BUFFER],
        }
    }

    /// The next message, skipping garbage; `None` when the stream ends or fails.
    async fn next(&mut self) -> Option<Incoming> {
        loop {
            if let Some(message) = self.take_buffered() {
                return Some(message);
            }
            match self.input.read(&mut self.chunk).await {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.buf.extend_from_slice(&self.chunk[..n]),
            }
        }
    }

    /// Takes the first whole message already in the buffer, dropping any garbage before it.
    fn take_buffered(&mut self) -> Option<Incoming> {
        loop {
            match next_frame(&self.buf) {
                Frame::Incomplete { needs } => {
                    // Grow once to the announced size rather than doubling past it; a size too
                    // big to believe (or to allocate) is left to grow as the bytes come.
                    if needs <= MAX_RESERVE {
                        let _ = self.buf.try_reserve_exact(needs.saturating_sub(self.buf.len()));
                    }
                    return None;
                }
                Frame::Garbage { skip } => {
                    eprintln!("minutes-lint server: ignored {skip} bytes that are not an LSP message header");
                    self.buf.drain(..skip);
                }
                Frame::Whole { body, end } => {
                    let message = decode(&self.buf[body..end]);
                    self.buf.drain(..end);
                    if self.buf.capacity() > 16 * READ_BUFFER && self.buf.len() < READ_BUFFER {
                        self.buf.shrink_to(READ_BUFFER); // Do not keep a big message's size for good.
                    }
                    match message {
                        Some(message) => return Some(message),
                        None => eprintln!(
                            "minutes-lint server: ignored a message of {} bytes that is not JSON-RPC",
                            end - body
                        ),
                    }
                }
            }
        }
    }
}

/// Writes one message as an LSP frame.
async fn write_message(output: &mut (impl AsyncWrite + Unpin), message: &impl Serialize) -> std::io::Result<()> {
    let body = serde_json::to_vec(message).map_err(std::io::Error::other)?;
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    output.write_all(header.as_bytes()).await?;
    output.write_all(&body).await?;
    output.flush().await
}

/// How many requests the service works on at once; as tower-lsp's own `Server`. Each future is
/// first polled in arrival order, so notifications still take effect in order.
const CONCURRENT_REQUESTS: usize = 4;
/// Requests read ahead of the service before reading waits.
const QUEUE: usize = 100;

/// Serves `service` over `input` and `output` until the input ends.
pub async fn serve<S>(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
    mut service: S,
    socket: ClientSocket,
) where
    S: Service<Request, Response = Option<Response>>,
    S::Error: std::fmt::Display,
    S::Future: Send + 'static,
{
    let (server_requests, mut client_responses) = socket.split();
    let (server_requests, stop_server_requests) = stream::abortable(server_requests);
    let (answers_tx, answers_rx) = mpsc::channel::<Response>(0);
    let (mut work_tx, work_rx) = mpsc::channel(QUEUE);

    let work = work_rx
        .buffer_unordered(CONCURRENT_REQUESTS)
        .filter_map(future::ready)
        .map(Ok)
        .forward(answers_tx.sink_map_err(|_| ()))
        .map(|_| ());

    let write = async {
        let mut outgoing = stream::select(
            answers_rx.map(Outgoing::Response),
            server_requests.map(Outgoing::Request),
        );
        while let Some(message) = outgoing.next().await {
            if let Err(e) = write_message(&mut output, &message).await {
                eprintln!("minutes-lint server: cannot write to the client: {e}");
                return;
            }
        }
    };

    let read = async {
        let mut reader = MessageReader::new(input);
        while let Some(message) = reader.next().await {
            match message {
                Incoming::Request(request) => {
                    if let Err(e) = future::poll_fn(|cx| service.poll_ready(cx)).await {
                        eprintln!("minutes-lint server: the service stopped: {e}");
                        break;
                    }
                    if work_tx.send(answer_guarded(&mut service, request)).await.is_err() {
                        break;
                    }
                }
                Incoming::Response(response) => {
                    if client_responses.send(response).await.is_err() {
                        break;
                    }
                }
            }
        }
        work_tx.disconnect();
        stop_server_requests.abort();
    };

    futures::join!(read, work, write);
}

/// The service's answer to `request`. A panic while answering (a bug, never the client's fault)
/// becomes an "internal error" answer to that request, and the server keeps serving.
fn answer_guarded<S>(service: &mut S, request: Request) -> BoxFuture<'static, Option<Response>>
where
    S: Service<Request, Response = Option<Response>>,
    S::Error: std::fmt::Display,
    S::Future: Send + 'static,
{
    let id = request.id().cloned();
    let method = request.method().to_string();
    let failed = move |panic: Box<dyn std::any::Any + Send>| {
        eprintln!(
            "minutes-lint server: internal error answering {method}: {}",
            panic_message(panic)
        );
        id.map(|id| Response::from_error(id, Error::internal_error()))
    };
    match catch_unwind(AssertUnwindSafe(|| service.call(request))) {
        Ok(answer) => AssertUnwindSafe(answer)
            .catch_unwind()
            .map(|outcome| match outcome {
                Ok(Ok(response)) => response,
                Ok(Err(e)) => {
                    eprintln!("minutes-lint server: {e}");
                    None
                }
                Err(panic) => failed(panic),
            })
            .boxed(),
        Err(panic) => future::ready(failed(panic)).boxed(),
    }
}

/// A message to the client: an answer, or a request of the server's own.
#[derive(Serialize)]
#[serde(untagged)]
enum Outgoing {
    Response(Response),
    Request(Request),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// The methods of the requests read from `input`, in order ("<response>" for a response).
    async fn read_all(input: &[u8]) -> Vec<String> {
        read_all_from(input).await
    }

    async fn read_all_from(input: impl AsyncRead + Unpin) -> Vec<String> {
        let mut reader = MessageReader::new(input);
        let mut read = Vec::new();
        while let Some(message) = reader.next().await {
            read.push(match message {
                Incoming::Request(request) => request.method().to_string(),
                Incoming::Response(_) => "<response>".to_string(),
            });
        }
        read
    }

    #[tokio::test]
    async fn keeps_good_frames_and_drops_the_rest() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = String::new();
        input.push_str(&framed("{{{{"));
        input.push_str("garbage\r\n\r\n");
        input.push_str(&framed(r#"{"foo":1}"#));
        // Too small: the rest of the body is garbage until the next header.
        input.push_str(&format!("Content-Length: 10\r\n\r\n{good}"));
        input.push_str(&format!(
            "Content-Length: {}\r\nContent-Type: x\r\nX: y\r\n\r\n{good}",
            good.len()
        ));
        input.push_str(&framed(r#"{"jsonrpc":"2.0","id":7,"result":null}"#));
        assert_eq!(read_all(input.as_bytes()).await, ["shutdown", "<response>"]);
    }

    /// A message bigger than the read buffer is read whole, and the buffer shrinks after it.
    #[tokio::test]
    async fn a_big_message_is_read_and_its_buffer_given_back() {
        let text = "x".repeat(4 << 20);
        let big = format!(r#"{{"jsonrpc":"2.0","method":"big","params":{{"text":"{text}"}}}}"#);
        let small = r#"{"jsonrpc":"2.0","method":"small"}"#;
        let input = format!("{}{}", framed(&big), framed(small));
        let mut reader = MessageReader::new(input.as_bytes());
        let Some(Incoming::Request(request)) = reader.next().await else {
            panic!("the big request is read");
        };
        assert_eq!(
            request.params().and_then(|p| p["text"].as_str()).map(str::len),
            Some(4 << 20)
        );
        assert!(reader.next().await.is_some());
        assert!(reader.buf.capacity() <= READ_BUFFER, "{}", reader.buf.capacity());
    }

    /// Frames split anywhere across reads, with garbage between them, come out whole and in order.
    #[tokio::test]
    async fn frames_split_across_reads_come_out_whole() {
        let mut input = Vec::new();
        for n in 0..50 {
            input.extend_from_slice(framed(&format!(r#"{{"jsonrpc":"2.0","method":"m{n}"}}"#)).as_bytes());
            if n % 7 == 0 {
                input.extend_from_slice("\u{0}é\r\n\r\nContent-Type: x\r\n\r\n".as_bytes());
            }
        }
        for piece in [1, 2, 5, 64] {
            let (reader, mut writer) = tokio::io::duplex(16);
            let bytes = input.clone();
            let feed = tokio::spawn(async move {
                for part in bytes.chunks(piece) {
                    writer.write_all(part).await.unwrap();
                }
            });
            let read = read_all_from(reader).await;
            feed.await.unwrap();
            let expected: Vec<String> = (0..50).map(|n| format!("m{n}")).collect();
            assert_eq!(read, expected, "pieces of {piece} bytes");
        }
    }

    /// Passes requests to the real server, except the `boom/…` ones, which panic.
    struct Panicking<S>(S);

    impl<S> Service<Request> for Panicking<S>
    where
        S: Service<Request, Response = Option<Response>>,
        S::Future: Send + 'static,
    {
        type Response = Option<Response>;
        type Error = S::Error;
        type Future = BoxFuture<'static, Result<Option<Response>, S::Error>>;

        fn poll_ready(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), S::Error>> {
            self.0.poll_ready(cx)
        }

        fn call(&mut self, request: Request) -> Self::Future {
            match request.method() {
                "boom/now" => panic!("while calling"),
                "boom/later" => async { panic!("while answering") }.boxed(),
                _ => self.0.call(request).boxed(),
            }
        }
    }

    /// A request that panics is answered with an internal error, and the server goes on.
    #[tokio::test]
    async fn a_panicking_request_gets_an_error_and_serving_goes_on() {
        let (service, socket) = tower_lsp::LspService::new(crate::server::Backend::new);
        let (client_end, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, client_in) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(serve(server_in, server_out, Panicking(service), socket));
        let mut to_server = client_end;
        let requests = [
            (1, "initialize", r#"{"capabilities":{}}"#),
            (2, "boom/now", "null"),
            (3, "boom/later", "null"),
            (4, "shutdown", "null"),
        ];
        for (id, method, params) in requests {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"{method}","params":{params}}}"#);
            to_server.write_all(framed(&body).as_bytes()).await.unwrap();
        }
        let mut from_server = MessageReader::new(client_in);
        let mut answers = std::collections::BTreeMap::new();
        while answers.len() < requests.len() {
            match from_server.next().await {
                Some(Incoming::Response(response)) => {
                    let json = serde_json::to_value(&response).unwrap();
                    answers.insert(json["id"].as_i64().unwrap(), json);
                }
                Some(Incoming::Request(_)) => {} // Log messages and the like.
                None => panic!("the server stopped; answers so far: {answers:?}"),
            }
        }
        assert!(answers[&1]["result"]["capabilities"].is_object(), "{}", answers[&1]);
        for id in [2, 3] {
            assert_eq!(answers[&id]["error"]["code"], -32603, "{}", answers[&id]);
        }
        assert_eq!(answers[&4]["result"], serde_json::Value::Null, "{}", answers[&4]);
        drop(to_server);
        server.await.unwrap();
    }

    /// A Content-Length too big to allocate is waited for, not allocated and not a crash.
    #[tokio::test]
    async fn an_absurd_length_is_not_allocated() {
        let input = format!("Content-Length: {}\r\n\r\n{{}}", usize::MAX - 100);
        assert!(read_all(input.as_bytes()).await.is_empty());
        let input = format!("Content-Length: {}\r\n\r\n{{}}", MAX_RESERVE * 4);
        let mut reader = MessageReader::new(input.as_bytes());
        assert!(reader.next().await.is_none());
        assert!(reader.buf.capacity() < MAX_RESERVE);
    }

    /// The reader tells requests from responses as tower-lsp's own types do.
    #[test]
    fn decoding_agrees_with_tower_lsp() {
        for body in [
            r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#,
            r#"{"jsonrpc":"2.0","method":"x","params":[1,{"a":null}]}"#,
            r#"{"jsonrpc":"2.0","id":"a","result":null}"#,
            r#"{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"m"}}"#,
            r#"{"jsonrpc":"2.0","params":null}"#,
            r#"{"jsonrpc":"2\u002e0","method":"esc\"aped"}"#,
            r#"{"jsonrpc":"2.0","method":null}"#,
            r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#,
            r#"{"jsonrpc":"2.0","id":[1],"method":"x"}"#,
            r#"{"jsonrpc":"1.0","method":"x"}"#,
            r#"{"method":"x"}"#,
            r#"{"jsonrpc":"2.0","method":"x"} trailing"#,
            r#"[{"jsonrpc":"2.0","method":"x"}]"#,
            "",
        ] {
            let request = serde_json::from_str::<Request>(body).is_ok();
            let response = serde_json::from_str::<Response>(body).is_ok();
            let ours = decode(body.as_bytes());
            assert_eq!(matches!(ours, Some(Incoming::Response(_))), response, "{body}");
            assert_eq!(
                matches!(ours, Some(Incoming::Request(_))),
                request && !response,
                "{body}"
            );
        }
    }

    #[test]
    fn a_partial_frame_waits() {
        assert_eq!(
            next_frame(b"Content-Length: 10\r\n\r\n{}"),
            Frame::Incomplete { needs: 32 }
        );
        assert_eq!(next_frame(b"Content-Len"), Frame::Incomplete { needs: 0 });
    }
}
