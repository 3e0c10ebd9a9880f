//! `tokens completion SHELL`: the completion script for a shell, generated from the command
//! tree so it never falls out of date.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

/// Writes the completion script for `shell`.
///
/// The script is generated into memory first: clap_complete panics when its writer fails,
/// and a closed pipe (`tokens completion bash | head`) must be an error, not a panic.
pub(crate) fn write_completion(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "tokens", &mut script);
    out.write_all(&script)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(shell: Shell) -> String {
        let mut out = Vec::new();
        write_completion(shell, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("scripts are UTF-8")
    }

    #[test]
    fn every_listed_shell_gets_a_script_naming_the_commands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
            let text = script(shell);
            assert!(text.contains("rotate"), "{shell} script misses `rotate`");
            assert!(
                text.contains("expiring-within"),
                "{shell} script misses a flag"
            );
        }
    }

    #[test]
    fn bash_script_registers_the_tokens_command() {
        assert!(script(Shell::Bash).contains("complete -F _tokens"));
    }
}
