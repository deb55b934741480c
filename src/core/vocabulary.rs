//! The words that mark structure in minutes: decision markers, attendance headings, procedural
//! item titles. Kept as data so that a council's house style can extend them from the config.

use crate::core::model::{AttendanceKind, Procedural};
use regex::{Regex, RegexBuilder};
use std::sync::{Arc, OnceLock};

/// The phrases the parser recognises. [`Vocabulary::default`] holds the built-in lists; the
/// config's `[vocabulary]` table adds to them.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    /// Words that, alone on a line, open a decision block ("Decision", "RESOLVED", "NOTED").
    pub decision_lines: Vec<String>,
    /// Line openings that start a decision with its text after them ("RESOLVED –", "It was agreed:").
    pub decision_openings: Vec<String>,
    /// Phrases inside a sentence that record an outcome ("approved as a correct record").
    pub outcome_phrases: Vec<String>,
    /// Attendance headings and the list each opens.
    pub attendance_headings: Vec<(String, AttendanceKind)>,
    /// Words in an item title that make it procedural.
    pub procedural_titles: Vec<(String, Procedural)>,
    /// One regex for all procedural titles, built on first use and shared by clones.
    procedural_matcher: OnceLock<Option<Arc<Regex>>>,
    /// One regex for all outcome phrases, built on first use and shared by clones.
    outcome_matcher: OnceLock<Option<Arc<Regex>>>,
}

impl Vocabulary {
    /// Byte ranges of outcome phrases ("approved as a correct record") in `text`.
    pub fn outcomes(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        self.outcome_matcher()
            .map(|re| re.find_iter(text).map(|m| m.range()).collect())
            .unwrap_or_default()
    }

    fn outcome_matcher(&self) -> Option<&Regex> {
        let matcher = self.outcome_matcher.get_or_init(|| {
            let alternatives: Vec<String> = self.outcome_phrases.iter().map(|p| regex::escape(p)).collect();
            // ASCII case folding: Unicode folding (the Kelvin sign for "k") defeats the literal
            // prefilter that makes this fast on a long document.
            RegexBuilder::new(&format!("(?i-u:{})", alternatives.join("|")))
                .build()
                .ok()
                .map(Arc::new)
        });
        matcher.as_deref()
    }

    /// Adds an outcome phrase (from the config).
    pub fn add_outcome_phrase(&mut self, phrase: String) {
        self.outcome_phrases.push(phrase);
        self.outcome_matcher = OnceLock::new();
    }

    /// Adds a house-style procedural title (from the config).
    pub fn add_procedural_title(&mut self, words: &str, kind: Procedural) {
        self.procedural_titles.push((words.to_lowercase(), kind));
        self.procedural_matcher = OnceLock::new();
    }

    /// The procedural kind an item title names, if any ("Declarations of Interest").
    pub fn procedural(&self, title: &str) -> Option<Procedural> {
        // A plain search (no capture groups) stays on the fast engines; the phrase found names
        // its kind.
        let found = self.procedural_matcher()?.find(title)?.as_str().to_lowercase();
        self.procedural_titles
            .iter()
            .find(|(words, _)| *words == found)
            .map(|(_, p)| *p)
    }

    fn procedural_matcher(&self) -> Option<&Regex> {
        let matcher = self.procedural_matcher.get_or_init(|| {
            let alternatives: Vec<String> = self
                .procedural_titles
                .iter()
                .map(|(words, _)| regex::escape(words))
                .collect();
            RegexBuilder::new(&format!(r"(?i-u:\b(?:{})\b)", alternatives.join("|")))
                .build()
                .ok()
                .map(Arc::new)
        });
        matcher.as_deref()
    }
}

impl Default for Vocabulary {
    /// The built-in lists. Their regexes are compiled once and shared by every default
    /// vocabulary: [`parse`](crate::core::parse::parse) makes a new one for each draft.
    fn default() -> Self {
        static BUILT_IN: OnceLock<Vocabulary> = OnceLock::new();
        BUILT_IN
            .get_or_init(|| {
                let vocabulary = Vocabulary::built_in();
                vocabulary.outcome_matcher();
                vocabulary.procedural_matcher();
                vocabulary
            })
            .clone()
    }
}

impl Vocabulary {
    fn built_in() -> Self {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Vocabulary {
            decision_lines: strings(&[
                "Decision",
                "Decisions",
                "RESOLVED",
                "Resolved",
                "AGREED",
                "Agreed",
                "NOTED",
                "Noted",
                "DECISION",
                "DECISIONS",
                "Outcome",
                "Decision(s)",
                "Recommendation",
                "RECOMMENDED",
            ]),
            decision_openings: strings(&[
                "RESOLVED",
                "Resolved",
                "AGREED",
                "Agreed",
                "It was agreed",
                "It was resolved",
                "It was noted",
                "The Committee agreed",
                "The Committee resolved",
                "The Committee noted",
                "The Panel agreed",
                "The Panel resolved",
                "The Panel noted",
                "The Board agreed",
                "The Board resolved",
                "The Board noted",
                "The Subgroup agreed",
                "The Subgroup resolved",
                "The Sub-Committee agreed",
                "The Sub-Committee resolved",
                "The Cabinet agreed",
                "The Cabinet resolved",
                "The Council agreed",
                "The Council resolved",
                "Members agreed",
                "Members resolved",
                "Members noted",
                "Decision:",
                "Decision –",
                "Decision -",
                "ACTION:",
                "Action:",
            ]),
            outcome_phrases: strings(&[
                "approved as a correct record",
                "agreed as a correct record",
                "confirmed as a correct record",
                "signed as a correct record",
                "taken as a correct record",
                "accepted as a correct record",
                "approved as an accurate record",
                "agreed as an accurate record",
            ]),
            attendance_headings: vec![
                ("Present".into(), AttendanceKind::Present),
                ("Members present".into(), AttendanceKind::Present),
                ("Members Present".into(), AttendanceKind::Present),
                ("Councillors present".into(), AttendanceKind::Present),
                ("Councillors Present".into(), AttendanceKind::Present),
                ("Attendees".into(), AttendanceKind::Present),
                ("Those attending".into(), AttendanceKind::Present),
                ("Those present".into(), AttendanceKind::Present),
                ("Committee Members".into(), AttendanceKind::Present),
                ("Attendance".into(), AttendanceKind::Present),
                ("Apologies for absence".into(), AttendanceKind::Apologies),
                ("Apologies for Absence".into(), AttendanceKind::Apologies),
                ("Apologies".into(), AttendanceKind::Apologies),
                ("Absent".into(), AttendanceKind::Absent),
                ("In attendance".into(), AttendanceKind::InAttendance),
                ("In Attendance".into(), AttendanceKind::InAttendance),
                ("Also present".into(), AttendanceKind::AlsoPresent),
                ("Also Present".into(), AttendanceKind::AlsoPresent),
                ("Also in attendance".into(), AttendanceKind::AlsoPresent),
                ("Also in Attendance".into(), AttendanceKind::AlsoPresent),
                ("Officers present".into(), AttendanceKind::Officers),
                ("Officers Present".into(), AttendanceKind::Officers),
                ("Officers in attendance".into(), AttendanceKind::Officers),
                ("Officers".into(), AttendanceKind::Officers),
            ],
            procedural_titles: vec![
                ("apologies".into(), Procedural::Apologies),
                ("declaration".into(), Procedural::Declarations),
                ("declarations".into(), Procedural::Declarations),
                ("interests".into(), Procedural::Declarations),
                ("minutes".into(), Procedural::PreviousMinutes),
                ("previous meeting".into(), Procedural::PreviousMinutes),
                ("last meeting".into(), Procedural::PreviousMinutes),
                ("next meeting".into(), Procedural::NextMeeting),
                ("future meeting".into(), Procedural::NextMeeting),
                ("future meetings".into(), Procedural::NextMeeting),
                ("date of meeting".into(), Procedural::NextMeeting),
                ("dates of meetings".into(), Procedural::NextMeeting),
                ("welcome".into(), Procedural::Welcome),
                ("introductions".into(), Procedural::Welcome),
                ("urgent business".into(), Procedural::Urgent),
                ("urgent items".into(), Procedural::Urgent),
                ("any other business".into(), Procedural::Urgent),
                ("exclusion of the press".into(), Procedural::Exclusion),
                ("exclusion of press".into(), Procedural::Exclusion),
                ("exclusion of the public".into(), Procedural::Exclusion),
            ],
            procedural_matcher: OnceLock::new(),
            outcome_matcher: OnceLock::new(),
        }
    }
}
