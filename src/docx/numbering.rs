//! Word's automatic list numbering (`word/numbering.xml`, and list styles in `word/styles.xml`)
//! turned into the number text a reader sees ("3.", "2.1", "(b)").
//!
//! Word keeps one set of counters per abstract list; a list instance (`w:num`) that restarts
//! numbering (`w:lvlOverride/w:startOverride`) gets its own. Advancing a level resets every
//! deeper level, so "2.1" follows "2." and "3." is followed by "3.1".

use super::attr;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// How a level's counter is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// Bullets and pictures: no number a rule could read.
    Bullet,
    /// `none`: the level text is shown as it is.
    None,
}

impl Format {
    fn from_word(value: &str) -> Format {
        match value {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // decimal, ordinal, cardinalText and the scripts Word offers: written as digits.
            _ => Format::Decimal,
        }
    }
}

/// One level of a list.
#[derive(Clone, Debug)]
struct Level {
    format: Format,
    /// The level text with `%1`…`%9` standing for the counters.
    text: String,
    start: u32,
    /// What follows the number: Word's `w:suff` (tab by default).
    suffix: &'static str,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            format: Format::Decimal,
            text: String::new(),
            start: 1,
            suffix: "\t",
        }
    }
}

/// A list instance: which abstract list it shows, and its restarts.
#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    /// Per level: a start override, and a replacement level.
    overrides: HashMap<usize, (Option<u32>, Option<Level>)>,
}

/// The numbering definitions of one document and the counters as the body is read in order.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// Paragraph styles that carry numbering: style id → (numId, level), after `basedOn`.
    styles: HashMap<String, (Option<String>, Option<usize>)>,
    counters: HashMap<String, [Option<u32>; 9]>,
}

/// A paragraph style as written: (basedOn, numId, ilvl).
type RawStyle = (Option<String>, Option<String>, Option<usize>);

fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

impl Numbering {
    /// Reads `numbering.xml` (may be absent or damaged: numbering is then left out, never fatal).
    pub fn read(numbering_xml: Option<&[u8]>, styles_xml: Option<&[u8]>) -> Numbering {
        let mut numbering = Numbering::default();
        if let Some(xml) = numbering_xml {
            numbering.read_numbering(xml);
        }
        if let Some(xml) = styles_xml {
            numbering.read_styles(xml);
        }
        numbering
    }

    fn read_numbering(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        // Where we are: the abstract list or num being read, and the level within it.
        let mut abstract_id: Option<String> = None;
        let mut num: Option<(String, Num)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            let (e, is_start) = match &event {
                Event::Start(e) => (e.clone(), true),
                Event::Empty(e) => (e.clone(), false),
                Event::End(end) => {
                    match end.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"lvl" => {
                            if let Some((ilvl, lvl)) = level.take() {
                                if let Some((_, n)) = num.as_mut() {
                                    if let Some(at) = override_level {
                                        n.overrides.entry(at).or_default().1 = Some(lvl);
                                    }
                                } else if let Some(id) = &abstract_id {
                                    let levels = self.abstracts.entry(id.clone()).or_default();
                                    if ilvl < 9 {
                                        if levels.len() <= ilvl {
                                            levels.resize(ilvl + 1, Level::default());
                                        }
                                        levels[ilvl] = lvl;
                                    }
                                }
                            }
                        }
                        b"lvlOverride" => override_level = None,
                        b"num" => {
                            if let Some((id, n)) = num.take() {
                                self.nums.insert(id, n);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" if is_start => abstract_id = attr(&e, b"abstractNumId"),
                b"num" if is_start => {
                    num = attr(&e, b"numId").map(|id| (id, Num::default()));
                }
                b"abstractNumId" => {
                    if let (Some((_, n)), Some(v)) = (num.as_mut(), val(&e)) {
                        n.abstract_id = v;
                    }
                }
                b"lvlOverride" if is_start => {
                    override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).filter(|l| *l < 9);
                }
                b"startOverride" => {
                    if let (Some((_, n)), Some(at), Some(v)) = (num.as_mut(), override_level, val(&e)) {
                        n.overrides.entry(at).or_default().0 = v.parse().ok();
                    }
                }
                b"lvl" if is_start => {
                    let ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((ilvl, Level::default()));
                }
                b"start" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e)) {
                        l.start = v.parse().unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e)) {
                        l.format = Format::from_word(&v);
                    }
                }
                b"lvlText" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e)) {
                        l.text = v;
                    }
                }
                b"suff" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e)) {
                        l.suffix = match v.as_str() {
                            "space" => " ",
                            "nothing" => "",
                            _ => "\t",
                        };
                    }
                }
                _ => {}
            }
        }
    }

    fn read_styles(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        // style id → (basedOn, numId, ilvl)
        let mut raw: HashMap<String, RawStyle> = HashMap::new();
        let mut current: Option<String> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            let e = match &event {
                Event::Start(e) | Event::Empty(e) => e.clone(),
                Event::End(end) if end.local_name().as_ref() == b"style" => {
                    current = None;
                    continue;
                }
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"style" if matches!(event, Event::Start(_)) => {
                    current = (attr(&e, b"type").as_deref() == Some("paragraph"))
                        .then(|| attr(&e, b"styleId"))
                        .flatten();
                }
                b"basedOn" => {
                    if let Some(id) = &current {
                        raw.entry(id.clone()).or_default().0 = val(&e);
                    }
                }
                b"numId" => {
                    if let Some(id) = &current {
                        raw.entry(id.clone()).or_default().1 = val(&e);
                    }
                }
                b"ilvl" => {
                    if let Some(id) = &current {
                        raw.entry(id.clone()).or_default().2 = val(&e).and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            }
        }
        for id in raw.keys() {
            let (mut num, mut ilvl) = (None, None);
            let mut at = Some(id.clone());
            // Follow basedOn, at most a few steps (a loop in a damaged file must end).
            for _ in 0..16 {
                let Some(style) = at.as_ref().and_then(|s| raw.get(s)) else {
                    break;
                };
                num = num.or_else(|| style.1.clone());
                ilvl = ilvl.or(style.2);
                at = style.0.clone();
            }
            if num.is_some() {
                self.styles.insert(id.clone(), (num, ilvl));
            }
        }
    }

    /// The numbering a paragraph style gives its paragraphs.
    pub fn style_numbering(&self, style: &str) -> (Option<String>, Option<usize>) {
        self.styles.get(style).cloned().unwrap_or_default()
    }

    /// Advances the counter for a paragraph numbered `num_id` at `ilvl` and returns the text a
    /// reader sees before the paragraph's own text ("3.\t"), or `None` (bullets, no numbering).
    pub fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        if num_id == "0" || ilvl >= 9 {
            return None;
        }
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let level_of = |i: usize| -> Level {
            match num.overrides.get(&i) {
                Some((_, Some(l))) => l.clone(),
                _ => levels.get(i).cloned().unwrap_or_default(),
            }
        };
        let start_of = |i: usize| -> u32 {
            match num.overrides.get(&i) {
                Some((Some(start), _)) => *start,
                _ => level_of(i).start,
            }
        };
        // A list instance that restarts numbering counts on its own.
        let key = if num.overrides.values().any(|(s, _)| s.is_some()) {
            format!("num:{num_id}")
        } else {
            format!("abstract:{}", num.abstract_id)
        };
        let counters = self.counters.entry(key).or_insert([None; 9]);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(n) => n.saturating_add(1),
            None => start_of(ilvl),
        });
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let level = level_of(ilvl);
        if level.format == Format::Bullet {
            return None;
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars
                    .peek()
                    .and_then(|d| d.to_digit(10))
                    .filter(|d| (1..=9).contains(d))
                {
                    chars.next();
                    let at = d as usize - 1;
                    let value = counters[at].unwrap_or_else(|| start_of(at));
                    let format = if at == ilvl { level.format } else { level_of(at).format };
                    out.push_str(&format_number(value, format));
                    continue;
                }
            }
            out.push(c);
        }
        if out.trim().is_empty() {
            return None;
        }
        out.push_str(level.suffix);
        Some(out)
    }
}

fn format_number(n: u32, format: Format) -> String {
    match format {
        Format::Decimal | Format::Bullet | Format::None => n.to_string(),
        Format::DecimalZero => format!("{n:02}"),
        Format::LowerLetter => letters(n),
        Format::UpperLetter => letters(n).to_uppercase(),
        Format::LowerRoman => roman(n).to_lowercase(),
        Format::UpperRoman => roman(n),
    }
}

/// Word's letters: a…z, then aa…zz, then aaa… (the letter repeated, not base 26).
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let letter = (b'a' + ((n - 1) % 26) as u8) as char;
    let times = ((n - 1) / 26 + 1).min(50) as usize;
    std::iter::repeat(letter).take(times).collect()
}

fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for &(value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="8">
        <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="9">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="20"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
      <w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>
    </w:numbering>"#;

    #[test]
    fn levels_formats_restarts_and_shared_counters() {
        let mut n = Numbering::read(Some(NUMBERING.as_bytes()), None);
        assert_eq!(n.next("1", 0).as_deref(), Some("1.\t"));
        assert_eq!(n.next("1", 1).as_deref(), Some("1.1 "));
        assert_eq!(n.next("1", 1).as_deref(), Some("1.2 "));
        assert_eq!(n.next("1", 2).as_deref(), Some("(a)\t"));
        assert_eq!(n.next("1", 2).as_deref(), Some("(b)\t"));
        // A shallower level advancing resets the deeper ones.
        assert_eq!(n.next("1", 0).as_deref(), Some("2.\t"));
        assert_eq!(n.next("1", 1).as_deref(), Some("2.1 "));
        // Another instance of the same list continues its numbering.
        assert_eq!(n.next("2", 0).as_deref(), Some("3.\t"));
        // An instance with a start override counts on its own from there.
        assert_eq!(n.next("3", 0).as_deref(), Some("20.\t"));
        assert_eq!(n.next("3", 0).as_deref(), Some("21.\t"));
        assert_eq!(n.next("4", 0).as_deref(), Some("IV)\t"));
        assert_eq!(n.next("4", 0).as_deref(), Some("V)\t"));
        assert_eq!(n.next("5", 0), None, "bullets are not numbers");
        assert_eq!(n.next("0", 0), None);
        assert_eq!(n.next("99", 0), None);
    }

    #[test]
    fn formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(14), "XIV");
        assert_eq!(format_number(3, Format::DecimalZero), "03");
        assert_eq!(format_number(4, Format::LowerRoman), "iv");
    }

    #[test]
    fn styles_carry_numbering_through_based_on() {
        let styles = r#"<w:styles xmlns:w="x">
          <w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="ListNumber"/></w:style>
          <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
        </w:styles>"#;
        let n = Numbering::read(None, Some(styles.as_bytes()));
        assert_eq!(n.style_numbering("Item"), (Some("1".to_string()), None));
        assert_eq!(n.style_numbering("Loop"), (None, None));
    }
}
