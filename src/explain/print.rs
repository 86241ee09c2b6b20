//! Why a slip was not printed, in words a cashier can act on.

use kassa_print::PrintError;

use super::Explain;
use crate::fl;

impl Explain for PrintError {
    fn explain(&self) -> String {
        match self {
            PrintError::Unreachable(at) => fl!("print-unreachable", at = at.clone()),
            PrintError::NoDevice(at) => fl!("print-no-device", at = at.clone()),
            PrintError::Timeout(at) => fl!("print-timeout", at = at.clone()),
            PrintError::PaperOut => fl!("print-paper-out"),
            PrintError::NoAnswer(at) => fl!("print-no-answer", at = at.clone()),
            PrintError::Io(detail) => fl!("print-io", detail = detail.clone()),
            PrintError::Encode(detail) => fl!("print-io", detail = detail.clone()),
            PrintError::BadTarget(target) => fl!("print-bad-target", target = target.clone()),
            PrintError::NoSystemPrinting => fl!("print-no-system"),
            PrintError::UnknownPrinter(name) => fl!("print-unknown-printer", name = name.clone()),
            PrintError::Refused(said) => fl!("print-refused", detail = said.clone()),
        }
    }
}
