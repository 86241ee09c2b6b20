//! The customer's bank account for `kassa d24 refund`, from a file (`--account FILE`) or asked
//! on the terminal (`--account-prompt`), never from the command line: arguments are visible to
//! every local user in `ps` and stay in the shell's history, and a name, an account number and
//! an ID document number are personal data.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use serde::Deserialize;

use crate::fl;

/// The largest account file read: a few short lines.
const MAX_ACCOUNT_FILE: usize = 16 * 1024;

/// The account as given; checked and typed by the request builder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BankInput {
    pub beneficiary: Option<String>,
    pub bank_code: Option<String>,
    pub branch: Option<String>,
    pub account_number: Option<String>,
    /// checking, saving or salary.
    pub account_type: String,
    pub document_id: Option<String>,
}

/// A TOML value written as text or as a number (`bank_code = 101` or `"101"`).
#[derive(Deserialize)]
#[serde(untagged)]
enum Text {
    Text(String),
    Number(i64),
}

impl Text {
    fn into_string(self) -> String {
        match self {
            Text::Text(s) => s,
            Text::Number(n) => n.to_string(),
        }
    }
}

/// The file's keys; any other key is refused (a typo must not drop a field silently).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountFile {
    beneficiary: Option<Text>,
    bank_code: Option<Text>,
    branch: Option<Text>,
    account_number: Option<Text>,
    account_type: Option<String>,
    document_id: Option<Text>,
}

const DEFAULT_TYPE: &str = "checking";

/// Reads the account from a TOML file (see the README for its keys).
pub fn from_file(path: &Path) -> Result<BankInput, String> {
    let bytes = super::files::read_capped(path, MAX_ACCOUNT_FILE)?;
    let bad = |detail: String| {
        fl!(
            "cli-d24-account-file-bad",
            path = path.display().to_string(),
            detail = detail
        )
    };
    let text = String::from_utf8(bytes).map_err(|e| bad(e.to_string()))?;
    let f: AccountFile = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
    let text = |t: Option<Text>| t.map(Text::into_string);
    Ok(BankInput {
        beneficiary: text(f.beneficiary),
        bank_code: text(f.bank_code),
        branch: text(f.branch),
        account_number: text(f.account_number),
        account_type: f.account_type.unwrap_or_else(|| DEFAULT_TYPE.into()),
        document_id: text(f.document_id),
    })
}

/// Asks for the account on the terminal (standard input must be one: a script gives a file).
pub fn from_terminal() -> Result<BankInput, String> {
    if !std::io::stdin().is_terminal() {
        return Err(fl!("cli-d24-account-prompt-no-terminal"));
    }
    ask(&mut std::io::stdin().lock(), &mut std::io::stderr())
}

/// Asks each field in turn, on `out`, reading answers from `input`; a required field left
/// empty is asked again.
fn ask(input: &mut impl BufRead, out: &mut impl Write) -> Result<BankInput, String> {
    let mut line = |prompt: String| -> Result<Option<String>, String> {
        let _ = write!(out, "{prompt}: ");
        let _ = out.flush();
        let mut answer = String::new();
        let read = input.read_line(&mut answer).map_err(|e| e.to_string())?;
        if read == 0 {
            return Err(fl!("cli-d24-account-prompt-ended"));
        }
        let answer = answer.trim().to_string();
        Ok(Some(answer).filter(|a| !a.is_empty()))
    };
    let mut required = |field: String| -> Result<Option<String>, String> {
        let mut prompt = field.clone();
        loop {
            if let Some(answer) = line(prompt.clone())? {
                return Ok(Some(answer));
            }
            prompt = fl!("cli-d24-prompt-required", field = field.clone());
        }
    };
    let beneficiary = required(fl!("d24-field-beneficiary"))?;
    let bank_code = required(fl!("d24-field-bank-code"))?;
    let branch = required(fl!("d24-field-branch"))?;
    let account_number = required(fl!("d24-field-account-number"))?;
    let optional = |field: String| fl!("cli-d24-prompt-optional", field = field);
    let account_type = line(fl!("cli-d24-prompt-account-type", default = DEFAULT_TYPE))?
        .unwrap_or_else(|| DEFAULT_TYPE.into());
    let document_id = line(optional(fl!("d24-field-document-id")))?;
    Ok(BankInput {
        beneficiary,
        bank_code,
        branch,
        account_number,
        account_type,
        document_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_asks_each_field_and_takes_the_default_type() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        // The holder left empty at first is asked again.
        let mut input = std::io::Cursor::new("\nJan Peeters\n101\n0001\n 12345678 \n\n\n");
        let mut out = Vec::new();
        let got = ask(&mut input, &mut out).unwrap();
        assert_eq!(
            got,
            BankInput {
                beneficiary: Some("Jan Peeters".into()),
                bank_code: Some("101".into()),
                branch: Some("0001".into()),
                account_number: Some("12345678".into()),
                account_type: "checking".into(),
                document_id: None,
            }
        );
        let asked = String::from_utf8(out).unwrap();
        assert!(asked.contains("Account holder: "), "{asked}");
        assert!(asked.contains("Account holder (required): "), "{asked}");
        assert!(asked.contains("ID document number (optional): "), "{asked}");
        // Input that ends early is an error, not a half-filled account.
        let mut short = std::io::Cursor::new("Jan\n");
        assert!(ask(&mut short, &mut Vec::new()).is_err());
    }

    #[test]
    fn a_file_gives_every_field_and_refuses_unknown_keys_and_special_files() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("account.toml");
        std::fs::write(
            &path,
            "beneficiary = \"Jan Peeters\"\nbank_code = 101\nbranch = \"0001\"\n\
             account_number = \"12345678\"\naccount_type = \"saving\"\ndocument_id = \"X1\"\n",
        )
        .unwrap();
        let got = from_file(&path).unwrap();
        assert_eq!(got.bank_code.as_deref(), Some("101"));
        assert_eq!(got.account_type, "saving");
        assert_eq!(got.document_id.as_deref(), Some("X1"));

        std::fs::write(&path, "beneficary = \"typo\"\n").unwrap();
        let err = from_file(&path).unwrap_err();
        assert!(err.contains("beneficary"), "{err}");
        let err = from_file(Path::new("/dev/zero")).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
    }
}
