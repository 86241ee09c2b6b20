//! Where slips go: a receipt printer on the network (raw TCP, port 9100 as Epson, Star and
//! Bixolon network models take it), a device file (USB: `/dev/usb/lp0`) or a printer of the
//! system (a raw queue, through [`crate::system`]). Every step has a time limit, so a printer
//! that is off, unplugged or never reads gives an answer in seconds and the till goes on
//! selling.

use std::path::PathBuf;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Why a slip was not printed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    #[error("no printer answers at {0}")]
    Unreachable(String),
    #[error("there is no printer device at {0}")]
    NoDevice(String),
    #[error("the printer at {0} did not take the slip in time")]
    Timeout(String),
    #[error("the printer is out of paper")]
    PaperOut,
    #[error("the printer at {0} took the connection but does not answer")]
    NoAnswer(String),
    #[error("the printer could not be written to: {0}")]
    Io(String),
    #[error("the slip could not be made: {0}")]
    Encode(String),
    #[error("not a printer address: {0}")]
    BadTarget(String),
    #[error("this computer has no print service to reach its printers")]
    NoSystemPrinting,
    #[error("the system has no printer called {0}")]
    UnknownPrinter(String),
    #[error("the print service refused the job: {0}")]
    Refused(String),
}

/// A printer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Raw TCP, `tcp://host:port` (port 9100 when left out).
    Tcp { host: String, port: u16 },
    /// A device file or a file, `/dev/usb/lp0`.
    Device(PathBuf),
    /// A printer of the system, by the name its print settings give it (a raw queue for a
    /// receipt printer installed in the OS).
    System(String),
}

impl std::str::FromStr for Target {
    type Err = PrintError;

    fn from_str(s: &str) -> Result<Target, PrintError> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("tcp://") {
            let rest = rest.trim_end_matches('/');
            let (host, port) = match rest.rsplit_once(':') {
                Some((h, p)) => (
                    h,
                    p.parse()
                        .map_err(|_| PrintError::BadTarget(s.to_string()))?,
                ),
                None => (rest, 9100),
            };
            if host.is_empty() {
                return Err(PrintError::BadTarget(s.to_string()));
            }
            return Ok(Target::Tcp {
                host: host.to_string(),
                port,
            });
        }
        if let Some(path) = s
            .strip_prefix("file://")
            .or(Some(s).filter(|s| s.starts_with('/')))
        {
            return Ok(Target::Device(PathBuf::from(path)));
        }
        // An address typed without its scheme is still the network printer it names.
        if let Ok(at) = s.parse::<std::net::SocketAddr>() {
            return Ok(Target::Tcp {
                host: at.ip().to_string(),
                port: at.port(),
            });
        }
        if let Ok(ip) = s.parse::<std::net::IpAddr>() {
            return Ok(Target::Tcp {
                host: ip.to_string(),
                port: 9100,
            });
        }
        // Anything else is a system printer's name (CUPS names hold no '/', '#' or spaces;
        // Windows names may hold spaces).
        if s.is_empty() || s.contains("://") || s.contains(['/', '#']) {
            return Err(PrintError::BadTarget(s.to_string()));
        }
        Ok(Target::System(s.to_string()))
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Tcp { host, port } => write!(f, "tcp://{host}:{port}"),
            Target::Device(path) => write!(f, "{}", path.display()),
            Target::System(name) => f.write_str(name),
        }
    }
}

/// How long each step may take.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub connect: Duration,
    pub write: Duration,
    /// How long to wait for the printer's paper status.
    pub status: Duration,
    /// Whether silence to the status question means the printer is not there (ESC/POS network
    /// printers answer it; a socket that takes bytes and never reads would otherwise pass for
    /// a printer that printed).
    pub require_status: bool,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connect: Duration::from_secs(3),
            write: Duration::from_secs(5),
            status: Duration::from_secs(2),
            require_status: true,
        }
    }
}

/// ESC/POS "transmit paper sensor status" (DLE EOT 4).
const PAPER_STATUS: [u8; 3] = [0x10, 0x04, 0x04];
/// In its answer: the roll is out (bits 5 and 6).
const PAPER_END: u8 = 0x60;

/// Sends `bytes` to `target`: asks a network printer for its paper first (out of paper is said
/// before anything is sent), then writes, each within `limits`.
pub async fn send(target: &Target, bytes: &[u8], limits: Limits) -> Result<(), PrintError> {
    match target {
        Target::Tcp { host, port } => {
            let at = target.to_string();
            let connect = tokio::net::TcpStream::connect((host.as_str(), *port));
            let mut stream = match tokio::time::timeout(limits.connect, connect).await {
                Ok(Ok(s)) => s,
                Ok(Err(_)) | Err(_) => return Err(PrintError::Unreachable(at)),
            };
            let write = async {
                stream.write_all(&PAPER_STATUS).await?;
                stream.flush().await
            };
            match tokio::time::timeout(limits.write, write).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(PrintError::Io(e.to_string())),
                Err(_) => return Err(PrintError::Timeout(at)),
            }
            let mut status = [0u8; 1];
            match tokio::time::timeout(limits.status, stream.read(&mut status)).await {
                // A status byte (bit 4 set, bit 7 clear), with the paper end bits.
                Ok(Ok(1)) if status[0] & 0x90 == 0x10 && status[0] & PAPER_END != 0 => {
                    return Err(PrintError::PaperOut);
                }
                Ok(Ok(1)) => {}
                _ if limits.require_status => return Err(PrintError::NoAnswer(at)),
                _ => {}
            }
            let write = async {
                stream.write_all(bytes).await?;
                stream.flush().await?;
                stream.shutdown().await
            };
            match tokio::time::timeout(limits.write, write).await {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => Err(PrintError::Io(e.to_string())),
                Err(_) => Err(PrintError::Timeout(at)),
            }
        }
        Target::System(queue) => {
            crate::system::print(queue, bytes, crate::system::Content::Raw, "Kassa")
                .await
                .map(drop)
        }
        Target::Device(path) => {
            let at = path.display().to_string();
            let write = async {
                let mut file = tokio::fs::OpenOptions::new()
                    .write(true)
                    .create(false)
                    .open(path)
                    .await?;
                file.write_all(bytes).await?;
                file.flush().await
            };
            match tokio::time::timeout(limits.write, write).await {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                    Err(PrintError::NoDevice(at))
                }
                Ok(Err(e)) => Err(PrintError::Io(format!("{at}: {e}"))),
                Err(_) => Err(PrintError::Timeout(at)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printer_addresses_are_read_or_refused() {
        let t: Target = "tcp://192.168.1.50:9100".parse().unwrap();
        assert_eq!(
            t,
            Target::Tcp {
                host: "192.168.1.50".into(),
                port: 9100
            }
        );
        assert_eq!(
            "tcp://printer.local".parse::<Target>().unwrap().to_string(),
            "tcp://printer.local:9100"
        );
        assert_eq!(
            "/dev/usb/lp0".parse::<Target>().unwrap(),
            Target::Device("/dev/usb/lp0".into())
        );
        assert!("tcp://:9100".parse::<Target>().is_err());
        assert!("tcp://host:port".parse::<Target>().is_err());
        assert_eq!(
            "192.168.1.50:9101".parse::<Target>().unwrap().to_string(),
            "tcp://192.168.1.50:9101"
        );
        assert_eq!(
            "10.0.0.7".parse::<Target>().unwrap().to_string(),
            "tcp://10.0.0.7:9100"
        );
        assert_eq!(
            "TM-T20".parse::<Target>().unwrap(),
            Target::System("TM-T20".into())
        );
        assert!("ipp://printer/queue".parse::<Target>().is_err());
        assert!("lp#1".parse::<Target>().is_err());
    }
}
