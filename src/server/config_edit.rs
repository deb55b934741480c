//! Text edits to `minutes-lint.toml` that keep its content and comments: add a `[per-file]`
//! allowance or a known acronym by inserting into the right table.

/// The new text of the config file after allowing `rule` for `path`, or None if already allowed.
pub fn allow_rule(text: &str, path: &str, rule: &str) -> Option<String> {
    insert_into_array(text, "per-file", &quote(path), rule)
}

/// The new text after adding `acronym` to `[acronyms] known`, or None if already there.
pub fn add_known_acronym(text: &str, acronym: &str) -> Option<String> {
    insert_into_array(text, "acronyms", "known", acronym)
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn unquote_key(key: &str) -> String {
    let key = key.trim();
    if let Some(inner) = key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    } else if let Some(inner) = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) {
        inner.to_string()
    } else {
        key.to_string()
    }
}

/// Lines with their byte offsets (start, content end without line break, next line's start).
fn lines(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let (content, brk) = match rest.find('\n') {
            Some(i) if i > 0 && rest.as_bytes()[i - 1] == b'\r' => (i - 1, i + 1),
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        out.push((start, start + content, start + brk));
        start += brk;
    }
    out
}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

/// Inserts `value` (as a TOML string) into the array at `key` in `[table]`, creating the key or
/// the table when missing.
fn insert_into_array(text: &str, table: &str, key: &str, value: &str) -> Option<String> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let quoted_value = quote(value);
    let all = lines(text);
    let header = format!("[{table}]");
    let header_at = all.iter().position(|&(s, e, _)| {
        let line = text[s..e].split('#').next().unwrap_or("").trim();
        line == header
    });
    let Some(header_at) = header_at else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        if !out.is_empty() {
            out.push_str(newline);
        }
        out.push_str(&format!("{header}{newline}{key} = [{quoted_value}]{newline}"));
        return Some(out);
    };
    let table_end = all[header_at + 1..]
        .iter()
        .position(|&(s, e, _)| is_header(&text[s..e]))
        .map_or(all.len(), |i| header_at + 1 + i);
    let wanted_key = unquote_key(key);
    for &(s, e, _) in &all[header_at + 1..table_end] {
        let line = &text[s..e];
        let Some((k, _)) = line.split_once('=') else {
            continue;
        };
        if line.trim_start().starts_with('#') || unquote_key(k) != wanted_key {
            continue;
        }
        // The array runs from the first `[` after `=` to the next `]`.
        let eq = s + line.find('=')?;
        let open = eq + text[eq..].find('[')?;
        let close = open + text[open..].find(']')?;
        let inside = &text[open + 1..close];
        if inside.contains(&quoted_value) || inside.contains(&format!("'{value}'")) {
            return None;
        }
        let last = inside.trim_end().chars().next_back();
        let insertion = match last {
            None => quoted_value.clone(),
            Some(',') => format!(" {quoted_value}"),
            Some(_) => format!(", {quoted_value}"),
        };
        let at = open + 1 + inside.trim_end().len();
        let mut out = text.to_string();
        out.insert_str(at, &insertion);
        return Some(out);
    }
    // No such key: add it after the table's last non-blank line.
    let last_content = all[header_at..table_end]
        .iter()
        .rposition(|&(s, e, _)| !text[s..e].trim().is_empty())
        .map_or(header_at, |i| header_at + i);
    let (_, end, next) = all[last_content];
    let mut out = text.to_string();
    let line = format!("{key} = [{quoted_value}]");
    if next == end {
        // The last line of the file, without a line break.
        out.insert_str(end, &format!("{newline}{line}{newline}"));
    } else {
        out.insert_str(next, &format!("{line}{newline}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;

    fn valid(text: &str) {
        Config::from_toml(text, "t.toml", &crate::core::rules::names()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    }

    #[test]
    fn creates_tables_in_an_empty_file() {
        let out = allow_rule("", "drafts/a.minutes", "first-person").unwrap();
        assert_eq!(out, "[per-file]\n\"drafts/a.minutes\" = [\"first-person\"]\n");
        valid(&out);
        let out = add_known_acronym("# my config\n[rules]\nfirst-person = \"off\"", "ABC").unwrap();
        assert_eq!(
            out,
            "# my config\n[rules]\nfirst-person = \"off\"\n\n[acronyms]\nknown = [\"ABC\"]\n"
        );
        valid(&out);
    }

    #[test]
    fn inserts_into_existing_arrays_keeping_comments() {
        let text =
            "[acronyms] # ours\n# keep me\nknown = [\"NHS\", \"UK\"] # trailing\n\n[acronyms.glossary]\nSEND = \"x\"\n";
        let out = add_known_acronym(text, "CHC").unwrap();
        assert!(out.contains("known = [\"NHS\", \"UK\", \"CHC\"] # trailing"), "{out}");
        assert!(out.contains("# keep me"));
        valid(&out);
        assert_eq!(add_known_acronym(&out, "CHC"), None);
        let text = "[acronyms]\nknown = [\n  \"NHS\",\n]\n";
        let out = add_known_acronym(text, "CHC").unwrap();
        valid(&out);
        assert!(out.contains("\"NHS\", \"CHC\""), "{out}");
        let out = add_known_acronym("[acronyms]\nknown = []\n", "CHC").unwrap();
        assert_eq!(out, "[acronyms]\nknown = [\"CHC\"]\n");
    }

    #[test]
    fn adds_keys_at_the_end_of_their_table() {
        let text = "[per-file]\n\"old/**\" = [\"all\"]\n\n[rules]\ntitle-style = \"off\"\r\n";
        let out = allow_rule(text, "a.minutes", "first-person").unwrap();
        assert!(
            out.starts_with("[per-file]\n\"old/**\" = [\"all\"]\n\"a.minutes\" = [\"first-person\"]"),
            "{out}"
        );
        valid(&out);
        let out2 = allow_rule(&out, "a.minutes", "title-style").unwrap();
        assert!(
            out2.contains("\"a.minutes\" = [\"first-person\", \"title-style\"]"),
            "{out2}"
        );
        valid(&out2);
        assert_eq!(allow_rule(&out2, "a.minutes", "title-style"), None);
    }
}
