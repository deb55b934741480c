//! A small LSP client for tests: starts `minutes-lint server`, frames JSON-RPC with
//! Content-Length headers, answers the server's requests, and never blocks without a timeout.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct LspClient {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Value>,
    pending: VecDeque<Value>,
    next_id: i64,
    /// What the client answers to `workspace/configuration` (for section `minutes-lint`).
    pub settings: Arc<Mutex<Value>>,
}

fn write_message(stdin: &Mutex<ChildStdin>, value: &Value) {
    let body = serde_json::to_string(value).unwrap();
    let mut stdin = stdin.lock().unwrap();
    // The server may have exited; tests notice through timeouts and exit codes.
    let _ = write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body);
    let _ = stdin.flush();
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("the server wrote something that is not JSON"))
}

impl LspClient {
    pub fn start() -> Self {
        Self::start_binary(std::path::Path::new(env!("CARGO_BIN_EXE_minutes-lint")))
    }

    /// Starts `minutes-lint server` from this binary (e.g. the release build for heavy tests).
    pub fn start_binary(binary: &std::path::Path) -> Self {
        let mut command = Command::new(binary);
        command.arg("server");
        Self::start_command(command)
    }

    /// Starts a server with this command line (e.g. under strace); stdio is set here.
    pub fn start_command(mut command: Command) -> Self {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start minutes-lint server");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let settings = Arc::new(Mutex::new(json!({})));
        let (tx, rx) = channel();
        let (writer, answers) = (stdin.clone(), settings.clone());
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if let (Some(id), Some(method)) = (message.get("id"), message.get("method").and_then(Value::as_str)) {
                    let result = match method {
                        "workspace/configuration" => {
                            let n = message["params"]["items"].as_array().map_or(1, Vec::len);
                            Value::Array(vec![answers.lock().unwrap().clone(); n])
                        }
                        "workspace/applyEdit" => json!({"applied": false}),
                        _ => Value::Null,
                    };
                    write_message(&writer, &json!({"jsonrpc": "2.0", "id": id, "result": result}));
                }
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        LspClient {
            child,
            stdin,
            rx,
            pending: VecDeque::new(),
            next_id: 1,
            settings,
        }
    }

    /// Starts the server and runs the initialize handshake with these client capabilities.
    pub fn initialized(capabilities: Value) -> (Self, Value) {
        Self::initialized_with(capabilities, Value::Null)
    }

    pub fn initialized_with(capabilities: Value, workspace_folders: Value) -> (Self, Value) {
        Self::handshake(Self::start(), capabilities, workspace_folders)
    }

    /// [`Self::initialized`] for a given build of the server.
    pub fn initialized_binary(binary: &std::path::Path, capabilities: Value) -> (Self, Value) {
        Self::handshake(Self::start_binary(binary), capabilities, Value::Null)
    }

    fn handshake(mut client: Self, capabilities: Value, workspace_folders: Value) -> (Self, Value) {
        let result = client.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "workspaceFolders": workspace_folders}),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let message = if params.is_null() {
            json!({"jsonrpc": "2.0", "method": method})
        } else {
            json!({"jsonrpc": "2.0", "method": method, "params": params})
        };
        write_message(&self.stdin, &message);
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let message = if params.is_null() {
            json!({"jsonrpc": "2.0", "id": id, "method": method})
        } else {
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
        };
        write_message(&self.stdin, &message);
        self.wait_for(&format!("response to {method}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// Sends a request and returns its result, failing the test on an error.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(v) => Some(v),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Waits for the first message matching `pred` (earlier unmatched messages stay queued).
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.try_wait_for(TIMEOUT, &pred)
            .unwrap_or_else(|| panic!("timed out waiting for {what}; queued: {:?}", self.pending))
    }

    pub fn try_wait_for(&mut self, timeout: Duration, pred: &impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.pending.iter().position(pred) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + timeout;
        while let Some(message) = self.receive(deadline) {
            if pred(&message) {
                return Some(message);
            }
            self.pending.push_back(message);
        }
        None
    }

    /// Everything that arrives within `quiet` of silence (and what was queued).
    pub fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        let mut out: Vec<Value> = self.pending.drain(..).collect();
        while let Ok(m) = self.rx.recv_timeout(quiet) {
            out.push(m);
        }
        out
    }

    /// Waits for `publishDiagnostics` for `uri` at `version`; returns its diagnostics.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait_for(&format!("diagnostics for {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "minutes", "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// Shuts down cleanly; returns the exit status code.
    pub fn shutdown(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Writes raw bytes to the server's stdin, framing and all (for malformed input).
    pub fn send_raw(&self, bytes: &[u8]) {
        let mut stdin = self.stdin.lock().unwrap();
        let _ = stdin.write_all(bytes);
        let _ = stdin.flush();
    }

    /// Sends a request without waiting; returns its id (see [`LspClient::response`]).
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        write_message(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        );
        id
    }

    /// The response to request `id`, if it comes within `timeout`.
    pub fn response(&mut self, id: i64, timeout: Duration) -> Option<Value> {
        self.try_wait_for(timeout, &|m: &Value| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// Waits up to `timeout` for the server to end by itself; its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
