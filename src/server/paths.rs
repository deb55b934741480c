//! Document URIs to file paths, the same on every platform: VS Code on Windows sends
//! `file:///c%3A/Users/…` (the drive's colon percent-encoded), which the `url` crate's own
//! conversion refuses there, so a draft would lose its `minutes-lint.toml`.

use percent_encoding::percent_decode_str;
use std::path::PathBuf;
use tower_lsp::lsp_types::Url;

/// The file a `file:` URI names on this platform, or None for other schemes.
pub fn file_path(uri: &Url) -> Option<PathBuf> {
    file_path_text(uri, cfg!(windows)).map(PathBuf::from)
}

/// The path a `file:` URI names, written for Windows (`windows`) or for Unix. Pure, so both
/// forms are tested on any platform.
pub fn file_path_text(uri: &Url, windows: bool) -> Option<String> {
    if uri.scheme() != "file" {
        return None;
    }
    let decoded = percent_decode_str(uri.path()).decode_utf8().ok()?.into_owned();
    let host = uri
        .host_str()
        .filter(|h| !h.is_empty() && !h.eq_ignore_ascii_case("localhost"));
    if !windows {
        // A Unix path has no host; a UNC share means nothing here.
        return host.is_none().then_some(decoded);
    }
    let rest = decoded.strip_prefix('/').unwrap_or(&decoded);
    let path = match host {
        // file://server/share/x → \\server\share\x
        Some(host) => format!("\\\\{host}\\{rest}"),
        None => {
            let bytes = rest.as_bytes();
            let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && matches!(bytes[1], b':' | b'|');
            if !drive {
                return None;
            }
            // "c|/x" is an old spelling of "c:/x"; drive letters are written upper case.
            format!("{}:{}", char::from(bytes[0]).to_ascii_uppercase(), &rest[2..])
        }
    };
    Some(path.replace('/', "\\"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn vscode_windows_uris_become_drive_paths() {
        let draft = uri("file:///c%3A/Users/Clerk/Council%20Minutes/draft.minutes");
        assert_eq!(
            file_path_text(&draft, true).as_deref(),
            Some("C:\\Users\\Clerk\\Council Minutes\\draft.minutes")
        );
        assert_eq!(
            file_path_text(&uri("file:///D:/minutes/a.minutes.md"), true).as_deref(),
            Some("D:\\minutes\\a.minutes.md")
        );
        assert_eq!(
            file_path_text(&uri("file://fileserver/democratic/draft.minutes"), true).as_deref(),
            Some("\\\\fileserver\\democratic\\draft.minutes")
        );
        assert_eq!(file_path_text(&uri("file:///no-drive/draft.minutes"), true), None);
    }

    #[test]
    fn unix_uris_become_unix_paths() {
        assert_eq!(
            file_path_text(&uri("file:///home/clerk/Council%20Minutes/draft.minutes"), false).as_deref(),
            Some("/home/clerk/Council Minutes/draft.minutes")
        );
        assert_eq!(file_path_text(&uri("file://server/share/x.minutes"), false), None);
        assert_eq!(file_path_text(&uri("untitled:Untitled-1"), false), None);
        assert_eq!(file_path_text(&uri("untitled:Untitled-1"), true), None);
    }

    #[test]
    fn on_this_platform_the_path_finds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a b.minutes");
        std::fs::write(&file, "x").unwrap();
        let url = Url::from_file_path(&file).unwrap();
        assert_eq!(file_path(&url).as_deref(), Some(file.as_path()));
    }
}
