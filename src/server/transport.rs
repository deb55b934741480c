//! A guard in front of tower-lsp's reader: only well-formed JSON-RPC frames get through.
//!
//! tower-lsp 0.20 reads stdin through tokio-util's `FramedRead`, which ends the stream after the
//! first decode error: one malformed message (bad JSON, a wrong `Content-Length`, an odd header)
//! and the server stops reading for good while staying alive. This filter reads the raw bytes,
//! re-frames every message whose body is a JSON-RPC request or response, and drops (with a line
//! on stderr) anything else, resynchronising on the next `Content-Length` header.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp::jsonrpc::Id;

const HEADER: &[u8] = b"Content-Length";
/// A header block longer than this without its blank line is garbage, not a header.
const MAX_HEADER: usize = 8 * 1024;

/// What the front of the buffer holds.
#[derive(Debug, PartialEq)]
enum Frame {
    /// Not enough bytes yet.
    Incomplete,
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
            Frame::Incomplete
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
                Some(_) => Frame::Incomplete,
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

/// What tower-lsp's `Request` accepts (and every `Response` is one too: tower-lsp's `Message`
/// decodes when either does), checked without copying the params: a 50 MB didOpen is scanned,
/// not built into a second `serde_json::Value`.
#[derive(Deserialize)]
struct Shape<'a> {
    #[serde(borrow)]
    jsonrpc: Cow<'a, str>,
    #[serde(default, borrow, deserialize_with = "some")]
    #[allow(dead_code)]
    method: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "some")]
    #[allow(dead_code)]
    params: Option<IgnoredAny>,
    #[serde(default, deserialize_with = "some")]
    #[allow(dead_code)]
    id: Option<Id>,
}

/// True when tower-lsp can decode `body` as a message.
fn is_message(body: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    serde_json::from_str::<Shape>(text).is_ok_and(|shape| shape.jsonrpc == "2.0")
}

/// Copies well-formed frames from `input` to `output` until `input` ends.
pub async fn filter(mut input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        loop {
            match next_frame(&buf) {
                Frame::Incomplete => break,
                Frame::Garbage { skip } => {
                    eprintln!("minutes-lint server: ignored {skip} bytes that are not an LSP message header");
                    buf.drain(..skip);
                }
                Frame::Whole { body, end } => {
                    if is_message(&buf[body..end]) {
                        let header = format!("Content-Length: {}\r\n\r\n", end - body);
                        if output.write_all(header.as_bytes()).await.is_err()
                            || output.write_all(&buf[body..end]).await.is_err()
                        {
                            return;
                        }
                    } else {
                        eprintln!(
                            "minutes-lint server: ignored a message of {} bytes that is not JSON-RPC",
                            end - body
                        );
                    }
                    buf.drain(..end);
                }
            }
        }
        let _ = output.flush().await;
        if buf.capacity() > 1 << 20 && buf.len() < 64 * 1024 {
            buf.shrink_to(64 * 1024); // After a huge message, do not keep its size for good.
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let _ = output.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    async fn run(input: &[u8]) -> String {
        let mut out = Vec::new();
        filter(input, &mut out).await;
        String::from_utf8(out).unwrap()
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
        let out = run(input.as_bytes()).await;
        assert_eq!(out, framed(good));
    }

    /// The shape check agrees with tower-lsp's own types on what is a message.
    #[test]
    fn the_shape_check_agrees_with_tower_lsp() {
        use tower_lsp::jsonrpc::{Request, Response};
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
            let theirs =
                serde_json::from_str::<Request>(body).is_ok() || serde_json::from_str::<Response>(body).is_ok();
            assert_eq!(is_message(body.as_bytes()), theirs, "{body}");
        }
    }

    #[test]
    fn a_partial_frame_waits() {
        assert_eq!(next_frame(b"Content-Length: 10\r\n\r\n{}"), Frame::Incomplete);
        assert_eq!(next_frame(b"Content-Len"), Frame::Incomplete);
    }
}
