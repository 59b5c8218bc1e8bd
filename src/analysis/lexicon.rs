//! The one format of the analysis's data files (`data/*.txt`), and its strict parser.
//!
//! A data file is lines of fields separated by `|`; blank lines and lines starting with `#`
//! are comments. Each file has a fixed number of fields per line (a range, where trailing
//! fields are optional), and each field is checked by whoever reads the file. Every mistake
//! is reported as `file:line: message`, so a mistyped category fails the build's tests instead
//! of silently meaning something else (the files are compiled in, and every reader has a test
//! that parses its file).

use std::fmt;
use std::ops::RangeInclusive;

/// One line of a data file.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// Trimmed fields; missing optional trailing fields are empty strings.
    pub fields: Vec<&'a str>,
}

/// A mistake in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

impl<'a> Row<'a> {
    /// An error at this row.
    pub fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError { file: self.file, line: self.line, message: message.into() }
    }

    /// Field `i`, which must not be empty.
    pub fn required(&self, i: usize, what: &str) -> Result<&'a str, LexiconError> {
        match self.fields.get(i).copied() {
            Some(f) if !f.is_empty() => Ok(f),
            _ => Err(self.error(format!("{what} is missing (field {})", i + 1))),
        }
    }

    /// Field `i` as one of `choices` (key, value); the message lists the keys.
    pub fn choice<T: Copy>(
        &self,
        i: usize,
        what: &str,
        choices: &[(&str, T)],
    ) -> Result<T, LexiconError> {
        let field = self.required(i, what)?;
        choices.iter().find(|(k, _)| *k == field).map(|(_, v)| *v).ok_or_else(|| {
            let keys: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
            self.error(format!("unknown {what} \"{field}\" (one of: {})", keys.join(", ")))
        })
    }

    /// Field `i` split on `;`, each item trimmed, empty items dropped.
    pub fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.fields
            .get(i)
            .copied()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Parses a data file whose lines have `arity` fields.
pub fn parse<'a>(
    file: &'static str,
    text: &'a str,
    arity: RangeInclusive<usize>,
) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let row = Row { file, line: i + 1, fields: Vec::new() };
        if !arity.contains(&fields.len()) {
            let want = if arity.start() == arity.end() {
                format!("{}", arity.start())
            } else {
                format!("{} to {}", arity.start(), arity.end())
            };
            return Err(
                row.error(format!("{} fields, expected {want} separated by |", fields.len()))
            );
        }
        fields.resize(*arity.end(), "");
        rows.push(Row { fields, ..row });
    }
    Ok(rows)
}

/// Parses a compiled-in data file, panicking with `file:line: message` on a mistake. The
/// files are constants of the program, and each reader's test parses its file, so a mistake
/// fails `cargo test` long before a user could meet it.
pub fn parse_compiled(
    file: &'static str,
    text: &'static str,
    arity: RangeInclusive<usize>,
) -> Vec<Row<'static>> {
    parse(file, text, arity).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_comments_and_optional_fields() {
        let rows = parse("t.txt", "# c\n\n a | b \nc|d|e\n", 2..=3).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].fields.clone()), (3, vec!["a", "b", ""]));
        assert_eq!(rows[1].fields, ["c", "d", "e"]);
    }

    #[test]
    fn mistakes_name_file_and_line() {
        let cases: &[(&str, &str)] = &[
            ("a | b\nonly\n", "t.txt:2: 1 fields, expected 2 separated by |"),
            ("a|b|c|d\n", "t.txt:1: 4 fields, expected 2 separated by |"),
        ];
        for (text, want) in cases {
            assert_eq!(parse("t.txt", text, 2..=2).unwrap_err().to_string(), *want);
        }
        let rows = parse("t.txt", "say | contnet\n", 2..=2).unwrap();
        let err = rows[0].choice(1, "category", &[("content", 0), ("praise", 1)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.txt:1: unknown category \"contnet\" (one of: content, praise)"
        );
        let rows = parse("t.txt", " | x\n", 2..=2).unwrap();
        assert_eq!(
            rows[0].required(0, "verb").unwrap_err().to_string(),
            "t.txt:1: verb is missing (field 1)"
        );
    }
}
