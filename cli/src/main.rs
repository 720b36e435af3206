//! The `wuye` command: parses the arguments, runs the command (see the `wuye_cli` library)
//! and maps the outcome to an exit status: 0 success, 1 domain error, 2 usage error.

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = Vec::new();
    for a in std::env::args_os().skip(1) {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(raw) => {
                eprintln!(
                    "error: argument {raw:?} is not valid UTF-8\nRun 'wuye --help' for details."
                );
                return ExitCode::from(2);
            }
        }
    }
    match wuye_cli::run_args(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`wuye demo | head`) is not an error of ours.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot write to stdout: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(failure) => {
            let _ = std::io::stderr().write_all(failure.render().as_bytes());
            ExitCode::from(failure.exit_code())
        }
    }
}
