//! Writing to standard output and standard error without ever panicking: `println!` panics on a
//! closed pipe or a full disk. Commands write through these functions and return the error;
//! [`finish`] turns it into an exit status: a closed pipe ends quietly with 141, as a process
//! killed by SIGPIPE would, and any other failure is said where it still can be, with status 2.

use std::io::{self, Write};
use std::process::ExitCode;

/// The status of a process that wrote into a closed pipe: 128 + SIGPIPE.
pub const BROKEN_PIPE: u8 = 141;

/// Writes `text` to standard output.
pub fn out(text: &str) -> io::Result<()> {
    io::stdout().lock().write_all(text.as_bytes())
}

/// Writes `text` and a newline to standard error.
pub fn err(text: &str) -> io::Result<()> {
    let mut e = io::stderr().lock();
    e.write_all(text.as_bytes())?;
    e.write_all(b"\n")
}

/// `brief: message` on standard error, for a program that goes on whatever happens to it (the
/// reader, whose terminal may be gone): a failure to say it is not worth failing for.
pub fn note(message: &str) {
    let _ = err(&format!("brief: {message}"));
}

/// The exit status of a command that wrote through this module: what it returned, once standard
/// output is flushed, or the status its failure to write calls for.
pub fn finish(result: io::Result<ExitCode>) -> ExitCode {
    let result = result.and_then(|code| io::stdout().lock().flush().map(|()| code));
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(BROKEN_PIPE),
        Err(e) => {
            // Standard error may be what failed; then there is nobody left to tell.
            let _ = err(&format!("brief: cannot write the output: {e}"));
            ExitCode::from(2)
        }
    }
}
